"""The audit log, read by those who manage a project (the log itself is append-only)."""

from __future__ import annotations

from filmpark.services.permissions import Permission, require
from filmpark.store import Tx
from filmpark.store.records import AuditEntry, User


def project_audit(tx: Tx, actor: User, project_id: str, *, limit: int = 200) -> list[AuditEntry]:
    """The newest ``limit`` entries of the project's audit log (owner, producer)."""
    require(tx, actor, project_id, Permission.VIEW_AUDIT)
    return tx.audit.entries(project_id=project_id, limit=max(1, min(limit, 1000)))


def my_audit(tx: Tx, actor: User, *, limit: int = 100) -> list[AuditEntry]:
    """What was recorded about the actor's own account (logins, registrations)."""
    return tx.audit.entries(actor_id=actor.id, limit=max(1, min(limit, 1000)))
