"""Held-out scripts written for these tests and labelled by hand following the gold set's
annotation guide; the engine was never tuned on them. Scored with the gold set's scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from filmpark.breakdown.extract import break_down
from filmpark.breakdown.serialize import breakdown_to_json
from filmpark.screenplay import read
from tests.conftest import shared_path

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.fountain")))
def test_a_held_out_script_scores_like_the_gold_set(case: str, tmp_path: Path) -> None:
    scorer = shared_path("gold", "score.py")
    script = read((CASES / f"{case}.fountain").read_bytes(), f"{case}.fountain")
    prediction = tmp_path / "prediction.json"
    prediction.write_text(json.dumps(breakdown_to_json(break_down(script))), encoding="utf-8")
    labels = CASES / f"{case}.labels.json"
    result = subprocess.run(
        [sys.executable, str(scorer), "breakdown", str(labels), str(prediction), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    score = json.loads(result.stdout)
    assert score["scenes_pred"] == score["scenes_gold"]
    assert score["categories"]["cast"]["f1"] >= 0.95
    assert score["micro"]["f1"] >= 0.7
