"""PDF screenplays read back: PDFs the suite renders from Fountain, and PDFs that cannot be read.

Tolerance on eighths: on US Letter the renderer prints each element where the Fountain
pagination put it, and the reader measures the same lines, so lengths agree exactly; the test
allows one eighth either way because a measured extent that lands exactly on an eighth's
boundary may round the other way. An A4 script is re-paginated to the industry page before
counting, which can move a speech split and so shift a scene by one eighth.
"""

from __future__ import annotations

import contextlib
import io
import unicodedata

import pytest
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from filmpark.documents.fonts import font_path
from filmpark.documents.screenplay_pdf import A4, US_LETTER, render_screenplay_pdf
from filmpark.errors import ScreenplayError
from filmpark.screenplay.fdx import read_fdx
from filmpark.screenplay.fountain import read_fountain
from filmpark.screenplay.model import DualSide, ElementKind, Script
from filmpark.screenplay.pdf import read_pdf
from tests.conftest import shared_path

EIGHTHS_TOLERANCE = 1

ENGLISH = """Title: The Lighthouse Keeper
Credit: Written by
Author: Mai Tran
Draft date: 2026-03-01
Contact: 12 Harbour Road

INT. LIGHTHOUSE - NIGHT

Rain hammers the glass. OLD TAM (70) trims the wick.

OLD TAM
(to himself)
One more night.

YOUNG LINH (O.S.)
Grandpa? Are you up there?

EXT. HARBOUR - DAY

Boats rock at their moorings. LINH runs along the pier.

LINH
They said the storm is coming back.

CUT TO:

INT. LIGHTHOUSE - CONTINUOUS

OLD TAM (V.O.)
Let it come.
"""

VIETNAMESE = """Title: Ngọn Hải Đăng
Credit: Kịch bản
Author: Trần Mai

NỘI. NGỌN HẢI ĐĂNG - ĐÊM

Mưa quất vào kính. ÔNG TÁM (70) cắt bấc đèn.

ÔNG TÁM
(lẩm bẩm)
Thêm một đêm nữa thôi.

NGOẠI. BẾN CẢNG - BÌNH MINH

Thuyền lắc lư. LINH chạy dọc cầu tàu, đuổi theo đàn hải âu.

LINH
Ông ơi! Bão sắp quay lại rồi!

NỘI/NGOẠI. XE TẢI - HOÀNG HÔN

BÀ HƯƠNG
Đi thôi, trễ rồi.
"""

NUMBERED = """INT. KITCHEN - DAY #12#

Steam rises.

CHEF
Service!

EXT. ALLEY - NIGHT #12A#

A cat watches.

INT. KITCHEN - LATER #13#

CHEF
Again.
"""

DUAL = """INT. MARKET - DAY

Stalls everywhere.

BRAD
Watch out for the cart!

TOBY ^
What cart?

BRAD
Never mind.
"""


def fountain(text: str) -> Script:
    return read_fountain(text, "suite.fountain")


def long_speech() -> str:
    sentences = " ".join(f"This is sentence number {n} of a very long speech." for n in range(60))
    return f"INT. HALL - DAY\n\nThe crowd waits.\n\nMAYOR\n{sentences}\n\nEXT. SQUARE - DAY\n\nSilence.\n"


def scene_list(script: Script) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(s.number.text, s.heading.text, s.speaking) for s in script.scenes]


def assert_read_back(original: Script, pdf: Script) -> None:
    assert scene_list(pdf) == scene_list(original)
    assert [c.name for c in pdf.characters] == [c.name for c in original.characters]
    for mine, theirs in zip(pdf.scenes, original.scenes, strict=True):
        assert abs(mine.eighths.value - theirs.eighths.value) <= EIGHTHS_TOLERANCE, mine.number


@pytest.mark.parametrize(
    "text", [ENGLISH, VIETNAMESE, NUMBERED, DUAL], ids=["english", "vietnamese", "numbered", "dual"]
)
def test_a_rendered_fountain_script_reads_back_with_the_same_scenes_and_speakers(text: str) -> None:
    original = fountain(text)
    pdf = read_pdf(render_screenplay_pdf(original), "suite.pdf")
    assert_read_back(original, pdf)
    assert pdf.source_format == "pdf"


