"""`filmpark convert` as a user runs it (a subprocess with the command on its own Typer app)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from filmpark.screenplay import read

RUNNER = """
import sys, typer
from filmpark.cli.common import run_app
from filmpark.cli import convert
app = typer.Typer(pretty_exceptions_enable=False)
@app.callback()
def root() -> None: ...
convert.register(app)
sys.exit(run_app(app))
"""

SCRIPT = """Title: Bến Đò

NGOẠI. BẾN ĐÒ - BÌNH MINH #3#

Sương phủ mặt sông. ÔNG BA tháo dây đò.

ÔNG BA
Lên đi con.

NGÂN ^
Dạ.

NỘI. ĐÒ - NGÀY #4#

NGÂN
(nhìn bờ)
Xa quá.
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUNNER, "convert", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


def test_a_fountain_script_converts_to_fdx_and_pdf_and_back(tmp_path: Path) -> None:
    source = tmp_path / "ben-do.fountain"
    source.write_text(SCRIPT, "utf-8")
    original = read(source.read_bytes(), str(source))
    steps = [
        ("ben-do.fountain", "ben-do.fdx"),
        ("ben-do.fdx", "ben-do.pdf"),
        ("ben-do.pdf", "again.fountain"),
    ]
    for given, written in steps:
        result = run(str(tmp_path / given), "-o", str(tmp_path / written))
        assert result.returncode == 0, result.stderr
        assert f"wrote {tmp_path / written}" in result.stdout
        again = read((tmp_path / written).read_bytes(), written)
        assert [(s.number.text, s.heading.text, s.speaking) for s in again.scenes] == [
            (s.number.text, s.heading.text, s.speaking) for s in original.scenes
        ]
    assert (tmp_path / "ben-do.pdf").read_bytes().startswith(b"%PDF-")
    assert "<FinalDraft" in (tmp_path / "ben-do.fdx").read_text("utf-8")


def test_the_format_can_be_named_when_the_suffix_does_not_say(tmp_path: Path) -> None:
    source = tmp_path / "script.fountain"
    source.write_text(SCRIPT, "utf-8")
    result = run(str(source), "-o", str(tmp_path / "script.xml"), "--to", "fdx")
    assert result.returncode == 0, result.stderr
    assert read((tmp_path / "script.xml").read_bytes(), "script.fdx").scenes


def test_an_unknown_target_or_an_existing_output_is_a_one_line_error(tmp_path: Path) -> None:
    source = tmp_path / "script.fountain"
    source.write_text(SCRIPT, "utf-8")
    unknown = run(str(source), "-o", str(tmp_path / "script.docx"))
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == (
        "filmpark: --to: expected one of fountain, fdx, pdf (cannot tell from 'script.docx')"
    )
    existing = tmp_path / "out.fdx"
    existing.write_text("keep me", "utf-8")
    refused = run(str(source), "-o", str(existing))
    assert refused.returncode == 2
    assert "already exists (use --force to replace it)" in refused.stderr
    assert existing.read_text("utf-8") == "keep me"
    replaced = run(str(source), "-o", str(existing), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert "<FinalDraft" in existing.read_text("utf-8")


def test_an_unreadable_input_leaves_no_output_behind(tmp_path: Path) -> None:
    source = tmp_path / "broken.fdx"
    source.write_bytes(b"<FinalDraft><Content><Paragraph>")
    result = run(str(source), "-o", str(tmp_path / "out.pdf"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"filmpark: {source}: truncated FDX")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.fdx"]
