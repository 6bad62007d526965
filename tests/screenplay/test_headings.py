"""Scene headings: prefixes as writers type them, locations, times, numbers."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from filmpark.screenplay.headings import (
    common_heading,
    general_heading,
    is_heading_candidate,
    parse_heading,
    split_scene_number,
)
from filmpark.screenplay.model import DayNight, IntExt

CASES = [
    # text, int/ext, location, time, day/night
    ("INT. HOUSE - DAY", IntExt.INT, "HOUSE", "DAY", DayNight.DAY),
    (
        "EXT. CANAL STREET, DISTRICT 4 - NIGHT",
        IntExt.EXT,
        "CANAL STREET, DISTRICT 4",
        "NIGHT",
        DayNight.NIGHT,
    ),
    ("INT HOUSE - DAY", IntExt.INT, "HOUSE", "DAY", DayNight.DAY),
    ("INT HOUSE DAY", IntExt.INT, "HOUSE", "DAY", DayNight.DAY),
    ("EXT-VILLA GATE - DUSK", IntExt.EXT, "VILLA GATE", "DUSK", DayNight.DUSK),
    ("INT - HOUSE - DAY", IntExt.INT, "HOUSE", "DAY", DayNight.DAY),
    ("INT./EXT. CAR - DAY", IntExt.INT_EXT, "CAR", "DAY", DayNight.DAY),
    ("INT/EXT. CAR - DAY", IntExt.INT_EXT, "CAR", "DAY", DayNight.DAY),
    ("I/E CREW VAN - MOVING - DAY", IntExt.INT_EXT, "CREW VAN - MOVING", "DAY", DayNight.DAY),
    ("I./E. CAR - NIGHT", IntExt.INT_EXT, "CAR", "NIGHT", DayNight.NIGHT),
    ("EXT/INT. SWAMP SHACK - DAY", IntExt.INT_EXT, "SWAMP SHACK", "DAY", DayNight.DAY),
    ("EST. SAIGON SKYLINE - DAWN", IntExt.EXT, "SAIGON SKYLINE", "DAWN", DayNight.DAWN),
    ("int. villa - ballroom - night", IntExt.INT, "VILLA - BALLROOM", "NIGHT", DayNight.NIGHT),
    ("INT. VILLA - ATTIC", IntExt.INT, "VILLA - ATTIC", None, DayNight.UNKNOWN),
    ("INT. HOUSE - DAY (FLASHBACK)", IntExt.INT, "HOUSE", "DAY", DayNight.DAY),
    ("INT. WILL'S BEDROOM - DAY  [FLASHBACK]", IntExt.INT, "WILL'S BEDROOM", "DAY", DayNight.DAY),
    ("INT. HOUSE - MOMENTS LATER", IntExt.INT, "HOUSE", "MOMENTS LATER", DayNight.UNKNOWN),
    ("EXT. YARD - CONTINUOUS", IntExt.EXT, "YARD", "CONTINUOUS", DayNight.UNKNOWN),
    ("NỘI. NHÀ BÀ TƯ - NGÀY", IntExt.INT, "NHÀ BÀ TƯ", "NGÀY", DayNight.DAY),
    ("NGOẠI. CHỢ BẾN THÀNH - ĐÊM", IntExt.EXT, "CHỢ BẾN THÀNH", "ĐÊM", DayNight.NIGHT),
    ("NỘI/NGOẠI. XE BUÝT - NGÀY", IntExt.INT_EXT, "XE BUÝT", "NGÀY", DayNight.DAY),
    ("NGOẠI. PHỐ ĐƯỜNG TÀU - ĐÊM (1972)", IntExt.EXT, "PHỐ ĐƯỜNG TÀU", "ĐÊM", DayNight.NIGHT),
    ("NGOẠI. CẦU LONG BIÊN - BÌNH MINH", IntExt.EXT, "CẦU LONG BIÊN", "BÌNH MINH", DayNight.DAWN),
    ("NGOẠI. BỜ SÔNG - HOÀNG HÔN", IntExt.EXT, "BỜ SÔNG", "HOÀNG HÔN", DayNight.DUSK),
    ("NỘI. TIỆM ĐÀI - LIÊN TỤC", IntExt.INT, "TIỆM ĐÀI", "LIÊN TỤC", DayNight.UNKNOWN),
    ("Nội ngày. Tại nhà bà Tư", IntExt.INT, "NHÀ BÀ TƯ", "NGÀY", DayNight.DAY),
    ("NỘI PHÒNG KHÁCH - TỐI", IntExt.INT, "PHÒNG KHÁCH", "TỐI", DayNight.NIGHT),
    ("Ngoại đêm. Bến xe Miền Đông", IntExt.EXT, "BẾN XE MIỀN ĐÔNG", "ĐÊM", DayNight.NIGHT),
    (
        "ИНТ. КВАРТИРА МАШИ – КУХНЯ – ДЕНЬ",
        IntExt.INT,
        "КВАРТИРА МАШИ - КУХНЯ",
        "ДЕНЬ",
        DayNight.DAY,
    ),
    ("НАТ. ДВОР – НОЧЬ", IntExt.EXT, "ДВОР", "НОЧЬ", DayNight.NIGHT),
]


@pytest.mark.parametrize(("text", "int_ext", "location", "time", "day_night"), CASES)
def test_a_heading_is_taken_apart_into_prefix_location_and_time(
    text: str, int_ext: IntExt, location: str, time: str | None, day_night: DayNight
) -> None:
    heading = parse_heading(text)
    assert heading is not None
    assert (heading.int_ext, heading.location, heading.time, heading.day_night) == (
        int_ext,
        location,
        time,
        day_night,
    )
    assert is_heading_candidate(text)


def test_a_trailing_parenthetical_is_kept_as_the_modifier() -> None:
    heading = parse_heading("NGOẠI. PHỐ - ĐÊM (1972)")
    assert heading is not None
    assert heading.modifier == "1972"


def test_continuity_words_are_flagged() -> None:
    for text in (
        "INT. A - CONTINUOUS",
        "INT. A - LATER",
        "NỘI. A - LIÊN TỤC",
        "INT. A - SAME TIME",
    ):
        heading = parse_heading(text)
        assert heading is not None
        assert heading.continuity, text
    heading = parse_heading("INT. A - NIGHT")
    assert heading is not None
    assert not heading.continuity


def test_decomposed_vietnamese_is_read_like_composed() -> None:
    nfd = unicodedata.normalize("NFD", "NGOẠI. CHỢ BẾN THÀNH - ĐÊM")
    heading = parse_heading(nfd)
    assert heading is not None
    assert heading.int_ext is IntExt.EXT
    assert heading.location == "CHỢ BẾN THÀNH"


@pytest.mark.parametrize(
    "text",
    [
        "... not a scene header.",
        "Into the night she runs.",
        "EXTRA! EXTRA!",
        "ESTABLISHING",
        "INTERCUT WITH:",
        "Nội tôi đi chợ sớm.",
        "Ngoại ô thành phố chìm trong sương.",
        "Estimates are due.",
        "NỘI DUNG PHIM",
        "NGOẠI TRUYỆN",
    ],
)
def test_lines_that_only_look_like_headings_are_not(text: str) -> None:
    assert parse_heading(text) is None
    assert not is_heading_candidate(text)


def test_a_forced_heading_dot_is_a_candidate_but_an_ellipsis_is_not() -> None:
    assert is_heading_candidate(".THE BEACH")
    assert not is_heading_candidate("...and then")


@pytest.mark.parametrize(
    ("text", "rest", "number"),
    [
        ("INT. HOUSE - DAY #12A#", "INT. HOUSE - DAY", "12A"),
        ("INT. HOUSE - DAY #I-1-A#", "INT. HOUSE - DAY", "I-1-A"),
        ("INT. HOUSE - DAY", "INT. HOUSE - DAY", None),
        ("INT. HOUSE - DAY ##", "INT. HOUSE - DAY ##", None),
    ],
)
def test_a_scene_number_is_split_off_the_heading(text: str, rest: str, number: str | None) -> None:
    assert split_scene_number(text) == (rest, number)


def test_parse_heading_ignores_the_scene_number_and_forced_dot() -> None:
    heading = parse_heading(".NGOẠI. CẦU LONG BIÊN - BÌNH MINH #7#")
    assert heading is not None
    assert heading.location == "CẦU LONG BIÊN"
    assert heading.time == "BÌNH MINH"


# Pieces of headings, the awkward ones included: other dashes, brackets, slashes, scene numbers,
# doubled spaces, a second prefix, time words and words that only start like one.
_HEADING_PIECES = st.sampled_from(
    [
        "INT",
        "EXT",
        "int",
        "Ext",
        "EST",
        "EXTRA",
        ".",
        ". ",
        " ",
        "  ",
        "\t",
        "-",
        " - ",
        " -- ",
        "–",
        " — ",
        "/",
        "#",
        "#12#",
        "(",
        ")",
        "[",
        "]",
        "'",
        ",",
        "2",
        "HOUSE",
        "villa",
        "A.P.",
        "DAY",
        "day",
        "NIGHT",
        "PRE",
        "DAWN",
        "LATER",
        "MOMENTS LATER",
        "SAME NIGHT",
        "CONTINUOUS",
        "THE NEXT MORNING",
        "DRIVING",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(
    st.sampled_from(["INT. ", "EXT. ", "int.  ", "EXT.\t", "INT."]),
    st.lists(_HEADING_PIECES, max_size=6),
    st.sampled_from([" - ", "-", " -- ", " – ", "  - ", " ", ""]),
    st.lists(_HEADING_PIECES, max_size=3),
    st.sampled_from(
        [
            "",
            " (1973)",
            "  [FLASHBACK]",
            " ()",
            " [ ]",
            " (A [B])",
            " [A (B)]",
            "(X)",
            " (X) [Y]",
            " (",
            " ]",
            " [",
            " (A) ",
            " - (A)",
            " (A)B",
            " (A) - B",
        ]
    ),
)
@example("INT. ", ["EXT", ". ", "HOUSE"], " - ", ["DAY"], "")
@example("INT. ", ["HOUSE", " "], " - ", ["DAY"], "")
@example("EXT. ", ["A", " -- ", "B"], " - ", ["LATER"], "")
@example("EXT. ", ["HOUSE"], " - ", ["NIGHT"], " [CONTINUOUS]")
@example("INT. ", ["HOUSE"], " - ", ["DAY"], " ( )")
def test_the_shortcut_for_common_headings_agrees_with_the_general_parse(
    prefix: str, location: list[str], separator: str, time: list[str], modifier: str
) -> None:
    line = (prefix + "".join(location) + separator + "".join(time) + modifier).strip()
    common = common_heading(line)
    if common is not None:
        assert common == general_heading(line)
    assert parse_heading(line) == general_heading(line)


def test_the_shortcut_takes_the_common_forms() -> None:
    for line in (
        "INT. HOUSE - DAY",
        "ext. villa - ballroom - night",
        "INT.  A.P. ROOM - LATER",
        "INT. HOUSE - DAY (1973)",
        "EXT.  BLOOM BACK YARD - NIGHT [CONTINUOUS]",
        "INT. HOUSE - DAY ( )",
        "EXT.  TOWN / MAIN STREET - DAY",
        "INT. 747 / FLYING - NIGHT",
        "EXT. E/I HOUSE - DAY",
    ):
        assert common_heading(line) is not None, line
        assert common_heading(line) == general_heading(line)
    for line in (
        "INT. EXT. CAR - DAY",
        "INT. HOUSE - PRE-DAWN",
        "INT. HOUSE - DAY (1973) [FLASHBACK]",
        "INT. HOUSE - DAY(1973)",
        "INT. HOUSE [1973] - DAY",
        "INT. /HOUSE - DAY",
        "INT. EXT/INT HOUSE - DAY",
    ):
        assert common_heading(line) is None, line
