"""``filmpark serve`` and ``filmpark project``: the platform's commands on a real data directory."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from filmpark.cli.app import app
from filmpark.config import load_settings
from filmpark.services import accounts
from filmpark.store import Database
from tests.store.databases import BACKENDS, postgres_database

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(data_dir: Path, *options: str, wait: float = 60) -> Iterator[tuple[str, int]]:
    """``filmpark serve`` with ``options`` on a free loopback port and a data directory of its
    own (SQLite, inline jobs); yields its base URL and pid once /healthz answers 200, and stops
    the whole process group after."""
    port = _free_port()
    env = {**os.environ, "FILMPARK_DATA_DIR": str(data_dir)}
    for key in ("FILMPARK_DATABASE_URL", "FILMPARK_BROKER_URL"):
        env.pop(key, None)
    command = [sys.executable, "-c", "from filmpark.cli.app import main; main()", "serve"]
    process = subprocess.Popen(
        [*command, "--port", str(port), *options],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None, f"filmpark serve {' '.join(options)} stopped"
            assert time.monotonic() < deadline, f"filmpark serve {' '.join(options)} did not answer"
            time.sleep(0.3)
        yield base, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_serve_answers_health_and_openapi_on_loopback(tmp_path: Path) -> None:
    with serving(tmp_path) as (base, _pid):
        health = httpx.get(f"{base}/healthz", timeout=2)
        assert health.json() == {"status": "ok", "database": "sqlite", "jobs": "inline"}
        schema = httpx.get(f"{base}/openapi.json", timeout=5).json()
        assert "/api/v1/projects/{project_id}/scripts" in schema["paths"]
        assert (tmp_path / "filmpark.db").is_file()


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def test_serve_with_two_workers_on_sqlite_runs_two_processes_that_share_the_data(
    tmp_path: Path,
) -> None:
    with serving(tmp_path, "--workers", "2", "--no-access-log", wait=90) as (base, pid):
        deadline = time.monotonic() + 90
        # uvicorn's supervisor starts the two server processes as children of one process.
        while len(servers := [c for c in _children(pid) if _is_spawned(c)]) < 2:
            assert time.monotonic() < deadline, f"server processes: {servers}"
            time.sleep(0.3)
        assert len(servers) == 2
        email = "lan@example.vn"
        account = {"email": email, "password": "password 123", "name": "Lan"}
        assert httpx.post(f"{base}/api/v1/auth/register", json=account).status_code == 201
        created: list[str] = []
        # Fresh connections land on either process: every write is seen by every read.
        for n in range(12):
            token = httpx.post(
                f"{base}/api/v1/auth/login", json={"email": email, "password": "password 123"}
            ).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            made = httpx.post(f"{base}/api/v1/projects", json={"title": f"P{n}"}, headers=headers)
            assert made.status_code == 201, made.text
            created.append(made.json()["id"])
            listed = httpx.get(f"{base}/api/v1/projects", headers=headers).json()
            assert {p["id"] for p in listed} == set(created)


def _is_spawned(pid: int) -> bool:
    try:
        return "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()
    except OSError:
        return False


MIGRATE_AT = """
import sys, time
from filmpark.store import Database
database = Database(sys.argv[1])
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
database.migrate()
"""


@pytest.mark.parametrize("kind", BACKENDS)
def test_processes_starting_together_on_a_new_database_all_find_it_migrated(
    kind: str, tmp_path: Path
) -> None:
    with (
        postgres_database()
        if kind == "postgresql"
        else nullcontext(f"sqlite:///{tmp_path / 'filmpark.db'}") as url
    ):
        start = time.time() + 4  # every process imported and waiting, then all at once
        racers = [
            subprocess.Popen(
                [sys.executable, "-c", MIGRATE_AT, url, str(start)],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        errors = [r.communicate(timeout=120)[1] for r in racers]
        assert [r.returncode for r in racers] == [0, 0, 0, 0], errors
        database = Database(url)
        try:
            with database.transaction(readonly=True) as tx:
                assert tx.users.by_email("nobody@example.vn") is None
        finally:
            database.dispose()


def test_the_project_command_works_through_the_same_services(tmp_path: Path) -> None:
    env = {"FILMPARK_DATA_DIR": str(tmp_path)}
    settings = load_settings(env)
    database = Database(settings.database_url)
    database.migrate()
    with database.transaction() as tx:
        accounts.register(tx, "lan@example.vn", "password 123", "Lan")
        accounts.register(tx, "minh@example.vn", "password 123", "Minh")
    database.dispose()
    runner = CliRunner()
    clean = {"FILMPARK_DATABASE_URL": "", "FILMPARK_BROKER_URL": "", **env}
    created = runner.invoke(
        app, ["project", "create", "Phở lúc bình minh", "--as", "lan@example.vn"], env=clean
    )
    assert created.exit_code == 0, created.output
    project_id = created.output.strip()
    added = runner.invoke(
        app,
        ["project", "add-member", project_id, "minh@example.vn", "crew", "--as", "lan@example.vn"],
        env=clean,
    )
    assert added.exit_code == 0, added.output
    assert "crew" in added.output
    uploaded = runner.invoke(
        app,
        [
            "project",
            "upload",
            project_id,
            str(REPO / "examples" / "pho-at-dawn.fountain"),
            "--as",
            "lan@example.vn",
        ],
        env=clean,
    )
    assert uploaded.exit_code == 0, uploaded.output
    assert "revision 1 (White)" in uploaded.output
    listed = runner.invoke(app, ["project", "list", "--as", "minh@example.vn", "--json"], env=clean)
    assert '"role": "crew"' in listed.output
    refused = runner.invoke(
        app,
        [
            "project",
            "upload",
            project_id,
            str(REPO / "examples" / "pho-at-dawn.fountain"),
            "--as",
            "minh@example.vn",
        ],
        env=clean,
    )
    assert refused.exit_code != 0
