"""The pages in a real browser (Debian's Chromium driven by Playwright), as a production uses them.

A producer registers, creates a project, uploads the example screenplay, reviews the breakdown
with the keyboard, makes a schedule, drags a strip to another day and sees the day out of days
follow, switches to Vietnamese, costs the schedule and downloads the whole book; a stranger
cannot open the project; a stale stripboard and an expired sign-in lose nothing.
Screenshots of every main page land in ``tests/artifacts/screenshots/``.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from filmpark.web.session import SESSION_COOKIE, SessionData
from tests.web.conftest import REPO_ROOT, LiveServer

# A real browser against a server on a busy 2-core machine: a wait can run out when the
# machine is saturated by the rest of the suite. Such a failure is re-run (twice at most)
# rather than hidden; a failure that repeats still fails the run.
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.flaky(reruns=2, reruns_delay=2)]

SCREENSHOTS = REPO_ROOT / "tests" / "artifacts" / "screenshots"
EXAMPLE = REPO_ROOT / "examples" / "pho-at-dawn.fountain"
PASSWORD = "correct horse battery"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
JOB_TIMEOUT_MS = 240_000


def _required() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("FILMPARK_REQUIRE_SERVICES") == "1"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        if _required():
            pytest.fail(
                "Debian's chromium is required for the browser tests (apt-get install chromium)"
            )
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1366, "height": 768}, accept_downloads=True
    )
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def register(page: Page, name: str = "Lan Nguyễn") -> str:
    email = f"person-{uuid.uuid4().hex[:10]}@example.com"
    page.goto("/register")
    page.fill("#name", name)
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/projects")
    return email


def sign_in(page: Page, email: str) -> None:
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")


def create_project(page: Page, title: str) -> str:
    page.goto("/projects")
    page.fill("#title", title)
    page.click("text=Create project")
    page.wait_for_url(re.compile(r".*/projects/[0-9a-f]+$"))
    return str(page.url).rsplit("/", 1)[1]


def upload_example(page: Page, project: str) -> None:
    page.goto(f"/projects/{project}/scripts")
    page.set_input_files("#script-file", str(EXAMPLE))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector("text=Revision 1 (White) stored")


def wait_for_job(page: Page, done: str, message: str) -> None:
    """Wait until ``done`` shows, failing with the job's own words if it failed instead."""
    try:
        page.wait_for_selector(f'{done}, {message}[data-state="failed"]', timeout=JOB_TIMEOUT_MS)
    except PlaywrightTimeout:
        shown = page.locator(message).all_inner_texts()
        raise AssertionError(f"the job did not finish in time; the page says {shown}") from None
    if page.locator(done).count() == 0:
        raise AssertionError(f"the job failed: {page.locator(message).inner_text()}")


def make_schedule(page: Page, project: str) -> None:
    page.goto(f"/projects/{project}/stripboard")
    page.click("#solve-button")
    wait_for_job(page, ".strip", "#solve-message")


def dood_codes(page: Page, project: str) -> dict[str, list[str]]:
    """Each performer's row of the day-out-of-days: ``[cast id, code of day 1, day 2, ...]``."""
    page.goto(f"/projects/{project}/dood")
    rows: dict[str, list[str]] = {}
    for row in page.query_selector_all("#dood tbody tr[data-cast]"):
        cast_id = row.get_attribute("data-cast-id") or ""
        cells = [cell.inner_text().strip() for cell in row.query_selector_all("td")]
        rows[row.get_attribute("data-cast") or ""] = [cast_id, *cells]
    return rows


def pick_move(rows: dict[str, list[str]], days: int) -> tuple[str, int, int]:
    """A performer, a day they work and a day outside their span (both 1-based)."""
    for codes in rows.values():
        cast_id, daily = codes[0], codes[1 : days + 1]
        worked = [i + 1 for i, code in enumerate(daily) if code in ("SW", "W", "WF", "SWF")]
        free = [i + 1 for i, code in enumerate(daily) if code == ""]
        if worked and free:
            return cast_id, worked[0], free[0]
    raise AssertionError("every performer works every day: no move would show in the DOOD")


def cast_days(rows: dict[str, list[str]], days: int) -> int:
    return sum(1 for codes in rows.values() for code in codes[1 : days + 1] if code)


