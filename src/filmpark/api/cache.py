"""Ready-to-send JSON bodies with strong entity tags, and the cache of stored versions' bodies.

A schedule or budget version never changes once stored (a change makes a new version), so its
response body is built once per server process — load, validate, serialise — and afterwards
sent as the same bytes, keyed by the version's id. Every body carries a strong ``ETag`` (a
hash of its bytes) and ``Cache-Control: private, no-cache``: a client may keep it but must ask
again, and a client that sends the tag back in ``If-None-Match`` gets ``304 Not Modified``
without the body.

The cache saves only the building of a body. Each request is still signed in and its
membership read from the database before anything is sent, 304 included: a member who was
removed loses access at once, and a non-member never learns whether a tag matches.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from hashlib import blake2b

from starlette.requests import Request
from starlette.responses import Response

# What an answer says about caching: only the person's own client may keep it, and only
# after asking again (the answer is confidential and may change with the next version).
CACHE_CONTROL = "private, no-cache"

NOT_MODIFIED: dict[int | str, dict[str, str]] = {
    304: {"description": "Not modified: the ETag sent in If-None-Match is still current"}
}


@dataclass(frozen=True, slots=True)
class JsonBody:
    """A JSON response body and its strong entity tag."""

    data: bytes
    etag: str

    @classmethod
    def of(cls, data: bytes) -> JsonBody:
        return cls(data, '"' + blake2b(data, digest_size=16).hexdigest() + '"')


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether ``If-None-Match`` names ``etag`` (weak comparison, RFC 9110 section 13.1.2)."""
    if not if_none_match:
        return False
    for candidate in if_none_match.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def send(request: Request, body: JsonBody) -> Response:
    """``body`` as a 200 JSON response, or a 304 when the client already holds it."""
    headers = {"ETag": body.etag, "Cache-Control": CACHE_CONTROL}
    if etag_matches(request.headers.get("if-none-match"), body.etag):
        return Response(status_code=304, headers=headers)
    return Response(body.data, media_type="application/json", headers=headers)


class BodyCache:
    """Bodies of stored versions by key, least recently used dropped first, bounded in bytes."""

    def __init__(self, *, max_bytes: int = 32 * 1024 * 1024, max_items: int = 1024) -> None:
        self.max_bytes = max_bytes
        self.max_items = max_items
        self._bodies: OrderedDict[tuple[str, str], JsonBody] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> JsonBody | None:
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                self._bodies.move_to_end(key)
            return body

    def put(self, key: tuple[str, str], body: JsonBody) -> JsonBody:
        """Keep ``body`` (unless it alone is larger than the cache) and return it."""
        if len(body.data) > self.max_bytes:
            return body
        with self._lock:
            old = self._bodies.pop(key, None)
            if old is not None:
                self._bytes -= len(old.data)
            self._bodies[key] = body
            self._bytes += len(body.data)
            while self._bytes > self.max_bytes or len(self._bodies) > self.max_items:
                _, dropped = self._bodies.popitem(last=False)
                self._bytes -= len(dropped.data)
        return body

    def __len__(self) -> int:
        return len(self._bodies)
