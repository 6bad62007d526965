"""PDF rendering of the production documents with fpdf2, in the shipped Liberation Sans (every
Vietnamese letter). Each ``*_pdf`` function returns the bytes of one document; the book binds
them (:mod:`filmpark.documents.book`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from filmpark.budget.compare import BudgetComparison
from filmpark.documents.fonts import font_path
from filmpark.documents.render import (
    check_lang,
    format_date,
    format_decimal,
    format_money,
    format_number,
    label,
    unit_label,
)
from filmpark.reports.budget_detail import BudgetDetail
from filmpark.reports.call_sheet import CallSheet
from filmpark.reports.top_sheet import TopSheet

GREY = (230, 230, 230)
DARK = (34, 34, 34)
CATEGORY = (214, 214, 214)
SUBTOTAL = (243, 243, 243)
ACCENT = (139, 30, 30)

Colour = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Column:
    heading: str
    width: float  # share of the text width
    align: str = "LEFT"


class DocumentPDF(FPDF):
    """A4 document with a ruled header (document kind, production title, meta) and page numbers."""

    def __init__(self, doc_title: str, title: str, lang: str, *, landscape: bool = False) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.doc_title = doc_title
        self.production_title = title
        self.doc_lang = check_lang(lang)
        self.meta_text = ""
        self.set_margins(12, 12, 12)
        self.set_auto_page_break(auto=True, margin=14)
        self.add_font("sans", "", str(font_path("sans")))
        self.add_font("sans", "B", str(font_path("sans-bold")))
        self.set_font("sans", size=9)
        self.set_title(f"{doc_title} — {title}" if title else doc_title)
        self.set_creator("filmpark")
        self.set_lang("vi-VN" if lang == "vi" else "en")
        self.alias_nb_pages()
        self.first_page = 1  # numbering restarts per section (each call sheet is its own document)
        self.restart_numbering = False  # set before a section's first page is added
        self.sectioned = False

    def header(self) -> None:
        if self.restart_numbering:  # the previous page's footer is already drawn
            self.first_page = self.page_no()
            self.restart_numbering = False
            self.sectioned = True
        self.set_font("sans", "B", 8.5)
        self.set_text_color(*ACCENT)
        self.cell(0, 4, self.doc_title.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.set_font("sans", "B", 14)
        top = self.get_y()
        self.cell(self.epw * 0.62, 7, self.production_title)
        self.set_font("sans", "", 8)
        self.set_xy(self.l_margin + self.epw * 0.62, top)
        self.multi_cell(
            self.epw * 0.38, 3.6, self.meta_text, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_y(max(self.get_y(), top + 8))
        self.set_line_width(0.6)
        self.line(self.l_margin, self.get_y(), self.l_margin + self.epw, self.get_y())
        self.set_line_width(0.2)
        self.ln(2.5)
        self.set_font("sans", size=9)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("sans", "", 7.5)
        self.set_text_color(110, 110, 110)
        left = f"filmpark · {self.doc_title}"
        self.cell(self.epw / 2, 4, left)
        if not self.sectioned:
            page = label("page_x_of_y", self.doc_lang, x=self.page_no(), y="{nb}")
        else:
            page = label("page_x", self.doc_lang, x=self.page_no() - self.first_page + 1)
        self.cell(self.epw / 2, 4, page, align="R")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(1.5)
        self.set_font("sans", "B", 11)
        self.cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(68, 68, 68)
        self.line(self.l_margin, self.get_y(), self.l_margin + self.epw, self.get_y())
        self.ln(1.2)
        self.set_font("sans", size=9)

    def paragraph(
        self, text: str, *, size: float = 9, colour: Colour = (0, 0, 0), bold: bool = False
    ) -> None:
        self.set_font("sans", "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.45, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.set_font("sans", size=9)

    def grid(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        styles: Sequence[FontFace | None] | None = None,
        size: float = 8.5,
    ) -> None:
        """A ruled table with a grey heading row repeated on every page; ``styles`` per row.

        A row of one value spans the whole table (a banner). Cells wrap at word boundaries.
        Drawn cell by cell (single-line cells are measured, not laid out), which keeps a
        200-page book fast.
        """
        total = sum(column.width for column in columns)
        widths = [self.epw * column.width / total for column in columns]
        line = size * 0.42
        head_style = FontFace(emphasis="BOLD", fill_color=GREY, size_pt=size - 0.5)
        heading = [column.heading for column in columns]
        show_heading = any(heading)
        if show_heading:
            self._row(heading, widths, columns, head_style, size - 0.5, line)
        for index, values in enumerate(rows):
            style = styles[index] if styles else None
            if len(values) == 1 and len(columns) > 1:
                cells, cell_widths, cell_columns = [values[0]], [self.epw], [Column("", 1)]
            else:
                cells, cell_widths, cell_columns = list(values), widths, list(columns)
            height = self._row_height(cells, cell_widths, style, size, line)
            if self.get_y() + height > self.page_break_trigger:
                self.add_page()
                if show_heading:
                    self._row(heading, widths, columns, head_style, size - 0.5, line)
            self._row(cells, cell_widths, cell_columns, style, size, line, height=height)
        self.set_font("sans", size=9)
        self.set_text_color(0, 0, 0)
        self.ln(1.5)

    _PAD_X = 1.0
    _PAD_Y = 0.6

    def _font_for(self, style: FontFace | None, size: float) -> None:
        bold = style is not None and style.emphasis is not None and "B" in str(style.emphasis.style)
        self.set_font(
            "sans", "B" if bold else "", style.size_pt if style and style.size_pt else size
        )

    def _lines(self, text: str, width: float) -> list[str]:
        room = width - 2 * self._PAD_X
        result: list[str] = []
        for paragraph in text.split("\n"):
            if self.get_string_width(paragraph) <= room:
                result.append(paragraph)
                continue
            split = self.multi_cell(room, 1, paragraph, dry_run=True, output="LINES", padding=0)
            result.extend(str(part) for part in split)  # type: ignore[union-attr]
        return result or [""]

    def _row_height(
        self,
        cells: Sequence[str],
        widths: Sequence[float],
        style: FontFace | None,
        size: float,
        line: float,
    ) -> float:
        self._font_for(style, size)
        count = max(
            len(self._lines(text, width)) for text, width in zip(cells, widths, strict=True)
        )
        return count * line + 2 * self._PAD_Y

    def _row(
        self,
        cells: Sequence[str],
        widths: Sequence[float],
        columns: Sequence[Column],
        style: FontFace | None,
        size: float,
        line: float,
        *,
        height: float | None = None,
    ) -> None:
        height = (
            height if height is not None else self._row_height(cells, widths, style, size, line)
        )
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()
        self._font_for(style, size)
        x, y = self.l_margin, self.get_y()
        fill_colour = style.fill_color if style is not None else None
        ink = style.color if style is not None else None
        for text, width, column in zip(cells, widths, columns, strict=True):
            if fill_colour is not None:
                self.set_fill_color(fill_colour)
                self.rect(x, y, width, height, style="DF")
            else:
                self.rect(x, y, width, height)
            if ink is not None:
                self.set_text_color(ink)
            else:
                self.set_text_color(0, 0, 0)
            for number, part in enumerate(self._lines(text, width)):
                self.set_xy(x + self._PAD_X, y + self._PAD_Y + number * line)
                self.cell(width - 2 * self._PAD_X, line, part, align=column.align[0])
            x += width
        self.set_xy(self.l_margin, y + height)


def _bold(fill: Colour | None = None, colour: Colour | None = None) -> FontFace:
    return FontFace(emphasis="BOLD", fill_color=fill, color=colour)


def top_sheet_pdf(sheet: TopSheet, *, lang: str = "en") -> bytes:
    pdf = DocumentPDF(label("top_sheet", lang), sheet.title, lang)
    exchange = sheet.exchange_note_vi if lang == "vi" else sheet.exchange_note_en
    pdf.meta_text = "\n".join(
        part
        for part in (
            f"{label('version', lang)} {sheet.version} · {label('currency', lang)} {sheet.currency}",
            f"{label('prepared', lang)}: {format_date(sheet.prepared_on, lang)}"
            if sheet.prepared_on
            else "",
            f"{label('exchange_rate', lang)}: {exchange}" if exchange else "",
        )
        if part
    )
    pdf.add_page()
    rows: list[list[str]] = []
    styles: list[FontFace | None] = []
    for row in sheet.rows:
        percent = format_number(row.percent, lang, 1) if row.percent is not None else ""
        if row.kind == "category":
            rows.append(["", row.name(lang), "", ""])
            styles.append(_bold(CATEGORY))
        elif row.kind == "account":
            rows.append([row.code, row.name(lang), format_money(row.amount, lang), percent])
            styles.append(None)
        elif row.kind == "total":
            rows.append(["", row.name(lang), format_money(row.amount, lang), "100"])
            styles.append(_bold(DARK, (255, 255, 255)))
        else:
            rows.append(["", row.name(lang), format_money(row.amount, lang), percent])
            styles.append(_bold(SUBTOTAL))
    pdf.grid(
        [
            Column(label("acct", lang), 1),
            Column(label("account", lang), 6),
            Column(label("total", lang), 3, "RIGHT"),
            Column(label("percent", lang), 1, "RIGHT"),
        ],
        rows,
        styles=styles,
    )
    if sheet.equivalent is not None:
        pdf.paragraph(
            f"{label('equivalent', lang, currency=sheet.equivalent.currency)}: "
            f"{format_money(sheet.equivalent, lang)}",
            size=9,
            bold=True,
        )
    for note in sheet.notes_vi if lang == "vi" else sheet.notes_en:
        pdf.paragraph(note, size=8, colour=ACCENT)
    return bytes(pdf.output())


def budget_detail_pdf(detail: BudgetDetail, *, lang: str = "en") -> bytes:
    pdf = DocumentPDF(label("budget_detail", lang), detail.title, lang, landscape=True)
    pdf.meta_text = f"{label('currency', lang)} {detail.currency}"
    pdf.add_page()
    pdf.paragraph(label("placeholder_note", lang), size=8, colour=ACCENT)
    columns = [
        Column(label("description", lang), 9),
        Column(label("amount", lang), 1.2, "RIGHT"),
        Column(label("units", lang), 1.2, "RIGHT"),
        Column(label("unit", lang), 1.6),
        Column("×", 1.2, "RIGHT"),
        Column(label("rate", lang), 2.4, "RIGHT"),
        Column(label("total", lang), 2.6, "RIGHT"),
    ]
    for account in detail.accounts:
        pdf.heading(f"{account.code} · {account.name(lang)}")
        rows = [
            [
                row.description(lang) + (" *" if row.placeholder else ""),
                format_decimal(row.amount, lang),
                format_decimal(row.quantity, lang),
                unit_label(row.unit, lang),
                format_decimal(row.multiplier, lang),
                format_money(row.rate, lang),
                format_money(row.total, lang),
            ]
            for row in account.rows
        ]
        rows.append(
            [
                f"{label('total', lang)} {account.code}",
                "",
                "",
                "",
                "",
                "",
                format_money(account.total, lang),
            ]
        )
        styles: list[FontFace | None] = [None] * (len(rows) - 1) + [_bold(SUBTOTAL)]
        pdf.grid(columns, rows, styles=styles, size=8)
    pdf.grid(
        [Column(label("budget_total", lang), 8), Column(label("total", lang), 3, "RIGHT")],
        [[label("budget_total", lang), format_money(detail.grand_total, lang)]],
        styles=[_bold(DARK, (255, 255, 255))],
    )
    return bytes(pdf.output())


def comparison_pdf(comparison: BudgetComparison, *, title: str = "", lang: str = "en") -> bytes:
    pdf = DocumentPDF(label("comparison", lang), title, lang)
    pdf.meta_text = f"{label('currency', lang)} {comparison.currency}"
    pdf.add_page()
    rows: list[list[str]] = []
    styles: list[FontFace | None] = []
    for row in comparison.rows:
        rows.append(
            [
                row.code,
                row.name(lang),
                format_money(row.left, lang),
                format_money(row.right, lang),
                format_money(row.difference, lang),
            ]
        )
        if row.name_en == "Grand total":
            styles.append(_bold(DARK, (255, 255, 255)))
        elif row.kind != "account":
            styles.append(_bold(SUBTOTAL))
        elif row.difference.amount != 0:
            styles.append(
                FontFace(color=(160, 0, 0) if row.difference.amount > 0 else (10, 107, 47))
            )
        else:
            styles.append(None)
    pdf.grid(
        [
            Column(label("acct", lang), 1),
            Column(label("account", lang), 5),
            Column(comparison.left_label, 2.5, "RIGHT"),
            Column(comparison.right_label, 2.5, "RIGHT"),
            Column(label("difference", lang), 2.5, "RIGHT"),
        ],
        rows,
        styles=styles,
    )
    return bytes(pdf.output())


def _call_box(pdf: DocumentPDF, x: float, y: float, w: float, caption: str, value: str) -> None:
    pdf.set_xy(x, y)
    pdf.set_line_width(0.5)
    pdf.rect(x, y, w, 16)
    pdf.set_line_width(0.2)
    pdf.set_font("sans", "", 8)
    pdf.cell(w, 5, caption, align="C")
    pdf.set_xy(x, y + 5)
    pdf.set_font("sans", "B", 16)
    pdf.cell(w, 9, value, align="C")
    pdf.set_font("sans", size=9)


def add_call_sheet(pdf: DocumentPDF, sheet: CallSheet) -> None:
    lang = pdf.doc_lang
    pdf.meta_text = (
        f"{label('day_x_of_y', lang, x=sheet.day_number, y=sheet.total_days)}\n"
        f"{format_date(sheet.date, lang, weekday=True)}"
    )
    pdf.add_page()
    top = pdf.get_y()
    third = pdf.epw / 3
    _call_box(pdf, pdf.l_margin, top, third - 2, label("crew_call", lang), sheet.crew_call)
    _call_box(
        pdf, pdf.l_margin + third, top, third - 2, label("est_wrap", lang), sheet.estimated_wrap
    )
    pdf.set_xy(pdf.l_margin + 2 * third, top)
    pdf.rect(pdf.l_margin + 2 * third, top, third, 16)
    lines = [f"{label('weather', lang)}: {sheet.weather or label('weather_blank', lang)}"]
    lit = next((loc for loc in sheet.locations if loc.sunrise), None)
    if lit is not None:
        lines.append(
            f"{label('sunrise', lang)} {lit.sunrise} · {label('sunset', lang)} {lit.sunset}"
        )
        lines.append(lit.name)
    pdf.set_font("sans", "", 7.5)
    pdf.set_xy(pdf.l_margin + 2 * third + 1, top + 1.5)
    for text in lines:
        pdf.set_x(pdf.l_margin + 2 * third + 1)
        pdf.cell(third - 2, 4.2, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(top + 18)
    pdf.heading(label("scenes", lang))
    rows = [
        [
            s.number,
            s.heading,
            s.day_night,
            str(s.eighths),
            ", ".join(map(str, s.cast_ids)),
            s.location,
        ]
        for s in sheet.scenes
    ]
    rows.append(["", label("total_pages", lang), "", str(sheet.eighths), "", ""])
    pdf.grid(
        [
            Column(label("scene", lang), 1),
            Column(label("set_heading", lang), 6),
            Column(label("dn", lang), 1.3),
            Column(label("pages", lang), 1.1, "RIGHT"),
            Column(label("cast_ids", lang), 1.6),
            Column(label("location", lang), 3),
        ],
        rows,
        styles=[None] * (len(rows) - 1) + [_bold(SUBTOTAL)],
    )
    pdf.heading(label("cast_calls", lang))
    pdf.grid(
        [
            Column(label("id", lang), 0.6),
            Column(label("character", lang), 3),
            Column(label("performer", lang), 3),
            Column(label("pickup", lang), 1.3),
            Column(label("makeup", lang), 1.3),
            Column(label("on_set", lang), 1.3),
            Column(label("scenes", lang), 2.5),
        ],
        [
            [
                str(c.cast_id),
                c.character + (f" ({label('minor', lang)})" if c.minor else ""),
                c.name,
                c.pickup,
                c.makeup,
                c.on_set,
                c.does(lang),
            ]
            for c in sheet.cast
        ]
        or [["", "—", "", "", "", "", ""]],
    )
    pdf.heading(label("locations", lang))
    pdf.grid(
        [
            Column(label("location", lang), 3),
            Column(label("address", lang), 4),
            Column(label("hospital", lang), 3.5),
            Column(label("sunrise", lang), 1.3),
            Column(label("sunset", lang), 1.3),
        ],
        [
            [
                loc.name,
                loc.address
                + (
                    f"\n{loc.latitude:.5f}, {loc.longitude:.5f}"
                    if loc.latitude is not None and loc.longitude is not None
                    else ""
                ),
                loc.hospital or label("hospital_blank", lang),
                loc.sunrise,
                loc.sunset,
            ]
            for loc in sheet.locations
        ],
    )
    pdf.heading(label("notes", lang))
    if sheet.notes:
        for note in sheet.notes:
            pdf.paragraph(
                f"• {note.label(lang)} ({label('scene', lang)} {note.scene}): {note.describe(lang)}",
                size=8.5,
            )
    else:
        pdf.paragraph(label("no_notes", lang), size=8.5)
    advance_title = label("advance", lang)
    if sheet.advance_date:
        advance_title += f" — {format_date(sheet.advance_date, lang, weekday=True)}"
    pdf.heading(advance_title)
    if sheet.advance:
        pdf.grid(
            [
                Column(label("scene", lang), 1),
                Column(label("set_heading", lang), 7),
                Column(label("dn", lang), 1.3),
                Column(label("pages", lang), 1.1, "RIGHT"),
                Column(label("cast_ids", lang), 2),
            ],
            [
                [s.number, s.heading, s.day_night, str(s.eighths), ", ".join(map(str, s.cast_ids))]
                for s in sheet.advance
            ],
            size=8,
        )
    else:
        pdf.paragraph(label("no_advance", lang), size=8.5)


def call_sheets_pdf(sheets: Sequence[CallSheet], *, lang: str = "en", title: str = "") -> bytes:
    """Every call sheet, each starting on a new page."""
    return call_sheets_pdf_with_pages(sheets, lang=lang, title=title)[0]


def call_sheets_pdf_with_pages(
    sheets: Sequence[CallSheet], *, lang: str = "en", title: str = ""
) -> tuple[bytes, list[range]]:
    """The PDF of every call sheet and, for each sheet, the 0-based pages it occupies (so one
    rendering serves both the bound sheets and a file per day)."""
    pdf = DocumentPDF(label("call_sheet", lang), title or (sheets[0].title if sheets else ""), lang)
    pages: list[range] = []
    for sheet in sheets:
        first = pdf.page_no()
        pdf.restart_numbering = True
        add_call_sheet(pdf, sheet)
        pages.append(range(first, pdf.page_no()))
    if not sheets:
        pdf.add_page()
    return bytes(pdf.output()), pages


def call_sheet_pdf(sheet: CallSheet, *, lang: str = "en") -> bytes:
    return call_sheets_pdf([sheet], lang=lang)


Renderer = Callable[..., bytes]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and a table: the unit simple documents (one-liner, DOOD) are made of."""

    heading: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    styles: tuple[FontFace | None, ...] = ()


def sections_pdf(
    doc_title: str,
    title: str,
    sections: Sequence[Section],
    *,
    lang: str = "en",
    landscape: bool = False,
    meta: str = "",
    size: float = 8.5,
) -> bytes:
    """A document of headed tables (each heading optional), heading rows repeated per page."""
    pdf = DocumentPDF(doc_title, title, lang, landscape=landscape)
    pdf.meta_text = meta
    pdf.add_page()
    for section in sections:
        if section.heading:
            pdf.heading(section.heading)
        pdf.grid(section.columns, section.rows, styles=section.styles or None, size=size)
    return bytes(pdf.output())


def fill(colour: Colour, *, bold: bool = False, ink: Colour | None = None) -> FontFace:
    return FontFace(emphasis="BOLD" if bold else None, fill_color=colour, color=ink)