def schedule_version(page: Page) -> int:
    root = page.query_selector("#board-root")
    return int(root.get_attribute("data-version"))


@pytest.fixture(scope="module")
def example_present() -> None:
    if not EXAMPLE.exists():
        pytest.fail(f"the example screenplay is missing: {EXAMPLE}")


def test_a_producer_goes_from_registration_to_the_book(
    page: Page, live_server: LiveServer, example_present: None, tmp_path: Path
) -> None:
    register(page)
    shot(page, "01-projects-empty")
    project = create_project(page, "Phở at Dawn")
    shot(page, "02-project-overview")

    upload_example(page, project)
    shot(page, "03-script-revisions")
    page.click("text=Read revision 1")
    page.wait_for_selector("article.script")
    assert page.locator(".scene-heading").count() > 5
    shot(page, "04-script-read-only")

    # Breakdown review with the keyboard: j selects, a accepts, r rejects.
    page.goto(f"/projects/{project}/breakdown?scene=2")
    page.wait_for_selector("#tags .tag-item")
    assert page.locator("mark.tag").count() > 3
    page.keyboard.press("j")
    first = page.locator("#tags .tag-item").nth(0)
    first_name = first.get_attribute("data-name")
    page.keyboard.press("a")
    page.wait_for_selector("#tags .tag-item:nth-child(1) .status-accepted")
    page.keyboard.press("j")
    second_name = page.locator("#tags .tag-item").nth(1).get_attribute("data-name")
    page.keyboard.press("r")
    page.wait_for_selector("#tags .tag-item:nth-child(2) .status-rejected")
    page.locator("#tags .tag-item").nth(2).hover()
    shot(page, "05-breakdown-review")
    page.reload()
    accepted = page.locator(f'#tags .tag-item[data-name="{first_name}"]')
    assert accepted.get_attribute("data-status") == "accepted"
    rejected = page.locator(f'#tags .tag-item[data-name="{second_name}"]')
    assert rejected.get_attribute("data-status") == "rejected"

    # A schedule from the optimiser, then a strip dragged to another day.
    make_schedule(page, project)
    shot(page, "06-stripboard")
    before = dood_codes(page, project)
    shot(page, "07-day-out-of-days")
    # A performer who does not work every day: drag one of their scenes onto a day off.
    page.goto(f"/projects/{project}/stripboard")
    version = schedule_version(page)
    days = page.locator("ol.day").count()
    assert days >= 2
    performer, from_day, to_day = pick_move(before, days)
    strip = (
        page.locator(f'ol.day[data-day="{from_day}"] .strip')
        .filter(has=page.locator(f'.cast[data-ids~="{performer}"]'))
        .first
    )
    scene = strip.get_attribute("data-scene")
    # Both days on screen at once (a person scrolls while dragging; the harness cannot).
    page.set_viewport_size({"width": 1366, "height": 3000})
    strip.drag_to(page.locator(f'ol.day[data-day="{to_day}"]'))
    page.wait_for_selector(f'#board-root[data-version="{version + 1}"]')
    page.set_viewport_size({"width": 1366, "height": 768})
    moved = page.locator(f'.strip[data-scene="{scene}"]')
    assert moved.get_attribute("data-day") == str(to_day)
    page.goto(f"/projects/{project}/stripboard")
    figures = page.locator("dl.metrics").inner_text()
    assert "Edited by hand" in figures
    after = dood_codes(page, project)
    name = next(n for n in before if before[n][0] == performer)
    assert before[name][to_day] == ""
    assert after[name][to_day] in ("SW", "W", "WF", "SWF")
    assert set(after) == set(before)
    if cast_days(after, days) != cast_days(before, days):
        assert "(" in figures

    # Vietnamese, chosen from the page and remembered.
    page.goto(f"/projects/{project}/stripboard")
    page.select_option("#language-select", "vi")
    page.wait_for_selector("html[lang=vi]")
    assert page.locator("h1").inner_text() == "Bảng dải cảnh"
    shot(page, "08-stripboard-vi")
    page.goto(f"/projects/{project}/dood")
    assert re.search(r"\d{2}/\d{2}/\d{4}", page.locator("#dood thead").inner_text())
    shot(page, "09-day-out-of-days-vi")
    page.goto(f"/projects/{project}/one-liner")
    shot(page, "10-one-liner-vi")

    # The budget of the schedule, in dong as Vietnamese readers write them.
    page.goto(f"/projects/{project}/stripboard")
    current = schedule_version(page)
    page.goto(f"/projects/{project}/budget")
    page.click("button[data-job-start]")
    wait_for_job(page, f'#top-sheet[data-schedule-version="{current}"]', ".job-message")
    total = page.locator("#grand-total").inner_text()
    assert re.fullmatch(r"[\d.]+\s₫", total.replace("\xa0", " ")), total
    shot(page, "11-budget-top-sheet-vi")
    page.click("nav.tabs a:nth-child(3)")
    page.wait_for_selector("#comparison")
    shot(page, "11b-budget-comparison-vi")

    # The production book: render it and download it whole.
    page.goto(f"/projects/{project}/documents")
    page.click("button[data-job-start]")
    wait_for_job(page, "a[download]", ".job-message")
    shot(page, "12-documents-vi")
    with page.expect_download() as download_info:
        page.click("a[download]")
    saved = tmp_path / "book.zip"
    download_info.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
    assert any(name.endswith(".pdf") for name in names)
    assert any(name.endswith(".csv") for name in names)
    assert any(name.endswith(".ics") for name in names)

    page.goto(f"/projects/{project}/call-sheets")
    assert page.locator("iframe.preview").count() == 1
    shot(page, "13-call-sheet-vi")
    page.goto(f"/projects/{project}/budget/detail")
    shot(page, "13b-budget-detail-vi")
    page.goto(f"/projects/{project}/ai")
    assert page.locator("#disclosure-vi").inner_text().strip()
    shot(page, "14-ai-use-vi")
    page.goto(f"/projects/{project}/members")
    shot(page, "15-members-vi")

    # Someone else cannot even see that the project exists.
    stranger = page.context.browser.new_context(base_url=live_server.url)
    other = stranger.new_page()
    register(other, "Khoa Trần")
    response = other.goto(f"/projects/{project}/stripboard")
    assert response.status == 404
    assert "Phở at Dawn" not in other.content()
    shot(other, "16-stranger-gets-not-found")
    stranger.close()


