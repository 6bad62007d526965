"""CSV and iCalendar exports parse back to what was scheduled."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from filmpark.documents.exports import (
    dood_csv_text,
    fold_line,
    one_liner_csv_text,
    schedule_csv_text,
    shoot_days_ics,
)
from filmpark.reports.dood import day_out_of_days
from filmpark.reports.one_liner import one_liner
from filmpark.schedule.evaluate import evaluate
from filmpark.schedule.result import Schedule
from tests.schedule.builders import a_cast_member, a_problem, a_scene

STAMP = datetime(2027, 1, 5, 9, 30, tzinfo=UTC)


def a_schedule() -> Schedule:
    problem = a_problem(
        [
            a_scene("1", location="phở stall", cast=[1, 2], eighths=11),
            a_scene("2", location="river, road", cast=[1], night=True, exterior=True),
            a_scene("3", location="phở stall", cast=[2]),
        ],
        cast=[a_cast_member(1, "Mai"), a_cast_member(2, "Ông Sáu")],
    )
    return evaluate(problem, {date(2027, 3, 1): ["1", "3"], date(2027, 3, 3): ["2"]})


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_schedule_csv_has_a_row_per_scene_in_shooting_order() -> None:
    table = rows(schedule_csv_text(a_schedule()))
    assert table[0][:4] == ["day", "date", "order", "scene"]
    assert [row[3] for row in table[1:]] == ["1", "3", "2"]
    first = dict(zip(table[0], table[1], strict=True))
    assert first["pages"] == "1 3/8"
    assert first["cast"] == "Mai; Ông Sáu"
    assert first["date"] == "2027-03-01"


def test_the_dood_csv_has_codes_across_and_totals_after() -> None:
    schedule = a_schedule()
    table = rows(dood_csv_text(day_out_of_days(schedule)))
    header = table[0]
    mai = dict(zip(header, next(r for r in table if r[1] == "Mai"), strict=True))
    assert mai["2027-03-01"] == "SW"
    assert mai["2027-03-02"] == "H"
    assert mai["2027-03-03"] == "WF"
    assert mai["hold"] == "1"
    assert mai["paid"] == "3"
    assert table[1][header.index("2027-03-02")] == "no shooting"


def test_the_one_liner_csv_lists_every_scene_with_its_call() -> None:
    table = rows(one_liner_csv_text(one_liner(a_schedule())))
    assert len(table) == 4
    assert table[1][2] == "06:00"


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_the_ical_file_is_rfc5545_with_crlf_folded_lines_and_one_event_per_day() -> None:
    text = shoot_days_ics(a_schedule(), production="Phở at Dawn", stamp=STAMP)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20270301" in lines
    assert "DTEND;VALUE=DATE:20270302" in lines
    assert "DTSTAMP:20270105T093000Z" in lines
    location = next(line for line in lines if line.startswith("LOCATION:") and "River" in line)
    assert location == "LOCATION:River\\, Road"


def uids(text: str) -> list[str]:
    return [line for line in unfold(text) if line.startswith("UID:")]


def test_ical_uids_stay_the_same_when_the_schedule_is_exported_again() -> None:
    first = uids(shoot_days_ics(a_schedule(), production="X", stamp=STAMP))
    again = uids(shoot_days_ics(a_schedule(), production="X"))
    assert first == again
    assert len(set(first)) == 2


def test_folding_never_splits_a_multibyte_character() -> None:
    line = "SUMMARY:" + "Phở " * 40
    folded = fold_line(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")
    assert folded.replace("\r\n ", "") == line
