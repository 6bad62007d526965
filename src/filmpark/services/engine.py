"""The engine functions the platform calls, looked up where the engine defines them.

The platform is wired to the engine's public entry points by name (the parse contract, the
breakdown, the schedule solver, the plan use case). Looking them up here, in one place, keeps
each service readable and gives one clear message when an installation lacks a stage.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from filmpark.errors import ExternalServiceError


def engine_function(module: str, name: str) -> Callable[..., Any]:
    """``module.name`` of the engine (ExternalServiceError when this installation lacks it)."""
    try:
        found = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise ExternalServiceError(
            f"this installation of filmpark lacks {module}.{name}; update filmpark"
        ) from None
    if not callable(found):
        raise ExternalServiceError(f"{module}.{name} is not callable")
    return found  # type: ignore[no-any-return]


def has_engine_function(module: str, name: str) -> bool:
    try:
        return callable(getattr(importlib.import_module(module), name))
    except (ImportError, AttributeError):
        return False
