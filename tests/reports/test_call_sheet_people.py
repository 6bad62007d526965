"""The config's hospitals and actors on the call sheets, and travel days in the cast budget."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from filmpark.budget.build import build_budget
from filmpark.budget.compute import summarise
from filmpark.budget.from_schedule import schedule_facts
from filmpark.reports.call_sheet import call_sheets
from filmpark.reports.dood import day_out_of_days
from filmpark.schedule.problem import Hospital
from filmpark.services.plan import cast_days_from_dood
from tests.budget.builders import a_small_production, tiny_settings, vnd

BACH_MAI = Hospital("Bạch Mai Hospital", "78 Giải Phóng, Đống Đa, Hà Nội", "+84 24 3869 3731")


def with_problem_changes(schedule, **changes):  # type: ignore[no-untyped-def]
    return replace(schedule, problem=replace(schedule.problem, **changes))


def test_a_locations_hospital_from_the_config_is_printed_in_full() -> None:
    _, schedule, breakdown = a_small_production()
    problem = schedule.problem
    locations = tuple(
        replace(location, hospital=BACH_MAI) if location.id == "house" else location
        for location in problem.locations
    )
    sheets = call_sheets(with_problem_changes(schedule, locations=locations), breakdown)
    house = next(loc for loc in sheets[0].locations if loc.id == "house")
    street = next(loc for loc in sheets[0].locations if loc.id == "street")
    assert house.hospital == "Bạch Mai Hospital, 78 Giải Phóng, Đống Đa, Hà Nội, +84 24 3869 3731"
    assert street.hospital == ""


def test_a_hospital_passed_by_the_caller_wins_over_the_configs() -> None:
    _, schedule, breakdown = a_small_production()
    locations = tuple(replace(loc, hospital=BACH_MAI) for loc in schedule.problem.locations)
    sheets = call_sheets(
        with_problem_changes(schedule, locations=locations),
        breakdown,
        hospitals={"house": "Bệnh viện Việt Đức"},
    )
    assert sheets[0].locations[0].hospital == "Bệnh viện Việt Đức"


def test_the_actor_is_named_beside_the_character_on_the_cast_list() -> None:
    _, schedule, breakdown = a_small_production()
    cast = tuple(
        replace(member, actor="Nguyễn Thị Lan") if member.name == "LAN" else member
        for member in schedule.problem.cast
    )
    sheets = call_sheets(with_problem_changes(schedule, cast=cast), breakdown)
    calls = {call.character: call.name for call in sheets[0].cast}
    assert calls["LAN"] == "Nguyễn Thị Lan"
    assert calls["BÀ TƯ"] == ""


def cast_cost(schedule) -> object:  # type: ignore[no-untyped-def]
    days = cast_days_from_dood(schedule, day_out_of_days(schedule))
    summary = summarise(build_budget(schedule_facts(schedule, days), tiny_settings()))
    return summary.account_total("A140")


def test_a_travel_day_raises_the_cast_cost_by_the_performers_daily_rate() -> None:
    _, schedule, _ = a_small_production()
    lan = next(member for member in schedule.problem.cast if member.name == "LAN")
    travelling = tuple(
        replace(member, travel=(date(2027, 2, 27),)) if member is lan else member
        for member in schedule.problem.cast
    )
    before = cast_cost(schedule)
    after = cast_cost(with_problem_changes(schedule, cast=travelling))
    assert lan.daily_rate == vnd(3_000_000)
    assert after - before == lan.daily_rate  # type: ignore[operator]


def test_a_performer_called_only_for_a_fitting_is_on_that_days_sheet_at_the_crew_call() -> None:
    _, schedule, breakdown = a_small_production()
    first = schedule.days[0]
    on_set = {c for n in first.scenes for c in schedule.problem.scene(n).cast}
    idle = next(m for m in schedule.problem.cast if m.id not in on_set)
    fitted = tuple(
        replace(member, fitting=(first.date,)) if member is idle else member
        for member in schedule.problem.cast
    )
    sheet = call_sheets(with_problem_changes(schedule, cast=fitted), breakdown)[0]
    call = next(c for c in sheet.cast if c.cast_id == idle.id)
    assert call.scenes == ()
    assert call.activities == ("fitting",)
    assert call.on_set == sheet.crew_call
    assert call.makeup == ""
    assert call.does("en") == "fitting"
    assert call.does("vi") == "thử phục trang"
    before = call_sheets(schedule, breakdown)[0]
    assert idle.id not in {c.cast_id for c in before.cast}


def test_a_working_performers_rehearsal_is_printed_after_their_scenes() -> None:
    _, schedule, breakdown = a_small_production()
    first = schedule.days[0]
    on_set = {c for n in first.scenes for c in schedule.problem.scene(n).cast}
    worker = next(m for m in schedule.problem.cast if m.id in on_set)
    rehearsing = tuple(
        replace(member, rehearsal=(first.date,)) if member is worker else member
        for member in schedule.problem.cast
    )
    sheet = call_sheets(with_problem_changes(schedule, cast=rehearsing), breakdown)[0]
    call = next(c for c in sheet.cast if c.cast_id == worker.id)
    assert call.scenes
    assert call.does("en") == ", ".join(call.scenes) + ", rehearsal"
    assert call.does("vi").endswith(", tập dượt")
