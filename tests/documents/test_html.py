from datetime import date

import pytest

from filmpark.budget.build import build_budget, default_settings
from filmpark.budget.compute import summarise
from filmpark.documents.html import (
    render_budget_detail_html,
    render_call_sheet_html,
    render_top_sheet_html,
)
from filmpark.errors import ValidationError
from filmpark.reports.budget_detail import budget_detail
from filmpark.reports.call_sheet import call_sheets
from filmpark.reports.top_sheet import top_sheet
from tests.budget.builders import a_day, a_performer, a_schedule, a_small_production

MON = date(2027, 3, 1)


def a_summary():  # type: ignore[no-untyped-def]
    facts = a_schedule(a_day(1, MON, cast=(1,)), cast=(a_performer(1, "<LAN>", dates=(MON,)),))
    return summarise(build_budget(facts, default_settings("vietnam"), title="Phở & bánh mì"))


def test_the_vietnamese_top_sheet_page_is_vietnamese_with_vietnamese_money() -> None:
    page = render_top_sheet_html(top_sheet(a_summary()), lang="vi")
    assert '<html lang="vi">' in page
    assert "Tổng hợp dự toán" in page
    assert "Thù lao diễn viên" in page
    assert " ₫" in page
    assert "Phở &amp; bánh mì" in page  # escaped, never raw markup


def test_detail_lines_are_escaped_and_placeholders_flagged() -> None:
    page = render_budget_detail_html(budget_detail(a_summary()), lang="en")
    assert "#1 &lt;LAN&gt;" in page
    assert "<LAN>" not in page
    assert 'class="placeholder">*' in page


def test_a_call_sheet_page_has_its_sections_and_leaves_the_weather_to_the_production() -> None:
    _, schedule, breakdown = a_small_production()
    page = render_call_sheet_html(call_sheets(schedule, breakdown)[0], lang="en")
    for text in (
        "Day 1 of 3",
        "General crew call",
        "Cast calls",
        "Nearest hospital",
        "Advance schedule",
        "(to be filled in by production)",
        "motorbike skid",
    ):
        assert text in page


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValidationError, match="expected en or vi"):
        render_top_sheet_html(top_sheet(a_summary()), lang="fr")


def test_units_of_the_detail_are_translated_in_vietnamese() -> None:
    page = render_budget_detail_html(budget_detail(a_summary()), lang="vi")
    assert "<td>ngày</td>" in page
    assert "<td>days</td>" not in page
    assert "<td>trọn gói</td>" in page
