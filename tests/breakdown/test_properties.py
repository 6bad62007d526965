"""Invariants of every breakdown, on generated scripts (Hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from filmpark.breakdown.extract import break_down
from tests.breakdown.builders import script_from_fountain

NAMES = ["LAN", "MINH", "MRS. HOA", "OFFICER BINH", "ÔNG BẢY", "CÔ BA"]
ACTIONS = [
    "A dozen CUSTOMERS wait in the rain.",
    "She picks up a knife and a bowl of noodles.",
    "Một con chó nằm dưới gầm bàn.",
    "He drives a battered taxi past a MOTORBIKE HORN.",
    "Nothing moves.",
    "HAI GÃ XĂM TRỔ đi xe máy tới.",
    "The lights die. Glass shatters.",
    "",
]
WORDS = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=60
)


@st.composite
def scripts(draw: st.DrawFn) -> str:
    parts = ["Title: Generated", ""]
    for number in range(draw(st.integers(1, 4))):
        parts += [
            f"{draw(st.sampled_from(['INT.', 'EXT.', 'NỘI.', 'NGOẠI.']))} PLACE {number} - NIGHT",
            "",
        ]
        for _ in range(draw(st.integers(0, 3))):
            action = draw(st.one_of(st.sampled_from(ACTIONS), WORDS)).replace("\n", " ").strip()
            if action and not action.isupper():
                parts += [action, ""]
            if draw(st.booleans()):
                parts += [
                    draw(st.sampled_from(NAMES)),
                    draw(st.sampled_from(["Yes.", "(quietly)", "Đi thôi."])),
                    "",
                ]
    return "\n".join(parts) + "\n"


@settings(max_examples=60, deadline=None)
@given(scripts())
def test_every_cued_character_is_cast_and_every_evidence_is_in_its_line(text: str) -> None:
    script = script_from_fountain(text)
    breakdown = break_down(script)
    lines = text.split("\n")
    assert [s.number for s in breakdown.scenes] == [s.number.text for s in script.scenes]
    for scene, result in zip(script.scenes, breakdown.scenes, strict=True):
        assert set(scene.speaking) <= set(result.names("cast"))
        for element in result.elements:
            assert element.name == element.name.strip()
            assert element.name
            for evidence in element.evidence:
                assert lines[evidence.line - 1][evidence.start : evidence.end] == evidence.text
