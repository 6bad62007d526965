"""Sign in, register, sign out, and the language switch.

The session cookie carries the platform's signed, expiring access token
(:func:`filmpark.services.accounts.issue_token`); a page finds its reader with
:func:`~filmpark.services.accounts.user_for_token`, so pages and API agree on who is signed in
and for how long. Signing in applies the language stored on the account; switching language
stores it on the account (and in a cookie, for the pages before sign-in).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request, Response

from filmpark.errors import (
    AuthenticationError,
    Conflict,
    FilmparkError,
    RateLimited,
    ValidationError,
)
from filmpark.services import accounts
from filmpark.web.core import (
    PageRoute,
    current_user,
    flash,
    form_of,
    form_text,
    gettext,
    kept_form,
    language_of,
    localized,
    redirect,
    render,
    safe_next,
    session_of,
    set_language,
    set_session,
)
from filmpark.web.i18n import normalise_language
from filmpark.web.platform import client_ip, platform, write
from filmpark.web.session import SessionData, new_token

if TYPE_CHECKING:
    from filmpark.store.records import User

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def signin_page(
    request: Request,
    *,
    next_url: str = "/projects",
    expired: bool = False,
    kept: str | None = None,
    email: str = "",
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "auth/signin.html",
        status_code=status_code,
        title=gettext(request, "Sign in"),
        next_url=next_url,
        expired=expired,
        kept_form=kept,
        email=email,
        anonymous_page=True,
    )


def _sign_in(request: Request, user: User) -> None:
    settings = platform(request).settings
    token = accounts.issue_token(user, settings)
    lifetime = int(settings.token_lifetime.total_seconds())
    set_session(
        request,
        SessionData(csrf=new_token(), subject=token, expires_at=int(time.time()) + lifetime),
    )
    request.state.user = user
    if normalise_language(user.locale):
        set_language(request, user.locale)


def _validation_text(request: Request, error: FilmparkError) -> str:
    """The error in the reader's language where we know its field, else as the service said."""
    if isinstance(error, ValidationError):
        known = {
            "email": gettext(request, "That is not an email address."),
            "password": gettext(request, "The password must be at least 8 characters long."),
            "name": gettext(request, "Please give your name."),
        }
        return known.get(error.field, localized(request, error))
    if isinstance(error, Conflict):
        return gettext(request, "An account with this email already exists. Sign in instead.")
    if isinstance(error, RateLimited):
        return gettext(request, "Too many attempts. Wait a few minutes and try again.")
    if isinstance(error, AuthenticationError):
        return gettext(request, "Wrong email or password.")
    return localized(request, error)


@router.get("/", name="page_home")
def home(request: Request) -> Response:
    return redirect("/projects" if current_user(request) else "/signin")


@router.get("/signin", name="page_signin")
def signin_form(request: Request, next: str = "/projects", expired: int = 0) -> Response:
    if current_user(request) is not None and not expired:
        return redirect(safe_next(next))
    return signin_page(request, next_url=safe_next(next), expired=bool(expired))


@router.post("/signin")
def signin_submit(request: Request) -> Response:
    form = form_of(request)
    email, password = form_text(form, "email"), form.get("password")
    next_url = safe_next(form_text(form, "next"))
    kept = form_text(form, "kept_form") or None
    if not isinstance(password, str) or not email:
        flash(request, "error", gettext(request, "Wrong email or password."))
        return signin_page(request, next_url=next_url, kept=kept, email=email, status_code=401)
    with write(request) as tx:
        result = accounts.attempt_login(
            tx, email, password, ip=client_ip(request), settings=platform(request).settings
        )
    try:
        user = result.unwrap()
    except (AuthenticationError, RateLimited) as error:
        flash(request, "error", _validation_text(request, error))
        status = 429 if isinstance(error, RateLimited) else 401
        return signin_page(
            request,
            next_url=next_url,
            kept=kept,
            email=email,
            expired=bool(kept),
            status_code=status,
        )
    _sign_in(request, user)
    kept_data = kept_form(request, kept)
    if kept_data is not None:
        return render(
            request,
            "auth/resubmit.html",
            title=gettext(request, "Your change was kept"),
            kept=kept_data,
        )
    return redirect(next_url)


@router.get("/register", name="page_register")
def register_form(request: Request) -> Response:
    return render(
        request,
        "auth/register.html",
        title=gettext(request, "Create an account"),
        form={"name": "", "email": ""},
        anonymous_page=True,
    )


@router.post("/register")
def register_submit(request: Request) -> Response:
    form = form_of(request)
    name, email = form_text(form, "name"), form_text(form, "email")
    password = form.get("password")
    try:
        with write(request) as tx:
            user = accounts.register(
                tx,
                email,
                password if isinstance(password, str) else "",
                name,
                ip=client_ip(request),
                locale=language_of(request),
            )
    except (ValidationError, Conflict) as error:
        flash(request, "error", _validation_text(request, error))
        return render(
            request,
            "auth/register.html",
            status_code=422,
            title=gettext(request, "Create an account"),
            form={"name": name, "email": email},
            anonymous_page=True,
        )
    _sign_in(request, user)
    flash(request, "ok", gettext(request, "Welcome to filmpark, %(name)s.", name=user.name))
    return redirect("/projects")


@router.post("/signout", name="page_signout")
def signout(request: Request) -> Response:
    set_session(request, session_of(request).signed_out())
    request.state.user = None
    flash(request, "info", gettext(request, "You are signed out."))
    return redirect("/signin")


@router.post("/language", name="page_language")
def change_language(request: Request) -> Response:
    form = form_of(request)
    language = normalise_language(form_text(form, "language"))
    target = safe_next(form_text(form, "next"), "/")
    if language is None:
        return redirect(target)
    set_language(request, language)
    user = current_user(request)
    if user is not None:
        with write(request) as tx:
            request.state.user = accounts.set_locale(tx, user, language)
    return redirect(target)
