from __future__ import annotations

from pathlib import Path

import pytest

from filmpark.errors import NotFound, ValidationError
from filmpark.store import FileStore


@pytest.mark.parametrize("name", ["../secret", "a/b", "..", ".hidden", "", "x\x00y", "a\\b"])
def test_no_name_reaches_outside_the_store(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValidationError):
        FileStore(tmp_path).path(name)


def test_a_new_name_is_random_and_keeps_only_known_suffixes(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    assert store.new_name(".FOUNTAIN").endswith(".fountain")
    assert store.new_name(".sh").endswith(".bin")
    assert store.new_name(".pdf") != store.new_name(".pdf")


def test_a_file_in_a_folder_cannot_escape_it(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    folder = store.folder("book-1")
    (folder / "index.html").write_text("ok")
    (tmp_path / "secret_key").write_text("no")
    assert store.file_in("book-1", "index.html").read_text() == "ok"
    with pytest.raises(NotFound):
        store.file_in("book-1", "../secret_key")


def test_writes_are_atomic_and_read_back(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "s")
    name = store.new_name(".txt")
    store.write(name, b"abc")
    assert store.read(name) == b"abc"
    assert [p.name for p in (tmp_path / "s").iterdir()] == [name]
