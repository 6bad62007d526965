"""Scene headings taken apart: prefix (INT/EXT), location, time of day, scene number.

Understands the English prefixes of the Fountain spec (https://fountain.io/syntax#scene-headings:
``INT`` ``EXT`` ``EST`` ``INT./EXT`` ``INT/EXT`` ``I/E``, any case, followed by a dot or a space)
plus the forms writers actually type: ``EXT-VILLA``, ``I./E.``, ``EXT/INT.`` (which the Fountain
reader alone, following the spec, reads as action: :func:`unlisted_exterior_first`); the Vietnamese
prefixes ``NỘI.`` / ``NGOẠI.`` / ``NỘI/NGOẠI.`` and the shooting-script style
``Nội ngày. Tại nhà bà Tư``; and the Cyrillic ``ИНТ.`` / ``НАТ.``.

Location and time are upper-cased with :meth:`str.upper` (diacritics kept). The time is the
last `` - `` segment when it is a time or continuity word; a trailing parenthetical such as
``(FLASHBACK)`` or ``(1972)`` is kept apart as the heading's ``modifier``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import cast

from filmpark.screenplay.model import DayNight, IntExt, SceneHeading, switched_draft_mirrors

# A Fountain scene number closes the heading: ``INT. HOUSE - DAY #12A#``.
_SCENE_NUMBER_RE = re.compile(r"\s*#([^#\s][^#]*)#\s*$")

# English prefixes, longest first; the separator after them is a dot, spaces or a dash.
_EN_PREFIX_RE = re.compile(
    r"""^(?:
        (?P<ie>(?:INT(?:ERIOR)?\.?\s*/\s*EXT(?:ERIOR)?|EXT(?:ERIOR)?\.?\s*/\s*INT(?:ERIOR)?
              |I\.?\s*/\s*E|E\.?\s*/\s*I|INT\.?\s*-\s*EXT|INT\.\s*EXT)\.?)
        |(?P<int>INT)\.?
        |(?P<ext>EXT)\.?
        |(?P<est>EST)\.?
    )(?=[\s.\-–—。]|$)[\s.\-–—。]*""",
    re.IGNORECASE | re.VERBOSE,
)

# Vietnamese prefixes (interior NỘI, exterior NGOẠI), NFC; matched case-insensitively.
_VI_PREFIX_RE = re.compile(
    r"^(?:(?P<ie>NỘI\s*/\s*NGOẠI|NGOẠI\s*/\s*NỘI|NỘI\s*-\s*NGOẠI)|(?P<int>NỘI)|(?P<ext>NGOẠI))"
    r"(?P<sep>\.|:|\s*[-–—]\s|\s+|$)\s*",
    re.IGNORECASE,
)

# Cyrillic prefixes: ИНТ. (interior), НАТ. (exterior, "натура"), ЭКСТ.
_RU_PREFIX_RE = re.compile(
    r"^(?:(?P<ie>ИНТ\.?\s*/\s*НАТ|НАТ\.?\s*/\s*ИНТ)|(?P<int>ИНТ)|(?P<ext>НАТ|ЭКСТ))\.?(?=[\s.\-–—]|$)[\s.\-–—]*",
    re.IGNORECASE,
)

# Words that name a time of day or continuity, upper case, NFC, with their day/night.
_TIMES: dict[str, DayNight] = {
    "DAY": DayNight.DAY,
    "MORNING": DayNight.DAY,
    "EARLY MORNING": DayNight.DAY,
    "LATE MORNING": DayNight.DAY,
    "AFTERNOON": DayNight.DAY,
    "LATE AFTERNOON": DayNight.DAY,
    "NOON": DayNight.DAY,
    "MIDDAY": DayNight.DAY,
    "DAYTIME": DayNight.DAY,
    "NIGHT": DayNight.NIGHT,
    "LATE NIGHT": DayNight.NIGHT,
    "EVENING": DayNight.NIGHT,
    "MIDNIGHT": DayNight.NIGHT,
    "NIGHTTIME": DayNight.NIGHT,
    "PRE-DAWN": DayNight.DAWN,
    "DAWN": DayNight.DAWN,
    "SUNRISE": DayNight.DAWN,
    "FIRST LIGHT": DayNight.DAWN,
    "DUSK": DayNight.DUSK,
    "SUNSET": DayNight.DUSK,
    "TWILIGHT": DayNight.DUSK,
    "MAGIC HOUR": DayNight.DUSK,
    "GOLDEN HOUR": DayNight.DUSK,
    # Vietnamese
    "NGÀY": DayNight.DAY,
    "BAN NGÀY": DayNight.DAY,
    "SÁNG": DayNight.DAY,
    "SÁNG SỚM": DayNight.DAY,
    "BUỔI SÁNG": DayNight.DAY,
    "TRƯA": DayNight.DAY,
    "BUỔI TRƯA": DayNight.DAY,
    "CHIỀU": DayNight.DAY,
    "BUỔI CHIỀU": DayNight.DAY,
    "ĐÊM": DayNight.NIGHT,
    "BAN ĐÊM": DayNight.NIGHT,
    "ĐÊM KHUYA": DayNight.NIGHT,
    "KHUYA": DayNight.NIGHT,
    "TỐI": DayNight.NIGHT,
    "BUỔI TỐI": DayNight.NIGHT,
    "BÌNH MINH": DayNight.DAWN,
    "RẠNG SÁNG": DayNight.DAWN,
    "HOÀNG HÔN": DayNight.DUSK,
    "CHẠNG VẠNG": DayNight.DUSK,
    # Chinese and Japanese
    "日": DayNight.DAY,
    "天": DayNight.DAY,
    "昼": DayNight.DAY,
    "朝": DayNight.DAY,
    "夜": DayNight.NIGHT,
    "晚": DayNight.NIGHT,
    "夕": DayNight.DUSK,
    # Russian
    "ДЕНЬ": DayNight.DAY,
    "УТРО": DayNight.DAY,
    "НОЧЬ": DayNight.NIGHT,
    "ВЕЧЕР": DayNight.NIGHT,
    "РАССВЕТ": DayNight.DAWN,
    "ЗАКАТ": DayNight.DUSK,
}

# Continuity words: the scene plays straight on from the one before, whose day/night it keeps.
_CONTINUITY = frozenset(
    {
        "CONTINUOUS",
        "CONT.",
        "CONT",
        "CONTINUING",
        "LATER",
        "MOMENTS LATER",
        "MOMENT LATER",
        "A MOMENT LATER",
        "A FEW MOMENTS LATER",
        "MINUTES LATER",
        "A FEW MINUTES LATER",
        "SECONDS LATER",
        "SAME TIME",
        "SAME",
        "SAME NIGHT",
        "SAME DAY",
        "LIÊN TỤC",
        "TIẾP THEO",
        "LÁT SAU",
        "CÙNG LÚC",
        "ПРОДОЛЖЕНИЕ",
    }
)
_SAME_DN = {"SAME NIGHT": DayNight.NIGHT, "SAME DAY": DayNight.DAY}

_TRAILING_PAREN_RE = re.compile(r"\s*(\([^()]*\)|\[[^\[\]]*\])\s*$")
_SEGMENT_SPLIT_RE = re.compile(r"\s+[-–—]+\s+|\s+--\s*|\s*--\s+")
_TIGHT_DASH_RE = re.compile(r"^(.*\S)\s*[-–—]\s*([^\-–—]+)$")
_VI_STYLE_RE = re.compile(r"^(?P<time>[^.,:]+?)\s*[.,:]\s*(?:TẠI\s+)?(?P<loc>.*)$", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")
_WORD_SPLIT_RE = re.compile(r"[\s/\[\]]+")
_DAY_NUMBER_RE = re.compile(r"^(.*?)(?:\s+\d+|\s+#\d+)$")


class _HeadingDraft:
    """A :class:`SceneHeading` being built: the same slots, filled with plain stores.

    A frozen dataclass's ``__init__`` calls ``object.__setattr__`` once per field, which made
    building a script's headings slower than parsing them. :func:`_new_heading` fills a draft
    and switches its class to SceneHeading, which CPython allows because both have exactly the
    same slots; the result equals what ``SceneHeading(...)`` makes (checked at import).
    """

    __slots__ = SceneHeading.__slots__

    def __init__(
        self,
        text: str,
        int_ext: IntExt | None,
        location: str,
        time: str | None,
        day_night: DayNight,
        continuity: bool,
        modifier: str | None,
    ) -> None:
        self.text = text
        self.int_ext = int_ext
        self.location = location
        self.time = time
        self.day_night = day_night
        self.continuity = continuity
        self.modifier = modifier


def _new_heading(
    text: str,
    int_ext: IntExt | None,
    location: str,
    time: str | None,
    day_night: DayNight = DayNight.UNKNOWN,
    continuity: bool = False,
    modifier: str | None = None,
) -> SceneHeading:
    """``SceneHeading(...)``, without the frozen dataclass's per-field cost (see the draft)."""
    if not _HEADING_DRAFT_MIRRORS:
        return SceneHeading(text, int_ext, location, time, day_night, continuity, modifier)
    draft = _HeadingDraft(text, int_ext, location, time, day_night, continuity, modifier)
    object.__setattr__(draft, "__class__", SceneHeading)
    return cast(SceneHeading, draft)