@pytest.mark.parametrize(
    "relative",
    [
        "own-vietnamese/vi-native.fountain",
        "own-vietnamese/vi-english-prefix-nfd.fountain",
        "fountain-io-samples/Big-Fish.fountain",
        "rsdoiel-fdx-testdata/sample-06.fountain",
    ],
)
def test_corpus_scripts_printed_and_read_back_keep_scenes_speakers_and_eighths(
    relative: str,
) -> None:
    path = shared_path("corpus", *relative.split("/"))
    # Big Fish writes two headings "EXT/INT.", which Fountain reads as action but a printed
    # page shows as headings (the PDF reader takes them so); forced, they are headings in both.
    text = path.read_bytes().decode("utf-8-sig").replace("\nEXT/INT.", "\n.EXT/INT.")
    original = read_fountain(text, relative)
    pdf = read_pdf(render_screenplay_pdf(original), relative)
    assert_read_back(original, pdf)
    assert [s.page for s in pdf.scenes] == [s.page for s in original.scenes]
    if relative.endswith("Big-Fish.fountain"):
        assert len(pdf.scenes) == 192
        assert sum(1 for s in pdf.scenes if s.heading.text.startswith("EXT/INT.")) == 2


def test_an_a4_script_with_other_margins_is_read_by_its_own_indents() -> None:
    original = fountain(ENGLISH + "\n" + DUAL + "\n" + long_speech())
    pdf = read_pdf(render_screenplay_pdf(original, layout=A4), "a4.pdf")
    assert_read_back(original, pdf)
    kinds = [e.kind for e in pdf.elements]
    assert ElementKind.PARENTHETICAL in kinds
    assert ElementKind.TRANSITION in kinds
    assert "not the industry page (8.27 x 11.69 in, 6.0 lines an inch)" in (
        pdf.diagnostics[0].message
    )


def test_an_industry_page_needs_no_layout_diagnostic() -> None:
    pdf = read_pdf(render_screenplay_pdf(fountain(ENGLISH)))
    assert pdf.diagnostics == ()


def test_the_title_page_is_read_into_keys_and_not_into_the_script() -> None:
    pdf = read_pdf(render_screenplay_pdf(fountain(ENGLISH)))
    assert pdf.title_page == (
        ("Title", "The Lighthouse Keeper"),
        ("Credit", "Written by"),
        ("Author", "Mai Tran"),
        ("Draft date", "2026-03-01"),
        ("Contact", "12 Harbour Road"),
    )
    assert pdf.elements[0].kind is ElementKind.SCENE_HEADING
    assert pdf.elements[0].page == 1


def test_elements_are_classified_by_indent() -> None:
    pdf = read_pdf(render_screenplay_pdf(fountain(ENGLISH)))
    kinds = [(e.kind, e.text) for e in pdf.elements[:6]]
    assert kinds == [
        (ElementKind.SCENE_HEADING, "INT. LIGHTHOUSE - NIGHT"),
        (ElementKind.ACTION, "Rain hammers the glass. OLD TAM (70) trims the wick."),
        (ElementKind.CHARACTER, "OLD TAM"),
        (ElementKind.PARENTHETICAL, "(to himself)"),
        (ElementKind.DIALOGUE, "One more night."),
        (ElementKind.CHARACTER, "YOUNG LINH (O.S.)"),
    ]
    cue = pdf.elements[5]
    assert (cue.name, cue.extension) == ("YOUNG LINH", "O.S.")
    assert any(e.kind is ElementKind.TRANSITION and e.text == "CUT TO:" for e in pdf.elements)


def test_vietnamese_text_keeps_its_diacritics_in_composed_form() -> None:
    pdf = read_pdf(render_screenplay_pdf(fountain(VIETNAMESE)))
    texts = [e.text for e in pdf.elements]
    assert "Mưa quất vào kính. ÔNG TÁM (70) cắt bấc đèn." in texts
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    assert [s.heading.time for s in pdf.scenes] == ["ĐÊM", "BÌNH MINH", "HOÀNG HÔN"]
    assert pdf.language == "vi"


def test_margin_scene_numbers_become_the_scene_numbers_and_leave_the_text() -> None:
    pdf = read_pdf(render_screenplay_pdf(fountain(NUMBERED)))
    assert [s.number.text for s in pdf.scenes] == ["12", "12A", "13"]
    assert all(s.explicit_number for s in pdf.scenes)
    assert pdf.scenes[0].heading.text == "INT. KITCHEN - DAY"


