"""Fountain 1.1 (https://fountain.io/syntax): every element, and the hard cases writers make."""

from __future__ import annotations

import unicodedata

from filmpark.screenplay.fountain import read_fountain
from filmpark.screenplay.model import DualSide, Element, ElementKind, IntExt, Script
from filmpark.text import localize
from tests.screenplay.builders import a_scene, a_script, fountain, only_scene, speech


def kinds(script: Script) -> list[tuple[ElementKind, str]]:
    return [(e.kind, e.text) for e in script.elements]


def of_kind(script: Script, kind: ElementKind) -> list[Element]:
    return [e for e in script.elements if e.kind is kind]


# -- title page -------------------------------------------------------------------------------


def test_the_title_page_keeps_keys_in_order_with_multi_line_values() -> None:
    text = (
        "Title:\n    _**BRICK & STEEL**_\n    _**FULL RETIRED**_\n"
        "Credit: Written by\nAuthor: Stu Maschwitz\nDraft date: 1/20/2012\n"
        "Contact:\n\tNext Level Productions\n\t1588 Mission Dr.\n\n"
        "EXT. BRICK'S PATIO - DAY\n\nA gorgeous day.\n"
    )
    script = read_fountain(text)
    assert [key for key, _ in script.title_page] == [
        "Title",
        "Credit",
        "Author",
        "Draft date",
        "Contact",
    ]
    assert dict(script.title_page)["Contact"] == "Next Level Productions\n1588 Mission Dr."
    assert script.title == "_**BRICK & STEEL**_\n_**FULL RETIRED**_"
    assert len(script.scenes) == 1


def test_a_script_opening_with_fade_in_has_no_title_page() -> None:
    script = read_fountain("FADE IN:\n\nINT. HOUSE - DAY\n\nQuiet.\n")
    assert script.title_page == ()
    assert of_kind(script, ElementKind.TRANSITION)[0].text == "FADE IN:"
    assert len(script.scenes) == 1


# -- scene headings -------------------------------------------------------------------------------


def test_a_forced_heading_and_a_scene_number_are_read() -> None:
    script = a_script(a_scene(".SNIPER SCOPE POV #12A#", "Crosshairs."))
    scene = only_scene(script)
    assert scene.number.text == "12A"
    assert scene.explicit_number
    assert scene.heading.location == "SNIPER SCOPE POV"
    assert scene.heading.int_ext is None
    assert any("without INT/EXT" in d.message for d in script.diagnostics)


def test_scenes_without_their_own_number_are_numbered_by_position() -> None:
    script = a_script(a_scene("INT. A - DAY", "One."), a_scene("EXT. B - NIGHT", "Two."))
    assert [s.number.text for s in script.scenes] == ["1", "2"]
    assert not script.scenes[0].explicit_number


def test_two_headings_with_no_blank_line_between_are_two_scenes() -> None:
    script = read_fountain("INT. HOUSE - DAY\nEXT. HOUSE - DAY\n\nShe runs out.\n")
    assert [s.heading.int_ext for s in script.scenes] == [IntExt.INT, IntExt.EXT]


def test_messy_heading_forms_all_open_scenes() -> None:
    headings = [
        "INT HOUSE - DAY",
        "EXT-VILLA GATE - DUSK",
        "I./E. CAR - NIGHT",
        "EXT./INT. SHED - DAY",
        "int. villa - ballroom - night",
        "NỘI. NHÀ BÀ TƯ - NGÀY",
        "ИНТ. КВАРТИРА – ДЕНЬ",
        ".ext. villa balcony - night",
        "INT. VILLA - ATTIC",
    ]
    script = a_script(*(a_scene(h, "Something happens.") for h in headings))
    assert len(script.scenes) == len(headings)
    assert script.scenes[7].heading.location == "VILLA BALCONY"
    assert script.scenes[8].heading.time is None


