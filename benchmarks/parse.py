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

``--stages`` instead times filmpark alone, step by step: the CPU median of each stage of
``read_fountain`` (its steps called one after the other, checked to give the same ``Script.1``
JSON), then whole reads with the garbage collector on and, in a separate loop, off.
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


def stage_times(text: str, runs: int) -> dict[str, float]:
    """CPU medians (ms) of the stages of ``read_fountain`` on ``text``, and of whole reads with
    the garbage collector on and off."""
    import gc
    import unicodedata

    from filmpark.screenplay import fountain
    from filmpark.screenplay.assemble import build_script
    from filmpark.screenplay.paginate import paginate
    from filmpark.screenplay.serialize import script_to_json

    def staged(times: dict[str, list[float]]) -> Any:
        # The steps of fountain.parse_lines for a Fountain text without NUL or CR characters.
        clock = time.process_time
        start = clock()
        body = text.removeprefix("\ufeff")
        if not body.isascii():
            body = unicodedata.normalize("NFC", body)
        diagnostics: list[Any] = []
        body = fountain._strip_boneyard(body, "Big-Fish.fountain", diagnostics)
        body, found = fountain._take_notes(body)
        lines = body.split("\n")
        title_page, first = fountain._title_page(lines)
        now = clock()
        times["text preparation"].append(now - start)
        start = now
        reader = fountain._Reader("Big-Fish.fountain", False)
        reader.diagnostics = diagnostics
        reader.read(lines, first)
        now = clock()
        times["classifying paragraphs"].append(now - start)
        start = now
        drafts = fountain._merge_notes(reader.elements, found)
        kinds = list(map(fountain._KIND, drafts))
        texts = list(map(fountain._TEXT, drafts))
        layout = paginate(drafts, kinds=kinds, texts=texts)
        now = clock()
        times["pagination"].append(now - start)
        start = now
        elements = fountain._freeze(drafts, layout.pages)
        now = clock()
        times["freezing"].append(now - start)
        start = now
        script = build_script(
            elements,
            title_page=title_page,
            diagnostics=diagnostics,
            source="Big-Fish.fountain",
            pagination=layout,
            prepared=True,
            kinds=kinds,
            texts=texts,
        )
        times["assembly"].append(clock() - start)
        return script

    stages: dict[str, list[float]] = {
        name: []
        for name in (
            "text preparation",
            "classifying paragraphs",
            "pagination",
            "freezing",
            "assembly",
        )
    }
    expected = script_to_json(read_fountain(text, "Big-Fish.fountain"))
    if script_to_json(staged({name: [] for name in stages})) != expected:
        sys.exit("the staged read no longer gives what read_fountain gives: update stage_times")
    for _ in range(runs):
        staged(stages)
    result = {name: statistics.median(values) * 1000 for name, values in stages.items()}
    whole: dict[str, list[float]] = {"collector on": [], "collector off": []}
    for setting, values in whole.items():
        if setting == "collector off":
            gc.disable()
        try:
            for _ in range(runs):
                start = time.process_time()
                read_fountain(text, "Big-Fish.fountain")
                values.append(time.process_time() - start)
        finally:
            gc.enable()
    result.update({f"whole read, {k}": statistics.median(v) * 1000 for k, v in whole.items()})
    return result


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
    parser.add_argument(
        "--stages", action="store_true", help="time the stages of filmpark's read instead"
    )
    args = parser.parse_args()
    if not BIG_FISH.exists():
        sys.exit(f"benchmark input missing: {BIG_FISH}")
    text = BIG_FISH.read_text("utf-8")
    if args.stages:
        for _ in range(3):  # warm-up
            read_fountain(text, "Big-Fish.fountain")
        times = stage_times(text, args.runs)
        if args.json:
            print(json.dumps({name: round(ms, 3) for name, ms in times.items()}))
            return
        print(f"read_fountain on Big-Fish.fountain, CPU median of {args.runs} runs")
        for name, ms in times.items():
            print(f"{name:<32} {ms:7.3f} ms")
        return
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
