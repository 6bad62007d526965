from __future__ import annotations

import json

from filmpark.breakdown.extract import break_down
from filmpark.breakdown.serialize import breakdown_from_json, breakdown_to_json
from tests.breakdown.builders import one_scene

BODY = "MINH (40) drives a taxi in the rain, a dozen RIDERS around him.\n\nMINH\nMove!"


def test_the_json_has_exactly_the_documented_shape() -> None:
    document = json.loads(json.dumps(breakdown_to_json(break_down(one_scene(BODY)))))
    assert set(document) == {"schema", "scenes"}
    assert document["schema"] == "Breakdown.1"
    scene = document["scenes"][0]
    assert set(scene) == {"number", "heading", "eighths", "elements"}
    assert isinstance(scene["eighths"], int)
    for items in scene["elements"].values():
        for item in items:
            assert set(item) == {"name", "quantity", "source", "confidence", "evidence"}
            assert set(item["evidence"]) == {"line", "text"}
            assert isinstance(item["evidence"]["line"], int)
    riders = scene["elements"]["extras"]
    assert riders[0]["quantity"] == 12


def test_the_full_document_round_trips_the_whole_breakdown() -> None:
    breakdown = break_down(one_scene(BODY))
    again = breakdown_from_json(json.loads(json.dumps(breakdown_to_json(breakdown, full=True))))
    assert again == breakdown


def test_the_short_document_reads_back_with_names_and_evidence() -> None:
    breakdown = break_down(one_scene(BODY))
    again = breakdown_from_json(breakdown_to_json(breakdown))
    assert again.scenes[0].names("vehicles") == breakdown.scenes[0].names("vehicles")
    assert again.cast_ids() == breakdown.cast_ids()
