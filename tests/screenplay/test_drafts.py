"""The readers' fast construction of frozen model objects: checked, with a safe fallback."""

from __future__ import annotations

from filmpark.screenplay import assemble, fountain, headings
from filmpark.screenplay.model import Element, ElementKind, switched_draft_mirrors


def test_the_readers_drafts_mirror_the_model_as_it_stands() -> None:
    assert fountain._DRAFTS_MIRROR_ELEMENT
    assert assemble._SCENE_DRAFT_MIRRORS
    assert headings._HEADING_DRAFT_MIRRORS


def test_a_model_with_another_field_count_falls_back_to_the_constructor() -> None:
    sample = (ElementKind.ACTION, "x", 1)
    assert switched_draft_mirrors(Element, fountain._draft, sample, 14)
    assert not switched_draft_mirrors(Element, fountain._draft, sample, 15)


def test_a_draft_that_differs_from_the_constructor_is_refused() -> None:
    def wrong(kind: ElementKind, text: str, line: int) -> object:
        return fountain._draft(kind, text.upper(), line)

    assert not switched_draft_mirrors(Element, wrong, (ElementKind.ACTION, "x", 1), 14)


def test_a_draft_without_the_same_slots_is_refused() -> None:
    class Other:
        __slots__ = ("a",)

        def __init__(self, *_: object) -> None:
            self.a = 1

    assert not switched_draft_mirrors(Element, Other, (ElementKind.ACTION, "x", 1), 14)
