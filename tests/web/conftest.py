"""The pages on a real platform: a SQLite database in a temporary data directory."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from filmpark.asgi import create_app
from filmpark.config import load_settings
from filmpark.errors import Infeasible
from filmpark.services import schedules

REPO_ROOT = Path(__file__).resolve().parents[2]


def build_app(data_dir: Path) -> FastAPI:
    """The whole platform (API, jobs and pages) on its own data directory."""
    settings = load_settings(
        {
            "FILMPARK_DATA_DIR": str(data_dir),
            "FILMPARK_SOLVE_SECONDS": "5",
            "FILMPARK_JOB_WORKERS": "2",
        }
    )
    return create_app(settings)


class LiveServer:
    """The application served by uvicorn on 127.0.0.1 in a background thread."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    app = build_app(tmp_path_factory.mktemp("web") / "data")
    with LiveServer(app) as server:
        yield server


@pytest.fixture
def client(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        yield http


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def register(client: httpx.Client, email: str, name: str = "Lan Nguyen") -> None:
    page = client.get("/register")
    response = client.post(
        "/register",
        data={
            "csrf_token": csrf_of(page.text),
            "name": name,
            "email": email,
            "password": "correct horse battery",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def create_project(client: httpx.Client, title: str) -> str:
    page = client.get("/projects")
    response = client.post(
        "/projects",
        data={"csrf_token": csrf_of(page.text), "title": title},
        follow_redirects=False,
    )
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/projects/")
    return location.rsplit("/", 1)[1]


class _TrialOnly(Exception):
    """Raised inside a trial move so that its transaction rolls back."""


def trial_move(
    server: LiveServer,
    email: str,
    project: str,
    *,
    scene: str,
    day: int,
    position: int | None = None,
) -> Infeasible | None:
    """What the platform answers to this strip move now: None when it would accept it, else
    the Infeasible naming the rules it would break. Nothing is kept (the move is rolled back)."""
    platform = server.app.state.filmpark_platform
    try:
        with platform.database.transaction() as tx:
            user = tx.users.by_email(email)
            current = tx.schedules.get(project)
            assert user is not None
            assert current is not None
            schedules.move_strip(
                tx,
                user,
                project,
                expected_version=current.version,
                scene=scene,
                day=day,
                position=position,
                files=platform.files,
            )
            raise _TrialOnly
    except _TrialOnly:
        return None
    except Infeasible as refused:
        return refused