def test_a_stale_stripboard_says_so_and_overwrites_nothing(
    page: Page, live_server: LiveServer, example_present: None
) -> None:
    register(page, "Minh Lê")
    project = create_project(page, "Two Tabs")
    upload_example(page, project)
    make_schedule(page, project)
    other = page.context.new_page()
    other.goto(f"/projects/{project}/stripboard")
    version = schedule_version(page)
    # The other tab moves a strip first.
    other.locator("ol.day").nth(0).locator(".strip").first.drag_to(other.locator("ol.day").nth(1))
    other.wait_for_selector(f'#board-root[data-version="{version + 1}"]')
    moved_by_other = other.locator("ol.day").nth(1).locator(".strip").all_inner_texts()
    # This tab still shows the old version; its move is refused and it reloads the current one.
    page.locator("ol.day").nth(1).locator(".strip").first.drag_to(page.locator("ol.day").nth(0))
    page.wait_for_selector("text=Someone else changed the schedule")
    assert schedule_version(page) == version + 1
    assert page.locator("ol.day").nth(1).locator(".strip").all_inner_texts() == moved_by_other
    shot(page, "17-stale-stripboard")


def test_a_decision_made_after_the_sign_in_expired_is_kept_and_sent_after_signing_in(
    page: Page, live_server: LiveServer, example_present: None
) -> None:
    email = register(page, "Hà Phạm")
    project = create_project(page, "Late Night Review")
    upload_example(page, project)
    page.goto(f"/projects/{project}/breakdown?scene=3")
    page.wait_for_selector("#tags .tag-item")
    name = page.locator("#tags .tag-item").nth(0).get_attribute("data-name")
    # The sign-in runs out while the page is open (same page token, expired sign-in).
    codec = live_server.app.state.filmpark_web.codec
    cookies = {c["name"]: c for c in page.context.cookies()}
    current = codec.decode(cookies[SESSION_COOKIE]["value"])
    assert current is not None
    expired = SessionData(
        csrf=current.csrf, subject=current.subject, expires_at=int(time.time()) - 5
    )
    page.context.add_cookies(
        [{"name": SESSION_COOKIE, "value": codec.encode(expired), "url": live_server.url}]
    )
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.wait_for_url("**/signin?expired=1**")
    assert page.locator("text=the change you were making is kept").count() == 1
    shot(page, "18-signin-after-expiry")
    sign_in(page, email)
    page.wait_for_url(f"**/projects/{project}/breakdown?scene=3")
    page.wait_for_selector(f'#tags .tag-item[data-name="{name}"][data-status="accepted"]')


