"""Script revisions: upload (file kept, parsed, coloured), list, read.

Public functions (take the edge's :class:`~filmpark.store.Tx`, never commit)::

    upload_revision(tx, actor, project_id, filename, data, *, files, max_bytes, ip=None)
        -> ScriptRevision
    list_revisions(tx, actor, project_id) -> list[ScriptRevision]
    get_revision(tx, actor, project_id, script_id) -> ScriptRevision
    get_script_document(tx, actor, project_id, script_id) -> dict   # the Script.1 JSON
    latest_revision(tx, actor, project_id) -> ScriptRevision | None
    revision_colour(number) -> str                                   # 1 → "White", 2 → "Blue"...

The uploaded file is kept under the data directory with a server-chosen name (the client's
name is only shown); its type is judged from its content and name, never from the client's
header. The file is removed again when the transaction fails, so a failed upload leaves
nothing behind. Investors never receive script text (PermissionDenied).
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import PurePath
from typing import Any

from filmpark.errors import NotFound, ScreenplayError, ValidationError
from filmpark.screenplay import read
from filmpark.screenplay.model import Script
from filmpark.screenplay.serialize import script_to_json
from filmpark.services.breakdowns import propose_breakdown
from filmpark.services.permissions import Permission, require
from filmpark.store import FileStore, Tx
from filmpark.store.records import ScriptRevision, User
from filmpark.text import t

# The industry's revision colour order (WGA/Final Draft convention), then the cycle repeats
# as "Double White", "Double Blue"...
REVISION_COLOURS = (
    "White",
    "Blue",
    "Pink",
    "Yellow",
    "Green",
    "Goldenrod",
    "Buff",
    "Salmon",
    "Cherry",
    "Tan",
)
_ROUNDS = ("", "Double ", "Triple ", "Quadruple ", "Quintuple ")

FORMATS = {
    ".fountain": "fountain",
    ".spmd": "fountain",
    ".fdx": "fdx",
    ".pdf": "pdf",
    ".txt": "text",
    ".text": "text",
}
# Magic numbers of files that are certainly not screenplays.
_BINARY_MAGIC = (
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\x89PNG",
    b"\xff\xd8\xff",  # jpeg
    b"GIF8",
    b"\x7fELF",
    b"MZ",
    b"\xd0\xcf\x11\xe0",  # OLE: .doc, .xls
    b"\x1f\x8b",  # gzip
    b"Rar!",
    b"7z\xbc\xaf",
)


def revision_colour(number: int) -> str:
    """The colour of the ``number``-th revision (1 is the original White draft)."""
    if number < 1:
        raise ValidationError("revision", t("script.revision_from_one"))
    cycle, index = divmod(number - 1, len(REVISION_COLOURS))
    prefix = _ROUNDS[cycle] if cycle < len(_ROUNDS) else f"{cycle + 1}× "
    return prefix + REVISION_COLOURS[index]


def display_name(filename: str) -> str:
    """The client's file name made safe to show: last path part, no control characters."""
    base = PurePath(filename.replace("\\", "/")).name
    clean = "".join(ch for ch in unicodedata.normalize("NFC", base) if ch.isprintable())
    clean = clean.strip().lstrip(".")
    return clean[:255] or "script"


def sniff_format(filename: str, data: bytes) -> str:
    """``fountain``, ``fdx``, ``pdf`` or ``text``, judged from the content and the name.

    The content decides where it can (a PDF is ``%PDF-``, an FDX is XML with a
    ``FinalDraft`` root); the name only chooses between the text formats.
    """
    suffix = PurePath(display_name(filename)).suffix.lower()
    head = data[:4096]
    if head.lstrip().startswith(b"%PDF-"):
        if suffix and suffix != ".pdf":
            raise ValidationError("file", t("upload.pdf_misnamed", suffix=suffix))
        return "pdf"
    if suffix == ".pdf":
        raise ValidationError("file", t("upload.not_pdf"))
    if head.startswith(_BINARY_MAGIC):
        raise ValidationError("file", t("upload.not_screenplay"))
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"<") and b"FinalDraft" in head:
        return "fdx"
    if suffix == ".fdx":
        raise ValidationError("file", t("upload.not_fdx"))
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in head:
        raise ValidationError("file", t("upload.binary"))
    if suffix and suffix not in FORMATS:
        raise ValidationError(
            "file",
            t("upload.unsupported_type", suffix=suffix),
        )
    return FORMATS.get(suffix, "fountain")