def test_an_exterior_first_prefix_fountain_does_not_list_is_action_with_a_diagnostic() -> None:
    # Fountain 1.1 lists INT, EXT, EST, INT./EXT, INT/EXT and I/E (with a dot or a space after).
    script = a_script(
        a_scene("INT. HOUSE - DAY", "Lan waits."),
        "EXT/INT. SHED - DAY",
        "The door bangs.",
        "e/i car - night",
    )
    assert len(script.scenes) == 1
    assert kinds(script)[2:] == [
        (ElementKind.ACTION, "EXT/INT. SHED - DAY"),
        (ElementKind.ACTION, "The door bangs."),
        (ElementKind.ACTION, "e/i car - night"),
    ]
    notes = [d for d in script.diagnostics if "read as action" in d.message]
    assert [d.line for d in notes] == [5, 9]
    assert "'EXT/INT.'" in notes[0].message
    assert "'e/i'" in notes[1].message
    assert "'INT./EXT.'" in notes[0].message
    assert "'.'" in notes[0].message
    vietnamese = localize(notes[0].message, "vi")
    assert "'EXT/INT.'" in vietnamese
    assert "tiêu đề cảnh" in vietnamese
    assert localize(notes[0].message, "en") == notes[0].message


def test_an_exterior_first_heading_in_a_listed_or_forced_form_opens_a_scene() -> None:
    script = a_script(
        a_scene("EXT./INT. SHED - DAY", "One."),
        a_scene("EXT /INT SHED - NIGHT", "Two."),
        a_scene(".EXT/INT. SHED - DUSK", "Three."),
        a_scene("Scene 4: EXT. SHED - DAY", "Four."),
    )
    assert [s.heading.time for s in script.scenes] == ["DAY", "NIGHT", "DUSK", "DAY"]
    assert [s.heading.int_ext for s in script.scenes[:3]] == [IntExt.INT_EXT] * 3
    assert not [d for d in script.diagnostics if "read as action" in d.message]


def test_a_numbered_exterior_first_heading_is_action_too() -> None:
    script = a_script(a_scene("INT. A - DAY", "One."), "SCENE 2: EXT/INT. SHED - DAY")
    assert len(script.scenes) == 1
    assert kinds(script)[-1] == (ElementKind.ACTION, "SCENE 2: EXT/INT. SHED - DAY")
    assert [d.line for d in script.diagnostics if "'EXT/INT.'" in d.message] == [5]


def test_an_ellipsis_line_is_action_not_a_heading() -> None:
    script = a_script(a_scene("INT. HOUSE - DAY", "... not a scene header."))
    assert kinds(script)[1] == (ElementKind.ACTION, "... not a scene header.")
    assert len(script.scenes) == 1


def test_a_continuous_scene_carries_the_day_or_night_before_it_and_is_flagged() -> None:
    script = a_script(
        a_scene("EXT. STREET - NIGHT", "Rain."), a_scene("INT. SHOP - CONTINUOUS", "Dry.")
    )
    second = script.scenes[1].heading
    assert second.continuity
    assert second.day_night.value == "N"
    assert second.time == "CONTINUOUS"


# -- action -------------------------------------------------------------------------------


def test_forced_action_keeps_upper_case_lines_as_action() -> None:
    script = a_script(a_scene("INT. A - DAY", "!BANG\nBANG\nBANG"))
    action = of_kind(script, ElementKind.ACTION)[0]
    assert action.text == "BANG\nBANG\nBANG"
    assert action.forced
    assert of_kind(script, ElementKind.CHARACTER) == []


def test_action_keeps_its_line_breaks_tabs_and_indentation() -> None:
    script = a_script(a_scene("INT. A - DAY", "Line one.\n\tTabbed line.\n    Indented line."))
    assert of_kind(script, ElementKind.ACTION)[0].text == (
        "Line one.\n\tTabbed line.\n    Indented line."
    )