def test_a_strip_moves_by_keyboard_is_locked_and_the_move_is_undone(
    page: Page, live_server: LiveServer, example_present: None
) -> None:
    register(page, "Tuấn Võ")
    project = create_project(page, "Keyboard Board")
    upload_example(page, project)
    make_schedule(page, project)
    version = schedule_version(page)
    strip = page.locator("ol.day").nth(0).locator(".strip").first
    scene = strip.get_attribute("data-scene")
    assert len(page.locator("ol.day").nth(0).locator(".strip").all()) >= 1
    # Space picks it up, the arrow keys carry it past the end of day 1, Enter drops it.
    strip.focus()
    page.keyboard.press("Space")
    for _ in range(page.locator("ol.day").nth(0).locator(".strip").count()):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#board-root[data-version="{version + 1}"]')
    moved = page.locator(f'.strip[data-scene="{scene}"]')
    assert moved.get_attribute("data-day") == "2"
    assert "Edited by hand" in page.locator(".metrics").inner_text()
    # The lock keeps it on day 2.
    moved.locator("button.lock").click()
    page.wait_for_selector(f'#board-root[data-version="{version + 2}"]')
    assert page.locator(f'.strip[data-scene="{scene}"]').get_attribute("data-locked") == "true"
    shot(page, "19-stripboard-locked-strip")
    # Undo takes back the last move of this person: the lock.
    page.click("#undo-button")
    page.wait_for_selector(f'#board-root[data-version="{version + 3}"]')
    assert page.locator(f'.strip[data-scene="{scene}"]').get_attribute("data-locked") == "false"
    # And again: the strip goes back to day 1.
    page.click("#undo-button")
    page.wait_for_selector(f'#board-root[data-version="{version + 4}"]')
    assert page.locator(f'.strip[data-scene="{scene}"]').get_attribute("data-day") == "1"


def test_re_optimising_keeps_a_locked_strip_where_a_person_put_it(
    page: Page, live_server: LiveServer, example_present: None
) -> None:
    register(page, "Đạo Diễn")
    project = create_project(page, "Locked Strip")
    upload_example(page, project)
    make_schedule(page, project)
    version = schedule_version(page)
    last_day = page.locator("ol.day").count()
    strip = page.locator("ol.day").nth(0).locator(".strip").first
    scene = strip.get_attribute("data-scene")
    page.set_viewport_size({"width": 1366, "height": 3000})
    strip.drag_to(page.locator(f'ol.day[data-day="{last_day}"]'))
    page.wait_for_selector(f'#board-root[data-version="{version + 1}"]')
    page.set_viewport_size({"width": 1366, "height": 768})
    landed = page.locator(f'.strip[data-scene="{scene}"]').get_attribute("data-day")
    assert landed != "1"
    # A lock holds a strip to its shoot date (day numbers may shift around it).
    landed_on = page.locator(f'.strip[data-scene="{scene}"]').get_attribute("data-date")
    page.locator(f'.strip[data-scene="{scene}"] button.lock').click()
    page.wait_for_selector(f'#board-root[data-version="{version + 2}"]')
    page.click("#solve-button")
    page.wait_for_selector("#solve-progress:not([hidden])")
    shot(page, "20a-stripboard-re-optimising")
    page.wait_for_selector(
        f'#board-root[data-version="{version + 3}"], #solve-message[data-state="failed"]',
        timeout=JOB_TIMEOUT_MS,
    )
    assert page.locator(f'#board-root[data-version="{version + 3}"]').count() == 1, page.locator(
        "#solve-message"
    ).inner_text()
    kept = page.locator(f'.strip[data-scene="{scene}"]')
    assert kept.get_attribute("data-date") == landed_on
    assert kept.get_attribute("data-locked") == "true"
    assert "Edited by hand" not in page.locator("dl.metrics").inner_text()
    shot(page, "20b-stripboard-after-re-optimising")
