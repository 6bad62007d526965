"""Scene sequencing on the public movie-shoot-scheduling instances (movie5 ... movie300).

For every file of ``../shared/bench/mssp/instances/`` this runs
:func:`filmpark.schedule.sequencing.solve_sequence` (one thread, seed 0) with a 10 s and a
60 s limit, re-checks each order with the benchmark's own evaluator (``mssp_io.py``, run as a
subprocess on the order) and prints the cost next to ``best_found_ours.csv``, whether it is
proven optimal, the lower bound, and the wall and CPU seconds used (the limit is wall-clock
time; on a busy machine the CPU time shows how much work the solver actually got to do).

    .venv/bin/python benchmarks/mssp.py                    # 10 s and 60 s per instance
    .venv/bin/python benchmarks/mssp.py --cpu              # 10 and 60 CPU seconds instead
    .venv/bin/python benchmarks/mssp.py --limits 10 --only movie20

``--cpu`` stops each run after that many CPU seconds of the (single-threaded) solver instead
of wall-clock seconds, through ``solve_sequence``'s ``should_stop`` callback: on a shared,
busy machine a wall-clock limit gives the solver only a fraction of the work it would do on
an idle one.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from filmpark.schedule.instances import read_mssp
from filmpark.schedule.sequencing import solve_sequence

REPO = Path(__file__).resolve().parents[1]
MSSP = REPO / ".." / "shared" / "bench" / "mssp"


def reference_cost(path: Path, order: tuple[int, ...]) -> int:
    out = subprocess.run(
        [sys.executable, str(MSSP / "mssp_io.py"), str(path), *map(str, order)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"objective (\d+)", out)
    if match is None:
        raise SystemExit(f"mssp_io rejected our order for {path.name}: {out.strip()}")
    return int(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limits", default="10,60", help="time limits in seconds")
    parser.add_argument("--only", help="run only instances whose name contains this")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cpu", action="store_true", help="limits are CPU seconds")
    args = parser.parse_args()
    limits = [float(x) for x in args.limits.split(",") if x]
    with (MSSP / "best_found_ours.csv").open(newline="") as handle:
        best = {row["name"]: row for row in csv.DictReader(handle)}
    paths = sorted(MSSP.joinpath("instances").glob("movie*.txt"), key=lambda p: int(p.stem[5:]))
    if args.only:
        paths = [p for p in paths if args.only in p.stem]
    unit = "CPU s" if args.cpu else "s"
    head = " | ".join(f"{x:g} {unit}: cost (proven) bound" for x in limits)
    print(f"| instance | scenes | best_found_ours | {head} | at or below best |")
    print("|---|---|---|" + "---|" * len(limits) + "---|")
    beaten = 0
    for path in paths:
        problem = read_mssp(path.read_text(), str(path))
        cells = []
        final = None
        for limit in limits:
            before = time.process_time()
            if args.cpu:
                result = solve_sequence(
                    problem,
                    time_limit=100 * limit,
                    seed=args.seed,
                    should_stop=lambda b=before, x=limit: time.process_time() - b > x,
                )
            else:
                result = solve_sequence(problem, time_limit=limit, seed=args.seed)
            cpu = time.process_time() - before
            checked = reference_cost(path, result.order)
            if checked != result.cost:
                raise SystemExit(f"{path.stem}: our cost {result.cost}, mssp_io says {checked}")
            mark = " (optimal)" if result.optimal else ""
            cells.append(
                f"{result.cost}{mark} {result.lower_bound} [{result.seconds:.1f} s, {cpu:.1f} s CPU]"
            )
            final = result
        reference = int(best[path.stem]["objective"])
        ok = final is not None and final.cost <= reference
        beaten += ok
        print(
            f"| {path.stem} | {problem.scene_count} | {reference} | "
            + " | ".join(cells)
            + f" | {'yes' if ok else 'no'} |",
            flush=True,
        )
    print(f"\nat or below best_found_ours within {limits[-1]:g} s: {beaten} of {len(paths)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
