"""The pages over HTTP: sign-in, CSRF, permissions, uploads, languages, double submits."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from tests.conftest import shared_path
from tests.web.conftest import LiveServer, create_project, csrf_of, register

FOUNTAIN = (
    b"Title: Small Test\n\n"
    b"INT. KITCHEN - DAY\n\nLAN stirs the broth.\n\nLAN\nReady?\n\n"
    b"EXT. STREET - NIGHT\n\nA motorbike roars past. MINH waits.\n"
)


def unique_email(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}@example.com"


def flashes(html: str) -> list[str]:
    return re.findall(r'<p class="flash [a-z]+"[^>]*>([^<]*)</p>', html)


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client: httpx.Client) -> None:
    response = client.get("/projects")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/signin?next=/projects")


def test_the_session_cookie_is_http_only_and_same_site_lax(client: httpx.Client) -> None:
    response = client.get("/signin")
    cookie = response.headers["set-cookie"]
    assert "filmpark_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "SameSite=Lax" in cookie


def test_a_form_without_the_csrf_token_is_refused_and_nothing_is_created(
    client: httpx.Client,
) -> None:
    register(client, unique_email("csrf"))
    response = client.post("/projects", data={"title": "Forged"})
    assert response.status_code == 403
    assert "Forged" not in client.get("/projects").text


def test_a_double_submitted_form_creates_one_project(client: httpx.Client) -> None:
    register(client, unique_email("double"))
    page = client.get("/projects")
    form = {"csrf_token": csrf_of(page.text), "title": "Only Once", "idempotency_key": "k" * 16}
    first = client.post("/projects", data=form)
    second = client.post("/projects", data=form)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    assert client.get("/projects").text.count("Only Once") == 1


def test_a_wrong_file_type_is_refused_with_a_clear_message_and_nothing_is_stored(
    client: httpx.Client,
) -> None:
    register(client, unique_email("upload"))
    project = create_project(client, "Wrong Files")
    page = client.get(f"/projects/{project}/scripts")
    response = client.post(
        f"/projects/{project}/scripts",
        data={"csrf_token": csrf_of(page.text)},
        files={"file": ("holiday.png", b"\x89PNG\r\n\x1a\n....", "image/png")},
        follow_redirects=True,
    )
    assert any("not a screenplay file" in text for text in flashes(response.text))
    assert "No script yet." in response.text


def test_a_disguised_binary_file_is_refused_by_its_content(client: httpx.Client) -> None:
    register(client, unique_email("disguise"))
    project = create_project(client, "Disguised")
    page = client.get(f"/projects/{project}/scripts")
    response = client.post(
        f"/projects/{project}/scripts",
        data={"csrf_token": csrf_of(page.text)},
        files={"file": ("script.fountain", b"PK\x03\x04zipped", "text/plain")},
        follow_redirects=True,
    )
    assert any("was not stored" in text for text in flashes(response.text))
    assert "No script yet." in response.text


def test_someone_who_is_not_a_member_gets_not_found_for_a_project(
    client: httpx.Client, live_server: object
) -> None:
    register(client, unique_email("owner"))
    project = create_project(client, "Secret Film")
    with httpx.Client(base_url=client.base_url, timeout=30) as stranger:
        register(stranger, unique_email("stranger"))
        for path in ("", "/members", "/scripts", "/settings"):
            response = stranger.get(f"/projects/{project}{path}")
            assert response.status_code == 404, path
            assert "Secret Film" not in response.text


def test_switching_to_vietnamese_is_remembered_for_the_account(client: httpx.Client) -> None:
    email = unique_email("viet")
    register(client, email)
    page = client.get("/projects")
    client.post(
        "/language",
        data={"csrf_token": csrf_of(page.text), "language": "vi", "next": "/projects"},
    )
    assert 'lang="vi"' in client.get("/projects").text
    with httpx.Client(base_url=client.base_url, timeout=30) as other_browser:
        signin = other_browser.get("/signin")
        other_browser.post(
            "/signin",
            data={
                "csrf_token": csrf_of(signin.text),
                "email": email,
                "password": "correct horse battery",
                "next": "/projects",
            },
        )
        assert 'lang="vi"' in other_browser.get("/projects").text


def test_a_wrong_password_is_refused_with_a_message_and_no_session(
    client: httpx.Client,
) -> None:
    email = unique_email("wrong")
    register(client, email)
    client.post("/signout", data={"csrf_token": csrf_of(client.get("/projects").text)})
    page = client.get("/signin")
    response = client.post(
        "/signin",
        data={"csrf_token": csrf_of(page.text), "email": email, "password": "not it at all"},
    )
    assert response.status_code == 401
    assert "Wrong email or password." in flashes(response.text)
    assert client.get("/projects").status_code == 303


def test_a_sign_in_link_cannot_send_the_reader_to_another_site(client: httpx.Client) -> None:
    email = unique_email("next")
    register(client, email)
    client.post("/signout", data={"csrf_token": csrf_of(client.get("/projects").text)})
    page = client.get("/signin?next=//evil.example/")
    response = client.post(
        "/signin",
        data={
            "csrf_token": csrf_of(page.text),
            "email": email,
            "password": "correct horse battery",
            "next": "//evil.example/",
        },
    )
    assert response.headers["location"] == "/projects"


def upload(client: httpx.Client, project: str, name: str = "draft.fountain") -> httpx.Response:
    page = client.get(f"/projects/{project}/scripts")
    return client.post(
        f"/projects/{project}/scripts",
        data={"csrf_token": csrf_of(page.text)},
        files={"file": (name, FOUNTAIN, "text/plain")},
        follow_redirects=True,
    )


def add_member(client: httpx.Client, project: str, email: str, role: str) -> httpx.Response:
    page = client.get(f"/projects/{project}/members")
    return client.post(
        f"/projects/{project}/members",
        data={"csrf_token": csrf_of(page.text), "email": email, "role": role},
        follow_redirects=True,
    )


def test_an_investor_sees_the_project_but_never_the_script_or_the_breakdown(
    client: httpx.Client,
) -> None:
    register(client, unique_email("owner"))
    project = create_project(client, "Pitch Only")
    assert "Revision 1 (White) stored" in " ".join(flashes(upload(client, project).text))
    revision = re.findall(
        rf'href="/projects/{project}/scripts/([0-9a-f]+)"',
        client.get(f"/projects/{project}/scripts").text,
    )[0]
    investor_email = unique_email("investor")
    with httpx.Client(base_url=client.base_url, timeout=30) as investor:
        register(investor, investor_email, name="Vốn Đầu Tư")
        added = add_member(client, project, investor_email, "investor")
        assert "added to the project" in " ".join(flashes(added.text))
        overview = investor.get(f"/projects/{project}")
        assert overview.status_code == 200
        assert f"/projects/{project}/breakdown" not in overview.text
        assert investor.get(f"/projects/{project}/scripts/{revision}").status_code == 403
        assert investor.get(f"/projects/{project}/scripts/{revision}/file").status_code == 403
        assert investor.get(f"/projects/{project}/breakdown").status_code == 403
        assert "LAN stirs the broth" not in investor.get(f"/projects/{project}/scripts").text


def decide(client: httpx.Client, project: str, *decisions: dict[str, object]) -> httpx.Response:
    page = client.get(f"/projects/{project}/breakdown")
    return client.post(
        f"/projects/{project}/breakdown/decisions",
        json={"decisions": list(decisions)},
        headers={"X-CSRF-Token": csrf_of(page.text), "Accept": "application/json"},
    )


def test_people_edit_and_add_breakdown_elements_and_the_page_shows_them(
    client: httpx.Client,
) -> None:
    register(client, unique_email("ad"))
    project = create_project(client, "Edits")
    upload(client, project)
    added = decide(
        client,
        project,
        {"action": "add", "scene": "2", "category": "vehicles", "name": "cyclo", "quantity": 2},
    )
    assert added.status_code == 200, added.text
    assert added.json()["statuses"][0]["status"] == "added"
    scene = client.get(f"/projects/{project}/breakdown?scene=2").text
    assert 'data-name="cyclo"' in scene
    assert 'data-status="added"' in scene


def test_a_decision_without_the_csrf_header_is_refused(client: httpx.Client) -> None:
    register(client, unique_email("nocsrf"))
    project = create_project(client, "No Token")
    upload(client, project)
    response = client.post(
        f"/projects/{project}/breakdown/decisions",
        json={"decisions": [{"action": "add", "scene": "1", "category": "props", "name": "x"}]},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf"


def test_a_malformed_decision_gets_a_message_naming_the_problem(client: httpx.Client) -> None:
    register(client, unique_email("bad"))
    project = create_project(client, "Bad Decisions")
    upload(client, project)
    response = decide(client, project, {"action": "explode", "scene": "1", "name": "x"})
    assert response.status_code == 422
    assert "action" in response.json()["error"]["message"]


def test_a_form_sent_after_the_sign_in_expired_is_kept_and_sent_after_signing_in(
    client: httpx.Client, live_server: object
) -> None:
    from filmpark.web.session import SESSION_COOKIE, SessionData

    email = unique_email("kept")
    register(client, email)
    project = create_project(client, "Old Title")
    settings_page = client.get(f"/projects/{project}/settings")
    token = csrf_of(settings_page.text)
    codec = live_server.app.state.filmpark_web.codec  # type: ignore[attr-defined]
    current = codec.decode(client.cookies[SESSION_COOKIE])
    expired = SessionData(csrf=current.csrf, subject=current.subject, expires_at=1)
    jar_cookie = next(c for c in client.cookies.jar if c.name == SESSION_COOKIE)
    client.cookies.set(
        SESSION_COOKIE, codec.encode(expired), domain=jar_cookie.domain, path=jar_cookie.path
    )
    sent = client.post(
        f"/projects/{project}/settings", data={"csrf_token": token, "title": "New Title"}
    )
    assert sent.status_code == 401
    kept = re.search(r'name="kept_form" value="([^"]+)"', sent.text)
    assert kept, "the sign-in page keeps the form"
    signed_in = client.post(
        "/signin",
        data={
            "csrf_token": csrf_of(sent.text),
            "email": email,
            "password": "correct horse battery",
            "kept_form": kept.group(1),
        },
    )
    assert "data-resubmit" in signed_in.text
    assert 'value="New Title"' in signed_in.text
    resend = re.search(r'<form method="post" action="([^"]+)" data-resubmit>', signed_in.text)
    assert resend
    assert resend.group(1) == f"/projects/{project}/settings"
    client.post(resend.group(1), data={"csrf_token": csrf_of(signed_in.text), "title": "New Title"})
    assert "New Title" in client.get(f"/projects/{project}").text


def test_a_repeated_decision_with_the_same_idempotency_key_is_recorded_once(
    client: httpx.Client, live_server: LiveServer
) -> None:
    register(client, unique_email("idem"))
    project = create_project(client, "Once Only")
    upload(client, project)
    page = client.get(f"/projects/{project}/breakdown")
    headers = {
        "X-CSRF-Token": csrf_of(page.text),
        "Accept": "application/json",
        "Idempotency-Key": "decision-" + uuid.uuid4().hex,
    }
    body = {"decisions": [{"action": "add", "scene": "1", "category": "props", "name": "ladle"}]}
    first = client.post(f"/projects/{project}/breakdown/decisions", json=body, headers=headers)
    second = client.post(f"/projects/{project}/breakdown/decisions", json=body, headers=headers)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    database = live_server.app.state.filmpark.database
    with database.transaction(readonly=True) as tx:
        recorded = [d for d in tx.decisions.of_project(project) if d.name == "ladle"]
    assert len(recorded) == 1


def test_someone_who_is_not_a_member_cannot_change_a_project_through_the_page_actions(
    client: httpx.Client,
) -> None:
    register(client, unique_email("owner"))
    project = create_project(client, "Private")
    upload(client, project)
    with httpx.Client(base_url=client.base_url, timeout=30) as stranger:
        register(stranger, unique_email("outsider"))
        token = csrf_of(stranger.get("/projects").text)
        headers = {"X-CSRF-Token": token, "Accept": "application/json"}
        for path, body in (
            (
                "breakdown/decisions",
                {"decisions": [{"action": "add", "scene": "1", "category": "props", "name": "x"}]},
            ),
            ("stripboard/moves", {"scene": "1", "day": 1, "expected_version": 1}),
            ("stripboard/solve", {}),
            ("budget/build", {}),
            ("documents/render", {}),
        ):
            response = stranger.post(f"/projects/{project}/{path}", json=body, headers=headers)
            assert response.status_code == 404, path


@pytest.mark.parametrize(
    ("relative", "fmt"),
    [
        ("own-vietnamese/vi-sample.fdx", "fdx"),
        ("rsdoiel-fdx-testdata/sample-01.txt", "text"),
        ("own-vietnamese/vi-native.fountain", "fountain"),
    ],
)
def test_final_draft_text_and_vietnamese_scripts_upload_and_read_with_scene_numbers(
    client: httpx.Client, relative: str, fmt: str
) -> None:
    path = shared_path("corpus", *relative.split("/"))
    register(client, unique_email("formats"))
    project = create_project(client, "Formats")
    page = client.get(f"/projects/{project}/scripts")
    stored = client.post(
        f"/projects/{project}/scripts",
        data={"csrf_token": csrf_of(page.text)},
        files={"file": (path.name, path.read_bytes(), "application/octet-stream")},
        follow_redirects=True,
    )
    assert any("Revision 1 (White) stored" in text for text in flashes(stored.text)), flashes(
        stored.text
    )
    assert f'<span class="badge">{fmt}</span>' in stored.text
    revision = re.findall(rf'href="/projects/{project}/scripts/([0-9a-f]+)"', stored.text)[0]
    script = client.get(f"/projects/{project}/scripts/{revision}")
    assert script.status_code == 200
    assert len(re.findall(r'class="scene-heading"', script.text)) >= 1


def test_a_second_upload_is_the_blue_revision_and_both_stay_in_the_history(
    client: httpx.Client,
) -> None:
    register(client, unique_email("revisions"))
    project = create_project(client, "Revisions")
    upload(client, project)
    second = upload(client, project, name="draft-2.fountain")
    assert any("Revision 2 (Blue) stored" in text for text in flashes(second.text))
    history = client.get(f"/projects/{project}/scripts").text
    assert history.index("draft-2.fountain") < history.index("draft.fountain")
    assert "#9fc5e8" in history


def test_an_unexpected_fault_shows_a_plain_page_and_no_traceback(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filmpark.services import projects

    register(client, unique_email("fault"))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire at /srv/secret/path")

    monkeypatch.setattr(projects, "list_projects", broken)
    response = client.get("/projects")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert "Traceback" not in response.text
    assert "/srv/secret/path" not in response.text


def test_an_owner_removes_a_member_who_then_gets_not_found(client: httpx.Client) -> None:
    register(client, unique_email("owner"))
    project = create_project(client, "Small Crew")
    crew_email = unique_email("crew")
    with httpx.Client(base_url=client.base_url, timeout=30) as crew:
        register(crew, crew_email)
        add_member(client, project, crew_email, "crew")
        assert crew.get(f"/projects/{project}").status_code == 200
        page = client.get(f"/projects/{project}/members")
        member_id = re.search(
            r'name="user_id" value="([0-9a-f]+)">\s*<button type="submit" class="danger">Remove',
            page.text,
        )
        assert member_id
        removed = client.post(
            f"/projects/{project}/members/remove",
            data={"csrf_token": csrf_of(page.text), "user_id": member_id.group(1)},
            follow_redirects=True,
        )
        assert "Member removed." in flashes(removed.text)
        assert crew.get(f"/projects/{project}").status_code == 404


def test_the_last_owner_cannot_leave_the_project(client: httpx.Client) -> None:
    register(client, unique_email("alone"))
    project = create_project(client, "Solo")
    page = client.get(f"/projects/{project}/members")
    me = re.search(r'name="user_id" value="([0-9a-f]+)">\s*<button[^>]*>Leave', page.text)
    assert me
    left = client.post(
        f"/projects/{project}/members/remove",
        data={"csrf_token": csrf_of(page.text), "user_id": me.group(1)},
        follow_redirects=True,
    )
    assert any("owner" in text for text in flashes(left.text))
    assert client.get(f"/projects/{project}").status_code == 200


def test_a_browser_with_no_language_chosen_follows_the_accounts_stored_language(
    client: httpx.Client,
) -> None:
    register(client, unique_email("stored"))
    client.post(
        "/language",
        data={"csrf_token": csrf_of(client.get("/projects").text), "language": "vi"},
    )
    client.cookies.delete("filmpark_lang")
    page = client.get("/projects", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="vi">' in page.text
    assert "filmpark_lang=vi" in page.headers.get("set-cookie", "")


def test_an_action_refused_because_the_sign_in_expired_is_done_when_resent_after_signing_in(
    client: httpx.Client, live_server: LiveServer
) -> None:
    from filmpark.web.session import SESSION_COOKIE, SessionData

    email = unique_email("expired")
    register(client, email)
    project = create_project(client, "Expired Mid-Edit")
    upload(client, project)
    page = client.get(f"/projects/{project}/breakdown")
    codec = live_server.app.state.filmpark_web.codec
    current = codec.decode(client.cookies[SESSION_COOKIE])
    assert current is not None
    expired = SessionData(csrf=current.csrf, subject=current.subject, expires_at=1)
    client.cookies.set(SESSION_COOKIE, codec.encode(expired))
    headers = {
        "X-CSRF-Token": csrf_of(page.text),
        "Accept": "application/json",
        "Idempotency-Key": "resend-" + uuid.uuid4().hex,
    }
    body = {"decisions": [{"action": "add", "scene": "1", "category": "props", "name": "wok"}]}
    refused = client.post(f"/projects/{project}/breakdown/decisions", json=body, headers=headers)
    assert refused.status_code == 401

    client.cookies.clear()  # the browser drops the expired sign-in and signs in again
    signin = client.get("/signin")
    signed_in = client.post(
        "/signin",
        data={
            "csrf_token": csrf_of(signin.text),
            "email": email,
            "password": "correct horse battery",
            "next": f"/projects/{project}/breakdown",
        },
    )
    assert signed_in.status_code == 303, signed_in.text[:500]
    fresh = client.get(f"/projects/{project}/breakdown")
    headers["X-CSRF-Token"] = csrf_of(fresh.text)
    resent = client.post(f"/projects/{project}/breakdown/decisions", json=body, headers=headers)
    assert resent.status_code == 200, resent.text
    database = live_server.app.state.filmpark.database
    with database.transaction(readonly=True) as tx:
        recorded = [d for d in tx.decisions.of_project(project) if d.name == "wok"]
    assert len(recorded) == 1
