"""``filmpark convert FILE -o OUT [--to fountain|fdx|pdf] [--lang en|vi] [--force]``.

Reads a screenplay in any format filmpark reads and writes it as Fountain, Final Draft (FDX)
or a PDF in the industry layout; the format comes from ``--to`` or from OUT's suffix. The file
is written beside OUT under a temporary name and renamed into place, so a failure leaves no
half-written file; an existing OUT is replaced only with ``--force``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from filmpark.cli.common import say, say_diagnostics
from filmpark.cli.parse import load
from filmpark.documents.screenplay_pdf import render_screenplay_pdf
from filmpark.errors import InputError
from filmpark.screenplay.fdx import write_fdx
from filmpark.screenplay.fountain import write_fountain
from filmpark.screenplay.model import Script
from filmpark.text import compose, t, verbatim

_BY_SUFFIX = {".fountain": "fountain", ".spmd": "fountain", ".fdx": "fdx", ".pdf": "pdf"}
FORMATS = ("fountain", "fdx", "pdf")


def converted(script: Script, target: str, lang: str | None) -> bytes:
    """The bytes of ``script`` in ``target`` format."""
    if target == "fountain":
        return write_fountain(script).encode("utf-8")
    if target == "fdx":
        return write_fdx(script).encode("utf-8")
    return render_screenplay_pdf(script, language=lang)


def _write_atomically(output: Path, data: bytes) -> None:
    directory = output.resolve().parent
    if not directory.is_dir():
        raise InputError(t("cli.convert.no_folder", path=str(output), folder=str(directory)))
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, output)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        cause = verbatim(error.strerror) if error.strerror else t("file.unwritable")
        raise InputError(compose("{path}: {cause}", path=str(output), cause=cause)) from None


def convert(
    file: Annotated[Path, typer.Argument(help="A screenplay: .fountain, .fdx, .pdf or .txt.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    to: Annotated[
        str | None,
        typer.Option("--to", help="fountain, fdx or pdf (default: from the output's suffix)."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", help="PDF markers (MORE)/(CONT'D) in en or vi (default: the script's)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists.")] = False,
) -> None:
    """Write a screenplay as Fountain, Final Draft (FDX) or an industry-layout PDF."""
    target = (to or _BY_SUFFIX.get(output.suffix.lower(), "")).lower()
    if target not in FORMATS:
        if to:
            raise InputError(t("cli.convert.bad_format", expected=", ".join(FORMATS), got=repr(to)))
        raise InputError(
            t("cli.convert.unknown_suffix", expected=", ".join(FORMATS), name=repr(output.name))
        )
    if lang is not None and lang not in ("en", "vi"):
        raise InputError(t("cli.lang_expected", option="--lang", got=repr(lang)))
    if output.exists() and not force:
        raise InputError(t("file.exists_use_force", path=str(output)))
    script = load(file)
    say_diagnostics(script.diagnostics)
    _write_atomically(output, converted(script, target, lang))
    say(
        t(
            "cli.convert.wrote",
            path=str(output),
            format=target,
            scenes=t("cli.count.scenes", count=len(script.scenes)),
            characters=t("cli.count.speaking_characters", count=len(script.characters)),
        )
    )


def register(app: typer.Typer) -> None:
    app.command("convert")(convert)
