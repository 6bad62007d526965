"""Breakdown sheets rendered: HTML (Jinja2), PDF (fpdf2, Vietnamese-capable fonts) and CSV.

The sheets come from :func:`filmpark.reports.breakdown_sheets.breakdown_sheets`; every
renderer takes ``lang`` (``"en"`` or ``"vi"``) for its captions and category labels.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from fpdf.enums import XPos, YPos

from filmpark.documents.html import render_template
from filmpark.documents.pdf import DocumentPDF
from filmpark.documents.render import check_lang
from filmpark.reports.breakdown_sheets import CSV_COLUMNS, BreakdownSheet

CAPTIONS: dict[str, tuple[str, str]] = {
    "breakdown_sheets": ("Breakdown sheets", "Phiếu phân tích cảnh"),
    "scene": ("Scene", "Cảnh"),
    "scenes": ("scenes", "cảnh"),
    "int_ext": ("Int/Ext", "Nội/Ngoại"),
    "day_night": ("Day/Night", "Ngày/Đêm"),
    "script_day": ("Script day", "Ngày truyện"),
    "page": ("Page", "Trang"),
    "eighths": ("Pages (8ths)", "Số trang (1/8)"),
    "synopsis": ("Synopsis", "Tóm tắt"),
}

# Boxes printed on every sheet even when empty, as on a printed breakdown form.
ALWAYS_SHOWN = ("cast", "extras", "props", "wardrobe", "set_dressing")


def caption(key: str, lang: str) -> str:
    en, vi = CAPTIONS[key]
    return vi if lang == "vi" else en


def render_breakdown_sheets_html(
    sheets: Sequence[BreakdownSheet], *, lang: str = "en", title: str | None = None
) -> str:
    """One self-contained HTML page with a sheet per scene (prints one sheet a page)."""
    lang = check_lang(lang)
    heading = title if title is not None else (sheets[0].title if sheets else "")

    def T(key: str) -> str:
        return caption(key, lang)

    return render_template(
        "breakdown/sheets.html",
        lang,
        sheets=list(sheets),
        doc_title=T("breakdown_sheets"),
        title=heading,
        body_class="breakdown-sheets",
        T=T,
        always=ALWAYS_SHOWN,
    )


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _tint(rgb: tuple[int, int, int], share: float = 0.22) -> tuple[int, int, int]:
    r, g, b = rgb
    return (
        round(255 - (255 - r) * share),
        round(255 - (255 - g) * share),
        round(255 - (255 - b) * share),
    )


def render_breakdown_sheets_pdf(
    sheets: Sequence[BreakdownSheet], *, lang: str = "en", title: str | None = None
) -> bytes:
    """A4 PDF, one page per scene, category boxes in their colours."""
    lang = check_lang(lang)
    heading = title if title is not None else (sheets[0].title if sheets else "")
    pdf = DocumentPDF(caption("breakdown_sheets", lang), heading, lang)
    if not sheets:
        pdf.add_page()
        pdf.paragraph("—")
    for sheet in sheets:
        pdf.meta_text = f"{caption('scene', lang)} {sheet.number}"
        pdf.add_page()
        _sheet(pdf, sheet, lang)
    return bytes(pdf.output())


def _sheet(pdf: DocumentPDF, sheet: BreakdownSheet, lang: str) -> None:
    cells = (
        (caption("scene", lang), sheet.number),
        (caption("int_ext", lang), sheet.int_ext or "—"),
        (caption("day_night", lang), sheet.day_night or "—"),
        (caption("script_day", lang), sheet.script_day or "—"),
        (caption("page", lang), str(sheet.page) if sheet.page else "—"),
        (caption("eighths", lang), str(sheet.eighths)),
    )
    width = pdf.epw / len(cells)
    top = pdf.get_y()
    for index, (cap, value) in enumerate(cells):
        x = pdf.l_margin + index * width
        pdf.rect(x, top, width, 13)
        pdf.set_xy(x + 1.5, top + 1)
        pdf.set_font("sans", "", 6.5)
        pdf.set_text_color(100, 100, 100)
        pdf.cell(width - 3, 3.5, cap.upper())
        pdf.set_xy(x + 1.5, top + 5)
        pdf.set_font("sans", "B", 12)
        pdf.set_text_color(0, 0, 0)
        pdf.cell(width - 3, 6.5, value)
    pdf.set_xy(pdf.l_margin, top + 15)
    pdf.set_font("sans", "B", 11)
    pdf.multi_cell(0, 5.5, sheet.heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if sheet.synopsis:
        pdf.set_font("sans", "", 9)
        pdf.set_text_color(60, 60, 60)
        pdf.multi_cell(
            0,
            4.4,
            f"{caption('synopsis', lang)}: {sheet.synopsis}",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.set_text_color(0, 0, 0)
    pdf.ln(2)
    boxes = [b for b in sheet.categories if b.items or b.key in ALWAYS_SHOWN]
    columns = 3
    gap = 3.0
    box_width = (pdf.epw - gap * (columns - 1)) / columns
    line_height = 4.2
    for row_start in range(0, len(boxes), columns):
        row = boxes[row_start : row_start + columns]
        lines = [max(1, len(box.items)) for box in row]
        height = 6 + line_height * max(lines) + 2
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
        y = pdf.get_y()
        for column, box in enumerate(row):
            x = pdf.l_margin + column * (box_width + gap)
            rgb = _rgb(box.colour)
            pdf.set_draw_color(*rgb)
            pdf.set_fill_color(*_tint(rgb))
            pdf.rect(x, y, box_width, 6, style="DF")
            pdf.rect(x, y, box_width, height)
            pdf.set_xy(x + 1.5, y + 1)
            pdf.set_font("sans", "B", 8.5)
            pdf.cell(box_width - 3, 4, box.label(lang))
            pdf.set_font("sans", "", 8.5)
            for index, item in enumerate(box.items or ()):
                pdf.set_xy(x + 1.5, y + 6.8 + index * line_height)
                text = item.text
                while pdf.get_string_width(text) > box_width - 3 and len(text) > 4:
                    text = text.rstrip("…")[:-1] + "…"
                pdf.cell(box_width - 3, line_height, text)
            if not box.items:
                pdf.set_xy(x + 1.5, y + 6.8)
                pdf.set_text_color(150, 150, 150)
                pdf.cell(box_width - 3, line_height, "—")
                pdf.set_text_color(0, 0, 0)
        pdf.set_draw_color(0, 0, 0)
        pdf.set_xy(pdf.l_margin, y + height + gap)


def breakdown_csv_text(rows: Sequence[Mapping[str, str]]) -> str:
    """The CSV of :func:`~filmpark.reports.breakdown_sheets.breakdown_csv_rows` (UTF-8 text)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(CSV_COLUMNS), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({key: row.get(key, "") for key in CSV_COLUMNS})
    return buffer.getvalue()


def write_breakdown_csv(rows: Sequence[Mapping[str, str]], path: Path) -> None:
    """Write the CSV with a byte-order mark, so spreadsheet programs read Vietnamese right."""
    path.write_text(breakdown_csv_text(rows), encoding="utf-8-sig")
