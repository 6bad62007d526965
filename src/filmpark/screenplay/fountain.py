"""Fountain 1.1: the reader and the writer (https://fountain.io/syntax).

The reader is one pass over the lines after two whole-text passes that take out the boneyard
(``/* ... */``) and the notes (``[[ ... ]]``) while keeping every line number. It is lenient:
nothing a writer types makes it fail, oddities become diagnostics. Beyond the strict spec it
accepts what writers really type (see :mod:`filmpark.screenplay.headings`): headings without a
dot (``INT HOUSE``), with a dash (``EXT-VILLA``), in Vietnamese or Cyrillic, and two headings
with no blank line between them. An exterior-first ``EXT/INT.`` line, which the spec does not
list, is action here with a diagnostic (the plain-text reader takes it as a heading). Emphasis (``*italic*``, ``**bold**``, ``_underline_``) is kept
as marks in the text.

The same engine reads plain text and Word-typed scripts (:mod:`filmpark.screenplay.text`) with
the markup switched off and indentation ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import compress, islice
from operator import attrgetter, not_
from typing import cast

from filmpark.screenplay.assemble import build_script, split_cue
from filmpark.screenplay.headings import (
    FOUNTAIN_PREFIX,
    HEADING_FIRST,
    MAX_HEADING,
    is_heading_candidate,
    split_scene_number,
    unlisted_exterior_first,
)
from filmpark.screenplay.model import (
    Diagnostic,
    DualSide,
    Element,
    ElementKind,
    Script,
    TextRun,
    switched_draft_mirrors,
)
from filmpark.screenplay.paginate import paginate
from filmpark.text import t

_KIND = attrgetter("kind")
_TEXT = attrgetter("text")
_NEWLINES_RE = re.compile(r"\r\n?|\u2028|\u2029")
_BONEYARD_RE = re.compile(r"/\*|\*/")
_TITLE_KEY_RE = re.compile(r"^([^\W\d_][\w '.\-]{0,40}?)[:：][ \t]*(.*)$")
_PAGE_BREAK_RE = re.compile(r"^={3,}\s*$")
_TRANSITION_WORDS = frozenset(
    {
        "FADE IN:",
        "FADE IN.",
        "FADE OUT.",
        "FADE OUT:",
        "FADE OUT",
        "FADE TO BLACK.",
        "FADE TO BLACK:",
        "FADE TO BLACK",
        "CUT TO BLACK.",
        "CUT TO BLACK",
        "SMASH TO BLACK.",
        "MỞ ĐẦU:",
        "CHUYỂN CẢNH:",
        "KẾT THÚC.",
        "HẾT.",
        "THE END",
        "THE END.",
    }
)
_LONGEST_TRANSITION_WORD = max(len(word) for word in _TRANSITION_WORDS)
# Plain-text scripts number scenes in the margin: "12 INT. HOUSE - DAY 12", "CẢNH 3: NỘI. ...".
_MARGIN_NUMBER_RE = re.compile(
    r"^(?:(?:SCENE|CẢNH|SC\.?)\s*)?(\d{1,4}[A-Z]{0,2})(?:[.:)]\s*|\s+)(?=\S)", re.IGNORECASE
)
# The same with the word written out ("Cảnh 12.", "SCENE 4:"): unmistakable, so read in Fountain too.
_WORD_NUMBER_RE = re.compile(
    r"^(?:SCENE|CẢNH|SC\.)\s*(\d{1,4}[A-Z]{0,2})\s*[.:)\-–]?\s+(?=\S)", re.IGNORECASE
)
# The first letters _WORD_NUMBER_RE can match (with the long s that folds to s).
_WORD_NUMBER_FIRST = frozenset("SsCcſ")
# ... and those a heading can start with, numbered or not.
_HEADING_OR_NUMBER_FIRST = HEADING_FIRST | _WORD_NUMBER_FIRST
# What an ASCII line must open with to be a heading, numbered ("SCENE 4: INT. ...") or not: only
# the English prefixes are written in ASCII. Most action lines that start with one of the letters
# above ("Edward...", "Sandra...") fail this one match instead of the full tests.
_ASCII_HEADING_OPENING = re.compile(r"INT|EXT|EST|I\.?\s*/|E\.?\s*/|SCENE|SC\.", re.IGNORECASE)
_PRINT_FURNITURE_RE = re.compile(
    r"^(?:\s{12,}\d{1,3}\.?|\s*\(MORE\)|\s*\(CONTINUED\)|\s*CONTINUED:(?:\s*\(\d+\))?)\s*$"
)
_TRAILING_NUMBER_RE = re.compile(r"\s+(\d{1,4}[A-Z]{0,2})\.?\s*$")
_SENTENCE_END = frozenset('.!?:"”’)…')
_MAX_CUE = 60
# Line openings that are Fountain markup, and those that end an action paragraph early.
_MARKUP = frozenset("=#~>!.")
_INTERRUPTS = frozenset("=~>")
_MAX_UNCASED_CUE = 12
_UNCASED_PUNCTUATION = frozenset("。．.！!？?、，,：:；;「」『』…")
# Title-page keys a typed script uses (English and Vietnamese), lower case.
_TITLE_KEYS = frozenset(
    {
        "title",
        "credit",
        "author",
        "authors",
        "source",
        "draft date",
        "date",
        "contact",
        "copyright",
        "notes",
        "revision",
        "tên phim",
        "tựa phim",
        "tác giả",
        "kịch bản",
        "biên kịch",
        "ngày",
        "liên hệ",
        "phiên bản",
    }
)  # a character cue longer than this is a shouted line of action


def _before_gap(before: str, text: str, after: int, breaks: int) -> str:
    """The text before a removed inline span, without the space doubled by the removal."""
    if not breaks and before.endswith((" ", "\t")) and text[after : after + 1] in (" ", "\t"):
        return before.rstrip(" \t")
    return before


_PAIR_LOOKS = 64  # occurrences of a pair's second character looked at before a plain search


def _has_pair(text: str, pair: str) -> bool:
    """``pair in text`` for the two-character openings ``/*`` and ``[[``, found by looking at
    each occurrence of the pair's second character (a one-character ``find`` runs at memory
    speed; a search for two characters reads a whole script several times slower). A text
    where that character is common is searched the plain way."""
    first, second = pair[0], pair[1]
    pos = text.find(second, 1)
    looks = 0
    while pos >= 0:
        if text[pos - 1] == first:
            return True
        looks += 1
        if looks > _PAIR_LOOKS:
            return pair in text
        pos = text.find(second, pos + 1)
    return False


def _strip_boneyard(text: str, source: str, notes: list[Diagnostic]) -> str:
    """Remove ``/* ... */`` spans, keeping their line breaks so line numbers stay true."""
    if not _has_pair(text, "/*"):
        return text
    out: list[str] = []
    pos = 0
    length = len(text)
    while pos < length:
        start = text.find("/*", pos)
        if start < 0:
            break
        end = text.find("*/", start + 2)
        if end < 0:
            line = text.count("\n", 0, start) + 1
            notes.append(Diagnostic(source, line, t("fountain.unclosed_boneyard")))
            break
        breaks = text.count("\n", start, end)
        out.append(_before_gap(text[pos:start], text, end + 2, breaks))
        out.append("\n" * breaks)
        pos = end + 2
    out.append(text[pos:])
    return "".join(out)


def _find_notes(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, body) of each ``[[note]]``, in one forward pass.

    A note may run over several lines and keep an empty line typed as two spaces, but a truly
    empty line ends it (https://fountain.io/syntax#notes). Each search stops at the next
    blank line, so no input makes this slower than linear (a regular expression took
    quadratic time on a file of unclosed ``[[``).
    """
    pos = 0
    length = len(text)
    while True:
        start = text.find("[[", pos)
        if start < 0:
            return
        blank = text.find("\n\n", start + 2)
        limit = length if blank < 0 else blank
        end = text.find("]]", start + 2, limit)
        if end < 0:
            if blank < 0:
                return
            pos = blank + 2
            continue
        yield start, end + 2, text[start + 2 : end]
        pos = end + 2


