"""Messages of the breakdown: categories, decisions, lexicons, the AI endpoint, Breakdown.1."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {
    # Categories (categories.py).
    "category.bad_key": ("not a category key: {key}", "không phải khoá hạng mục: {key}"),
    "category.bad_colour": (
        "not a #rrggbb colour: {colour}",
        "không phải mã màu #rrggbb: {colour}",
    ),
    "category.duplicates": (
        "duplicate category keys: {keys}",
        "khoá hạng mục bị trùng: {keys}",
    ),
    "category.unknown": ("unknown category {key}", "không có hạng mục {key}"),
    "category.id_taken": (
        "id {id} is already used by another category",
        "mã {id} đã được một hạng mục khác dùng",
    ),
    "category.expected_document": (
        "expected an object with a 'categories' list",
        "cần một đối tượng có danh sách 'categories'",
    ),
    "category.not_a_list": ("'categories' must be a list", "'categories' phải là một danh sách"),
    "category.entry_without_key": (
        "entry {index} has no 'key'",
        "mục thứ {index} không có 'key'",
    ),
    "category.needs_ucis_id": (
        "category {key} needs a numeric 'ucis_id'",
        "hạng mục {key} cần một 'ucis_id' là số",
    ),
    # Lexicons (lexicon.py).
    "lexicon.empty_term": ("empty term", "thuật ngữ trống"),
    "lexicon.no_language": (
        "no lexicon for language {language}",
        "không có từ điển cho ngôn ngữ {language}",
    ),
    # Documents read back (serialize.py, decisions.py).
    "json.expected_object": ("expected a JSON object", "cần một đối tượng JSON"),
    "json.unsupported_schema": (
        "unsupported schema {schema} (expected {expected})",
        "lược đồ {schema} không được hỗ trợ (cần {expected})",
    ),
    "json.must_be_list": ("{name} must be a list", "{name} phải là một danh sách"),
    "breakdown.scene_without_number": (
        "scene {index} has no 'number'",
        "cảnh thứ {index} không có 'number'",
    ),
    "breakdown.scene_field_object": (
        "scene {scene}: {name} must be an object",
        "cảnh {scene}: {name} phải là một đối tượng",
    ),
    "breakdown.scene_field_list": (
        "scene {scene}: {name} must be a list",
        "cảnh {scene}: {name} phải là một danh sách",
    ),
    "breakdown.scene_field_integer": (
        "scene {scene}: {name} must be an integer",
        "cảnh {scene}: {name} phải là số nguyên",
    ),
    "breakdown.element_without_name": (
        "scene {scene}: an element of {category} has no name",
        "cảnh {scene}: một yếu tố thuộc {category} không có tên",
    ),
    "breakdown.empty_scene": (
        "scene {scene} is empty: nothing to break down",
        "cảnh {scene} trống: không có gì để phân tích",
    ),
    # Cast aliases (cast.py).
    "alias.same_name": (
        "the same name with a title or age word ({core})",
        "cùng một tên, kèm danh xưng hoặc từ chỉ tuổi ({core})",
    ),
    "alias.introduced_together": (
        "introduced together: {name}, the {role}",
        "được giới thiệu cùng nhau: {name}, {role}",
    ),
    # People's decisions (decisions.py).
    "decision.in_scene": ("in scene {scene}", "ở cảnh {scene}"),
    "decision.whole_script": ("in the whole script", "trong toàn bộ kịch bản"),
    "decision.merge_target": ("{aliases} into {name}", "{aliases} vào {name}"),
    "decision.action.accept": ("accept", "chấp nhận"),
    "decision.action.reject": ("reject", "loại bỏ"),
    "decision.action.edit": ("edit", "sửa"),
    "decision.action.add": ("add", "thêm"),
    "decision.action.merge_alias": ("merge_alias", "gộp tên"),
    "decision.expected_document": (
        "expected a JSON object with a 'decisions' list",
        "cần một đối tượng JSON có danh sách 'decisions'",
    ),
    "decision.not_an_object": (
        "decision {index} is not an object",
        "quyết định thứ {index} không phải là một đối tượng",
    ),
    "decision.unknown_action": (
        "decision {index}: unknown action {action} (expected one of {expected})",
        "quyết định thứ {index}: không có thao tác {action} (cần một trong: {expected})",
    ),
    "decision.without_name": (
        "decision {index} has no 'name'",
        "quyết định thứ {index} không có 'name'",
    ),
    "decision.bad_date": (
        "decision {index}: 'at' is not an ISO date",
        "quyết định thứ {index}: 'at' không phải ngày theo định dạng ISO",
    ),
    "decision.bad_quantity": (
        "decision {index}: 'quantity' must be an integer",
        "quyết định thứ {index}: 'quantity' phải là số nguyên",
    ),
    "decision.bad_aliases": (
        "decision {index}: 'aliases' must be a list",
        "quyết định thứ {index}: 'aliases' phải là một danh sách",
    ),
    # The AI endpoint (ai.py, extract.py).
    "ai.no_answer": ("no answer", "không có câu trả lời"),
    "ai.http_status": ("HTTP {status} from {url}", "{url} trả về mã HTTP {status}"),
    "ai.refused": (
        "the AI endpoint refused the request: {cause}",
        "dịch vụ AI từ chối yêu cầu: {cause}",
    ),
    "ai.timeout": (
        "no answer from {url} within {seconds:g} s",
        "{url} không trả lời trong {seconds:g} giây",
    ),
    "ai.unreachable": ("cannot reach {url} ({reason})", "không kết nối được {url} ({reason})"),
    "ai.failed": (
        "the AI endpoint failed after {count} try: {cause}",
        "dịch vụ AI vẫn lỗi sau {count} lần thử: {cause}",
        "the AI endpoint failed after {count} tries: {cause}",
    ),
    "ai.no_elements": (
        "the AI answer has no 'elements' list",
        "câu trả lời của AI không có danh sách 'elements'",
    ),
    "ai.not_chat_completions": (
        "the AI endpoint did not answer in the chat-completions format",
        "dịch vụ AI không trả lời theo định dạng chat-completions",
    ),
    "ai.no_text": (
        "the AI answer has no text content",
        "câu trả lời của AI không có nội dung văn bản",
    ),
    "ai.not_json_object": (
        "the AI answer is not a JSON object",
        "câu trả lời của AI không phải là một đối tượng JSON",
    ),
    "ai.nothing_usable": (
        "scene {scene}: the AI provider gave nothing usable ({error})",
        "cảnh {scene}: dịch vụ AI không đưa ra được đề xuất dùng được ({error})",
    ),
}
