"""``Breakdown.1``: the documented JSON of a breakdown (what ``filmpark breakdown --json`` prints).

::

    {"schema": "Breakdown.1",
     "scenes": [{"number": str, "heading": str, "eighths": int,
                 "elements": {"<category>": [{"name": str, "quantity": int|null,
                     "source": str, "confidence": float,
                     "evidence": {"line": int, "text": str}}]}}]}

Scenes are in script order; every category of the production's set appears in each scene
(an empty list when nothing was found); rejected proposals are left out. With
``full=True`` each element also carries ``id``, ``status``, ``explanation`` and every
evidence span, and the document carries the alias suggestions, diagnostics and categories,
so :func:`breakdown_from_json` restores the whole :class:`Breakdown`.
"""

from __future__ import annotations

from typing import Any

from filmpark.breakdown.categories import CategorySet
from filmpark.breakdown.model import (
    AliasSuggestion,
    Breakdown,
    BreakdownElement,
    Evidence,
    SceneBreakdown,
    Status,
    element_id,
)
from filmpark.errors import ValidationError
from filmpark.screenplay.model import DayNight, Diagnostic, IntExt
from filmpark.text import t, verbatim
from filmpark.units import Eighths

SCHEMA = "Breakdown.1"


def breakdown_to_json(breakdown: Breakdown, *, full: bool = False) -> dict[str, Any]:
    """The ``Breakdown.1`` document of ``breakdown`` (plain dicts, lists, str, int, float)."""
    keys = [c.key for c in breakdown.categories if c.key != "notes"]
    scenes = []
    for scene in breakdown.scenes:
        elements: dict[str, list[dict[str, Any]]] = {key: [] for key in keys}
        for element in scene.elements:
            if not element.active:
                continue
            elements.setdefault(element.category, []).append(_element(element, full))
        item: dict[str, Any] = {
            "number": scene.number,
            "heading": scene.heading,
            "eighths": scene.eighths.value,
            "elements": elements,
        }
        if full:
            item["int_ext"] = scene.int_ext.value if scene.int_ext else None
            item["day_night"] = scene.day_night.value
            item["location"] = scene.location
            item["time"] = scene.time
            item["rejected"] = [_element(e, True) for e in scene.elements if not e.active]
        scenes.append(item)
    document: dict[str, Any] = {"schema": SCHEMA, "scenes": scenes}
    if full:
        document["aliases"] = [
            {"canonical": a.canonical, "aliases": list(a.aliases), "reason": a.reason}
            for a in breakdown.aliases
        ]
        document["diagnostics"] = [
            {"source": d.source, "line": d.line, "message": d.message}
            for d in breakdown.diagnostics
        ]
        document["categories"] = breakdown.categories.to_dict()
    return document


def _element(element: BreakdownElement, full: bool) -> dict[str, Any]:
    first = element.evidence[0] if element.evidence else None
    item: dict[str, Any] = {
        "name": element.name,
        "quantity": element.quantity,
        "source": element.source,
        "confidence": element.confidence,
        "evidence": {"line": first.line, "text": first.text} if first else None,
    }
    if full:
        item["id"] = element.id
        item["status"] = element.status.value
        item["explanation"] = element.explanation
        item["spans"] = [
            {"scene": e.scene, "line": e.line, "start": e.start, "end": e.end, "text": e.text}
            for e in element.evidence
        ]
    return item


