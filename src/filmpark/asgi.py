"""The composition root: settings, database, job queue, API and pages in one ASGI app.

``uvicorn filmpark.asgi:app`` or ``filmpark serve``. :func:`create_app` runs the database
migrations, starts the job queue (and re-dispatches jobs left unfinished), installs the API,
and — when the pages package provides it — calls
``filmpark.web.install(app, database=..., settings=..., jobs=...)``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI

from filmpark import __version__
from filmpark.api import install as install_api
from filmpark.api.context import ApiContext
from filmpark.config import Settings, load_settings
from filmpark.jobs import JobQueue, make_queue, recover
from filmpark.store import Database

log = logging.getLogger(__name__)


def _install_web(app: FastAPI, database: Database, settings: Settings, queue: JobQueue) -> bool:
    try:
        web = importlib.import_module("filmpark.web")
    except ImportError as error:
        log.warning("pages not available: %s", error)
        return False
    installer: Any = getattr(web, "install", None)
    if not callable(installer):
        return False
    installer(app, database=database, settings=settings, jobs=queue)
    return True


def create_app(
    settings: Settings | None = None,
    *,
    database: Database | None = None,
    queue: JobQueue | None = None,
    pages: bool = True,
) -> FastAPI:
    """The whole platform as one FastAPI app (migrated database, started queue)."""
    settings = settings or load_settings()
    database = database or Database(settings.database_url)
    database.migrate()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    queue = queue or make_queue(database, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Routes run in a thread pool; a few threads keep a busy 2-core machine from
        # thrashing on the interpreter lock (each request holds a thread only for a few ms).
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        recovered = recover(database, settings, queue)
        if recovered:
            log.info("re-dispatched %d unfinished jobs", recovered)
        yield
        queue.close()

    app = FastAPI(
        title="filmpark",
        version=__version__,
        description=(
            "The filmpark platform: accounts, confidential projects, script revisions, "
            "breakdown review, schedules, budgets, documents and the AI ledger."
        ),
        lifespan=lifespan,
    )
    install_api(app, ApiContext(database=database, settings=settings, queue=queue))
    if pages:
        _install_web(app, database, settings, queue)
    return app


_APP: FastAPI | None = None


def __getattr__(name: str) -> Any:
    # ``filmpark.asgi:app`` for uvicorn, built on first access (not at import), then kept.
    global _APP
    if name == "app":
        if _APP is None:
            _APP = create_app()
        return _APP
    raise AttributeError(name)
