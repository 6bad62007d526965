"""Pydantic schemas of the REST API, converted from the store's frozen records.

Inputs are strict about shape (unknown fields refused, lengths bounded); JSON documents of
the engine (``Script.1``, ``Breakdown.1``, ``Schedule.1``) pass through as objects.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from filmpark.services.projects import ProjectView
from filmpark.store.records import (
    AuditEntry,
    BudgetVersion,
    Job,
    LedgerEntry,
    Membership,
    RenderedBook,
    ScheduleVersion,
    ScriptRevision,
    User,
)

RoleName = Literal["owner", "producer", "assistant_director", "crew", "viewer", "investor"]


class In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(BaseModel):
    status: Literal["ok"]
    database: Literal["sqlite", "postgresql"]
    jobs: Literal["inline", "celery"]


class RegisterIn(In):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1024)
    name: str = Field(min_length=1, max_length=200)
    locale: Literal["en", "vi"] = "en"


class LoginIn(In):
    email: str = Field(min_length=1, max_length=320)
    password: str = Field(min_length=1, max_length=1024)


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int


class UserOut(BaseModel):
    id: str
    email: str
    name: str
    locale: str
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            id=user.id,
            email=user.email,
            name=user.name,
            locale=user.locale,
            created_at=user.created_at,
        )


class ProjectIn(In):
    title: str = Field(min_length=1, max_length=300)


_ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {}


def _permissions(view: ProjectView) -> list[str]:
    """The view's permission names (the table is fixed: worked out once per role)."""
    names = _ROLE_PERMISSIONS.get(view.role.value)
    if names is None:
        names = _ROLE_PERMISSIONS[view.role.value] = view.permissions
    return list(names)


class ProjectOut(BaseModel):
    id: str
    title: str
    role: RoleName
    permissions: list[str]
    created_at: datetime

    @classmethod
    def of(cls, view: ProjectView) -> ProjectOut:
        return cls(
            id=view.id,
            title=view.title,
            role=view.role.value,
            permissions=_permissions(view),
            created_at=view.project.created_at,
        )


class MemberIn(In):
    email: str = Field(min_length=3, max_length=320)
    role: RoleName


class RoleIn(In):
    role: RoleName


class MemberOut(BaseModel):
    user_id: str
    email: str
    name: str
    role: RoleName
    created_at: datetime

    @classmethod
    def of(cls, member: Membership) -> MemberOut:
        return cls(
            user_id=member.user_id,
            email=member.email,
            name=member.name,
            role=member.role.value,
            created_at=member.created_at,
        )


class ScriptOut(BaseModel):
    id: str
    revision: int
    colour: str
    scenes: int
    title: str | None
    filename: str
    format: str
    size: int
    sha256: str
    created_at: datetime

    @classmethod
    def of(cls, revision: ScriptRevision) -> ScriptOut:
        return cls(
            id=revision.id,
            revision=revision.number,
            colour=revision.colour,
            scenes=revision.scene_count,
            title=revision.title,
            filename=revision.filename,
            format=revision.format,
            size=revision.size,
            sha256=revision.sha256,
            created_at=revision.created_at,
        )


class DecisionIn(In):
    action: Literal["accept", "reject", "edit", "add", "merge"]
    scene: str | None = Field(default=None, max_length=20)
    category: str | None = Field(default=None, max_length=40)
    name: str = Field(min_length=1, max_length=300)
    new_name: str | None = Field(default=None, max_length=300)
    new_category: str | None = Field(default=None, max_length=40)
    quantity: int | None = Field(default=None, ge=1, le=99_999)
    into: str | None = Field(default=None, max_length=300)
    note: str | None = Field(default=None, max_length=500)


class DecisionsIn(In):
    decisions: list[DecisionIn] = Field(min_length=1, max_length=500)


class DecisionsOut(BaseModel):
    recorded: int
    first_seq: int
    last_seq: int


class JobAccepted(BaseModel):
    job_id: str


class JobOut(BaseModel):
    id: str
    kind: str
    state: Literal["queued", "running", "succeeded", "failed"]
    progress: float
    message: str
    result: dict[str, Any] | None
    error: str | None
    attempts: int
    created_at: datetime
    finished_at: datetime | None

    @classmethod
    def of(cls, job: Job, lang: str = "en") -> JobOut:
        """``job`` for a client reading ``lang`` (its progress line and failure in that language)."""
        return cls(
            id=job.id,
            kind=job.kind,
            state=job.state.value,
            progress=job.progress,
            message=job.message_in(lang),
            result=job.result,
            error=job.error_in(lang),
            attempts=job.attempts,
            created_at=job.created_at,
            finished_at=job.finished_at,
        )


class ScheduleVersionOut(BaseModel):
    version: int
    source: str
    created_at: datetime


class ScheduleOut(BaseModel):
    version: int
    source: str
    revision_id: str | None
    created_at: datetime
    schedule: dict[str, Any]

    @classmethod
    def of(cls, found: ScheduleVersion) -> ScheduleOut:
        return cls(
            version=found.version,
            source=found.source,
            revision_id=found.revision_id,
            created_at=found.created_at,
            schedule=found.document,
        )


class MoveIn(In):
    expected_version: int = Field(ge=1)
    scene: str = Field(min_length=1, max_length=20)
    day: int = Field(ge=1, le=10_000)
    position: int | None = Field(default=None, ge=0, le=10_000)
    lock: bool | None = None


class BudgetIn(In):
    schedule_version: int | None = Field(default=None, ge=1)


class BudgetOut(BaseModel):
    version: int
    schedule_version: int | None
    created_at: datetime
    budget: dict[str, Any]

    @classmethod
    def of(cls, found: BudgetVersion) -> BudgetOut:
        return cls(
            version=found.version,
            schedule_version=found.schedule_version,
            created_at=found.created_at,
            budget=found.document,
        )


class BookIn(In):
    locale: Literal["en", "vi"] = "en"


class BookOut(BaseModel):
    id: str
    schedule_version: int | None
    budget_version: int | None
    files: list[str]
    created_at: datetime

    @classmethod
    def of(cls, book: RenderedBook) -> BookOut:
        return cls(
            id=book.id,
            schedule_version=book.schedule_version,
            budget_version=book.budget_version,
            files=list(book.files),
            created_at=book.created_at,
        )


class LedgerOut(BaseModel):
    id: str
    kind: str
    subject: str
    source: str
    confidence: float | None
    proposal: dict[str, Any]
    status: Literal["proposed", "accepted", "changed", "rejected"]
    decided_by: str | None
    decided_at: datetime | None
    note: str
    created_at: datetime

    @classmethod
    def of(cls, entry: LedgerEntry) -> LedgerOut:
        return cls(
            id=entry.id,
            kind=entry.kind,
            subject=entry.subject,
            source=entry.source,
            confidence=entry.confidence,
            proposal=entry.proposal,
            status=entry.status.value,
            decided_by=entry.decided_by,
            decided_at=entry.decided_at,
            note=entry.note,
            created_at=entry.created_at,
        )


class DisclosureOut(BaseModel):
    locale: Literal["en", "vi"]
    text: str
    approvers: list[str]


class AuditOut(BaseModel):
    id: int
    at: datetime
    action: str
    actor_id: str | None
    detail: dict[str, Any]
    ip: str | None

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        return cls(
            id=entry.id,
            at=entry.at,
            action=entry.action,
            actor_id=entry.actor_id,
            detail=entry.detail,
            ip=entry.ip,
        )
