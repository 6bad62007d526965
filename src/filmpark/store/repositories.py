"""Repositories: rows in, frozen records out, grouped on one unit of work (:class:`Tx`).

A :class:`Tx` wraps one SQLAlchemy session for the length of a transaction that an edge opened
(:meth:`filmpark.store.db.Database.transaction`). Services reach the data only through it::

    tx.users.by_email("lan@example.vn")
    tx.members.role_of(project_id, user_id)
    tx.schedules.latest(project_id)

Nothing here commits. Work that must wait for the commit (sending a job to a queue) or undo
something outside the database when the transaction fails (removing a file just written)
registers itself with :meth:`Tx.after_commit` / :meth:`Tx.on_rollback`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, undefer

from filmpark.errors import Conflict, NotFound
from filmpark.store.models import (
    AuditRow,
    BreakdownRow,
    BudgetVersionRow,
    DecisionRow,
    JobRow,
    LedgerRow,
    LoginAttemptRow,
    MembershipRow,
    OrganisationRow,
    ProjectRow,
    RenderedBookRow,
    ScheduleVersionRow,
    ScriptRevisionRow,
    UserRow,
    new_id,
    utcnow,
)
from filmpark.store.records import (
    AuditEntry,
    BreakdownProposal,
    BudgetVersion,
    DecisionRecord,
    Job,
    JobState,
    JsonDict,
    LedgerEntry,
    LedgerStatus,
    Membership,
    Organisation,
    Project,
    RenderedBook,
    Role,
    ScheduleVersion,
    ScriptRevision,
    User,
)
from filmpark.text import Text, localize, t


def _user(row: UserRow) -> User:
    return User(
        id=row.id, email=row.email, name=row.name, created_at=row.created_at, locale=row.locale
    )


def _project(row: ProjectRow) -> Project:
    return Project(
        id=row.id,
        title=row.title,
        created_by=row.created_by,
        created_at=row.created_at,
        organisation_id=row.organisation_id,
    )


def _revision(row: ScriptRevisionRow) -> ScriptRevision:
    return ScriptRevision(
        id=row.id,
        project_id=row.project_id,
        number=row.number,
        colour=row.colour,
        filename=row.filename,
        stored_name=row.stored_name,
        format=row.format,
        size=row.size,
        sha256=row.sha256,
        scene_count=row.scene_count,
        title=row.title,
        uploaded_by=row.uploaded_by,
        created_at=row.created_at,
    )


def _job(row: JobRow) -> Job:
    return Job(
        id=row.id,
        kind=row.kind,
        state=JobState(row.state),
        progress=row.progress,
        message=row.message,
        message_vi=row.message_vi,
        payload=dict(row.payload),
        result=dict(row.result) if row.result is not None else None,
        error=row.error,
        error_vi=row.error_vi,
        attempts=row.attempts,
        project_id=row.project_id,
        created_by=row.created_by,
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        heartbeat_at=row.heartbeat_at,
    )


def _schedule(row: ScheduleVersionRow) -> ScheduleVersion:
    return ScheduleVersion(
        id=row.id,
        project_id=row.project_id,
        version=row.version,
        revision_id=row.revision_id,
        source=row.source,
        document=dict(row.document),
        config=dict(row.config),
        job_id=row.job_id,
        created_by=row.created_by,
        created_at=row.created_at,
    )


def _budget(row: BudgetVersionRow) -> BudgetVersion:
    return BudgetVersion(
        id=row.id,
        project_id=row.project_id,
        version=row.version,
        schedule_version=row.schedule_version,
        document=dict(row.document),
        job_id=row.job_id,
        created_by=row.created_by,
        created_at=row.created_at,
    )


def _ledger(row: LedgerRow) -> LedgerEntry:
    return LedgerEntry(
        id=row.id,
        project_id=row.project_id,
        kind=row.kind,
        subject=row.subject,
        source=row.source,
        confidence=row.confidence,
        proposal=dict(row.proposal),
        status=LedgerStatus(row.status),
        created_at=row.created_at,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        note=row.note,
    )


class _Repo:
    def __init__(self, session: Session) -> None:
        self.session = session


class Users(_Repo):
    def add(self, email: str, name: str, password_hash: str, locale: str = "en") -> User:
        if self.session.scalar(select(UserRow.id).where(UserRow.email == email)) is not None:
            raise Conflict(t("account.exists", email=email))
        row = UserRow(
            id=new_id(), email=email, name=name, password_hash=password_hash, locale=locale
        )
        self.session.add(row)
        self.session.flush()
        return _user(row)

    def get(self, user_id: str) -> User:
        row = self.session.get(UserRow, user_id)
        if row is None:
            raise NotFound(t("store.no_user"))
        return _user(row)

    def by_id(self, user_id: str) -> User | None:
        row = self.session.get(UserRow, user_id)
        return _user(row) if row is not None else None

    def by_email(self, email: str) -> User | None:
        row = self.session.scalar(select(UserRow).where(UserRow.email == email))
        return _user(row) if row is not None else None

    def password_hash(self, user_id: str) -> str:
        row = self.session.get(UserRow, user_id)
        if row is None:
            raise NotFound(t("store.no_user"))
        return row.password_hash

    def set_password_hash(self, user_id: str, password_hash: str) -> None:
        self.session.execute(
            update(UserRow).where(UserRow.id == user_id).values(password_hash=password_hash)
        )

    def set_locale(self, user_id: str, locale: str) -> User:
        row = self.session.get(UserRow, user_id)
        if row is None:
            raise NotFound(t("store.no_user"))
        row.locale = locale
        self.session.flush()
        return _user(row)


class Organisations(_Repo):
    def add(self, name: str) -> Organisation:
        row = OrganisationRow(id=new_id(), name=name)
        self.session.add(row)
        self.session.flush()
        return Organisation(id=row.id, name=row.name, created_at=row.created_at)

    def get(self, organisation_id: str) -> Organisation:
        row = self.session.get(OrganisationRow, organisation_id)
        if row is None:
            raise NotFound(t("store.no_organisation"))
        return Organisation(id=row.id, name=row.name, created_at=row.created_at)


class Projects(_Repo):
    def add(self, title: str, created_by: str, organisation_id: str | None = None) -> Project:
        row = ProjectRow(
            id=new_id(), title=title, created_by=created_by, organisation_id=organisation_id
        )
        self.session.add(row)
        self.session.flush()
        return _project(row)

    def get(self, project_id: str) -> Project | None:
        row = self.session.get(ProjectRow, project_id)
        return _project(row) if row is not None else None

    def lock(self, project_id: str) -> None:
        """Hold the project's row until the transaction ends (``SELECT ... FOR UPDATE``).

        Writers that number something per project (revisions, decisions, versions) take it
        first, so two of them never pick the same next number. SQLite has one writer at a
        time already (``BEGIN IMMEDIATE``).
        """
        self.session.execute(
            select(ProjectRow.id).where(ProjectRow.id == project_id).with_for_update()
        )

    def rename(self, project_id: str, title: str) -> Project:
        row = self.session.get(ProjectRow, project_id)
        if row is None:
            raise NotFound(t("project.not_found"))
        row.title = title
        self.session.flush()
        return _project(row)

    def delete(self, project_id: str) -> None:
        self.session.execute(delete(ProjectRow).where(ProjectRow.id == project_id))

    def of_user(self, user_id: str) -> list[tuple[Project, Role]]:
        rows = self.session.execute(
            select(ProjectRow, MembershipRow.role)
            .join(MembershipRow, MembershipRow.project_id == ProjectRow.id)
            .where(MembershipRow.user_id == user_id)
            .order_by(ProjectRow.created_at.desc(), ProjectRow.id)
        ).all()
        return [(_project(project), Role(role)) for project, role in rows]


class Members(_Repo):
    def role_of(self, project_id: str, user_id: str) -> Role | None:
        role = self.session.scalar(
            select(MembershipRow.role).where(
                MembershipRow.project_id == project_id, MembershipRow.user_id == user_id
            )
        )
        return Role(role) if role is not None else None

    def set(self, project_id: str, user_id: str, role: Role) -> Membership:
        row = self.session.scalar(
            select(MembershipRow).where(
                MembershipRow.project_id == project_id, MembershipRow.user_id == user_id
            )
        )
        if row is None:
            row = MembershipRow(
                id=new_id(), project_id=project_id, user_id=user_id, role=role.value
            )
            self.session.add(row)
        else:
            row.role = role.value
        self.session.flush()
        user = self.session.get(UserRow, user_id)
        return Membership(
            project_id=project_id,
            user_id=user_id,
            role=role,
            created_at=row.created_at,
            email=user.email if user else "",
            name=user.name if user else "",
        )

    def remove(self, project_id: str, user_id: str) -> None:
        self.session.execute(
            delete(MembershipRow).where(
                MembershipRow.project_id == project_id, MembershipRow.user_id == user_id
            )
        )

    def of_project(self, project_id: str) -> list[Membership]:
        rows = self.session.execute(
            select(MembershipRow, UserRow)
            .join(UserRow, UserRow.id == MembershipRow.user_id)
            .where(MembershipRow.project_id == project_id)
            .order_by(MembershipRow.created_at, UserRow.email)
        ).all()
        return [
            Membership(
                project_id=m.project_id,
                user_id=m.user_id,
                role=Role(m.role),
                created_at=m.created_at,
                email=u.email,
                name=u.name,
            )
            for m, u in rows
        ]

    def count_with_role(self, project_id: str, role: Role) -> int:
        return int(
            self.session.scalar(
                select(func.count())
                .select_from(MembershipRow)
                .where(MembershipRow.project_id == project_id, MembershipRow.role == role.value)
            )
            or 0
        )


class Scripts(_Repo):
    def add(
        self,
        *,
        project_id: str,
        colour: str,
        number: int,
        filename: str,
        stored_name: str,
        format: str,
        size: int,
        sha256: str,
        scene_count: int,
        title: str | None,
        script: JsonDict,
        uploaded_by: str,
        headings: dict[str, str] | None = None,
    ) -> ScriptRevision:
        row = ScriptRevisionRow(
            headings=dict(headings or {}),
            id=new_id(),
            project_id=project_id,
            number=number,
            colour=colour,
            filename=filename,
            stored_name=stored_name,
            format=format,
            size=size,
            sha256=sha256,
            scene_count=scene_count,
            title=title,
            script=script,
            uploaded_by=uploaded_by,
        )
        self.session.add(row)
        self.session.flush()
        return _revision(row)

    def next_number(self, project_id: str) -> int:
        latest = self.session.scalar(
            select(func.max(ScriptRevisionRow.number)).where(
                ScriptRevisionRow.project_id == project_id
            )
        )
        return int(latest or 0) + 1

    def get(self, project_id: str, revision_id: str) -> ScriptRevision | None:
        row = self.session.get(ScriptRevisionRow, revision_id)
        if row is None or row.project_id != project_id:
            return None
        return _revision(row)

    def document(self, revision_id: str) -> JsonDict:
        script = self.session.scalar(
            select(ScriptRevisionRow.script).where(ScriptRevisionRow.id == revision_id)
        )
        if script is None:
            raise NotFound(t("script.no_revision"))
        return dict(script)

    def headings(self, revision_id: str) -> dict[str, str]:
        """Scene number -> heading of a revision (empty for revisions kept before 0002)."""
        found = self.session.scalar(
            select(ScriptRevisionRow.headings).where(ScriptRevisionRow.id == revision_id)
        )
        return {str(k): str(v) for k, v in (found or {}).items()}

    def latest(self, project_id: str) -> ScriptRevision | None:
        row = self.session.scalar(
            select(ScriptRevisionRow)
            .where(ScriptRevisionRow.project_id == project_id)
            .order_by(ScriptRevisionRow.number.desc())
            .limit(1)
        )
        return _revision(row) if row is not None else None

    def of_project(self, project_id: str) -> list[ScriptRevision]:
        rows = self.session.scalars(
            select(ScriptRevisionRow)
            .where(ScriptRevisionRow.project_id == project_id)
            .order_by(ScriptRevisionRow.number)
        )
        return [_revision(row) for row in rows]


class Breakdowns(_Repo):
    def add(self, project_id: str, revision_id: str, document: JsonDict) -> BreakdownProposal:
        row = BreakdownRow(
            id=new_id(), project_id=project_id, revision_id=revision_id, document=document
        )
        self.session.add(row)
        self.session.flush()
        return BreakdownProposal(
            id=row.id,
            project_id=project_id,
            revision_id=revision_id,
            document=document,
            created_at=row.created_at,
        )

    def for_revision(self, revision_id: str) -> BreakdownProposal | None:
        row = self.session.scalar(
            select(BreakdownRow).where(BreakdownRow.revision_id == revision_id)
        )
        if row is None:
            return None
        return BreakdownProposal(
            id=row.id,
            project_id=row.project_id,
            revision_id=row.revision_id,
            document=dict(row.document),
            created_at=row.created_at,
        )


def _decision(row: DecisionRow) -> DecisionRecord:
    return DecisionRecord(
        id=row.id,
        project_id=row.project_id,
        seq=row.seq,
        action=row.action,
        scene=row.scene,
        category=row.category,
        name=row.name,
        data=dict(row.data),
        revision_id=row.revision_id,
        decided_by=row.decided_by,
        created_at=row.created_at,
    )


class Decisions(_Repo):
    def add(
        self,
        *,
        project_id: str,
        action: str,
        scene: str,
        category: str,
        name: str,
        data: JsonDict,
        revision_id: str | None,
        decided_by: str,
    ) -> DecisionRecord:
        seq = (
            int(
                self.session.scalar(
                    select(func.max(DecisionRow.seq)).where(DecisionRow.project_id == project_id)
                )
                or 0
            )
            + 1
        )
        row = DecisionRow(
            id=new_id(),
            project_id=project_id,
            seq=seq,
            action=action,
            scene=scene,
            category=category,
            name=name,
            data=data,
            revision_id=revision_id,
            decided_by=decided_by,
        )
        self.session.add(row)
        self.session.flush()
        return _decision(row)

    def of_project(self, project_id: str) -> list[DecisionRecord]:
        rows = self.session.scalars(
            select(DecisionRow)
            .where(DecisionRow.project_id == project_id)
            .order_by(DecisionRow.seq)
        )
        return [_decision(row) for row in rows]


class Schedules(_Repo):
    def add(
        self,
        *,
        project_id: str,
        version: int,
        source: str,
        document: JsonDict,
        config: JsonDict,
        revision_id: str | None,
        job_id: str | None,
        created_by: str | None,
    ) -> ScheduleVersion:
        row = ScheduleVersionRow(
            id=new_id(),
            project_id=project_id,
            version=version,
            source=source,
            document=document,
            config=config,
            revision_id=revision_id,
            job_id=job_id,
            created_by=created_by,
        )
        self.session.add(row)
        self.session.flush()
        return _schedule(row)

    def latest_number(self, project_id: str) -> int:
        return int(
            self.session.scalar(
                select(func.max(ScheduleVersionRow.version)).where(
                    ScheduleVersionRow.project_id == project_id
                )
            )
            or 0
        )

    def get(self, project_id: str, version: int | None = None) -> ScheduleVersion | None:
        """The given version, or the newest one when ``version`` is None."""
        query = (
            select(ScheduleVersionRow)
            .options(undefer(ScheduleVersionRow.document), undefer(ScheduleVersionRow.config))
            .where(ScheduleVersionRow.project_id == project_id)
        )
        if version is None:
            query = query.order_by(ScheduleVersionRow.version.desc()).limit(1)
        else:
            query = query.where(ScheduleVersionRow.version == version)
        row = self.session.scalar(query)
        return _schedule(row) if row is not None else None

    def by_job(self, job_id: str) -> ScheduleVersion | None:
        row = self.session.scalar(
            select(ScheduleVersionRow)
            .options(undefer(ScheduleVersionRow.document), undefer(ScheduleVersionRow.config))
            .where(ScheduleVersionRow.job_id == job_id)
        )
        return _schedule(row) if row is not None else None

    def versions(self, project_id: str) -> list[tuple[int, str, datetime]]:
        rows = self.session.execute(
            select(
                ScheduleVersionRow.version, ScheduleVersionRow.source, ScheduleVersionRow.created_at
            )
            .where(ScheduleVersionRow.project_id == project_id)
            .order_by(ScheduleVersionRow.version)
        ).all()
        return [(int(v), str(s), c) for v, s, c in rows]


class Budgets(_Repo):
    def add(
        self,
        *,
        project_id: str,
        version: int,
        schedule_version: int | None,
        document: JsonDict,
        job_id: str | None,
        created_by: str | None,
    ) -> BudgetVersion:
        row = BudgetVersionRow(
            id=new_id(),
            project_id=project_id,
            version=version,
            schedule_version=schedule_version,
            document=document,
            job_id=job_id,
            created_by=created_by,
        )
        self.session.add(row)
        self.session.flush()
        return _budget(row)

    def latest_number(self, project_id: str) -> int:
        return int(
            self.session.scalar(
                select(func.max(BudgetVersionRow.version)).where(
                    BudgetVersionRow.project_id == project_id
                )
            )
            or 0
        )

    def get(self, project_id: str, version: int | None = None) -> BudgetVersion | None:
        query = (
            select(BudgetVersionRow)
            .options(undefer(BudgetVersionRow.document))
            .where(BudgetVersionRow.project_id == project_id)
        )
        if version is None:
            query = query.order_by(BudgetVersionRow.version.desc()).limit(1)
        else:
            query = query.where(BudgetVersionRow.version == version)
        row = self.session.scalar(query)
        return _budget(row) if row is not None else None

    def by_job(self, job_id: str) -> BudgetVersion | None:
        row = self.session.scalar(
            select(BudgetVersionRow)
            .options(undefer(BudgetVersionRow.document))
            .where(BudgetVersionRow.job_id == job_id)
        )
        return _budget(row) if row is not None else None


def _book(row: RenderedBookRow) -> RenderedBook:
    files = row.files.get("files", [])
    return RenderedBook(
        id=row.id,
        project_id=row.project_id,
        schedule_version=row.schedule_version,
        budget_version=row.budget_version,
        folder=row.folder,
        files=tuple(str(name) for name in files),
        job_id=row.job_id,
        created_at=row.created_at,
    )


class Books(_Repo):
    def add(
        self,
        *,
        project_id: str,
        folder: str,
        files: Sequence[str],
        schedule_version: int | None,
        budget_version: int | None,
        job_id: str | None,
    ) -> RenderedBook:
        row = RenderedBookRow(
            id=new_id(),
            project_id=project_id,
            folder=folder,
            files={"files": list(files)},
            schedule_version=schedule_version,
            budget_version=budget_version,
            job_id=job_id,
        )
        self.session.add(row)
        self.session.flush()
        return _book(row)

    def latest(self, project_id: str) -> RenderedBook | None:
        row = self.session.scalar(
            select(RenderedBookRow)
            .where(RenderedBookRow.project_id == project_id)
            .order_by(RenderedBookRow.created_at.desc())
            .limit(1)
        )
        return _book(row) if row is not None else None

    def by_job(self, job_id: str) -> RenderedBook | None:
        row = self.session.scalar(select(RenderedBookRow).where(RenderedBookRow.job_id == job_id))
        return _book(row) if row is not None else None


class Jobs(_Repo):
    def add(
        self, kind: str, payload: JsonDict, *, project_id: str | None, created_by: str | None
    ) -> Job:
        row = JobRow(
            id=new_id(),
            kind=kind,
            payload=payload,
            project_id=project_id,
            created_by=created_by,
            state=JobState.QUEUED.value,
            progress=0.0,
            message="",
            attempts=0,
        )
        self.session.add(row)
        self.session.flush()
        return _job(row)

    def get(self, job_id: str) -> Job | None:
        row = self.session.get(JobRow, job_id)
        return _job(row) if row is not None else None

    def claim(self, job_id: str, *, stale_before: datetime) -> Job | None:
        """Mark a queued (or abandoned running) job as running; None when another has it.

        One conditional UPDATE, so two workers handed the same job (a redelivered message)
        never both run it.
        """
        now = utcnow()
        result = self.session.execute(
            update(JobRow)
            .where(JobRow.id == job_id)
            .where(
                (JobRow.state == JobState.QUEUED.value)
                | ((JobRow.state == JobState.RUNNING.value) & (JobRow.heartbeat_at < stale_before))
            )
            .values(
                state=JobState.RUNNING.value,
                attempts=JobRow.attempts + 1,
                started_at=now,
                heartbeat_at=now,
                error=None,
            )
            .execution_options(synchronize_session=False)
        )
        if getattr(result, "rowcount", 0) != 1:
            return None
        self.session.expire_all()
        return self.get(job_id)

    def report(self, job_id: str, progress: float, message: Text) -> None:
        self.session.execute(
            update(JobRow)
            .where(JobRow.id == job_id, JobRow.state == JobState.RUNNING.value)
            .values(
                progress=max(0.0, min(1.0, progress)),
                message=localize(message, "en")[:500],
                message_vi=localize(message, "vi")[:500],
                heartbeat_at=utcnow(),
            )
            .execution_options(synchronize_session=False)
        )

    def beat(self, job_id: str) -> None:
        self.session.execute(
            update(JobRow)
            .where(JobRow.id == job_id, JobRow.state == JobState.RUNNING.value)
            .values(heartbeat_at=utcnow())
            .execution_options(synchronize_session=False)
        )

    def finish(self, job_id: str, result: JsonDict) -> None:
        self.session.execute(
            update(JobRow)
            .where(JobRow.id == job_id)
            .values(
                state=JobState.SUCCEEDED.value,
                progress=1.0,
                result=result,
                error=None,
                finished_at=utcnow(),
                heartbeat_at=utcnow(),
            )
            .execution_options(synchronize_session=False)
        )

    def fail(self, job_id: str, error: Text) -> None:
        self.session.execute(
            update(JobRow)
            .where(JobRow.id == job_id)
            .values(
                state=JobState.FAILED.value,
                error=localize(error, "en")[:2000],
                error_vi=localize(error, "vi")[:2000],
                finished_at=utcnow(),
                heartbeat_at=utcnow(),
            )
            .execution_options(synchronize_session=False)
        )

    def requeue(self, job_id: str) -> None:
        self.session.execute(
            update(JobRow)
            .where(JobRow.id == job_id)
            .values(
                state=JobState.QUEUED.value,
                message=localize(t("jobs.waiting_for_retry"), "en"),
                message_vi=localize(t("jobs.waiting_for_retry"), "vi"),
            )
            .execution_options(synchronize_session=False)
        )

    def unfinished(self, *, stale_before: datetime) -> list[Job]:
        """Queued jobs, and running jobs whose worker stopped beating (to be re-run)."""
        rows = self.session.scalars(
            select(JobRow)
            .where(
                (JobRow.state == JobState.QUEUED.value)
                | ((JobRow.state == JobState.RUNNING.value) & (JobRow.heartbeat_at < stale_before))
            )
            .order_by(JobRow.created_at)
        )
        return [_job(row) for row in rows]


class Audit(_Repo):
    """The append-only audit log: entries are added, never changed or removed."""

    def add(
        self,
        action: str,
        *,
        actor_id: str | None,
        project_id: str | None = None,
        detail: JsonDict | None = None,
        ip: str | None = None,
    ) -> None:
        self.session.add(
            AuditRow(
                action=action,
                actor_id=actor_id,
                project_id=project_id,
                detail=detail or {},
                ip=ip,
            )
        )
        self.session.flush()

    def entries(
        self, *, project_id: str | None = None, actor_id: str | None = None, limit: int = 200
    ) -> list[AuditEntry]:
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if project_id is not None:
            query = query.where(AuditRow.project_id == project_id)
        if actor_id is not None:
            query = query.where(AuditRow.actor_id == actor_id)
        return [
            AuditEntry(
                id=row.id,
                at=row.at,
                action=row.action,
                actor_id=row.actor_id,
                project_id=row.project_id,
                detail=dict(row.detail),
                ip=row.ip,
            )
            for row in self.session.scalars(query)
        ]


class Ledger(_Repo):
    def add(
        self,
        *,
        project_id: str,
        kind: str,
        subject: str,
        source: str,
        confidence: float | None,
        proposal: JsonDict,
    ) -> LedgerEntry:
        row = LedgerRow(
            id=new_id(),
            project_id=project_id,
            kind=kind,
            subject=subject[:400],
            source=source[:120],
            confidence=confidence,
            proposal=proposal,
            status=LedgerStatus.PROPOSED.value,
            note="",
        )
        self.session.add(row)
        self.session.flush()
        return _ledger(row)

    def add_many(
        self, project_id: str, kind: str, entries: Sequence[tuple[str, str, float | None, JsonDict]]
    ) -> int:
        """Add (subject, source, confidence, proposal) proposals in one go; returns the count."""
        rows = [
            LedgerRow(
                id=new_id(),
                project_id=project_id,
                kind=kind,
                subject=subject[:400],
                source=source[:120],
                confidence=confidence,
                proposal=proposal,
                status=LedgerStatus.PROPOSED.value,
                note="",
            )
            for subject, source, confidence, proposal in entries
        ]
        self.session.add_all(rows)
        self.session.flush()
        return len(rows)

    def decide(
        self,
        project_id: str,
        subject: str,
        status: LedgerStatus,
        *,
        decided_by: str,
        note: str = "",
        kind: str | None = None,
    ) -> int:
        """Record a person's decision on every open proposal about ``subject``."""
        query = update(LedgerRow).where(
            LedgerRow.project_id == project_id, LedgerRow.subject == subject[:400]
        )
        if kind is not None:
            query = query.where(LedgerRow.kind == kind)
        result = self.session.execute(
            query.values(
                status=status.value, decided_by=decided_by, decided_at=utcnow(), note=note[:500]
            ).execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def of_project(self, project_id: str, *, limit: int = 5000) -> list[LedgerEntry]:
        rows = self.session.scalars(
            select(LedgerRow)
            .where(LedgerRow.project_id == project_id)
            .order_by(LedgerRow.created_at, LedgerRow.id)
            .limit(limit)
        )
        return [_ledger(row) for row in rows]

    def summary(self, project_id: str) -> list[tuple[str, str, str, int]]:
        """(kind, source, status, count) for the disclosure text."""
        rows = self.session.execute(
            select(LedgerRow.kind, LedgerRow.source, LedgerRow.status, func.count())
            .where(LedgerRow.project_id == project_id)
            .group_by(LedgerRow.kind, LedgerRow.source, LedgerRow.status)
            .order_by(LedgerRow.kind, LedgerRow.source, LedgerRow.status)
        ).all()
        return [(str(k), str(s), str(st), int(n)) for k, s, st, n in rows]

    def deciders(self, project_id: str) -> list[str]:
        rows = self.session.scalars(
            select(UserRow.name)
            .join(LedgerRow, LedgerRow.decided_by == UserRow.id)
            .where(LedgerRow.project_id == project_id)
            .distinct()
            .order_by(UserRow.name)
        )
        return [str(name) for name in rows]


class LoginAttempts(_Repo):
    def add(self, email: str, ip: str, succeeded: bool) -> None:
        self.session.add(LoginAttemptRow(email=email, ip=ip, succeeded=succeeded))
        self.session.flush()

    def failures_since(self, email: str, ip: str, since: datetime) -> int:
        """Failed attempts on this account from this address since the last success."""
        last_success = self.session.scalar(
            select(func.max(LoginAttemptRow.at)).where(
                LoginAttemptRow.email == email,
                LoginAttemptRow.ip == ip,
                LoginAttemptRow.succeeded.is_(True),
            )
        )
        start = max(since, last_success) if last_success is not None else since
        return int(
            self.session.scalar(
                select(func.count())
                .select_from(LoginAttemptRow)
                .where(
                    LoginAttemptRow.email == email,
                    LoginAttemptRow.ip == ip,
                    LoginAttemptRow.succeeded.is_(False),
                    LoginAttemptRow.at > start,
                )
            )
            or 0
        )


class Tx:
    """One unit of work: the repositories over one session, plus commit/rollback hooks."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.users = Users(session)
        self.organisations = Organisations(session)
        self.projects = Projects(session)
        self.members = Members(session)
        self.scripts = Scripts(session)
        self.breakdowns = Breakdowns(session)
        self.decisions = Decisions(session)
        self.schedules = Schedules(session)
        self.budgets = Budgets(session)
        self.books = Books(session)
        self.jobs = Jobs(session)
        self.audit = Audit(session)
        self.ledger = Ledger(session)
        self.logins = LoginAttempts(session)
        self._after_commit: list[Callable[[], Any]] = []
        self._on_rollback: list[Callable[[], Any]] = []

    def after_commit(self, hook: Callable[[], Any]) -> None:
        """Run ``hook`` once the transaction has committed (e.g. send a job to its queue)."""
        self._after_commit.append(hook)

    def on_rollback(self, hook: Callable[[], Any]) -> None:
        """Run ``hook`` if the transaction fails (e.g. remove a file written for it)."""
        self._on_rollback.append(hook)

    def run_commit_hooks(self) -> None:
        hooks, self._after_commit = self._after_commit, []
        self._on_rollback = []
        for hook in hooks:
            hook()

    def run_rollback_hooks(self) -> None:
        hooks, self._on_rollback = self._on_rollback, []
        self._after_commit = []
        for hook in hooks:
            with contextlib.suppress(OSError):
                hook()
