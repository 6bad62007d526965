from __future__ import annotations

from tests.api.clients import PASSWORD, a_project, an_email, auth, signed_in, upload
from tests.api.testclient import TestClient


def test_health_names_the_database_and_the_job_queue(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] in ("sqlite", "postgresql")
    assert body["jobs"] == "inline"


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["referrer-policy"]


def test_register_login_and_me(client: TestClient) -> None:
    email = an_email()
    created = client.post(
        "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": "Hoa"}
    )
    assert created.status_code == 201
    assert "password" not in created.text
    token = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert token.json()["token_type"] == "bearer"
    me = client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {token.json()['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["email"] == email


def test_a_duplicate_registration_is_a_409_with_a_json_error(client: TestClient) -> None:
    email = an_email()
    body = {"email": email, "password": PASSWORD, "name": "Hoa"}
    assert client.post("/api/v1/auth/register", json=body).status_code == 201
    again = client.post("/api/v1/auth/register", json=body)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    assert email in again.json()["error"]["message"]


def test_malformed_json_is_a_422_naming_the_problem(client: TestClient) -> None:
    response = client.post(
        "/api/v1/auth/register",
        content=b'{"email": "x@example.vn", "password": ',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "JSON" in response.json()["error"]["message"]
    assert "Traceback" not in response.text


def test_wrong_types_are_a_422_naming_the_field(client: TestClient) -> None:
    response = client.post("/api/v1/auth/register", json={"email": 5, "password": [], "name": "x"})
    assert response.status_code == 422
    assert "email" in response.json()["error"]["message"]


def test_no_token_or_a_garbage_token_is_a_401(client: TestClient) -> None:
    assert client.get("/api/v1/me").status_code == 401
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer not.a.token"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_error"


def test_an_unknown_project_is_a_404(client: TestClient) -> None:
    owner = signed_in(client)
    response = client.get("/api/v1/projects/" + "f" * 32, headers=auth(owner))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_projects_list_only_mine(client: TestClient) -> None:
    lan = signed_in(client)
    minh = signed_in(client, "Minh Trần")
    mine = a_project(client, lan, "Của Lan")
    listed = client.get("/api/v1/projects", headers=auth(minh)).json()
    assert mine not in [p["id"] for p in listed]
    assert [p["id"] for p in client.get("/api/v1/projects", headers=auth(lan)).json()] == [mine]


def test_uploading_a_script_keeps_it_and_returns_its_scenes(client: TestClient, data_dir) -> None:  # type: ignore[no-untyped-def]
    owner = signed_in(client)
    project_id = a_project(client, owner)
    response = upload(client, owner, project_id, name="../../etc/passwd.fountain")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["revision"] == 1
    assert body["colour"] == "White"
    assert body["scenes"] == 3
    assert body["filename"] == "passwd.fountain"
    stored = list((data_dir / "scripts").iterdir())
    assert all("passwd" not in p.name for p in stored)
    script = client.get(f"/api/v1/projects/{project_id}/scripts/{body['id']}", headers=auth(owner))
    assert script.status_code == 200
    assert script.json()["schema"] == "Script.1"
    second = upload(client, owner, project_id)
    assert second.json()["revision"] == 2
    assert second.json()["colour"] == "Blue"


def test_a_binary_upload_is_refused_and_nothing_is_kept(client: TestClient) -> None:
    owner = signed_in(client)
    project_id = a_project(client, owner)
    response = client.post(
        f"/api/v1/projects/{project_id}/scripts",
        files={"file": ("script.fountain", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "text/plain")},
        headers=auth(owner),
    )
    assert response.status_code == 422
    assert "not a screenplay" in response.json()["error"]["message"]
    listed = client.get(f"/api/v1/projects/{project_id}/scripts", headers=auth(owner)).json()
    assert listed == []


def test_a_pdf_name_on_text_content_is_refused(client: TestClient) -> None:
    owner = signed_in(client)
    project_id = a_project(client, owner)
    response = upload(client, owner, project_id, name="script.pdf")
    assert response.status_code == 422
    assert "not a PDF" in response.json()["error"]["message"]


def test_an_oversize_upload_is_a_413(client: TestClient) -> None:
    owner = signed_in(client)
    project_id = a_project(client, owner)
    big = b"INT. ROOM - DAY\n\n" + b"word " * (700 * 1024)
    response = client.post(
        f"/api/v1/projects/{project_id}/scripts",
        files={"file": ("big.fountain", big, "text/plain")},
        headers=auth(owner),
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_a_large_json_body_is_a_413(client: TestClient) -> None:
    owner = signed_in(client)
    response = client.post(
        "/api/v1/projects", json={"title": "x" * (2 * 1024 * 1024)}, headers=auth(owner)
    )
    assert response.status_code == 413


def test_login_attempts_are_limited(client: TestClient) -> None:
    email = an_email()
    client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": "H"})
    codes = [
        client.post(
            "/api/v1/auth/login", json={"email": email, "password": "wrong password"}
        ).status_code
        for _ in range(6)
    ]
    assert codes[:5] == [401] * 5
    assert codes[5] == 429
    blocked = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert blocked.status_code == 429
