"""``filmpark parse FILE [--json]``: read a screenplay and print its scene list.

The table shows each scene's number, INT/EXT, location, time, page and length in eighths and
who speaks in it, then the totals and the reader's diagnostics. ``--json`` prints exactly the
``Script.1`` object (:mod:`filmpark.screenplay.serialize`), for other tools.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from filmpark.cli.common import console, print_json, read_input_file, say, say_diagnostics, tr
from filmpark.errors import ScreenplayError
from filmpark.screenplay import MAX_BYTES, read
from filmpark.screenplay.model import Script
from filmpark.screenplay.serialize import plain_title, script_to_json
from filmpark.text import t


def _utf8_stdout() -> None:
    """Vietnamese names must print even where the console's default encoding is narrower."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def load(path: Path) -> Script:
    """Read ``path`` as a screenplay; refuse oversized files before reading them."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_input_file names the cause
    if size > MAX_BYTES:
        raise ScreenplayError(
            str(path),
            t("screenplay.too_big", size=round(size / 1_048_576), limit=MAX_BYTES // 1_048_576),
        )
    return read(read_input_file(path), str(path))


def _table(script: Script) -> Table:
    table = Table(title=plain_title(script), show_lines=False, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(tr(t("cli.column.int_ext")), no_wrap=True)
    table.add_column(tr(t("cli.column.location")))
    table.add_column(tr(t("cli.column.time")), no_wrap=True)
    table.add_column(tr(t("cli.column.page")), justify="right", no_wrap=True)
    table.add_column(tr(t("cli.column.eighths")), justify="right", no_wrap=True)
    table.add_column(tr(t("cli.column.speaking")))
    for scene in script.scenes:
        heading = scene.heading
        table.add_row(
            scene.number.text,
            heading.int_ext.value if heading.int_ext else "—",
            heading.location,
            heading.time or "—",
            str(scene.page),
            str(scene.eighths),
            ", ".join(scene.speaking),
        )
    return table


def print_script(script: Script) -> None:
    """The readable report: scene table, totals, diagnostics."""
    console.print(_table(script))
    length = script.length
    if length.value < 8:
        pages = t("cli.parse.part_of_a_page", length=str(length))
    elif length.value == 8:
        pages = t("cli.parse.one_page")
    else:
        pages = t("cli.parse.pages", length=str(length))
    say(
        t(
            "cli.parse.summary",
            scenes=t("cli.count.scenes", count=len(script.scenes)),
            pages=pages,
            printed=t("cli.count.printed_pages", count=script.page_count),
            characters=t("cli.count.speaking_characters", count=len(script.characters)),
            language=script.language,
        )
    )
    say_diagnostics(script.diagnostics)


def parse(
    file: Annotated[Path, typer.Argument(help="A screenplay: .fountain, .fdx, .pdf or .txt.")],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the Script.1 JSON object.")
    ] = False,
) -> None:
    """Read a screenplay and list its scenes (number, INT/EXT, location, time, page, eighths)."""
    _utf8_stdout()
    script = load(file)
    if json_output:
        print_json(script_to_json(script))
    else:
        print_script(script)


def register(app: typer.Typer) -> None:
    app.command("parse")(parse)
