"""Bytes to text for screenplay files: UTF-8 (with or without BOM), UTF-16, legacy code pages.

Screenplays arrive from Fountain apps (UTF-8), from Windows tools (UTF-16 with a BOM, or
cp1252), and in Vietnam from old Word documents saved as text in cp1258 or the TCVN-era code
pages. UTF-8 is tried first because a valid UTF-8 file is almost never anything else; a
legacy guess is reported as a diagnostic, since the user may want to check the diacritics.
Text is returned in Unicode NFC, so ``Ộ`` typed as ``O`` + combining marks matches ``Ộ``.
"""

from __future__ import annotations

import codecs
import unicodedata

from filmpark.errors import ScreenplayError
from filmpark.screenplay.model import Diagnostic
from filmpark.text import t

# Legacy code pages tried in order when charset-normalizer cannot decide.
_FALLBACKS = ("cp1258", "cp1252")


def _looks_utf16(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when every other byte of an ASCII-ish text is NUL."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > len(odd) * 0.6 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.6 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is binary: many control bytes (NUL above all) and not UTF-16 text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        return False
    sample = data[:65_536]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls * 100 > len(sample)


def _finish(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text)


def decode(data: bytes, source: str) -> tuple[str, list[Diagnostic]]:
    """Decode a screenplay file's bytes; raise :class:`ScreenplayError` if it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _finish(data[3:].decode("utf-8")), []
        except UnicodeDecodeError as error:
            raise ScreenplayError(source, t("screenplay.bad_utf8_bom", byte=error.start)) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _finish(data.decode("utf-16")), []
        except UnicodeDecodeError:
            raise ScreenplayError(source, t("screenplay.bad_utf16_bom")) from None
    utf16 = _looks_utf16(data)
    if utf16 is not None:
        try:
            return _finish(data.decode(utf16)), []
        except UnicodeDecodeError:
            pass
    try:
        return _finish(data.decode("utf-8")), []
    except UnicodeDecodeError as error:
        first_bad = error.start
    return _legacy(data, source, first_bad)


def _legacy(data: bytes, source: str, first_bad: int) -> tuple[str, list[Diagnostic]]:
    line = data.count(b"\n", 0, first_bad) + 1
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    best = from_bytes(data[:200_000]).best()
    encodings: list[str] = []
    if best is not None and best.encoding and not best.encoding.startswith("utf"):
        encodings.append(best.encoding)
    encodings.extend(e for e in _FALLBACKS if e not in encodings)
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        message = t("screenplay.read_as_legacy", line=line, encoding=encoding)
        return _finish(text), [Diagnostic(source, line, message)]
    raise ScreenplayError(source, t("screenplay.undecodable", line=line))
