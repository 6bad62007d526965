"""The machinery every page shares: session cookie, CSRF, language, rendering, errors.

Pages are FastAPI routes of the class :class:`PageRoute`. Around each page it

1. reads the signed session cookie (or starts a session with a fresh CSRF token),
2. picks the reader's language (their choice in this browser, else the preference stored on
   their account, else the browser's ``Accept-Language``, else English),
3. refuses any state-changing request whose CSRF token (form field ``csrf_token`` or header
   ``X-CSRF-Token``) does not match the session's,
4. answers a repeated idempotency key with the first answer (see :mod:`.idempotency`),
5. turns the error tree of :mod:`filmpark.errors` into a page (or JSON for ``fetch``): 404 for
   what you may not know exists, 403 for what your role forbids, a sign-in for an expired
   session (keeping the form you were sending), and never a traceback,
6. writes the session cookie back (HttpOnly, SameSite=Lax, Secure on HTTPS) and the security
   headers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.routing import APIRoute
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import FormData, UploadFile

from filmpark.errors import (
    AuthenticationError,
    Conflict,
    FilmparkError,
    InputError,
    NotFound,
    PermissionDenied,
    RateLimited,
    http_status,
)
from filmpark.text import localize, t
from filmpark.web.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    Translator,
    language_from_accept,
    normalise_language,
    translator,
)
from filmpark.web.idempotency import IdempotencyCache
from filmpark.web.session import (
    CSRF_FIELD,
    CSRF_HEADER,
    IDEMPOTENCY_FIELD,
    LANGUAGE_COOKIE,
    SESSION_COOKIE,
    SessionCodec,
    SessionData,
    new_session,
    new_token,
    tokens_match,
)

if TYPE_CHECKING:
    from filmpark.store.records import User

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
FLASH_COOKIE = "filmpark_flash"
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_YEAR = 365 * 24 * 3600


@dataclass(frozen=True, slots=True)
class Flash:
    """A one-line message shown once at the top of the next page."""

    level: str  # "info" | "ok" | "warn" | "error"
    text: str


@dataclass(slots=True)
class WebState:
    """What :func:`filmpark.web.install` sets up once per application."""

    codec: SessionCodec
    idempotency: IdempotencyCache = field(default_factory=IdempotencyCache)
    load_user: Callable[[str], User | None] | None = None
    secure_cookies: bool = False


def web_state(request: Request) -> WebState:
    state = getattr(request.app.state, "filmpark_web", None)
    if not isinstance(state, WebState):
        raise RuntimeError("filmpark.web.install(app) was not called")
    return state


# --------------------------------------------------------------------------- templates


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html"], default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.policies["ext.i18n.trimmed"] = True
    return env


@cache
def _static_version(name: str) -> str:
    path = STATIC_DIR / name
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    except OSError:
        return "0"


def static_url(name: str) -> str:
    return f"/static/{name}?v={_static_version(name)}"


# --------------------------------------------------------------------------- request state


def session_of(request: Request) -> SessionData:
    session = getattr(request.state, "session", None)
    if not isinstance(session, SessionData):
        session = new_session()
        request.state.session = session
    return session


def set_session(request: Request, session: SessionData) -> None:
    request.state.session = session
    request.state.session_dirty = True


def language_of(request: Request) -> str:
    chosen = getattr(request.state, "language", None)
    return chosen if isinstance(chosen, str) else "en"


def set_language(request: Request, language: str) -> None:
    request.state.language = language
    request.state.language_dirty = True


def tr(request: Request) -> Translator:
    return translator(language_of(request))


def gettext(request: Request, message: str, **variables: Any) -> str:
    """``message`` in the reader's language (plain text, for flashes and JSON errors)."""
    text = tr(request).gettext(message)
    return text % variables if variables else text


def localized(request: Request, value: object) -> str:
    """An engine message (an error, its cause, a diagnostic) in the reader's language."""
    if isinstance(value, FilmparkError):
        return value.localized(language_of(request))
    return localize(value, language_of(request))


def flash(request: Request, level: str, text: str) -> None:
    pending: list[Flash] = getattr(request.state, "new_flashes", [])
    pending.append(Flash(level, text))
    request.state.new_flashes = pending


