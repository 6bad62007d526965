"""The authorisation matrix: every project route × every role, a stranger and no token.

The expected statuses are written out here, apart from the permission table of the services,
so a change to either that breaks the promise shows up: a stranger gets 404 everywhere (a
project's existence never leaks), an investor never gets script text or breakdown evidence
(403), and nobody without a token gets anything but 401.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.api.clients import Platform, a_project, add_member, auth, signed_in, upload
from tests.api.test_workflow import wait_for_job

ROLES = ("owner", "producer", "assistant_director", "crew", "viewer", "investor")
ALL = dict.fromkeys(ROLES, 200)


def only(status: int, *roles: str) -> dict[str, int]:
    return {role: (status if role in roles else 403) for role in ROLES}


def all_but_investor(status: int = 200) -> dict[str, int]:
    return {role: (403 if role == "investor" else status) for role in ROLES}


@dataclass
class World:
    platform: Platform
    project_id: str
    people: dict[str, dict[str, str]]
    script_id: str
    job_id: str

    def version(self) -> int:
        found = self.platform.client.get(
            f"/api/v1/projects/{self.project_id}/schedule", headers=auth(self.people["owner"])
        )
        return int(found.json()["version"])

    def fresh_member(self) -> str:
        person = signed_in(self.platform.client, "Target Person")
        add_member(self.platform.client, self.people["owner"], self.project_id, person, "crew")
        me = self.platform.client.get("/api/v1/me", headers=auth(person)).json()
        return str(me["id"])


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: Callable[[World], str]
    expected: dict[str, int]
    body: Callable[[World], dict[str, Any]] | None = None
    upload: bool = False


def p(suffix: str = "") -> Callable[[World], str]:
    return lambda w: f"/api/v1/projects/{w.project_id}{suffix}"


CASES = [
    Case("get project", "GET", p(), ALL),
    Case("list members", "GET", p("/members"), ALL),
    Case(
        "add member",
        "POST",
        p("/members"),
        only(201, "owner", "producer"),
        body=lambda w: {"email": w.people["target"]["X-Email"], "role": "viewer"},
    ),
    Case(
        "change role",
        "PATCH",
        lambda w: f"/api/v1/projects/{w.project_id}/members/{w.fresh_member()}",
        only(200, "owner", "producer"),
        body=lambda w: {"role": "viewer"},
    ),
    Case(
        "remove member",
        "DELETE",
        lambda w: f"/api/v1/projects/{w.project_id}/members/{w.fresh_member()}",
        only(204, "owner", "producer"),
    ),
    Case("audit log", "GET", p("/audit"), only(200, "owner", "producer")),
    Case(
        "upload script",
        "POST",
        p("/scripts"),
        only(201, "owner", "producer", "assistant_director"),
        upload=True,
    ),
    Case("list scripts", "GET", p("/scripts"), ALL),
    Case("read script", "GET", lambda w: p(f"/scripts/{w.script_id}")(w), all_but_investor()),
    Case("read breakdown", "GET", p("/breakdown"), all_but_investor()),
    Case("read decisions", "GET", p("/breakdown/decisions"), all_but_investor()),
    Case(
        "record decision",
        "POST",
        p("/breakdown/decisions"),
        only(201, "owner", "producer", "assistant_director"),
        body=lambda w: {
            "decisions": [
                {"action": "reject", "scene": "2", "category": "extras", "name": "TOURISTS"}
            ]
        },
    ),
    Case(
        "request schedule",
        "POST",
        lambda w: p("/schedules?time_limit=1")(w),
        only(202, "owner", "producer", "assistant_director"),
        body=lambda w: {},
    ),
    Case("list schedules", "GET", p("/schedules"), ALL),
    Case("read schedule", "GET", p("/schedule"), ALL),
    Case(
        "move strip",
        "POST",
        p("/schedule/moves"),
        only(201, "owner", "producer", "assistant_director"),
        body=lambda w: {"expected_version": w.version(), "scene": "1", "day": 1},
    ),
    Case("read job", "GET", lambda w: f"/api/v1/jobs/{w.job_id}", ALL),
    Case("build budget", "POST", p("/budgets"), only(202, "owner", "producer"), body=lambda w: {}),
    Case("read budget", "GET", p("/budget"), ALL),
    Case(
        "render book",
        "POST",
        p("/documents"),
        only(202, "owner", "producer", "assistant_director"),
        body=lambda w: {"locale": "vi"},
    ),
    Case("list documents", "GET", p("/documents"), all_but_investor()),
    Case("read document", "GET", p("/documents/index.html"), all_but_investor()),
    Case("read AI ledger", "GET", p("/ai-ledger"), ALL),
    Case("read AI disclosure", "GET", p("/ai-ledger/disclosure"), ALL),
]


@pytest.fixture(scope="module")
def world(platform: Platform) -> World:
    client = platform.client
    owner = signed_in(client, "Owner Person")
    project_id = a_project(client, owner, f"Matrix {uuid.uuid4().hex[:6]}")
    people = {"owner": owner}
    for role in ROLES[1:]:
        people[role] = signed_in(client, f"{role} person")
        add_member(client, owner, project_id, people[role], role)
    people["stranger"] = signed_in(client, "Stranger Person")
    people["target"] = signed_in(client, "Target Person")
    uploaded = upload(client, owner, project_id)
    assert uploaded.status_code == 201
    solve = client.post(
        f"/api/v1/projects/{project_id}/schedules?time_limit=1", json={}, headers=auth(owner)
    )
    assert wait_for_job(client, owner, solve.json()["job_id"])["state"] == "succeeded"
    book = client.post(f"/api/v1/projects/{project_id}/documents", json={}, headers=auth(owner))
    assert wait_for_job(client, owner, book.json()["job_id"])["state"] == "succeeded"
    return World(platform, project_id, people, uploaded.json()["id"], solve.json()["job_id"])


def _call(world: World, case: Case, headers: dict[str, str]) -> Any:
    client = world.platform.client
    path = case.path(world)
    if case.upload:
        return client.post(
            path,
            files={"file": ("s.fountain", b"INT. ROOM - DAY\n\nLAN waits.\n", "text/plain")},
            headers=headers,
        )
    body = case.body(world) if case.body else None
    response = client.request(case.method, path, json=body, headers=headers)
    # Solve jobs queued by earlier cases finish in the background and add schedule versions,
    # so a body naming the current version can go stale in flight: re-read it, as a client
    # that gets a 409 does (the conflict itself is tested in test_workflow).
    for _ in range(5):
        if response.status_code != 409 or case.body is None:
            break
        time.sleep(0.5)
        response = client.request(case.method, path, json=case.body(world), headers=headers)
    return response


@pytest.mark.parametrize("who", [*ROLES, "stranger", "anonymous"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_route_answers_each_role_as_promised(world: World, case: Case, who: str) -> None:
    if who == "anonymous":
        expected, headers = 401, {}
    elif who == "stranger":
        expected, headers = 404, auth(world.people["stranger"])
    else:
        expected, headers = case.expected[who], auth(world.people[who])
    response = _call(world, case, headers)
    assert response.status_code == expected, f"{case.name} as {who}: {response.text[:300]}"
    if expected >= 400:
        assert "error" in response.json()
    if who == "investor" and expected == 403:
        assert "INT." not in response.text
        assert "LAN" not in response.text


def test_a_strangers_404_reads_like_a_missing_project(world: World) -> None:
    client = world.platform.client
    stranger = auth(world.people["stranger"])
    hidden = client.get(f"/api/v1/projects/{world.project_id}/budget", headers=stranger)
    missing = client.get(f"/api/v1/projects/{'0' * 32}/budget", headers=stranger)
    assert hidden.json() == missing.json()
