"""Languages: the reader's choice, Vietnamese dates and money, compiled catalogs."""

from __future__ import annotations

from datetime import date

import pytest

from filmpark.units import Money
from filmpark.web.i18n import language_from_accept, normalise_language, translator


def test_vietnamese_readers_see_day_month_year_dates() -> None:
    assert translator("vi").date(date(2026, 11, 25)) == "25/11/2026"


def test_vietnamese_readers_see_dong_with_dots_and_no_decimals() -> None:
    text = translator("vi").money(Money.of("1234567", "VND"))
    assert text.replace("\xa0", " ") == "1.234.567 ₫"


def test_english_readers_see_the_same_amount_with_commas() -> None:
    assert translator("en").money(Money.of("1234567", "VND")) == "₫1,234,567"
    assert translator("en").money(Money.of("1234.5", "USD")) == "US$1,234.50"


def test_numbers_follow_the_readers_language() -> None:
    assert translator("vi").number(1234567) == "1.234.567"
    assert translator("en").number(1234567) == "1,234,567"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("vi-VN,vi;q=0.9,en;q=0.8", "vi"),
        ("fr-FR,en;q=0.5,vi;q=0.9", "vi"),
        ("de-DE", None),
        ("", None),
        ("en;q=0", None),
    ],
)
def test_the_browser_language_is_used_when_the_reader_chose_none(
    header: str, expected: str | None
) -> None:
    assert language_from_accept(header) == expected


def test_language_codes_are_normalised_and_unknown_ones_refused() -> None:
    assert normalise_language("vi_VN") == "vi"
    assert normalise_language("EN-gb") == "en"
    assert normalise_language("fr") is None
    assert translator("fr").language == "en"
