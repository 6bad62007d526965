"""Breakdown speed: Big Fish (~120 pages), parse excluded and included.

Usage (from the repository root)::

    .venv/bin/python benchmarks/breakdown_speed.py [--runs N]

Reads ``../shared/corpus/fountain-io-samples/Big-Fish.fountain`` and loads the lexicons
(once per process, reported apart), then times ``break_down`` alone and ``read`` +
``break_down`` over N runs, each with the word caches (tokens, lemmas) emptied first, as a
fresh process has them, and prints the best and the median of each.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = (REPO / ".." / "shared" / "corpus" / "fountain-io-samples" / "Big-Fish.fountain").resolve()
sys.path.insert(0, str(REPO / "src"))

from filmpark.breakdown.extract import break_down
from filmpark.breakdown.lexicon import load_lexicon
from filmpark.breakdown.text import noun_lemma, tokenize
from filmpark.screenplay import read


def cold() -> None:
    """Empty the per-word caches, so every run pays what a fresh process pays."""
    tokenize.cache_clear()
    noun_lemma.cache_clear()


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 7
    if not SCRIPT.is_file():
        print(f"Big Fish not found: {SCRIPT}", file=sys.stderr)
        return 2
    data = SCRIPT.read_bytes()
    start = time.perf_counter()
    load_lexicon("en")
    load_lexicon("vi")
    lexicon_load = time.perf_counter() - start
    script = read(data, SCRIPT.name)
    alone: list[float] = []
    included: list[float] = []
    alone_cpu: list[float] = []
    included_cpu: list[float] = []
    for _ in range(runs):
        cold()
        start, cpu = time.perf_counter(), time.process_time()
        result = break_down(script)
        alone.append(time.perf_counter() - start)
        alone_cpu.append(time.process_time() - cpu)
        cold()
        start, cpu = time.perf_counter(), time.process_time()
        break_down(read(data, SCRIPT.name))
        included.append(time.perf_counter() - start)
        included_cpu.append(time.process_time() - cpu)
    elements = sum(len(s.elements) for s in result.scenes)
    print(
        f"Big-Fish.fountain: {len(script.scenes)} scenes, {script.page_count} pages, {elements} elements"
    )
    print(f"lexicon load (once per process): {lexicon_load * 1000:.0f} ms")
    for label, wall, cpu in (
        ("parse excluded", alone, alone_cpu),
        ("parse included", included, included_cpu),
    ):
        print(
            f"breakdown, {label}: wall best {min(wall):.3f} s, median "
            f"{statistics.median(wall):.3f} s; CPU best {min(cpu):.3f} s, median "
            f"{statistics.median(cpu):.3f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
