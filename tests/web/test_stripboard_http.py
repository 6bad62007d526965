"""Strip moves through the pages over HTTP: re-costed, refused when they break a rule, and the
page's day out of days is the reports module's.

The screenplay (:func:`tests.services.builders.a_script_with_two_long_scenes`) makes the answer known in
advance: its two long scenes never fit into one shooting day, and a short scene can join
either day.
"""

from __future__ import annotations

import html
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from filmpark.reports.dood import dood_document
from filmpark.services import planning, schedules
from filmpark.text import Text
from filmpark.units import Money
from filmpark.web.i18n import Translator
from filmpark.web.schedule_view import cost_total
from tests.services.builders import a_script_with_two_long_scenes
from tests.web.conftest import LiveServer, create_project, csrf_of, register, trial_move
from tests.web.test_translations import english_leftovers

PASSWORD = "correct horse battery"  # the password tests.web.conftest.register gives


@dataclass
class Board:
    client: httpx.Client
    project: str
    email: str


def json_post(
    client: httpx.Client, project: str, path: str, body: dict[str, Any]
) -> httpx.Response:
    page = client.get(f"/projects/{project}/stripboard")
    return client.post(
        path,
        json=body,
        headers={"X-CSRF-Token": csrf_of(page.text), "Accept": "application/json"},
    )


def solve(client: httpx.Client, project: str) -> None:
    started = json_post(client, project, f"/projects/{project}/stripboard/solve", {})
    assert started.status_code == 202, started.text
    job = started.json()["job_id"]
    deadline = time.monotonic() + 180
    while True:
        state = client.get(f"/projects/{project}/jobs/{job}").json()
        if state["state"] in ("succeeded", "failed"):
            assert state["state"] == "succeeded", state["error"]
            return
        assert time.monotonic() < deadline, state
        time.sleep(0.3)


def stored(live_server: LiveServer, project: str) -> Any:
    database = live_server.app.state.filmpark.database
    with database.transaction(readonly=True) as tx:
        return tx.schedules.get(project)


def budgets_of(live_server: LiveServer, project: str) -> list[int | None]:
    database = live_server.app.state.filmpark.database
    with database.transaction(readonly=True) as tx:
        newest = tx.budgets.latest_number(project)
        return [tx.budgets.get(project, v).schedule_version for v in range(1, newest + 1)]


def day_of(document: dict[str, Any], scene: str) -> int:
    for number, day in enumerate(document["days"], start=1):
        if scene in day["scenes"]:
            return number
    raise AssertionError(f"scene {scene} is on no day")


def move(board: Board, scene: str, day: int, version: int, **extra: Any) -> httpx.Response:
    return json_post(
        board.client,
        board.project,
        f"/projects/{board.project}/stripboard/moves",
        {"scene": scene, "day": day, "expected_version": version, **extra},
    )


def ensure_moved(board: Board, live_server: LiveServer) -> None:
    """Make the current version a hand move (the short scene 4 to the other day) if it is not."""
    current = stored(live_server, board.project)
    if current.source != "human":
        moved = move(board, "4", 3 - day_of(current.document, "4"), current.version)
        assert moved.status_code == 200, moved.text


@pytest.fixture(scope="module")
def board(live_server: LiveServer) -> Iterator[Board]:
    """A project with the two-long-scenes screenplay, optimised (version 1)."""
    with httpx.Client(base_url=live_server.url, timeout=60) as client:
        email = f"board-{uuid.uuid4().hex[:8]}@example.com"
        register(client, email)
        project = create_project(client, "Hai Ngày Dài")
        page = client.get(f"/projects/{project}/scripts")
        uploaded = client.post(
            f"/projects/{project}/scripts",
            data={"csrf_token": csrf_of(page.text)},
            files={
                "file": (
                    "hai-ngay-dai.fountain",
                    a_script_with_two_long_scenes().encode(),
                    "text/plain",
                )
            },
            follow_redirects=True,
        )
        assert uploaded.status_code == 200
        solve(client, project)
        document = stored(live_server, project).document
        assert len(document["days"]) == 2, document["days"]
        yield Board(client, project, email)


