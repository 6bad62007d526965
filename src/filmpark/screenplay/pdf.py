"""PDF screenplays: text with positions, told apart by indent, on the real pages.

A printed screenplay says what each line is by where it starts: scene headings and action at
the left margin, dialogue indented about an inch, parentheticals a little more, character
cues more again, transitions set flush right. Margins differ between Final Draft on US
Letter and a script typed in Word on A4, so the indents are learned per document: the text
rows of every page are clustered by their left edge, and the clusters are named by what
their rows look like (cues are short upper-case lines, parentheticals open with ``(``,
dialogue is the busiest indent between the margin and the cues).

What is printed but is not the script is dropped: page headers and footers (page numbers,
revision slugs repeated page after page), ``(MORE)`` and ``(CONT'D)`` at a speech split across
pages (the speech is joined again), ``CONTINUED:`` scene continuations, and the scene numbers
in the margins, which become the scenes' numbers. A first page with no scene heading and
centred lines is the title page.

Each element keeps the page it is printed on, counted as the script counts it: the PDF page,
less the title page when there is one (the first script page is page 1). An element's
``line`` is its row in the extracted text, counted from the first script page.
Scene lengths come from the page itself:
the vertical space a scene covers on each of its pages, in eighths of the page's text
height, rounded up, at least 1/8. That is only the industry measure on an industry page
(US Letter, 12-point type, six lines an inch); a script laid out otherwise (A4, another type
size, double spacing) keeps its pages but has its eighths counted after re-paginating it to
the industry page.

Text is extracted with pdfminer.six (imported only here) and normalised to NFC, so
Vietnamese keeps its diacritics however the PDF encoded them.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
import statistics
import unicodedata
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from filmpark.errors import ScreenplayError
from filmpark.screenplay.assemble import build_script, split_cue
from filmpark.screenplay.fdx import title_page_from_paragraphs
from filmpark.screenplay.headings import parse_heading
from filmpark.screenplay.model import Diagnostic, DualSide, Element, ElementKind, Script
from filmpark.text import t
from filmpark.units import Eighths

__all__ = ["read_pdf"]

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\u00a0": " "})
_SCENE_NUMBER_RE = re.compile(
    r"^(?:[A-Za-z]{1,3}-?)?\d{1,4}[A-Za-z]{0,3}(?:[.\-][0-9A-Za-z]{1,3})*\.?$"
)
_PAGE_NUMBER_RE = re.compile(r"^(?:page\s+|trang\s+)?\d{1,4}[A-Z]?\.?(?:\s*/\s*\d+)?$", re.I)
_MORE_RE = re.compile(r"^\((?:MORE|CÒN NỮA|CÒN TIẾP)\)$", re.I)
_CONTINUED_RE = re.compile(r"^(?:\(CONTINUED\)|CONTINUED:?(?:\s*\(\d+\))?|\(TIẾP TỤC\))$", re.I)
_CONTD_RE = re.compile(r"\s*\((?:CONT'D|CONT’D|CONTD|CONT\.|CONTINUED|TIẾP|CÒN TIẾP)\)\s*$", re.I)
_TRANSITION_RE = re.compile(r"(?:TO:|IN:|OUT\.?|:)$")


@dataclass(slots=True)
class _Row:
    """One printed line: its page, its box (points from the top-left), its text."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    segments: list[tuple[float, float, str]]
    number: str | None = None

    @property
    def text(self) -> str:
        return _join(self.segments)


@dataclass(slots=True)
class _Page:
    width: float
    height: float
    rows: list[_Row] = field(default_factory=list)
    images: int = 0
    glyphs: int = 0
    undecoded: int = 0  # glyphs whose font gives no Unicode text (printed as (cid:N))


def _join(segments: Sequence[tuple[float, float, str]]) -> str:
    return " ".join(s[2].strip() for s in segments if s[2].strip())


# --- extraction ----------------------------------------------------------------------------


