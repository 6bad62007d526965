"""Messages in two languages: a Text reads English as a str and Vietnamese on request."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal

import pytest

from filmpark.errors import (
    ConfigError,
    FilmparkError,
    Infeasible,
    ScreenplayError,
    ValidationError,
)
from filmpark.text import (
    Text,
    bilingual,
    compose,
    join,
    language_from_accept,
    language_from_environment,
    localize,
    t,
    verbatim,
)
from filmpark.units import Money


def test_a_text_is_its_english_rendering_as_a_str() -> None:
    message = t("cli.decisions.missing", path="decisions.json")
    assert isinstance(message, str)
    assert message == "decisions.json: no such decisions file"
    assert f"[{message}]" == "[decisions.json: no such decisions file]"
    assert message.in_("en") == "decisions.json: no such decisions file"
    assert message.in_("vi") == "decisions.json: không có tệp quyết định này"


def test_user_data_is_never_translated_but_a_text_parameter_is() -> None:
    cause = t("screenplay.no_scene", number="12A")
    error = ScreenplayError("Phở lúc bình minh.fdx", cause)
    assert error.localized("vi") == "Phở lúc bình minh.fdx: kịch bản không có cảnh 12A"
    assert str(error) == "Phở lúc bình minh.fdx: no scene 12A in the script"


def test_numbers_take_the_separators_of_the_language() -> None:
    message = t("value.not_a_number", value=1234.5)
    assert message == "not a number: 1234.5"
    assert message.in_("vi") == "không phải là số: 1234,5"
    money = Money(Decimal("1234567"), "VND")
    assert t("value.not_a_number", value=money).in_("vi") == "không phải là số: 1.234.567 VND"
    assert t("value.not_a_number", value=money) == "not a number: 1,234,567 VND"


def test_english_picks_its_plural_from_the_count_and_vietnamese_has_one_form() -> None:
    assert t("cli.count.scenes", count=1) == "1 scene"
    assert t("cli.count.scenes", count=3) == "3 scenes"
    assert t("cli.count.scenes", count=3).in_("vi") == "3 cảnh"


def test_compose_and_join_keep_each_part_in_the_reader_language() -> None:
    first = t("value.float_factor")
    second = t("value.empty_scene_number")
    joined = join("; ", [first, second, "12A"])
    assert joined == "use a Decimal, not a float; a scene number cannot be empty; 12A"
    assert joined.in_("vi").endswith("; số cảnh không được để trống; 12A")
    line = compose("{where}: {what}", where="a.yaml:3", what=second)
    assert line.in_("vi") == "a.yaml:3: số cảnh không được để trống"


def test_compose_refuses_words_so_that_nothing_untranslated_hides_in_a_template() -> None:
    with pytest.raises(ValueError, match="punctuation only"):
        compose("{path}: not found", path="x")


def test_verbatim_reads_the_same_in_every_language() -> None:
    outside = verbatim("Errno 5: Input/output error")
    assert outside.in_("vi") == outside.in_("en") == "Errno 5: Input/output error"


def test_a_name_whose_data_has_both_languages_reads_each() -> None:
    label = bilingual("Props", "Đạo cụ")
    assert label == "Props"
    assert t("category.unknown", key=label).in_("vi") == "không có hạng mục Đạo cụ"


def test_an_unknown_key_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        t("no.such.key")


def test_a_text_survives_pickling_and_json_as_english() -> None:
    message = t("cli.decisions.missing", path="a.json")
    copy = pickle.loads(pickle.dumps(message))
    assert isinstance(copy, Text)
    assert copy.in_("vi") == message.in_("vi")
    assert json.loads(json.dumps({"m": message})) == {"m": "a.json: no such decisions file"}


def test_errors_render_their_message_in_the_reader_language() -> None:
    error = ConfigError(t("value.float_factor"), key="budget.rate", line=12, source="p.yaml")
    assert str(error) == "p.yaml:12: 'budget.rate': use a Decimal, not a float"
    assert error.localized("vi").startswith("p.yaml:12: 'budget.rate': hãy dùng số Decimal")
    invalid = ValidationError("amount", t("value.not_a_number", value="'x'"))
    assert invalid.localized("vi") == "amount: không phải là số: 'x'"
    assert invalid.detail.in_("vi") == "không phải là số: 'x'"


def test_infeasible_lists_its_reasons_in_the_reader_language() -> None:
    error = Infeasible([t("value.float_factor"), t("value.empty_scene_number")])
    assert str(error).startswith("the schedule is infeasible: use a Decimal")
    assert error.localized("vi").startswith("không thể lập lịch quay: hãy dùng số Decimal")
    assert error.localized_reasons("vi")[1] == "số cảnh không được để trống"


def test_an_error_built_with_a_plain_string_still_reads_as_that_string() -> None:
    # Outside code may still pass a str; it reads the same in every language.
    error = FilmparkError("plain")  # type: ignore[arg-type]
    assert error.localized("vi") == "plain"
    assert localize(42, "vi") == "42"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "vi_VN", "LANG": "en_GB"}, "vi"),
        ({"FILMPARK_LANG": "en", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"FILMPARK_LANG": "vi", "LANG": "en_US"}, "vi"),
        ({"FILMPARK_LANG": "fr", "LANG": "vi_VN"}, "vi"),
    ],
)
def test_the_language_comes_from_filmpark_lang_else_the_locale(
    environ: dict[str, str], expected: str
) -> None:
    assert language_from_environment(environ) == expected


def test_accept_language_picks_the_best_offered_language() -> None:
    assert language_from_accept("vi-VN,vi;q=0.9,en;q=0.8") == "vi"
    assert language_from_accept("fr-FR, en;q=0.5, vi;q=0.7") == "vi"
    assert language_from_accept("fr, de") is None
    assert language_from_accept(None) is None
