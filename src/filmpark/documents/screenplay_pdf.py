"""A screenplay printed to PDF in the industry layout.

US Letter, a Courier-metric monospace at 12 pt (10 characters an inch, 6 lines an inch),
55 lines of text a page between a 1" top margin and the bottom margin; scene headings and
action at 1.5", dialogue at 2.5", parentheticals at 3.1", character cues at 3.7",
transitions set flush right at 7.5", centred text centred on the text column. Page numbers
sit top right from page 2 on; scene numbers stand in both margins when the script has them;
a speech split across pages ends with ``(MORE)`` and resumes under ``NAME (CONT'D)``; a
revised line (an element with a revision id, as Final Draft marks them) has a star in the right
margin; a title page comes first when the script has one. Page breaks are the ones
:func:`filmpark.screenplay.paginate.paginate` computes, so a page of the PDF is a page of the
script's own pagination, and its eighths agree.

The font (Liberation Mono, see :mod:`filmpark.documents.fonts`) has every Vietnamese letter.
Markers are printed in the document's language: English or Vietnamese.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from filmpark.documents.fonts import font_path
from filmpark.errors import ValidationError
from filmpark.screenplay.model import Element, ElementKind, Script
from filmpark.screenplay.paginate import LINES_PER_PAGE, paginate
from filmpark.text import t

__all__ = ["A4", "US_LETTER", "ScreenplayLayout", "render_screenplay_pdf"]

_INCH = 72.0


@dataclass(frozen=True, slots=True)
class ScreenplayLayout:
    """Page geometry in points (1/72 inch). Indents are measured from the page's left edge."""

    page_width: float = 8.5 * _INCH
    page_height: float = 11 * _INCH
    top: float = 1.0 * _INCH
    lines_per_page: int = LINES_PER_PAGE
    font_size: float = 12.0
    line_height: float = 12.0
    action: float = 1.5 * _INCH
    dialogue: float = 2.5 * _INCH
    parenthetical: float = 3.1 * _INCH
    cue: float = 3.7 * _INCH
    right: float = 7.5 * _INCH
    left_number: float = 0.75 * _INCH
    right_number: float = 7.75 * _INCH
    revision_mark: float = 8.0 * _INCH
    page_number_top: float = 0.5 * _INCH

    @property
    def char_width(self) -> float:
        return self.font_size * 0.6


US_LETTER = ScreenplayLayout()
# An A4 page as word processors set scripts: 1" side margins, narrower indents, 58 lines.
A4 = ScreenplayLayout(
    page_width=595.28,
    page_height=841.89,
    lines_per_page=58,
    action=1.0 * _INCH,
    dialogue=2.0 * _INCH,
    parenthetical=2.6 * _INCH,
    cue=3.2 * _INCH,
    right=595.28 - 1.0 * _INCH,
    left_number=0.4 * _INCH,
    right_number=595.28 - 0.8 * _INCH,
    revision_mark=595.28 - 0.4 * _INCH,
)

_LABELS: dict[str, dict[str, str]] = {
    "en": {"more": "(MORE)", "contd": "(CONT'D)"},
    "vi": {"more": "(CÒN NỮA)", "contd": "(TIẾP)"},
}

# Width in characters of each printed element (the pagination's widths).
_WIDTH: dict[ElementKind, int] = {
    ElementKind.SCENE_HEADING: 60,
    ElementKind.ACTION: 60,
    ElementKind.SHOT: 60,
    ElementKind.CHARACTER: 38,
    ElementKind.PARENTHETICAL: 25,
    ElementKind.DIALOGUE: 35,
    ElementKind.LYRICS: 35,
    ElementKind.TRANSITION: 60,
    ElementKind.CENTERED: 60,
}
_DUAL_WIDTH: dict[ElementKind, int] = {
    ElementKind.CHARACTER: 28,
    ElementKind.PARENTHETICAL: 22,
    ElementKind.DIALOGUE: 28,
    ElementKind.LYRICS: 28,
}
_SPEECH = frozenset({ElementKind.PARENTHETICAL, ElementKind.DIALOGUE, ElementKind.LYRICS})
_MARK_RE = re.compile(r"(\\[*_])|(\*\*\*|\*\*|\*|_)")


@dataclass(slots=True)
class _Styled:
    """Plain text with a style (``""``, ``B``, ``I``, ``BI`` plus ``U``) for each character."""

    text: str
    styles: list[str] = field(default_factory=list)


def _styled(text: str) -> _Styled:
    text = unicodedata.normalize("NFC", text)
    bold = italic = underline = False
    chars: list[str] = []
    styles: list[str] = []
    position = 0
    for match in _MARK_RE.finditer(text):
        for char in text[position : match.start()]:
            chars.append(char)
            styles.append(_style(bold, italic, underline))
        if match.group(1):
            chars.append(match.group(1)[1])
            styles.append(_style(bold, italic, underline))
        else:
            mark = match.group(2)
            if mark == "_":
                underline = not underline
            else:
                if len(mark) >= 2:
                    bold = not bold
                if len(mark) != 2:
                    italic = not italic
        position = match.end()
    for char in text[position:]:
        chars.append(char)
        styles.append(_style(bold, italic, underline))
    return _Styled("".join(chars), styles)


