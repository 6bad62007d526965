"""Messages of the schedule: the production config, the problem, the rules, the solver and its
explanations (why a schedule costs what it costs, why a problem has no schedule)."""

from __future__ import annotations

from filmpark.catalogue._entry import Entry

MESSAGES: dict[str, Entry] = {
    # The production config (config.py): every message follows "file:line: 'key': ".
    "config.expected_mapping_of": (
        "expected a mapping of {keys}",
        "cần một bảng khoá gồm {keys}",
    ),
    "config.unknown_key": (
        "unknown key (allowed here: {allowed})",
        "khoá không hợp lệ (ở đây chỉ dùng được: {allowed})",
    ),
    "config.given_twice": ("given twice", "bị khai báo hai lần"),
    "config.expected_mapping": ("expected a mapping", "cần một bảng khoá"),
    "config.expected_list": ("expected a list", "cần một danh sách"),
    "config.expected_single_value": ("expected a single value", "cần một giá trị đơn"),
    "config.value_required": ("a value is required", "cần có giá trị"),
    "config.expected_whole_number": (
        "expected a whole number, got {got}",
        "cần một số nguyên, nhưng nhận được {got}",
    ),
    "config.at_least": (
        "must be at least {minimum} (got {got})",
        "phải ít nhất là {minimum} (nhận được {got})",
    ),
    "config.expected_number": ("expected a number, got {got}", "cần một số, nhưng nhận được {got}"),
    "config.number_at_least": (
        "must be a number of at least {minimum} (got {got})",
        "phải là số không nhỏ hơn {minimum} (nhận được {got})",
    ),
    "config.expected_boolean": (
        "expected true or false, got {got}",
        "cần true hoặc false, nhưng nhận được {got}",
    ),
    "config.expected_date": (
        "expected a date YYYY-MM-DD, got {got}",
        "cần một ngày dạng YYYY-MM-DD, nhưng nhận được {got}",
    ),
    "config.expected_clock": (
        "expected a time of day HH:MM, got {got}",
        "cần một giờ trong ngày dạng HH:MM, nhưng nhận được {got}",
    ),
    "config.window_needs_ends": (
        "a window needs both 'from' and 'to'",
        "một khoảng thời gian cần có cả 'from' và 'to'",
    ),
    "config.ends_before_start": (
        "ends ({end}) before it starts ({start})",
        "kết thúc ({end}) trước khi bắt đầu ({start})",
    ),
    "config.not_yaml": ("not valid YAML: {problem}", "không phải YAML hợp lệ: {problem}"),
    "config.unknown_currency": (
        "unknown currency {currency} (known: {known})",
        "loại tiền tệ {currency} không được hỗ trợ (các loại được hỗ trợ: {known})",
    ),
    "config.expected_language": ("expected en or vi", "cần en hoặc vi"),
    "config.unknown_profile": (
        "unknown profile (expected one of {expected})",
        "không có bộ quy định này (cần một trong: {expected})",
    ),
    "config.start_in_past": (
        "the start date {start} is in the past",
        "ngày bắt đầu {start} đã qua",
    ),
    "config.end_before_start": (
        "the end {end} is before the start {start}",
        "ngày kết thúc {end} trước ngày bắt đầu {start}",
    ),
    "config.not_weekday": ("not a weekday: {name}", "không phải một ngày trong tuần: {name}"),
    "config.every_day_rest": (
        "every day of the week is a rest day",
        "mọi ngày trong tuần đều là ngày nghỉ",
    ),
    "config.weekly_rest_broken": (
        "{working} working days a week break the weekly rest of {count} day ({source})",
        "{working} ngày làm việc mỗi tuần vi phạm quy định nghỉ hằng tuần {count} ngày ({source})",
        "{working} working days a week break the weekly rest of {count} days ({source})",
    ),
    "config.day_off_needs_dates": (
        "a day off needs 'date', or 'from' and 'to'",
        "ngày nghỉ cần có 'date', hoặc 'from' và 'to'",
    ),
    "config.day_outside_calendar": (
        "{day} is outside the shoot calendar ({span})",
        "ngày {day} nằm ngoài lịch quay ({span})",
    ),
    "config.window_outside_calendar": (
        "the window {window} is outside the shoot calendar ({span})",
        "khoảng {window} nằm ngoài lịch quay ({span})",
    ),
    "config.span": ("{start} to {end}", "từ {start} đến {end}"),
    "config.span_from": ("from {start}", "từ {start}"),
    "config.no_default_rate": (
        "no default cast rate known in {currency}: give cast_defaults.rate",
        "chưa có đơn giá diễn viên mặc định bằng {currency}: hãy khai báo cast_defaults.rate",
    ),
    "config.set_twice": (
        "set {set} is listed under both {first} and {second}",
        "bối cảnh dựng {set} được khai báo ở cả {first} và {second}",
    ),
    "config.travel_needs": (
        "needs 'from', 'to' and 'minutes'",
        "cần có 'from', 'to' và 'minutes'",
    ),
    "config.no_location": (
        "no location {name} under 'locations'",
        "không có địa điểm {name} trong 'locations'",
    ),
    "config.precedence_needs": (
        "a precedence needs 'scene' and 'after'",
        "một ràng buộc thứ tự cần có 'scene' và 'after'",
    ),
    "config.lock_needs_scene": ("a lock needs 'scene'", "một lần khoá cần có 'scene'"),
    "config.lock_needs_target": (
        "a lock needs 'date', 'day' or 'position'",
        "một lần khoá cần có 'date', 'day' hoặc 'position'",
    ),
    "config.lock_date_or_day": (
        "lock a scene to a date or to a day number, not both",
        "hãy khoá cảnh vào một ngày cụ thể hoặc vào một số thứ tự ngày quay, không dùng cả hai",
    ),
    "config.day_longer_than_zero": (
        "a shooting day must be longer than 0 h",
        "một ngày quay phải dài hơn 0 giờ",
    ),
    "config.drop_give_fields": (
        "give 'gap_days' and 'max_drops', or false",
        "hãy khai báo 'gap_days' và 'max_drops', hoặc false",
    ),
    "config.drop_needs_gap": ("needs 'gap_days'", "cần có 'gap_days'"),
    "config.contract_backwards": (
        "the contract finishes before it starts",
        "hợp đồng kết thúc trước khi bắt đầu",
    ),
    "config.implausible_age": ("not a plausible age: {age}", "tuổi không hợp lý: {age}"),
    "config.event_taken": (
        "{day} is already a {event} day (one of travel, rehearsal or fitting a day)",
        "ngày {day} đã là ngày {event} (mỗi ngày chỉ một việc: di chuyển, tập dượt hoặc thử phục trang)",
    ),
    "event.travel": ("travel", "di chuyển"),
    "event.rehearsal": ("rehearsal", "tập dượt"),
    "event.fitting": ("fitting", "thử phục trang"),
    "config.hospital_needs_name": (
        "a hospital needs 'name' (and should give 'address' and 'phone')",
        "bệnh viện cần có 'name' (và nên có 'address' và 'phone')",
    ),
    "config.expected_phone": (
        "expected a telephone number (digits, spaces, + ( ) . -), got {got}",
        "cần một số điện thoại (chữ số, dấu cách, + ( ) . -), nhưng nhận được {got}",
    ),
    "config.expected_coordinates": (
        "expected [latitude, longitude]",
        "cần [vĩ độ, kinh độ]",
    ),
    "config.expected_two_numbers": (
        "expected two numbers [latitude, longitude]",
        "cần hai số [vĩ độ, kinh độ]",
    ),
    "config.coordinates_range": (
        "latitude must be within ±90 and longitude within ±180",
        "vĩ độ phải trong khoảng ±90 và kinh độ trong khoảng ±180",
    ),
    # Defaults a config did not give (listed by the CLI and the book).
    "config.default.start": (
        "start date {date} (next Monday)",
        "ngày bắt đầu {date} (thứ Hai tới)",
    ),
    "config.default.profile_vn_full": (
        "profile vn (Vietnam Labour Code 45/2019: 6-day week, Sunday rest, VN holidays)",
        "quy định vn (Bộ luật Lao động 45/2019: tuần làm 6 ngày, nghỉ Chủ nhật, ngày lễ Việt Nam)",
    ),
    "config.default.profile_vn": (
        "profile vn (Vietnam Labour Code 45/2019)",
        "quy định vn (Bộ luật Lao động 45/2019)",
    ),
    "config.default.currency_vnd": ("currency VND", "tiền tệ VND"),
    "config.default.cast_rate": ("cast rate {rate} a day", "đơn giá diễn viên {rate} một ngày"),
    "config.default.cast_rate_where_none": (
        "cast rate {rate} a day where none is given",
        "đơn giá diễn viên {rate} một ngày cho người chưa có đơn giá",
    ),
    "config.default.weights": ("default objective weights", "trọng số mục tiêu mặc định"),
    # The calendar (calendar.py, config.py).
    "calendar.day_off": ("day off", "ngày nghỉ"),
    "calendar.no_holidays": (
        "no public holidays known for {country}",
        "không có dữ liệu ngày lễ của {country}",
    ),
    "calendar.in_lieu": ("{name} (day off in lieu)", "{name} (nghỉ bù)"),
    "calendar.weekly_rest": ("weekly rest ({weekday})", "nghỉ hằng tuần ({weekday})"),
    "calendar.window": ("{start} to {end}", "từ {start} đến {end}"),
    "weekday.monday": ("Monday", "Thứ Hai"),
    "weekday.tuesday": ("Tuesday", "Thứ Ba"),
    "weekday.wednesday": ("Wednesday", "Thứ Tư"),
    "weekday.thursday": ("Thursday", "Thứ Năm"),
    "weekday.friday": ("Friday", "Thứ Sáu"),
    "weekday.saturday": ("Saturday", "Thứ Bảy"),
    "weekday.sunday": ("Sunday", "Chủ nhật"),
    # Availability of people and places (problem.py).
    "availability.only": ("available only {windows}", "chỉ rảnh {windows}"),
    "availability.not": ("not available {windows}", "không rảnh {windows}"),
    "availability.always": ("always available", "luôn rảnh"),
    "contract.the_start": ("the start", "lúc bắt đầu"),
    "contract.the_end": ("the end", "lúc kết thúc"),
    "contract.span": (
        "contracted from {start} to {finish}",
        "có hợp đồng từ {start} đến {finish}",
    ),
    # The problem (problem.py, builders.py).
    "field.scene": ("scene {scene}", "cảnh {scene}"),
    "field.cast": ("cast {name}", "diễn viên {name}"),
    "problem.negative_drop": (
        "gap days and drop count cannot be negative",
        "số ngày cách quãng và số lần cho nghỉ không được âm",
    ),
    "problem.minutes_positive": (
        "estimated minutes must be positive",
        "số phút ước tính phải lớn hơn 0",
    ),
    "problem.negative_weight": ("a weight cannot be negative", "trọng số không được âm"),
    "problem.scene_twice": ("scene {scene} is listed twice", "cảnh {scene} bị liệt kê hai lần"),
    "problem.unknown_cast_id": ("unknown cast id {id}", "không có mã diễn viên {id}"),
    "problem.unknown_location": ("unknown location {location}", "không có địa điểm {location}"),
    "problem.no_scene": ("no scene {scene}", "không có cảnh {scene}"),
    "problem.rate_currency": (
        "rate in {rate}, production in {production}",
        "đơn giá tính bằng {rate}, nhưng dự án tính bằng {production}",
    ),
    "problem.no_cast_id": ("no cast id {id}", "không có mã diễn viên {id}"),
    "problem.no_location": ("no location {location}", "không có địa điểm {location}"),
    "config.no_scene_in_script": (
        "no scene {scene} in the script",
        "kịch bản không có cảnh {scene}",
    ),
    # Notices: what the config says that the script does not use (builders.py).
    "notice.estimate_unknown_scene": (
        "estimate.scenes names scene {scene}, which is not in the script",
        "estimate.scenes nêu cảnh {scene}, nhưng kịch bản không có cảnh này",
    ),
    "notice.location_unused": (
        "location {location} (line {line}) has no scene in the script",
        "địa điểm {location} (dòng {line}) không có cảnh nào trong kịch bản",
    ),
    "notice.and_more": ("{places} and {count} more", "{places} và {count} địa điểm khác"),
    "notice.no_coordinates": (
        "no coordinates for {places}: call sheets will omit sunrise and sunset there",
        "chưa có toạ độ của {places}: lịch gọi đoàn sẽ không ghi giờ mặt trời mọc và lặn ở đó",
    ),
    "notice.minor_permit": (
        "{name} is {age}: employing a performer this young needs a permit ({source})",
        "{name} mới {age} tuổi: thuê diễn viên nhỏ tuổi như vậy cần có giấy phép ({source})",
    ),
    "notice.cast_unknown": (
        "cast {name} (line {line}) is not in the script's cast",
        "diễn viên {name} (dòng {line}) không có trong danh sách vai của kịch bản",
    ),
    # Time estimates (estimate.py).
    "value.must_be_positive": ("must be positive", "phải lớn hơn 0"),
    "value.cannot_be_negative": ("cannot be negative", "không được âm"),
    "estimate.factor_at_least_one": (
        "a complexity factor is at least 1",
        "hệ số độ phức tạp phải ít nhất là 1",
    ),
    "estimate.override_positive": (
        "an estimate override must be positive",
        "thời lượng ước tính nhập tay phải lớn hơn 0",
    ),
    # Benchmark instances: talent scheduling and movie-shoot sequencing (talent.py,
    # sequencing.py, instances.py). Scenes and actors are numbered as in the files.
    "bench.duration_at_least_one": (
        "every scene must last at least one day",
        "mỗi cảnh phải kéo dài ít nhất một ngày",
    ),
    "bench.negative_daily_cost": ("a daily cost cannot be negative", "chi phí ngày không được âm"),
    "bench.negative_location_cost": (
        "a location cost cannot be negative",
        "chi phí địa điểm không được âm",
    ),
    "bench.actor_rows": (
        "{rows} actor rows for {actors} actors",
        "có {rows} dòng diễn viên cho {actors} diễn viên",
    ),
    "bench.actor_cost_rows": (
        "{rows} actor rows for {actors} actor costs",
        "có {rows} dòng diễn viên cho {actors} mức chi phí diễn viên",
    ),
    "bench.actor_entries": (
        "actor {actor} has {entries} entries for {scenes} scenes",
        "diễn viên {actor} có {entries} giá trị cho {scenes} cảnh",
    ),
    "bench.location_count": (
        "{locations} locations for {scenes} scenes",
        "có {locations} địa điểm cho {scenes} cảnh",
    ),
    "bench.unknown_location": (
        "scene {scene} has unknown location {location}",
        "cảnh {scene} có địa điểm không xác định {location}",
    ),
    "bench.bad_precedence": (
        "({before}, {after}) does not name two different scenes",
        "({before}, {after}) không phải là hai cảnh khác nhau",
    ),
    "bench.scene": ("scene {scene}", "cảnh {scene}"),
    "bench.before": ("{first} before {second}", "{first} trước {second}"),
    "bench.order_incomplete": (
        "must list every scene 0..{last} exactly once",
        "phải liệt kê mỗi cảnh từ 0 đến {last} đúng một lần",
    ),
    "bench.pinned_distinct": (
        "pinned scenes must be distinct scene indices",
        "các cảnh được ghim phải là các chỉ số cảnh khác nhau",
    ),
    "schedule.precedence_cycle": (
        "the precedences form a cycle: {path}",
        "các ràng buộc thứ tự tạo thành một vòng lặp: {path}",
    ),
    "schedule.must_be_before": (
        "scene {before} must be shot before scene {after}",
        "cảnh {before} phải được quay trước cảnh {after}",
    ),
    "instance.not_integer": ("'{word}' is not an integer", "'{word}' không phải là số nguyên"),
    "instance.ends_before": ("the file ends before {what}", "tệp kết thúc trước {what}"),
    "instance.at_least": (
        "{what} is {value}, expected at least {low}",
        "{what} là {value}, cần ít nhất {low}",
    ),
    "instance.at_most": (
        "{what} is {value}, expected at most {high}",
        "{what} là {value}, cần nhiều nhất {high}",
    ),
    "instance.extra_value": (
        "unexpected extra value {value} ({more} more than the header announces)",
        "thừa giá trị {value} (nhiều hơn {more} giá trị so với phần đầu tệp khai báo)",
    ),
    "instance.empty_talent": (
        "empty file: expected the header 'scenes actors'",
        "tệp trống: cần dòng đầu 'scenes actors'",
    ),
    "instance.empty_mssp": (
        "empty file: expected the counts 'actors scenes locations pairs'",
        "tệp trống: cần các số lượng 'actors scenes locations pairs'",
    ),
    "instance.scene_count": ("the number of scenes", "số cảnh"),
    "instance.actor_count": ("the number of actors", "số diễn viên"),
    "instance.location_count": ("the number of locations", "số địa điểm"),
    "instance.precedence_count": ("the number of precedences", "số ràng buộc thứ tự"),
    "instance.presence": (
        "actor {actor}'s entry for scene {scene}",
        "giá trị của diễn viên {actor} ở cảnh {scene}",
    ),
    "instance.actor_cost": ("actor {actor}'s daily cost", "chi phí ngày của diễn viên {actor}"),
    "instance.location_cost": (
        "the cost of location {location}",
        "chi phí của địa điểm {location}",
    ),
    "instance.duration": ("the duration of scene {scene}", "thời lượng của cảnh {scene}"),
    "instance.scene_location": ("the location of scene {scene}", "địa điểm của cảnh {scene}"),
    "instance.precedence_before": (
        "scene 'before' of precedence {index}",
        "cảnh 'before' của ràng buộc thứ tự {index}",
    ),
    "instance.precedence_after": (
        "scene 'after' of precedence {index}",
        "cảnh 'after' của ràng buộc thứ tự {index}",
    ),
    "instance.precedence_itself": (
        "precedence {index} puts scene {scene} before itself",
        "ràng buộc thứ tự {index} đặt cảnh {scene} trước chính nó",
    ),
    # Saved schedules and the solver (serialize.py, solve.py).
    "schedule.not_document": ("not a {schema} document", "không phải tài liệu {schema}"),
    "schedule.malformed_document": (
        "malformed {schema} document: {error}",
        "tài liệu {schema} bị sai cấu trúc: {error}",
    ),
    "schedule.no_schedule_in_time": (
        "no schedule found within {seconds:g} s; allow more time (--time-limit)",
        "không tìm được lịch quay trong {seconds:g} giây; hãy cho thêm thời gian (--time-limit)",
    ),
    # Named cost terms of the objective (problem.py, evaluate.py, explain.py).
    "term.shoot_days": ("shoot days", "ngày quay"),
    "term.dark_days": ("dark days inside the shoot", "ngày nghỉ giữa đợt quay"),
    "term.cast_hold": ("cast on paid hold", "ngày giữ diễn viên có trả công"),
    "term.company_moves": ("company moves within a day", "di chuyển đoàn trong ngày"),
    "term.location_revisits": (
        "returns to a location already left",
        "quay lại địa điểm đã rời đi",
    ),
    "term.day_night_flips": ("day/night flips", "đảo ngày/đêm"),
    "term.overtime": ("overtime minutes", "số phút làm thêm giờ"),
    "term.stability": (
        "strips moved from the previous schedule",
        "dải cảnh bị dời so với lịch quay trước",
    ),
    "term.dropped_unpaid": (
        "{name} dropped {count} unpaid",
        "{name} được cho nghỉ không lương {count} lần",
    ),
    "cost.cast_hold": (
        "{label}: {count} day at the performers' rates = {amount}",
        "{label}: {count} ngày theo đơn giá của diễn viên = {amount}",
        "{label}: {count} days at the performers' rates = {amount}",
    ),
    # Hard rules in words: the groups an infeasible problem's conflict is made of (model.py).
    "rule.location_closed": (
        "scene {scene} is at {location}, which is {availability}",
        "cảnh {scene} quay ở {location}, nơi {availability}",
    ),
    "rule.cast_unavailable": (
        "{name} is {availability} and is in scene {scene}",
        "{name} {availability} nhưng có mặt trong cảnh {scene}",
    ),
    "rule.precedence": (
        "scene {after} must be shot after scene {before}",
        "cảnh {after} phải được quay sau cảnh {before}",
    ),
    "rule.lock_date": (
        "scene {scene} is locked to {date}",
        "cảnh {scene} đã được khoá vào ngày {date}",
    ),
    "rule.lock_day": (
        "scene {scene} is locked to shoot day {day}",
        "cảnh {scene} đã được khoá vào ngày quay thứ {day}",
    ),
    "rule.day_capacity": (
        "a shooting day is at most {hours} h plus {overtime} h overtime",
        "một ngày quay dài tối đa {hours} giờ cộng {overtime} giờ làm thêm",
    ),
    "rule.monthly_overtime": (
        "overtime is at most {hours} h a month ({source})",
        "làm thêm giờ tối đa {hours} giờ mỗi tháng ({source})",
    ),
    "rule.turnaround": (
        "{hours:g} h turnaround between wrap and the next call ({source})",
        "nghỉ {hours:g} giờ giữa giờ kết thúc và giờ tập trung hôm sau ({source})",
    ),
    "rule.weekly_rest": (
        "{count} day of rest a week ({source})",
        "nghỉ {count} ngày mỗi tuần ({source})",
        "{count} days of rest a week ({source})",
    ),
    "rule.minor_hours": (
        "{name} is {age} and may work at most {day:g} h a day, {week:g} h a week",
        "{name} mới {age} tuổi, chỉ được làm tối đa {day:g} giờ mỗi ngày, {week:g} giờ mỗi tuần",
    ),
    "rule.minor_never_at_night": ("{rule}, never at night", "{rule}, không làm ban đêm"),
    # Why a problem has no schedule (explain.py).
    "reason.scene_minutes": (
        "scene {scene} is estimated at {minutes} min",
        "cảnh {scene} ước tính mất {minutes} phút",
    ),
    "reason.day_cap": (
        "a shooting day is at most {cap} min ({hours} h plus {overtime} h overtime, {profile})",
        "một ngày quay dài tối đa {cap} phút ({hours} giờ cộng {overtime} giờ làm thêm, {profile})",
    ),
    "reason.scene_too_long": (
        "scene {scene} is estimated at {minutes} min, longer than the longest day allowed "
        "({cap} min: {hours} h plus {overtime} h overtime, {profile}); split it into parts in "
        "the script or give its minutes under estimate.scenes",
        "cảnh {scene} ước tính mất {minutes} phút, dài hơn ngày quay dài nhất được phép "
        "({cap} phút: {hours} giờ cộng {overtime} giờ làm thêm, {profile}); hãy tách cảnh thành "
        "nhiều phần trong kịch bản hoặc khai báo số phút của cảnh trong estimate.scenes",
    ),
    "reason.night_scene_with": (
        "scene {scene} is a night scene with {name}",
        "cảnh {scene} là cảnh đêm có {name}",
    ),
    "reason.minor_no_night": (
        "{name} is {age} and may not work at night ({source})",
        "{name} mới {age} tuổi và không được làm ban đêm ({source})",
    ),
    "reason.scene_with_minutes": (
        "scene {scene} with {name} is estimated at {minutes} min",
        "cảnh {scene} có {name} ước tính mất {minutes} phút",
    ),
    "reason.minor_day_hours": (
        "{name} is {age} and may work at most {hours:g} h a day ({source})",
        "{name} mới {age} tuổi, chỉ được làm tối đa {hours:g} giờ mỗi ngày ({source})",
    ),
    "reason.outside_calendar": ("outside the shoot calendar", "nằm ngoài lịch quay"),
    "reason.locked_to_day_off": (
        "scene {scene} is locked to {date}, which is {why}",
        "cảnh {scene} đã được khoá vào ngày {date}, nhưng đó là {why}",
    ),
    "reason.the_calendar": ("the calendar", "lịch quay"),
    "reason.cast_in_scene": (
        "{name} ({availability}) is in scene {scene}",
        "{name} ({availability}) có mặt trong cảnh {scene}",
    ),
    "reason.cast_availability": ("{name} is {availability}", "{name} {availability}"),
    "reason.no_date_suits": (
        "no working date from {span} suits them all",
        "không có ngày làm việc nào trong khoảng {span} phù hợp với tất cả",
    ),
    "reason.calendar_days": (
        "the calendar has {count} working day from {start} to {end}",
        "lịch quay có {count} ngày làm việc từ {start} đến {end}",
        "the calendar has {count} working days from {start} to {end}",
    ),
    "reason.calendar_empty": (
        "the calendar has no working days",
        "lịch quay không có ngày làm việc nào",
    ),
    "reason.nothing_fits": (
        "no schedule fits within {calendar}",
        "không có lịch quay nào khớp: {calendar}",
    ),
    # Rules a finished schedule breaks (evaluate.py): warnings, or why a plan is refused.
    "violation.day_too_long": (
        "day {day} ({date}) runs {minutes} min with travel, over the {cap} min allowed",
        "ngày {day} ({date}) kéo dài {minutes} phút tính cả di chuyển, quá mức {cap} phút cho phép",
    ),
    "violation.turnaround": (
        "only {hours:.1f} h between wrap on {wrap} and call on {call} (turnaround {turnaround:.0f} h)",
        "chỉ có {hours:.1f} giờ giữa giờ kết thúc ngày {wrap} và giờ tập trung ngày {call} "
        "(cần nghỉ {turnaround:.0f} giờ)",
    ),
    "violation.not_working_day": (
        "scene {scene} is on {date}, not a working day",
        "cảnh {scene} rơi vào ngày {date}, không phải ngày làm việc",
    ),
    "violation.unavailable": (
        "scene {scene} is on {date}, when its cast or location is unavailable",
        "cảnh {scene} rơi vào ngày {date}, khi diễn viên hoặc địa điểm của cảnh không rảnh",
    ),
    "violation.shot_times": (
        "scene {scene} is shot {count} time",
        "cảnh {scene} được quay {count} lần",
        "scene {scene} is shot {count} times",
    ),
    "violation.order": (
        "scene {after} is shot before scene {before}",
        "cảnh {after} được quay trước cảnh {before}",
    ),
    "violation.day_after_night": (
        "day scene {after} follows night scene {before} on one day",
        "cảnh ngày {after} quay sau cảnh đêm {before} trong cùng một ngày",
    ),
    "violation.lock_date": (
        "scene {scene} is locked to {locked} but is on {actual}",
        "cảnh {scene} đã được khoá vào ngày {locked} nhưng lại xếp vào ngày {actual}",
    ),
    "violation.lock_day": (
        "scene {scene} is locked to shoot day {day}",
        "cảnh {scene} đã được khoá vào ngày quay thứ {day}",
    ),
    "violation.minor_day": (
        "{name} (minor) works {minutes} min on {date}",
        "{name} (vị thành niên) làm {minutes} phút trong ngày {date}",
    ),
    "violation.minor_night": (
        "{name} (minor) works at night on {date}",
        "{name} (vị thành niên) làm ban đêm ngày {date}",
    ),
    "violation.minor_week": (
        "{name} (minor) works {minutes} min in week {week}",
        "{name} (vị thành niên) làm {minutes} phút trong tuần {week}",
    ),
    "violation.monthly_overtime": (
        "{minutes} overtime minutes in {month}",
        "{minutes} phút làm thêm giờ trong tháng {month}",
    ),
    "violation.weekly_rest": (
        "more than {limit} shoot days in the 7 days from {date}",
        "hơn {limit} ngày quay trong 7 ngày kể từ {date}",
    ),
    # Stored schedules on the platform (services/schedules.py).
    "schedule.config_not_object": (
        "a production config must be a JSON object",
        "cấu hình sản xuất phải là một đối tượng JSON",
    ),
    "schedule.config_too_large": (
        "the production config is too large",
        "cấu hình sản xuất quá lớn",
    ),
    "schedule.time_limit_range": (
        "must be between 1 and 600 seconds",
        "phải nằm trong khoảng 1 đến 600 giây",
    ),
    "schedule.job_revision_gone": (
        "the script revision of this job no longer exists",
        "bản sửa kịch bản của tác vụ này không còn tồn tại",
    ),
    "schedule.none_yet": ("no schedule yet", "chưa có lịch quay"),
    "schedule.no_version": (
        "no schedule version {version}",
        "không có lịch quay phiên bản {version}",
    ),
    "schedule.stale": (
        "the schedule changed (version {current}, you edited version {edited}); reload it and "
        "try again",
        "lịch quay đã thay đổi (phiên bản {current}, bạn sửa trên phiên bản {edited}); hãy tải "
        "lại rồi thử lần nữa",
    ),
    "schedule.day_range": (
        "must be a shoot day from 1 to {last}",
        "phải là một ngày quay từ 1 đến {last}",
    ),
    "schedule.scene_not_in": (
        "scene {scene} is not in the schedule",
        "cảnh {scene} không có trong lịch quay",
    ),
    "schedule.scene_locked": (
        "scene {scene} is locked to {date}; unlock it first",
        "cảnh {scene} đã được khoá vào ngày {date}; hãy mở khoá trước",
    ),
    "schedule.job_version_gone": (
        "the schedule version of this job no longer exists",
        "phiên bản lịch quay của tác vụ này không còn tồn tại",
    ),
    "schedule.revision_gone": (
        "the script revision of this schedule no longer exists",
        "bản sửa kịch bản của lịch quay này không còn tồn tại",
    ),
    # Rule packs (rules.py).
    "field.rule_pack": ("rule pack", "bộ quy định"),
    "rules.not_clock": ("not a time of day: {text}", "không phải giờ trong ngày: {text}"),
    "rules.malformed": ("malformed rule pack: {error}", "bộ quy định bị sai cấu trúc: {error}"),
    "rules.unknown_profile": (
        "unknown profile {pack} (expected one of {expected})",
        "không có bộ quy định {pack} (cần một trong: {expected})",
    ),
}
