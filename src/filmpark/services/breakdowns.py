"""Breakdown review: the machine's proposal per revision, and people's decisions on it.

Public functions (take the edge's :class:`~filmpark.store.Tx`, never commit)::

    get_breakdown(tx, actor, project_id) -> dict         # Breakdown.1, decisions applied
    record_decisions(tx, actor, project_id, decisions, *, ip=None) -> list[DecisionRecord]
    list_decisions(tx, actor, project_id) -> list[DecisionRecord]
    decisions_document(tx, actor, project_id) -> dict    # Decisions.1
    propose_breakdown(tx, revision, script) -> BreakdownProposal | None   # on upload

A decision is one of ``accept``, ``reject``, ``edit``, ``add``, ``merge`` about an element
(``scene``, ``category``, ``name``); it is stored as its own row, apart from the proposal, and
re-applied to every later revision's proposal (scenes matched across revisions by the
breakdown engine). Each decision also closes the matching AI-ledger proposals. Investors never
see the breakdown (it quotes the script as evidence).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from filmpark.breakdown.decisions import apply_decisions, decisions_from_json
from filmpark.breakdown.extract import break_down
from filmpark.breakdown.serialize import breakdown_from_json, breakdown_to_json
from filmpark.errors import NotFound, ValidationError
from filmpark.screenplay.model import Script
from filmpark.services.permissions import Permission, require
from filmpark.store import Tx
from filmpark.store.records import (
    BreakdownProposal,
    DecisionRecord,
    LedgerStatus,
    ScriptRevision,
    User,
)
from filmpark.text import t

ACTIONS = ("accept", "reject", "edit", "add", "merge")
_LEDGER_STATUS = {
    "accept": LedgerStatus.ACCEPTED,
    "reject": LedgerStatus.REJECTED,
    "edit": LedgerStatus.CHANGED,
    "merge": LedgerStatus.CHANGED,
}
MAX_DECISIONS_PER_REQUEST = 500


def ledger_subject(scene: str, category: str, name: str) -> str:
    return f"breakdown/{scene}/{category}/{name}"


def propose_breakdown(tx: Tx, revision: ScriptRevision, script: Script) -> BreakdownProposal:
    """Run the breakdown engine on a new revision and keep its proposal and ledger entries."""
    document = breakdown_to_json(break_down(script))
    proposal = tx.breakdowns.add(revision.project_id, revision.id, document)
    entries: list[tuple[str, str, float | None, dict[str, Any]]] = []
    for scene in document.get("scenes", []):
        number = str(scene.get("number", ""))
        for category, elements in (scene.get("elements") or {}).items():
            for element in elements:
                source = str(element.get("source", "rules"))
                if source == "human":
                    continue
                confidence = element.get("confidence")
                entries.append(
                    (
                        ledger_subject(number, str(category), str(element.get("name", ""))),
                        source,
                        float(confidence) if isinstance(confidence, int | float) else None,
                        {
                            "revision": revision.number,
                            "scene": number,
                            "category": category,
                            "name": element.get("name"),
                            "quantity": element.get("quantity"),
                            "evidence": element.get("evidence"),
                        },
                    )
                )
    tx.ledger.add_many(revision.project_id, "breakdown", entries)
    return proposal


def _current_proposal(tx: Tx, project_id: str) -> tuple[ScriptRevision, BreakdownProposal]:
    revision = tx.scripts.latest(project_id)
    if revision is None:
        raise NotFound(t("script.none_yet"))
    proposal = tx.breakdowns.for_revision(revision.id)
    if proposal is None:
        raise NotFound(t("breakdown.none_for_revision", number=revision.number))
    return revision, proposal


def decisions_document(tx: Tx, actor: User, project_id: str) -> dict[str, Any]:
    """The project's decisions as a ``Decisions.1`` document, in the order they were made."""
    require(tx, actor, project_id, Permission.VIEW_BREAKDOWN)
    return _decisions_json(tx.decisions.of_project(project_id))


def decisions_for_planning(tx: Tx, project_id: str) -> dict[str, Any]:
    """The project's decisions for a job that plans it (the job checked its access when queued)."""
    return _decisions_json(tx.decisions.of_project(project_id))


def _decisions_json(records: Sequence[DecisionRecord]) -> dict[str, Any]:
    return {
        "schema": "Decisions.1",
        "decisions": [
            {
                "id": record.id,
                "action": record.action,
                "scene": record.scene,
                "category": record.category,
                "name": record.name,
                **record.data,
                "by": record.decided_by,
                "at": record.created_at.isoformat(),
            }
            for record in records
        ],
    }


