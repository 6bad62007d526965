"""The ``filmpark`` console script: one Typer app, one module per command group.

Each command module exposes ``register(app)``; this module wires them and maps every
:class:`~filmpark.errors.FilmparkError` to a one-line message and its exit code, so a user
never sees a traceback. The global ``--lang en|vi`` option chooses the language of the
messages (see :mod:`filmpark.cli.common`).
"""

from __future__ import annotations

import importlib
import sys

import typer

from filmpark import __version__
from filmpark.cli.common import run_app, set_language

app = typer.Typer(
    name="filmpark",
    help="From a screenplay to a breakdown, a shooting schedule, a budget and a production book.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules, in the order `filmpark --help` lists them.
COMMAND_MODULES = (
    "filmpark.cli.parse",
    "filmpark.cli.convert",
    "filmpark.cli.breakdown",
    "filmpark.cli.plan",
    "filmpark.cli.talent",
    "filmpark.cli.schedule",
    "filmpark.cli.project",
    "filmpark.cli.serve",
    "filmpark.cli.worker",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"filmpark {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    lang: str | None = typer.Option(
        None,
        "--lang",
        help="Language of the messages: en or vi (default: FILMPARK_LANG, else the locale).",
    ),
) -> None:
    """filmpark: screenplay → breakdown → schedule → budget → documents."""
    set_language(lang)


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    """Entry point of the ``filmpark`` console script."""
    sys.exit(run_app(app))
