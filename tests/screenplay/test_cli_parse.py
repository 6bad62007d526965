"""``filmpark parse``: the readable table, the Script.1 JSON, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.screenplay.builders import a_scene, fountain, speech

REPO = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from filmpark.cli.app import main; main()", "parse", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "160", "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture
def vietnamese_script(tmp_path: Path) -> Path:
    path = tmp_path / "ben-do.fountain"
    text = fountain(
        a_scene("NGOẠI. BẾN ĐÒ - BÌNH MINH #3A#", "Sương mù.", speech("ÔNG TƯ (V.O.)", "Đò ơi!")),
        a_scene("NỘI. NHÀ CHỜ - LIÊN TỤC", speech("CÔ LAN", "Dạ, con đây.")),
        title="Bến Đò",
    )
    path.write_text(text, "utf-8")
    return path


def test_json_output_is_exactly_the_script_1_contract(vietnamese_script: Path) -> None:
    result = run(str(vietnamese_script), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert list(document) == [
        "schema",
        "title",
        "language",
        "pages",
        "scenes",
        "characters",
        "diagnostics",
    ]
    assert document["schema"] == "Script.1"
    assert document["title"] == "Bến Đò"
    assert document["language"] == "vi"
    assert document["pages"] == "2/8"
    first = document["scenes"][0]
    assert first == {
        "number": "3A",
        "heading": "NGOẠI. BẾN ĐÒ - BÌNH MINH",
        "int_ext": "EXT",
        "location": "BẾN ĐÒ",
        "time": "BÌNH MINH",
        "page": 1,
        "eighths": first["eighths"],
        "speaking": ["ÔNG TƯ"],
        "line": 3,
    }
    assert document["scenes"][1]["number"] == "2"
    assert document["characters"] == [
        {"name": "ÔNG TƯ", "scenes": ["3A"], "lines": 1},
        {"name": "CÔ LAN", "scenes": ["2"], "lines": 1},
    ]
    assert document["diagnostics"] == []


def test_the_table_prints_vietnamese_names_and_totals(vietnamese_script: Path) -> None:
    result = run(str(vietnamese_script))
    assert result.returncode == 0, result.stderr
    assert "BẾN ĐÒ" in result.stdout
    assert "ÔNG TƯ" in result.stdout
    assert "BÌNH MINH" in result.stdout
    assert "2 scenes" in result.stdout
    assert "2 speaking characters" in result.stdout


def test_diagnostics_go_to_stderr_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "odd.fountain"
    path.write_text("INT. A - DAY\n\nText /* open\n\nMore.\n", "utf-8")
    result = run(str(path))
    assert result.returncode == 0
    assert f"{path}:3: unclosed boneyard" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "cause"),
    [
        ("empty.fountain", b"", "is empty"),
        ("image.fountain", b"\x89PNG\r\n\x1a\n" + bytes(300), "PNG image"),
        ("nul.fountain", b"\x00" * 1000, "NUL"),
        ("script.docx", b"PK\x03\x04", "Word document"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_code_2(
    tmp_path: Path, name: str, content: bytes, cause: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run(str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"filmpark: {path}: ")
    assert cause in lines[0]
    assert "Traceback" not in result.stderr


def test_a_missing_file_or_a_directory_is_named(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nope.fountain"))
    assert missing.returncode == 2
    assert "no such file" in missing.stderr
    folder = run(str(tmp_path))
    assert folder.returncode == 2
    assert "is a directory" in folder.stderr


def test_an_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.fountain"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    result = run(str(path))
    assert result.returncode == 2
    assert "too big" in result.stderr