def get_breakdown(tx: Tx, actor: User, project_id: str) -> dict[str, Any]:
    """The current revision's breakdown with every decision applied (``Breakdown.1``)."""
    require(tx, actor, project_id, Permission.VIEW_BREAKDOWN)
    revision, proposal = _current_proposal(tx, project_id)
    records = tx.decisions.of_project(project_id)
    document = dict(proposal.document)
    if records:
        decided, unapplied = apply_decisions(
            breakdown_from_json(document), decisions_from_json(_decisions_json(records))
        )
        document = breakdown_to_json(decided)
        # Kept and reported, never dropped: decisions whose scene or element is gone.
        document["unapplied"] = [decision.describe() for decision in unapplied]
    document["revision"] = {"id": revision.id, "number": revision.number, "colour": revision.colour}
    document["decision_count"] = len(records)
    document["decisions_applied"] = True
    return document


def _text(item: Mapping[str, Any], key: str, *, required: bool = True, limit: int = 300) -> str:
    value = item.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValidationError(key, t("value.non_empty_string"))
    if len(value) > limit:
        raise ValidationError(key, t("value.at_most_characters", limit=limit))
    return value.strip()


def record_decisions(
    tx: Tx,
    actor: User,
    project_id: str,
    decisions: Sequence[Mapping[str, Any]],
    *,
    ip: str | None = None,
) -> list[DecisionRecord]:
    """Store people's decisions (all or none) and close the ledger proposals they answer.

    Each decision: ``action`` (accept, reject, edit, add, merge), ``scene``, ``category``,
    ``name``; ``edit`` takes ``new_name`` and/or ``quantity``; ``add`` may take ``quantity``;
    ``merge`` takes ``into`` (the character the alias ``name`` merges into); any may take a
    ``note``.
    """
    require(tx, actor, project_id, Permission.DECIDE_BREAKDOWN)
    if not decisions:
        raise ValidationError("decisions", t("decision.at_least_one"))
    if len(decisions) > MAX_DECISIONS_PER_REQUEST:
        raise ValidationError("decisions", t("decision.at_most", limit=MAX_DECISIONS_PER_REQUEST))
    tx.projects.lock(project_id)
    revision = tx.scripts.latest(project_id)
    if revision is None:
        raise NotFound(t("script.none_yet"))
    headings = tx.scripts.headings(revision.id)
    stored: list[DecisionRecord] = []
    for index, item in enumerate(decisions):
        action = item.get("action")
        if action not in ACTIONS:
            raise ValidationError(
                f"decisions[{index}].action", t("value.one_of", expected=", ".join(ACTIONS))
            )
        scene = _text(item, "scene", required=action != "merge", limit=20)
        category = _text(item, "category", required=action != "merge", limit=40) or "cast"
        name = _text(item, "name")
        data: dict[str, Any] = {}
        if action == "edit":
            new_name = _text(item, "new_name", required=False)
            if new_name:
                data["new_name"] = new_name
            if "new_category" in item:
                data["new_category"] = _text(item, "new_category", limit=40)
        if action in ("edit", "add") and item.get("quantity") is not None:
            quantity = item["quantity"]
            if (
                not isinstance(quantity, int)
                or isinstance(quantity, bool)
                or not 0 < quantity < 100_000
            ):
                raise ValidationError(f"decisions[{index}].quantity", t("decision.quantity_range"))
            data["quantity"] = quantity
        if action == "edit" and not data:
            raise ValidationError(f"decisions[{index}]", t("decision.edit_needs"))
        if action == "merge":
            data["into"] = _text(item, "into")
        note = _text(item, "note", required=False, limit=500)
        if note:
            data["note"] = note
        if scene in headings:
            # Lets the decision find its scene again in a revision that renumbered it.
            data["scene_heading"] = headings[scene]
        record = tx.decisions.add(
            project_id=project_id,
            action=str(action),
            scene=scene,
            category=category,
            name=name,
            data=data,
            revision_id=revision.id,
            decided_by=actor.id,
        )
        stored.append(record)
        status = _LEDGER_STATUS.get(str(action))
        if status is not None:
            tx.ledger.decide(
                project_id,
                ledger_subject(scene, category, name),
                status,
                decided_by=actor.id,
                note=note,
                kind="breakdown",
            )
    tx.audit.add(
        "breakdown.decide",
        actor_id=actor.id,
        project_id=project_id,
        detail={"count": len(stored), "revision": revision.number},
        ip=ip,
    )
    return stored


def list_decisions(tx: Tx, actor: User, project_id: str) -> list[DecisionRecord]:
    require(tx, actor, project_id, Permission.VIEW_BREAKDOWN)
    return tx.decisions.of_project(project_id)
