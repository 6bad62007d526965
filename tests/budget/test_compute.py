from datetime import date
from decimal import Decimal

import pytest

from filmpark.budget.charts import load_chart
from filmpark.budget.compute import summarise
from filmpark.budget.model import Budget, DetailLine, ExchangeRate, Fringe, FringeScope
from filmpark.errors import ValidationError
from filmpark.units import Money

US = load_chart("us-feature")


def line(account: str, amount: str, quantity: str, rate: Money, **extra: object) -> DetailLine:
    return DetailLine(
        account=account,
        description=f"line in {account}",
        amount=Decimal(amount),
        quantity=Decimal(quantity),
        unit="days",
        rate=rate,
        **extra,  # type: ignore[arg-type]
    )


def test_a_detail_line_is_amount_times_units_times_multiplier_times_rate() -> None:
    item = line("2000", "2", "3", Money.of("1000000", "VND"), multiplier=Decimal("1.5"))
    assert item.total("VND", None) == Money.of("9000000", "VND")


def test_a_line_is_rounded_once_to_the_currency_minor_unit() -> None:
    item = line("2000", "3", "1", Money.of("0.335", "USD"))
    # 3 x 0.335 = 1.005 -> 1.01 once; rounding the rate first would give 1.02.
    assert item.total("USD", None) == Money.of("1.01", "USD")


def test_a_foreign_currency_line_is_converted_at_the_budget_version_rate() -> None:
    rate = ExchangeRate("USD", "VND", Decimal("25400"), date(2026, 11, 20), "bank")
    item = line("3300", "1", "1", Money.of("100", "USD"))
    assert item.total("VND", rate) == Money.of("2540000", "VND")
    assert line("3300", "1", "1", Money.of("25400", "VND")).total("USD", rate) == Money.of(
        "1", "USD"
    )


def test_a_foreign_line_without_an_exchange_rate_is_refused() -> None:
    with pytest.raises(ValidationError, match="exchange rate"):
        line("3300", "1", "1", Money.of("100", "USD")).total("VND", None)


def test_an_account_fringe_lands_in_the_category_fringe_account() -> None:
    insurance = Fringe(
        "ins", "Insurance", "Bảo hiểm", Decimal("21.5"), FringeScope.ACCOUNT, ("2000",), "law"
    )
    budget = Budget(
        title="t",
        chart=US,
        currency="VND",
        lines=(
            line("2000", "1", "1", Money.of("1000000", "VND"), labour=True),
            line("2000", "1", "1", Money.of("500000", "VND")),  # not labour: no fringe
        ),
        fringes=(insurance,),
        contingency_percent=Decimal(10),
    )
    summary = summarise(budget)
    assert summary.account_total("2000") == Money.of("1500000", "VND")
    assert summary.account_total("4900") == Money.of("215000", "VND")
    assert summary.subtotal == Money.of("1715000", "VND")
    assert summary.contingency == Money.of("171500", "VND")
    assert summary.grand_total == Money.of("1886500", "VND")


def test_a_line_fringe_applies_only_to_the_lines_that_name_it() -> None:
    pension = Fringe("ph", "P&H", "Hưu trí", Decimal(21), FringeScope.LINE, (), "agreement")
    budget = Budget(
        title="t",
        chart=US,
        currency="USD",
        lines=(
            line("1400", "1", "10", Money.of("100", "USD"), fringes=("ph",)),
            line("1400", "1", "10", Money.of("100", "USD")),
        ),
        fringes=(pension,),
        contingency_percent=Decimal(0),
    )
    summary = summarise(budget)
    assert summary.account_total("1900") == Money.of("210", "USD")
    assert summary.grand_total == Money.of("2210", "USD")


def test_a_category_fringe_covers_every_labour_line_of_the_category() -> None:
    tax = Fringe(
        "tax", "Tax", "Thuế", Decimal("7.65"), FringeScope.CATEGORY, ("below_the_line",), "IRS"
    )
    budget = Budget(
        title="t",
        chart=US,
        currency="USD",
        lines=(
            line("3300", "1", "1", Money.of("1000", "USD"), labour=True),
            line("3200", "1", "1", Money.of("1000", "USD"), labour=True),
            line("1400", "1", "1", Money.of("1000", "USD"), labour=True),
        ),
        fringes=(tax,),
        contingency_percent=Decimal(0),
    )
    summary = summarise(budget)
    assert summary.account_total("4900") == Money.of("153", "USD")
    assert summary.account_total("1900") == Money.of("0", "USD")


def test_top_sheet_totals_are_the_sum_of_the_accounts() -> None:
    budget = Budget(
        title="t",
        chart=US,
        currency="VND",
        lines=tuple(
            line(code, "1", str(i + 1), Money.of("1234567", "VND"))
            for i, code in enumerate(("1100", "1400", "2100", "3300", "5000", "6700"))
        ),
        contingency_percent=Decimal(10),
        bond_percent=Decimal(2),
    )
    summary = summarise(budget)
    for category in summary.categories:
        assert category.total == sum((a.total for a in category.accounts), Money.zero("VND"))
    assert summary.subtotal == sum((a.total for a in summary.accounts), Money.zero("VND"))
    assert summary.subtotal == Money.of(1234567 * 21, "VND")
    assert summary.grand_total == summary.subtotal + summary.contingency + summary.bond
    assert summary.bond == (summary.subtotal * Decimal("0.02")).rounded()


def test_an_unknown_account_or_fringe_is_refused_with_its_name() -> None:
    with pytest.raises(ValidationError, match="no account '9999'"):
        Budget(
            title="t", chart=US, currency="VND", lines=(line("9999", "1", "1", Money.of(1, "VND")),)
        )
    budget = Budget(
        title="t",
        chart=US,
        currency="VND",
        lines=(line("2000", "1", "1", Money.of(1, "VND"), fringes=("nope",)),),
    )
    with pytest.raises(ValidationError, match="unknown fringe 'nope'"):
        summarise(budget)


def test_a_negative_rate_or_quantity_is_refused() -> None:
    with pytest.raises(ValidationError, match="cannot be negative"):
        line("2000", "1", "-1", Money.of(1, "VND"))
    with pytest.raises(ValidationError, match="cannot be negative"):
        line("2000", "1", "1", Money.of(-1, "VND"))
