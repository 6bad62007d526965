"""The budget's vocabulary: charts of accounts, detail lines, fringes, globals, a budget version.

A line producer's budget is a tree: a *chart of accounts* groups accounts (``1400 Cast``) into
categories (above the line, below the line, post, other); each account holds *detail lines*
(``amount × units × multiplier × rate``, in a currency); *fringes* (payroll taxes, union pension
and health, compulsory insurance) are percentages charged on the lines of a line, an account or
a category; *globals* (shoot days, shoot weeks, prep weeks) are the named numbers lines refer
to. A :class:`Budget` is one version: its currency and the exchange rate (with its date) used to
bring foreign-currency lines into it. Totals are computed by :mod:`filmpark.budget.compute`;
nothing here is mutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import Enum

from filmpark.errors import ValidationError
from filmpark.text import Text, compose, t
from filmpark.units import CURRENCY_DECIMALS, Money


@dataclass(frozen=True, slots=True)
class AccountCategory:
    """A block of the top sheet (``above_the_line`` …) with the account its fringes land in."""

    key: str
    label_en: str
    label_vi: str
    fringe_account: str | None = None


@dataclass(frozen=True, slots=True)
class Account:
    """One account of a chart (``1400`` Cast / Diễn viên) in its category."""

    code: str
    name_en: str
    name_vi: str
    category: str

    def name(self, lang: str = "en") -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart of accounts: categories in top-sheet order, accounts in code order.

    ``contingency_percent`` and ``bond_percent`` are the chart's defaults (a production
    config overrides them).
    """

    key: str
    name: str
    categories: tuple[AccountCategory, ...]
    accounts: tuple[Account, ...]
    contingency_percent: Decimal = Decimal(10)
    bond_percent: Decimal = Decimal(0)
    source: str = ""
    roles: tuple[tuple[str, str], ...] = ()

    def role(self, name: str) -> str:
        """The account code the schedule-driven lines of ``name`` (``cast``, ``catering``) post to."""
        for role, code in self.roles:
            if role == name:
                return code
        raise ValidationError(
            "chart",
            t("chart.no_role", chart=repr(self.key), role=repr(name)),
        )

    def account(self, code: str) -> Account:
        for account in self.accounts:
            if account.code == code:
                return account
        raise ValidationError(
            "account",
            t(
                "chart.no_account",
                code=repr(code),
                chart=repr(self.key),
                expected=", ".join(a.code for a in self.accounts),
            ),
        )

    def has_account(self, code: str) -> bool:
        return any(account.code == code for account in self.accounts)

    def category(self, key: str) -> AccountCategory:
        for category in self.categories:
            if category.key == key:
                return category
        raise ValidationError(
            "category", t("chart.no_category", key=repr(key), chart=repr(self.key))
        )


class FringeScope(Enum):
    """What a fringe is charged on: named lines, a whole account, or a whole category."""

    LINE = "line"
    ACCOUNT = "account"
    CATEGORY = "category"


@dataclass(frozen=True, slots=True)
class Fringe:
    """A percentage charged on labour (``Compulsory insurance 21.5%``).

    ``scope`` and ``targets`` say where it applies: LINE — lines whose ``fringes`` name this
    fringe's key; ACCOUNT — every labour line of the account codes in ``targets``; CATEGORY —
    every labour line of the categories in ``targets``.
    """

    key: str
    name_en: str
    name_vi: str
    percent: Decimal
    scope: FringeScope = FringeScope.LINE
    targets: tuple[str, ...] = ()
    source: str = ""
    placeholder: bool = False

    def __post_init__(self) -> None:
        if self.percent < 0:
            raise ValidationError(
                t("field.fringe", key=self.key), t("budget.negative_percent", value=self.percent)
            )


@dataclass(frozen=True, slots=True)
class ExchangeRate:
    """``rate`` units of ``quote`` for one unit of ``base``, as published on ``as_of``."""

    base: str
    quote: str
    rate: Decimal
    as_of: date
    source: str = ""
    placeholder: bool = False

    def __post_init__(self) -> None:
        for name in (self.base, self.quote):
            if name not in CURRENCY_DECIMALS:
                raise ValidationError(
                    "exchange_rate",
                    t(
                        "value.unknown_currency",
                        currency=repr(name),
                        expected=", ".join(sorted(CURRENCY_DECIMALS)),
                    ),
                )
        if self.rate <= 0:
            raise ValidationError("exchange_rate", t("budget.rate_positive", rate=self.rate))

    def factor(self, from_currency: str, to_currency: str) -> Decimal:
        """The multiplier that turns an amount in ``from_currency`` into ``to_currency``."""
        if from_currency == to_currency:
            return Decimal(1)
        if (from_currency, to_currency) == (self.base, self.quote):
            return self.rate
        if (from_currency, to_currency) == (self.quote, self.base):
            return Decimal(1) / self.rate
        raise ValidationError(
            "exchange_rate",
            t(
                "budget.no_exchange",
                source=from_currency,
                target=to_currency,
                base=self.base,
                quote=self.quote,
            ),
        )