def _extract(data: bytes, source: str) -> list[_Page]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTFigure, LTImage
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    pages: list[_Page] = []
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        except PDFPasswordIncorrect:
            raise ScreenplayError(source, t("pdf.password")) from None
        except PDFEncryptionError as error:
            raise ScreenplayError(source, t("pdf.encryption", error=str(error))) from None
        except ScreenplayError:
            raise
        except Exception as error:  # pdfminer raises many kinds on a damaged file
            raise ScreenplayError(source, t("pdf.corrupt", error=_short(error))) from None
        try:
            manager = PDFResourceManager()
            device = PDFPageAggregator(manager, laparams=None)
            interpreter = PDFPageInterpreter(manager, device)
            for page in PDFPage.create_pages(document):
                interpreter.process_page(page)
                layout = device.get_result()
                x0, y0, x1, y1 = layout.bbox
                result = _Page(width=x1 - x0, height=y1 - y0)
                chars: list[tuple[float, float, float, float, str]] = []
                stack = list(layout)
                while stack:
                    item = stack.pop()
                    if isinstance(item, LTChar):
                        text = item.get_text()
                        # Rotated text is a watermark or a margin note, not the script.
                        a, b, c, d, _e, _f = item.matrix
                        if text and abs(b) <= 1e-3 * abs(a) and abs(c) <= 1e-3 * abs(d):
                            result.glyphs += 1
                            if text.startswith("(cid:"):
                                result.undecoded += 1
                                text = "\ufffd"
                            chars.append(
                                (item.x0 - x0, y1 - item.y1, item.x1 - x0, item.size, text)
                            )
                    elif isinstance(item, LTImage):
                        result.images += 1
                    elif isinstance(item, LTFigure):
                        stack.extend(item)
                result.rows = _rows(chars, len(pages) + 1)
                pages.append(result)
        except ScreenplayError:
            raise
        except Exception as error:
            raise ScreenplayError(source, t("pdf.corrupt", error=_short(error))) from None
    return pages


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]


def _rows(chars: list[tuple[float, float, float, float, str]], page: int) -> list[_Row]:
    """Group characters into printed lines, and each line into segments split at wide gaps."""
    if not chars:
        return []
    chars.sort(key=lambda c: (round(c[1], 1), c[0]))
    rows: list[_Row] = []
    group: list[tuple[float, float, float, float, str]] = []
    for char in chars:
        if group and abs(char[1] - group[0][1]) > 0.35 * max(group[0][3], 1.0):
            rows.append(_row(group, page))
            group = []
        group.append(char)
    rows.append(_row(group, page))
    return [r for r in rows if r.segments]


def _row(group: list[tuple[float, float, float, float, str]], page: int) -> _Row:
    group.sort(key=lambda c: c[0])
    widths = [c[2] - c[0] for c in group if c[4].strip() and c[2] > c[0]]
    char_width = statistics.median(widths) if widths else group[0][3] * 0.6
    segments: list[tuple[float, float, str]] = []
    start = group[0][0]
    end = group[0][0]
    text: list[str] = []
    for x0, _top, x1, _size, char in group:
        gap = x0 - end
        if text and gap > 1.6 * char_width:
            segments.append((start, end, "".join(text)))
            text = []
            start = x0
        elif text and gap > 0.3 * char_width and not text[-1].isspace():
            text.append(" " * max(1, round(gap / char_width)))
        text.append(char)
        end = max(end, x1)
    segments.append((start, end, "".join(text)))
    cleaned = [
        (a, b, unicodedata.normalize("NFC", s.translate(_LIGATURES)).rstrip())
        for a, b, s in segments
        if s.strip()
    ]
    # Leading spaces drawn as glyphs move the segment's real start to the right.
    fixed = []
    for a, b, s in cleaned:
        lead = len(s) - len(s.lstrip())
        fixed.append((a + lead * char_width, b, s.strip()))
    top = min(c[1] for c in group)
    size = max(c[3] for c in group)
    return _Row(
        page=page,
        top=top,
        bottom=top + size,
        x0=fixed[0][0] if fixed else group[0][0],
        x1=fixed[-1][1] if fixed else group[-1][2],
        segments=fixed,
    )


# --- reading the layout --------------------------------------------------------------------


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


@dataclass(slots=True)
class _Indents:
    left: float
    right: float
    char: float
    dialogue: float
    parenthetical: float
    cue: float


