from __future__ import annotations

from datetime import UTC

import pytest
from sqlalchemy import text

from filmpark.errors import Conflict, PermissionDenied
from filmpark.store import Database
from filmpark.store.models import AuditRow
from filmpark.store.records import Role


def test_a_failed_transaction_leaves_nothing_behind(database: Database) -> None:
    def add_then_fail() -> None:
        with database.transaction() as tx:
            tx.users.add("gone@example.vn", "Gone", "x")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        add_then_fail()
    with database.transaction(readonly=True) as tx:
        assert tx.users.by_email("gone@example.vn") is None


def test_a_duplicate_email_is_a_conflict(database: Database) -> None:
    with database.transaction() as tx:
        tx.users.add("dup@example.vn", "One", "x")
    with pytest.raises(Conflict), database.transaction() as tx:
        tx.users.add("dup@example.vn", "Two", "x")


def test_times_come_back_in_utc(database: Database) -> None:
    with database.transaction() as tx:
        user = tx.users.add("utc@example.vn", "Utc", "x")
    with database.transaction(readonly=True) as tx:
        again = tx.users.get(user.id)
    assert again.created_at.tzinfo is UTC or again.created_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert abs((again.created_at - user.created_at).total_seconds()) < 1


def test_the_database_refuses_to_change_the_audit_log(database: Database) -> None:
    with database.transaction() as tx:
        tx.audit.add("test.entry", actor_id=None, detail={"n": 1})
    with pytest.raises(Exception, match="append-only"), database.transaction() as tx:
        tx.session.execute(text("UPDATE audit_log SET action = 'forged'"))
    with pytest.raises(Exception, match="append-only"), database.transaction() as tx:
        tx.session.execute(text("DELETE FROM audit_log"))
    with database.transaction(readonly=True) as tx:
        assert any(e.action == "test.entry" for e in tx.audit.entries())


def test_the_application_refuses_to_change_an_audit_row(database: Database) -> None:
    with database.transaction() as tx:
        tx.audit.add("test.orm", actor_id=None)

    def forge() -> None:
        with database.transaction() as tx:
            row = tx.session.query(AuditRow).filter_by(action="test.orm").one()
            row.action = "forged"
            tx.session.flush()

    with pytest.raises(PermissionDenied, match="append-only"):
        forge()


def test_two_writers_of_the_same_schedule_version_conflict(database: Database) -> None:
    with database.transaction() as tx:
        owner = tx.users.add("sched@example.vn", "Owner", "x")
        project = tx.projects.add("P", owner.id)
        tx.members.set(project.id, owner.id, Role.OWNER)
        tx.schedules.add(
            project_id=project.id,
            version=1,
            source="solver",
            document={},
            config={},
            revision_id=None,
            job_id=None,
            created_by=owner.id,
        )
    with pytest.raises(Conflict), database.transaction() as tx:
        tx.schedules.add(
            project_id=project.id,
            version=1,
            source="human",
            document={},
            config={},
            revision_id=None,
            job_id=None,
            created_by=owner.id,
        )
    with database.transaction(readonly=True) as tx:
        latest = tx.schedules.get(project.id)
        assert latest is not None
        assert latest.source == "solver"


def test_rollback_hooks_run_only_when_the_transaction_fails(database: Database) -> None:
    calls: list[str] = []
    with database.transaction() as tx:
        tx.on_rollback(lambda: calls.append("rollback"))
        tx.after_commit(lambda: calls.append("commit"))
    assert calls == ["commit"]

    def fail() -> None:
        with database.transaction() as tx:
            tx.on_rollback(lambda: calls.append("rollback"))
            tx.after_commit(lambda: calls.append("commit"))
            raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        fail()
    assert calls == ["commit", "rollback"]


def test_sqlite_runs_in_wal_mode_with_foreign_keys(database: Database) -> None:
    if database.kind != "sqlite":
        pytest.skip("a SQLite setting")
    with database.transaction(readonly=True) as tx:
        assert tx.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert tx.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
