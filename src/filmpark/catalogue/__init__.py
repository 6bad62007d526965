"""Every message filmpark shows a person, in English and Vietnamese (see :mod:`filmpark.text`).

One module per area holds its templates, keyed ``"<area>.<what>"``. An entry is
``(english, vietnamese)`` or, for a message with a count, ``(english_one, vietnamese,
english_other)``: English picks its plural from the ``count`` parameter, Vietnamese has no
plural forms. Both templates of an entry use the same named placeholders
(``tests/test_text_catalogue.py`` checks that, and that the Vietnamese is not the English).

The Vietnamese follows the words of the pages' catalogue (``web/locale/vi``) and of the
documents (``documents/render.py``): cảnh, ngày quay, diễn viên, lịch quay, kịch bản, tệp,
phân tích kịch bản, bảng dải cảnh, dự án, bản sửa, phiên bản.
"""

from __future__ import annotations

from collections.abc import Mapping

from filmpark.catalogue import (
    breakdown,
    budget,
    cli,
    cli_help,
    common,
    platform,
    schedule,
    screenplay,
)
from filmpark.catalogue._entry import Entry


def _merge(*parts: Mapping[str, Entry]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for part in parts:
        for key, entry in part.items():
            if key in merged:
                raise ValueError(f"catalogue key {key!r} is defined twice")
            merged[key] = entry
    return merged


CATALOGUE: Mapping[str, Entry] = _merge(
    common.MESSAGES,
    screenplay.MESSAGES,
    breakdown.MESSAGES,
    schedule.MESSAGES,
    budget.MESSAGES,
    platform.MESSAGES,
    cli.MESSAGES,
    cli_help.MESSAGES,
)
