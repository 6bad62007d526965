"""The ``budget:`` section of a production config, validated with line numbers.

Every key is optional; what is absent comes from the rate card (``rate_card:``, default the
Vietnam card) and its chart, and the defaults used are listed in
:attr:`BudgetSettings.defaults_used` so the CLI can say so. What the user gave is never
replaced: an unknown key, a negative rate, an unknown currency or an account the chart does not
have is an error naming the key, the line and what was expected::

    budget:
      rate_card: vietnam            # or us, or a path to a card of your own
      chart: vn-feature             # or us-feature, or a path to a chart of your own
      currency: VND
      exchange_rate: {base: USD, quote: VND, rate: "25400", as_of: 2026-11-20, source: Vietcombank}
      contingency_percent: 10
      bond_percent: 0
      prep_weeks: 3
      wrap_weeks: 1
      post_weeks: 10
      crew_prep_days: 5
      crew_wrap_days: 2
      rates:                        # replace a card's rate by key, or add one
        - {key: dop, en: Director of photography, role: camera, unit: work_day, rate: "6000000",
           source: "deal memo", source_date: 2026-11-02}
      location_fees: {old-quarter-street: "8000000"}
      fringes: [...]                # extra fringes (same shape as the card's)
      lines:                        # lines of your own (account code or role)
        - {account: "B260", description: Rain towers, amount: 1, quantity: 3, unit: days,
           rate: "4500000"}
        - {account: camera, description: Drone package, quantity: shoot_weeks, unit: weeks,
           rate: "9000000"}

A line's ``amount`` or ``quantity`` may name a global instead of a number (:data:`GLOBALS`:
``shoot_days``, ``shoot_weeks``, ``prep_weeks``…), so it follows the schedule.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import yaml

from filmpark.budget.build import BudgetSettings, settings_from_card
from filmpark.budget.charts import load_chart
from filmpark.budget.model import Chart, DetailLine, LineOrigin, unknown_fringe
from filmpark.budget.ratecards import (
    Rate,
    load_rate_card,
    read_exchange_rate,
    read_fringe,
    read_rate,
)
from filmpark.budget.yamlread import Reader, compose
from filmpark.errors import ConfigError, ValidationError
from filmpark.text import t
from filmpark.units import Money

BUDGET_KEYS = (
    "rate_card",
    "chart",
    "currency",
    "exchange_rate",
    "contingency_percent",
    "bond_percent",
    "prep_weeks",
    "wrap_weeks",
    "post_weeks",
    "crew_prep_days",
    "crew_wrap_days",
    "rates",
    "location_fees",
    "fringes",
    "lines",
    "version",
    "title",
)
_LINE_KEYS = (
    "account",
    "description",
    "description_vi",
    "amount",
    "quantity",
    "unit",
    "rate",
    "currency",
    "multiplier",
    "labour",
    "fringes",
)


def parse_budget_text(
    text: str, source: str, *, base_dir: Path | None = None, location_ids: tuple[str, ...] = ()
) -> BudgetSettings:
    """Read a YAML document whose top level is the budget section (used by tests and tools)."""
    return read_budget_section(
        compose(text, source), source, base_dir=base_dir, location_ids=location_ids
    )


def read_budget_section(
    node: yaml.Node | None,
    source: str,
    *,
    base_dir: Path | None = None,
    location_ids: tuple[str, ...] = (),
    default_profile: str = "vietnam",
    default_currency: str | None = None,
) -> BudgetSettings:
    """Settings from the ``budget:`` node of a config (None: the shipped defaults, and says so).

    ``location_ids`` are the config's location ids, so ``location_fees`` can be checked;
    ``default_currency`` is the production's currency when the budget section names none.
    """
    reader = Reader(source)
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~")):
        card = load_rate_card(default_profile)
        settings = settings_from_card(card, load_chart(card.chart), currency=default_currency)
        return replace(settings, defaults_used=_describe_defaults(settings, explicit=set()))
    top = reader.mapping(node, "budget", BUDGET_KEYS)
    card_name = (
        reader.text(top["rate_card"], "budget.rate_card") if "rate_card" in top else default_profile
    )
    try:
        card = load_rate_card(card_name, base=base_dir)
    except ConfigError as error:
        raise reader.fail(top.get("rate_card"), "budget.rate_card", error.detail) from None
    chart_name = reader.text(top["chart"], "budget.chart") if "chart" in top else card.chart
    try:
        chart = load_chart(chart_name, base=base_dir)
    except ConfigError as error:
        raise reader.fail(top.get("chart"), "budget.chart", error.detail) from None
    currency = (
        reader.currency(top["currency"], "budget.currency")
        if "currency" in top
        else default_currency or card.currency
    )
    settings = settings_from_card(card, chart, currency=currency)
    if "exchange_rate" in top:
        settings = replace(
            settings,
            exchange_rate=read_exchange_rate(reader, top["exchange_rate"], "budget.exchange_rate"),
        )
    decimals = {
        name: reader.decimal(top[name], f"budget.{name}")
        for name in (
            "contingency_percent",
            "bond_percent",
            "prep_weeks",
            "wrap_weeks",
            "post_weeks",
        )
        if name in top
    }
    integers = {
        name: reader.integer(top[name], f"budget.{name}")
        for name in ("crew_prep_days", "crew_wrap_days")
        if name in top
    }
    settings = replace(
        settings,
        contingency_percent=decimals.get("contingency_percent", settings.contingency_percent),
        bond_percent=decimals.get("bond_percent", settings.bond_percent),
        prep_weeks=decimals.get("prep_weeks", settings.prep_weeks),
        wrap_weeks=decimals.get("wrap_weeks", settings.wrap_weeks),
        post_weeks=decimals.get("post_weeks", settings.post_weeks),
        crew_prep_days=integers.get("crew_prep_days", settings.crew_prep_days),
        crew_wrap_days=integers.get("crew_wrap_days", settings.crew_wrap_days),
    )
    if "fringes" in top:
        settings = replace(
            settings,
            extra_fringes=tuple(
                read_fringe(reader, item, f"budget.fringes[{index}]")
                for index, item in enumerate(reader.sequence(top["fringes"], "budget.fringes"))
            ),
        )
    if "rates" in top:
        known_fringes = {f.key for f in (*card.fringes, *settings.extra_fringes)}
        rates = list(card.rates)
        for index, rate_node in enumerate(reader.sequence(top["rates"], "budget.rates")):
            rate = read_rate(
                reader,
                rate_node,
                f"budget.rates[{index}]",
                country=card.country,
                currency=card.currency,
            )
            _check_role(reader, chart, rate, rate_node, f"budget.rates[{index}]")
            for key in rate.fringes:
                if key not in known_fringes:
                    raise reader.fail(
                        rate_node,
                        f"budget.rates[{index}].fringes",
                        unknown_fringe(key, set(known_fringes)),
                    )
            position = next((i for i, r in enumerate(rates) if r.key == rate.key), None)
            if position is None:
                rates.append(rate)
            else:
                rates[position] = rate
        settings = replace(settings, rate_card=replace(card, rates=tuple(rates)))
    if "location_fees" in top:
        fees_node = top["location_fees"]
        if not isinstance(fees_node, yaml.MappingNode):
            raise reader.fail(fees_node, "budget.location_fees", t("budget.fees_mapping"))
        fees: list[tuple[str, Money]] = []
        for key_node, value_node in fees_node.value:
            location = str(key_node.value)
            path = f"budget.location_fees.{location}"
            if location_ids and location not in location_ids:
                raise reader.fail(
                    key_node, path, t("budget.no_location", expected=", ".join(location_ids))
                )
            fees.append((location, Money(reader.decimal(value_node, path), currency)))
        settings = replace(settings, location_fees=tuple(fees))
    if "lines" in top:
        fringe_keys = {f.key for f in (*card.fringes, *settings.extra_fringes)}
        settings = replace(
            settings,
            extra_lines=tuple(
                _read_line(reader, item, f"budget.lines[{index}]", settings, fringe_keys)
                for index, item in enumerate(reader.sequence(top["lines"], "budget.lines"))
            ),
        )
    if "version" in top:
        settings = replace(settings, version=reader.text(top["version"], "budget.version"))
    if "title" in top:
        settings = replace(settings, title=reader.text(top["title"], "budget.title"))
    if settings.currency != card.currency:
        if settings.exchange_rate is None:
            raise reader.fail(
                node,
                "budget.exchange_rate",
                t("budget.needs_exchange_rate", budget=settings.currency, card=card.currency),
            )
        try:
            settings.exchange_rate.factor(card.currency, settings.currency)
        except ValidationError as error:
            raise reader.fail(
                top.get("exchange_rate", node),
                "budget.exchange_rate",
                error.detail,
            ) from None
    return replace(settings, defaults_used=_describe_defaults(settings, explicit=set(top)))


def _check_role(reader: Reader, chart: Chart, rate: Rate, node: yaml.Node, path: str) -> None:
    try:
        chart.role(rate.role)
    except ValidationError as error:
        raise reader.fail(node, f"{path}.role", error.detail) from None


def _read_line(
    reader: Reader, node: yaml.Node, path: str, settings: BudgetSettings, fringe_keys: set[str]
) -> DetailLine:
    item = reader.mapping(node, path, _LINE_KEYS, required=("account", "description", "rate"))
    chart = settings.chart
    account = reader.text(item["account"], f"{path}.account")
    if not chart.has_account(account):
        try:
            account = chart.role(account)
        except ValidationError:
            raise reader.fail(
                item["account"],
                f"{path}.account",
                t(
                    "budget.no_account_or_role",
                    account=repr(account),
                    chart=repr(chart.key),
                    examples=", ".join(a.code for a in chart.accounts[:4]),
                ),
            ) from None
    fringes: list[str] = []
    if "fringes" in item:
        for index, fringe in enumerate(reader.sequence(item["fringes"], f"{path}.fringes")):
            key = reader.text(fringe, f"{path}.fringes[{index}]")
            if key not in fringe_keys:
                raise reader.fail(
                    fringe,
                    f"{path}.fringes[{index}]",
                    unknown_fringe(key, fringe_keys),
                )
            fringes.append(key)
    currency = (
        reader.currency(item["currency"], f"{path}.currency")
        if "currency" in item
        else settings.currency
    )
    description = reader.text(item["description"], f"{path}.description")
    amount, amount_global = _number_or_global(reader, item, "amount", path)
    quantity, quantity_global = _number_or_global(reader, item, "quantity", path)
    return DetailLine(
        account=account,
        description=description,
        description_vi=reader.text(item["description_vi"], f"{path}.description_vi")
        if "description_vi" in item
        else "",
        amount=amount,
        quantity=quantity,
        amount_global=amount_global,
        quantity_global=quantity_global,
        unit=reader.text(item["unit"], f"{path}.unit") if "unit" in item else "allow",
        rate=Money(reader.decimal(item["rate"], f"{path}.rate"), currency),
        multiplier=reader.decimal(item["multiplier"], f"{path}.multiplier")
        if "multiplier" in item
        else Decimal(1),
        labour=reader.boolean(item["labour"], f"{path}.labour") if "labour" in item else False,
        fringes=tuple(fringes),
        origin=LineOrigin.CONFIG,
    )


GLOBALS = (
    "shoot_days",
    "shoot_weeks",
    "work_days_per_week",
    "prep_weeks",
    "wrap_weeks",
    "post_weeks",
    "crew_prep_days",
    "crew_wrap_days",
    "cast_members",
    "extras_days",
)


def _number_or_global(
    reader: Reader, item: dict[str, yaml.Node], name: str, path: str
) -> tuple[Decimal, str]:
    """A number, or the name of a budget global (``quantity: shoot_weeks``) resolved per schedule."""
    if name not in item:
        return Decimal(1), ""
    node = item[name]
    if isinstance(node, yaml.ScalarNode) and str(node.value).strip() in GLOBALS:
        return Decimal(0), str(node.value).strip()
    if (
        isinstance(node, yaml.ScalarNode)
        and str(node.value).strip().replace("_", "").isidentifier()
    ):
        raise reader.fail(
            node,
            f"{path}.{name}",
            t("budget.number_or_global", globals=", ".join(GLOBALS)),
        )
    return reader.decimal(node, f"{path}.{name}"), ""


def _describe_defaults(settings: BudgetSettings, *, explicit: set[str]) -> tuple[str, ...]:
    notes: list[str] = []
    card = settings.rate_card
    if "rate_card" not in explicit:
        notes.append(t("budget.default.rate_card", key=repr(card.key), name=card.name))
    if "chart" not in explicit:
        notes.append(t("budget.default.chart", key=repr(settings.chart.key)))
    if card.placeholders:
        notes.append(
            t("budget.default.placeholders", count=len(card.placeholders), total=len(card.rates))
        )
    rate = settings.exchange_rate
    if rate is not None and "exchange_rate" not in explicit:
        note = t(
            "budget.default.exchange_rate",
            rate=rate.rate,
            quote=rate.quote,
            base=rate.base,
            date=rate.as_of,
        )
        if rate.placeholder:
            note = t("budget.default.placeholder", note=note)
        notes.append(note)
    return tuple(notes)
