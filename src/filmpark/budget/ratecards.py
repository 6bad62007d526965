"""Rate cards as data files: who and what a production pays, per day, week, head or flat.

``load_rate_card("vietnam")`` reads a shipped card from ``budget/data/ratecards/``; any other
value is a path to a card of the production's own. Every rate carries its source and date, or
says plainly that it is a placeholder to be set by the production — the shipped cards are
editable defaults, never market data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path

import yaml

from filmpark.budget.charts import ROLE_NAMES
from filmpark.budget.labour import LabourRules
from filmpark.budget.model import ExchangeRate, FringeScope, unknown_fringe
from filmpark.budget.yamlread import Reader, compose, read_data_file, shipped_names
from filmpark.errors import ConfigError
from filmpark.text import t
from filmpark.units import Money

DATA = Path(__file__).resolve().parent / "data" / "ratecards"


class RateUnit(Enum):
    """What one unit of a rate is (and so which figure of the schedule multiplies it)."""

    WORK_DAY = "work_day"  # per person per prep + shoot + wrap day
    SHOOT_DAY = "shoot_day"  # per person (or item) per shoot day
    SHOOT_WEEK = "shoot_week"
    PREP_WEEK = "prep_week"
    POST_WEEK = "post_week"
    HEAD_DAY = "head_day"  # per head (crew + cast + extras) per shoot day
    EXTRA_DAY = "extra_day"  # per extra per day, from the breakdown's counts
    LOCATION_DAY = "location_day"
    STAGE_DAY = "stage_day"
    FLAT = "flat"


@dataclass(frozen=True, slots=True)
class Rate:
    """One position or item of a rate card."""

    key: str
    name_en: str
    name_vi: str
    role: str
    unit: RateUnit
    count: int
    rate: Money
    basis_hours: Decimal
    country: str
    union: bool = False
    labour: bool = False
    source: str = ""
    source_date: date | None = None
    placeholder: bool = False
    fringes: tuple[str, ...] = ()  # line-scoped fringes charged on this rate's lines

    def name(self, lang: str = "en") -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True, slots=True)
class FringeSpec:
    """A fringe as a rate card states it; ``targets`` are chart roles (resolved per chart)."""

    key: str
    name_en: str
    name_vi: str
    percent: Decimal
    scope: FringeScope
    targets: tuple[str, ...]
    source: str = ""
    source_date: date | None = None
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class RateCard:
    key: str
    name: str
    country: str
    currency: str
    chart: str
    rates: tuple[Rate, ...]
    fringes: tuple[FringeSpec, ...]
    labour_rules: LabourRules
    exchange_rate: ExchangeRate | None
    prep_weeks: Decimal
    wrap_weeks: Decimal
    post_weeks: Decimal
    crew_prep_days: int
    crew_wrap_days: int
    source: str = ""

    def rate(self, key: str) -> Rate:
        for rate in self.rates:
            if rate.key == key:
                return rate
        raise ConfigError(
            t(
                "ratecard.no_rate",
                key=repr(key),
                card=repr(self.key),
                expected=", ".join(r.key for r in self.rates),
            )
        )

    @property
    def placeholders(self) -> tuple[Rate, ...]:
        return tuple(rate for rate in self.rates if rate.placeholder)


def shipped_rate_cards() -> tuple[str, ...]:
    return shipped_names(DATA)


def load_rate_card(name_or_path: str | Path, *, base: Path | None = None) -> RateCard:
    """A shipped card by key (``vietnam``, ``us``) or a card file of the production's own."""
    text, source = read_data_file(
        name_or_path, data=DATA, base=base, what=t("data.rate_card"), key="budget.rate_card"
    )
    return parse_rate_card(text, source)


_RATE_KEYS = (
    "key",
    "en",
    "vi",
    "role",
    "unit",
    "count",
    "rate",
    "currency",
    "basis_hours",
    "union",
    "labour",
    "country",
    "source",
    "source_date",
    "placeholder",
    "fringes",
)


