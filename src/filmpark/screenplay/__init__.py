"""Screenplays: the model, one reader and writer per format (Fountain, FDX, PDF, text), pagination.

:func:`read` takes the bytes of a file and its name and returns a
:class:`~filmpark.screenplay.model.Script`; the reader is chosen by the name's suffix and by
sniffing the content. Files that cannot be a screenplay at all (binary, empty, too big, an
image or an office archive) raise :class:`~filmpark.errors.ScreenplayError` naming the file
and the cause; everything else is read, with recoverable oddities as diagnostics.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath

from filmpark.errors import ScreenplayError
from filmpark.screenplay.model import Diagnostic, Script
from filmpark.text import Text, t

__all__ = ["MAX_BYTES", "SUFFIXES", "detect_format", "read", "read_text"]

#: The largest file read (32 MiB). A feature screenplay is about 200 KB of Fountain or a few
#: MB of PDF; anything bigger is refused before it reaches a parser.
MAX_BYTES = 32 * 1024 * 1024

#: Suffixes read, by format.
SUFFIXES: dict[str, str] = {
    ".fountain": "fountain",
    ".spmd": "fountain",
    ".txt": "text",
    ".text": "text",
    ".fdx": "fdx",
    ".pdf": "pdf",
}
_FORMATS = frozenset({"fountain", "text", "fdx", "pdf"})

# Formats people try that we do not read, with what to do instead.
_REFUSED: dict[str, Text] = {
    ".docx": t("refused.word"),
    ".doc": t("refused.word"),
    ".odt": t("refused.opendocument"),
    ".rtf": t("refused.rtf"),
    ".pages": t("refused.pages"),
    ".celtx": t("refused.celtx"),
    ".fadein": t("refused.fadein"),
    ".highland": t("refused.highland"),
    ".scriv": t("refused.scrivener"),
}
_MAGIC: tuple[tuple[bytes, Text], ...] = (
    (b"PK\x03\x04", t("refused.zip")),
    (b"\xd0\xcf\x11\xe0", t("refused.old_office")),
    (b"\x89PNG", t("refused.png")),
    (b"\xff\xd8\xff", t("refused.jpeg")),
    (b"GIF8", t("refused.gif")),
    (b"\x7fELF", t("refused.program")),
    (b"MZ", t("refused.windows_program")),
    (b"\x1f\x8b", t("refused.gzip")),
    (b"{\\rtf", t("refused.rtf")),
)


def detect_format(data: bytes, source: str = "<input>") -> str:
    """``"fountain"``, ``"text"``, ``"fdx"`` or ``"pdf"`` from the content, then the suffix.

    Raises :class:`ScreenplayError` for content that is no screenplay format at all.
    """
    suffix = PurePath(source).suffix.lower()
    if suffix in _REFUSED:
        raise ScreenplayError(source, _REFUSED[suffix])
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-") or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    for magic, cause in _MAGIC:
        if data.startswith(magic):
            raise ScreenplayError(source, cause)
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"<") and b"<FinalDraft" in data[:4096]:
        return "fdx"
    if suffix == ".pdf":
        raise ScreenplayError(source, t("screenplay.not_pdf"))
    if suffix == ".fdx":
        if start.startswith(b"<"):
            return "fdx"
        raise ScreenplayError(source, t("screenplay.not_fdx"))
    if start.startswith((b"<?xml", b"<html", b"<!DOCTYPE")):
        raise ScreenplayError(source, t("screenplay.xml_not_fdx"))
    return SUFFIXES.get(suffix, "fountain")


def _check_bytes(data: bytes, source: str) -> None:
    if len(data) > MAX_BYTES:
        raise ScreenplayError(
            source,
            t(
                "screenplay.too_big",
                size=round(len(data) / 1_048_576),
                limit=MAX_BYTES // 1_048_576,
            ),
        )
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"):
        if data and data.strip(b" \t\r\n") and not data.strip(b"\x00"):
            raise ScreenplayError(source, t("screenplay.only_nul"))
        raise ScreenplayError(source, t("screenplay.empty"))


def _check_text(text: str, source: str) -> list[Diagnostic]:
    """Refuse binary content; tolerate a few stray control characters with a diagnostic."""
    sample = text[:65_536]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v")
    if controls and controls * 100 > len(sample):
        nul = sample.count("\x00")
        cause = t("screenplay.binary_nul") if nul else t("screenplay.binary")
        raise ScreenplayError(source, t("screenplay.not_screenplay", cause=cause))
    if controls:
        return [Diagnostic(source, 1, t("screenplay.controls_ignored", count=controls))]
    return []


def read(data: bytes, source: str = "<input>", *, format: str | None = None) -> Script:
    """Read a screenplay file's bytes (Fountain, plain text, Final Draft or PDF)."""
    _check_bytes(data, source)
    if format is not None and format not in _FORMATS:
        raise ScreenplayError(source, t("screenplay.unknown_format", format=repr(format)))
    kind = format or detect_format(data, source)
    if kind in ("pdf", "fdx"):
        # The PDF and FDX readers (and their dependencies) load only when such a file comes.
        try:
            module = importlib.import_module(f"filmpark.screenplay.{kind}")
        except ModuleNotFoundError as missing:
            raise ScreenplayError(
                source,
                t("screenplay.reader_missing", kind=kind.upper(), module=str(missing.name)),
            ) from None
        reader: Callable[[bytes, str], Script] = getattr(module, f"read_{kind}")
        return reader(data, source)
    from filmpark.screenplay.encoding import decode, looks_binary

    if looks_binary(data):
        raise ScreenplayError(source, t("screenplay.not_screenplay", cause=t("screenplay.binary")))
    text, notes = decode(data, source)
    notes.extend(_check_text(text, source))
    if not text.strip():
        raise ScreenplayError(source, t("screenplay.empty"))
    return _read_decoded(text, source, kind, notes, explicit=format == "text")


def _read_decoded(
    text: str, source: str, kind: str, notes: list[Diagnostic], explicit: bool = False
) -> Script:
    from dataclasses import replace

    from filmpark.screenplay.fountain import read_fountain
    from filmpark.screenplay.text import looks_plain, read_plain_text

    text = "".join(c for c in text if c >= " " or c in "\t\n\r") if notes else text
    if kind == "text" and (explicit or looks_plain(text)):
        script = read_plain_text(text, source)
    else:
        script = read_fountain(text, source)
    if notes:
        script = replace(script, diagnostics=(*notes, *script.diagnostics))
    return script


def read_text(text: str, source: str = "<input>") -> Script:
    """Read Fountain or plain text that is already decoded."""
    from filmpark.screenplay.text import looks_plain

    suffix = PurePath(source).suffix.lower()
    kind = "text" if suffix in (".txt", ".text") and looks_plain(text) else "fountain"
    return _read_decoded(text, source, kind, [])
