"""Two budgets side by side (two schedules of the same script), the difference per account."""

from __future__ import annotations

from dataclasses import dataclass

from filmpark.budget.compute import BudgetSummary
from filmpark.errors import ValidationError
from filmpark.text import t
from filmpark.units import Money


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One account (or a total) in both budgets; ``difference`` is right minus left."""

    code: str
    name_en: str
    name_vi: str
    left: Money
    right: Money
    kind: str = "account"  # account | category | total

    @property
    def difference(self) -> Money:
        return self.right - self.left

    def name(self, lang: str = "en") -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True, slots=True)
class BudgetComparison:
    left_label: str
    right_label: str
    currency: str
    rows: tuple[ComparisonRow, ...]

    @property
    def grand_total(self) -> ComparisonRow:
        return self.rows[-1]

    def changed(self) -> tuple[ComparisonRow, ...]:
        return tuple(row for row in self.rows if row.kind == "account" and row.left != row.right)


def compare_budgets(
    left: BudgetSummary, right: BudgetSummary, *, labels: tuple[str, str] = ("A", "B")
) -> BudgetComparison:
    """Every account of either budget, category subtotals, contingency, bond and grand total."""
    if left.currency != right.currency:
        raise ValidationError(
            "currency", t("budget.cannot_compare", left=left.currency, right=right.currency)
        )
    zero = Money.zero(left.currency)
    rows: list[ComparisonRow] = []
    right_accounts = {a.code: a for a in right.accounts}
    left_codes = {a.code for a in left.accounts}
    for category in left.categories:
        right_category = next(
            (c for c in right.categories if c.category.key == category.category.key), None
        )
        for account in category.accounts:
            other = right_accounts.get(account.code)
            rows.append(
                ComparisonRow(
                    account.code,
                    account.account.name_en,
                    account.account.name_vi,
                    account.total,
                    other.total if other else zero,
                )
            )
        rows.append(
            ComparisonRow(
                "",
                f"Total {category.category.label_en}",
                f"Cộng {category.category.label_vi}",
                category.total,
                right_category.total if right_category else zero,
                kind="category",
            )
        )
    for account in right.accounts:
        if account.code not in left_codes:
            rows.append(
                ComparisonRow(
                    account.code,
                    account.account.name_en,
                    account.account.name_vi,
                    zero,
                    account.total,
                )
            )
    rows.extend(
        [
            ComparisonRow("", "Subtotal", "Cộng", left.subtotal, right.subtotal, kind="total"),
            ComparisonRow(
                "", "Contingency", "Dự phòng", left.contingency, right.contingency, kind="total"
            ),
            ComparisonRow(
                "", "Completion bond", "Bảo lãnh hoàn thành", left.bond, right.bond, kind="total"
            ),
            ComparisonRow(
                "", "Grand total", "Tổng cộng", left.grand_total, right.grand_total, kind="total"
            ),
        ]
    )
    return BudgetComparison(labels[0], labels[1], left.currency, tuple(rows))
