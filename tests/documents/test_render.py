from datetime import date
from decimal import Decimal

from filmpark.documents.render import csv_text, format_date, format_decimal, format_money
from filmpark.units import Money


def test_vietnamese_dates_and_money_are_written_the_vietnamese_way() -> None:
    assert format_date(date(2026, 11, 25), "vi") == "25/11/2026"
    assert format_money(Money.of("1234567", "VND"), "vi") == "1.234.567 ₫"
    assert format_money(Money.of("1234.5", "USD"), "vi") == "1.234,50 US$"
    assert format_decimal(Decimal("1.5"), "vi") == "1,5"


def test_english_dates_and_money_are_written_the_english_way() -> None:
    assert format_date(date(2026, 11, 25), "en", weekday=True) == "Wed 25 Nov 2026"
    assert format_money(Money.of("1234567", "VND"), "en") == "1,234,567 VND"
    assert format_money(Money.of("-1234.5", "USD"), "en") == "-$1,234.50"


def test_csv_quotes_commas_and_uses_crlf() -> None:
    assert csv_text(("a", "b"), [("x, y", 1)]) == 'a,b\r\n"x, y",1\r\n'