# Should the model gain a field, headings are built by the constructor (slower, never wrong).
_HEADING_DRAFT_MIRRORS = switched_draft_mirrors(
    SceneHeading, _HeadingDraft, (".X", IntExt.INT, "X", "DAY", DayNight.DAY, True, "M"), 7
)


#: A longer line is a paragraph, not a heading (and is never run through the heading patterns).
MAX_HEADING = 1000

# A cheap first look (most lines of a script start with none of these) before the full parse;
# NFD input ("NO" + combining marks) passes it too.
_QUICK_PREFIX_RE = re.compile(r"(?:INT|EXT|EST|I\.?\s*/|E\.?\s*/|N|ИНТ|НАТ|ЭКСТ)", re.IGNORECASE)
# Every first letter the quick look above can match (case-insensitive, with the Turkish dotted
# and dotless i that Unicode folds to i): the reader asks about thousands of lines a script.
HEADING_FIRST = frozenset("IiEeNnİıИиНнЭэ.")


# The prefixes Fountain 1.1 lists (INT, EXT, EST, INT./EXT, INT/EXT, I/E), each followed by a dot
# or a space (INT./EXT and INT/EXT start with INT followed by one of them, or are listed here).
_FOUNTAIN_PREFIX_RE = re.compile(r"(?:INT|EXT|EST|INT/EXT|I/E)[. ]", re.IGNORECASE)
#: Whether a line opens with a prefix Fountain 1.1 lists (``FOUNTAIN_PREFIX(line)`` is a match or
#: None); such a line has no exterior-first prefix (see :func:`unlisted_exterior_first`).
FOUNTAIN_PREFIX = _FOUNTAIN_PREFIX_RE.match


