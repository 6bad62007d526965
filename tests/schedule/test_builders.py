"""From a breakdown and a production config to the scheduling problem."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from filmpark.breakdown.model import Breakdown, BreakdownElement, SceneBreakdown
from filmpark.errors import ConfigError
from filmpark.schedule.builders import build_problem
from filmpark.schedule.config import load_config
from filmpark.schedule.solve import solve
from filmpark.screenplay.model import DayNight, IntExt
from filmpark.units import Eighths

TODAY = date(2027, 1, 10)


def element(scene: str, category: str, name: str, quantity: int | None = None) -> BreakdownElement:
    return BreakdownElement.create(
        scene, category, name, source="human", confidence=1.0, quantity=quantity
    )


def a_breakdown() -> Breakdown:
    return Breakdown(
        scenes=(
            SceneBreakdown(
                "1",
                "EXT. LONG BIÊN BRIDGE - DAWN",
                IntExt.EXT,
                DayNight.DAWN,
                Eighths(3),
                (element("1", "cast", "MAI"), element("1", "vehicles", "motorbike")),
                location="LONG BIÊN BRIDGE",
            ),
            SceneBreakdown(
                "2",
                "INT. SÁU'S HOUSE - KITCHEN - NIGHT",
                IntExt.INT,
                DayNight.NIGHT,
                Eighths(6),
                (element("2", "cast", "MAI"), element("2", "cast", "LINH")),
                location="SÁU'S HOUSE - KITCHEN",
            ),
            SceneBreakdown(
                "3",
                "EXT. RIVER ROAD - NIGHT",
                IntExt.EXT,
                DayNight.NIGHT,
                Eighths(7),
                (
                    element("3", "cast", "MAI"),
                    element("3", "stunts", "crash"),
                    element("3", "extras", "spectators", 40),
                ),
                location="RIVER ROAD",
            ),
        )
    )


CONFIG = """
production: {title: Test, currency: VND}
calendar: {start: 2027-03-01}
cast:
  MAI: {rate: 8000000}
  LINH: {age: 10}
  NOBODY: {rate: 1}
day_for_night: ["2"]
locations:
  studio:
    name: Stage 1
    sets: [SÁU'S HOUSE]
    coordinates: [21.1, 105.8]
estimate:
  scenes: {"1": 75}
precedences:
  - {scene: "3", after: "1"}
"""


def test_the_problem_takes_scenes_cast_and_locations_from_the_breakdown() -> None:
    config = load_config(CONFIG, "p.yaml", today=TODAY)
    problem = build_problem(None, a_breakdown(), config)
    assert [scene.number for scene in problem.scenes] == ["1", "2", "3"]
    assert problem.scene("2").location == "studio"
    assert problem.scene("1").location == "LONG BIÊN BRIDGE"
    assert problem.location("LONG BIÊN BRIDGE").name == "Long Biên Bridge"
    assert problem.scene("1").minutes == 75
    assert problem.scene("3").minutes > problem.scene("2").minutes
    assert problem.scene("3").extras == 40
    mai = problem.member(problem.scene("1").cast[0])
    assert str(mai.daily_rate) == "8,000,000 VND"
    linh = next(m for m in problem.cast if m.name == "LINH")
    assert linh.minor is not None
    assert linh.minor.max_minutes_per_day == 240
    assert str(linh.daily_rate) == "3,000,000 VND"
    assert not problem.scene("2").night  # shot day-for-night
    assert problem.precedences[0].before == "1"
    assert problem.precedences[0].after == "3"
    assert any("NOBODY" in notice for notice in problem.notices)
    assert any("LINH is 10" in notice for notice in problem.notices)
    assert any(
        "no coordinates for" in notice and "River Road" in notice for notice in problem.notices
    )


def test_the_built_problem_solves_with_the_minor_never_at_night() -> None:
    problem = build_problem(None, a_breakdown(), load_config(CONFIG, "p.yaml", today=TODAY))
    schedule = solve(problem, time_limit=5, workers=1)
    assert sorted(n for day in schedule.days for n in day.scenes) == ["1", "2", "3"]


def test_a_precedence_naming_a_scene_not_in_the_script_gives_its_line() -> None:
    text = CONFIG + '  - {scene: "99", after: "1"}\n'
    with pytest.raises(ConfigError) as caught:
        build_problem(None, a_breakdown(), load_config(text, "p.yaml", today=TODAY))
    assert caught.value.line == 18
    assert "no scene 99" in str(caught.value)


def test_the_example_production_config_fits_the_example_screenplay() -> None:
    from filmpark.breakdown.extract import break_down
    from filmpark.screenplay import read

    root = Path(__file__).resolve().parents[2] / "examples"
    script = read((root / "pho-at-dawn.fountain").read_bytes(), "pho-at-dawn.fountain")
    config = load_config(
        (root / "production.yaml").read_text("utf-8"), "production.yaml", today=TODAY
    )
    problem = build_problem(script, break_down(script), config)
    assert not any("not in the script" in notice for notice in problem.notices)
    assert not any("has no scene" in notice for notice in problem.notices)
    assert {scene.location for scene in problem.scenes} <= {loc.id for loc in problem.locations}
    assert all(scene.location in {loc.id for loc in config.locations} for scene in problem.scenes)
