"""Speed of the Final Draft and PDF paths on Big Fish (190-odd scenes, about 120 pages).

Measures, in this process, the median of ``--runs`` timed runs after a warm-up of:

* ``read_fdx`` on ``../shared/corpus/fountain-io-samples/Big-Fish.fdx`` (scenes, characters,
  pagination and eighths included) and ``write_fdx`` of the result;
* ``render_screenplay_pdf`` of the Fountain Big Fish (industry layout, every page) and
  ``read_pdf`` of that PDF (text extraction with positions, layout learning, eighths).

It prints a Markdown table with the scene and character counts each step gave, so a speed-up
that loses scenes shows at once.

    .venv/bin/python benchmarks/fdx_pdf.py --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from filmpark.documents.screenplay_pdf import render_screenplay_pdf
from filmpark.screenplay.fdx import read_fdx, write_fdx
from filmpark.screenplay.fountain import read_fountain
from filmpark.screenplay.model import Script
from filmpark.screenplay.pdf import read_pdf

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / ".." / "shared" / "corpus" / "fountain-io-samples"


def timed(step: Callable[[], Any], runs: int) -> tuple[float, Any]:
    result = step()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def counts(script: Script) -> str:
    return f"{len(script.scenes)} scenes, {len(script.characters)} characters"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    fdx_bytes = (SAMPLES / "Big-Fish.fdx").read_bytes()
    fountain = read_fountain((SAMPLES / "Big-Fish.fountain").read_text("utf-8"), "Big-Fish")

    rows: list[tuple[str, float, str]] = []
    seconds, script = timed(lambda: read_fdx(fdx_bytes, "Big-Fish.fdx"), args.runs)
    rows.append(("read_fdx Big-Fish.fdx", seconds, counts(script)))
    seconds, text = timed(lambda: write_fdx(script), args.runs)
    rows.append(("write_fdx", seconds, f"{len(text.encode()) // 1024} KiB"))
    seconds, pdf = timed(lambda: render_screenplay_pdf(fountain), args.runs)
    rows.append(("render_screenplay_pdf", seconds, f"{fountain.page_count} pages"))
    seconds, back = timed(lambda: read_pdf(pdf, "Big-Fish.pdf"), args.runs)
    rows.append(("read_pdf (the rendered PDF)", seconds, counts(back)))

    print(f"median of {args.runs} runs\n")
    print("| step | median (s) | result |")
    print("|---|---:|---|")
    for name, secs, result in rows:
        print(f"| {name} | {secs:.3f} | {result} |")


if __name__ == "__main__":
    main()
