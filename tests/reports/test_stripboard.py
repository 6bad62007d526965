"""The stripboard: colours per DOMAIN.md, day and week breaks, banners."""

from __future__ import annotations

from datetime import date

from filmpark.reports.stripboard import Palette, StripKind, stripboard
from filmpark.schedule.evaluate import evaluate
from filmpark.schedule.problem import Lock, Problem
from tests.schedule.builders import a_problem, a_scene


def board_problem() -> Problem:
    return a_problem(
        [
            a_scene("1", location="house"),
            a_scene("2", location="street", exterior=True),
            a_scene("3", location="house", night=True),
            a_scene("4", location="street", night=True, exterior=True),
        ],
        holidays={date(2027, 3, 8): "Women's Day"},
        locks=[Lock(scene="4", on_date=date(2027, 3, 9))],
    )


def test_strips_take_the_colour_of_their_interior_exterior_and_light() -> None:
    problem = board_problem()
    schedule = evaluate(problem, {date(2027, 3, 5): ["1", "2"], date(2027, 3, 9): ["3", "4"]})
    board = stripboard(schedule)
    colours = {strip.scene: strip.colour for strip in board.scenes()}
    palette = Palette()
    assert colours == {
        "1": palette.int_day,
        "2": palette.ext_day,
        "3": palette.int_night,
        "4": palette.ext_night,
    }
    assert palette.int_day == "#ffffff"
    assert next(s for s in board.scenes() if s.scene == "4").locked


def test_the_palette_is_editable() -> None:
    problem = board_problem()
    schedule = evaluate(problem, {date(2027, 3, 5): ["1", "2", "3", "4"]})
    board = stripboard(schedule, palette=Palette(int_night="#00ff00", ext_night="#0000ff"))
    colours = {strip.scene: strip.colour for strip in board.scenes()}
    assert colours["3"] == "#00ff00"
    assert colours["4"] == "#0000ff"


def test_days_end_with_a_day_break_and_weeks_with_a_week_break_and_holidays_get_a_banner() -> None:
    problem = board_problem()
    schedule = evaluate(problem, {date(2027, 3, 5): ["1", "2"], date(2027, 3, 9): ["3", "4"]})
    kinds = [strip.kind for strip in stripboard(schedule).strips]
    assert kinds.count(StripKind.DAY_BREAK) == 2
    assert kinds.count(StripKind.WEEK_BREAK) == 1
    assert kinds.count(StripKind.HOLIDAY) == 1
    holiday = next(s for s in stripboard(schedule).strips if s.kind is StripKind.HOLIDAY)
    assert holiday.text == "Holiday: Women's Day"
    assert holiday.colour == Palette().holiday
    first_break = next(s for s in stripboard(schedule).strips if s.kind is StripKind.DAY_BREAK)
    assert first_break.text == "End of day 1 — 2027-03-05 — 2 pages"
    assert first_break.colour == "#000000"


def test_a_company_move_within_a_day_gets_a_banner_in_the_chosen_language() -> None:
    problem = board_problem()
    schedule = evaluate(problem, {date(2027, 3, 5): ["1", "2"]})
    board = stripboard(schedule, language="vi")
    move = next(s for s in board.strips if s.kind is StripKind.COMPANY_MOVE)
    assert move.text.startswith("Di chuyển đoàn: House → Street")
    assert board.strips[-1].text.startswith("Hết ngày quay 1")
