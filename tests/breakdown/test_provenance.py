"""Every proposal says where it came from, and the text it cites is really on that line."""

from __future__ import annotations

import pytest

from filmpark.breakdown.extract import break_down
from filmpark.screenplay import read
from tests.conftest import shared_path

SCRIPT = """Title: Provenance

INT. RADIO SHOP - NIGHT

MINH (60), in reading glasses, solders a circuit board.
A dozen CUSTOMERS queue by the counter. A DOG
sleeps under a stool. Rain drums on the tin roof.

MINH
(holding up a radio)
Fixed.

NỘI. NHÀ BÀ TƯ - ĐÊM

BÀ TƯ (70) rót trà vào chén. Một con mèo nằm trên ghế đẩu.
"""


def check(source_text: str) -> int:
    script = read(source_text.encode("utf-8"), "p.fountain")
    lines = source_text.split("\n")
    checked = 0
    for scene in break_down(script).scenes:
        for element in scene.elements:
            assert element.source in ("rules", "lexicon") or element.source.startswith("llm:")
            assert 0.0 < element.confidence <= 1.0
            assert element.explanation
            assert element.evidence, element
            for evidence in element.evidence:
                line = lines[evidence.line - 1]
                assert line[evidence.start : evidence.end] == evidence.text, (element, line)
                assert evidence.scene == scene.number
                checked += 1
    return checked


def test_evidence_text_is_exactly_the_cited_span_of_the_source_line() -> None:
    assert check(SCRIPT) > 10


def test_evidence_names_the_element_it_justifies() -> None:
    script = read(SCRIPT.encode("utf-8"), "p.fountain")
    scene = break_down(script).scenes[0]
    by_name = {e.name: e for e in scene.elements}
    assert by_name["customer"].evidence[0].text == "CUSTOMERS"
    assert by_name["customer"].quantity == 12
    assert by_name["reading glasses"].evidence[0].line == 5
    assert by_name["dog"].evidence[0].line == 6
    assert by_name["radio"].category == "props"  # handled in the parenthetical
    assert by_name["rain"].evidence[0].line == 7


@pytest.mark.parametrize(
    "name", ["01_broth.fountain", "04_song_ngan.fountain", "06_dead_take.fountain"]
)
def test_evidence_holds_on_every_gold_script(name: str) -> None:
    path = shared_path("gold", name)
    assert check(path.read_text(encoding="utf-8")) > 100
