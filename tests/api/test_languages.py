"""Error bodies in the client's language: ``Accept-Language: vi`` reads Vietnamese.

The body keeps its shape (``{"error": {"code", "message", ...}}``) and its machine parts
(``code``, ``field``) in every language; only ``message`` changes.
"""

from __future__ import annotations

from tests.api.clients import PASSWORD, a_project, an_email, auth, signed_in
from tests.api.testclient import TestClient

VI = {"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"}


def test_a_duplicate_registration_is_explained_in_vietnamese(client: TestClient) -> None:
    email = an_email()
    body = {"email": email, "password": PASSWORD, "name": "Hoa"}
    assert client.post("/api/v1/auth/register", json=body).status_code == 201
    again = client.post("/api/v1/auth/register", json=body, headers=VI)
    assert again.status_code == 409
    assert set(again.json()) == {"error"}
    assert again.json()["error"]["code"] == "conflict"
    assert again.json()["error"]["message"] == f"đã có tài khoản dùng email {email}"


def test_without_accept_language_the_same_error_reads_english(client: TestClient) -> None:
    email = an_email()
    body = {"email": email, "password": PASSWORD, "name": "Hoa"}
    assert client.post("/api/v1/auth/register", json=body).status_code == 201
    english = client.post("/api/v1/auth/register", json=body)
    assert english.json()["error"]["message"] == f"an account with the email {email} already exists"
    french = client.post("/api/v1/auth/register", json=body, headers={"Accept-Language": "fr"})
    assert french.json()["error"]["message"] == english.json()["error"]["message"]


def test_a_missing_token_says_sign_in_first_in_vietnamese(client: TestClient) -> None:
    response = client.get("/api/v1/me", headers=VI)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_error"
    assert response.json()["error"]["message"].startswith("hãy đăng nhập trước")


def test_a_refused_upload_keeps_its_field_and_names_the_cause_in_vietnamese(
    client: TestClient,
) -> None:
    owner = signed_in(client)
    project_id = a_project(client, owner)
    response = client.post(
        f"/api/v1/projects/{project_id}/scripts",
        files={"file": ("script.fountain", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "text/plain")},
        headers={**auth(owner), **VI},
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["field"] == "file"
    assert "không phải kịch bản" in error["message"]
    assert "not a screenplay" not in error["message"]


def test_malformed_json_is_named_in_vietnamese(client: TestClient) -> None:
    response = client.post(
        "/api/v1/auth/register",
        content=b'{"email": "x@example.vn", "password": ',
        headers={"Content-Type": "application/json", **VI},
    )
    assert response.status_code == 422
    assert "không phải JSON hợp lệ" in response.json()["error"]["message"]


def test_an_oversize_body_is_refused_in_vietnamese(client: TestClient) -> None:
    owner = signed_in(client)
    response = client.post(
        "/api/v1/projects",
        json={"title": "x" * (2 * 1024 * 1024)},
        headers={**auth(owner), **VI},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert response.json()["error"]["message"].startswith("nội dung yêu cầu lớn hơn")
