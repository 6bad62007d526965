"""The message catalogue: every entry in both languages, and every use of it well formed."""

from __future__ import annotations

import ast
import re
import string
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from filmpark.catalogue import CATALOGUE
from filmpark.text import PLURAL_PARAMETER

SRC = Path(__file__).resolve().parents[1] / "src" / "filmpark"

# Letters only Vietnamese writes (with their diacritics); a translation shows at least one.
VIETNAMESE_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def conversions(template: str) -> set[str]:
    return {conversion for _, _, _, conversion in string.Formatter().parse(template) if conversion}


def test_the_catalogue_has_hundreds_of_messages() -> None:
    assert len(CATALOGUE) > 300


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = CATALOGUE[key]
    english, vietnamese = entry[0], entry[1]
    assert english.strip(), key
    assert vietnamese.strip(), key
    assert vietnamese != english, f"{key}: the Vietnamese is the English"
    assert placeholders(vietnamese) == placeholders(english), key
    # A parameter is rendered in the reader's language; !r or !s would skip that.
    assert not conversions(english), key
    assert not conversions(vietnamese), key
    if len(entry) == 3:
        plural = entry[2]
        assert placeholders(plural) == placeholders(english), key
        assert PLURAL_PARAMETER in placeholders(english), f"{key}: a plural needs {{count}}"
    # A sentence of three words or more shows a letter only Vietnamese writes (a short label
    # such as "trang" may not).
    words = re.sub(r"\{[^}]*\}", " ", unicodedata.normalize("NFC", vietnamese.lower())).split()
    if len([word for word in words if word.isalpha()]) >= 3:
        assert set("".join(words)) & VIETNAMESE_LETTERS, (
            f"{key}: no Vietnamese letter in {vietnamese!r}"
        )
    assert unicodedata.is_normalized("NFC", vietnamese), f"{key}: not NFC"


def catalogue_calls() -> Iterator[tuple[Path, int, str, set[str] | None]]:
    """Every ``t("key", ...)`` in src: its key and keyword names (None when ``**`` is used)."""
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names: set[str] | None = set()
                for keyword in node.keywords:
                    if keyword.arg is None:
                        names = None
                        break
                    assert names is not None
                    names.add(keyword.arg)
                yield path, node.lineno, node.args[0].value, names


def test_every_catalogue_call_names_a_known_key_with_exactly_its_placeholders() -> None:
    problems = []
    for path, line, key, names in catalogue_calls():
        where = f"{path.relative_to(SRC)}:{line}"
        if key not in CATALOGUE:
            problems.append(f"{where}: unknown key {key!r}")
            continue
        if names is not None and names != placeholders(CATALOGUE[key][0]):
            problems.append(
                f"{where}: {key!r} takes {sorted(placeholders(CATALOGUE[key][0]))}, "
                f"given {sorted(names)}"
            )
    assert not problems, "\n".join(problems)


def dynamic_prefixes() -> tuple[str, ...]:
    """The constant beginnings of keys built at run time, ``t(f"term.{name}")``."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
                and isinstance(node.args[0], ast.JoinedStr)
                and node.args[0].values
                and isinstance(node.args[0].values[0], ast.Constant)
            ):
                found.append(str(node.args[0].values[0].value))
    return tuple(found)


def test_every_catalogue_entry_is_used_somewhere() -> None:
    used = {key for _, _, key, _ in catalogue_calls()}
    prefixes = dynamic_prefixes()
    unused = sorted(key for key in CATALOGUE if key not in used and not key.startswith(prefixes))
    assert not unused, f"{len(unused)} catalogue entries are never used: {unused[:20]}"
