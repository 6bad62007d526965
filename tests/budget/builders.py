"""Builders for budget tests: small schedules, rate cards and budgets written out by hand."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from filmpark.budget.build import BudgetSettings, settings_from_card
from filmpark.budget.charts import load_chart
from filmpark.budget.facts import CastDays, DayFacts, LocationFacts, ScheduleFacts
from filmpark.budget.labour import DayType
from filmpark.budget.ratecards import parse_rate_card
from filmpark.units import Money


def vnd(amount: int | str) -> Money:
    return Money.of(amount, "VND")


def a_day(
    number: int,
    when: date,
    *,
    day_type: DayType = DayType.WORK_DAY,
    call: time = time(7, 0),
    hours: str = "8",
    cast: tuple[int, ...] = (),
    extras: int = 0,
    locations: tuple[str, ...] = ("house",),
) -> DayFacts:
    return DayFacts(
        number=number,
        date=when,
        day_type=day_type,
        start=datetime.combine(when, call),
        hours=Decimal(hours),
        cast=cast,
        extras=extras,
        locations=locations,
    )


def a_performer(
    cast_id: int = 1,
    name: str = "LAN",
    rate: int = 1_000_000,
    *,
    work: int = 1,
    hold: int = 0,
    travel: int = 0,
    dates: tuple[date, ...] = (),
) -> CastDays:
    return CastDays(cast_id, name, vnd(rate), work, hold, travel, dates)


def a_schedule(
    *days: DayFacts,
    cast: tuple[CastDays, ...] = (),
    locations: tuple[LocationFacts, ...] = (LocationFacts("house", "Bà Tư's house"),),
    per_week: int = 6,
) -> ScheduleFacts:
    return ScheduleFacts(tuple(days), cast, locations, per_week)


TINY_CARD = """
key: tiny
name: Tiny test card
country: VN
currency: VND
chart: vn-feature
labour_rules:
  source: "Labour Code 45/2019/QH14 art. 98"
  normal_hours: 8
rates:
  - {key: grip, en: Grip, vi: Thợ máy, role: set_operations, unit: shoot_day, count: 2, rate: "500000", basis_hours: 8, labour: true, placeholder: true}
"""


def tiny_settings(card_text: str = TINY_CARD, *, contingency: str = "10") -> BudgetSettings:
    card = parse_rate_card(card_text, "tiny.yaml")
    settings = settings_from_card(card, load_chart(card.chart))
    from dataclasses import replace

    return replace(settings, contingency_percent=Decimal(contingency), bond_percent=Decimal(0))
