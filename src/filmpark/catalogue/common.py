"""Messages shared by every area: files, values, languages, the infeasible schedule."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {
    # Names of fields shown before a message ("scene number: ...").
    "field.scene_number": ("scene number", "số cảnh"),
    # Values of the trade (units.py).
    "value.negative_length": (
        "a length cannot be negative ({value})",
        "độ dài không được âm ({value})",
    ),
    "value.not_page_length": ("not a page length: {text}", "không phải độ dài trang: {text}"),
    "value.unknown_currency": (
        "unknown currency {currency} (expected one of {expected})",
        "loại tiền tệ {currency} không được hỗ trợ (cần một trong: {expected})",
    ),
    "value.not_finite_amount": (
        "not a finite amount: {amount}",
        "không phải một số tiền hữu hạn: {amount}",
    ),
    "value.not_a_number": ("not a number: {value}", "không phải là số: {value}"),
    "value.currency_mix": (
        "cannot combine {left} with {right}",
        "không thể cộng gộp {left} với {right}",
    ),
    "value.float_factor": (
        "use a Decimal, not a float",
        "hãy dùng số Decimal, không dùng số thực dấu phẩy động (float)",
    ),
    "value.empty_scene_number": (
        "a scene number cannot be empty",
        "số cảnh không được để trống",
    ),
    "value.no_free_scene_number": (
        "no free number after {number}",
        "không còn số cảnh trống nào sau cảnh {number}",
    ),
    # The schedule as a whole (errors.py).
    "schedule.infeasible": (
        "the schedule is infeasible: {reasons}",
        "không thể lập lịch quay: {reasons}",
    ),
}
