"""People decide: accept, reject, edit, add, merge aliases; decisions survive revisions.

Decisions are stored apart from the machine's proposals, as a versioned ``Decisions.1``
document, and re-applied to every new breakdown. Each decision remembers the scene it was
made on by number, heading and a fingerprint of the scene's text, so when the script is
revised (scenes inserted, deleted, renumbered) it still finds its scene:

1. the scene with the same fingerprint (the scene is unchanged, wherever it moved);
2. with the previous script at hand, :func:`match_scenes` (numbers, headings, text
   similarity);
3. the scene with the same number *and* heading, then the only scene with that heading.

A decision that finds no scene, or no element to act on, is returned as not re-applied and
is kept: nothing a person decided is ever silently dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from filmpark.breakdown.categories import DEFAULT_CATEGORIES
from filmpark.breakdown.model import (
    Breakdown,
    BreakdownElement,
    Evidence,
    Status,
    element_id,
)
from filmpark.errors import ValidationError
from filmpark.screenplay.model import ElementKind, Scene, Script
from filmpark.text import Text, bilingual, compose, t, verbatim

SCHEMA = "Decisions.1"
_WORD_RE = re.compile(r"\w+", re.UNICODE)


class Action(Enum):
    ACCEPT = "accept"
    REJECT = "reject"
    EDIT = "edit"
    ADD = "add"
    MERGE_ALIAS = "merge_alias"


@dataclass(frozen=True, slots=True)
class Decision:
    """One person's decision on one element (or, for ``merge_alias``, on the whole script)."""

    id: str
    action: Action
    scene: str
    category: str
    name: str
    author: str
    at: datetime
    scene_fingerprint: str = ""
    scene_heading: str = ""
    new_name: str | None = None
    new_category: str | None = None
    quantity: int | None = None
    aliases: tuple[str, ...] = ()
    note: str = ""

    @classmethod
    def create(
        cls,
        action: Action | str,
        *,
        scene: Scene | None,
        category: str,
        name: str,
        author: str,
        at: datetime | None = None,
        new_name: str | None = None,
        new_category: str | None = None,
        quantity: int | None = None,
        aliases: Sequence[str] = (),
        note: str = "",
    ) -> Decision:
        """A decision made now on ``scene`` (None for a script-wide alias merge)."""
        kind = Action(action)
        when = at or datetime.now(UTC)
        number = scene.number.text if scene is not None else ""
        digest = hashlib.sha1(
            f"{kind.value}|{number}|{category}|{name}|{author}|{when.isoformat()}".encode()
        ).hexdigest()[:12]
        return cls(
            id=digest,
            action=kind,
            scene=number,
            category=category,
            name=name,
            author=author,
            at=when,
            scene_fingerprint=scene_fingerprint(scene) if scene is not None else "",
            scene_heading=scene.heading.text if scene is not None else "",
            new_name=new_name,
            new_category=new_category,
            quantity=quantity,
            aliases=tuple(aliases),
            note=note,
        )

    def describe(self) -> Text:
        """One line for a person: ``reject props 'glass' in scene 3 (lan, 2025-03-02)``."""
        where = (
            t("decision.in_scene", scene=self.scene) if self.scene else t("decision.whole_script")
        )
        target = compose("{category} '{name}'", category=_category(self.category), name=self.name)
        if self.action is Action.EDIT:
            target = compose("{target} -> '{new}'", target=target, new=self.new_name or self.name)
            if self.new_category:
                target = compose(
                    "{target} ({category})", target=target, category=_category(self.new_category)
                )
        if self.action is Action.MERGE_ALIAS:
            target = t("decision.merge_target", aliases=", ".join(self.aliases), name=self.name)
        return compose(
            "{action} {target} {where} ({author}, {date})",
            action=t(f"decision.action.{self.action.value}"),
            target=target,
            where=where,
            author=self.author,
            date=self.at.date().isoformat(),
        )


def _category(key: str) -> Text:
    """A category as a decision names it: its key in English, its label in Vietnamese."""
    for category in DEFAULT_CATEGORIES:
        if category.key == key:
            return bilingual(key, category.label_vi.lower())
    return verbatim(key)


