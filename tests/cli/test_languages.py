"""The command speaks the reader's language: ``--lang``, else ``FILMPARK_LANG``, else the locale.

Only what a person reads changes; ``--json`` documents are the same in every language.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "pho-at-dawn.fountain"


def filmpark(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("FILMPARK_LANG", "LANG", "LC_ALL", "LC_MESSAGES")
    }
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", "from filmpark.cli.app import main; main()", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        cwd=REPO,
        timeout=300,
        check=False,
    )


def infeasible_config(folder: Path) -> Path:
    """Khoa is away the first week, yet scene 6 (his) is locked into it: no schedule exists."""
    config = folder / "production.yaml"
    config.write_text(
        "calendar: {start: 2027-03-01}\n"
        "cast:\n"
        "  KHOA:\n"
        "    unavailable: [{from: 2027-03-01, to: 2027-03-05}]\n"
        "locks:\n"
        "  - {scene: '6', date: 2027-03-02}\n",
        encoding="utf-8",
    )
    return config


def test_a_missing_screenplay_is_named_in_vietnamese_with_lang_vi(tmp_path: Path) -> None:
    missing = tmp_path / "thiếu.fountain"
    result = filmpark("--lang", "vi", "parse", missing)
    assert result.returncode == 2
    assert f"filmpark: {missing}: không có tệp này" in result.stderr
    assert "no such file" not in result.stderr
    assert "Traceback" not in result.stderr


def test_the_same_error_reads_english_without_a_language_choice(tmp_path: Path) -> None:
    missing = tmp_path / "missing.fountain"
    result = filmpark("parse", missing)
    assert result.returncode == 2
    assert f"filmpark: {missing}: no such file" in result.stderr


def test_a_vietnamese_locale_explains_an_infeasible_schedule_in_vietnamese(
    tmp_path: Path,
) -> None:
    config = infeasible_config(tmp_path)
    result = filmpark(
        "schedule", EXAMPLE, "--config", config, "--time-limit", "2", env={"LANG": "vi_VN.UTF-8"}
    )
    assert result.returncode == 3, result.stderr
    assert "filmpark: không thể lập lịch quay:" in result.stderr
    assert "KHOA không rảnh từ 2027-03-01 đến 2027-03-05 nhưng có mặt trong cảnh 6" in result.stderr
    assert "cảnh 6 đã được khoá vào ngày 2027-03-02" in result.stderr
    assert "infeasible" not in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_the_infeasible_schedule_reads_english_in_an_english_locale(tmp_path: Path) -> None:
    config = infeasible_config(tmp_path)
    result = filmpark(
        "schedule", EXAMPLE, "--config", config, "--time-limit", "2", env={"LANG": "en_US.UTF-8"}
    )
    assert result.returncode == 3, result.stderr
    assert "the schedule is infeasible:" in result.stderr
    assert "scene 6 is locked to 2027-03-02" in result.stderr


def test_filmpark_lang_wins_over_the_locale_and_lang_wins_over_both(tmp_path: Path) -> None:
    missing = tmp_path / "x.fountain"
    english = filmpark("parse", missing, env={"LANG": "vi_VN.UTF-8", "FILMPARK_LANG": "en"})
    assert "no such file" in english.stderr
    vietnamese = filmpark("parse", missing, env={"LANG": "en_GB.UTF-8", "FILMPARK_LANG": "vi"})
    assert "không có tệp này" in vietnamese.stderr
    chosen = filmpark("--lang", "en", "parse", missing, env={"FILMPARK_LANG": "vi"})
    assert "no such file" in chosen.stderr


def test_an_unknown_language_is_refused_with_exit_2() -> None:
    result = filmpark("--lang", "fr", "parse", EXAMPLE)
    assert result.returncode == 2
    assert "--lang: expected en or vi, got 'fr'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_scene_table_and_its_summary_are_in_vietnamese() -> None:
    result = filmpark("--lang", "vi", "parse", EXAMPLE)
    assert result.returncode == 0, result.stderr
    assert "Bối cảnh" in result.stdout
    assert "9 nhân vật có thoại" in result.stdout
    assert "18 cảnh" in result.stdout
    assert "ngôn ngữ" in result.stdout
    assert "Location" not in result.stdout
    assert "scenes" not in result.stdout


def test_json_is_the_same_document_in_every_language() -> None:
    english = filmpark("parse", EXAMPLE, "--json")
    vietnamese = filmpark("--lang", "vi", "parse", EXAMPLE, "--json")
    assert english.returncode == vietnamese.returncode == 0
    assert json.loads(english.stdout) == json.loads(vietnamese.stdout)
    broken_down = filmpark("--lang", "vi", "breakdown", EXAMPLE, "--json")
    assert json.loads(broken_down.stdout) == json.loads(
        filmpark("breakdown", EXAMPLE, "--json").stdout
    )


def test_a_malformed_config_names_key_and_line_in_vietnamese(tmp_path: Path) -> None:
    config = tmp_path / "production.yaml"
    config.write_text("calendar:\n  start: 2027-03-01\n  wrok_days: 5\n", encoding="utf-8")
    result = filmpark("--lang", "vi", "schedule", EXAMPLE, "--config", config)
    assert result.returncode == 2
    assert f"{config}:3: 'calendar.wrok_days': khoá không hợp lệ (ở đây chỉ dùng được:" in (
        result.stderr
    )