class LineOrigin(Enum):
    """Where a detail line came from: the schedule, a rate card allowance, the config, a person."""

    SCHEDULE = "schedule"
    RATE_CARD = "rate_card"
    CONFIG = "config"
    HUMAN = "human"


@dataclass(frozen=True, slots=True)
class DetailLine:
    """``amount × units × multiplier × rate`` in ``rate.currency``: ``2 × 18 days × 1 × 1,500,000``.

    ``amount`` counts people or items, ``quantity`` the units (days, weeks, allow) they are
    paid for, ``multiplier`` a premium or share (``1.5`` for overtime). ``labour`` marks
    wages, the lines fringes are charged on. ``fringes`` names line-scoped fringes.
    """

    account: str
    description: str
    amount: Decimal
    quantity: Decimal
    unit: str
    rate: Money
    multiplier: Decimal = Decimal(1)
    labour: bool = False
    fringes: tuple[str, ...] = ()
    origin: LineOrigin = LineOrigin.SCHEDULE
    note: str = ""
    placeholder: bool = False
    description_vi: str = ""
    premium: bool = False  # an overtime / night / rest-day / holiday premium line
    amount_global: str = ""  # when set, ``amount`` is the budget global of that name
    quantity_global: str = ""  # when set, ``quantity`` is the budget global of that name

    def with_globals(self, values: dict[str, Decimal]) -> DetailLine:
        """This line with ``amount`` / ``quantity`` taken from the named globals."""
        changes: dict[str, Decimal] = {}
        for field_name, name in (
            ("amount", self.amount_global),
            ("quantity", self.quantity_global),
        ):
            if name:
                if name not in values:
                    raise ValidationError(
                        compose("{line}: {field}", line=self.description, field=field_name),
                        t(
                            "budget.no_global_expected",
                            name=repr(name),
                            expected=", ".join(sorted(values)),
                        ),
                    )
                changes[field_name] = values[name]
        return replace(self, **changes) if changes else self  # type: ignore[arg-type]

    def label(self, lang: str = "en") -> str:
        return self.description_vi if lang == "vi" and self.description_vi else self.description

    def __post_init__(self) -> None:
        for name in ("amount", "quantity", "multiplier"):
            value = getattr(self, name)
            if not isinstance(value, Decimal):
                raise ValidationError(
                    compose("{line}: {field}", line=self.description, field=name),
                    t("budget.must_be_decimal"),
                )
            if value < 0:
                raise ValidationError(
                    compose("{line}: {field}", line=self.description, field=name),
                    t("budget.negative_value", value=value),
                )
        if self.rate.amount < 0:
            raise ValidationError(
                compose("{line}: {field}", line=self.description, field="rate"),
                t("budget.negative_value", value=self.rate),
            )

    def total(self, currency: str, exchange: ExchangeRate | None) -> Money:
        """The line in the budget's ``currency``, rounded once to its minor unit."""
        factor = Decimal(1)
        if self.rate.currency != currency:
            if exchange is None:
                raise ValidationError(
                    "exchange_rate",
                    t(
                        "budget.line_currency",
                        line=repr(self.description),
                        line_currency=self.rate.currency,
                        currency=currency,
                    ),
                )
            factor = exchange.factor(self.rate.currency, currency)
        raw = self.amount * self.quantity * self.multiplier * self.rate.amount * factor
        return Money(raw, currency).rounded()


@dataclass(frozen=True, slots=True)
class Budget:
    """One budget version: chart, currency, exchange rate and date, globals, fringes and lines."""

    title: str
    chart: Chart
    currency: str
    lines: tuple[DetailLine, ...]
    fringes: tuple[Fringe, ...] = ()
    globals: tuple[tuple[str, Decimal], ...] = ()
    exchange_rate: ExchangeRate | None = None
    contingency_percent: Decimal = Decimal(10)
    bond_percent: Decimal = Decimal(0)
    version: str = "1"
    prepared_on: date | None = None
    notes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.currency not in CURRENCY_DECIMALS:
            raise ValidationError(
                "currency",
                t(
                    "value.unknown_currency",
                    currency=repr(self.currency),
                    expected=", ".join(sorted(CURRENCY_DECIMALS)),
                ),
            )
        for line in self.lines:
            self.chart.account(line.account)
        for name, value in (("contingency", self.contingency_percent), ("bond", self.bond_percent)):
            if value < 0:
                raise ValidationError(name, t("budget.negative_percent", value=value))

    def global_value(self, name: str) -> Decimal:
        for key, value in self.globals:
            if key == name:
                return value
        raise ValidationError("globals", t("budget.no_global", name=repr(name)))


def unknown_fringe(key: str, known: set[str]) -> Text:
    """Why ``key`` is not a fringe here, naming the ones that are."""
    if not known:
        return t("budget.unknown_fringe_none", key=repr(key))
    return t("budget.unknown_fringe", key=repr(key), expected=", ".join(sorted(known)))
