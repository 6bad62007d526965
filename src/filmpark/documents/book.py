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

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
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
from filmpark.documents.pdf import Column, Section, fill
from filmpark.documents.render import (
    LABELS,
    budget_csv_text,
    call_sheets_csv_text,
    comparison_csv_text,
    csv_text,
    format_date,
    format_money,
    label,
    top_sheet_csv_text,
)
from filmpark.reports.budget_detail import budget_detail
from filmpark.reports.call_sheet import CallSheet, clock
from filmpark.reports.top_sheet import top_sheet
from filmpark.schedule.result import Schedule
from filmpark.screenplay.model import Script

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
    plan_json: dict[str, Any]
    defaults_used: tuple[str, ...] = ()
    generated: date = field(default_factory=date.today)
    comparison: BudgetComparison | None = None


# --- schedule views ----------------------------------------------------------------------


def _strip_colour(int_ext: str, day_night: str) -> str:
    inside = int_ext == "INT"
    outside = int_ext in ("EXT", "INT/EXT")
    night = day_night in ("N", "DUSK")
    day = day_night in ("D", "DAWN", "?")
    if inside and day:
        return "INT-D"
    if outside and day:
        return "EXT-D"
    if inside and night:
        return "INT-N"
    if outside and night:
        return "EXT-N"
    return "other"


def _heading(book: Book, number: str) -> str:
    scene = book.breakdown.scene(number)
    return scene.heading if scene else number


def strip_rows(book: Book, lang: str) -> list[dict[str, str]]:
    """Strips in shooting order with day breaks, week breaks and banners for days off."""
    schedule = book.schedule
    problem = schedule.problem
    rows: list[dict[str, str]] = []
    previous: date | None = None
    for day in schedule.days:
        if previous is not None:
            gap = previous + timedelta(days=1)
            while gap < day.date:
                reason = problem.calendar.reason_off(gap)
                if reason:
                    rows.append(
                        {
                            "kind": "banner",
                            "text": f"{format_date(gap, lang, weekday=True)} — {reason}",
                        }
                    )
                gap += timedelta(days=1)
            if day.date.isocalendar()[1] != previous.isocalendar()[1]:
                rows.append(
                    {
                        "kind": "weekbreak",
                        "text": f"{label('week', lang)} {day.date.isocalendar()[1]}",
                    }
                )
        for number in day.scenes:
            job = problem.scene(number)
            int_ext = job.int_ext.value if job.int_ext else ""
            rows.append(
                {
                    "kind": "strip",
                    "number": number,
                    "int_ext": int_ext,
                    "heading": _heading(book, number),
                    "day_night": job.day_night.value,
                    "eighths": str(job.eighths),
                    "cast": ", ".join(str(c) for c in sorted(job.cast)),
                    "location": problem.location(job.location).name,
                    "colour": _strip_colour(int_ext, job.day_night.value),
                }
            )
        moves = (
            f" · {label('company_move', lang)} ×{day.company_moves}" if day.company_moves else ""
        )
        rows.append(
            {
                "kind": "daybreak",
                "text": f"{label('end_of_day', lang, n=day.number)} — {format_date(day.date, lang, weekday=True)}"
                f" — {day.eighths} {label('pages', lang).lower()}{moves}",
            }
        )
        previous = day.date
    return rows


def one_liner_days(book: Book) -> list[dict[str, Any]]:
    problem = book.schedule.problem
    days: list[dict[str, Any]] = []
    for day in book.schedule.days:
        scenes = []
        for number in day.scenes:
            job = problem.scene(number)
            scenes.append(
                {
                    "number": number,
                    "heading": _heading(book, number),
                    "day_night": job.day_night.value,
                    "eighths": str(job.eighths),
                    "cast": ", ".join(str(c) for c in sorted(job.cast)),
                    "minutes": job.minutes,
                }
            )
        days.append(
            {
                "number": day.number,
                "date": day.date,
                "call": clock(day.call),
                "eighths": str(day.eighths),
                "scenes": scenes,
            }
        )
    return days


