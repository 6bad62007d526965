"""The pages in a real browser (Debian's Chromium driven by Playwright), as a production uses them.

A producer registers, creates a project, uploads the example screenplay, reviews the breakdown
with the keyboard, makes a schedule, drags a strip to another day and sees the day out of days
and the costs follow, switches to Vietnamese, costs the schedule and downloads the whole book; a
stranger cannot open the project; a stale stripboard and an expired sign-in lose nothing; a move
that would break a hard rule is refused with the rule named; a PDF screenplay uploads.
Screenshots of every main page land in ``tests/artifacts/screenshots/``.

Which strip moves the rules allow depends on the schedule the optimiser found, so the tests ask
the platform first (:func:`tests.web.conftest.trial_move`, rolled back) and drag a strip the
platform accepts; a refused move is shown with a screenplay made so that the move must fail.
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

from filmpark.documents.screenplay_pdf import render_screenplay_pdf
from filmpark.screenplay import read
from filmpark.web.session import SESSION_COOKIE, SessionData
from tests.services.builders import a_script_with_two_long_scenes
from tests.web.conftest import REPO_ROOT, LiveServer, trial_move

# Every wait is on the condition the next step needs: a page whose script listens (data-ready),
# a new schedule version shown by a ready page (not the notice the old page shows on its way
# out), a job's state, a kept change reported sent. A re-run (twice at most) is only a safety
# net for a machine so saturated that a wait runs out; a failure that repeats still fails.
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
    wait_for_job(page, f"{BOARD_READY} .strip", "#solve-message")


# The stripboard once its script handles drags, keys and clicks. A new version's page shows its
# number while it is still loading; waiting for the number alone let a drag, a key or a click
# land before the page listened for it, and the wait for the next version ran out.
BOARD_READY = '#board-root[data-ready="true"]'


def wait_for_version(page: Page, version: int) -> None:
    """Wait for the stripboard of schedule ``version``, ready to be used."""
    page.wait_for_selector(f'{BOARD_READY}[data-version="{version}"]')


WORK = {"SW", "W", "WF", "SWF", "WD", "PW", "SWD", "PWF"}


def works(code: str) -> bool:
    """Whether a day-out-of-days cell (``SW``, ``F/SW``, ``H``…) is a day of work."""
    return code in WORK or any(part in WORK for part in code.split("/"))


def dood_codes(page: Page, project: str) -> dict[str, tuple[str, dict[int, str]]]:
    """Each performer's cast id and code on each shoot day of the day out of days."""
    page.goto(f"/projects/{project}/dood")
    rows: dict[str, tuple[str, dict[int, str]]] = {}
    for row in page.query_selector_all("#dood tbody tr[data-cast]"):
        cast_id = row.get_attribute("data-cast-id") or ""
        days = {
            int(cell.get_attribute("data-day") or 0): cell.inner_text().strip()
            for cell in row.query_selector_all("td[data-day]")
        }
        rows[row.get_attribute("data-cast") or ""] = (cast_id, days)
    return rows


def scheduled_example(page: Page, name: str, title: str) -> tuple[str, str]:
    """A new account ``name`` with a project ``title``, the example uploaded and optimised:
    the account's email and the project id."""
    email = register(page, name)
    project = create_project(page, title)
    upload_example(page, project)
    make_schedule(page, project)
    return email, project


def board_scenes(page: Page) -> dict[int, list[str]]:
    """The scenes of each shoot day as the stripboard shows them, in order."""
    return {
        int(day.get_attribute("data-day") or 0): [
            strip.get_attribute("data-scene") or "" for strip in day.query_selector_all(".strip")
        ]
        for day in page.query_selector_all("ol.day")
    }


def first_accepted(
    server: LiveServer, email: str, project: str, candidates: list[tuple[str, int, int | None]]
) -> tuple[str, int, int | None]:
    """The first (scene, day, position) move the platform accepts now."""
    for scene, day, position in candidates:
        if trial_move(server, email, project, scene=scene, day=day, position=position) is None:
            return scene, day, position
    raise AssertionError(f"the platform refuses all {len(candidates)} candidate moves")


