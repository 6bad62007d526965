"""The category-by-context and convention rules, one behaviour each."""

from __future__ import annotations

from filmpark.breakdown.extract import break_down
from tests.breakdown.builders import one_scene, script_from_fountain


def names(body: str, category: str, heading: str = "INT. ROOM - NIGHT") -> tuple[str, ...]:
    return break_down(one_scene(body, heading)).scenes[0].names(category)


def test_furniture_stays_set_dressing_but_a_handled_radio_becomes_a_prop() -> None:
    assert "chair" in names("A chair stands by the radio.", "set_dressing")
    assert "radio" in names("A chair stands by the radio.", "set_dressing")
    assert "radio" in names("Lan picks up the radio and shakes it.", "props")


def test_a_tool_raised_against_a_person_is_a_weapon_and_otherwise_a_prop() -> None:
    assert "meat cleaver" in names("Lan chops pork with a meat cleaver.", "props")
    threat = "Lan raises the meat cleaver at Minh. Minh backs away."
    assert "meat cleaver" in names(threat, "weapons")
    assert "meat cleaver" not in names(threat, "props")


def test_a_word_used_as_a_verb_is_not_an_element() -> None:
    assert names("She watches the door.", "wardrobe") == ()
    assert names("Rain hammers the roof.", "props") == ()
    assert "rain" in names("Rain hammers the roof.", "sfx")


def test_a_noun_that_only_describes_the_next_one_is_not_listed() -> None:
    body = "A carp tattoo on his neck. He eats shrimp noodles."
    assert names(body, "animals") == ()
    assert "noodles" in names(body, "props")
    assert "tattoo" in names(body, "makeup_hair")


def test_the_same_item_named_again_by_its_head_word_is_one_element() -> None:
    body = "He waves an orange light baton. He points the baton at the car."
    assert names(body, "props") == ("light baton",)


def test_weather_that_has_stopped_is_no_effect() -> None:
    assert names("The rain has stopped. Puddles everywhere.", "sfx") == ()


def test_a_vehicle_that_is_the_location_is_a_picture_vehicle_but_a_street_is_not() -> None:
    assert "bus" in names("Mai drives.", "vehicles", "INT. BUS 52 - MOVING - NIGHT")
    assert "xe buýt" in names("Na ngồi im.", "vehicles", "NỘI/NGOẠI. XE BUÝT - NGÀY")
    assert names("Na chạy qua.", "vehicles", "NGOẠI. PHỐ ĐƯỜNG TÀU - NGÀY") == ()


def test_riders_bring_their_vehicles_and_numbers_count_the_group() -> None:
    scene = break_down(one_scene("THIRTY MOTORBIKE RIDERS flow past.")).scenes[0]
    riders = scene.of("extras")[0]
    assert (riders.name, riders.quantity) == ("motorbike rider", 30)
    assert "motorbike" in scene.names("vehicles")


def test_a_group_introduced_in_capitals_is_known_again_in_lower_case() -> None:
    text = (
        "NGOẠI. PHỐ - ĐÊM\n\nHAI GÃ XĂM TRỔ đứng hút thuốc.\n\n"
        "NỘI. QUÁN - ĐÊM\n\nCường và hai gã xăm trổ ngồi nhậu.\n"
    )
    scenes = break_down(script_from_fountain(text)).scenes
    assert scenes[0].of("extras")[0].quantity == 2
    assert "gã xăm trổ" in scenes[1].names("extras")


def test_a_named_character_who_never_speaks_is_cast_and_an_unnamed_one_is_an_extra() -> None:
    body = "KHOA (25) waits by the door. A TRUCK DRIVER (50s) smokes.\n\nMINH rows a boat past."
    scene = break_down(one_scene(body)).scenes[0]
    assert set(scene.names("cast")) == {"KHOA", "MINH"}
    assert "truck driver" in scene.names("extras")


