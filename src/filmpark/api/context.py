"""What a request needs from the platform: database, settings, job queue, file stores.

The composition root (:func:`filmpark.asgi.create_app`) builds one :class:`ApiContext` and
puts it on ``app.state.filmpark``; routes reach it through the ``Ctx`` dependency.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Annotated, Protocol

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from filmpark.api.cache import BodyCache
from filmpark.config import Settings
from filmpark.errors import AuthenticationError
from filmpark.services import accounts
from filmpark.store import Database, FileStore
from filmpark.store.reads import Reads
from filmpark.store.records import User
from filmpark.text import t


class _TokenCache:
    """Users of recently seen tokens, for a few seconds: most requests skip a transaction.

    Only a token already verified (signature, expiry, existing account) is cached, and never
    past its own expiry; a change to an account shows within ``TTL`` seconds.
    """

    TTL = 5.0
    SIZE = 4096

    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, User]] = {}
        self._lock = threading.Lock()

    def get(self, token: str) -> User | None:
        with self._lock:
            found = self._entries.get(token)
        if found is None or found[0] < time.monotonic():
            return None
        return found[1]

    def put(self, token: str, user: User, expires_at: float) -> None:
        with self._lock:
            if len(self._entries) >= self.SIZE:
                now = time.monotonic()
                self._entries = {k: v for k, v in self._entries.items() if v[0] > now}
                if len(self._entries) >= self.SIZE:
                    self._entries.clear()
            self._entries[token] = (min(time.monotonic() + self.TTL, expires_at), user)


class JobDispatcher(Protocol):
    """The job queue as the API sees it (``filmpark.jobs`` provides the implementations)."""

    @property
    def kind(self) -> str: ...

    def dispatch(self, job_id: str) -> None: ...


@dataclass(frozen=True, slots=True)
class ApiContext:
    database: Database
    settings: Settings
    queue: JobDispatcher
    tokens: _TokenCache = field(default_factory=lambda: _TokenCache())
    # Bodies of stored schedule and budget versions, built once per process (see api.cache).
    bodies: BodyCache = field(default_factory=BodyCache)
    reads: Reads = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reads", Reads(self.database))

    @property
    def scripts(self) -> FileStore:
        return FileStore(self.settings.scripts_dir)

    @property
    def renders(self) -> FileStore:
        return FileStore(self.settings.renders_dir)


async def get_context(request: Request) -> ApiContext:
    # ``async``: FastAPI runs a plain ``def`` dependency in the thread pool, a hop per request.
    return context_of(request)


def context_of(request: Request) -> ApiContext:
    context = getattr(request.app.state, "filmpark", None)
    if not isinstance(context, ApiContext):
        raise RuntimeError("the API was not installed by filmpark.asgi.create_app")
    return context


_bearer = HTTPBearer(auto_error=False, description="An access token from /api/v1/auth/login")


async def current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    if credentials is None or not credentials.credentials:
        raise AuthenticationError(t("api.sign_in_first"))
    token = credentials.credentials
    context = context_of(request)
    cached = context.tokens.get(token)
    if cached is not None:
        return cached
    with context.database.transaction(readonly=True) as tx:
        user = accounts.user_for_token(tx, token, context.settings)
    remaining = accounts.token_seconds_left(token, context.settings)
    context.tokens.put(token, user, time.monotonic() + remaining)
    return user


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


Ctx = Annotated[ApiContext, Depends(get_context)]
CurrentUser = Annotated[User, Depends(current_user)]