def _learn_indents(rows: Sequence[_Row], char: float) -> _Indents:
    """The left margin and the dialogue, parenthetical and cue indents of this document."""
    tolerance = char * 0.8
    clusters: list[list[_Row]] = []
    for row in sorted(rows, key=lambda r: r.x0):
        if clusters and row.x0 - clusters[-1][0].x0 <= tolerance:
            clusters[-1].append(row)
        else:
            clusters.append([row])
    total = len(rows) or 1
    # The left margin: the leftmost indent that carries a real share of the rows.
    left_cluster = next(
        (c for c in clusters if len(c) >= max(2, total * 0.03)),
        max(clusters, key=len) if clusters else [],
    )
    left = statistics.median(r.x0 for r in left_cluster) if left_cluster else 0.0
    # A page of nothing but dialogue has few rows at the margin; its headings still are.
    headings = [r.x0 for r in rows if parse_heading(r.text) is not None]
    if headings and statistics.median(headings) < left - 2 * char:
        left = statistics.median(headings)
    right = max((r.x1 for r in rows), default=left + 60 * char)

    def position(cluster: list[_Row]) -> float:
        return statistics.median(r.x0 for r in cluster)

    inner = [c for c in clusters if position(c) > left + 2.5 * char]
    cue_candidates = [
        c
        for c in inner
        if sum(_is_upper(r.text) and len(r.text) <= 45 for r in c) >= 0.7 * len(c)
        and position(c) < right - 8 * char
    ]
    paren_candidates = [c for c in inner if sum(r.text.startswith("(") for r in c) >= 0.6 * len(c)]
    cue = position(max(cue_candidates, key=len)) if cue_candidates else left + 22 * char
    paren = (
        position(max(paren_candidates, key=len))
        if paren_candidates
        else left + (cue - left) * 16 / 22
    )
    dialogue_candidates = [
        c
        for c in inner
        if position(c) < cue - 2 * char and c not in paren_candidates and c not in cue_candidates
    ]
    dialogue = (
        position(max(dialogue_candidates, key=len))
        if dialogue_candidates
        else left + (cue - left) * 10 / 22
    )
    return _Indents(left, right, char, dialogue, paren, cue)


def _strip_margin_numbers(rows: Sequence[_Row], char: float) -> None:
    """Take scene numbers out of the margins: a number left of a heading, right of it, or both."""
    singles = Counter(round(r.x0) for r in rows if len(r.segments) == 1)
    margin = min((x for x, n in singles.items() if n >= 2), default=None)
    for row in rows:
        segments = row.segments
        if len(segments) < 2:
            continue
        first, last = segments[0], segments[-1]
        rest = _join(segments[1:-1] if len(segments) >= 3 and last[2] == first[2] else segments[1:])
        if _SCENE_NUMBER_RE.match(first[2]) and (
            (len(segments) >= 3 and last[2] == first[2])
            or parse_heading(rest) is not None
            or (margin is not None and first[1] < margin - char * 0.5)
        ):
            row.number = first[2]
            segments = segments[1:]
            if len(segments) >= 2 and segments[-1][2] == first[2]:
                segments = segments[:-1]
        elif (
            _SCENE_NUMBER_RE.match(last[2])
            and last[0] - segments[-2][1] >= 1.5 * char
            and parse_heading(_join(segments[:-1])) is not None
        ):
            row.number = last[2]
            segments = segments[:-1]
        if segments is not row.segments:
            row.segments = list(segments)
            row.x0 = segments[0][0]
            row.x1 = segments[-1][1]


def _drop_headers(pages: Sequence[_Page]) -> None:
    """Remove page numbers and running headers and footers.

    A page number is a lone number in the top or bottom margin; a running header or footer
    is a row in a margin, set apart from the text by a blank line or more, that comes back
    page after page. A cue or heading that happens to open several pages is neither.
    """
    keys: Counter[tuple[int, str]] = Counter()
    for page in pages:
        for row in _edge_rows(page):
            keys[(round(row.top / 6), re.sub(r"\d+", "#", row.text))] += 1
    repeat = max(2, math.ceil(len(pages) * 0.4)) if len(pages) >= 3 else 10**9
    for page in pages:
        rows = sorted(page.rows, key=lambda r: r.top)
        drop = []
        for row in _edge_rows(page):
            key = (round(row.top / 6), re.sub(r"\d+", "#", row.text))
            in_margin = row.top < page.height * 0.09 or row.bottom > page.height * 0.94
            if not in_margin:
                continue
            page_number = _PAGE_NUMBER_RE.match(row.text) is not None
            if page_number or (keys[key] >= repeat and _set_apart(row, rows)):
                drop.append(row)
        page.rows = [r for r in page.rows if not any(r is d for d in drop)]
        _drop_margin_slugs(page)


