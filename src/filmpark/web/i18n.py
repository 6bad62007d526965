"""Languages of the pages: gettext catalogs, the user's choice, and Vietnamese formats.

The catalogs are the ``.po`` files under ``locale/<lang>/LC_MESSAGES/messages.po`` (extracted
with Babel from the templates and this package, see ``babel.cfg``). They are compiled to the
binary ``.mo`` form in memory the first time a language is used, so no build step is needed to
run from a checkout and no compiled file can drift from its source.

Dates and money follow the reader's language through Babel's CLDR data: Vietnamese readers see
``25/11/2026`` and ``1.234.567 ₫``; English readers see ``25 Nov 2026`` and ``₫1,234,567``.
"""

from __future__ import annotations

import gettext as _gettext
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime as DateTime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date as _babel_format_date
from babel.dates import format_datetime as _babel_format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency as _babel_format_currency
from babel.numbers import format_decimal as _babel_format_decimal
from markupsafe import Markup

from filmpark.text import DEFAULT_LANGUAGE, LANGUAGES, language_from_accept, normalise_language
from filmpark.units import Money

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Translator",
    "language_from_accept",
    "normalise_language",
    "translations",
    "translator",
]

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "vi": "Tiếng Việt"}

# The CLDR locale used for formats; English readers here are mostly international crews,
# so dates read day-month-year to match the Vietnamese documents they sit beside.
_CLDR = {"en": "en_GB", "vi": "vi_VN"}
_DATE_PATTERN = {"en": "d MMM y", "vi": "dd/MM/y"}
_DATETIME_PATTERN = {"en": "d MMM y HH:mm", "vi": "HH:mm dd/MM/y"}


def N_(message: str) -> str:
    """Mark ``message`` for the catalog; it is translated later, where it is shown."""
    return message


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """The compiled catalog of ``language`` (a null catalog for English msgids with no entry)."""
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return _gettext.NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


@dataclass(frozen=True, slots=True)
class Translator:
    """Everything a page needs to speak one language: messages, dates, numbers and money."""

    language: str

    @property
    def cldr(self) -> str:
        return _CLDR[self.language]

    def gettext(self, message: str) -> str:
        """The translation of ``message`` as plain text (for flash messages and headers)."""
        return translations(self.language).gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        """The translation of ``message`` in ``context`` (for short words with two meanings)."""
        return translations(self.language).pgettext(context, message)

    def day_night(self, code: str) -> str:
        """A strip's D/N as the reader writes it: ``D``/``N`` in English, ``Ngày``/``Đêm``."""
        if code == "N":
            return self.pgettext("strip: shot at night", "N")
        if code == "D":
            return self.pgettext("strip: shot by day", "D")
        return code

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return translations(self.language).ngettext(singular, plural, count)

    def markup_gettext(self) -> Callable[..., Markup]:
        """A new-style ``gettext`` for templates: ``_("Hello %(name)s", name=...)``.

        The translation is trusted markup (it comes from our catalogs); the variables are
        escaped by :class:`~markupsafe.Markup`'s ``%`` operator. As in Jinja's new-style
        gettext, the string is always a format string (write ``%%`` for a percent sign).
        """

        def _(message: str, **variables: Any) -> Markup:
            return Markup(self.gettext(message)) % variables

        return _

    def markup_ngettext(self) -> Callable[..., Markup]:
        def ngettext(singular: str, plural: str, num: int, **variables: Any) -> Markup:
            variables.setdefault("num", num)
            return Markup(self.ngettext(singular, plural, num)) % variables

        return ngettext

    def date(self, value: Date | DateTime | None) -> str:
        """``25/11/2026`` in Vietnamese, ``25 Nov 2026`` in English; empty for no date."""
        if value is None:
            return ""
        if isinstance(value, DateTime):
            value = value.date()
        return str(_babel_format_date(value, _DATE_PATTERN[self.language], locale=self.cldr))

    def datetime(self, value: DateTime | None) -> str:
        if value is None:
            return ""
        return str(
            _babel_format_datetime(value, _DATETIME_PATTERN[self.language], locale=self.cldr)
        )

    def weekday(self, value: Date) -> str:
        """The short weekday name (``Mon`` / ``Th 2``)."""
        return str(_babel_format_date(value, "EEE", locale=self.cldr))

    def number(self, value: int | Decimal | float) -> str:
        """``1.234.567`` in Vietnamese, ``1,234,567`` in English."""
        return str(_babel_format_decimal(value, locale=self.cldr))

    def money(self, value: Money | None) -> str:
        """``1.234.567 ₫`` in Vietnamese; cents kept for currencies that have them."""
        if value is None:
            return ""
        rounded = value.rounded()
        # CLDR knows each currency's digits (none for VND, two for USD).
        return str(_babel_format_currency(rounded.amount, rounded.currency, locale=self.cldr))


def translator(language: str | None) -> Translator:
    """The translator of ``language``, falling back to the default language."""
    return Translator(normalise_language(language) or DEFAULT_LANGUAGE)
