"""Every category, in English and in Vietnamese, found the way the annotation guide asks."""

from __future__ import annotations

import pytest

from filmpark.breakdown.extract import break_down
from tests.breakdown.builders import one_scene

EN = "INT. WAREHOUSE - NIGHT"
VI = "NỘI. NHÀ KHO - ĐÊM"

CASES = [
    # (heading, body, category, expected name)
    (EN, "LAN (30) waits by the door.\n\nLAN\nWhere is he?", "cast", "LAN"),
    (VI, "MAI (30) ngồi chờ bên cửa.\n\nMAI\nAnh ấy đâu rồi?", "cast", "MAI"),
    (EN, "Two dozen PROTESTERS chant outside.", "extras", "protester"),
    (VI, "Mấy chục NGƯỜI DÂN đứng chờ ngoài cổng.", "extras", "người dân"),
    (EN, "Kim tumbles down the stairs.", "stunts", "fall down stairs"),
    (VI, "Hùng nhảy xuống sông.", "stunts", "nhảy xuống sông"),
    (EN, "A battered taxi idles at the kerb.", "vehicles", "taxi"),
    (VI, "Một chiếc xe tải đỗ trước cửa.", "vehicles", "xe tải"),
    (EN, "Kim counts the banknotes into an envelope.", "props", "envelope"),
    (VI, "Lan đưa cho Hùng một phong bì.", "props", "phong bì"),
    (EN, "A GUARD rests a rifle on his knee.", "weapons", "rifle"),
    (VI, "Gã rút ra một con dao găm.", "weapons", "dao găm"),
    (EN, "Kim, in a leather jacket and sunglasses, waits.", "wardrobe", "leather jacket"),
    (VI, "Lan mặc áo dài đỏ, đội nón lá.", "wardrobe", "áo dài đỏ"),
    (EN, "A scar runs across his cheek.", "makeup_hair", "scar"),
    (VI, "Hắn có một hình xăm trên cánh tay.", "makeup_hair", "hình xăm"),
    (EN, "A goat chews on a cardboard box.", "animals", "goat"),
    (VI, "Một con mèo nằm ngủ trên ghế.", "animals", "mèo"),
    (EN, "Snow falls past the window.", "sfx", "snow"),
    (VI, "Sương mù phủ kín mặt hồ.", "sfx", "sương mù"),
    (EN, "The ghost dissolves into mist.", "vfx", "ghost dissolves into mist"),
    (VI, "Bóng người kia tan biến vào sương.", "vfx", "bóng người kia tan biến"),
    (EN, "A CAR ALARM wails in the street.", "sound", "car alarm"),
    (VI, "Tiếng CHUÔNG CHÙA vang lên từ xa.", "sound", "tiếng chuông chùa"),
    (EN, "A jazz record plays on the gramophone.", "music", "jazz"),
    (VI, "Từ loa phát ra một bài hát quen thuộc.", "music", "bài hát"),
    (EN, "Crates are stacked beside a folding table.", "set_dressing", "folding table"),
    (VI, "Giữa phòng kê một cái bàn gỗ và hai ghế nhựa.", "set_dressing", "bàn gỗ"),
    (EN, "AERIAL SHOT: the warehouse roof at night.", "special_equipment", "drone"),
    (VI, "FLYCAM: toàn cảnh khu nhà kho.", "special_equipment", "flycam"),
]


@pytest.mark.parametrize(("heading", "body", "category", "name"), CASES)
def test_each_category_is_found_in_english_and_vietnamese(
    heading: str, body: str, category: str, name: str
) -> None:
    breakdown = break_down(one_scene(body, heading))
    assert name in breakdown.scenes[0].names(category), breakdown.scenes[0].names(category)


def test_every_category_has_an_english_and_a_vietnamese_case() -> None:
    covered = {(c, h) for h, _, c, _ in CASES}
    categories = {c for _, _, c, _ in CASES}
    assert len(categories) == 15
    for category in categories:
        assert (category, EN) in covered
        assert (category, VI) in covered
