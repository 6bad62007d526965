"""What every command shares: consoles, error mapping, JSON output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from filmpark.errors import FilmparkError, ScreenplayError, exit_code

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def run_app(app: typer.Typer) -> int:
    """Run ``app``; turn filmpark errors into ``filmpark: <cause>`` and their exit code.

    Usage errors (a missing option, an unknown command) are reported by Typer itself in
    standalone mode: a usage line and the error, exit code 2, never a traceback.
    """
    command = typer.main.get_command(app)
    try:
        command.main(prog_name="filmpark", standalone_mode=True)
    except FilmparkError as error:
        err_console.print(f"[bold red]filmpark:[/] {error}", soft_wrap=True)
        return exit_code(error)
    except SystemExit as done:
        if done.code is None:
            return 0
        return done.code if isinstance(done.code, int) else 1
    except KeyboardInterrupt:
        err_console.print("filmpark: interrupted")
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
            raise ScreenplayError(str(path), "is a directory, not a file")
        return path.read_bytes()
    except FileNotFoundError:
        raise ScreenplayError(str(path), "no such file") from None
    except PermissionError:
        raise ScreenplayError(str(path), "permission denied") from None
    except OSError as error:
        raise ScreenplayError(str(path), error.strerror or "cannot be read") from None