def current_user(request: Request) -> User | None:
    """The signed-in person, or None (their sign-in expired, or they never signed in)."""
    if hasattr(request.state, "user"):
        user: User | None = request.state.user
        return user
    session = session_of(request)
    user = None
    loader = web_state(request).load_user
    if session.signed_in() and session.subject and loader is not None:
        user = loader(session.subject)
    request.state.user = user
    if user is not None and not getattr(request.state, "language_chosen", True):
        # No choice made in this browser yet: the language stored on the account applies.
        stored = normalise_language(user.locale)
        if stored:
            set_language(request, stored)
    return user


def require_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise AuthenticationError(t("web.sign_in_to_continue"))
    return user


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    content_type = request.headers.get("content-type", "")
    return "application/json" in accept or content_type.startswith("application/json")


def safe_next(target: str | None, default: str = "/projects") -> str:
    """A local path to return to after sign-in; anything pointing off-site becomes ``default``."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target:
        return default
    return target


def render(
    request: Request,
    template: str,
    *,
    status_code: int = 200,
    title: str = "",
    **context: Any,
) -> HTMLResponse:
    """Render ``template`` in the reader's language with what every page needs."""
    translator_ = tr(request)
    user = current_user(request) if not context.get("anonymous_page") else None
    flashes = list(getattr(request.state, "flashes", [])) + list(
        getattr(request.state, "new_flashes", [])
    )
    request.state.new_flashes = []
    request.state.flashes = []

    def url(name: str, **params: Any) -> str:
        return str(request.app.url_path_for(name, **{k: str(v) for k, v in params.items()}))

    base: dict[str, Any] = {
        "_": translator_.markup_gettext(),
        "gettext": translator_.markup_gettext(),
        "ngettext": translator_.markup_ngettext(),
        "t": translator_,
        "lang": translator_.language,
        "languages": [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
        "csrf_token": session_of(request).csrf,
        "idempotency_key": new_token(),
        "user": user,
        "flashes": flashes,
        "url": url,
        "static": static_url,
        "request_path": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        "page_title": title,
        "project": None,
        "project_nav": [],
        "active": "",
    }
    base.update(context)
    html = environment().get_template(template).render(base)
    return HTMLResponse(html, status_code=status_code)


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --------------------------------------------------------------------------- kept forms


def _sign_blob(codec: SessionCodec, data: Mapping[str, Any]) -> str:
    payload = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode()
    return f"{payload}.{codec.sign(payload)}"


def _unsign_blob(codec: SessionCodec, value: str | None) -> dict[str, Any] | None:
    if not value or "." not in value:
        return None
    payload, signature = value.rsplit(".", 1)
    try:
        if not hmac.compare_digest(codec.sign(payload), signature):
            return None
        data = json.loads(base64.urlsafe_b64decode(payload.encode()))
    except (ValueError, UnicodeError):
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True, slots=True)
class KeptForm:
    """A form whose sender's sign-in had expired: where it went and what it said."""

    action: str
    fields: tuple[tuple[str, str], ...]


def keep_form(request: Request, form: FormData) -> str:
    """A signed token of ``form`` (minus its CSRF token and any file) to send after sign-in."""
    fields = [
        [name, value]
        for name, value in form.multi_items()
        if name != CSRF_FIELD and isinstance(value, str)
    ]
    return _sign_blob(web_state(request).codec, {"a": request.url.path, "f": fields})


def kept_form(request: Request, token: str | None) -> KeptForm | None:
    data = _unsign_blob(web_state(request).codec, token)
    if not data:
        return None
    action, fields = data.get("a"), data.get("f")
    if not isinstance(action, str) or not isinstance(fields, list):
        return None
    pairs = tuple(
        (str(pair[0]), str(pair[1])) for pair in fields if isinstance(pair, list) and len(pair) == 2
    )
    return KeptForm(safe_next(action, "/projects"), pairs)


# --------------------------------------------------------------------------- the route class


def _resolve_language(request: Request) -> str:
    cookie = request.cookies.get(LANGUAGE_COOKIE)
    request.state.language_chosen = cookie in LANGUAGES
    if cookie in LANGUAGES:
        return cookie
    return language_from_accept(request.headers.get("accept-language")) or "en"


def _error_text(request: Request, error: FilmparkError) -> tuple[str, str]:
    """A heading and a message for an error page, in the reader's language."""
    if isinstance(error, NotFound):
        return gettext(request, "Not found"), gettext(
            request, "This page does not exist, or you do not have access to it."
        )
    if isinstance(error, PermissionDenied):
        return gettext(request, "Not allowed"), gettext(
            request, "Your role in this project does not allow this."
        )
    if isinstance(error, Conflict):
        return gettext(request, "Changed by someone else"), localized(request, error)
    if isinstance(error, RateLimited):
        return gettext(request, "Too many attempts"), gettext(
            request, "Too many attempts. Wait a few minutes and try again."
        )
    if isinstance(error, InputError):
        return gettext(request, "That did not work"), localized(request, error)
    return gettext(request, "Something went wrong"), localized(request, error)


