"""The budget detail as data: each account with its lines (amount, units, ×, rate, total) and fringes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from filmpark.budget.compute import BudgetSummary
from filmpark.units import Money


@dataclass(frozen=True, slots=True)
class DetailRow:
    kind: str  # "line" or "fringe"
    description_en: str
    description_vi: str
    amount: Decimal
    quantity: Decimal
    unit: str
    multiplier: Decimal
    rate: Money
    total: Money
    note: str = ""
    placeholder: bool = False
    premium: bool = False

    def description(self, lang: str = "en") -> str:
        return self.description_vi if lang == "vi" and self.description_vi else self.description_en


@dataclass(frozen=True, slots=True)
class DetailAccount:
    code: str
    name_en: str
    name_vi: str
    category_en: str
    category_vi: str
    rows: tuple[DetailRow, ...]
    total: Money

    def name(self, lang: str = "en") -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True, slots=True)
class BudgetDetail:
    title: str
    currency: str
    accounts: tuple[DetailAccount, ...]
    grand_total: Money


def budget_detail(summary: BudgetSummary, *, include_empty: bool = False) -> BudgetDetail:
    """Every account that has money in it (or all of them with ``include_empty``)."""
    accounts: list[DetailAccount] = []
    for category in summary.categories:
        for account in category.accounts:
            rows: list[DetailRow] = [
                DetailRow(
                    kind="line",
                    description_en=item.line.description,
                    description_vi=item.line.description_vi,
                    amount=item.line.amount,
                    quantity=item.line.quantity,
                    unit=item.line.unit,
                    multiplier=item.line.multiplier,
                    rate=item.line.rate,
                    total=item.total,
                    note=item.line.note,
                    placeholder=item.line.placeholder,
                    premium=item.line.premium,
                )
                for item in account.lines
            ]
            rows.extend(
                DetailRow(
                    kind="fringe",
                    description_en=f"{charge.fringe.name_en} on {charge.line.description}",
                    description_vi=f"{charge.fringe.name_vi} trên {charge.line.label('vi')}",
                    amount=Decimal(1),
                    quantity=Decimal(1),
                    unit="%",
                    multiplier=charge.fringe.percent / Decimal(100),
                    rate=charge.base,
                    total=charge.amount,
                    note=charge.fringe.source,
                    placeholder=charge.fringe.placeholder,
                )
                for charge in account.fringes
            )
            if not rows and not include_empty:
                continue
            accounts.append(
                DetailAccount(
                    code=account.code,
                    name_en=account.account.name_en,
                    name_vi=account.account.name_vi,
                    category_en=category.category.label_en,
                    category_vi=category.category.label_vi,
                    rows=tuple(rows),
                    total=account.total,
                )
            )
    return BudgetDetail(
        summary.budget.title, summary.currency, tuple(accounts), summary.grand_total
    )
