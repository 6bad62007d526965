"""Builders for API tests: a running platform, signed-in people, projects with a script."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filmpark.asgi import create_app
from filmpark.config import Settings
from filmpark.jobs import InlineQueue
from filmpark.store import Database
from tests.api.testclient import TestClient
from tests.store.databases import database_for

PASSWORD = "correct horse battery staple"

SCRIPT = """Title: Mùa Hè Ở Hội An
Author: Test Writer

INT. CAFÉ HỘI AN - DAY

LAN, 30s, wipes the counter. A MOTORBIKE roars past outside.

LAN
Hôm nay vắng khách quá.

MINH (O.S.)
Chị Lan ơi!

EXT. RIVERSIDE - NIGHT

MINH carries a LANTERN along the river. Two TOURISTS take photos.

MINH
The lanterns are lit.

INT. CAFÉ HỘI AN - NIGHT

LAN counts the money from a BISCUIT TIN.
"""


@dataclass
class Platform:
    client: TestClient
    settings: Settings
    database: Database
    queue: InlineQueue


def settings_for(data_dir: Path, database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "database_url": database_url,
        "broker_url": None,
        "secret_key": "s" * 48,
        "max_upload_bytes": 2 * 1024 * 1024,
        "login_attempts": 5,
        "job_workers": 2,
    }
    values.update(overrides)
    return Settings(**values)


@contextmanager
def platform_for(kind: str, folder: Path, **overrides: Any) -> Iterator[Platform]:
    with database_for(kind, folder) as database:
        settings = settings_for(folder / "data", database.url, **overrides)
        queue = InlineQueue(database, settings)
        app = create_app(settings, database=database, queue=queue, pages=False)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield Platform(client, settings, database, queue)


def an_email(name: str = "user") -> str:
    return f"{name}-{uuid.uuid4().hex[:10]}@example.vn"


def signed_in(client: TestClient, name: str = "Lan Nguyễn") -> dict[str, str]:
    """Register a new account and return its Authorization header."""
    email = an_email(name.split()[0].lower())
    created = client.post(
        "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": name}
    )
    assert created.status_code == 201, created.text
    token = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}", "X-Email": email}


def auth(headers: dict[str, str]) -> dict[str, str]:
    return {"Authorization": headers["Authorization"]}


def a_project(client: TestClient, owner: dict[str, str], title: str = "Mùa hè") -> str:
    response = client.post("/api/v1/projects", json={"title": title}, headers=auth(owner))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def add_member(
    client: TestClient, owner: dict[str, str], project_id: str, member: dict[str, str], role: str
) -> None:
    response = client.post(
        f"/api/v1/projects/{project_id}/members",
        json={"email": member["X-Email"], "role": role},
        headers=auth(owner),
    )
    assert response.status_code == 201, response.text


def upload(
    client: TestClient,
    who: dict[str, str],
    project_id: str,
    text: str = SCRIPT,
    name: str = "mua-he.fountain",
) -> Any:
    return client.post(
        f"/api/v1/projects/{project_id}/scripts",
        files={"file": (name, text.encode("utf-8"), "text/plain")},
        headers=auth(who),
    )
