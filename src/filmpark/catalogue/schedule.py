"""Messages of the schedule: the production config, the problem, the rules, the solver and its explanations."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {}
