"""Bad input: the breakdown completes, with diagnostics where something was skipped."""

from __future__ import annotations

from filmpark.breakdown.extract import break_down
from filmpark.breakdown.serialize import breakdown_to_json
from tests.breakdown.builders import (
    a_cue,
    a_scene,
    a_script,
    an_action,
    one_scene,
    script_from_fountain,
)


def test_an_empty_scene_is_kept_with_a_diagnostic() -> None:
    script = a_script(a_scene("1"), a_scene("2", an_action("A cat sleeps on a chair.")))
    breakdown = break_down(script)
    assert [s.number for s in breakdown.scenes] == ["1", "2"]
    assert breakdown.scenes[0].elements == ()
    assert "scene 1 is empty" in breakdown.diagnostics[0].message
    assert "cat" in breakdown.scenes[1].names("animals")


def test_a_script_with_no_dialogue_still_lists_its_silent_cast() -> None:
    script = one_scene("KHOA (25) waits in the rain. Khoa lights a cigarette.")
    scene = break_down(script).scenes[0]
    assert scene.names("cast") == ("KHOA",)
    assert "cigarette" in scene.names("props")
    assert "rain" in scene.names("sfx")


def test_a_cue_with_no_dialogue_still_puts_the_speaker_in_the_cast() -> None:
    script = a_script(a_scene("1", a_cue("LAN"), an_action("Silence.", line=6)))
    assert break_down(script).scenes[0].names("cast") == ("LAN",)


def test_ten_thousand_extras_are_one_element_with_their_number() -> None:
    script = one_scene("10,000 EXTRAS fill the stadium, waving flags.")
    extras = break_down(script).scenes[0].of("extras")
    assert [(e.name, e.quantity) for e in extras] == [("extra", 10000)]


def test_a_huge_crowd_of_capitalised_names_does_not_slow_or_break_the_breakdown() -> None:
    body = "\n\n".join(f"SOLDIER {i} (20) marches past a TRUCK." for i in range(300))
    breakdown = break_down(one_scene(body))
    assert len(breakdown.scenes) == 1
    assert "truck" in breakdown.scenes[0].names("vehicles")


def test_dialogue_never_adds_elements() -> None:
    script = one_scene("LAN sits.\n\nLAN\nBring me the shotgun and the horse.")
    scene = break_down(script).scenes[0]
    assert scene.names("weapons") == ()
    assert scene.names("animals") == ()


def test_notes_boneyard_and_synopses_add_nothing() -> None:
    text = (
        "INT. ATTIC - NIGHT\n\n= A dog and a pistol in the synopsis.\n\n"
        "[[a note about a horse]]\n\n/* a boneyard with a snake */\n\nA lamp flickers.\n"
    )
    scene = break_down(script_from_fountain(text)).scenes[0]
    assert scene.names("animals") == ()
    assert scene.names("weapons") == ()


def test_every_scene_has_every_category_in_the_json_even_when_empty() -> None:
    document = breakdown_to_json(break_down(one_scene("Nothing happens.")))
    elements = document["scenes"][0]["elements"]
    assert len(elements) == 15
    assert all(value == [] for key, value in elements.items() if key != "set_dressing")
