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
    renders: Any = None,
    jobs: Any = None,
) -> None:
    """Mount the pages on ``app``.

    ``database`` (with ``transaction(readonly=...)``), ``settings``
    (:class:`filmpark.config.Settings`), ``files`` and ``renders`` (the file stores of scripts
    and rendered books) and ``jobs`` (the queue: ``dispatch(job_id)`` after commit) default to
    the composition root's context on ``app.state.filmpark``.
    """
    from filmpark.web import routes

    # The composition root leaves its context (database, settings, job queue, file stores)
    # on ``app.state.filmpark``; explicit arguments win.
    context = getattr(app.state, "filmpark", None)
    database = database if database is not None else getattr(context, "database", None)
    settings = settings if settings is not None else getattr(context, "settings", None)
    jobs = jobs if jobs is not None else getattr(context, "queue", None)
    files = files if files is not None else getattr(context, "scripts", None)
    renders = renders if renders is not None else getattr(context, "renders", None)
    if database is None or settings is None:
        raise RuntimeError("filmpark.web.install needs the platform's database and settings")
    if files is None or renders is None:
        # The composition root normally hands over its file stores; these are the same folders.
        from filmpark.store import FileStore

        files = files if files is not None else FileStore(settings.scripts_dir)
        renders = renders if renders is not None else FileStore(settings.renders_dir)
    app.state.filmpark_platform = Platform(
        database=database, settings=settings, files=files, renders=renders, jobs=jobs
    )
    app.state.filmpark_web = WebState(
        codec=SessionCodec(settings.secret_key),
        load_user=routes.user_loader(app),
    )
    for router in routes.ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