def _set_apart(row: _Row, rows: Sequence[_Row]) -> bool:
    """Whether a blank line or more separates ``row`` from the rows next to it."""
    pitch = row.bottom - row.top
    index = next(i for i, r in enumerate(rows) if r is row)
    before = rows[index - 1] if index > 0 else None
    after = rows[index + 1] if index + 1 < len(rows) else None
    near_before = before is not None and row.top - before.bottom < pitch * 1.5
    near_after = after is not None and after.top - row.bottom < pitch * 1.5
    return not near_before and not near_after


def _drop_margin_slugs(page: _Page) -> None:
    """Rows in the top or bottom margin, set apart from the text: running headers, footers."""
    rows = sorted(page.rows, key=lambda r: r.top)
    if len(rows) < 2:
        return
    keep = list(rows)
    pitch = statistics.median(r.bottom - r.top for r in rows)
    head = [r for r in rows if r.top < page.height * 0.09]
    if head and len(head) < len(rows):
        below = rows[len(head)]
        if below.top - head[-1].top >= 2.5 * pitch:
            keep = [r for r in keep if not any(r is h for h in head)]
    foot = [r for r in rows if r.bottom > page.height * 0.94]
    if foot and len(foot) < len(rows):
        above = rows[len(rows) - len(foot) - 1]
        if foot[0].top - above.top >= 2.5 * pitch:
            keep = [r for r in keep if not any(r is f for f in foot)]
    page.rows = keep


def _strip_revision_marks(rows: Sequence[_Row]) -> None:
    """Revision asterisks printed in the margin beside a changed line."""
    for row in rows:
        marks = [s for s in row.segments if set(s[2]) <= {"*", " "}]
        if marks and len(marks) < len(row.segments):
            row.segments = [s for s in row.segments if not any(s is m for m in marks)]
            row.x0 = row.segments[0][0]
            row.x1 = row.segments[-1][1]


def _edge_rows(page: _Page) -> list[_Row]:
    if not page.rows:
        return []
    rows = sorted(page.rows, key=lambda r: r.top)
    edges = [rows[0], rows[-1]]
    # A second header line (a revision slug under the page number).
    if len(rows) > 2 and rows[1].top < page.height * 0.09:
        edges.append(rows[1])
    return edges


def _title_page(page: _Page, char: float) -> tuple[tuple[str, str], ...] | None:
    """Title page keys when the first page is one: no heading, few rows, centred text."""
    rows = sorted(page.rows, key=lambda r: r.top)
    if not rows or len(rows) > 30 or any(parse_heading(r.text) for r in rows):
        return None
    middle = page.width / 2
    centred = [abs((r.x0 + r.x1) / 2 - middle) <= 3 * char and r.x0 > middle * 0.35 for r in rows]
    if not any(c and r.top < page.height * 0.6 for r, c in zip(rows, centred, strict=True)):
        return None
    # Each printed piece on its own: a draft date set right on the contact's row is apart.
    pieces: list[tuple[str, float, float, str]] = []
    for row in rows:
        for x0, x1, text in row.segments:
            if abs((x0 + x1) / 2 - middle) <= 3 * char and x0 > middle * 0.35:
                column = "center"
            else:
                column = "left" if (x0 + x1) / 2 < middle else "right"
            pieces.append((column, row.top, row.bottom, text))
    paragraphs: list[tuple[str, str]] = []
    for column in ("center", "left", "right"):
        previous_bottom: float | None = None
        for where, top, bottom, text in pieces:
            if where != column:
                continue
            gap = top - previous_bottom if previous_bottom is not None else 0.0
            apart = previous_bottom is not None and gap >= (bottom - top) * 0.5
            if column != "center" and previous_bottom is not None and not apart:
                paragraphs[-1] = (paragraphs[-1][0], paragraphs[-1][1] + "\n" + text)
            else:
                if column == "center" and apart:
                    paragraphs.append(("center", ""))  # a blank line ends the title
                paragraphs.append((column, text))
            previous_bottom = bottom
    return title_page_from_paragraphs(paragraphs)


