"""The book's own pieces: strips in their colours, DOOD-driven cast days, the bound PDF."""

import io

from pypdf import PdfReader

from filmpark.budget.build import build_budget, default_settings
from filmpark.budget.compute import summarise
from filmpark.budget.from_schedule import schedule_facts
from filmpark.documents.book import Book, strip_rows, write_book
from filmpark.reports.call_sheet import call_sheets
from filmpark.reports.dood import day_out_of_days
from filmpark.reports.stripboard import Palette
from filmpark.screenplay import read_text
from filmpark.services.plan import cast_days_from_dood
from tests.budget.builders import a_small_production


def a_book() -> Book:
    _, schedule, breakdown = a_small_production()
    dood = day_out_of_days(schedule)
    days = cast_days_from_dood(schedule, dood)
    summary = summarise(build_budget(schedule_facts(schedule, days), default_settings("vietnam")))
    script = read_text("INT. HOUSE - DAY\n\nLAN\nHello.\n", "tiny.fountain")
    return Book(
        title="Phở at Dawn",
        script=script,
        breakdown=breakdown,
        schedule=schedule,
        summary=summary,
        call_sheets=call_sheets(schedule, breakdown),
        cast_days=days,
        dood=dood,
        plan_json={"schema": "Plan.1"},
    )


def test_strips_take_the_industry_colours_with_a_break_after_each_day() -> None:
    palette = Palette()
    rows = strip_rows(a_book(), "en")
    colours = {row["number"]: row["colour"] for row in rows if row["kind"] == "strip"}
    assert colours == {
        "1": palette.int_day,
        "2": palette.ext_day,
        "3": palette.ext_night,
        "4": palette.int_night,
    }
    assert [row["kind"] for row in rows].count("day_break") == 3
    assert next(row["heading"] for row in rows if row.get("number") == "2") == "EXT. PHỐ CỔ - DAY"


def test_cast_days_are_the_dood_totals_and_work_dates() -> None:
    book = a_book()
    days = {member.name: member for member in book.cast_days}
    # BÀ TƯ works Monday 1 and Thursday 4 March and is held on the two working days between.
    assert days["BÀ TƯ"].work_days == 2
    assert days["BÀ TƯ"].hold_days == 2
    assert days["BÀ TƯ"].paid_days == 4
    assert [d.day for d in days["BÀ TƯ"].work_dates] == [1, 4]
    for row in book.dood.rows:
        assert days[row.name].paid_days == row.totals.paid


def test_the_bound_book_has_a_bookmark_per_document(tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = write_book(tmp_path, a_book(), lang="vi")
    assert tmp_path / "index.html" in written
    reader = PdfReader(io.BytesIO((tmp_path / "book.pdf").read_bytes()))
    titles = [item.title for item in reader.outline]  # type: ignore[union-attr]
    assert titles[0] == "Mục lục"  # the cover: summary, contents with page numbers, defaults
    assert "Lịch gọi đoàn" in titles
    assert "Tổng hợp dự toán" in titles
    assert "Bảng dải cảnh" in titles
    assert len(reader.pages) >= len(titles)
