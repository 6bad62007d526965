"""Plain-text and Word-typed screenplays: the Fountain heuristics without the markup.

A script typed in Word and saved as text (common in Vietnam) or a PDF pasted into a text file
has no Fountain markup and does not follow its blank-line rules: elements are told apart by
what they look like. Headings by their prefix (``INT.``, ``NỘI.``, with a margin scene number
``12`` or ``CẢNH 12:`` allowed), transitions as upper-case lines ending in ``TO:``, character
cues as short all-capital lines followed by text, dialogue as what follows a cue up to a blank
line (or back at the action margin when the file keeps the page indents). Leading indentation
as typed in Word is ignored.
"""

from __future__ import annotations

from filmpark.screenplay.fountain import numbered_heading, parse_lines
from filmpark.screenplay.headings import is_heading_candidate
from filmpark.screenplay.model import Script

_SAMPLE_LINES = 2_000


def read_plain_text(text: str, source: str = "<input>") -> Script:
    """Read a plain-text (Word-typed) screenplay, already decoded."""
    return parse_lines(text, source, plain=True)


def looks_plain(text: str) -> bool:
    """Whether a ``.txt`` file is a laid-out or Word-typed script rather than Fountain.

    Fountain separates paragraphs with blank lines and starts lines at the margin; a script
    laid out with page indents (cues at 20+ spaces) or typed without blank lines is plain.
    """
    lines = text.split("\n", _SAMPLE_LINES)[:_SAMPLE_LINES]
    filled = [line for line in lines if line.strip()]
    if len(filled) < 4:
        return False
    indented = sum(1 for line in filled if line.startswith(("    ", "\t")))
    blanks = len(lines) - len(filled)
    if indented * 5 >= len(filled) or blanks * 6 < len(filled):
        return True
    # Fountain leaves a blank line after a scene heading; typed scripts go straight on.
    headings = glued = 0
    for index, line in enumerate(lines[:-1]):
        stripped = line.strip()
        if stripped and _is_heading(stripped):
            headings += 1
            following = lines[index + 1].strip()
            if following and not _is_heading(following):
                glued += 1
    return headings > 0 and glued * 2 >= headings


def _is_heading(line: str) -> bool:
    return is_heading_candidate(line) or numbered_heading(line, plain=True) is not None
