"""Messages of the budget: charts of accounts, rate cards, lines, fringes, currencies, the budget
section of a production config."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {
    # Data files people edit by hand (yamlread.py, charts.py, ratecards.py).
    "data.chart": ("chart of accounts", "hệ thống tài khoản"),
    "data.rate_card": ("rate card", "bảng giá"),
    "data.no_such": (
        "no such {what} {name} (expected a file or one of: {shipped})",
        "không có {what} {name} (cần một tệp hoặc một trong: {shipped})",
    ),
    "data.cannot_read": ("cannot read the {what}: {error}", "không đọc được {what}: {error}"),
    "data.chart_empty": ("the chart of accounts is empty", "hệ thống tài khoản trống"),
    "data.rate_card_empty": ("the rate card is empty", "bảng giá trống"),
    "yaml.expected_mapping": (
        "expected a mapping (key: value lines)",
        "cần một bảng khoá (các dòng khoá: giá trị)",
    ),
    "yaml.unknown_key": (
        "unknown key (expected one of: {expected})",
        "khoá không hợp lệ (cần một trong: {expected})",
    ),
    "yaml.required": ("is required", "là bắt buộc"),
    "yaml.expected": ("expected {what}", "cần {what}"),
    "yaml.a_text": ("a text value", "một giá trị văn bản"),
    "yaml.a_number": ("a number", "một số"),
    "yaml.a_whole_number": ("a whole number", "một số nguyên"),
    "yaml.true_or_false": ("true or false", "true hoặc false"),
    "yaml.a_date": ("a date (YYYY-MM-DD)", "một ngày (YYYY-MM-DD)"),
    "yaml.a_currency": ("a currency code", "một mã tiền tệ"),
    "yaml.a_time": ("a time HH:MM", "một giờ dạng HH:MM"),
    "yaml.expected_non_empty": (
        "expected a non-empty text value",
        "cần một giá trị văn bản không trống",
    ),
    "yaml.expected_finite": (
        "expected a finite number, got {got}",
        "cần một số hữu hạn, nhưng nhận được {got}",
    ),
    "yaml.expected_positive": (
        "expected a number > 0, got {got}",
        "cần một số > 0, nhưng nhận được {got}",
    ),
    "yaml.expected_minimum": (
        "expected a number >= {minimum}, got {got}",
        "cần một số >= {minimum}, nhưng nhận được {got}",
    ),
    "yaml.expected_whole_minimum": (
        "expected a whole number >= {minimum}, got {got}",
        "cần một số nguyên >= {minimum}, nhưng nhận được {got}",
    ),
    "yaml.expected_one_of": (
        "expected one of {expected}, got {got}",
        "cần một trong: {expected}, nhưng nhận được {got}",
    ),
    "yaml.expected_time": (
        "expected a time HH:MM, got {got}",
        "cần một giờ dạng HH:MM, nhưng nhận được {got}",
    ),
    # Charts of accounts (charts.py, model.py).
    "chart.account_twice": (
        "account {code} is listed twice",
        "tài khoản {code} bị liệt kê hai lần",
    ),
    "chart.fringe_account_missing": (
        "fringe account {account} of category {category} is not in the chart",
        "tài khoản phụ phí {account} của hạng mục {category} không có trong hệ thống tài khoản",
    ),
    "chart.account_missing": (
        "account {code} is not in the chart",
        "tài khoản {code} không có trong hệ thống tài khoản",
    ),
    "chart.no_role": (
        "the chart {chart} names no account for {role} (add it under 'roles:')",
        "hệ thống tài khoản {chart} chưa có tài khoản cho {role} (hãy thêm vào mục 'roles:')",
    ),
    "chart.no_account": (
        "no account {code} in the chart {chart} (expected one of {expected})",
        "không có tài khoản {code} trong hệ thống tài khoản {chart} (cần một trong: {expected})",
    ),
    "chart.no_category": (
        "no category {key} in the chart {chart}",
        "không có hạng mục {key} trong hệ thống tài khoản {chart}",
    ),
    # Rate cards (ratecards.py).
    "ratecard.no_rate": (
        "no rate {key} in the rate card {card} (expected one of {expected})",
        "không có đơn giá {key} trong bảng giá {card} (cần một trong: {expected})",
    ),
    "ratecard.rate_needs_source": (
        "a rate needs 'source' and 'source_date', or 'placeholder: true' (to be set by the production)",
        "đơn giá cần có 'source' và 'source_date', hoặc 'placeholder: true' (nhà sản xuất sẽ cập nhật)",
    ),
    "ratecard.fringe_needs_source": (
        "a fringe needs a 'source', or 'placeholder: true'",
        "phụ phí cần có 'source', hoặc 'placeholder: true'",
    ),
    "ratecard.exchange_needs_source": (
        "an exchange rate needs a 'source', or 'placeholder: true'",
        "tỷ giá cần có 'source', hoặc 'placeholder: true'",
    ),
    "ratecard.rate_twice": ("rate {key} is listed twice", "đơn giá {key} bị liệt kê hai lần"),
    # Budgets (model.py, compute.py, compare.py, facts.py, config.py).
    "field.fringe": ("fringe {key}", "phụ phí {key}"),
    "field.day": ("day {day}", "ngày {day}"),
    "budget.unknown_fringe": (
        "unknown fringe {key} (expected one of: {expected})",
        "không có phụ phí {key} (cần một trong: {expected})",
    ),
    "budget.unknown_fringe_none": (
        "unknown fringe {key} (none defined)",
        "không có phụ phí {key} (chưa khai báo phụ phí nào)",
    ),
    "budget.negative_percent": (
        "a percentage cannot be negative ({value})",
        "tỷ lệ phần trăm không được âm ({value})",
    ),
    "budget.rate_positive": ("a rate must be positive ({rate})", "tỷ giá phải lớn hơn 0 ({rate})"),
    "budget.no_exchange": (
        "no rate from {source} to {target} (the budget knows {base}/{quote})",
        "không có tỷ giá từ {source} sang {target} (ngân sách chỉ có {base}/{quote})",
    ),
    "budget.no_global_expected": (
        "no global {name} (expected one of {expected})",
        "không có biến chung {name} (cần một trong: {expected})",
    ),
    "budget.must_be_decimal": ("must be a Decimal", "phải là số Decimal"),
    "budget.negative_value": ("cannot be negative ({value})", "không được âm ({value})"),
    "budget.line_currency": (
        "line {line} is in {line_currency} but the budget is in {currency} and has no exchange rate",
        "dòng {line} tính bằng {line_currency} nhưng ngân sách tính bằng {currency} và chưa có tỷ giá",
    ),
    "budget.no_global": ("no global {name}", "không có biến chung {name}"),
    "budget.cannot_compare": (
        "cannot compare a {left} budget with a {right} budget",
        "không thể so sánh ngân sách bằng {left} với ngân sách bằng {right}",
    ),
    "budget.negative_day_counts": ("day counts cannot be negative", "số ngày không được âm"),
    "budget.negative_hours": (
        "hours and extras cannot be negative",
        "số giờ và số diễn viên quần chúng không được âm",
    ),
    "budget.days_per_week": ("expected 1 to 7", "cần từ 1 đến 7"),
    "budget.fees_mapping": (
        "expected a mapping of location id: daily fee",
        "cần một bảng mã địa điểm: phí thuê mỗi ngày",
    ),
    "budget.no_location": (
        "no such location (expected one of: {expected})",
        "không có địa điểm này (cần một trong: {expected})",
    ),
    "budget.needs_exchange_rate": (
        "the budget is in {budget} and the rate card in {card}: give an exchange rate",
        "ngân sách tính bằng {budget} còn bảng giá tính bằng {card}: hãy khai báo tỷ giá",
    ),
    "budget.no_account_or_role": (
        "no account {account} in the chart {chart} (expected an account code such as {examples}… "
        "or a role such as cast, camera)",
        "không có tài khoản {account} trong hệ thống tài khoản {chart} (cần một mã tài khoản như "
        "{examples}… hoặc một vai trò như cast, camera)",
    ),
    "budget.number_or_global": (
        "expected a number >= 0 or one of the globals: {globals}",
        "cần một số >= 0 hoặc một trong các biến chung: {globals}",
    ),
    # Defaults a budget section did not give.
    "budget.default.rate_card": ("rate card {key} ({name})", "bảng giá {key} ({name})"),
    "budget.default.rate_card_key": ("rate card {key}", "bảng giá {key}"),
    "budget.default.chart": ("chart of accounts {key}", "hệ thống tài khoản {key}"),
    "budget.default.placeholders": (
        "{count} of {total} rates are placeholders to be set by the production",
        "{count}/{total} đơn giá là giá trị tạm, nhà sản xuất cần cập nhật",
    ),
    "budget.default.exchange_rate": (
        "exchange rate {rate} {quote}/{base} as of {date}",
        "tỷ giá {rate} {quote}/{base} tại ngày {date}",
    ),
    "budget.default.placeholder": ("{note} (placeholder)", "{note} (giá trị tạm)"),
}
