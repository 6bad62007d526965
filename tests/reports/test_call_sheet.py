from filmpark.reports.call_sheet import call_sheets, clock, sun_times
from tests.budget.builders import a_small_production


def test_each_shoot_day_gets_a_sheet_numbered_day_x_of_y_with_the_next_day_in_advance() -> None:
    _, schedule, breakdown = a_small_production()
    sheets = call_sheets(schedule, breakdown)
    assert [(s.day_number, s.total_days) for s in sheets] == [(1, 3), (2, 3), (3, 3)]
    assert [scene.number for scene in sheets[0].advance] == ["3"]
    assert sheets[-1].advance == ()
    assert sheets[0].weather == ""


def test_cast_are_called_for_their_first_scene_with_makeup_and_pickup_before_it() -> None:
    _, schedule, breakdown = a_small_production()
    first = call_sheets(
        schedule, breakdown, setup_minutes=60, makeup_minutes=60, pickup_minutes=30
    )[0]
    crew_call = schedule.days[0].call
    lan = next(call for call in first.cast if call.character == "LAN")
    assert lan.on_set == clock(crew_call + 60)
    assert lan.makeup == clock(crew_call)
    assert lan.pickup == clock(crew_call - 30)
    assert lan.scenes == ("1", "2")


def test_breakdown_stunts_weapons_animals_sfx_and_minors_become_notes() -> None:
    _, schedule, breakdown = a_small_production()
    notes = [
        (n.category, n.text) for sheet in call_sheets(schedule, breakdown) for n in sheet.notes
    ]
    categories = {category for category, _ in notes}
    assert {"stunts", "weapons", "animals", "sfx", "minors"} <= categories
    assert ("animals", "con chó") in notes
    minor = next(text for category, text in notes if category == "minors")
    assert "BÉ MINH" in minor
    assert "at most 4 h a day" in minor


def test_sunrise_and_sunset_are_computed_for_the_location_coordinates() -> None:
    _, schedule, breakdown = a_small_production()
    location = call_sheets(schedule, breakdown)[0].locations[0]
    assert location.address.startswith("12 Hàng Bạc")
    # Hà Nội, 1 March: sunrise a little after 06:00, sunset a little after 18:00 (UTC+7).
    assert "06:00" < location.sunrise < "06:40"
    assert "17:50" < location.sunset < "18:20"
    assert location.hospital == ""


def test_a_location_without_coordinates_gets_blank_sun_times() -> None:
    from datetime import date

    assert sun_times(None, None, date(2027, 3, 1), "Asia/Ho_Chi_Minh") == ("", "")


def test_a_given_hospital_is_printed_for_its_location() -> None:
    _, schedule, breakdown = a_small_production()
    sheets = call_sheets(schedule, breakdown, hospitals={"house": "Bệnh viện Việt Đức"})
    assert sheets[0].locations[0].hospital == "Bệnh viện Việt Đức"
