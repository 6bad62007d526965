"""The one-liner: each day with a line per scene, in shooting order."""

from __future__ import annotations

from datetime import date

from filmpark.reports.one_liner import one_liner
from filmpark.schedule.evaluate import evaluate
from tests.schedule.builders import a_problem, a_scene


def test_the_one_liner_lists_each_day_its_call_and_its_scenes_in_order() -> None:
    problem = a_problem(
        [
            a_scene("1", cast=[1, 2], eighths=3),
            a_scene("2", night=True, eighths=12),
            a_scene("3", eighths=5),
        ]
    )
    schedule = evaluate(problem, {date(2027, 3, 1): ["1", "3"], date(2027, 3, 2): ["2"]})
    sheet = one_liner(schedule)
    assert [day.number for day in sheet.days] == [1, 2]
    assert [line.scene for line in sheet.days[0].lines] == ["1", "3"]
    assert sheet.days[0].call == "06:00"
    assert sheet.days[1].call == "17:00"
    assert str(sheet.days[0].eighths) == "1"
    assert str(sheet.total_eighths) == "2 4/8"
    assert sheet.days[0].lines[0].cast == (1, 2)
    assert sheet.days[1].lines[0].day_night == "N"
