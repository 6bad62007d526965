"""One answer per submitted form: a repeated idempotency key gets the first answer again.

Every page form carries a fresh ``idempotency_key`` (and every ``fetch`` an
``Idempotency-Key`` header). A double click, a browser retry or a re-sent form arrives with
the same key: the first request does the work, the repeats wait for it and receive the
answer it gave (the redirect after a form, the JSON after a fetch) without doing it twice.
Keys are remembered per signed-in person for a while, in this process.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from dataclasses import dataclass, field


@dataclass(slots=True)
class _Entry:
    done: asyncio.Event = field(default_factory=asyncio.Event)
    status: int = 0
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    media_type: str | None = None
    at: float = field(default_factory=time.monotonic)


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...]
    media_type: str | None


class IdempotencyCache:
    """Remembers the answers to recent keys (bounded in count and age)."""

    def __init__(self, *, capacity: int = 10_000, ttl_seconds: float = 3600.0) -> None:
        self._entries: OrderedDict[tuple[str, str], _Entry] = OrderedDict()
        self._capacity = capacity
        self._ttl = ttl_seconds

    def _evict(self) -> None:
        now = time.monotonic()
        while self._entries:
            key, entry = next(iter(self._entries.items()))
            if len(self._entries) > self._capacity or now - entry.at > self._ttl:
                del self._entries[key]
            else:
                break

    def begin(self, owner: str, key: str) -> tuple[bool, _Entry]:
        """``(True, entry)`` for the first request with this key; ``(False, entry)`` for a repeat."""
        self._evict()
        existing = self._entries.get((owner, key))
        if existing is not None:
            return False, existing
        entry = _Entry()
        self._entries[(owner, key)] = entry
        return True, entry

    def finish(
        self,
        entry: _Entry,
        *,
        status: int,
        body: bytes,
        headers: tuple[tuple[str, str], ...],
        media_type: str | None,
    ) -> None:
        entry.status, entry.body, entry.headers, entry.media_type = (
            status,
            body,
            headers,
            media_type,
        )
        entry.done.set()

    def abandon(self, owner: str, key: str, entry: _Entry) -> None:
        """The first request failed without an answer worth repeating: let a retry do the work."""
        if self._entries.get((owner, key)) is entry:
            del self._entries[(owner, key)]
        entry.status = 0
        entry.done.set()

    async def wait(self, entry: _Entry, timeout: float = 60.0) -> StoredAnswer | None:
        """The first request's answer, once it has one (None if it failed or took too long)."""
        try:
            await asyncio.wait_for(entry.done.wait(), timeout)
        except TimeoutError:
            return None
        if entry.status == 0:
            return None
        return StoredAnswer(entry.status, entry.body, entry.headers, entry.media_type)
