"""Generated requests from ``/openapi.json`` (schemathesis): never a 5xx, always a JSON error.

Every operation is called, signed in as the owner of a real project (so project routes reach
their services, not only the 404 of an unknown id), with bounded example counts to keep the
run to a minute or two. Jobs are recorded instead of run: the fuzzing is of the API, and a
generated time limit of ten minutes must not keep the suite waiting.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from filmpark.asgi import create_app
from filmpark.store import Database
from tests.api.clients import a_project, auth, settings_for, signed_in, upload
from tests.api.testclient import TestClient


class RecordingQueue:
    kind = "inline"

    def __init__(self) -> None:
        self.sent: list[str] = []

    def dispatch(self, job_id: str) -> None:
        self.sent.append(job_id)

    def close(self) -> None:
        pass


class Target:
    def __init__(self, app: Any, headers: dict[str, str], project_id: str) -> None:
        self.app = app
        self.headers = headers
        self.project_id = project_id


def _build_target() -> tuple[Target, Database, Path]:
    """The app under test, built at collection (schemathesis reads its schema then)."""
    folder = Path(tempfile.mkdtemp(prefix="filmpark-fuzz-"))
    database = Database(f"sqlite:///{folder / 'fuzz.db'}")
    database.migrate()
    app = create_app(
        settings_for(folder / "data", database.url, login_attempts=10_000),
        database=database,
        queue=RecordingQueue(),
        pages=False,
    )
    with TestClient(app) as client:
        owner = signed_in(client, "Fuzz Owner")
        project_id = a_project(client, owner)
        assert upload(client, owner, project_id).status_code == 201
    return Target(app, auth(owner), project_id), database, folder


TARGET, _DATABASE, _FOLDER = _build_target()
schema = schemathesis.openapi.from_asgi("/openapi.json", TARGET.app)


@pytest.fixture(scope="module", autouse=True)
def _clean_up() -> Iterator[None]:
    yield
    _DATABASE.dispose()
    shutil.rmtree(_FOLDER, ignore_errors=True)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_generated_request_gets_a_server_error(case: Any) -> None:
    target = TARGET
    if case.path_parameters and "project_id" in case.path_parameters:
        case.path_parameters["project_id"] = target.project_id
    response = case.call(headers=target.headers)
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"}
        assert body["error"]["message"]
        assert "Traceback" not in response.text