@dataclass(frozen=True, slots=True)
class DoodRow:
    cast_id: int
    name: str
    codes: tuple[str, ...]
    work: int
    hold: int
    travel: int
    paid: int
    start: str
    finish: str


@dataclass(frozen=True, slots=True)
class DoodGrid:
    days: tuple[dict[str, Any], ...]
    rows: tuple[DoodRow, ...]


def dood_grid(book: Book, lang: str = "en") -> DoodGrid:
    """Codes per performer per shoot day: SW, W, WF, SWF, H (paid hold), WD/PW around a drop, I."""
    days = book.schedule.days
    dates = [day.date for day in days]
    rows: list[DoodRow] = []
    for member in book.cast_days:
        worked = set(member.work_dates)
        indices = [i for i, when in enumerate(dates) if when in worked]
        codes = [""] * len(dates)
        if indices:
            first, last = indices[0], indices[-1]
            between = [i for i in range(first, last + 1) if i not in indices]
            unpaid = len(between) - member.hold_days  # days the drop/pick-up agreement saves
            dropped: set[int] = set()
            if unpaid > 0:
                # drop the longest runs of idle days first (as the schedule's DOOD does)
                runs: list[list[int]] = []
                for i in between:
                    if runs and runs[-1][-1] == i - 1:
                        runs[-1].append(i)
                    else:
                        runs.append([i])
                for run in sorted(runs, key=len, reverse=True):
                    if len(dropped) + len(run) <= unpaid:
                        dropped.update(run)
            for i in range(first, last + 1):
                if i in indices:
                    codes[i] = "W"
                else:
                    codes[i] = "I" if i in dropped else "H"
            codes[first] = "SWF" if first == last else "SW"
            if last != first:
                codes[last] = "WF"
            for i in sorted(dropped):
                if i - 1 >= 0 and codes[i - 1] == "W":
                    codes[i - 1] = "WD"
                if i + 1 < len(codes) and codes[i + 1] == "W":
                    codes[i + 1] = "PW"
        rows.append(
            DoodRow(
                cast_id=member.cast_id,
                name=member.name,
                codes=tuple(codes),
                work=member.work_days,
                hold=member.hold_days,
                travel=member.travel_days,
                paid=member.paid_days,
                start=format_date(member.work_dates[0], lang) if member.work_dates else "",
                finish=format_date(member.work_dates[-1], lang) if member.work_dates else "",
            )
        )
    header = tuple(
        {
            "number": day.number,
            "label": day.date.strftime("%d/%m") if lang == "vi" else day.date.strftime("%m/%d"),
        }
        for day in days
    )
    return DoodGrid(header, tuple(rows))


# --- CSV and iCal ------------------------------------------------------------------------


def breakdown_csv(book: Book) -> str:
    rows = [
        [
            scene.number,
            scene.heading,
            element.category,
            element.name,
            element.quantity or "",
            element.source,
            element.confidence,
            element.status.value,
        ]
        for scene in book.breakdown.scenes
        for element in scene.elements
    ]
    return csv_text(
        ("scene", "heading", "category", "name", "quantity", "source", "confidence", "status"), rows
    )


def schedule_csv(book: Book) -> str:
    problem = book.schedule.problem
    rows = []
    for day in book.schedule.days:
        for position, number in enumerate(day.scenes, start=1):
            job = problem.scene(number)
            rows.append(
                [
                    day.number,
                    day.date.isoformat(),
                    clock(day.call),
                    clock(day.wrap),
                    position,
                    number,
                    _heading(book, number),
                    job.int_ext.value if job.int_ext else "",
                    job.day_night.value,
                    job.eighths.value,
                    job.minutes,
                    problem.location(job.location).name,
                    " ".join(str(c) for c in sorted(job.cast)),
                ]
            )
    return csv_text(
        (
            "day",
            "date",
            "call",
            "wrap",
            "order",
            "scene",
            "heading",
            "int_ext",
            "day_night",
            "eighths",
            "minutes",
            "location",
            "cast_ids",
        ),
        rows,
    )


