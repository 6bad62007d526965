"""What a solve returns: the shooting days in order, the named cost terms, bound and status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from filmpark.schedule.problem import DayKind, Problem
from filmpark.units import Eighths, Money


@dataclass(frozen=True, slots=True)
class ShootDay:
    """One shooting day: its scenes in shooting order and what the day costs in time."""

    number: int
    date: date
    scenes: tuple[str, ...]
    eighths: Eighths
    minutes: int
    travel_minutes: int
    locations: tuple[str, ...]
    company_moves: int
    kind: DayKind
    call: int
    wrap: int
    overtime_minutes: int

    @property
    def load_minutes(self) -> int:
        return self.minutes + self.travel_minutes


@dataclass(frozen=True, slots=True)
class CostTerm:
    """One named term of the objective: how many units, at what price, for what amount."""

    name: str
    label: str
    count: int
    weight: int
    amount: Money
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Schedule:
    """A shooting schedule with its cost, and how sure the solver is about it.

    ``objective`` and ``lower_bound`` are in whole units of the production currency; ``gap`` is
    ``(objective - lower_bound) / objective`` (0 when proven optimal). ``status`` is the solver's
    word (``OPTIMAL``, ``FEASIBLE``, ``HEURISTIC``).
    """

    problem: Problem
    days: tuple[ShootDay, ...]
    terms: tuple[CostTerm, ...]
    total: Money
    objective: int
    lower_bound: int
    optimal: bool
    status: str
    seconds: float
    warnings: tuple[str, ...] = ()

    @property
    def gap(self) -> float:
        if self.optimal or self.objective <= 0:
            return 0.0
        return max(0.0, (self.objective - self.lower_bound) / self.objective)

    def day_of(self) -> Mapping[str, ShootDay]:
        """The shooting day of each scene."""
        return {scene: day for day in self.days for scene in day.scenes}

    def dates(self) -> Mapping[str, date]:
        return {scene: day.date for day in self.days for scene in day.scenes}

    def term(self, name: str) -> CostTerm:
        for term in self.terms:
            if term.name == name:
                return term
        raise KeyError(name)
