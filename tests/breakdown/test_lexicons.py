from __future__ import annotations

from importlib import resources

import pytest

from filmpark.breakdown.categories import ELEMENT_CATEGORIES
from filmpark.breakdown.lexicon import load_lexicon


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_lexicons_load_with_thousands_of_entries_in_known_categories(language: str) -> None:
    lexicon = load_lexicon(language)
    assert len(lexicon) > 1000
    assert {e.category for e in lexicon} <= {*ELEMENT_CATEGORIES, "none"}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_no_term_is_listed_twice_or_in_two_categories(language: str) -> None:
    seen: dict[str, str] = {}
    for entry in load_lexicon(language):
        assert entry.term not in seen, (
            f"{entry.term!r} in {seen.get(entry.term)} and {entry.source}:{entry.line}"
        )
        seen[entry.term] = f"{entry.source}:{entry.line}"


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_lexicon_file_starts_with_a_header_comment(language: str) -> None:
    folder = resources.files("filmpark.breakdown") / "lexicons" / language
    for item in folder.iterdir():
        if item.name.endswith(".tsv") or item.name.endswith(".yaml"):
            assert item.read_text(encoding="utf-8").startswith("# "), item.name


def test_english_plurals_find_the_singular_entry() -> None:
    lexicon = load_lexicon("en")
    entry = lexicon.lookup("red plastic stools") or lexicon.lookup("plastic stools")
    assert entry is not None
    assert entry.name == "plastic stool"
    assert entry.category == "set_dressing"


def test_vietnamese_is_found_with_or_without_diacritics() -> None:
    lexicon = load_lexicon("vi")
    with_marks = lexicon.lookup("xe máy")
    without = lexicon.lookup("xe may")
    assert with_marks is not None
    assert without is not None
    assert with_marks.name == without.name == "xe máy"


def test_flags_are_only_those_the_engine_understands() -> None:
    known = {"handled", "tool", "group", "firearm"}
    for language in ("en", "vi"):
        for entry in load_lexicon(language):
            assert entry.flags <= known, f"{entry.source}:{entry.line} {entry.flags}"


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_rule_word_reads_as_text_not_as_a_yaml_boolean(language: str) -> None:
    rules = load_lexicon(language).rules
    for key, value in rules.items():
        items = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        for item in items:
            assert isinstance(item, str | dict), f"{key}: {item!r}"
    assert "on" in load_lexicon("en").words("camera_words")