def test_emphasis_is_kept_as_marks() -> None:
    script = a_script(a_scene("INT. A - DAY", "She is *very* **angry** and _loud_. \\*Not\\*"))
    assert of_kind(script, ElementKind.ACTION)[0].text == (
        "She is *very* **angry** and _loud_. \\*Not\\*"
    )


# -- dialogue -------------------------------------------------------------------------------


def test_a_speech_has_its_cue_parentheticals_and_dialogue() -> None:
    script = a_script(
        a_scene(
            "INT. A - DAY",
            speech("STEEL (O.S.)", "(starting the engine)", "So much for retirement!"),
        )
    )
    cue, paren, line = script.elements[1:4]
    assert (cue.kind, cue.name, cue.extension) == (ElementKind.CHARACTER, "STEEL", "O.S.")
    assert (paren.kind, paren.text) == (ElementKind.PARENTHETICAL, "(starting the engine)")
    assert (line.kind, line.text) == (ElementKind.DIALOGUE, "So much for retirement!")


def test_cue_extensions_are_not_part_of_the_name() -> None:
    cues = [
        "EVE (V.O.)",
        "EVE (O.S.)",
        "EVE (O.C.)",
        "EVE (CONT'D)",
        "EVE (cont'd)",
        "EVE (CONT’D)",
        "EVE (CONTD)",
        "EVE (CONT.)",
        "EVE (PRE-LAP)",
        "EVE (ON PHONE)",
        "EVE (INTO PHONE)",
        "EVE (FILTERED)",
        "EVE (V.O.) (CONT'D)",
    ]
    script = a_script(a_scene("INT. A - DAY", *(speech(c, "Yes.") for c in cues)))
    assert {e.name for e in of_kind(script, ElementKind.CHARACTER)} == {"EVE"}
    assert [c.name for c in script.characters] == ["EVE"]
    assert script.characters[0].lines == len(cues)


def test_aliases_are_different_characters() -> None:
    script = a_script(
        a_scene("INT. A - DAY", speech("YOUNG LAN", "Mẹ ơi!"), speech("LAN", "Con đây."))
    )
    assert [c.name for c in script.characters] == ["YOUNG LAN", "LAN"]


def test_a_forced_cue_keeps_its_mixed_case_name() -> None:
    script = a_script(a_scene("INT. A - DAY", speech("@McCLANE", "Yippee ki-yay.")))
    cue = of_kind(script, ElementKind.CHARACTER)[0]
    assert (cue.name, cue.forced) == ("McCLANE", True)
    assert of_kind(script, ElementKind.DIALOGUE)[0].text == "Yippee ki-yay."


def test_dual_dialogue_marks_both_speeches() -> None:
    script = a_script(
        a_scene("INT. A - DAY", speech("BRICK", "Screw retirement."), speech("STEEL ^", "Yes."))
    )
    sides = [(e.kind, e.dual) for e in script.elements[1:]]
    assert sides == [
        (ElementKind.CHARACTER, DualSide.LEFT),
        (ElementKind.DIALOGUE, DualSide.LEFT),
        (ElementKind.CHARACTER, DualSide.RIGHT),
        (ElementKind.DIALOGUE, DualSide.RIGHT),
    ]
    assert only_scene(script).speaking == ("BRICK", "STEEL")


def test_two_spaces_keep_a_blank_line_inside_dialogue() -> None:
    script = read_fountain("INT. A - DAY\n\nDEALER\nTen.\n  \nTwenty.\n\nAfter.\n")
    assert of_kind(script, ElementKind.DIALOGUE)[0].text == "Ten.\n\nTwenty."
    assert of_kind(script, ElementKind.ACTION)[0].text == "After."


def test_a_line_of_capitals_followed_by_a_blank_line_is_action_not_a_cue() -> None:
    script = a_script(a_scene("INT. A - DAY", "THE DOOR SLAMS", "Silence."))
    assert of_kind(script, ElementKind.CHARACTER) == []


