"""Talent scheduling: filmpark's exact solver against two peers, same time limit, one thread.

Instances: every file of ``../shared/bench/talent/instances/`` and random ones from that
folder's ``gen.py`` (Smith's scheme: 8 actors with the Mob Story rates, density 0.35), run
as a subprocess with fixed seeds. Solvers, each on one thread with the same time limit:

* ``filmpark`` — :func:`filmpark.schedule.talent.solve_talent`;
* ``cp-sat`` — :func:`filmpark.schedule.cpsat_sequencing.solve_talent_cpsat` (a plain
  interval/NoOverlap permutation model, 1 worker);
* ``didppy`` — ``benchmarks/didp_talent.py`` (DyPDL subset DP, CABS, 1 thread).

Per instance: cost (``*`` = proven optimal) and CPU seconds per solve (every solver runs on
one thread, so CPU time is the work done even on a busy machine, where wall time is not);
then how many each solver proved, whether our costs equal ``optima.csv``, and the median
speed-up (peer CPU seconds / ours; for a peer that did not finish, the CPU time it used before
the wall-clock limit, so that speed-up is a lower bound, marked ``≥``).

Timing is the same for all three solvers and covers everything from the ``TalentInstance`` to
the answer (our reduction and search; CP-SAT's model building and solve; didppy's model
building, solve and reading the transitions back). A solve that takes at least
``REPEAT_BELOW`` seconds is timed once. A faster one is a warm-up, then is repeated in batches
(each batch long enough that the clock's resolution and call overhead do not matter) until at
least ``MIN_BATCHES`` batches and ``MIN_TOTAL`` seconds are done; the time reported is the
median over the batches of the CPU seconds per solve. Speed-ups divide by our time with no
floor (an epsilon only guards against zero).

    .venv/bin/python benchmarks/talent.py --time-limit 60
    .venv/bin/python benchmarks/talent.py --time-limit 60 --no-peers   # ours only
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

# one thread each: no BLAS or OpenMP pool behind numpy or the solvers' back
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from didp_talent import solve_didp

from filmpark.schedule.cpsat_sequencing import CpSatOptions, solve_talent_cpsat
from filmpark.schedule.instances import read_talent
from filmpark.schedule.talent import TalentInstance, solve_talent, total_cost

REPO = Path(__file__).resolve().parents[1]
TALENT = REPO / ".." / "shared" / "bench" / "talent"


def shared_instances() -> list[tuple[TalentInstance, int | None]]:
    with (TALENT / "optima.csv").open(newline="") as handle:
        optima = {row["name"]: int(row["optimal_total"]) for row in csv.DictReader(handle)}
    out = []
    for path in sorted(TALENT.joinpath("instances").glob("*.txt")):
        instance = read_talent(path.read_text(), str(path))
        out.append((instance, optima.get(instance.name)))
    out.sort(key=lambda item: (item[0].scene_count, item[0].name))
    return out


def random_instances(sizes: list[int], seeds: list[int]) -> list[tuple[TalentInstance, None]]:
    out: list[tuple[TalentInstance, None]] = []
    for n in sizes:
        for seed in seeds:
            text = subprocess.run(
                [
                    sys.executable,
                    str(TALENT / "gen.py"),
                    "--scenes",
                    str(n),
                    "--actors",
                    "8",
                    "--seed",
                    str(seed),
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            out.append((read_talent(text, f"smith_n{n}_m8_s{seed}"), None))
    return out


T = TypeVar("T")

#: A solve faster than this (CPU seconds) is repeated, and the median per-solve time reported.
REPEAT_BELOW = 0.05
#: Repeated solves run in batches of at least this many CPU seconds each ...
BATCH_SECONDS = 0.002
#: ... at least this many batches, and at least this much CPU time in all.
MIN_BATCHES = 5
MIN_TOTAL = 0.2


def cpu_per_solve(run: Callable[[], T]) -> tuple[T, float]:
    """The result of ``run()`` and the CPU seconds one solve takes (see the module docstring)."""
    before = time.process_time()
    result = run()
    first = time.process_time() - before
    if first >= REPEAT_BELOW:
        return result, first
    batch = max(1, math.ceil(BATCH_SECONDS / max(first, 1e-7)))
    samples: list[float] = []
    spent = 0.0
    while len(samples) < MIN_BATCHES or spent < MIN_TOTAL:
        before = time.process_time()
        for _ in range(batch):
            run()
        took = time.process_time() - before
        samples.append(took / batch)
        spent += took
    return result, statistics.median(samples)


def duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def cell(cost: int, proven: bool, seconds: float) -> str:
    return f"{cost}{'*' if proven else ''} {duration(seconds)}"


def times(ratio: float) -> str:
    return f"{ratio:.0f}x" if ratio >= 10 else f"{ratio:.1f}x"


def shared_median(values: list[float]) -> str:
    return times(statistics.median(values)) if values else "—"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--sizes", default="22,26,30", help="random instance sizes (scenes)")
    parser.add_argument("--seeds", default="1,2", help="gen.py seeds for each size")
    parser.add_argument("--no-peers", action="store_true", help="run filmpark's solver only")
    parser.add_argument("--only", help="run only instances whose name contains this")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x]
    seeds = [int(x) for x in args.seeds.split(",") if x]
    rows = shared_instances() + random_instances(sizes, seeds)
    if args.only:
        rows = [row for row in rows if args.only in row[0].name]
    limit = args.time_limit
    print(
        "| instance | n | m | optimum | filmpark | cp-sat | didppy | speed-up cp-sat | speed-up didppy |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    proven = {"filmpark": 0, "cp-sat": 0, "didppy": 0}
    ups: dict[str, list[float]] = {"cp-sat": [], "didppy": []}
    shared_ups: dict[str, list[float]] = {"cp-sat": [], "didppy": []}
    mismatches = []
    slowest = 0.0
    for instance, optimum in rows:
        ours, our_cpu = cpu_per_solve(partial(solve_talent, instance, time_limit=limit))
        assert total_cost(instance, ours.order) == ours.cost
        proven["filmpark"] += ours.optimal
        if optimum is not None:
            slowest = max(slowest, our_cpu)
            if ours.cost != optimum:
                mismatches.append(instance.name)
        cells = [cell(ours.cost, ours.optimal, our_cpu)]
        speed = []
        if not args.no_peers:
            cp, cp_cpu = cpu_per_solve(
                partial(solve_talent_cpsat, instance, CpSatOptions(limit, workers=1))
            )
            dd, dd_cpu = cpu_per_solve(partial(solve_didp, instance, limit))
            for key, peer, cpu in (("cp-sat", cp, cp_cpu), ("didppy", dd, dd_cpu)):
                assert total_cost(instance, peer.order) == peer.cost
                proven[key] += peer.optimal
                cells.append(cell(peer.cost, peer.optimal, cpu))
                ratio = cpu / max(our_cpu, 1e-9)
                ups[key].append(ratio)
                if optimum is not None:
                    shared_ups[key].append(ratio)
                speed.append(f"{'≥' if not peer.optimal else ''}{times(ratio)}")
        else:
            cells += ["—", "—"]
            speed = ["—", "—"]
        print(
            f"| {instance.name} | {instance.scene_count} | {instance.actor_count} | "
            f"{optimum if optimum is not None else '?'} | " + " | ".join(cells + speed) + " |",
            flush=True,
        )
    print()
    print(f"instances: {len(rows)}; proven: " + ", ".join(f"{k} {v}" for k, v in proven.items()))
    print(
        f"shared instances at their optimum: {mismatches or 'all'}; "
        f"slowest shared instance (filmpark): {duration(slowest)} CPU"
    )
    for key, values in ups.items():
        if values:
            print(
                f"median speed-up vs {key}: {times(statistics.median(values))} "
                f"(shared instances only: {shared_median(shared_ups[key])}; "
                f"smallest: {times(min(values))}; CPU time per solve, a peer's unfinished run "
                f"counts with the CPU it used)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