def a_move_the_dood_shows(
    page: Page,
    server: LiveServer,
    email: str,
    project: str,
    rows: dict[str, tuple[str, dict[int, str]]],
) -> tuple[str, str, int]:
    """A performer, a scene of theirs and a day they do not work that the scene can move to."""
    scenes = board_scenes(page)
    candidates: list[tuple[str, int, int | None]] = []
    owner: dict[tuple[str, int], str] = {}
    for name, (cast_id, days) in rows.items():
        free = [day for day, code in days.items() if not works(code)]
        for day, code in days.items():
            if not works(code):
                continue
            for scene in scenes.get(day, []):
                ids = page.locator(f'.strip[data-scene="{scene}"] .cast').get_attribute("data-ids")
                if cast_id not in (ids or "").split():
                    continue
                for target in free:
                    candidates.append((scene, target, None))
                    owner.setdefault((scene, target), name)
    scene, target, _ = first_accepted(server, email, project, candidates)
    return owner[(scene, target)], scene, target


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
    email = register(page)
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
    # A performer who does not work every day: drag one of their scenes onto a day they do not
    # work, one the rules allow (the platform is asked first).
    page.goto(f"/projects/{project}/stripboard")
    version = schedule_version(page)
    assert page.locator("ol.day").count() >= 2
    name, scene, to_day = a_move_the_dood_shows(page, live_server, email, project, before)
    strip = page.locator(f'.strip[data-scene="{scene}"]')
    # Both days on screen at once (a person scrolls while dragging; the harness cannot).
    page.set_viewport_size({"width": 1366, "height": 3000})
    strip.drag_to(page.locator(f'ol.day[data-day="{to_day}"]'))
    wait_for_version(page, version + 1)
    page.set_viewport_size({"width": 1366, "height": 768})
    moved = page.locator(f'.strip[data-scene="{scene}"]')
    assert moved.get_attribute("data-day") == str(to_day)
    # The move is costed: the figures are this version's, term by term, and the budget follows.
    figures = page.locator("dl.metrics").inner_text()
    assert "Edited by hand" in figures
    assert "Cost at the last optimisation" not in figures
    assert page.locator("dl.metrics dt", has_text="Budget total").count() == 1
    assert page.locator("#cost-terms tbody tr").count() >= 5
    shot(page, "06b-stripboard-after-a-hand-move")
    after = dood_codes(page, project)
    assert not works(before[name][1][to_day])
    assert works(after[name][1][to_day])
    assert set(after) == set(before)
    shot(page, "07b-day-out-of-days-after-a-hand-move")

    # Vietnamese, chosen from the page and remembered.
    page.goto(f"/projects/{project}/stripboard")
    page.select_option("#language-select", "vi")
    page.wait_for_selector("html[lang=vi]")
    assert page.locator("h1").inner_text() == "Bảng dải cảnh"
    assert "Chi phí ở lần tối ưu gần nhất" not in page.locator("dl.metrics").inner_text()
    shot(page, "08-stripboard-vi")
    page.goto(f"/projects/{project}/dood")
    assert re.search(r"\d{2}/\d{2}/\d{4}", page.locator("#dood thead").inner_text())
    shot(page, "09-day-out-of-days-vi")
    page.goto(f"/projects/{project}/one-liner")
    shot(page, "10-one-liner-vi")

    # The budget of the schedule, in dong as Vietnamese readers write them: the hand move
    # already costed the current version; costing it again makes the next budget version.
    page.goto(f"/projects/{project}/stripboard")
    current = schedule_version(page)
    page.goto(f"/projects/{project}/budget")
    sheet = page.locator("#top-sheet")
    assert sheet.get_attribute("data-schedule-version") == str(current)
    budget = int(sheet.get_attribute("data-version") or 0)
    page.click("button[data-job-start]")
    wait_for_job(page, f'#top-sheet[data-version="{budget + 1}"]', ".job-message")
    assert page.locator("#top-sheet").get_attribute("data-schedule-version") == str(current)
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
    email, project = scheduled_example(page, "Minh Lê", "Two Tabs")
    other = page.context.new_page()
    other.set_viewport_size({"width": 1366, "height": 3000})
    other.goto(f"/projects/{project}/stripboard")
    version = schedule_version(page)
    # The other tab moves a strip first (one the rules allow).
    scenes = board_scenes(other)
    scene, day, _ = first_accepted(
        live_server,
        email,
        project,
        [(s, d, None) for s in scenes[1] for d in sorted(scenes) if d != 1],
    )
    other.locator(f'.strip[data-scene="{scene}"]').drag_to(
        other.locator(f'ol.day[data-day="{day}"]')
    )
    wait_for_version(other, version + 1)
    moved_by_other = other.locator(f'ol.day[data-day="{day}"] .strip').all_inner_texts()
    # This tab still shows the old version; its move is refused and it reloads the current one.
    page.set_viewport_size({"width": 1366, "height": 3000})
    page.locator(f'ol.day[data-day="{day}"] .strip').first.drag_to(page.locator("ol.day").nth(0))
    # The refused page says so, then shows the current version with a notice.
    wait_for_version(page, version + 1)
    assert "Nothing was overwritten" in page.locator(".flash.warn").inner_text()
    assert page.locator(f'ol.day[data-day="{day}"] .strip').all_inner_texts() == moved_by_other
    page.set_viewport_size({"width": 1366, "height": 768})
    shot(page, "17-stale-stripboard")


