"""Test databases: SQLite always, PostgreSQL when ``FILMPARK_TEST_DATABASE_URL`` is set.

Each pytest process (each xdist worker) gets a fresh PostgreSQL database of its own, created
from the given URL and dropped at the end; when ``FILMPARK_REQUIRE_SERVICES=1`` an unreachable
server fails the tests instead of skipping them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from filmpark.store import Database

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def services_required() -> bool:
    return os.environ.get("FILMPARK_REQUIRE_SERVICES") == "1"


def _unavailable(reason: str) -> None:
    if services_required():
        pytest.fail(f"{reason} (FILMPARK_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database; yields its URL and drops it afterwards."""
    base = os.environ.get("FILMPARK_TEST_DATABASE_URL", "").strip()
    if not base:
        _unavailable("FILMPARK_TEST_DATABASE_URL is not set")
    admin = create_engine(base, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    name = f"filmpark_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as error:
        admin.dispose()
        _unavailable(f"PostgreSQL at FILMPARK_TEST_DATABASE_URL is unreachable: {error.orig}")
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def database_for(kind: str, folder: Path) -> Iterator[Database]:
    """A migrated :class:`Database` of ``kind`` (``sqlite`` or ``postgresql``)."""
    if kind == "sqlite":
        database = Database(f"sqlite:///{folder / 'filmpark.db'}")
        database.migrate()
        try:
            yield database
        finally:
            database.dispose()
        return
    with postgres_database() as url:
        database = Database(url)
        database.migrate()
        try:
            yield database
        finally:
            database.dispose()
