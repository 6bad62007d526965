"""The stripboard, day-out-of-days and strip colours as the pages compute them."""

from __future__ import annotations

from typing import Any

import pytest

from filmpark.web.schedule_view import (
    board,
    cast_numbers,
    day_night,
    day_out_of_days,
    scene_facts,
    strip_class,
)


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


def test_the_day_out_of_days_codes_start_work_hold_and_finish() -> None:
    schedule = a_schedule(("2026-12-01", ["1"]), ("2026-12-02", ["4"]), ("2026-12-03", ["2", "3"]))
    facts = scene_facts(SCRIPT, None)
    rows = {r.name: r for r in day_out_of_days(board(schedule, facts), facts)}
    assert rows["LAN"].codes == ("SW", "H", "WF")
    assert (rows["LAN"].work, rows["LAN"].hold) == (2, 1)
    assert rows["MINH"].codes == ("SW", "WF", "")
    assert rows["HÙNG"].codes == ("", "", "SWF")


def test_moving_a_strip_to_another_day_changes_the_day_out_of_days() -> None:
    facts = scene_facts(SCRIPT, None)
    before = a_schedule(("2026-12-01", ["1", "3"]), ("2026-12-02", ["2", "4"]))
    after = a_schedule(("2026-12-01", ["1"]), ("2026-12-02", ["2", "4", "3"]))
    hung_before = {r.name: r for r in day_out_of_days(board(before, facts), facts)}["HÙNG"]
    hung_after = {r.name: r for r in day_out_of_days(board(after, facts), facts)}["HÙNG"]
    assert hung_before.codes == ("SWF", "")
    assert hung_after.codes == ("", "SWF")


def test_a_scene_the_script_no_longer_has_still_shows_as_a_strip() -> None:
    (day,) = board(a_schedule(("2026-12-01", ["99"])), scene_facts(SCRIPT, None))
    assert [s.scene for s in day.strips] == ["99"]