def test_a_character_introduced_in_capitals_inside_action_is_not_a_cue() -> None:
    script = a_script(a_scene("NỘI. NHÀ - NGÀY", "MINH (20) chạy vào\ntay cầm mũ bảo hiểm."))
    assert of_kind(script, ElementKind.CHARACTER) == []


def test_lyrics_are_their_own_element() -> None:
    script = a_script(a_scene("INT. BAR - NIGHT", "~Willy Wonka! Willy Wonka!"))
    assert of_kind(script, ElementKind.LYRICS)[0].text == "Willy Wonka! Willy Wonka!"


# -- transitions and centred text -------------------------------------------------------------


def test_transitions_by_the_to_rule_and_forced() -> None:
    script = a_script(
        a_scene("INT. A - DAY", "Ends."),
        "CUT TO:",
        a_scene("INT. B - DAY", "Ends."),
        "> Burn to White.",
        a_scene("INT. C - DAY", "Ends."),
    )
    assert [e.text for e in of_kind(script, ElementKind.TRANSITION)] == [
        "CUT TO:",
        "Burn to White.",
    ]
    assert len(script.scenes) == 3


def test_a_transition_right_before_a_heading_is_still_a_transition() -> None:
    script = read_fountain("INT. A - DAY\n\nEnds.\n\nSMASH CUT TO:\nINT. B - NIGHT\n\nBegins.\n")
    assert [e.text for e in of_kind(script, ElementKind.TRANSITION)] == ["SMASH CUT TO:"]
    assert len(script.scenes) == 2


def test_centred_text_is_not_a_transition() -> None:
    script = a_script(a_scene("INT. A - DAY", ">THE END<", "> Also centred <"))
    assert [e.text for e in of_kind(script, ElementKind.CENTERED)] == ["THE END", "Also centred"]
    assert of_kind(script, ElementKind.TRANSITION) == []


# -- sections, synopses, notes, boneyard, page breaks ---------------------------------------


def test_sections_have_depth_and_synopses_are_kept() -> None:
    script = read_fountain("# Act 1\n\n## Sequence\n\n= A man walks in.\n\nINT. A - DAY\n\nHi.\n")
    sections = of_kind(script, ElementKind.SECTION)
    assert [(s.text, s.depth) for s in sections] == [("Act 1", 1), ("Sequence", 2)]
    assert of_kind(script, ElementKind.SYNOPSIS)[0].text == "A man walks in."
    assert len(script.scenes) == 1


def test_notes_inline_and_over_several_lines_leave_the_text() -> None:
    script = a_script(
        a_scene(
            "INT. A - DAY",
            "He sits. [[maybe a dog here?]] He waits.",
            "[[This note spans\ntwo lines.]]",
            "After.",
        )
    )
    actions = [e.text for e in of_kind(script, ElementKind.ACTION)]
    assert actions == ["He sits. He waits.", "After."]
    assert [n.text for n in of_kind(script, ElementKind.NOTE)] == [
        "maybe a dog here?",
        "This note spans\ntwo lines.",
    ]
    assert "dog" not in only_scene(script).text()


def test_the_boneyard_hides_whole_scenes_and_keeps_line_numbers() -> None:
    text = fountain(
        a_scene("INT. A - DAY", "Kept."),
        "/*\nINT. FAKE CELLAR - NIGHT\n\nA coffin.\n*/",
        a_scene("INT. B - DAY", "Also /* cut */ kept."),
    )
    script = read_fountain(text)
    assert [s.heading.location for s in script.scenes] == ["A", "B"]
    assert script.scenes[1].line == text.split("\n").index("INT. B - DAY") + 1
    assert of_kind(script, ElementKind.ACTION)[-1].text == "Also kept."


def test_a_one_line_boneyard_is_removed() -> None:
    script = a_script(a_scene("INT. A - DAY", "/* gone */", "Here."))
    assert [e.text for e in of_kind(script, ElementKind.ACTION)] == ["Here."]


