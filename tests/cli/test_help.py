"""``filmpark --help`` in the reader's language, from the same catalogue as every message."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from filmpark.catalogue import CATALOGUE
from filmpark.cli.app import app

REPO = Path(__file__).resolve().parents[2]


def declared_help() -> Iterator[tuple[str, str]]:
    """(catalogue key, help text) of every command and parameter of ``filmpark``."""

    def walk(node: Any, path: str) -> Iterator[tuple[str, str]]:
        if node.help:
            yield f"help.{path}", node.help
        for param in node.params:
            if getattr(param, "help", None):
                yield f"help.{path}.{param.name}", param.help
        for name, child in getattr(node, "commands", {}).items():
            yield from walk(child, name if path == "filmpark" else f"{path}.{name}")

    yield from walk(typer.main.get_command(app), "filmpark")


def filmpark(*args: str, lang: str = "en") -> str:
    environ = {**os.environ, "FILMPARK_LANG": lang, "COLUMNS": "200"}
    result = subprocess.run(
        [sys.executable, "-c", "from filmpark.cli.app import main; main()", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_help_text_has_its_vietnamese_and_the_english_is_exactly_the_declared_one() -> None:
    found = list(declared_help())
    assert len(found) > 50
    missing = [key for key, _ in found if key not in CATALOGUE]
    assert not missing, f"help texts without a catalogue entry: {missing}"
    drifted = [key for key, text in found if CATALOGUE[key][0] != text]
    assert not drifted, f"help texts whose catalogue English differs from the code: {drifted}"


def test_the_help_of_a_command_reads_vietnamese_with_lang_vi() -> None:
    page = filmpark("--lang", "vi", "parse", "--help")
    assert "Đọc kịch bản và liệt kê các cảnh" in page
    assert "Kịch bản: .fountain, .fdx, .pdf hoặc .txt." in page
    assert "Tuỳ chọn" in page
    assert "Hiện hướng dẫn này rồi thoát." in page
    assert "Read a screenplay" not in page


def test_the_list_of_commands_reads_vietnamese_from_filmpark_lang() -> None:
    page = filmpark("--help", lang="vi")
    assert "Phân tích kịch bản và tối ưu lịch quay." in page
    assert "Lệnh" in page


def test_the_english_help_is_unchanged() -> None:
    page = filmpark("parse", "--help")
    assert "Read a screenplay and list its scenes" in page
    assert "Show this message and exit." in page
    assert "Đọc kịch bản" not in page
