"""Pagination to the industry page, and scene lengths in eighths.

The layout is the one a screenplay is printed in (US Letter, Courier 12 at 10 characters an
inch and 6 lines an inch, 1" top and bottom margins, so about 55 lines of text a page):

============== ============ ======== =====================================
element        left indent  width    blank lines before
============== ============ ======== =====================================
scene heading  1.5"         60 ch    1 (none at the top of a page)
action, shot   1.5"         60 ch    1
character cue  3.7"         38 ch    1
parenthetical  3.1"         25 ch    0
dialogue       2.5"         35 ch    0
transition     right-set    60 ch    1
============== ============ ======== =====================================

Two rules keep a page readable: a scene heading or a character cue is never left alone at
the bottom of a page (it moves to the next page with what follows), and a speech split
across pages ends with ``(MORE)`` and resumes under ``NAME (CONT'D)``. A page is eight
eighths; a scene's length is the vertical space it covers, rounded up to the next eighth and
never less than 1/8.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import add, attrgetter, floordiv, mod
from typing import NamedTuple, Protocol

from filmpark.screenplay.model import DualSide, ElementKind

LINES_PER_PAGE = 55

# (width in characters, blank lines before) per element kind; width 0 means "not printed".
_LAYOUT: dict[ElementKind, tuple[int, int]] = {
    ElementKind.SCENE_HEADING: (60, 1),
    ElementKind.ACTION: (60, 1),
    ElementKind.SHOT: (60, 1),
    ElementKind.CHARACTER: (38, 1),
    ElementKind.PARENTHETICAL: (25, 0),
    ElementKind.DIALOGUE: (35, 0),
    ElementKind.LYRICS: (35, 0),
    ElementKind.TRANSITION: (60, 1),
    ElementKind.CENTERED: (60, 1),
    ElementKind.SECTION: (0, 0),
    ElementKind.SYNOPSIS: (0, 0),
    ElementKind.NOTE: (0, 0),
    ElementKind.PAGE_BREAK: (0, 0),
}
# Dual dialogue prints two narrower columns side by side.
_DUAL_WIDTH: dict[ElementKind, int] = {
    ElementKind.CHARACTER: 28,
    ElementKind.PARENTHETICAL: 22,
    ElementKind.DIALOGUE: 28,
    ElementKind.LYRICS: 28,
}
_SPEECH_PARTS = (ElementKind.PARENTHETICAL, ElementKind.DIALOGUE, ElementKind.LYRICS)
# Enum members hash in Python; the layout is looked up by identity, thousands of times a script.
_LAYOUT_BY_ID = {id(kind): layout for kind, layout in _LAYOUT.items()}
_DUAL_WIDTH_BY_ID = {id(kind): width for kind, width in _DUAL_WIDTH.items()}
_WIDTH_BY_ID = {id(kind): width for kind, (width, _before) in _LAYOUT.items()}
_BEFORE_BY_ID = {id(kind): before for kind, (_width, before) in _LAYOUT.items()}
# Blank lines before an element placed on its own (not in a speech) below another on its page:
# its kind's, but a parenthetical or lyric standing alone takes one, like action.
_GAP_BY_ID = {
    **_BEFORE_BY_ID,
    id(ElementKind.PARENTHETICAL): 1,
    id(ElementKind.LYRICS): 1,
}
_KIND = attrgetter("kind")
_TEXT = attrgetter("text")
_MARKS_RE = re.compile(r"(?<!\\)(\*{1,3}|_)")
_MIN_SPLIT = 2  # at least two lines of a paragraph on either side of a page break


class Printable(Protocol):
    """What pagination reads of an element (an :class:`Element` or a reader's draft)."""

    @property
    def kind(self) -> ElementKind: ...
    @property
    def text(self) -> str: ...
    @property
    def dual(self) -> DualSide | None: ...
    @property
    def forced(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where each element falls on the industry page.

    ``pages[i]`` and ``lines[i]`` are the 1-based page and line where element ``i`` starts;
    ``starts[i]`` / ``ends[i]`` are absolute line positions (``(page - 1) * lines_per_page +
    line - 1``) of its first line and one past its last, so a span of elements measures
    ``ends[j] - starts[i]`` lines including any space left at a page bottom. Elements that are
    not printed (notes, sections, synopses) take no lines.
    """

    pages: tuple[int, ...]
    lines: tuple[int, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    page_count: int
    lines_per_page: int = LINES_PER_PAGE

    def eighths_between(self, first: int, last: int) -> int:
        """Length in eighths (>= 1, rounded up) of elements ``first..last`` inclusive."""
        lines = max(0, self.ends[last] - self.starts[first])
        return max(1, -(-lines * 8 // self.lines_per_page))

    @property
    def total_eighths(self) -> int:
        """The printed length: whole pages before the last, plus the used part of the last."""
        if not self.ends:
            return 0
        last_end = max(self.ends)
        if last_end == 0:
            return 0
        full, used = divmod(last_end, self.lines_per_page)
        if used == 0:
            return full * 8
        return full * 8 + max(1, -(-used * 8 // self.lines_per_page))


def wrap_count(text: str, width: int) -> int:
    """How many printed lines ``text`` takes at ``width`` characters (greedy word wrap)."""
    if width <= 0:
        return 0
    if len(text) <= width and "\n" not in text:
        return 1  # the common case: a short line (emphasis marks only make it shorter)
    if "*" in text or "_" in text:
        text = _MARKS_RE.sub("", text)
    total = 0
    for line in text.split("\n") if "\n" in text else (text,):
        size = len(line)
        if size <= width:
            total += 1
            continue
        # Greedy fill: break at the last space that keeps the line within the width, or
        # inside a word longer than the line.
        count = 1
        pos = 0
        while size - pos > width:
            cut = line.rfind(" ", pos, pos + width + 1)
            if cut <= pos:
                pos += width
            else:
                pos = cut + 1
                while pos < size and line[pos] == " ":
                    pos += 1
            count += 1
        total += count
    return total


def _in_speech(element: Printable) -> bool:
    """Part of the speech above it (a forced ``~`` lyric paragraph stands on its own)."""
    kind = element.kind
    return kind in _SPEECH_PARTS and not (kind is ElementKind.LYRICS and element.forced)


class _Block(NamedTuple):
    """A unit the page breaker places: one element, a speech, or a dual-dialogue pair.

    A named tuple rather than a dataclass: a feature script has thousands of blocks, and a
    tuple is built in C.
    """

    first: int
    last: int
    kind: ElementKind
    before: int
    heights: list[int]  # printed lines of each element first..last (0 when not printed)
    breakable: bool
    side_by_side: bool  # a dual dialogue: every element spans the whole block
    height: int  # sum(heights)


def _heights(texts: list[str], kinds: list[ElementKind]) -> list[int]:
    """Printed lines of every element at its usual width, in one sweep (``map`` runs in C; a
    short single line, the common case, is one printed line without a call to wrap_count)."""
    widths: list[int] = list(map(_WIDTH_BY_ID.__getitem__, map(id, kinds)))
    return [
        1 if width and len(text) <= width and "\n" not in text else wrap_count(text, width)
        for text, width in zip(texts, widths, strict=True)
    ]


def _block(
    elements: Sequence[Printable], kinds: list[ElementKind], heights: list[int], i: int
) -> _Block:
    """The block that starts at element ``i``: a speech (or dual-dialogue pair) or one element."""
    kind = kinds[i]
    n = len(kinds)
    if kind is ElementKind.CHARACTER:
        # The speech: parentheticals, dialogue and lyrics up to a forced ``~`` lyric.
        j = i + 1
        while (
            j < n
            and kinds[j] in _SPEECH_PARTS
            and not (kinds[j] is ElementKind.LYRICS and elements[j].forced)
        ):
            j += 1
        if elements[i].dual is not None:
            # Both columns of a dual dialogue: the left speech, then the right one.
            k = j
            if k < n and kinds[k] is ElementKind.CHARACTER and elements[k].dual:
                k += 1
                while k < n and _in_speech(elements[k]):
                    k += 1
            dual_width_of = _DUAL_WIDTH_BY_ID.get
            left = [wrap_count(e.text, dual_width_of(id(e.kind), 28)) for e in elements[i:j]]
            right = [wrap_count(e.text, dual_width_of(id(e.kind), 28)) for e in elements[j:k]]
            pair = [0] * (k - i)
            # The pair is one unbreakable block as tall as its taller column.
            pair[0] = max(sum(left), sum(right))
            return _Block(i, k - 1, kind, 1, pair, False, True, pair[0])
        speech = heights[i:j]
        return _Block(i, j - 1, kind, _BEFORE_BY_ID[id(kind)], speech, True, False, sum(speech))
    if kind is ElementKind.LYRICS or kind is ElementKind.PARENTHETICAL:
        before = 1
    else:
        before = _BEFORE_BY_ID[id(kind)]
    height = heights[i]
    if kind is ElementKind.SCENE_HEADING and height == 0:
        height = 1
    breakable = kind is ElementKind.ACTION and height >= 2 * _MIN_SPLIT
    return _Block(i, i, kind, before if height else 0, [height], breakable, False, height)


def paginate(
    elements: Sequence[Printable],
    lines_per_page: int = LINES_PER_PAGE,
    *,
    kinds: list[ElementKind] | None = None,
    texts: list[str] | None = None,
) -> Pagination:
    """Lay ``elements`` out on industry pages; see the module docstring for the rules.

    A reader that has the elements' ``kinds`` and ``texts`` as lists already passes them.
    """
    size = lines_per_page
    n = len(elements)
    starts = [0] * n
    ends = [0] * n
    if kinds is None:
        kinds = list(map(_KIND, elements))
    heights = _heights(list(map(_TEXT, elements)) if texts is None else texts, kinds)
    pos = 0  # absolute line position of the next free line

    def new_page() -> None:
        nonlocal pos
        if pos % size:
            pos += size - pos % size

    def sequential(block: _Block, at: int) -> int:
        if block.side_by_side:
            for index in range(block.first, block.last + 1):
                starts[index] = at
                ends[index] = at + block.height
            return at + block.height
        for offset, height in enumerate(block.heights):
            starts[block.first + offset] = at
            ends[block.first + offset] = at + height
            at += height
        return at

    def speech(block: _Block, at: int) -> int:
        """Cue, then the speech's lines; ``(MORE)`` / ``NAME (CONT'D)`` where a page ends."""
        cue = block.heights[0]
        starts[block.first] = at
        at += cue
        ends[block.first] = at
        for offset, height in enumerate(block.heights[1:], start=1):
            index = block.first + offset
            starts[index] = at
            for _ in range(height):
                if (at % size) == size - 1:
                    # The last line of the page is (MORE); the next page opens with the cue.
                    at += 1 + cue
                at += 1
            ends[index] = at
        return at

    page_break, scene_heading = ElementKind.PAGE_BREAK, ElementKind.SCENE_HEADING
    character, lyrics, dialogue = ElementKind.CHARACTER, ElementKind.LYRICS, ElementKind.DIALOGUE
    before_of = _BEFORE_BY_ID
    gap_of = _GAP_BY_ID
    cue_gap = _BEFORE_BY_ID[id(character)]
    speech_parts = _SPEECH_PARTS
    i = 0
    while i < n:
        kind = kinds[i]
        if kind is not character and kind is not scene_heading and kind is not page_break:
            # The common case, without building a block: one element that fits where it is
            # (or takes no room at all).
            height = heights[i]
            if height == 0:
                starts[i] = ends[i] = pos
                i += 1
                continue
            used = pos % size
            gap = gap_of[id(kind)] if used else 0
            if used + gap + height <= size:
                pos += gap
                starts[i] = pos
                pos += height
                ends[i] = pos
                i += 1
                continue
        elif kind is scene_heading:
            # A heading is never the last thing on a page: it keeps the start of what follows
            # (at most three lines of it) on its page. The block that follows is measured here
            # when it is one printed element or a plain speech; anything else (nothing printed
            # right after the heading, a page break, dual dialogue) goes the general way below.
            height = heights[i] or 1
            after = i + 1
            extra = -1
            if after >= n:
                extra = 0
            else:
                next_kind = kinds[after]
                if next_kind is scene_heading:
                    extra = 0
                elif next_kind is character:
                    if elements[after].dual is None:
                        j = after + 1
                        while (
                            j < n
                            and kinds[j] in speech_parts
                            and not (kinds[j] is lyrics and elements[j].forced)
                        ):
                            j += 1
                        extra = before_of[id(next_kind)] + min(
                            sum(heights[after:j]), _MIN_SPLIT + 1
                        )
                elif next_kind is not page_break and heights[after]:
                    extra = gap_of[id(next_kind)] + min(heights[after], _MIN_SPLIT + 1)
            if extra >= 0:
                used = pos % size
                gap = 1 if used else 0
                if used + gap + height + extra > size:
                    if used:
                        pos += size - used
                    gap = 0
                pos += gap
                starts[i] = pos
                pos += height
                ends[i] = pos
                i += 1
                continue
        elif kind is character and elements[i].dual is None:
            # A speech that fits where it is: its lines one after the other.
            j = i + 1
            if j < n and kinds[j] is dialogue and (j + 1 == n or kinds[j + 1] not in speech_parts):
                # The commonest speech: a cue and one dialogue paragraph.
                cue_height = heights[i]
                used = pos % size
                gap = cue_gap if used else 0
                if used + gap + cue_height + heights[j] <= size:
                    pos += gap
                    starts[i] = pos
                    pos += cue_height
                    ends[i] = starts[j] = pos
                    pos += heights[j]
                    ends[j] = pos
                    i = j + 1
                    continue
            while (
                j < n
                and kinds[j] in speech_parts
                and not (kinds[j] is lyrics and elements[j].forced)
            ):
                j += 1
            used = pos % size
            gap = cue_gap if used else 0
            if used + gap + sum(heights[i:j]) <= size:
                pos += gap
                for index in range(i, j):
                    starts[index] = pos
                    pos += heights[index]
                    ends[index] = pos
                i = j
                continue
        block = _block(elements, kinds, heights, i)
        i = block.last + 1
        first, last, kind, before, height = (
            block.first,
            block.last,
            block.kind,
            block.before,
            block.height,
        )
        if kind is page_break:
            new_page()
            starts[first] = ends[first] = pos
            continue
        if height == 0:
            for index in range(first, last + 1):
                starts[index] = ends[index] = pos
            continue
        used = pos % size
        gap = before if used else 0
        need = height
        if kind is scene_heading:
            # A heading is never the last thing on a page: keep the start of what follows
            # (the first of the next two blocks that takes room).
            following = None
            after = i
            for _ in range(2):
                if after >= n:
                    break
                candidate = _block(elements, kinds, heights, after)
                if candidate.height:
                    following = candidate
                    break
                after = candidate.last + 1
            if following is not None and following.kind is not scene_heading:
                need += following.before + min(following.height, _MIN_SPLIT + 1)
        if used + gap + need <= size:
            pos = sequential(block, pos + gap)
            continue
        room = size - used - gap
        if block.breakable and kind is character:
            body = height - block.heights[0]
            if room >= block.heights[0] + _MIN_SPLIT + 1 and body > _MIN_SPLIT:
                pos = speech(block, pos + gap)
            else:
                new_page()
                pos = speech(block, pos)
            continue
        if block.breakable and room >= _MIN_SPLIT and height - room >= _MIN_SPLIT:
            # A long action paragraph flows on to the next page.
            pos = sequential(block, pos + gap)
            continue
        new_page()
        pos = sequential(block, pos)
    last = max(ends, default=0)
    page_count = max(1, -(-last // size)) if n else 0
    pages = list(map(add, map(floordiv, starts, repeat(size)), repeat(1)))
    cap = max(page_count, 1)
    if pages and pages[-1] > cap:  # unprinted elements after the last printed line
        pages = [min(page, cap) for page in pages]
    lines = list(map(add, map(mod, starts, repeat(size)), repeat(1)))
    return Pagination(tuple(pages), tuple(lines), tuple(starts), tuple(ends), page_count, size)
