"""Load on the platform API: concurrent clients on loopback, read and write routes.

Starts ``filmpark serve --workers N`` in a subprocess on 127.0.0.1 (a fresh data directory;
SQLite, or a fresh PostgreSQL database when ``--postgres URL`` is given), prepares one
production (an account, a project, the example screenplay, a solved schedule and its budget),
then runs ``--clients`` concurrent clients for ``--seconds`` per scenario (each waiting
``--think`` seconds between its requests, like a person reading a page; 0 sends them back to
back) and prints throughput, p50/p95/p99 latency and errors as a Markdown table.

    .venv/bin/python benchmarks/api_load.py --clients 50 --seconds 10 --workers 2
    .venv/bin/python benchmarks/api_load.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

The clients share this machine with the server, so they are kept lean: one asyncio task per
client on a keep-alive HTTP/1.1 connection (raw streams, request bytes built ahead, a response
read as its headers and then ``Content-Length`` bytes). The table's last columns are the CPU
the server processes and this generator used per request. When ``wrk`` is installed, one read
scenario is measured again with it as a cross-check (a C load generator); when it is not, the
benchmark says so and skips that.

Only loopback is ever contacted, and every scenario stops after its time and request bound.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "pho-at-dawn.fountain"
PASSWORD = "benchmark password 1"
HOST = "127.0.0.1"  # loopback only
MAX_REQUESTS_PER_SCENARIO = 400_000
REQUEST_TIMEOUT = 30.0

# A request: given a sequence number, the bytes to send (one request, keep-alive).
RequestBytes = Callable[[int], bytes]


@dataclass
class Result:
    scenario: str
    requests: int
    errors: int
    seconds: float
    latencies: list[float]
    client_cpu: float
    cpu: CpuSpent

    def others_cores(self) -> float:
        """Cores kept busy by other processes on the machine during the scenario."""
        ours = self.cpu.server + (self.cpu.database or 0.0) + self.client_cpu
        return max(0.0, self.cpu.machine - ours) / self.seconds

    def pct(self, p: float) -> float:
        ordered = sorted(self.latencies) or [0.0]
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000

    def row(self, backend: str, workers: int, clients: int, think: float) -> str:
        per = max(1, self.requests)
        return (
            f"| {backend} | {workers} | {self.scenario} | {clients} | {think:g} | {self.requests} "
            f"| {self.requests / self.seconds:,.0f} | {self.pct(0.50):.1f} | {self.pct(0.95):.1f} "
            f"| {self.pct(0.99):.1f} | {self.errors} | {self.cpu.server / per * 1e6:.0f} "
            f"({'/'.join(map(str, self.cpu.split))}) "
            f"| {'—' if self.cpu.database is None else f'{self.cpu.database / per * 1e6:.0f}'} "
            f"| {self.client_cpu / per * 1e6:.0f} ({self.client_cpu / self.seconds:.0%}) "
            f"| {self.others_cores():.2f} |"
        )


TABLE_HEAD = (
    "| database | workers | scenario | clients | think s | requests | req/s | p50 ms | p95 ms "
    "| p99 ms | errors | server CPU µs/req (% per worker) | PostgreSQL CPU µs/req "
    "| generator CPU µs/req (share of a core) | other processes' CPU (cores) |\n"
    "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def postgres_database(base: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    admin = create_engine(base, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    name = f"filmpark_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass(frozen=True)
class CpuSample:
    """CPU seconds used so far by each server process, and by the database's processes."""

    server: dict[int, float]
    database: float | None
    machine: float  # every core's busy time (/proc/stat), whoever used it


def machine_busy_seconds() -> float:
    """CPU seconds all cores spent busy so far (user, nice, system, irq, softirq, steal)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Processes:
    """The server's processes (its process group) and the PostgreSQL backends serving it."""

    group: int
    database: str | None  # the benchmark database's name (in its backends' process titles)

    def sample(self) -> CpuSample:
        server: dict[int, float] = {}
        database = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                used = (int(fields[11]) + int(fields[12])) / tick
                if int(fields[2]) == self.group:
                    server[int(entry.name)] = used
                elif self.database and self.database.encode() in (entry / "cmdline").read_bytes():
                    database += used
            except OSError:
                continue
        return CpuSample(server, database if self.database else None, machine_busy_seconds())


