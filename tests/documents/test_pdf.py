"""PDF documents: the text a reader extracts (pdfminer.six) has the headings and the names."""

import io
import os
from datetime import date
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text

from filmpark.budget.build import build_budget, default_settings
from filmpark.budget.compare import compare_budgets
from filmpark.budget.compute import summarise
from filmpark.documents.pdf import budget_detail_pdf, call_sheets_pdf, comparison_pdf, top_sheet_pdf
from filmpark.reports.budget_detail import budget_detail
from filmpark.reports.call_sheet import call_sheets
from filmpark.reports.top_sheet import top_sheet
from tests.budget.builders import a_day, a_performer, a_schedule, a_small_production

GOLDEN = Path(__file__).parent / "golden"
MON = date(2027, 3, 1)


def text_of(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return extract_text(io.BytesIO(data))


def a_summary():  # type: ignore[no-untyped-def]
    facts = a_schedule(
        a_day(1, MON, cast=(1,), extras=4), cast=(a_performer(1, "BÀ TƯ", dates=(MON,)),)
    )
    return summarise(build_budget(facts, default_settings("vietnam"), title="Phở lúc bình minh"))


def test_the_vietnamese_top_sheet_keeps_its_diacritics() -> None:
    text = text_of(top_sheet_pdf(top_sheet(a_summary()), lang="vi"))
    assert "TỔNG HỢP DỰ TOÁN" in text
    assert "Phở lúc bình minh" in text
    assert "Thù lao diễn viên" in text
    assert "Tổng cộng" in text
    assert "₫" in text


def test_the_budget_detail_shows_each_line_with_its_performer() -> None:
    text = text_of(budget_detail_pdf(budget_detail(a_summary()), lang="en"))
    assert "BUDGET DETAIL" in text
    assert "#1 BÀ TƯ" in text
    assert "Compulsory insurance" in text


def test_a_comparison_pdf_has_both_budgets_and_the_difference() -> None:
    summary = a_summary()
    text = text_of(
        comparison_pdf(compare_budgets(summary, summary, labels=("Plan A", "Plan B")), lang="en")
    )
    for heading in ("BUDGET COMPARISON", "Plan A", "Plan B", "Difference", "Grand total"):
        assert heading in text


@pytest.mark.parametrize(
    ("lang", "headings"),
    [
        (
            "en",
            (
                "CALL SHEET",
                "Day 1 of 3",
                "General crew call",
                "Cast calls",
                "Advance schedule",
                "Sunrise",
            ),
        ),
        (
            "vi",
            (
                "LỊCH GỌI ĐOÀN",
                "Ngày 1/3",
                "Giờ tập trung đoàn",
                "Giờ gọi diễn viên",
                "Lịch quay ngày kế tiếp",
                "Mặt trời mọc",
            ),
        ),
    ],
)
def test_call_sheets_carry_the_industry_headings_in_both_languages(
    lang: str, headings: tuple[str, ...]
) -> None:
    _, schedule, breakdown = a_small_production()
    text = text_of(call_sheets_pdf(call_sheets(schedule, breakdown), lang=lang))
    for heading in headings:
        assert heading in text
    assert "BÀ TƯ" in text
    assert "Hàng Bạc" in text


def test_the_first_call_sheet_page_matches_its_structural_golden_file(
    request: pytest.FixtureRequest,
) -> None:
    """Text lines of page one in reading order (a structural golden; refresh with --update-golden
    only after looking at the rendered page)."""
    _, schedule, breakdown = a_small_production()
    sheet = call_sheets(schedule, breakdown)[0]
    text = extract_text(io.BytesIO(call_sheets_pdf([sheet], lang="vi")), page_numbers=[0])
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    golden = GOLDEN / "call_sheet_day1_vi.txt"
    if request.config.getoption("--update-golden", default=False) or os.environ.get(
        "FILMPARK_UPDATE_GOLDEN"
    ):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == golden.read_text(encoding="utf-8").splitlines()
