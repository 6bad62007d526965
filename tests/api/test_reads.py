"""The hot reads: a project, its schedule and its budget, with ETags, cached bodies and no leaks.

Schedule and budget bodies are built once per process and sent again as stored bytes; these
tests hold that to the same promises as any other read: the body is the version asked for,
a new version shows at once, a removed member loses access at once (a 304 included), and a
stranger learns nothing even with a current ETag.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from filmpark.api.cache import BodyCache, JsonBody, etag_matches
from tests.api.clients import Platform, a_project, add_member, auth, signed_in


def store_version(platform: Platform, project_id: str, version: int, marker: str) -> None:
    """A schedule version and its budget, written as the jobs write them."""
    with platform.database.transaction() as tx:
        tx.schedules.add(
            project_id=project_id,
            version=version,
            source="solver",
            document={"schema": "Schedule.1", "days": [], "marker": marker},
            config={},
            revision_id=None,
            job_id=None,
            created_by=None,
        )
        tx.budgets.add(
            project_id=project_id,
            version=version,
            schedule_version=version,
            document={"schema": "Budget.1", "total": "0", "marker": marker},
            job_id=None,
            created_by=None,
        )


def document_of(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    return dict(body["schedule" if kind == "schedule" else "budget"])


@pytest.mark.parametrize("kind", ["schedule", "budget"])
def test_a_version_carries_a_strong_etag_and_a_matching_if_none_match_gets_a_bare_304(
    platform: Platform, kind: str
) -> None:
    client = platform.client
    owner = signed_in(client)
    project_id = a_project(client, owner)
    store_version(platform, project_id, 1, "first")
    url = f"/api/v1/projects/{project_id}/{kind}"

    first = client.get(url, headers=auth(owner))
    assert first.status_code == 200, first.text
    assert first.headers["content-type"] == "application/json"
    assert first.headers["cache-control"] == "private, no-cache"
    etag = first.headers["etag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag), etag
    assert first.json()["version"] == 1
    assert document_of(kind, first.json())["marker"] == "first"
    again = client.get(url, headers=auth(owner))
    assert (again.headers["etag"], again.content) == (etag, first.content)

    for sent in (etag, f"W/{etag}", f'"something else", {etag}', "*"):
        unchanged = client.get(url, headers={**auth(owner), "If-None-Match": sent})
        assert unchanged.status_code == 304, sent
        assert unchanged.content == b""
        assert unchanged.headers["etag"] == etag
        assert unchanged.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in unchanged.headers["content-security-policy"]
    other = client.get(url, headers={**auth(owner), "If-None-Match": '"not-the-tag"'})
    assert other.status_code == 200
    assert other.content == first.content

    # A new version is what the next read sends, whatever the client holds.
    store_version(platform, project_id, 2, "second")
    newer = client.get(url, headers={**auth(owner), "If-None-Match": etag})
    assert newer.status_code == 200
    assert newer.json()["version"] == 2
    assert document_of(kind, newer.json())["marker"] == "second"
    assert newer.headers["etag"] != etag
    older = client.get(f"{url}?version=1", headers=auth(owner))
    assert older.json()["version"] == 1
    assert (older.headers["etag"], older.content) == (etag, first.content)
    missing = client.get(f"{url}?version=3", headers=auth(owner))
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_the_cached_body_is_the_stored_version_as_the_schema_describes_it(
    platform: Platform,
) -> None:
    client = platform.client
    owner = signed_in(client)
    project_id = a_project(client, owner)
    store_version(platform, project_id, 1, "Phở lúc bình minh")
    for _ in range(2):  # built, then sent from the cache
        body = client.get(f"/api/v1/projects/{project_id}/schedule", headers=auth(owner)).json()
        assert set(body) == {"version", "source", "revision_id", "created_at", "schedule"}
        assert (body["version"], body["source"], body["revision_id"]) == (1, "solver", None)
        assert body["schedule"] == {
            "schema": "Schedule.1",
            "days": [],
            "marker": "Phở lúc bình minh",
        }
        budget = client.get(f"/api/v1/projects/{project_id}/budget", headers=auth(owner)).json()
        assert set(budget) == {"version", "schedule_version", "created_at", "budget"}
        assert budget["schedule_version"] == 1


def test_a_member_removed_from_a_project_loses_its_project_schedule_and_budget_at_once(
    platform: Platform,
) -> None:
    client = platform.client
    owner = signed_in(client)
    member = signed_in(client, "Minh Trần")
    project_id = a_project(client, owner)
    store_version(platform, project_id, 1, "first")
    add_member(client, owner, project_id, member, "crew")
    urls = [
        f"/api/v1/projects/{project_id}",
        f"/api/v1/projects/{project_id}/schedule",
        f"/api/v1/projects/{project_id}/budget",
    ]
    tags = {}
    for url in urls:
        seen = client.get(url, headers=auth(member))
        assert seen.status_code == 200, seen.text
        tags[url] = seen.headers["etag"]
        held = client.get(url, headers={**auth(member), "If-None-Match": tags[url]})
        assert held.status_code == 304

    member_id = client.get("/api/v1/me", headers=auth(member)).json()["id"]
    removed = client.delete(
        f"/api/v1/projects/{project_id}/members/{member_id}", headers=auth(owner)
    )
    assert removed.status_code == 204, removed.text
    for url in urls:
        gone = client.get(url, headers=auth(member))
        assert gone.status_code == 404, (url, gone.text)
        assert gone.json()["error"]["message"] == "no such project"
        # A tag the person still holds proves nothing any more: 404, not 304.
        held = client.get(url, headers={**auth(member), "If-None-Match": tags[url]})
        assert held.status_code == 404, url
        assert "etag" not in held.headers
        assert client.get(url, headers=auth(owner)).status_code == 200


def test_a_stranger_with_a_current_etag_learns_nothing(platform: Platform) -> None:
    client = platform.client
    owner = signed_in(client)
    stranger = signed_in(client, "Người Lạ")
    project_id = a_project(client, owner)
    store_version(platform, project_id, 1, "first")
    for kind in ("schedule", "budget"):
        url = f"/api/v1/projects/{project_id}/{kind}"
        etag = client.get(url, headers=auth(owner)).headers["etag"]
        refused = client.get(url, headers={**auth(stranger), "If-None-Match": etag})
        assert refused.status_code == 404
        assert refused.json()["error"]["message"] == "no such project"
        assert client.get(url).status_code == 401


def test_a_member_of_a_project_without_a_schedule_gets_404_naming_it(platform: Platform) -> None:
    client = platform.client
    owner = signed_in(client)
    project_id = a_project(client, owner)
    for kind, message in (("schedule", "no schedule yet"), ("budget", "no budget yet")):
        missing = client.get(f"/api/v1/projects/{project_id}/{kind}", headers=auth(owner))
        assert missing.status_code == 404
        assert missing.json()["error"]["message"] == message


def test_a_project_read_names_the_readers_role_and_permissions(platform: Platform) -> None:
    client = platform.client
    owner = signed_in(client)
    investor = signed_in(client, "Nhà Đầu Tư")
    project_id = a_project(client, owner, "Mùa hè")
    add_member(client, owner, project_id, investor, "investor")
    seen = client.get(f"/api/v1/projects/{project_id}", headers=auth(investor)).json()
    assert (seen["id"], seen["title"], seen["role"]) == (project_id, "Mùa hè", "investor")
    assert "view_schedule" in seen["permissions"]
    assert "view_script" not in seen["permissions"]
    mine = client.get(f"/api/v1/projects/{project_id}", headers=auth(owner)).json()
    assert mine["role"] == "owner"
    assert "manage_members" in mine["permissions"]


@pytest.mark.parametrize(
    "platform", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_read_outlives_the_database_closing_every_connection(platform: Platform) -> None:
    """A server restart drops pooled connections; the next read asks again on a fresh one."""
    from sqlalchemy import text

    client = platform.client
    owner = signed_in(client)
    project_id = a_project(client, owner)
    store_version(platform, project_id, 1, "first")
    urls = [f"/api/v1/projects/{project_id}", f"/api/v1/projects/{project_id}/schedule"]
    for url in urls:
        assert client.get(url, headers=auth(owner)).status_code == 200
    with platform.database.engine.connect() as admin:
        admin.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    for url in urls:
        again = client.get(url, headers=auth(owner))
        assert again.status_code == 200, again.text


def test_the_body_cache_drops_the_least_recently_used_beyond_its_bounds() -> None:
    cache = BodyCache(max_bytes=10, max_items=3)
    a, b, c, d = (JsonBody.of(x.encode() * 3) for x in "abcd")
    for key, body in (("a", a), ("b", b), ("c", c)):
        assert cache.put(("schedule", key), body) is body
    assert cache.get(("schedule", "a")) is a  # now the most recently used
    cache.put(("schedule", "d"), d)  # 12 bytes would be over 10: the least recently used goes
    assert [cache.get(("schedule", k)) for k in "abcd"] == [a, None, c, d]
    assert len(cache) == 3
    huge = JsonBody.of(b"x" * 11)  # larger than the whole cache: sent, never kept
    assert cache.put(("schedule", "huge"), huge) is huge
    assert cache.get(("schedule", "huge")) is None
    assert len(cache) == 3

    few = BodyCache(max_bytes=1000, max_items=2)
    for key in "xyz":
        few.put(("budget", key), JsonBody.of(key.encode()))
    assert few.get(("budget", "x")) is None
    assert few.get(("budget", "z")) is not None
    assert few.get(("schedule", "z")) is None  # keys of one kind never answer for another


def test_if_none_match_is_compared_weakly_and_accepts_a_list_or_a_star() -> None:
    tag = JsonBody.of(b"{}").etag
    assert tag != JsonBody.of(b"[]").etag
    assert etag_matches(tag, tag)
    assert etag_matches(f"W/{tag}", tag)
    assert etag_matches(f'"a", "b",{tag}', tag)
    assert etag_matches("*", tag)
    assert not etag_matches(None, tag)
    assert not etag_matches("", tag)
    assert not etag_matches('"a", "b"', tag)


def test_single_statement_reads_hold_no_transaction_on_a_waiting_connection(
    platform: Platform,
) -> None:
    """One SELECT is its own snapshot: no BEGIN around it, and on SQLite a busy file waits."""
    database = platform.database
    with database.statements.connect() as connection:
        assert connection.exec_driver_sql("SELECT 1").scalar() == 1
        raw: Any = connection.connection.dbapi_connection
        if database.kind == "sqlite":
            assert not raw.in_transaction
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        else:
            assert raw.autocommit is True
