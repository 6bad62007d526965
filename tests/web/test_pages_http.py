"""The pages over HTTP: sign-in, CSRF, permissions, uploads, languages, double submits."""

from __future__ import annotations

import re
import uuid

import httpx

from tests.web.conftest import create_project, csrf_of, register

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
