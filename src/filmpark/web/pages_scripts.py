"""Upload a script revision, the revision history in revision colours, the script read-only."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from urllib.parse import quote

from fastapi import APIRouter, Request, Response

from filmpark.errors import ScreenplayError, ValidationError
from filmpark.screenplay import read as read_screenplay
from filmpark.screenplay.model import ElementKind, Script
from filmpark.services import projects, scripts
from filmpark.services.permissions import Permission, can
from filmpark.web.core import (
    PageRoute,
    flash,
    form_file,
    form_of,
    gettext,
    localized,
    redirect,
    render,
    require_user,
)
from filmpark.web.platform import client_ip, files, platform, read, write
from filmpark.web.project_context import project_context
from filmpark.web.revisions import colour_hex, colour_label

router = APIRouter(route_class=PageRoute, include_in_schema=False)

ACCEPTED_SUFFIXES = (".fountain", ".spmd", ".fdx", ".pdf", ".txt", ".text")


@dataclass(frozen=True, slots=True)
class RevisionRow:
    id: str
    number: int
    colour_label: str
    colour_hex: str
    filename: str
    format: str
    scenes: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ScriptLine:
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class ScriptScene:
    number: str
    heading: str
    elements: tuple[ScriptLine, ...]


@dataclass(frozen=True, slots=True)
class ScriptView:
    title: str | None
    revision: int
    colour_label: str
    colour_hex: str
    scenes: tuple[ScriptScene, ...]


class _ParsedScripts:
    """Parsed revisions by content hash: a revision never changes, so its parse is kept."""

    def __init__(self, capacity: int = 16) -> None:
        self._items: OrderedDict[str, Script] = OrderedDict()
        self._lock = threading.Lock()
        self._capacity = capacity

    def get(self, sha256: str, data: bytes, source: str) -> Script:
        with self._lock:
            if sha256 in self._items:
                self._items.move_to_end(sha256)
                return self._items[sha256]
        script = read_screenplay(data, source)
        with self._lock:
            self._items[sha256] = script
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)
        return script


PARSED = _ParsedScripts()

_SHOWN = {
    ElementKind.ACTION: "action",
    ElementKind.CHARACTER: "character",
    ElementKind.PARENTHETICAL: "parenthetical",
    ElementKind.DIALOGUE: "dialogue",
    ElementKind.TRANSITION: "transition",
    ElementKind.CENTERED: "centered",
    ElementKind.LYRICS: "dialogue",
    ElementKind.SHOT: "action",
    ElementKind.NOTE: "note",
}


def element_text(kind: ElementKind, text: str, extension: str | None, name: str | None) -> str:
    if kind is ElementKind.CHARACTER:
        cue = name or text
        return f"{cue} ({extension})" if extension else text or cue
    return text


def load_script(request: Request, project_id: str, revision_id: str) -> tuple[Script, object]:
    """The parsed screenplay of a revision the reader may read (PermissionDenied otherwise)."""
    user = require_user(request)
    with read(request) as tx:
        revision, data = scripts.original_file(
            tx, user, project_id, revision_id, files=files(request)
        )
    return PARSED.get(revision.sha256, data, revision.filename), revision


def _scripts_page(request: Request, project_id: str, status_code: int = 200) -> Response:
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        revisions = scripts.list_revisions(tx, user, project_id)
    rows = [
        RevisionRow(
            r.id,
            r.number,
            colour_label(request, r.colour),
            colour_hex(r.colour),
            r.filename,
            r.format,
            r.scene_count,
            r.created_at,
        )
        for r in sorted(revisions, key=lambda r: r.number, reverse=True)
    ]
    context = project_context(request, project_id, view.title, view.role, "page_project_scripts")
    return render(
        request,
        "project/scripts.html",
        status_code=status_code,
        title=gettext(request, "Script"),
        revisions=rows,
        can_upload=can(view.role, Permission.UPLOAD_SCRIPT),
        can_read=can(view.role, Permission.VIEW_SCRIPT),
        max_upload_bytes=platform(request).settings.max_upload_bytes,
        **context,
    )


@router.get("/projects/{project_id}/scripts", name="page_project_scripts")
def scripts_page(request: Request, project_id: str) -> Response:
    return _scripts_page(request, project_id)


def _upload_error(request: Request, error: ValidationError | ScreenplayError) -> str:
    if isinstance(error, ScreenplayError):
        return gettext(
            request,
            "This file could not be read as a screenplay: %(cause)s",
            cause=localized(request, error.cause),
        )
    return gettext(request, "The file was not stored: %(reason)s", reason=localized(request, error))


@router.post("/projects/{project_id}/scripts")
async def scripts_upload(request: Request, project_id: str) -> Response:
    upload = form_file(form_of(request), "file")
    here = str(request.app.url_path_for("page_project_scripts", project_id=project_id))
    if upload is None or not upload.filename:
        flash(request, "error", gettext(request, "Choose a screenplay file to upload."))
        return redirect(here)
    suffix = PurePath(upload.filename).suffix.lower()
    if suffix and suffix not in ACCEPTED_SUFFIXES:
        flash(
            request,
            "error",
            gettext(
                request,
                "“%(name)s” is not a screenplay file. Upload Fountain (.fountain), Final Draft (.fdx), "
                "PDF or plain text (.txt); nothing was stored.",
                name=upload.filename,
            ),
        )
        return redirect(here)
    limit = platform(request).settings.max_upload_bytes
    data = await upload.read(limit + 1)
    filename = upload.filename
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_store_upload, request, project_id, filename, data, here)


def _store_upload(
    request: Request, project_id: str, filename: str, data: bytes, here: str
) -> Response:
    user = require_user(request)
    settings = platform(request).settings
    try:
        with write(request) as tx:
            revision = scripts.upload_revision(
                tx,
                user,
                project_id,
                filename,
                data,
                files=files(request),
                max_bytes=settings.max_upload_bytes,
                ip=client_ip(request),
            )
    except (ValidationError, ScreenplayError) as error:
        flash(request, "error", _upload_error(request, error))
        return redirect(here)
    flash(
        request,
        "ok",
        gettext(
            request,
            "Revision %(number)s (%(colour)s) stored: %(scenes)s scenes.",
            number=revision.number,
            colour=colour_label(request, revision.colour),
            scenes=revision.scene_count,
        ),
    )
    return redirect(here)


@router.get("/projects/{project_id}/scripts/{revision_id}", name="page_project_script")
def script_page(request: Request, project_id: str, revision_id: str) -> Response:
    user = require_user(request)
    script, revision = load_script(request, project_id, revision_id)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
    number = getattr(revision, "number", 0)
    colour = str(getattr(revision, "colour", "White"))
    scenes = tuple(
        ScriptScene(
            scene.number.text,
            scene.heading.text,
            tuple(
                ScriptLine(_SHOWN[e.kind], element_text(e.kind, e.text, e.extension, e.name))
                for e in scene.elements
                if e.kind in _SHOWN and e.kind is not ElementKind.SCENE_HEADING
            ),
        )
        for scene in script.scenes
    )
    context = project_context(request, project_id, view.title, view.role, "page_project_scripts")
    return render(
        request,
        "project/script.html",
        title=script.title or gettext(request, "Script"),
        script=ScriptView(
            script.title, number, colour_label(request, colour), colour_hex(colour), scenes
        ),
        download_url=str(
            request.app.url_path_for(
                "page_project_script_file", project_id=project_id, revision_id=revision_id
            )
        ),
        **context,
    )


@router.get("/projects/{project_id}/scripts/{revision_id}/file", name="page_project_script_file")
def script_file(request: Request, project_id: str, revision_id: str) -> Response:
    user = require_user(request)
    with read(request) as tx:
        revision, data = scripts.original_file(
            tx, user, project_id, revision_id, files=files(request)
        )
    media = (
        "application/pdf"
        if revision.format == "pdf"
        else ("application/xml" if revision.format == "fdx" else "text/plain; charset=utf-8")
    )
    return Response(
        data,
        media_type=media,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(revision.filename)}"},
    )
