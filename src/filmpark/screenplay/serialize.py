"""The ``Script.1`` JSON contract (issue 2), which ``filmpark parse --json`` prints.

Later tools and checks read exactly these keys; a change of shape is a new schema version::

    {"schema": "Script.1", "title": str|null, "language": "en"|"vi"|..., "pages": str,
     "scenes": [{"number": str, "heading": str, "int_ext": "INT"|"EXT"|"INT/EXT"|null,
                 "location": str, "time": str|null, "page": int, "eighths": int,
                 "speaking": [str, ...], "line": int}],
     "characters": [{"name": str, "scenes": [str, ...], "lines": int}],
     "diagnostics": [{"line": int, "message": str}]}

``pages`` is the script's printed length in eighths notation (``"118 5/8"``); ``eighths`` is a
scene's length as a whole number of eighths.
"""

from __future__ import annotations

import re
from typing import Any

from filmpark.screenplay.model import Scene, Script

SCHEMA = "Script.1"


def scene_to_json(scene: Scene) -> dict[str, Any]:
    heading = scene.heading
    return {
        "number": scene.number.text,
        "heading": heading.text,
        "int_ext": heading.int_ext.value if heading.int_ext is not None else None,
        "location": heading.location,
        "time": heading.time,
        "page": scene.page,
        "eighths": scene.eighths.value,
        "speaking": list(scene.speaking),
        "line": scene.line,
    }


_MARKS_RE = re.compile(r"(?<!\\)(\*{1,3}|_)")


def plain_title(script: Script) -> str | None:
    """The title as one line, without Fountain emphasis marks (``**BIG FISH**``)."""
    title = script.title
    if title is None:
        return None
    text = " ".join(part.strip() for part in _MARKS_RE.sub("", title).split("\n") if part.strip())
    return text or None


def script_to_json(script: Script) -> dict[str, Any]:
    """The ``Script.1`` object for ``script``."""
    return {
        "schema": SCHEMA,
        "title": plain_title(script),
        "language": script.language,
        "pages": str(script.length),
        "scenes": [scene_to_json(scene) for scene in script.scenes],
        "characters": [
            {"name": c.name, "scenes": list(c.scenes), "lines": c.lines} for c in script.characters
        ],
        "diagnostics": [{"line": d.line, "message": d.message} for d in script.diagnostics],
    }
