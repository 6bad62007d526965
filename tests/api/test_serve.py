"""``filmpark serve`` and ``filmpark project``: the platform's commands on a real data directory."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from filmpark.cli.app import app
from filmpark.config import load_settings
from filmpark.services import accounts
from filmpark.store import Database

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_health_and_openapi_on_loopback(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "FILMPARK_DATA_DIR": str(tmp_path)}
    for key in ("FILMPARK_DATABASE_URL", "FILMPARK_BROKER_URL"):
        env.pop(key, None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from filmpark.cli.app import main; main()",
            "serve",
            "--port",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.HTTPError:
                assert process.poll() is None, "filmpark serve stopped"
                assert time.monotonic() < deadline, "filmpark serve did not answer"
                time.sleep(0.3)
        assert health.json() == {"status": "ok", "database": "sqlite", "jobs": "inline"}
        schema = httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()
        assert "/api/v1/projects/{project_id}/scripts" in schema["paths"]
        assert (tmp_path / "filmpark.db").is_file()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


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
