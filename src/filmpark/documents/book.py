"""The production book: every document of a plan, as HTML pages, one bound PDF and data files.

``write_book(directory, book)`` fills ``directory`` with ``index.html`` (summary and links),
``book.pdf`` (every PDF document bound with bookmarks), ``breakdown.csv``, ``schedule.csv``,
``dood.csv``, ``budget.csv``, ``top_sheet.csv``, ``call_sheets.csv``, ``shoot_days.ics``,
``call_sheets/`` (one HTML and one PDF per shoot day) and the HTML and PDF of the stripboard,
one-liner, day-out-of-days, breakdown sheets and budget. The caller owns atomicity (the plan
service writes into a temporary directory and renames it).

Strip colours follow DOMAIN.md: INT·DAY white, EXT·DAY yellow, INT·NIGHT blue, EXT·NIGHT
green; a black day break, an orange week break, a red banner for a holiday or rest day the
shoot passes over.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from fpdf.fonts import FontFace
from pypdf import PdfReader, PdfWriter

from filmpark.breakdown.model import Breakdown
from filmpark.budget.compare import BudgetComparison
from filmpark.budget.compute import BudgetSummary
from filmpark.budget.facts import CastDays
from filmpark.documents import html as html_docs
from filmpark.documents import pdf as pdf_docs
from filmpark.documents.breakdown_sheets import (
    breakdown_csv_text,
    render_breakdown_sheets_html,
    render_breakdown_sheets_pdf,
)
from filmpark.documents.exports import (
    dood_csv_text,
    one_liner_csv_text,
    schedule_csv_text,
    shoot_days_ics,
)
from filmpark.documents.pdf import Column, Section, fill
from filmpark.documents.render import (
    LABELS,
    budget_csv_text,
    call_sheets_csv_text,
    comparison_csv_text,
    format_date,
    format_money,
    label,
    top_sheet_csv_text,
)
from filmpark.reports.breakdown_sheets import breakdown_csv_rows, breakdown_sheets
from filmpark.reports.budget_detail import budget_detail
from filmpark.reports.call_sheet import CallSheet
from filmpark.reports.dood import DayOutOfDays
from filmpark.reports.one_liner import one_liner
from filmpark.reports.stripboard import StripKind, stripboard
from filmpark.reports.top_sheet import top_sheet
from filmpark.schedule.result import Schedule
from filmpark.screenplay.model import Script
from filmpark.text import localize

STRIP_FILL = {
    "INT-D": (255, 255, 255),
    "EXT-D": (255, 245, 157),
    "INT-N": (144, 202, 249),
    "EXT-N": (165, 214, 167),
    "other": (245, 245, 245),
}


@dataclass(frozen=True, slots=True)
class Book:
    """What the book is made of (all computed already; writing it is rendering only)."""

    title: str
    script: Script
    breakdown: Breakdown
    schedule: Schedule
    summary: BudgetSummary
    call_sheets: tuple[CallSheet, ...]
    cast_days: tuple[CastDays, ...]
    dood: DayOutOfDays
    plan_json: dict[str, Any]
    defaults_used: tuple[str, ...] = ()
    generated: date = field(default_factory=date.today)
    comparison: BudgetComparison | None = None


# --- schedule views (report data from filmpark.reports, rendered here) --------------------


def _heading(book: Book, number: str) -> str:
    scene = book.breakdown.scene(number)
    return scene.heading if scene else number


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        return (255, 255, 255)
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _ink(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """Black on light fills, white on dark ones."""
    r, g, b = colour
    return (0, 0, 0) if 0.299 * r + 0.587 * g + 0.114 * b > 140 else (255, 255, 255)


def strip_rows(book: Book, lang: str) -> list[dict[str, str]]:
    """The stripboard of the schedule as rows: strips and banners, each with its colour."""
    rows: list[dict[str, str]] = []
    for strip in stripboard(book.schedule, language=lang).strips:
        colour = strip.colour
        ink = "#000000" if _ink(_rgb(colour)) == (0, 0, 0) else "#ffffff"
        if strip.kind is StripKind.SCENE and strip.scene is not None:
            rows.append(
                {
                    "kind": "strip",
                    "number": strip.scene,
                    "int_ext": strip.int_ext.value if strip.int_ext else "",
                    "heading": _heading(book, strip.scene),
                    "day_night": strip.day_night.value if strip.day_night else "",
                    "eighths": str(strip.eighths) if strip.eighths else "",
                    "cast": ", ".join(str(c) for c in sorted(strip.cast)),
                    "location": strip.location,
                    "colour": colour,
                    "ink": ink,
                }
            )
        else:
            rows.append(
                {"kind": strip.kind.value, "text": strip.text, "colour": colour, "ink": ink}
            )
    return rows


def one_liner_days(book: Book) -> list[dict[str, Any]]:
    days: list[dict[str, Any]] = []
    for day in one_liner(book.schedule).days:
        scenes = [
            {
                "number": line.scene,
                "heading": _heading(book, line.scene),
                "day_night": line.day_night,
                "eighths": str(line.eighths),
                "cast": ", ".join(str(c) for c in sorted(line.cast)),
                "minutes": line.minutes,
                "description": line.description,
            }
            for line in day.lines
        ]
        days.append(
            {
                "number": day.number,
                "date": day.date,
                "call": day.call,
                "eighths": str(day.eighths),
                "scenes": scenes,
            }
        )
    return days


def dood_columns(book: Book, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "number": column.shoot_day or "",
            "label": column.date.strftime("%d/%m")
            if lang == "vi"
            else column.date.strftime("%m/%d"),
            "off": column.off or "",
            "holiday": column.holiday,
        }
        for column in book.dood.columns
    ]


# --- PDFs of the schedule views ------------------------------------------------------------


def stripboard_pdf(book: Book, lang: str) -> bytes:
    rows: list[tuple[str, ...]] = []
    styles: list[FontFace | None] = []
    for row in strip_rows(book, lang):
        fill_rgb = _rgb(row["colour"])
        if row["kind"] == "strip":
            rows.append(
                (
                    row["number"],
                    row["int_ext"],
                    row["heading"],
                    row["day_night"],
                    row["eighths"],
                    row["cast"],
                    row["location"],
                )
            )
            styles.append(fill(fill_rgb, ink=_ink(fill_rgb)))
        else:
            rows.append((row["text"],))
            styles.append(fill(fill_rgb, bold=True, ink=_ink(fill_rgb)))
    columns = (
        Column(label("scene", lang), 1),
        Column(label("ie", lang), 1),
        Column(label("set_heading", lang), 7),
        Column(label("dn", lang), 1.3),
        Column(label("pages", lang), 1, "RIGHT"),
        Column(label("cast_ids", lang), 2),
        Column(label("location", lang), 3),
    )
    return pdf_docs.sections_pdf(
        label("stripboard", lang),
        book.title,
        [Section("", columns, tuple(rows), tuple(styles))],
        lang=lang,
        landscape=True,
        meta=f"{label('shoot_days', lang)}: {len(book.schedule.days)}",
    )


def one_liner_pdf(book: Book, lang: str) -> bytes:
    columns = (
        Column(label("scene", lang), 1),
        Column(label("set_heading", lang), 8),
        Column(label("dn", lang), 1.3),
        Column(label("pages", lang), 1, "RIGHT"),
        Column(label("cast_ids", lang), 2),
        Column(label("minutes", lang), 1.2, "RIGHT"),
    )
    sections = [
        Section(
            f"{label('day', lang)} {day['number']} — {format_date(day['date'], lang, weekday=True)} · "
            f"{label('crew_call', lang)} {day['call']} · {day['eighths']} {label('pages', lang).lower()}",
            columns,
            tuple(
                (
                    s["number"],
                    s["heading"],
                    s["day_night"],
                    s["eighths"],
                    s["cast"],
                    f"{s['minutes']}′",
                )
                for s in day["scenes"]
            ),
        )
        for day in one_liner_days(book)
    ]
    return pdf_docs.sections_pdf(label("one_liner", lang), book.title, sections, lang=lang)


DOOD_COLUMNS_PER_PAGE = 21


def dood_pdf(book: Book, lang: str) -> bytes:
    """The grid in bands of at most :data:`DOOD_COLUMNS_PER_PAGE` dates, names repeated on each
    band (a long shoot reads across several landscape pages); totals close the last band."""
    columns_data = dood_columns(book, lang)
    chunks = [
        range(start, min(start + DOOD_COLUMNS_PER_PAGE, len(columns_data)))
        for start in range(0, max(1, len(columns_data)), DOOD_COLUMNS_PER_PAGE)
    ]
    sections: list[Section] = []
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        day_columns = tuple(
            Column(f"{columns_data[i]['number']}\n{columns_data[i]['label']}", 1, "CENTER")
            for i in chunk
        )
        totals = (
            (
                Column(label("work", lang), 1.2, "RIGHT"),
                Column(label("hold", lang), 1.2, "RIGHT"),
                Column(label("travel", lang), 1.2, "RIGHT"),
                Column(label("rehearsal", lang), 1.2, "RIGHT"),
                Column(label("fitting", lang), 1.2, "RIGHT"),
                Column(label("paid", lang), 1.2, "RIGHT"),
            )
            if last
            else ()
        )
        columns = (
            Column(label("id", lang), 0.8),
            Column(label("character", lang), 4),
            *day_columns,
            *totals,
        )
        rows = tuple(
            (
                str(row.cast_id),
                f"{row.name} ({row.actor})" if row.actor else row.name,
                *(row.cells[i].text for i in chunk),
                *(
                    (
                        str(row.totals.work),
                        str(row.totals.hold),
                        str(row.totals.travel),
                        str(row.totals.rehearsal),
                        str(row.totals.fitting),
                        str(row.totals.paid),
                    )
                    if last
                    else ()
                ),
            )
            for row in book.dood.rows
        )
        heading = ""
        if len(chunks) > 1 and chunk:
            heading = (
                f"{format_date(book.dood.columns[chunk[0]].date, lang)} – "
                f"{format_date(book.dood.columns[chunk[-1]].date, lang)}"
            )
        sections.append(Section(heading, columns, rows))
    return pdf_docs.sections_pdf(
        label("dood", lang),
        book.title,
        sections,
        lang=lang,
        landscape=True,
        meta="SW · W · WF · SWF · H · T · R · F · WD · PW · I",
        size=7,
    )


# --- the book ------------------------------------------------------------------------------


def _pages(data: bytes, pages: range) -> bytes:
    """The given pages of a PDF as a PDF of their own."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    for index in pages:
        writer.add_page(reader.pages[index])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _bind(parts: Sequence[tuple[str, bytes]]) -> bytes:
    """One PDF of ``parts`` with a bookmark at the start of each."""
    writer = PdfWriter()
    for title, data in parts:
        start = len(writer.pages)
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            writer.add_page(page)
        writer.add_outline_item(title=title, page_number=start)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _cover(
    book: Book, summary: Sequence[tuple[str, str]], parts: Sequence[tuple[str, bytes]], lang: str
) -> bytes:
    """The book's first page(s): the summary, the defaults used and the contents with pages."""
    counts = [len(PdfReader(io.BytesIO(data)).pages) for _, data in parts]

    def render(cover_pages: int) -> bytes:
        start = cover_pages + 1
        contents: list[tuple[str, ...]] = []
        for (title, _), count in zip(parts, counts, strict=True):
            contents.append((title, str(start)))
            start += count
        sections = [
            Section(label("summary", lang), (Column("", 2), Column("", 3)), tuple(summary)),
            Section(
                label("contents", lang),
                (Column(label("documents", lang), 4), Column(label("pages", lang), 1, "RIGHT")),
                tuple(contents),
            ),
        ]
        if book.defaults_used:
            sections.append(
                Section(
                    label("defaults", lang),
                    (Column("", 1),),
                    tuple((localize(note, lang),) for note in book.defaults_used),
                )
            )
        return pdf_docs.sections_pdf(
            label("book", lang),
            book.title,
            sections,
            lang=lang,
            meta=format_date(book.generated, lang),
        )

    cover = render(1)
    pages = len(PdfReader(io.BytesIO(cover)).pages)
    return cover if pages == 1 else render(pages)


