"""The screenplay model every reader produces and every later stage reads.

A :class:`Script` is a title page, the document's :class:`Element` s in order, the
:class:`Scene` s they fall into (each with its parsed :class:`SceneHeading`, its page and its
length in :class:`~filmpark.units.Eighths`), the :class:`Character` s who speak, and the
:class:`Diagnostic` s a reader collected. All of it is frozen: a revision is a new Script.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum

from filmpark.text import Text
from filmpark.units import Eighths, SceneNumber


class ElementKind(Enum):
    """What a paragraph of a screenplay is (the Fountain 1.1 and FDX element types)."""

    SCENE_HEADING = "scene_heading"
    ACTION = "action"
    CHARACTER = "character"
    PARENTHETICAL = "parenthetical"
    DIALOGUE = "dialogue"
    TRANSITION = "transition"
    CENTERED = "centered"
    LYRICS = "lyrics"
    SECTION = "section"
    SYNOPSIS = "synopsis"
    NOTE = "note"
    PAGE_BREAK = "page_break"
    SHOT = "shot"


class DualSide(Enum):
    """Which column of a dual-dialogue block a speech belongs to."""

    LEFT = "left"
    RIGHT = "right"


class IntExt(Enum):
    """Interior, exterior or both (``INT./EXT.``, ``I/E``, ``NỘI/NGOẠI.``)."""

    INT = "INT"
    EXT = "EXT"
    INT_EXT = "INT/EXT"


class DayNight(Enum):
    """The lighting condition a scene is shot in, derived from the heading's time."""

    DAY = "D"
    NIGHT = "N"
    DAWN = "DAWN"
    DUSK = "DUSK"
    UNKNOWN = "?"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A recoverable oddity a reader noticed: where (source file, 1-based line) and what.

    ``message`` is a :class:`~filmpark.text.Text` from the catalogue: it reads English as a
    ``str`` (``Script.1`` JSON keeps it so) and ``message.in_("vi")`` reads Vietnamese.
    """

    source: str
    line: int
    message: Text


@dataclass(frozen=True, slots=True)
class Tag:
    """A breakdown tag carried by an FDX ``TagData`` section (kept for round trips)."""

    number: str
    category: str
    name: str
    category_id: str = ""
    element_id: str = ""


@dataclass(frozen=True, slots=True)
class TextRun:
    """A styled run of an FDX paragraph (kept so an FDX round trip loses nothing we read)."""

    text: str
    style: str = ""
    revision_id: str = ""
    tag_number: str = ""


@dataclass(frozen=True, slots=True)
class Element:
    """One paragraph of the screenplay, in document order.

    ``text`` keeps Fountain emphasis marks (``*italic*``, ``**bold**``, ``_underline_``) and
    line breaks inside the paragraph. A character cue has ``name`` (the canonical cue, without
    extensions) and ``extension`` (``V.O.``, ``CONT'D``...). ``line`` is the 1-based line in the
    source file (0 where the format has no lines).
    """

    kind: ElementKind
    text: str
    line: int = 0
    name: str | None = None
    extension: str | None = None
    dual: DualSide | None = None
    forced: bool = False
    depth: int = 0
    scene_number: str | None = None
    page: int | None = None
    revision: str | None = None
    runs: tuple[TextRun, ...] = ()
    tags: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SceneHeading:
    """A scene heading taken apart: ``EXT. CANAL STREET - NIGHT``.

    ``location`` is the upper-cased place with any sub-locations joined by `` - ``;
    ``set_name`` is its first part and ``sub_location`` the rest. ``time`` is the final time or
    continuity word as written (upper case), or None. ``continuity`` is True for
    ``CONTINUOUS`` / ``LATER`` / ``LIÊN TỤC``, whose day/night is carried from the scene before.
    """

    text: str
    int_ext: IntExt | None
    location: str
    time: str | None
    day_night: DayNight = DayNight.UNKNOWN
    continuity: bool = False
    modifier: str | None = None

    @property
    def set_name(self) -> str:
        return self.location.split(" - ")[0]

    @property
    def sub_location(self) -> str | None:
        parts = self.location.split(" - ", 1)
        return parts[1] if len(parts) > 1 else None


@dataclass(frozen=True, slots=True)
class Scene:
    """A scene: its heading and the elements up to the next heading.

    ``number`` is the script's own number when it has one (``explicit_number``), else the
    1-based position. ``page`` is the page the heading is printed on and ``eighths`` its
    length on the industry page (at least 1/8).
    """

    index: int
    number: SceneNumber
    heading: SceneHeading
    elements: tuple[Element, ...]
    line: int
    page: int = 1
    eighths: Eighths = field(default_factory=lambda: Eighths(1))
    explicit_number: bool = False
    omitted: bool = False

    @property
    def speaking(self) -> tuple[str, ...]:
        """Canonical names of the characters with a cue in this scene, in order of first cue."""
        seen: dict[str, None] = {}
        for element in self.elements:
            if element.kind is ElementKind.CHARACTER and element.name:
                seen.setdefault(element.name, None)
        return tuple(seen)

    def text(self) -> str:
        """The scene's body as plain text, one element a line (for search and matching)."""
        return "\n".join(e.text for e in self.elements if e.kind is not ElementKind.NOTE)


@dataclass(frozen=True, slots=True)
class Character:
    """A speaking character: canonical cue name, the scenes they speak in, their line count."""

    name: str
    scenes: tuple[str, ...]
    lines: int
    cue_forms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Script:
    """A whole screenplay as read from one file."""

    title_page: tuple[tuple[str, str], ...]
    elements: tuple[Element, ...]
    scenes: tuple[Scene, ...]
    characters: tuple[Character, ...]
    diagnostics: tuple[Diagnostic, ...]
    language: str = "en"
    source: str = ""
    source_format: str = "fountain"
    page_count: int = 0
    length: Eighths = field(default_factory=lambda: Eighths(0))
    attributes: tuple[tuple[str, str], ...] = ()
    # Breakdown tags the source file carried (FDX ``TagData``); text runs point at them by number.
    tags: tuple[Tag, ...] = ()

    @property
    def title(self) -> str | None:
        for key, value in self.title_page:
            if key.lower() == "title":
                return value.strip() or None
        return None

    def scene(self, number: str) -> Scene:
        """The scene numbered ``number`` (raises :class:`~filmpark.errors.NotFound`)."""
        for scene in self.scenes:
            if scene.number.text == number:
                return scene
        from filmpark.errors import NotFound
        from filmpark.text import t

        if self.source:
            raise NotFound(t("screenplay.no_scene_in", number=repr(number), source=self.source))
        raise NotFound(t("screenplay.no_scene", number=repr(number)))


def switched_draft_mirrors(
    cls: type, make_draft: Callable[..., object], sample: tuple[object, ...], field_count: int
) -> bool:
    """Whether a draft made by ``make_draft(*sample)`` and switched to ``cls`` equals
    ``cls(*sample)``.

    The readers build their frozen model objects as writable drafts with the same slots and
    then switch the draft's class (a frozen dataclass's ``__init__`` pays one
    ``object.__setattr__`` per field). They check this once at import; should the model gain a
    field (``field_count`` no longer matches), they fall back to the constructor: slower, never
    wrong.
    """
    if len(fields(cls)) != field_count:
        return False
    try:
        draft = make_draft(*sample)
        object.__setattr__(draft, "__class__", cls)
        return bool(draft == cls(*sample))
    except (AttributeError, TypeError):
        return False
