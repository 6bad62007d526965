"""Pagination to the industry page and scene lengths in eighths."""

from __future__ import annotations

from filmpark.screenplay.model import DualSide, Element, ElementKind
from filmpark.screenplay.paginate import LINES_PER_PAGE, paginate, wrap_count
from tests.screenplay.builders import a_scene, a_script, speech

H, A, C, D = (
    ElementKind.SCENE_HEADING,
    ElementKind.ACTION,
    ElementKind.CHARACTER,
    ElementKind.DIALOGUE,
)


def action_lines(count: int) -> str:
    """An action paragraph that prints as ``count`` lines of 60 characters."""
    return "\n".join("x" * 60 for _ in range(count))


def test_words_wrap_at_the_element_width() -> None:
    assert wrap_count("word " * 12, 60) == 1
    assert wrap_count("word " * 13, 60) == 2
    assert wrap_count("a\nb\nc", 60) == 3
    assert wrap_count("x" * 130, 60) == 3
    assert wrap_count("**bold** " * 6, 35) == 1  # emphasis marks take no room


def test_a_short_scene_is_one_eighth_and_never_less() -> None:
    script = a_script(a_scene("INT. A - DAY", "Beat."))
    assert script.scenes[0].eighths.value == 1


def test_a_full_page_of_action_is_eight_eighths() -> None:
    script = a_script(a_scene("INT. A - DAY", action_lines(LINES_PER_PAGE - 2)))
    assert script.scenes[0].eighths.value == 8
    assert script.page_count == 1


def test_scene_lengths_round_up_to_the_next_eighth() -> None:
    # Heading, blank, 6 lines: 8 of 55 lines is more than 1/8 (6.9 lines), so 2/8.
    script = a_script(a_scene("INT. A - DAY", action_lines(6)))
    assert script.scenes[0].eighths.value == 2


def test_a_heading_is_never_left_alone_at_the_bottom_of_a_page() -> None:
    first = a_scene("INT. A - DAY", action_lines(LINES_PER_PAGE - 4))
    script = a_script(first, a_scene("INT. B - DAY", action_lines(5)))
    second = script.scenes[1]
    assert second.page == 2
    heading = next(e for e in script.elements if e.text == "INT. B - DAY")
    assert heading.page == 2


def test_a_cue_moves_with_its_dialogue_to_the_next_page() -> None:
    scene = a_scene("INT. A - DAY", action_lines(LINES_PER_PAGE - 4), speech("EVE", "Hello."))
    script = a_script(scene)
    cue = next(e for e in script.elements if e.kind is C)
    line = next(e for e in script.elements if e.kind is D)
    assert cue.page == line.page == 2


def test_a_long_speech_splits_with_more_and_contd_lines() -> None:
    long_speech = " ".join(["Talk."] * 300)  # about 50 lines of dialogue
    elements = [
        Element(H, "INT. A - DAY", 1),
        Element(A, action_lines(30), 3),
        Element(C, "EVE", 5, name="EVE"),
        Element(D, long_speech, 6),
        Element(A, "After.", 8),
    ]
    layout = paginate(elements)
    assert layout.pages[2] == 1  # the cue stays: there is room for it and two lines
    dialogue_lines = wrap_count(long_speech, 35)
    # The speech grows by a (MORE) line and a repeated cue for each page it crosses.
    assert layout.ends[3] - layout.starts[3] == dialogue_lines + 2
    assert layout.pages[4] == 2


def test_page_breaks_start_new_pages_and_the_length_is_measured_in_eighths() -> None:
    script = a_script(a_scene("INT. A - DAY", "One."), "===", a_scene("INT. B - DAY", "Two."))
    assert script.page_count == 2
    assert str(script.length) == "1 1/8"
    assert [s.page for s in script.scenes] == [1, 2]


def test_notes_and_sections_take_no_room() -> None:
    with_notes = a_script("# Act one", "= Synopsis", a_scene("INT. A - DAY", "One.", "[[note]]"))
    without = a_script(a_scene("INT. A - DAY", "One."))
    assert with_notes.length == without.length


def test_both_columns_of_a_dual_dialogue_share_their_lines() -> None:
    elements = [
        Element(H, "INT. A - DAY", 1),
        Element(C, "BRICK", 3, name="BRICK", dual=DualSide.LEFT),
        Element(D, "Short.", 4, dual=DualSide.LEFT),
        Element(C, "STEEL", 6, name="STEEL", dual=DualSide.RIGHT),
        Element(D, " ".join(["Longer."] * 12), 7, dual=DualSide.RIGHT),
    ]
    layout = paginate(elements)
    assert len(set(layout.starts[1:])) == 1
    tallest = 1 + wrap_count(" ".join(["Longer."] * 12), 28)
    assert layout.ends[4] - layout.starts[1] == tallest
