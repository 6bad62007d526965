"""The production config: every error names the key and the line; defaults are declared."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from filmpark.errors import ConfigError
from filmpark.schedule.config import default_config, load_config

TODAY = date(2027, 1, 10)
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "production.yaml"


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_config(text, "production.yaml", today=TODAY)
    return caught.value


def test_the_bundled_example_config_is_valid() -> None:
    config = load_config(EXAMPLE.read_text("utf-8"), str(EXAMPLE), today=TODAY)
    assert config.title == "Phở at Dawn"
    assert config.cast_entry("Mai") is not None
    assert config.budget_node is not None
    assert config.defaults_used == ()


def test_an_unknown_key_is_named_with_its_line_and_the_allowed_keys() -> None:
    error = error_of("calendar:\n  start: 2027-03-01\n  strat: 2027-03-02\n")
    assert error.key == "calendar.strat"
    assert error.line == 3
    assert "allowed here: start, end" in str(error)
    assert str(error).startswith("production.yaml:3: 'calendar.strat'")


def test_an_unknown_top_level_key_is_refused() -> None:
    error = error_of("production:\n  title: X\nshedule: {}\n")
    assert error.line == 3
    assert error.key == "shedule"


def test_a_wrong_type_names_the_key_and_line() -> None:
    error = error_of("cast:\n  MAI:\n    rate: lots\n")
    assert error.key == "cast.MAI.rate"
    assert error.line == 3


def test_a_negative_value_is_refused() -> None:
    error = error_of("weights:\n  shoot_day: -5\n")
    assert error.key == "weights.shoot_day"
    assert error.line == 2


def test_an_unknown_currency_is_refused() -> None:
    error = error_of("production:\n  currency: XYZ\n")
    assert error.key == "production.currency"
    assert "unknown currency" in str(error)


def test_a_start_date_in_the_past_is_refused() -> None:
    error = error_of("calendar:\n  start: 2026-12-01\n")
    assert error.key == "calendar.start"
    assert "in the past" in str(error)


def test_a_date_outside_the_calendar_is_refused() -> None:
    text = "calendar:\n  start: 2027-03-01\n  end: 2027-03-31\nlocks:\n  - {scene: '1', date: 2027-05-02}\n"
    error = error_of(text)
    assert error.key == "locks.date"
    assert error.line == 5
    assert "outside the shoot calendar" in str(error)


def test_an_availability_window_outside_the_calendar_is_refused() -> None:
    text = "calendar:\n  start: 2027-03-01\ncast:\n  LAN:\n    available:\n      - {from: 2027-01-01, to: 2027-01-31}\n"
    error = error_of(text)
    assert error.key == "cast.LAN.available"
    assert error.line == 6


def test_bad_coordinates_are_refused() -> None:
    error = error_of("locations:\n  bridge:\n    coordinates: [121.0, 105.8]\n")
    assert error.key == "locations.bridge.coordinates"
    assert error.line == 3


def test_seven_working_days_a_week_break_the_weekly_rest() -> None:
    error = error_of("calendar:\n  rest_days: []\n")
    assert error.key == "calendar.rest_days"
    assert "weekly rest" in str(error)


def test_malformed_yaml_gives_its_line() -> None:
    error = error_of("calendar:\n  start: [2027-03-01\n")
    assert error.line is not None


def test_a_config_that_gives_nothing_lists_the_defaults_it_used() -> None:
    config = load_config("production:\n  title: Short\n", "p.yaml", today=TODAY)
    assert any("start date 2027-01-11" in entry for entry in config.defaults_used)
    assert any("profile vn" in entry for entry in config.defaults_used)
    assert config.start == date(2027, 1, 11)


def test_no_config_at_all_uses_the_vietnam_profile_from_next_monday() -> None:
    config = default_config(TODAY)
    assert config.profile == "vn"
    assert config.start == date(2027, 1, 11)
    assert config.rules.rest_weekdays == frozenset({6})
    assert config.defaults_used


def test_a_given_value_is_never_replaced_by_a_default() -> None:
    config = load_config(
        "production:\n  currency: USD\ncast_defaults:\n  rate: 950\nprofile: us\n",
        "p.yaml",
        today=TODAY,
    )
    assert str(config.cast_default_rate) == "950.00 USD"
    assert config.rules.name == "us"
    assert not any("rate" in entry for entry in config.defaults_used)


def test_the_budget_section_is_kept_as_a_node_with_its_lines() -> None:
    config = load_config(
        "production:\n  title: X\nbudget:\n  contingency_percent: 10\n", "p.yaml", today=TODAY
    )
    assert config.budget_node is not None
    assert config.budget_node.start_mark.line + 1 == 4