@dataclass(frozen=True)
class CpuSpent:
    server: float
    database: float | None
    machine: float
    # How the server's CPU was shared by its processes, largest first, in percent: with
    # keep-alive clients a process serves the connections it accepted, so this shows how
    # evenly the clients' connections landed on the workers.
    split: list[int]

    @classmethod
    def between(cls, before: CpuSample, after: CpuSample) -> CpuSpent:
        used = {pid: cpu - before.server.get(pid, 0.0) for pid, cpu in after.server.items()}
        total = sum(used.values())
        split = sorted(
            (round(100 * cpu / total) for cpu in used.values() if total and cpu > 0.02 * total),
            reverse=True,
        )
        database = (
            None
            if before.database is None or after.database is None
            else after.database - before.database
        )
        return cls(total, database, after.machine - before.machine, split)


@contextlib.contextmanager
def server(database_url: str | None, data_dir: Path, workers: int) -> Iterator[tuple[int, int]]:
    """``filmpark serve`` on a free loopback port; yields (port, process group)."""
    port = free_port()
    env = {
        **os.environ,
        "FILMPARK_DATA_DIR": str(data_dir),
        "FILMPARK_LOGIN_ATTEMPTS": "100000",
        "FILMPARK_SOLVE_SECONDS": "5",
    }
    env.pop("FILMPARK_BROKER_URL", None)
    if database_url:
        env["FILMPARK_DATABASE_URL"] = database_url
    else:
        env.pop("FILMPARK_DATABASE_URL", None)
    log = open(data_dir / "server.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from filmpark.cli.app import main; main()",
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        answered = 0
        # Every worker process must be up: ask until several answers in a row succeed.
        while answered < 4 * workers:
            try:
                ok = httpx.get(f"http://{HOST}:{port}/healthz", timeout=2).status_code == 200
                answered = answered + 1 if ok else 0
            except httpx.HTTPError:
                answered = 0
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                tail = (data_dir / "server.log").read_text(errors="replace")[-3000:]
                raise SystemExit(f"the server did not start; its log ends:\n{tail}")
            time.sleep(0.05 if answered else 0.3)
        time.sleep(1.0)
        yield port, process.pid
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        log.close()


def prepare(base: str) -> tuple[str, str]:
    """An account, a project with the example script, a solved schedule and a budget."""
    with httpx.Client(base_url=base, timeout=120) as client:
        email = f"bench-{uuid.uuid4().hex[:8]}@example.vn"
        client.post(
            "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": "Bench"}
        ).raise_for_status()
        token = client.post(
            "/api/v1/auth/login", json={"email": email, "password": PASSWORD}
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        project = client.post("/api/v1/projects", json={"title": "Bench"}, headers=headers).json()[
            "id"
        ]
        files = {"file": (EXAMPLE.name, EXAMPLE.read_bytes(), "text/plain")}
        client.post(
            f"/api/v1/projects/{project}/scripts", files=files, headers=headers
        ).raise_for_status()
        job = client.post(
            f"/api/v1/projects/{project}/schedules?time_limit=5", json={}, headers=headers
        ).json()["job_id"]
        deadline = time.monotonic() + 120
        while client.get(f"/api/v1/jobs/{job}", headers=headers).json()["state"] not in (
            "succeeded",
            "failed",
        ):
            if time.monotonic() > deadline:
                raise SystemExit("the schedule solve did not finish")
            time.sleep(0.5)
        for path in ("schedule", "budget"):
            client.get(f"/api/v1/projects/{project}/{path}", headers=headers).raise_for_status()
        return token, project


def get_request(path: str, token: str) -> RequestBytes:
    data = (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAuthorization: Bearer {token}\r\n"
        "Accept: application/json\r\n\r\n"
    ).encode()
    return lambda _n: data


def post_request(path: str, token: str, body: Callable[[int], bytes]) -> RequestBytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nAuthorization: Bearer {token}\r\n"
        "Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: "
    ).encode()

    def build(n: int) -> bytes:
        payload = body(n)
        return head + str(len(payload)).encode() + b"\r\n\r\n" + payload

    return build