@dataclass(frozen=True, slots=True)
class Decisions:
    """All decisions of a production, oldest first (the ``Decisions.1`` document)."""

    decisions: tuple[Decision, ...] = ()
    schema: str = field(default=SCHEMA)

    def __len__(self) -> int:
        return len(self.decisions)

    def added(self, decision: Decision) -> Decisions:
        return Decisions((*self.decisions, decision))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "decisions": [_decision_to_dict(d) for d in self.decisions],
        }

    @classmethod
    def from_dict(cls, doc: Any) -> Decisions:
        """Read ``Decisions.1`` (or an unversioned list of decisions, upgraded on read)."""
        if isinstance(doc, list):
            doc = {"schema": SCHEMA, "decisions": doc}
        if not isinstance(doc, Mapping):
            raise ValidationError("decisions", t("decision.expected_document"))
        schema = doc.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValidationError(
                "decisions", t("json.unsupported_schema", schema=repr(schema), expected=SCHEMA)
            )
        items = doc.get("decisions")
        if not isinstance(items, list):
            raise ValidationError("decisions", t("json.must_be_list", name="'decisions'"))
        return cls(tuple(_decision_from_dict(item, i) for i, item in enumerate(items, start=1)))


def _decision_to_dict(d: Decision) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": d.id,
        "action": d.action.value,
        "scene": d.scene,
        "category": d.category,
        "name": d.name,
        "author": d.author,
        "at": d.at.isoformat(),
        "scene_fingerprint": d.scene_fingerprint,
        "scene_heading": d.scene_heading,
    }
    if d.new_name is not None:
        out["new_name"] = d.new_name
    if d.new_category is not None:
        out["new_category"] = d.new_category
    if d.quantity is not None:
        out["quantity"] = d.quantity
    if d.aliases:
        out["aliases"] = list(d.aliases)
    if d.note:
        out["note"] = d.note
    return out


def _decision_from_dict(item: Any, index: int) -> Decision:
    if not isinstance(item, Mapping):
        raise ValidationError("decisions", t("decision.not_an_object", index=index))
    raw_action = item.get("action")
    if raw_action == "merge":
        # The platform's form: ``name`` (the alias) merges ``into`` a character.
        into = item.get("into")
        item = {**item, "action": "merge_alias", "name": into, "aliases": [item.get("name")]}
        raw_action = "merge_alias"
    try:
        action = Action(raw_action)
    except ValueError:
        raise ValidationError(
            "decisions",
            t(
                "decision.unknown_action",
                index=index,
                action=repr(item.get("action")),
                expected=", ".join(a.value for a in Action),
            ),
        ) from None
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("decisions", t("decision.without_name", index=index))
    at_text = item.get("at")
    try:
        at = datetime.fromisoformat(str(at_text)) if at_text else datetime.fromtimestamp(0, UTC)
    except ValueError:
        raise ValidationError("decisions", t("decision.bad_date", index=index)) from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    quantity = item.get("quantity")
    if quantity is not None and (isinstance(quantity, bool) or not isinstance(quantity, int)):
        raise ValidationError("decisions", t("decision.bad_quantity", index=index))
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list):
        raise ValidationError("decisions", t("decision.bad_aliases", index=index))
    return Decision(
        id=str(item.get("id") or f"d{index}"),
        action=action,
        scene=str(item.get("scene", "")),
        category=str(item.get("category", "cast" if action is Action.MERGE_ALIAS else "")),
        name=name.strip(),
        author=str(item.get("author", item.get("by", "")) or ""),
        at=at,
        scene_fingerprint=str(item.get("scene_fingerprint", "")),
        scene_heading=str(item.get("scene_heading", "")),
        new_name=str(item["new_name"]) if item.get("new_name") is not None else None,
        new_category=str(item["new_category"]) if item.get("new_category") is not None else None,
        quantity=quantity,
        aliases=tuple(str(a) for a in aliases),
        note=str(item.get("note", "")),
    )


