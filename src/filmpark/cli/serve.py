"""``filmpark serve``: the platform (API and pages) under uvicorn."""

from __future__ import annotations

import typer

from filmpark.errors import ValidationError


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
        port: int = typer.Option(8000, "--port", help="Port to listen on."),
        workers: int = typer.Option(1, "--workers", help="Server processes (PostgreSQL for >1)."),
    ) -> None:
        """Serve the platform: REST API at /api/v1 (docs at /docs) and the web pages."""
        import uvicorn

        from filmpark.config import load_settings

        if not 0 < port < 65536:
            raise ValidationError("port", "must be between 1 and 65535")
        settings = load_settings()
        if workers > 1:
            if settings.database_kind == "sqlite":
                raise ValidationError("workers", "more than one process needs PostgreSQL")
            uvicorn.run("filmpark.asgi:app", host=host, port=port, workers=workers)
            return
        # By import string: the composition root sits above the CLI.
        uvicorn.run("filmpark.asgi:app", host=host, port=port, log_level="info")
