"""The bundled example screenplays read cleanly and are the size the demos expect."""

from __future__ import annotations

from pathlib import Path

from filmpark.screenplay import read
from filmpark.screenplay.model import DayNight, IntExt

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_pho_at_dawn_is_a_rich_english_short_with_no_reader_complaints() -> None:
    path = EXAMPLES / "pho-at-dawn.fountain"
    script = read(path.read_bytes(), path.name)
    assert script.diagnostics == ()
    assert script.language == "en"
    assert script.title == "PHỞ AT DAWN"
    assert 12 <= len(script.scenes) <= 18
    assert 12 * 8 <= script.length.value <= 15 * 8
    assert 6 <= len(script.characters) <= 10
    assert {s.heading.int_ext for s in script.scenes} >= {IntExt.INT, IntExt.EXT}
    assert {s.heading.day_night for s in script.scenes} >= {DayNight.DAY, DayNight.NIGHT}
    assert any(s.heading.continuity for s in script.scenes)


def test_chuyen_do_cuoi_is_vietnamese_with_noi_ngoai_headings() -> None:
    path = EXAMPLES / "chuyen-do-cuoi.fountain"
    script = read(path.read_bytes(), path.name)
    assert script.diagnostics == ()
    assert script.language == "vi"
    assert script.title == "CHUYẾN ĐÒ CUỐI"
    assert 8 <= len(script.scenes) <= 10
    assert all(s.heading.text.startswith(("NỘI.", "NGOẠI.")) for s in script.scenes)
    assert "ÔNG BA" in {c.name for c in script.characters}
