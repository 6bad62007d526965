"""Fonts the documents embed: a Courier-metric monospace and a sans, both covering Vietnamese.

Liberation Mono (the metrics of Courier: 10 characters an inch at 12 pt) sets screenplays;
Liberation Sans sets reports. Both are Liberation Fonts 2.1.5 under the SIL Open Font
License 1.1 (see ``LICENSE`` beside this file), and both have every Vietnamese letter.
"""

from __future__ import annotations

from pathlib import Path

from filmpark.errors import ValidationError
from filmpark.text import t

FONT_DIR = Path(__file__).resolve().parent

_FILES: dict[str, str] = {
    "regular": "LiberationMono-Regular.ttf",
    "bold": "LiberationMono-Bold.ttf",
    "italic": "LiberationMono-Italic.ttf",
    "bold-italic": "LiberationMono-BoldItalic.ttf",
    "sans": "LiberationSans-Regular.ttf",
    "sans-bold": "LiberationSans-Bold.ttf",
}

STYLES: tuple[str, ...] = tuple(_FILES)


def font_path(style: str = "regular") -> Path:
    """The font file for ``style``: ``regular``, ``bold``, ``italic``, ``bold-italic`` (the
    screenplay monospace) or ``sans``, ``sans-bold`` (the proportional face for reports)."""
    try:
        return FONT_DIR / _FILES[style]
    except KeyError:
        raise ValidationError(
            t("field.font_style"),
            t("font.unknown_style", style=repr(style), expected=", ".join(STYLES)),
        ) from None
