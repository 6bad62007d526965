"""Wall time and peak memory of ``filmpark plan`` on Big Fish with a 60-second solver limit.

Usage (from the repository root)::

    .venv/bin/python benchmarks/plan.py [--time-limit 60] [--script PATH] [--runs 1]

Runs the installed command as a child process (parse → breakdown → schedule → budget → the
whole book) and reports the wall time and the child's peak resident memory
(``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``). Targets (issue 5): under 90 s and under
1 GB on a 2-core machine.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SCRIPT = REPO / ".." / "shared" / "corpus" / "fountain-io-samples" / "Big-Fish.fountain"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--script", type=Path, default=DEFAULT_SCRIPT)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    script = args.script.resolve()
    if not script.is_file():
        print(f"benchmark script not found: {script}", file=sys.stderr)
        return 2
    filmpark = Path(sys.executable).with_name("filmpark")
    command = [str(filmpark)] if filmpark.exists() else [sys.executable, "-m", "filmpark.cli.app"]
    print(f"script: {script.name}, solver time limit: {args.time_limit:g} s")
    print("| run | wall time (s) | peak RSS (MB) | files written | exit |")
    print("|---|---|---|---|---|")
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "book"
            started = time.perf_counter()
            result = subprocess.run(
                [
                    *command,
                    "plan",
                    str(script),
                    "-o",
                    str(out),
                    "--time-limit",
                    str(args.time_limit),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            wall = time.perf_counter() - started
            # ru_maxrss of RUSAGE_CHILDREN is the largest child so far, in KiB on Linux.
            peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            files = sum(1 for path in out.rglob("*") if path.is_file()) if out.exists() else 0
            print(f"| {run} | {wall:.1f} | {peak_mb:.0f} | {files} | {result.returncode} |")
            if result.returncode != 0:
                print(result.stderr, file=sys.stderr)
                return result.returncode
            summary = [line for line in result.stdout.splitlines() if line.strip()]
            if summary:
                print(f"<!-- {summary[0]} -->")
    return 0


if __name__ == "__main__":
    sys.exit(main())
