"""Travel, rehearsal and fitting days and the actor's name, from the problem to the DOOD."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from filmpark.reports.dood import DoodCode, day_out_of_days, dood_document
from filmpark.schedule.evaluate import evaluate
from filmpark.schedule.problem import CastMember, DropPickup
from filmpark.schedule.result import Schedule
from tests.schedule.builders import a_cast_member, a_problem, a_scene


def d(day: int) -> date:
    return date(2027, 3, day)  # 1 March 2027 is a Monday; Sundays are 7, 14, 21


def shoot(lan: CastMember, lan_days: list[int], other_days: list[int]) -> Schedule:
    scenes = [a_scene(f"L{day}", cast=[1]) for day in lan_days]
    scenes += [a_scene(f"O{day}", cast=[2]) for day in other_days]
    plan = {d(day): [f"L{day}"] for day in lan_days}
    for day in other_days:
        plan.setdefault(d(day), []).append(f"O{day}")
    return evaluate(a_problem(scenes, cast=[lan, a_cast_member(2, "Minh")]), plan)


def lan_with(**changes: object) -> CastMember:
    return replace(a_cast_member(1, "Lan"), **changes)  # type: ignore[arg-type]


def cells(schedule: Schedule) -> dict[int, str]:
    dood = day_out_of_days(schedule)
    row = dood.row("Lan")
    return {
        column.date.day: cell.text
        for column, cell in zip(dood.columns, row.cells, strict=True)
        if cell.text
    }


def test_the_performers_own_event_days_show_without_passing_events() -> None:
    # Without a contract start, the days between a rehearsal and the first work day are not
    # held: only the event days themselves are paid.
    lan = lan_with(travel=(date(2027, 2, 27),), rehearsal=(d(1),), fitting=(d(3),))
    schedule = shoot(lan, [3, 4], [1, 2])
    assert cells(schedule) == {27: "T", 1: "R", 3: "F/SW", 4: "WF"}
    totals = day_out_of_days(schedule).row("Lan").totals
    assert (totals.work, totals.hold, totals.travel, totals.rehearsal, totals.fitting) == (
        2,
        0,
        1,
        1,
        1,
    )
    assert totals.paid == 4
    assert totals.start == date(2027, 2, 27)


def test_a_contract_start_on_a_travel_day_shows_start_and_travel() -> None:
    schedule = shoot(lan_with(contract_start=d(1), travel=(d(1),)), [3], [1, 2])
    assert cells(schedule) == {1: "SW/T", 2: "H", 3: "WF"}
    totals = day_out_of_days(schedule).row("Lan").totals
    assert (totals.travel, totals.hold, totals.paid) == (1, 1, 3)


def test_a_rehearsal_on_a_hold_day_replaces_the_hold_and_is_paid_once() -> None:
    plain = day_out_of_days(shoot(lan_with(), [1, 4], [2, 3])).row("Lan").totals
    rehearsed = day_out_of_days(shoot(lan_with(rehearsal=(d(2),)), [1, 4], [2, 3]))
    totals = rehearsed.row("Lan").totals
    assert rehearsed.cell("Lan", d(2)) == "R"
    assert (totals.hold, totals.rehearsal) == (plain.hold - 1, 1)
    assert totals.paid == plain.paid


def test_a_fitting_on_a_dropped_day_is_paid_and_no_longer_idle() -> None:
    drop = DropPickup(gap_days=2, max_drops=1)
    plain = day_out_of_days(shoot(lan_with(drop_pickup=drop), [1, 12], [4, 5, 6])).row("Lan")
    fitted = day_out_of_days(shoot(lan_with(drop_pickup=drop, fitting=(d(5),)), [1, 12], [4, 5, 6]))
    assert plain.cells[4].text == "I"
    assert fitted.cell("Lan", d(5)) == "F"
    row = fitted.row("Lan")
    assert (row.totals.idle, row.totals.fitting) == (plain.totals.idle - 1, 1)
    assert row.totals.paid == plain.totals.paid + 1


def test_a_travel_day_after_the_last_work_day_extends_the_performers_span() -> None:
    schedule = shoot(lan_with(travel=(d(6),)), [1, 2], [3])
    assert cells(schedule) == {1: "SW", 2: "WF", 6: "T"}
    assert day_out_of_days(schedule).row("Lan").totals.finish == d(6)


def test_events_passed_in_replace_the_performers_own() -> None:
    schedule = shoot(lan_with(travel=(d(6),)), [1, 2], [3])
    dood = day_out_of_days(schedule, events={1: {d(3): DoodCode.FITTING}})
    assert dood.cell("Lan", d(3)) == "F"
    assert dood.row("Lan").totals.travel == 0


def test_the_actor_is_named_beside_the_character_in_the_rows_and_the_document() -> None:
    schedule = shoot(lan_with(actor="Nguyễn Thị Lan"), [1], [2])
    dood = day_out_of_days(schedule)
    assert dood.row("Lan").actor == "Nguyễn Thị Lan"
    assert dood.row("Minh").actor == ""
    document = dood_document(dood)
    performers = document["performers"]
    assert isinstance(performers, list)
    assert [(p["name"], p["actor"]) for p in performers] == [
        ("Lan", "Nguyễn Thị Lan"),
        ("Minh", ""),
    ]
