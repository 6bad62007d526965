"""From a reader's flat list of elements to a :class:`~filmpark.screenplay.model.Script`.

Every reader (Fountain, plain text, FDX, PDF) finds the paragraphs; this module does the
rest the same way for all of them: scenes (each heading opens one), scene numbers (the
script's own, else the 1-based position), day/night carried across ``CONTINUOUS`` /
``LATER`` / ``LIÊN TỤC``, the speaking characters (canonical cue names, never merged across
aliases), the language, and the pages and eighths.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import fields, replace
from itertools import compress, repeat
from operator import attrgetter, is_
from typing import cast

from filmpark.screenplay.headings import (
    common_heading,
    general_heading,
    heading_from_text,
    split_scene_number,
)
from filmpark.screenplay.language import detect_language
from filmpark.screenplay.model import (
    Character,
    DayNight,
    Diagnostic,
    Element,
    ElementKind,
    Scene,
    SceneHeading,
    Script,
    switched_draft_mirrors,
)
from filmpark.screenplay.paginate import LINES_PER_PAGE, Pagination, paginate
from filmpark.text import t
from filmpark.units import Eighths, SceneNumber

_SPACES_RE = re.compile(r"\s+")
_MAX_CUE_SCAN = 300  # extensions are looked for on cue-sized text only
_CLOSING = (")", "）")


def split_cue(cue: str) -> tuple[str, str | None]:
    """``"EVE (cont'd)"`` -> ``("EVE", "cont'd")``; ``"@McCLANE ^"`` -> ``("McCLANE", None)``.

    The canonical name drops the forced-cue ``@``, the dual-dialogue ``^`` and every trailing
    parenthetical: any trailing parenthetical on a cue is an extension (``V.O.``, ``O.S.``,
    ``CONT'D``, ``PRE-LAP``...); several are joined with a space: ``V.O. CONT'D``.
    """
    name = cue.strip()
    if not name.isascii():
        name = unicodedata.normalize("NFC", name)
    last = name[-1:]
    if last not in ")^）" and name[:1] != "@":
        return (_SPACES_RE.sub(" ", name) if "  " in name else name), None
    if name.endswith("^"):
        name = name[:-1].rstrip()
    if name.startswith("@"):
        name = name[1:].lstrip()
    extensions: list[str] = []
    # Take off trailing parentheticals, last first, with string methods (this runs for every
    # cue of a script; a regular expression searching from each position cost more). The name
    # has no trailing space here: an extension is the text between the last opening bracket
    # and a closing one at the very end, with no bracket between.
    while len(name) <= _MAX_CUE_SCAN and name[-1:] in _CLOSING:
        opening = max(name.rfind("("), name.rfind("（"))
        inside = name[opening + 1 : -1]
        if opening < 0 or ")" in inside or "）" in inside:
            break
        before = name[:opening].rstrip()
        if not before:
            break  # "(V.O.)" alone is a name, not an extension
        extensions.insert(0, inside.strip())
        name = before
    # Runs of whitespace as one space (str.split() knows the same whitespace as re's \s).
    name = " ".join(name.split())
    extension = " ".join(e for e in extensions if e) or None
    return name, extension


def canonical_name(cue: str) -> str:
    """The character a cue names, in upper case: ``"Eve (cont'd)"`` -> ``"EVE"``."""
    return split_cue(cue)[0].upper()


class _SceneDraft:
    """A :class:`Scene` being built: the same slots, filled with plain stores.

    A frozen dataclass's ``__init__`` calls ``object.__setattr__`` once per field; a draft
    whose class is then switched to Scene (CPython allows it: both have exactly the same
    slots) costs a fraction of that. The result equals what ``Scene(...)`` makes (checked at
    import).
    """

    __slots__ = Scene.__slots__

    def __init__(
        self,
        index: int,
        number: SceneNumber,
        heading: SceneHeading,
        elements: tuple[Element, ...],
        line: int,
        page: int,
        eighths: Eighths,
        explicit_number: bool,
        omitted: bool,
    ) -> None:
        self.index = index
        self.number = number
        self.heading = heading
        self.elements = elements
        self.line = line
        self.page = page
        self.eighths = eighths
        self.explicit_number = explicit_number
        self.omitted = omitted


def _new_scene(
    index: int,
    number: SceneNumber,
    heading: SceneHeading,
    elements: tuple[Element, ...],
    line: int,
    page: int,
    eighths: Eighths,
    explicit_number: bool,
    omitted: bool,
) -> Scene:
    """``Scene(...)`` with every field given, without the frozen dataclass's per-field cost."""
    if not _SCENE_DRAFT_MIRRORS:
        return Scene(
            index, number, heading, elements, line, page, eighths, explicit_number, omitted
        )
    draft = _SceneDraft(
        index, number, heading, elements, line, page, eighths, explicit_number, omitted
    )
    object.__setattr__(draft, "__class__", Scene)
    return cast(Scene, draft)


# Should the model gain a field, scenes are built by the constructor (slower, never wrong).
_SCENE_DRAFT_MIRRORS = switched_draft_mirrors(
    Scene,
    _SceneDraft,
    (2, SceneNumber("3"), heading_from_text("INT. X - DAY"), (), 4, 5, Eighths(6), True, True),
    9,
)

_new_object = object.__new__
_set_field = object.__setattr__


def _scene_number(text: str) -> SceneNumber:
    """``SceneNumber(text)``; for a number already clean (what the readers give: no spaces
    around it, not empty), its one field is set directly instead of through the frozen
    dataclass's ``__init__`` and ``__post_init__``."""
    if not _SIMPLE_VALUES_MIRROR or not text or text != text.strip():
        return SceneNumber(text)
    number = _new_object(SceneNumber)
    _set_field(number, "text", text)
    return number


def _eighths(value: int) -> Eighths:
    """``Eighths(value)`` for a length the layout measured (never negative), set directly."""
    if not _SIMPLE_VALUES_MIRROR or value < 0:
        return Eighths(value)
    eighths = _new_object(Eighths)
    _set_field(eighths, "value", value)
    return eighths


def _simple_values_mirror() -> bool:
    """Whether SceneNumber and Eighths still hold one field each, so that setting it makes
    what the constructor makes (checked once at import; else the constructors are used)."""
    if [f.name for f in fields(SceneNumber)] != ["text"]:
        return False
    if [f.name for f in fields(Eighths)] != ["value"]:
        return False
    number = _new_object(SceneNumber)
    _set_field(number, "text", "12A")
    eighths = _new_object(Eighths)
    _set_field(eighths, "value", 11)
    built: tuple[object, object] = (number, eighths)
    return built == (SceneNumber("12A"), Eighths(11))


_SIMPLE_VALUES_MIRROR = _simple_values_mirror()


def build_script(
    elements: Sequence[Element],
    *,
    title_page: Sequence[tuple[str, str]] = (),
    diagnostics: Sequence[Diagnostic] = (),
    source: str = "",
    source_format: str = "fountain",
    language: str | None = None,
    real_pages: bool = False,
    attributes: Sequence[tuple[str, str]] = (),
    pagination: Pagination | None = None,
    prepared: bool = False,
    kinds: list[ElementKind] | None = None,
    texts: list[str] | None = None,
) -> Script:
    """Assemble a Script from elements in document order.

    Character elements get their canonical ``name`` (and ``extension``) filled in when the
    reader left them empty; scene headings get their ``scene_number`` from a ``#12A#`` left in
    the text. With ``real_pages`` the page of each element is the ``page`` the reader set (PDF
    input); otherwise the elements are paginated on the industry page (a reader that already
    did so passes its ``pagination``). A reader passes ``prepared`` when its elements already
    carry all of that: cue names, heading numbers and the pages of ``pagination``, and with it
    the elements' ``kinds`` and ``texts`` as lists if it has them.
    """
    notes = list(diagnostics)
    ready = prepared and pagination is not None and not real_pages
    prepared_elements = elements if ready else _prepare(elements)
    pages: Sequence[int]
    if real_pages:
        pages = [e.page or 1 for e in prepared_elements]
        lengths = _real_lengths(prepared_elements, pages)
        page_count = max(pages, default=0)
        total = Eighths(page_count * 8)
    else:
        layout = pagination if pagination is not None else paginate(prepared_elements)
        pages = layout.pages
        lengths = None
        page_count = layout.page_count
        total = Eighths(layout.total_eighths)
    if ready or list(map(_PAGE, prepared_elements)) == list(pages):
        placed = tuple(prepared_elements)  # a reader that paginated has set every page already
    else:
        placed = tuple(
            e if e.page == pages[i] else _with_page(e, pages[i])
            for i, e in enumerate(prepared_elements)
        )
    # The kinds once, in C; the passes below look at them rather than at every element.
    if not ready or kinds is None:
        kinds = list(map(_KIND, placed))
    if not ready:
        texts = None
    heading_at = positions(kinds, ElementKind.SCENE_HEADING)
    if lengths is None:
        layout_starts, layout_ends = layout.starts, layout.ends
        lines_per_page = layout.lines_per_page
    scenes: list[Scene] = []
    previous_dn = DayNight.UNKNOWN
    seen_numbers: dict[str, int] = {}
    scene_ends = [*heading_at[1:], len(placed)] if heading_at else []
    lengths_made: dict[int, Eighths] = {}
    for position, (start, end) in enumerate(zip(heading_at, scene_ends, strict=True)):
        element = placed[start]
        text = element.text
        # heading_from_text(text), its steps called here: the common form, else the general
        # parse, else a heading without a known prefix.
        heading = None
        if text.isascii():
            line = text.strip()
            if line[:1] in "IiEe":
                heading = common_heading(line)
        if heading is None:
            heading = general_heading(text) or heading_from_text(text)
        if heading.int_ext is None and heading.location.strip() != "OMITTED":
            notes.append(
                Diagnostic(
                    source, element.line, t("assemble.no_int_ext", heading=repr(element.text))
                )
            )
        if heading.continuity and heading.day_night is DayNight.UNKNOWN:
            heading = replace(heading, day_night=previous_dn)
        previous_dn = heading.day_night
        number_text = element.scene_number
        explicit = number_text is not None
        if number_text is None:
            number_text = str(position + 1)
        if number_text in seen_numbers:
            notes.append(
                Diagnostic(
                    source,
                    element.line,
                    t("assemble.number_twice", number=number_text),
                )
            )
        else:
            seen_numbers[number_text] = element.line
        if lengths is not None:
            eighths = lengths[position]
        else:
            # Layout.eighths_between(start, last printed element), read off the layout here.
            last = end - 1
            while last > start and kinds[last] in _UNPRINTED:
                last -= 1
            lines = max(0, layout_ends[last] - layout_starts[start])
            eighths = max(1, -(-lines * 8 // lines_per_page))
        body = placed[start + 1 : end]
        omitted = heading.location == "OMITTED" or (
            heading.int_ext is None and heading.text.strip().upper() == "OMITTED"
        )
        length = lengths_made.get(eighths)
        if length is None:
            # Scenes of the same length share one (frozen) Eighths.
            length = lengths_made[eighths] = _eighths(eighths)
        scenes.append(
            _new_scene(
                position,
                _scene_number(number_text),
                heading,
                body,
                element.line,
                pages[start],
                length,
                explicit,
                omitted,
            )
        )

    characters = _characters(placed, kinds, heading_at, scenes)
    if language is None:
        note = ElementKind.NOTE
        if texts is None:
            texts = list(map(_TEXT, placed))
        language = detect_language(
            [t for t, kind in zip(texts, kinds, strict=True) if kind is not note]
            if note in kinds
            else texts,
            [texts[i] for i in heading_at],
        )
    notes.sort(key=lambda d: d.line)
    return Script(
        title_page=tuple((k, v) for k, v in title_page),
        elements=placed,
        scenes=tuple(scenes),
        characters=characters,
        diagnostics=tuple(notes),
        language=language,
        source=source,
        source_format=source_format,
        page_count=page_count,
        length=total,
        attributes=tuple(attributes),
    )


_ELEMENT_SLOTS: tuple[str, ...] = tuple(f.name for f in fields(Element))
_KIND = attrgetter("kind")
_TEXT = attrgetter("text")
_PAGE = attrgetter("page")
_NAME = attrgetter("name")


def positions(kinds: Sequence[ElementKind], kind: ElementKind) -> list[int]:
    """The indices where ``kinds`` holds ``kind``, found in C (``compress`` over an identity
    test per item) rather than by a Python loop over a script's thousands of elements."""
    return list(compress(range(len(kinds)), map(is_, kinds, repeat(kind))))


def _with_page(element: Element, page: int) -> Element:
    """A copy of ``element`` on ``page`` (what :func:`dataclasses.replace` does, ten times faster:
    a script has thousands of elements and every one gets its page)."""
    copy = object.__new__(Element)
    for name in _ELEMENT_SLOTS:
        object.__setattr__(copy, name, getattr(element, name))
    object.__setattr__(copy, "page", page)
    return copy


def _prepare(elements: Sequence[Element]) -> Sequence[Element]:
    """Fill in cue names and heading numbers a reader may have left to us."""
    kinds = list(map(_KIND, elements))
    # The cues and headings picked out in C (``compress`` over an identity test per kind).
    cues = compress(elements, map(is_, kinds, repeat(ElementKind.CHARACTER)))
    headings = compress(elements, map(is_, kinds, repeat(ElementKind.SCENE_HEADING)))
    if None not in map(_NAME, cues) and not any(
        e.scene_number is None and "#" in e.text for e in headings
    ):
        return elements  # the reader did it (the Fountain reader always does)
    prepared: list[Element] = []
    for element in elements:
        if element.kind is ElementKind.CHARACTER and element.name is None:
            name, extension = split_cue(element.text)
            element = replace(element, name=name.upper(), extension=extension)
        elif element.kind is ElementKind.SCENE_HEADING and element.scene_number is None:
            text, number = split_scene_number(element.text)
            if number is not None:
                element = replace(element, text=text, scene_number=number)
        prepared.append(element)
    return prepared


# A tuple, not a set: membership by identity, without hashing an Enum (a Python-level call).
_UNPRINTED = (ElementKind.NOTE, ElementKind.SECTION, ElementKind.SYNOPSIS, ElementKind.PAGE_BREAK)


def _real_lengths(elements: Sequence[Element], pages: Sequence[int]) -> list[int]:
    """Scene lengths from real pages (PDF): share each page by the scenes' printed lines.

    Without line positions on the page, a scene's share of a page is its share of the
    paragraphs' text lines printed on that page, rounded up to eighths (at least 1/8).
    """
    heading_at = [i for i, e in enumerate(elements) if e.kind is ElementKind.SCENE_HEADING]
    if not heading_at:
        return []
    weight = [0 if e.kind in _UNPRINTED else e.text.count("\n") + 2 for e in elements]
    per_page: dict[int, int] = {}
    for index, w in enumerate(weight):
        per_page[pages[index]] = per_page.get(pages[index], 0) + w
    lengths: list[int] = []
    for position, start in enumerate(heading_at):
        end = heading_at[position + 1] if position + 1 < len(heading_at) else len(elements)
        share = 0.0
        for index in range(start, end):
            page_total = max(per_page.get(pages[index], 1), LINES_PER_PAGE // 2)
            share += weight[index] * 8 / page_total
        eighths = int(share) + (0 if share == int(share) else 1)
        lengths.append(max(1, eighths))
    return lengths


class _Speaker:
    """What :func:`_characters` gathers about one character while it walks the cues."""

    __slots__ = ("forms", "lines", "scenes", "seen")

    def __init__(self) -> None:
        self.scenes: list[str] = []  # scene numbers in order of first cue
        self.seen: set[str] = set()  # the same, to test membership
        self.lines = 0
        self.forms: dict[str, None] = {}  # cue texts as written, in order


def _characters(
    elements: Sequence[Element],
    kinds: Sequence[ElementKind],
    heading_at: Sequence[int],
    scenes: Sequence[Scene],
) -> tuple[Character, ...]:
    """Speaking characters in order of first cue: scenes spoken in, speeches, cue forms.

    Cues before the first heading (a cold open without a heading) count as speeches but belong
    to no scene. Only the cues are visited (their positions come from ``kinds``), each with the
    number of the scene it falls in (``heading_at[k]`` opens ``scenes[k]``).
    """
    speakers: dict[str, _Speaker] = {}
    numbers = [scene.number.text for scene in scenes]
    count = len(kinds)
    headings = len(heading_at)
    scene = -1  # index of the scene the cue is in; -1 before the first heading
    next_heading = heading_at[0] if heading_at else count
    for index in positions(kinds, ElementKind.CHARACTER):
        while index > next_heading:
            scene += 1
            next_heading = heading_at[scene + 1] if scene + 1 < headings else count
        element = elements[index]
        name = element.name
        if not name:
            continue
        speaker = speakers.get(name)
        if speaker is None:
            speaker = speakers[name] = _Speaker()
        if scene >= 0:
            number = numbers[scene]
            if number not in speaker.seen:
                speaker.scenes.append(number)
                speaker.seen.add(number)
        speaker.lines += 1
        speaker.forms[element.text.strip()] = None
    return tuple(
        Character(
            name=name,
            scenes=tuple(speaker.scenes),
            lines=speaker.lines,
            cue_forms=tuple(speaker.forms),
        )
        for name, speaker in speakers.items()
    )
