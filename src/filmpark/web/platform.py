"""Where the pages meet the platform: the database transaction and the settings.

Pages call only :mod:`filmpark.services`; services take the edge's transaction. The
composition root (:func:`filmpark.asgi.create_app`) owns the database and the settings and
hands them to :func:`filmpark.web.install`; this module keeps them for the pages.

A page that only reads opens a read transaction (SQLite readers do not take the write lock);
a page that changes something opens a write transaction, which commits when the block ends
and rolls back when anything in it raises, so a failure leaves stored data as it was.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from fastapi import Request

if TYPE_CHECKING:
    from filmpark.config import Settings
    from filmpark.store import FileStore, Tx


class DatabaseLike(Protocol):
    """The composition root's database: a transaction per unit of work."""

    def transaction(self, *, readonly: bool = False) -> AbstractContextManager[Tx]: ...


@dataclass(frozen=True, slots=True)
class Platform:
    database: DatabaseLike
    settings: Settings
    files: FileStore
    renders: FileStore
    jobs: Any = None


def platform(request: Request) -> Platform:
    found = getattr(request.app.state, "filmpark_platform", None)
    if not isinstance(found, Platform):
        raise RuntimeError("filmpark.web.install(app) was not given the platform")
    return found


def read(request: Request) -> AbstractContextManager[Tx]:
    """A read transaction for this page."""
    return platform(request).database.transaction(readonly=True)


def write(request: Request) -> AbstractContextManager[Tx]:
    """A write transaction for this page (commits at the end of the block)."""
    return platform(request).database.transaction()


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def files(request: Request) -> FileStore:
    """Where uploaded scripts are kept (the composition root's file store)."""
    return platform(request).files


def renders(request: Request) -> FileStore:
    """Where rendered production books are kept."""
    return platform(request).renders


def dispatch(request: Request, job_id: str) -> None:
    """Send a committed job to the platform's queue (call after the transaction ended)."""
    queue = platform(request).jobs
    if queue is None:
        raise RuntimeError("the platform gave the pages no job queue")
    queue.dispatch(job_id)
