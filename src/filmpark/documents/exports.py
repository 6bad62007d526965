"""CSV and iCalendar exports of schedule data (standard library only).

CSV files are UTF-8 with a header row, one record per line (``\\r\\n`` as the csv module writes
them), so they open in any spreadsheet. The iCalendar file follows RFC 5545: CRLF line ends,
content lines folded at 75 octets (never inside a UTF-8 sequence), text values escaped, one
all-day VEVENT per shoot day whose UID depends only on the production and the date, so a
calendar that imports a revised schedule updates the events instead of duplicating them.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from filmpark.reports.dood import DayOutOfDays
from filmpark.reports.one_liner import OneLiner
from filmpark.schedule.result import Schedule


def _csv(rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(["" if value is None else str(value) for value in row])
    return buffer.getvalue()


SCHEDULE_HEADER = (
    "day",
    "date",
    "order",
    "scene",
    "int_ext",
    "set",
    "location",
    "day_night",
    "eighths",
    "pages",
    "minutes",
    "cast_ids",
    "cast",
)


def schedule_csv_text(schedule: Schedule) -> str:
    """One row per scene in shooting order, with its day, date and what it needs."""
    problem = schedule.problem
    names = {location.id: location.name for location in problem.locations}
    rows: list[list[object]] = [list(SCHEDULE_HEADER)]
    for day in schedule.days:
        for order, number in enumerate(day.scenes, start=1):
            scene = problem.scene(number)
            rows.append(
                [
                    day.number,
                    day.date.isoformat(),
                    order,
                    number,
                    scene.int_ext.value if scene.int_ext else "",
                    scene.set_name,
                    names.get(scene.location, scene.location),
                    scene.day_night.value,
                    scene.eighths.value,
                    str(scene.eighths),
                    scene.minutes,
                    " ".join(str(c) for c in scene.cast),
                    "; ".join(problem.member(c).name for c in scene.cast),
                ]
            )
    return _csv(rows)


def dood_csv_text(dood: DayOutOfDays) -> str:
    """Performers down, dates across, then the totals (work, hold, travel, idle, paid...) and the
    actor playing each role."""
    header: list[object] = ["id", "performer"]
    header += [column.date.isoformat() for column in dood.columns]
    header += [
        "work",
        "hold",
        "travel",
        "rehearsal",
        "fitting",
        "idle",
        "holidays",
        "paid",
        "start",
        "finish",
        "actor",
    ]
    day_row: list[object] = ["", "shoot day"]
    day_row += [
        column.shoot_day if column.shoot_day else (column.off or "") for column in dood.columns
    ]
    day_row += [""] * 11
    rows: list[list[object]] = [header, day_row]
    for row in dood.rows:
        totals = row.totals
        rows.append(
            [row.cast_id, row.name]
            + [cell.text for cell in row.cells]
            + [
                totals.work,
                totals.hold,
                totals.travel,
                totals.rehearsal,
                totals.fitting,
                totals.idle,
                totals.holidays,
                totals.paid,
                totals.start.isoformat() if totals.start else "",
                totals.finish.isoformat() if totals.finish else "",
                row.actor,
            ]
        )
    return _csv(rows)


def one_liner_csv_text(one_liner: OneLiner) -> str:
    """The one-liner: a row per scene, each with its day's number, date and call."""
    rows: list[list[object]] = [
        [
            "day",
            "date",
            "call",
            "scene",
            "int_ext",
            "set",
            "day_night",
            "pages",
            "cast_ids",
            "location",
        ]
    ]
    for day in one_liner.days:
        for line in day.lines:
            rows.append(
                [
                    day.number,
                    day.date.isoformat(),
                    day.call,
                    line.scene,
                    line.int_ext,
                    line.set_name,
                    line.day_night,
                    str(line.eighths),
                    " ".join(str(c) for c in line.cast),
                    line.location,
                ]
            )
    return _csv(rows)


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold a content line at 75 octets with CRLF + space, never splitting a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current = ""
            size = 0
            limit = 74  # continuation lines start with one space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def shoot_days_ics(
    schedule: Schedule,
    *,
    production: str | None = None,
    stamp: datetime | None = None,
    domain: str = "filmpark",
) -> str:
    """An iCalendar (RFC 5545) file with one all-day event per shoot day."""
    problem = schedule.problem
    title = production or problem.title or "Production"
    slug = hashlib.sha256(title.encode("utf-8")).hexdigest()[:12]
    moment = (stamp or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    names = {location.id: location.name for location in problem.locations}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//filmpark//shooting schedule//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(title)}",
    ]
    total = len(schedule.days)
    for day in schedule.days:
        places = ", ".join(names.get(loc, loc) for loc in day.locations)
        summary = f"{title}: day {day.number} of {total} — scenes {', '.join(day.scenes)}"
        call = f"{day.call // 60 % 24:02d}:{day.call % 60:02d}"
        details = [f"Call {call}, {day.eighths} pages, about {day.load_minutes} min"]
        for number in day.scenes:
            scene = problem.scene(number)
            int_ext = scene.int_ext.value if scene.int_ext else ""
            details.append(
                " ".join(p for p in (number, int_ext, scene.set_name, scene.day_night.value) if p)
            )
        description = "\n".join(details)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{slug}-{day.date.strftime('%Y%m%d')}@{domain}",
            f"DTSTAMP:{moment}",
            f"DTSTART;VALUE=DATE:{day.date.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day.date + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(summary)}",
            f"LOCATION:{_escape(places)}",
            f"DESCRIPTION:{_escape(description)}",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)
