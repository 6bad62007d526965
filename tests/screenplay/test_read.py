"""Reading a file's bytes: format choice, encodings, and refusal of what is no screenplay."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmpark.errors import ScreenplayError
from filmpark.screenplay import MAX_BYTES, detect_format, read, read_text
from filmpark.screenplay.encoding import decode
from filmpark.screenplay.model import IntExt

VIETNAMESE = "Title: Chuyện đò\n\nNGOẠI. BẾN ĐÒ - BÌNH MINH\n\nÔNG TƯ\nĐò ơi!\n"


def test_utf8_with_and_without_bom_read_the_same() -> None:
    plain = read(VIETNAMESE.encode("utf-8"), "a.fountain")
    bom = read(codecs.BOM_UTF8 + VIETNAMESE.encode("utf-8"), "a.fountain")
    assert plain.title == bom.title == "Chuyện đò"
    assert [c.name for c in bom.characters] == ["ÔNG TƯ"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom_is_read(encoding: str) -> None:
    script = read(VIETNAMESE.encode(encoding), "a.fountain")
    assert script.scenes[0].heading.location == "BẾN ĐÒ"
    assert script.diagnostics == ()


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters (Ơ, Â...) plus combining tone marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            for cut in range(len(parts), 0, -1):
                try:
                    out += unicodedata.normalize("NFC", parts[:cut]).encode("cp1258")
                except UnicodeEncodeError:
                    continue
                out += parts[cut:].encode("cp1258")
                break
    return bytes(out)


def test_a_legacy_vietnamese_code_page_is_read_with_a_diagnostic() -> None:
    text = "NGOẠI. BẾN ĐÒ - ĐÊM\n\nÔNG TƯ\nĐò ơi, đò!\n"
    data = _cp1258(text)
    decoded, notes = decode(data, "old.txt")
    assert "NGO" in decoded
    assert len(notes) == 1
    assert "not UTF-8" in notes[0].message
    script = read(data, "old.fountain")
    assert len(script.scenes) == 1
    assert any("not UTF-8" in d.message for d in script.diagnostics)


def test_a_cp1252_script_is_read_with_a_diagnostic() -> None:
    data = "INT. CAFÉ - DAY\n\nRENÉE\nVoilà.\n".encode("cp1252")
    script = read(data, "cafe.fountain")
    assert script.scenes[0].heading.location == "CAFÉ"
    assert [c.name for c in script.characters] == ["RENÉE"]
    assert script.diagnostics
    assert "cp125" in script.diagnostics[0].message


@pytest.mark.parametrize(
    ("data", "source", "cause"),
    [
        (b"", "empty.fountain", "is empty"),
        (b"  \n\r\n\t ", "blank.fountain", "is empty"),
        (b"\x00" * 4096, "nul.fountain", "NUL"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "poster.fountain", "PNG image"),
        (b"PK\x03\x04" + bytes(200), "script.fountain", "ZIP archive"),
        (bytes(range(256)) * 64, "random.fountain", "binary"),
        (b"INT. A - DAY\n", "script.docx", "Word document"),
        (b"{\\rtf1\\ansi Hello}", "script.txt", "RTF"),
        (b"<?xml version='1.0'?><html/>", "page.fountain", "not Final Draft"),
        (b"INT. A - DAY\n\nHi.\n", "script.pdf", "not a PDF"),
        (b"INT. A - DAY\n\nHi.\n", "script.fdx", "not a Final Draft"),
    ],
)
def test_what_is_no_screenplay_is_refused_with_one_line_naming_the_file(
    data: bytes, source: str, cause: str
) -> None:
    with pytest.raises(ScreenplayError) as caught:
        read(data, source)
    message = str(caught.value)
    assert message.startswith(f"{source}: ")
    assert cause in message
    assert "\n" not in message


def test_a_file_above_the_size_limit_is_refused_before_parsing() -> None:
    data = b"INT. A - DAY\n\n" + b"a" * MAX_BYTES
    with pytest.raises(ScreenplayError, match="too big"):
        read(data, "huge.fountain")


def test_a_few_stray_nul_bytes_are_dropped_with_a_diagnostic() -> None:
    data = b"INT. A - DAY\n\nShe\x00 waits.\n" + b"Quiet.\n" * 200
    script = read(data, "a.fountain")
    assert script.elements[1].text.startswith("She waits.")
    assert script.diagnostics


def test_the_format_is_chosen_by_content_before_suffix() -> None:
    assert detect_format(b"%PDF-1.7\n...", "script.fountain") == "pdf"
    assert detect_format(b'<?xml version="1.0"?>\n<FinalDraft>', "script.txt") == "fdx"
    assert detect_format(b"INT. A - DAY", "script.txt") == "text"
    assert detect_format(b"INT. A - DAY", "script.spmd") == "fountain"
    assert detect_format(b"INT. A - DAY", "script") == "fountain"


def test_a_word_typed_text_file_uses_the_plain_reader() -> None:
    typed = (
        "CẢNH 1: NỘI. NHÀ BÀ TƯ - NGÀY\n"
        "Căn bếp nhỏ. BÀ TƯ nhặt rau.\n"
        "        BÀ TƯ\n"
        "    Thằng Minh đâu rồi?\n"
        "Minh chạy vào.\n"
        "CẢNH 2: NGOẠI. CHỢ - ĐÊM\n"
        "Đèn lồng đỏ.\n"
        "        LAN\n"
        "    Sao em tới trễ?\n"
    )
    script = read(typed.encode("utf-8"), "kichban.txt")
    assert script.source_format == "text"
    assert [s.number.text for s in script.scenes] == ["1", "2"]
    assert [s.heading.location for s in script.scenes] == ["NHÀ BÀ TƯ", "CHỢ"]
    assert [s.speaking for s in script.scenes] == [("BÀ TƯ",), ("LAN",)]


def test_read_text_reads_already_decoded_fountain() -> None:
    script = read_text(VIETNAMESE, "a.fountain")
    assert script.language == "vi"
    assert script.scenes[0].heading.time == "BÌNH MINH"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_a_script_or_a_screenplay_error(data: bytes) -> None:
    try:
        script = read(data, "fuzz.fountain")
    except ScreenplayError as error:
        message = str(error)
    else:
        message = "fuzz.fountain: read"
        assert all(scene.eighths.value >= 1 for scene in script.scenes)
    assert message.startswith("fuzz.fountain: ")


_FOUNTAINISH = st.lists(
    st.sampled_from(
        [*"INTEXabc .-#=!@~>< ^()[]*/_:\n\n\n\t", "INT. ", "EXT. ", "NỘI. ", "Đ", "TO:", "  "]
    ),
    max_size=300,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=2000), _FOUNTAINISH))
def test_arbitrary_text_never_raises_anything_but_a_screenplay_error(text: str) -> None:
    try:
        script = read(text.encode("utf-8", "surrogatepass"), "fuzz.fountain")
    except ScreenplayError:
        # Only unreadable input: empty, binary-looking or undecodable.
        stripped = text.strip(" \t\r\n\x00\ufeff")
        controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f\v")
        undecodable = any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        assert not stripped or controls or undecodable or not text.strip()
    else:
        assert len(script.scenes) <= text.count("\n") + 1


def test_a_script_exported_as_laid_out_text_keeps_its_elements_and_margin_numbers() -> None:
    layout = (
        "                                                        1.\n\n"
        "          FADE IN:\n\n"
        "     1    INT. PHO STALL - DAWN                                       1\n\n"
        "          Steam rises. MAI (28) ladles broth into a bowl and\n"
        "          sets it down.\n\n"
        "                              MAI\n"
        "                    Eat. You look terrible.\n"
        "                              (MORE)\n\n"
        "                              KHOA (CONT'D)\n"
        "                        (grinning)\n"
        "                    Thanks.\n\n"
        "                                                        CUT TO:\n\n"
        "     2    EXT. LONG BIEN BRIDGE - NIGHT                               2\n\n"
        "          Rain.\n"
    )
    script = read(layout.encode("utf-8"), "export.txt")
    assert script.source_format == "text"
    assert [(s.number.text, s.heading.location) for s in script.scenes] == [
        ("1", "PHO STALL"),
        ("2", "LONG BIEN BRIDGE"),
    ]
    assert script.scenes[0].speaking == ("MAI", "KHOA")
    kinds = [e.kind.value for e in script.elements]
    assert kinds[0] == "transition"
    assert "(MORE)" not in [e.text for e in script.elements]


def test_an_explicit_text_format_uses_the_plain_reader() -> None:
    script = read(b"INT. A - DAY\n\nHe waits.\n", "a.fountain", format="text")
    assert script.source_format == "text"


def test_an_exterior_first_heading_opens_a_scene_in_plain_text_but_not_in_fountain() -> None:
    data = b"INT. A - DAY\n\nHe waits.\n\nEXT/INT. SHED - NIGHT\n\nRain.\n"
    typed = read(data, "a.txt", format="text")
    assert [s.heading.location for s in typed.scenes] == ["A", "SHED"]
    assert typed.scenes[1].heading.time == "NIGHT"
    assert not typed.diagnostics
    marked_up = read(data, "a.fountain")
    assert [s.heading.location for s in marked_up.scenes] == ["A"]
    assert [d.line for d in marked_up.diagnostics] == [5]


def test_a_vietnamese_shooting_script_typed_in_word_is_read() -> None:
    typed = (
        "Tên phim: Chuyện đò\n"
        "Tác giả: Lan\n\n"
        "Cảnh 1. Nội ngày. Tại nhà bà Tư\n"
        "Bà Tư ngồi nhặt rau.\n"
        "BÀ TƯ\n"
        "Thằng Minh đâu rồi?\n\n"
        "Cảnh 2. Ngoại đêm. Bến đò\n"
        "Trời mưa. MINH chạy tới.\n"
        "MINH (tiếp)\n"
        "Con đây!\n"
    )
    script = read(typed.encode("utf-8"), "chuyen-do.txt")
    assert dict(script.title_page)["Tên phim"] == "Chuyện đò"
    assert [
        (s.number.text, s.heading.int_ext, s.heading.location, s.heading.time)
        for s in script.scenes
    ] == [
        ("1", IntExt.INT, "NHÀ BÀ TƯ", "NGÀY"),
        ("2", IntExt.EXT, "BẾN ĐÒ", "ĐÊM"),
    ]
    assert [c.name for c in script.characters] == ["BÀ TƯ", "MINH"]
    assert script.language == "vi"
