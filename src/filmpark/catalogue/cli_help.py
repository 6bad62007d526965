"""The ``filmpark`` command's help: each command's and option's help text in both languages.

Keys are ``help.<command path>`` and ``help.<command path>.<parameter name>``; the English
must be exactly the help text declared in ``filmpark/cli`` (``tests/cli/test_help.py`` checks
it), so the two cannot drift apart.
"""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

_SCREENPLAY = (
    "A screenplay: .fountain, .fdx, .pdf or .txt.",
    "Kịch bản: .fountain, .fdx, .pdf hoặc .txt.",
)

MESSAGES: dict[str, Entry] = {
    # Panels of the help screen.
    "help.panel.arguments": ("Arguments", "Tham số"),
    "help.panel.options": ("Options", "Tuỳ chọn"),
    "help.panel.commands": ("Commands", "Lệnh"),
    "help.panel.error": ("Error", "Lỗi"),
    "help.required": ("[required]", "[bắt buộc]"),
    "help.default": ("[default: {{}}]", "[mặc định: {{}}]"),
    "help.option.help": ("Show this message and exit.", "Hiện hướng dẫn này rồi thoát."),
    # filmpark
    "help.filmpark": (
        "From a screenplay to a breakdown, a shooting schedule, a budget and a production book.",
        "Từ kịch bản đến bảng phân tích, lịch quay, ngân sách và bộ hồ sơ sản xuất.",
    ),
    "help.filmpark.version": ("Print the version and exit.", "In phiên bản rồi thoát."),
    "help.filmpark.lang": (
        "Language of the messages: en or vi (default: FILMPARK_LANG, else the locale).",
        "Ngôn ngữ của thông báo: en hoặc vi (mặc định: FILMPARK_LANG, nếu không thì theo locale).",
    ),
    # filmpark parse
    "help.parse": (
        "Read a screenplay and list its scenes (number, INT/EXT, location, time, page, eighths).",
        "Đọc kịch bản và liệt kê các cảnh (số cảnh, nội/ngoại, bối cảnh, thời gian, trang, phần tám).",
    ),
    "help.parse.file": _SCREENPLAY,
    "help.parse.json_output": ("Print the Script.1 JSON object.", "In đối tượng JSON Script.1."),
    # filmpark convert
    "help.convert": (
        "Write a screenplay as Fountain, Final Draft (FDX) or an industry-layout PDF.",
        "Ghi kịch bản thành Fountain, Final Draft (FDX) hoặc PDF theo khổ chuẩn ngành.",
    ),
    "help.convert.file": _SCREENPLAY,
    "help.convert.output": ("The file to write.", "Tệp cần ghi."),
    "help.convert.to": (
        "fountain, fdx or pdf (default: from the output's suffix).",
        "fountain, fdx hoặc pdf (mặc định: theo đuôi của tệp đầu ra).",
    ),
    "help.convert.lang": (
        "PDF markers (MORE)/(CONT'D) in en or vi (default: the script's).",
        "Dấu (MORE)/(CONT'D) trong PDF bằng en hoặc vi (mặc định: theo kịch bản).",
    ),
    "help.convert.force": ("Replace OUTPUT if it exists.", "Thay thế OUTPUT nếu đã có."),
    # filmpark breakdown
    "help.breakdown": (
        "Break a screenplay down: cast, extras, props, wardrobe... for every scene.",
        "Phân tích kịch bản: diễn viên, quần chúng, đạo cụ, phục trang... cho từng cảnh.",
    ),
    "help.breakdown.file": _SCREENPLAY,
    "help.breakdown.json_output": (
        "Print the Breakdown.1 JSON object.",
        "In đối tượng JSON Breakdown.1.",
    ),
    "help.breakdown.decisions": (
        "A Decisions.1 JSON file to re-apply.",
        "Tệp JSON Decisions.1 cần áp dụng lại.",
    ),
    "help.breakdown.llm": (
        "Add proposals from the AI endpoint set by FILMPARK_LLM_*.",
        "Thêm đề xuất từ dịch vụ AI khai báo bằng FILMPARK_LLM_*.",
    ),
    "help.breakdown.sheets": (
        "Write breakdown sheets (HTML, PDF) and breakdown.csv here.",
        "Ghi phiếu phân tích cảnh (HTML, PDF) và breakdown.csv vào đây.",
    ),
    "help.breakdown.lang": ("Language of the sheets: en or vi.", "Ngôn ngữ của phiếu: en hoặc vi."),
    # filmpark plan
    "help.plan": (
        "Turn a screenplay into a production book: breakdown, schedule, budget, call sheets.",
        "Biến kịch bản thành bộ hồ sơ sản xuất: phân tích, lịch quay, ngân sách, lịch gọi đoàn.",
    ),
    "help.plan.file": (
        "The screenplay (.fountain, .fdx, .pdf, .txt).",
        "Kịch bản (.fountain, .fdx, .pdf, .txt).",
    ),
    "help.plan.output": ("Directory to write the book into.", "Thư mục để ghi bộ hồ sơ."),
    "help.plan.config": ("Production config (YAML).", "Cấu hình sản xuất (YAML)."),
    "help.plan.time_limit": (
        "Seconds the schedule solver may use.",
        "Số giây bộ tối ưu lịch quay được dùng.",
    ),
    "help.plan.seed": (
        "Solver seed (same seed, same schedule).",
        "Hạt giống của bộ tối ưu (cùng hạt giống, cùng lịch quay).",
    ),
    "help.plan.force": ("Replace OUT_DIR if it exists.", "Thay thế OUT_DIR nếu đã có."),
    "help.plan.lang": (
        "Language of the documents and the messages: en or vi (default: the config's language "
        "for the documents).",
        "Ngôn ngữ của tài liệu và thông báo: en hoặc vi (mặc định: tài liệu theo ngôn ngữ của "
        "cấu hình).",
    ),
    "help.plan.decisions": (
        "People's breakdown decisions (a Decisions.1 JSON file) to apply before scheduling.",
        "Các quyết định phân tích kịch bản của con người (tệp JSON Decisions.1) cần áp dụng "
        "trước khi lập lịch.",
    ),
    # filmpark talent
    "help.talent": (
        "Find the scene order that pays actors the least (talent scheduling), with proof.",
        "Tìm thứ tự cảnh trả công diễn viên ít nhất (lập lịch diễn viên), kèm chứng minh.",
    ),
    "help.talent.instance": (
        "Talent-scheduling instance file.",
        "Tệp bài toán lập lịch diễn viên.",
    ),
    "help.talent.time_limit": ("Seconds the solver may use.", "Số giây bộ giải được dùng."),
    "help.talent.as_json": ("Print the result as JSON.", "In kết quả dạng JSON."),
    # filmpark schedule
    "help.schedule": (
        "Break a screenplay down and optimise its shooting schedule.",
        "Phân tích kịch bản và tối ưu lịch quay.",
    ),
    "help.schedule.file": (
        "Screenplay (.fountain, .fdx, .pdf, .txt).",
        "Kịch bản (.fountain, .fdx, .pdf, .txt).",
    ),
    "help.schedule.config_path": (
        "Production config (YAML), see examples/.",
        "Cấu hình sản xuất (YAML), xem thư mục examples/.",
    ),
    "help.schedule.time_limit": ("Seconds the optimiser may use.", "Số giây bộ tối ưu được dùng."),
    "help.schedule.seed": ("Random seed of the search.", "Hạt giống ngẫu nhiên của lần tìm kiếm."),
    "help.schedule.workers": ("Solver threads.", "Số luồng của bộ giải."),
    "help.schedule.previous": (
        "A saved Schedule.1 JSON: re-plan moving few strips.",
        "Một lịch quay Schedule.1 JSON đã lưu: lập lại lịch mà ít phải dời dải cảnh.",
    ),
    "help.schedule.export": (
        "Directory to write schedule/one-liner/DOOD CSV and iCal.",
        "Thư mục để ghi lịch quay/lịch tóm tắt/bảng ngày làm việc dạng CSV và iCal.",
    ),
    "help.schedule.as_json": ("Print the Schedule.1 JSON.", "In JSON Schedule.1."),
    # filmpark serve, worker
    "help.serve": (
        "Serve the platform: REST API at /api/v1 (docs at /docs) and the web pages.",
        "Chạy nền tảng: REST API ở /api/v1 (tài liệu ở /docs) và các trang web.",
    ),
    "help.serve.host": ("Address to listen on.", "Địa chỉ lắng nghe."),
    "help.serve.port": ("Port to listen on.", "Cổng lắng nghe."),
    "help.serve.workers": (
        "Server processes sharing the port (one per core is a good start).",
        "Số tiến trình máy chủ dùng chung cổng (mỗi lõi một tiến trình là khởi đầu tốt).",
    ),
    "help.serve.access_log": ("Log one line per request.", "Ghi một dòng nhật ký cho mỗi yêu cầu."),
    "help.worker": (
        "Run jobs (schedule solves, budgets, books) sent by the API through Redis.",
        "Chạy các tác vụ (tối ưu lịch quay, ngân sách, bộ hồ sơ) do API gửi qua Redis.",
    ),
    "help.worker.concurrency": ("Jobs run at the same time.", "Số tác vụ chạy cùng lúc."),
    # filmpark project
    "help.project": (
        "Projects on the platform database (as the account --as EMAIL).",
        "Dự án trong cơ sở dữ liệu của nền tảng (với tư cách tài khoản --as EMAIL).",
    ),
    "help.project.list": (
        "The projects the account is a member of.",
        "Các dự án mà tài khoản là thành viên.",
    ),
    "help.project.list.as_email": (
        "The account whose projects to list.",
        "Tài khoản cần liệt kê dự án.",
    ),
    "help.project.list.json_output": ("Print JSON.", "In dạng JSON."),
    "help.project.create": (
        "Create a project owned by the account.",
        "Tạo một dự án do tài khoản làm chủ.",
    ),
    "help.project.create.title": ("The project's title.", "Tên dự án."),
    "help.project.create.as_email": (
        "The account that will own it.",
        "Tài khoản sẽ làm chủ dự án.",
    ),
    "help.project.add-member": (
        "Give an account a role in a project (owners and producers).",
        "Giao cho một tài khoản vai trò trong dự án (dành cho chủ dự án và nhà sản xuất).",
    ),
    "help.project.add-member.email": ("The account to add.", "Tài khoản cần thêm."),
    "help.project.add-member.role": (
        "owner, producer, assistant_director, crew, viewer, investor",
        "Một trong: owner, producer, assistant_director, crew, viewer, investor",
    ),
    "help.project.add-member.as_email": (
        "The account making the change.",
        "Tài khoản thực hiện thay đổi.",
    ),
    "help.project.upload": (
        "Upload a new revision of the project's script.",
        "Tải lên bản sửa mới của kịch bản dự án.",
    ),
    "help.project.upload.file": (
        "The screenplay (Fountain, FDX, PDF, text).",
        "Kịch bản (Fountain, FDX, PDF, văn bản).",
    ),
    "help.project.upload.as_email": ("The account uploading it.", "Tài khoản tải lên."),
}
