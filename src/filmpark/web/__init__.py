"""Server-rendered pages of the production team's workspace, in English and Vietnamese.

:func:`install` adds the pages and their static files to the platform's FastAPI application
(:func:`filmpark.asgi.create_app` calls it). Pages call :mod:`filmpark.services` only, inside
a transaction per request, with the same permission rules as the API.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from filmpark.web.core import STATIC_DIR, WebState
from filmpark.web.platform import Platform
from filmpark.web.session import SessionCodec

__all__ = ["install"]


def install(
    app: FastAPI,
    *,
    database: Any = None,
    settings: Any = None,
    files: Any = None,
    jobs: Any = None,
) -> None:
    """Mount the pages on ``app``.

    ``database`` (with ``transaction(readonly=...)``), ``settings``
    (:class:`filmpark.config.Settings`), ``files`` (the script file store) and ``jobs`` (the job
    executor) default to the ``app.state`` attributes of the same names.
    """
    from filmpark.web import routes

    database = database if database is not None else getattr(app.state, "database", None)
    settings = settings if settings is not None else getattr(app.state, "settings", None)
    jobs = jobs if jobs is not None else getattr(app.state, "jobs", None)
    files = files if files is not None else getattr(app.state, "files", None)
    if database is None or settings is None:
        raise RuntimeError("filmpark.web.install needs the platform's database and settings")
    if files is None:
        # The composition root normally hands over its file store; this is the same folder.
        from filmpark.store import FileStore

        files = FileStore(settings.scripts_dir)
    app.state.filmpark_platform = Platform(
        database=database, settings=settings, files=files, jobs=jobs
    )
    app.state.filmpark_web = WebState(
        codec=SessionCodec(settings.secret_key),
        session_seconds=int(settings.token_lifetime.total_seconds()),
        load_user=routes.user_loader(app),
    )
    for router in routes.ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
