from datetime import date

from filmpark.budget.build import build_budget, default_settings
from filmpark.budget.compute import summarise
from filmpark.reports.budget_detail import budget_detail
from filmpark.reports.top_sheet import top_sheet
from filmpark.units import Money
from tests.budget.builders import a_day, a_performer, a_schedule

MON = date(2027, 3, 1)


def a_summary():  # type: ignore[no-untyped-def]
    facts = a_schedule(
        a_day(1, MON, cast=(1,), extras=4), cast=(a_performer(1, "LAN", dates=(MON,)),)
    )
    return summarise(build_budget(facts, default_settings("vietnam"), title="Phở at Dawn"))


def test_the_top_sheet_total_is_the_sum_of_its_accounts_plus_contingency_and_bond() -> None:
    sheet = top_sheet(a_summary())
    accounts = sum(
        (r.amount for r in sheet.rows if r.kind == "account" and r.amount), Money.zero("VND")
    )
    extra = sum(
        (r.amount for r in sheet.rows if r.kind in ("contingency", "bond") and r.amount),
        Money.zero("VND"),
    )
    assert sheet.rows[-1].kind == "total"
    assert accounts + extra == sheet.grand_total
    for index, row in enumerate(sheet.rows):
        if row.kind == "category_total":
            start = max(i for i in range(index) if sheet.rows[i].kind == "category")
            inside = [r.amount for r in sheet.rows[start:index] if r.kind == "account" and r.amount]
            assert sum(inside, Money.zero("VND")) == row.amount


def test_the_top_sheet_says_when_rates_are_placeholders() -> None:
    sheet = top_sheet(a_summary())
    assert any("placeholder" in note for note in sheet.notes_en)
    assert "placeholder" in sheet.exchange_note_en


def test_the_detail_lists_every_line_and_fringe_of_an_account_adding_up_to_it() -> None:
    detail = budget_detail(a_summary())
    for account in detail.accounts:
        assert sum((row.total for row in account.rows), Money.zero("VND")) == account.total
    codes = [account.code for account in detail.accounts]
    assert "A140" in codes
    assert "B490" in codes  # compulsory insurance on production staff lands in the fringe account


def test_the_top_sheet_gives_the_grand_total_in_the_other_currency_too() -> None:
    sheet = top_sheet(a_summary())
    assert sheet.equivalent is not None
    assert sheet.equivalent.currency == "USD"
    # 26,000 VND to the dollar (the card's placeholder rate), rounded once to the cent.
    assert sheet.equivalent == Money(sheet.grand_total.amount / 26000, "USD").rounded()
