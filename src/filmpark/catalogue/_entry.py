"""The shape of a catalogue entry (see :mod:`filmpark.catalogue`)."""

from __future__ import annotations

# (english, vietnamese) or (english_one, vietnamese, english_other).
Entry = tuple[str, str] | tuple[str, str, str]
