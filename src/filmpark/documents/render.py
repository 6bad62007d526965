"""What every document renderer shares: labels in English and Vietnamese, dates, numbers,
money and CSV.

Vietnamese conventions: dates ``25/11/2026``, a dot between thousands and a comma before
decimals (``1.234.567 ₫``, ``1.234,56 US$``). English: ``25 Nov 2026``, ``1,234,567 VND``,
``$1,234.56``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from filmpark.budget.compare import BudgetComparison
from filmpark.budget.compute import BudgetSummary
from filmpark.errors import ValidationError
from filmpark.reports.call_sheet import CallSheet
from filmpark.reports.top_sheet import TopSheet
from filmpark.text import t
from filmpark.units import CURRENCY_DECIMALS, Eighths, Money

LANGS = ("en", "vi")

LABELS: dict[str, tuple[str, str]] = {
    "book": ("Production book", "Sổ tay sản xuất"),
    "summary": ("Summary", "Tóm tắt"),
    "documents": ("Documents", "Tài liệu"),
    "data": ("Data files", "Tệp dữ liệu"),
    "scenes": ("Scenes", "Cảnh"),
    "scene": ("Scene", "Cảnh"),
    "pages": ("Pages", "Trang"),
    "shoot_days": ("Shoot days", "Ngày quay"),
    "shoot_start": ("First shoot day", "Ngày quay đầu tiên"),
    "shoot_end": ("Last shoot day", "Ngày quay cuối cùng"),
    "cast_members": ("Cast", "Diễn viên"),
    "locations": ("Locations", "Bối cảnh"),
    "budget_total": ("Budget (grand total)", "Tổng dự toán"),
    "solver": ("Schedule quality", "Chất lượng lịch quay"),
    "optimal": ("proven optimal", "đã chứng minh tối ưu"),
    "gap": ("gap to the lower bound", "khoảng cách tới cận dưới"),
    "defaults": ("Defaults used", "Giá trị mặc định đã dùng"),
    "generated": ("Generated", "Tạo lúc"),
    "top_sheet": ("Budget top sheet", "Tổng hợp dự toán"),
    "budget_detail": ("Budget detail", "Dự toán chi tiết"),
    "comparison": ("Budget comparison", "So sánh dự toán"),
    "call_sheet": ("Call sheet", "Lịch gọi đoàn"),
    "call_sheets": ("Call sheets", "Lịch gọi đoàn"),
    "stripboard": ("Stripboard", "Bảng dải cảnh"),
    "one_liner": ("One-line schedule", "Lịch quay tóm tắt"),
    "dood": ("Day out of days", "Bảng ngày làm việc diễn viên"),
    "breakdown_sheets": ("Breakdown sheets", "Phiếu phân tích cảnh"),
    "acct": ("Acct", "TK"),
    "account": ("Account", "Tài khoản"),
    "description": ("Description", "Diễn giải"),
    "amount": ("Amount", "Số lượng"),
    "units": ("Units", "Đơn vị"),
    "unit": ("Unit", "ĐVT"),
    "multiplier": ("×", "×"),
    "rate": ("Rate", "Đơn giá"),
    "total": ("Total", "Thành tiền"),
    "percent": ("%", "%"),
    "difference": ("Difference", "Chênh lệch"),
    "currency": ("Currency", "Tiền tệ"),
    "exchange_rate": ("Exchange rate", "Tỷ giá"),
    "version": ("Version", "Phiên bản"),
    "prepared": ("Prepared", "Ngày lập"),
    "placeholder": ("placeholder rate", "đơn giá tạm"),
    "day_x_of_y": ("Day {x} of {y}", "Ngày {x}/{y}"),
    "date": ("Date", "Ngày"),
    "crew_call": ("General crew call", "Giờ tập trung đoàn"),
    "est_wrap": ("Estimated wrap", "Dự kiến kết thúc"),
    "weather": ("Weather", "Thời tiết"),
    "weather_blank": ("(to be filled in by production)", "(đoàn phim điền)"),
    "sunrise": ("Sunrise", "Mặt trời mọc"),
    "sunset": ("Sunset", "Mặt trời lặn"),
    "address": ("Address", "Địa chỉ"),
    "hospital": ("Nearest hospital", "Bệnh viện gần nhất"),
    "hospital_blank": ("(to be filled in)", "(cần bổ sung)"),
    "set_heading": ("Set / description", "Bối cảnh / nội dung"),
    "dn": ("D/N", "D/N"),  # the trade's codes (D day, N night), kept in both languages
    "ie": ("I/E", "N/NG"),
    "cast_ids": ("Cast", "Diễn viên"),
    "location": ("Location", "Địa điểm"),
    "cast_calls": ("Cast calls", "Giờ gọi diễn viên"),
    "id": ("#", "#"),
    "minor": ("minor", "vị thành niên"),
    "category": ("Category", "Hạng mục"),
    "equivalent": ("Grand total in {currency}", "Tổng cộng quy đổi ra {currency}"),
    "Script order": ("Script order", "Theo thứ tự kịch bản"),
    "Optimised": ("Optimised", "Lịch tối ưu"),
    "FEASIBLE": ("feasible", "khả thi"),
    "HEURISTIC": ("heuristic (no solver proof)", "theo kinh nghiệm (chưa chứng minh)"),
    "character": ("Character", "Vai"),
    "performer": ("Performer", "Diễn viên"),
    "pickup": ("Pick-up", "Đón"),
    "makeup": ("Makeup", "Hóa trang"),
    "on_set": ("On set", "Có mặt"),
    "notes": ("Safety and special notes", "Lưu ý an toàn và đặc biệt"),
    "no_notes": ("None from the breakdown.", "Không có từ phân tích kịch bản."),
    "advance": ("Advance schedule", "Lịch quay ngày kế tiếp"),
    "no_advance": ("Last shoot day: that's a wrap.", "Ngày quay cuối cùng."),
    "eighths": ("Pages (eighths)", "Số trang (phần tám)"),
    "total_pages": ("Total pages", "Tổng số trang"),
    "day": ("Day", "Ngày"),
    "week": ("Week", "Tuần"),
    "end_of_day": ("End of day {n}", "Hết ngày {n}"),
    "minutes": ("Est. time", "Thời lượng"),
    "work": ("Work", "Quay"),
    "hold": ("Hold", "Chờ"),
    "travel": ("Travel", "Di chuyển"),
    "rehearsal": ("Rehearsal", "Tập dượt"),
    "fitting": ("Fitting", "Thử phục trang"),
    "idle": ("Idle", "Nghỉ"),
    "paid": ("Paid days", "Ngày trả công"),
    "start": ("Start", "Bắt đầu"),
    "finish": ("Finish", "Kết thúc"),
    "holiday": ("Holiday", "Ngày lễ"),
    "rest_day": ("Rest day", "Ngày nghỉ"),
    "company_move": ("Company move", "Di chuyển đoàn"),
    "left": ("Left", "Trái"),
    "right": ("Right", "Phải"),
    "page_x_of_y": ("Page {x} of {y}", "Trang {x}/{y}"),
    "page_x": ("Page {x}", "Trang {x}"),
    "contents": ("Contents", "Mục lục"),
    "placeholder_note": (
        "Rates marked * are placeholders from the rate card, to be set by the production.",
        "Đơn giá có dấu * là giá trị tạm của bảng giá, nhà sản xuất cần cập nhật.",
    ),
}

UNITS_VI = {
    "days": "ngày",
    "weeks": "tuần",
    "allow": "trọn gói",
    "person-days": "người-ngày",
    "head-days": "suất",
    "day rates": "lần đơn giá ngày",
    "hours": "giờ",
}


def unit_label(unit: str, lang: str) -> str:
    """A detail line's unit in the document's language (``days`` → ``ngày``)."""
    return UNITS_VI.get(unit, unit) if lang == "vi" else unit


WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SYMBOLS_VI = {"VND": "₫", "USD": "US$"}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValidationError("lang", t("language.unknown", lang=repr(lang)))
    return lang


def label(key: str, lang: str, **values: object) -> str:
    en, vi = LABELS[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text


def format_date(day: date | None, lang: str, *, weekday: bool = False) -> str:
    """``25/11/2026`` (vi) or ``25 Nov 2026`` (en), with the weekday in front if asked."""
    if day is None:
        return ""
    text = (
        day.strftime("%d/%m/%Y")
        if lang == "vi"
        else f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    )
    if weekday:
        text = (
            f"{WEEKDAYS[lang][day.weekday()]}, {text}"
            if lang == "vi"
            else f"{WEEKDAYS['en'][day.weekday()]} {text}"
        )
    return text


def format_number(value: Decimal | int, lang: str, decimals: int = 0) -> str:
    text = f"{Decimal(value):,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_decimal(value: Decimal, lang: str) -> str:
    """A quantity or multiplier without trailing zeros (``1.5``, ``12``; vi ``1,5``)."""
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(value, lang, min(decimals, 4))


def format_money(money: Money | None, lang: str) -> str:
    """``1.234.567 ₫`` / ``1.234,56 US$`` (vi), ``1,234,567 VND`` / ``$1,234.56`` (en)."""
    if money is None:
        return ""
    decimals = CURRENCY_DECIMALS[money.currency]
    amount = money.rounded().amount
    text = format_number(abs(amount), lang, decimals)
    sign = "-" if amount < 0 else ""
    if lang == "vi":
        return f"{sign}{text} {SYMBOLS_VI.get(money.currency, money.currency)}"
    if money.currency == "USD":
        return f"{sign}${text}"
    return f"{sign}{text} {money.currency}"


def format_eighths(value: Eighths) -> str:
    return str(value)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """RFC 4180 CSV (CRLF line ends, quoted when needed), UTF-8 text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else str(cell) for cell in row])
    return buffer.getvalue()


