"""The screenplay PDF: industry layout, margins, markers, title page, Vietnamese, fonts."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer

from filmpark.documents.fonts import STYLES, font_path
from filmpark.documents.screenplay_pdf import render_screenplay_pdf
from filmpark.errors import ValidationError
from filmpark.screenplay.fountain import read_fountain
from filmpark.screenplay.model import Script

VIETNAMESE_LETTERS = (
    "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐ"
    "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸƠƯơư"
)

SCRIPT = """Title: Rain
Author: An Nguyen

INT. CAFE - DAY #7#

A quiet cafe.

LAN
(softly)
It is raining again.

CUT TO:

> THE END <
"""


def fountain(text: str) -> Script:
    return read_fountain(text, "doc.fountain")


def lines_of(data: bytes) -> list[list[tuple[float, float, str]]]:
    """Per page: (x from the left, y from the top, text) of every printed line, in points."""
    pages = []
    for page in extract_pages(io.BytesIO(data)):
        found = []
        for box in page:
            if isinstance(box, LTTextContainer):
                for line in box:
                    chars = [c for c in line if isinstance(c, LTChar)]
                    if chars:
                        found.append(
                            (chars[0].x0, page.height - chars[0].y1, line.get_text().strip())
                        )
        pages.append(sorted(found, key=lambda f: (f[1], f[0])))
    return pages


def x_of(page: list[tuple[float, float, str]], text: str) -> float:
    return next(x for x, _y, t in page if t == text)


@pytest.mark.parametrize("style", STYLES)
def test_every_shipped_font_has_every_vietnamese_letter(style: str) -> None:
    font = TTFont(font_path(style))
    cmap = font.getBestCmap()
    assert [c for c in VIETNAMESE_LETTERS if ord(c) not in cmap] == []


def test_the_monospace_has_courier_metrics() -> None:
    font = TTFont(font_path("regular"))
    width = font["hmtx"].metrics[font.getBestCmap()[ord("M")]][0]
    assert round(width / font["head"].unitsPerEm, 2) == 0.6


def test_an_unknown_font_style_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="unknown style 'fancy'"):
        font_path("fancy")


def test_a_screenplay_is_set_at_the_industry_indents_on_us_letter() -> None:
    data = render_screenplay_pdf(fountain(SCRIPT))
    pages = list(extract_pages(io.BytesIO(data)))
    assert (pages[1].width, pages[1].height) == (612, 792)
    body = lines_of(data)[1]
    inch = 72
    assert x_of(body, "INT. CAFE - DAY") == pytest.approx(1.5 * inch)
    assert x_of(body, "A quiet cafe.") == pytest.approx(1.5 * inch)
    assert x_of(body, "LAN") == pytest.approx(3.7 * inch)
    assert x_of(body, "(softly)") == pytest.approx(3.1 * inch)
    assert x_of(body, "It is raining again.") == pytest.approx(2.5 * inch)
    assert x_of(body, "CUT TO:") + len("CUT TO:") * 7.2 == pytest.approx(7.5 * inch)
    centre = x_of(body, "THE END") + len("THE END") * 3.6
    assert centre == pytest.approx(4.5 * inch)


def test_scene_numbers_stand_in_both_margins() -> None:
    body = lines_of(render_screenplay_pdf(fountain(SCRIPT)))[1]
    numbers = [(x, t) for x, _y, t in body if t == "7"]
    assert len(numbers) == 2
    assert numbers[0][0] < 1.5 * 72 < 7.5 * 72 < numbers[1][0]


def test_the_title_page_comes_first_with_the_title_centred() -> None:
    title_page = lines_of(render_screenplay_pdf(fountain(SCRIPT)))[0]
    texts = [t for _x, _y, t in title_page]
    assert texts[:2] == ["Rain", "An Nguyen"]
    assert x_of(title_page, "Rain") + 2 * 7.2 == pytest.approx(4.5 * 72)


def long_speech(cue: str) -> str:
    speech = " ".join(f"Sentence {n} keeps going and going." for n in range(70))
    return f"INT. HALL - DAY\n\n{cue}\n{speech}\n"


def test_a_speech_split_across_pages_gets_more_and_contd_and_page_numbers_top_right() -> None:
    pages = lines_of(render_screenplay_pdf(fountain(long_speech("MAYOR"))))
    assert len(pages) == 2
    assert pages[0][-1][2] == "(MORE)"
    assert pages[0][-1][0] == pytest.approx(3.7 * 72)
    assert pages[1][0][2] == "2."
    assert pages[1][0][0] + 2 * 7.2 == pytest.approx(7.5 * 72)
    assert pages[1][1][2] == "MAYOR (CONT'D)"
    assert not any(t == "1." for _x, _y, t in pages[0])


def test_vietnamese_text_and_markers_print_in_vietnamese() -> None:
    script = fountain(long_speech("ÔNG TƯ").replace("INT. HALL - DAY", "NỘI. HỘI TRƯỜNG - NGÀY"))
    pages = lines_of(render_screenplay_pdf(script, language="vi"))
    assert pages[0][0][2] == "NỘI. HỘI TRƯỜNG - NGÀY"
    assert pages[0][-1][2] == "(CÒN NỮA)"
    assert pages[1][1][2] == "ÔNG TƯ (TIẾP)"


def test_a_language_without_labels_is_refused() -> None:
    with pytest.raises(ValidationError, match="no screenplay labels for 'fr'"):
        render_screenplay_pdf(fountain(SCRIPT), language="fr")


def test_emphasis_prints_in_bold_and_italic_faces() -> None:
    data = render_screenplay_pdf(fountain("INT. ROOM - DAY\n\nShe is **very** *calm*.\n"))
    fonts = {
        c.fontname.split("+")[-1]
        for page in extract_pages(io.BytesIO(data))
        for box in page
        if isinstance(box, LTTextContainer)
        for line in box
        for c in line
        if isinstance(c, LTChar)
    }
    assert {"LiberationMono", "LiberationMonoBold", "LiberationMonoItalic"} <= fonts


def test_a_revised_line_gets_a_star_in_the_right_margin() -> None:
    from dataclasses import replace

    script = fountain("INT. ROOM - DAY\n\nAn old line.\n\nA new line.\n")
    elements = tuple(
        replace(e, revision="2") if e.text == "A new line." else e for e in script.elements
    )
    revised = replace(script, elements=elements)
    page = lines_of(render_screenplay_pdf(revised))[0]
    stars = [(x, y) for x, y, t in page if t == "*"]
    new_line_y = next(y for _x, y, t in page if t == "A new line.")
    assert stars == [(pytest.approx(8.0 * 72), pytest.approx(new_line_y))]


def test_a_locked_script_opens_with_its_password_only() -> None:
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    data = render_screenplay_pdf(fountain(SCRIPT), user_password="bến-đò")
    texts = [
        line.get_text().strip()
        for page in extract_pages(io.BytesIO(data), password="bến-đò")
        for box in page
        if isinstance(box, LTTextContainer)
        for line in box
    ]
    assert "INT. CAFE - DAY" in texts
    with pytest.raises(PDFPasswordIncorrect):
        list(extract_pages(io.BytesIO(data), password="wrong"))
