"""Engine messages on the pages read in the page's language, not in English inside Vietnamese."""

from __future__ import annotations

import html
import re
import uuid

import httpx

from tests.web.conftest import create_project, csrf_of, register

TRUNCATED_FDX = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<FinalDraft><Content><Paragraph Type="Action">'
)


def flashes(page: str) -> list[str]:
    return [
        html.unescape(text)
        for text in re.findall(r'<p class="flash [a-z]+"[^>]*>([^<]*)</p>', page)
    ]


def in_vietnamese(client: httpx.Client) -> None:
    client.post(
        "/language",
        data={"csrf_token": csrf_of(client.get("/projects").text), "language": "vi"},
    )


def upload(client: httpx.Client, project: str, name: str, data: bytes) -> httpx.Response:
    page = client.get(f"/projects/{project}/scripts")
    return client.post(
        f"/projects/{project}/scripts",
        data={"csrf_token": csrf_of(page.text)},
        files={"file": (name, data, "application/octet-stream")},
        follow_redirects=True,
    )


def test_an_unreadable_screenplay_names_its_cause_in_vietnamese(client: httpx.Client) -> None:
    register(client, f"vi-upload-{uuid.uuid4().hex[:8]}@example.com")
    project = create_project(client, "Kịch bản hỏng")
    in_vietnamese(client)
    response = upload(client, project, "hong.fdx", TRUNCATED_FDX)
    messages = flashes(response.text)
    assert any(
        message.startswith("Không đọc được tệp này như một kịch bản: tệp FDX bị cắt cụt")
        for message in messages
    ), messages
    assert not any("truncated" in message for message in messages), messages


def test_the_same_cause_reads_english_on_an_english_page(client: httpx.Client) -> None:
    register(client, f"en-upload-{uuid.uuid4().hex[:8]}@example.com")
    project = create_project(client, "Broken script")
    response = upload(client, project, "broken.fdx", TRUNCATED_FDX)
    assert any("truncated FDX" in message for message in flashes(response.text))


def test_a_refused_file_is_explained_in_vietnamese(client: httpx.Client) -> None:
    register(client, f"vi-binary-{uuid.uuid4().hex[:8]}@example.com")
    project = create_project(client, "Tệp nhị phân")
    in_vietnamese(client)
    response = upload(client, project, "script.fountain", b"PK\x03\x04zipped")
    messages = flashes(response.text)
    assert any(
        message.startswith("Tệp chưa được lưu:") and "không phải kịch bản" in message
        for message in messages
    ), messages
    assert not any("not a screenplay" in message for message in messages), messages
