"""The AI page of a project: what software proposed, what people decided, the credits text.

Every proposal of the breakdown engine, an AI model or the schedule solver is in the
platform's AI ledger with its provenance; each person's decision closes it. The disclosure for
the credits is shown in both languages, whatever the reader's, since credits often carry both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Request, Response

from filmpark.services import ledger, projects
from filmpark.web.breakdown_view import category_label, source_label
from filmpark.web.core import PageRoute, gettext, render, require_user, tr
from filmpark.web.i18n import N_
from filmpark.web.platform import read
from filmpark.web.project_context import project_context

router = APIRouter(route_class=PageRoute, include_in_schema=False)

PAGE_SIZE = 200
_KINDS = {
    "breakdown": N_("Script breakdown"),
    "schedule": N_("Shooting schedule"),
    "budget": N_("Budget"),
}
_STATUSES = {
    "proposed": N_("awaiting a decision"),
    "accepted": N_("accepted"),
    "changed": N_("changed"),
    "rejected": N_("rejected"),
}


@dataclass(frozen=True, slots=True)
class SummaryRow:
    kind: str
    sources: str
    proposed: int
    accepted: int
    changed: int
    rejected: int
    open: int


@dataclass(frozen=True, slots=True)
class LedgerRow:
    kind: str
    what: str
    source: str
    confidence: str
    status: str
    status_key: str
    decided_by: str
    decided_at: datetime | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DisclosureText:
    language: str
    label: str
    text: str


@router.get("/projects/{project_id}/ai", name="page_project_ai")
def ai_page(
    request: Request, project_id: str, kind: str | None = None, status: str | None = None
) -> Response:
    user = require_user(request)
    translator = tr(request)
    kind = kind if kind in _KINDS else None
    status = status if status in _STATUSES else None
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        entries = ledger.get_ledger(tx, user, project_id, kind=kind, limit=5000)
        texts = [ledger.disclosure(tx, user, project_id, locale=code) for code in ("en", "vi")]
        members = {
            m.user_id: m.name or m.email for m in projects.list_members(tx, user, project_id)
        }
    summary = [
        SummaryRow(
            translator.gettext(_KINDS.get(line.kind, line.kind)),
            ", ".join(source_label(translator, s) for s in line.sources),
            line.proposed,
            line.accepted,
            line.changed,
            line.rejected,
            line.open,
        )
        for line in texts[0].lines
    ]
    shown = [e for e in entries if status is None or e.status.value == status]
    rows = []
    for entry in sorted(shown, key=lambda e: e.decided_at or e.created_at, reverse=True)[
        :PAGE_SIZE
    ]:
        proposal = entry.proposal
        if entry.kind == "breakdown":
            what = gettext(
                request,
                "Scene %(scene)s · %(category)s: %(name)s",
                scene=proposal.get("scene", "?"),
                category=category_label(translator, str(proposal.get("category", ""))),
                name=proposal.get("name", ""),
            )
        elif entry.kind == "schedule":
            what = gettext(
                request,
                "Schedule version %(version)s, %(days)s shoot days",
                version=proposal.get("version", "?"),
                days=proposal.get("days", "?"),
            )
        else:
            what = entry.subject
        rows.append(
            LedgerRow(
                kind=translator.gettext(_KINDS.get(entry.kind, entry.kind)),
                what=what,
                source=source_label(translator, entry.source),
                confidence=(
                    f"{translator.number(round(entry.confidence * 100))} %"
                    if entry.confidence is not None
                    else ""
                ),
                status=translator.gettext(_STATUSES.get(entry.status.value, entry.status.value)),
                status_key=entry.status.value,
                decided_by=members.get(entry.decided_by or "", ""),
                decided_at=entry.decided_at,
                created_at=entry.created_at,
            )
        )
    context = project_context(request, project_id, view.title, view.role, "page_project_ai")
    return render(
        request,
        "project/ai.html",
        title=gettext(request, "AI use"),
        summary=summary,
        rows=rows,
        total=len(shown),
        page_size=PAGE_SIZE,
        disclosures=[
            DisclosureText("en", "English", texts[0].text),
            DisclosureText("vi", "Tiếng Việt", texts[1].text),
        ],
        kinds=[(key, translator.gettext(label)) for key, label in _KINDS.items()],
        statuses=[(key, translator.gettext(label)) for key, label in _STATUSES.items()],
        kind=kind,
        status=status,
        **context,
    )