def unlisted_exterior_first(line: str) -> str | None:
    """The prefix as written (``"EXT/INT."``) when ``line`` opens with an exterior-first
    INT/EXT prefix that Fountain 1.1 does not list (``EXT/INT.``, ``EXTERIOR/INTERIOR``,
    ``E/I``), else None.

    ``EXT./INT.`` and ``EXT /INT`` are not such lines: they open with ``EXT`` and a dot or a
    space, which the spec lists. Only the Fountain reader asks; the plain-text, FDX and PDF
    readers, which no spec binds, take these lines as headings.
    """
    stripped = line.strip()
    if stripped[:1] not in "Ee" or _FOUNTAIN_PREFIX_RE.match(stripped) is not None:
        return None
    match = _EN_PREFIX_RE.match(stripped)
    if match is None or not match.group("ie"):
        return None
    return match.group("ie")


def split_scene_number(text: str) -> tuple[str, str | None]:
    """Split ``INT. HOUSE - DAY #12A#`` into ``("INT. HOUSE - DAY", "12A")``."""
    if "#" not in text:
        return text, None  # most headings: no need to search for the pattern
    match = _SCENE_NUMBER_RE.search(text)
    if match is None:
        return text, None
    number = match.group(1).strip()
    return text[: match.start()].rstrip(), number or None


