"""The budget top sheet as data: one row per account, category subtotals, contingency, bond, total.

Rows carry both languages; the renderer picks one. ``percent`` is the row's share of the grand
total, as a top sheet prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from filmpark.budget.compute import BudgetSummary
from filmpark.units import Money


@dataclass(frozen=True, slots=True)
class TopSheetRow:
    kind: str  # "category" (a heading), "account", "category_total", "subtotal", "contingency", "bond", "total"
    code: str
    name_en: str
    name_vi: str
    amount: Money | None
    percent: Decimal | None

    def name(self, lang: str = "en") -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True, slots=True)
class TopSheet:
    title: str
    currency: str
    version: str
    prepared_on: date | None
    exchange_note_en: str
    exchange_note_vi: str
    rows: tuple[TopSheetRow, ...]
    grand_total: Money
    notes_en: tuple[str, ...]
    notes_vi: tuple[str, ...]
    equivalent: Money | None = None  # the grand total in the other currency of the exchange rate


def _share(amount: Money, total: Money) -> Decimal:
    if total.amount == 0:
        return Decimal(0)
    return (amount.amount * 100 / total.amount).quantize(Decimal("0.1"))


def top_sheet(summary: BudgetSummary) -> TopSheet:
    budget = summary.budget
    total = summary.grand_total
    rows: list[TopSheetRow] = []
    for category in summary.categories:
        rows.append(
            TopSheetRow(
                "category", "", category.category.label_en, category.category.label_vi, None, None
            )
        )
        for account in category.accounts:
            rows.append(
                TopSheetRow(
                    "account",
                    account.code,
                    account.account.name_en,
                    account.account.name_vi,
                    account.total,
                    _share(account.total, total),
                )
            )
        rows.append(
            TopSheetRow(
                "category_total",
                "",
                f"Total {category.category.label_en}",
                f"Cộng {category.category.label_vi}",
                category.total,
                _share(category.total, total),
            )
        )
    rows.append(
        TopSheetRow(
            "subtotal",
            "",
            "Subtotal",
            "Cộng chi phí",
            summary.subtotal,
            _share(summary.subtotal, total),
        )
    )
    rows.append(
        TopSheetRow(
            "contingency",
            "",
            f"Contingency ({budget.contingency_percent}%)",
            f"Dự phòng ({budget.contingency_percent}%)",
            summary.contingency,
            _share(summary.contingency, total),
        )
    )
    rows.append(
        TopSheetRow(
            "bond",
            "",
            f"Completion bond ({budget.bond_percent}%)",
            f"Bảo lãnh hoàn thành ({budget.bond_percent}%)",
            summary.bond,
            _share(summary.bond, total),
        )
    )
    rows.append(
        TopSheetRow(
            "total",
            "",
            "Grand total",
            "Tổng cộng",
            total,
            Decimal(100) if total.amount else Decimal(0),
        )
    )
    rate = budget.exchange_rate
    if rate is not None:
        flag_en = " (placeholder, to be set by the production)" if rate.placeholder else ""
        flag_vi = " (giá trị tạm, nhà sản xuất cần cập nhật)" if rate.placeholder else ""
        exchange_en = (
            f"1 {rate.base} = {rate.rate} {rate.quote} as of {rate.as_of.isoformat()}{flag_en}"
        )
        exchange_vi = f"1 {rate.base} = {rate.rate} {rate.quote} ngày {rate.as_of.strftime('%d/%m/%Y')}{flag_vi}"
    else:
        exchange_en = exchange_vi = ""
    equivalent: Money | None = None
    if rate is not None and budget.currency in (rate.base, rate.quote):
        other = rate.quote if budget.currency == rate.base else rate.base
        equivalent = total.convert(other, rate.factor(budget.currency, other)).rounded()
    placeholders = sum(1 for line in budget.lines if line.placeholder)
    notes_en: list[str] = []
    notes_vi: list[str] = []
    if placeholders:
        notes_en.append(
            f"{placeholders} detail lines use placeholder rates from the rate card: set them before relying on this budget."
        )
        notes_vi.append(
            f"{placeholders} dòng chi tiết dùng đơn giá tạm của bảng giá: cần cập nhật trước khi sử dụng dự toán."
        )
    return TopSheet(
        title=budget.title,
        currency=budget.currency,
        version=budget.version,
        prepared_on=budget.prepared_on,
        exchange_note_en=exchange_en,
        exchange_note_vi=exchange_vi,
        rows=tuple(rows),
        grand_total=total,
        notes_en=tuple(notes_en),
        notes_vi=tuple(notes_vi),
        equivalent=equivalent,
    )