def dood_csv(book: Book) -> str:
    grid = dood_grid(book)
    dates = [day.date.isoformat() for day in book.schedule.days]
    rows = [
        [row.cast_id, row.name, *row.codes, row.work, row.hold, row.travel, row.paid]
        for row in grid.rows
    ]
    return csv_text(("cast_id", "character", *dates, "work", "hold", "travel", "paid"), rows)


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 §3.1: lines longer than 75 octets continue on lines starting with a space."""
    data = line.encode("utf-8")
    parts: list[str] = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 sequence
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    parts.append(data.decode("utf-8"))
    return [parts[0], *(" " + part for part in parts[1:])]


def shoot_days_ics(book: Book) -> str:
    """One all-day-anchored event per shoot day, from crew call to estimated wrap (floating time)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//filmpark//production book//EN",
        "CALSCALE:GREGORIAN",
    ]
    title = book.title or "Shoot"
    for day in book.schedule.days:
        start = datetime.combine(day.date, datetime.min.time()) + timedelta(minutes=day.call)
        end = datetime.combine(day.date, datetime.min.time()) + timedelta(
            minutes=max(day.wrap, day.call + 1)
        )
        uid = hashlib.sha1(f"{title}|{day.date.isoformat()}".encode()).hexdigest()[:16]
        where = ", ".join(book.schedule.problem.location(loc).name for loc in day.locations)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@filmpark",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{start.strftime('%Y%m%dT%H%M%S')}",
            f"DTEND:{end.strftime('%Y%m%dT%H%M%S')}",
            f"SUMMARY:{_ics_escape(f'{title}: shoot day {day.number}')}",
            f"LOCATION:{_ics_escape(where)}",
            f"DESCRIPTION:{_ics_escape('Scenes ' + ', '.join(day.scenes) + f' ({day.eighths} pages)')}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"


# --- PDFs of the schedule views ------------------------------------------------------------


