"""Talent scheduling: filmpark's exact solver against two peers, same time limit, one thread.

Instances: every file of ``../shared/bench/talent/instances/`` and random ones from that
folder's ``gen.py`` (Smith's scheme: 8 actors with the Mob Story rates, density 0.35), run
as a subprocess with fixed seeds. Solvers, each on one thread with the same time limit:

* ``filmpark`` — :func:`filmpark.schedule.talent.solve_talent`;
* ``cp-sat`` — :func:`filmpark.schedule.cpsat_sequencing.solve_talent_cpsat` (a plain
  interval/NoOverlap permutation model, 1 worker);
* ``didppy`` — ``benchmarks/didp_talent.py`` (DyPDL subset DP, CABS, 1 thread).

Per instance: cost (``*`` = proven optimal) and CPU seconds of the solving process (every
solver runs on one thread, so CPU time is the work done even on a busy machine, where wall
time is not); then how many each solver proved, whether our costs equal ``optima.csv``, and
the median speed-up (peer CPU seconds / ours; for a peer that did not finish, the CPU time it
used before the wall-clock limit, so that speed-up is a lower bound, marked ``≥``).

    .venv/bin/python benchmarks/talent.py --time-limit 60
    .venv/bin/python benchmarks/talent.py --time-limit 60 --no-peers   # ours only
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

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


def timed(run: Callable[..., T], *args: Any) -> tuple[T, float]:
    """The result of ``run(*args)`` and the CPU seconds this process spent on it."""
    before = time.process_time()
    result = run(*args)
    return result, time.process_time() - before


def cell(cost: int, proven: bool, seconds: float) -> str:
    return f"{cost}{'*' if proven else ''} {seconds:.2f}s"


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
    mismatches = []
    slowest = 0.0
    for instance, optimum in rows:
        ours, our_cpu = timed(partial(solve_talent, time_limit=limit), instance)
        assert total_cost(instance, ours.order) == ours.cost
        proven["filmpark"] += ours.optimal
        if optimum is not None:
            slowest = max(slowest, our_cpu)
            if ours.cost != optimum:
                mismatches.append(instance.name)
        cells = [cell(ours.cost, ours.optimal, our_cpu)]
        speed = []
        if not args.no_peers:
            cp, cp_cpu = timed(solve_talent_cpsat, instance, CpSatOptions(limit, workers=1))
            dd, dd_cpu = timed(solve_didp, instance, limit)
            for key, peer, cpu in (("cp-sat", cp, cp_cpu), ("didppy", dd, dd_cpu)):
                assert total_cost(instance, peer.order) == peer.cost
                proven[key] += peer.optimal
                cells.append(cell(peer.cost, peer.optimal, cpu))
                ratio = cpu / max(our_cpu, 1e-3)
                ups[key].append(ratio)
                speed.append(f"{'≥' if not peer.optimal else ''}{ratio:.0f}x")
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
        f"slowest shared instance (filmpark): {slowest:.2f} s CPU"
    )
    for key, values in ups.items():
        if values:
            print(
                f"median speed-up vs {key}: {statistics.median(values):.0f}x "
                f"(CPU time; a peer's unfinished run counts with the CPU it used)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
