"""Estimated shooting minutes of a scene: eighths × minutes per page × complexity, plus setup.

Page counts alone mislead (an eighth of a car chase is not an eighth of two people talking), so
each scene's length is scaled by what the breakdown found in it: stunts, extras, vehicles,
animals, special effects, night exteriors and minors (shorter hours, more breaks). Every factor
is a parameter and a person can override any scene's minutes outright.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from filmpark.errors import ValidationError
from filmpark.screenplay.model import DayNight, IntExt
from filmpark.text import t
from filmpark.units import Eighths


@dataclass(frozen=True, slots=True)
class EstimateFactors:
    """Minutes per page, a setup allowance per scene, and the complexity multipliers."""

    minutes_per_page: int = 90
    setup_minutes: int = 20
    stunts: Decimal = Decimal("1.5")
    vehicles: Decimal = Decimal("1.25")
    animals: Decimal = Decimal("1.3")
    sfx: Decimal = Decimal("1.2")
    night_exterior: Decimal = Decimal("1.25")
    minors: Decimal = Decimal("1.15")
    extras_per_100: Decimal = Decimal("0.5")
    extras_cap: Decimal = Decimal("1.5")

    def __post_init__(self) -> None:
        if self.minutes_per_page <= 0:
            raise ValidationError("minutes_per_page", t("value.must_be_positive"))
        if self.setup_minutes < 0:
            raise ValidationError("setup_minutes", t("value.cannot_be_negative"))
        for name in (
            "stunts",
            "vehicles",
            "animals",
            "sfx",
            "night_exterior",
            "minors",
            "extras_cap",
        ):
            if getattr(self, name) < 1:
                raise ValidationError(name, t("estimate.factor_at_least_one"))


@dataclass(frozen=True, slots=True)
class Estimate:
    """The minutes and the factors that produced them (for the explanation)."""

    minutes: int
    factors: tuple[tuple[str, Decimal], ...]
    overridden: bool = False


def estimate_minutes(
    eighths: Eighths,
    *,
    int_ext: IntExt | None,
    day_night: DayNight,
    stunts: int = 0,
    extras: int = 0,
    vehicles: int = 0,
    animals: int = 0,
    sfx: int = 0,
    minors: int = 0,
    factors: EstimateFactors = EstimateFactors(),
    override: int | None = None,
) -> Estimate:
    """Minutes to shoot a scene of ``eighths`` with the given breakdown counts."""
    if override is not None:
        if override <= 0:
            raise ValidationError("minutes", t("estimate.override_positive"))
        return Estimate(override, (), overridden=True)
    applied: list[tuple[str, Decimal]] = []
    if stunts:
        applied.append(("stunts", factors.stunts))
    if vehicles:
        applied.append(("vehicles", factors.vehicles))
    if animals:
        applied.append(("animals", factors.animals))
    if sfx:
        applied.append(("special effects", factors.sfx))
    if day_night is DayNight.NIGHT and int_ext in (IntExt.EXT, IntExt.INT_EXT):
        applied.append(("night exterior", factors.night_exterior))
    if minors:
        applied.append(("minors", factors.minors))
    if extras:
        crowd = min(factors.extras_cap, 1 + factors.extras_per_100 * Decimal(extras) / 100)
        if crowd > 1:
            applied.append((f"{extras} extras", crowd))
    scale = Decimal(1)
    for _, value in applied:
        scale *= value
    base = Decimal(max(eighths.value, 1)) * factors.minutes_per_page / 8
    minutes = math.ceil(base * scale) + factors.setup_minutes
    return Estimate(max(minutes, 1), tuple(applied))
