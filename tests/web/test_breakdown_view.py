"""The breakdown review as the page lays it out: highlights where the evidence stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from filmpark.screenplay.model import (
    DayNight,
    Element,
    ElementKind,
    IntExt,
    Scene,
    SceneHeading,
)
from filmpark.units import SceneNumber
from filmpark.web.breakdown_view import latest_statuses, scene_lines, scene_tags
from filmpark.web.i18n import translator


@dataclass(frozen=True)
class Decision:
    action: str
    scene: str
    category: str
    name: str
    data: dict[str, Any] = field(default_factory=dict)


def a_scene() -> Scene:
    heading = SceneHeading("EXT. MARKET - DAY", IntExt.EXT, "MARKET", "DAY", DayNight.DAY)
    elements = (
        Element(ElementKind.ACTION, "LAN parks her MOTORBIKE by the fish stall.", line=3),
        Element(ElementKind.CHARACTER, "LAN", line=5, name="LAN"),
        Element(ElementKind.DIALOGUE, "Two kilos of squid.", line=6),
    )
    return Scene(0, SceneNumber("4"), heading, elements, line=1)


def an_element(name: str, line: int, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "quantity": None,
        "source": "lexicon",
        "confidence": 0.9,
        "evidence": {"line": line, "text": text},
        **extra,
    }


BREAKDOWN_SCENE = {
    "number": "4",
    "heading": "EXT. MARKET - DAY",
    "elements": {
        "cast": [an_element("LAN", 3, "LAN")],
        "vehicles": [an_element("motorbike", 3, "MOTORBIKE")],
        "props": [an_element("squid", 6, "squid", source="llm:qwen", explanation="food prop")],
    },
}


def marked(lines: Any) -> dict[str, str]:
    return {seg.text: seg.category for line in lines for seg in line.segments if seg.tag}


def test_each_element_is_highlighted_on_the_line_its_evidence_stands_on() -> None:
    tags = scene_tags(translator("en"), BREAKDOWN_SCENE, {})
    lines = scene_lines(a_scene(), tags)
    assert marked(lines) == {"LAN": "cast", "MOTORBIKE": "vehicles", "squid": "props"}
    # The first LAN of line 3 is the highlight; the cue on line 5 stays plain.
    cue = next(line for line in lines if line.kind == "character")
    assert all(seg.tag is None for seg in cue.segments)


def test_the_text_around_highlights_is_kept_whole() -> None:
    tags = scene_tags(translator("en"), BREAKDOWN_SCENE, {})
    action = scene_lines(a_scene(), tags)[0]
    assert "".join(seg.text for seg in action.segments) == (
        "LAN parks her MOTORBIKE by the fish stall."
    )


def test_provenance_names_the_ai_model_and_the_explanation() -> None:
    tags = {t.name: t for t in scene_tags(translator("vi"), BREAKDOWN_SCENE, {})}
    assert tags["squid"].source_label == "Mô hình AI qwen"
    assert tags["squid"].explanation == "food prop"
    assert tags["motorbike"].category_label == "Phương tiện"


def test_peoples_decisions_set_the_status_the_latest_one_winning() -> None:
    statuses = latest_statuses(
        [
            Decision("accept", "4", "props", "squid"),
            Decision("reject", "4", "props", "squid"),
            Decision("edit", "4", "vehicles", "motorbike", {"new_name": "Honda Dream"}),
        ]
    )
    assert statuses[("4", "props", "squid")] == "rejected"
    assert statuses[("4", "vehicles", "Honda Dream")] == "edited"


def test_a_rejected_element_stays_listed_struck_out_but_is_not_highlighted() -> None:
    statuses = {("4", "props", "squid"): "rejected"}
    tags = scene_tags(translator("en"), BREAKDOWN_SCENE, statuses, [("props", "fish")])
    by_name = {t.name: t.status for t in tags}
    assert by_name["squid"] == "rejected"
    assert by_name["fish"] == "rejected"
    assert "squid" not in marked(scene_lines(a_scene(), tags))