def error_response(request: Request, error: FilmparkError) -> Response:
    status = http_status(error)
    heading, message = _error_text(request, error)
    if wants_json(request):
        code = type(error).__name__
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return render(
        request, "error.html", status_code=status, title=heading, heading=heading, message=message
    )


def _internal_error(request: Request) -> Response:
    message = gettext(
        request, "Something went wrong on our side. Nothing was changed; please try again."
    )
    if wants_json(request):
        return JSONResponse({"error": {"code": "internal", "message": message}}, status_code=500)
    heading = gettext(request, "Something went wrong")
    try:
        return render(
            request,
            "error.html",
            status_code=500,
            title=heading,
            heading=heading,
            message=message,
            anonymous_page=True,
        )
    except Exception:  # the page frame itself failed (the database is down): plain text
        log.exception("the error page failed too")
        return HTMLResponse(f"<!doctype html><title>{heading}</title><p>{message}</p>", 500)


def _csrf_failure(request: Request) -> Response:
    message = gettext(
        request, "This form is out of date (security check failed). Reload the page and try again."
    )
    if wants_json(request):
        return JSONResponse({"error": {"code": "csrf", "message": message}}, status_code=403)
    heading = gettext(request, "Not allowed")
    return render(
        request, "error.html", status_code=403, title=heading, heading=heading, message=message
    )


def _signin_redirect(request: Request, session: SessionData) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    expired = "&expired=1" if session.expired() else ""
    return redirect(f"/signin?next={quote(target)}{expired}")


def _finish(request: Request, response: Response, state: WebState) -> Response:
    session = session_of(request)
    if getattr(request.state, "session_dirty", False) or getattr(
        request.state, "new_session", False
    ):
        response.set_cookie(
            SESSION_COOKIE,
            state.codec.encode(session),
            max_age=_YEAR // 12,
            httponly=True,
            samesite="lax",
            secure=state.secure_cookies or request.url.scheme == "https",
            path="/",
        )
    if getattr(request.state, "language_dirty", False):
        response.set_cookie(
            LANGUAGE_COOKIE,
            language_of(request),
            max_age=_YEAR,
            httponly=True,
            samesite="lax",
            secure=state.secure_cookies or request.url.scheme == "https",
            path="/",
        )
    leftover: list[Flash] = getattr(request.state, "new_flashes", [])
    if leftover and response.status_code in (302, 303):
        response.set_cookie(
            FLASH_COOKIE,
            _sign_blob(state.codec, {"m": [[f.level, f.text] for f in leftover]}),
            max_age=120,
            httponly=True,
            samesite="lax",
            path="/",
        )
    elif getattr(request.state, "flash_consumed", False):
        response.delete_cookie(FLASH_COOKIE, path="/")
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    )
    if response.media_type and response.media_type.startswith("text/html"):
        headers.setdefault("Cache-Control", "no-store")
    return response


def _load_flashes(request: Request, state: WebState) -> None:
    data = _unsign_blob(state.codec, request.cookies.get(FLASH_COOKIE))
    flashes: list[Flash] = []
    if data and isinstance(data.get("m"), list):
        for item in data["m"]:
            if isinstance(item, list) and len(item) == 2:
                flashes.append(Flash(str(item[0]), str(item[1])))
        request.state.flash_consumed = True
    request.state.flashes = flashes


async def _read_body(request: Request) -> tuple[str | None, FormData | None]:
    """Parse the form or JSON body once (kept on ``request.state``); the CSRF token it sent."""
    form: FormData | None = None
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        request.state.form = form
    elif content_type.startswith("application/json"):
        raw = await request.body()
        try:
            request.state.json_body = json.loads(raw) if raw else {}
        except ValueError:
            request.state.json_body = None
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header, form
    if form is not None:
        value = form.get(CSRF_FIELD)
        return (value if isinstance(value, str) else None), form
    return None, None


def form_of(request: Request) -> FormData:
    """The submitted form (parsed before the page ran); empty when none was sent."""
    form = getattr(request.state, "form", None)
    return form if isinstance(form, FormData) else FormData()