def _nfc_upper(text: str) -> str:
    return (text if text.isascii() else unicodedata.normalize("NFC", text)).upper()


def time_of(word: str) -> tuple[DayNight, bool] | None:
    """Day/night and continuity of a time segment (upper case), or None if it is not a time."""
    # Runs of whitespace as one space: str.split() knows the same whitespace as re's \s.
    word = " ".join(word.strip().rstrip(".").split())
    if word in _TIMES:
        return _TIMES[word], False
    if word in _CONTINUITY:
        return _SAME_DN.get(word, DayNight.UNKNOWN), True
    # "DAY 2", "NIGHT 3": the script day written beside the time.
    numbered = _DAY_NUMBER_RE.match(word)
    if numbered and numbered.group(1) in _TIMES:
        return _TIMES[numbered.group(1)], False
    # "THE NEXT MORNING", "PRESENT DAY", "DAY / DRIVING", "DAY TO NIGHT", "ĐÊM HÔM ĐÓ": a short
    # phrase that starts or ends with a time word; its first time word gives the day/night.
    parts = [p for p in _WORD_SPLIT_RE.split(word) if p]
    if 1 < len(parts) <= 5:
        for cut in range(len(parts) - 1, 0, -1):
            tail = " ".join(parts[cut:])
            if tail in _TIMES and cut < len(parts):
                first_time = next((_TIMES[p] for p in parts if p in _TIMES), _TIMES[tail])
                return first_time, False
        for cut in range(len(parts) - 1, 0, -1):
            head = " ".join(parts[:cut])
            if head in _TIMES:
                return _TIMES[head], False
    return None


def _prefix(text: str) -> tuple[IntExt | None, str, str] | None:
    """(int/ext, kind of prefix, rest) if ``text`` starts with a known heading prefix."""
    match = _EN_PREFIX_RE.match(text)
    if match is not None:
        if match.group("ie"):
            return IntExt.INT_EXT, "en", text[match.end() :]
        if match.group("int"):
            return IntExt.INT, "en", text[match.end() :]
        if match.group("ext"):
            return IntExt.EXT, "en", text[match.end() :]
        # An establishing shot is an exterior (it is shot outside, by day or night).
        return IntExt.EXT, "est", text[match.end() :]
    match = _VI_PREFIX_RE.match(text)
    if match is not None:
        rest = text[match.end() :]
        sep = match.group("sep")
        head = text[: match.end()].strip()
        # Without a dot the prefix must be written in capitals ("NỘI PHÒNG KHÁCH - NGÀY") or be
        # the shooting-script style "Nội ngày. Tại nhà ..." — "Nội" alone is also a common word.
        if sep.strip() not in {".", ":"}:
            style = _VI_STYLE_RE.match(rest)
            # In capitals it must also end in a time: "NỘI DUNG PHIM" (the film's content)
            # and "NGOẠI TRUYỆN" (a spin-off) are not headings.
            upper_ok = (
                head == head.upper()
                and rest.strip()
                and rest == rest.upper()
                and _split_location_time(rest)[1] is not None
            )
            styled = style is not None and time_of(_nfc_upper(style.group("time"))) is not None
            if not (upper_ok or styled):
                return None
        if match.group("ie"):
            return IntExt.INT_EXT, "vi", rest
        if match.group("int"):
            return IntExt.INT, "vi", rest
        return IntExt.EXT, "vi", rest
    match = _RU_PREFIX_RE.match(text)
    if match is not None:
        if match.group("ie"):
            return IntExt.INT_EXT, "ru", text[match.end() :]
        if match.group("int"):
            return IntExt.INT, "ru", text[match.end() :]
        return IntExt.EXT, "ru", text[match.end() :]
    return None


