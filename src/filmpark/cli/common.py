"""What every command shares: consoles, the reader's language, error mapping, JSON output.

The language of everything the commands print for a person is chosen once per run: the global
``filmpark --lang en|vi`` option, else ``FILMPARK_LANG``, else the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG`` starting with ``vi``), else English (see
:func:`filmpark.text.language_from_environment`). JSON output never changes with it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import typer
import typer.rich_utils
from rich.console import Console
from rich.markup import escape

from filmpark.catalogue import CATALOGUE
from filmpark.errors import ConfigError, FilmparkError, InputError, ScreenplayError, exit_code
from filmpark.screenplay.model import Diagnostic
from filmpark.text import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Text,
    compose,
    language_from_environment,
    localize,
    t,
    verbatim,
)

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

_chosen: list[str] = []


def set_language(lang: str | None) -> None:
    """Use ``lang`` (``en`` or ``vi``) for the rest of the run; None keeps the environment's."""
    if lang is None:
        return
    if lang not in LANGUAGES:
        raise InputError(t("cli.lang_expected", option="--lang", got=repr(lang)))
    _chosen[:] = [lang]


def language() -> str:
    """The reader's language for this run."""
    return _chosen[0] if _chosen else language_from_environment(os.environ)


def tr(value: object) -> str:
    """``value`` in the reader's language (a :class:`~filmpark.text.Text`, or as given)."""
    return localize(value, language())


def say(value: object, *, err: bool = False, markup: str = "") -> None:
    """Print a message for a person, in their language.

    The message is escaped (a ``[latitude, longitude]`` in it is text, not Rich markup);
    ``markup`` is a Rich style wrapped around it (``"bold"``).
    """
    text = escape(tr(value))
    if markup:
        text = f"[{markup}]{text}[/]"
    (err_console if err else console).print(text, soft_wrap=True)


def say_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    """A reader's warnings on stderr, one ``file:line: message`` each."""
    for note in diagnostics:
        say(
            compose(
                "{source}:{line}: {message}",
                source=note.source,
                line=note.line,
                message=note.message,
            ),
            err=True,
        )


def search_progress(objective: int, bound: int, gap: float) -> Text:
    """The optimiser's progress line: best cost so far, proven bound and the gap between."""
    return t("cli.progress.search", best=objective, bound=bound, gap=gap)


def _language_in(argv: Sequence[str]) -> str | None:
    """The ``--lang`` given on the command line, before Click has parsed it (for the help)."""
    for index, word in enumerate(argv):
        value = None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


def localize_help(command: Any, lang: str) -> None:
    """The help of every command and option in ``lang`` (catalogue keys ``help.<path>...``).

    Click's own words around them ("Usage:") stay as Click writes them.
    """
    if lang == DEFAULT_LANGUAGE:
        return
    for name, value in (
        ("ARGUMENTS_PANEL_TITLE", t("help.panel.arguments")),
        ("OPTIONS_PANEL_TITLE", t("help.panel.options")),
        ("COMMANDS_PANEL_TITLE", t("help.panel.commands")),
        ("ERRORS_PANEL_TITLE", t("help.panel.error")),
        ("REQUIRED_LONG_STRING", t("help.required")),
        ("DEFAULT_STRING", t("help.default")),
    ):
        setattr(typer.rich_utils, name, value.in_(lang))

    # Typer carries its own copy of Click, so commands and parameters are read by duck typing.
    def walk(node: Any, path: str) -> None:
        if f"help.{path}" in CATALOGUE:
            node.help = t(f"help.{path}").in_(lang)
        for param in node.params:
            if hasattr(param, "help") and f"help.{path}.{param.name}" in CATALOGUE:
                param.help = t(f"help.{path}.{param.name}").in_(lang)
        option = node.get_help_option(node.context_class(node, info_name=path))
        if option is not None:
            option.help = t("help.option.help").in_(lang)
        for name, child in getattr(node, "commands", {}).items():
            walk(child, name if path == "filmpark" else f"{path}.{name}")

    walk(command, "filmpark")


def run_app(app: typer.Typer) -> int:
    """Run ``app``; turn filmpark errors into ``filmpark: <cause>`` and their exit code.

    Usage errors (a missing option, an unknown command) are reported by Typer itself in
    standalone mode: a usage line and the error, exit code 2, never a traceback. The help
    (``--help``) is in the reader's language.
    """
    command = typer.main.get_command(app)
    localize_help(command, _language_in(sys.argv[1:]) or language())
    try:
        command.main(prog_name="filmpark", standalone_mode=True)
    except FilmparkError as error:
        err_console.print(
            f"[bold red]filmpark:[/] {escape(error.localized(language()))}", soft_wrap=True
        )
        return exit_code(error)
    except SystemExit as done:
        if done.code is None:
            return 0
        return done.code if isinstance(done.code, int) else 1
    except KeyboardInterrupt:
        err_console.print(escape(tr(t("cli.interrupted"))))
        return 130
    except BrokenPipeError:
        return 0
    return 0


def print_json(document: Any) -> None:
    """Print ``document`` as JSON on stdout (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def read_input_file(path: Path) -> bytes:
    """Read a user's file, turning OS errors into a one-line :class:`ScreenplayError`."""
    try:
        if path.is_dir():
            raise ScreenplayError(str(path), t("file.is_directory"))
        return path.read_bytes()
    except FileNotFoundError:
        raise ScreenplayError(str(path), t("file.missing")) from None
    except PermissionError:
        raise ScreenplayError(str(path), t("file.permission_denied")) from None
    except OSError as error:
        cause = verbatim(error.strerror) if error.strerror else t("file.unreadable")
        raise ScreenplayError(str(path), cause) from None


def read_config_text(path: Path) -> str:
    """The text of a production config, or a :class:`ConfigError` naming the file."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(t("file.missing"), source=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError(t("file.not_utf8"), source=str(path)) from None
    except OSError as error:
        cause = verbatim(error.strerror) if error.strerror else t("file.unreadable")
        raise ConfigError(cause, source=str(path)) from None
