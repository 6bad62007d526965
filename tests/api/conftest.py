"""Fixtures of the API tests: the whole app on SQLite (and PostgreSQL when configured)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.clients import Platform, platform_for
from tests.api.testclient import TestClient
from tests.store.databases import BACKENDS


@pytest.fixture(scope="module", params=BACKENDS)
def platform(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    with platform_for(request.param, tmp_path_factory.mktemp("platform")) as built:
        yield built


@pytest.fixture
def client(platform: Platform) -> TestClient:
    return platform.client


@pytest.fixture
def data_dir(platform: Platform) -> Path:
    return platform.settings.data_dir
