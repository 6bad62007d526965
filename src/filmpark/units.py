"""Value types of the trade: page :class:`Eighths`, :class:`Money` and :class:`SceneNumber`.

A page length is never a float (``1 3/8`` pages is eleven eighths) and money is never a float
(Decimal plus an ISO 4217 currency code, rounded once, where a line is totalled).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import total_ordering

from filmpark.errors import ValidationError
from filmpark.text import t

_VI_SEPARATORS = str.maketrans({",": ".", ".": ","})
_EIGHTHS_RE = re.compile(r"^\s*(?:(\d+)\s+)?(?:(\d+)\s*/\s*8)?\s*$|^\s*(\d+)\s*$")


@dataclass(frozen=True, slots=True, order=True)
class Eighths:
    """A length of script in eighths of a page: ``Eighths(11)`` prints ``1 3/8``."""

    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValidationError("eighths", t("value.negative_length", value=self.value))

    @classmethod
    def parse(cls, text: str) -> Eighths:
        """Read ``"1 3/8"``, ``"3/8"`` or ``"2"`` (as written on breakdown sheets and in FDX)."""
        match = _EIGHTHS_RE.match(text)
        if not match or not text.strip():
            raise ValidationError("eighths", t("value.not_page_length", text=repr(text)))
        whole, frac, only_whole = match.groups()
        if only_whole is not None:
            return cls(int(only_whole) * 8)
        return cls(int(whole or 0) * 8 + int(frac or 0))

    @classmethod
    def from_pages(cls, pages: int) -> Eighths:
        return cls(pages * 8)

    @property
    def pages(self) -> int:
        """Whole pages."""
        return self.value // 8

    @property
    def remainder(self) -> int:
        """Eighths beyond the whole pages."""
        return self.value % 8

    def __add__(self, other: Eighths) -> Eighths:
        return Eighths(self.value + other.value)

    def __str__(self) -> str:
        if self.value == 0:
            return "0"
        whole, rest = divmod(self.value, 8)
        if rest == 0:
            return str(whole)
        if whole == 0:
            return f"{rest}/8"
        return f"{whole} {rest}/8"

    def __int__(self) -> int:
        return self.value


# ISO 4217 minor units of the currencies a production here deals with. VND has a minor unit
# (hào, xu) on paper but none in practice; budgets round it to whole dong.
CURRENCY_DECIMALS: dict[str, int] = {
    "VND": 0,
    "USD": 2,
    "EUR": 2,
    "GBP": 2,
    "JPY": 0,
    "KRW": 0,
    "CNY": 2,
    "THB": 2,
    "SGD": 2,
    "AUD": 2,
    "CAD": 2,
    "HKD": 2,
    "TWD": 2,
}


def _quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-CURRENCY_DECIMALS[currency])


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money in one currency. Arithmetic never mixes currencies.

    Amounts keep full precision until :meth:`rounded` (a budget rounds once per detail line).
    """

    amount: Decimal
    currency: str

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
        if not isinstance(self.amount, Decimal):  # a caller without type checking
            object.__setattr__(self, "amount", Decimal(str(self.amount)))  # type: ignore[unreachable]
        if not self.amount.is_finite():
            raise ValidationError("amount", t("value.not_finite_amount", amount=str(self.amount)))

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        """Build from a decimal string or an int (never a float: ``Money.of("12.50", "USD")``)."""
        try:
            value = Decimal(str(amount).replace(",", "").replace("_", "").strip())
        except InvalidOperation:
            raise ValidationError("amount", t("value.not_a_number", value=repr(amount))) from None
        return cls(value, currency.upper())

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValidationError(
                "currency",
                t("value.currency_mix", left=self.currency, right=other.currency),
            )

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, float):
            raise ValidationError("factor", t("value.float_factor"))
        return Money(self.amount * Decimal(factor), self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    def rounded(self) -> Money:
        """Rounded half-up to the currency's minor unit (whole dong, US cents)."""
        return Money(self.amount.quantize(_quantum(self.currency), ROUND_HALF_UP), self.currency)

    def convert(self, currency: str, rate: Decimal) -> Money:
        """This amount in ``currency`` at ``rate`` units of ``currency`` per unit of ours."""
        return Money(self.amount * rate, currency.upper())

    def to_decimal_string(self) -> str:
        """The rounded amount as a plain decimal string (``"1234567.00"``), as JSON carries it."""
        return format(self.rounded().amount, "f")

    def __str__(self) -> str:
        value = self.rounded().amount
        decimals = CURRENCY_DECIMALS[self.currency]
        text = f"{value:,.{decimals}f}"
        return f"{text} {self.currency}"

    def in_(self, lang: str) -> str:
        """As a message reads it: ``1,234,567 VND`` in English, ``1.234.567 VND`` in Vietnamese."""
        text = str(self)
        return text.translate(_VI_SEPARATORS) if lang == "vi" else text


_SCENE_NUMBER_RE = re.compile(r"^([A-Z]*)(\d+)([A-Z]*)(?:[.\-]?(\d+))?$")


@total_ordering
@dataclass(frozen=True, slots=True)
class SceneNumber:
    """A scene number as the script prints it: ``12``, ``12A``, ``A12``, ``12.1``.

    Orders the way a locked script does (12 < 12A < 12B < 13) and keeps any other text as
    written (compared as text, after every numbered scene).
    """

    text: str

    def __post_init__(self) -> None:
        cleaned = self.text.strip()
        if not cleaned:
            raise ValidationError(t("field.scene_number"), t("value.empty_scene_number"))
        object.__setattr__(self, "text", cleaned)

    def _key(self) -> tuple[int, int, str, str, int, str]:
        match = _SCENE_NUMBER_RE.match(self.text.upper())
        if not match:
            return (1, 0, "", "", 0, self.text)
        prefix, digits, suffix, sub = match.groups()
        return (0, int(digits), prefix, suffix, int(sub or 0), "")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, SceneNumber):
            return NotImplemented
        return self._key() < other._key()

    def inserted_after(self, taken: set[str] | frozenset[str] = frozenset()) -> SceneNumber:
        """The number for a scene added after this one in a locked script (12 -> 12A -> 12B)."""
        base = self.text.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or self.text
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            candidate = f"{base}{letter}"
            if candidate not in taken and SceneNumber(candidate) > self:
                return SceneNumber(candidate)
        raise ValidationError(
            t("field.scene_number"), t("value.no_free_scene_number", number=self.text)
        )

    def __str__(self) -> str:
        return self.text
