"""Optional AI proposals: a small provider interface and one OpenAI-compatible client.

Off by default. :func:`provider_from_env` builds an :class:`OpenAICompatibleProvider` from
``FILMPARK_LLM_BASE_URL`` (e.g. ``http://localhost:11434/v1`` for Ollama,
``https://api.openai.com/v1``), ``FILMPARK_LLM_MODEL`` and ``FILMPARK_LLM_API_KEY``. It speaks
the chat-completions protocol with the standard library only (the engine imports no HTTP
framework), asks for a JSON object, validates it, and keeps only elements whose evidence text
really occurs in the scene. Proposals are labelled ``llm:<model>``. A timeout, a server error
or a malformed answer raises :class:`~filmpark.errors.ExternalServiceError`, which
:func:`~filmpark.breakdown.extract.break_down` turns into a diagnostic.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.request
from typing import Any, Protocol

from filmpark.breakdown.categories import ELEMENT_CATEGORIES
from filmpark.breakdown.model import BreakdownElement, Evidence
from filmpark.errors import ExternalServiceError
from filmpark.screenplay.model import ElementKind, Scene, Script
from filmpark.text import Text, t

_BODY_KINDS = (ElementKind.ACTION, ElementKind.PARENTHETICAL, ElementKind.SHOT, ElementKind.LYRICS)
_FENCE_RE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)


class AIProvider(Protocol):
    """Anything that proposes breakdown elements for one scene."""

    name: str

    def propose(self, scene: Scene, script: Script) -> list[BreakdownElement]: ...


_SYSTEM_PROMPT = (
    "You are a first assistant director doing a script breakdown. For the scene given, list "
    "every production element stated or unambiguously implied by the heading, action and "
    "parentheticals (never by dialogue). Categories: "
    + ", ".join(ELEMENT_CATEGORIES)
    + ". Names are short lower-case singular noun phrases in the script's language "
    "(cast: the character name in capitals). Answer with one JSON object only: "
    '{"elements": [{"category": str, "name": str, "quantity": int|null, "line": int, '
    '"text": str (the exact words of that line that justify it), "explanation": str}]}'
)


class OpenAICompatibleProvider:
    """A client for any ``/chat/completions`` endpoint (OpenAI, vLLM, Ollama, llama.cpp)."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        timeout: float = 60.0,
        retries: int = 2,
        backoff: float = 0.5,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.name = f"llm:{model}"

    # -- protocol ----------------------------------------------------------------------------

    def propose(self, scene: Scene, script: Script) -> list[BreakdownElement]:
        lines = scene_lines(scene)
        if not lines:
            return []
        numbered = "\n".join(f"{number}: {text}" for number, text in lines)
        heading = scene.heading.text
        content = self._complete(
            [
                {"role": "system", "content": _SYSTEM_PROMPT},
                {"role": "user", "content": f"Scene {scene.number.text}: {heading}\n{numbered}"},
            ]
        )
        return self.parse(content, scene)

    # -- transport ---------------------------------------------------------------------------

    def _complete(self, messages: list[dict[str, str]]) -> str:
        body = json.dumps(
            {
                "model": self.model,
                "messages": messages,
                "temperature": 0,
                "response_format": {"type": "json_object"},
            }
        ).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        url = f"{self.base_url}/chat/completions"
        last_error: Text = t("ai.no_answer")
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * (2 ** (attempt - 1)))
            request = urllib.request.Request(url, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    payload = response.read()
            except urllib.error.HTTPError as error:
                last_error = t("ai.http_status", status=error.code, url=url)
                if error.code in (408, 409, 429) or error.code >= 500:
                    continue
                raise ExternalServiceError(t("ai.refused", cause=last_error)) from None
            except TimeoutError:
                last_error = t("ai.timeout", url=url, seconds=self.timeout)
                continue
            except (urllib.error.URLError, ConnectionError, OSError) as error:
                reason = getattr(error, "reason", error)
                last_error = t("ai.unreachable", url=url, reason=str(reason))
                continue
            return _message_content(payload)
        raise ExternalServiceError(t("ai.failed", count=self.retries + 1, cause=last_error))

    # -- validation --------------------------------------------------------------------------

    def parse(self, content: str, scene: Scene) -> list[BreakdownElement]:
        """Validate the model's JSON; keep only elements whose evidence is in the scene."""
        document = _loads_json_object(content)
        items = document.get("elements")
        if not isinstance(items, list):
            raise ExternalServiceError(t("ai.no_elements"))
        lines = scene_lines(scene)
        results: list[BreakdownElement] = []
        seen: set[tuple[str, str]] = set()
        for item in items:
            element = self._element(item, scene, lines)
            if element is not None and (element.category, element.name) not in seen:
                seen.add((element.category, element.name))
                results.append(element)
        return results

    def _element(
        self, item: Any, scene: Scene, lines: list[tuple[int, str]]
    ) -> BreakdownElement | None:
        if not isinstance(item, dict):
            return None
        category = item.get("category")
        name = item.get("name")
        if category not in ELEMENT_CATEGORIES or not isinstance(name, str):
            return None
        name = " ".join(name.split())
        if not name or len(name) > 80:
            return None
        name = name.upper() if category == "cast" else name.lower()
        quantity = item.get("quantity")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            quantity = None
        evidence = _ground(item.get("text"), item.get("line"), scene, lines)
        if evidence is None:
            return None
        explanation = item.get("explanation")
        why = (
            explanation.strip()[:200]
            if isinstance(explanation, str) and explanation.strip()
            else "proposed by the AI model"
        )
        return BreakdownElement.create(
            scene.number.text,
            category,
            name,
            source=self.name,
            confidence=0.6,
            evidence=(evidence,),
            explanation=why,
            quantity=quantity,
        )


def scene_lines(scene: Scene) -> list[tuple[int, str]]:
    """``(source line, text)`` of a scene's heading, action and parentheticals."""
    lines: list[tuple[int, str]] = [(scene.line, scene.heading.text)]
    for element in scene.elements:
        if element.kind in _BODY_KINDS:
            for offset, text in enumerate(element.text.split("\n")):
                if text.strip():
                    lines.append((element.line + offset if element.line else 0, text))
    return lines


def _ground(text: Any, line: Any, scene: Scene, lines: list[tuple[int, str]]) -> Evidence | None:
    if not isinstance(text, str) or not text.strip():
        return None
    needle = text.strip()
    ordered = sorted(lines, key=lambda item: item[0] != line)
    for number, source_line in ordered:
        position = source_line.find(needle)
        if position < 0:
            position = source_line.lower().find(needle.lower())
        if position >= 0:
            return Evidence(
                scene.number.text,
                number,
                position,
                position + len(needle),
                source_line[position : position + len(needle)],
            )
    return None


def _message_content(payload: bytes) -> str:
    try:
        document = json.loads(payload.decode("utf-8"))
        content = document["choices"][0]["message"]["content"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, IndexError, TypeError):
        raise ExternalServiceError(t("ai.not_chat_completions")) from None
    if not isinstance(content, str):
        raise ExternalServiceError(t("ai.no_text"))
    return content


def _loads_json_object(content: str) -> dict[str, Any]:
    text = _FENCE_RE.sub("", content.strip())
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        start, end = text.find("{"), text.rfind("}")
        try:
            document = json.loads(text[start : end + 1]) if 0 <= start < end else None
        except json.JSONDecodeError:
            document = None
    if not isinstance(document, dict):
        raise ExternalServiceError(t("ai.not_json_object"))
    return document


def provider_from_env(environ: dict[str, str] | None = None) -> OpenAICompatibleProvider | None:
    """The provider configured by ``FILMPARK_LLM_*``, or None when no endpoint is set."""
    env = os.environ if environ is None else environ
    base_url = env.get("FILMPARK_LLM_BASE_URL", "").strip()
    model = env.get("FILMPARK_LLM_MODEL", "").strip()
    if not base_url or not model:
        return None
    timeout_text = env.get("FILMPARK_LLM_TIMEOUT", "").strip()
    try:
        timeout = float(timeout_text) if timeout_text else 60.0
    except ValueError:
        timeout = 60.0
    return OpenAICompatibleProvider(
        base_url, model, env.get("FILMPARK_LLM_API_KEY") or None, timeout=timeout
    )
