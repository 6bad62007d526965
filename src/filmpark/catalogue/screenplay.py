"""Messages of the screenplay readers: why a file cannot be read, and their diagnostics."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {
    "screenplay.no_scenes_found": (
        "no scenes found (a scene starts with a heading such as INT. HOUSE - DAY)",
        "không tìm thấy cảnh nào (mỗi cảnh bắt đầu bằng tiêu đề cảnh như NỘI. NHÀ - NGÀY)",
    ),
}