def scenarios(token: str, project: str) -> list[tuple[str, str, RequestBytes]]:
    p = f"/api/v1/projects/{project}"

    def decision(n: int) -> bytes:
        item = {"action": "add", "scene": "1", "category": "props", "name": f"prop {n}"}
        return json.dumps({"decisions": [item]}).encode()

    def title(n: int) -> bytes:
        return json.dumps({"title": f"Project {n}"}).encode()

    return [
        ("project", "read: GET project", get_request(p, token)),
        ("schedule", "read: GET schedule (Schedule.1)", get_request(f"{p}/schedule", token)),
        ("budget", "read: GET budget", get_request(f"{p}/budget", token)),
        (
            "decision",
            "write: POST breakdown decision",
            post_request(f"{p}/breakdown/decisions", token, decision),
        ),
        ("create", "write: POST project", post_request("/api/v1/projects", token, title)),
    ]


class HttpError(Exception):
    """The server answered in a way the generator does not take as a response."""


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; its status and whether the connection stays open."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    lower = head.lower()
    keep = b"\r\nconnection: close" not in lower
    at = lower.find(b"\r\ncontent-length:")
    if at >= 0:
        end = lower.index(b"\r\n", at + 2)
        await reader.readexactly(int(lower[at + 17 : end]))
    elif b"\r\ntransfer-encoding: chunked" in lower:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif status not in (204, 304):
        raise HttpError("a response without a length")
    return status, keep


async def run_scenario(
    port: int,
    processes: Processes,
    name: str,
    request: RequestBytes,
    clients: int,
    seconds: float,
    think: float,
) -> Result:
    latencies: list[float] = []
    kinds: dict[str, int] = {}
    errors = 0
    stop_at = time.monotonic() + seconds

    async def client(index: int) -> None:
        nonlocal errors
        reader: asyncio.StreamReader | None = None
        writer: asyncio.StreamWriter | None = None
        n = 0
        if think:
            # People do not click in step: spread the clients' first requests.
            await asyncio.sleep(think * index / clients)
        while time.monotonic() < stop_at and len(latencies) < MAX_REQUESTS_PER_SCENARIO:
            data = request(index * 1_000_000 + n)
            n += 1
            started = time.perf_counter()
            try:
                if writer is None or reader is None:
                    reader, writer = await asyncio.open_connection(HOST, port)
                writer.write(data)
                status, keep = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
                if status >= 400:
                    kinds[str(status)] = kinds.get(str(status), 0) + 1
                if not keep:
                    writer.close()
                    reader = writer = None
            except (OSError, EOFError, asyncio.IncompleteReadError, TimeoutError, HttpError) as e:
                status = 0
                kinds[type(e).__name__] = kinds.get(type(e).__name__, 0) + 1
                if writer is not None:
                    writer.close()
                reader = writer = None
            latencies.append(time.perf_counter() - started)
            if status == 0 or status >= 400:
                errors += 1
            if think:
                await asyncio.sleep(think)
        if writer is not None:
            writer.close()

    cpu_before = processes.sample()
    client_before = time.process_time()
    began = time.monotonic()
    await asyncio.gather(*(client(i) for i in range(clients)))
    elapsed = time.monotonic() - began
    client_cpu = time.process_time() - client_before
    spent = CpuSpent.between(cpu_before, processes.sample())
    if kinds:
        print(f"<!-- {name}: errors {kinds} -->", file=sys.stderr)
    return Result(name, len(latencies), errors, elapsed, latencies, client_cpu, spent)


