"""The breakdown model: what each scene needs, and where every proposal came from.

A :class:`Breakdown` holds one :class:`SceneBreakdown` per scene of the script, in script
order. Each :class:`BreakdownElement` carries its provenance: ``source`` (``"rules"``,
``"lexicon"``, ``"llm:<model>"`` or ``"human"``), a confidence, the :class:`Evidence` (scene,
1-based source line, character span, the exact text) and a one-line explanation. Character
aliases are only ever *suggested* (:class:`AliasSuggestion`); a person merges them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from enum import Enum

from filmpark.breakdown.categories import CategorySet
from filmpark.screenplay.model import DayNight, Diagnostic, IntExt
from filmpark.units import Eighths

SOURCES_FIXED = ("rules", "lexicon", "human")


class Status(Enum):
    """Where a person stands on a proposal."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EDITED = "edited"
    ADDED = "added"


def element_id(scene: str, category: str, name: str) -> str:
    """The stable id of an element: the same scene, category and name give the same id."""
    digest = hashlib.sha1(f"{scene}\x1f{category}\x1f{name}".encode()).hexdigest()
    return digest[:12]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a proposal comes from: ``text`` is exactly ``line[start:end]`` of the source."""

    scene: str
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class BreakdownElement:
    """One production element of one scene (``props: biscuit tin``), with its provenance."""

    id: str
    category: str
    name: str
    quantity: int | None
    source: str
    confidence: float
    evidence: tuple[Evidence, ...]
    explanation: str
    status: Status = Status.PROPOSED

    @classmethod
    def create(
        cls,
        scene: str,
        category: str,
        name: str,
        *,
        source: str,
        confidence: float,
        evidence: tuple[Evidence, ...] = (),
        explanation: str = "",
        quantity: int | None = None,
        status: Status = Status.PROPOSED,
    ) -> BreakdownElement:
        return cls(
            element_id(scene, category, name),
            category,
            name,
            quantity,
            source,
            round(max(0.0, min(1.0, confidence)), 3),
            evidence,
            explanation,
            status,
        )

    @property
    def active(self) -> bool:
        """False once a person rejected it."""
        return self.status is not Status.REJECTED

    def with_status(self, status: Status) -> BreakdownElement:
        return replace(self, status=status)


@dataclass(frozen=True, slots=True)
class AliasSuggestion:
    """Cue or action names that look like one character; a person decides to merge them."""

    canonical: str
    aliases: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class SceneBreakdown:
    """The elements of one scene, with the heading facts a breakdown sheet shows."""

    number: str
    heading: str
    int_ext: IntExt | None
    day_night: DayNight
    eighths: Eighths
    elements: tuple[BreakdownElement, ...] = ()
    location: str = ""
    time: str = ""

    def names(self, category: str) -> tuple[str, ...]:
        """Names of the active (not rejected) elements of ``category``, in order, no repeats."""
        seen: dict[str, None] = {}
        for element in self.elements:
            if element.category == category and element.active:
                seen.setdefault(element.name, None)
        return tuple(seen)

    def of(self, category: str) -> tuple[BreakdownElement, ...]:
        """The active elements of ``category``."""
        return tuple(e for e in self.elements if e.category == category and e.active)


@dataclass(frozen=True, slots=True)
class Breakdown:
    """The breakdown of a whole script: one :class:`SceneBreakdown` per scene."""

    scenes: tuple[SceneBreakdown, ...]
    aliases: tuple[AliasSuggestion, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    categories: CategorySet = field(default_factory=CategorySet)

    def scene(self, number: str) -> SceneBreakdown | None:
        for scene in self.scenes:
            if scene.number == number:
                return scene
        return None

    def cast_ids(self) -> dict[str, int]:
        """Cast numbers 1..n as a 1st AD gives them: most scenes first, ties by first scene.

        The lead (in the most scenes) is 1; two performers in as many scenes are numbered in
        the order they first appear.
        """
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for position, scene in enumerate(self.scenes):
            for name in scene.names("cast"):
                counts[name] = counts.get(name, 0) + 1
                first.setdefault(name, position)
        ordered = sorted(counts, key=lambda n: (-counts[n], first[n], n))
        return {name: index for index, name in enumerate(ordered, start=1)}
