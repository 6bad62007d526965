"""The most frequent reads of the API, one SQL statement each, without an ORM session.

Opening a project, its schedule or its budget is what every member does all day. Each of
these reads asks in one statement both who the person is in the project (their membership
role) and what there is to show (the project row, or the identity of the schedule or budget
version asked for), so one round trip to the database answers both, and no ORM session is
built for it. What a role may see is decided by the caller (``services.permissions``); these
functions only fetch. A person who is not a member, and a project that does not exist, both
give None.

Stored versions are never changed once written (a change makes a new version), so a version's
``id`` names its content for good: callers may keep what they built from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, bindparam, func, select
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import aliased

from filmpark.errors import ExternalServiceError
from filmpark.store.db import Database, first_line
from filmpark.store.models import BudgetVersionRow, MembershipRow, ProjectRow, ScheduleVersionRow
from filmpark.store.records import Project, Role
from filmpark.text import t


@dataclass(frozen=True, slots=True)
class MemberProject:
    """A project and the role in it of the person who asked."""

    role: Role
    project: Project


@dataclass(frozen=True, slots=True)
class VersionRef:
    """The role of the person who asked, and the version's id and number (None: no such one)."""

    role: Role
    id: str | None
    version: int | None


_PROJECT = (
    select(
        MembershipRow.role,
        ProjectRow.id,
        ProjectRow.title,
        ProjectRow.created_by,
        ProjectRow.created_at,
        ProjectRow.organisation_id,
    )
    .join(ProjectRow, ProjectRow.id == MembershipRow.project_id)
    .where(
        MembershipRow.project_id == bindparam("project_id"),
        MembershipRow.user_id == bindparam("user_id"),
    )
)


def _version_query(table: Any, *, numbered: bool) -> Executable:
    """The member's role and the newest (or the numbered) version, in one row.

    The outer join keeps the membership row when there is no such version: a member of a
    project without a schedule yet gets their role and no version, a non-member no row at
    all. The newest version is found as the maximum number through the (project, version)
    index, so a project with thousands of versions costs no more than one with a single one.
    """
    if numbered:
        wanted: Any = bindparam("version")
    else:
        inner = aliased(table)
        wanted = (
            select(func.max(inner.version))
            .where(inner.project_id == bindparam("project_id"))
            .scalar_subquery()
        )
    return (
        select(MembershipRow.role, table.id, table.version)
        .outerjoin(
            table, (table.project_id == MembershipRow.project_id) & (table.version == wanted)
        )
        .where(
            MembershipRow.project_id == bindparam("project_id"),
            MembershipRow.user_id == bindparam("user_id"),
        )
    )


_SCHEDULE = {
    False: _version_query(ScheduleVersionRow, numbered=False),
    True: _version_query(ScheduleVersionRow, numbered=True),
}
_BUDGET = {
    False: _version_query(BudgetVersionRow, numbered=False),
    True: _version_query(BudgetVersionRow, numbered=True),
}


class Reads:
    """The hot reads of one :class:`~filmpark.store.Database` (safe to share between threads)."""

    def __init__(self, database: Database) -> None:
        self._engine = database.statements

    def _first(self, statement: Executable, params: dict[str, Any]) -> Any:
        try:
            try:
                return self._execute(statement, params)
            except DBAPIError as error:
                if not error.connection_invalidated:
                    raise
                # The server closed the connection (a restart): SQLAlchemy has dropped it
                # from the pool, and a read is safe to ask again, once, on a fresh one.
                return self._execute(statement, params)
        except (OperationalError, InterfaceError) as error:
            raise ExternalServiceError(t("store.failed", error=first_line(error))) from None

    def _execute(self, statement: Executable, params: dict[str, Any]) -> Any:
        with self._engine.connect() as connection:
            return connection.execute(statement, params).first()

    def member_project(self, project_id: str, user_id: str) -> MemberProject | None:
        row = self._first(_PROJECT, {"project_id": project_id, "user_id": user_id})
        if row is None:
            return None
        role, id_, title, created_by, created_at, organisation_id = row
        project = Project(
            id=id_,
            title=title,
            created_by=created_by,
            created_at=created_at,
            organisation_id=organisation_id,
        )
        return MemberProject(Role(role), project)

    def schedule_ref(
        self, project_id: str, user_id: str, version: int | None = None
    ) -> VersionRef | None:
        """The member's role and the newest schedule version (or ``version``)."""
        return self._ref(_SCHEDULE, project_id, user_id, version)

    def budget_ref(
        self, project_id: str, user_id: str, version: int | None = None
    ) -> VersionRef | None:
        """The member's role and the newest budget version (or ``version``)."""
        return self._ref(_BUDGET, project_id, user_id, version)

    def _ref(
        self,
        queries: dict[bool, Executable],
        project_id: str,
        user_id: str,
        version: int | None,
    ) -> VersionRef | None:
        params: dict[str, Any] = {"project_id": project_id, "user_id": user_id}
        if version is not None:
            params["version"] = version
        row = self._first(queries[version is not None], params)
        if row is None:
            return None
        role, id_, number = row
        return VersionRef(Role(role), id_, number)


__all__ = ["MemberProject", "Reads", "VersionRef"]
