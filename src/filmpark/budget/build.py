"""Cost a schedule: turn :class:`ScheduleFacts` and a rate card into a :class:`Budget`.

Schedule-driven lines (DOMAIN.md "Budget"): cast work, hold and travel days from the
day-out-of-days × each performer's daily rate; crew by prep + shoot + wrap days; extras per day
from the breakdown's counts; catering per head per day (crew + cast + extras on that day);
location and stage days; equipment by shoot weeks; post by post weeks; flat allowances. Then
the labour premiums of the rate card's rules (overtime, night work, weekly rest day, public
holiday — :mod:`filmpark.budget.labour`) on every labour line, day by day, where the schedule
puts the work: moving a scene onto a holiday moves money.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from filmpark.budget.charts import load_chart
from filmpark.budget.facts import DayFacts, ScheduleFacts
from filmpark.budget.labour import DayType, LabourRules, day_pay
from filmpark.budget.model import (
    Budget,
    Chart,
    DetailLine,
    ExchangeRate,
    Fringe,
    FringeScope,
    LineOrigin,
)
from filmpark.budget.ratecards import FringeSpec, Rate, RateCard, RateUnit, load_rate_card
from filmpark.text import t
from filmpark.units import Money

_DAY_TYPE_LABELS = {
    DayType.WORK_DAY: ("working day", "ngày thường"),
    DayType.REST_DAY: ("weekly rest day", "ngày nghỉ hằng tuần"),
    DayType.HOLIDAY: ("public holiday", "ngày lễ, tết"),
}


@dataclass(frozen=True, slots=True)
class BudgetSettings:
    """Everything besides the schedule that a budget is built from (a config's ``budget:``)."""

    rate_card: RateCard
    chart: Chart
    currency: str
    exchange_rate: ExchangeRate | None
    contingency_percent: Decimal
    bond_percent: Decimal
    prep_weeks: Decimal
    wrap_weeks: Decimal
    post_weeks: Decimal
    crew_prep_days: int
    crew_wrap_days: int
    extra_lines: tuple[DetailLine, ...] = ()
    extra_fringes: tuple[FringeSpec, ...] = ()
    location_fees: tuple[tuple[str, Money], ...] = ()
    title: str = ""
    version: str = "1"
    defaults_used: tuple[str, ...] = field(default=())


def default_settings(profile: str = "vietnam", *, currency: str | None = None) -> BudgetSettings:
    """The shipped rate card ``profile`` with its own chart, weeks and exchange rate."""
    card = load_rate_card(profile)
    chart = load_chart(card.chart)
    return settings_from_card(card, chart, currency=currency)


def settings_from_card(
    card: RateCard, chart: Chart, *, currency: str | None = None
) -> BudgetSettings:
    return BudgetSettings(
        rate_card=card,
        chart=chart,
        currency=currency or card.currency,
        exchange_rate=card.exchange_rate,
        contingency_percent=chart.contingency_percent,
        bond_percent=chart.bond_percent,
        prep_weeks=card.prep_weeks,
        wrap_weeks=card.wrap_weeks,
        post_weeks=card.post_weeks,
        crew_prep_days=card.crew_prep_days,
        crew_wrap_days=card.crew_wrap_days,
        defaults_used=(
            t("budget.default.rate_card_key", key=repr(card.key)),
            t("budget.default.chart", key=repr(chart.key)),
        ),
    )


def shoot_weeks(facts: ScheduleFacts) -> int:
    """Whole rental weeks covering the shoot days (a part week is billed as a week)."""
    return math.ceil(facts.shoot_days / facts.work_days_per_week) if facts.shoot_days else 0


def day_ranges(numbers: Iterable[int]) -> str:
    """``1–3, 5, 7–8`` for days 1, 2, 3, 5, 7, 8 (a detail line stays one line long)."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    index = 0
    while index < len(ordered):
        end = index
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        first, last = ordered[index], ordered[end]
        parts.append(str(first) if first == last else f"{first}–{last}")
        index = end + 1
    return ", ".join(parts)


@lru_cache(maxsize=4096)
def _premium_fraction(
    rules: LabourRules, day_type: DayType, start: datetime, hours: Decimal, basis_hours: Decimal
) -> Decimal:
    pay = day_pay(rules, day_type, start, hours)
    return pay.premium_fraction(basis_hours).quantize(Decimal("0.000001"))


def _premium_lines(
    *,
    account: str,
    who_en: str,
    who_vi: str,
    rate: Money,
    basis_hours: Decimal,
    rules: LabourRules,
    crew: Iterable[tuple[DayFacts, Decimal]],
    placeholder: bool,
) -> list[DetailLine]:
    """One line per kind of day (working day, rest day, holiday) with a premium: the premium of
    each day as a fraction of the day rate, summed over the days (× the people that day), so the
    line reads ``people × premium day-rates × 1 × rate``."""
    groups: dict[DayType, list[tuple[DayFacts, Decimal, Decimal]]] = defaultdict(list)
    for day, people in crew:
        fraction = _premium_fraction(rules, day.day_type, day.start, day.hours, basis_hours)
        if fraction > 0 and people > 0:
            groups[day.day_type].append((day, people, fraction))
    lines: list[DetailLine] = []
    for day_type in DayType:
        group = groups.get(day_type)
        if not group:
            continue
        label_en, label_vi = _DAY_TYPE_LABELS[day_type]
        numbers = day_ranges(day.number for day, _, _ in group)
        counts = {people for _, people, _ in group}
        if len(counts) == 1:
            amount = counts.pop()
            quantity = sum((fraction for _, _, fraction in group), Decimal(0))
        else:
            amount = Decimal(1)
            quantity = sum((people * fraction for _, people, fraction in group), Decimal(0))
        lines.append(
            DetailLine(
                account=account,
                description=f"{who_en}: overtime/night premium, {label_en} (days {numbers})",
                description_vi=f"{who_vi}: phụ trội làm thêm giờ/ban đêm, {label_vi} (ngày {numbers})",
                amount=amount,
                quantity=quantity,
                unit="day rates",
                rate=rate,
                labour=True,
                origin=LineOrigin.SCHEDULE,
                premium=True,
                note=rules.source,
                placeholder=placeholder,
            )
        )
    return lines


def _resolve_fringe(spec: FringeSpec, chart: Chart) -> Fringe:
    if spec.scope is FringeScope.LINE:
        targets: tuple[str, ...] = ()
    elif spec.scope is FringeScope.ACCOUNT:
        targets = tuple(chart.role(role) for role in spec.targets)
    else:
        targets = tuple(
            dict.fromkeys(chart.account(chart.role(role)).category for role in spec.targets)
        )
    return Fringe(
        key=spec.key,
        name_en=spec.name_en,
        name_vi=spec.name_vi,
        percent=spec.percent,
        scope=spec.scope,
        targets=targets,
        source=spec.source,
        placeholder=spec.placeholder,
    )


def _crew_heads(card: RateCard) -> int:
    return sum(
        rate.count
        for rate in card.rates
        if rate.unit in (RateUnit.WORK_DAY, RateUnit.SHOOT_DAY)
        and (rate.labour or rate.role == "transport")
    )


def build_budget(
    facts: ScheduleFacts,
    settings: BudgetSettings,
    *,
    title: str = "",
    prepared_on: date | None = None,
) -> Budget:
    """The budget of one schedule (pure: the same facts and settings give the same budget;
    ``prepared_on`` defaults to today)."""
    card, chart, rules = settings.rate_card, settings.chart, settings.rate_card.labour_rules
    lines: list[DetailLine] = []
    days = facts.days
    shoot_days = Decimal(facts.shoot_days)
    weeks = Decimal(shoot_weeks(facts))
    fees = dict(settings.location_fees)

    # Cast: paid days from the day-out-of-days x the performer's daily rate, then premiums on
    # the days each performer actually works.
    cast_account = chart.role("cast")
    by_date = {day.date: day for day in days}
    for member in facts.cast:
        lines.append(
            DetailLine(
                account=cast_account,
                description=f"#{member.cast_id} {member.name}: work {member.work_days}, hold "
                f"{member.hold_days}, travel {member.travel_days}; {member.paid_days} paid days",
                description_vi=f"#{member.cast_id} {member.name}: quay {member.work_days}, chờ "
                f"{member.hold_days}, di chuyển {member.travel_days}; {member.paid_days} ngày trả công",
                amount=Decimal(1),
                quantity=Decimal(member.paid_days),
                unit="days",
                rate=member.daily_rate,
                labour=True,
                note="paid days from the day-out-of-days",
            )
        )
        worked = [(by_date[when], Decimal(1)) for when in member.work_dates if when in by_date]
        lines.extend(
            _premium_lines(
                account=cast_account,
                who_en=f"#{member.cast_id} {member.name}",
                who_vi=f"#{member.cast_id} {member.name}",
                rate=member.daily_rate,
                basis_hours=rules.normal_hours,
                rules=rules,
                crew=worked,
                placeholder=False,
            )
        )

    crew_heads = _crew_heads(card)
    for rate in card.rates:
        lines.extend(_rate_lines(rate, facts, settings, chart, shoot_days, weeks, fees, crew_heads))

    globals_ = (
        ("shoot_days", shoot_days),
        ("shoot_weeks", weeks),
        ("work_days_per_week", Decimal(facts.work_days_per_week)),
        ("prep_weeks", settings.prep_weeks),
        ("wrap_weeks", settings.wrap_weeks),
        ("post_weeks", settings.post_weeks),
        ("crew_prep_days", Decimal(settings.crew_prep_days)),
        ("crew_wrap_days", Decimal(settings.crew_wrap_days)),
        ("cast_members", Decimal(len(facts.cast))),
        ("extras_days", Decimal(sum(day.extras for day in facts.days))),
    )
    values = dict(globals_)
    lines.extend(line.with_globals(values) for line in settings.extra_lines)
    fringes = tuple(
        _resolve_fringe(spec, chart) for spec in (*card.fringes, *settings.extra_fringes)
    )
    return Budget(
        title=title or settings.title,
        chart=chart,
        currency=settings.currency,
        lines=tuple(lines),
        fringes=fringes,
        globals=globals_,
        exchange_rate=settings.exchange_rate,
        contingency_percent=settings.contingency_percent,
        bond_percent=settings.bond_percent,
        version=settings.version,
        prepared_on=prepared_on or date.today(),
    )


def _rate_lines(
    rate: Rate,
    facts: ScheduleFacts,
    settings: BudgetSettings,
    chart: Chart,
    shoot_days: Decimal,
    weeks: Decimal,
    fees: dict[str, Money],
    crew_heads: int,
) -> list[DetailLine]:
    account = chart.role(rate.role)
    count = Decimal(rate.count)
    rules = settings.rate_card.labour_rules

    def line(
        quantity: Decimal,
        unit: str,
        *,
        amount: Decimal = count,
        suffix: str = "",
        suffix_vi: str = "",
        money: Money = rate.rate,
    ) -> DetailLine:
        return DetailLine(
            account=account,
            description=rate.name_en + suffix,
            description_vi=rate.name_vi + suffix_vi,
            amount=amount,
            quantity=quantity,
            unit=unit,
            rate=money,
            labour=rate.labour,
            fringes=rate.fringes,
            origin=LineOrigin.RATE_CARD if rate.unit is RateUnit.FLAT else LineOrigin.SCHEDULE,
            note=rate.source,
            placeholder=rate.placeholder,
        )

    def premiums(crew: Iterable[tuple[DayFacts, Decimal]]) -> list[DetailLine]:
        if not rate.labour:
            return []
        return _premium_lines(
            account=account,
            who_en=rate.name_en,
            who_vi=rate.name_vi,
            rate=rate.rate,
            basis_hours=rate.basis_hours,
            rules=rules,
            crew=crew,
            placeholder=rate.placeholder,
        )

    unit = rate.unit
    if unit is RateUnit.WORK_DAY:
        total_days = shoot_days + settings.crew_prep_days + settings.crew_wrap_days
        return [
            line(
                total_days,
                "days",
                suffix=f" (prep {settings.crew_prep_days} + shoot {shoot_days} + wrap "
                f"{settings.crew_wrap_days})",
                suffix_vi=f" (chuẩn bị {settings.crew_prep_days} + quay "
                f"{shoot_days} + kết thúc {settings.crew_wrap_days})",
            ),
            *premiums((day, count) for day in facts.days),
        ]
    if unit is RateUnit.SHOOT_DAY:
        return [line(shoot_days, "days"), *premiums((day, count) for day in facts.days)]
    if unit is RateUnit.SHOOT_WEEK:
        return [line(weeks, "weeks")]
    if unit is RateUnit.PREP_WEEK:
        return [line(settings.prep_weeks, "weeks")]
    if unit is RateUnit.POST_WEEK:
        return [line(settings.post_weeks, "weeks")]
    if unit is RateUnit.FLAT:
        return [line(Decimal(1), "allow")]
    if unit is RateUnit.EXTRA_DAY:
        person_days = sum(day.extras for day in facts.days)
        if not person_days:
            return []
        extra_lines = [line(Decimal(person_days), "person-days", amount=Decimal(1))]
        extra_lines.extend(premiums((day, Decimal(day.extras)) for day in facts.days))
        return extra_lines
    if unit is RateUnit.HEAD_DAY:
        heads = sum(crew_heads + len(day.cast) + day.extras for day in facts.days)
        if not heads:
            return []
        return [
            line(
                Decimal(heads),
                "head-days",
                amount=Decimal(1),
                suffix=f" (crew {crew_heads} + cast + extras, each shoot day)",
                suffix_vi=f" (đoàn {crew_heads} + diễn viên + quần chúng, mỗi ngày quay)",
            )
        ]
    stage = unit is RateUnit.STAGE_DAY
    result: list[DetailLine] = []
    for location in facts.locations:
        if location.stage != stage:
            continue
        used = facts.location_days(location.id)
        if not used:
            continue
        fee = fees.get(location.id, location.daily_fee or rate.rate)
        result.append(
            line(
                Decimal(used),
                "days",
                amount=Decimal(1),
                suffix=f": {location.name}",
                suffix_vi=f": {location.name}",
                money=fee,
            )
        )
    return result