def dood_table(page: str) -> dict[str, Any]:
    """The day-out-of-days table of the page: dates, and each performer's codes and totals."""
    table = re.search(r'<table class="data dood" id="dood".*?</table>', page, flags=re.S)
    assert table, "the page shows no day out of days"
    head = re.search(r"<thead>.*?</thead>", table.group(0), flags=re.S)
    assert head
    dates = re.findall(r'<th scope="col" data-date="([0-9-]+)"', head.group(0))
    performers = {}
    for name, cast_id, cells in re.findall(
        r'<tr data-cast="([^"]*)" data-cast-id="(\d+)">(.*?)</tr>', table.group(0), flags=re.S
    ):
        codes = [
            html.unescape(c) for c in re.findall(r'<td class="code[^"]*"[^>]*>([^<]*)</td>', cells)
        ]
        totals = {
            key: value or text
            for key, value, text in re.findall(
                r'data-total="(\w+)"(?: data-value="([^"]*)")?>([^<]*)<', cells
            )
        }
        performers[html.unescape(name)] = {"id": int(cast_id), "codes": codes, "totals": totals}
    return {"dates": dates, "performers": performers}


def the_reports_dood(live_server: LiveServer, project: str) -> dict[str, Any]:
    """The reports module's day out of days of the stored version, computed afresh."""
    platform = live_server.app.state.filmpark_platform
    with platform.database.transaction(readonly=True) as tx:
        version = tx.schedules.get(project)
        inputs = schedules.plan_inputs(tx, platform.files, project, version)
    plan = planning.arranged_plan(inputs, version.document)
    return dood_document(plan.dood)


def test_a_strip_moved_by_hand_is_re_costed_and_the_page_shows_the_new_cost_terms(
    board: Board, live_server: LiveServer
) -> None:
    before = stored(live_server, board.project)
    short_day = day_of(before.document, "4")
    other = 2 if short_day == 1 else 1
    moved = move(board, "4", other, before.version)
    assert moved.status_code == 200, moved.text
    after = stored(live_server, board.project)
    assert after.version == before.version + 1
    assert day_of(after.document, "4") == other
    assert after.document["edited"] is True
    assert after.document["recosted"] is True
    assert budgets_of(live_server, board.project)[-1] == after.version

    page = board.client.get(f"/projects/{board.project}/stripboard").text
    assert "Edited by hand" in page
    assert "Cost at the last optimisation" not in page
    total = cost_total(after.document)
    assert isinstance(total, Money)
    assert f"<dt>Cost</dt><dd>{Translator('en').money(total)}" in html.unescape(page)
    terms = re.search(r'<table class="data terms" id="cost-terms">.*?</table>', page, flags=re.S)
    assert terms, "the page shows no cost terms"
    shown = dict(
        re.findall(r'<th scope="row">([^<]+)</th><td class="num">([\d,]+)</td>', terms.group(0))
    )
    counts = {t["name"]: t["count"] for t in after.document["cost_terms"]}
    assert shown["Shoot days"] == str(counts["shoot_days"])
    assert shown["Cast on paid hold (days)"] == str(counts["cast_hold"])
    assert "Budget total</dt>" in page


def test_the_pages_day_out_of_days_after_a_hand_move_is_the_reports_modules(
    board: Board, live_server: LiveServer
) -> None:
    ensure_moved(board, live_server)
    shown = dood_table(board.client.get(f"/projects/{board.project}/dood").text)
    expected = the_reports_dood(live_server, board.project)
    assert shown["dates"] == expected["dates"]
    assert set(shown["performers"]) == {p["name"] for p in expected["performers"]}
    for performer in expected["performers"]:
        row = shown["performers"][performer["name"]]
        assert row["id"] == performer["id"]
        assert row["codes"] == performer["codes"], performer["name"]
        for key, value in performer["totals"].items():
            assert row["totals"][key] == ("" if value is None else str(value)), (
                performer["name"],
                key,
            )


