/**
 * Step: finding the bodies (cơ quan, đơn vị) a sentence names, where their list ends, and how it splits into separate
 * bodies. Vietnamese puts the subject first and the verb right after it, so a list of bodies runs from a known head
 * noun ("Sở", "UBND", "các phòng, ban") to the first verb ("chủ trì", "phối hợp", "triển khai"...).
 */
import { nameKey } from "./names.js";
import { unglue } from "./glued.js";
import { HEAD_CONTINUATION_SRC, HEAD_SRC, POSITION_SRC, STANDING_SRC, STOP_WORDS, U, UNIT_FIELD_SRC } from "./lexicon.js";

// Places and kinds that count as a body only after "các" ("các xã, thị trấn"; "các tổ chức, cá nhân"), or after a
// count standing for it ("13 phường", "08 Tổ dân phố"); "mỗi"/"từng" only before an institution ("mỗi trường"), since
// "ở mỗi xã, phường" is where the work happens, not who does it.
const AFTER_CAC_SRC = ["xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "tổ chức", "địa phương", "cá nhân", "cấp", "thôn", "ấp", "bản", "khu phố", "tổ dân phố", "khu dân cư", "chủ đầu tư", "hộ gia đình", "thành viên", "hộ(?! (?:gia đình|nghèo|cận nghèo|chính sách))", "gia đình"];
// "Các ông (bà): Chánh văn phòng …", "Các ông Chánh văn phòng …": the persons addressed by a decision's execution clause.
// "các Bí thư Tỉnh ủy, Thành ủy", "các Giám đốc Sở": the heads of several bodies.
const TITLE_SRC =
  "(?:(?:các\\s+)?đồng chí\\s+)?(?:(?:các\\s+)?(?:ông|bà)\\s*(?:\\(\\s*bà\\s*\\)|\\/\\s*bà)?\\s*:?\\s+|đồng chí\\s+)?(?:các\\s+(?=(?:phó\\s+)?(?:giám đốc|chủ tịch|bí thư|thủ trưởng)\\s))?(?:(?:phó\\s+)?(?:giám đốc|chủ tịch|hiệu trưởng|chỉ huy trưởng|trưởng|bí thư)|thống đốc|thủ trưởng|chánh(?= văn phòng| thanh tra)|thành viên|thường trực|lãnh đạo|người đứng đầu)\\s+";
const TITLE_LEAD = new RegExp(`^${TITLE_SRC}`, "iu");
const IDIOM_SRC = "các cấp,? các ngành|các tổ chức,? cá nhân|các cá nhân,? tổ chức";

const BODY_AT = new RegExp(
  `^(?:${IDIOM_SRC}|(?:${TITLE_SRC})?(?:(?:tất cả |toàn thể )?(?:các|\\d{1,3})\\s+(?:${AFTER_CAC_SRC.join("|")}|${HEAD_SRC.join("|")})|(?:mỗi|từng)\\s+(?:${HEAD_SRC.join("|")})|(?:tất cả|toàn thể)\\s+(?:các\\s+)?(?:${STANDING_SRC.join("|")})|${HEAD_SRC.join("|")}))(?![\\p{L}\\p{N}])`,
  "iu",
);
/** Kind words that continue a collective ("Các phòng, ban, ngành, đoàn thể huyện") instead of starting a new body. */
const KIND_WORD = new RegExp(
  `^(?:bộ(?!\\s+(?:phận|máy|môn|đội|tộc|luật|hồ sơ|chỉ số|tiêu chí|công cụ|sách|tài liệu|đề|trưởng|đội))|sở|ban|ngành|phòng|đoàn thể|cơ quan|đơn vị|địa phương|doanh nghiệp|cá nhân|viện|tổng cục|cục|vụ|huyện|quận|xã|phường|thị trấn|thị xã|thành phố|tỉnh|trường|hội|đảng bộ|chi bộ|chi(?=\\s*(?:,|$))|cơ sở giáo dục|trung tâm|báo|đài|(?:liên )?chi đoàn|(?:liên )?chi hội|(?:huyện|thị|thành|quận|đảng|tỉnh) ${U}|(?:tỉnh |thành |huyện |quận )?đoàn)(?![\\p{L}\\p{N}])`,
  "u",
);
const STOP_RE = new RegExp(`^(?:${STOP_WORDS.sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}\\p{N}])`, "u");
// "tổ chức"/"thành phố" etc. inside names are nouns; these follow a head and never end the list.
// "Ban Quản lý dự án đầu tư xây dựng huyện", "UBND cùng cấp": words that are verbs elsewhere but here part of a name.
// "Ban chỉ đạo quốc gia …" written in lower case: a name, not the verb "chỉ đạo"; "các đơn vị quản lý hồ chứa", "cơ
// quan quản lý quy hoạch", "đơn vị thi công": the unit named by what it manages or does; "Ban Chỉ đạo quốc gia về
// phòng, chống thiên tai", "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn": a steering body named by its
// field.
// "các đơn vị, tổ chức, cá nhân có liên quan", "các cơ quan, đơn vị, tổ chức, cán bộ, công chức …": "tổ chức" in a list of
// kinds is the noun, not the verb "organise".
// "chủ sở hữu công trình xây dựng", "cơ quan quản lý xây dựng chuyên ngành": the field a unit works in, not the verb
// "build" (which takes a plan or force as its object).
const NOUN_AFTER = /^(?:tổ chức (?:chính trị|xã hội|kinh tế|đoàn thể|cơ sở|[đĐ]ảng|hội(?!\s+(?:nghị|thảo|thi|diễn|chợ|trại|họp|khỏe|khoẻ|sách|đàm|ngộ|nhập|tụ|đua|báo|xuân|làng|chữ)(?![\p{L}]))|quần chúng|tôn giáo)(?![\p{L}])|tổ chức(?=\s*(?:,|và)\s*(?:cá nhân|doanh nghiệp|cơ quan|đơn vị|cán bộ|công chức|viên chức|người lao động)(?![\p{L}]))|tổ chức(?=\s+(?:có\s+)?liên quan(?![\p{L}]))|(?<=cá nhân,\s*)tổ chức(?![\p{L}])|cá nhân|dự án(?: đầu tư)?(?: xây dựng)?(?: công trình)?|cùng cấp|(?<=(?:^|\s)[Bb]an\s)(?:chỉ đạo|chỉ huy|quản lý|xây dựng [Đđ]ảng|soạn thảo|biên tập)|(?<=(?:^|\s)(?:[Đđ]ơn vị|[Cc]ơ quan)\s)(?:quản lý|thi công|tư vấn|chủ quản|nhận quân|cung cấp dịch vụ)|(?<=[Gg]iáo dục\s)thường xuyên|(?<=(?:^|\s)(?:Ban [Cc]hỉ đạo|Ban [Cc]hỉ huy|Hội đồng|Tổ công tác|Ủy ban|Uỷ ban)(?:\s+(?:quốc gia|Trung ương|tỉnh|huyện|thành phố))?\s)về|(?<=(?:thiên tai|lụt bão)\s+và\s)tìm kiếm(?:,)? cứu nạn|(?<=(?:^|\s)[Cc](?:ông|hương)\s)trình|(?<=(?:^|\s)cuộc\s)vận động|(?<=mục tiêu quốc gia\s)(?:xây dựng nông thôn mới|giảm nghèo)|(?<=(?:công trình|hoạt động|quản lý|thi công|nhà thầu|[Tt]hanh tra|hạ tầng)\s)xây dựng(?!\s+(?:kế hoạch|phương án|chương trình|quy chế|đề án|dự toán|báo cáo|văn bản|lực lượng|mô hình|và)(?![\p{L}]))|(?<=(?:^|\s)(?:[Đđ]oàn|[Tt]ổ)\s)(?:kiểm tra|giám sát|thanh tra|kiểm soát)(?: liên ngành| chuyên ngành)?|(?<=(?:chuyên trách|cơ quan)\s)tham mưu,? giúp việc|(?<=(?:độc|công)\s)lập)/u;

// A person a roster names by the honorific a school or a Party cell writes before a given name ("Thầy Mẫn", "cô Mai Thị
// Duyên", "Đ/c Hùng", "đồng chí Nguyễn Văn An"): the holder of a duty. Capitalised, as a given name is.
// A Party member named "Đ/c" + full name and title ("Đ/c Nguyễn Đình Quang Chỉ huy trưởng … khai mạc") is the news of a
// meeting; a roster writes the given name alone ("(Đ/c Hùng)", "Trực: Đ/c Trinh").
// "đồng chí Chủ tịch HĐND huyện" is a title over a body, not a given name.
const PERSON_AT = /^(?:(?:[Tt]hầy|[Cc]ô)\s+\p{Lu}\p{Ll}*|(?:[Đđ]\/[Cc]|[Đđ]ồng chí)\s+(?!(?:Chủ|Phó|Bí|Giám|Trưởng|Tổng|Thủ|Hiệu|Chánh|Chỉ|Ủy|Uỷ|Thường|Tổ|Đội|Bộ|Trưởng|Thành|Đại|Lãnh|Cục|Vụ|Viện)(?![\p{L}]))\p{Lu}\p{Ll}*(?!\s+\p{Lu}))(?![\p{L}\p{N}])/u;
export const personAt = (s: string): boolean => PERSON_AT.test(s);

// Who a roster names as a step's holder: a person, a post, the head of the school, or the delegate of a body.
const HOLDER_AT = new RegExp(`^(?:(?:các|mỗi)\\s+)?(?:${POSITION_SRC.join("|")}|(?:phó\\s+)?hiệu trưởng|ban giám hiệu|bgh|(?:tổ|khối|lớp|xóm|thôn|ấp|khu) trưởng|(?:trưởng|phó) (?:thôn|xóm|ấp|bản|khu phố|tổ dân phố)|đại biểu|đại diện|bí thư (?:chi đoàn|đoàn|chi bộ))(?![\\p{L}\\p{N}])`, "iu");
export const holderAt = (s: string): boolean => PERSON_AT.test(s) || HOLDER_AT.test(s);

export function bodyHeadAt(s: string): number {
  const m = BODY_AT.exec(s);
  if (m) return m[0].length;
  const person = PERSON_AT.exec(s);
  if (person) return person[0].length;
  // "Giám đốc Vườn quốc gia Cát Tiên", "Giám đốc các Lâm trường": after a title comes the body it heads, even when its
  // head noun is not in the lexicon (capitalised, as names are).
  const t = TITLE_ONLY.exec(s);
  const unit = t ? /^(?:các\s+)?\p{Lu}[\p{L}\d]*/u.exec(s.slice(t[0].length)) : null;
  return unit ? t![0].length + unit[0].length : 0;
}
// A title of the head of a body (not "ông/bà" or "đồng chí" alone, which come before persons).
const TITLE_ONLY = /^(?:(?:phó\s+)?(?:giám đốc|chủ tịch|hiệu trưởng|chỉ huy trưởng|bí thư)|thống đốc|thủ trưởng|chánh(?= văn phòng| thanh tra)|người đứng đầu)\s+/iu;

const PLACE_KIND = "(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)";
const PLACE_END = new RegExp(`(?:^|\\s)các\\s+${PLACE_KIND}(?:\\s*(?:,|và)\\s*${PLACE_KIND})*\\s*$`, "iu");
const AREA_END = /(?:\s(?:huyện|xã|tỉnh|phường|thị trấn|quận|thị xã|thành phố)|\strên địa bàn(?:\s+(?:huyện|xã|tỉnh|phường|thị trấn|quận|thị xã|thành phố))?)\s*$/iu;
// People named by what they keep or are ("bà con chăn nuôi", "người chăn nuôi", "các hộ dân", "các gia đình"): the name
// closes there as a place does, so a verb the lexicon does not know ("bà con chăn nuôi gia cố chuồng trại") ends it.
// The last word of every name PLACE_END or AREA_END closes (their place kinds, "trên địa bàn"), in its last 6 letters.
const PLACE_WORD_LAST = /(?:xã|phường|trấn|huyện|quận|phố|tỉnh|bàn)$/iu;
const PEOPLE_END = /^\s*(?:(?:tất cả|toàn thể)\s+)?(?:các\s+|những\s+)?(?:bà con (?:nhân dân|nông dân|chăn nuôi|ngư dân|giáo dân)|người (?:chăn nuôi|nuôi|trồng|sản xuất|kinh doanh)|ngư dân|nông dân|hộ (?:dân|gia đình|nhân dân)|gia đình)\s*$/iu;
// A post ("giáo viên", "Tổ trưởng chuyên môn", "GV các lớp", "phụ huynh học sinh lớp 5A") or a person ("cô Ngọc Hà")
// closes as a place does: a plan's duty verbs are many and often unknown to the lexicon ("giáo viên ra đề", "Các cô giáo
// tập trước …", "thầy Ý phụ trách …"), so any other lower-case word after it is the verb.
const POSITION_END = new RegExp(`(?:^|[,;]|\\svà)\\s*(?:(?:tất cả|toàn thể)\\s+)?(?:các\\s+|những\\s+|quý\\s+)?(?:${POSITION_SRC.join("|")}|(?:tổ|khối|lớp|xóm|thôn|ấp|khu) trưởng|(?:trưởng|phó) (?:thôn|xóm|ấp|bản|khu phố|tổ dân phố))(?:\\s+(?:chủ nhiệm|bộ môn|chuyên môn|y tế|học sinh|các (?:lớp|khối|môn)|lớp|khối|nhà trường|toàn trường))*\\s*$`, "iu");
const PERSON_END = /^(?:\s*(?:,|và)?\s*(?:[Tt]hầy|[Cc]ô|[Đđ]\/[Cc]|[Đđ]ồng chí)(?:\s+\p{Lu}\p{Ll}*){1,4})+\s*$/u;
const POSITION_CONT_Y = /(?:chủ nhiệm|bộ môn|chuyên môn|y tế|học sinh|các (?:lớp|khối|môn)|lớp|khối|toàn trường|nhà trường)(?![\p{L}])/uy;
// A class or grade number may follow the post ("GVCN lớp 5A"); a capitalised name after it is the unit's ("Tổ trưởng Tổ
// Thông tin", "Tổ trưởng 08 Tổ dân phố"), read on as a body's name is.
const endsInHolder = (out: string) => PERSON_END.test(out) || POSITION_END.test(out.replace(/(?:\s+\d[\p{L}\d]*)+\s*$/u, ""));
const QUALIFIER_Y =
  /(?:nêu trên|nói trên|trên đây|ủy|uỷ|đoàn|hội|đội|trên|trong|thuộc|trực thuộc|có|liên quan|cấp|và|của|ở|tại|huyện|tỉnh|thành phố|thị xã|xã|phường|thị trấn|quận|vùng|biên giới|ven|miền|khu vực|đặc biệt|nông thôn|đô thị|mới|điểm|giáp|dọc|nơi|được|chưa|đã|đạt|thuộc|từ|đến|khóa|khoá|nhiệm kỳ|còn lại|đảo|đóng(?=\s+(?:trên|tại|ở)\s))(?![\p{L}])/uy;
const WORD_Y = /[^\s,;:()[\]“”"!?]+/uy;
const STOP_Y = new RegExp(STOP_RE.source.slice(1), "uy");
const NOUN_AFTER_Y = new RegExp(NOUN_AFTER.source.slice(1), "uy");
const CONTINUATION_Y = new RegExp(`${HEAD_CONTINUATION_SRC}(?![\\p{L}])`, "uy");
// Where a collective is ("các địa phương trong tỉnh", "các tỉnh, thành phố trong cả nước", "ngành y tế tại địa phương"):
// part of the name although "trong"/"tại" otherwise end a subject.
const WHERE_Y =
  /(?:trong (?:phạm vi )?(?:toàn )?(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn|cả nước|nước|toàn quốc|ngành|trường|cơ quan|đơn vị)|tại (?:địa phương|chỗ|cơ sở))(?![\p{L}])/uy;
// A unit's head noun alone ("Ban", "Tổ", "Chi cục", "các đội"; not "các sở", whose verb follows) and the functions units
// are named by.
const BARE_UNIT = /^\s*(?:(?:Ủy|Uỷ|ủy|uỷ) ban|[Bb]an|[Tt]iểu ban|[Tt]ổ|[Đđ]ội|[Đđ]oàn|[Cc]hi cục|[Cc]ục|Sở|[Hh]ội đồng|các\s+(?:tổ|đội|đoàn|Tổ|Đội|Đoàn))\s*$/u;
const FUNCTION_Y =
  /(?:kiểm tra|thống kê|điều tra|giám sát|thanh tra|quản lý|tuyên truyền|vận động|kiểm soát|tuần tra|thẩm định|xử lý|tiếp nhận|thi hành án|cứu hộ|cứu nạn|phản ứng nhanh|truy quét)(?![\p{L}])/uy;
const LEADERS_OF = /^lãnh đạo(?=\s+(?:các\s|\p{Lu}))/u;
// "lực lượng bảo vệ dân phố": a force is named by its field as an office is.
const ENDS_IN_OFFICE = /(?:^|\s)(?:văn phòng|trung tâm|ban|chi cục|cục|phòng|chi nhánh|lực lượng)\s*$/iu;

// A later unit may have lost its capital ("các Sở: Xây dựng, kế hoạch và Đầu tư"): one that still holds a capitalised
// word is a unit; an all lower-case phrase is the verb's clause.
const UNITS_SRC = String.raw`^:\s*((?:\p{Lu}[^,;:.()]{1,60}?)(?:\s*,\s*(?:\p{Lu}[^,;:.()]{1,60}?|\p{Ll}[^,;:.()\p{Lu}]{1,30}\p{Lu}[^,;:.()]{0,30}?))*)`;
const UNITS_AFTER_KIND = new RegExp(
  `${UNITS_SRC}(?=\\s*(?:[;.]|$|\\s(?:và\\s+)?(?:Chủ tịch|Thủ trưởng|Giám đốc|Chánh|Chỉ huy|các\\s)|\\s(?:${STOP_RE.source.slice(1)})))`,
  "u",
);

const PLACE_KINDS = "(?:huyện|xã|phường|thị trấn|quận|tỉnh|thành phố|thị xã|địa phương)";
const PLACES_BEFORE_COLON = new RegExp(`(?:^|\\s)các\\s+${PLACE_KINDS}(?:\\s*,\\s*${PLACE_KINDS})*(?:\\s+(?:trực thuộc|thuộc)\\s+(?:Trung ương|trung ương|tỉnh|thành phố))?\\s*$`, "u");
// The places of a lead-in heading, ended by its own colon ("các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai:").
const PLACES_LEAD_IN = new RegExp(`${UNITS_SRC}(?=\\s*:\\s*(?:$|\\n))`, "u");
// "các Bộ: …", "Giám đốc các Sở, ngành: …", "Các Cục: …", "các Tổng công ty: …": a kind of organisation named once before
// the colon, then the units of that kind by their proper names.
const KIND_BEFORE_COLON =
  /(?:^|\s)(?:[Cc]ác\s+)?(Sở|Phòng|Bộ|Cục|Vụ|Tổng cục|Tổng công ty|Tập đoàn|Viện|Bệnh viện|Trường|Ngành|sở|phòng|bộ|cục|vụ|tổng cục|tổng công ty|tập đoàn|viện|bệnh viện|trường|ngành)(?:\s*,\s*(?:ban|ngành|Ban|Ngành|cơ quan))*\s*$/u;
// The title of the head of each unit listed ("Bộ trưởng các Bộ: Quốc phòng, Công an" are the Minister of Defence and the
// Minister of Public Security), written once before the kind.
const HEAD_TITLE_END =
  /(?:^|\s)((?:Phó\s+)?(?:Bộ trưởng|Thứ trưởng|Giám đốc|Tổng giám đốc|Thủ trưởng|Cục trưởng|Vụ trưởng|Viện trưởng|Hiệu trưởng|Chủ tịch|Trưởng phòng|Người đứng đầu|Lãnh đạo|lãnh đạo|người đứng đầu|thủ trưởng)(?:\s+và\s+(?:Phó\s+)?(?:Giám đốc|Thủ trưởng|Chủ tịch))?)\s*$/u;
// Names of ministries and departments that hold a comma: "Văn hóa, Thể thao và Du lịch", "Lao động, Thương binh và Xã hội".
const COMPOUND_HEAD = /^(?:Văn hóa|Văn hoá|văn hóa|văn hoá|Lao động|lao động)$/u;
const COMPOUND_TAIL = /^(?:Thể thao|thể thao|Thương binh|thương binh)(?![\p{L}])/u;

const UNIT_FIELD = new RegExp(`^(?:${UNIT_FIELD_SRC.join("|")})$`, "u");

// A whole list line that is a kind and its units: "Các Cục: …", "Bộ trưởng các Bộ: …" (not "UBND các tỉnh: …", places).
const KIND_LIST = new RegExp(`^(?:[^,:;]{0,40}\\s)?(?:[Cc]ác\\s+)?(?:${KIND_BEFORE_COLON.source.slice(KIND_BEFORE_COLON.source.indexOf("(Sở"), KIND_BEFORE_COLON.source.lastIndexOf("\\s*$"))})\\s*(?=:)`, "u");
/** The units after "các Kind:", each named with its kind (and the title of its head, when one stands before the kind). */
function unitsOfKind(title: string, kindWord: string, list: string): string[] {
  const kind = kindWord.charAt(0).toUpperCase() + kindWord.slice(1);
  const parts = list.split(/\s*,\s*/u).map((u) => u.trim()).filter((u) => u !== "");
  const units: string[] = [];
  for (const u of parts) {
    const last = units.length - 1;
    if (last >= 0 && COMPOUND_HEAD.test(units[last]!) && COMPOUND_TAIL.test(u)) units[last] += `, ${u}`;
    else units.push(u);
  }
  // "Bộ trưởng các Bộ: Tài chính, Nội vụ, Bộ Y tế": a unit written with its kind keeps it; one headed by a kind of its
  // own ("Các Bộ, cơ quan: Tài chính, …, Tập đoàn Điện lực Việt Nam") is that body, but not a field ("Công an").
  const lowerKind = kind.toLowerCase();
  return units.map((u) => (u.toLowerCase().startsWith(`${lowerKind} `) ? `${title ? `${title} ` : ""}${u}` : bodyHeadAt(u) > 0 && !UNIT_FIELD.test(u) ? u : `${title ? `${title} ` : ""}${kind} ${u}`));
}

// "Thành viên Ban chỉđạo phòng chống dịch": the noun a glued word starts is read with the name before it, as an unglued
// one is ("Ban chỉ đạo" is the committee, not the verb).
function nounAfterGlue(out: string, parts: string[], k: number, tail: string): boolean {
  const before = `${out}${parts.slice(0, k).join(" ")}${k > 0 ? " " : ""}`;
  NOUN_AFTER_Y.lastIndex = before.length;
  return NOUN_AFTER_Y.test(`${before}${parts.slice(k).join(" ")}${tail}`);
}

const COLLECTIVE_IN = /(?:^|\s)(?:các|những|tất cả|toàn thể)\s/iu;
// Given what they hold ("nhiệm vụ", "dự toán", "quản lý …"), not a task to do ("được giao rà soát" is the predicate).
const GIVEN_OPEN = /^được\s+(?:\p{Lu}\p{Ll}*(?:\s+(?:và\s+)?\p{Lu}\p{Ll}*)*\s+)?giao(?=\s+(?:nhiệm vụ|dự toán|quản lý|kinh phí|chỉ tiêu)(?![\p{L}]))/u;
const AFTER_GIVEN = /(?:^|\s)được\s+(?:\p{Lu}\p{Ll}*(?:\s+(?:và\s+)?\p{Lu}\p{Ll}*)*\s+)?giao(?:\s+nhiệm vụ)?\s*$/u;
/** How many letters of `next` (at a stop word) a collective's qualifying clause takes in, or 0. */
function relativeClauseGoesOn(out: string, next: string): number {
  if (!COLLECTIVE_IN.test(out)) return 0;
  const given = GIVEN_OPEN.exec(next);
  if (given) return given[0].length;
  // The one verb of the clause, right after "được … giao (nhiệm vụ)" or "chưa".
  if (AFTER_GIVEN.test(out) || /(?:^|\s)chưa\s*$/u.test(out)) {
    STOP_Y.lastIndex = 0;
    return STOP_Y.exec(next)?.[0].length ?? 0;
  }
  return 0;
}
const TITLED_WORK_END = /(?:cuộc vận động|phong trào|[Cc]hương trình|[Đđ]ề án|[Dd]ự án|cuộc thi|[Hh]ội thi)\s*$/u;

/** Reads a list of bodies starting at the beginning of `s`; returns the raw list text and where it ended. */
export function readList(s: string): { list: string; end: number } {
  // "các đồng chí lãnh đạo cơ quan …": a title before the body is part of the name, though "lãnh đạo" is also a verb.
  const title = TITLE_LEAD.exec(s);
  let i = title ? title[0].length : 0;
  let out = title ? title[0] : "";
  const n = Math.min(s.length, 500);
  while (i < n) {
    const c = s[i]!;
    if (c === "(" || c === "[") {
      const close = s.indexOf(c === "(" ? ")" : "]", i);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    // "Giám đốc các Sở: Y tế, Tài chính, Lao động - Thương binh và Xã hội;" → Giám đốc Sở Y tế, Giám đốc Sở Tài chính, …
    // The kind may be written in lower case ("Giám đốc các sở: Công Thương, …"); the units it names are capitalised.
    const kinds = c === ":" ? KIND_BEFORE_COLON.exec(out) : null;
    if (kinds) {
      // The units end at ";", ".", the next title or collective, or the list's verb ("… Tài nguyên và Môi trường theo
      // phạm vi chức năng …").
      const m = UNITS_AFTER_KIND.exec(s.slice(i));
      if (m) {
        const before = out.slice(0, kinds.index);
        const head = HEAD_TITLE_END.exec(before);
        out = `${head ? before.slice(0, head.index) : before}${kinds[0].startsWith(" ") || head ? " " : ""}${unitsOfKind(head?.[1] ?? "", kinds[1]!, m[1]!).join(", ")}`;
        i += m[0].length;
        continue;
      }
    }
    // "UBND các xã: Phú Lai, Đoàn Kết, Hữu Lợi tổ chức …", "UBND các địa phương: Khánh Sơn, …, Cam Ranh rà soát …": the
    // places of a collective named after its colon are part of its name.
    // "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, …, Lâm Đồng chủ động …": several kinds
    // of place, and where they belong, before the colon.
    const places = c === ":" && PLACES_BEFORE_COLON.test(out) && bodyHeadAt(out.trimStart()) > 0 ? UNITS_AFTER_KIND.exec(s.slice(i)) ?? PLACES_LEAD_IN.exec(s.slice(i)) : null;
    // Only when the verb comes straight after them, or a second colon opens the items asked of them ("2. Chủ tịch UBND các
    // tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai:"): a line that ends on the places is a heading or an address.
    // "Ủy ban nhân dân các quận, huyện, thị xã: Chủ động, phối hợp …": a verb of two syllables or more written with a
    // capital after the colon opens the duties, it names no place.
    if (places && STOP_RE.exec(places[1]!.trimStart().toLowerCase())?.[0].includes(" ")) break;
    // "Chủ tịch UBND các huyện: Giao Thuỷ, Xuân Trường; Giám đốc Sở NN-PTNT và …": another addressee after ";" also
    // shows the places were a list of its subject, not a heading.
    const afterPlaces = places ? s.slice(i + places[0].length) : "";
    if (places && (STOP_RE.test(afterPlaces.trimStart()) || /^\s*:\s*(?:$|\n)/u.test(afterPlaces) || (/^\s*;/u.test(afterPlaces) && bodyHeadAt(afterPlaces.replace(/^\s*;\s*/u, "")) > 0))) {
      out = `${out.trimEnd()}: ${places[1]!.trim()}`;
      i += places[0].length;
      continue;
    }
    // "Ban Chỉ đạo cuộc vận động “Toàn dân đoàn kết …” tỉnh", "Ban Điều hành Đề án “Bảo tồn …”": the quoted title of
    // the campaign or scheme a body runs is part of its name.
    if ((c === "“" || c === '"') && TITLED_WORK_END.test(out)) {
      const close = /^[^"“”\n]{2,160}["”]/u.exec(s.slice(i + 1, i + 170));
      if (close) {
        out += s.slice(i, i + 1 + close[0].length);
        i += 1 + close[0].length;
        continue;
      }
    }
    if (/[.:!?“”"'‘’]/u.test(c) && !(c === "." && /[\p{L}\p{N}]/u.test(s[i + 1] ?? " "))) break;
    if (c === ";" || c === ",") {
      const after = s.slice(i + 1, i + 80).trimStart();
      // "…; các Ban Quản lý dự án …; cùng UBND các quận, huyện …": the last body of a list may be joined by "cùng"/"và".
      const joined = c === ";" ? /^(?:cùng|và)\s+(?:với\s+)?/u.exec(after) : null;
      if (c === ";" && !bodyHeadAt(joined ? after.slice(joined[0].length) : after)) break;
      if (joined) {
        out += "; ";
        i += 1 + (s.slice(i + 1).length - s.slice(i + 1).trimStart().length) + joined[0].length;
        continue;
      }
      // "các cá nhân, tổ chức trên địa bàn": the reversed idiom; "tổ chức" after "cá nhân," is the noun.
      const idiom = /(?:^|\s)cá nhân$/u.test(out) && /^tổ chức(?![\p{L}])/u.test(after);
      if (c === "," && STOP_RE.test(after) && !NOUN_AFTER.test(after) && !LEADERS_OF.test(after) && !idiom) break;
      out += c;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n") {
      out += " ";
      i++;
      continue;
    }
    // "UBND các xã tuần tra …": after the places of a collective only a qualifier may follow, not a new word.
    // "Các trường học trên địa bàn cho học sinh nghỉ", "Ban Chỉ đạo … huyện họp bàn …": a name closed by its place or
    // area goes on only with a qualifier; any other lower-case word is the verb, even one the lexicon does not know.
    const small = /\p{Ll}/u.test(c);
    // PLACE_END and AREA_END scan all of `out` for a name that can only close on a place word ("… huyện", "… trên địa
    // bàn"): its last few letters say first whether one is there.
    if (small && ((PLACE_WORD_LAST.test(out.trimEnd().slice(-6)) && (PLACE_END.test(out) || AREA_END.test(out))) || PEOPLE_END.test(out))) {
      QUALIFIER_Y.lastIndex = i;
      if (!QUALIFIER_Y.test(s)) break;
    }
    if (small && out.trim() !== "" && endsInHolder(out)) {
      QUALIFIER_Y.lastIndex = i;
      POSITION_CONT_Y.lastIndex = i;
      // "Cán bộ, giáo viên, nhân viên trường mầm non Tuổi Thơ": the body whose staff they are goes on the name.
      if (!QUALIFIER_Y.test(s) && !POSITION_CONT_Y.test(s) && !(BODY_AT.exec(s.slice(i, i + 80)) && !PERSON_END.test(out))) break;
    }
    // "có" after a single named unit is its verb ("Cục Thống kê có nhiệm vụ …", "UBND huyện Nam Đông có Công văn số …",
    // "Báo điện tử VTV … có bài"); after a collective or a list of kinds it qualifies the kind ("các xã có nguy cơ sạt
    // lở", "các đơn vị có liên quan", "trường THPT, trường phổ thông có nhiều cấp học").
    // "Chủ tịch UBND huyện Giao Chủ tịch UBND xã …": "Giao" written capitalised is still the verb when a body follows
    // ("Sở Giao thông" is a name: no body after "Giao").
    if (c === "G" && out.trim() !== "" && /^Giao\s+(?:cho\s+)?/u.test(s.slice(i, i + 12)) && bodyHeadAt(s.slice(i).replace(/^Giao\s+(?:cho\s+)?/u, "")) > 0) break;
    // "Báo Thanh tra ngày 29/10/2016 có bài …": a date after a name is when it acted, never part of the name.
    if (c === "n" && out.trim() !== "" && /^ngày\s+\d/u.test(s.slice(i, i + 10))) break;
    // "chưa" likewise: "Bộ Tài chính chưa ban hành …" says what the ministry has not done; "các hộ gia đình chưa bàn giao
    // mặt bằng" are the households that have not.
    // "mỗi chi bộ có ít nhất 01 bài thi": after a distributive subject "có" is what each must have.
    if (c === "c" && /^\s*(?:mỗi|từng)\s[^,]*$/iu.test(out) && /^có\s(?!liên quan)/u.test(s.slice(i, i + 16))) break;
    if (c === "c" && /^\s*\p{Lu}[^,]*$/u.test(out) && /^(?:có\s(?!liên quan|trụ sở)|chưa\s)/u.test(s.slice(i, i + 16)) && !/(?:^|\s)(?:các|những|tất cả|mỗi|từng|\d{1,3})\s/iu.test(` ${out}`)) break;
    if (out.trim() !== "" && small) {
      STOP_Y.lastIndex = i;
      const stop = STOP_Y.exec(s);
      NOUN_AFTER_Y.lastIndex = i;
      // "thường xuyên" ending a heading ("Phòng Giáo dục thường xuyên:") belongs to the name (only read after a stop word).
      const noun = stop ? NOUN_AFTER_Y.exec(s) : null;
      CONTINUATION_Y.lastIndex = i;
      const field = stop && ENDS_IN_OFFICE.test(out) ? CONTINUATION_Y.exec(s) : null;
      // "Ủy ban kiểm tra Huyện ủy", "Chi cục thống kê quận", "đội quản lý trật tự đô thị", "Tổ tuyên truyền": a bare head
      // noun followed at once by what the unit does is named by that function; the verb is part of its name.
      FUNCTION_Y.lastIndex = i;
      const fn = stop && BARE_UNIT.test(out) ? FUNCTION_Y.exec(s) : null;
      if (fn) {
        out += fn[0];
        i += fn[0].length;
        continue;
      }
      // "…, lãnh đạo các Bộ, ngành thành viên …": after a comma, the leaders of bodies are the next item, not the verb.
      const leaders = stop && /,\s*$/u.test(out) ? LEADERS_OF.exec(s.slice(i, i + 40)) : null;
      if (leaders) {
        out += leaders[0];
        i += leaders[0].length;
        continue;
      }
      WHERE_Y.lastIndex = i;
      const where = stop ? WHERE_Y.exec(s) : null;
      if (where) {
        out += where[0];
        i += where[0].length;
        continue;
      }
      if (field) {
        out += field[0];
        i += field[0].length;
        continue;
      }
      if (stop && noun && !/(?:^|\s)(?:các|những)\s*$/u.test(out)) {
        out += noun[0];
        i += noun[0].length;
        continue;
      }
      // "các đơn vị quản lý khai thác được giao quản lý công trình thủy lợi", "Các Hội được Đảng và Nhà nước giao nhiệm
      // vụ", "các CĐ cơ sở chưa tham gia": after a collective, a passive "được (…) giao" or a "chưa" opens the clause that
      // says which of them are meant; its verb is part of the name.
      const clause = stop && !noun ? relativeClauseGoesOn(out, s.slice(i, i + 40)) : 0;
      if (clause) {
        out += s.slice(i, i + clause);
        i += clause;
        continue;
      }
      if (
        stop &&
        !noun &&
        !/(?:^|\s)(?:các|những)\s*$/u.test(out) &&
        !(/^thường xuyên/u.test(stop[0]) && /^\s*:?\s*$/u.test(s.slice(i + stop[0].length)))
      )
        break;
    }
    WORD_Y.lastIndex = i;
    const w = WORD_Y.exec(s);
    let word = w ? w[0] : c;
    // "Giám đốc Sở Giáo dục và Đào tạochủ trì": a word glued to the verb after it ends the list there.
    // A word WORD_Y read holds no space: only one unglue changed can split.
    const unglued = unglue(word);
    const parts = unglued === word ? [word] : unglued.split(" ");
    if (parts.length > 1) {
      const tail = s.slice(i + word.length);
      // "… các đồng chí giaoChánh Văn phòng …": the glued word may itself start with the verb.
      const stopAt = out.trim() === "" ? -1 : parts.findIndex((p, k) => STOP_RE.test(`${parts.slice(k).join(" ")}${tail}`) && !nounAfterGlue(out, parts, k, tail));
      if (stopAt === 0) break;
      if (stopAt > 0) {
        out += parts.slice(0, stopAt).join(" ");
        i += parts.slice(0, stopAt).join("").length;
        break;
      }
      out += parts.join(" ");
      i += word.length;
      continue;
    }
    // A word carrying the sentence's full stop ends the list ("… huyện. Tiếp tục …"); "TP." or "TP.HCM" do not.
    if (/[^.\s]\.+$/u.test(word) && !/^(?:TP|TX|Tp|Tx|TT|Q|P|H)\.$/u.test(word)) {
      word = word.replace(/\.+$/u, "");
      out += word;
      i += word.length;
      break;
    }
    out += word;
    i += word.length;
    // "… (có) liên quan" closes a collective unless the list goes on.
    if (word === "quan" && /liên quan$/u.test(out) && !/^\s*(?:[,;]|và\s|(?:trực )?thuộc\s|trên địa bàn|trong (?:tỉnh|huyện|thành phố|ngành))/u.test(s.slice(i, i + 20))) {
      // "UBND các xã, thị trấn liên quan đến lòng hồ Tả Trạch": what they relate to is part of the name, up to the verb
      //.
      const to = /^\s+(?:đến|tới)\s+/u.exec(s.slice(i, i + 30));
      const what = to ? readList(s.slice(i + to[0].length)) : null;
      if (what && what.list.split(/\s+/u).length >= 2 && what.list.split(/\s+/u).length <= 12 && !/[,;]/u.test(what.list)) {
        out += `${to![0]}${what.list}`;
        i += to![0].length + what.end;
      }
      break;
    }
  }
  return { list: out.replace(/\s+/g, " ").replace(/[\s,;.\-–]+$/u, "").trim(), end: i };
}

// "Các xã, thị trấn có nguy cơ xảy ra sạt lở, ngập lụt và các khu nhà cũ, xuống cấp": a "các" inside the clause that
// qualifies a collective ("có nguy cơ …", "bị …") lists what the clause is about; unless it heads a body it is no new one.
const QUALIFYING_CLAUSE = /\s(?:có|bị|được|chưa|đã)\s/u;
const qualifierGoesOn = (cur: string, seg: string) => QUALIFYING_CLAUSE.test(cur) && bodyHeadAt(seg) === 0;

/** A list without the title heading it; "các Bí thư Tỉnh ủy, Thành ủy" keeps its "các" ("các Tỉnh ủy, Thành ủy"). */
const untitled = (s: string) => s.replace(TITLE_LEAD, (m) => (/^các\s/iu.test(m) ? "các " : ""));

function isCollective(seg: string): boolean {
  // "người đứng đầu cơ quan, đơn vị", "Thủ trưởng cơ quan ngang bộ, …": the title heads each body of the collective.
  seg = untitled(seg);
  const low = seg.toLowerCase();
  const kind = KIND_WORD.exec(low);
  // "các sở", "UBND các xã", a bare kind ("sở", or "Sở" alone starting "Sở, ban, ngành") list kinds, not one unit.
  // "3 bộ, ngành chủ quản": a count stands for "các".
  return /(?:^|\s)(?:các|\d{1,3})\s/iu.test(seg) || (kind !== null && (!/^\p{Lu}/u.test(seg) || kind[0].length === low.length)) ||
    // "Sở, ban, ngành Thành phố": a run of bare kinds is a collective too.
    low.split(/\s*,\s*/u).every((k) => KIND_WORD.exec(k)?.[0].length === k.length);
}

const NAMED_PERSON_SEG = /^(?:ông|bà|Ông|Bà)(?:\s*\(\s*bà\s*\))?\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)+/u;
// A run of kinds after "và" that ends in individuals ("đơn vị, tổ chức, cá nhân có liên quan"), read up to the next "và".
const CA_NHAN_RUN = /^[^;]{0,60}?(?:^|[\s,])cá nhân(?![\p{L}])/u;

const CONCURRENT_POST = /(^|[,;]\s*)((?:[Đđ]ồng chí\s+)?(?:Phó\s+)?(?:Bộ trưởng|Thứ trưởng|Thủ tướng|Chủ tịch|Giám đốc|Bí thư|Thống đốc)\s[^,;–-]{2,80}?)\s+[–-]\s+(?:Phó\s+)?(?:Trưởng|Chủ tịch|Tổ trưởng|Chủ nhiệm)\s[^,;]*/gu;
// "Các ông (bà) Chánh Văn phòng Hội đồng nhân dân và Uỷ ban nhân dân tỉnh": the honorific does not change the office.
const CORPORATE_BEFORE = /(?:^|[,;]\s*|\s(?:và|cùng|với)\s+)(?:các\s+)?(?:Tập đoàn|Tổng công ty|Công ty|Ngân hàng)\s[^,;]*$/u;
const SHARED_OFFICE_BEFORE = /^(?:(?:các\s+)?(?:ông|bà)(?:\s*\(\s*bà\s*\)|\s*\/\s*bà)?\s+)?(?:(?:Chánh|Phó Chánh)\s+)?Văn phòng\s+(?:HĐND|HDND|Hội đồng nhân dân|Đoàn ĐBQH|Đoàn đại biểu Quốc hội)$/iu;

const QUANTIFIED_STANDING = new RegExp(`^(?:tất cả|toàn thể)\\s+(?:các\\s+)?(?:${STANDING_SRC.join("|")}|${POSITION_SRC.join("|")})(?![\\p{L}])`, "iu");
const STANDING_SEG = new RegExp(`^(?:${STANDING_SRC.join("|")}|${POSITION_SRC.join("|")})(?![\\p{L}])`, "iu");

/**
 * Splits a list into bodies: at ";", at a new "các" (or distributive "mỗi", "từng": "Mỗi hộ gia đình, mỗi người dân" are
 * two), and at each new named unit; same-tier kinds stay together.
 */
// The same lists are split again and again (a third of the calls), by every step that reads a sentence's bodies.
const SPLIT_CACHE = new Map<string, string[]>();

export function splitList(list: string): string[] {
  let names = SPLIT_CACHE.get(list);
  if (names === undefined) {
    names = splitOnce(list);
    if (SPLIT_CACHE.size >= 2000) SPLIT_CACHE.clear();
    SPLIT_CACHE.set(list, names);
  }
  // A copy: callers may change the array they get.
  return [...names];
}

/** The bodies listed right after each match of `marker` (a global pattern) in `text`: "đề nghị X, Y", "gửi về X". */
export function bodiesAfter(text: string, marker: RegExp): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(marker)) {
    const rest = text.slice(m.index + m[0].length);
    if (bodyHeadAt(rest)) out.push(...splitList(readList(rest).list));
  }
  return out;
}

function splitOnce(list: string): string[] {
  const names: string[] = [];
  // "Sở Y tế các tỉnh … tham gia Đề án (danh sách kèm theo)": a remark on the list is not part of any name.
  list = list.replace(/\s*\((?:có\s+|theo\s+)?danh sách[^()]{0,40}\)/giu, "");
  // "Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia": the post a titled official holds
  // besides is the same person, named once by the first title.
  list = list.replace(CONCURRENT_POST, "$1$2");
  // "… đoàn thể của tỉnh – Uỷ ban nhân dân các huyện, thị xã": a dash between two bodies separates them ("Lao động -
  // Thương binh và Xã hội", "Phát thanh - Truyền hình" are names: no body starts after their dash).
  // "Văn phòng HĐND - UBND huyện" is one office serving both.
  // A company's or bank's name holds a dash between its fields or before its branch ("Tập đoàn Công nghiệp - Viễn thông
  // Quân đội", "Ngân hàng … Công thương Việt Nam - Chi nhánh Tây Thăng Long"): one body.
  list = list.replace(/\s+[–-]\s+(?=\p{Lu})/gu, (m, at: number) => (bodyHeadAt(list.slice(at + m.length)) > 0 && !SHARED_OFFICE_BEFORE.test(list.slice(0, at)) && !CORPORATE_BEFORE.test(list.slice(0, at)) ? ", " : m));
  // "các cơ quan, ban ngành, đoàn thể huyện UBND các xã, thị trấn": a lower-case place word closes a name, and a
  // government office right after it is the next body, its comma left out ("Phó Chủ tịch Văn xã UBND …": "Văn xã" is the
  // portfolio, not a place).
  list = list.replace(/(?<=\s(?:huyện|xã|tỉnh|phường|quận|thị trấn|thị xã|thành phố))(?<![Vv]ăn xã)\s+(?=(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)\s)/gu, ", ");
  for (let group of list.split(/\s*;\s*/)) {
    // "Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam", "Bộ trưởng các Bộ: Quốc phòng, Công an" (a Kính gửi line): the
    // units of the kind named before the colon, each a body of its own.
    const kindList = KIND_LIST.exec(group);
    if (kindList && group.slice(kindList[0].length + 1).split(/\s*,\s*/u).every((u) => /^\s*\p{Lu}[^:()]{0,60}$|^\p{Ll}[^:()]{0,30}\p{Lu}/u.test(u))) {
      const kinds = KIND_BEFORE_COLON.exec(kindList[0].trimEnd())!;
      const before = kindList[0].slice(0, kinds.index);
      const head = HEAD_TITLE_END.exec(before);
      group = `${head ? before.slice(0, head.index) : before}${unitsOfKind(head?.[1] ?? "", kinds[1]!, group.slice(kindList[0].length + 1)).join(", ")}`;
    }
    const parts = group.split(/(\s*,\s*(?:và\s+)?|\s+và\s+)/u);
    let cur = "";
    for (let k = 0; k < parts.length; k += 2) {
      // "… bệnh viện, nơi thờ tự và nhà ở của Nhân dân trên địa bàn": premises stand for whoever is housed there.
      let seg = parts[k]!.trim();
      const housed = /^(?:trụ sở|nhà ở|nhà)\s+(?:của\s+)?/iu.exec(seg);
      if (housed && bodyHeadAt(seg.slice(housed[0].length)) > 0) seg = seg.slice(housed[0].length);
      const sep = k > 0 ? parts[k - 1]! : "";
      if (seg === "") continue;
      const lower = seg.toLowerCase();
      const idiomTail = /^các ngành\b/u.test(lower) && /các cấp$/iu.test(cur) || lower === "cá nhân" && /tổ chức$/iu.test(cur);
      // "các Sở, Ban, Ngành, Đoàn thể tỉnh": capitalised bare kinds of the same tier go on with a collective of kinds.
      // "Ban Thường vụ các huyện ủy, thị ủy, Thành ủy Huế": an office over a collective is the office of each unit listed,
      // named ones included.
      // "Tất cả các cơ quan, đơn vị, Ban nhân dân các ấp": a kind over a collective of its own ("các ấp") is an office of
      // each of them, another body, as at a new "các".
      const kind = !/\scác\s/iu.test(seg) && KIND_WORD.test(lower) && (!/^\p{Lu}/u.test(seg) || (bareKinds(cur) && bareKindSeg(seg)) || (OFFICE_OVER.test(cur) && !bodyHeadAt(seg.slice(KIND_WORD.exec(lower)![0].length).trimStart()) && sameTier(cur, seg, true))) && sameTier(cur, seg) && !ownQualifier(cur, seg);
      // "các tỉnh, thành đoàn", "các huyện, thành, thị ủy": place kinds sharing the committee named after the last one.
      const elided = /(?:^|\s)các\s+(?:(?:tỉnh|thành|huyện|thị|quận)\s*,\s*)*(?:tỉnh|thành|huyện|thị|quận)$/iu.test(cur) && new RegExp(`^(?:tỉnh|thành|huyện|thị|quận) (?:đoàn|${U})(?![\\p{L}])`, "iu").test(seg);
      // "UBND xã Ea Bông, Bình Hòa, thị trấn Buôn Trấp": another place named with its own kind, under the same office.
      const placeOffice = /^(?:xã|phường|thị trấn|thị xã|huyện|quận|thành phố)\s+\p{Lu}/u.test(seg) ? PLACE_OFFICE.exec(cur) : null;
      if (placeOffice) {
        names.push(cur);
        cur = `${placeOffice[1]} ${seg}`;
        continue;
      }
      // "Văn phòng HĐND và UBND huyện", "Chánh văn phòng HĐND, UBND huyện" are one office serving both (the council's
      // office named with no place of its own shares the government's).
      const sharedOffice = (sep.includes("và") || sep.includes(",")) && SHARED_OFFICE_BEFORE.test(cur) && /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)(?![\p{L}])/u.test(seg);
      // "các cấp, các ngành, địa phương": the idiom is a collective of its own; a kind after it is another body.
      const afterIdiom = /(?:^|\s)các cấp,? các ngành$/iu.test(cur);
      // "Các cơ quan liên quan và đoàn thể huyện", "các ngành liên quan và địa phương": "liên quan" closes a collective; the
      // kind after "và" is another body.
      const closed = sep.includes("và") && /(?:^|\s)(?:có\s+)?liên quan$/u.test(cur) && KIND_WORD.test(seg.toLowerCase());
      // "Tất cả các học sinh, giáo viên Nhà trường", "toàn thể cán bộ, đảng viên, …, học sinh": the quantifier takes in every
      // standing listed after it; the whole staff is one collective.
      const quantified = QUANTIFIED_STANDING.test(cur) && STANDING_SEG.test(seg);
      // "các cơ quan, đơn vị, tổ chức, cán bộ, công chức, viên chức": the staff after the bodies is a collective of its own.
      const staffAfterBodies = STANDING_SEG.test(seg) && !STANDING_SEG.test(cur) && !QUANTIFIED_STANDING.test(cur) && /^(?:(?:tất cả|toàn thể)\s+)?các\s/iu.test(cur);
      // "Thủ trưởng các sở, ban, ngành và đơn vị, tổ chức, cá nhân có liên quan", "Chủ tịch UBND xã Tân Phú và bà Phan Thị
      // Năm": the title of a head governs bodies, not individuals; what "và" adds after a titled name that takes in
      // "cá nhân", or a person by name, is another addressee.
      const untitledAfterHead = sep.includes("và") && TITLE_LEAD.test(cur) && !/^(?:ông|bà)\s/iu.test(cur) &&
        (NAMED_PERSON_SEG.test(seg) || (!/(?:^|\s)cá nhân(?:\s|$)/u.test(cur) && CA_NHAN_RUN.test(parts.slice(k).join(""))));
      // "Giám đốc Sở Y tế và tổ chức, cá nhân có liên quan": the idiom "tổ chức, cá nhân" (guide: one collective) is a
      // body of its own, with or without "các".
      const orgsAndPersons = cur !== "" && !bareKindSeg(cur) && /^tổ chức$/iu.test(seg) && /^cá nhân(?![\p{L}])/iu.test(parts[k + 2]?.trim() ?? "") && !/^(?:(?:tất cả|toàn thể)\s+)?(?:các|những)\s/iu.test(cur);
      // "Công an, Quân sự, Trạm Y tế đảm bảo trực …": a unit named by its head noun alone is complete; a capitalised name
      // after it is the next unit of the commune, not more of its name.
      const afterBareHead = cur !== "" && /^\p{Lu}/u.test(seg) && bodyHeadAt(cur) === cur.length && !/(?:^|\s)các\s/iu.test(cur) && !KIND_WORD.test(cur.toLowerCase()) && !KIND_WORD.test(seg.toLowerCase());
      const startsNew = cur === "" || afterIdiom || afterBareHead || closed || staffAfterBodies || untitledAfterHead || orgsAndPersons || (!idiomTail && !sharedOffice && !elided && !quantified && ((bodyHeadAt(seg) > 0 && !(kind && isCollective(cur))) || (/^(?:các|mỗi|từng)\s/iu.test(seg) && !qualifierGoesOn(cur, seg))));
      const shared = !startsNew && sep.includes(",") ? sharedHead(cur, seg, parts.slice(k + 1)) : !startsNew && sep.includes("và") ? sharedNameHead(cur, seg) : null;
      if (shared) {
        names.push(cur);
        cur = shared;
      } else if (startsNew) {
        if (cur) names.push(cur);
        cur = seg;
      } else {
        cur += sep.includes("và") ? ` và ${seg}` : `, ${seg}`;
      }
    }
    if (cur) names.push(cur);
  }
  const tidy = names.map(tidyName).filter((x) => x.length > 1);
  // "UBND, Ban Chỉ huy PCLB và TKCN các xã, thị trấn": a bare office before another one shares its places.
  return tidy.map((n, k) => {
    // "Thường trực, Ban Tuyên giáo các huyện, thành, thị ủy …": the same for an office of each committee listed; "Ban
    // Thường vụ Đoàn, Hội đồng Đội các tỉnh, thành phố": offices and mass organisations that exist at every level.
    // "Đảng ủy, UBND 14 phường": places counted instead of "các" are shared the same way.
    const places = BARE_OFFICE.test(n) ? /^\p{Lu}[^,]*?\s((?:các|\d{1,3})\s+.+)$/u.exec(tidy[k + 1] ?? "") : null;
    return places ? `${n} ${places[1]}` : n;
  });
}
const BARE_OFFICE = new RegExp(`^(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Đảng ${U}|Ban Chỉ huy Quân sự|Công an|Thường trực|Ban Thường vụ(?: Đoàn| Hội)?|Ban Chấp hành(?: Đoàn| Hội)?|Hội đồng Đội|Văn phòng|Ban Tuyên giáo|Ban Tổ chức|Ban Dân vận|${U} ban Kiểm tra|(?:(?:Ủy|Uỷ) ban )?(?:MTTQ|Mặt trận Tổ quốc)(?: Việt Nam)?|Đoàn Thanh niên|Hội (?:Liên hiệp Phụ nữ|LHPN|Nông dân|Cựu chiến binh|Chữ thập đỏ))$`, "u");

// Tiers of kinds: a collective goes on only with kinds of its own tier ("các đơn vị sự nghiệp và doanh nghiệp nhà
// nước" are two bodies; "các phòng, ban, ngành, đoàn thể" one).
const TIERS: RegExp[] = [
  /^(?:sở|ban|ngành|phòng|đoàn thể|cơ quan|đơn vị|địa phương|hội|chi cục|trung tâm|báo|đài|bệnh viện|viện|tổng cục|cục|vụ)(?![\p{L}])/iu,
  /^(?:(?:huyện|thị|thành|quận|tỉnh|đảng) (?:ủy|uỷ)|đảng bộ|chi bộ|tổ chức đảng)(?![\p{L}])/iu,
  /^(?:huyện|quận|xã|phường|thị trấn|thị xã|thành phố|tỉnh)(?![\p{L}])/iu,
  /^(?:doanh nghiệp|công ty|hợp tác xã|cơ sở kinh tế)(?![\p{L}])/iu,
  /^(?:trường|cơ sở giáo dục)(?![\p{L}])/iu,
];
// An office, title or organ before "các" ("Ban Thường vụ các …", "ban dân vận các …", "UBND các …").
const OFFICE_OVER = /^\S.*?\scác\s/iu;
// A single named place unit under its office ("UBND xã Bình Hòa", "Ủy ban nhân dân phường Hương Văn").
// "Chủ tịch UBND huyện Hải Hậu, huyện Xuân Trường": the head's title goes with the office to the next place.
const PLACE_OFFICE = new RegExp(`^((?:(?:Phó\\s+)?Chủ tịch\\s+)?(?:${U} ban nhân dân|UBND|HĐND|Hội đồng nhân dân|Đảng ${U}|Công an))\\s+(?:xã|phường|thị trấn|thị xã|huyện|quận|thành phố)\\s+\\p{Lu}[^,]*$`, "u");
const tierOf = (s: string) => {
  const t = s.replace(/^(?:(?:tất cả|toàn thể)\s+)?(?:các\s+)?/iu, "").replace(/^(?:(?:ủy|uỷ) ban nhân dân|ubnd)\s+(?:các\s+)?/iu, "");
  return TIERS.findIndex((r) => r.test(t));
};
function sameTier(cur: string, seg: string, known = false): boolean {
  const last = cur.split(/\s*,\s*|\s+và\s+/u).pop() ?? cur;
  // "Ban Thường vụ các huyện ủy": the kind listed is the one after "các".
  const a = tierOf(/(?:^|\s)các\s+(.*)$/iu.exec(last)?.[1] ?? last);
  const b = tierOf(seg);
  // `known`: both kinds must be of a known tier ("trưởng các khoa, Ban Giám hiệu …" are two bodies).
  if (known) return a >= 0 && a === b;
  // "các đơn vị, trường học", "các cơ quan, đơn vị, doanh nghiệp": a bare generic kind ("đơn vị", "cơ quan") covers
  // the kinds listed after it.
  // Only when that kind opens the collective, or a title heads them all ("người đứng đầu các cơ quan, đơn vị, doanh
  // nghiệp"): after "các cơ quan, đơn vị" a further kind of another tier is another body ("Các cơ quan, đơn vị, trường
  // học" → "Các cơ quan, đơn vị"; "trường học").
  if ((cur === last || TITLE_LEAD.test(cur)) && /^(?:(?:tất cả\s+)?các\s+)?(?:cơ quan|đơn vị)$/iu.test(last.replace(TITLE_LEAD, "").trim()) && !/\s/u.test(seg.trim().split(/\s+/u).slice(2).join(" "))) return true;
  return a < 0 || b < 0 || a === b;
}
// Words after a kind that place or scope it ("đoàn thể huyện", "đơn vị trực thuộc", "cơ quan có liên quan"): shared by the
// whole collective, not a qualifier of that kind alone.
const SHARED_SCOPE = /^(?:huyện|quận|xã|phường|thị trấn|thị xã|thành phố|tỉnh|thôn|khu phố|trực thuộc|thuộc|liên quan|có|trên|trong|tại|ở|của|cấp|các|địa phương|hữu quan|nêu trên|này)(?![\p{L}])/iu;
const KIND_QUALIFIED = /^(?:cơ quan|đơn vị|tổ chức|doanh nghiệp|trường|hội|ban|phòng|sở)\s+(\S.*)$/iu;
/**
 * "các cơ quan Đảng, đoàn thể, nhà nước, đơn vị lực lượng vũ trang": a collective whose first kind carries a qualifier
 * of its own ("cơ quan Đảng"), then a kind with another qualifier ("đơn vị lực lượng vũ trang", "cơ quan hành chính"):
 * kinds with different qualifiers do not share one, so the second starts another body.
 */
function ownQualifier(cur: string, seg: string): boolean {
  const first = cur.replace(TITLE_LEAD, "").replace(/^(?:(?:tất cả|toàn thể)\s+)?các\s+/iu, "").split(/\s*,\s*|\s+và\s+/u)[0] ?? "";
  const a = KIND_QUALIFIED.exec(first);
  const b = KIND_QUALIFIED.exec(seg.trim());
  return !!a && !!b && !SHARED_SCOPE.test(a[1]!) && !SHARED_SCOPE.test(b[1]!);
}

/** The collective so far is only kind words ("các Sở", "các Sở, Ban"), without a proper name. */
function bareKinds(cur: string): boolean {
  // "Giám đốc các Sở, Ban, ngành": the title over a collective of kinds does not change its kinds.
  cur = untitled(cur);
  return /^(?:(?:tất cả|toàn thể)\s+)?các\s+/iu.test(cur) &&
    cur.replace(/^(?:(?:tất cả|toàn thể)\s+)?các\s+/iu, "").split(/\s*,\s*/u).every((k) => KIND_WORD.test(k.toLowerCase()) && k.split(/\s+/u).length <= 2);
}
// "…, Đảng ủy trực thuộc Trung ương": where the kind belongs is the scope of the whole collective, not a proper name.
const bareKindSeg = (seg: string) => KIND_WORD.test(seg.toLowerCase()) && !/\s\p{Lu}/u.test(seg.replace(/\s(?:trực thuộc|thuộc)\s.*$/u, ""));

// "UBND huyện Quang Bình, Bắc Quang", "Sở Giao thông, Y tế": further units of the same kind named without their head.
const NAMED_UNIT = /^(.*?(?:(?:ủy|uỷ) ban nhân dân|ubnd|hđnd)?\s*(?:huyện|xã|phường|thị trấn|quận|thị xã|thành phố|tỉnh)|(?:^|.*\s)(?:Sở|Phòng))\s+(\p{Lu}.*)$/u;
function sharedHead(cur: string, seg: string, rest: string[]): string | null {
  const m = NAMED_UNIT.exec(cur);
  if (!m || /\s(?:và|của|các)\s|,/u.test(cur) || bodyHeadAt(seg) > 0) return null;
  // Compound names that hold a comma: "Sở Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội".
  // A later "và" only joins a compound name when no other body comes before it ("…, UBND xã Bình Hòa, thị trấn Buôn
  // Trấp và các đơn vị liên quan" lists places; "Sở Văn hóa, Thể thao và Du lịch" is one name).
  const upTo = rest.findIndex((p, k) => k % 2 === 1 && (bodyHeadAt(p.trim()) > 0 || /^(?:các\s|(?:xã|phường|thị trấn|thị xã|huyện|quận|thành phố)\s+\p{Lu})/u.test(p.trim())));
  if (/(?:Văn hóa|Văn hoá|Lao động|Khoa học|Thông tin)$/u.test(cur) || /\sva\s|\svà\s/u.test(seg) || rest.slice(0, upTo < 0 ? rest.length : upTo).some((p) => /^\s*và\s*$/u.test(p))) return null;
  const place = /(?:huyện|xã|phường|thị trấn|quận|thị xã|thành phố|tỉnh)$/iu.test(m[1]!.trim());
  const proper = place ? /^(?:\p{Lu}[\p{Ll}\d]*\s*){1,4}$/u.test(seg) : /^\p{Lu}[\p{L}\s-]{1,40}$/u.test(seg) && seg.split(/\s+/u).length <= 4;
  return proper ? `${m[1]!.trim()} ${seg}` : null;
}

/**
 * "Hạt Kiểm lâm rừng đặc dụng Núi Chúa và Phước Bình": a second proper name after "và" under the head of a named unit
 * is another unit of the same kind. The head must hold a lower-case word before the proper name ("rừng đặc dụng"), so
 * a name that is all capitals ("Sở Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội") is left whole.
 */
function sharedNameHead(cur: string, seg: string): string | null {
  if (/,|\svà\s|(?:^|\s)các\s/u.test(cur) || !/^(?:\p{Lu}[\p{Ll}\d]*\s*){1,3}$/u.test(seg) || bodyHeadAt(seg) > 0) return null;
  const m = /^(\p{Lu}\S*(?:\s+\S+)*?\s\p{Ll}\S*)\s+((?:\p{Lu}[\p{Ll}\d]*\s*){1,3})$/u.exec(cur);
  return m ? `${m[1]} ${seg}` : null;
}

function tidyName(name: string): string {
  return name.replace(/^(?:và|cùng|với)\s+/iu, "").replace(/(?:\s+(?:và|cùng|với))+\s*$/iu, "").replace(/[\s,;.:\-–]+$/u, "").replace(/\s+/g, " ").trim();
}

/** Only generic words ("các đơn vị", "các cơ quan, đơn vị liên quan"): not a named body. */
export function isGeneric(names: string[]): boolean {
  // "Quý cơ quan", "Quý Sở", "Quý đơn vị": the polite address of the letter's recipient, who is named in Kính gửi.
  // "các đồng chí" alone: the persons the letter is addressed to.
  // "các cơ quan chức năng", "đơn vị chức năng", "các đơn vị hữu quan", "các nơi": whoever is concerned, named by no one.
  // "các đại biểu" alone: the delegates at the meeting a news page reports ("Tại Hội nghị, các đại biểu thảo luận …"),
  // not "đại biểu HĐND" elected to a council.
  return names.every((n) => /^quy\s/u.test(nameKey(n)) || /^(?:cac )?dong chi$/u.test(nameKey(n)) || /^(?:cac )?dai bieu(?: (?:du|tham du) (?:hoi nghi|cuoc hop|phien hop))?$/u.test(nameKey(n)) ||
    // Compared without tones, so "địa phương" is read as one word: "phuong" alone is "phường", and "các phường" are
    // named bodies of a kind as "các xã" are.
    nameKey(n)
      .replace(/(?:^|\s)dia phuong(?=\s|$)/gu, " ")
      .trim()
      .split(/\s+/u)
      .every((w) => w === "" || /^(?:cac|don|vi|co|quan|lien|huu|to|chuc|ca|nhan|truc|thuoc|tren|ban|nganh|tat|minh|nay|noi|nang)$/u.test(w)),
  );
}

export { STOP_RE };
