"""Load on the platform API: concurrent clients on loopback, read and write routes.

Starts ``uvicorn filmpark.asgi:app`` in a subprocess on 127.0.0.1 (a fresh data directory;
SQLite, or a fresh PostgreSQL database when ``--postgres URL`` is given), prepares one
production (an account, a project, the example screenplay, a solved schedule), then runs
``--clients`` concurrent clients for ``--seconds`` per scenario (each waiting ``--think``
seconds between its requests, like a person reading a page; 0 sends them back to back) and prints throughput,
p50/p95/p99 latency and errors as a Markdown table.

    .venv/bin/python benchmarks/api_load.py --clients 50 --seconds 10
    .venv/bin/python benchmarks/api_load.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

Only loopback is ever contacted, and every scenario stops after its time and request bound.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "pho-at-dawn.fountain"
PASSWORD = "benchmark password 1"
HOST = "127.0.0.1"  # loopback only
MAX_REQUESTS_PER_SCENARIO = 200_000


@dataclass
class Result:
    scenario: str
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    def row(self, backend: str, clients: int, think: float) -> str:
        ordered = sorted(self.latencies) or [0.0]

        def pct(p: float) -> float:
            return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000

        return (
            f"| {backend} | {self.scenario} | {clients} | {think:g} | {self.requests} | "
            f"{self.requests / self.seconds:,.0f} | {statistics.median(ordered) * 1000:.1f} | "
            f"{pct(0.95):.1f} | {pct(0.99):.1f} | {self.errors} |"
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
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


@contextmanager
def server(database_url: str | None, data_dir: Path) -> Iterator[tuple[str, int]]:
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
            "-m",
            "uvicorn",
            "filmpark.asgi:app",
            "--host",
            HOST,
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start; see {data_dir / 'server.log'}")
            time.sleep(0.2)
        yield base, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def prepare(base: str) -> tuple[dict[str, str], str]:
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
        return headers, project


Call = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


async def run_scenario(
    base: str, name: str, call: Call, clients: int, seconds: float, think: float = 0.0
) -> Result:
    latencies: list[float] = []
    errors = 0
    kinds: dict[str, int] = {}
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def worker(index: int) -> None:
            nonlocal errors
            n = 0
            if think:
                # People do not click in step: spread the clients' first requests.
                await asyncio.sleep(think * index / clients)
            while time.monotonic() < stop_at and len(latencies) < MAX_REQUESTS_PER_SCENARIO:
                started = time.perf_counter()
                try:
                    response = await call(client, index * 1_000_000 + n)
                    ok = response.status_code < 400
                    if not ok:
                        kinds[str(response.status_code)] = (
                            kinds.get(str(response.status_code), 0) + 1
                        )
                except httpx.HTTPError as error:
                    ok = False
                    kinds[type(error).__name__] = kinds.get(type(error).__name__, 0) + 1
                latencies.append(time.perf_counter() - started)
                if not ok:
                    errors += 1
                n += 1
                if think:
                    await asyncio.sleep(think)

        began = time.monotonic()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        elapsed = time.monotonic() - began
    if kinds:
        print(f"<!-- {name}: errors {kinds} -->", file=sys.stderr)
    return Result(name, len(latencies), errors, elapsed, latencies)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_cpu_per_request(base: str, pid: int, path: str, headers: dict[str, str]) -> float:
    """Milliseconds of server CPU per request, from 300 requests one after another.

    Unlike latency, CPU time hardly depends on what else the machine is running.
    """
    with httpx.Client(base_url=base, timeout=30) as client:
        for _ in range(20):
            client.get(path, headers=headers)
        before = cpu_seconds(pid)
        for _ in range(300):
            client.get(path, headers=headers).raise_for_status()
        return (cpu_seconds(pid) - before) / 300 * 1000


def scenarios(headers: dict[str, str], project: str) -> list[tuple[str, Call]]:
    p = f"/api/v1/projects/{project}"

    def get(path: str) -> Call:
        return lambda c, _n: c.get(path, headers=headers)

    def decide(c: httpx.AsyncClient, n: int) -> Awaitable[httpx.Response]:
        body = {
            "decisions": [{"action": "add", "scene": "1", "category": "props", "name": f"prop {n}"}]
        }
        return c.post(f"{p}/breakdown/decisions", json=body, headers=headers)

    def create(c: httpx.AsyncClient, n: int) -> Awaitable[httpx.Response]:
        return c.post("/api/v1/projects", json={"title": f"Project {n}"}, headers=headers)

    return [
        ("read: GET project", get(p)),
        ("read: GET schedule (Schedule.1)", get(f"{p}/schedule")),
        ("read: GET budget", get(f"{p}/budget")),
        ("write: POST breakdown decision", decide),
        ("write: POST project", create),
    ]


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
    args = parser.parse_args()
    clients = max(1, min(args.clients, 200))
    seconds = max(1.0, min(args.seconds, 120.0))
    with (
        tempfile.TemporaryDirectory(prefix="filmpark-bench-") as folder,
        contextmanager(lambda: (yield None))()
        if not args.postgres
        else postgres_database(args.postgres) as pg_url,
    ):
        backend = "postgresql" if pg_url else "sqlite"
        with server(pg_url, Path(folder)) as (base, pid):
            headers, project = prepare(base)
            load = os.getloadavg()[0]
            print(f"load average at start: {load:.1f} on {os.cpu_count()} cores")
            for label, path in (
                ("GET project", f"/api/v1/projects/{project}"),
                ("GET schedule", f"/api/v1/projects/{project}/schedule"),
            ):
                used = server_cpu_per_request(base, pid, path, headers)
                print(f"server CPU per request, {label}: {used:.2f} ms")
            print(
                "| database | scenario | clients | think s | requests | req/s "
                "| p50 ms | p95 ms | p99 ms | errors |"
            )
            print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            failed = 0
            for name, call in scenarios(headers, project):
                result = asyncio.run(
                    run_scenario(base, name, call, clients, seconds, max(0.0, args.think))
                )
                print(result.row(backend, clients, args.think), flush=True)
                failed += result.errors
            if failed:
                log_tail = (Path(folder) / "server.log").read_text(errors="replace")[-3000:]
                print(f"<!-- server log:\n{log_tail}\n-->", file=sys.stderr)


if __name__ == "__main__":
    main()
