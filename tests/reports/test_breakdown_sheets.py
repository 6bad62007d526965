from __future__ import annotations

from filmpark.breakdown.extract import break_down
from filmpark.reports.breakdown_sheets import (
    CSV_COLUMNS,
    breakdown_csv_rows,
    breakdown_sheets,
    script_days,
)
from tests.breakdown.builders import script_from_fountain

SCRIPT = """Title: Sheets

EXT. MARKET - NIGHT

= Lan meets the smuggler.

LAN (30) buys a lantern. A dozen SHOPPERS pass.

LAN
How much?

INT. LAN'S ROOM - DAY

Lan hangs the lantern. Rain on the window.

EXT. MARKET - DAY (FLASHBACK)

YOUNG LAN (8) holds her mother's hand.

INT. LAN'S ROOM - NIGHT

The next morning never comes. Lan sleeps.
"""


def test_one_sheet_per_scene_with_the_heading_facts_of_the_trade() -> None:
    script = script_from_fountain(SCRIPT)
    sheets = breakdown_sheets(script, break_down(script))
    assert [s.number for s in sheets] == ["1", "2", "3", "4"]
    first = sheets[0]
    assert first.int_ext == "EXT"
    assert first.day_night == "N"
    assert first.synopsis == "Lan meets the smuggler."
    assert first.eighths.value >= 1
    assert first.title == "Sheets"
    assert sheets[1].synopsis == "Lan hangs the lantern."


def test_script_days_turn_at_night_to_day_and_flashbacks_stand_apart() -> None:
    script = script_from_fountain(SCRIPT)
    assert script_days(script) == {"1": "1", "2": "2", "3": "FB", "4": "3"}


def test_the_sheet_groups_elements_by_category_in_their_colours_with_cast_numbers() -> None:
    script = script_from_fountain(SCRIPT)
    breakdown = break_down(script)
    sheet = breakdown_sheets(script, breakdown)[0]
    cast = sheet.items("cast")
    assert [(i.cast_id, i.name) for i in cast] == [(breakdown.cast_ids()["LAN"], "LAN")]
    extras = sheet.items("extras")
    assert extras[0].text == "shopper × 12"
    box = next(c for c in sheet.categories if c.key == "cast")
    assert box.colour == breakdown.categories.get("cast").colour
    assert box.label("vi") == "Diễn viên"


def test_the_csv_rows_carry_every_element_with_its_provenance() -> None:
    script = script_from_fountain(SCRIPT)
    breakdown = break_down(script)
    rows = breakdown_csv_rows(breakdown)
    assert len(rows) == sum(len(s.elements) for s in breakdown.scenes)
    assert all(tuple(row) == CSV_COLUMNS for row in rows)
    lantern = next(r for r in rows if r["name"] == "lantern" and r["scene"] == "1")
    assert lantern["line"] == "7"
    assert lantern["evidence"] == "lantern"
    assert lantern["source"] == "lexicon"
