"""Messages of the screenplay readers: why a file cannot be read, and their diagnostics."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {
    "screenplay.unlisted_heading_prefix": (
        "read as action: Fountain 1.1 has no scene heading prefix '{prefix}'; "
        "write 'INT./EXT.' or start the line with '.' to make it a scene heading",
        "đọc là hành động: Fountain 1.1 không có tiền tố tiêu đề cảnh '{prefix}'; "
        "hãy viết 'INT./EXT.' hoặc thêm dấu '.' ở đầu dòng để dòng này thành tiêu đề cảnh",
    ),
    "screenplay.no_scenes_found": (
        "no scenes found (a scene starts with a heading such as INT. HOUSE - DAY)",
        "không tìm thấy cảnh nào (mỗi cảnh bắt đầu bằng tiêu đề cảnh như NỘI. NHÀ - NGÀY)",
    ),
}
