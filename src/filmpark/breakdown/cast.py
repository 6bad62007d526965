"""Who is in the script: the cast roster, how each character is mentioned, alias suggestions.

Cast comes from character cues, from capitalised first appearances in the action
(``KHOA (25), a slab of a man``) and from later mentions by name. An unnamed, non-speaking
individual (``SECOND OFFICER (40s)``) is an extra, not cast. Names that look like one person
(``MRS. PHUONG`` / ``PHUONG``, ``YOUNG TUAN`` / ``TUAN``, ``MR. LOC (70s), the CARETAKER``)
are *suggested* as aliases; they are never merged without a person's decision.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from filmpark.breakdown.lexicon import Lexicon
from filmpark.breakdown.model import AliasSuggestion
from filmpark.breakdown.text import Token, nfc, noun_lemma, tokenize, verb_in
from filmpark.screenplay.model import ElementKind, Script
from filmpark.text import t

# A parenthetical right after a capitalised name that gives an age: ``(25)``, ``(60s)``,
# ``(mid-40s)``, ``(9 tuổi)``.
_AGE_RE = re.compile(r"^\s*\(\s*(?:early |mid-?|late |khoảng )?\d{1,3}\s*(?:s|'s|tuổi)?\s*\)")
_BODY_KINDS = (ElementKind.ACTION, ElementKind.PARENTHETICAL, ElementKind.SHOT)


@dataclass(slots=True)
class Person:
    """A character of the roster: how many cues, where introduced, whether named."""

    name: str
    cues: int = 0
    introduced: bool = False
    named: bool = True


@dataclass(slots=True)
class Roster:
    """Characters of a script, the extras introduced by capitals, and how to spot mentions."""

    people: dict[str, Person] = field(default_factory=dict)
    extras: dict[str, str] = field(default_factory=dict)  # capitalised phrase -> extra name
    forms: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)  # form -> names
    form_needs_caps: set[tuple[str, ...]] = field(default_factory=set)
    suggestions: tuple[AliasSuggestion, ...] = ()
    max_form: int = 1
    first_words: set[str] = field(default_factory=set)

    def match_at(
        self, tokens: Sequence[Token], start: int, prefer: Iterable[str] = ()
    ) -> tuple[str, int] | None:
        """The character mentioned at ``tokens[start]``, and how many tokens the mention takes.

        When a form fits several characters (``PHUONG`` and ``MRS. PHUONG``), one who speaks
        in the scene (``prefer``) wins, else the one with the most cues.
        """
        if tokens[start].lower not in self.first_words:
            return None
        preferred = set(prefer)
        for length in range(min(self.max_form, len(tokens) - start), 0, -1):
            window = tokens[start : start + length]
            if window[-1].sentence != window[0].sentence:
                continue
            key = tuple(t.lower for t in window)
            names = self.forms.get(key)
            if not names:
                continue
            if key in self.form_needs_caps and not (window[0].is_upper or window[0].is_title):
                continue
            chosen = next((n for n in names if n in preferred), names[0])
            return chosen, length
        return None


def _caps_runs(tokens: Sequence[Token], articles: frozenset[str]) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of consecutive upper-case words in one sentence."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if (
            token.is_upper
            and (len(token.text) > 1 or token.text in ("I",))
            and token.lower not in articles
        ):
            end = index + 1
            while (
                end < len(tokens)
                and tokens[end].is_upper
                and tokens[end].sentence == token.sentence
                and tokens[end].start - tokens[end - 1].end <= 2
            ):
                end += 1
            runs.append((index, end))
            index = end
        else:
            index += 1
    return runs


def name_core(name: str, titles: frozenset[str]) -> tuple[str, ...]:
    """The name without titles, honorifics and age words: ``MRS. PHUONG`` -> ``("phuong",)``."""
    words = [t.lower for t in tokenize(nfc(name))]
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return tuple(words)


def is_person_noun(words: Sequence[str], lexicon: Lexicon, *others: Lexicon) -> bool:
    """True when a phrase is a common noun for a person (``truck driver``, ``bà cụ``)."""
    if not words:
        return False
    if any(_is_person_noun(words, other) for other in others):
        return True
    return _is_person_noun(words, lexicon)


def _is_person_noun(words: Sequence[str], lexicon: Lexicon) -> bool:
    phrase = " ".join(words)
    entry = lexicon.lookup(phrase)
    if entry is not None and entry.category == "extras":
        return True
    persons = lexicon.words("person_heads")
    last = noun_lemma(words[-1]) if lexicon.language == "en" else words[-1]
    if last in persons or words[-1] in persons:
        return True
    tail = lexicon.lookup(words[-1])
    if tail is not None and tail.category == "extras":
        return True
    if len(words) >= 2:
        tail2 = lexicon.lookup(" ".join(words[-2:]))
        if tail2 is not None and tail2.category == "extras":
            return True
    return False


def build_roster(script: Script, lexicon: Lexicon, *others: Lexicon) -> Roster:
    """Read the whole script once: cue names, introductions, titled recurring figures.

    ``lexicon`` is the script's main language; ``others`` are consulted too, for scripts
    that mix languages (a Vietnamese scene in an English script).
    """
    roster = Roster()
    titles = lexicon.words("titles").union(*(o.words("titles") for o in others))
    articles = lexicon.words("articles").union(*(o.words("articles") for o in others))
    cue_counts: Counter[str] = Counter()
    for scene in script.scenes:
        for element in scene.elements:
            if element.kind is ElementKind.CHARACTER and element.name:
                cue_counts[nfc(element.name).upper()] += 1
    for name, count in cue_counts.items():
        roster.people[name] = Person(name, cues=count)

    appositions: list[tuple[str, str]] = []
    for scene in script.scenes:
        for element in scene.elements:
            if element.kind not in _BODY_KINDS:
                continue
            for line in nfc(element.text).split("\n"):
                tokens = tokenize(line)
                for start, end in _caps_runs(tokens, articles):
                    phrase_text = line[tokens[start].start : tokens[end - 1].end].upper()
                    after = line[tokens[end - 1].end :]
                    # ``MR.`` keeps its dot in the name as cues write it.
                    if after.startswith("."):
                        after = after[1:]
                    words = [t.lower for t in tokens[start:end]]
                    titled = _titled_figure(words, lexicon, *others)
                    if not (
                        _AGE_RE.match(after)
                        or titled
                        or _acting_name(line, tokens, start, end, lexicon, *others)
                    ):
                        continue
                    display = " ".join(phrase_text.split())
                    if display in roster.people:
                        roster.people[display].introduced = True
                    else:
                        core = list(words)
                        while len(core) > 1 and core[0] in titles:
                            core = core[1:]
                        # ``BÀ BÁN BÁNH XÈO``: a title, then a trade, is someone unnamed.
                        trade = (
                            len(core) >= 2
                            and len(core) < len(words)
                            and any(core[0] in lex.words("trades") for lex in (lexicon, *others))
                        )
                        named = titled or not (trade or is_person_noun(core, lexicon, *others))
                        if named:
                            roster.people[display] = Person(display, introduced=True)
                        else:
                            roster.extras[display] = " ".join(
                                [*words[:-1], noun_lemma(words[-1])]
                                if lexicon.language == "en"
                                else words
                            )
                    # ``MR. LOC (70s), the CARETAKER``: the role title names the same person.
                    role = re.match(
                        r"^\s*\([^)]*\)\s*,\s*(?:the|a|an|là)?\s*([^\W\d_][^,.;:]*)", after
                    )
                    if role:
                        role_words = role.group(1).split()
                        caps = [w for w in role_words if w.isupper() and len(w) > 1]
                        if caps and len(caps) == len([w for w in role_words if w[:1].isupper()]):
                            appositions.append((display, " ".join(caps)))

    _index_forms(roster, titles)
    roster.suggestions = _suggest_aliases(roster, titles, appositions)
    return roster


def _acting_name(
    line: str,
    tokens: Sequence[Token],
    start: int,
    end: int,
    lexicon: Lexicon,
    *others: Lexicon,
) -> bool:
    """``MINH rows a BOAT``: a capitalised name that opens a sentence and acts.

    Screenwriters capitalise a character's first appearance; a capitalised run that opens a
    sentence, is followed by a lower-case word (the verb) and is no known element, person
    noun or sound is taken as a name.
    """
    if end - start > 3 or end >= len(tokens):
        return False
    first, after = tokens[start], tokens[end]
    if start > 0 and tokens[start - 1].sentence == first.sentence:
        return False
    if after.sentence != first.sentence or not after.text[:1].islower():
        return False
    if line[tokens[end - 1].end : after.start].strip():
        return False  # ``VÀNG, a yellow dog``: punctuation before the next word
    words = [t.lower for t in tokens[start:end]]
    for lex in (lexicon, *others):
        for index in range(start, end):
            if lex.match_at(tokens, index) is not None:
                return False
        if any(
            verb_in(w, lex.words("sound_words"))
            or w in lex.words("ignore_caps")
            or w in lex.words("camera_words")
            for w in words
        ):
            return False
    return not is_person_noun(words, lexicon, *others)


def _titled_figure(words: Sequence[str], lexicon: Lexicon, *others: Lexicon) -> bool:
    """``WOMAN IN WHITE``, ``MAN WITH THE SCAR``: a titled figure is a character."""
    if len(words) < 3 or words[1] not in ("in", "with", "of"):
        return False
    return is_person_noun(words[:1], lexicon, *others)


def _index_forms(roster: Roster, titles: frozenset[str]) -> None:
    by_form: dict[tuple[str, ...], list[str]] = {}
    short_forms: set[tuple[str, ...]] = set()
    cores: dict[tuple[str, ...], list[str]] = {}
    for name in roster.people:
        cores.setdefault(name_core(name, titles), []).append(name)
    for name in roster.people:
        words = tuple(t.lower for t in tokenize(name))
        if not words:
            continue
        # ``BÉ NA (9)`` introduced in the action, ``NA`` in the cues: one person, who is
        # named in the breakdown as she speaks.
        speakers = [n for n in cores.get(name_core(name, titles), []) if roster.people[n].cues]
        if not roster.people[name].cues and speakers:
            by_form.setdefault(words, []).extend(speakers)
            continue
        by_form.setdefault(words, []).append(name)
        core = name_core(name, titles)
        if core != words and core:
            by_form.setdefault(core, []).append(name)
            short_forms.add(core)
    for form, names in by_form.items():
        ranked = sorted(
            set(names),
            key=lambda n: (-roster.people[n].cues, not roster.people[n].introduced, len(n), n),
        )
        roster.forms[form] = tuple(ranked)
        # One-word forms and short forms are common words too (``My``, ``Sau``, ``Na``):
        # they count only when written with a capital.
        if len(form) == 1 or form in short_forms:
            roster.form_needs_caps.add(form)
    roster.max_form = max((len(f) for f in roster.forms), default=1)
    roster.first_words = {form[0] for form in roster.forms}


def _suggest_aliases(
    roster: Roster, titles: frozenset[str], appositions: Iterable[tuple[str, str]]
) -> tuple[AliasSuggestion, ...]:
    groups: dict[tuple[str, ...], list[str]] = {}
    for name in roster.people:
        groups.setdefault(name_core(name, titles), []).append(name)
    suggestions: list[AliasSuggestion] = []
    for core, names in groups.items():
        if len(names) < 2 or not core:
            continue
        canonical = max(
            names, key=lambda n: (roster.people[n].cues, roster.people[n].introduced, len(n))
        )
        others = tuple(sorted(n for n in names if n != canonical))
        suggestions.append(
            AliasSuggestion(
                canonical,
                others,
                t("alias.same_name", core=" ".join(core).upper()),
            )
        )
    for name, role in appositions:
        if role != name and role in roster.people:
            suggestions.append(
                AliasSuggestion(name, (role,), t("alias.introduced_together", name=name, role=role))
            )
    return tuple(suggestions)
