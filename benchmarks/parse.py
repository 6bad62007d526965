"""Benchmark of the Fountain reader against screenplain and Jouvence on Big Fish.

Each parser reads the same decoded text of ``../shared/corpus/fountain-io-samples/Big-Fish.fountain``
in this process, taking turns; after a warm-up, the median of ``--runs`` rounds is reported with the
scene count and the speaking-character count each parser's output gives (cue names reduced to
canonical names by the same rule for all three: extensions and ``^``/``@`` removed). filmpark's
time includes everything ``read_fountain`` does: classification, scenes, characters, language
and pagination with eighths.

Each run is timed twice: wall-clock time (``time.perf_counter``) and the CPU time of this process
(``time.process_time``). On a machine shared with other jobs the wall time of a run includes
the spells when another process had the CPU; the CPU time does not, so it is the steadier
figure there. Both are reported, with the speed-up over the faster peer by each.

    .venv/bin/python benchmarks/parse.py --runs 40
"""

from __future__ import annotations

import argparse
import html
import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from filmpark.screenplay.assemble import canonical_name
from filmpark.screenplay.fountain import read_fountain

REPO = Path(__file__).resolve().parents[1]
BIG_FISH = REPO / ".." / "shared" / "corpus" / "fountain-io-samples" / "Big-Fish.fountain"


def filmpark_parse(text: str) -> tuple[int, int]:
    script = read_fountain(text, "Big-Fish.fountain")
    return len(script.scenes), len(script.characters)


def _cue_name(markup: str) -> str:
    """A screenplain cue (HTML, with ``&nbsp;`` for trailing spaces) as a canonical name."""
    return canonical_name(html.unescape(markup).replace("\xa0", " "))


def screenplain_parse(text: str) -> tuple[int, int]:
    from screenplain.parsers.fountain import parse
    from screenplain.types import Dialog, DualDialog, Slug

    screenplay = parse(io.StringIO(text))
    scenes = 0
    names: set[str] = set()
    for paragraph in screenplay.paragraphs:
        if isinstance(paragraph, Slug):
            scenes += 1
        elif isinstance(paragraph, Dialog):
            names.add(_cue_name(paragraph.character.to_html()))
        elif isinstance(paragraph, DualDialog):
            names.add(_cue_name(paragraph.left.character.to_html()))
            names.add(_cue_name(paragraph.right.character.to_html()))
    return scenes, len(names)


def jouvence_parse(text: str) -> tuple[int, int]:
    from jouvence.document import TYPE_CHARACTER
    from jouvence.parser import JouvenceParser

    document = JouvenceParser().parseString(text)
    scenes = sum(1 for scene in document.scenes if scene.header)
    names = {
        canonical_name(p.text)
        for scene in document.scenes
        for p in scene.paragraphs
        if p.type == TYPE_CHARACTER
    }
    return scenes, len(names)


PARSERS: dict[str, Callable[[str], tuple[int, int]]] = {
    "filmpark": filmpark_parse,
    "screenplain": screenplain_parse,
    "jouvence": jouvence_parse,
}


def measure(text: str, runs: int) -> dict[str, dict[str, Any]]:
    """Median and minimum wall and CPU time per parser; the parsers take turns in every round,
    so a busy machine slows all three alike rather than whichever ran during the busy spell."""
    counts = {}
    for name, parse in PARSERS.items():
        for _ in range(3):  # warm-up: imports, regex caches
            counts[name] = parse(text)
    times: dict[str, list[float]] = {name: [] for name in PARSERS}
    cpu: dict[str, list[float]] = {name: [] for name in PARSERS}
    order = list(PARSERS)
    for round_ in range(runs):
        for name in order[round_ % 3 :] + order[: round_ % 3]:
            start_cpu = time.process_time()
            start = time.perf_counter()
            counts[name] = PARSERS[name](text)
            times[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {
        name: {
            "median_ms": round(statistics.median(times[name]) * 1000, 2),
            "min_ms": round(min(times[name]) * 1000, 2),
            "cpu_median_ms": round(statistics.median(cpu[name]) * 1000, 2),
            "cpu_min_ms": round(min(cpu[name]) * 1000, 2),
            "scenes": counts[name][0],
            "speaking_characters": counts[name][1],
        }
        for name in PARSERS
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs per parser")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not BIG_FISH.exists():
        sys.exit(f"benchmark input missing: {BIG_FISH}")
    text = BIG_FISH.read_text("utf-8")
    results = measure(text, args.runs)
    fastest_peer = min(results["screenplain"]["median_ms"], results["jouvence"]["median_ms"])
    speedup = round(fastest_peer / results["filmpark"]["median_ms"], 1)
    fastest_peer_min = min(results["screenplain"]["min_ms"], results["jouvence"]["min_ms"])
    speedup_min = round(fastest_peer_min / results["filmpark"]["min_ms"], 1)
    fastest_peer_cpu = min(
        results["screenplain"]["cpu_median_ms"], results["jouvence"]["cpu_median_ms"]
    )
    speedup_cpu = round(fastest_peer_cpu / results["filmpark"]["cpu_median_ms"], 1)
    if args.json:
        print(
            json.dumps(
                {
                    "results": results,
                    "speedup_vs_fastest_peer": speedup,
                    "speedup_of_minimums": speedup_min,
                    "speedup_by_cpu_time": speedup_cpu,
                }
            )
        )
        return
    print(f"Big-Fish.fountain, {len(text):,} characters, median of {args.runs} runs")
    print(
        f"{'parser':<12} {'median ms':>10} {'min ms':>8} {'CPU median ms':>14} {'CPU min ms':>11} "
        f"{'scenes':>7} {'speaking':>9}"
    )
    for name, row in results.items():
        print(
            f"{name:<12} {row['median_ms']:>10} {row['min_ms']:>8} {row['cpu_median_ms']:>14} "
            f"{row['cpu_min_ms']:>11} {row['scenes']:>7} {row['speaking_characters']:>9}"
        )
    print(
        f"filmpark is {speedup}x faster than the faster peer by median wall time, "
        f"{speedup_min}x by best run, {speedup_cpu}x by median CPU time"
    )


if __name__ == "__main__":
    main()
