"""Breakdown sheets and the breakdown CSV: the report data of a script breakdown.

One :class:`BreakdownSheet` per scene, in the industry layout a 1st AD expects: scene number,
heading, INT/EXT, day/night, script day, page, eighths, synopsis, then the elements grouped by
category with the category's highlight colour, cast members with their cast numbers.
Rendering (HTML, PDF, CSV text) lives in :mod:`filmpark.documents.breakdown_sheets`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from filmpark.breakdown.model import Breakdown, SceneBreakdown
from filmpark.screenplay.model import DayNight, ElementKind, Scene, Script
from filmpark.units import Eighths

_NEW_DAY_RE = re.compile(
    r"\b(next (?:day|morning|evening|night)|the following (?:day|morning)|days? later|"
    r"weeks? later|months? later|years? later|hôm sau|sáng hôm sau|ngày hôm sau|"
    r"ngày mai|mấy ngày sau|vài ngày sau|tuần sau|năm sau|tháng sau)\b",
    re.IGNORECASE,
)
_LATE = (DayNight.NIGHT, DayNight.DUSK)
_EARLY = (DayNight.DAY, DayNight.DAWN)
_SYNOPSIS_LIMIT = 160

CSV_COLUMNS = (
    "scene",
    "heading",
    "int_ext",
    "day_night",
    "eighths",
    "category",
    "category_id",
    "name",
    "quantity",
    "cast_id",
    "source",
    "confidence",
    "status",
    "line",
    "evidence",
    "explanation",
)


@dataclass(frozen=True, slots=True)
class SheetItem:
    """One line of a category box: ``3. VY``, ``customer × 12``."""

    name: str
    quantity: int | None
    cast_id: int | None
    source: str
    status: str

    @property
    def text(self) -> str:
        prefix = f"{self.cast_id}. " if self.cast_id is not None else ""
        suffix = f" × {self.quantity}" if self.quantity and self.quantity > 1 else ""
        return f"{prefix}{self.name}{suffix}"


@dataclass(frozen=True, slots=True)
class SheetCategory:
    """A category box of the sheet, in the category's colour."""

    key: str
    ucis_id: int
    label_en: str
    label_vi: str
    colour: str
    items: tuple[SheetItem, ...]

    def label(self, lang: str = "en") -> str:
        return self.label_vi if lang == "vi" else self.label_en


@dataclass(frozen=True, slots=True)
class BreakdownSheet:
    """The breakdown sheet of one scene."""

    number: str
    heading: str
    int_ext: str
    day_night: str
    script_day: str
    page: int
    eighths: Eighths
    synopsis: str
    location: str
    categories: tuple[SheetCategory, ...]
    title: str = ""

    def items(self, key: str) -> tuple[SheetItem, ...]:
        for category in self.categories:
            if category.key == key:
                return category.items
        return ()


def script_days(script: Script) -> dict[str, str]:
    """Scene number -> story day (``"1"``, ``"2"``...; ``"FB"`` for a flashback).

    A new story day starts when a day scene follows a night one (a continuity scene never
    starts one) or when the action says so (``The next morning``, ``Sáng hôm sau``).
    """
    result: dict[str, str] = {}
    day = 1
    previous: DayNight | None = None
    for scene in script.scenes:
        heading = scene.heading
        modifier = (heading.modifier or "").upper()
        if "FLASHBACK" in modifier or "HỒI TƯỞNG" in modifier:
            result[scene.number.text] = "FB"
            continue
        first_action = next((e.text for e in scene.elements if e.kind is ElementKind.ACTION), "")[
            :200
        ]
        turned = previous in _LATE and heading.day_night in _EARLY
        if (
            previous is not None
            and not heading.continuity
            and (turned or _NEW_DAY_RE.search(first_action))
        ):
            day += 1
        if heading.day_night is not DayNight.UNKNOWN:
            previous = heading.day_night
        result[scene.number.text] = str(day)
    return result


