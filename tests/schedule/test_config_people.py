"""Config keys for the call sheets and the DOOD: hospitals, actors, travel/rehearsal/fitting."""

from __future__ import annotations

from datetime import date

import pytest

from filmpark.breakdown.model import Breakdown, BreakdownElement, SceneBreakdown
from filmpark.errors import ConfigError
from filmpark.reports.dood import DoodCode, events_of
from filmpark.schedule.builders import build_problem
from filmpark.schedule.config import ProductionConfig, load_config
from filmpark.schedule.problem import Hospital
from filmpark.screenplay.model import DayNight, IntExt
from filmpark.units import Eighths

TODAY = date(2027, 1, 10)
CALENDAR = "calendar:\n  start: 2027-03-01\n  end: 2027-03-31\n"


def config_of(body: str) -> ProductionConfig:
    return load_config(CALENDAR + body, "production.yaml", today=TODAY)


def error_of(body: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        config_of(body)
    return caught.value


def test_a_location_hospital_is_read_with_name_address_and_phone() -> None:
    config = config_of(
        "locations:\n"
        "  market:\n"
        "    sets: [MARKET]\n"
        "    hospital:\n"
        "      name: Bạch Mai Hospital\n"
        "      address: 78 Giải Phóng, Đống Đa, Hà Nội\n"
        "      phone: +84 24 3869 3731\n"
    )
    hospital = config.locations[0].hospital
    assert hospital == Hospital(
        "Bạch Mai Hospital", "78 Giải Phóng, Đống Đa, Hà Nội", "+84 24 3869 3731"
    )
    assert str(hospital) == "Bạch Mai Hospital, 78 Giải Phóng, Đống Đa, Hà Nội, +84 24 3869 3731"


def test_a_hospital_given_as_plain_text_is_its_name() -> None:
    config = config_of("locations:\n  market:\n    hospital: Việt Đức Hospital\n")
    assert config.locations[0].hospital == Hospital("Việt Đức Hospital")


def test_a_hospital_without_a_name_is_refused_with_key_and_line() -> None:
    error = error_of("locations:\n  market:\n    hospital:\n      phone: '115'\n")
    assert error.key == "locations.market.hospital"
    assert error.line == 7
    assert "name" in str(error)


def test_an_unknown_hospital_key_is_refused() -> None:
    error = error_of("locations:\n  market:\n    hospital:\n      name: X\n      beds: 300\n")
    assert error.key == "locations.market.hospital.beds"
    assert error.line == 8


def test_a_hospital_phone_that_is_not_a_number_is_refused() -> None:
    error = error_of(
        "locations:\n  market:\n    hospital:\n      name: X\n      phone: ask the driver\n"
    )
    assert error.key == "locations.market.hospital.phone"
    assert error.line == 8


def test_an_actor_and_event_dates_are_read_for_a_cast_member() -> None:
    config = config_of(
        "cast:\n"
        "  MAI:\n"
        "    actor: Nguyễn Thị Mai\n"
        "    travel: [2027-03-01, 2027-03-20]\n"
        "    rehearsal:\n"
        "      - {from: 2027-03-02, to: 2027-03-03}\n"
        "    fitting: [2027-03-04]\n"
    )
    entry = config.cast_entry("Mai")
    assert entry is not None
    assert entry.actor == "Nguyễn Thị Mai"
    assert entry.travel == (date(2027, 3, 1), date(2027, 3, 20))
    assert entry.rehearsal == (date(2027, 3, 2), date(2027, 3, 3))
    assert entry.fitting == (date(2027, 3, 4),)


def test_a_travel_day_outside_the_calendar_names_the_key_and_line() -> None:
    error = error_of("cast:\n  MAI:\n    travel:\n      - 2027-04-02\n")
    assert error.key == "cast.MAI.travel"
    assert error.line == 7
    assert "outside the shoot calendar" in str(error)


def test_a_date_that_is_not_a_date_is_refused() -> None:
    error = error_of("cast:\n  MAI:\n    fitting: [next tuesday]\n")
    assert error.key == "cast.MAI.fitting"
    assert error.line == 6


def test_one_day_cannot_be_both_rehearsal_and_fitting() -> None:
    error = error_of("cast:\n  MAI:\n    rehearsal: [2027-03-02]\n    fitting: [2027-03-02]\n")
    assert error.key == "cast.MAI.fitting"
    assert "already a rehearsal day" in str(error)


def test_an_empty_actor_is_refused() -> None:
    error = error_of("cast:\n  MAI:\n    actor:\n")
    assert error.key == "cast.MAI.actor"


def test_the_problem_carries_hospital_actor_and_event_days_to_the_reports() -> None:
    config = config_of(
        "cast:\n"
        "  MAI:\n"
        "    actor: Nguyễn Thị Mai\n"
        "    travel: [2027-03-01]\n"
        "    fitting: [2027-03-02]\n"
        "locations:\n"
        "  market:\n"
        "    sets: [MARKET]\n"
        "    hospital: {name: Bạch Mai Hospital, phone: '+84 24 3869 3731'}\n"
    )
    mai = BreakdownElement.create("1", "cast", "MAI", source="human", confidence=1.0)
    scene = SceneBreakdown(
        "1", "EXT. MARKET - DAY", IntExt.EXT, DayNight.DAY, Eighths(3), (mai,), location="MARKET"
    )
    problem = build_problem(None, Breakdown(scenes=(scene,)), config)
    member = problem.cast[0]
    assert member.actor == "Nguyễn Thị Mai"
    assert problem.location("market").hospital == Hospital(
        "Bạch Mai Hospital", phone="+84 24 3869 3731"
    )
    assert events_of(problem) == {
        member.id: {date(2027, 3, 1): DoodCode.TRAVEL, date(2027, 3, 2): DoodCode.FITTING}
    }
