"""Work rules from rule packs (``rules/*.yaml``): turnaround, weekly rest, day length,
overtime limits, minors' limits, holidays and the default drop/pick-up agreement.

Two packs ship: ``vn`` (Vietnam's Labour Code 45/2019) and ``us`` (a US union profile:
SAG-AFTRA performers and IATSE crew). Every rule in a pack names its source, in English and,
where the pack gives it (``title_vi``, ``sources_vi``, ``source_vi``), in Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from filmpark.errors import ValidationError
from filmpark.text import Text, bilingual, t

PACKS = ("vn", "us")


@dataclass(frozen=True, slots=True)
class MinorBand:
    """Limits for performers younger than ``under_age``."""

    under_age: int
    max_minutes_per_day: int
    max_minutes_per_week: int
    night_allowed: bool
    permit_under_age: int
    source: str
    source_vi: str = ""

    def cite(self) -> Text:
        """The rule's source in the reader's language (English where no translation is given)."""
        return bilingual(self.source, self.source_vi or self.source)


@dataclass(frozen=True, slots=True)
class WorkRules:
    """The resolved rules of one profile (times are minutes after midnight of the shoot day)."""

    name: str
    title: str
    holidays_country: str
    substitute_holidays: bool
    rest_weekdays: frozenset[int]
    weekly_rest_days: int
    day_minutes: int
    max_overtime_minutes_per_day: int
    max_overtime_minutes_per_month: int | None
    turnaround_minutes: int
    day_call: int
    dawn_call: int
    night_call: int
    split_call: int
    drop_gap_days: int | None
    drop_count: int
    minor_bands: tuple[MinorBand, ...]
    sources: tuple[tuple[str, str], ...]
    title_vi: str = ""
    sources_vi: tuple[tuple[str, str], ...] = ()

    def minor_band(self, age: int) -> MinorBand | None:
        """The tightest band that applies to a performer of ``age`` (None for adults)."""
        bands = sorted(self.minor_bands, key=lambda band: band.under_age)
        for band in bands:
            if age < band.under_age:
                return band
        return None

    def source(self, rule: str) -> str:
        for key, link in self.sources:
            if key == rule:
                return link
        return ""

    def label(self) -> Text:
        """The profile's title in the reader's language."""
        return bilingual(self.title, self.title_vi or self.title)

    def cite(self, rule: str) -> Text:
        """Where ``rule`` comes from, in the reader's language; the profile's title if unknown."""
        english = self.source(rule)
        if not english:
            return self.label()
        vietnamese = next((text for key, text in self.sources_vi if key == rule), english)
        return bilingual(english, vietnamese)


def _clock(text: Any, field: str) -> int:
    hours, _, minutes = str(text).partition(":")
    try:
        value = int(hours) * 60 + int(minutes or 0)
    except ValueError:
        raise ValidationError(field, t("rules.not_clock", text=repr(text))) from None
    return value


def parse_rules(data: dict[str, Any]) -> WorkRules:
    """Build :class:`WorkRules` from a pack's mapping (the YAML shape of ``rules/vn.yaml``)."""
    from filmpark.schedule.calendar import WEEKDAY_NAMES

    try:
        calls = data["calls"]
        bands = tuple(
            MinorBand(
                under_age=int(band["under_age"]),
                max_minutes_per_day=int(band["max_hours_per_day"] * 60),
                max_minutes_per_week=int(band["max_hours_per_week"] * 60),
                night_allowed=bool(band["night_allowed"]),
                permit_under_age=int(band.get("permit_under_age", 0)),
                source=str(band.get("source", "")),
                source_vi=str(band.get("source_vi", "")),
            )
            for band in data.get("minors", [])
        )
        drop = data.get("drop_pickup") or {}
        monthly = data.get("max_overtime_hours_per_month")
        return WorkRules(
            name=str(data["name"]),
            title=str(data["title"]),
            holidays_country=str(data["holidays"]),
            substitute_holidays=bool(data.get("substitute_holidays", True)),
            rest_weekdays=frozenset(
                WEEKDAY_NAMES.index(str(day).lower()) for day in data["rest_weekdays"]
            ),
            weekly_rest_days=int(data["weekly_rest_days"]),
            day_minutes=int(float(data["day_hours"]) * 60),
            max_overtime_minutes_per_day=int(float(data["max_overtime_hours_per_day"]) * 60),
            max_overtime_minutes_per_month=None if monthly is None else int(monthly * 60),
            turnaround_minutes=int(float(data["turnaround_hours"]) * 60),
            day_call=_clock(calls["day"], "calls.day"),
            dawn_call=_clock(calls.get("dawn", calls["day"]), "calls.dawn"),
            night_call=_clock(calls["night"], "calls.night"),
            split_call=_clock(calls["split"], "calls.split"),
            drop_gap_days=None if not drop else int(drop["gap_days"]),
            drop_count=int(drop.get("max_drops", 0)) if drop else 0,
            minor_bands=bands,
            sources=tuple((str(k), str(v)) for k, v in (data.get("sources") or {}).items()),
            title_vi=str(data.get("title_vi", "")),
            sources_vi=tuple((str(k), str(v)) for k, v in (data.get("sources_vi") or {}).items()),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError(
            t("field.rule_pack"), t("rules.malformed", error=str(error))
        ) from None


def load_rules(pack: str) -> WorkRules:
    """The bundled rule pack named ``pack`` (``vn`` or ``us``)."""
    if pack not in PACKS:
        raise ValidationError(
            "profile", t("rules.unknown_profile", pack=repr(pack), expected=", ".join(PACKS))
        )
    text = resources.files("filmpark.schedule").joinpath("rules", f"{pack}.yaml").read_text("utf-8")
    return parse_rules(yaml.safe_load(text))