def is_heading_candidate(line: str) -> bool:
    """Whether ``line`` starts like a scene heading (a known prefix, or a forced ``.``)."""
    stripped = line.strip()
    if not stripped or stripped[0] not in HEADING_FIRST:
        return False
    if stripped.startswith(".") and not stripped.startswith(".."):
        return len(stripped) > 1 and not stripped[1].isspace()
    if len(stripped) > MAX_HEADING:
        return False
    if stripped.isascii():
        # Only the English prefixes are written in ASCII (NỘI, NGOẠI and the Cyrillic ones are
        # not), so the English pattern alone decides, without the quick look or the others.
        return _EN_PREFIX_RE.match(stripped) is not None
    if _QUICK_PREFIX_RE.match(stripped) is None:
        return False
    return _prefix(unicodedata.normalize("NFC", stripped)) is not None


def _split_location_time(
    rest: str,
) -> tuple[str, str | None, DayNight, bool, str | None]:
    """(location, time, day/night, continuity, modifier) from what follows the prefix."""
    modifier: str | None = None
    if len(rest) > MAX_HEADING:
        # Not a heading anyone typed; keep it whole rather than run the patterns over it.
        return _nfc_upper(rest.strip()), None, DayNight.UNKNOWN, False, None
    body = rest.strip().strip("-–— ").strip()
    # (Both searches only when the text ends in a bracket: most headings do not.)
    paren = _TRAILING_PAREN_RE.search(body) if body[-1:] in ")]" else None
    if paren is not None and paren.start() > 0:
        modifier = paren.group(1)[1:-1].strip() or None
        body = body[: paren.start()].rstrip(" -–—")
    segments = [s.strip() for s in _SEGMENT_SPLIT_RE.split(body) if s.strip()]
    if not segments:
        return "", None, DayNight.UNKNOWN, False, modifier
    last = segments[-1]
    inner_paren = _TRAILING_PAREN_RE.search(last) if last[-1:] in ")]" else None
    last_bare = last[: inner_paren.start()].strip() if inner_paren and inner_paren.start() else last
    found = time_of(_nfc_upper(last_bare)) if len(segments) > 1 else None
    if found is not None:
        if inner_paren is not None and inner_paren.start() > 0 and modifier is None:
            modifier = inner_paren.group(1)[1:-1].strip() or None
        location = " - ".join(segments[:-1])
        return _nfc_upper(location), _nfc_upper(last_bare), found[0], found[1], modifier
    # "HOUSE-NIGHT", "НАТ. ДОМ. НОЧЬ", "HOUSE, NIGHT": a time glued on with a dash, dot or comma.
    tight = _TIGHT_DASH_RE.match(body)
    if tight is not None:
        tail = tight.group(2).strip()
        found = time_of(_nfc_upper(tail))
        if found is not None:
            return (
                _nfc_upper(tight.group(1).strip()),
                _nfc_upper(tail),
                found[0],
                found[1],
                modifier,
            )
    for sep in (". ", ", "):
        head, _, tail = body.rpartition(sep)
        if head.strip():
            found = time_of(_nfc_upper(tail))
            if found is not None:
                return (
                    _nfc_upper(head.strip()),
                    _nfc_upper(tail.strip()),
                    found[0],
                    found[1],
                    modifier,
                )
    # "INT HOUSE DAY": no separator at all, but the last word is plainly the time.
    head, _, tail = body.rpartition(" ")
    if len(segments) == 1 and head.strip():
        found = time_of(_nfc_upper(tail))
        if found is not None and not found[1]:
            return _nfc_upper(head.strip()), _nfc_upper(tail), found[0], found[1], modifier
    location = " - ".join(segments)
    return _nfc_upper(location), None, DayNight.UNKNOWN, False, modifier


