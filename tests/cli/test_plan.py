"""`filmpark plan` as a user runs it (a subprocess of the installed console script)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "pho-at-dawn.fountain"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from filmpark.cli.app import main; main()", "plan", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=300,
    )


def test_plan_without_a_config_says_which_defaults_it_used(tmp_path: Path) -> None:
    out = tmp_path / "book"
    result = run(str(EXAMPLE), "-o", str(out), "--time-limit", "2")
    assert result.returncode == 0, result.stderr
    assert "No --config given: using defaults." in result.stderr
    assert "next Monday" in result.stderr
    assert (out / "index.html").is_file()


def test_plan_lang_vi_writes_a_vietnamese_book_and_speaks_vietnamese(tmp_path: Path) -> None:
    out = tmp_path / "book"
    result = run(str(EXAMPLE), "-o", str(out), "--time-limit", "2", "--lang", "vi")
    assert result.returncode == 0, result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'lang="vi"' in index
    assert "thứ Hai tới" in index  # the defaults used, listed in the book in its language
    assert "next Monday" not in index
    assert "Không có --config: dùng giá trị mặc định." in result.stderr
    assert "thứ Hai tới" in result.stderr
    assert "Giá trị mặc định đã dùng:" in result.stderr
    assert "No --config given" not in result.stderr
    assert "ngày quay" in result.stdout
    assert "Đã ghi" in result.stdout


def test_an_existing_output_directory_is_an_error_without_force(tmp_path: Path) -> None:
    result = run(str(EXAMPLE), "-o", str(tmp_path), "--time-limit", "1")
    assert result.returncode == 2
    assert "already exists (use --force" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_screenplay_is_one_line_naming_the_file(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.fountain"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "nope.fountain: no such file" in result.stderr
    assert not (tmp_path / "out").exists()


def test_plan_json_carries_the_script_and_breakdown_exactly_as_their_commands_print_them(
    tmp_path: Path,
) -> None:
    import json

    out = tmp_path / "book"
    assert run(str(EXAMPLE), "-o", str(out), "--time-limit", "2").returncode == 0
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))

    def printed(command: str, *extra: str) -> dict[str, object]:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "from filmpark.cli.app import main; main()",
                command,
                str(EXAMPLE),
                "--json",
                *extra,
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            timeout=300,
        )
        document: dict[str, object] = json.loads(result.stdout)
        return document

    assert plan["script"] == printed("parse")
    assert plan["breakdown"] == printed("breakdown")
    schedule = printed("schedule", "--time-limit", "2")
    assert set(plan["schedule"]) == set(schedule)
    assert plan["schedule"]["schema"] == schedule["schema"] == "Schedule.1"


def test_the_book_takes_the_configs_language_unless_lang_is_given(tmp_path: Path) -> None:
    config = tmp_path / "production.yaml"
    config.write_text("production:\n  language: vi\n", encoding="utf-8")
    out = tmp_path / "book"
    result = run(str(EXAMPLE), "-c", str(config), "-o", str(out), "--time-limit", "1")
    assert result.returncode == 0, result.stderr
    assert '<html lang="vi">' in (out / "index.html").read_text(encoding="utf-8")


def test_decisions_given_to_plan_shape_the_book_and_the_ones_that_do_not_fit_are_listed(
    tmp_path: Path,
) -> None:
    import json

    decisions = tmp_path / "decisions.json"
    decisions.write_text(
        json.dumps(
            {
                "schema": "Decisions.1",
                "decisions": [
                    {
                        "action": "reject",
                        "scene": "1",
                        "category": "vehicles",
                        "name": "train",
                        "scene_heading": "EXT. LONG BIÊN BRIDGE - DAWN",
                        "author": "an",
                    },
                    {
                        "action": "accept",
                        "scene": "99",
                        "category": "props",
                        "name": "sword",
                        "scene_heading": "INT. CASTLE - NIGHT",
                        "author": "an",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "book"
    result = run(str(EXAMPLE), "-o", str(out), "--time-limit", "1", "--decisions", str(decisions))
    assert result.returncode == 0, result.stderr
    assert "1 decision re-applied" in result.stderr
    assert "1 decision could not be re-applied" in result.stderr
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    first = plan["breakdown"]["scenes"][0]
    assert "train" not in [item["name"] for item in first["elements"]["vehicles"]]
    assert "cyclo" in [item["name"] for item in first["elements"]["vehicles"]]
    assert len(plan["unapplied_decisions"]) == 1
    assert "sword" in plan["unapplied_decisions"][0]


def test_a_broken_decisions_file_stops_plan_before_any_work(tmp_path: Path) -> None:
    bad = tmp_path / "decisions.json"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "book"
    result = run(str(EXAMPLE), "-o", str(out), "--decisions", str(bad))
    assert result.returncode == 2
    assert "decisions.json:1: not JSON" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