@dataclass(slots=True)
class _Built:
    elements: list[Element] = field(default_factory=list)
    rows: list[list[_Row]] = field(default_factory=list)  # the rows each element was read from


def read_pdf(data: bytes, source: str = "<input>") -> Script:
    """Read a screenplay PDF into a :class:`Script` on its real pages.

    Raises :class:`~filmpark.errors.ScreenplayError` for a file that is not a PDF, is
    damaged, is protected by a password, or has no text layer (a scan: run OCR first).
    """
    if not data.strip():
        raise ScreenplayError(source, t("screenplay.empty_file"))
    if b"%PDF-" not in data[:1024]:
        raise ScreenplayError(source, t("screenplay.not_pdf"))
    pages = _extract(data, source)
    if not pages:
        raise ScreenplayError(source, t("pdf.no_pages"))
    if not any(p.rows for p in pages):
        if any(p.images for p in pages):
            raise ScreenplayError(source, t("pdf.image_only"))
        raise ScreenplayError(source, t("pdf.no_text"))
    glyphs = sum(p.glyphs for p in pages)
    undecoded = sum(p.undecoded for p in pages)
    if undecoded * 2 > glyphs:
        raise ScreenplayError(
            source,
            t("pdf.no_unicode"),
        )
    all_rows = [r for p in pages for r in p.rows]
    widths = [
        (s[1] - s[0]) / max(1, len(s[2])) for r in all_rows for s in r.segments if len(s[2]) >= 4
    ]
    char = statistics.median(widths) if widths else 7.2
    _drop_headers(pages)
    notes: list[Diagnostic] = []
    if undecoded:
        notes.append(Diagnostic(source, 1, t("pdf.undecoded", count=undecoded)))
    title_page: tuple[tuple[str, str], ...] = ()
    first_body = 0
    if len(pages) > 1:
        found = _title_page(pages[0], char)
        if found is not None:
            title_page = found
            first_body = 1
    body_pages = pages[first_body:]
    body_rows = [r for p in body_pages for r in p.rows]
    if not body_rows:
        raise ScreenplayError(source, t("pdf.no_body"))
    _strip_revision_marks(body_rows)
    _strip_margin_numbers(body_rows, char)
    indents = _learn_indents([r for r in body_rows if len(r.segments) == 1], char)
    built = _elements(body_pages, indents)
    pitch = _line_pitch(body_pages)
    script = build_script(
        built.elements,
        title_page=title_page,
        diagnostics=notes,
        source=source,
        source_format="pdf",
        real_pages=True,
    )
    page = body_pages[0]
    top = min(r.top for r in body_rows)
    bottom = max(r.bottom for r in body_rows)
    height = min(max(bottom - top, page.height - 2 * top + pitch), page.height - top)
    industry = abs(page.width - 612) < 12 and abs(page.height - 792) < 12 and 11.0 <= pitch <= 13.0
    if industry:
        lengths = _measured_lengths(built, height)
        last_page = max(r.page for r in body_rows)
        used = max(r.bottom for r in body_rows if r.page == last_page) - top
        length = Eighths((script.page_count - 1) * 8 + max(1, math.ceil(used * 8 / height - 1e-6)))
    else:
        layout_note = Diagnostic(
            source,
            1,
            t(
                "pdf.not_industry_page",
                width=page.width / 72,
                height=page.height / 72,
                lines=72 / pitch,
            ),
        )
        script = replace(script, diagnostics=(layout_note, *script.diagnostics))
        repaginated = build_script(
            [replace(e, page=None) for e in built.elements], source=source, source_format="pdf"
        )
        lengths = [s.eighths.value for s in repaginated.scenes]
        length = repaginated.length
    if len(lengths) == len(script.scenes):
        script = replace(
            script,
            scenes=tuple(
                replace(s, eighths=Eighths(n)) for s, n in zip(script.scenes, lengths, strict=True)
            ),
            length=length,
        )
    return script


