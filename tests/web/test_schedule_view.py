"""The stripboard, strip colours, the stored day out of days and cost terms as the pages read them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from filmpark.reports.dood import DoodCode, day_out_of_days, dood_document
from filmpark.schedule.evaluate import evaluate
from filmpark.units import Money
from filmpark.web.schedule_view import (
    board,
    cast_numbers,
    cost_terms,
    cost_total,
    day_night,
    scene_facts,
    stored_dood,
    strip_class,
)
from tests.schedule.builders import a_cast_member, a_problem, a_scene


def a_script(*scenes: tuple[str, str, str | None, list[str]]) -> dict[str, Any]:
    """A Script.1 document: (number, INT/EXT, time, speaking) per scene, 1/8 page each."""
    return {
        "schema": "Script.1",
        "scenes": [
            {
                "number": number,
                "heading": f"{ie}. PLACE {number} - {time}",
                "int_ext": ie,
                "location": f"PLACE {number}",
                "time": time,
                "eighths": 1,
                "speaking": cast,
            }
            for number, ie, time, cast in scenes
        ],
    }


def a_schedule(
    *days: tuple[str, list[str]], locks: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "schema": "Schedule.1",
        "days": [
            {"date": date, "scenes": scenes, "eighths": len(scenes), "minutes": 60}
            for date, scenes in days
        ],
        "locks": locks or [],
    }


SCRIPT = a_script(
    ("1", "INT", "DAY", ["LAN", "MINH"]),
    ("2", "EXT", "NIGHT", ["LAN"]),
    ("3", "EXT", "DAY", ["LAN", "HÙNG"]),
    ("4", "INT", "ĐÊM", ["MINH"]),
)


@pytest.mark.parametrize(
    ("int_ext", "time", "expected"),
    [
        ("INT", "DAY", "int-day"),
        ("EXT", "DAY", "ext-day"),
        ("INT", "NIGHT", "int-night"),
        ("EXT", "NIGHT", "ext-night"),
        ("INT/EXT", "NIGHT", "ext-night"),
        ("INT", "ĐÊM", "int-night"),
        ("EXT", "BÌNH MINH", "ext-day"),
        ("EXT", None, "ext-day"),
    ],
)
def test_strips_take_the_industry_colour_of_interior_or_exterior_by_day_or_night(
    int_ext: str, time: str | None, expected: str
) -> None:
    assert strip_class(int_ext, day_night(time)) == expected


def test_the_breakdowns_day_or_night_wins_over_the_heading_time() -> None:
    assert day_night("DAY", "N") == "N"
    assert day_night("NIGHT", "D") == "D"


def test_the_lead_gets_cast_number_one() -> None:
    assert cast_numbers(scene_facts(SCRIPT, None)) == {"LAN": 1, "MINH": 2, "HÙNG": 3}


def test_the_breakdowns_cast_is_used_when_there_is_one() -> None:
    breakdown = {"scenes": [{"number": "1", "elements": {"cast": [{"name": "YOUNG LAN"}]}}]}
    facts = scene_facts(SCRIPT, breakdown)
    assert facts["1"].cast == ("YOUNG LAN",)
    assert facts["2"].cast == ("LAN",)


def test_a_week_break_follows_the_last_day_of_each_week() -> None:
    schedule = a_schedule(
        ("2026-12-04", ["1"]), ("2026-12-05", ["2"]), ("2026-12-07", ["3"]), ("2026-12-08", ["4"])
    )
    days = board(schedule, scene_facts(SCRIPT, None))
    assert [d.week_break_after for d in days] == [None, 1, None, None]
    assert [d.number for d in days] == [1, 2, 3, 4]


def test_locked_strips_are_marked_and_positions_follow_the_days_order() -> None:
    schedule = a_schedule(("2026-12-04", ["3", "1"]), locks=[{"scene": "1", "day": 1}])
    (day,) = board(schedule, scene_facts(SCRIPT, None))
    assert [(s.scene, s.position, s.locked) for s in day.strips] == [
        ("3", 0, False),
        ("1", 1, True),
    ]
    assert day.strips[0].cast_ids == "1, 3"


def the_engines_dood() -> dict[str, object]:
    """The reports module's day out of days of a small schedule, as a version stores it: Lan
    travels in on Sunday, has a fitting on her first work day and holds while only Minh works."""
    monday = date(2027, 3, 1)
    scenes = [a_scene("1", cast=[1]), a_scene("2", cast=[2]), a_scene("3", cast=[1, 2])]
    problem = a_problem(scenes, cast=[a_cast_member(1, "Lan"), a_cast_member(2, "Minh")])
    schedule = evaluate(problem, {monday: ["1"], date(2027, 3, 2): ["2"], date(2027, 3, 3): ["3"]})
    events = {1: {date(2027, 2, 28): DoodCode.TRAVEL, monday: DoodCode.FITTING}}
    return dood_document(day_out_of_days(schedule, events=events))


def test_the_stored_day_out_of_days_keeps_every_code_and_total_the_engine_gave() -> None:
    stored = the_engines_dood()
    dood = stored_dood({"dood": stored})
    assert dood is not None
    assert [c.date.isoformat() for c in dood.columns] == stored["dates"]
    assert [c.shoot_day for c in dood.columns] == stored["shoot_days"]
    lan = next(row for row in dood.rows if row.name == "Lan")
    assert lan.codes == ("T", "F/SW", "H", "WF")
    assert (lan.totals.work, lan.totals.hold, lan.totals.travel, lan.totals.fitting) == (2, 1, 1, 1)
    assert lan.totals.start == date(2027, 2, 28)
    minh = next(row for row in dood.rows if row.name == "Minh")
    assert minh.codes == ("", "", "SW", "WF")
    assert dood.hold_days == 1
    assert dood.paid_days == lan.totals.paid + minh.totals.paid


def test_a_version_without_a_stored_day_out_of_days_has_none() -> None:
    assert stored_dood(a_schedule(("2026-12-01", ["1"]))) is None


def test_the_cost_terms_are_read_with_their_amounts_in_the_schedules_currency() -> None:
    document = {
        "currency": "VND",
        "cost": {"shoot_days": 30000000, "cast_hold": 4500000, "total": 34500000},
        "cost_terms": [
            {"name": "shoot_days", "label": "shoot days", "count": 3, "amount": 30000000},
            {"name": "cast_hold", "label": "cast on paid hold", "count": 1, "amount": 4500000},
        ],
    }
    terms = cost_terms(document)
    assert [(t.name, t.count) for t in terms] == [("shoot_days", 3), ("cast_hold", 1)]
    assert terms[1].amount == Money(Decimal(4500000), "VND")
    assert cost_total(document) == Money(Decimal(34500000), "VND")


def test_a_scene_the_script_no_longer_has_still_shows_as_a_strip() -> None:
    (day,) = board(a_schedule(("2026-12-01", ["99"])), scene_facts(SCRIPT, None))
    assert [s.scene for s in day.strips] == ["99"]
