"""``filmpark worker``: a Celery worker running the platform's jobs (needs FILMPARK_BROKER_URL).

The command checks the settings, then becomes ``celery -A filmpark.jobs.celery_app:app worker``
(the CLI and the jobs package are separate edges); the worker re-sends unfinished jobs when it
is ready (see :mod:`filmpark.jobs.celery_app`).
"""

from __future__ import annotations

import os
import sys

import typer

from filmpark.errors import ConfigError
from filmpark.text import t


def register(app: typer.Typer) -> None:
    @app.command("worker")
    def worker(
        concurrency: int = typer.Option(1, "--concurrency", help="Jobs run at the same time."),
    ) -> None:
        """Run jobs (schedule solves, budgets, books) sent by the API through Redis."""
        from filmpark.config import load_settings

        settings = load_settings()
        if not settings.broker_url:
            raise ConfigError(t("cli.worker.no_broker"), key="FILMPARK_BROKER_URL")
        arguments = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "filmpark.jobs.celery_app:app",
            "worker",
            "--loglevel=INFO",
            f"--concurrency={max(1, concurrency)}",
            "--pool=prefork" if concurrency > 1 else "--pool=solo",
            "--without-gossip",
            "--without-mingle",
        ]
        sys.stdout.flush()
        os.execv(sys.executable, arguments)