def test_dual_dialogue_columns_are_both_speakers() -> None:
    pdf = read_pdf(render_screenplay_pdf(fountain(DUAL)))
    cues = [(e.name, e.dual) for e in pdf.elements if e.kind is ElementKind.CHARACTER]
    assert cues == [("BRAD", DualSide.LEFT), ("TOBY", DualSide.RIGHT), ("BRAD", None)]
    lines = [(e.text, e.dual) for e in pdf.elements if e.kind is ElementKind.DIALOGUE]
    assert lines[:2] == [("Watch out for the cart!", DualSide.LEFT), ("What cart?", DualSide.RIGHT)]


def test_a_speech_split_across_pages_is_joined_without_more_and_contd() -> None:
    original = fountain(long_speech())
    data = render_screenplay_pdf(original)
    pdf = read_pdf(data)
    assert pdf.page_count == 2
    speech = [e for e in pdf.elements if e.kind is ElementKind.DIALOGUE]
    assert len(speech) == 1
    assert "(MORE)" not in speech[0].text
    assert speech[0].text.endswith("sentence number 59 of a very long speech.")
    assert [c.lines for c in pdf.characters] == [1]
    assert not any("CONT'D" in e.text for e in pdf.elements)
    assert_read_back(original, pdf)


def test_page_numbers_are_dropped_and_each_element_keeps_its_pdf_page() -> None:
    original = fountain(long_speech() + "\n===\n\nINT. ROOF - NIGHT\n\nWind.\n")
    pdf = read_pdf(render_screenplay_pdf(original))
    assert pdf.page_count == 3
    assert not any(e.text.strip().rstrip(".").isdigit() for e in pdf.elements)
    assert [s.page for s in pdf.scenes] == [1, 2, 3]
    assert pdf.elements[-1].page == 3


def test_a_vietnamese_rendering_uses_vietnamese_markers_and_reads_back() -> None:
    original = fountain(long_speech().replace("MAYOR", "ÔNG THỊ TRƯỞNG"))
    pdf = read_pdf(render_screenplay_pdf(original, language="vi"))
    assert [c.name for c in pdf.characters] == ["ÔNG THỊ TRƯỞNG"]
    assert len([e for e in pdf.elements if e.kind is ElementKind.DIALOGUE]) == 1


def test_a_password_protected_pdf_is_refused_with_the_cause() -> None:
    data = render_screenplay_pdf(fountain(ENGLISH), user_password="secret")
    with pytest.raises(
        ScreenplayError, match=r"^locked\.pdf: the PDF is encrypted with a password"
    ):
        read_pdf(data, "locked.pdf")


def test_a_pdf_encrypted_only_against_editing_is_still_read() -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Courier", size=12)
    pdf.text(108, 80, "INT. VAULT - NIGHT")
    pdf.set_encryption(owner_password="owner")
    script = read_pdf(bytes(pdf.output()), "owner-only.pdf")
    assert [s.heading.text for s in script.scenes] == ["INT. VAULT - NIGHT"]


def test_an_image_only_pdf_asks_for_ocr() -> None:
    picture = io.BytesIO()
    Image.new("L", (40, 40), color=200).save(picture, format="PNG")
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.image(picture, x=72, y=72, w=400)
    with pytest.raises(ScreenplayError, match=r"^scan\.pdf: image-only PDF .*OCR"):
        read_pdf(bytes(pdf.output()), "scan.pdf")


