from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from filmpark.breakdown.extract import break_down
from filmpark.documents.breakdown_sheets import (
    breakdown_csv_text,
    render_breakdown_sheets_html,
    render_breakdown_sheets_pdf,
    write_breakdown_csv,
)
from filmpark.reports.breakdown_sheets import breakdown_csv_rows, breakdown_sheets
from tests.breakdown.builders import script_from_fountain

SCRIPT = """Title: Sóng ngắn

NỘI. TIỆM SỬA ĐÀI - NGÀY

ÔNG BẢY (72), kính lão trễ xuống mũi, cầm mỏ hàn. Một con mèo nằm trên ghế đẩu.

ÔNG BẢY
Giỏi.

EXT. RAILWAY STREET - NIGHT

A TRAIN thunders past. Rain. Bay holds a radio.
"""


@pytest.fixture
def sheets_and_rows() -> tuple[object, list[dict[str, str]]]:
    script = script_from_fountain(SCRIPT)
    breakdown = break_down(script)
    return breakdown_sheets(script, breakdown), breakdown_csv_rows(breakdown)


def test_the_html_sheets_speak_english_or_vietnamese(sheets_and_rows: tuple) -> None:  # type: ignore[type-arg]
    sheets, _ = sheets_and_rows
    english = render_breakdown_sheets_html(sheets, lang="en")
    vietnamese = render_breakdown_sheets_html(sheets, lang="vi")
    assert "Breakdown sheets" in english
    assert "Script day" in english
    assert "Phiếu phân tích cảnh" in vietnamese
    assert "Ngày truyện" in vietnamese
    assert "Đạo cụ" in vietnamese
    assert "mỏ hàn" in english
    assert english.count('class="bd-sheet"') == 2
    assert "#e53935" in english  # the cast box in its colour


def test_the_pdf_has_a_page_per_scene_and_embeds_a_vietnamese_font(sheets_and_rows: tuple) -> None:  # type: ignore[type-arg]
    sheets, _ = sheets_and_rows
    pdf = render_breakdown_sheets_pdf(sheets, lang="vi")
    assert pdf.startswith(b"%PDF")
    assert (
        pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>") + pdf.count(b"/Type /Page ") >= 2
    )
    assert b"FontFile2" in pdf


def test_the_pdf_text_reads_back_in_vietnamese(sheets_and_rows: tuple) -> None:  # type: ignore[type-arg]
    from pdfminer.high_level import extract_text

    sheets, _ = sheets_and_rows
    text = extract_text(io.BytesIO(render_breakdown_sheets_pdf(sheets, lang="vi")))
    assert "TIỆM SỬA ĐÀI" in text
    assert "mỏ hàn" in text


def test_the_csv_opens_in_a_spreadsheet_with_its_accents(
    sheets_and_rows: tuple, tmp_path: Path
) -> None:  # type: ignore[type-arg]
    _, rows = sheets_and_rows
    text = breakdown_csv_text(rows)
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert len(parsed) == len(rows)
    assert any(r["name"] == "mỏ hàn" for r in parsed)
    target = tmp_path / "breakdown.csv"
    write_breakdown_csv(rows, target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_unknown_language_is_refused() -> None:
    from filmpark.errors import ValidationError

    with pytest.raises(ValidationError):
        render_breakdown_sheets_html((), lang="fr")
