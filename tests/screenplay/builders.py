"""Builders for screenplay tests (and for the stages after it): scripts from a few lines.

``a_script(a_scene("INT. KITCHEN - DAY", "Lan cooks.", speech("LAN", "Pho?")))`` reads the
Fountain those helpers write, so a test states only what it cares about.
"""

from __future__ import annotations

from filmpark.screenplay.fountain import read_fountain
from filmpark.screenplay.model import Scene, Script


def speech(cue: str, *lines: str) -> str:
    """A character cue and its lines (a line in parentheses is a parenthetical)."""
    return "\n".join((cue, *lines))


def a_scene(heading: str = "INT. KITCHEN - DAY", *paragraphs: str) -> str:
    """A scene as Fountain: its heading and paragraphs, separated by blank lines."""
    return "\n\n".join((heading, *paragraphs))


def fountain(*blocks: str, title: str | None = None) -> str:
    """A Fountain document from scenes or other blocks, with an optional title page."""
    head = f"Title: {title}\n\n" if title else ""
    return head + "\n\n".join(blocks) + "\n"


def a_script(*blocks: str, title: str | None = None, source: str = "test.fountain") -> Script:
    """The Script read from the Fountain the blocks make (one scene by default)."""
    return read_fountain(fountain(*(blocks or (a_scene(),)), title=title), source)


def only_scene(script: Script) -> Scene:
    assert len(script.scenes) == 1, [s.heading.text for s in script.scenes]
    return script.scenes[0]