def run(scenario: Coroutine[Any, Any, Result]) -> Result:
    """Run on uvloop when it is installed (as the server does), else asyncio's loop."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(scenario)
    return uvloop.run(scenario)


WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("filmpark-wrk %d %d %d %.1f %.1f %.1f\\n",
    summary.requests, summary.duration,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def wrk_cross_check(
    port: int,
    processes: Processes,
    path: str,
    token: str,
    clients: int,
    seconds: float,
    folder: Path,
) -> str | None:
    """The same read measured by ``wrk`` (one thread), or None when wrk is not installed."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return None
    script = folder / "report.lua"
    script.write_text(WRK_SCRIPT)
    cpu_before = processes.sample()
    completed = subprocess.run(
        [
            wrk,
            "-t1",
            f"-c{clients}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            f"{round(REQUEST_TIMEOUT)}s",
            "-s",
            str(script),
            "-H",
            f"Authorization: Bearer {token}",
            "-H",
            "Accept: application/json",
            f"http://{HOST}:{port}{path}",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=False,
    )
    spent = CpuSpent.between(cpu_before, processes.sample())
    found = re.search(
        r"filmpark-wrk (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+)", completed.stdout
    )
    if found is None:
        return f"wrk gave no report: {completed.stdout[-300:]} {completed.stderr[-300:]}"
    requests, micros, errors = (int(found.group(i)) for i in (1, 2, 3))
    p50, p95, p99 = (float(found.group(i)) for i in (4, 5, 6))
    per = max(1, requests)
    database = (
        ""
        if spent.database is None
        else f", PostgreSQL CPU {spent.database / per * 1e6:.0f} µs/req"
    )
    return (
        f"wrk -t1 -c{clients} on {path.rsplit('/', 1)[-1]}: {requests} requests, "
        f"{requests / (micros / 1e6):,.0f} req/s, p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"p99 {p99:.1f} ms, {errors} errors, server CPU {spent.server / per * 1e6:.0f} µs/req "
        f"({'/'.join(map(str, spent.split))} % per worker)"
        f"{database}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument(
        "--postgres", metavar="URL", help="PostgreSQL server to create a database on"
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="seconds each client waits between its requests (0: back to back, the worst case)",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="server processes (filmpark serve --workers)"
    )
    parser.add_argument(
        "--only",
        default="",
        help="scenarios to run, in this order: project,schedule,budget,decision,create",
    )
    parser.add_argument("--no-wrk", action="store_true", help="skip the wrk cross-check")
    args = parser.parse_args()
    clients = max(1, min(args.clients, 200))
    seconds = max(1.0, min(args.seconds, 120.0))
    workers = max(1, min(args.workers, 16))
    think = max(0.0, args.think)
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    with (
        tempfile.TemporaryDirectory(prefix="filmpark-bench-") as folder,
        contextlib.nullcontext(None)
        if not args.postgres
        else postgres_database(args.postgres) as pg_url,
    ):
        backend = "postgresql" if pg_url else "sqlite"
        with server(pg_url, Path(folder), workers) as (port, group):
            processes = Processes(group, make_url(pg_url).database if pg_url else None)
            token, project = prepare(f"http://{HOST}:{port}")
            load = os.getloadavg()
            print(
                f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on "
                f"{os.cpu_count()} cores; filmpark serve --workers {workers}; {clients} clients"
            )
            print(TABLE_HEAD)
            failed = 0
            chosen = scenarios(token, project)
            if wanted:  # in the order asked for
                chosen = sorted(
                    (s for s in chosen if s[0] in wanted), key=lambda s: wanted.index(s[0])
                )
            for _key, name, request in chosen:
                result = run(run_scenario(port, processes, name, request, clients, seconds, think))
                print(result.row(backend, workers, clients, think), flush=True)
                failed += result.errors
            if not args.no_wrk and think == 0 and (not wanted or "schedule" in wanted):
                line = wrk_cross_check(
                    port,
                    processes,
                    f"/api/v1/projects/{project}/schedule",
                    token,
                    clients,
                    seconds,
                    Path(folder),
                )
                print(line or "wrk is not installed: the cross-check with wrk is skipped")
            print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            if failed:
                log_tail = (Path(folder) / "server.log").read_text(errors="replace")[-3000:]
                print(f"<!-- server log:\n{log_tail}\n-->", file=sys.stderr)


if __name__ == "__main__":
    main()
