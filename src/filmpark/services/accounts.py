"""Accounts: registration, sign-in with rate limiting, and signed expiring access tokens.

Public functions (all take the edge's :class:`~filmpark.store.Tx` and never commit)::

    register(tx, email, password, name, *, ip=None, locale="en") -> User
    attempt_login(tx, email, password, *, ip, settings) -> LoginResult   # .unwrap() -> User
    issue_token(user, settings) -> str
    user_for_token(tx, token, settings) -> User
    set_locale(tx, user, locale) -> User

Passwords are hashed with argon2id. A failed sign-in must be remembered even though it fails,
so :func:`attempt_login` does not raise: it records the attempt (and the audit entry) and
returns a :class:`LoginResult`; the edge commits, then calls :meth:`LoginResult.unwrap`, which
raises :class:`~filmpark.errors.AuthenticationError` or :class:`~filmpark.errors.RateLimited`.
Attempts are counted per account and address in the database, so the limit holds across every
API process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from filmpark.config import Settings
from filmpark.errors import AuthenticationError, FilmparkError, RateLimited, ValidationError
from filmpark.store import Tx
from filmpark.store.records import User
from filmpark.text import t

_HASHER = PasswordHasher()
# Verified against when the account does not exist, so both answers take the same time.
_DUMMY_HASH = _HASHER.hash("filmpark-no-such-account")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
LOCALES = ("en", "vi")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024


def normalise_email(email: str) -> str:
    value = email.strip().lower()
    if len(value) > 320 or not _EMAIL.match(value):
        raise ValidationError("email", t("account.not_email"))
    return value


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError("password", t("value.at_least_characters", limit=MIN_PASSWORD))
    if len(password) > MAX_PASSWORD:
        raise ValidationError("password", t("value.at_most_characters", limit=MAX_PASSWORD))


def register(
    tx: Tx, email: str, password: str, name: str, *, ip: str | None = None, locale: str = "en"
) -> User:
    """Create an account (Conflict when the email is taken)."""
    address = normalise_email(email)
    _check_password(password)
    display = " ".join(name.split())
    if not display:
        raise ValidationError("name", t("value.must_not_be_empty"))
    if len(display) > 200:
        raise ValidationError("name", t("value.at_most_characters", limit=200))
    if locale not in LOCALES:
        raise ValidationError("locale", t("value.one_of", expected=", ".join(LOCALES)))
    user = tx.users.add(address, display, _HASHER.hash(password), locale)
    tx.audit.add("user.register", actor_id=user.id, detail={"email": address}, ip=ip)
    return user


@dataclass(frozen=True, slots=True)
class LoginResult:
    """The outcome of a sign-in attempt, recorded whatever it was."""

    user: User | None
    error: FilmparkError | None = None

    def unwrap(self) -> User:
        if self.error is not None:
            raise self.error
        assert self.user is not None
        return self.user


def attempt_login(tx: Tx, email: str, password: str, *, ip: str, settings: Settings) -> LoginResult:
    """Check a password; record the attempt and an audit entry either way."""
    address = email.strip().lower()[:320]
    now = datetime.now(UTC)
    failures = tx.logins.failures_since(address, ip, now - settings.login_window)
    if failures >= settings.login_attempts:
        minutes = int(settings.login_window.total_seconds() // 60)
        tx.audit.add("user.login_blocked", actor_id=None, detail={"email": address}, ip=ip)
        return LoginResult(
            None,
            RateLimited(t("account.too_many_sign_ins", count=minutes)),
        )
    user = tx.users.by_email(address)
    stored = tx.users.password_hash(user.id) if user else _DUMMY_HASH
    try:
        _HASHER.verify(stored, password)
        ok = user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    tx.logins.add(address, ip, ok)
    if not ok or user is None:
        tx.audit.add(
            "user.login_failed",
            actor_id=user.id if user else None,
            detail={"email": address},
            ip=ip,
        )
        return LoginResult(None, AuthenticationError(t("account.wrong_password")))
    if _HASHER.check_needs_rehash(stored):
        tx.users.set_password_hash(user.id, _HASHER.hash(password))
    tx.audit.add("user.login", actor_id=user.id, detail={"email": address}, ip=ip)
    return LoginResult(user)


def issue_token(user: User, settings: Settings) -> str:
    """A signed (HS256) access token for ``user`` that expires after the configured lifetime."""
    now = datetime.now(UTC)
    claims = {
        "sub": user.id,
        "iat": int(now.timestamp()),
        "exp": int((now + settings.token_lifetime).timestamp()),
        "typ": "access",
    }
    return jwt.encode(claims, settings.secret_key, algorithm="HS256")


def user_for_token(tx: Tx, token: str, settings: Settings) -> User:
    """The user a token was issued to (AuthenticationError when expired, forged or stale)."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=["HS256"],
            options={"require": ["exp", "sub", "iat"]},
        )
    except jwt.ExpiredSignatureError:
        raise AuthenticationError(t("account.token_expired")) from None
    except jwt.PyJWTError:
        raise AuthenticationError(t("account.token_invalid")) from None
    if claims.get("typ") != "access" or not isinstance(claims.get("sub"), str):
        raise AuthenticationError(t("account.token_invalid"))
    user = tx.users.by_id(claims["sub"])
    if user is None:
        raise AuthenticationError(t("account.token_user_gone"))
    return user


def token_seconds_left(token: str, settings: Settings) -> float:
    """Seconds until a verified token expires (0 when it cannot be read)."""
    try:
        claims = jwt.decode(token, settings.secret_key, algorithms=["HS256"])
    except jwt.PyJWTError:
        return 0.0
    return max(0.0, float(claims.get("exp", 0)) - datetime.now(UTC).timestamp())


def set_locale(tx: Tx, user: User, locale: str) -> User:
    """Remember the user's language for pages and documents (``en`` or ``vi``)."""
    if locale not in LOCALES:
        raise ValidationError("locale", t("value.one_of", expected=", ".join(LOCALES)))
    return tx.users.set_locale(user.id, locale)
