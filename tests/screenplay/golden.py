"""The suite's ``--update-golden`` switch (a pytest plugin, loaded from ``pyproject.toml``).

``pytest --update-golden`` (or ``FILMPARK_UPDATE_GOLDEN=1 pytest``) rewrites golden files
from the current output instead of comparing with them; read the diff before committing it.
It is a plugin rather than a ``conftest.py`` hook so that the option exists whichever test
folders a run collects.
"""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output instead of comparing",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--update-golden", default=False):
        os.environ["FILMPARK_UPDATE_GOLDEN"] = "1"


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run should rewrite golden files rather than compare with them."""
    option = bool(request.config.getoption("--update-golden", default=False))
    return option or os.environ.get("FILMPARK_UPDATE_GOLDEN") == "1"