# Most headings of a script are "INT. HOUSE - DAY": ASCII, one prefix, sub-locations joined by
# " - " (a slash inside one is kept: "TOWN / MAIN STREET"), a time word last, perhaps a modifier
# in brackets after it ("(1973)", "[FLASHBACK]"), and nothing else (no scene number, other dash). Such a line is taken apart by this one
# pattern; a line it does not match, or whose time is no word of the time tables, goes the
# general way (and gives the same result: a property test holds the two to it).
_PIECE = r"[A-Za-z0-9](?:[^#()\[\]\-–—]*[^\s#()\[\]\-–—])?"
_COMMON_HEADING_RE = re.compile(
    rf"(INT|EXT)\.[ \t]+({_PIECE}(?: - {_PIECE})*) - ([A-Za-z]+(?: [A-Za-z]+)?)"
    r"(?:[ \t]+(\([^()]*\)|\[[^\[\]]*\]))?",
    re.IGNORECASE,
)
_INT = IntExt.INT
_EXT = IntExt.EXT


def common_heading(line: str) -> SceneHeading | None:
    """The heading of an ASCII ``line`` (already stripped) of the common form, else None."""
    match = _COMMON_HEADING_RE.fullmatch(line)
    if match is None:
        return None
    prefix, location, time, bracketed = match.groups()
    time = time.upper()
    day_night = _TIMES.get(time)
    if day_night is not None:
        continuity = False
    elif time in _CONTINUITY:
        day_night, continuity = _SAME_DN.get(time, DayNight.UNKNOWN), True
    else:
        return None
    location = location.upper()
    if location.startswith("EXT"):
        return None  # "INT. EXT. CAR": the prefix is INT/EXT
    int_ext = _INT if prefix[0] in "Ii" else _EXT
    modifier = (bracketed[1:-1].strip() or None) if bracketed else None
    return _new_heading(line, int_ext, location, time, day_night, continuity, modifier)


def parse_heading(text: str) -> SceneHeading | None:
    """Take a scene heading apart; None when ``text`` has no known INT/EXT prefix.

    A leading forced-heading dot and a trailing ``#number#`` are ignored here (the number is
    returned by :func:`split_scene_number`).
    """
    if text.isascii():
        line = text.strip()
        if line[:1] in "IiEe":
            common = common_heading(line)
            if common is not None:
                return common
    return general_heading(text)


def general_heading(text: str) -> SceneHeading | None:
    """:func:`parse_heading` for any heading, without the shortcut for the common form."""
    line = (text if text.isascii() else unicodedata.normalize("NFC", text)).strip()
    if line.startswith(".") and not line.startswith(".."):
        line = line[1:].lstrip()
    line, _number = split_scene_number(line)
    found = _prefix(line)
    if found is None:
        return None
    int_ext, kind, rest = found
    if kind == "vi":
        style = _VI_STYLE_RE.match(rest.strip())
        if style is not None:
            time_word = _nfc_upper(style.group("time"))
            timed = time_of(time_word)
            if timed is not None and style.group("loc").strip():
                location, _t, _dn, _c, modifier = _split_location_time(style.group("loc"))
                return _new_heading(
                    text=line,
                    int_ext=int_ext,
                    location=location,
                    time=_SPACE_RE.sub(" ", time_word.strip()),
                    day_night=timed[0],
                    continuity=timed[1],
                    modifier=modifier,
                )
    location, time, day_night, continuity, modifier = _split_location_time(rest)
    return _new_heading(
        text=line,
        int_ext=int_ext,
        location=location,
        time=time,
        day_night=day_night,
        continuity=continuity,
        modifier=modifier,
    )


def heading_from_text(text: str) -> SceneHeading:
    """A heading for any line a writer forced to be one (``.THE BEACH``): never None.

    Without a known prefix the whole line (less a recognised time) is the location and
    ``int_ext`` is None.
    """
    parsed = parse_heading(text)
    if parsed is not None:
        return parsed
    line = unicodedata.normalize("NFC", text).strip()
    if line.startswith(".") and not line.startswith(".."):
        line = line[1:].lstrip()
    line, _number = split_scene_number(line)
    location, time, day_night, continuity, modifier = _split_location_time(line)
    return _new_heading(
        text=line,
        int_ext=None,
        location=location,
        time=time,
        day_night=day_night,
        continuity=continuity,
        modifier=modifier,
    )
