/**
 * The reader's word lists: head nouns that start the name of a body, and the verbs and function words that end a
 * subject. Names are capitalised and verbs are not, so a stop word only counts in lower case. Extend these when a new
 * kind of body or a new verb appears in a dispatch (and add a test row).
 */
export const U = "(?:ủy|uỷ)";

// Posts and standings a plan gives duties to: a school's staff, the parents it asks, a commune's part-time officers.
export const POSITION_SRC = [
  "giáo viên", "gvcn", "gv", "(?:thầy|cô) (?:giáo|chủ nhiệm)", "thầy cô", "cô giáo", "thầy giáo", "khối trưởng", "lớp trưởng",
  "kế toán", "văn thư", "thủ quỹ", "nhân viên", "tổng phụ trách", "phụ huynh", "phhs", "cha mẹ (?:học sinh|trẻ|các em)",
  "công an viên",
];

// People by their standing ("cán bộ", "học sinh", "đảng viên"): notices mostly name them in what they inform ("học sinh
// nghỉ học …"), so they head a subject only under a quantifier ("Tất cả các học sinh, giáo viên Nhà trường thực hiện …",
// "Toàn thể cán bộ, công chức cơ quan phường nghiên cứu …"): the whole staff told to act.
export const STANDING_SRC = [
  "cán bộ", "công chức", "viên chức", "học sinh", "sinh viên", "đoàn viên", "hội viên", "đảng viên", "người lao động",
  "chiến sĩ", "công nhân viên", "cbcc", "cbgv", "cbvc", "cbcnvc?", "cbcnv-?lđ",
];