def _parse(data: bytes, source: str) -> tuple[Script, dict[str, Any]]:
    script = read(data, source)
    return script, script_to_json(script)


def upload_revision(
    tx: Tx,
    actor: User,
    project_id: str,
    filename: str,
    data: bytes,
    *,
    files: FileStore,
    max_bytes: int,
    ip: str | None = None,
) -> ScriptRevision:
    """Keep, parse and store a new revision of the project's script.

    Raises ValidationError for a file too large or of the wrong type, ScreenplayError when it
    cannot be read at all. The next revision gets the next colour.
    """
    require(tx, actor, project_id, Permission.UPLOAD_SCRIPT)
    if len(data) > max_bytes:
        raise ValidationError("file", t("upload.too_large", limit=max_bytes // (1024 * 1024)))
    if not data.strip():
        raise ValidationError("file", t("upload.empty"))
    name = display_name(filename)
    fmt = sniff_format(name, data)
    script, document = _parse(data, name)
    if not script.scenes:
        # A revision without scenes would become the project's current script and leave
        # nothing to break down or schedule.
        raise ScreenplayError(name, t("screenplay.no_scenes_found"))
    suffix = {"fountain": ".fountain", "fdx": ".fdx", "pdf": ".pdf", "text": ".txt"}[fmt]
    stored_name = files.new_name(suffix)
    files.write(stored_name, data)
    tx.on_rollback(lambda: files.remove(stored_name))
    tx.projects.lock(project_id)
    number = tx.scripts.next_number(project_id)
    title = script.title
    revision = tx.scripts.add(
        project_id=project_id,
        number=number,
        colour=revision_colour(number),
        filename=name,
        stored_name=stored_name,
        format=fmt,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        scene_count=len(script.scenes),
        title=title[:300] if title else None,
        script=document,
        uploaded_by=actor.id,
        headings={
            str(scene.get("number")): str(scene.get("heading", ""))
            for scene in document.get("scenes", [])
            if isinstance(scene, dict)
        },
    )
    tx.audit.add(
        "script.upload",
        actor_id=actor.id,
        project_id=project_id,
        detail={
            "revision": number,
            "colour": revision.colour,
            "filename": name,
            "sha256": revision.sha256,
        },
        ip=ip,
    )
    propose_breakdown(tx, revision, script)
    return revision


def list_revisions(tx: Tx, actor: User, project_id: str) -> list[ScriptRevision]:
    """Every revision of the project, oldest first (metadata only: no script text)."""
    require(tx, actor, project_id, Permission.VIEW_PROJECT)
    return tx.scripts.of_project(project_id)


def latest_revision(tx: Tx, actor: User, project_id: str) -> ScriptRevision | None:
    require(tx, actor, project_id, Permission.VIEW_PROJECT)
    return tx.scripts.latest(project_id)


def get_revision(tx: Tx, actor: User, project_id: str, script_id: str) -> ScriptRevision:
    require(tx, actor, project_id, Permission.VIEW_PROJECT)
    revision = tx.scripts.get(project_id, script_id)
    if revision is None:
        raise NotFound(t("script.no_revision"))
    return revision


def get_script_document(tx: Tx, actor: User, project_id: str, script_id: str) -> dict[str, Any]:
    """The revision's ``Script.1`` JSON (PermissionDenied for investors)."""
    require(tx, actor, project_id, Permission.VIEW_SCRIPT)
    revision = tx.scripts.get(project_id, script_id)
    if revision is None:
        raise NotFound(t("script.no_revision"))
    return tx.scripts.document(revision.id)


def original_file(
    tx: Tx, actor: User, project_id: str, script_id: str, *, files: FileStore
) -> tuple[ScriptRevision, bytes]:
    """The revision's original file as uploaded (PermissionDenied for investors)."""
    require(tx, actor, project_id, Permission.VIEW_SCRIPT)
    revision = tx.scripts.get(project_id, script_id)
    if revision is None:
        raise NotFound(t("script.no_revision"))
    return revision, files.read(revision.stored_name)