def _line_pitch(pages: Sequence[_Page]) -> float:
    """The distance between two printed lines: the smallest common step between rows.

    A script of one-line paragraphs has a blank line between every two rows, so a step of
    about two type sizes is halved.
    """
    steps: Counter[float] = Counter()
    sizes: list[float] = []
    for page in pages:
        sizes.extend(r.bottom - r.top for r in page.rows)
        for above, below in itertools.pairwise(page.rows):
            if below.top > above.top:
                steps[round(below.top - above.top, 1)] += 1
    size = statistics.median(sizes) if sizes else 12.0
    common = [step for step, n in steps.items() if n >= max(2, sum(steps.values()) * 0.05)]
    pitch = min(common, default=size)
    while pitch > 1.7 * size:
        pitch /= 2
    return max(pitch, size * 0.8)


def _measured_lengths(built: _Built, height: float) -> list[int]:
    """Each scene's vertical extent over its pages in eighths of the text height (round up)."""
    heading_at = [i for i, e in enumerate(built.elements) if e.kind is ElementKind.SCENE_HEADING]
    page_top: dict[int, float] = {}
    for rows in built.rows:
        for row in rows:
            page_top[row.page] = min(page_top.get(row.page, row.top), row.top)
    body_top = min(page_top.values(), default=0.0)
    lengths: list[int] = []
    for position, start in enumerate(heading_at):
        end = heading_at[position + 1] if position + 1 < len(heading_at) else len(built.elements)
        rows = [r for rows in built.rows[start:end] for r in rows]
        if not rows:
            lengths.append(1)
            continue
        first_page = rows[0].page
        last_page = rows[-1].page
        extent = 0.0
        for page in range(first_page, last_page + 1):
            on_page = [r for r in rows if r.page == page]
            start_y = on_page[0].top if page == first_page and on_page else body_top
            end_y = (
                max(r.bottom for r in on_page)
                if page == last_page and on_page
                else body_top + height
            )
            extent += max(0.0, end_y - start_y)
        eighths = math.ceil(extent * 8 / height - 1e-6) if height > 0 else 1
        lengths.append(max(1, eighths))
    return lengths


@dataclass(slots=True)
class _State:
    more_pending: bool = False  # a (MORE) closed the page: the speech goes on overleaf
    drop_contd_cue: bool = False  # the repeated NAME (CONT'D) was dropped


