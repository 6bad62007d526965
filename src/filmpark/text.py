"""Words a user reads, in English and Vietnamese: the message value of the whole product.

Every message filmpark shows a person (an error's cause, a reader's diagnostic, a conflicting
rule, a line the CLI prints) is a :class:`Text`. A ``Text`` *is* a ``str`` whose value is the
English rendering, so ``str()``, f-strings, JSON documents and logs keep reading English as
before; :meth:`Text.in_` renders it in the reader's language. The edges (CLI, pages, API)
choose the language; the engine never does.

Texts are made from the templates of :mod:`filmpark.catalogue`, one English and one Vietnamese
template per key with the same named placeholders::

    t("screenplay.no_scene", number="12A")            # "no scene 12A in the script"
    t("screenplay.no_scene", number="12A").in_("vi")  # "kịch bản không có cảnh 12A"

Parameters are rendered in the same language as the message: a parameter that is itself a
``Text`` (or anything with an ``in_(lang)`` method, such as :class:`~filmpark.units.Money`)
renders in that language, numbers take the language's separators (``1,5 h`` in Vietnamese),
and everything else (file names, scene numbers, people's names) is user data, shown as given.

:func:`compose` joins texts with punctuation only (``"{source}:{line}: {message}"``) and
:func:`join` lists them; :func:`verbatim` wraps a string that comes from outside filmpark (an
operating-system or library message, a stored document) and reads the same in every language;
:func:`bilingual` wraps a name whose data carries both languages (a category's label).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol

from filmpark.catalogue import CATALOGUE

LANGUAGES: tuple[str, ...] = ("en", "vi")
DEFAULT_LANGUAGE = "en"

# The parameter that picks an English plural template: ``{count} scene`` / ``{count} scenes``.
PLURAL_PARAMETER = "count"

_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})


class Localizable(Protocol):
    """A value that knows how to read in each language (a :class:`Text`, an amount of money)."""

    def in_(self, lang: str) -> str: ...


class _VietnameseNumber:
    """A number as Vietnamese writes it: ``1.234.567`` and ``1,5`` (CLDR vi)."""

    __slots__ = ("value",)

    def __init__(self, value: int | float | Decimal) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec).translate(_SWAP_SEPARATORS)


def _in_vietnamese(value: object) -> object:
    if type(value) is str:
        return value
    render = getattr(value, "in_", None)
    if render is not None:
        return render("vi")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return _VietnameseNumber(value)
    return value


def _render(template: str, lang: str, params: Mapping[str, object]) -> str:
    # English is every parameter's own str() (a Text's value is its English), so plain
    # str.format is exact; Vietnamese first renders each parameter in Vietnamese.
    if lang == "vi":
        return template.format_map({name: _in_vietnamese(v) for name, v in params.items()})
    return template.format_map(params)


class Text(str):
    """A message in English and Vietnamese; its ``str`` value is the English rendering.

    Build one with :func:`t` (a catalogue entry), :func:`compose`, :func:`join` or
    :func:`verbatim`, never directly.
    """

    key: str | None
    en: str
    vi: str
    en_plural: str | None
    params: Mapping[str, object]

    def __new__(
        cls,
        en: str,
        vi: str,
        params: Mapping[str, object] | None = None,
        *,
        key: str | None = None,
        en_plural: str | None = None,
    ) -> Text:
        values = dict(params or {})
        english = _render(_english_template(en, en_plural, values), "en", values)
        self = super().__new__(cls, english)
        self.key = key
        self.en = en
        self.vi = vi
        self.en_plural = en_plural
        self.params = values
        return self

    def in_(self, lang: str) -> str:
        """This message in ``lang`` (``"en"`` or ``"vi"``; anything else reads English)."""
        if lang != "vi":
            # The English rendering was made once, when the text was built.
            return str.__str__(self)
        return _render(self.vi, "vi", self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        # Texts travel inside errors between processes (jobs): rebuild them from their parts.
        return (_rebuild, (self.en, self.vi, dict(self.params), self.key, self.en_plural))

    def __repr__(self) -> str:
        return f"Text({self.key or 'text'}: {str.__repr__(self)})"


def _english_template(en: str, en_plural: str | None, params: Mapping[str, object]) -> str:
    if en_plural is not None and params.get(PLURAL_PARAMETER) != 1:
        return en_plural
    return en


def _rebuild(
    en: str, vi: str, params: dict[str, object], key: str | None, en_plural: str | None
) -> Text:
    return Text(en, vi, params, key=key, en_plural=en_plural)


def t(key: str, /, **params: object) -> Text:
    """The catalogue message ``key`` with its named ``params``.

    Raises :class:`KeyError` for an unknown key (a programming error that the catalogue test
    catches before it ships).
    """
    entry = CATALOGUE[key]
    en_plural = entry[2] if len(entry) == 3 else None
    return Text(entry[0], entry[1], params, key=key, en_plural=en_plural)


def compose(template: str, /, **params: object) -> Text:
    """Texts joined by punctuation only, e.g. ``compose("{path}: {cause}", path=p, cause=c)``.

    The template may hold no words (no letters outside its placeholders), so nothing that needs
    translating can hide in it.
    """
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        if any(ch.isalpha() for ch in literal):
            raise ValueError(f"compose() takes punctuation only, not words: {template!r}")
        del field
    return Text(template, template, params)


def join(separator: str, items: Iterable[object]) -> Text:
    """``items`` (texts, localizable values or user data) separated by ``separator``."""
    values = {f"item{index}": item for index, item in enumerate(items)}
    escaped = separator.replace("{", "{{").replace("}", "}}")
    return compose(escaped.join("{" + name + "}" for name in values), **values)


def bilingual(en: str, vi: str) -> Text:
    """A name whose own data gives it in both languages (a breakdown category's label)."""
    return Text("{en}", "{vi}", {"en": en, "vi": vi})


def verbatim(value: str) -> Text:
    """A string from outside filmpark (a library's message, a stored document): as given."""
    return Text("{value}", "{value}", {"value": str(value)})


def localize(value: object, lang: str) -> str:
    """``value`` in ``lang`` when it is a :class:`Text` (or localizable), else ``str(value)``."""
    render = getattr(value, "in_", None)
    if render is not None:
        return str(render(lang))
    return str(value)


def normalise_language(value: str | None) -> str | None:
    """``"vi-VN"``, ``"VI"``, ``"vi_VN.UTF-8"`` -> ``"vi"``; None for a language we do not offer."""
    if not value:
        return None
    code = value.strip().replace("_", "-").split(".")[0].split("-")[0].lower()
    return code if code in LANGUAGES else None


def language_from_environment(environ: Mapping[str, str]) -> str:
    """The reader's language from the environment: ``FILMPARK_LANG``, else the locale.

    The locale is read as POSIX does for messages: the first of ``LC_ALL``, ``LC_MESSAGES``
    and ``LANG`` that is set decides; one starting with ``vi`` means Vietnamese.
    """
    chosen = normalise_language(environ.get("FILMPARK_LANG"))
    if chosen:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "vi" if value.strip().lower().startswith("vi") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def language_from_accept(header: str | None) -> str | None:
    """The first language we offer from an ``Accept-Language`` header, by the client's weights."""
    if not header:
        return None
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        pieces = part.strip().split(";")
        weight = 1.0
        for param in pieces[1:]:
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weighted.append((-weight, position, pieces[0]))
    for negative_weight, _position, tag in sorted(weighted):
        code = normalise_language(tag)
        if code and negative_weight < 0:
            return code
    return None
