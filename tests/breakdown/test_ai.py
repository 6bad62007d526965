"""The OpenAI-compatible provider against a small local chat-completions server."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from filmpark.breakdown.ai import OpenAICompatibleProvider, provider_from_env
from filmpark.breakdown.extract import break_down
from filmpark.errors import ExternalServiceError
from tests.breakdown.builders import one_scene

SCRIPT_TEXT = "The courier parks a cyclo by the gate. A lantern swings in the wind."

Reply = Callable[[dict[str, Any], int], tuple[int, str, float]]


def completion(content: str) -> str:
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]})


def good_answer(body: dict[str, Any], attempt: int) -> tuple[int, str, float]:
    assert body["messages"][0]["role"] == "system"
    elements = {
        "elements": [
            {
                "category": "vehicles",
                "name": "Cyclo",
                "quantity": None,
                "line": 3,
                "text": "cyclo",
                "explanation": "parked by the gate",
            },
            {"category": "props", "name": "gate key", "line": 3, "text": "a key that is not there"},
            {"category": "teleporters", "name": "x", "line": 3, "text": "gate"},
            {"category": "set_dressing", "name": "gate lantern", "line": 3, "text": "lantern"},
        ]
    }
    return 200, completion(json.dumps(elements)), 0.0


@pytest.fixture
def server() -> Iterator[Callable[[Reply], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(reply: Reply) -> str:
        attempts = {"n": 0}

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                attempts["n"] += 1
                status, payload, delay = reply(body, attempts["n"])
                time.sleep(delay)
                data = payload.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                return

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}/v1"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def test_good_json_is_validated_grounded_and_labelled_with_the_model(
    server: Callable[[Reply], str],
) -> None:
    provider = OpenAICompatibleProvider(server(good_answer), "tiny-model", timeout=5)
    breakdown = break_down(one_scene(SCRIPT_TEXT), provider=provider)
    scene = breakdown.scenes[0]
    llm = [e for e in scene.elements if e.source == "llm:tiny-model"]
    names = {(e.category, e.name) for e in llm}
    # Unknown categories and evidence that is not in the scene are dropped.
    assert ("set_dressing", "gate lantern") in names
    assert all(e.category != "teleporters" for e in llm)
    assert ("props", "gate key") not in names
    lantern = next(e for e in llm if e.name == "gate lantern")
    assert lantern.evidence[0].text == "lantern"
    assert lantern.evidence[0].line == 3
    # The rules found the cyclo already; the provider's duplicate is not added twice.
    assert scene.names("vehicles") == ("cyclo",)
    assert breakdown.diagnostics == ()


def test_garbage_becomes_a_diagnostic_and_the_rules_breakdown_stands(
    server: Callable[[Reply], str],
) -> None:
    url = server(
        lambda body, n: (200, completion("Sure! Here are the elements: cyclo, lantern"), 0.0)
    )
    breakdown = break_down(
        one_scene(SCRIPT_TEXT), provider=OpenAICompatibleProvider(url, "m", timeout=5)
    )
    assert "cyclo" in breakdown.scenes[0].names("vehicles")
    assert len(breakdown.diagnostics) == 1
    assert "not a JSON object" in breakdown.diagnostics[0].message


def test_a_server_that_never_answers_times_out_into_a_diagnostic(
    server: Callable[[Reply], str],
) -> None:
    url = server(lambda body, n: (200, completion('{"elements": []}'), 2.0))
    provider = OpenAICompatibleProvider(url, "slow", timeout=0.3, retries=1, backoff=0.01)
    breakdown = break_down(one_scene(SCRIPT_TEXT), provider=provider)
    assert "cyclo" in breakdown.scenes[0].names("vehicles")
    assert "within 0.3 s" in breakdown.diagnostics[0].message


def test_a_500_is_retried_and_the_second_answer_is_used(server: Callable[[Reply], str]) -> None:
    def flaky(body: dict[str, Any], attempt: int) -> tuple[int, str, float]:
        if attempt == 1:
            return 500, '{"error": "overloaded"}', 0.0
        return good_answer(body, attempt)

    provider = OpenAICompatibleProvider(server(flaky), "m", timeout=5, retries=2, backoff=0.01)
    breakdown = break_down(one_scene(SCRIPT_TEXT), provider=provider)
    assert "gate lantern" in breakdown.scenes[0].names("set_dressing")
    assert breakdown.diagnostics == ()


def test_a_refused_request_is_not_retried_and_names_the_status(
    server: Callable[[Reply], str],
) -> None:
    calls: list[int] = []

    def refuse(body: dict[str, Any], attempt: int) -> tuple[int, str, float]:
        calls.append(attempt)
        return 401, '{"error": "bad key"}', 0.0

    provider = OpenAICompatibleProvider(
        server(refuse), "m", api_key="wrong", retries=3, backoff=0.01
    )
    with pytest.raises(ExternalServiceError, match="HTTP 401"):
        provider.propose(one_scene(SCRIPT_TEXT).scenes[0], one_scene(SCRIPT_TEXT))
    assert calls == [1]


def test_an_unreachable_endpoint_is_a_diagnostic_too() -> None:
    provider = OpenAICompatibleProvider("http://127.0.0.1:9/v1", "m", timeout=0.5, retries=0)
    breakdown = break_down(one_scene(SCRIPT_TEXT), provider=provider)
    assert "cannot reach" in breakdown.diagnostics[0].message


def test_the_provider_is_off_unless_the_environment_sets_an_endpoint_and_a_model() -> None:
    assert provider_from_env({}) is None
    assert provider_from_env({"FILMPARK_LLM_BASE_URL": "http://x/v1"}) is None
    provider = provider_from_env(
        {
            "FILMPARK_LLM_BASE_URL": "http://x/v1/",
            "FILMPARK_LLM_MODEL": "qwen",
            "FILMPARK_LLM_API_KEY": "k",
        }
    )
    assert provider is not None
    assert provider.name == "llm:qwen"
    assert provider.base_url == "http://x/v1"
    assert provider.api_key == "k"