def _elements(pages: Sequence[_Page], indents: _Indents) -> _Built:
    """The script's elements from the rows of its pages, each with the rows it came from."""
    built = _Built()
    char = indents.char
    spaced_headings = _headings_spaced(pages)
    middle = (indents.left + indents.right) / 2
    line_number = 0
    state = _State()
    for page_index, page in enumerate(pages):
        page_number = page_index + 1
        rows = sorted(page.rows, key=lambda r: r.top)
        previous: _Row | None = None
        index = 0
        while index < len(rows):
            row = rows[index]
            line_number += 1
            text = row.text
            pitch = row.bottom - row.top
            gap = (row.top - previous.bottom) if previous is not None else pitch
            new_paragraph = previous is None or gap > pitch * 0.5
            if _MORE_RE.match(text) and row.x0 > indents.dialogue:
                state.more_pending = True
                previous = row
                index += 1
                continue
            if _CONTINUED_RE.match(text):
                previous = row
                index += 1
                continue
            if len(row.segments) >= 2 and _is_dual_start(row, middle, char):
                index = _dual(rows, index, built, page_number, line_number)
                previous = rows[index - 1]
                continue
            kind = _classify(row, indents, middle)
            following = rows[index + 1] if index + 1 < len(rows) else None
            alone_after = following is None or following.top - row.bottom > pitch * 0.5
            if kind is ElementKind.CHARACTER and (
                alone_after or following is None or following.x0 > row.x0 - 2 * char
            ):
                # A cue is always followed by its speech, set further left.
                centred = abs((row.x0 + row.x1) / 2 - middle) <= 1.5 * char
                kind = ElementKind.CENTERED if centred else ElementKind.ACTION
            elif (
                kind is not ElementKind.CHARACTER
                and not alone_after
                and following is not None
                and _is_upper(text)
                and len(text) <= 45
                and row.x0 > indents.left + 4 * char
                and indents.left + 2 * char < following.x0 < row.x0 - 2 * char
                and not _CONTINUED_RE.match(following.text)
            ):
                # A cue set off its indent (centred, as word processors often set them).
                kind = ElementKind.CHARACTER
            if (
                spaced_headings
                and kind is ElementKind.ACTION
                and previous is not None
                and gap >= pitch * 1.5
                and alone_after
                and _is_upper(text)
                and len(text) <= 60
                and not text.endswith(":")
                and abs(row.x0 - indents.left) <= 1.5 * char
            ):
                # Two blank lines before a lone upper-case line: a heading without INT/EXT.
                kind = ElementKind.SCENE_HEADING
            if (
                kind is ElementKind.CHARACTER
                and state.more_pending
                and _CONTD_RE.search(text)
                and split_cue(text)[0].upper() == _last_speaker(built.elements)
            ):
                # The speech goes on from the page before: drop the repeated cue.
                state.more_pending = False
                state.drop_contd_cue = True
                if built.rows:
                    built.rows[-1].append(row)
                previous = row
                index += 1
                continue
            state.more_pending = False
            continuing = state.drop_contd_cue and kind in (
                ElementKind.DIALOGUE,
                ElementKind.PARENTHETICAL,
            )
            state.drop_contd_cue = False
            last = built.elements[-1] if built.elements else None
            joins = (
                (
                    last is not None
                    and last.kind is kind
                    and kind in (ElementKind.ACTION, ElementKind.DIALOGUE, ElementKind.LYRICS)
                    and (not new_paragraph or continuing or _runs_on(last, built.rows[-1][-1], row))
                )
                or (
                    # A long heading wraps onto the next line.
                    last is not None
                    and last.kind is ElementKind.SCENE_HEADING
                    and kind in (ElementKind.ACTION, ElementKind.SCENE_HEADING)
                    and not new_paragraph
                    and _is_upper(text)
                )
                or (
                    # A parenthetical wraps with its second line hung under the first letter.
                    last is not None
                    and last.kind is ElementKind.PARENTHETICAL
                    and kind in (ElementKind.PARENTHETICAL, ElementKind.DIALOGUE)
                    and not last.text.rstrip().endswith(")")
                    and not new_paragraph
                    and row.x0 >= indents.parenthetical - char
                )
            )
            if joins and last is not None:
                kind = last.kind
                built.elements[-1] = replace(last, text=f"{last.text} {text}".strip())
                built.rows[-1].append(row)
            else:
                element = _make(kind, text, line_number, page_number, row)
                built.elements.append(element)
                built.rows.append([row])
            previous = row
            index += 1
    return built


def _last_speaker(elements: Sequence[Element]) -> str | None:
    for element in reversed(elements):
        if element.kind is ElementKind.CHARACTER:
            return element.name
    return None


def _headings_spaced(pages: Sequence[_Page]) -> bool:
    """Whether this document sets two blank lines before a scene heading (Final Draft does).

    Only then is a lone upper-case line after two blank lines taken for a heading without
    INT/EXT; a document that spaces its headings like action gives no such sign.
    """
    gaps: list[float] = []
    for page in pages:
        rows = sorted(page.rows, key=lambda r: r.top)
        for before, row in itertools.pairwise(rows):
            if parse_heading(row.text) is not None:
                gaps.append((row.top - before.bottom) / max(row.bottom - row.top, 1.0))
    return bool(gaps) and statistics.median(gaps) >= 1.5


def _runs_on(last: Element, last_row: _Row, row: _Row) -> bool:
    """A paragraph flowing over a page break: it ended the page before mid-sentence."""
    if last_row.page + 1 != row.page:
        return False
    return not re.search(r"""[.!?:"”’)…]$""", last.text.rstrip())


