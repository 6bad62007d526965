"""The platform's domain objects: what the store hands to services, frozen and framework-free.

Rows (:mod:`filmpark.store.models`) never leave the store; every repository method returns one
of these. JSON documents (a ``Script.1``, a ``Breakdown.1``, a ``Schedule.1``...) travel as
plain ``dict`` s, exactly as the engine's serialisers wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

JsonDict = dict[str, Any]


class Role(Enum):
    """A member's role in one project; what each may do is in ``services.permissions``."""

    OWNER = "owner"
    PRODUCER = "producer"
    ASSISTANT_DIRECTOR = "assistant_director"
    CREW = "crew"
    VIEWER = "viewer"
    INVESTOR = "investor"


class JobState(Enum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class LedgerStatus(Enum):
    """What a person did with a machine's proposal."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    CHANGED = "changed"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class User:
    id: str
    email: str
    name: str
    created_at: datetime
    locale: str = "en"


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    title: str
    created_by: str
    created_at: datetime
    organisation_id: str | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    project_id: str
    user_id: str
    role: Role
    created_at: datetime
    email: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class ScriptRevision:
    """One uploaded revision: the kept file (server-chosen ``stored_name``) and its parse."""

    id: str
    project_id: str
    number: int
    colour: str
    filename: str
    stored_name: str
    format: str
    size: int
    sha256: str
    scene_count: int
    title: str | None
    uploaded_by: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BreakdownProposal:
    """The machine's ``Breakdown.1`` for one script revision (never edited: decisions are apart)."""

    id: str
    project_id: str
    revision_id: str
    document: JsonDict
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """One human decision on the breakdown, in the order it was made (``seq``)."""

    id: str
    project_id: str
    seq: int
    action: str
    scene: str
    category: str
    name: str
    data: JsonDict
    revision_id: str | None
    decided_by: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ScheduleVersion:
    """A stored schedule; ``version`` grows by one per project with every change."""

    id: str
    project_id: str
    version: int
    revision_id: str | None
    source: str
    document: JsonDict
    config: JsonDict
    job_id: str | None
    created_by: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BudgetVersion:
    id: str
    project_id: str
    version: int
    schedule_version: int | None
    document: JsonDict
    job_id: str | None
    created_by: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class RenderedBook:
    """A production book rendered to files under the data directory (``folder``)."""

    id: str
    project_id: str
    schedule_version: int | None
    budget_version: int | None
    folder: str
    files: tuple[str, ...]
    job_id: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    kind: str
    state: JobState
    progress: float
    message: str
    payload: JsonDict
    result: JsonDict | None
    error: str | None
    attempts: int
    project_id: str | None
    created_by: str | None
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    heartbeat_at: datetime | None = None
    message_vi: str = ""
    error_vi: str | None = None

    def message_in(self, lang: str) -> str:
        """The progress line in ``lang`` (English where no Vietnamese was kept)."""
        return self.message_vi if lang == "vi" and self.message_vi else self.message

    def error_in(self, lang: str) -> str | None:
        """Why the job failed, in ``lang`` (English where no Vietnamese was kept)."""
        return self.error_vi if lang == "vi" and self.error_vi else self.error


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    action: str
    actor_id: str | None
    project_id: str | None
    detail: JsonDict = field(default_factory=dict)
    ip: str | None = None


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """An AI or solver proposal, its provenance, and who decided what about it, and when."""

    id: str
    project_id: str
    kind: str
    subject: str
    source: str
    confidence: float | None
    proposal: JsonDict
    status: LedgerStatus
    created_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    note: str = ""