def json_of(request: Request) -> dict[str, Any]:
    """The submitted JSON object; :class:`InputError` when the body is not one."""
    body = getattr(request.state, "json_body", None)
    if not isinstance(body, dict):
        raise InputError(t("web.body_not_object"))
    return body


def _idempotency_key(request: Request, form: FormData | None) -> str | None:
    key = request.headers.get("idempotency-key")
    if not key and form is not None:
        value = form.get(IDEMPOTENCY_FIELD)
        key = value if isinstance(value, str) else None
    if key and 8 <= len(key) <= 100:
        return key
    return None


class PageRoute(APIRoute):
    """A page: session, language, CSRF, idempotency and error pages around the endpoint."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            state = web_state(request)
            session = state.codec.decode(request.cookies.get(SESSION_COOKIE))
            if session is None:
                session = new_session()
                request.state.new_session = True
            request.state.session = session
            request.state.language = _resolve_language(request)
            _load_flashes(request, state)
            request.state.form = None
            try:
                response = await _serve(request, state, session, original)
            finally:
                form = getattr(request.state, "form", None)
                if isinstance(form, FormData):
                    await form.close()
            return _finish(request, response, state)

        return handler


async def _serve(
    request: Request,
    state: WebState,
    session: SessionData,
    original: Callable[[Request], Coroutine[Any, Any, Response]],
) -> Response:
    form: FormData | None = None
    key: str | None = None
    entry = None
    owner = session.subject or session.csrf
    try:
        if request.method in _UNSAFE:
            submitted, form = await _read_body(request)
            if not tokens_match(session.csrf, submitted):
                return _csrf_failure(request)
            key = _idempotency_key(request, form)
            if key is not None:
                first, entry = state.idempotency.begin(owner, key)
                if not first:
                    answer = await state.idempotency.wait(entry)
                    if answer is None:
                        # The first attempt failed: this one does the work afresh.
                        first, entry = state.idempotency.begin(owner, key)
                    else:
                        repeated = Response(
                            answer.body, status_code=answer.status, media_type=answer.media_type
                        )
                        for name, value in answer.headers:
                            repeated.headers[name] = value
                        return repeated
        response = await original(request)
    except AuthenticationError as error:
        response = _on_auth_error(request, session, form, error)
    except FilmparkError as error:
        response = error_response(request, error)
    except Exception:
        # A fault of ours: logged with its traceback for us, a plain page for the reader. The
        # request's transaction was rolled back, so nothing was half-saved.
        log.exception("page %s %s failed", request.method, request.url.path)
        if entry is not None and key is not None:
            state.idempotency.abandon(owner, key, entry)
            entry = None
        response = _internal_error(request)
    except BaseException:
        if entry is not None and key is not None:
            state.idempotency.abandon(owner, key, entry)
        raise
    if entry is not None and key is not None:
        # A "sign in first" (401) did no work: the same action, re-sent after signing in with
        # the same key, must be done then, not answered with the old 401 again.
        if response.status_code < 500 and response.status_code != 401:
            stored = tuple(
                (name, value)
                for name, value in response.headers.items()
                if name.lower() in ("location", "content-type")
            )
            body = getattr(response, "body", b"")
            state.idempotency.finish(
                entry,
                status=response.status_code,
                body=body if isinstance(body, bytes) else b"",
                headers=stored,
                media_type=response.media_type,
            )
        else:
            state.idempotency.abandon(owner, key, entry)
    return response


def _referer_path(request: Request) -> str:
    """The path of the page that sent this request, when it is one of ours."""
    referer = request.headers.get("referer", "")
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.url.netloc:
        return "/projects"
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return safe_next(path, "/projects")


def _on_auth_error(
    request: Request, session: SessionData, form: FormData | None, error: AuthenticationError
) -> Response:
    if wants_json(request):
        message = gettext(request, "Your session expired. Sign in again to continue.")
        return JSONResponse(
            {"error": {"code": "authentication", "message": message}}, status_code=401
        )
    if request.method in _UNSAFE and form is not None and session.subject is not None:
        # A form sent after the sign-in expired: keep it, ask for the password, send it after.
        from filmpark.web.pages_auth import signin_page

        return signin_page(
            request,
            next_url=_referer_path(request),
            expired=True,
            kept=keep_form(request, form),
            status_code=401,
        )
    return _signin_redirect(request, session)


def form_text(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else default


def form_file(form: FormData, name: str) -> UploadFile | None:
    value = form.get(name)
    return value if isinstance(value, UploadFile) else None