# --- CSV of the budget and call-sheet tables (money as plain decimal strings) ---------------


def budget_csv_text(summary: BudgetSummary) -> str:
    """Every detail line and fringe: account, description, amount, units, ×, rate, total."""
    header = (
        "account",
        "account_name",
        "category",
        "kind",
        "description",
        "amount",
        "quantity",
        "unit",
        "multiplier",
        "rate",
        "rate_currency",
        "total",
        "currency",
        "placeholder",
    )
    rows: list[list[object]] = []
    for category in summary.categories:
        for account in category.accounts:
            for item in account.lines:
                line = item.line
                rows.append(
                    [
                        account.code,
                        account.account.name_en,
                        category.category.key,
                        "premium" if line.premium else "line",
                        line.description,
                        line.amount,
                        line.quantity,
                        line.unit,
                        line.multiplier,
                        format(line.rate.amount, "f"),
                        line.rate.currency,
                        item.total.to_decimal_string(),
                        summary.currency,
                        "yes" if line.placeholder else "",
                    ]
                )
            for charge in account.fringes:
                rows.append(
                    [
                        account.code,
                        account.account.name_en,
                        category.category.key,
                        "fringe",
                        f"{charge.fringe.name_en} on {charge.line.description}",
                        1,
                        1,
                        "%",
                        charge.fringe.percent / 100,
                        charge.base.to_decimal_string(),
                        summary.currency,
                        charge.amount.to_decimal_string(),
                        summary.currency,
                        "yes" if charge.fringe.placeholder else "",
                    ]
                )
    for name, money in (
        ("contingency", summary.contingency),
        ("bond", summary.bond),
        ("grand_total", summary.grand_total),
    ):
        rows.append(
            [
                "",
                "",
                "",
                name,
                name.replace("_", " "),
                "",
                "",
                "",
                "",
                "",
                "",
                money.to_decimal_string(),
                summary.currency,
                "",
            ]
        )
    return csv_text(header, rows)