// Head nouns that start a body. Lookaheads keep out the verbs and nouns sharing a first syllable ("Ban hành", "Báo cáo").
export const HEAD_SRC = [
  `${U} ban`, "ubnd", "ubmttq(?:vn)?", "ubmt(?: tq)?", "mttq(?:vn)?", "bcđ", "bch", "hđnd", "hội đồng", "mặt trận", "sở(?! hữu)",
  "phòng(?!,? (?:chống|ngừa|cháy|tránh|dịch|bệnh|khi|họp|học|làm|thủ|vệ|hộ|ngủ))",
  "ban(?! (?:hành|đầu|ngày|đêm|bố|tặng|trưa|chiều|sáng|cho))",
  "hội(?! (?:nghị|thảo|viên|thi|diễn|chợ|nhập|tụ|họp|đủ|trại|khỏe|sách|đàm|ngộ|chẩn|đồng))",
  "đoàn(?! (?:kết|viên|tụ|ra|vào|thể))", `đảng (?:đoàn|${U}|bộ)`, "chi bộ", "ban cán sự", `(?:huyện|tỉnh|thành|quận|thị) ${U}`,
  `cấp ${U}`, "chính quyền", "trung tâm", "văn phòng", "thanh tra", "công an", "kho bạc", "chi cục", "tổng cục",
  "cục(?! (?:bộ|diện))", "vụ(?! (?:việc|án|mùa|lợi))",
  "bộ(?! (?:phận|máy|đội|hồ sơ|tiêu chí|quy tắc|câu hỏi|luật|mặt|sưu tập|tài liệu|đề(?! nghị| xuất)|công cụ|chứng từ|chuyển))",
  "chi(?=,? đảng bộ)", "viện", "bệnh viện", "trường(?! (?:hợp|họp|học sinh|độ))", "ngân hàng",
  "báo(?! (?:cáo|chí|động|giá|hiệu|danh|tin|đáp|trước|gồm|về))", "đài(?! (?:thọ))", "cơ quan", "đơn vị", "đoàn thể",
  "ngành", "bộ chỉ huy", "ban chỉ huy", "liên đoàn", "liên minh", "công ty", "tổng công ty", "điện lực", "bưu điện",
  "chi nhánh", "tòa án", "toà án", "viện kiểm sát", "cơ sở giáo dục", "nhà trường", "thành đoàn", "huyện đoàn", "thị đoàn", "quận đoàn",
  "tỉnh đoàn", "lực lượng", "doanh nghiệp", "hợp tác xã", "bảo hiểm xã hội", "cơ sở đảng", "trạm", "đội(?! (?:ngũ|mũ))",
  "tổ(?! (?:chức|quốc|tiên|hợp|ấm|ng))", "hạt", "chi hội", "chi đoàn", "liên chi hội", "liên chi đoàn", "chi đội", "liên đội", "học viện", "đại học", "cảng vụ",
  "đồn", "bộ đội", "quỹ(?! (?:đất|thời gian))", "nhà văn hóa", "nhà văn hoá", "ủy viên", "đại biểu", "viễn thông", "cảnh sát", "bộ chỉ huy", "phân hiệu", "ban quản lý",
  "công chức (?:địa chính|văn phòng|tư pháp|tài chính|văn hóa|văn hoá|chỉ huy|kinh tế)",
  "tổ chức(?= (?:chính trị|xã hội|đoàn thể|cơ sở|đảng|quần chúng|tôn giáo|kinh tế|nhân đạo|thành viên|công đoàn|phi|quốc tế|tín dụng)(?![\\p{L}]))",
  // Residents and households addressed by flag-hanging and clean-up notices ("… và các hộ gia đình", "hộ nhân dân").
  // The trade unions and the abbreviations mass organisations write their own bodies with ("LĐLĐ quận", "BCH Đoàn các
  // xã", "BTV Huyện Đoàn", "VPĐU").
  "phương tiện thông tin đại chúng", "lđlđ", "ldld", "vpđu", "vpdu", "btv", "bch",
  // "các CĐ cơ sở", "CĐ Viên chức": công đoàn, as unions write it (not "CĐ" of a công điện's number or a college: only
  // before the union's own tiers and sectors).
  "cđ(?= (?:cơ sở|ngành|viên chức|giáo dục|bộ phận|cấp trên|trường|y tế|công thương)(?![\\p{L}]))",
  // "các TCCS Đảng", "TCCSĐ": tổ chức cơ sở đảng, as Party committees abbreviate them.
  "tccs(?:đ|d)?", "cơ sở (?:đoàn|hội)(?![\\p{L}])",
  // Abbreviations and names of bodies offices write without a head noun the list knows ("BHXH huyện", "TTYT huyện",
  // "UB MTTQ", "Kiểm toán nhà nước", "Tổng LĐLĐ Việt Nam", "Liên hiệp các Hội …", "các tạp chí, đặc san", "các bảo tàng").
  "bhxh", "ttyt", "nhnn", "ub\\.?\\s?mttq(?:vn)?", "kiểm toán nhà nước", "tổng (?:lđlđ|liên đoàn)", "liên hiệp", "tạp chí", "bảo tàng",
  // The national news agency, listed with ministries and committees ("Bộ Ngoại giao; Thông tấn xã Việt Nam; Ủy ban …").
  "thông tấn xã",
  // State and central corporations and the parties to a building project, whom ministries and provinces task directly
  // ("Tập đoàn Điện lực Việt Nam khẩn trương …", "Chủ đầu tư phối hợp với …", "Chủ đầu tư, trong phạm vi …"), and the
  // tax offices named by their area since 2025 ("Thuế tỉnh chủ trì …", "Thuế thành phố Hà Nội", "Thuế cơ sở").
  "tập đoàn", "chủ đầu tư", "thuế(?= (?:tỉnh|thành phố|cơ sở)(?![\\p{L}]))",
  "hộ (?:gia đình|nhân dân|dân|kinh doanh)", "nơi thờ tự", "cơ sở tôn giáo",
  // Units of a school, hospital or commune, and the people a notice tells to act ("Khoa khám bệnh", "Tiểu ban nội
  // dung", "Cổng thông tin điện tử huyện", "Công đoàn Giáo dục huyện", "bộ phận địa chính", "Tổ trưởng 08 Tổ dân
  // phố"). Persons by status ("cán bộ", "giáo viên", "đảng viên") are not: notices name them in what they inform.
  "khoa(?! (?:học|cử))", "tiểu ban", "tuyên huấn", "cổng thông tin", "công đoàn", "bộ phận(?= (?:địa chính|một cửa|tiếp nhận|văn phòng|kế toán|chuyên môn|[\\p{Lu}]))",
  "cơ sở (?:kinh doanh|sản xuất|y tế|giáo dục|khám|lưu trú|dịch vụ)", "(?:tổ|xóm|thôn|ấp|khu) trưởng", "trưởng (?:thôn|xóm|ấp|bản|khu phố|tổ dân phố)", "nhân dân(?= (?:trên|trong|ở|tại|các)\\s)", "(?:toàn thể|tất cả) (?:nhân dân|người dân)", "người dân(?= (?:trên|trong|ở|tại)\\s)", "tàu thuyền",
  // People addressed by what they keep or run, as a commune's or a veterinary notice asks them ("Người chăn nuôi cần
  // …", "Khuyến cáo bà con chăn nuôi …", "chủ các cơ sở …", "ngư dân"): the addressees who must act, read as bodies.
  "người (?:chăn nuôi|nuôi|trồng|sản xuất|kinh doanh)", "bà con(?: nhân dân| nông dân| chăn nuôi| ngư dân| giáo dân)?", "ngư dân", "nông dân(?! Việt Nam)",
  "chủ (?:hộ|tàu|cơ sở|phương tiện|vật nuôi|rừng|trang trại|nhà trọ)",
  // Staff positions a school plan or a commune notice gives duties to ("Giáo viên: Coi thi …", "Tổ trưởng tổng hợp nộp
  // …", "Khối trưởng báo cáo …", "Kế toán lập dự toán …", "phụ huynh cần đưa trẻ …"): the holder of the post acts.
  ...POSITION_SRC,
  // A school's grade group by its number ("Khối lớp 1 cử ra học sinh …", "Khối 5 chọn học sinh …").
  "khối(?=\\s+(?:lớp\\s+)?\\d)",
];

