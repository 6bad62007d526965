"""Text helpers for extraction: tokens with spans, sentences, English noun lemmas, folding.

Vietnamese is compared after NFC normalisation (scripts typed on different keyboards mix
composed and decomposed diacritics); :func:`strip_diacritics` gives the accent-free form a
script typed without diacritics uses. English nouns are lemmatised with ``lemminflect`` so
``CUSTOMERS`` and ``customer`` meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from lemminflect import getInflection, getLemma

# A word: letters or digits, with inner apostrophes, hyphens or dots (``zip-lock``, ``MR.``
# is handled by the caller, ``16mm``, ``cát-xét``). Emphasis marks (``*``, ``_``) split words.
_TOKEN_RE = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?", re.UNICODE)
_SENTENCE_END_RE = re.compile(r"[.!?:;]+(?=\s|$)|[\n]")

VIETNAMESE_LETTERS = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


class Token(NamedTuple):
    """A word of a line: its text, its span in the line and its sentence number.

    A named tuple rather than a dataclass: a 120-page script has ~100,000 of them.
    """

    text: str
    start: int
    end: int
    sentence: int
    lower: str
    is_upper: bool = False  # ``CUSTOMERS``, ``MR``
    is_title: bool = False  # ``Tuan``, ``Rain``


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    """``Đài bán dẫn`` -> ``Dai ban dan`` (for scripts typed without diacritics)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@lru_cache(maxsize=16384)
def tokenize(line: str) -> tuple[Token, ...]:
    """The words of one line with their spans; sentences are numbered from 0."""
    boundaries = []
    for mark in _SENTENCE_END_RE.finditer(line):
        # A dot that ends an honorific (``MR.``) or a single initial does not end a sentence.
        word = _LAST_WORD_RE.search(line, max(0, mark.start() - 12), mark.start())
        if word is None or word.group(0).upper() not in _NO_BREAK_ABBREVIATIONS:
            boundaries.append(mark.start())
    tokens: list[Token] = []
    sentence = 0
    bound_index = 0
    total = len(boundaries)
    for match in _TOKEN_RE.finditer(line):
        position = match.start()
        while bound_index < total and boundaries[bound_index] < position:
            sentence += 1
            bound_index += 1
        text = match.group(0).replace("’", "'")
        upper = text.isupper()
        tokens.append(
            Token(
                text,
                position,
                match.end(),
                sentence,
                text.lower(),
                upper and any(ch.isalpha() for ch in text),
                text[:1].isupper() and not upper,
            )
        )
    return tuple(tokens)


_LAST_WORD_RE = re.compile(r"\w+$")
_NO_BREAK_ABBREVIATIONS = frozenset({"MR", "MRS", "MS", "DR", "ST", "JR", "SR", "NO", "VS"})


_LETTER_RE = re.compile(r"[^\W\d_]", re.UNICODE)
_VIETNAMESE_RE = re.compile("[" + "".join(sorted(VIETNAMESE_LETTERS)) + "]")


def looks_vietnamese(text: str) -> bool:
    """True when a text has a real share of Vietnamese-only letters."""
    lowered = nfc(text).lower()
    letters = len(_LETTER_RE.findall(lowered))
    if not letters:
        return False
    return len(_VIETNAMESE_RE.findall(lowered)) / letters > 0.04


_IRREGULAR_PLURALS = {
    "men": "man", "women": "woman", "children": "child", "people": "people", "mice": "mouse",
    "geese": "goose", "teeth": "tooth", "feet": "foot", "oxen": "ox", "lice": "louse",
    "policemen": "policeman", "policewomen": "policewoman", "firemen": "fireman",
    "fishermen": "fisherman", "businessmen": "businessman", "gentlemen": "gentleman",
    "henchmen": "henchman", "townsfolk": "townsfolk", "dice": "dice", "knives": "knife",
    "wives": "wife", "lives": "life", "leaves": "leaf", "loaves": "loaf", "shelves": "shelf",
    "thieves": "thief", "wolves": "wolf", "halves": "half", "calves": "calf", "scarves": "scarf",
}  # fmt: skip


