"""``filmpark serve``: the platform (API and pages) under uvicorn, in one or more processes."""

from __future__ import annotations

import typer

from filmpark.errors import ValidationError
from filmpark.text import t


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
        port: int = typer.Option(8000, "--port", help="Port to listen on."),
        workers: int = typer.Option(
            1,
            "--workers",
            min=1,
            max=64,
            help="Server processes sharing the port (one per core is a good start).",
        ),
        access_log: bool = typer.Option(
            True, "--access-log/--no-access-log", help="Log one line per request."
        ),
    ) -> None:
        """Serve the platform: REST API at /api/v1 (docs at /docs) and the web pages."""
        import uvicorn

        from filmpark.config import load_settings
        from filmpark.store import Database

        if not 0 < port < 65536:
            raise ValidationError("port", t("cli.serve.port_range"))
        settings = load_settings()
        # Migrate here, once, before any worker process starts: N workers starting together
        # then find the schema current instead of racing to upgrade it. (Each worker's own
        # check is serialised too, see Database.migrate, for servers started another way.)
        database = Database(settings.database_url, pool_size=1)
        try:
            database.migrate()
        finally:
            database.dispose()
        # By import string: the composition root sits above the CLI, and each worker process
        # builds its own app (engine, connection pool, job threads) after the fork.
        uvicorn.run(
            "filmpark.asgi:app",
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            access_log=access_log,
        )
