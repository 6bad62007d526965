"""``filmpark talent``: JSON result on a good file, one-line error and exit 2 on a bad one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import shared_path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from filmpark.cli.app import main; main()", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_talent_prints_the_proven_optimal_order_as_json() -> None:
    path = shared_path("bench", "talent", "instances", "rehearsal.txt")
    done = run_cli("talent", str(path), "--json", "--time-limit", "20")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"order", "cost", "optimal", "lower_bound", "seconds"}
    assert sorted(result["order"]) == list(range(9))
    assert result["cost"] == 109
    assert result["optimal"] is True
    assert result["lower_bound"] == 109


def test_talent_prints_a_readable_summary_without_json(tmp_path: Path) -> None:
    path = tmp_path / "two.txt"
    path.write_text("2 2\n1 1 10\n0 1 4\n1 2\n")
    done = run_cli("talent", str(path))
    assert done.returncode == 0, done.stderr
    assert "optimal (proven)" in done.stdout
    assert "total cost" in done.stdout


def test_a_malformed_instance_gets_one_line_and_exit_code_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("3 1\n1 0 1 5\n1 1\n")
    done = run_cli("talent", str(path))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "bad.txt:3: the file ends before the duration of scene 3" in lines[0]
    assert "Traceback" not in done.stderr


def test_a_missing_file_gets_exit_code_2(tmp_path: Path) -> None:
    done = run_cli("talent", str(tmp_path / "nope.txt"))
    assert done.returncode == 2
    assert "no such file" in done.stderr
