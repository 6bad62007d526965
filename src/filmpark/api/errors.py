"""Every error as ``{"error": {"code": ..., "message": ...}}``: never a stack trace.

The status comes from the error's class (:func:`filmpark.errors.http_status`); request bodies
FastAPI cannot validate (malformed JSON, wrong types) become 422 with the field named;
anything unexpected becomes a 500 whose body says only that, while the log keeps the trace.

``message`` (and an infeasible schedule's ``reasons``) are in the client's language: Vietnamese
when ``Accept-Language`` prefers ``vi``, else English. ``code`` and ``field`` never change.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from filmpark.errors import AuthenticationError, FilmparkError, Infeasible, RateLimited, http_status
from filmpark.text import DEFAULT_LANGUAGE, language_from_accept, localize, t

log = logging.getLogger(__name__)

_STATUS_CODES = {
    400: "bad_request",
    401: "authentication_required",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "rate_limited",
    500: "internal_error",
    502: "external_service_error",
}


def error_code(error: FilmparkError) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(error).__name__).lower()


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def request_language(request: Request) -> str:
    """The language the client reads, from its ``Accept-Language`` header (English by default)."""
    return language_from_accept(request.headers.get("accept-language")) or DEFAULT_LANGUAGE


def _filmpark_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, FilmparkError)
    lang = request_language(request)
    status = http_status(error)
    headers: dict[str, str] = {}
    if isinstance(error, AuthenticationError):
        headers["WWW-Authenticate"] = "Bearer"
    if isinstance(error, RateLimited):
        headers["Retry-After"] = "60"
    extra: dict[str, Any] = {}
    field = getattr(error, "field", None) or getattr(error, "key", None)
    if isinstance(field, str):
        extra["field"] = field
    if isinstance(error, Infeasible) and error.reasons:
        extra["reasons"] = error.localized_reasons(lang)
    return JSONResponse(
        error_body(error_code(error), error.localized(lang), **extra), status, headers=headers
    )


def _describe_location(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or str(loc[0] if loc else "request")


def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    lang = request_language(request)
    problems = []
    for item in error.errors()[:10]:
        where = _describe_location(tuple(item.get("loc", ())))
        # Pydantic's own wording is English; the one case people meet most is translated.
        message = str(item.get("msg", "invalid"))
        if item.get("type") == "json_invalid":
            message = t("api.body_not_json").in_(lang)
        problems.append(f"{where}: {message}")
    text = "; ".join(problems) or t("api.request_invalid").in_(lang)
    return JSONResponse(error_body("invalid_input", text), 422)


def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    code = _STATUS_CODES.get(error.status_code, "error")
    detail: object = error.detail
    message = (
        localize(detail, request_language(request))
        if isinstance(detail, str)
        else code.replace("_", " ")
    )
    return JSONResponse(
        error_body(code, message), error.status_code, headers=getattr(error, "headers", None)
    )


def _unexpected(request: Request, error: Exception) -> JSONResponse:
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    return JSONResponse(
        error_body("internal_error", t("api.internal_error").in_(request_language(request))), 500
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(FilmparkError, _filmpark_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
