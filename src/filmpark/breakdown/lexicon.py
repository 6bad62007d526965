"""The bilingual lexicons: production names by category, read from the data files beside.

``lexicons/<lang>/<category>.tsv`` lists one element a line::

    # comment
    term [TAB production name] [TAB flags]

``term`` is the singular wording to look for (English plurals are found through noun lemmas;
Vietnamese is matched after NFC normalisation, and multi-syllable terms also without
diacritics). ``production name`` defaults to the term. Flags change the category by context:

* ``handled``: set dressing that becomes a prop when a character handles it in the sentence
* ``tool``: a prop that becomes a weapon in a scene where it is raised against a person
* ``group``: a collective person noun (``crowd``) that is an extra even in lower case
* ``firearm``: a gun (firing it adds the ``gunshot`` effect)

``lexicons/<lang>/none.tsv`` lists phrases that are never elements but contain words that
would be (``coffee shop``, ``cửa sổ``): they are read and dropped.

``lexicons/<lang>/rules.yaml`` holds the word lists the phrase rules use (handling verbs,
threat verbs, number words, honorifics, sound words...).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from filmpark.breakdown.categories import ELEMENT_CATEGORIES
from filmpark.breakdown.text import Token, nfc, noun_lemma, strip_diacritics
from filmpark.errors import ConfigError
from filmpark.text import t

LANGUAGES = ("en", "vi")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line: ``term`` found in text -> ``name`` in ``category``."""

    term: str
    category: str
    name: str
    flags: frozenset[str]
    source: str
    line: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon entry found at tokens ``[start, start + length)`` of a line."""

    entry: Entry
    start: int
    length: int
    exact: bool


class Lexicon:
    """All entries of one language, indexed for longest-match lookup over tokens."""

    def __init__(self, language: str, entries: Sequence[Entry], rules: dict[str, Any]) -> None:
        self.language = language
        self.entries = tuple(entries)
        self.rules = rules
        self._raw: dict[tuple[str, ...], Entry] = {}
        self._lemma: dict[tuple[str, ...], Entry] = {}
        self._plain: dict[tuple[str, ...], Entry] = {}
        for entry in self.entries:
            words = tuple(entry.term.split())
            self._raw.setdefault(words, entry)
            if language == "en":
                self._lemma.setdefault(tuple(noun_lemma(w) for w in words), entry)
            elif len(words) >= 2:
                self._plain.setdefault(tuple(strip_diacritics(w) for w in words), entry)
        self.max_words = max((len(e.term.split()) for e in self.entries), default=1)
        # Most words start no entry: a set lookup on the first word skips them quickly.
        self._first_raw = {key[0] for key in self._raw}
        self._first_lemma = {key[0] for key in self._lemma}
        self._first_plain = {key[0] for key in self._plain}
        self._words: dict[str, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def words(self, key: str) -> frozenset[str]:
        """A word list of ``rules.yaml`` as a set of lower-case strings."""
        cached = self._words.get(key)
        if cached is None:
            value = self.rules.get(key, [])
            cached = frozenset(nfc(str(v)).lower() for v in value)
            self._words[key] = cached
        return cached

    def lookup(self, phrase: str) -> Entry | None:
        """The entry for a whole phrase (``"plastic stools"``), if any."""
        words = tuple(nfc(phrase).lower().split())
        found = self._raw.get(words)
        if found is None and self.language == "en":
            found = self._lemma.get(tuple(noun_lemma(w) for w in words))
        if found is None and self.language == "vi" and len(words) >= 2:
            found = self._plain.get(tuple(strip_diacritics(w) for w in words))
        return found

    def match_at(
        self, tokens: Sequence[Token], start: int, limit: int | None = None, *, plain: bool = False
    ) -> Hit | None:
        """The longest entry starting at ``tokens[start]`` (within one sentence).

        ``plain``: the text is Vietnamese typed without diacritics, so multi-syllable terms
        are also compared without theirs. Off for text with diacritics, where ``gang tay``
        (a hand's span) must not read as ``găng tay`` (gloves).
        """
        first = tokens[start].lower
        plain = plain and self.language == "vi"
        if not (
            first in self._first_raw
            or (self.language == "en" and noun_lemma(first) in self._first_lemma)
            or (plain and strip_diacritics(first) in self._first_plain)
        ):
            return None
        end_max = min(len(tokens), start + self.max_words, limit if limit is not None else 10**9)
        sentence = tokens[start].sentence
        end = start
        while end < end_max and tokens[end].sentence == sentence:
            end += 1
        for stop in range(end, start, -1):
            words = tuple(t.lower for t in tokens[start:stop])
            entry = self._raw.get(words)
            if entry is not None:
                return Hit(entry, start, stop - start, True)
            if self.language == "en":
                entry = self._lemma.get(tuple(noun_lemma(w) for w in words))
                if entry is not None:
                    return Hit(entry, start, stop - start, False)
            elif plain and stop - start >= 2:
                entry = self._plain.get(tuple(strip_diacritics(w) for w in words))
                if entry is not None:
                    return Hit(entry, start, stop - start, False)
        return None


def _read_tsv(language: str, category: str, text: str) -> list[Entry]:
    entries: list[Entry] = []
    source = f"lexicons/{language}/{category}.tsv"
    for number, raw in enumerate(text.splitlines(), start=1):
        line = nfc(raw).rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        term = " ".join(parts[0].lower().split())
        name = parts[1].strip() if len(parts) > 1 and parts[1].strip() not in ("", "=") else term
        flags = (
            frozenset(f.strip() for f in parts[2].split(",") if f.strip())
            if len(parts) > 2
            else frozenset()
        )
        if not term:
            raise ConfigError(t("lexicon.empty_term"), line=number, source=source)
        entries.append(Entry(term, category, name.lower(), flags, source, number))
    return entries


@lru_cache(maxsize=4)
def load_lexicon(language: str) -> Lexicon:
    """The shipped lexicon of ``language`` (``"en"`` or ``"vi"``), read once per process."""
    if language not in LANGUAGES:
        raise ConfigError(t("lexicon.no_language", language=repr(language)), key="language")
    folder = resources.files("filmpark.breakdown") / "lexicons" / language
    entries: list[Entry] = []
    for category in (*ELEMENT_CATEGORIES, "none"):
        resource = folder / f"{category}.tsv"
        if resource.is_file():
            entries.extend(_read_tsv(language, category, resource.read_text(encoding="utf-8")))
    rules_resource = folder / "rules.yaml"
    rules: dict[str, Any] = {}
    if rules_resource.is_file():
        # The C loader when libyaml is there: the rules load in a few milliseconds.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        loaded = yaml.load(rules_resource.read_text(encoding="utf-8"), Loader=loader)
        if isinstance(loaded, dict):
            rules = loaded
    return Lexicon(language, entries, rules)
