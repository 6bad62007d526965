"""Install the API on an app: routes, error bodies, body-size limits, security headers."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from filmpark.api.context import ApiContext
from filmpark.api.errors import error_body, install_error_handlers
from filmpark.api.routes import health_router, router
from filmpark.text import DEFAULT_LANGUAGE, language_from_accept, localize, t

DEFAULT_BODY_LIMIT = 1024 * 1024
# Room for the multipart envelope around an upload of the largest accepted size.
MULTIPART_OVERHEAD = 64 * 1024

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
DEFAULT_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The interactive docs load their script and styles from a CDN.
DOCS_CSP = (
    "default-src 'self'; img-src 'self' data: https://fastapi.tiangolo.com; "
    "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; frame-ancestors 'none'"
)


class PayloadTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, t("api.body_too_large", limit=limit // 1024))


class BodyLimitMiddleware:
    """Refuse a request body larger than its route's limit while it streams in.

    The declared Content-Length is checked first; a chunked body is counted as it arrives
    and cut off at the limit, so an oversize upload is never read whole.
    """

    def __init__(self, app: ASGIApp, *, upload_limit: int) -> None:
        self.app = app
        self.upload_limit = upload_limit + MULTIPART_OVERHEAD

    def limit_for(self, scope: Scope) -> int:
        path = str(scope.get("path", ""))
        if path.startswith("/api/") and path.rstrip("/").endswith("/scripts"):
            return self.upload_limit
        if path.startswith("/api/"):
            return DEFAULT_BODY_LIMIT
        return self.upload_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > limit:
                    accepted = dict(scope.get("headers", [])).get(b"accept-language", b"")
                    lang = language_from_accept(accepted.decode("latin-1")) or DEFAULT_LANGUAGE
                    message = localize(PayloadTooLarge(limit).detail, lang)
                    await _send_json(send, 413, error_body("payload_too_large", message))
                    return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise PayloadTooLarge(limit)
            return message

        await self.app(scope, limited, send)


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class SecurityHeadersMiddleware:
    """Security headers on every response (a page may set its own Content-Security-Policy)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        csp = DOCS_CSP if path in ("/docs", "/redoc") else DEFAULT_CSP

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", csp.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def install(app: FastAPI, context: ApiContext) -> None:
    """Add the API (``/healthz``, ``/api/v1``) to ``app``, served from ``context``."""
    app.state.filmpark = context
    install_error_handlers(app)
    app.include_router(health_router)
    app.include_router(router)
    app.add_middleware(BodyLimitMiddleware, upload_limit=context.settings.max_upload_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
