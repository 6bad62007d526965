"""Files kept under the data directory: uploaded scripts and rendered books.

A file is stored under a name the server chooses (a random hex id plus a known suffix), never
the client's: a client's name is only displayed. Every path is resolved inside its root, so no
name can reach outside it.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

from filmpark.errors import NotFound, ValidationError
from filmpark.text import t

_SAFE_SUFFIXES = {".fountain", ".spmd", ".fdx", ".pdf", ".txt", ".text"}


class FileStore:
    """A folder of server-named files (``root``), written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def new_name(self, suffix: str) -> str:
        suffix = suffix.lower()
        if suffix not in _SAFE_SUFFIXES:
            suffix = ".bin"
        return secrets.token_hex(16) + suffix

    def path(self, name: str) -> Path:
        """The path of a stored file; refuses any name that is not a plain server name."""
        if not name or "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
            raise ValidationError("name", t("store.bad_file_name"))
        root = self.root.resolve()
        path = (root / name).resolve()
        if path.parent != root:
            raise ValidationError("name", t("store.bad_file_name"))
        return path

    def write(self, name: str, data: bytes) -> Path:
        """Write ``data`` under ``name`` atomically (a temporary file renamed into place)."""
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.path(name)
        tmp = path.with_name(f".{name}.{secrets.token_hex(4)}.part")
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        return path

    def read(self, name: str) -> bytes:
        try:
            return self.path(name).read_bytes()
        except FileNotFoundError:
            raise NotFound(t("store.file_missing")) from None

    def remove(self, name: str) -> None:
        path = self.path(name)
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)

    def folder(self, name: str) -> Path:
        """A server-named sub-folder (for a rendered book), created when missing."""
        path = self.path(name)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def file_in(self, folder: str, relative: str) -> Path:
        """A file inside a stored folder, refusing any relative path that leaves it."""
        base = self.path(folder)
        target = (base / relative).resolve()
        if base != target and base not in target.parents:
            raise NotFound(t("store.no_document"))
        if not target.is_file():
            raise NotFound(t("store.no_document"))
        return target
