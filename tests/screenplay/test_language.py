"""Telling a screenplay's language from its letters and headings."""

from __future__ import annotations

from filmpark.screenplay.language import detect_language


def test_english_is_the_default() -> None:
    assert detect_language(["She opens the door. Rain outside."]) == "en"
    assert detect_language([]) == "en"


def test_vietnamese_prose_is_vietnamese() -> None:
    assert detect_language(["Căn bếp nhỏ, khói bốc lên từ nồi cháo."]) == "vi"


def test_vietnamese_headings_make_a_script_vietnamese_even_with_english_dialogue() -> None:
    body = ["Hello there.", "Where are you going?"]
    assert detect_language(body, ["NỘI. NHÀ - NGÀY", "NGOẠI. CHỢ - ĐÊM"]) == "vi"


def test_a_few_french_accents_do_not_make_english_vietnamese() -> None:
    text = "They meet at the café. Renée orders a crêpe and waits for the rain to stop."
    assert detect_language([text]) == "en"


def test_other_scripts_are_told_by_their_letters() -> None:
    assert detect_language(["Квартира Маши. Столовая."]) == "ru"
    assert detect_language(["ジョンが入院。この場所は何ですか"]) == "ja"
    assert detect_language(["约翰进入医院。这是什么地方"]) == "zh"
    assert detect_language(["안녕하세요 여기는 어디입니까"]) == "ko"
