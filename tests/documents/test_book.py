"""The book's own pieces: strips, DOOD codes, iCal."""

import io

from pypdf import PdfReader

from filmpark.budget.build import build_budget, default_settings
from filmpark.budget.compute import summarise
from filmpark.budget.from_schedule import cast_days, schedule_facts
from filmpark.documents.book import Book, dood_grid, shoot_days_ics, strip_rows, write_book
from filmpark.reports.call_sheet import call_sheets
from filmpark.screenplay import read_text
from tests.budget.builders import a_small_production


def a_book() -> Book:
    _, schedule, breakdown = a_small_production()
    days = cast_days(schedule)
    summary = summarise(
        build_budget(schedule_facts(schedule, cast=days), default_settings("vietnam"))
    )
    script = read_text("INT. HOUSE - DAY\n\nLAN\nHello.\n", "tiny.fountain")
    return Book(
        title="Phở at Dawn",
        script=script,
        breakdown=breakdown,
        schedule=schedule,
        summary=summary,
        call_sheets=call_sheets(schedule, breakdown),
        cast_days=days,
        plan_json={"schema": "Plan.1"},
    )


def test_strips_take_the_industry_colours_and_days_off_get_a_banner() -> None:
    rows = strip_rows(a_book(), "en")
    colours = {row["number"]: row["colour"] for row in rows if row["kind"] == "strip"}
    assert colours == {"1": "INT-D", "2": "EXT-D", "3": "EXT-N", "4": "INT-N"}
    kinds = [row["kind"] for row in rows]
    assert kinds.count("daybreak") == 3
    # Day 2 is Tuesday 2 March and day 3 Thursday 4 March: Wednesday is simply not a shoot day
    # (no holiday), so no banner; the shoot never crosses a rest day here.
    assert "banner" not in kinds


def test_the_dood_codes_a_performers_first_last_and_held_days() -> None:
    grid = dood_grid(a_book())
    codes = {row.name: row.codes for row in grid.rows}
    # LAN works days 1 and 2; BÀ TƯ days 1 and 3 (held on day 2); BÉ MINH day 2 only.
    assert codes["LAN"] == ("SW", "WF", "")
    assert codes["BÀ TƯ"] == ("SW", "H", "WF")
    assert codes["BÉ MINH"] == ("", "SWF", "")
    paid = {row.name: row.paid for row in grid.rows}
    # Wednesday 3 March is a working day the company does not shoot: BÀ TƯ is held through it
    # too, so she is paid two hold days between her two work days.
    assert paid["BÀ TƯ"] == 4
    assert paid["LAN"] == 2


def test_the_ical_file_has_one_event_per_shoot_day_with_folded_crlf_lines() -> None:
    text = shoot_days_ics(a_book())
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 3
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "DTSTART:20270301T060000" in lines
    assert "\n" not in text.replace("\r\n", "")


def test_the_bound_book_has_a_bookmark_per_document(tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = write_book(tmp_path, a_book(), lang="vi")
    assert tmp_path / "index.html" in written
    reader = PdfReader(io.BytesIO((tmp_path / "book.pdf").read_bytes()))
    titles = [item.title for item in reader.outline]  # type: ignore[union-attr]
    assert titles[0] == "Phiếu phân tích cảnh"
    assert "Lịch gọi đoàn" in titles
    assert "Tổng hợp dự toán" in titles
    assert len(reader.pages) >= len(titles)
