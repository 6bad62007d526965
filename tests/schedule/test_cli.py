"""``filmpark schedule``: JSON contract, exit codes, nothing written on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPT = EXAMPLES / "pho-at-dawn.fountain"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from filmpark.cli.app import main; main()",
            "schedule",
            *map(str, args),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_json_output_keeps_the_schedule_contract(tmp_path: Path) -> None:
    result = run(
        SCRIPT,
        "--config",
        EXAMPLES / "production.yaml",
        "--time-limit",
        "3",
        "--json",
        "--export",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == "Schedule.1"
    assert isinstance(document["lower_bound"], int | float)
    assert isinstance(document["optimal"], bool)
    assert {"shoot_days", "cast_hold", "company_moves", "total"} <= set(document["cost"])
    scenes = [scene for day in document["days"] for scene in day["scenes"]]
    assert sorted(scenes, key=int) == [str(n) for n in range(1, 19)]
    day = document["days"][0]
    assert set(day) >= {"date", "scenes", "eighths", "minutes"}
    assert isinstance(day["eighths"], int)
    assert document["dood"]["performers"]
    assert (
        document["days"][[d["date"] for d in document["days"]].index("2027-03-02")]["scenes"].count(
            "1"
        )
        == 1
    )
    assert {p.name for p in tmp_path.iterdir()} == {
        "schedule.csv",
        "one-liner.csv",
        "dood.csv",
        "shoot-days.ics",
    }


def test_an_infeasible_problem_explains_the_conflict_exits_3_and_writes_nothing(
    tmp_path: Path,
) -> None:
    config = tmp_path / "production.yaml"
    config.write_text(
        "calendar: {start: 2027-03-01}\n"
        "precedences:\n  - {scene: '3', after: '5'}\n  - {scene: '5', after: '3'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run(SCRIPT, "--config", config, "--time-limit", "2", "--export", out)
    assert result.returncode == 3
    assert "cycle" in result.stderr
    assert "scene 3 must be shot after scene 5" in result.stderr
    assert result.stdout == ""
    assert not out.exists()


def test_a_malformed_config_names_the_key_and_line_and_exits_2(tmp_path: Path) -> None:
    config = tmp_path / "production.yaml"
    config.write_text("calendar:\n  start: 2027-03-01\n  wrok_days: 5\n", encoding="utf-8")
    result = run(SCRIPT, "--config", config)
    assert result.returncode == 2
    assert "production.yaml:3" in result.stderr
    assert "calendar.wrok_days" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_a_config_the_command_says_which_defaults_it_used() -> None:
    result = run(SCRIPT, "--time-limit", "2")
    assert result.returncode == 0, result.stderr
    assert "defaults used" in result.stderr
    assert "profile vn" in result.stderr
    assert "lower bound" in result.stdout