# -- scene identity across revisions ---------------------------------------------------------


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).upper().split())


def _scene_words(scene: Scene) -> list[str]:
    text = "\n".join(
        e.text
        for e in scene.elements
        if e.kind
        not in (ElementKind.NOTE, ElementKind.SYNOPSIS, ElementKind.SECTION, ElementKind.PAGE_BREAK)
    )
    return _WORD_RE.findall(unicodedata.normalize("NFC", text).lower())


def scene_fingerprint(scene: Scene) -> str:
    """A hash of the scene's heading and text: equal only for an unchanged scene."""
    body = " ".join(_scene_words(scene))
    digest = hashlib.sha1(f"{_normal(scene.heading.text)}\n{body}".encode()).hexdigest()
    return f"sha1:{digest[:20]}"


def _shingles(words: Sequence[str]) -> frozenset[tuple[str, ...]]:
    if len(words) < 3:
        return frozenset((w,) for w in words)
    return frozenset(tuple(words[i : i + 3]) for i in range(len(words) - 2))


def match_scenes(old: Script, new: Script) -> dict[str, str]:
    """Old scene number -> new scene number, for scenes that are the same across a revision.

    Each pair is scored on the heading (same words), the text (overlap of word triples) and
    the number; pairs are taken best first, each scene at most once, and a pair needs real
    evidence (the same text, or the same heading with similar text or the same number).
    """
    old_info = [(s, _normal(s.heading.text), _shingles(_scene_words(s))) for s in old.scenes]
    new_info = [(s, _normal(s.heading.text), _shingles(_scene_words(s))) for s in new.scenes]
    candidates: list[tuple[float, int, int]] = []
    for i, (o_scene, o_head, o_sh) in enumerate(old_info):
        for j, (n_scene, n_head, n_sh) in enumerate(new_info):
            union = len(o_sh | n_sh)
            text = len(o_sh & n_sh) / union if union else (1.0 if o_head == n_head else 0.0)
            heading = 1.0 if o_head == n_head else 0.0
            number = 1.0 if o_scene.number.text == n_scene.number.text else 0.0
            score = 0.6 * text + 0.3 * heading + 0.1 * number
            if text >= 0.5 or (heading and (text >= 0.2 or number)):
                # Nearby positions break ties between repeated headings.
                closeness = 1.0 - abs(i / max(1, len(old_info)) - j / max(1, len(new_info)))
                candidates.append((score + 0.01 * closeness, i, j))
    candidates.sort(reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    result: dict[str, str] = {}
    for _, i, j in candidates:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        result[old_info[i][0].number.text] = new_info[j][0].number.text
    return result


def _target_scene(
    decision: Decision,
    script: Script | None,
    breakdown: Breakdown,
    matched: Mapping[str, str] | None,
) -> str | None:
    if decision.scene_fingerprint and script is not None:
        same = [s for s in script.scenes if scene_fingerprint(s) == decision.scene_fingerprint]
        if len(same) == 1:
            return same[0].number.text
    if matched is not None:
        return matched.get(decision.scene)
    headings = [(s.number, _normal(s.heading)) for s in breakdown.scenes]
    heading = _normal(decision.scene_heading)
    if heading:
        for number, text in headings:
            if number == decision.scene and text == heading:
                return number
        same_heading = [number for number, text in headings if text == heading]
        if len(same_heading) == 1:
            return same_heading[0]
        return None
    if any(number == decision.scene for number, _ in headings):
        return decision.scene
    return None


# -- applying --------------------------------------------------------------------------------


def apply_decisions(
    breakdown: Breakdown,
    decisions: Decisions,
    script: Script | None = None,
    *,
    previous: Script | None = None,
) -> tuple[Breakdown, tuple[Decision, ...]]:
    """Re-apply ``decisions`` to a fresh ``breakdown`` of ``script``.

    Without ``script`` (a stored breakdown), scenes are found by number and heading only.

    Returns the decided breakdown and the decisions that could not be re-applied (their
    scene is gone or changed beyond recognition, or the element is no longer proposed);
    those are kept by the caller and reported, never dropped.
    """
    matched = (
        match_scenes(previous, script) if previous is not None and script is not None else None
    )
    scenes = {s.number: list(s.elements) for s in breakdown.scenes}
    unapplied: list[Decision] = []
    for decision in decisions.decisions:
        if decision.action is Action.MERGE_ALIAS:
            if not _merge_alias(decision, scenes):
                unapplied.append(decision)
            continue
        target = _target_scene(decision, script, breakdown, matched)
        if target is None or target not in scenes:
            unapplied.append(decision)
            continue
        if not _apply_one(decision, target, scenes[target]):
            unapplied.append(decision)
    new_scenes = tuple(replace(s, elements=tuple(scenes[s.number])) for s in breakdown.scenes)
    return replace(breakdown, scenes=new_scenes), tuple(unapplied)


def _find(elements: list[BreakdownElement], category: str, name: str) -> int | None:
    folded = unicodedata.normalize("NFC", name).strip().lower()
    for index, element in enumerate(elements):
        if element.category == category and element.name.lower() == folded:
            return index
    for index, element in enumerate(elements):
        if element.category == category and element.name.upper() == name.strip().upper():
            return index
    return None


def _apply_one(decision: Decision, scene: str, elements: list[BreakdownElement]) -> bool:
    index = _find(elements, decision.category, decision.name)
    who = f"{decision.author or 'a person'} on {decision.at.date().isoformat()}"
    if decision.action is Action.ADD:
        if index is not None:
            elements[index] = replace(elements[index], status=Status.ACCEPTED)
            return True
        name = decision.name.upper() if decision.category == "cast" else decision.name
        elements.append(
            BreakdownElement(
                element_id(scene, decision.category, name),
                decision.category,
                name,
                decision.quantity,
                "human",
                1.0,
                (),
                f"added by {who}" + (f": {decision.note}" if decision.note else ""),
                Status.ADDED,
            )
        )
        return True
    if index is None:
        return False
    element = elements[index]
    if decision.action is Action.ACCEPT:
        elements[index] = replace(element, status=Status.ACCEPTED)
    elif decision.action is Action.REJECT:
        elements[index] = replace(element, status=Status.REJECTED)
    elif decision.action is Action.EDIT:
        category = decision.new_category or element.category
        name = decision.new_name or element.name
        elements[index] = replace(
            element,
            id=element_id(scene, category, name),
            category=category,
            name=name,
            quantity=decision.quantity if decision.quantity is not None else element.quantity,
            source="human",
            confidence=1.0,
            explanation=f"edited by {who} (proposed: {element.category} '{element.name}')",
            status=Status.EDITED,
        )
    return True


def _merge_alias(decision: Decision, scenes: dict[str, list[BreakdownElement]]) -> bool:
    """Rename every alias to the canonical name in the cast of every scene."""
    aliases = {a.upper() for a in decision.aliases}
    canonical = decision.name.upper()
    touched = False
    for number, elements in scenes.items():
        merged: list[BreakdownElement] = []
        kept_canonical: int | None = None
        for element in elements:
            if element.category == "cast" and element.name.upper() in aliases | {canonical}:
                touched = touched or element.name.upper() in aliases
                evidence: tuple[Evidence, ...] = element.evidence
                if kept_canonical is not None:
                    first = merged[kept_canonical]
                    merged[kept_canonical] = replace(first, evidence=first.evidence + evidence)
                    continue
                kept_canonical = len(merged)
                if element.name.upper() != canonical:
                    element = replace(
                        element,
                        id=element_id(number, "cast", canonical),
                        name=canonical,
                        explanation=f"{element.name} merged into {canonical} by {decision.author or 'a person'}",
                    )
            merged.append(element)
        elements[:] = merged
    return touched


def decisions_from_json(doc: Any) -> Decisions:
    """Read a ``Decisions.1`` document (see :meth:`Decisions.from_dict`)."""
    return Decisions.from_dict(doc)


def decisions_to_json(decisions: Decisions) -> dict[str, Any]:
    """The ``Decisions.1`` document of ``decisions``."""
    return decisions.to_dict()
