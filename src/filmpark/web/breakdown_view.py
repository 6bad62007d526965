"""The breakdown review as a page shows it: scene text with highlights, tags with provenance.

Reads the platform's ``Breakdown.1`` document (decisions already applied) and the people's
decision records, and lays them over the screenplay's own text: each element's evidence (the
exact text on a source line) becomes a highlight in its category colour.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from filmpark.breakdown.categories import DEFAULT_CATEGORIES, Category
from filmpark.screenplay.model import ElementKind, Scene
from filmpark.units import Eighths
from filmpark.web.i18n import N_, Translator

CATEGORIES: Mapping[str, Category] = {c.key: c for c in DEFAULT_CATEGORIES}

STATUS_LABELS = {
    "proposed": N_("proposed"),
    "accepted": N_("accepted"),
    "rejected": N_("rejected"),
    "edited": N_("edited"),
    "added": N_("added"),
}
_DECISION_STATUS = {"accept": "accepted", "reject": "rejected", "edit": "edited", "add": "added"}


@dataclass(frozen=True, slots=True)
class TagView:
    key: str
    scene: str
    category: str
    category_label: str
    colour: str
    tint: str
    name: str
    quantity: int | None
    source: str
    source_label: str
    confidence: float | None
    explanation: str
    status: str
    status_label: str
    evidence_line: int | None
    evidence_text: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    tag: str | None = None
    category: str | None = None
    tint: str = ""
    colour: str = ""
    status: str = ""


@dataclass(frozen=True, slots=True)
class TextLine:
    kind: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class SceneLink:
    number: str
    heading: str
    tags: int
    reviewed: int


@dataclass(frozen=True, slots=True)
class AliasView:
    canonical: str
    aliases: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class ReviewScene:
    number: str
    heading: str
    eighths: str
    lines: tuple[TextLine, ...]
    tags: tuple[TagView, ...]


def tag_key(scene: str, category: str, name: str) -> str:
    return hashlib.sha1(f"{scene}\x1f{category}\x1f{name}".encode()).hexdigest()[:12]


def tint(colour: str, strength: float = 0.22) -> str:
    """A light tint of ``colour`` that dark text stays readable on (contrast well above 4.5:1)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * strength) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def source_label(translator: Translator, source: str) -> str:
    if source.startswith("llm:"):
        return translator.gettext(N_("AI model %(model)s")) % {"model": source[4:]}
    labels = {
        "rules": translator.gettext(N_("Rules")),
        "lexicon": translator.gettext(N_("Lexicon")),
        "human": translator.gettext(N_("Person")),
        "solver": translator.gettext(N_("Schedule optimiser")),
    }
    return labels.get(source, source)


def category_label(translator: Translator, key: str) -> str:
    category = CATEGORIES.get(key)
    if category is None:
        return key.replace("_", " ")
    return category.label(translator.language)


def latest_statuses(decisions: Iterable[Any]) -> dict[tuple[str, str, str], str]:
    """The status people gave each element (scene, category, name), the latest decision winning."""
    statuses: dict[tuple[str, str, str], str] = {}
    for record in decisions:
        action = str(getattr(record, "action", ""))
        scene, category, name = record.scene, record.category, record.name
        data: Mapping[str, Any] = getattr(record, "data", {}) or {}
        if action == "edit":
            new_name = str(data.get("new_name") or name)
            new_category = str(data.get("new_category") or category)
            statuses[(scene, new_category, new_name)] = "edited"
        elif action in _DECISION_STATUS:
            statuses[(scene, category, name)] = _DECISION_STATUS[action]
    return statuses


def _evidence(element: Mapping[str, Any]) -> tuple[int | None, str]:
    evidence = element.get("evidence")
    if isinstance(evidence, list):
        evidence = evidence[0] if evidence else None
    if not isinstance(evidence, Mapping):
        return None, ""
    line = evidence.get("line")
    text = evidence.get("text")
    return (line if isinstance(line, int) else None), (text if isinstance(text, str) else "")