def test_an_unclosed_boneyard_is_a_diagnostic_and_parsing_goes_on() -> None:
    script = read_fountain("INT. A - DAY\n\nText /* never closed\n\nINT. B - DAY\n\nMore.\n")
    assert len(script.scenes) == 2
    assert [d.line for d in script.diagnostics if "boneyard" in d.message] == [3]


def test_page_breaks_start_a_new_page() -> None:
    script = a_script(a_scene("INT. A - DAY", "One."), "===", a_scene("INT. B - DAY", "Two."))
    assert of_kind(script, ElementKind.PAGE_BREAK)
    assert [s.page for s in script.scenes] == [1, 2]


# -- text encodings and line endings ------------------------------------------------------------


def test_crlf_and_mixed_line_endings_read_like_lf() -> None:
    lf = "INT. A - DAY\n\nEVE\nHi.\n\nEXT. B - NIGHT\n\nRain.\n"
    mixed = "INT. A - DAY\r\n\r\nEVE\rHi.\n\r\nEXT. B - NIGHT\r\n\nRain.\r\n"
    assert kinds(read_fountain(mixed)) == kinds(read_fountain(lf))


def test_a_byte_order_mark_does_not_hide_the_title_page() -> None:
    script = read_fountain("\ufeffTitle: Phở\n\nINT. A - DAY\n\nHi.\n")
    assert script.title == "Phở"


def test_decomposed_unicode_is_read_as_composed() -> None:
    nfc = fountain(a_scene("NGOẠI. CHỢ BẾN THÀNH - ĐÊM", speech("ÔNG TÀI XẾ", "Đi đâu?")))
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    a, b = read_fountain(nfc), read_fountain(nfd)
    assert kinds(a) == kinds(b)
    assert [c.name for c in b.characters] == ["ÔNG TÀI XẾ"]
    assert b.language == "vi"


def test_element_line_numbers_point_at_the_source() -> None:
    text = "Title: X\n\nINT. A - DAY\n\nShe waits.\n\nEVE\n(softly)\nHello.\n"
    script = read_fountain(text)
    assert [(e.kind, e.line) for e in script.elements] == [
        (ElementKind.SCENE_HEADING, 3),
        (ElementKind.ACTION, 5),
        (ElementKind.CHARACTER, 7),
        (ElementKind.PARENTHETICAL, 8),
        (ElementKind.DIALOGUE, 9),
    ]


def test_a_note_keeps_a_two_space_empty_line_but_a_true_blank_line_ends_it() -> None:
    script = read_fountain("INT. A - DAY\n\n[[A note\n  \nwith a gap]]\n\nText [[open\n\nshut]].\n")
    assert [n.text for n in of_kind(script, ElementKind.NOTE)] == ["A note\n\nwith a gap"]
    assert [a.text for a in of_kind(script, ElementKind.ACTION)] == ["Text [[open", "shut]]."]


def test_a_note_over_several_lines_inside_a_paragraph_does_not_split_it() -> None:
    script = read_fountain("Before [[multi\nline\nnote]]after.\n\nNext [[a]] and[[b]].\n")
    assert [a.text for a in of_kind(script, ElementKind.ACTION)] == ["Before after.", "Next and."]
    assert [(n.line, n.text) for n in of_kind(script, ElementKind.NOTE)] == [
        (1, "multi\nline\nnote"),
        (5, "a"),
        (5, "b"),
    ]
    assert of_kind(script, ElementKind.ACTION)[1].line == 5


def test_unclosed_note_openers_stay_text() -> None:
    script = read_fountain("INT. A - DAY\n\n" + "[[" * 20_000 + " end\n\nAfter.\n")
    assert of_kind(script, ElementKind.NOTE) == []
    assert of_kind(script, ElementKind.ACTION)[-1].text == "After."


def test_an_overlong_line_is_never_a_heading() -> None:
    script = read_fountain("INT. " + "VERY " * 300 + "LONG - DAY\n\nText.\n")
    assert script.scenes == ()
