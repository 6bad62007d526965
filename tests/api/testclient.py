"""Starlette's TestClient (on the ``httpx2`` transport of the ``test`` extra)."""

from __future__ import annotations

from starlette.testclient import TestClient

__all__ = ["TestClient"]
