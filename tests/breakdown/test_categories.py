from __future__ import annotations

import pytest

from filmpark.breakdown.categories import DEFAULT_CATEGORIES, Category, CategorySet
from filmpark.errors import ValidationError


def test_the_default_categories_carry_the_ucis_ids_of_the_trade() -> None:
    ids = {c.key: c.ucis_id for c in DEFAULT_CATEGORIES}
    assert ids["cast"] == 100
    assert ids["extras"] == 101
    assert ids["props"] == 104
    assert ids["set_dressing"] == 114
    assert ids["vfx"] == 119
    assert ids["weapons"] == 500
    assert "notes" in ids


def test_every_default_category_has_an_english_and_a_vietnamese_label() -> None:
    for category in DEFAULT_CATEGORIES:
        assert category.label("en")
        assert category.label("vi")
        assert category.label("en") != category.label("vi")


def test_a_production_can_add_a_category_and_recolour_one() -> None:
    custom = CategorySet().with_category(
        Category("greenery", 113, "Greenery", "Cây xanh", "#2e7d32")
    )
    recoloured = custom.with_colour("cast", "#000000")
    assert "greenery" in recoloured
    assert recoloured.get("cast").colour == "#000000"
    assert CategorySet().get("cast").colour != "#000000"


def test_a_category_set_round_trips_through_a_dict() -> None:
    custom = (
        CategorySet()
        .with_category(Category("greenery", 113, "Greenery", "Cây xanh", "#2e7d32"))
        .with_colour("props", "#123456")
    )
    assert CategorySet.from_dict(custom.to_dict()) == custom


def test_a_bad_colour_or_a_taken_id_is_refused_with_its_field() -> None:
    with pytest.raises(ValidationError, match="colour"):
        Category("x", 999, "X", "X", "red")
    with pytest.raises(ValidationError, match="already used"):
        CategorySet().with_category(Category("x", 100, "X", "X", "#ffffff"))