def stripboard_pdf(book: Book, lang: str) -> bytes:
    rows: list[tuple[str, ...]] = []
    styles = []
    for row in strip_rows(book, lang):
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
            styles.append(fill(STRIP_FILL[row["colour"]]))
        else:
            rows.append((row["text"],))
            colour = {
                "daybreak": (17, 17, 17),
                "weekbreak": (242, 140, 40),
                "banner": (198, 40, 40),
            }[row["kind"]]
            ink = (0, 0, 0) if row["kind"] == "weekbreak" else (255, 255, 255)
            styles.append(fill(colour, bold=True, ink=ink))
    columns = (
        Column(label("scene", lang), 1),
        Column(label("ie", lang), 1),
        Column(label("set_heading", lang), 7),
        Column(label("dn", lang), 0.8),
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
        Column(label("dn", lang), 0.8),
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


def dood_pdf(book: Book, lang: str) -> bytes:
    grid = dood_grid(book, lang)
    day_columns = tuple(Column(f"{d['number']}\n{d['label']}", 1, "CENTER") for d in grid.days)
    columns = (
        Column(label("id", lang), 0.8),
        Column(label("character", lang), 4),
        *day_columns,
        Column(label("work", lang), 1.2, "RIGHT"),
        Column(label("hold", lang), 1.2, "RIGHT"),
        Column(label("travel", lang), 1.2, "RIGHT"),
        Column(label("paid", lang), 1.2, "RIGHT"),
    )
    rows = tuple(
        (str(r.cast_id), r.name, *r.codes, str(r.work), str(r.hold), str(r.travel), str(r.paid))
        for r in grid.rows
    )
    return pdf_docs.sections_pdf(
        label("dood", lang),
        book.title,
        [Section("", columns, rows)],
        lang=lang,
        landscape=True,
        meta="SW · W · WF · SWF · H · WD · PW · I",
        size=7 if len(grid.days) > 20 else 8,
    )


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        return (255, 255, 255)
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _tint(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """A light tint of a category colour, so black text stays readable on it."""
    return tuple(int(c + (255 - c) * 0.65) for c in colour)  # type: ignore[return-value]


def breakdown_sheets_pdf(book: Book, lang: str) -> bytes:
    """One block per scene: heading, pages, and the elements by category in category colours."""
    categories = book.breakdown.categories
    sections = []
    for scene in book.breakdown.scenes:
        grouped: dict[str, list[str]] = {}
        for element in scene.elements:
            if element.active:
                quantity = (
                    f" ×{element.quantity}" if element.quantity and element.quantity > 1 else ""
                )
                grouped.setdefault(element.category, []).append(element.name + quantity)
        rows: list[tuple[str, ...]] = []
        styles: list[FontFace | None] = []
        known = categories.keys()
        for key in (k for k in known if k in grouped):
            category = categories.get(key)
            rows.append((category.label(lang), ", ".join(grouped[key])))
            styles.append(fill(_tint(_rgb(category.colour))))
        for key in (k for k in grouped if k not in categories):
            rows.append((key, ", ".join(grouped[key])))
            styles.append(None)
        if not rows:
            rows.append(("—", ""))
            styles.append(None)
        day_night = scene.day_night.value
        int_ext = scene.int_ext.value if scene.int_ext else ""
        sections.append(
            Section(
                f"{label('scene', lang)} {scene.number} · {scene.heading} · {int_ext} {day_night} · "
                f"{scene.eighths} {label('pages', lang).lower()}",
                (Column(label("category", lang), 2), Column(label("description", lang), 8)),
                tuple(rows),
                tuple(styles),
            )
        )
    return pdf_docs.sections_pdf(label("breakdown_sheets", lang), book.title, sections, lang=lang)


# --- the book ------------------------------------------------------------------------------


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
    grid = dood_grid(book, lang)

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
                dood=grid,
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
    breakdown_pdf = breakdown_sheets_pdf(book, lang)
    put("breakdown_sheets.pdf", breakdown_pdf)
    for _, stem, page, data in documents:
        put(f"{stem}.html", page)
        put(f"{stem}.pdf", data)
    sheet_links: list[tuple[str, str]] = []
    for call in book.call_sheets:
        put(f"call_sheets/{call.filename}.html", html_docs.render_call_sheet_html(call, lang=lang))
        put(f"call_sheets/{call.filename}.pdf", pdf_docs.call_sheet_pdf(call, lang=lang))
        sheet_links.append(
            (
                f"{label('day_x_of_y', lang, x=call.day_number, y=call.total_days)} — {format_date(call.date, lang, weekday=True)}",
                f"call_sheets/{call.filename}.html",
            )
        )
    call_pdf = pdf_docs.call_sheets_pdf(book.call_sheets, lang=lang, title=book.title)
    put("call_sheets.pdf", call_pdf)

    data_files = {
        "breakdown.csv": breakdown_csv(book),
        "schedule.csv": schedule_csv(book),
        "dood.csv": dood_csv(book),
        "budget.csv": budget_csv_text(book.summary),
        "top_sheet.csv": top_sheet_csv_text(sheet),
        **(
            {"budget_comparison.csv": comparison_csv_text(book.comparison)}
            if book.comparison is not None
            else {}
        ),
        "call_sheets.csv": call_sheets_csv_text(book.call_sheets),
        "shoot_days.ics": shoot_days_ics(book),
        "plan.json": json.dumps(book.plan_json, ensure_ascii=False, indent=2) + "\n",
    }
    for name, content in data_files.items():
        put(name, content)

    parts = [(label("breakdown_sheets", lang), breakdown_pdf)]
    parts += [(title, data) for title, _, _, data in documents[:3]]
    parts.append((label("call_sheets", lang), call_pdf))
    parts += [(title, data) for title, _, _, data in documents[3:]]
    put("book.pdf", _bind(parts))

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
            else f"{schedule.status}, {label('gap', lang)} {schedule.gap:.1%}",
        ),
    ]
    links = [("book.pdf", "book.pdf"), (label("breakdown_sheets", lang), "breakdown_sheets.pdf")]
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
            defaults=book.defaults_used,
            documents=links,
            call_sheets=sheet_links,
            data_files=list(data_files),
            generated=book.generated,
        ),
    )
    return written
