"""The production config (``production.yaml``): calendar, rules, rates, availability, locks,
weights, and an opaque ``budget:`` section, read with a line number for every error.

The YAML is composed into a node tree (``yaml.compose``) and walked by hand, so every value
keeps its line: an unknown key is rejected with its line and the keys allowed there, a wrong
type, a negative number, an unknown currency, a start date in the past or a date outside the
calendar names the key and the line. Nothing is silently replaced by a default; the defaults
that *were* used (no value given) are listed in :attr:`ProductionConfig.defaults_used` so the CLI
can say so.

Coordinates of a location are optional: the schedule does not need them, the call sheet uses
them for sunrise and sunset and omits those times for a location without coordinates (the
schedule warns when an exterior scene is shot at such a location). When given, both latitude
and longitude must be in range.

A location may name its nearest ``hospital`` (``{name, address, phone}``, or just a name) for
the call sheets; a cast entry its ``actor`` (the performer, as opposed to the character) and
``travel``, ``rehearsal`` and ``fitting`` dates (lists of dates or ``{from, to}`` windows inside
the calendar, at most one of the three on a day) for the day-out-of-days.

The ``budget:`` section belongs to the budget: it is kept as its YAML node
(:attr:`ProductionConfig.budget_node`, with marks for line numbers) and not read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from filmpark.errors import ConfigError, ValidationError
from filmpark.schedule.calendar import WEEKDAY_NAMES, next_monday
from filmpark.schedule.estimate import EstimateFactors
from filmpark.schedule.problem import (
    ALWAYS,
    Availability,
    DateWindow,
    DropPickup,
    Hospital,
    Weights,
)
from filmpark.schedule.rules import PACKS, WorkRules, load_rules
from filmpark.text import Text, t
from filmpark.units import CURRENCY_DECIMALS, Money

DEFAULT_RATES: Mapping[str, Money] = MappingProxyType(
    {"VND": Money.of(3_000_000, "VND"), "USD": Money.of("1100.00", "USD")}
)
"""Daily cast rate used when neither the performer nor ``cast_defaults`` gives one
(VND: an indie day player in Vietnam; USD: about the SAG-AFTRA theatrical day rate)."""

_DEFAULT_WEIGHTS_USD = Weights(
    shoot_day=25_000,
    dark_day=8_000,
    cast_hold=1,
    company_move=3_000,
    location_revisit=2_000,
    day_night_flip=1_500,
    overtime_minute=60,
    stability_move=800,
)


@dataclass(frozen=True, slots=True)
class CastConfig:
    """What the config says about one performer (matched to the breakdown by name)."""

    name: str
    line: int
    rate: Money | None = None
    availability: Availability = ALWAYS
    contract_start: date | None = None
    contract_finish: date | None = None
    drop_pickup: DropPickup | None = None
    drop_pickup_given: bool = False
    age: int | None = None
    actor: str = ""
    travel: tuple[date, ...] = ()
    rehearsal: tuple[date, ...] = ()
    fitting: tuple[date, ...] = ()


@dataclass(frozen=True, slots=True)
class LocationConfig:
    """A shooting location and the sets (scene-heading places) shot there."""

    id: str
    line: int
    name: str
    sets: tuple[str, ...] = ()
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    availability: Availability = ALWAYS
    stage: bool = False
    hospital: Hospital | None = None


@dataclass(frozen=True, slots=True)
class PrecedenceConfig:
    scene: str
    after: str
    reason: str
    line: int


@dataclass(frozen=True, slots=True)
class LockConfig:
    scene: str
    on_date: date | None
    day: int | None
    position: int | None
    line: int


@dataclass(frozen=True, slots=True)
class ProductionConfig:
    """A production config, validated. Every date is inside the calendar."""

    source: str = ""
    title: str = ""
    company: str = ""
    currency: str = "VND"
    language: str = "en"
    profile: str = "vn"
    rules: WorkRules = field(default_factory=lambda: load_rules("vn"))
    start: date = field(default_factory=lambda: next_monday(date.today()))
    end: date | None = None
    rest_weekdays: frozenset[int] = frozenset({6})
    public_holidays: bool = True
    days_off: Mapping[date, str] = field(default_factory=lambda: MappingProxyType({}))
    estimate: EstimateFactors = field(default_factory=EstimateFactors)
    scene_minutes: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    weights: Weights = field(default_factory=Weights)
    cast: tuple[CastConfig, ...] = ()
    cast_default_rate: Money = field(default_factory=lambda: DEFAULT_RATES["VND"])
    locations: tuple[LocationConfig, ...] = ()
    travel_default_minutes: int = 30
    travel: Mapping[tuple[str, str], int] = field(default_factory=lambda: MappingProxyType({}))
    precedences: tuple[PrecedenceConfig, ...] = ()
    locks: tuple[LockConfig, ...] = ()
    day_for_night: tuple[tuple[str, int], ...] = ()
    budget_node: Node | None = None
    defaults_used: tuple[str, ...] = ()

    def cast_entry(self, name: str) -> CastConfig | None:
        wanted = _fold(name)
        for entry in self.cast:
            if _fold(entry.name) == wanted:
                return entry
        return None


def _fold(name: str) -> str:
    return " ".join(name.upper().split())


def _span(start: date, end: date | None) -> Text:
    if end is None:
        return t("config.span_from", start=start)
    return t("config.span", start=start, end=end)


def default_config(today: date | None = None) -> ProductionConfig:
    """No config at all: Vietnam profile, start next Monday, default rates and weights."""
    today = today or date.today()
    return ProductionConfig(
        start=next_monday(today),
        defaults_used=(
            t("config.default.start", date=next_monday(today).isoformat()),
            t("config.default.profile_vn_full"),
            t("config.default.currency_vnd"),
            t("config.default.cast_rate", rate=DEFAULT_RATES["VND"]),
            t("config.default.weights"),
        ),
    )


# ----------------------------------------------------------------------------- node walking


class _Reader:
    """Walks the composed YAML tree; every error carries the key and its line."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, message: Text, node: Node | None, key: str | None) -> ConfigError:
        line = node.start_mark.line + 1 if node is not None else None
        return ConfigError(message, key=key, line=line, source=self.source)

    def mapping(
        self, node: Node, key: str, allowed: tuple[str, ...]
    ) -> dict[str, tuple[Node, Node]]:
        if not isinstance(node, MappingNode):
            raise self.fail(t("config.expected_mapping_of", keys=", ".join(allowed)), node, key)
        result: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            name = str(key_node.value)
            path = f"{key}.{name}" if key else name
            if allowed and name not in allowed:
                raise self.fail(t("config.unknown_key", allowed=", ".join(allowed)), key_node, path)
            if name in result:
                raise self.fail(t("config.given_twice"), key_node, path)
            result[name] = (key_node, value_node)
        return result

    def free_mapping(self, node: Node, key: str) -> list[tuple[str, Node, Node]]:
        if not isinstance(node, MappingNode):
            raise self.fail(t("config.expected_mapping"), node, key)
        seen: set[str] = set()
        items = []
        for key_node, value_node in node.value:
            name = str(key_node.value)
            if name in seen:
                raise self.fail(t("config.given_twice"), key_node, f"{key}.{name}")
            seen.add(name)
            items.append((name, key_node, value_node))
        return items

    def sequence(self, node: Node, key: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            raise self.fail(t("config.expected_list"), node, key)
        return list(node.value)

    def scalar(self, node: Node, key: str) -> ScalarNode:
        if not isinstance(node, ScalarNode):
            raise self.fail(t("config.expected_single_value"), node, key)
        return node

    def text(self, node: Node, key: str) -> str:
        value = self.scalar(node, key).value
        if node.tag == "tag:yaml.org,2002:null":
            raise self.fail(t("config.value_required"), node, key)
        return str(value).strip()

    def integer(self, node: Node, key: str, *, minimum: int = 0) -> int:
        raw = self.text(node, key).replace("_", "").replace(",", "")
        if not re.fullmatch(r"[+-]?\d+", raw):
            raise self.fail(t("config.expected_whole_number", got=repr(raw)), node, key)
        value = int(raw)
        if value < minimum:
            raise self.fail(t("config.at_least", minimum=minimum, got=value), node, key)
        return value

    def decimal(self, node: Node, key: str, *, minimum: Decimal = Decimal(0)) -> Decimal:
        raw = self.text(node, key).replace("_", "").replace(",", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise self.fail(t("config.expected_number", got=repr(raw)), node, key) from None
        if not value.is_finite() or value < minimum:
            raise self.fail(t("config.number_at_least", minimum=minimum, got=raw), node, key)
        return value

    def boolean(self, node: Node, key: str) -> bool:
        raw = self.text(node, key).lower()
        if raw in ("true", "yes", "on"):
            return True
        if raw in ("false", "no", "off"):
            return False
        raise self.fail(t("config.expected_boolean", got=repr(raw)), node, key)

    def day(self, node: Node, key: str) -> date:
        raw = self.text(node, key)
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise self.fail(t("config.expected_date", got=repr(raw)), node, key) from None

    def clock(self, node: Node, key: str) -> int:
        raw = self.text(node, key)
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", raw)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise self.fail(t("config.expected_clock", got=repr(raw)), node, key)
        return int(match.group(1)) * 60 + int(match.group(2))

    def hours_as_minutes(self, node: Node, key: str) -> int:
        return int(self.decimal(node, key) * 60)

    def windows(self, node: Node, key: str) -> tuple[tuple[DateWindow, Node], ...]:
        """A list of ``{from: date, to: date}`` (or a single date) windows."""
        found: list[tuple[DateWindow, Node]] = []
        for item in self.sequence(node, key):
            if isinstance(item, ScalarNode):
                single = self.day(item, key)
                found.append((DateWindow(single, single), item))
                continue
            fields = self.mapping(item, key, ("from", "to"))
            if "from" not in fields or "to" not in fields:
                raise self.fail(t("config.window_needs_ends"), item, key)
            start = self.day(fields["from"][1], f"{key}.from")
            end = self.day(fields["to"][1], f"{key}.to")
            if end < start:
                raise self.fail(t("config.ends_before_start", end=end, start=start), item, key)
            found.append((DateWindow(start, end), item))
        return tuple(found)


EVENT_KEYS = ("travel", "rehearsal", "fitting")
"""A performer's non-shooting days the day-out-of-days shows (T, R, F); each a list of dates
or ``{from, to}`` windows inside the shoot calendar."""

TOP_KEYS = (
    "production",
    "profile",
    "calendar",
    "rules",
    "estimate",
    "weights",
    "cast_defaults",
    "cast",
    "locations",
    "travel",
    "precedences",
    "locks",
    "day_for_night",
    "budget",
)


def load_config(
    text: str, source: str = "production.yaml", *, today: date | None = None
) -> ProductionConfig:
    """Read a production config; raise :class:`ConfigError` (key + line) on anything wrong."""
    today = today or date.today()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise ConfigError(
            t("config.not_yaml", problem=str(error.problem)),
            line=mark.line + 1 if mark else None,
            source=source,
        ) from None
    except yaml.YAMLError as error:
        raise ConfigError(t("config.not_yaml", problem=str(error)), source=source) from None
    if root is None:
        return _with_source(default_config(today), source)
    reader = _Reader(source)
    top = reader.mapping(root, "", TOP_KEYS)
    defaults: list[str] = []

    def node(name: str) -> Node | None:
        return top[name][1] if name in top else None

    # production
    title = company = ""
    currency = "VND"
    language = "en"
    if (section := node("production")) is not None:
        fields = reader.mapping(section, "production", ("title", "company", "currency", "language"))
        if "title" in fields:
            title = reader.text(fields["title"][1], "production.title")
        if "company" in fields:
            company = reader.text(fields["company"][1], "production.company")
        if "currency" in fields:
            currency = reader.text(fields["currency"][1], "production.currency").upper()
            if currency not in CURRENCY_DECIMALS:
                raise reader.fail(
                    t(
                        "config.unknown_currency",
                        currency=repr(currency),
                        known=", ".join(sorted(CURRENCY_DECIMALS)),
                    ),
                    fields["currency"][1],
                    "production.currency",
                )
        else:
            defaults.append(t("config.default.currency_vnd"))
        if "language" in fields:
            language = reader.text(fields["language"][1], "production.language").lower()
            if language not in ("en", "vi"):
                raise reader.fail(
                    t("config.expected_language"), fields["language"][1], "production.language"
                )
    else:
        defaults.append(t("config.default.currency_vnd"))

    # profile and rules
    profile = "vn"
    if (section := node("profile")) is not None:
        profile = reader.text(section, "profile").lower()
        if profile not in PACKS:
            raise reader.fail(
                t("config.unknown_profile", expected=", ".join(PACKS)), section, "profile"
            )
    else:
        defaults.append(t("config.default.profile_vn"))
    rules = load_rules(profile)
    if (section := node("rules")) is not None:
        rules = _read_rules(reader, section, rules)

    # calendar
    start = next_monday(today)
    end: date | None = None
    rest_weekdays = rules.rest_weekdays
    public = True
    days_off: dict[date, str] = {}
    day_off_nodes: list[tuple[date, Node]] = []
    calendar_fields: dict[str, tuple[Node, Node]] = {}
    if (section := node("calendar")) is not None:
        calendar_fields = reader.mapping(
            section, "calendar", ("start", "end", "rest_days", "public_holidays", "days_off")
        )
    if "start" in calendar_fields:
        start_node = calendar_fields["start"][1]
        start = reader.day(start_node, "calendar.start")
        if start < today:
            raise reader.fail(t("config.start_in_past", start=start), start_node, "calendar.start")
    else:
        defaults.append(t("config.default.start", date=start.isoformat()))
    if "end" in calendar_fields:
        end_node = calendar_fields["end"][1]
        end = reader.day(end_node, "calendar.end")
        if end < start:
            raise reader.fail(
                t("config.end_before_start", end=end, start=start), end_node, "calendar.end"
            )
    if "rest_days" in calendar_fields:
        names = []
        for item in reader.sequence(calendar_fields["rest_days"][1], "calendar.rest_days"):
            name = reader.text(item, "calendar.rest_days").lower()
            if name not in WEEKDAY_NAMES:
                raise reader.fail(
                    t("config.not_weekday", name=repr(name)), item, "calendar.rest_days"
                )
            names.append(WEEKDAY_NAMES.index(name))
        rest_weekdays = frozenset(names)
        if len(rest_weekdays) >= 7:
            raise reader.fail(
                t("config.every_day_rest"),
                calendar_fields["rest_days"][1],
                "calendar.rest_days",
            )
        if 7 - len(rest_weekdays) > 7 - rules.weekly_rest_days:
            raise reader.fail(
                t(
                    "config.weekly_rest_broken",
                    working=7 - len(rest_weekdays),
                    count=rules.weekly_rest_days,
                    source=rules.cite("weekly_rest"),
                ),
                calendar_fields["rest_days"][1],
                "calendar.rest_days",
            )
    if "public_holidays" in calendar_fields:
        public = reader.boolean(calendar_fields["public_holidays"][1], "calendar.public_holidays")
    if "days_off" in calendar_fields:
        for item in reader.sequence(calendar_fields["days_off"][1], "calendar.days_off"):
            fields = reader.mapping(item, "calendar.days_off", ("date", "from", "to", "reason"))
            reason = (
                reader.text(fields["reason"][1], "calendar.days_off.reason")
                if "reason" in fields
                else t("calendar.day_off")
            )
            if "date" in fields:
                first = last = reader.day(fields["date"][1], "calendar.days_off.date")
            elif "from" in fields and "to" in fields:
                first = reader.day(fields["from"][1], "calendar.days_off.from")
                last = reader.day(fields["to"][1], "calendar.days_off.to")
            else:
                raise reader.fail(t("config.day_off_needs_dates"), item, "calendar.days_off")
            if last < first:
                raise reader.fail(
                    t("config.ends_before_start", end=last, start=first),
                    item,
                    "calendar.days_off",
                )
            day = first
            while day <= last:
                days_off[day] = reason
                day_off_nodes.append((day, item))
                day += timedelta(days=1)

    def inside(day: date, at: Node, key: str) -> None:
        if day < start or (end is not None and day > end):
            raise reader.fail(
                t("config.day_outside_calendar", day=day, span=_span(start, end)), at, key
            )

    for day, at in day_off_nodes:
        inside(day, at, "calendar.days_off")

    def window_inside(window: DateWindow, at: Node, key: str) -> None:
        if window.end < start or (end is not None and window.start > end):
            raise reader.fail(
                t("config.window_outside_calendar", window=window, span=_span(start, end)),
                at,
                key,
            )

    # estimate
    estimate = EstimateFactors()
    scene_minutes: dict[str, int] = {}
    if (section := node("estimate")) is not None:
        estimate, scene_minutes = _read_estimate(reader, section)

    # weights
    weights = Weights() if currency == "VND" else _DEFAULT_WEIGHTS_USD
    if (section := node("weights")) is not None:
        fields = reader.mapping(section, "weights", Weights.__slots__)
        values = {
            name: reader.integer(value, f"weights.{name}") for name, (_, value) in fields.items()
        }
        weights = Weights(
            **{name: values.get(name, getattr(weights, name)) for name in Weights.__slots__}
        )
    else:
        defaults.append(t("config.default.weights"))

    # cast
    default_rate = DEFAULT_RATES.get(currency)
    default_rate_given = False
    default_drop: DropPickup | None = None
    if (section := node("cast_defaults")) is not None:
        fields = reader.mapping(section, "cast_defaults", ("rate", "drop_pickup"))
        if "rate" in fields:
            default_rate = Money(reader.decimal(fields["rate"][1], "cast_defaults.rate"), currency)
            default_rate_given = True
        if "drop_pickup" in fields:
            default_drop = _read_drop(reader, fields["drop_pickup"][1], "cast_defaults.drop_pickup")
    if default_rate is None:
        at = top["production"][1] if "production" in top else root
        raise reader.fail(
            t("config.no_default_rate", currency=currency),
            at,
            "cast_defaults.rate",
        )
    cast: list[CastConfig] = []
    if (section := node("cast")) is not None:
        for name, key_node, value in reader.free_mapping(section, "cast"):
            cast.append(
                _read_cast(
                    reader, name, key_node, value, currency, default_drop, window_inside, inside
                )
            )
    if not default_rate_given and (not cast or any(entry.rate is None for entry in cast)):
        defaults.append(t("config.default.cast_rate_where_none", rate=default_rate))

    # locations
    locations: list[LocationConfig] = []
    if (section := node("locations")) is not None:
        for name, key_node, value in reader.free_mapping(section, "locations"):
            locations.append(_read_location(reader, name, key_node, value, window_inside))
    known_sets: dict[str, str] = {}
    for location in locations:
        for set_name in location.sets:
            folded = _fold(set_name)
            if folded in known_sets and known_sets[folded] != location.id:
                raise ConfigError(
                    t(
                        "config.set_twice",
                        set=repr(set_name),
                        first=repr(known_sets[folded]),
                        second=repr(location.id),
                    ),
                    key=f"locations.{location.id}.sets",
                    line=location.line,
                    source=source,
                )
            known_sets[folded] = location.id

    # travel
    travel_default = 30
    travel: dict[tuple[str, str], int] = {}
    if (section := node("travel")) is not None:
        fields = reader.mapping(section, "travel", ("default_minutes", "between"))
        if "default_minutes" in fields:
            travel_default = reader.integer(fields["default_minutes"][1], "travel.default_minutes")
        if "between" in fields:
            ids = {location.id for location in locations}
            for item in reader.sequence(fields["between"][1], "travel.between"):
                pair = reader.mapping(item, "travel.between", ("from", "to", "minutes"))
                if len(pair) != 3:
                    raise reader.fail(t("config.travel_needs"), item, "travel.between")
                origin = reader.text(pair["from"][1], "travel.between.from")
                destination = reader.text(pair["to"][1], "travel.between.to")
                for name, at in ((origin, pair["from"][1]), (destination, pair["to"][1])):
                    if name not in ids:
                        raise reader.fail(
                            t("config.no_location", name=repr(name)), at, "travel.between"
                        )
                travel[(origin, destination)] = reader.integer(
                    pair["minutes"][1], "travel.between.minutes"
                )

    # precedences and locks
    precedences: list[PrecedenceConfig] = []
    if (section := node("precedences")) is not None:
        for item in reader.sequence(section, "precedences"):
            fields = reader.mapping(item, "precedences", ("scene", "after", "reason"))
            if "scene" not in fields or "after" not in fields:
                raise reader.fail(t("config.precedence_needs"), item, "precedences")
            precedences.append(
                PrecedenceConfig(
                    scene=reader.text(fields["scene"][1], "precedences.scene"),
                    after=reader.text(fields["after"][1], "precedences.after"),
                    reason=reader.text(fields["reason"][1], "precedences.reason")
                    if "reason" in fields
                    else "",
                    line=item.start_mark.line + 1,
                )
            )
    locks: list[LockConfig] = []
    if (section := node("locks")) is not None:
        for item in reader.sequence(section, "locks"):
            fields = reader.mapping(item, "locks", ("scene", "date", "day", "position"))
            if "scene" not in fields:
                raise reader.fail(t("config.lock_needs_scene"), item, "locks")
            on_date = reader.day(fields["date"][1], "locks.date") if "date" in fields else None
            if on_date is not None:
                inside(on_date, fields["date"][1], "locks.date")
            day_number = (
                reader.integer(fields["day"][1], "locks.day", minimum=1)
                if "day" in fields
                else None
            )
            position = (
                reader.integer(fields["position"][1], "locks.position", minimum=1)
                if "position" in fields
                else None
            )
            if on_date is None and day_number is None and position is None:
                raise reader.fail(t("config.lock_needs_target"), item, "locks")
            if on_date is not None and day_number is not None:
                raise reader.fail(t("config.lock_date_or_day"), item, "locks")
            locks.append(
                LockConfig(
                    reader.text(fields["scene"][1], "locks.scene"),
                    on_date,
                    day_number,
                    position,
                    item.start_mark.line + 1,
                )
            )

    day_for_night: list[tuple[str, int]] = []
    if (section := node("day_for_night")) is not None:
        for item in reader.sequence(section, "day_for_night"):
            day_for_night.append((reader.text(item, "day_for_night"), item.start_mark.line + 1))

    return ProductionConfig(
        source=source,
        title=title,
        company=company,
        currency=currency,
        language=language,
        profile=profile,
        rules=rules,
        start=start,
        end=end,
        rest_weekdays=rest_weekdays,
        public_holidays=public,
        days_off=MappingProxyType(days_off),
        estimate=estimate,
        scene_minutes=MappingProxyType(scene_minutes),
        weights=weights,
        cast=tuple(cast),
        cast_default_rate=default_rate,
        locations=tuple(locations),
        travel_default_minutes=travel_default,
        travel=MappingProxyType(travel),
        precedences=tuple(precedences),
        locks=tuple(locks),
        day_for_night=tuple(day_for_night),
        budget_node=node("budget"),
        defaults_used=tuple(defaults),
    )


def _with_source(config: ProductionConfig, source: str) -> ProductionConfig:
    from dataclasses import replace

    return replace(config, source=source)


def _read_rules(reader: _Reader, section: Node, rules: WorkRules) -> WorkRules:
    from dataclasses import replace

    fields = reader.mapping(
        section,
        "rules",
        (
            "day_hours",
            "max_overtime_hours_per_day",
            "max_overtime_hours_per_month",
            "turnaround_hours",
            "calls",
        ),
    )
    changes: dict[str, Any] = {}
    if "day_hours" in fields:
        changes["day_minutes"] = reader.hours_as_minutes(fields["day_hours"][1], "rules.day_hours")
        if changes["day_minutes"] <= 0:
            raise reader.fail(
                t("config.day_longer_than_zero"), fields["day_hours"][1], "rules.day_hours"
            )
    if "max_overtime_hours_per_day" in fields:
        changes["max_overtime_minutes_per_day"] = reader.hours_as_minutes(
            fields["max_overtime_hours_per_day"][1], "rules.max_overtime_hours_per_day"
        )
    if "max_overtime_hours_per_month" in fields:
        changes["max_overtime_minutes_per_month"] = reader.hours_as_minutes(
            fields["max_overtime_hours_per_month"][1], "rules.max_overtime_hours_per_month"
        )
    if "turnaround_hours" in fields:
        changes["turnaround_minutes"] = reader.hours_as_minutes(
            fields["turnaround_hours"][1], "rules.turnaround_hours"
        )
    if "calls" in fields:
        calls = reader.mapping(fields["calls"][1], "rules.calls", ("day", "dawn", "night", "split"))
        for name, (_, value) in calls.items():
            changes[f"{name}_call"] = reader.clock(value, f"rules.calls.{name}")
    return replace(rules, **changes)


def _read_estimate(reader: _Reader, section: Node) -> tuple[EstimateFactors, dict[str, int]]:
    factor_names = (
        "stunts",
        "vehicles",
        "animals",
        "sfx",
        "night_exterior",
        "minors",
        "extras_per_100",
        "extras_cap",
    )
    fields = reader.mapping(
        section, "estimate", ("minutes_per_page", "setup_minutes", "factors", "scenes")
    )
    changes: dict[str, Any] = {}
    if "minutes_per_page" in fields:
        changes["minutes_per_page"] = reader.integer(
            fields["minutes_per_page"][1], "estimate.minutes_per_page", minimum=1
        )
    if "setup_minutes" in fields:
        changes["setup_minutes"] = reader.integer(
            fields["setup_minutes"][1], "estimate.setup_minutes"
        )
    if "factors" in fields:
        factors = reader.mapping(fields["factors"][1], "estimate.factors", factor_names)
        for name, (_, value) in factors.items():
            minimum = Decimal(0) if name == "extras_per_100" else Decimal(1)
            changes[name] = reader.decimal(value, f"estimate.factors.{name}", minimum=minimum)
    minutes: dict[str, int] = {}
    if "scenes" in fields:
        for name, _, value in reader.free_mapping(fields["scenes"][1], "estimate.scenes"):
            minutes[name] = reader.integer(value, f"estimate.scenes.{name}", minimum=1)
    try:
        return EstimateFactors(**changes), minutes
    except ValidationError as error:
        raise reader.fail(error.message, section, "estimate") from None


def _read_drop(reader: _Reader, node: Node, key: str) -> DropPickup | None:
    if isinstance(node, ScalarNode):
        if reader.boolean(node, key):
            raise reader.fail(t("config.drop_give_fields"), node, key)
        return None
    fields = reader.mapping(node, key, ("gap_days", "max_drops"))
    if "gap_days" not in fields:
        raise reader.fail(t("config.drop_needs_gap"), node, key)
    gap = reader.integer(fields["gap_days"][1], f"{key}.gap_days")
    count = (
        reader.integer(fields["max_drops"][1], f"{key}.max_drops") if "max_drops" in fields else 1
    )
    return DropPickup(gap, count)


def _read_cast(
    reader: _Reader,
    name: str,
    key_node: Node,
    node: Node,
    currency: str,
    default_drop: DropPickup | None,
    window_inside: Callable[[DateWindow, Node, str], None],
    inside: Callable[[date, Node, str], None],
) -> CastConfig:
    key = f"cast.{name}"
    fields = reader.mapping(
        node,
        key,
        (
            "actor",
            "rate",
            "available",
            "unavailable",
            "contract",
            "drop_pickup",
            "age",
            *EVENT_KEYS,
        ),
    )
    rate = (
        Money(reader.decimal(fields["rate"][1], f"{key}.rate"), currency)
        if "rate" in fields
        else None
    )
    windows: list[DateWindow] = []
    blackouts: list[DateWindow] = []
    for field_name, target in (("available", windows), ("unavailable", blackouts)):
        if field_name in fields:
            for window, at in reader.windows(fields[field_name][1], f"{key}.{field_name}"):
                window_inside(window, at, f"{key}.{field_name}")
                target.append(window)
    contract_start = contract_finish = None
    if "contract" in fields:
        contract = reader.mapping(fields["contract"][1], f"{key}.contract", ("start", "finish"))
        if "start" in contract:
            contract_start = reader.day(contract["start"][1], f"{key}.contract.start")
        if "finish" in contract:
            contract_finish = reader.day(contract["finish"][1], f"{key}.contract.finish")
        if contract_start and contract_finish and contract_finish < contract_start:
            raise reader.fail(
                t("config.contract_backwards"), fields["contract"][1], f"{key}.contract"
            )
    drop = default_drop
    given = default_drop is not None
    if "drop_pickup" in fields:
        drop = _read_drop(reader, fields["drop_pickup"][1], f"{key}.drop_pickup")
        given = True
    age = reader.integer(fields["age"][1], f"{key}.age") if "age" in fields else None
    if age is not None and age > 120:
        raise reader.fail(t("config.implausible_age", age=age), fields["age"][1], f"{key}.age")
    events: dict[str, tuple[date, ...]] = {}
    seen: dict[date, str] = {}
    for event in EVENT_KEYS:
        days: list[date] = []
        if event in fields:
            for window, at in reader.windows(fields[event][1], f"{key}.{event}"):
                day = window.start
                while day <= window.end:
                    inside(day, at, f"{key}.{event}")
                    if day in seen:
                        raise reader.fail(
                            t("config.event_taken", day=day, event=t(f"event.{seen[day]}")),
                            at,
                            f"{key}.{event}",
                        )
                    seen[day] = event
                    days.append(day)
                    day += timedelta(days=1)
        events[event] = tuple(sorted(days))
    return CastConfig(
        name=name,
        line=key_node.start_mark.line + 1,
        rate=rate,
        availability=Availability(tuple(windows), tuple(blackouts)),
        contract_start=contract_start,
        contract_finish=contract_finish,
        drop_pickup=drop,
        drop_pickup_given=given,
        age=age,
        actor=reader.text(fields["actor"][1], f"{key}.actor") if "actor" in fields else "",
        travel=events["travel"],
        rehearsal=events["rehearsal"],
        fitting=events["fitting"],
    )


def _read_hospital(reader: _Reader, node: Node, key: str) -> Hospital:
    """``hospital: {name, address, phone}`` (name required), or just the name as text."""
    if isinstance(node, ScalarNode):
        return Hospital(reader.text(node, key))
    fields = reader.mapping(node, key, ("name", "address", "phone"))
    if "name" not in fields:
        raise reader.fail(t("config.hospital_needs_name"), node, key)
    phone = reader.text(fields["phone"][1], f"{key}.phone") if "phone" in fields else ""
    if phone and not re.fullmatch(r"\+?[\d\s().-]{3,}", phone):
        raise reader.fail(
            t("config.expected_phone", got=repr(phone)),
            fields["phone"][1],
            f"{key}.phone",
        )
    return Hospital(
        name=reader.text(fields["name"][1], f"{key}.name"),
        address=reader.text(fields["address"][1], f"{key}.address") if "address" in fields else "",
        phone=phone,
    )


def _read_location(
    reader: _Reader,
    name: str,
    key_node: Node,
    node: Node,
    window_inside: Callable[[DateWindow, Node, str], None],
) -> LocationConfig:
    key = f"locations.{name}"
    fields = reader.mapping(
        node,
        key,
        (
            "name",
            "sets",
            "address",
            "coordinates",
            "available",
            "unavailable",
            "stage",
            "hospital",
        ),
    )
    sets = (
        tuple(
            reader.text(item, f"{key}.sets")
            for item in reader.sequence(fields["sets"][1], f"{key}.sets")
        )
        if "sets" in fields
        else ()
    )
    latitude = longitude = None
    if "coordinates" in fields:
        items = reader.sequence(fields["coordinates"][1], f"{key}.coordinates")
        if len(items) != 2:
            raise reader.fail(
                t("config.expected_coordinates"), fields["coordinates"][1], f"{key}.coordinates"
            )
        try:
            latitude = float(reader.text(items[0], f"{key}.coordinates"))
            longitude = float(reader.text(items[1], f"{key}.coordinates"))
        except ValueError:
            raise reader.fail(
                t("config.expected_two_numbers"),
                fields["coordinates"][1],
                f"{key}.coordinates",
            ) from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise reader.fail(
                t("config.coordinates_range"),
                fields["coordinates"][1],
                f"{key}.coordinates",
            )
    windows: list[DateWindow] = []
    blackouts: list[DateWindow] = []
    for field_name, target in (("available", windows), ("unavailable", blackouts)):
        if field_name in fields:
            for window, at in reader.windows(fields[field_name][1], f"{key}.{field_name}"):
                window_inside(window, at, f"{key}.{field_name}")
                target.append(window)
    return LocationConfig(
        id=name,
        line=key_node.start_mark.line + 1,
        name=reader.text(fields["name"][1], f"{key}.name") if "name" in fields else name.title(),
        sets=sets,
        address=reader.text(fields["address"][1], f"{key}.address") if "address" in fields else "",
        latitude=latitude,
        longitude=longitude,
        availability=Availability(tuple(windows), tuple(blackouts)),
        stage=reader.boolean(fields["stage"][1], f"{key}.stage") if "stage" in fields else False,
        hospital=_read_hospital(reader, fields["hospital"][1], f"{key}.hospital")
        if "hospital" in fields
        else None,
    )