def _style(bold: bool, italic: bool, underline: bool) -> str:
    return ("B" if bold else "") + ("I" if italic else "") + ("U" if underline else "")


def _joined(styled: _Styled, words: Sequence[tuple[int, int]]) -> _Styled:
    """The words ``(start, end)`` of ``styled`` joined by single spaces, styles kept."""
    text = " ".join(styled.text[a:b] for a, b in words)
    styles: list[str] = []
    for n, (a, b) in enumerate(words):
        if n:
            styles.append(styles[-1] if styles else "")
        styles.extend(styled.styles[a:b])
    return _Styled(text, styles)


def _wrap(styled: _Styled, width: int) -> list[_Styled]:
    """Greedy word wrap at ``width`` characters, as the pagination counts lines."""
    lines: list[_Styled] = []
    offset = 0
    for raw in styled.text.split("\n"):
        start = offset
        offset += len(raw) + 1
        if len(raw) <= width:
            lines.append(_Styled(raw, styled.styles[start : start + len(raw)]))
            continue
        current: list[tuple[int, int]] = []
        used = 0
        for match in re.finditer(r"\S+", raw):
            a, b = match.start() + start, match.end() + start
            while b - a > width:  # a word longer than the line is broken
                if current:
                    lines.append(_joined(styled, current))
                    current = []
                lines.append(_joined(styled, [(a, a + width)]))
                a += width
                used = 0
            if not current:
                current = [(a, b)]
                used = b - a
            elif used + 1 + (b - a) <= width:
                current.append((a, b))
                used += 1 + (b - a)
            else:
                lines.append(_joined(styled, current))
                current = [(a, b)]
                used = b - a
        if current:
            lines.append(_joined(styled, current))
    return lines


@dataclass(slots=True)
class _Op:
    line: int
    x: float
    text: _Styled


@dataclass(slots=True)
class _Pages:
    layout: ScreenplayLayout
    pages: dict[int, list[_Op]] = field(default_factory=dict)

    def put(self, position: int, x: float, text: _Styled) -> None:
        page, line = divmod(position, self.layout.lines_per_page)
        self.pages.setdefault(page, []).append(_Op(line, x, text))


def _language(script: Script, language: str | None) -> str:
    chosen = language or (script.language if script.language in _LABELS else "en")
    if chosen not in _LABELS:
        raise ValidationError("language", t("language.no_screenplay_labels", lang=repr(chosen)))
    return chosen


def render_screenplay_pdf(
    script: Script,
    *,
    language: str | None = None,
    layout: ScreenplayLayout = US_LETTER,
    user_password: str | None = None,
) -> bytes:
    """The script as a PDF in the industry layout (see the module docstring).

    ``language`` (``"en"`` or ``"vi"``, default: the script's) sets the ``(MORE)`` /
    ``(CONT'D)`` markers; ``user_password`` encrypts the file so it opens only with it.
    """
    labels = _LABELS[_language(script, language)]
    elements = list(script.elements)
    pagination = paginate(elements, layout.lines_per_page)
    pages = _Pages(layout)
    cw = layout.char_width
    numbered = any(e.scene_number for e in elements if e.kind is ElementKind.SCENE_HEADING)
    index = 0
    while index < len(elements):
        element = elements[index]
        kind = element.kind
        width = _WIDTH.get(kind, 0)
        if width == 0:
            index += 1
            continue
        if kind is ElementKind.CHARACTER and element.dual is not None:
            index = _dual(elements, index, pagination.starts[index], pages)
            continue
        lines = _wrap(_styled(element.text), width)
        at = pagination.starts[index]
        span = pagination.ends[index] - at
        split_speech = kind in _SPEECH and span > len(lines)
        for line in lines:
            if split_speech and at % layout.lines_per_page == layout.lines_per_page - 1:
                cue = _cue_before(elements, index)
                pages.put(at, layout.cue, _Styled(labels["more"], [""] * len(labels["more"])))
                at += 1
                continued = f"{cue} {labels['contd']}" if labels["contd"] not in cue else cue
                pages.put(at, layout.cue, _Styled(continued, [""] * len(continued)))
                # The pagination keeps as many lines for the repeated cue as the cue takes.
                at += max(1, len(_wrap(_styled(cue), _WIDTH[ElementKind.CHARACTER])))
            pages.put(at, _x_for(kind, line, layout), line)
            if element.revision:
                pages.put(at, layout.revision_mark, _Styled("*", [""]))
            at += 1
        if kind is ElementKind.SCENE_HEADING and numbered and element.scene_number:
            number = _Styled(element.scene_number, [""] * len(element.scene_number))
            first = pagination.starts[index]
            pages.put(first, layout.left_number, number)
            pages.put(first, layout.right_number, number)
        index += 1
    pdf = _new_pdf(layout, script, locked=user_password is not None)
    if script.title_page:
        _title_page(pdf, script.title_page, layout)
    last_page = max(pages.pages, default=-1)
    for page in range(last_page + 1):
        pdf.add_page()
        if page > 0:
            label = f"{page + 1}."
            pdf.set_font("Mono", "", layout.font_size)
            pdf.text(layout.right - len(label) * cw, layout.page_number_top + 10, label)
        for op in pages.pages.get(page, []):
            _draw(pdf, op, layout)
    if user_password is not None:
        # A random owner password: nobody gets the right to change the locked script.
        pdf.set_encryption(
            owner_password=secrets.token_urlsafe(24),
            user_password=user_password,
            encryption_method=EncryptionMethod.AES_256,  # any Unicode password, strong cipher
        )
    return bytes(pdf.output())