def read_rate(reader: Reader, node: yaml.Node, path: str, *, country: str, currency: str) -> Rate:
    """One rate entry (shared by rate card files and a config's ``budget.rates`` overrides)."""
    item = reader.mapping(node, path, _RATE_KEYS, required=("key", "en", "role", "unit", "rate"))
    placeholder = (
        reader.boolean(item["placeholder"], f"{path}.placeholder")
        if "placeholder" in item
        else False
    )
    source = reader.text(item["source"], f"{path}.source") if "source" in item else ""
    source_date = (
        reader.day(item["source_date"], f"{path}.source_date") if "source_date" in item else None
    )
    if not placeholder and not (source and source_date):
        raise reader.fail(
            node,
            path,
            t("ratecard.rate_needs_source"),
        )
    rate_currency = (
        reader.currency(item["currency"], f"{path}.currency") if "currency" in item else currency
    )
    name_en = reader.text(item["en"], f"{path}.en")
    fringes = (
        tuple(
            reader.text(entry, f"{path}.fringes[{index}]")
            for index, entry in enumerate(reader.sequence(item["fringes"], f"{path}.fringes"))
        )
        if "fringes" in item
        else ()
    )
    return Rate(
        key=reader.text(item["key"], f"{path}.key"),
        name_en=name_en,
        name_vi=reader.text(item["vi"], f"{path}.vi") if "vi" in item else name_en,
        role=reader.choice(item["role"], f"{path}.role", ROLE_NAMES),
        unit=RateUnit(reader.choice(item["unit"], f"{path}.unit", [u.value for u in RateUnit])),
        count=reader.integer(item["count"], f"{path}.count", minimum=0) if "count" in item else 1,
        rate=Money(reader.decimal(item["rate"], f"{path}.rate"), rate_currency),
        basis_hours=reader.decimal(item["basis_hours"], f"{path}.basis_hours", positive=True)
        if "basis_hours" in item
        else Decimal(8),
        country=reader.text(item["country"], f"{path}.country") if "country" in item else country,
        union=reader.boolean(item["union"], f"{path}.union") if "union" in item else False,
        labour=reader.boolean(item["labour"], f"{path}.labour") if "labour" in item else False,
        source=source,
        source_date=source_date,
        placeholder=placeholder,
        fringes=fringes,
    )


def read_labour_rules(reader: Reader, node: yaml.Node, path: str) -> LabourRules:
    item = reader.mapping(
        node,
        path,
        (
            "source",
            "source_date",
            "placeholder",
            "normal_hours",
            "overtime_weekday_percent",
            "rest_day_percent",
            "holiday_percent",
            "night_start",
            "night_end",
            "night_percent",
            "night_overtime_percent",
        ),
        required=("normal_hours",),
    )
    defaults = LabourRules()

    def pct(name: str) -> Decimal:
        value: Decimal = getattr(defaults, name)
        return reader.decimal(item[name], f"{path}.{name}") if name in item else value

    return LabourRules(
        normal_hours=reader.decimal(item["normal_hours"], f"{path}.normal_hours", positive=True),
        overtime_weekday_percent=pct("overtime_weekday_percent"),
        rest_day_percent=pct("rest_day_percent"),
        holiday_percent=pct("holiday_percent"),
        night_start=reader.clock(item["night_start"], f"{path}.night_start")
        if "night_start" in item
        else defaults.night_start,
        night_end=reader.clock(item["night_end"], f"{path}.night_end")
        if "night_end" in item
        else defaults.night_end,
        night_percent=pct("night_percent"),
        night_overtime_percent=pct("night_overtime_percent"),
        source=reader.text(item["source"], f"{path}.source") if "source" in item else "",
        placeholder=reader.boolean(item["placeholder"], f"{path}.placeholder")
        if "placeholder" in item
        else False,
    )


def read_fringe(reader: Reader, node: yaml.Node, path: str) -> FringeSpec:
    item = reader.mapping(
        node,
        path,
        ("key", "en", "vi", "percent", "scope", "targets", "source", "source_date", "placeholder"),
        required=("key", "en", "percent"),
    )
    placeholder = (
        reader.boolean(item["placeholder"], f"{path}.placeholder")
        if "placeholder" in item
        else False
    )
    source = reader.text(item["source"], f"{path}.source") if "source" in item else ""
    if not placeholder and not source:
        raise reader.fail(node, path, t("ratecard.fringe_needs_source"))
    scope = FringeScope(
        reader.choice(item["scope"], f"{path}.scope", [s.value for s in FringeScope])
        if "scope" in item
        else "line"
    )
    targets: list[str] = []
    if "targets" in item:
        for index, target in enumerate(reader.sequence(item["targets"], f"{path}.targets")):
            targets.append(reader.choice(target, f"{path}.targets[{index}]", ROLE_NAMES))
    name_en = reader.text(item["en"], f"{path}.en")
    return FringeSpec(
        key=reader.text(item["key"], f"{path}.key"),
        name_en=name_en,
        name_vi=reader.text(item["vi"], f"{path}.vi") if "vi" in item else name_en,
        percent=reader.decimal(item["percent"], f"{path}.percent"),
        scope=scope,
        targets=tuple(targets),
        source=source,
        source_date=reader.day(item["source_date"], f"{path}.source_date")
        if "source_date" in item
        else None,
        placeholder=placeholder,
    )


