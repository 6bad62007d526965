"""Messages of the screenplay readers: why a file cannot be read, and their diagnostics."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {}
