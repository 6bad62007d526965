"""Fixtures of the job tests: a database per backend, settings, and a project to work in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from filmpark.store import Database
from tests.store.databases import BACKENDS, database_for


@pytest.fixture(scope="module", params=BACKENDS)
def database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    with database_for(request.param, tmp_path_factory.mktemp("db")) as db:
        yield db


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
