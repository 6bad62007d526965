"""Totals of a budget: lines, fringes, accounts, categories, contingency, bond, grand total.

Each detail line is rounded once (to whole dong or US cents) and so is each fringe charged on
it; every total above is an exact sum of those rounded figures, so the top sheet always adds
up. A fringe lands in its category's fringe account (``1900`` above the line, ``4900`` below)
when the chart names one, else in the account of the line it is charged on. Contingency and
the completion bond are percentages of the sum of all categories (the bond is not charged on
the contingency).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from filmpark.budget.model import (
    Account,
    AccountCategory,
    Budget,
    DetailLine,
    Fringe,
    FringeScope,
    unknown_fringe,
)
from filmpark.errors import ValidationError
from filmpark.text import compose
from filmpark.units import Money


@dataclass(frozen=True, slots=True)
class FringeCharge:
    """A fringe charged on one line: which fringe, on what base, how much (rounded)."""

    fringe: Fringe
    line: DetailLine
    base: Money
    amount: Money


@dataclass(frozen=True, slots=True)
class LineTotal:
    line: DetailLine
    total: Money
    fringes: tuple[FringeCharge, ...]


@dataclass(frozen=True, slots=True)
class AccountTotal:
    """An account on the top sheet: its lines, the fringes that landed in it, its total."""

    account: Account
    lines: tuple[LineTotal, ...]
    fringes: tuple[FringeCharge, ...]
    total: Money

    @property
    def code(self) -> str:
        return self.account.code

    @property
    def lines_total(self) -> Money:
        return sum((item.total for item in self.lines), Money.zero(self.total.currency))


@dataclass(frozen=True, slots=True)
class CategoryTotal:
    category: AccountCategory
    accounts: tuple[AccountTotal, ...]
    total: Money


@dataclass(frozen=True, slots=True)
class BudgetSummary:
    """Everything the top sheet and the detail print, computed once."""

    budget: Budget
    categories: tuple[CategoryTotal, ...]
    subtotal: Money
    contingency: Money
    bond: Money
    grand_total: Money

    @property
    def currency(self) -> str:
        return self.budget.currency

    @property
    def accounts(self) -> tuple[AccountTotal, ...]:
        return tuple(account for category in self.categories for account in category.accounts)

    def account_total(self, code: str) -> Money:
        for account in self.accounts:
            if account.code == code:
                return account.total
        self.budget.chart.account(code)  # raises with the list of codes
        return Money.zero(self.currency)


def _fringes_for(line: DetailLine, category: str, fringes: tuple[Fringe, ...]) -> list[Fringe]:
    chosen: list[Fringe] = []
    for fringe in fringes:
        if fringe.scope is FringeScope.LINE:
            applies = fringe.key in line.fringes
        elif fringe.scope is FringeScope.ACCOUNT:
            applies = line.labour and line.account in fringe.targets
        else:
            applies = line.labour and category in fringe.targets
        if applies:
            chosen.append(fringe)
    return chosen


def summarise(budget: Budget) -> BudgetSummary:
    """Compute every total of ``budget`` (pure; the same budget always gives the same figures)."""
    currency = budget.currency
    zero = Money.zero(currency)
    chart = budget.chart
    known_fringes = {fringe.key for fringe in budget.fringes}
    lines_by_account: dict[str, list[LineTotal]] = {a.code: [] for a in chart.accounts}
    landed: dict[str, list[FringeCharge]] = {a.code: [] for a in chart.accounts}
    for line in budget.lines:
        for key in line.fringes:
            if key not in known_fringes:
                raise ValidationError(
                    compose("{line}: {field}", line=line.description, field="fringes"),
                    unknown_fringe(key, set(known_fringes)),
                )
        account = chart.account(line.account)
        total = line.total(currency, budget.exchange_rate)
        charges = tuple(
            FringeCharge(fringe, line, total, (total * (fringe.percent / Decimal(100))).rounded())
            for fringe in _fringes_for(line, account.category, budget.fringes)
        )
        lines_by_account[line.account].append(LineTotal(line, total, charges))
        target_account = chart.category(account.category).fringe_account
        for charge in charges:
            destination = (
                target_account
                if target_account and chart.has_account(target_account)
                else line.account
            )
            landed[destination].append(charge)

    categories: list[CategoryTotal] = []
    for category in chart.categories:
        accounts: list[AccountTotal] = []
        for account in chart.accounts:
            if account.category != category.key:
                continue
            items = tuple(lines_by_account[account.code])
            charges = tuple(landed[account.code])
            total = sum((item.total for item in items), zero) + sum(
                (charge.amount for charge in charges), zero
            )
            accounts.append(AccountTotal(account, items, charges, total))
        categories.append(
            CategoryTotal(category, tuple(accounts), sum((a.total for a in accounts), zero))
        )
    subtotal = sum((c.total for c in categories), zero)
    contingency = (subtotal * (budget.contingency_percent / Decimal(100))).rounded()
    bond = (subtotal * (budget.bond_percent / Decimal(100))).rounded()
    return BudgetSummary(
        budget=budget,
        categories=tuple(categories),
        subtotal=subtotal,
        contingency=contingency,
        bond=bond,
        grand_total=subtotal + contingency + bond,
    )