@pytest.mark.parametrize(
    ("data", "cause"),
    [
        (b"", "empty file"),
        (b"INT. HOUSE - DAY\n", "not a PDF file"),
        (b"%PDF-1.7\n%%EOF\n", "corrupt PDF"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"\x00" * 64, "corrupt PDF"),
    ],
)
def test_unreadable_pdf_input_is_a_one_line_error(data: bytes, cause: str) -> None:
    with pytest.raises(ScreenplayError) as raised:
        read_pdf(data, "bad.pdf")
    assert str(raised.value).startswith("bad.pdf: ")
    assert cause in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_truncated_pdf_is_refused_as_corrupt() -> None:
    data = render_screenplay_pdf(fountain(ENGLISH))
    with pytest.raises(ScreenplayError, match=r"^bad\.pdf: "):
        read_pdf(data[: len(data) // 3], "bad.pdf")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise_anything_but_a_screenplay_error(data: bytes) -> None:
    with contextlib.suppress(ScreenplayError):
        read_pdf(data, "random.pdf")
    with contextlib.suppress(ScreenplayError):
        read_pdf(b"%PDF-1.4\n" + data, "random.pdf")


class PrintedPage:
    """A page typed line by line the way screenwriting software prints it (Courier 12)."""

    def __init__(self, pdf: FPDF, top: float = 72.0) -> None:
        pdf.add_page()
        pdf.set_font("Courier", size=12)
        self.pdf = pdf
        self.top = top

    def at(self, line: int, inches: float, text: str) -> None:
        self.pdf.text(inches * 72, self.top + line * 12 + 9.6, text)

    def right(self, line: int, inches: float, text: str) -> None:
        self.pdf.text(inches * 72 - len(text) * 7.2, self.top + line * 12 + 9.6, text)


def final_draft_like_pdf() -> bytes:
    """Two pages as Final Draft prints a revised, numbered shooting script.

    A revision slug and the page number in the header, scene numbers in both margins, two
    blank lines before each heading, a revision star in the right margin, a speech split by
    (MORE) / (CONT'D), and CONTINUED: at the foot and head of a scene that runs over.
    """
    pdf = FPDF(unit="pt", format="letter")
    one = PrintedPage(pdf)
    one.at(-3, 1.5, "Blue Rev. (11/20/26)")
    one.at(0, 0.75, "4")
    one.at(0, 1.5, "EXT. HARBOUR WALL - NIGHT")
    one.at(0, 7.4, "4")
    one.at(2, 1.5, "Waves break over the wall. KIM waits.")
    one.at(4, 3.7, "KIM")
    one.at(5, 2.5, "He said midnight.")
    one.at(5, 7.6, "*")
    one.at(8, 0.75, "5")
    one.at(8, 1.5, "UNDERWATER")
    one.at(8, 7.4, "5")
    one.at(10, 1.5, "Bubbles. A flashlight beam cuts the dark.")
    one.at(13, 0.75, "6")
    one.at(13, 1.5, "INT. BOAT CABIN - CONTINUOUS")
    one.at(13, 7.4, "6")
    one.at(15, 1.5, "The engine coughs.")
    one.at(17, 3.7, "CAPTAIN LE")
    one.at(18, 3.1, "(into the radio, over the")
    one.at(19, 3.2, "engine noise)")
    for n in range(20, 53):
        one.at(n, 2.5, f"Harbour control, this is line {n} of my report,")
    one.at(53, 3.7, "(MORE)")
    one.right(54, 7.5, "(CONTINUED)")
    two = PrintedPage(pdf)
    two.at(-3, 1.5, "Blue Rev. (11/20/26)")
    two.right(-3, 7.5, "2.")
    two.at(0, 0.75, "6")
    two.at(0, 1.5, "CONTINUED:")
    two.at(2, 3.7, "CAPTAIN LE (CONT'D)")
    two.at(3, 2.5, "and that is the end of it. Over.")
    two.at(5, 1.5, "Static.")
    two.right(7, 7.5, "CUT TO:")
    two.at(10, 0.75, "7")
    two.at(10, 1.5, "EXT. PIER - DAWN")
    two.at(10, 7.4, "7")
    two.at(12, 3.7, "KIM")
    two.at(13, 2.5, "Nobody came.")
    two.at(16, 0.75, "8")
    two.at(16, 1.5, "OMITTED")
    two.at(16, 7.4, "8")
    return bytes(pdf.output())


def test_a_final_draft_style_shooting_script_reads_cleanly() -> None:
    script = read_pdf(final_draft_like_pdf(), "shooting.pdf")
    assert [(s.number.text, s.heading.text, s.speaking, s.page) for s in script.scenes] == [
        ("4", "EXT. HARBOUR WALL - NIGHT", ("KIM",), 1),
        ("5", "UNDERWATER", (), 1),
        ("6", "INT. BOAT CABIN - CONTINUOUS", ("CAPTAIN LE",), 1),
        ("7", "EXT. PIER - DAWN", ("KIM",), 2),
        ("8", "OMITTED", (), 2),
    ]
    assert [s.omitted for s in script.scenes] == [False, False, False, False, True]
    texts = [e.text for e in script.elements]
    assert "He said midnight." in texts
    assert not any(
        marker in text
        for text in texts
        for marker in ("Blue Rev.", "CONTINUED", "(MORE)", "CONT'D", "*")
    )
    parentheticals = [e.text for e in script.elements if e.kind is ElementKind.PARENTHETICAL]
    assert parentheticals == ["(into the radio, over the engine noise)"]
    speech = [e for e in script.scenes[2].elements if e.kind is ElementKind.DIALOGUE]
    assert len(speech) == 1
    assert speech[0].text.endswith("and that is the end of it. Over.")
    assert [(c.name, c.lines) for c in script.characters] == [("KIM", 2), ("CAPTAIN LE", 1)]
    # Scene 6 covers lines 13-54 of page 1 and 0-7 of page 2: 50 of 55 lines, 7.3 -> 8 eighths.
    assert [s.eighths.value for s in script.scenes] == [1, 1, 8, 1, 1]


def word_typed_a4_pdf() -> bytes:
    """An A4 script typed in a word processor: a proportional font, 1" margins, the
    character cues centred on the page rather than set at one indent."""
    pdf = FPDF(unit="pt", format="a4")
    pdf.add_font("Sans", "", str(font_path("sans")))
    pdf.add_page()
    pdf.set_font("Sans", size=12)
    middle = pdf.w / 2

    def line(n: int, x: float, text: str) -> None:
        pdf.text(x, 72 + n * 14 + 10, text)

    def cue(n: int, text: str) -> None:
        line(n, middle - pdf.get_string_width(text) / 2, text)

    line(0, 72, "NỘI. NHÀ BÀ TƯ - ĐÊM")
    line(2, 72, "Đèn dầu leo lét. BÀ TƯ ngồi vá áo.")
    cue(4, "BÀ TƯ")
    line(5, 144, "Khuya rồi, sao con chưa ngủ?")
    cue(7, "MINH")
    line(8, 144, "Con đợi ba.")
    line(10, 72, "NGOẠI. SÂN - ĐÊM")
    line(12, 72, "Gió thổi. Con chó sủa.")
    cue(14, "ÔNG BA (V.O.)")
    line(15, 144, "Ba về đây.")
    return bytes(pdf.output())


def test_a_word_typed_a4_script_with_centred_cues_is_read() -> None:
    script = read_pdf(word_typed_a4_pdf(), "word.pdf")
    assert [(s.heading.text, s.speaking) for s in script.scenes] == [
        ("NỘI. NHÀ BÀ TƯ - ĐÊM", ("BÀ TƯ", "MINH")),
        ("NGOẠI. SÂN - ĐÊM", ("ÔNG BA",)),
    ]
    dialogue = [e.text for e in script.elements if e.kind is ElementKind.DIALOGUE]
    assert dialogue == ["Khuya rồi, sao con chưa ngủ?", "Con đợi ba.", "Ba về đây."]


def test_a_diagonal_watermark_is_not_read_as_script_text() -> None:
    pdf = FPDF(unit="pt", format="letter")
    page = PrintedPage(pdf)
    page.at(0, 1.5, "INT. OFFICE - DAY")
    page.at(2, 1.5, "Papers everywhere.")
    with pdf.rotation(45, x=306, y=396):
        pdf.set_font("Courier", size=48)
        pdf.text(150, 396, "CONFIDENTIAL")
    script = read_pdf(bytes(pdf.output()), "watermarked.pdf")
    assert [e.text for e in script.elements] == ["INT. OFFICE - DAY", "Papers everywhere."]


def test_an_action_paragraph_running_over_a_page_break_is_one_paragraph() -> None:
    pdf = FPDF(unit="pt", format="letter")
    one = PrintedPage(pdf)
    one.at(0, 1.5, "EXT. DOCK - NIGHT")
    one.at(2, 1.5, "Fog.")
    one.at(53, 1.5, "He opens the door and")
    one.at(54, 1.5, "steps out onto the")
    two = PrintedPage(pdf)
    two.right(-3, 7.5, "2.")
    two.at(0, 1.5, "wet boards. The lamp goes out.")
    two.at(2, 1.5, "Rain falls.")
    script = read_pdf(bytes(pdf.output()), "runs-on.pdf")
    assert [(e.text, e.page) for e in script.elements[1:]] == [
        ("Fog.", 1),
        ("He opens the door and steps out onto the wet boards. The lamp goes out.", 1),
        ("Rain falls.", 2),
    ]


def test_glyphs_without_unicode_text_are_reported() -> None:
    data = render_screenplay_pdf(fountain("INT. ROOM - DAY\n\nA chair.\n"))
    # The same PDF with its fonts' Unicode maps taken away (same length keeps offsets valid).
    stripped = data.replace(b"/ToUnicode", b"/NoUnicode")
    script = read_pdf(stripped, "no-unicode.pdf")
    assert any("have no Unicode text in the PDF" in d.message for d in script.diagnostics)


def test_rendering_the_same_script_twice_gives_the_same_bytes() -> None:
    script = fountain(ENGLISH)
    assert render_screenplay_pdf(script) == render_screenplay_pdf(script)


def test_a_revised_final_draft_script_printed_and_read_back_loses_its_stars() -> None:
    data = shared_path("corpus", "own-vietnamese", "vi-sample.fdx").read_bytes()
    original = read_fdx(data, "vi-sample.fdx")
    pdf = read_pdf(render_screenplay_pdf(original), "vi-sample.pdf")
    assert scene_list(pdf) == scene_list(original)
    assert "Con đây bà ơi!" in [e.text for e in pdf.elements]
    assert not any("*" in e.text for e in pdf.elements)


WORDS = [
    "the",
    "lamp",
    "door",
    "rain",
    "night",
    "boat",
    "river",
    "nhà",
    "sông",
    "đò",
    "mưa",
    "đêm",
    "bà",
    "ông",
    "chạy",
    "nhìn",
    "cửa",
    "gió",
]
NAMES = ["LAN", "MINH", "ÔNG BA", "BÀ TƯ", "KIM", "DR. LAM", "NGÂN"]
sentences = st.lists(st.sampled_from(WORDS), min_size=2, max_size=12).map(
    lambda words: " ".join(words).capitalize() + "."
)
action = st.lists(sentences, min_size=1, max_size=8).map(" ".join)
speech = st.tuples(
    st.sampled_from(NAMES),
    st.sampled_from(["", " (V.O.)", " (O.S.)"]),
    st.one_of(st.none(), st.sampled_from(WORDS).map(lambda w: f"({w})")),
    st.lists(sentences, min_size=1, max_size=12).map(" ".join),
).map(lambda s: "\n".join(p for p in (s[0] + s[1], s[2], s[3]) if p))
heading = st.tuples(
    st.sampled_from(["INT.", "EXT.", "NỘI.", "NGOẠI."]),
    st.sampled_from(["HOUSE", "BẾN ĐÒ", "MARKET", "CHỢ"]),
    st.sampled_from(["DAY", "NIGHT", "NGÀY", "ĐÊM"]),
).map(lambda h: f"{h[0]} {h[1]} - {h[2]}")
scene = st.tuples(heading, st.lists(st.one_of(action, speech, st.just("CUT TO:")), max_size=8)).map(
    lambda s: "\n\n".join([s[0], *s[1]])
)
screenplays = st.lists(scene, min_size=1, max_size=10).map(lambda s: "\n\n".join(s) + "\n")


@settings(max_examples=25, deadline=None)
@given(screenplays, st.sampled_from(["letter", "a4"]))
def test_any_printed_script_reads_back_with_its_scenes_speakers_and_eighths(
    text: str, paper: str
) -> None:
    original = fountain(text)
    layout = A4 if paper == "a4" else US_LETTER
    assert_read_back(original, read_pdf(render_screenplay_pdf(original, layout=layout)))


def test_a_title_page_with_the_draft_date_set_right_beside_the_contact() -> None:
    pdf = FPDF(unit="pt", format="letter")
    cover = PrintedPage(pdf)
    for line, text in ((18, "THE HARBOUR"), (20, "Written by"), (22, "Mai Tran")):
        cover.at(line, 4.25 - len(text) * 0.05, text)
    cover.at(48, 1.5, "12 Harbour Road")
    cover.right(48, 7.5, "Blue Draft 11/20/26")
    cover.at(49, 1.5, "Nha Trang")
    body = PrintedPage(pdf)
    body.at(0, 1.5, "INT. ROOM - DAY")
    body.at(2, 1.5, "Quiet.")
    script = read_pdf(bytes(pdf.output()), "titled.pdf")
    assert script.title_page == (
        ("Title", "THE HARBOUR"),
        ("Credit", "Written by"),
        ("Author", "Mai Tran"),
        ("Draft date", "Blue Draft 11/20/26"),
        ("Contact", "12 Harbour Road\nNha Trang"),
    )
    assert [(s.heading.text, s.page) for s in script.scenes] == [("INT. ROOM - DAY", 1)]
