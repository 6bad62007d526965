"""The AI ledger: every AI or solver proposal, its provenance, and who decided what, when.

Public functions (take the edge's :class:`~filmpark.store.Tx`, never commit)::

    get_ledger(tx, actor, project_id, *, kind=None, limit=1000) -> list[LedgerEntry]
    disclosure(tx, actor, project_id, *, locale="en") -> Disclosure

Investors read the ledger without the evidence (the quoted script lines). The disclosure is
the text a production can print in its credits: what AI touched, how much of it people
reviewed, and who approved it, in English or Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from filmpark.errors import ValidationError
from filmpark.services.permissions import Permission, can, require
from filmpark.store import Tx
from filmpark.store.records import LedgerEntry, User
from filmpark.text import t

_KIND_NAMES = {
    "en": {"breakdown": "script breakdown", "schedule": "shooting schedule", "budget": "budget"},
    "vi": {"breakdown": "phân tích kịch bản", "schedule": "lịch quay", "budget": "dự toán"},
}


@dataclass(frozen=True, slots=True)
class DisclosureLine:
    kind: str
    sources: tuple[str, ...]
    proposed: int
    accepted: int
    changed: int
    rejected: int
    open: int


@dataclass(frozen=True, slots=True)
class Disclosure:
    locale: str
    text: str
    lines: tuple[DisclosureLine, ...]
    approvers: tuple[str, ...]


def get_ledger(
    tx: Tx, actor: User, project_id: str, *, kind: str | None = None, limit: int = 1000
) -> list[LedgerEntry]:
    role = require(tx, actor, project_id, Permission.VIEW_LEDGER)
    entries = tx.ledger.of_project(project_id, limit=max(1, min(limit, 5000)))
    if kind is not None:
        entries = [e for e in entries if e.kind == kind]
    if not can(role, Permission.VIEW_BREAKDOWN):
        entries = [
            replace(e, proposal={k: v for k, v in e.proposal.items() if k != "evidence"})
            for e in entries
        ]
    return entries


def disclosure(tx: Tx, actor: User, project_id: str, *, locale: str = "en") -> Disclosure:
    """The AI-use disclosure of the project, in ``locale`` (``en`` or ``vi``)."""
    if locale not in _KIND_NAMES:
        raise ValidationError("locale", t("config.expected_language"))
    require(tx, actor, project_id, Permission.VIEW_LEDGER)
    counts: dict[str, dict[str, int]] = {}
    sources: dict[str, set[str]] = {}
    for kind, source, status, count in tx.ledger.summary(project_id):
        counts.setdefault(kind, {}).setdefault(status, 0)
        counts[kind][status] += count
        sources.setdefault(kind, set()).add(source)
    lines = tuple(
        DisclosureLine(
            kind=kind,
            sources=tuple(sorted(sources[kind])),
            proposed=sum(by.values()),
            accepted=by.get("accepted", 0),
            changed=by.get("changed", 0),
            rejected=by.get("rejected", 0),
            open=by.get("proposed", 0),
        )
        for kind, by in sorted(counts.items())
    )
    approvers = tuple(tx.ledger.deciders(project_id))
    return Disclosure(locale, _text(locale, lines, approvers), lines, approvers)


def _text(locale: str, lines: tuple[DisclosureLine, ...], approvers: tuple[str, ...]) -> str:
    names = _KIND_NAMES[locale]
    if not lines:
        return (
            "No AI or solver proposals were used in this project."
            if locale == "en"
            else "Dự án này không sử dụng đề xuất nào của AI hay bộ tối ưu."
        )
    parts = []
    for line in lines:
        what = names.get(line.kind, line.kind)
        reviewed = line.accepted + line.changed + line.rejected
        if locale == "en":
            parts.append(
                f"The {what} was proposed by software ({', '.join(line.sources)}): "
                f"{line.proposed} proposals, {reviewed} reviewed by people "
                f"({line.accepted} accepted, {line.changed} changed, {line.rejected} rejected)."
            )
        else:
            parts.append(
                f"{what.capitalize()} được phần mềm đề xuất ({', '.join(line.sources)}): "
                f"{line.proposed} đề xuất, {reviewed} đã được con người xem xét "
                f"({line.accepted} chấp nhận, {line.changed} sửa, {line.rejected} từ chối)."
            )
    if approvers:
        who = ", ".join(approvers)
        parts.append(
            f"Decisions were made by: {who}." if locale == "en" else f"Người quyết định: {who}."
        )
    parts.append(
        "People made every creative decision."
        if locale == "en"
        else "Mọi quyết định sáng tạo do con người đưa ra."
    )
    return " ".join(parts)
