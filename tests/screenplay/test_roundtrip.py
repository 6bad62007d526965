"""Fountain → model → Fountain → model gives the same model (corpus files and generated scripts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmpark.screenplay import read
from filmpark.screenplay.assemble import build_script
from filmpark.screenplay.fountain import read_fountain, write_fountain
from filmpark.screenplay.model import DualSide, Element, ElementKind, Script
from tests.conftest import SHARED, shared_path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def model_view(script: Script) -> dict[str, Any]:
    """Everything a round trip must keep (line numbers and pages depend on the layout)."""
    return {
        "title_page": script.title_page,
        "elements": [
            (e.kind, e.text, e.name, e.extension, e.dual, e.depth, e.scene_number)
            for e in script.elements
        ],
        "scenes": [
            (s.number.text, s.heading.int_ext, s.heading.location, s.heading.time, s.speaking)
            for s in script.scenes
        ],
        "characters": [(c.name, c.scenes, c.lines) for c in script.characters],
    }


def corpus_and_examples() -> list[str]:
    files = [str(p) for p in sorted(EXAMPLES.glob("*.fountain"))]
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        files += [str(p.relative_to(SHARED)) for p in sorted(corpus.rglob("*.fountain"))]
    return files


@pytest.mark.parametrize("name", corpus_and_examples())
def test_a_script_survives_a_fountain_round_trip(name: str) -> None:
    path = Path(name) if Path(name).is_absolute() else shared_path(*Path(name).parts)
    first = read(path.read_bytes(), path.name)
    written = write_fountain(first)
    second = read_fountain(written, path.name)
    assert model_view(second) == model_view(first)
    assert write_fountain(second) == written


# -- generated scripts ------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "rain",
        "the",
        "bike",
        "Lan",
        "waits",
        "phở",
        "đêm",
        "door",
        "opens",
        "slowly",
        "quiet",
        "*now*",
    ]
)
_NAMES = st.sampled_from(["LAN", "MINH", "BÀ TƯ", "OFFICER BINH", "DR. HA", "ÔNG TÀI XẾ", "R2D2"])
_PLACES = st.sampled_from(["HOUSE", "CHỢ BẾN THÀNH", "ALLEY - BACK", "PHO STALL", "BỜ SÔNG"])
_PREFIXES = st.sampled_from(["INT.", "EXT.", "INT./EXT.", "NỘI.", "NGOẠI.", "I/E"])
_TIMES = st.sampled_from(["DAY", "NIGHT", "CONTINUOUS", "NGÀY", "ĐÊM", "BÌNH MINH", None])
_EXTENSIONS = st.sampled_from([None, "V.O.", "O.S.", "CONT'D"])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=1, max_size=12))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


@st.composite
def headings(draw: st.DrawFn) -> list[Element]:
    time = draw(_TIMES)
    text = f"{draw(_PREFIXES)} {draw(_PLACES)}" + (f" - {time}" if time else "")
    number = draw(st.sampled_from([None, None, "12", "12A"]))
    return [Element(ElementKind.SCENE_HEADING, text, scene_number=number)]


@st.composite
def speeches(draw: st.DrawFn, dual: DualSide | None = None) -> list[Element]:
    name = draw(_NAMES)
    extension = draw(_EXTENSIONS)
    cue = f"{name} ({extension})" if extension else name
    parts = [Element(ElementKind.CHARACTER, cue, name=name, extension=extension, dual=dual)]
    if draw(st.booleans()):
        parts.append(Element(ElementKind.PARENTHETICAL, "(quietly)", dual=dual))
    lines = draw(st.lists(sentences(), min_size=1, max_size=3))
    parts.append(Element(ElementKind.DIALOGUE, "\n".join(lines), dual=dual))
    return parts


@st.composite
def blocks(draw: st.DrawFn) -> list[Element]:
    kind = draw(st.sampled_from(["action", "speech", "dual", "transition", "other"]))
    if kind == "action":
        lines = draw(st.lists(sentences(), min_size=1, max_size=3))
        return [Element(ElementKind.ACTION, "\n".join(lines))]
    if kind == "speech":
        return draw(speeches())
    if kind == "dual":
        return draw(speeches(DualSide.LEFT)) + draw(speeches(DualSide.RIGHT))
    if kind == "transition":
        return [
            Element(ElementKind.TRANSITION, draw(st.sampled_from(["CUT TO:", "Burn to white."])))
        ]
    other = draw(st.sampled_from(["centered", "lyrics", "note", "section", "synopsis", "break"]))
    text = draw(sentences())
    return {
        "centered": [Element(ElementKind.CENTERED, text)],
        "lyrics": [Element(ElementKind.LYRICS, text, forced=True)],
        "note": [Element(ElementKind.NOTE, text)],
        "section": [Element(ElementKind.SECTION, text, depth=draw(st.integers(1, 3)))],
        "synopsis": [Element(ElementKind.SYNOPSIS, text)],
        "break": [Element(ElementKind.PAGE_BREAK, "")],
    }[other]


@st.composite
def scripts(draw: st.DrawFn) -> Script:
    elements: list[Element] = []
    for _ in range(draw(st.integers(1, 6))):
        elements += draw(headings())
        for block in draw(st.lists(blocks(), max_size=6)):
            elements += block
    title = draw(st.sampled_from([(), (("Title", "Phở at Dawn"), ("Author", "Lan\nMinh"))]))
    return build_script(elements, title_page=title)


@settings(max_examples=150, deadline=None)
@given(scripts())
def test_generated_scripts_survive_a_fountain_round_trip(script: Script) -> None:
    written = write_fountain(script)
    again = read_fountain(written)
    assert model_view(again) == model_view(script)
    assert write_fountain(again) == written