# Frequent Vietnamese words as typed without diacritics (rare as English words).
_PLAIN_VIETNAMESE = frozenset(
    [
        "mot",
        "nhung",
        "cac",
        "cua",
        "va",
        "trong",
        "nguoi",
        "khong",
        "duoc",
        "chiec",
        "cai",
        "con",
        "dang",
        "roi",
        "nay",
        "kia",
        "ong",
        "ba",
        "anh",
        "chi",
        "em",
        "toi",
        "minh",
        "cung",
        "nhu",
        "thi",
        "ma",
        "nhin",
        "ngoi",
        "dung",
        "di",
        "den",
        "ra",
        "vao",
        "len",
        "xuong",
        "tay",
        "mat",
        "nha",
    ]
)


def looks_plain_vietnamese(text: str) -> bool:
    """True for Vietnamese typed without diacritics (``Na dat mot chiec xe may``)."""
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < 5:
        return False
    return sum(1 for w in words if w in _PLAIN_VIETNAMESE) / len(words) > 0.2


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """The singular of an English noun (``customers`` -> ``customer``), lower case.

    Only words that can be plurals are looked up (``lemminflect``'s dictionary, then the
    regular endings): the rest of the text is returned as it is, which keeps a 120-page
    script's lemmas to a few milliseconds.
    """
    lower = word.lower()
    irregular = _IRREGULAR_PLURALS.get(lower)
    if irregular is not None:
        return irregular
    if "-" in lower:
        # ``t-shirts`` -> ``t-shirt``: the last part carries the plural.
        head, _, last = lower.rpartition("-")
        return f"{head}-{noun_lemma(last)}" if last else lower
    if len(lower) < 4 or not lower.endswith("s") or not lower.isascii() or not lower.isalpha():
        return lower
    if lower.endswith(("ss", "us", "is")):
        return lower
    lemmas = getLemma(lower, upos="NOUN", lemmatize_oov=False)
    if lemmas:
        return str(lemmas[0])
    if lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "zes", "sses")):
        return lower[:-2]
    return lower[:-1]


@lru_cache(maxsize=64)
def _prefixes(verbs: frozenset[str]) -> frozenset[str]:
    return frozenset(v[:3] for v in verbs)


def verb_in(word: str, verbs: frozenset[str]) -> bool:
    """True when ``word`` is an inflection of one of ``verbs`` (``swings`` -> ``swing``)."""
    return verb_base(word, verbs) is not None


def verb_base(word: str, verbs: frozenset[str]) -> str | None:
    """The member of ``verbs`` that ``word`` inflects (``YOWLS`` -> ``yowl``), or None."""
    lower = word.lower()
    if lower in verbs:
        return lower
    if lower[:3] not in _prefixes(verbs):
        return None
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                         ("es", ""), ("s", ""), ("ies", "y"), ("ied", "y")):  # fmt: skip
        if lower.endswith(suffix) and len(lower) > len(suffix) + 1:
            stem = lower[: -len(suffix)] + repl
            if stem in verbs:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs:
                return stem[:-1]
    return None


@lru_cache(maxsize=8192)
def verb_lemma(word: str) -> str:
    lower = word.lower()
    if not lower.isascii() or not lower.isalpha():
        return lower
    lemmas = getLemma(lower, upos="VERB", lemmatize_oov=True)
    return lemmas[0] if lemmas else lower


@lru_cache(maxsize=4096)
def gerund(verb: str) -> str:
    forms = getInflection(verb, tag="VBG")
    return forms[0] if forms else verb + "ing"


def singular_phrase(phrase: str) -> str:
    """A noun phrase with its last word singular: ``red plastic stools`` -> ``red plastic stool``."""
    words = phrase.split()
    if not words:
        return phrase
    words[-1] = noun_lemma(words[-1])
    return " ".join(words)
