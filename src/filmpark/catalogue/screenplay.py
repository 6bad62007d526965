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
    # Why a file cannot be read at all (screenplay/__init__.py, encoding.py); each follows
    # "file: ".
    "screenplay.too_big": (
        "too big ({size} MB; a screenplay file is at most {limit} MB)",
        "quá lớn ({size} MB; tệp kịch bản tối đa {limit} MB)",
    ),
    "screenplay.empty": ("is empty", "là tệp trống"),
    "screenplay.empty_file": ("empty file", "tệp trống"),
    "screenplay.only_nul": ("contains only NUL bytes", "chỉ chứa các byte NUL"),
    "screenplay.not_screenplay": ("not a screenplay: {cause}", "không phải kịch bản: {cause}"),
    "screenplay.binary": ("binary data, not text", "dữ liệu nhị phân, không phải văn bản"),
    "screenplay.binary_nul": ("binary data (NUL bytes)", "dữ liệu nhị phân (có byte NUL)"),
    "screenplay.controls_ignored": (
        "{count} control character ignored",
        "đã bỏ qua {count} ký tự điều khiển",
        "{count} control characters ignored",
    ),
    "screenplay.unknown_format": (
        "unknown format {format} (expected fountain, text, fdx or pdf)",
        "không hỗ trợ định dạng {format} (cần fountain, text, fdx hoặc pdf)",
    ),
    "screenplay.reader_missing": (
        "cannot read {kind} files here ({module} is not installed)",
        "ở đây không đọc được tệp {kind} (chưa cài {module})",
    ),
    "screenplay.not_pdf": (
        "not a PDF file (no %PDF header)",
        "không phải tệp PDF (không có phần đầu %PDF)",
    ),
    "screenplay.not_fdx": (
        "not a Final Draft file (no <FinalDraft> document)",
        "không phải tệp Final Draft (không có tài liệu <FinalDraft>)",
    ),
    "screenplay.xml_not_fdx": (
        "an XML or HTML document that is not Final Draft (.fdx)",
        "là tài liệu XML hoặc HTML nhưng không phải Final Draft (.fdx)",
    ),
    "screenplay.bad_utf8_bom": (
        "not valid UTF-8 despite its byte-order mark (byte {byte})",
        "không phải UTF-8 hợp lệ dù có dấu thứ tự byte (byte {byte})",
    ),
    "screenplay.bad_utf16_bom": (
        "not valid UTF-16 despite its byte-order mark",
        "không phải UTF-16 hợp lệ dù có dấu thứ tự byte",
    ),
    "screenplay.read_as_legacy": (
        "not UTF-8 (first invalid byte on line {line}); read as {encoding}: check the accented letters",
        "không phải UTF-8 (byte lỗi đầu tiên ở dòng {line}); đã đọc theo {encoding}: hãy kiểm tra các chữ có dấu",
    ),
    "screenplay.undecodable": (
        "cannot be decoded as text (invalid byte on line {line})",
        "không giải mã được thành văn bản (byte không hợp lệ ở dòng {line})",
    ),
    "screenplay.no_scene_in": (
        "no scene {number} in {source}",
        "không có cảnh {number} trong {source}",
    ),
    "screenplay.no_scene": ("no scene {number} in the script", "kịch bản không có cảnh {number}"),
    # Formats people try that filmpark does not read, with what to do instead.
    "refused.word": (
        "a Word document: save it as plain text (.txt), PDF or Fountain",
        "là tài liệu Word: hãy lưu thành văn bản thuần (.txt), PDF hoặc Fountain",
    ),
    "refused.opendocument": (
        "an OpenDocument file: save it as plain text (.txt), PDF or Fountain",
        "là tệp OpenDocument: hãy lưu thành văn bản thuần (.txt), PDF hoặc Fountain",
    ),
    "refused.rtf": (
        "an RTF document: save it as plain text (.txt), PDF or Fountain",
        "là tài liệu RTF: hãy lưu thành văn bản thuần (.txt), PDF hoặc Fountain",
    ),
    "refused.pages": (
        "a Pages document: export it as PDF or plain text",
        "là tài liệu Pages: hãy xuất ra PDF hoặc văn bản thuần",
    ),
    "refused.celtx": (
        "a Celtx project: export it as PDF or Final Draft (.fdx)",
        "là dự án Celtx: hãy xuất ra PDF hoặc Final Draft (.fdx)",
    ),
    "refused.fadein": (
        "a Fade In project: export it as Final Draft (.fdx) or Fountain",
        "là dự án Fade In: hãy xuất ra Final Draft (.fdx) hoặc Fountain",
    ),
    "refused.highland": (
        "a Highland project: export it as Fountain or Final Draft (.fdx)",
        "là dự án Highland: hãy xuất ra Fountain hoặc Final Draft (.fdx)",
    ),
    "refused.scrivener": (
        "a Scrivener project: compile it as Final Draft (.fdx) or Fountain",
        "là dự án Scrivener: hãy biên dịch ra Final Draft (.fdx) hoặc Fountain",
    ),
    "refused.zip": (
        "a ZIP archive (a .docx, .fadein or .highland file?): export it as Fountain, FDX, PDF or text",
        "là tệp nén ZIP (tệp .docx, .fadein hay .highland?): hãy xuất ra Fountain, FDX, PDF hoặc văn bản",
    ),
    "refused.old_office": (
        "an old Microsoft Office document: save it as plain text or PDF",
        "là tài liệu Microsoft Office đời cũ: hãy lưu thành văn bản thuần hoặc PDF",
    ),
    "refused.png": ("a PNG image, not a screenplay", "là ảnh PNG, không phải kịch bản"),
    "refused.jpeg": ("a JPEG image, not a screenplay", "là ảnh JPEG, không phải kịch bản"),
    "refused.gif": ("a GIF image, not a screenplay", "là ảnh GIF, không phải kịch bản"),
    "refused.program": ("a program, not a screenplay", "là một chương trình, không phải kịch bản"),
    "refused.windows_program": (
        "a Windows program, not a screenplay",
        "là một chương trình Windows, không phải kịch bản",
    ),
    "refused.gzip": ("a gzip archive, not a screenplay", "là tệp nén gzip, không phải kịch bản"),
    # Fountain and plain text (fountain.py, assemble.py): diagnostics.
    "fountain.unclosed_boneyard": (
        "unclosed boneyard '/*': kept as text (no closing '*/')",
        "phần ghi chú ẩn '/*' không được đóng: giữ lại như văn bản (không có '*/' đóng)",
    ),
    "fountain.nul_removed": ("NUL characters removed", "đã xoá các ký tự NUL"),
    "fountain.no_headings": (
        "no scene headings found (INT./EXT., NỘI./NGOẠI.)",
        "không tìm thấy tiêu đề cảnh nào (INT./EXT., NỘI./NGOẠI.)",
    ),
    "assemble.no_int_ext": (
        "scene heading without INT/EXT: {heading}",
        "tiêu đề cảnh không có NỘI/NGOẠI (INT/EXT): {heading}",
    ),
    "assemble.number_twice": (
        "scene number {number} is used more than once",
        "số cảnh {number} được dùng nhiều lần",
    ),
    # Final Draft (fdx.py).
    "fdx.refused": (
        "{what} at line {line}, column {column} is not allowed in an FDX file (refused for safety)",
        "{what} ở dòng {line}, cột {column} không được phép trong tệp FDX (bị từ chối để đảm bảo an toàn)",
    ),
    "fdx.dtd": ("a document type declaration (DTD)", "khai báo kiểu tài liệu (DTD)"),
    "fdx.entity": ("an entity declaration", "khai báo thực thể"),
    "fdx.external_entity": ("an external entity", "thực thể bên ngoài"),
    "fdx.unreadable_xml": (
        "not a readable XML file ({error})",
        "không phải tệp XML đọc được ({error})",
    ),
    "fdx.no_root": (
        "not an XML document (no root element)",
        "không phải tài liệu XML (không có phần tử gốc)",
    ),
    "fdx.where": ("line {line}, column {column}", "dòng {line}, cột {column}"),
    "fdx.no_element": ("no XML element found", "không tìm thấy phần tử XML nào"),
    "fdx.truncated_xml": (
        "truncated FDX: the file ends before its XML is closed ({where})",
        "tệp FDX bị cắt cụt: tệp kết thúc trước khi XML được đóng ({where})",
    ),
    "fdx.truncated_tag": (
        "truncated FDX: the file ends inside a tag ({where})",
        "tệp FDX bị cắt cụt: tệp kết thúc giữa một thẻ ({where})",
    ),
    "fdx.truncated_character": (
        "truncated FDX: the file ends inside a character ({where})",
        "tệp FDX bị cắt cụt: tệp kết thúc giữa một ký tự ({where})",
    ),
    "fdx.wrong_encoding": (
        "wrong encoding: the file says {encoding} but is not ({where})",
        "sai bảng mã: tệp ghi là {encoding} nhưng thực tế không phải ({where})",
    ),
    "fdx.not_well_formed": (
        "not well-formed XML: {message} ({where})",
        "XML không đúng cú pháp: {message} ({where})",
    ),
    "fdx.dual_without_speakers": (
        "dual dialogue without two speakers",
        "thoại đôi không có đủ hai người nói",
    ),
    "fdx.unknown_tag_number": (
        "text tagged with unknown tag number {tag}",
        "văn bản được gắn thẻ có số thẻ không xác định {tag}",
    ),
    "fdx.unknown_paragraph": (
        "unknown paragraph type {type} read as action",
        "loại đoạn {type} không xác định, đọc là hành động",
    ),
    "fdx.tag_undefined": (
        "breakdown tag {number} has no definition; skipped",
        "thẻ phân tích {number} không có định nghĩa; đã bỏ qua",
    ),
    "fdx.tag_unknown_category": (
        "breakdown tag {number} names an unknown category",
        "thẻ phân tích {number} ghi một hạng mục không xác định",
    ),
    "fdx.binary_not_xml": (
        "not an FDX file: binary data, not XML",
        "không phải tệp FDX: dữ liệu nhị phân, không phải XML",
    ),
    "fdx.text_not_xml": (
        "not an FDX file: text, not XML",
        "không phải tệp FDX: văn bản, không phải XML",
    ),
    "fdx.wrong_root": (
        "not a Final Draft document: the root element is <{tag}>",
        "không phải tài liệu Final Draft: phần tử gốc là <{tag}>",
    ),
    "fdx.no_content": (
        "not a Final Draft script: no <Content> section",
        "không phải kịch bản Final Draft: không có phần <Content>",
    ),
    "fdx.unknown_encoding": (
        "unknown encoding {name} in the XML declaration",
        "bảng mã {name} trong khai báo XML không xác định",
    ),
    "fdx.wrong_encoding_byte": (
        "wrong encoding: the file says {name} but byte {byte} is not {name}",
        "sai bảng mã: tệp ghi là {name} nhưng byte {byte} không phải {name}",
    ),
    "fdx.unreadable_length": (
        "unreadable scene length {length}",
        "không đọc được độ dài cảnh {length}",
    ),
    "fdx.unreadable_page": (
        "unreadable scene page {page}",
        "không đọc được số trang của cảnh {page}",
    ),
    # PDF (pdf.py).
    "pdf.password": (
        "the PDF is encrypted with a password: save an unprotected copy",
        "tệp PDF được mã hoá bằng mật khẩu: hãy lưu một bản không khoá",
    ),
    "pdf.encryption": (
        "the PDF is encrypted in a way we cannot read ({error})",
        "tệp PDF được mã hoá theo cách chưa đọc được ({error})",
    ),
    "pdf.corrupt": ("corrupt PDF ({error})", "tệp PDF bị hỏng ({error})"),
    "pdf.no_pages": ("the PDF has no pages", "tệp PDF không có trang nào"),
    "pdf.image_only": (
        "image-only PDF (a scan without a text layer): run OCR on it first",
        "tệp PDF chỉ có hình ảnh (bản quét không có lớp chữ): hãy nhận dạng chữ (OCR) trước",
    ),
    "pdf.no_text": ("the PDF has no text", "tệp PDF không có chữ"),
    "pdf.no_unicode": (
        "the PDF's fonts carry no Unicode text, so its words cannot be extracted: export the PDF "
        "again from the writing software, or run OCR on it",
        "phông chữ của tệp PDF không chứa văn bản Unicode nên không trích được chữ: hãy xuất lại "
        "PDF từ phần mềm viết kịch bản, hoặc nhận dạng chữ (OCR)",
    ),
    "pdf.undecoded": (
        "{count} character has no Unicode text in the PDF (shown as �)",
        "{count} ký tự trong tệp PDF không có văn bản Unicode (hiện thành �)",
        "{count} characters have no Unicode text in the PDF (shown as �)",
    ),
    "pdf.no_body": (
        "the PDF has no screenplay text after its title page",
        "tệp PDF không có nội dung kịch bản sau trang bìa",
    ),
    "pdf.not_industry_page": (
        "not the industry page ({width:.2f} x {height:.2f} in, {lines:.1f} lines an inch): scene "
        "eighths are counted on the script re-paginated to US Letter",
        "không phải khổ trang chuẩn ngành ({width:.2f} x {height:.2f} inch, {lines:.1f} dòng mỗi "
        "inch): số phần tám trang của cảnh được tính trên kịch bản đã dàn lại trang theo khổ US Letter",
    ),
}