def read_exchange_rate(reader: Reader, node: yaml.Node, path: str) -> ExchangeRate:
    item = reader.mapping(
        node,
        path,
        ("base", "quote", "rate", "as_of", "source", "placeholder"),
        required=("base", "quote", "rate", "as_of"),
    )
    placeholder = (
        reader.boolean(item["placeholder"], f"{path}.placeholder")
        if "placeholder" in item
        else False
    )
    source = reader.text(item["source"], f"{path}.source") if "source" in item else ""
    if not placeholder and not source:
        raise reader.fail(node, path, t("ratecard.exchange_needs_source"))
    return ExchangeRate(
        base=reader.currency(item["base"], f"{path}.base"),
        quote=reader.currency(item["quote"], f"{path}.quote"),
        rate=reader.decimal(item["rate"], f"{path}.rate", positive=True),
        as_of=reader.day(item["as_of"], f"{path}.as_of"),
        source=source,
        placeholder=placeholder,
    )


def parse_rate_card(text: str, source: str) -> RateCard:
    reader = Reader(source)
    root = compose(text, source)
    if root is None:
        raise ConfigError(t("data.rate_card_empty"), source=source)
    top = reader.mapping(
        root,
        "",
        (
            "key",
            "name",
            "country",
            "currency",
            "chart",
            "source",
            "prep_weeks",
            "wrap_weeks",
            "post_weeks",
            "crew_prep_days",
            "crew_wrap_days",
            "labour_rules",
            "fringes",
            "exchange_rate",
            "rates",
        ),
        required=("key", "name", "country", "currency", "rates", "labour_rules"),
    )
    country = reader.text(top["country"], "country")
    currency = reader.currency(top["currency"], "currency")
    rates: list[Rate] = []
    seen: set[str] = set()
    for index, node in enumerate(reader.sequence(top["rates"], "rates")):
        rate = read_rate(reader, node, f"rates[{index}]", country=country, currency=currency)
        if rate.key in seen:
            raise reader.fail(
                node, f"rates[{index}].key", t("ratecard.rate_twice", key=repr(rate.key))
            )
        seen.add(rate.key)
        rates.append(rate)
    fringes = (
        tuple(
            read_fringe(reader, node, f"fringes[{index}]")
            for index, node in enumerate(reader.sequence(top["fringes"], "fringes"))
        )
        if "fringes" in top
        else ()
    )

    fringe_keys = {fringe.key for fringe in fringes}
    for index, rate in enumerate(rates):
        for key in rate.fringes:
            if key not in fringe_keys:
                raise reader.fail(
                    reader.sequence(top["rates"], "rates")[index],
                    f"rates[{index}].fringes",
                    unknown_fringe(key, fringe_keys),
                )

    def weeks(name: str, default: str) -> Decimal:
        return reader.decimal(top[name], name) if name in top else Decimal(default)

    return RateCard(
        key=reader.text(top["key"], "key"),
        name=reader.text(top["name"], "name"),
        country=country,
        currency=currency,
        chart=reader.text(top["chart"], "chart") if "chart" in top else "us-feature",
        rates=tuple(rates),
        fringes=fringes,
        labour_rules=read_labour_rules(reader, top["labour_rules"], "labour_rules"),
        exchange_rate=read_exchange_rate(reader, top["exchange_rate"], "exchange_rate")
        if "exchange_rate" in top
        else None,
        prep_weeks=weeks("prep_weeks", "0"),
        wrap_weeks=weeks("wrap_weeks", "0"),
        post_weeks=weeks("post_weeks", "0"),
        crew_prep_days=reader.integer(top["crew_prep_days"], "crew_prep_days")
        if "crew_prep_days" in top
        else 0,
        crew_wrap_days=reader.integer(top["crew_wrap_days"], "crew_wrap_days")
        if "crew_wrap_days" in top
        else 0,
        source=reader.text(top["source"], "source") if "source" in top else "",
    )
