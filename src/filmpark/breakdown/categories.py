"""Breakdown categories: stable keys, UCIS-style ids, bilingual labels and highlight colours.

The keys and ids follow the open UCIS (Universal Category Identification Standard) proposal
where one exists; ``weapons`` (500) and ``notes`` (900) are filmpark's own. Colours are the
trade's usual highlighter defaults (cast red, stunts orange, extras green, sfx blue, props
purple, vehicles and animals pink, sound and music brown). A :class:`CategorySet` lets a
production add categories and change colours; it round-trips through a plain dict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from filmpark.errors import ValidationError
from filmpark.text import t

_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Category:
    """One breakdown category: ``cast`` (100, "Cast", "Diễn viên", red)."""

    key: str
    ucis_id: int
    label_en: str
    label_vi: str
    colour: str

    def __post_init__(self) -> None:
        if not _KEY_RE.match(self.key):
            raise ValidationError("category", t("category.bad_key", key=repr(self.key)))
        if not _COLOUR_RE.match(self.colour):
            raise ValidationError("colour", t("category.bad_colour", colour=repr(self.colour)))

    def label(self, lang: str = "en") -> str:
        return self.label_vi if lang == "vi" else self.label_en


DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("cast", 100, "Cast", "Diễn viên", "#e53935"),
    Category("extras", 101, "Extras", "Diễn viên quần chúng", "#43a047"),
    Category("stunts", 102, "Stunts", "Pha nguy hiểm", "#fb8c00"),
    Category("vehicles", 103, "Vehicles", "Phương tiện", "#ec407a"),
    Category("props", 104, "Props", "Đạo cụ", "#8e24aa"),
    Category("sfx", 105, "Special effects", "Hiệu ứng đặc biệt", "#1e88e5"),
    Category("wardrobe", 106, "Wardrobe", "Phục trang", "#00acc1"),
    Category("makeup_hair", 107, "Makeup & hair", "Hoá trang & tóc", "#f06292"),
    Category("animals", 108, "Animals", "Động vật", "#f48fb1"),
    Category("music", 111, "Music", "Âm nhạc", "#8d6e63"),
    Category("sound", 112, "Sound", "Âm thanh", "#6d4c41"),
    Category("set_dressing", 114, "Set dressing", "Bài trí bối cảnh", "#7cb342"),
    Category("special_equipment", 117, "Special equipment", "Thiết bị đặc biệt", "#546e7a"),
    Category("vfx", 119, "Visual effects", "Kỹ xảo hình ảnh", "#3949ab"),
    Category("weapons", 500, "Weapons", "Vũ khí", "#c62828"),
    Category("notes", 900, "Notes", "Ghi chú", "#9e9e9e"),
)

#: The keys the extraction engine proposes elements for (notes are free text from people).
ELEMENT_CATEGORIES: tuple[str, ...] = tuple(c.key for c in DEFAULT_CATEGORIES if c.key != "notes")


@dataclass(frozen=True, slots=True)
class CategorySet:
    """The categories of one production: the defaults plus its own, with its own colours."""

    categories: tuple[Category, ...] = DEFAULT_CATEGORIES

    def __post_init__(self) -> None:
        keys = [c.key for c in self.categories]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValidationError(
                "categories", t("category.duplicates", keys=", ".join(duplicates))
            )

    def __iter__(self) -> Iterator[Category]:
        return iter(self.categories)

    def __len__(self) -> int:
        return len(self.categories)

    def __contains__(self, key: object) -> bool:
        return any(c.key == key for c in self.categories)

    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.categories)

    def get(self, key: str) -> Category:
        for category in self.categories:
            if category.key == key:
                return category
        raise ValidationError("category", t("category.unknown", key=repr(key)))

    def with_category(self, category: Category) -> CategorySet:
        """A set with ``category`` added (or replacing the one with the same key)."""
        kept = tuple(c for c in self.categories if c.key != category.key)
        if any(c.ucis_id == category.ucis_id for c in kept):
            raise ValidationError("category", t("category.id_taken", id=category.ucis_id))
        return CategorySet((*kept, category))

    def with_colour(self, key: str, colour: str) -> CategorySet:
        """A set where category ``key`` is highlighted in ``colour`` (``#rrggbb``)."""
        target = self.get(key)
        updated = replace(target, colour=colour)
        return CategorySet(tuple(updated if c.key == key else c for c in self.categories))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "CategorySet.1",
            "categories": [
                {
                    "key": c.key,
                    "ucis_id": c.ucis_id,
                    "label_en": c.label_en,
                    "label_vi": c.label_vi,
                    "colour": c.colour,
                }
                for c in self.categories
            ],
        }

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> CategorySet:
        """Read a ``CategorySet.1`` dict; missing defaults are kept, so old files stay valid."""
        if not isinstance(doc, Mapping):
            raise ValidationError("categories", t("category.expected_document"))
        items = doc.get("categories", [])
        if not isinstance(items, list):
            raise ValidationError("categories", t("category.not_a_list"))
        result = cls()
        for index, item in enumerate(items):
            if not isinstance(item, Mapping) or "key" not in item:
                raise ValidationError(
                    "categories", t("category.entry_without_key", index=index + 1)
                )
            key = str(item["key"])
            if key in result:
                base = result.get(key)
                merged = Category(
                    key,
                    int(item.get("ucis_id", base.ucis_id)),
                    str(item.get("label_en", base.label_en)),
                    str(item.get("label_vi", base.label_vi)),
                    str(item.get("colour", base.colour)),
                )
                result = CategorySet(
                    tuple(merged if c.key == key else c for c in result.categories)
                )
            else:
                try:
                    ucis_id = int(item["ucis_id"])
                except (KeyError, TypeError, ValueError):
                    raise ValidationError(
                        "categories", t("category.needs_ucis_id", key=repr(key))
                    ) from None
                result = result.with_category(
                    Category(
                        key,
                        ucis_id,
                        str(item.get("label_en", key)),
                        str(item.get("label_vi", item.get("label_en", key))),
                        str(item.get("colour", "#9e9e9e")),
                    )
                )
        return result
