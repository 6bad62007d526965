"""Revision colours as a page shows them: a swatch and the colour's name in the reader's language."""

from __future__ import annotations

from fastapi import Request

from filmpark.web.core import tr
from filmpark.web.i18n import N_

# The paper colours of the revision order (White, Blue, Pink, Yellow, Green, Goldenrod, Buff,
# Salmon, Cherry, Tan), as swatches; text is never printed on them.
COLOUR_HEX = {
    N_("White"): "#ffffff",
    N_("Blue"): "#9fc5e8",
    N_("Pink"): "#f6c6d8",
    N_("Yellow"): "#fff59d",
    N_("Green"): "#b9e4b9",
    N_("Goldenrod"): "#eec14f",
    N_("Buff"): "#f0dc82",
    N_("Salmon"): "#fa9f89",
    N_("Cherry"): "#de3163",
    N_("Tan"): "#d2b48c",
}
_ROUNDS = {"Double": N_("Double %(colour)s"), "Triple": N_("Triple %(colour)s")}


def _split(colour: str) -> tuple[str, str]:
    """``"Double Blue"`` -> ``("Double", "Blue")``; ``"Blue"`` -> ``("", "Blue")``."""
    head, _, tail = colour.rpartition(" ")
    return head, tail


def colour_hex(colour: str) -> str:
    return COLOUR_HEX.get(_split(colour)[1], "#ffffff")


def colour_label(request: Request, colour: str) -> str:
    translator = tr(request)
    round_, base = _split(colour)
    name = translator.gettext(base) if base in COLOUR_HEX else base
    if not round_:
        return name
    if round_ in _ROUNDS:
        return translator.gettext(_ROUNDS[round_]) % {"colour": name}
    return f"{round_} {name}"
