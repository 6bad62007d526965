"""Suite-wide fixtures: paths to the shared reference data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Messages read English in tests whatever the machine's locale (a Vietnamese test sets its own
# FILMPARK_LANG or --lang); commands run as subprocesses inherit this.
os.environ.setdefault("FILMPARK_LANG", "en")
SHARED = (REPO / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ``../shared``; skips the test when the folder is absent (fails on CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"shared reference data missing on CI: {path}")
        pytest.skip(f"shared reference data not present: {path}")
    return path
