"""The shared corpus and gold set: golden scene lists, gold scores, Big Fish's characters.

Golden files are discovered from ``../shared/corpus/**/*.fountain`` and live in ``golden/``;
refresh them with ``pytest tests/screenplay --update-golden`` and read the diff.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from filmpark.screenplay import read
from filmpark.screenplay.model import ElementKind, Script
from filmpark.screenplay.serialize import script_to_json
from tests.conftest import SHARED, shared_path

GOLDEN = Path(__file__).parent / "golden"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


def corpus_files() -> list[str]:
    if not CORPUS.is_dir():
        return ["<corpus absent>"]
    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*.fountain"))


def gold_names() -> list[str]:
    if not GOLD.is_dir():
        return ["<gold absent>"]
    return sorted(p.name.removesuffix(".gold.json") for p in GOLD.glob("*.gold.json"))


def golden_view(script: Script) -> dict[str, Any]:
    """What a golden file pins down: the scene list and the characters."""
    document = script_to_json(script)
    return {
        "title": document["title"],
        "language": document["language"],
        "pages": document["pages"],
        "scenes": document["scenes"],
        "characters": document["characters"],
    }


@pytest.mark.parametrize("relative", corpus_files())
def test_each_corpus_script_reads_to_its_golden_scene_list(
    relative: str, update_golden: bool
) -> None:
    path = shared_path("corpus", relative)
    script = read(path.read_bytes(), relative)
    actual = golden_view(script)
    golden = GOLDEN / (relative.replace("/", "__") + ".json")
    if update_golden or not golden.exists():
        if not update_golden and not golden.exists():
            pytest.fail(f"no golden file {golden.name}: run pytest --update-golden and review it")
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert actual == json.loads(golden.read_text("utf-8"))


@pytest.mark.parametrize("name", gold_names())
def test_the_gold_scripts_score_perfectly_on_scenes_and_speaking_characters(
    name: str, tmp_path: Path
) -> None:
    fountain = shared_path("gold", f"{name}.fountain")
    gold = shared_path("gold", f"{name}.gold.json")
    script = read(fountain.read_bytes(), fountain.name)
    prediction = tmp_path / "pred.json"
    prediction.write_text(json.dumps(script_to_json(script), ensure_ascii=False), "utf-8")
    result = subprocess.run(
        [sys.executable, str(GOLD / "score.py"), "parse", str(gold), str(prediction), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    score = json.loads(result.stdout.strip().splitlines()[-1])
    assert score["scene_count_ok"], score
    for key in ("int_ext", "location", "time", "speaking_exact"):
        assert score[key] == 1.0, (key, score)
    assert score["speaking"]["f1"] == 1.0, score


def test_big_fish_has_78_cue_strings_but_48_characters() -> None:
    path = shared_path("corpus", "fountain-io-samples", "Big-Fish.fountain")
    script = read(path.read_bytes(), path.name)
    cues = {e.text for e in script.elements if e.kind is ElementKind.CHARACTER}
    assert len(cues) == 78
    assert len(script.characters) == 48
    assert sum(len(c.cue_forms) for c in script.characters) == 78


def test_big_fish_reads_its_two_exterior_interior_lines_as_action_with_diagnostics() -> None:
    # 190 headings start with INT./EXT.; two lines written "EXT/INT." are no Fountain 1.1
    # heading: they stay action, each with a diagnostic on its line.
    path = shared_path("corpus", "fountain-io-samples", "Big-Fish.fountain")
    script = read(path.read_bytes(), path.name)
    assert len(script.scenes) == 190
    assert not [s for s in script.scenes if s.heading.text.startswith("EXT/INT")]
    actions = [e for e in script.elements if e.text.startswith("EXT/INT")]
    assert [(e.kind, e.line) for e in actions] == [
        (ElementKind.ACTION, 2446),
        (ElementKind.ACTION, 3815),
    ]
    assert [d.line for d in script.diagnostics if "'EXT/INT.'" in d.message] == [2446, 3815]


def test_big_fish_as_plain_text_keeps_its_exterior_interior_headings() -> None:
    # The plain-text reader has no spec to follow: a writer's "EXT/INT." opens a scene there.
    path = shared_path("corpus", "fountain-io-samples", "Big-Fish.fountain")
    script = read(path.read_bytes(), "Big-Fish.txt", format="text")
    assert len(script.scenes) == 192
    assert sum(1 for s in script.scenes if s.heading.text.startswith("EXT/INT")) == 2


@pytest.mark.parametrize(
    "name",
    ["vi-native", "vi-forced", "vi-english-prefix", "vi-english-prefix-nfd"],
)
def test_the_vietnamese_corpus_scripts_have_four_scenes_and_four_speakers(name: str) -> None:
    path = shared_path("corpus", "own-vietnamese", f"{name}.fountain")
    script = read(path.read_bytes(), path.name)
    assert len(script.scenes) == 4
    assert [c.name for c in script.characters] == ["BÀ TƯ", "MINH", "LAN", "ÔNG TÀI XẾ"]
    assert script.language == "vi"
