"""Messages of the platform: settings, accounts, projects, permissions, scripts, breakdowns,
schedules, budgets, books, jobs, the store and the documents."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {
    # Values people type into forms and requests.
    "value.must_not_be_empty": ("must not be empty", "không được để trống"),
    "value.non_empty_string": ("must be a non-empty string", "phải là một chuỗi không trống"),
    "value.at_least_characters": (
        "must be at least {limit} characters long",
        "phải dài ít nhất {limit} ký tự",
    ),
    "value.at_most_characters": (
        "must be at most {limit} characters long",
        "chỉ được dài tối đa {limit} ký tự",
    ),
    "value.one_of": ("must be one of {expected}", "phải là một trong: {expected}"),
    # Settings from the environment (config.py).
    "settings.whole_number": (
        "must be a whole number, got {got}",
        "phải là số nguyên, nhưng nhận được {got}",
    ),
    "settings.at_least": (
        "must be at least {minimum}, got {got}",
        "phải ít nhất là {minimum}, nhưng nhận được {got}",
    ),
    "settings.cannot_read": ("cannot read {path}: {error}", "không đọc được {path}: {error}"),
    "settings.cannot_create": ("cannot create {path}: {error}", "không tạo được {path}: {error}"),
    "settings.database_url": (
        "only sqlite:// and postgresql:// URLs are supported",
        "chỉ hỗ trợ địa chỉ sqlite:// và postgresql://",
    ),
    "settings.broker_url": (
        "only redis:// brokers are supported",
        "chỉ hỗ trợ hàng đợi redis://",
    ),
    "settings.secret_length": (
        "must be at least 32 characters long",
        "phải dài ít nhất 32 ký tự",
    ),
    # Accounts and sign-in (services/accounts.py, store).
    "account.not_email": ("not an email address", "không phải địa chỉ email"),
    "account.exists": (
        "an account with the email {email} already exists",
        "đã có tài khoản dùng email {email}",
    ),
    "account.token_expired": (
        "the access token has expired; sign in again",
        "mã truy cập đã hết hạn; hãy đăng nhập lại",
    ),
    "account.token_invalid": ("the access token is not valid", "mã truy cập không hợp lệ"),
    "account.token_user_gone": (
        "the account of this access token no longer exists",
        "tài khoản của mã truy cập này không còn tồn tại",
    ),
    "account.too_many_sign_ins": (
        "too many failed sign-ins for this account from this address; try again in {count} minute",
        "đăng nhập sai quá nhiều lần cho tài khoản này từ địa chỉ này; hãy thử lại sau {count} phút",
        "too many failed sign-ins for this account from this address; try again in {count} minutes",
    ),
    "account.wrong_password": ("wrong email or password", "sai email hoặc mật khẩu"),
    # Projects, members and roles (services/projects.py, services/permissions.py).
    "project.not_found": ("no such project", "không có dự án này"),
    "project.keep_an_owner": (
        "a project must keep at least one owner",
        "dự án phải còn ít nhất một chủ dự án",
    ),
    "project.no_account_to_add": (
        "no account with the email {email}; ask them to register first",
        "không có tài khoản nào dùng email {email}; hãy mời họ đăng ký trước",
    ),
    "project.no_member": ("no such member", "không có thành viên này"),
    "role.unknown": (
        "unknown role {role} (expected one of {expected})",
        "không có vai trò {role} (cần một trong: {expected})",
    ),
    "role.article.owner": ("an owner", "vai trò chủ dự án"),
    "role.article.producer": ("a producer", "vai trò nhà sản xuất"),
    "role.article.assistant_director": ("an assistant director", "vai trò trợ lý đạo diễn"),
    "role.article.crew": ("a crew", "vai trò thành viên đoàn phim"),
    "role.article.viewer": ("a viewer", "vai trò người xem"),
    "role.article.investor": ("an investor", "vai trò nhà đầu tư"),
    "permission.refused": (
        "{role} may not {action} in this project",
        "{role} không được phép {action} trong dự án này",
    ),
    "permission.grant_refused": (
        "{role} may not grant or change the role {granted}",
        "{role} không được phép giao hoặc đổi vai trò {granted}",
    ),
    "permission.view_project": ("view the project", "xem dự án"),
    "permission.view_members": ("view the members", "xem danh sách thành viên"),
    "permission.manage_members": ("manage the members", "quản lý thành viên"),
    "permission.manage_project": ("manage the project", "quản lý dự án"),
    "permission.view_script": ("view the script", "xem kịch bản"),
    "permission.upload_script": ("upload the script", "tải kịch bản lên"),
    "permission.view_breakdown": ("view the breakdown", "xem bảng phân tích kịch bản"),
    "permission.decide_breakdown": (
        "decide the breakdown",
        "quyết định trên bảng phân tích kịch bản",
    ),
    "permission.view_schedule": ("view the schedule", "xem lịch quay"),
    "permission.edit_schedule": ("edit the schedule", "sửa lịch quay"),
    "permission.view_budget": ("view the budget", "xem ngân sách"),
    "permission.edit_budget": ("edit the budget", "sửa ngân sách"),
    "permission.view_documents": ("view the documents", "xem tài liệu"),
    "permission.render_documents": ("render the documents", "xuất tài liệu"),
    "permission.view_ledger": ("view the ledger", "xem sổ theo dõi AI"),
    "permission.view_audit": ("view the audit", "xem nhật ký hoạt động"),
    # Scripts and uploads (services/scripts.py).
    "script.none_yet": (
        "the project has no script yet; upload one first",
        "dự án chưa có kịch bản; hãy tải kịch bản lên trước",
    ),
    "script.no_revision": ("no such script revision", "không có bản sửa kịch bản này"),
    "script.revision_from_one": ("revisions are numbered from 1", "bản sửa được đánh số từ 1"),
    "upload.pdf_misnamed": (
        "the file is a PDF but its name ends in {suffix}",
        "tệp là PDF nhưng tên tệp có đuôi {suffix}",
    ),
    "upload.not_pdf": (
        "the file's name ends in .pdf but it is not a PDF",
        "tên tệp có đuôi .pdf nhưng tệp không phải PDF",
    ),
    "upload.not_screenplay": (
        "not a screenplay: upload Fountain, Final Draft (.fdx), PDF or plain text",
        "không phải kịch bản: hãy tải lên tệp Fountain, Final Draft (.fdx), PDF hoặc văn bản thuần",
    ),
    "upload.not_fdx": (
        "the file's name ends in .fdx but it is not Final Draft XML",
        "tên tệp có đuôi .fdx nhưng tệp không phải XML của Final Draft",
    ),
    "upload.binary": (
        "not a screenplay: binary content (upload Fountain, FDX, PDF or plain text)",
        "không phải kịch bản: nội dung nhị phân (hãy tải lên tệp Fountain, FDX, PDF hoặc văn bản thuần)",
    ),
    "upload.unsupported_type": (
        "unsupported file type {suffix} (expected .fountain, .spmd, .fdx, .pdf, .txt)",
        "không hỗ trợ loại tệp {suffix} (cần .fountain, .spmd, .fdx, .pdf, .txt)",
    ),
    "upload.too_large": (
        "the file is larger than the limit of {limit} MiB",
        "tệp lớn hơn giới hạn {limit} MiB",
    ),
    "upload.empty": ("the file is empty", "tệp trống"),
    # Breakdowns and decisions (services/breakdowns.py).
    "breakdown.none_for_revision": (
        "no breakdown of revision {number} yet; upload the script again to make one",
        "chưa có bảng phân tích cho bản sửa {number}; hãy tải kịch bản lên lại để tạo",
    ),
    "decision.at_least_one": ("at least one decision is needed", "cần ít nhất một quyết định"),
    "decision.at_most": (
        "at most {limit} decisions per request",
        "mỗi yêu cầu có tối đa {limit} quyết định",
    ),
    "decision.quantity_range": (
        "must be a whole number from 1 to 99999",
        "phải là số nguyên từ 1 đến 99999",
    ),
    "decision.edit_needs": (
        "an edit needs a new_name, a new_category or a quantity",
        "một lần sửa cần có new_name, new_category hoặc quantity",
    ),
    # Schedules, budgets and books (services/*.py).
    "schedule.stored_day_without_date": (
        "a stored shoot day has no valid date",
        "một ngày quay đã lưu không có ngày hợp lệ",
    ),
    "schedule.move_breaks_rules": (
        "scene {scene} cannot move to shoot day {day} ({date}): it would break {rules}",
        "không thể chuyển cảnh {scene} sang ngày quay {day} ({date}): việc này vi phạm {rules}",
    ),
    "budget.no_schedule": (
        "no schedule to cost yet; make a schedule first",
        "chưa có lịch quay để tính chi phí; hãy lập lịch quay trước",
    ),
    "budget.none_yet": ("no budget yet", "chưa có ngân sách"),
    "budget.no_version": ("no budget version {version}", "không có ngân sách phiên bản {version}"),
    "book.no_schedule": (
        "no schedule to render yet; make a schedule first",
        "chưa có lịch quay để xuất; hãy lập lịch quay trước",
    ),
    "book.not_rendered": ("no book rendered yet", "chưa xuất bộ hồ sơ nào"),
    # The main job without a database (services/plan.py).
    "plan.needs_coordinates": (
        "expected coordinates: [latitude, longitude] (the call sheet computes sunrise and sunset "
        "from them; mark an indoor stage with 'stage: true')",
        "cần toạ độ: [vĩ độ, kinh độ] (lịch gọi đoàn tính giờ mặt trời mọc và lặn từ toạ độ; "
        "trường quay trong nhà thì ghi 'stage: true')",
    ),
    "plan.no_scenes": (
        "{source}: no scenes found (a scene starts with a heading such as INT. HOUSE - DAY)",
        "{source}: không tìm thấy cảnh nào (mỗi cảnh bắt đầu bằng tiêu đề cảnh như NỘI. NHÀ - NGÀY)",
    ),
    "plan.step.reading": ("reading {source}", "đang đọc {source}"),
    "plan.step.breaking_down": (
        "{count} scene read; breaking it down",
        "đã đọc {count} cảnh; đang phân tích kịch bản",
        "{count} scenes read; breaking them down",
    ),
    "plan.step.scheduling": (
        "{count} element; scheduling",
        "{count} yếu tố; đang lập lịch quay",
        "{count} elements; scheduling",
    ),
    "plan.step.costing": (
        "{count} shoot day; costing",
        "{count} ngày quay; đang tính ngân sách",
        "{count} shoot days; costing",
    ),
    "file.exists_use_force": (
        "{path}: already exists (use --force to replace it)",
        "{path}: đã tồn tại (dùng --force để thay thế)",
    ),
    "file.not_a_directory": (
        "{path}: exists and is not a directory",
        "{path}: đã tồn tại và không phải là thư mục",
    ),
    # Jobs (services/jobs.py, jobs/queue.py).
    "jobs.unknown_kind": ("unknown job kind {kind}", "không có loại tác vụ {kind}"),
    "jobs.not_found": ("no such job", "không có tác vụ này"),
    "jobs.waiting_for_retry": ("waiting to be retried", "đang chờ chạy lại"),
    "jobs.internal_error": (
        "internal error ({name}); the job was stopped",
        "lỗi nội bộ ({name}); tác vụ đã dừng",
    ),
    "jobs.progress.best_cost": (
        "best cost {cost:,}, gap {gap:.1%}",
        "chi phí tốt nhất {cost:,}, khoảng cách {gap:.1%}",
    ),
    "jobs.progress.rendering_book": ("rendering the book", "đang dựng bộ hồ sơ sản xuất"),
    "jobs.not_accepted": (
        "the job queue did not accept the job: {error}",
        "hàng đợi không nhận tác vụ: {error}",
    ),
    # The store (store/*.py).
    "store.bad_file_name": ("not a stored file name", "không phải tên tệp đã lưu"),
    "store.file_missing": ("the stored file is missing", "tệp đã lưu bị thiếu"),
    "store.no_document": ("no such document", "không có tài liệu này"),
    "store.audit_append_only": (
        "the audit log is append-only: entries are never changed",
        "nhật ký hoạt động chỉ được ghi thêm: các mục đã ghi không bao giờ bị sửa",
    ),
    "store.no_user": ("no such user", "không có người dùng này"),
    "store.no_migrations": (
        "the database migrations are not installed with filmpark",
        "các bản chuyển đổi cơ sở dữ liệu chưa được cài cùng filmpark",
    ),
    "store.migration_failed": (
        "database migration failed: {error}",
        "chuyển đổi cơ sở dữ liệu thất bại: {error}",
    ),
    "store.concurrent_change": (
        "the change conflicts with a concurrent one ({error})",
        "thay đổi này xung đột với một thay đổi khác diễn ra cùng lúc ({error})",
    ),
    "store.failed": ("the database failed: {error}", "cơ sở dữ liệu gặp lỗi: {error}"),
    "store.unreachable": (
        "database unreachable: {error}",
        "không kết nối được cơ sở dữ liệu: {error}",
    ),
    "store.no_organisation": ("no such organisation", "không có tổ chức này"),
    # The REST API (api/*.py).
    "api.sign_in_first": (
        "sign in first: send 'Authorization: Bearer <access token>'",
        "hãy đăng nhập trước: gửi 'Authorization: Bearer <access token>'",
    ),
    "api.body_not_json": (
        "the request body is not valid JSON",
        "nội dung yêu cầu không phải JSON hợp lệ",
    ),
    "api.request_invalid": ("the request is not valid", "yêu cầu không hợp lệ"),
    "api.internal_error": (
        "an internal error occurred; it has been logged",
        "đã xảy ra lỗi nội bộ; lỗi đã được ghi lại",
    ),
    "api.body_too_large": (
        "the request body is larger than {limit} KiB",
        "nội dung yêu cầu lớn hơn {limit} KiB",
    ),
    # The pages (web/*.py).
    "web.sign_in_to_continue": ("sign in to continue", "hãy đăng nhập để tiếp tục"),
    "web.body_not_object": (
        "The request body must be a JSON object.",
        "Nội dung yêu cầu phải là một đối tượng JSON.",
    ),
    "web.no_scene": ("no such scene", "không có cảnh này"),
    "web.send_decisions": ("Send a list of decisions.", "Hãy gửi một danh sách quyết định."),
    "web.budget_currencies": (
        "These two budgets are in different currencies and cannot be compared.",
        "Hai ngân sách này dùng hai loại tiền khác nhau nên không so sánh được.",
    ),
    "web.no_call_sheet": ("no call sheet for that day", "không có lịch gọi đoàn cho ngày đó"),
    "web.move_needs": (
        "A move needs a scene, a day and the version it was made on.",
        "Việc di chuyển cần có cảnh, ngày và phiên bản đang sửa.",
    ),
    "web.position_whole": ("The position must be a whole number.", "Vị trí phải là số nguyên."),
    "web.lock_boolean": ("Lock must be true or false.", "Khoá phải là đúng hoặc sai."),
    "web.schedule_at_version": (
        "the schedule is at version {version}",
        "lịch quay đang ở phiên bản {version}",
    ),
    # Documents (documents/*.py).
    "language.unknown": (
        "unknown language {lang} (expected en or vi)",
        "không hỗ trợ ngôn ngữ {lang} (cần en hoặc vi)",
    ),
    "language.no_screenplay_labels": (
        "no screenplay labels for {lang} (expected one of en, vi)",
        "không có nhãn kịch bản cho {lang} (cần một trong: en, vi)",
    ),
    "field.font_style": ("font style", "kiểu chữ"),
    "font.unknown_style": (
        "unknown style {style} (expected one of {expected})",
        "không có kiểu chữ {style} (cần một trong: {expected})",
    ),
}