def test_a_character_on_a_screen_or_in_a_photo_is_not_in_the_scene() -> None:
    text = (
        "INT. HALL - DAY\n\nLAN (30) waves.\n\nLAN\nHi.\n\n"
        "INT. OFFICE - NIGHT\n\nOn the monitor: Lan waves. Minh stares at a photo of Lan.\n\n"
        "MINH\nWhere is she?\n"
    )
    scenes = break_down(script_from_fountain(text)).scenes
    assert scenes[1].names("cast") == ("MINH",)


def test_a_vietnamese_noun_keeps_what_follows_it() -> None:
    assert "áo dài đỏ" in names("Lan mặc áo dài đỏ.", "wardrobe", "NỘI. NHÀ - NGÀY")
    assert "máy cát-xét sony" in names(
        "Trên kệ có một máy cát-xét Sony.", "set_dressing", "NỘI. NHÀ - NGÀY"
    )
    body = "Cô Ba ôm một thúng bánh mì."
    assert "thúng" in names(body, "props", "NỘI. NHÀ - NGÀY")
    assert "bánh mì" in names(body, "props", "NỘI. NHÀ - NGÀY")


def test_text_typed_without_diacritics_still_finds_vietnamese_elements() -> None:
    body = "Na dat mot chiec xe may cu truoc cua. Mot ban tay bang bo."
    heading = "NGOẠI. PHỐ - NGÀY"
    scene = break_down(script_from_fountain(f"{heading}\n\n{body}\n")).scenes[0]
    assert "xe máy" in scene.names("vehicles")


def test_capitalised_sounds_are_named_after_the_sound_and_what_makes_it() -> None:
    body = "A MOTORBIKE HORN. The cat YOWLS. A SIREN WHOOPS once. BEEP BEEP BEEP."
    sounds = names(body, "sound")
    assert "motorbike horn" in sounds
    assert "cat yowl" in sounds
    assert "siren whoop" in sounds
    assert "beep" in sounds
    assert names(body, "vehicles") == ()


def test_what_a_picture_shows_is_not_on_the_set() -> None:
    body = "On the wall, a framed photo of a soldier on a horse. A cat sleeps below it."
    assert names(body, "animals") == ("cat",)
    vi = "Trên tường treo một bức ảnh đen trắng: một cô gái cầm micro và một con chó."
    assert names(vi, "animals", "NỘI. NHÀ - NGÀY") == ()
    assert names(vi, "props", "NỘI. NHÀ - NGÀY") == ()


def test_a_place_named_after_its_owner_does_not_put_the_owner_in_the_scene() -> None:
    text = (
        "NỘI. NHÀ - NGÀY\n\nÔNG BẢY (70) ngồi sửa đài.\n\nÔNG BẢY\nXong.\n\n"
        "NGOẠI. PHỐ - ĐÊM\n\nHai gã đi tới trước tiệm ông Bảy. Na đứng nhìn.\n\nNA\nAi đấy?\n"
    )
    scenes = break_down(script_from_fountain(text)).scenes
    assert scenes[1].names("cast") == ("NA",)


def test_an_animal_only_heard_is_a_sound_and_one_seen_is_an_animal() -> None:
    assert names("A dog barks somewhere in the dark.", "sound") == ("dog bark",)
    assert names("A dog barks somewhere in the dark.", "animals") == ()
    assert names("A scrawny dog barks at him from a doorway.", "animals") == ("dog",)


def test_breaking_glass_is_an_effect_and_not_also_a_prop() -> None:
    assert names("The window glass explodes.", "sfx") == ("breakaway glass",)
    assert "glass" not in names("The window glass explodes.", "props")


def test_a_vanishing_is_named_after_the_sentence_subject() -> None:
    body = "Her reflection in the mirror smiles back, then melts away."
    assert names(body, "vfx") == ("reflection melts away",)
    vi = "Bóng Khải hiện ra bên cạnh cô, rồi tan biến vào sương."
    assert names(vi, "vfx", "NGOẠI. BỜ HỒ - BÌNH MINH") == ("bóng khải tan biến",)
