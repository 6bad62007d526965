"""What the ``filmpark`` command prints: options, tables, summaries, progress, notes."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {
    # Files a user names (cli/common.py); each follows "path: ".
    "file.missing": ("no such file", "không có tệp này"),
    "file.is_directory": ("is a directory, not a file", "là một thư mục, không phải tệp"),
    "file.permission_denied": ("permission denied", "không có quyền đọc"),
    "file.unreadable": ("cannot be read", "không đọc được"),
    "file.unwritable": ("cannot be written", "không ghi được"),
    "file.not_utf8": ("not UTF-8 text", "không phải văn bản UTF-8"),
    "cli.cannot_read": ("{path}: cannot be read ({error})", "{path}: không đọc được ({error})"),
    "cli.interrupted": ("filmpark: interrupted", "filmpark: đã dừng"),
    "cli.lang_expected": (
        "{option}: expected en or vi, got {got}",
        "{option}: cần en hoặc vi, nhưng nhận được {got}",
    ),
    "cli.wrote": ("wrote {files}", "đã ghi {files}"),
    "cli.defaults_used": ("Defaults used:", "Giá trị mặc định đã dùng:"),
    # Counts in summaries.
    "cli.count.scenes": ("{count} scene", "{count} cảnh", "{count} scenes"),
    "cli.count.printed_pages": (
        "{count} printed page",
        "{count} trang in",
        "{count} printed pages",
    ),
    "cli.count.speaking_characters": (
        "{count} speaking character",
        "{count} nhân vật có thoại",
        "{count} speaking characters",
    ),
    "cli.count.shoot_days": ("{count} shoot day", "{count} ngày quay", "{count} shoot days"),
    "cli.count.actors": ("{count} actor", "{count} diễn viên", "{count} actors"),
    # Table headers.
    "cli.column.int_ext": ("I/E", "N/NG"),
    "cli.column.location": ("Location", "Bối cảnh"),
    "cli.column.time": ("Time", "Thời gian"),
    "cli.column.page": ("Page", "Trang"),
    "cli.column.eighths": ("Eighths", "Phần tám"),
    "cli.column.speaking": ("Speaking", "Nhân vật có thoại"),
    "cli.column.8ths": ("8ths", "1/8"),
    "cli.column.cast": ("Cast", "Diễn viên"),
    "cli.column.elements": ("Elements by category", "Yếu tố theo hạng mục"),
    "cli.column.day": ("Day", "Ngày"),
    "cli.column.date": ("Date", "Ngày tháng"),
    "cli.column.scenes": ("Scenes", "Cảnh"),
    "cli.column.pages": ("Pages", "Trang"),
    "cli.column.minutes": ("Minutes", "Số phút"),
    "cli.column.locations": ("Locations", "Bối cảnh"),
    "weekday.short.0": ("Mon", "T2"),
    "weekday.short.1": ("Tue", "T3"),
    "weekday.short.2": ("Wed", "T4"),
    "weekday.short.3": ("Thu", "T5"),
    "weekday.short.4": ("Fri", "T6"),
    "weekday.short.5": ("Sat", "T7"),
    "weekday.short.6": ("Sun", "CN"),
    # filmpark parse.
    "cli.parse.part_of_a_page": ("{length} of a page", "{length} trang"),
    "cli.parse.one_page": ("1 page", "1 trang"),
    "cli.parse.pages": ("{length} pages", "{length} trang"),
    "cli.parse.summary": (
        "{scenes} · {pages} ({printed}) · {characters} · language {language}",
        "{scenes} · {pages} ({printed}) · {characters} · ngôn ngữ {language}",
    ),
    # filmpark breakdown.
    "cli.decisions.missing": (
        "{path}: no such decisions file",
        "{path}: không có tệp quyết định này",
    ),
    "cli.decisions.not_json": (
        "{path}:{line}: not JSON ({error}); expected a Decisions.1 document",
        "{path}:{line}: không phải JSON ({error}); cần một tài liệu Decisions.1",
    ),
    "cli.decisions.reapplied": (
        "{count} decision re-applied from {path}",
        "đã áp dụng lại {count} quyết định từ {path}",
        "{count} decisions re-applied from {path}",
    ),
    "cli.decisions.unapplied": (
        "{count} decision could not be re-applied (kept in {path}):",
        "{count} quyết định không áp dụng lại được (vẫn giữ trong {path}):",
        "{count} decisions could not be re-applied (kept in {path}):",
    ),
    "cli.breakdown.summary": (
        "{scenes} scenes · {elements} elements · {cast} cast",
        "{scenes} cảnh · {elements} yếu tố · {cast} diễn viên",
    ),
    "cli.breakdown.alias": (
        "alias? {aliases} → {canonical} ({reason})",
        "cùng một nhân vật? {aliases} → {canonical} ({reason})",
    ),
    "cli.llm_needs_env": (
        "--llm needs FILMPARK_LLM_BASE_URL and FILMPARK_LLM_MODEL (and FILMPARK_LLM_API_KEY if "
        "the endpoint wants one); none is set",
        "--llm cần FILMPARK_LLM_BASE_URL và FILMPARK_LLM_MODEL (và FILMPARK_LLM_API_KEY nếu "
        "dịch vụ yêu cầu); chưa biến nào được đặt",
    ),
    "cli.breakdown.llm_added": (
        "{provider}: {count} proposal added to the rules' proposals",
        "{provider}: đã thêm {count} đề xuất vào các đề xuất theo quy tắc",
        "{provider}: {count} proposals added to the rules' proposals",
    ),
    "cli.breakdown.cannot_write": (
        "{path}: cannot write the sheets ({error})",
        "{path}: không ghi được phiếu phân tích cảnh ({error})",
    ),
    # filmpark convert.
    "cli.convert.no_folder": (
        "{path}: the folder {folder} does not exist",
        "{path}: thư mục {folder} không tồn tại",
    ),
    "cli.convert.bad_format": (
        "--to: expected one of {expected}, got {got}",
        "--to: cần một trong: {expected}, nhưng nhận được {got}",
    ),
    "cli.convert.unknown_suffix": (
        "--to: expected one of {expected} (cannot tell from {name})",
        "--to: cần một trong: {expected} (không đoán được từ {name})",
    ),
    "cli.convert.wrote": (
        "wrote {path} ({format}, {scenes}, {characters})",
        "đã ghi {path} ({format}, {scenes}, {characters})",
    ),
    # filmpark plan.
    "cli.plan.starting": ("starting", "đang bắt đầu"),
    "cli.step.parse": ("parse", "đọc"),
    "cli.step.breakdown": ("breakdown", "phân tích"),
    "cli.step.schedule": ("schedule", "lịch quay"),
    "cli.step.budget": ("budget", "ngân sách"),
    "cli.step.documents": ("documents", "tài liệu"),
    "cli.plan.writing": ("writing the book into {path}", "đang ghi bộ hồ sơ vào {path}"),
    "cli.plan.done": ("done", "xong"),
    "cli.plan.no_config": (
        "No --config given: using defaults.",
        "Không có --config: dùng giá trị mặc định.",
    ),
    "cli.plan.optimal": ("optimal", "tối ưu"),
    "cli.plan.gap": ("{status}, gap {gap:.1%}", "{status}, khoảng cách {gap:.1%}"),
    "cli.plan.summary": (
        "{title}: {scenes}, {days} ({quality}), budget {budget}",
        "{title}: {scenes}, {days} ({quality}), ngân sách {budget}",
    ),
    "cli.plan.wrote": (
        "Wrote {count} file to {path} — open {index}",
        "Đã ghi {count} tệp vào {path} — mở {index}",
        "Wrote {count} files to {path} — open {index}",
    ),
    "cli.progress.search": (
        "best {best:,} · bound {bound:,} · gap {gap:.1%}",
        "tốt nhất {best:,} · cận dưới {bound:,} · khoảng cách {gap:.1%}",
    ),
    # filmpark schedule.
    "cli.schedule.defaults_used": (
        "filmpark: defaults used: {notes}",
        "filmpark: giá trị mặc định đã dùng: {notes}",
    ),
    "cli.schedule.no_config": (
        "filmpark: no --config given; defaults used: {notes}",
        "filmpark: không có --config; giá trị mặc định đã dùng: {notes}",
    ),
    "cli.schedule.no_scenes": (
        "{path}: no scenes to schedule",
        "{path}: không có cảnh nào để lập lịch",
    ),
    "cli.schedule.note": ("filmpark: note: {notice}", "filmpark: lưu ý: {notice}"),
    "cli.schedule.previous_not_json": (
        "{path}: not a JSON schedule ({error})",
        "{path}: không phải lịch quay dạng JSON ({error})",
    ),
    "cli.schedule.searching": ("searching…", "đang tìm…"),
    "cli.schedule.title": ("Shooting schedule", "Lịch quay"),
    "cli.schedule.total": ("total {total}", "tổng cộng {total}"),
    "cli.schedule.optimal": ("proven optimal", "đã chứng minh tối ưu"),
    "cli.schedule.gap": ("gap {gap:.1%} to the lower bound", "còn cách {gap:.1%}"),
    "solver.status.OPTIMAL": ("OPTIMAL", "tối ưu"),
    "solver.status.FEASIBLE": ("FEASIBLE", "khả thi"),
    "solver.status.HEURISTIC": ("HEURISTIC", "theo kinh nghiệm"),
    "solver.status.SCRIPT_ORDER": ("SCRIPT_ORDER", "theo thứ tự kịch bản"),
    "cli.schedule.bound": (
        "lower bound {bound:,} {currency} — {proof} ({status}, {seconds:.1f} s)",
        "cận dưới {bound:,} {currency} — {proof} ({status}, {seconds:.1f} giây)",
    ),
    "cli.schedule.warning": ("filmpark: warning: {warning}", "filmpark: cảnh báo: {warning}"),
    # filmpark talent.
    "cli.talent.not_text": (
        "{path}: not a text file (expected whitespace-separated integers)",
        "{path}: không phải tệp văn bản (cần các số nguyên cách nhau bởi khoảng trắng)",
    ),
    "cli.talent.optimal": ("optimal (proven)", "tối ưu (đã chứng minh)"),
    "cli.talent.best_found": (
        "best found, not proven optimal",
        "tốt nhất tìm được, chưa chứng minh tối ưu",
    ),
    "cli.talent.order": ("order (0-based): {order}", "thứ tự (đánh số từ 0): {order}"),
    "cli.talent.cost": (
        "total cost {cost} (hold days {hold}) — {status}",
        "tổng chi phí {cost} (ngày chờ {hold}) — {status}",
    ),
    "cli.talent.bound": (
        "lower bound {bound}; {seconds:.3f} s, {nodes} nodes",
        "cận dưới {bound}; {seconds:.3f} giây, {nodes} nút",
    ),
    # filmpark project, worker, serve.
    "cli.project.no_account": (
        "no account with the email {email}",
        "không có tài khoản nào dùng email {email}",
    ),
    "cli.project.member_now": ("{email} is now {role}", "{email} giờ có vai trò {role}"),
    "cli.project.uploaded": (
        "revision {number} ({colour}): {scenes}, id {id}",
        "bản sửa {number} ({colour}): {scenes}, mã {id}",
    ),
    "cli.worker.no_broker": (
        "is not set: the worker takes jobs from Redis",
        "chưa được đặt: tiến trình xử lý nhận tác vụ từ Redis",
    ),
    "cli.serve.port_range": ("must be between 1 and 65535", "phải nằm trong khoảng 1 đến 65535"),
}
