"""Structural golden files: page one of every production document, as text lines with their
position on the page (x and top, in points). A change of layout or wording shows up as a diff;
look at the rendered page (``pdftoppm -png``) before refreshing with ``--update-golden`` or
``FILMPARK_UPDATE_GOLDEN=1``."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextContainer, LTTextLine

from filmpark.budget.build import build_budget, default_settings
from filmpark.budget.compare import compare_budgets
from filmpark.budget.compute import BudgetSummary, summarise
from filmpark.budget.from_schedule import schedule_facts
from filmpark.documents import pdf as pdf_docs
from filmpark.documents.book import Book, dood_pdf, one_liner_pdf, stripboard_pdf
from filmpark.reports.budget_detail import budget_detail
from filmpark.reports.call_sheet import call_sheets
from filmpark.reports.dood import day_out_of_days
from filmpark.reports.top_sheet import top_sheet
from filmpark.screenplay import read_text
from filmpark.services.plan import cast_days_from_dood
from tests.budget.builders import a_small_production

GOLDEN = Path(__file__).parent / "golden"
PREPARED = date(2027, 2, 15)


def _book() -> Book:
    _, schedule, breakdown = a_small_production()
    dood = day_out_of_days(schedule)
    days = cast_days_from_dood(schedule, dood)
    summary = summarise(
        build_budget(
            schedule_facts(schedule, days),
            default_settings("vietnam"),
            title="Phở at Dawn",
            prepared_on=PREPARED,
        )
    )
    return Book(
        title="Phở at Dawn",
        script=read_text("INT. HOUSE - DAY\n\nLAN\nHello.\n", "tiny.fountain"),
        breakdown=breakdown,
        schedule=schedule,
        summary=summary,
        call_sheets=call_sheets(schedule, breakdown),
        cast_days=days,
        dood=dood,
        plan_json={},
    )


def _summary() -> BudgetSummary:
    return _book().summary


DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "top_sheet_vi": lambda: pdf_docs.top_sheet_pdf(top_sheet(_summary()), lang="vi"),
    "budget_detail_en": lambda: pdf_docs.budget_detail_pdf(budget_detail(_summary()), lang="en"),
    "comparison_en": lambda: pdf_docs.comparison_pdf(
        compare_budgets(_summary(), _summary(), labels=("A", "B")), title="Phở at Dawn", lang="en"
    ),
    "call_sheet_en": lambda: pdf_docs.call_sheet_pdf(_book().call_sheets[1], lang="en"),
    "stripboard_en": lambda: stripboard_pdf(_book(), "en"),
    "one_liner_vi": lambda: one_liner_pdf(_book(), "vi"),
    "dood_en": lambda: dood_pdf(_book(), "en"),
}


def page_structure(data: bytes) -> list[str]:
    """``x top text`` for every text line of page one, top to bottom, left to right."""
    page = next(iter(extract_pages(io.BytesIO(data), page_numbers=[0])))
    lines: list[tuple[int, int, str]] = []
    for box in page:
        if isinstance(box, LTTextContainer):
            for line in box:
                if isinstance(line, LTTextLine) and line.get_text().strip():
                    top = round(page.height - line.y1)
                    lines.append((top, round(line.x0), " ".join(line.get_text().split())))
    return [f"{x} {top} {text}" for top, x, text in sorted(lines)]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_page_one_keeps_its_structure(name: str, request: pytest.FixtureRequest) -> None:
    lines = page_structure(DOCUMENTS[name]())
    golden = GOLDEN / f"{name}.txt"
    if request.config.getoption("--update-golden", default=False) or os.environ.get(
        "FILMPARK_UPDATE_GOLDEN"
    ):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: render, look, then --update-golden"
    assert lines == golden.read_text(encoding="utf-8").splitlines()
