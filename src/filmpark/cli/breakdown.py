"""``filmpark breakdown FILE``: every production element of every scene, with provenance.

Prints a summary table (scene, eighths, cast with cast numbers, counts per category), or with
``--json`` exactly the ``Breakdown.1`` object. ``--decisions FILE.json`` re-applies a
person's decisions (``Decisions.1``) and reports those that could not be re-applied (they
stay in the file). ``--llm`` adds the proposals of the OpenAI-compatible endpoint set by
``FILMPARK_LLM_BASE_URL`` / ``FILMPARK_LLM_MODEL`` / ``FILMPARK_LLM_API_KEY``. ``--sheets
DIR`` writes the breakdown sheets (HTML and PDF) and ``breakdown.csv``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from filmpark.breakdown.ai import provider_from_env
from filmpark.breakdown.categories import DEFAULT_CATEGORIES, ELEMENT_CATEGORIES
from filmpark.breakdown.decisions import Decision, Decisions, apply_decisions
from filmpark.breakdown.extract import break_down
from filmpark.breakdown.model import Breakdown
from filmpark.breakdown.serialize import breakdown_to_json
from filmpark.cli.common import console, print_json, say, say_diagnostics, tr
from filmpark.cli.parse import _utf8_stdout, load
from filmpark.documents.breakdown_sheets import (
    render_breakdown_sheets_html,
    render_breakdown_sheets_pdf,
    write_breakdown_csv,
)
from filmpark.errors import ConfigError, InputError, ValidationError
from filmpark.reports.breakdown_sheets import breakdown_csv_rows, breakdown_sheets
from filmpark.screenplay.model import Script
from filmpark.text import bilingual, compose, join, t

_SHORT = {
    "extras": "Ext",
    "stunts": "Stn",
    "vehicles": "Veh",
    "props": "Prp",
    "weapons": "Wpn",
    "wardrobe": "Wrd",
    "makeup_hair": "MU",
    "animals": "Anm",
    "sfx": "SFX",
    "vfx": "VFX",
    "sound": "Snd",
    "music": "Mus",
    "set_dressing": "SD",
    "special_equipment": "Eqp",
}


def read_decisions(path: Path) -> Decisions:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(t("cli.decisions.missing", path=str(path))) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(t("cli.cannot_read", path=str(path), error=str(error))) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            t("cli.decisions.not_json", path=str(path), line=error.lineno, error=error.msg)
        ) from None
    try:
        return Decisions.from_dict(document)
    except ValidationError as error:
        raise InputError(compose("{path}: {error}", path=str(path), error=error.message)) from None


def _table(breakdown: Breakdown, title: str | None) -> Table:
    cast_ids = breakdown.cast_ids()
    table = Table(title=title, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(tr(t("cli.column.8ths")), justify="right", no_wrap=True)
    table.add_column(tr(t("cli.column.cast")), ratio=1)
    table.add_column(tr(t("cli.column.elements")), ratio=1)
    for scene in breakdown.scenes:
        ordered = sorted(scene.names("cast"), key=lambda n: (cast_ids.get(n, 10**6), n))
        cast = ", ".join(f"{cast_ids.get(n, '?')}.{n}" for n in ordered)
        counts = " ".join(
            f"{_SHORT[key]} {len(scene.of(key))}"
            for key in ELEMENT_CATEGORIES
            if key != "cast" and scene.of(key)
        )
        table.add_row(scene.number, str(scene.eighths), cast, counts)
    return table


def _print_summary(breakdown: Breakdown, script: Script) -> None:
    console.print(_table(breakdown, script.title))
    total = sum(len([e for e in s.elements if e.active]) for s in breakdown.scenes)
    labels = {category.key: category.label_vi.lower() for category in DEFAULT_CATEGORIES}
    legend = join(
        " · ",
        (
            compose("{code} {name}", code=_SHORT[k], name=bilingual(k.replace("_", " "), labels[k]))
            for k in _SHORT
        ),
    )
    say(
        t(
            "cli.breakdown.summary",
            scenes=len(breakdown.scenes),
            elements=total,
            cast=len(breakdown.cast_ids()),
        )
    )
    say(legend, markup="dim")
    for suggestion in breakdown.aliases:
        say(
            t(
                "cli.breakdown.alias",
                aliases=", ".join(suggestion.aliases),
                canonical=suggestion.canonical,
                reason=suggestion.reason,
            )
        )


def report_unapplied(unapplied: tuple[Decision, ...], applied: int, path: Path) -> None:
    """How many of a person's decisions were re-applied, and each one that was not."""
    say(t("cli.decisions.reapplied", count=applied, path=str(path)), err=True)
    if unapplied:
        say(t("cli.decisions.unapplied", count=len(unapplied), path=str(path)), err=True)
        for decision in unapplied:
            say(compose("  - {decision}", decision=decision.describe()), err=True)


def breakdown(
    file: Annotated[Path, typer.Argument(help="A screenplay: .fountain, .fdx, .pdf or .txt.")],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the Breakdown.1 JSON object.")
    ] = False,
    decisions: Annotated[
        Path | None,
        typer.Option("--decisions", help="A Decisions.1 JSON file to re-apply."),
    ] = None,
    llm: Annotated[
        bool,
        typer.Option("--llm", help="Add proposals from the AI endpoint set by FILMPARK_LLM_*."),
    ] = False,
    sheets: Annotated[
        Path | None,
        typer.Option("--sheets", help="Write breakdown sheets (HTML, PDF) and breakdown.csv here."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the sheets: en or vi.")] = "en",
) -> None:
    """Break a screenplay down: cast, extras, props, wardrobe... for every scene."""
    _utf8_stdout()
    if lang not in ("en", "vi"):
        raise InputError(t("cli.lang_expected", option="--lang", got=repr(lang)))
    provider = None
    if llm:
        provider = provider_from_env()
        if provider is None:
            raise ConfigError(t("cli.llm_needs_env"), key="FILMPARK_LLM_BASE_URL")
    decided = read_decisions(decisions) if decisions is not None else None
    script = load(file)
    result = break_down(script, provider=provider)
    if decided is not None and decisions is not None:
        result, unapplied = apply_decisions(result, decided, script)
        report_unapplied(unapplied, len(decided) - len(unapplied), decisions)
    if provider is not None:
        added = sum(1 for s in result.scenes for e in s.elements if e.source == provider.name)
        say(t("cli.breakdown.llm_added", provider=provider.name, count=added), err=True)
    say_diagnostics(result.diagnostics)
    if sheets is not None:
        _write_sheets(script, result, sheets, lang)
    if json_output:
        print_json(breakdown_to_json(result))
    else:
        _print_summary(result, script)


def _write_sheets(script: Script, result: Breakdown, folder: Path, lang: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        pages = breakdown_sheets(script, result)
        (folder / "breakdown_sheets.html").write_text(
            render_breakdown_sheets_html(pages, lang=lang), encoding="utf-8"
        )
        (folder / "breakdown_sheets.pdf").write_bytes(render_breakdown_sheets_pdf(pages, lang=lang))
        write_breakdown_csv(breakdown_csv_rows(result), folder / "breakdown.csv")
    except OSError as error:
        raise InputError(
            t("cli.breakdown.cannot_write", path=str(folder), error=str(error.strerror or error))
        ) from None
    say(
        t(
            "cli.wrote",
            files=", ".join(
                str(folder / name)
                for name in ("breakdown_sheets.html", "breakdown_sheets.pdf", "breakdown.csv")
            ),
        ),
        err=True,
    )


def register(app: typer.Typer) -> None:
    app.command("breakdown")(breakdown)