def _take_notes(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Remove ``[[ notes ]]`` (inline or over several lines), returning them with their line.

    A note that spans lines inside a paragraph must not split it: the text after the note
    joins the text before it, and the line breaks the note took are put back at the end of
    that line, so every later line keeps its number.
    """
    if not _has_pair(text, "[["):
        return text, []
    found: list[tuple[int, str]] = []
    out: list[str] = []
    pos = 0
    line = 1
    deferred = 0  # line breaks owed at the next end of line
    for start, end, body in _find_notes(text):
        if deferred and text.find("\n", pos, start) >= 0:
            cut = text.index("\n", pos)
            out.append(text[pos:cut] + "\n" * deferred)
            pos = cut
            deferred = 0
        line += text.count("\n", pos, start)
        breaks = body.count("\n")
        out.append(_before_gap(text[pos:start], text, end, breaks))
        found.append((line, "\n".join(part.strip() for part in body.strip().split("\n"))))
        deferred += breaks
        line += breaks
        pos = end
    if deferred:
        cut = text.find("\n", pos)
        cut = len(text) if cut < 0 else cut
        out.append(text[pos:cut] + "\n" * deferred)
        pos = cut
    out.append(text[pos:])
    return "".join(out), found


def _is_blank(line: str) -> bool:
    return not line or line.isspace()


def _may_be_heading(line: str) -> bool:
    """:func:`is_heading_candidate`, without the call for a line whose first letter rules it out."""
    first = line[:1]
    return (first in HEADING_FIRST or first.isspace()) and is_heading_candidate(line)


def _is_cue(text: str) -> bool:
    """An upper-case name, optionally with extensions and a trailing ``^``."""
    return _cue(text) is not None


def _cue(text: str) -> tuple[str, str | None] | None:
    """``split_cue(text)`` when ``text`` is a character cue (see :func:`_is_cue`), else None:
    the reader needs the name of the cue it has just recognised, and the split is made once."""
    if len(text) > _MAX_CUE or text[0] in "!([{<>~=#*-.":
        return None
    first, last = text[0], text[-1]
    if (
        last not in ")^"
        and first != "@"
        and text.isascii()
        and not first.isspace()
        and not last.isspace()
    ):
        # Most lines: plain ASCII with no extension to take off, so the name is the text itself
        # (less doubled spaces) and the rules below can be read off the text directly.
        if text != text.upper():
            return None
        if text != text.lower():
            if last in ":;,!?" or (last == "." and len(text) > 2 and text[-2] != "."):
                return None
            return split_cue(text)
    split = split_cue(text)
    name = split[0]
    if not name or name != name.upper():
        return None
    if name == name.lower():
        # A script without letter case (Japanese, Chinese...): a short name, no punctuation.
        if (
            len(name) <= _MAX_UNCASED_CUE
            and any(c.isalpha() for c in name)
            and not any(c in _UNCASED_PUNCTUATION for c in name)
        ):
            return split
        return None
    # A cue names someone: it has letters and does not end like a sentence or a transition.
    last = name[-1]
    if last in ":;,!?" or (last == "." and len(name) > 2 and name[-2] != "."):
        return None
    return split


def _title_page(
    lines: list[str], known_keys_only: bool = False
) -> tuple[list[tuple[str, str]], int]:
    """The ``Key: value`` block at the very top (ends at the first blank line), and its size."""
    index = 0
    while index < len(lines) and _is_blank(lines[index]):
        index += 1
    if index >= len(lines):
        return [], 0
    first = lines[index]
    match = _TITLE_KEY_RE.match(first)
    if match is None or is_heading_candidate(first) or first.lstrip() != first:
        return [], 0
    margin = _MARGIN_NUMBER_RE.match(first)
    if margin is not None and is_heading_candidate(first[margin.end() :]):
        return [], 0  # "CẢNH 1: NỘI. NHÀ - NGÀY" is a numbered heading
    if known_keys_only and match.group(1).strip().lower() not in _TITLE_KEYS:
        return [], 0
    key, value = match.group(1), match.group(2)
    upper_alone = key == key.upper() and not value.strip()
    follows = index + 1 < len(lines) and not _is_blank(lines[index + 1])
    if upper_alone and not (follows and lines[index + 1][:1] in " \t"):
        return [], 0  # "FADE IN:" opening the script
    pairs: list[tuple[str, str]] = []
    current_key: str | None = None
    values: list[str] = []
    while index < len(lines) and not _is_blank(lines[index]):
        line = lines[index]
        match = _TITLE_KEY_RE.match(line) if line[:1] not in " \t" else None
        if match is not None:
            if current_key is not None:
                pairs.append((current_key, "\n".join(values)))
            current_key = match.group(1).strip()
            values = [match.group(2).strip()] if match.group(2).strip() else []
        elif current_key is not None:
            values.append(line.strip())
        else:
            break
        index += 1
    if current_key is not None:
        pairs.append((current_key, "\n".join(values)))
    return pairs, index


class _Draft:
    """An :class:`Element` while the reader still works on it: the same slots, but writable.

    A frozen dataclass's ``__init__`` goes through ``object.__setattr__`` for each of its
    fourteen fields; a feature script has thousands of elements and that alone was a third of
    the reader's time. A draft (made by :func:`_draft`) is filled with plain attribute stores,
    and the reader still sets ``dual`` (a ``^`` cue marks the speech before it) and ``page``
    (after pagination) in place. :func:`_freeze` then turns each draft into an Element by
    switching its class, which CPython allows because both classes have exactly the same slots;
    the result equals what ``Element(...)`` makes (checked at import by
    :func:`_drafts_mirror_element`). Drafts never leave this module.
    """

    __slots__ = Element.__slots__
    kind: ElementKind
    text: str
    line: int
    name: str | None
    extension: str | None
    dual: DualSide | None
    forced: bool
    depth: int
    scene_number: str | None
    page: int | None
    revision: str | None
    runs: tuple[TextRun, ...]
    tags: tuple[str, ...]
    attributes: tuple[tuple[str, str], ...]


_new_object = object.__new__


def _draft(
    kind: ElementKind,
    text: str,
    line: int = 0,
    name: str | None = None,
    extension: str | None = None,
    dual: DualSide | None = None,
    forced: bool = False,
    depth: int = 0,
    scene_number: str | None = None,
) -> _Draft:
    """A new draft, with the field defaults of Element (checked at import below). A function
    call costs CPython 3.11 less than a class's ``__init__`` (thousands of times a script)."""
    draft = _new_object(_Draft)
    draft.kind = kind
    draft.text = text
    draft.line = line
    draft.name = name
    draft.extension = extension
    draft.dual = dual
    draft.forced = forced
    draft.depth = depth
    draft.scene_number = scene_number
    draft.page = None
    draft.revision = None
    draft.runs = ()
    draft.tags = ()
    draft.attributes = ()
    return draft


def _freeze(drafts: list[_Draft], pages: Sequence[int] | None = None) -> list[Element]:
    """The drafts as Elements, in place (see :class:`_Draft`), each given its page if known."""
    if not _DRAFTS_MIRROR_ELEMENT:
        return [
            Element(
                d.kind,
                d.text,
                d.line,
                d.name,
                d.extension,
                d.dual,
                d.forced,
                d.depth,
                d.scene_number,
                d.page if pages is None else pages[i],
            )
            for i, d in enumerate(drafts)
        ]
    set_class = object.__setattr__
    if pages is None:
        for draft in drafts:
            set_class(draft, "__class__", Element)
    else:
        for draft, page in zip(drafts, pages, strict=True):
            draft.page = page
            set_class(draft, "__class__", Element)
    return cast("list[Element]", drafts)


# A draft switched to Element must be what ``Element(...)`` makes, defaults included; should
# the model gain a field, the reader falls back to the constructor (slower, never wrong).
_DRAFTS_MIRROR_ELEMENT = switched_draft_mirrors(Element, _draft, (ElementKind.ACTION, "x", 1), 14)


def numbered_heading(line: str, *, plain: bool) -> tuple[str, str] | None:
    """``(number, heading)`` for a heading with its number in front: ``Cảnh 12. Nội ngày...``,
    ``SCENE 4: INT. ...``, and in plain text also a bare margin number ``12 INT. HOUSE``."""
    if not plain and line[:1] not in _WORD_NUMBER_FIRST:
        return None  # the common case, without running the pattern
    match = _WORD_NUMBER_RE.match(line)
    if match is None and plain:
        match = _MARGIN_NUMBER_RE.match(line)
    if match is None:
        return None
    rest = line[match.end() :]
    if not is_heading_candidate(rest):
        return None
    return match.group(1), rest


def _unlisted_prefix(line: str) -> str | None:
    """The exterior-first prefix (``EXT/INT.``) Fountain 1.1 does not list, if ``line`` (or the
    heading after its ``SCENE 4:`` number) opens with one; see :func:`unlisted_exterior_first`."""
    numbered = numbered_heading(line, plain=False)
    return unlisted_exterior_first(numbered[1] if numbered is not None else line)


def _unlisted_note(source: str, line: int, prefix: str) -> Diagnostic:
    """Why a line that opens like a heading was read as action, in English and Vietnamese."""
    return Diagnostic(source, line, t("screenplay.unlisted_heading_prefix", prefix=prefix))


class _Reader:
    """One pass over the lines of a Fountain (or plain-text) script."""

    def __init__(self, source: str, plain: bool) -> None:
        self.source = source
        self.plain = plain
        self.elements: list[_Draft] = []
        self.diagnostics: list[Diagnostic] = []

    def add(
        self,
        kind: ElementKind,
        text: str,
        line: int,
        name: str | None = None,
        extension: str | None = None,
        dual: DualSide | None = None,
        forced: bool = False,
        depth: int = 0,
        scene_number: str | None = None,
    ) -> None:
        self.elements.append(
            _draft(kind, text, line, name, extension, dual, forced, depth, scene_number)
        )

    def heading(self, text: str, line: int, forced: bool) -> None:
        body = text.strip()
        number: str | None
        body, number = split_scene_number(body)
        if number is None and not forced:
            numbered = numbered_heading(body, plain=self.plain)
            if numbered is not None:
                number, body = numbered
                trailing = _TRAILING_NUMBER_RE.search(body)
                if trailing is not None and trailing.group(1) == number:
                    body = body[: trailing.start()]
        self.add(ElementKind.SCENE_HEADING, body, line, forced=forced, scene_number=number)

    def mark_dual(self) -> None:
        """The speech just before a ``^`` cue becomes the left column of a dual dialogue."""
        index = len(self.elements) - 1
        while index >= 0 and self.elements[index].kind in (
            ElementKind.DIALOGUE,
            ElementKind.PARENTHETICAL,
            ElementKind.LYRICS,
        ):
            index -= 1
        if index < 0 or self.elements[index].kind is not ElementKind.CHARACTER:
            return
        for position in range(index, len(self.elements)):
            self.elements[position].dual = DualSide.LEFT

    def plain_heading(self, stripped: str) -> bool:
        return is_heading_candidate(stripped) or numbered_heading(stripped, plain=True) is not None

    def read(self, lines: list[str], first: int) -> None:
        """Read ``lines`` from index ``first`` on (after the title page)."""
        if self.plain:
            self.read_lines(lines, first, len(lines))
            return
        # Fountain paragraphs end at an empty line, and the reader is in the same state at the
        # start of every paragraph (nothing pending, after a blank line), so the text is read
        # paragraph by paragraph. The empty lines are found in C; the paragraphs of one line and
        # the speeches, nearly all of a script, are read here directly, every other paragraph by
        # the line reader, which gives the same result for any paragraph.
        count = len(lines)
        empty = list(compress(range(first, count), map(not_, islice(lines, first, None))))
        empty.append(count)
        append = self.elements.append
        action_kind = ElementKind.ACTION
        transition_kind = ElementKind.TRANSITION
        character_kind = ElementKind.CHARACTER
        dialogue_kind = ElementKind.DIALOGUE
        heading_kind = ElementKind.SCENE_HEADING
        parenthetical_kind = ElementKind.PARENTHETICAL
        start = first
        for stop in empty:
            if stop == start:
                start = stop + 1
                continue
            raw = lines[start]
            stripped = raw.strip()
            if not stripped:
                self.read_lines(lines, start, stop)
                start = stop + 1
                continue
            lead = stripped[0]
            if lead in _MARKUP:
                self.read_lines(lines, start, stop)
                start = stop + 1
                continue
            if (
                lead in _HEADING_OR_NUMBER_FIRST
                and (_ASCII_HEADING_OPENING.match(stripped) is not None or not stripped.isascii())
                and (
                    is_heading_candidate(stripped)
                    or numbered_heading(stripped, plain=False) is not None
                )
            ):
                # A heading opening with I (INT.) or with a prefix Fountain lists (EXT.) has
                # neither an exterior-first prefix nor a number in front, and one without '#'
                # no number at the end: most headings are read here directly, as heading()
                # would.
                plain_heading = "#" not in stripped and (
                    lead in "Ii" or FOUNTAIN_PREFIX(stripped) is not None
                )
                unlisted = None if plain_heading else _unlisted_prefix(stripped)
                if unlisted is None:
                    if plain_heading:
                        append(_draft(heading_kind, stripped, start + 1))
                    else:
                        self.heading(stripped, start + 1, forced=False)
                    if stop - start > 1:
                        # More lines right under the heading (another heading, say).
                        self.read_lines(lines, start + 1, stop, False, True)
                else:
                    # Fountain 1.1 does not list this prefix: the line is action (said so).
                    self.diagnostics.append(_unlisted_note(self.source, start + 1, unlisted))
                    self.read_lines(lines, start, stop, action_from=start)
                start = stop + 1
                continue
            transition_like = (
                (stripped[-1] == ":" or len(stripped) <= _LONGEST_TRANSITION_WORD)
                and (stripped.endswith("TO:") or stripped in _TRANSITION_WORDS)
                and stripped == stripped.upper()
            )
            size = stop - start
            if size == 1:
                # A paragraph of one line, between empty lines: a transition or action.
                if transition_like:
                    append(_draft(transition_kind, stripped, start + 1))
                else:
                    # (raw.rstrip() is the stripped line when nothing was stripped in front)
                    text = stripped if raw[0] == lead else raw.rstrip()
                    append(_draft(action_kind, text, start + 1))
                start = stop + 1
                continue
            following = lines[start + 1]
            if transition_like or following.isspace():
                self.read_lines(lines, start, stop)
                start = stop + 1
                continue
            if (
                lead != "@"
                and len(stripped) <= _MAX_CUE
                and stripped.isascii()
                and lead not in "!([{<>~=#*-."
            ):
                # The commonest speeches: an ASCII cue, perhaps with one extension
                # ("EDWARD (V.O.)"), taken apart here as split_cue would (any other cue goes
                # the general way below), then one line of dialogue read here, or the speech
                # read by speech() with that name.
                last = stripped[-1]
                name: str | None = None
                extension: str | None = None
                if last not in ")^":
                    if "  " not in stripped:
                        name = stripped
                elif last == ")" and stripped.count("(") == 1 and stripped.count(")") == 1:
                    opening = stripped.index("(")
                    name = " ".join(stripped[:opening].split())
                    extension = stripped[opening + 1 : -1].strip() or None
                if (
                    name
                    and name == name.upper()
                    and name != name.lower()
                    and name[-1] not in ":;,!?"
                    and not (name[-1] == "." and len(name) > 2 and name[-2] != ".")
                    and not (
                        (following[:1] in HEADING_FIRST or following[:1].isspace())
                        and is_heading_candidate(following)
                    )
                ):
                    said = following.lstrip()[0]  # how the line after the cue opens
                    if size == 2 and said not in "(（~":
                        append(_draft(character_kind, stripped, start + 1, name, extension))
                        append(_draft(dialogue_kind, following.strip(), start + 2))
                    elif (
                        size == 3
                        and said in "(（"
                        and not (last_line := lines[start + 2]).isspace()
                        and last_line.lstrip()[0] not in "(（~"
                    ):
                        # A parenthetical, then one line of dialogue (as speech() reads it).
                        append(_draft(character_kind, stripped, start + 1, name, extension))
                        append(_draft(parenthetical_kind, following.strip(), start + 2))
                        append(_draft(dialogue_kind, last_line.strip(), start + 3))
                    else:
                        index = self.speech(lines, start, False, (name, extension))
                        if index < stop:
                            self.read_lines(lines, index, stop, previous_blank=False)
                    start = stop + 1
                    continue
            forced_cue = lead == "@"
            split = None if forced_cue or len(stripped) > _MAX_CUE else _cue(stripped)
            if (forced_cue or split is not None) and not _may_be_heading(following):
                index = self.speech(lines, start, forced_cue, split)
                if index < stop:
                    # The speech ended at a line of spaces: the rest as the line reader reads it.
                    self.read_lines(lines, index, stop, previous_blank=False)
            else:
                self.read_lines(lines, start, stop)
            start = stop + 1

    def read_lines(
        self,
        lines: list[str],
        first: int,
        stop: int,
        previous_blank: bool = True,
        previous_heading: bool = False,
        action_from: int = -1,
    ) -> None:
        """Read ``lines[first:stop]`` line by line: ``first`` after a blank line (or not), after
        a heading (or not), or (``action_from``) opening an action paragraph with its line."""
        plain = self.plain
        count = len(lines)
        index = first
        action: list[str] = []
        action_line = 0
        action_forced = False
        if action_from >= 0:
            action.append(lines[action_from].rstrip())
            action_line = action_from + 1
            previous_blank = False
            index = action_from + 1
        append = self.elements.append

        def flush_action() -> None:
            nonlocal action, action_forced
            if action:
                text = "\n".join(action)
                # Trailing blank lines of an action paragraph are layout, not text.
                append(
                    _draft(
                        ElementKind.ACTION, text.rstrip("\n "), action_line, forced=action_forced
                    )
                )
                action = []
                action_forced = False

        while index < stop:
            raw = lines[index]
            number = index + 1
            if not raw or raw.isspace():
                if action:
                    flush_action()
                previous_blank = True
                previous_heading = False
                index += 1
                continue
            stripped = raw.strip()
            lead = stripped[0]
            if plain and _PRINT_FURNITURE_RE.match(raw):
                # A page number, (MORE) or CONTINUED: left by a printed or exported script.
                index += 1
                continue
            if action and not plain and lead not in _INTERRUPTS:
                # The common case: the next line of an action paragraph.
                action.append(raw.rstrip())
                index += 1
                continue
            following = lines[index + 1] if index + 1 < count else ""
            next_blank = not following or following.isspace()
            at_start = previous_blank or previous_heading

            if not plain and lead in _MARKUP:
                if _PAGE_BREAK_RE.match(stripped):
                    flush_action()
                    self.add(ElementKind.PAGE_BREAK, "", number)
                    previous_blank, previous_heading = True, False
                    index += 1
                    continue
                if lead == "#" and not action:
                    depth = len(stripped) - len(stripped.lstrip("#"))
                    self.add(ElementKind.SECTION, stripped[depth:].strip(), number, depth=depth)
                    previous_blank, previous_heading = True, False
                    index += 1
                    continue
                if lead == "=" and not action:
                    self.add(ElementKind.SYNOPSIS, stripped[1:].strip(), number)
                    previous_blank, previous_heading = True, False
                    index += 1
                    continue
                if lead == "~":
                    flush_action()
                    self.add(ElementKind.LYRICS, stripped[1:].strip(), number, forced=True)
                    previous_blank, previous_heading = False, False
                    index += 1
                    continue
                if lead == ">" and stripped.endswith("<") and len(stripped) > 1:
                    flush_action()
                    self.add(ElementKind.CENTERED, stripped[1:-1].strip(), number, forced=True)
                    previous_blank, previous_heading = False, False
                    index += 1
                    continue
                if lead == ">" and at_start:
                    flush_action()
                    self.add(ElementKind.TRANSITION, stripped[1:].strip(), number, forced=True)
                    previous_blank, previous_heading = True, False
                    index += 1
                    continue
                if lead == "!" and at_start and not action:
                    action_line = number
                    action_forced = True
                    action.append(raw.lstrip()[1:])
                    previous_blank, previous_heading = False, False
                    index += 1
                    continue
                if (
                    lead == "."
                    and at_start
                    and not action
                    and 1 < len(stripped) <= MAX_HEADING
                    and stripped[1] not in ". \t"
                ):
                    self.heading(stripped[1:], number, forced=True)
                    previous_blank, previous_heading = False, True
                    index += 1
                    continue

            # Word-typed scripts often leave no blank line between paragraphs.
            if (
                plain
                and action
                and action[-1][-1:] in _SENTENCE_END
                and (
                    self.plain_heading(stripped)
                    or (not next_blank and _is_cue(stripped) and len(stripped) <= 40)
                )
            ):
                flush_action()
                at_start = True
            if at_start and not action:
                # The first letter rules out a heading for most lines without a call.
                if (plain or lead in _HEADING_OR_NUMBER_FIRST) and (
                    lead != "."
                    and (
                        is_heading_candidate(stripped)
                        or numbered_heading(stripped, plain=plain) is not None
                    )
                ):
                    unlisted = None if plain else _unlisted_prefix(stripped)
                    if unlisted is None:
                        self.heading(stripped, number, forced=False)
                        previous_blank, previous_heading = False, True
                        index += 1
                        continue
                    # Fountain 1.1 does not list this prefix: the line is action (said so).
                    self.diagnostics.append(_unlisted_note(self.source, number, unlisted))
                    action_line = number
                    action.append(raw.rstrip())
                    previous_blank, previous_heading = False, False
                    index += 1
                    continue
                if (
                    (stripped[-1] == ":" or len(stripped) <= _LONGEST_TRANSITION_WORD)
                    and stripped == stripped.upper()
                    and (stripped.endswith("TO:") or stripped in _TRANSITION_WORDS)
                    and (next_blank or is_heading_candidate(following))
                ):
                    self.add(ElementKind.TRANSITION, stripped, number)
                    # A transition closes its paragraph: a heading may follow on the next line.
                    previous_blank, previous_heading = True, False
                    index += 1
                    continue
                forced_cue = lead == "@" and not plain
                if (
                    not next_blank
                    and (forced_cue or (len(stripped) <= _MAX_CUE and _is_cue(stripped)))
                    and not _may_be_heading(following)
                ):
                    index = self.speech(lines, index, forced_cue)
                    previous_blank, previous_heading = False, False
                    continue

            # Action: everything else, a paragraph up to the next blank line.
            if not action:
                action_line = number
            action.append(stripped if plain else raw.rstrip())
            previous_blank, previous_heading = False, False
            index += 1
        flush_action()

    def speech(
        self,
        lines: list[str],
        index: int,
        forced: bool,
        split: tuple[str, str | None] | None = None,
    ) -> int:
        """A cue and its parentheticals and dialogue; returns the index after the speech.

        ``split`` is ``split_cue`` of the stripped cue line when the caller has it already.
        """
        cue = lines[index].strip()
        dual = cue.endswith("^")
        if dual:
            self.mark_dual()
            cue = cue[:-1].rstrip()
        if forced:
            cue = cue[1:].lstrip()
        name, extension = split if split is not None and not dual and not forced else split_cue(cue)
        side = DualSide.RIGHT if dual else None
        # The speech's elements are appended directly (this is the reader's busiest path).
        append = self.elements.append
        append(
            _draft(
                ElementKind.CHARACTER,
                cue,
                index + 1,
                name.upper() if not forced else name,
                extension,
                side,
                forced,
            )
        )
        index += 1
        count = len(lines)
        dialogue: list[str] = []  # the lines of the dialogue paragraph being read
        dialogue_line = 0
        dialogue_kind = ElementKind.DIALOGUE
        plain = self.plain
        cue_indent = len(lines[index - 1]) - len(lines[index - 1].lstrip()) if plain else 0
        while index < count:
            raw = lines[index]
            if not raw:
                break
            if plain:
                if _PRINT_FURNITURE_RE.match(raw):
                    index += 1
                    continue
                if not raw.isspace():
                    # Plain text: a heading, or a line back at the action margin, ends the speech.
                    indent = len(raw) - len(raw.lstrip())
                    if is_heading_candidate(raw) or (cue_indent >= 4 and indent == 0):
                        break
            if raw.isspace():
                # Two spaces keep a dialogue going across an empty line (Fountain 1.1).
                if len(raw) >= 2 and index + 1 < count and not _is_blank(lines[index + 1]):
                    if not dialogue:
                        dialogue_line = index + 1
                    dialogue.append("")
                    index += 1
                    continue
                break
            stripped = raw.strip()
            if stripped[0] in "(（" and (stripped[-1] in ")）" or not dialogue):
                if dialogue:
                    append(
                        _draft(dialogue_kind, "\n".join(dialogue), dialogue_line, None, None, side)
                    )
                    dialogue = []
                append(_draft(ElementKind.PARENTHETICAL, stripped, index + 1, None, None, side))
            elif stripped[0] == "~" and not plain:
                if dialogue:
                    append(
                        _draft(dialogue_kind, "\n".join(dialogue), dialogue_line, None, None, side)
                    )
                    dialogue = []
                append(
                    _draft(ElementKind.LYRICS, stripped[1:].strip(), index + 1, None, None, side)
                )
            else:
                if not dialogue:
                    dialogue_line = index + 1
                dialogue.append(stripped)
            index += 1
        if dialogue:
            append(_draft(dialogue_kind, "\n".join(dialogue), dialogue_line, None, None, side))
        return index


def _merge_notes(elements: list[_Draft], notes: list[tuple[int, str]]) -> list[_Draft]:
    """Put each note after the last element that starts on or before the note's line."""
    if not notes:
        return elements
    merged: list[_Draft] = []
    pending = sorted(notes, key=lambda note: note[0])  # stable: same-line notes keep order
    position = 0
    for element in elements:
        while position < len(pending) and pending[position][0] < element.line:
            line, text = pending[position]
            merged.append(_draft(ElementKind.NOTE, text, line))
            position += 1
        merged.append(element)
    for line, text in pending[position:]:
        merged.append(_draft(ElementKind.NOTE, text, line))
    return merged


def parse_lines(text: str, source: str, *, plain: bool) -> Script:
    """The shared engine of the Fountain and plain-text readers (text already decoded)."""
    diagnostics: list[Diagnostic] = []
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = _NEWLINES_RE.sub("\n", text)
    if "\x00" in text:
        diagnostics.append(Diagnostic(source, 1, t("fountain.nul_removed")))
        text = text.replace("\x00", "")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    notes: list[tuple[int, str]] = []
    if not plain:
        text = _strip_boneyard(text, source, diagnostics)
        text, notes = _take_notes(text)
    lines = text.split("\n")
    title_page, first = _title_page(lines) if not plain else _plain_title(lines)
    reader = _Reader(source, plain)
    reader.diagnostics = diagnostics
    reader.read(lines, first)
    drafts = _merge_notes(reader.elements, notes)
    kinds: list[ElementKind] = list(map(_KIND, drafts))
    texts: list[str] = list(map(_TEXT, drafts))
    layout = paginate(drafts, kinds=kinds, texts=texts)
    elements = _freeze(drafts, layout.pages)
    script = build_script(
        elements,
        title_page=title_page,
        diagnostics=diagnostics,
        source=source,
        source_format="text" if plain else "fountain",
        pagination=layout,
        prepared=True,  # cue names and heading numbers set by the reader, pages by _freeze
        kinds=kinds,
        texts=texts,
    )
    if not script.scenes and any(e.kind is not ElementKind.NOTE for e in elements):
        script = replace(
            script,
            diagnostics=(
                *script.diagnostics,
                Diagnostic(source, 1, t("fountain.no_headings")),
            ),
        )
    return script


def _plain_title(lines: list[str]) -> tuple[list[tuple[str, str]], int]:
    """A Word-typed script's title page: ``Key: value`` lines with the usual keys, or none."""
    return _title_page(lines, known_keys_only=True)


def read_fountain(text: str, source: str = "<input>") -> Script:
    """Read a Fountain screenplay (already decoded text)."""
    return parse_lines(text, source, plain=False)


# ---------------------------------------------------------------------------------------------
# Writer


def _escape_action(element: Element) -> str:
    """Action text, forced with ``!`` where it was forced or would read back as another kind."""
    text = element.text
    first = text.split("\n", 1)[0].strip()
    needs = (
        not first
        or first[0] in "!@#=~>.[("
        or first.startswith("/*")
        or (is_heading_candidate(first) and _unlisted_prefix(first) is None)
        or (first == first.upper() and first.endswith("TO:"))
        or first.upper() in _TRANSITION_WORDS
        or ("\n" in text and _is_cue(first))
        or _PAGE_BREAK_RE.match(first) is not None
    )
    return "!" + text if needs or element.forced else text


def _cue_text(element: Element) -> str:
    text = element.text.strip()
    name, _extension = split_cue(text)
    needs_force = (
        not _is_cue(text) or name != name.upper() or is_heading_candidate(text) or text[0] == "@"
    )
    prefix = "@" if needs_force or element.forced else ""
    suffix = " ^" if element.dual is DualSide.RIGHT else ""
    return f"{prefix}{text}{suffix}"


def _heading_text(element: Element) -> str:
    text = element.text.strip()
    # A heading Fountain 1.1 would read as action (``EXT/INT.`` from FDX or text) is forced.
    forced = element.forced or not is_heading_candidate(text) or _unlisted_prefix(text) is not None
    line = f".{text}" if forced and not text.startswith(".") else text
    if element.scene_number:
        line = f"{line} #{element.scene_number}#"
    return line


def write_fountain(script: Script) -> str:
    """The script as Fountain 1.1 text that reads back to the same model."""
    out: list[str] = []
    if script.title_page:
        for key, value in script.title_page:
            parts = value.split("\n")
            if len(parts) == 1:
                out.append(f"{key}: {value}".rstrip())
            else:
                out.append(f"{key}:")
                out.extend(f"    {part}" for part in parts)
        out.append("")
    elements = script.elements
    index = 0
    count = len(elements)
    while index < count:
        element = elements[index]
        kind = element.kind
        if kind is ElementKind.SCENE_HEADING:
            out.extend((_heading_text(element), ""))
        elif kind is ElementKind.ACTION:
            out.extend((_escape_action(element), ""))
        elif kind is ElementKind.CHARACTER:
            block = [_cue_text(element)]
            index += 1
            # Lyrics belong to the speech unless they stood alone (the reader marks those forced).
            while index < count and (
                elements[index].kind in (ElementKind.PARENTHETICAL, ElementKind.DIALOGUE)
                or (elements[index].kind is ElementKind.LYRICS and not elements[index].forced)
            ):
                part = elements[index]
                if part.kind is ElementKind.DIALOGUE:
                    block.extend(line if line.strip() else "  " for line in part.text.split("\n"))
                elif part.kind is ElementKind.LYRICS:
                    block.append(f"~{part.text}")
                else:
                    block.append(part.text)
                index += 1
            out.extend((*block, ""))
            continue
        elif kind is ElementKind.TRANSITION:
            text = element.text.strip()
            plain_ok = text == text.upper() and text.endswith("TO:")
            out.extend((text if plain_ok else f"> {text}", ""))
        elif kind is ElementKind.CENTERED:
            out.extend((f"> {element.text.strip()} <", ""))
        elif kind is ElementKind.LYRICS:
            out.extend((f"~{element.text}", ""))
        elif kind is ElementKind.SECTION:
            out.extend(("#" * max(1, element.depth) + " " + element.text, ""))
        elif kind is ElementKind.SYNOPSIS:
            out.extend((f"= {element.text}", ""))
        elif kind is ElementKind.NOTE:
            # An empty line inside a note is written as two spaces, or it would end the note.
            body = "\n".join(part or "  " for part in element.text.split("\n"))
            out.extend((f"[[{body}]]", ""))
        elif kind is ElementKind.PAGE_BREAK:
            out.extend(("===", ""))
        elif kind is ElementKind.PARENTHETICAL or kind is ElementKind.DIALOGUE:
            # A speech part without a cue (possible from other formats): keep it as action.
            out.extend((_escape_action(element), ""))
        else:  # SHOT and anything a later format adds: a forced action line keeps the text
            out.extend((_escape_action(element), ""))
        index += 1
    return "\n".join(out).rstrip("\n") + "\n"
