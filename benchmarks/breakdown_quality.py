"""Breakdown quality: run the rules engine on every gold script and score it.

Usage (from the repository root)::

    .venv/bin/python benchmarks/breakdown_quality.py [--markdown] [--details]

For each ``../shared/gold/*.fountain`` (and each held-out script of
``tests/breakdown/cases/``, labelled by hand to the same guide) it reads the script, breaks it down (rules and
lexicons only, no AI), writes the ``Breakdown.1`` JSON to a temporary file and runs
``../shared/gold/score.py breakdown GOLD PRED --json``. Prints per-category precision,
recall and F1 and the micro F1 of each script; ``--markdown`` prints the table for
``benchmarks/README.md``; ``--details`` prints the scorer's own per-category table.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = (REPO / ".." / "shared" / "gold").resolve()
sys.path.insert(0, str(REPO / "src"))

from filmpark.breakdown.extract import break_down
from filmpark.breakdown.serialize import breakdown_to_json
from filmpark.screenplay import read

CATEGORIES = (
    "cast", "extras", "stunts", "vehicles", "props", "weapons", "wardrobe", "makeup_hair",
    "animals", "sfx", "vfx", "sound", "music", "set_dressing", "special_equipment",
)  # fmt: skip


CASES = REPO / "tests" / "breakdown" / "cases"


def score(script_path: Path, details: bool) -> dict[str, object]:
    suffix = ".gold.json" if script_path.parent == GOLD else ".labels.json"
    gold_path = script_path.with_name(script_path.name.replace(".fountain", suffix))
    script = read(script_path.read_bytes(), script_path.name)
    document = breakdown_to_json(break_down(script))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
        pred = f.name
    scorer = [sys.executable, str(GOLD / "score.py"), "breakdown", str(gold_path), pred]
    if details:
        print(f"== {script_path.name}")
        print(subprocess.run(scorer, capture_output=True, text=True, check=True).stdout)
    out = subprocess.run([*scorer, "--json"], capture_output=True, text=True, check=True)
    Path(pred).unlink()
    result: dict[str, object] = json.loads(out.stdout)
    return result


def main(argv: list[str]) -> int:
    if not GOLD.is_dir():
        print(f"gold set not found: {GOLD}", file=sys.stderr)
        return 2
    scripts = sorted(GOLD.glob("*.fountain"))
    held_out = sorted(CASES.glob("*.fountain"))
    results = {p.stem: score(p, "--details" in argv) for p in scripts}
    results.update({f"{p.stem} (held out)": score(p, "--details" in argv) for p in held_out})
    if "--markdown" in argv:
        names = list(results)
        print("| category | " + " | ".join(f"{n} P / R / F1" for n in names) + " |")
        print("|---|" + "---|" * len(names))
        for category in (*CATEGORIES, "micro"):
            cells = []
            for name in names:
                r = results[name]
                m = r["micro"] if category == "micro" else r["categories"].get(category)  # type: ignore[index, union-attr]
                cells.append("—" if m is None else f"{m['p']:.2f} / {m['r']:.2f} / {m['f1']:.2f}")
            label = "**micro**" if category == "micro" else category
            print(f"| {label} | " + " | ".join(cells) + " |")
        return 0
    for name, r in results.items():
        cats = r["categories"]  # type: ignore[index]
        cast = cats.get("cast", {}).get("f1", 0)  # type: ignore[union-attr]
        micro = r["micro"]["f1"]  # type: ignore[index]
        print(f"{name:28} cast F1 {cast:.3f}  micro F1 {micro:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