def test_a_decision_made_after_the_sign_in_expired_is_kept_and_sent_after_signing_in(
    page: Page, live_server: LiveServer, example_present: None
) -> None:
    email = register(page, "Hà Phạm")
    project = create_project(page, "Late Night Review")
    upload_example(page, project)
    page.goto(f"/projects/{project}/breakdown?scene=3")
    # The review listens for keys once its script has run, not when the tags are on screen.
    page.wait_for_selector('#review[data-ready="true"] #tags .tag-item')
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
    page.wait_for_selector("text=the change you were making is kept")
    shot(page, "18-signin-after-expiry")
    sign_in(page, email)
    # Back on the review, the kept decision is sent, the page reloads and says so.
    page.wait_for_url(f"**/projects/{project}/breakdown?scene=3")
    page.wait_for_selector("#live-status.ok >> text=has been sent")
    assert page.locator(f'#tags .tag-item[data-name="{name}"]').get_attribute("data-status") == (
        "accepted"
    )


def test_a_strip_moves_by_keyboard_is_locked_and_the_move_is_undone(
    page: Page, live_server: LiveServer, example_present: None
) -> None:
    email, project = scheduled_example(page, "Tuấn Võ", "Keyboard Board")
    version = schedule_version(page)
    # A strip the rules let go to the top of the next day.
    scenes = board_scenes(page)
    scene, day, _ = first_accepted(
        live_server,
        email,
        project,
        [(s, d + 1, 0) for d in sorted(scenes) if d + 1 in scenes for s in scenes[d]],
    )
    from_day = day - 1
    start = scenes[from_day].index(scene)
    # Space picks it up, the arrow keys carry it past the end of its day, Enter drops it.
    page.locator(f'.strip[data-scene="{scene}"]').focus()
    page.keyboard.press("Space")
    for _ in range(len(scenes[from_day]) - start):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for_version(page, version + 1)
    moved = page.locator(f'.strip[data-scene="{scene}"]')
    assert moved.get_attribute("data-day") == str(day)
    assert moved.get_attribute("data-position") == "0"
    assert "Edited by hand" in page.locator(".metrics").inner_text()
    # The lock keeps it on its new day.
    moved.locator("button.lock").click()
    wait_for_version(page, version + 2)
    assert page.locator(f'.strip[data-scene="{scene}"]').get_attribute("data-locked") == "true"
    shot(page, "19-stripboard-locked-strip")
    # Undo takes back the last move of this person: the lock.
    page.click("#undo-button")
    wait_for_version(page, version + 3)
    assert page.locator(f'.strip[data-scene="{scene}"]').get_attribute("data-locked") == "false"
    # And again: the strip goes back to its day and place.
    page.click("#undo-button")
    wait_for_version(page, version + 4)
    back = page.locator(f'.strip[data-scene="{scene}"]')
    assert back.get_attribute("data-day") == str(from_day)
    assert back.get_attribute("data-position") == str(start)


