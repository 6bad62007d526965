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


# --- A small solved-looking production: problem, shooting days and breakdown, no solver ----


def a_small_production():  # type: ignore[no-untyped-def]
    """Three shoot days in Hà Nội: problem, schedule (days packed by hand) and breakdown."""
    from types import MappingProxyType

    from filmpark.breakdown.model import Breakdown, BreakdownElement, SceneBreakdown
    from filmpark.schedule.calendar import ShootCalendar
    from filmpark.schedule.evaluate import build_days
    from filmpark.schedule.problem import CastMember, Location, MinorLimits, Problem, SceneJob
    from filmpark.schedule.result import Schedule
    from filmpark.schedule.rules import load_rules
    from filmpark.screenplay.model import DayNight, IntExt
    from filmpark.units import Eighths

    rules = load_rules("vn")
    scenes = (
        SceneJob("1", "NHÀ BÀ TƯ", "house", IntExt.INT, DayNight.DAY, Eighths(11), 90, (1, 2)),
        SceneJob(
            "2", "PHỐ CỔ", "street", IntExt.EXT, DayNight.DAY, Eighths(6), 120, (1,), extras=12
        ),
        SceneJob("3", "PHỐ CỔ", "street", IntExt.EXT, DayNight.NIGHT, Eighths(9), 150, (1, 3)),
        SceneJob("4", "NHÀ BÀ TƯ", "house", IntExt.INT, DayNight.NIGHT, Eighths(4), 60, (2,)),
    )
    cast = (
        CastMember(1, "LAN", Money.of("3000000", "VND")),
        CastMember(2, "BÀ TƯ", Money.of("2500000", "VND")),
        CastMember(
            3,
            "BÉ MINH",
            Money.of("1000000", "VND"),
            age=10,
            minor=MinorLimits(240, 1200, False, "Labour Code art. 146", needs_permit=True),
        ),
    )
    locations = (
        Location(
            "house",
            "Nhà Bà Tư",
            address="12 Hàng Bạc, Hoàn Kiếm, Hà Nội",
            latitude=21.0341,
            longitude=105.8516,
        ),
        Location(
            "street",
            "Phố cổ Hàng Đào",
            address="Hàng Đào, Hoàn Kiếm, Hà Nội",
            latitude=21.0340,
            longitude=105.8510,
        ),
    )
    problem = Problem(
        calendar=ShootCalendar(
            start=date(2027, 3, 1), rest_weekdays=rules.rest_weekdays, holidays=MappingProxyType({})
        ),
        rules=rules,
        scenes=scenes,
        cast=cast,
        locations=locations,
        currency="VND",
        title="Phở at Dawn",
    )
    plan = {date(2027, 3, 1): ["1", "2"], date(2027, 3, 2): ["3"], date(2027, 3, 4): ["4"]}
    days = build_days(problem, plan)
    schedule = Schedule(problem, days, (), Money.of(0, "VND"), 0, 0, True, "HAND", 0.0)

    def element(
        scene: str, category: str, name: str, quantity: int | None = None
    ) -> BreakdownElement:
        return BreakdownElement.create(
            scene, category, name, source="human", confidence=1.0, quantity=quantity
        )

    breakdown = Breakdown(
        scenes=(
            SceneBreakdown(
                "1",
                "INT. NHÀ BÀ TƯ - NGÀY",
                IntExt.INT,
                DayNight.DAY,
                Eighths(11),
                (element("1", "cast", "LAN"), element("1", "props", "nồi phở")),
            ),
            SceneBreakdown(
                "2",
                "EXT. PHỐ CỔ - DAY",
                IntExt.EXT,
                DayNight.DAY,
                Eighths(6),
                (
                    element("2", "vehicles", "motorbike"),
                    element("2", "stunts", "motorbike skid"),
                    element("2", "extras", "street vendors", 12),
                ),
            ),
            SceneBreakdown(
                "3",
                "EXT. PHỐ CỔ - NIGHT",
                IntExt.EXT,
                DayNight.NIGHT,
                Eighths(9),
                (element("3", "sfx", "rain towers"), element("3", "animals", "con chó")),
            ),
            SceneBreakdown(
                "4",
                "INT. NHÀ BÀ TƯ - ĐÊM",
                IntExt.INT,
                DayNight.NIGHT,
                Eighths(4),
                (element("4", "weapons", "dao bầu"),),
            ),
        )
    )
    return problem, schedule, breakdown
