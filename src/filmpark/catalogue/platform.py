"""Messages of the platform: accounts, projects, permissions, scripts, schedules, jobs, store, settings."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {}
