"""``filmpark worker``: a Celery worker running the platform's jobs (needs FILMPARK_BROKER_URL)."""

from __future__ import annotations

import typer

from filmpark.errors import ConfigError


def register(app: typer.Typer) -> None:
    @app.command("worker")
    def worker(
        concurrency: int = typer.Option(1, "--concurrency", help="Jobs run at the same time."),
    ) -> None:
        """Run jobs (schedule solves, budgets, books) sent by the API through Redis."""
        from filmpark.config import load_settings
        from filmpark.jobs.celery_app import worker_app, worker_database
        from filmpark.jobs.queue import CeleryQueue, recover

        settings = load_settings()
        if not settings.broker_url:
            raise ConfigError(
                "is not set: the worker takes jobs from Redis", key="FILMPARK_BROKER_URL"
            )
        celery = worker_app()
        database = worker_database(settings)
        queue = CeleryQueue(settings)
        recovered = recover(database, settings, queue)
        if recovered:
            typer.echo(f"filmpark worker: re-sent {recovered} unfinished job(s)")
        celery.worker_main(
            [
                "worker",
                "--loglevel=INFO",
                f"--concurrency={max(1, concurrency)}",
                "--pool=prefork" if concurrency > 1 else "--pool=solo",
                "--without-gossip",
                "--without-mingle",
            ]
        )