def test_a_move_that_breaks_a_rule_is_refused_naming_the_rule_and_changes_nothing(
    board: Board, live_server: LiveServer
) -> None:
    before = stored(live_server, board.project)
    budgets_before = budgets_of(live_server, board.project)
    target = day_of(before.document, "2")
    refused = move(board, "1", target, before.version)
    assert refused.status_code == 422, refused.text
    error = refused.json()["error"]
    assert error["code"] == "RuleBroken"
    assert error["message"].startswith(f"Scene 1 (LAN) cannot move to day {target} (")
    assert "The stripboard is unchanged." in error["message"]
    date = before.document["days"][target - 1]["date"]
    assert any(date in rule and "min allowed" in rule for rule in error["rules"]), error
    after = stored(live_server, board.project)
    assert after.version == before.version
    assert after.document == before.document
    assert budgets_of(live_server, board.project) == budgets_before

    # The same move through the API is refused with the same rules.
    token = board.client.post(
        "/api/v1/auth/login", json={"email": board.email, "password": PASSWORD}
    ).json()["access_token"]
    api = board.client.post(
        f"/api/v1/projects/{board.project}/schedule/moves",
        json={"expected_version": before.version, "scene": "1", "day": target},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert api.status_code == 422, api.text
    assert api.json()["error"]["code"] == "infeasible"
    assert api.json()["error"]["reasons"] == error["rules"]


def test_a_refused_move_reads_in_vietnamese(board: Board, live_server: LiveServer) -> None:
    before = stored(live_server, board.project)
    target = day_of(before.document, "2")
    board.client.cookies.set("filmpark_lang", "vi")
    try:
        refused = move(board, "1", target, before.version)
    finally:
        board.client.cookies.set("filmpark_lang", "en")
    assert refused.status_code == 422, refused.text
    error = refused.json()["error"]
    assert error["message"].startswith(f"Không thể chuyển cảnh 1 (LAN) sang ngày {target} (")
    assert "Bảng dải cảnh giữ nguyên." in error["message"]
    # Each rule in the engine's own words, as the engine words it for a Vietnamese reader.
    engine = trial_move(live_server, board.email, board.project, scene="1", day=target)
    assert engine is not None
    assert error["rules"] == engine.localized_reasons("vi")
    for reason, shown in zip(engine.reasons, error["rules"], strict=True):
        if isinstance(reason, Text):
            assert shown != str(reason), "an engine rule was shown in English"


def test_a_locked_strip_is_not_moved_and_the_page_names_its_day(
    board: Board, live_server: LiveServer
) -> None:
    current = stored(live_server, board.project)
    day = day_of(current.document, "3")
    locked = move(board, "3", day, current.version, lock=True)
    assert locked.status_code == 200, locked.text
    version = current.version + 1
    refused = move(board, "3", 3 - day, version)
    assert refused.status_code == 409, refused.text
    error = refused.json()["error"]
    assert error["code"] == "Locked"
    assert error["message"].startswith("Scene 3 is locked to ")
    assert stored(live_server, board.project).version == version


def test_the_stripboard_and_day_out_of_days_after_a_move_show_no_english_in_vietnamese(
    board: Board, live_server: LiveServer
) -> None:
    ensure_moved(board, live_server)
    board.client.cookies.set("filmpark_lang", "vi")
    try:
        for path in ("stripboard", "dood"):
            page = board.client.get(f"/projects/{board.project}/{path}")
            assert page.status_code == 200
            assert '<html lang="vi">' in page.text
            assert english_leftovers(page.text) == [], path
        dood = board.client.get(f"/projects/{board.project}/dood").text
        assert "Thử phục trang" in dood
        assert "Ngày trả công" in dood
    finally:
        board.client.cookies.set("filmpark_lang", "en")
