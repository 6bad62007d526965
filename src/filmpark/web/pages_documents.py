"""Documents: the production book's files (PDF, CSV, iCal, HTML), the whole book as a zip,
and the call sheet preview.

The book is rendered as a job from the newest schedule (and budget), in the reader's language.
Files are served only from the book's own folder (the platform refuses any path leaving it).
"""

from __future__ import annotations

import io
import mimetypes
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, JSONResponse

from filmpark.errors import NotFound
from filmpark.services import books, projects, schedules
from filmpark.services.permissions import Permission, can
from filmpark.text import t
from filmpark.web.core import PageRoute, gettext, json_of, language_of, render, require_user, tr
from filmpark.web.i18n import N_
from filmpark.web.platform import client_ip, dispatch, read, renders, write
from filmpark.web.project_context import project_context

if TYPE_CHECKING:
    from filmpark.store.records import RenderedBook

router = APIRouter(route_class=PageRoute, include_in_schema=False)

_KINDS = {
    ".pdf": N_("PDF"),
    ".csv": N_("Spreadsheet (CSV)"),
    ".ics": N_("Calendar (iCal)"),
    ".html": N_("Web page (HTML)"),
    ".json": N_("Data (JSON)"),
}
_CALL_SHEET = re.compile(r"call[_-]?sheets?/.*?(\d+)", re.IGNORECASE)
# A rendered document is our own HTML; it may be shown in the call sheet preview frame only.
_DOCUMENT_CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; frame-ancestors 'self'"
)


@dataclass(frozen=True, slots=True)
class DocumentLink:
    name: str
    kind: str
    href: str


@dataclass(frozen=True, slots=True)
class BookView:
    created_at: datetime
    schedule_version: int | None
    budget_version: int | None
    groups: tuple[tuple[str, tuple[DocumentLink, ...]], ...]
    zip_href: str


@dataclass(frozen=True, slots=True)
class CallSheetLink:
    day: int
    html: str | None
    pdf: str | None


def document_href(project_id: str, name: str) -> str:
    return f"/projects/{project_id}/documents/file/{quote(name)}"


def _latest(
    request: Request, project_id: str
) -> tuple[dict[str, Any], RenderedBook | None, int | None]:
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        context: dict[str, Any] = {
            "can_render": can(view.role, Permission.RENDER_DOCUMENTS),
            "title_": view.title,
        }
        context.update(project_context(request, project_id, view.title, view.role, ""))
        try:
            book = books.latest_book(tx, user, project_id)
        except NotFound:
            book = None
        try:
            schedule_version: int | None = schedules.get_schedule(tx, user, project_id).version
        except NotFound:
            schedule_version = None
    return context, book, schedule_version


def call_sheets(project_id: str, files: tuple[str, ...]) -> list[CallSheetLink]:
    days: dict[int, dict[str, str]] = {}
    for name in files:
        match = _CALL_SHEET.search(name)
        if not match:
            continue
        suffix = PurePosixPath(name).suffix.lower()
        days.setdefault(int(match.group(1)), {})[suffix] = document_href(project_id, name)
    return [
        CallSheetLink(day, found.get(".html"), found.get(".pdf"))
        for day, found in sorted(days.items())
    ]


@router.get("/projects/{project_id}/documents", name="page_project_documents")
def documents_page(request: Request, project_id: str) -> Response:
    context, book, schedule_version = _latest(request, project_id)
    context["active"] = "page_project_documents"
    translator = tr(request)
    view = None
    if book is not None:
        files = book.files
        grouped: dict[str, list[DocumentLink]] = {}
        for name in files:
            suffix = PurePosixPath(name).suffix.lower()
            label = translator.gettext(_KINDS.get(suffix, N_("Other files")))
            grouped.setdefault(label, []).append(
                DocumentLink(name, label, document_href(project_id, name))
            )
        view = BookView(
            created_at=book.created_at,
            schedule_version=book.schedule_version,
            budget_version=book.budget_version,
            groups=tuple((label, tuple(links)) for label, links in grouped.items()),
            zip_href=f"/projects/{project_id}/documents/book.zip",
        )
    return render(
        request,
        "project/documents.html",
        title=gettext(request, "Documents"),
        book=view,
        schedule_version=schedule_version,
        render_url=f"/projects/{project_id}/documents/render",
        jobs_url=f"/projects/{project_id}/jobs",
        **context,
    )


@router.post("/projects/{project_id}/documents/render", name="page_project_documents_render")
def documents_render(request: Request, project_id: str) -> Response:
    user = require_user(request)
    json_of(request)
    with write(request) as tx:
        job = books.request_book(
            tx, user, project_id, locale=language_of(request), ip=client_ip(request)
        )
    dispatch(request, job.id)
    return JSONResponse({"job_id": job.id}, status_code=202)


@router.get("/projects/{project_id}/documents/book.zip", name="page_project_book_zip")
def book_zip(request: Request, project_id: str) -> Response:
    user = require_user(request)
    with read(request) as tx:
        book = books.latest_book(tx, user, project_id)
        paths = [
            (name, books.book_file(tx, user, project_id, name, renders=renders(request)))
            for name in book.files
        ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in paths:
            archive.write(path, arcname=f"book/{name}")
    stamp = book.created_at.strftime("%Y%m%d-%H%M")
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="production-book-{stamp}.zip"'},
    )


@router.get("/projects/{project_id}/documents/file/{name:path}", name="page_project_document")
def document_file(request: Request, project_id: str, name: str) -> Response:
    user = require_user(request)
    with read(request) as tx:
        path = books.book_file(tx, user, project_id, name, renders=renders(request))
    media, _ = mimetypes.guess_type(path.name)
    suffix = path.suffix.lower()
    if suffix == ".ics":
        media = "text/calendar"
    if suffix in (".csv", ".ics", ".html", ".json") and media:
        media += "; charset=utf-8"
    headers = {"Content-Security-Policy": _DOCUMENT_CSP, "X-Frame-Options": "SAMEORIGIN"}
    disposition = "inline" if suffix in (".html", ".pdf") else "attachment"
    headers["Content-Disposition"] = (
        f"{disposition}; filename*=UTF-8''{quote(PurePosixPath(name).name)}"
    )
    return FileResponse(path, media_type=media or "application/octet-stream", headers=headers)


@router.get("/projects/{project_id}/call-sheets", name="page_project_call_sheet")
def call_sheet_page(request: Request, project_id: str, day: int | None = None) -> Response:
    context, book, schedule_version = _latest(request, project_id)
    context["active"] = "page_project_call_sheet"
    sheets = call_sheets(project_id, book.files) if book is not None else []
    chosen = next((s for s in sheets if s.day == day), sheets[0] if sheets else None)
    if day is not None and (chosen is None or chosen.day != day):
        raise NotFound(t("web.no_call_sheet"))
    return render(
        request,
        "project/call_sheet.html",
        title=gettext(request, "Call sheets"),
        sheets=sheets,
        chosen=chosen,
        has_book=book is not None,
        schedule_version=schedule_version,
        book_version=book.schedule_version if book else None,
        **context,
    )