// The fields ministries and departments are named by ("Bộ Y tế", "Sở Tư pháp", "Bộ Công an"). After "các Bộ:" such a
// field names the unit of that kind, even one that reads as a body on its own ("Công an" is also a place's police).
export const UNIT_FIELD_SRC = ["Y tế", "Tư pháp", "Nội vụ", "Ngoại giao", "Công an", "Quốc phòng", "Xây dựng"];

// Words that end a subject or list: the verb (lower case; names are capitalised) or a marker word. Not inside a compound
// word of a name: "Ủy ban Bầu cử", "Bộ Ngoại giao", "Đội Danh dự", "Trung tâm Y tế dự phòng", "Ban Chỉ đạo Tổng điều tra".
export const STOP_WORDS = [
  "chủ trì", "phối hợp", "phối kết hợp", "tiếp tục", "triển khai", "thực hiện", "chỉ đạo", "xây dựng", "tăng cường",
  "tham mưu", "quán triệt", "nghiên cứu", "tiếp nhận", "tổng hợp", "báo cáo", "hướng dẫn", "kiểm tra", "đăng tải",
  "rà soát", "tích cực", "chủ động", "cần", "có trách nhiệm", "chịu trách nhiệm", "theo chức năng", "theo", "thông qua",
  "đẩy mạnh", "tham gia", "xác định", "quan tâm", "lưu tâm", "thường xuyên", "(?<![Bb]ầu\\s)cử", "bố trí", "giúp", "đôn đốc", "theo dõi",
  "lãnh đạo", "phát huy", "cung cấp", "tuyên truyền", "vận động", "hoàn thành", "gửi", "nộp", "có ý kiến", "ban hành",
  "trình", "đề xuất", "sớm", "kịp thời", "lập", "mở", "tập trung", "phổ biến", "duy trì", "hỗ trợ", "bảo đảm", "đảm bảo",
  "chăm lo", "tạo điều kiện", "khẩn trương", "nghiêm túc", "căn cứ", "chuẩn bị", "tiến hành", "nâng cao", "phát động",
  "định kỳ", "chú ý", "thi hành", "được", "đề nghị", "yêu cầu", "(?<!Ngoại\\s)giao(?!\\s+(?:thông|dịch))", "là", "(?<![Hh]àng\\s)không", "đã", "đang", "sẽ",
  "phải", "nhận", "có văn bản", "xem xét", "thẩm định", "phê duyệt", "ký", "ưu tiên", "bổ sung", "hoàn thiện", "điều chỉnh",
  "công khai", "tập huấn", "đánh giá", "sơ kết", "tổng kết", "thống kê", "giám sát", "cập nhật", "rà", "để", "nhằm",
  "trong", "tại", "về", "với", "cùng", "khi", "nếu", "sau", "trước", "vào", "đối với", "làm", "thì",
  "mời", "(?<!Danh\\s)dự(?!\\s+(?:phòng|bị)(?![\\p{L}]))", "tổ chức", "phân công", "thành lập", "kiện toàn", "củng cố", "tuyên dương", "khen thưởng", "góp phần",
  "tăng", "giảm", "rút kinh nghiệm", "bám sát", "đăng", "in", "phát hành", "lưu ý", "thông báo", "quản lý",
  "thẩm tra", "tiếp thu", "khắc phục", "xử lý", "giải quyết", "kiến nghị", "liên hệ", "biên soạn", "cấp phát",
  "mua", "sắp xếp", "vừa", "cũng", "luôn", "nắm", "hưởng ứng", "lồng ghép", "tăng cường", "đưa", "xin", "(?<!(?:trở|xảy)\\s)ra", "tìm", "kiểm đếm", "kêu gọi", "huy động", "sơ tán", "ứng phó",
  "theo sát", "hãy", "giới thiệu", "thu gom", "chọn", "có kế hoạch", "có phương án", "kính(?= (?:gửi|mời|đề nghị|mong|báo|trình|chuyển)(?![\\p{L}]))", "có biện pháp", "đẩy nhanh",
  "chỉ(?!\\s+(?:đạo|huy|thị|tiêu|số|định|dẫn|đường))", "nhắc nhở", "tùy", "tuỳ", "tuân thủ", "trân trọng", "chấn chỉnh", "nghiêm cấm", "tạm dừng", "tạm hoãn", "hoãn", "cho phép", "thăm hỏi", "động viên",
  "tuần tra", "kiểm soát", "ngăn chặn", "bảo vệ", "(?<!Tổng\\s)điều tra", "xác minh", "khảo sát", "ký kết", "chấp hành",
  "phát hiện", "xử phạt", "thu hồi", "di dời", "sửa chữa", "nâng cấp", "lựa chọn", "đăng ký", "tham dự",
  "hoàn chỉnh", "soạn thảo", "dự thảo", "trả lời", "giải trình", "cho ý kiến", "góp ý", "vận hành", "bố trí",
  "thống nhất", "cụ thể", "chi tiết", "tiêm", "diệt", "phun", "treo", "trang trí", "dọn", "tập hợp", "tiếp cận", "rà", "nghiên cứu", "xét", "cấp phép",
  // Verbs of news reports and letters that a name never contains ("Sở … lấy ý kiến", "Thường trực … đồng ý", "… rất
  // mong", "Chủ tịch HĐND huyện tiếp công dân", "… triệu tập kỳ họp"), and frequency adverbs after the subject ("các
  // Trung tâm hàng năm chỉ thực hiện …").
  "lấy ý kiến", "đồng ý", "rất mong", "kính mong", "mong", "tiếp công dân", "triệu tập", "cân nhắc", "trực tiếp",
  "cho biết", "nhấn mạnh", "khẳng định", "ghi nhận", "biểu dương", "nhận thấy", "đề ra", "đồng thời",
  "họp", "tặng", "trao", "biểu quyết", "chung sức", "truyền đạt", "biết", "hoan nghênh", "đánh giá cao", "có quyền",
  "(?:hàng|hằng) (?:năm|quý|tháng|tuần|ngày)", "tùy", "tuỳ",
  // Exhortation and manner adverbs that open a predicate, and a distributive subject straight after the list ("Ban quản lý đô thị, Trung tâm y tế dự phòng mỗi đơn vị huy động …"; after a comma "mỗi X" is one more item), ("các bà mẹ hãy …", "các thôn nhanh chóng …", "tổ dân phố đồng
  // loạt ra quân", "các hộ tự giác …"), a basis clause ("Sở … trên cơ sở …", "Hiệu trưởng … dựa trên …"), and verbs of
  // work no name holds ("… tính toán", "… chỉnh sửa", "… đảm nhiệm", "… thu xếp", "… diễu hành").
  "hãy", "(?<=[\\p{L}\\d]\\s)mỗi", "nhanh chóng", "đồng loạt", "tự giác", "trên cơ sở", "dựa (?:trên|vào)", "tính toán", "chỉnh sửa", "đảm nhiệm", "thu xếp", "diễu hành",
  // "… cán bộ, công chức, viên chức trở lại làm việc …": returning to work.
  "trở lại",
  // "UBND quận … công bố thông tin", "Viện …, Nghệ thuật Việt Nam có nhiệm vụ phối hợp": announcing, and having a duty,
  // are predicates no name holds.
  "công bố", "có nhiệm vụ",
  // "Chủ tịch UBND xã … cho tạm ngừng hoạt động chợ", "các trường cho học sinh nghỉ": letting, as a predicate.
  // "Thủ trưởng các đơn vị trực thuộc Sở bằng các biện pháp nhanh nhất …", "các đơn vị vệ sinh phòng làm việc", "các Chi,
  // Đảng bộ cơ sở gắn các cuộc …": the means, cleaning and linking are predicates ("Đồng bằng", "công bằng" are words;
  // "vệ sinh an toàn thực phẩm", "vệ sinh môi trường" name a field).
  "(?<!(?:[Đđ]ồng|công|cân)\\s)bằng", "vệ sinh(?!\\s+(?:an toàn|môi trường|thực phẩm|lao động)(?![\\p{L}]))", "gắn", "cho(?= (?:tạm|ngừng|học sinh|con em|nghỉ)(?![\\p{L}]))",
  // "Bộ Ngoại giao hoàn tất các thủ tục đối ngoại", "Bộ trưởng Bộ Công an thừa ủy quyền Thủ tướng …, thay mặt Chính phủ
  // ký …": finishing, and acting for another, are verbs no name holds.
  "hoàn tất", "thừa (?:ủy|uỷ) quyền", "thừa lệnh", "thay mặt",
  // "… hộ kinh doanh cảnh giác …", "Phòng LĐ-TBXH huyện … kết hợp …", "UBND huyện … phê bình …", "… hạn chế …": what a
  // body is asked to do or did, never a word of its name.
  "cảnh giác", "kết nối", "buôn bán", "kết hợp", "phê bình", "hạn chế", "khuyến cáo", "tham khảo",
  // "các đơn vị có các biện pháp …": having measures is the duty ("có biện pháp" with the plural before its object).
  "có (?:các|những) (?:biện pháp|kế hoạch|phương án|giải pháp)",
  // "Tổ quản lý do Phó Chủ tịch … làm Tổ trưởng": the official who heads a body follows it ("các hội do Đảng và Nhà nước
  // giao nhiệm vụ", "dịch bệnh … do chủng mới vi rút Corona" stay in the name).
  "do(?=\\s+(?:(?:Phó\\s+)?(?:Chủ tịch|Trưởng|Giám đốc|Bí thư)|đồng chí|[Đđ]\\/[Cc]|ông|bà)\\s)",
];