def _make(kind: ElementKind, text: str, line: int, page: int, row: _Row) -> Element:
    if kind is ElementKind.CHARACTER:
        name, extension = split_cue(text)
        return Element(kind, text, line=line, page=page, name=name.upper(), extension=extension)
    if kind is ElementKind.SCENE_HEADING:
        return Element(kind, text, line=line, page=page, scene_number=row.number)
    return Element(kind, text, line=line, page=page)


def _classify(row: _Row, indents: _Indents, middle: float) -> ElementKind:
    text = row.text
    char = indents.char
    x0 = row.x0
    if abs(x0 - indents.left) <= 1.5 * char:
        if row.number is not None or parse_heading(text) is not None:
            return ElementKind.SCENE_HEADING
        if _is_upper(text) and _TRANSITION_RE.search(text) and len(text) < 25:
            return ElementKind.TRANSITION if text.endswith("TO:") else ElementKind.ACTION
        return ElementKind.ACTION
    right_set = abs(row.x1 - indents.right) <= 1.5 * char and x0 > indents.cue + 2 * char
    if right_set and _is_upper(text):
        return ElementKind.TRANSITION
    centred = abs((x0 + row.x1) / 2 - middle) <= 1.5 * char
    distances = {
        ElementKind.CHARACTER: abs(x0 - indents.cue),
        ElementKind.PARENTHETICAL: abs(x0 - indents.parenthetical),
        ElementKind.DIALOGUE: abs(x0 - indents.dialogue),
    }
    kind, distance = min(distances.items(), key=lambda kv: kv[1])
    if distance > 2.5 * char:
        if centred:
            return ElementKind.CENTERED
        if x0 > indents.cue:
            return ElementKind.TRANSITION if _is_upper(text) else ElementKind.DIALOGUE
        return ElementKind.ACTION if x0 < indents.dialogue else ElementKind.DIALOGUE
    if kind is ElementKind.CHARACTER and not _is_upper(text):
        return ElementKind.CENTERED if centred else ElementKind.DIALOGUE
    if kind is ElementKind.PARENTHETICAL and not text.startswith("("):
        return ElementKind.DIALOGUE
    return kind


def _is_dual_start(row: _Row, middle: float, char: float) -> bool:
    first, second = row.segments[0], row.segments[1]
    return (
        len(row.segments) == 2
        and second[0] >= middle - 2 * char
        and first[0] < middle
        and _is_upper(first[2])
        and _is_upper(second[2])
    )


def _dual(rows: Sequence[_Row], index: int, built: _Built, page: int, line: int) -> int:
    """A dual-dialogue block: two columns side by side, until the next blank line."""
    start = rows[index]
    split = (start.segments[0][0] + start.segments[1][0]) / 2
    columns: list[list[tuple[str, _Row]]] = [[], []]
    previous = start
    position = index
    while position < len(rows):
        row = rows[position]
        pitch = row.bottom - row.top
        if position > index and row.top - previous.bottom > pitch * 0.5:
            break
        for x0, _x1, text in row.segments:
            columns[0 if x0 < split else 1].append((text, row))
        previous = row
        position += 1
    for side, column in zip((DualSide.LEFT, DualSide.RIGHT), columns, strict=True):
        for number, (text, row) in enumerate(column):
            if number == 0:
                name, extension = split_cue(text)
                element = Element(
                    ElementKind.CHARACTER,
                    text,
                    line=line,
                    page=page,
                    name=name.upper(),
                    extension=extension,
                    dual=side,
                )
                built.elements.append(element)
                built.rows.append([row])
                continue
            last = built.elements[-1]
            is_paren = text.startswith("(") or (
                last.kind is ElementKind.PARENTHETICAL and not last.text.endswith(")")
            )
            kind = ElementKind.PARENTHETICAL if is_paren else ElementKind.DIALOGUE
            if last.kind is kind and (kind is ElementKind.DIALOGUE or not last.text.endswith(")")):
                built.elements[-1] = replace(last, text=f"{last.text} {text}")
                built.rows[-1].append(row)
            else:
                built.elements.append(Element(kind, text, line=line, page=page, dual=side))
                built.rows.append([row])
    return position