def top_sheet_csv_text(sheet: TopSheet) -> str:
    return csv_text(
        ("kind", "account", "name_en", "name_vi", "total", "currency", "percent"),
        (
            [
                row.kind,
                row.code,
                row.name_en,
                row.name_vi,
                row.amount.to_decimal_string() if row.amount else "",
                sheet.currency,
                row.percent if row.percent is not None else "",
            ]
            for row in sheet.rows
        ),
    )


def comparison_csv_text(comparison: BudgetComparison) -> str:
    return csv_text(
        (
            "kind",
            "account",
            "name",
            comparison.left_label,
            comparison.right_label,
            "difference",
            "currency",
        ),
        (
            [
                row.kind,
                row.code,
                row.name_en,
                row.left.to_decimal_string(),
                row.right.to_decimal_string(),
                row.difference.to_decimal_string(),
                comparison.currency,
            ]
            for row in comparison.rows
        ),
    )


def call_sheets_csv_text(sheets: Sequence[CallSheet]) -> str:
    """One row per scene of every call sheet, with the day's call and the cast calls."""
    rows: list[list[object]] = []
    for sheet in sheets:
        calls = "; ".join(f"{c.cast_id} {c.character} {c.on_set}" for c in sheet.cast)
        for scene in sheet.scenes:
            rows.append(
                [
                    sheet.day_number,
                    sheet.date.isoformat(),
                    sheet.crew_call,
                    scene.number,
                    scene.heading,
                    scene.day_night,
                    scene.eighths.value,
                    " ".join(str(i) for i in scene.cast_ids),
                    scene.location,
                    calls,
                ]
            )
    return csv_text(
        (
            "day",
            "date",
            "crew_call",
            "scene",
            "heading",
            "day_night",
            "eighths",
            "cast_ids",
            "location",
            "cast_calls",
        ),
        rows,
    )