def synopsis(scene: Scene) -> str:
    """The scene's Fountain synopsis (``= …``), else its first sentence of action."""
    for element in scene.elements:
        if element.kind is ElementKind.SYNOPSIS and element.text.strip():
            return _clip(element.text.strip())
    for element in scene.elements:
        if element.kind is ElementKind.ACTION and element.text.strip():
            text = " ".join(element.text.replace("*", "").replace("_", " ").split())
            match = re.match(r"(.+?[.!?])(\s|$)", text)
            return _clip(match.group(1) if match else text)
    return ""


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _SYNOPSIS_LIMIT:
        return text
    cut = text[: _SYNOPSIS_LIMIT - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _categories(scene: SceneBreakdown, breakdown: Breakdown) -> tuple[SheetCategory, ...]:
    cast_ids = breakdown.cast_ids()
    boxes: list[SheetCategory] = []
    for category in breakdown.categories:
        items = tuple(
            SheetItem(
                e.name,
                e.quantity,
                cast_ids.get(e.name) if category.key == "cast" else None,
                e.source,
                e.status.value,
            )
            for e in scene.of(category.key)
        )
        if category.key == "cast":
            items = tuple(sorted(items, key=lambda i: (i.cast_id or 10**6, i.name)))
        boxes.append(
            SheetCategory(
                category.key,
                category.ucis_id,
                category.label_en,
                category.label_vi,
                category.colour,
                items,
            )
        )
    return tuple(boxes)


def breakdown_sheets(script: Script, breakdown: Breakdown) -> tuple[BreakdownSheet, ...]:
    """One sheet per scene of the breakdown, in script order."""
    days = script_days(script)
    by_number = {scene.number.text: scene for scene in script.scenes}
    title = script.title or ""
    sheets: list[BreakdownSheet] = []
    for scene_breakdown in breakdown.scenes:
        scene = by_number.get(scene_breakdown.number)
        sheets.append(
            BreakdownSheet(
                number=scene_breakdown.number,
                heading=scene_breakdown.heading,
                int_ext=scene_breakdown.int_ext.value if scene_breakdown.int_ext else "",
                day_night=_day_night(scene_breakdown),
                script_day=days.get(scene_breakdown.number, ""),
                page=scene.page if scene is not None else 0,
                eighths=scene_breakdown.eighths,
                synopsis=synopsis(scene) if scene is not None else "",
                location=scene_breakdown.location,
                categories=_categories(scene_breakdown, breakdown),
                title=title,
            )
        )
    return tuple(sheets)


def _day_night(scene: SceneBreakdown) -> str:
    if scene.day_night is DayNight.UNKNOWN:
        return scene.time or ""
    return str(scene.day_night.value)


def breakdown_csv_rows(breakdown: Breakdown) -> list[dict[str, str]]:
    """Every element of every scene as one CSV row (columns :data:`CSV_COLUMNS`)."""
    cast_ids = breakdown.cast_ids()
    ids = {c.key: c.ucis_id for c in breakdown.categories}
    rows: list[dict[str, str]] = []
    for scene in breakdown.scenes:
        for element in scene.elements:
            first = element.evidence[0] if element.evidence else None
            cast_id = cast_ids.get(element.name) if element.category == "cast" else None
            rows.append(
                {
                    "scene": scene.number,
                    "heading": scene.heading,
                    "int_ext": scene.int_ext.value if scene.int_ext else "",
                    "day_night": _day_night(scene),
                    "eighths": str(scene.eighths),
                    "category": element.category,
                    "category_id": str(ids.get(element.category, "")),
                    "name": element.name,
                    "quantity": "" if element.quantity is None else str(element.quantity),
                    "cast_id": "" if cast_id is None else str(cast_id),
                    "source": element.source,
                    "confidence": f"{element.confidence:.2f}",
                    "status": element.status.value,
                    "line": str(first.line) if first else "",
                    "evidence": first.text if first else "",
                    "explanation": element.explanation,
                }
            )
    return rows
