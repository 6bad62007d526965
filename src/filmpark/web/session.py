"""The pages' cookie session: signed, HttpOnly, SameSite=Lax, with a CSRF token.

The cookie carries a small JSON document signed with HMAC-SHA256 under the platform's secret
key: the CSRF token of this browser, and, once someone signs in, who they are and until when.
Nothing secret is in it (it is signed, not encrypted), and nothing in it is trusted unless the
signature holds. Sign-in expiry is separate from the CSRF token on purpose: when a sign-in
expires mid-edit, the page's token still proves that a form came from our page, so the edit
can be kept and re-submitted once the person signs in again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass, replace

SESSION_COOKIE = "filmpark_session"
LANGUAGE_COOKIE = "filmpark_lang"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
IDEMPOTENCY_FIELD = "idempotency_key"


@dataclass(frozen=True, slots=True)
class SessionData:
    """What the session cookie says: the CSRF token and, when signed in, who and until when."""

    csrf: str
    subject: str | None = None
    expires_at: int = 0

    def signed_in(self, now: float | None = None) -> bool:
        """True while a subject is present and their sign-in has not expired."""
        moment = time.time() if now is None else now
        return self.subject is not None and moment < self.expires_at

    def expired(self, now: float | None = None) -> bool:
        """True when someone was signed in and the sign-in ran out (not: never signed in)."""
        return self.subject is not None and not self.signed_in(now)

    def with_subject(self, subject: str, lifetime_seconds: int) -> SessionData:
        # A new CSRF token on sign-in: a token planted before sign-in is worthless after it.
        return SessionData(
            csrf=new_token(), subject=subject, expires_at=int(time.time()) + lifetime_seconds
        )

    def signed_out(self) -> SessionData:
        return replace(self, subject=None, expires_at=0, csrf=new_token())


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_session() -> SessionData:
    return SessionData(csrf=new_token())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SessionCodec:
    """Turns :class:`SessionData` into a signed cookie value and back."""

    def __init__(self, secret: str | bytes) -> None:
        key = secret.encode("utf-8") if isinstance(secret, str) else secret
        # Derive a key of our own so the cookie signature never equals a token signature.
        self._key = hashlib.sha256(b"filmpark.web.session\x00" + key).digest()

    def sign(self, payload: str) -> str:
        return _b64(hmac.new(self._key, payload.encode("ascii"), hashlib.sha256).digest())

    def encode(self, data: SessionData) -> str:
        body = {"c": data.csrf, "s": data.subject, "e": data.expires_at}
        payload = _b64(json.dumps(body, separators=(",", ":")).encode("utf-8"))
        return f"{payload}.{self.sign(payload)}"

    def decode(self, value: str | None) -> SessionData | None:
        """The session in ``value``, or None when it is missing, malformed or forged."""
        if not value or value.count(".") != 1:
            return None
        payload, signature = value.split(".")
        try:
            expected = self.sign(payload)
        except UnicodeEncodeError:
            return None
        if not hmac.compare_digest(expected, signature):
            return None
        try:
            body = json.loads(_unb64(payload))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(body, dict):
            return None
        csrf, subject, expires = body.get("c"), body.get("s"), body.get("e")
        if not isinstance(csrf, str) or not csrf:
            return None
        if subject is not None and not isinstance(subject, str):
            return None
        if not isinstance(expires, int):
            return None
        return SessionData(csrf=csrf, subject=subject, expires_at=expires)


def tokens_match(expected: str, given: str | None) -> bool:
    """Constant-time comparison of the session's CSRF token with the one a request sent."""
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())
