"""Builders for breakdown tests: scripts from a few lines of Fountain, or element by element."""

from __future__ import annotations

from filmpark.screenplay import read
from filmpark.screenplay.model import (
    DayNight,
    Element,
    ElementKind,
    IntExt,
    Scene,
    SceneHeading,
    Script,
)
from filmpark.units import Eighths, SceneNumber


def script_from_fountain(text: str, source: str = "test.fountain") -> Script:
    """Read ``text`` with the real Fountain reader (line numbers are those of ``text``)."""
    return read(text.encode("utf-8"), source)


def one_scene(body: str, heading: str = "INT. KITCHEN - NIGHT") -> Script:
    """A one-scene script: ``heading`` then ``body`` (Fountain)."""
    return script_from_fountain(f"{heading}\n\n{body.strip()}\n")


def an_action(text: str, line: int = 3) -> Element:
    return Element(ElementKind.ACTION, text, line=line)


def a_cue(name: str, line: int = 5, extension: str | None = None) -> Element:
    return Element(ElementKind.CHARACTER, name, line=line, name=name, extension=extension)


def a_dialogue(text: str, line: int = 6) -> Element:
    return Element(ElementKind.DIALOGUE, text, line=line)


def a_scene(
    number: str = "1",
    *elements: Element,
    location: str = "KITCHEN",
    int_ext: IntExt = IntExt.INT,
    time: str = "NIGHT",
    line: int = 1,
) -> Scene:
    heading = SceneHeading(
        f"{int_ext.value}. {location} - {time}",
        int_ext,
        location,
        time,
        DayNight.NIGHT if time == "NIGHT" else DayNight.DAY,
    )
    return Scene(
        index=int("".join(ch for ch in number if ch.isdigit()) or 1) - 1,
        number=SceneNumber(number),
        heading=heading,
        elements=tuple(elements),
        line=line,
        eighths=Eighths(1),
    )


def a_script(*scenes: Scene, source: str = "built.fountain", language: str = "en") -> Script:
    elements = tuple(e for scene in scenes for e in scene.elements)
    return Script(
        title_page=(),
        elements=elements,
        scenes=tuple(scenes),
        characters=(),
        diagnostics=(),
        language=language,
        source=source,
    )
