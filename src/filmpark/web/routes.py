"""The list of page routers, and how a page finds its signed-in reader."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fastapi import APIRouter, FastAPI

from filmpark.errors import AuthenticationError
from filmpark.services import accounts
from filmpark.web import (
    pages_ai,
    pages_auth,
    pages_breakdown,
    pages_budget,
    pages_documents,
    pages_projects,
    pages_schedule,
    pages_scripts,
)
from filmpark.web.platform import Platform

if TYPE_CHECKING:
    from filmpark.store.records import User

ROUTERS: tuple[APIRouter, ...] = (
    pages_auth.router,
    pages_projects.router,
    pages_scripts.router,
    pages_breakdown.router,
    pages_schedule.router,
    pages_budget.router,
    pages_documents.router,
    pages_ai.router,
)


def user_loader(app: FastAPI) -> Callable[[str], User | None]:
    """Turn the session's access token into the user it was issued to (None once expired)."""

    def load(token: str) -> User | None:
        found: Platform = app.state.filmpark_platform
        try:
            with found.database.transaction(readonly=True) as tx:
                return accounts.user_for_token(tx, token, found.settings)
        except AuthenticationError:
            return None

    return load
