"""Day-out-of-days codes on hand-checked cases."""

from __future__ import annotations

from datetime import date

from filmpark.reports.dood import DoodCode, day_out_of_days, dood_document
from filmpark.schedule.evaluate import evaluate
from filmpark.schedule.problem import CastMember, DropPickup
from filmpark.schedule.result import Schedule
from tests.schedule.builders import a_cast_member, a_problem, a_scene


def d(day: int) -> date:
    return date(2027, 3, day)  # 1 March 2027 is a Monday; Sundays are 7, 14, 21


def schedule_with(
    lan: CastMember, lan_days: list[int], other_days: list[int], **kw: object
) -> Schedule:
    scenes = [a_scene(f"L{day}", cast=[1]) for day in lan_days]
    scenes += [a_scene(f"O{day}", cast=[2]) for day in other_days]
    plan = {d(day): [f"L{day}"] for day in lan_days}
    for day in other_days:
        plan.setdefault(d(day), []).append(f"O{day}")
    problem = a_problem(scenes, cast=[lan, a_cast_member(2, "Minh")], **kw)  # type: ignore[arg-type]
    return evaluate(problem, plan)


def codes(schedule: Schedule, name: str = "Lan", **kw: object) -> dict[int, str]:
    dood = day_out_of_days(schedule, **kw)  # type: ignore[arg-type]
    row = dood.row(name)
    return {
        column.date.day: cell.text
        for column, cell in zip(dood.columns, row.cells, strict=True)
        if cell.text
    }


def test_a_performer_working_one_day_is_start_work_finish() -> None:
    schedule = schedule_with(a_cast_member(1, "Lan"), [2], [1, 3])
    assert codes(schedule) == {2: "SWF"}


def test_days_between_first_and_last_work_are_paid_holds() -> None:
    schedule = schedule_with(a_cast_member(1, "Lan"), [1, 4], [2, 3])
    assert codes(schedule) == {1: "SW", 2: "H", 3: "H", 4: "WF"}
    totals = day_out_of_days(schedule).row("Lan").totals
    assert (totals.work, totals.hold, totals.idle, totals.paid) == (2, 2, 0, 4)
    assert (totals.start, totals.finish) == (d(1), d(4))


def test_a_rest_day_inside_the_span_is_neither_hold_nor_work() -> None:
    schedule = schedule_with(a_cast_member(1, "Lan"), [6, 8], [])
    assert codes(schedule) == {6: "SW", 8: "WF"}  # Sunday the 7th is the weekly rest


def test_a_gap_longer_than_the_agreement_is_a_drop_and_pick_up_with_idle_days() -> None:
    lan = a_cast_member(1, "Lan", drop=DropPickup(gap_days=10, max_drops=1))
    gap = [3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 15]
    schedule = schedule_with(lan, [1, 2, 16, 17], gap)
    assert codes(schedule) == {1: "SW", 2: "WD", **dict.fromkeys(gap, "I"), 16: "PW", 17: "WF"}
    totals = day_out_of_days(schedule).row("Lan").totals
    assert (totals.work, totals.hold, totals.idle, totals.paid) == (4, 0, 11, 4)
    assert schedule.term("cast_hold").count == 0


def test_a_working_day_without_shooting_inside_the_span_is_a_hold() -> None:
    schedule = schedule_with(a_cast_member(1, "Lan"), [1, 3], [])
    assert codes(schedule) == {1: "SW", 2: "H", 3: "WF"}
    assert schedule.term("cast_hold").count == 1


def test_a_gap_within_the_agreement_threshold_stays_on_hold() -> None:
    lan = a_cast_member(1, "Lan", drop=DropPickup(gap_days=10, max_drops=1))
    schedule = schedule_with(lan, [1, 9], [2, 3, 4, 5, 6, 8])
    assert codes(schedule)[2] == "H"
    assert codes(schedule)[9] == "WF"
    assert schedule.term("cast_hold").count == 6


def test_only_as_many_gaps_are_dropped_as_the_agreement_allows_longest_first() -> None:
    lan = a_cast_member(1, "Lan", drop=DropPickup(gap_days=2, max_drops=1))
    schedule = schedule_with(lan, [1, 5, 12], [2, 3, 4, 6, 8, 9, 10, 11])
    cells = codes(schedule)
    assert cells[1] == "SW"
    assert cells[2] == "H"  # the shorter gap (3 shoot days) stays on hold
    assert cells[5] == "WD"
    assert cells[8] == "I"  # the longer gap (5 shoot days) is dropped
    assert cells[12] == "PWF"


def test_a_contract_starting_before_the_first_work_day_starts_on_hold() -> None:
    lan = CastMember(
        id=1,
        name="Lan",
        daily_rate=a_cast_member(1).daily_rate,
        contract_start=d(1),
    )
    schedule = schedule_with(lan, [3, 4], [1, 2])
    assert codes(schedule) == {1: "SW/H", 2: "H", 3: "W", 4: "WF"}


def test_travel_and_fitting_days_appear_and_combine_with_work() -> None:
    schedule = schedule_with(a_cast_member(1, "Lan"), [2, 3], [1])
    events = {1: {date(2027, 2, 28): DoodCode.TRAVEL, d(2): DoodCode.FITTING}}
    cells = codes(schedule, events=events)
    assert cells[28] == "T"
    assert cells[2] == "F/SW"
    totals = day_out_of_days(schedule, events=events).row("Lan").totals
    assert (totals.travel, totals.fitting, totals.work) == (1, 1, 2)
    assert totals.start == date(2027, 2, 28)


def test_a_holiday_inside_a_performers_span_is_counted_as_a_paid_holiday() -> None:
    schedule = schedule_with(a_cast_member(1, "Lan"), [1, 3], [], holidays={d(2): "A holiday"})
    dood = day_out_of_days(schedule)
    assert dood.row("Lan").totals.holidays == 1
    assert dood.row("Lan").totals.hold == 0
    assert codes(schedule) == {1: "SW", 3: "WF"}


def test_the_dood_document_lists_codes_and_totals_per_performer() -> None:
    schedule = schedule_with(a_cast_member(1, "Lan"), [1, 2], [2])
    document = dood_document(day_out_of_days(schedule))
    lan = next(p for p in document["performers"] if p["name"] == "Lan")  # type: ignore[union-attr,index]
    assert lan["codes"] == ["SW", "WF"]
    assert lan["totals"]["work"] == 2


def test_a_contract_finishing_after_the_last_work_day_ends_on_hold() -> None:
    lan = CastMember(
        id=1,
        name="Lan",
        daily_rate=a_cast_member(1).daily_rate,
        contract_finish=d(4),
    )
    schedule = schedule_with(lan, [1, 2], [3, 4])
    assert codes(schedule) == {1: "SW", 2: "W", 3: "H", 4: "H/WF"}
    assert day_out_of_days(schedule).row("Lan").totals.paid == 4
