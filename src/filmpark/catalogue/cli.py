"""What the ``filmpark`` command prints: options, tables, summaries, progress, notes."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {
    # Counts in summaries.
    "cli.count.scenes": ("{count} scene", "{count} cảnh", "{count} scenes"),
}