def _elements(scene: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    found = scene.get("elements") or {}
    pairs: list[tuple[str, Mapping[str, Any]]] = []
    if isinstance(found, Mapping):
        for category, items in found.items():
            for item in items or []:
                if isinstance(item, Mapping):
                    pairs.append((str(category), item))
    elif isinstance(found, list):
        for item in found:
            if isinstance(item, Mapping):
                pairs.append((str(item.get("category", "notes")), item))
    return pairs


def scene_tags(
    translator: Translator,
    scene: Mapping[str, Any],
    statuses: Mapping[tuple[str, str, str], str],
    rejected: Sequence[tuple[str, str]] = (),
) -> tuple[TagView, ...]:
    """The tags of one ``Breakdown.1`` scene, plus the ones people rejected (shown struck out)."""
    number = str(scene.get("number", ""))
    order = {key: position for position, key in enumerate(CATEGORIES)}
    views: list[TagView] = []
    seen: set[tuple[str, str]] = set()
    for category, element in _elements(scene):
        name = str(element.get("name", "")).strip()
        if not name:
            continue
        seen.add((category, name))
        line, text = _evidence(element)
        confidence = element.get("confidence")
        quantity = element.get("quantity")
        source = str(element.get("source", "rules"))
        given = str(element.get("status") or "proposed")
        status = statuses.get((number, category, name), given)
        if status not in STATUS_LABELS:
            status = "proposed"
        colour = CATEGORIES[category].colour if category in CATEGORIES else "#9e9e9e"
        views.append(
            TagView(
                key=tag_key(number, category, name),
                scene=number,
                category=category,
                category_label=category_label(translator, category),
                colour=colour,
                tint=tint(colour),
                name=name,
                quantity=quantity if isinstance(quantity, int) else None,
                source=source,
                source_label=source_label(translator, source),
                confidence=float(confidence) if isinstance(confidence, int | float) else None,
                explanation=str(element.get("explanation") or ""),
                status=status,
                status_label=translator.gettext(STATUS_LABELS[status]),
                evidence_line=line,
                evidence_text=text,
            )
        )
    for category, name in rejected:
        if (category, name) in seen:
            continue
        colour = CATEGORIES[category].colour if category in CATEGORIES else "#9e9e9e"
        views.append(
            TagView(
                key=tag_key(number, category, name),
                scene=number,
                category=category,
                category_label=category_label(translator, category),
                colour=colour,
                tint=tint(colour),
                name=name,
                quantity=None,
                source="human",
                source_label=source_label(translator, "human"),
                confidence=None,
                explanation="",
                status="rejected",
                status_label=translator.gettext(STATUS_LABELS["rejected"]),
                evidence_line=None,
                evidence_text="",
            )
        )
    views.sort(key=lambda v: (order.get(v.category, 99), v.name.lower()))
    return tuple(views)


_KINDS = {
    ElementKind.ACTION: "action",
    ElementKind.CHARACTER: "character",
    ElementKind.PARENTHETICAL: "parenthetical",
    ElementKind.DIALOGUE: "dialogue",
    ElementKind.TRANSITION: "transition",
    ElementKind.CENTERED: "centered",
    ElementKind.LYRICS: "dialogue",
    ElementKind.SHOT: "action",
}


def _highlight(text: str, marks: list[tuple[int, int, TagView]]) -> tuple[Segment, ...]:
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    segments: list[Segment] = []
    cursor = 0
    for start, end, tag in marks:
        if start < cursor:
            continue  # overlapping evidence: the longer, earlier highlight wins
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(
            Segment(text[start:end], tag.key, tag.category, tag.tint, tag.colour, tag.status)
        )
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return tuple(segments)


def _find(text: str, needle: str, taken: list[tuple[int, int, TagView]]) -> int:
    start = 0
    while True:
        at = text.find(needle, start)
        if at < 0:
            at = text.lower().find(needle.lower(), start)
        if at < 0:
            return -1
        if all(at >= e or at + len(needle) <= s for s, e, _ in taken):
            return at
        start = at + 1


def scene_lines(scene: Scene, tags: Sequence[TagView]) -> tuple[TextLine, ...]:
    """The scene's text, line by line, with each tag's evidence highlighted where it stands."""
    rows: list[tuple[str, int, str, list[tuple[int, int, TagView]]]] = []
    for element in scene.elements:
        kind = _KINDS.get(element.kind)
        if kind is None:
            continue
        text = element.text
        if element.kind is ElementKind.CHARACTER and element.extension:
            text = f"{element.name or text} ({element.extension})"
        for offset, part in enumerate(text.split("\n")):
            rows.append((kind, element.line + offset if element.line else 0, part, []))
    placed: set[str] = set()
    # First, evidence on its own line; then evidence text found anywhere in the scene.
    for tag in tags:
        if not tag.evidence_text or tag.status == "rejected":
            continue
        for _kind, line, text, marks in rows:
            if tag.evidence_line is not None and line == tag.evidence_line:
                at = _find(text, tag.evidence_text, marks)
                if at >= 0:
                    marks.append((at, at + len(tag.evidence_text), tag))
                    placed.add(tag.key)
                    break
    for tag in tags:
        if tag.key in placed or tag.status == "rejected":
            continue
        needle = tag.evidence_text or tag.name
        for _kind, _line, text, marks in rows:
            at = _find(text, needle, marks)
            if at >= 0:
                marks.append((at, at + len(needle), tag))
                placed.add(tag.key)
                break
    return tuple(TextLine(kind, _highlight(text, marks)) for kind, _line, text, marks in rows)


def eighths_text(value: Any) -> str:
    return str(Eighths(value)) if isinstance(value, int) and value >= 0 else ""