// Nouns that "định kỳ" modifies as the kind of activity ("khám sức khỏe định kỳ"), not as a schedule.
export const ACTIVITY_BEFORE_PERIODIC = [
  "khám sức (?:khỏe|khoẻ)", "khám bệnh", "khám", "bảo dưỡng", "bảo trì", "kiểm tra", "kiểm định", "hiệu chuẩn",
  "tiêm chủng", "tiêm phòng", "xét nghiệm", "sửa chữa", "tu bổ", "vệ sinh", "thay thế",
  // "trong các buổi sinh hoạt Chi bộ định kỳ": the regular meeting where something is done, not a schedule for it.
  "sinh hoạt(?:\\s+(?:chi bộ|chi đoàn|chi hội|đảng))?",
];

// Lower-case continuations of a head noun that start with a verb-like word but name the office's field
// ("Văn phòng đăng ký đất đai", "Trung tâm phát triển quỹ đất"): part of the name, not the sentence's verb.
export const HEAD_CONTINUATION_SRC =
  "(?:đăng ký (?:đất đai|quyền sử dụng đất)|phát triển quỹ đất|quản lý (?:dự án|đất đai|thị trường|bảo trì)|xúc tiến (?:đầu tư|thương mại)|bảo vệ (?:thực vật|môi trường|rừng|thực vật và|dân phố)|thi hành án|kiểm tra văn bản)";

/**
 * Abbreviations written with a full stop inside a name or a title ("TP. Vũng Tàu", "Q. 8", "ThS. Nguyễn …"): the stop
 * does not end a sentence. A regex source, for the sentence splitters' lookbehinds.
 */
export const DOTTED_ABBREVIATIONS = "TP|TX|Tp|Tx|TS|ThS|PGS|GS|BS|KS|Q|P|TT";