def _translated(text: str, lang: str) -> str:
    return label(text, lang) if text in LABELS else text


def write_book(directory: Path, book: Book, *, lang: str = "en") -> list[Path]:
    """Write every file of the book into ``directory`` (which must exist); return the paths."""
    written: list[Path] = []

    def put(name: str, content: str | bytes) -> None:
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        written.append(path)

    sheet = top_sheet(book.summary)
    detail = budget_detail(book.summary)
    strips = strip_rows(book, lang)
    days = one_liner_days(book)
    sheets = breakdown_sheets(book.script, book.breakdown)

    documents: list[tuple[str, str, str, bytes]] = [
        (
            label("stripboard", lang),
            "stripboard",
            html_docs.render_template(
                "stripboard.html",
                lang,
                rows=strips,
                days=book.schedule.days,
                title=book.title,
                doc_title=label("stripboard", lang),
                body_class="wide",
            ),
            stripboard_pdf(book, lang),
        ),
        (
            label("one_liner", lang),
            "one_liner",
            html_docs.render_template(
                "one_liner.html",
                lang,
                days=days,
                title=book.title,
                doc_title=label("one_liner", lang),
            ),
            one_liner_pdf(book, lang),
        ),
        (
            label("dood", lang),
            "dood",
            html_docs.render_template(
                "dood.html",
                lang,
                dood=book.dood,
                columns=dood_columns(book, lang),
                title=book.title,
                doc_title=label("dood", lang),
                body_class="wide",
            ),
            dood_pdf(book, lang),
        ),
        (
            label("top_sheet", lang),
            "top_sheet",
            html_docs.render_top_sheet_html(sheet, lang=lang),
            pdf_docs.top_sheet_pdf(sheet, lang=lang),
        ),
        (
            label("budget_detail", lang),
            "budget_detail",
            html_docs.render_budget_detail_html(detail, lang=lang),
            pdf_docs.budget_detail_pdf(detail, lang=lang),
        ),
    ]
    if book.comparison is not None:
        comparison = replace(
            book.comparison,
            left_label=_translated(book.comparison.left_label, lang),
            right_label=_translated(book.comparison.right_label, lang),
        )
        documents.append(
            (
                label("comparison", lang),
                "budget_comparison",
                html_docs.render_comparison_html(comparison, title=book.title, lang=lang),
                pdf_docs.comparison_pdf(comparison, title=book.title, lang=lang),
            )
        )
    breakdown_pdf = render_breakdown_sheets_pdf(sheets, lang=lang, title=book.title)
    put("breakdown_sheets.html", render_breakdown_sheets_html(sheets, lang=lang, title=book.title))
    put("breakdown_sheets.pdf", breakdown_pdf)
    for _, stem, page, data in documents:
        put(f"{stem}.html", page)
        put(f"{stem}.pdf", data)
    call_pdf, call_pages = pdf_docs.call_sheets_pdf_with_pages(
        book.call_sheets, lang=lang, title=book.title
    )
    put("call_sheets.pdf", call_pdf)
    sheet_links: list[tuple[str, str]] = []
    for call, pages in zip(book.call_sheets, call_pages, strict=True):
        put(f"call_sheets/{call.filename}.html", html_docs.render_call_sheet_html(call, lang=lang))
        put(f"call_sheets/{call.filename}.pdf", _pages(call_pdf, pages))
        sheet_links.append(
            (
                f"{label('day_x_of_y', lang, x=call.day_number, y=call.total_days)} — {format_date(call.date, lang, weekday=True)}",
                f"call_sheets/{call.filename}.html",
            )
        )

    data_files = {
        "breakdown.csv": breakdown_csv_text(breakdown_csv_rows(book.breakdown)),
        "schedule.csv": schedule_csv_text(book.schedule),
        "one_liner.csv": one_liner_csv_text(one_liner(book.schedule)),
        "dood.csv": dood_csv_text(book.dood),
        "budget.csv": budget_csv_text(book.summary),
        "top_sheet.csv": top_sheet_csv_text(sheet),
        **(
            {"budget_comparison.csv": comparison_csv_text(book.comparison)}
            if book.comparison is not None
            else {}
        ),
        "call_sheets.csv": call_sheets_csv_text(book.call_sheets),
        "shoot_days.ics": shoot_days_ics(book.schedule, production=book.title),
        "plan.json": json.dumps(book.plan_json, ensure_ascii=False, indent=2) + "\n",
    }
    for name, content in data_files.items():
        put(name, content)

    parts = [(label("breakdown_sheets", lang), breakdown_pdf)]
    parts += [(title, data) for title, _, _, data in documents[:3]]
    parts.append((label("call_sheets", lang), call_pdf))
    parts += [(title, data) for title, _, _, data in documents[3:]]

    schedule = book.schedule
    summary_rows = [
        (label("scenes", lang), str(len(book.script.scenes))),
        (label("pages", lang), str(book.script.length)),
        (label("shoot_days", lang), str(len(schedule.days))),
        (
            label("shoot_start", lang),
            format_date(schedule.days[0].date, lang, weekday=True) if schedule.days else "",
        ),
        (
            label("shoot_end", lang),
            format_date(schedule.days[-1].date, lang, weekday=True) if schedule.days else "",
        ),
        (label("cast_members", lang), str(len(book.cast_days))),
        (
            label("locations", lang),
            str(len({loc for day in schedule.days for loc in day.locations})),
        ),
        (label("budget_total", lang), format_money(book.summary.grand_total, lang)),
        (
            label("solver", lang),
            label("optimal", lang)
            if schedule.optimal
            else f"{_translated(schedule.status, lang)}, {label('gap', lang)} {schedule.gap:.1%}",
        ),
    ]
    put(
        "book.pdf",
        _bind([(label("contents", lang), _cover(book, summary_rows, parts, lang)), *parts]),
    )

    links = [("book.pdf", "book.pdf"), (label("breakdown_sheets", lang), "breakdown_sheets.html")]
    links += [(title, f"{stem}.html") for title, stem, _, _ in documents]
    links.append((label("call_sheets", lang) + " (PDF)", "call_sheets.pdf"))
    put(
        "index.html",
        html_docs.render_template(
            "index.html",
            lang,
            title=book.title,
            doc_title=label("book", lang),
            summary=summary_rows,
            defaults=[localize(note, lang) for note in book.defaults_used],
            documents=links,
            call_sheets=sheet_links,
            data_files=list(data_files),
            generated=book.generated,
        ),
    )
    return written
