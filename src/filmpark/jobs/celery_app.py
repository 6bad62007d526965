"""The Celery application: one task, ``filmpark.run_job(job_id)``, on Redis.

Messages are acknowledged only after the job ran (``acks_late``) and given back to the broker
when the worker process dies (``reject_on_worker_lost``); a killed worker's job comes back
after the broker's visibility timeout, or sooner through ``filmpark worker``'s start-up
recovery (jobs whose heartbeat stopped). The job body is idempotent, so a redelivered message
never writes a second version.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from typing import Any

from celery import Celery

from filmpark.config import Settings, load_settings
from filmpark.store import Database

log = logging.getLogger(__name__)

_LOCAL = threading.local()
_DATABASES: dict[str, Database] = {}
_LOCK = threading.Lock()


def worker_database(settings: Settings) -> Database:
    with _LOCK:
        database = _DATABASES.get(settings.database_url)
        if database is None:
            database = Database(settings.database_url, pool_size=2)
            database.migrate()
            _DATABASES[settings.database_url] = database
        return database


def load_extra_job_modules() -> None:
    """Import the modules in ``FILMPARK_JOB_MODULES`` (comma-separated): extra job kinds."""
    for name in filter(
        None, (part.strip() for part in os.environ.get("FILMPARK_JOB_MODULES", "").split(","))
    ):
        importlib.import_module(name)


def make_celery(settings: Settings) -> Celery:
    app = Celery("filmpark", broker=settings.broker_url, set_as_current=False)
    visibility = int(os.environ.get("FILMPARK_BROKER_VISIBILITY_SECONDS", "3600"))
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": visibility},
        worker_hijack_root_logger=False,
        # One queue name per installation (or test run) sharing a Redis server.
        task_default_queue=os.environ.get("FILMPARK_JOB_QUEUE", "filmpark"),
    )

    @app.task(name="filmpark.run_job", acks_late=True, reject_on_worker_lost=True)  # type: ignore[untyped-decorator]
    def run_job_task(job_id: str) -> str | None:
        from filmpark.jobs.runner import run_job

        current = load_settings()
        state = run_job(worker_database(current), current, job_id)
        return state.value if state is not None else None

    _ = run_job_task
    return app


def worker_app() -> Celery:
    """The Celery app a ``filmpark worker`` process serves (settings from the environment).

    When the worker is ready it re-sends every queued job and every running job whose
    heartbeat stopped (a worker killed mid-job), so they run again without waiting for the
    broker's visibility timeout.
    """
    from celery.signals import worker_ready

    from filmpark.jobs.queue import CeleryQueue, recover

    load_extra_job_modules()
    settings = load_settings()
    app = make_celery(settings)

    @worker_ready.connect(weak=False)  # type: ignore[untyped-decorator]
    def _recover(**_: Any) -> None:
        queue = CeleryQueue(settings)
        try:
            count = recover(worker_database(settings), settings, queue)
        finally:
            queue.close()
        if count:
            log.info("re-sent %d unfinished job(s)", count)

    return app


_APP: Celery | None = None


def __getattr__(name: str) -> Any:
    # ``celery -A filmpark.jobs.celery_app:app``: built on first access (not at import), then kept.
    global _APP
    if name == "app":
        if _APP is None:
            _APP = worker_app()
        return _APP
    raise AttributeError(name)