def test_re_optimising_keeps_a_locked_strip_where_a_person_put_it(
    page: Page, live_server: LiveServer, example_present: None
) -> None:
    email, project = scheduled_example(page, "Đạo Diễn", "Locked Strip")
    version = schedule_version(page)
    # A strip of the first day dragged to a later day the rules allow, the latest first.
    scenes = board_scenes(page)
    scene, day, _ = first_accepted(
        live_server,
        email,
        project,
        [(s, d, None) for d in sorted(scenes, reverse=True) if d != 1 for s in scenes[1]],
    )
    page.set_viewport_size({"width": 1366, "height": 3000})
    page.locator(f'.strip[data-scene="{scene}"]').drag_to(page.locator(f'ol.day[data-day="{day}"]'))
    wait_for_version(page, version + 1)
    page.set_viewport_size({"width": 1366, "height": 768})
    landed = page.locator(f'.strip[data-scene="{scene}"]').get_attribute("data-day")
    assert landed == str(day)
    # A lock holds a strip to its shoot date (day numbers may shift around it).
    landed_on = page.locator(f'.strip[data-scene="{scene}"]').get_attribute("data-date")
    page.locator(f'.strip[data-scene="{scene}"] button.lock').click()
    wait_for_version(page, version + 2)
    page.click("#solve-button")
    page.wait_for_selector("#solve-progress:not([hidden])")
    shot(page, "20a-stripboard-re-optimising")
    page.wait_for_selector(
        f'{BOARD_READY}[data-version="{version + 3}"], #solve-message[data-state="failed"]',
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


def keyboard_slots(scenes: dict[int, list[str]], held: str) -> list[tuple[int, int]]:
    """The (day, position) slots the keyboard walks through while ``held`` is carried."""
    return [
        (day, position)
        for day in sorted(scenes)
        for position in range(len([s for s in scenes[day] if s != held]) + 1)
    ]


def test_a_move_that_would_break_a_hard_rule_is_refused_with_the_rule_named(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    register(page, "Quỳnh Hồ")
    project = create_project(page, "Hai Ngày Dài")
    screenplay = tmp_path / "hai-ngay-dai.fountain"
    screenplay.write_text(a_script_with_two_long_scenes(), "utf-8")
    page.goto(f"/projects/{project}/scripts")
    page.set_input_files("#script-file", str(screenplay))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector("text=Revision 1 (White) stored")
    make_schedule(page, project)
    version = schedule_version(page)
    scenes = board_scenes(page)
    origin = next(day for day, on in scenes.items() if "1" in on)
    target = next(day for day, on in scenes.items() if "2" in on)
    # Both long scenes on one day: longer than the longest shooting day the rules allow.
    page.set_viewport_size({"width": 1366, "height": 3000})
    page.locator('.strip[data-scene="1"]').drag_to(page.locator(f'ol.day[data-day="{target}"]'))
    refusal = page.locator("#move-refused")
    refusal.wait_for(state="visible")
    message = refusal.locator(".refusal-message").inner_text()
    assert message.startswith(f"Scene 1 (LAN) cannot move to day {target} ("), message
    assert message.endswith("The stripboard is unchanged.")
    rules = refusal.locator(".refusal-rules li").all_inner_texts()
    assert any("min allowed" in rule for rule in rules), rules
    strip = page.locator('.strip[data-scene="1"]')
    assert strip.get_attribute("data-day") == str(origin)
    assert "refused" in (strip.get_attribute("class") or "").split()
    assert schedule_version(page) == version
    page.set_viewport_size({"width": 1366, "height": 768})
    refusal.scroll_into_view_if_needed()
    shot(page, "21-stripboard-move-refused")
    page.reload()
    assert schedule_version(page) == version

    # In Vietnamese, by keyboard: the carried strip goes back where it was.
    page.select_option("#language-select", "vi")
    page.wait_for_selector(f"html[lang=vi] {BOARD_READY}")
    slots = keyboard_slots(scenes, "1")
    start = slots.index((origin, scenes[origin].index("1")))
    steps = slots.index((target, 0)) - start
    page.locator('.strip[data-scene="1"]').focus()
    page.keyboard.press("Space")
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    page.keyboard.press("Enter")
    refusal.wait_for(state="visible")
    message = refusal.locator(".refusal-message").inner_text()
    assert message.startswith(f"Không thể chuyển cảnh 1 (LAN) sang ngày {target} ("), message
    assert refusal.locator(".refusal-rules li").count() == len(rules)
    assert board_scenes(page) == scenes
    assert schedule_version(page) == version
    shot(page, "21b-stripboard-move-refused-vi")


def test_a_pdf_screenplay_uploads_in_the_browser_and_reads_with_its_scenes(
    page: Page, live_server: LiveServer, example_present: None, tmp_path: Path
) -> None:
    register(page, "Thảo Lý")
    project = create_project(page, "Bản PDF")
    # The example screenplay set in the industry layout by the project's own PDF renderer.
    original = read(EXAMPLE.read_bytes(), EXAMPLE.name)
    pdf = tmp_path / "pho-at-dawn.pdf"
    pdf.write_bytes(render_screenplay_pdf(original))
    page.goto(f"/projects/{project}/scripts")
    page.set_input_files("#script-file", str(pdf))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector(f"text=Revision 1 (White) stored: {len(original.scenes)} scenes.")
    page.click("text=Read revision 1")
    page.wait_for_selector("article.script")
    headings = page.locator("article.script .scene-heading span:nth-child(2)").all_inner_texts()
    assert headings == [scene.heading.text for scene in original.scenes]
    numbers = page.locator("article.script .scene-heading .scene-no:first-child").all_inner_texts()
    assert numbers == [scene.number.text for scene in original.scenes]
    shot(page, "22-script-read-from-a-pdf")
    page.goto(f"/projects/{project}/breakdown?scene=1")
    page.wait_for_selector("#tags .tag-item")
    assert page.locator("mark.tag").count() > 0