def _x_for(kind: ElementKind, line: _Styled, layout: ScreenplayLayout) -> float:
    cw = layout.char_width
    if kind is ElementKind.TRANSITION:
        return layout.right - len(line.text.rstrip()) * cw
    if kind is ElementKind.CENTERED:
        return (layout.action + layout.right) / 2 - len(line.text.strip()) * cw / 2
    return {
        ElementKind.CHARACTER: layout.cue,
        ElementKind.PARENTHETICAL: layout.parenthetical,
        ElementKind.DIALOGUE: layout.dialogue,
        ElementKind.LYRICS: layout.dialogue,
    }.get(kind, layout.action)


def _cue_before(elements: Sequence[Element], index: int) -> str:
    for back in range(index - 1, -1, -1):
        if elements[back].kind is ElementKind.CHARACTER:
            return unicodedata.normalize("NFC", elements[back].text)
    return ""


def _dual(elements: Sequence[Element], index: int, start: int, pages: _Pages) -> int:
    """Both columns of a dual dialogue, side by side from line ``start``."""
    layout = pages.layout
    cw = layout.char_width
    half = (layout.right - layout.action) / 2
    speakers = 0
    column_x = layout.action
    at = start
    while index < len(elements):
        element = elements[index]
        if element.kind is ElementKind.CHARACTER:
            if element.dual is None or speakers == 2:
                break
            speakers += 1
            column_x = layout.action + half * (speakers - 1)
            at = start
        elif element.kind not in _SPEECH:
            break
        offset = {ElementKind.CHARACTER: 8, ElementKind.PARENTHETICAL: 3}.get(element.kind, 0)
        for line in _wrap(_styled(element.text), _DUAL_WIDTH.get(element.kind, 28)):
            pages.put(at, column_x + offset * cw, line)
            at += 1
        index += 1
    return index


def _new_pdf(layout: ScreenplayLayout, script: Script, *, locked: bool) -> FPDF:
    pdf = FPDF(unit="pt", format=(layout.page_width, layout.page_height))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for style, name in (("", "regular"), ("B", "bold"), ("I", "italic"), ("BI", "bold-italic")):
        pdf.add_font("Mono", style, str(font_path(name)))
    pdf.set_creator("filmpark")
    pdf.set_creation_date(datetime(2000, 1, 1, tzinfo=UTC))
    if script.title:
        pdf.set_title(script.title)
    if not locked:
        # fpdf2 leaves the catalogue's /Lang unencrypted, which breaks strict readers of a
        # locked file; a locked script goes without it.
        pdf.set_lang(script.language)
    return pdf


def _draw(pdf: FPDF, op: _Op, layout: ScreenplayLayout) -> None:
    cw = layout.char_width
    baseline = layout.top + op.line * layout.line_height + layout.font_size * 0.8
    text = op.text.text
    start = 0
    while start < len(text):
        style = op.text.styles[start] if start < len(op.text.styles) else ""
        end = start + 1
        while (
            end < len(text) and (op.text.styles[end] if end < len(op.text.styles) else "") == style
        ):
            end += 1
        chunk = text[start:end]
        if chunk.strip():
            pdf.set_font("Mono", style, layout.font_size)
            pdf.text(op.x + start * cw, baseline, chunk)
        start = end


def _title_page(pdf: FPDF, title_page: Sequence[tuple[str, str]], layout: ScreenplayLayout) -> None:
    """Title and by-line centred a third of the way down; contact and date bottom left."""
    pdf.add_page()
    cw = layout.char_width
    centred: list[str] = []
    corner: list[str] = []
    for key, value in title_page:
        lowered = key.strip().lower()
        lines = [unicodedata.normalize("NFC", v).strip() for v in value.split("\n")]
        if lowered == "title":
            centred.extend(lines)
        elif lowered in ("credit", "author", "authors", "source"):
            centred.append("")
            centred.extend(lines)
        else:
            if corner:
                corner.append("")
            corner.extend(lines)
    middle = (layout.action + layout.right) / 2
    line = 18
    for text in centred:
        if text:
            styled = _styled(text)
            _draw(pdf, _Op(line, middle - len(styled.text) * cw / 2, styled), layout)
        line += 1
    line = max(line + 2, layout.lines_per_page - len(corner))
    for text in corner:
        if text:
            _draw(pdf, _Op(line, layout.action, _styled(text)), layout)
        line += 1
