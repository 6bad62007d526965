"""The database: engine, migrations, and the transaction every edge opens.

``Database(url)`` makes the engine (SQLite in WAL mode with foreign keys on, or PostgreSQL)
and ``migrate()`` runs ``alembic upgrade head`` programmatically. An edge (an API request, a
page, a CLI command, a job) owns the transaction::

    with database.transaction() as tx:      # commits at the end, rolls back on any error
        project = projects.create_project(tx, user, "Mùa hè")

Services take the :class:`~filmpark.store.repositories.Tx` and never commit. A unique
constraint broken at commit (two people saving the same schedule version at once) surfaces
as :class:`~filmpark.errors.Conflict`; a database that does not answer as
:class:`~filmpark.errors.ExternalServiceError`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from filmpark.errors import Conflict, ExternalServiceError, FilmparkError
from filmpark.store.repositories import Tx
from filmpark.text import t

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[3]
# The key of the PostgreSQL advisory lock that serialises migrations ("filmpark" in ASCII).
MIGRATION_LOCK_KEY = 0x66696C6D7061726B


def migrations_dir() -> Path:
    """The Alembic script folder: the repository's ``migrations/`` or the installed copy."""
    for candidate in (REPO_ROOT / "migrations", Path(__file__).resolve().parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise ExternalServiceError(t("store.no_migrations"))


def _make_engine(url: str, *, pool_size: int) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=pool_size,
            max_overflow=pool_size,
        )
        _tune_sqlite(engine)
        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)


def _tune_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, and BEGIN IMMEDIATE for writers (readers stay deferred).

    pysqlite's own transaction handling is switched off so the BEGIN we emit is the one used:
    a writer takes the write lock at BEGIN and waits for it (busy timeout) instead of failing
    when a deferred read transaction later tries to upgrade.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("filmpark_begin", "IMMEDIATE")
        if mode != "NONE":  # NONE: single statements, each its own read (Database.statements)
            connection.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """One database: its engine, its session factory, and its transactions."""

    def __init__(self, url: str, *, pool_size: int = 10, echo: bool = False) -> None:
        self.url = url
        self.kind = "sqlite" if url.startswith("sqlite") else "postgresql"
        self.engine = _make_engine(url, pool_size=pool_size)
        self.engine.echo = echo
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        readers = self.engine.execution_options(filmpark_begin="DEFERRED")
        self._read_sessions = sessionmaker(bind=readers, expire_on_commit=False)
        # Reads of one statement each (filmpark.store.reads), outside any transaction: one
        # statement sees one consistent snapshot by itself, so BEGIN and ROLLBACK would only
        # add work (on PostgreSQL two round trips; its pool of such connections also skips
        # the pre-ping round trip, and a read that finds its connection dead is retried).
        self.statements: Engine
        if self.kind == "sqlite":
            self.statements = self.engine.execution_options(filmpark_begin="NONE")
        else:
            self.statements = create_engine(
                url, pool_size=2, max_overflow=pool_size, isolation_level="AUTOCOMMIT"
            )
        self._migrated = False
        self._lock = threading.Lock()

    def migrate(self) -> None:
        """Bring the schema to the newest migration (``alembic upgrade head``)."""
        from alembic import command
        from alembic.config import Config

        with self._lock:
            if self._migrated:
                return
            config = Config()
            config.set_main_option("script_location", str(migrations_dir()))
            config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
            try:
                with self.engine.begin() as connection:
                    # Several server processes may start at once: the first to get here
                    # upgrades, the others wait and then find the schema current. SQLite's
                    # BEGIN IMMEDIATE (see _tune_sqlite) already holds the write lock for the
                    # whole upgrade; PostgreSQL takes a transaction-scoped advisory lock.
                    if self.kind == "postgresql":
                        connection.exec_driver_sql(
                            f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})"
                        )
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
            except OperationalError as error:
                raise ExternalServiceError(
                    t("store.migration_failed", error=str(error.orig))
                ) from None
            self._migrated = True

    @contextmanager
    def transaction(self, *, readonly: bool = False) -> Iterator[Tx]:
        """A unit of work: commit when the block ends, roll back when it raises.

        ``readonly=True`` is a hint for SQLite (readers do not take the write lock); a read
        transaction that writes anyway still commits.
        """
        session: Session = (self._read_sessions if readonly else self._sessions)()
        tx = Tx(session)
        try:
            yield tx
            session.commit()
        except IntegrityError as error:
            session.rollback()
            tx.run_rollback_hooks()
            raise Conflict(t("store.concurrent_change", error=first_line(error))) from None
        except OperationalError as error:
            session.rollback()
            tx.run_rollback_hooks()
            raise ExternalServiceError(t("store.failed", error=first_line(error))) from None
        except BaseException:
            session.rollback()
            tx.run_rollback_hooks()
            raise
        finally:
            session.close()
        tx.run_commit_hooks()

    def dispose(self) -> None:
        self.engine.dispose()
        self.statements.dispose()


def first_line(error: Exception) -> str:
    """The first line of a database error, for a message (never the statement or its data)."""
    orig = getattr(error, "orig", None) or error
    return str(orig).strip().splitlines()[0][:200] if str(orig).strip() else type(orig).__name__


def probe(url: str) -> None:
    """Connect once to ``url`` (raises :class:`ExternalServiceError` when it does not answer)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        raise ExternalServiceError(t("store.unreachable", error=first_line(error))) from None
    finally:
        engine.dispose()


__all__ = ["Database", "FilmparkError", "Tx", "migrations_dir", "probe"]