def breakdown_from_json(doc: dict[str, Any]) -> Breakdown:
    """Read a ``Breakdown.1`` document (short or full) back into a :class:`Breakdown`."""
    if not isinstance(doc, dict):
        raise ValidationError("breakdown", t("json.expected_object"))
    schema = doc.get("schema")
    if schema != SCHEMA:
        raise ValidationError(
            "breakdown", t("json.unsupported_schema", schema=repr(schema), expected=SCHEMA)
        )
    raw_scenes = doc.get("scenes")
    if not isinstance(raw_scenes, list):
        raise ValidationError("breakdown", t("json.must_be_list", name="'scenes'"))
    categories = (
        CategorySet.from_dict(doc["categories"])
        if isinstance(doc.get("categories"), dict)
        else CategorySet()
    )
    scenes = [_scene(raw, index) for index, raw in enumerate(raw_scenes, start=1)]
    aliases = tuple(
        AliasSuggestion(
            str(a["canonical"]),
            tuple(str(x) for x in a.get("aliases", [])),
            str(a.get("reason", "")),
        )
        for a in doc.get("aliases", []) or []
        if isinstance(a, dict) and "canonical" in a
    )
    diagnostics = tuple(
        Diagnostic(
            str(d.get("source", "")), int(d.get("line", 0)), verbatim(str(d.get("message", "")))
        )
        for d in doc.get("diagnostics", []) or []
        if isinstance(d, dict)
    )
    return Breakdown(tuple(scenes), aliases, diagnostics, categories)


def _scene(raw: Any, index: int) -> SceneBreakdown:
    if not isinstance(raw, dict) or "number" not in raw:
        raise ValidationError("breakdown", t("breakdown.scene_without_number", index=index))
    number = str(raw["number"])
    elements_doc = raw.get("elements", {})
    if not isinstance(elements_doc, dict):
        raise ValidationError(
            "breakdown", t("breakdown.scene_field_object", scene=number, name="'elements'")
        )
    elements: list[BreakdownElement] = []
    for category, items in elements_doc.items():
        if not isinstance(items, list):
            raise ValidationError(
                "breakdown", t("breakdown.scene_field_list", scene=number, name=f"'{category}'")
            )
        elements.extend(_read_element(number, str(category), item) for item in items)
    for item in raw.get("rejected", []) or []:
        if isinstance(item, dict):
            elements.append(_read_element(number, str(item.get("category", "notes")), item))
    int_ext_text = raw.get("int_ext")
    int_ext = IntExt(int_ext_text) if int_ext_text in {e.value for e in IntExt} else None
    day_night_text = raw.get("day_night", "?")
    day_night = (
        DayNight(day_night_text)
        if day_night_text in {d.value for d in DayNight}
        else DayNight.UNKNOWN
    )
    try:
        eighths = Eighths(int(raw.get("eighths", 1)))
    except (TypeError, ValueError):
        raise ValidationError(
            "breakdown", t("breakdown.scene_field_integer", scene=number, name="'eighths'")
        ) from None
    return SceneBreakdown(
        number=number,
        heading=str(raw.get("heading", "")),
        int_ext=int_ext,
        day_night=day_night,
        eighths=eighths,
        elements=tuple(elements),
        location=str(raw.get("location", "")),
        time=str(raw.get("time", "")),
    )


def _read_element(scene: str, category: str, item: Any) -> BreakdownElement:
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise ValidationError(
            "breakdown", t("breakdown.element_without_name", scene=scene, category=f"'{category}'")
        )
    name = item["name"]
    spans = item.get("spans")
    evidence: list[Evidence] = []
    if isinstance(spans, list):
        for span in spans:
            if isinstance(span, dict):
                evidence.append(
                    Evidence(
                        str(span.get("scene", scene)),
                        int(span.get("line", 0)),
                        int(span.get("start", 0)),
                        int(span.get("end", 0)),
                        str(span.get("text", "")),
                    )
                )
    elif isinstance(item.get("evidence"), dict):
        ev = item["evidence"]
        text = str(ev.get("text", ""))
        evidence.append(Evidence(scene, int(ev.get("line", 0)), 0, len(text), text))
    quantity = item.get("quantity")
    status_text = item.get("status", Status.PROPOSED.value)
    status = Status(status_text) if status_text in {s.value for s in Status} else Status.PROPOSED
    confidence = item.get("confidence", 1.0)
    return BreakdownElement(
        id=str(item.get("id") or element_id(scene, category, name)),
        category=category,
        name=name,
        quantity=int(quantity)
        if isinstance(quantity, int) and not isinstance(quantity, bool)
        else None,
        source=str(item.get("source", "human")),
        confidence=float(confidence) if isinstance(confidence, int | float) else 1.0,
        evidence=tuple(evidence),
        explanation=str(item.get("explanation", "")),
        status=status,
    )
