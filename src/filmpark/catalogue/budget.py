"""Messages of the budget: charts of accounts, rate cards, lines, fringes, currencies, the budget config."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {}
