"""The config's hospitals, actors and event days reach the rendered call sheets and DOOD."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest
from pdfminer.high_level import extract_text

from filmpark.documents.exports import dood_csv_text
from filmpark.documents.html import render_call_sheet_html
from filmpark.documents.pdf import call_sheets_pdf
from filmpark.reports.call_sheet import call_sheets
from filmpark.reports.dood import day_out_of_days
from filmpark.schedule.problem import Hospital
from filmpark.schedule.result import Schedule
from tests.budget.builders import a_small_production


def cast_and_hospital() -> tuple[Schedule, object]:
    _, schedule, breakdown = a_small_production()
    problem = schedule.problem
    cast = tuple(
        replace(member, actor="Nguyễn Thị Lan", travel=(date(2027, 2, 27),))
        if member.name == "LAN"
        else member
        for member in problem.cast
    )
    locations = tuple(
        replace(location, hospital=Hospital("Bạch Mai", phone="115"))
        for location in problem.locations
    )
    return replace(schedule, problem=replace(problem, cast=cast, locations=locations)), breakdown


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_call_sheet_page_names_the_hospital_and_the_actor(lang: str) -> None:
    schedule, breakdown = cast_and_hospital()
    page = render_call_sheet_html(call_sheets(schedule, breakdown)[0], lang=lang)  # type: ignore[arg-type]
    assert "Bạch Mai, 115" in page
    assert "Nguyễn Thị Lan" in page
    assert "(to be filled in)" not in page
    assert "(cần bổ sung)" not in page


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_call_sheet_pdf_names_the_hospital_and_the_actor(lang: str) -> None:
    schedule, breakdown = cast_and_hospital()
    data = call_sheets_pdf(call_sheets(schedule, breakdown), lang=lang)  # type: ignore[arg-type]
    text = extract_text(io.BytesIO(data))
    assert "Bạch Mai, 115" in text
    assert "Nguyễn Thị Lan" in text


def test_the_dood_csv_gives_the_actor_and_the_travel_day() -> None:
    schedule, _ = cast_and_hospital()
    table = list(csv.reader(io.StringIO(dood_csv_text(day_out_of_days(schedule)))))
    lan = dict(zip(table[0], next(r for r in table if r[1] == "LAN"), strict=True))
    assert lan["actor"] == "Nguyễn Thị Lan"
    assert lan["2027-02-27"] == "T"
    assert lan["travel"] == "1"
