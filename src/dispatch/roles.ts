/**
 * Step: who does the work, in which role. Leads are the subjects of sentences (or the bodies after "Giao",
 * "Đề nghị", "Yêu cầu", or after "X đề nghị/yêu cầu"); coordinators follow "phối hợp (với)". Bodies the lead
 * "chỉ đạo"/"hướng dẫn"/"tham mưu cho", channels "(qua X)", report recipients "gửi về X" and beneficiaries are never
 * picked up, because only those two positions yield assignees.
 */
import { bodyHeadAt, holderAt, isGeneric, personAt, readList, splitList, STOP_RE } from "./bodies.js";
import { heldInParens, holderLabel } from "./rosters.js";
import { DOTTED_ABBREVIATIONS } from "./lexicon.js";


export interface SentenceLeads {
  leads: string[];
  /** "X đề nghị Y": X, the body making the request (usually the issuer). */
  requester: string[];
  /** The word(s) right after the subject; "" when the sentence is only a list of bodies (a heading). */
  verb: string;
  /** True when the bodies came after "Giao/Đề nghị/Yêu cầu". */
  requested: boolean;
  /** "X (đã/vừa) chỉ đạo Y …": Y. When X is the issuer this is its request to Y; otherwise X leads and Y is not an assignee. */
  directed?: string[];
  /** "Lãnh đạo Bộ đề nghị Y", "nhà trường kính mong Y": who asks, named by a phrase not read as a body (not an issuer). */
  speaker?: string;
}

// "Ban Bí thư lưu ý Tổng LĐLĐ Việt Nam …", "Văn bản này cũng lưu ý các thành viên Chính phủ …": drawing a body's attention
// to work is asking it (the label "Lưu ý:" is not: a body or "các" must follow). "… yêu cầu trong tháng 05/2019, các
// phòng …", "… yêu cầu đến các cơ quan, đơn vị …": a time phrase or "đến" before whom it asks.
const REQUEST =
  /^(?:Đồng thời\s*,?\s*(?:cũng\s+)?)?(?:Kính\s+|Trân trọng\s+)?(?:lưu ý\s*,?\s+)?(giao (?:nhiệm vụ |trách nhiệm )?cho|giao trách nhiệm|giao|đề nghị|yêu cầu|phân công|mời|khuyến cáo|(?:kính |rất )?mong|lưu ý(?=\s+(?:các\s|những\s|\p{Lu})))(?:\s*[,:]?\s+|(?=\p{Lu}[\p{Ll}\p{Lu}]))(?:(?:đến|tới)\s+(?=các\s|\p{Lu}))?(?:(?:trước mắt|ngay|trong thời gian tới)\s*,?\s+|(?:trong|từ nay đến|trước|sau)\s+(?:ngày|tháng|quý|năm|tuần|dịp|đợt)[^,;:.]{0,30},\s+)?(?:trong\s+thời gian[^,;.:]{0,40},\s*)?(?:(?:trực tiếp\s+)?(?:đến|tới)\s+(?=các\s|\p{Lu}))?/iu;
const GIVEN_TO = /^[^;:.]{0,200}?\scho\s+(?=\S)/u;
const DATE_SRC = String.raw`\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?`;
const DAY_LEAD = new RegExp(String.raw`^(?:(?:sáng|chiều|tối|trưa)\s+)?(?:(?:từ|trước|đến|hết|trong)\s+)?ngày\s+${DATE_SRC}(?:\s*(?:và|đến|-|–)\s*(?:ngày\s+)?${DATE_SRC})?\s*[:,]?\s+`, "iu");
// Lower-case adverbials that may stand between an opener and the subject ("Để …, trong thời gian tới, UBND tỉnh …").
const ADVERBIAL =
  /^(?:trong|theo|tại|khi|nếu|để|nhằm|sau|trước|tùy|tuỳ|từ|đến|với|đối với|riêng|cụ thể|thời gian|hiện nay|qua|ngoài ra|đồng thời|bên cạnh|mặt khác|do|vì|bởi|nhất là|đặc biệt|trên cơ sở|căn cứ|hàng|hằng|định kỳ|ngày|sáng|chiều|tối|tháng|năm|quý|tuần|lúc|vào|kể từ|cùng với|song song|như vậy|vừa qua|gần đây|thời điểm|ngay|sớm|kịp thời|trường hợp|tiếp theo|mỗi|tất cả|chậm nhất|muộn nhất)(?![\p{L}])/iu;
// "Theo dõi" is a verb ("Theo dõi kiểm tra, …"), not the preposition "Theo" opening an adverbial clause. "Thứ nhất, các
// cơ sở Đảng khẩn trương …", "Hai là, …": an ordinal that counts the points of a letter opens the sentence, not its subject.
const OPENER =
  /^(?:Về\s|Trong|Trên cơ sở|Căn cứ|Sau khi|Để|Khi|Nhằm|Qua đó|Đồng thời|Ngoài ra|Thực hiện|Theo(?!\s+dõi)|Ngày\s+\d|Hết|Từ|Đến|Tiếp theo|Bên cạnh đó|Mặt khác|Riêng|Đối với|Cụ thể|Trước mắt|Ngay(?=\s+(?:từ|sau|trong|khi|đầu)(?![\p{L}]))|Tại|Ở(?=\s)|Với|Nhân dịp|Hưởng ứng|Trước|Nhận được|Trường h[ợọ]p|Nếu|Cùng với đó|Chào mừng|(?:Sáng|Chiều|Tối|Trưa)\s+(?:ngày\s+|nay\b)?\d?|Thời gian qua|Hiện nay|Vừa qua|Do đó|Do vậy|Vì vậy|Vì thế|Vậy(?=\s)|Song song với đó|T(?:ùy|uỳ)\s|Sau(?=\s)|Ngoài(?=\s)|Bên cạnh(?=\s)|(?:Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là)\s*,)/u;
// A leader named by title ("Thủ tướng Phạm Minh Chính", "Phó Chủ tịch" in a news report; "Đồng chí Bí thư Huyện ủy …" is
// a body with its title and is read by listAt), or the leaders of a place, who ask as its government does ("Lãnh đạo
// thành phố cũng giao Sở Văn hóa … chủ trì …"). "Thủ tướng Chính phủ yêu cầu …" names no person: the office alone asks.
const TITLED = String.raw`(?:[Đđ]ồng chí\s+)?(?:Phó\s+)?(?:Thủ tướng(?:\s+Chính phủ)?|Thống đốc|Bộ trưởng|Thứ trưởng|Tổng Bí thư|Chủ tịch nước|Chủ tịch|Bí thư|Giám đốc|Trưởng ban)(?:\s+\p{Lu}\p{L}*){0,4}|Lãnh đạo\s+(?:thành phố|tỉnh|huyện|thị xã|quận|xã|phường|thị trấn)(?:\s+\p{Lu}\p{Ll}*){0,3}`;
// Who speaks for a body, so that the request is the body's own (the requester, perhaps the issuer): a leader by title,
// or "Tại hội nghị, đại diện Ban Thường vụ Huyện ủy yêu cầu cấp ủy các cấp …", someone speaking for the body named.
const SPEAKS_FOR = new RegExp(`^(?:(${TITLED})|[Đđ]ại diện\\s+(?:lãnh đạo\\s+)?([^\\s,.;:]+(?:\\s+[^\\s,.;:]+){0,7}))$`, "u");
const PERSON_PUBLISHES = new RegExp(`^(${TITLED})\\s+(?:(?:cũng|đã|vừa|còn|đồng thời)\\s+)?`, "u");
const PLACE_ASKS = /^((?:TP|Tp|[Tt]hành phố|[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Tt]hị xã)(?:\.?\s*\p{Lu}[\p{L}.]*)*)\s+(?:(?:cũng|đã|vừa|còn)\s+)*(?=(?:đề nghị|yêu cầu|giao)\s)/u;
const DOC_SAYS = /^(?:Công văn|Thông báo|Kế hoạch|Chỉ thị|Văn bản|Công điện|Kết luận|Hướng dẫn)\s+(?:cũng\s+)?(?:nêu rõ|nêu|cho biết|nhấn mạnh|chỉ rõ)\s*[:,]\s*(?=\p{Lu})/u;
// "… rất mong sự quan tâm của Quý đơn vị", "Sở … lấy ý kiến góp ý dự thảo …", "Thường trực Thành ủy đồng ý …": the
// body speaking, not work given to it.
// "Báo Thanh tra có bài …", "Tổ công tác … có văn bản số …": a body that published or sent a document is background.
// "Chính quyền địa phương đang phối hợp cùng các lực lượng …": what a body is doing now is told, as what it did ("đã").
// "Chánh Văn phòng … làm Trưởng bộ phận", "… làm thành viên": who a body is made up of, not work.
// "Hội … hoan nghênh đề xuất này", "UBND huyện tiếp thu ý kiến của cử tri", "… ghi nhận, biểu dương …": a body's stance;
// "UBND các xã … có quyền yêu cầu …", "Thẩm quyền quyết định …: Ban Thường vụ Đảng ủy cấp xã.": what a body may do,
// not what it must. "Văn phòng UBND tỉnh truyền đạt ý kiến của …": the office passing on a leader's opinion. "…, Ủy ban
// nhân dân tỉnh Hà Giang tại văn bản số …": a body followed by "tại"/"của" is the author of a document cited, not a
// subject with its verb. "Bộ Tài chính chưa ban hành Thông tư …": what a body has not yet done is the situation the
// letter explains, not work given to it.
const BACKGROUND_VERB = /^(?:ban hành|banh|đã|đang|chưa|nhận được|có ý kiến|làm (?:trưởng|phó|thành viên|thường trực|ủy viên|uỷ viên|tổ trưởng|tổ phó)|có (?:bài|văn|công văn|công điện|tờ|thông báo|quyết|nghị)|được(?! giao| phân công)|vừa|là|(?:kính |rất )?mong|lấy ý kiến|đồng ý|cho biết|nhấn mạnh|khẳng định|nhận thấy|hoan nghênh|tiếp thu|ghi nhận|biểu dương|đánh giá cao|có quyền|thẩm quyền|truyền đạt|tại|của|chủ trì (?:hội nghị|cuộc họp|phiên họp|buổi làm việc|buổi họp|kỳ họp|lễ))(?![\p{L}])/u;

function listAt(input: string): { names: string[]; end: number } | null {
  // "Giao Giám đốc: Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin …": a title standing for each body listed after it.
  // "Các ông (bà): Chánh văn phòng …, Giám đốc Sở Y tế, …": the persons addressed, each by the title of a body.
  const title = /^(?:(?:Giám đốc|Thủ trưởng|Chủ tịch|Trưởng)\s*:|(?:Các\s+)?(?:ông|bà)\s*(?:\(\s*bà\s*\)|\/\s*bà)?\s*:)\s*(?=\p{Lu})/iu.exec(input);
  const skip = title ? title[0].length : 0;
  const got = listFrom(input.slice(skip));
  return got && { names: got.names, end: got.end + skip };
}

// People by their standing, asked as a group ("yêu cầu cán bộ chiến sĩ, các đội nghiệp vụ …", "đề nghị cán bộ, công
// chức xã …", "yêu cầu giáo viên và phụ huynh …"): whom a request addresses, though no head noun of a body starts it.
const PERSONS = "cán bộ|giáo viên|phụ huynh|cha mẹ học sinh|đoàn viên|hội viên|đảng viên|công chức|viên chức|người lao động|chiến sĩ|nhân viên";
// "yêu cầu đội ngũ cán bộ, công chức, viên chức, người lao động phải chấp hành …": the staff as a body of people.
const PERSONS_AT = new RegExp(`^(?:(?:tất cả|toàn thể|các)\\s+)?(?:đội ngũ\\s+)?(?:${PERSONS})(?![\\p{L}])`, "u");
// After "đề nghị/yêu cầu" the object is whoever is asked, even when its head noun is not in the lexicon ("đề nghị các
// cơ sở Hội trực thuộc …", "đề nghị Phó Chủ tịch Văn xã UBND 13 phường …", "đề nghị Quý cơ quan …"): a capitalised
// phrase, or a plural ("các", "những", "mỗi", a count) of something that is not an abstract noun (the work asked for),
// or a place by its proper name ("đề nghị xã Hòa Chính cần tiếp tục …"): a place asked is its government. A school
// asks families as it asks parents ("nhà trường đề nghị gia đình tăng cường quản lý học sinh"); only as the one asked:
// "phối hợp với gia đình" names no partner body.
const LOOSE_OBJECT = new RegExp(String.raw`^(?:(?:tất cả|toàn thể)\s+)?(?:(?:các|những|quý|mỗi|từng|\d{1,3})\s+(?!(?:nội dung|biện pháp|giải pháp|hoạt động|nhiệm vụ|công việc|văn bản|thủ tục|hồ sơ|chương trình|kế hoạch|chính sách|quy định|trường hợp|vấn đề|ý kiến|tài liệu|số liệu|thông tin|sản phẩm|mặt hàng|loại|điều kiện|yêu cầu|kiến nghị|bước|khoản|mục|chỉ tiêu|tiêu chí|ngày|tháng|năm|lần|đợt|giờ)(?![\p{L}]))\p{Ll}|(?!(?:Trong|Theo|Tại|Khi|Nếu|Để|Các|Những)\s)\p{Lu}|(?:quý\s+|đội ngũ\s+)?(?:${PERSONS}|gia đình)(?![\p{L}])|(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố)\s+\p{Lu}|lãnh đạo\s+(?=(?:các|xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s|\p{Lu}))`, "u");

const NAMED_PERSON = /^(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+(?:\p{Lu}\p{Ll}*\s+){1,3}\p{Lu}\p{Ll}*\s*(?:[-–,]\s*)?(?=(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng|Chánh|Thủ trưởng|Hiệu trưởng|Chỉ huy trưởng)\s)/u;
// A word that ends a subject and is a verb, not a preposition that may go on a name ("… trong cả nước").
// "theo dõi" (to follow, watch over) is a verb, not the preposition "theo" ("đề nghị quý phụ huynh theo dõi con em …").
const PREPOSITION = /^(?:trong|tại|về|với|cùng|khi|nếu|sau|trước|vào|để|nhằm|đối với|theo(?!\s+dõi)|thì|là|được|không)(?![\p{L}])/u;
const VERB_NEXT = { test: (s: string) => STOP_RE.test(s) && !PREPOSITION.test(s) };

/** The bodies asked after a request verb: a list of known bodies, else a short loose object (see LOOSE_OBJECT). */
function objectAt(rest: string, depth = 0): { names: string[]; end: number } | null {
  const got = listAt(rest) ?? looseObject(rest);
  // "giao cho cán bộ thú y của xã cùng các ông Trưởng, phó các thôn trực tiếp …": "cùng" joins a second object.
  // "đề nghị Nhân dân và yêu cầu các sở, ban, ngành …": a second request verb in the same clause asks more bodies.
  const after = got ? rest.slice(got.end) : "";
  const joint = got && depth < 2 ? /^\s*(?:cùng\s+(?:với\s+)?|,?\s*và\s+(?:đề nghị|yêu cầu|giao)\s+)/u.exec(after) ?? (/\svà\s*$/u.test(rest.slice(0, got.end)) ? /^\s*(?:đề nghị|yêu cầu|giao)\s+/u.exec(after) : null) : null;
  const more = joint ? objectAt(rest.slice(got!.end + joint[0].length), depth + 1) : null;
  return more ? { names: [...got!.names, ...more.names], end: got!.end + joint![0].length + more.end } : got;
}

/** "Giao chỉ tiêu tuyển quân năm 2025 cho Ủy ban nhân dân các huyện": after "giao", the body after "cho" receives the work. */
function givenTo(verb: string, rest: string): { names: string[]; end: number } | null {
  const to = /^giao(?: trách nhiệm)?$/iu.test(verb) ? GIVEN_TO.exec(rest) : null;
  const obj = to ? listAt(rest.slice(to[0].length)) : null;
  // "Giao đất cho hộ gia đình …": households given something are beneficiaries, not bodies given work.
  if (!obj || obj.names.every((n) => /^(?:các\s+)?(?:hộ|nhân dân|người dân|tàu thuyền)(?![\p{L}])/iu.test(n))) return null;
  return { names: obj.names, end: to![0].length + obj.end };
}

// "Giao Phó Thủ tướng Hồ Đức Phớc và các Phó Thủ tướng theo nhiệm vụ được phân công chỉ đạo …", "đề nghị Quý cơ quan theo
// chức năng, nhiệm vụ …": the remit by which those asked act stands between them and their verb.
const BY_REMIT = /^theo\s+(?:đúng\s+)?(?:chức năng|nhiệm vụ|thẩm quyền|lĩnh vực|phạm vi|sự phân công|phân công)(?![\p{L}])/u;

function looseObject(rest: string): { names: string[]; end: number } | null {
  if (!LOOSE_OBJECT.test(rest)) return null;
  const { list, end } = readList(rest);
  const names = splitList(list);
  // The object must end at a verb the lexicon knows (or "cùng" before a second object, or "không" before what it must not
  // do: "yêu cầu giáo viên và phụ huynh không quyên góp"): one that runs on to the end of
  // the sentence is a clause (or text without diacritics), not a name.
  const next = rest.slice(end).replace(/^[\s,]+/u, "");
  // "Lưu ý các bà mẹ: Khi đi tiêm chủng nhớ mang theo …", "Đề nghị phụ huynh: Theo dõi …": after a short object, the
  // colon opens what they are asked (on the same line or in the items below it).
  const colon = /^:\s*(?:\p{Lu}|$)/u.test(next) && names.every((n) => n.split(/\s+/u).length <= 6);
  // A name of more than 12 words is a clause, unless it is a run of short kinds ("toàn thể cán bộ, đảng viên, công chức,
  // viên chức, đoàn viên, hội viên, học sinh"), people by their standing listed one by one.
  const clauseLike = (n: string) => n.split(/\s+/u).length > 12 && n.split(/\s*,\s*/u).some((p) => p.split(/\s+/u).length > 4);
  if (!names.length || list.length > 160 || names.some(clauseLike) || !(VERB_NEXT.test(next) || colon || /^(?:cùng|không)\s/u.test(next) || BY_REMIT.test(next))) return null;
  return { names, end };
}

function listFrom(s: string): { names: string[]; end: number } | null {
  // "Tất cả các trụ sở cơ quan Nhà nước, tổ chức chính trị, … treo cờ": the premises stand for the bodies housed there.
  const premises = /^(?:(?:tất cả|toàn bộ)\s+)?(?:các\s+)?trụ sở\s+(?:làm việc\s+)?(?:của\s+)?(?:các\s+)?(?=\S)/iu.exec(s);
  if (premises) {
    const got = listFrom(s.slice(premises[0].length));
    return got && { names: got.names, end: got.end + premises[0].length };
  }
  if (!bodyHeadAt(s)) return null;
  const { list, end } = readList(s);
  // "Đơn vị nào chưa gửi …", "cơ quan nào …": a condition on whichever body, not a named one.
  if (/^\s*nào(?![\p{L}])/u.test(s.slice(end)) || /(?:^|\s)nào(?:\s|$)/u.test(list)) return null;
  const names = splitList(list);
  return names.length ? { names, end } : null;
}

const DOC_NOUN = "(?:Chỉ thị|Công văn|Công điện|Văn bản|Kế hoạch|Thông báo|Kết luận|Hướng dẫn|Quyết định|Nghị quyết)";
const DOC_SUBJECT = new RegExp(`^${DOC_NOUN}(?:\\s+(?:số\\s*:?\\s*)?[\\p{L}\\d/.&-]*\\d[\\p{L}\\d/.&-]*|\\s+(?:này|trên))?\\s+(?:(?:cũng|đồng thời|nêu rõ|đã|còn)[,\\s]+)*(?=(?:giao|đề nghị|yêu cầu|phân công|lưu ý)[\\s,:])`, "u");
// The issuer's own publishing act: "vừa có công điện", "đã ban hành Công văn số …", "ra văn bản", "có ý kiến chỉ đạo".
const PUBLISHES = new RegExp(`^(?:(?:vừa|đã|mới|cũng|đồng thời)\\s+)*(?:(?:có|ban hành|ra|gửi|ký)\\s+(?:văn bản|${DOC_NOUN.slice(3, -1)}|công điện|ý kiến|điện)|công điện|điện)(?![\\p{L}])`, "iu");
const ANNOUNCES = /^(?:(?:vừa|đã|cũng|xin|trân trọng|kính)\s+)*thông báo(?![\p{L}])(?!\s+(?:đến|tới|cho|để|rộng rãi|công khai)(?![\p{L}]))/iu;
const ANNOUNCED_TO = /\s(?:đến|tới|cho)\s+(?!(?:đến|tới|khi|nên|phép)(?![\p{L}]))/u;
// "giao" asks only as a verb: not in "phòng giao dịch", "an toàn giao thông", "giao lưu", "giao ban".
// "… có công văn giao cho Chủ tịch UBND phường An Khánh xử lý …": the body after "giao cho" is given the work.
const REQUEST_ANYWHERE = /(?:^|[\s,;])(?:(?:trân trọng|kính)\s+)?(đề nghị|yêu cầu|đôn đốc|kính mời|giao(?:\s+cho(?=\s))?(?!\s+(?:dịch|thông|lưu|ban|hữu|thoa|tiếp|kết|hàng|nhận)(?![\p{L}]))|thông báo (?:đến|tới|cho))\s*[,:]?\s+/giu;

/** The first request in an issuer's publishing clause, and whom it asks (its objects, else the recipients "gửi X"). */
function embeddedRequest(after: string): { leads: string[]; verb: string } | null {
  const head = after.slice(0, 600);
  for (const m of head.matchAll(REQUEST_ANYWHERE)) {
    // A full stop before the request: another sentence.
    if (/\.\s+\p{Lu}/u.test(head.slice(0, m.index))) return null;
    const rest = head.slice(m.index + m[0].length);
    const obj = objectAt(rest);
    const sent = /(?:^|\s)gửi(?:\s+(?:đến|tới))?\s+/u.exec(head.slice(0, m.index));
    const to = sent ? listAt(head.slice(sent.index + sent[0].length)) : null;
    // "… công văn khẩn gửi UBND các tỉnh, thành phố …, đề nghị các địa phương chủ động …": the generic addressee is the
    // recipients named just before.
    if (obj && isGeneric(obj.names) && to && !isGeneric(to.names)) return { leads: to.names, verb: verbAfter(rest.slice(obj.end)) };
    if (obj) return { leads: obj.names, verb: verbAfter(rest.slice(obj.end)) };
    if (to) return { leads: to.names, verb: verbAfter(rest) };
  }
  // "Bộ Y tế vừa có công điện gửi UBND các tỉnh … quan tâm chỉ đạo …": the recipients, told what to do. "Ủy ban MTTQ thành
  // phố đã có hướng dẫn các khu dân cư chuẩn bị …": a guidance document directs them as a directive does.
  // "Chủ tịch UBND thành phố vừa ban hành văn bản chỉ đạo UBND các quận, huyện … xây dựng kế hoạch …", "Công an thành
  // phố có công văn chỉ đạo Công an các đơn vị, địa phương … tăng cường …": the document directs them, so they act.
  // Not when the document is named by its number ("ban hành Công văn số 1915/UBND-KTTH chỉ đạo …"): that is the page's
  // naming sentence, and the request follows in its own sentences ("Theo đó, UBND tỉnh yêu cầu …").
  return toldAfter(head, /^[^.;]{0,80}?\sgửi(?:\s+(?:đến|tới))?\s+/u) ?? toldAfter(head, /^(?:(?!số\s*\d)[^.;]){0,80}?\s(?:chỉ đạo|hướng dẫn)\s+/u);
}

/** The bodies right after `marker` (sent to, directed) with the work they are told to do; null without a work verb. */
function toldAfter(head: string, marker: RegExp): { leads: string[]; verb: string } | null {
  const at = marker.exec(head);
  const to = at ? listAt(head.slice(at[0].length)) : null;
  const verb = to ? verbAfter(head.slice(at![0].length + to.end)) : "";
  return to && verb && !/^(?:về|v\/v|kèm|nội dung)/u.test(verb) ? { leads: to.names, verb } : null;
}

const REPORTED = /^[\s\-–+•*]*Theo\s+(?:tờ trình|báo cáo|đề nghị|đề xuất|kiến nghị)(?:\s+(?:của|tại)\s+[^,;.]{1,160})?\s*,/iu;

// "Nếu tổ chức, cá nhân nào cố tình vi phạm, UBND thị xã sẽ xử lý theo quy định", "Nếu để tình trạng … tái diễn, Chủ tịch
// UBND huyện phải chịu hoàn toàn trách nhiệm trước Chủ tịch UBND tỉnh": a warning of what follows a failure, not work
// ("Nếu phát hiện …, các hộ phải báo ngay …" is: a duty on a condition).
const WARNING = /^[\s\-–+•*]*(?:Nếu|Trường h[ợọ]p)(?![\p{L}])[^.;]*?,[^.;,]*?\s(?:sẽ\s+(?:bị\s+)?(?:xem xét\s+)?(?:xử lý|xử phạt|cưỡng chế)|(?:phải\s+|sẽ\s+)?chịu\s+(?:hoàn toàn\s+)?trách nhiệm\s+(?:trước|về)|bị\s+xử lý)(?![\p{L}])/u;

/** "Tại cuộc họp, Phó Chủ tịch kết luận: Giao Sở …": what was said opens the sentence; the request follows the colon. */
const SAID = /^[^:]{0,300}?(?:như sau|như|sau|kết luận|chỉ đạo|nhấn mạnh|lưu ý|ý kiến)\s*:\s*(?=(?:Đề nghị|Yêu cầu|Giao)\s)/u;
const EXECUTES = /^([^.!?]{3,600}?)\s+(?:chịu|có)\s+trách nhiệm\s+(?:tổ chức\s+)?(?:thi hành|thực hiện)\s+(?:Quyết định|Chỉ thị|Nghị quyết|Quy định|Quy chế)\s+(?:này|số)/u;

/** "X, Y và Z chịu trách nhiệm thi hành Quyết định này": a decision's execution clause. */
export function isExecutionClause(sentence: string): boolean {
  return sentence.includes("trách nhiệm") && EXECUTES.test(sentence.replace(/^[\s\-–+•*]+/u, ""));
}

// Steps ask about the same sentences several times (structure, tasks, closings); results are immutable, so memoise.
const LEADS_CACHE = new Map<string, SentenceLeads | null>();

/** The bodies a sentence makes responsible, read at its start (after an opening adverbial clause if any). */
export function leadsOfSentence(sentence: string): SentenceLeads | null {
  if (LEADS_CACHE.has(sentence)) return LEADS_CACHE.get(sentence)!;
  let result = readLeads(sentence);
  // "Theo tờ trình, Ban Nội chính Tỉnh ủy đề xuất …", "Theo báo cáo của UBND huyện, … đã được san gạt": what a body
  // proposed or reported, retold; no one is asked unless the sentence asks.
  if (result && !result.requested && (REPORTED.test(sentence) || WARNING.test(sentence))) result = null;
  if (LEADS_CACHE.size >= 2000) LEADS_CACHE.clear();
  LEADS_CACHE.set(sentence, result);
  return result;
}

function readLeads(sentence: string): SentenceLeads | null {
  // "Công văn nêu rõ: Để …, Ban Thường vụ Huyện ủy đề nghị …": a news lead quoting the document; read the quote.
  // "(Báo Quảng Ngãi)- Ban Thường vụ Tỉnh ủy chỉ đạo …": a news source's tag before the sentence.
  // "* Lưu ý: Các đơn vị phường, xã cần kiểm tra …": a note label before the sentence is not its subject.
  let s = sentence.replace(/^[\s\-–+•*"“”]+/u, "").replace(/^(?:Lưu ý|Chú ý|Ghi chú)\s*:\s*(?=\p{Lu})/u, "").replace(/^(?:\([^()]{2,40}\)|[A-ZĐ][A-ZĐ.]{1,9})\s*[-–]\s*(?=\p{Lu})/u, "").replace(DOC_SAYS, "");
  // "Chủ tịch UBND xã kết luận nội dung phiên họp như sau: Đề nghị cán bộ, công chức xã …": the request after the colon
  // is the work; the chair who concludes is not a lead.
  // "Trước đó, ngày 18.3, tại hội nghị hiệp thương …, Ủy ban MTTQ huyện …": a news report going back to what happened
  // before the dispatch; no one is asked anything there.
  if (/^Trước đó\s*,/u.test(s)) return null;
  // "Mong các trường khác cũng mạnh dạn như vậy” - một phụ huynh viết.": someone's words quoted by a news report.
  if (/[”"]\s*[-–]\s*[^.”"]{2,60}\s(?:viết|nói|chia sẻ|bày tỏ|cho biết|nhận xét)\s*[.!]?\s*$/u.test(s)) return null;
  const duty = dutyLine(s);
  if (duty) return duty;
  // "Giáo viên: Coi thi công bằng …", "b/ Giáo viên:": the standing a roster line or heading gives its duties to.
  const held = holderLabel(s);
  if (held) return { leads: held.holders, requester: [], verb: held.duty ? verbAfter(held.duty.charAt(0).toLowerCase() + held.duty.slice(1)) : "", requested: false };
  // "Thời gian khám bệnh trở lại: Khoa khám bệnh sẽ tổ chức khám …", "Hình thức tổ chức: UBND xã giao cho cán bộ thú y
  // …": a topic label, then a sentence whose subject is a body; the sentence is read (not the addressee or member
  // lines "Kính gửi: …", "Thành phần: …").
  const label = /^([^:;.()\d]{3,60}?)\s*:\s*(?=\p{Lu})/u.exec(s);
  // A place or a member keyed that way ("Thôn Đông: Nhà văn hóa thôn Đông", "Bà Lê Thị C – …: Thành viên") is no topic.
  const keyed = label ? keyedLine(s)?.kind : undefined;
  if (label && keyed !== "place" && keyed !== "member" && !bodyHeadAt(label[1]!) && !NOT_TOPIC.test(label[1]!) && bodyHeadAt(s.slice(label[0].length)) > 0) s = s.slice(label[0].length);
  // "Đối với việc ngừng các hoạt động vui chơi, giải trí trong những ngày Lễ Quốc tang …: Các tổ chức, cá nhân … dừng,
  // hoãn …": a topic too long for a label ("Đối với …:", "Về …:") before the sentence whose subject is a body.
  const topic = s.length > 60 && /^(?:Đối với|Về)\s/u.test(s) ? /^(?:Đối với|Về)\s[^:;.]{3,200}?:\s*(?=\p{Lu})/u.exec(s) : null;
  if (topic && bodyHeadAt(s.slice(topic[0].length)) > 0) s = s.slice(topic[0].length);
  // "Ngày 18/5/2017: Khối trưởng báo cáo kết quả …", "Ngày 31/8 và ngày 04/9 giáo viên đưa các cháu ra sân …": a plan's
  // schedule row opens with its day, then the post that acts.
  const day = DAY_LEAD.exec(s);
  if (day && holderAt(s.slice(day[0].length))) s = s.slice(day[0].length);
  const said = s.includes(":") ? SAID.exec(s) : null;
  if (said) s = s.slice(said[0].length);
  const starts = [0];
  if (OPENER.test(s)) {
    // "Bên cạnh đó UBND tỉnh yêu cầu …", "Theo đó UBND tỉnh giao …": a short linking opener without its comma.
    const link = /^(?:Bên cạnh đó|Theo đó|Trong đó|Đồng thời|Ngoài ra|Mặt khác|Qua đó|Tiếp theo|Trước mắt|Cụ thể|Do đó|Do vậy|Vì vậy|Vì thế|Vậy|Riêng|Song song với đó)\s+(?=\p{Lu}|(?:đề nghị|yêu cầu|giao)\s)/u.exec(s);
    if (link) starts.push(link[0].length);
    // "Bên cạnh đó đoàn xã đã chỉ đạo …": a body written in lower case after the link word.
    const lowLink = link ? null : /^(?:Bên cạnh đó|Theo đó|Trong đó|Đồng thời|Ngoài ra|Mặt khác|Qua đó|Tiếp theo|Do đó|Do vậy|Vì vậy|Vì thế|Riêng|Song song với đó)\s+(?=\p{Ll})/u.exec(s);
    if (lowLink && bodyHeadAt(s.slice(lowLink[0].length)) > 0) starts.push(lowLink[0].length);
    // "Đồng thời, kiểm tra kiểm soát chặt chẽ khu vực cửa khẩu, cảng biển, bưu điện quốc tế …", "Cụ thể, đã có 9 trường
    // THCS …, 10 trường tiểu học …": once a clause with its subject left out has begun after the opener (a verb, "việc",
    // "đã"), its later commas separate the items of a list, not clauses; only a capitalised subject or a request starts
    // one there (or a body in lower case that asks: "…, bộ đề nghị …"). Not inside a purpose clause ("Để chủ động …, đảm bảo an toàn …, Bộ trưởng … yêu cầu …"): its verbs are
    // the purpose's, and the subject still comes.
    let begun = false;
    let purpose = /^(?:Để|Nhằm)(?![\p{L}])/u.test(s);
    const basis = /^(?:Trên cơ sở|Căn cứ|Theo(?!\s+đó))(?![\p{L}])/u.test(s);
    for (let i = s.indexOf(","); i > 0 && i < 600 && starts.length < 10; i = s.indexOf(",", i + 1)) {
      const seg = s.slice(i + 1).trimStart();
      // "Trên cơ sở các Nghị định … về phân cấp, phân quyền, các Bộ, cơ quan ngang Bộ thực hiện rà soát …": after a basis
      // clause (its noun phrase holds commas of its own), a collective under "các" that runs straight into its verb is
      // the subject.
      if (begun && !/^\p{Lu}/u.test(seg) && !REQUEST.test(seg) && !bodyAsksAt(seg) && !(basis && /^các\s/u.test(seg) && subjectAt(seg))) continue;
      starts.push(i + 1);
      purpose ||= /^(?:để|nhằm)(?![\p{L}])/u.test(seg);
      if (!purpose && /^\p{Ll}/u.test(seg) && !ADVERBIAL.test(seg) && !REQUEST.test(seg) && !bodyHeadAt(seg)) begun = true;
    }
    // "Về các lò giết mổ … tại xã Hương Toàn: yêu cầu phòng Quản lý đô thị chủ trì …": a topic label, then the sentence.
    const topic = /^Về\s[^:]{3,400}:\s*/u.exec(s);
    if (topic) starts.push(topic[0].length);
    // "Nếu quá thời hạn nêu trên, các Sở … không gửi ý kiến thì xem như đã thống nhất": the subject of a condition is not
    // asked to do anything; only what follows "thì" may name who acts.
    // "Sau thời hạn nêu trên, nếu bộ, ngành, địa phương chưa có báo cáo thì phải tự chịu trách nhiệm …": so is a
    // condition that opens after the first adverbial.
    const cond = /^(?:Nếu|(?:Trong\s+)?[Tt]rường h[ợọ]p)(?![\p{L}])/u.test(s) ? 0 : starts.find((at) => at > 0 && /^(?:nếu|(?:trong\s+)?trường h[ợọ]p)(?![\p{L}])/u.test(s.slice(at).trimStart()));
    const then = cond !== undefined ? /\sthì\s/u.exec(s.slice(cond)) : null;
    if (then && cond !== undefined) {
      const from = cond + then.index + then[0].length;
      // After a condition met mid-sentence only a capitalised name or a request starts the clause that acts ("… thì Sở
      // Nội vụ tổng hợp …"; not "… thì nhà trường tuyển thêm …", the issuer's own rule).
      const acts = cond === 0 || /^(?:\p{Lu}|(?:đề nghị|yêu cầu|giao)\s)/u.test(s.slice(from));
      starts.splice(1, starts.length, ...starts.slice(1).filter((at) => at < cond || at >= from), ...(acts ? [from] : []));
    }
  }
  // "Chánh Văn phòng UBND Thành phố; Giám đốc Sở Tài chính; Trưởng thuế thành phố Hà Nội, Giám đốc Kho bạc …, Chủ tịch
  // UBND các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này": a decision's
  // execution clause names, up to its verb, only the bodies that carry it out, whatever heads their names.
  const executes = starts.length === 1 && s.includes("trách nhiệm") ? EXECUTES.exec(s) : null;
  if (executes && bodyHeadAt(executes[1]!) > 0 && readList(executes[1]!).end < executes[1]!.trimEnd().length) {
    const leads = splitList(executes[1]!);
    if (leads.length) return { leads, requester: [], verb: "chịu trách nhiệm thi hành", requested: false };
  }
  const found = readFrom(s, starts);
  if (found) return found;
  return readOpened(s, starts) ?? midRequest(s) ?? heldLine(s);
}

/** "Diễn văn khai giảng năm học mới (Đ/c Diễn)": a roster step whose holder stands in parentheses after it. */
function heldLine(s: string): SentenceLeads | null {
  const held = heldInParens(s);
  return held && { leads: held.holders, requester: [], verb: verbAfter(held.duty.charAt(0).toLowerCase() + held.duty.slice(1)), requested: false };
}

/** The rest of readLeads: a sentence with an opener, or without one, read after its semicolons and commas. */
function readOpened(s: string, starts: number[]): SentenceLeads | null {
  // "Thực hiện … (Thông tư 26); Bộ Giáo dục và Đào tạo đề nghị các sở …": after a semicolon only who asks whom counts.
  const opened = starts.length > 1 || OPENER.test(s);
  if (opened && s.includes(";")) {
    const semis: number[] = [];
    for (let i = s.indexOf(";"); i > 0 && i < 600 && semis.length < 5; i = s.indexOf(";", i + 1)) semis.push(i + 1);
    // Only a request is taken after a semicolon: without a request word past the first one, none is read there.
    const asked = semis.length && ISSUER_CUES.test(s.slice(semis[0]!)) ? readFrom(s, semis) : null;
    // "Để đảm bảo trật tự ATGT, thực hiện tốt công tác quản lý …; yêu cầu UBND các xã, thị trấn thực hiện …": a clause
    // that opens on the request verb itself asks whoever follows it, as after a comma.
    const opensAsking = semis.some((at) => REQUEST.test(s.slice(at).trimStart()) && !inRecipients(s, at) && !inPartners(s, at));
    if (asked && asked.requested && (asked.requester.length > 0 || asked.speaker || opensAsking)) return asked;
  }
  if (opened) return null;
  // No opener word, yet a clause after a comma names who asks whom ("(TTV) - Đ ể chủ động …, Bộ Công Thương đề nghị Sở
  // Công Thương …"): only such a request counts there, never a bare list of bodies met mid-sentence.
  const commas: number[] = [];
  for (let i = s.indexOf(","); i > 0 && i < 600 && commas.length < 10; i = s.indexOf(",", i + 1)) commas.push(i + 1);
  // Only a request, or a person running into a duty, is taken from a clause after a comma: a sentence with neither (no
  // request word past its first comma, ISSUER_CUES holding every word a request is read by; no person after a comma)
  // is not read again at each of its commas.
  if (commas.length && !ISSUER_CUES.test(s.slice(commas[0]!)) && !commas.some((at) => personAt(s.slice(at).trimStart()))) return null;
  const late = commas.length ? readFrom(s, commas) : null;
  // "Các nội dung khác liên quan, yêu cầu các địa phương, đơn vị thực hiện …": a clause that opens with the request
  // verb itself asks whoever follows it, whatever the topic phrase before the comma.
  const asks = late && late.requested && late.requester.length === 0 && !late.speaker && commas.some((at) => REQUEST.test(s.slice(at).trimStart()) && !inRecipients(s, at) && !inPartners(s, at));
  if (late && late.requested && (late.requester.length > 0 || late.speaker || asks)) return late;
  // "Cô Trình phụ trách Khối 1 nhận hoa, thầy Ý phụ trách Khối 5 tặng hoa": in a roster, a person after a comma,
  // running into a duty verb, is the subject.
  // Persons only: a post after a comma is as often one more of a list of objects ("Huy động cán bộ, giáo viên, nhân
  // viên … tham gia …").
  const held = late && !late.requested && late.leads.length > 0 && commas.some((at) => personAt(s.slice(at).trimStart())) && late.leads.every((n) => personAt(n)) && late.verb.length > 1 && !BACKGROUND_VERB.test(late.verb) ? late : null;
  return held;
}

// "Kết luận hội nghị đ/c X – Bí thư huyện ủy yêu cầu cấp ủy xã …", "Để đảm bảo … nhà trường kính mong CMHS …", "Trên đây
// là thông báo của UBND xã … yêu cầu các tổ chức, cá nhân … nghiêm túc thực hiện": a request verb in mid-sentence with
// no comma in the sentence before it; whatever precedes is who speaks, and the bodies after it are asked. Not the noun ("theo đề nghị
// của", "đáp ứng yêu cầu", "các yêu cầu"), and not inside a document cited as background ("Căn cứ Công văn … đề nghị …").
const MID_REQUEST = /(?<![\p{L}])(?:đề nghị|yêu cầu|lưu ý|kính mong)\s+/gu;
const REQUEST_NOUN_BEFORE = /(?:^|\s)(?:theo|của|các|những|mọi|là|có|đáp ứng|được|bị|với|về|sự|đúng|và|hoặc|nhiệm vụ|nội dung|khi|nếu|trường hợp|cần|phải|để)\s*$/iu;
const CITED_BACKGROUND = /^(?:Căn cứ|Thực hiện|Theo(?!\s+đó)|Trước đó|Nhận được|Tiếp theo|Qua)(?![\p{L}])/u;
// "Nhận được thông báo này yêu cầu Hiệu trưởng các trường …": on receiving THIS document, its readers are asked (not a
// document cited as background, "Nhận được Công văn số … của Sở …, đề nghị …").
const ON_RECEIVING_THIS = new RegExp(`^Nhận được\\s+${DOC_NOUN}\\s+này(?![\\p{L}])`, "iu");
function midRequest(s: string): SentenceLeads | null {
  if (CITED_BACKGROUND.test(s) && !ON_RECEIVING_THIS.test(s)) return null;
  for (const m of s.slice(0, 400).matchAll(MID_REQUEST)) {
    const before = s.slice(0, m.index);
    if (m.index === 0 || REQUEST_NOUN_BEFORE.test(before) || /[,;:]/u.test(before)) return null;
    const req = REQUEST.exec(s.slice(m.index));
    const rest = req ? s.slice(m.index + req[0].length) : "";
    if (!req || /^của(?![\p{L}])/u.test(rest)) continue;
    const obj = objectAt(rest);
    const verb = obj ? verbAfter(rest.slice(obj.end)) : "";
    if (obj && verb) return { leads: obj.names, requester: [], speaker: before.trim().split(/\s+/u).slice(-8).join(" "), verb, requested: true };
  }
  return null;
}

// "… để Bộ Y tế biết, thực hiện./.", "… tới toàn thể nhân dân trong xã biết và thực hiện.": what a closing asks of its
// addressees, nothing beyond carrying out what was said.
export const KNOW_AND_DO = /^\s*(?:(?:được\s+)?biết\s*(?:[,;]|và)?\s*)?(?:(?:phối hợp|tổ chức|triển khai|cùng)\s+)?(?:thực hiện|hưởng(?: ứng)?|chấp hành)?\s*[./]*\s*$/u;

// "key: holder" lines — rosters, venue lists, memberships — are told apart here, in one place, by what their key is:
// - a duty: the work, then after its colon only the body that does it ("Trang trí, thu dọn lễ đài: Đoàn thanh niên.",
//   "Kê, dọn bàn ghế: Chi đội 9A1. (GVCN …)");
// - a place: where something happens, keyed by the place it serves ("Ấp Hưng Bình: Trường THCS Nguyễn Thượng Hiền.",
//   "Toàn xã: Trụ sở HĐND - UBND xã", "Tại khu vực cư trú: Nhà văn hóa …") or naming a venue as what the key gets
//   ("Điểm 2: Hội trường UBND xã"); a school or a hall named there is the venue, not a body given work;
// - a member: who sits on a board, in which seat ("Ông Trần Văn B – Phó Chủ tịch UBND xã: Phó Trưởng ban.");
// - a label of information or of the header ("Thời gian: …", "Kính gửi: …", "Thành phần: …").
const DUTY = /^([^:;.()]{2,60}?)\s*:\s*/u;
const NOT_DUTY =
  /^(?:kính\s*gửi|đồng kính gửi|nơi nhận|thời gian|địa điểm|thành phần|đại biểu|đại diện|thư ký|chủ trì|phối hợp|cơ quan|đơn vị|người|nguồn|tác giả|số|ngày|v\/v|về việc|trích yếu|lĩnh vực|loại|chủ đề|liên hệ|địa chỉ|điện thoại|email|website|lưu|tm|kt|ban hành|hiệu lực|trưởng|phó|thành viên|ủy viên|uỷ viên|tổ trưởng|tổ phó|khách mời|mời|gồm|căn cứ|lưu ý|chú ý|ghi chú|yêu cầu|mục đích|nội dung|hình thức|đối tượng|phạm vi|kinh phí|trực(?=\s*$)|chỉ tiêu|định mức|số lượng)(?![\p{L}])/iu;
const NOT_TOPIC =
  /^(?:địa điểm|địa chỉ|nơi (?:tổ chức|nhận|nộp|tiếp nhận)|kính\s*gửi|đồng kính gửi|nơi nhận|thành phần|đại biểu|đại diện|thư ký|chủ trì|phối hợp|cơ quan|đơn vị|người|nguồn|tác giả|số|v\/v|về việc|trích yếu|trưởng|phó|thành viên|ủy viên|uỷ viên|tổ trưởng|tổ phó|khách mời|mời|gồm|đối tượng|trực)(?![\p{L}])/iu;
// A place key: a locative or scope word ("Tại …", "Ở …", "Toàn xã", "Nơi niêm yết"), or the kind of a place with its
// proper name ("Ấp Hưng Bình", "Thôn Đông", "Khu phố Tân Hòa"); a duty's key is work, written in lower case.
const PLACE_WORD = /^(?:tại|ở|toàn|cả|nơi|khu vực|điểm|địa bàn)(?![\p{L}])/iu;
const PLACE_NAMED = /^(?:[ẤấAa]p|[Tt]hôn|[Xx]óm|[Bb]ản|[Bb]uôn|[Ll]àng|[Ss]óc|[Kk]hu phố|[Tt]ổ dân phố|[Kk]hu dân cư|[Kk]hu|[Xx]ã|[Pp]hường|[Tt]hị trấn|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố|[Tt]ỉnh|[Cc]ụm|[Đđ]iểm trường)\s+\p{Lu}/u;
// What a venue list gives each key: a building or ground, not a body.
const VENUE = /^(?:trụ sở|hội trường|nhà văn h(?:óa|oá)|nhà sinh hoạt|nhà thi đấu|nhà truyền thống|sân|phòng họp|khuôn viên|điểm)(?![\p{L}])/iu;
// A person by honorific and name, and the seat a member holds on a board, council or team (the whole holder: "Thường
// trực HĐND xã" after "Thành phần:" is a body).
const PERSON_KEY = /^(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí|[Đđ]\/c|[Aa]nh|[Cc]hị|[Tt]hầy|[Cc]ô)\s+\p{Lu}/u;
const SEAT = /^(?:(?:phó\s+)?(?:trưởng|phó)\s+(?:ban|đoàn|tiểu ban|tổ|nhóm|khối)(?:\s+thường trực)?|thành viên|ủy viên|uỷ viên|thư ký|tổ trưởng|tổ phó|(?:phó\s+)?chủ tịch hội đồng|(?:phó\s+)?chủ nhiệm|thường trực|chỉ huy (?:trưởng|phó)|trưởng|phó)(?![\p{L}])\s*(?:[.;,(]|kiêm\s|$)/iu;

export type KeyedLineKind = "duty" | "place" | "member" | "label";
/** What a "key: holder" line is; null when the line has no such key. */
export function keyedLine(s: string): { kind: KeyedLineKind; key: string; holder: string } | null {
  const m = DUTY.exec(s);
  if (!m) return null;
  const key = m[1]!.trim();
  const holder = s.slice(m[0].length);
  const kind: KeyedLineKind =
    PERSON_KEY.test(key) || SEAT.test(holder) ? "member"
    : PLACE_WORD.test(key) || PLACE_NAMED.test(key) || VENUE.test(holder) ? "place"
    : NOT_DUTY.test(key) || bodyHeadAt(key) || /^\p{Lu}{2,}/u.test(key) || key.split(/\s+/u).length > 12 ? "label"
    : "duty";
  return { kind, key, holder };
}

// "Chuẩn bị hoa …: Do cô Mai Thị Duyên và thầy Trần Công Mẫn phụ trách.": the holders as the agent of "do", the duty
// verb closing the line.
const BY = /^\s*[Dd]o\s+/u;
const TAKES_CHARGE = /^\s*(?:phụ trách|thực hiện|đảm nhận|đảm nhiệm|chịu trách nhiệm|chuẩn bị)(?![\p{L}])/u;
function dutyLine(s: string): SentenceLeads | null {
  const line = keyedLine(s);
  if (line?.kind !== "duty") return null;
  let rest = line.holder;
  const by = BY.exec(rest);
  if (by) rest = rest.slice(by[0].length);
  const got = listAt(rest);
  let after = got ? rest.slice(got.end) : "";
  const charge = by ? TAKES_CHARGE.exec(after) : null;
  if (charge) after = after.slice(charge[0].length);
  // A line may go on after the holder's full stop ("Thầy Tùng. Tiết mục cô Ngọc Hà tự chuẩn bị.").
  if (!got || (by && !charge) || !/^\s*(?:[.;]?\s*(?:\([^()]*\)\s*[.;]?\s*)*$|\.\s+\p{Lu})/u.test(after)) return null;
  return { leads: got.names, requester: [], verb: line.key.toLowerCase(), requested: false };
}

/**
 * "Sở Tài nguyên và Môi trường đôn đốc các sở, ngành liên quan; Uỷ ban nhân dân thành phố và các huyện khẩn trương …":
 * a clause that ends in the bodies a directing verb acts on, at ";", goes on listing them after it.
 */
export function endsInDirectedList(clause: string): boolean {
  const m = /(?:^|\s)(?:đôn đốc|chỉ đạo|hướng dẫn)\s+([^;]{2,200});\s*$/u.exec(clause);
  const got = m ? listAt(m[1]!) : null;
  return got !== null && m![1]!.slice(got.end).trim() === "";
}

// "Trên cơ sở … báo cáo của các cơ quan, đơn vị, Sở Kế hoạch và Đầu tư chủ trì, phối hợp …": a body that takes the lead
// ("chủ trì", "có trách nhiệm") is the subject of the main clause, never one more of the bodies listed before it.
const CLAUSE_ASKS = /^\s*\p{Lu}[^,;:.]{0,100}?\s(?:(?:(?:cũng|đã|vừa|trân trọng|kính)\s+)*(?:đề nghị|yêu cầu)(?:[\s,]|:\s*$)|(?:chủ trì|có trách nhiệm|chịu trách nhiệm)[\s,])/u;

// "… thực hiện Công điện số 398/CĐ-TTg của Thủ tướng Chính phủ, bộ đề nghị giám đốc các sở …": a body, in whatever
// case, that runs straight into a request verb after a comma is the subject asking, not one more author or recipient.
const ASKS_NEXT = /^\s*(?:(?:cũng|đã|vừa|trân trọng|kính)\s+)*(?:đề nghị|yêu cầu)(?:[\s,]|:\s*$)/u;
function bodyAsksAt(rest: string): boolean {
  const t = rest.trimStart();
  // Most clauses ask no one: look for the verb before reading a list.
  const near = t.slice(0, 520);
  if ((!near.includes("đề nghị") && !near.includes("yêu cầu")) || !bodyHeadAt(t)) return false;
  const { list, end } = readList(t);
  return !/[,;]/u.test(list) && ASKS_NEXT.test(t.slice(end));
}

function subjectAt(rest: string): boolean {
  const t = rest.trimStart();
  // A lower-case kind ("…của các cơ quan, đơn vị, Sở …") goes on with the collective before the comma.
  if (!bodyHeadAt(t) || (/^\p{Ll}/u.test(t) && !/^(?:các|tất cả|toàn thể)\s/u.test(t))) return false;
  const { list, end } = readList(t);
  // Not one that runs on through another "của" (still the authors' list) or ends on "và" (a noun follows).
  return VERB_NEXT.test(t.slice(end).trimStart()) && !/^\s*[,;]/u.test(t.slice(end)) && !/\svà\s*$/u.test(t.slice(0, end)) && !/\scủa\s/u.test(list);
}

function readFrom(s: string, starts: number[]): SentenceLeads | null {
  for (const at of starts) {
    // "… tham mưu UBND tỉnh gửi Bộ Công thương, Sở Công thương đề nghị các cơ quan …": a clause whose subject asks is
    // the main clause, not more of the recipients before it.
    // A start inside the authors' list ("Theo chỉ đạo của Chủ tịch UBND huyện, UBND các xã, thị trấn phối hợp …") is the
    // main clause's subject when a list read there runs straight into its verb.
    if (at > 0 && (inRecipients(s, at) || inPartners(s, at) || (inOwners(s, at) && !subjectAt(s.slice(at))) || inAsked(s, at)) && !CLAUSE_ASKS.test(s.slice(at, at + 200)) && !bodyAsksAt(s.slice(at, at + 200))) continue;
    // "đồng chí Trần Thị Phương Mai - Chủ tịch Hội LHPN quận đề nghị …": the person's name before the title of the body
    // they head asks as the title and body do when no name is given (only a request: a named official chairing a meeting
    // is the news, not work).
    // "…, ngày 25/6/2008 Thống đốc … có công văn …": the date a body acted on, before its name.
    const whole = s.slice(at).trimStart().replace(/^ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s*,?\s*(?=\p{Lu})/u, "");
    const unnamed = whole.replace(NAMED_PERSON, "");
    const part = unnamed !== whole && CLAUSE_ASKS.test(unnamed.slice(0, 200)) ? unnamed : whole;
    // "Thứ trưởng Trương Thanh Hoài yêu cầu Cục …", "Phó Thủ tướng Trần Hồng Hà đề nghị …": one who speaks for a body
    // asks before any list of bodies is read in the phrase.
    const spokesman = askerRequest(part, true);
    if (spokesman) return spokesman;
    // "Thủ tướng Nguyễn Tấn Dũng đã có công điện yêu cầu các bộ, ngành …": a named official's publishing act carries the
    // request, as a body's does.
    const official = PERSON_PUBLISHES.exec(part);
    if (official && PUBLISHES.test(part.slice(official[0].length))) {
      const req = embeddedRequest(part.slice(official[0].length));
      if (req) return { leads: req.leads, requester: [official[1]!.trim()], verb: req.verb, requested: true };
    }
    // "TP cũng đề nghị các cơ quan …", "Theo đó, huyện yêu cầu UBND các xã …": the place speaking for its government.
    const place = PLACE_ASKS.exec(part);
    if (place) {
      const rest = part.slice(place[0].length);
      const inner = REQUEST.exec(rest);
      const obj = inner ? objectAt(rest.slice(inner[0].length)) : null;
      if (inner && obj) return { leads: obj.names, requester: [place[1]!], verb: verbAfter(rest.slice(inner[0].length + obj.end)), requested: true };
    }
    const req = REQUEST.exec(part);
    if (req) {
      const got = objectAt(part.slice(req[0].length));
      if (got) return { leads: got.names, requester: [], verb: verbAfter(part.slice(req[0].length + got.end)), requested: true };
      // "Giao chỉ tiêu tuyển quân năm 2025 cho Ủy ban nhân dân các huyện": the body after "cho" receives the work.
      const given = givenTo(req[1]!, part.slice(req[0].length));
      if (given) return { leads: given.names, requester: [], verb: "giao", requested: true };
      if (at === 0) return null;
      continue;
    }
    // A heading "Đối với Ban Thường vụ Huyện ủy Tân Sơn": the body the block below is addressed to.
    const towards = /^(?:Riêng\s+)?(?:Đối với|Với)\s+/u.exec(part);
    if (towards && at === 0) {
      const got = listAt(part.slice(towards[0].length)) ?? concernedAt(part.slice(towards[0].length));
      const rest = got ? part.slice(towards[0].length + got.end) : "";
      if (got && /^[\s:.]*$/u.test(rest) && /^Đối/u.test(part)) return { leads: got.names, requester: [], verb: "", requested: false };
      // "Đối với các cơ sở giáo dục công lập: Thực hiện theo Nghị quyết …", "3.1. Đối với cá nhân: Thu, nộp một lần trước
      // ngày 30/7": whom the item concerns, then after its colon the work they do, opening with its verb.
      const work = got ? /^\s*:\s*(?=\p{Lu})/u.exec(rest) : null;
      const verb = work ? rest.slice(work[0].length) : "";
      const lowered = verb.charAt(0).toLowerCase() + verb.slice(1);
      if (got && work && /^Đối/u.test(part) && !bodyHeadAt(verb) && (VERB_NEXT.test(lowered) || /^(?:thu|đóng|chi trả)(?![\p{L}])/u.test(lowered)))
        return { leads: got.names, requester: [], verb: verbAfter(lowered), requested: false };
      // "Đối với UBND các huyện, thành, thị cần xây dựng kế hoạch …", "Với các trường tổ chức bán trú, cần đặc biệt quan
      // tâm …": the clause after the topic has no subject of its own, so the bodies of the topic do the work. With a
      // subject or a request of its own ("Đối với các xã …, UBND xã chủ động …"), the comma starts below read it.
      // "Đối với các cơ quan, đơn vị, 12 thôn: Thường xuyên tổ chức …": after the topic's colon the work may open with a
      // capital.
      const clause = rest.replace(/^\s*[,:]?\s*(?:thì\s+)?/u, "").replace(/^\p{Lu}(?=\p{Ll})/u, (c) => (/^\s*:/u.test(rest) ? c.toLowerCase() : c));
      // "Đối với các xã có nguy cơ cao, UBND xã chủ động …": a capitalised body after the lower-case topic is the subject.
      const last = got ? got.names[got.names.length - 1]! : "";
      const subjectAfter = got !== null && got.names.length > 1 && /^\p{Lu}/u.test(last) && !/^\p{Lu}/u.test(got.names[0]!);
      if (got && !subjectAfter && VERB_NEXT.test(clause) && !/^[^,.;]{0,30}:/u.test(clause) && !REQUEST.test(clause) && !bodyHeadAt(clause) && !/^(?:(?:sẽ|đã|vẫn)\s+)?(?:bị|được|là|có|không)(?![\p{L}])/u.test(clause))
        return { leads: got.names, requester: [], verb: verbAfter(clause), requested: false };
    }
    // "Chỉ thị yêu cầu …", "Công điện số 14/CĐ-UBND nêu rõ, yêu cầu …": the document itself makes the request.
    const doc = DOC_SUBJECT.exec(part);
    if (doc) {
      const inner = REQUEST.exec(part.slice(doc[0].length));
      const obj = inner ? objectAt(part.slice(doc[0].length + inner[0].length)) : null;
      if (inner && obj) return { leads: obj.names, requester: [], verb: verbAfter(part.slice(doc[0].length + inner[0].length + obj.end)), requested: true };
    }
    let got = listAt(part);
    if (!got) {
      const asked = askerRequest(part, false);
      if (asked) return asked;
      continue;
    }
    // "Đơn vị duy trì vệ sinh môi trường trên địa bàn Quận có trách nhiệm …": a generic head described by what it does,
    // up to the duty that makes it the subject, names one body.
    const described = got.names.length === 1 && isGeneric(got.names) ? /^([^,.;:()]{3,100}?)\s+(?=(?:có|chịu) trách nhiệm\s)/u.exec(part) : null;
    if (described) got = { names: [described[1]!.trim()], end: described[0].length };
    // "UBND tỉnh cũng đề nghị …", "Sở Y tế trân trọng đề nghị …": an adverb between the requester and its request.
    // "UBND thành phố đã giao Sở Nội vụ chủ trì …", "UBND tỉnh đã yêu cầu …": a news report tells the request in the past.
    // "Chủ tịch UBND tỉnh này yêu cầu …" in a news report: the demonstrative points back at the body just named.
    const after = part.slice(got.end).trimStart().replace(/^này\s+(?=\p{Ll})/u, "").replace(/^(?:(?:cũng|đồng thời|còn|vừa|đã|tiếp tục|trân trọng|kính|thông báo(?:\s+và|\s*,)?)\s+)+(?=(?:giao|đề nghị|yêu cầu|phân công|mời|lưu ý)[\s,:])/iu, "");
    // "…, Chủ tịch UBND huyện yêu cầu:" before the items: the body speaking, whom it asks comes below.
    if (/^(?:đề nghị|yêu cầu|giao)\s*:\s*$/iu.test(after)) return { leads: [], requester: got.names, verb: "", requested: true };
    const inner = REQUEST.exec(after);
    if (inner) {
      const obj = objectAt(after.slice(inner[0].length));
      // "Thủ trưởng các cơ quan …, Chủ tịch UBND các xã và đề nghị các cơ quan của tỉnh … thực hiện …": the bodies before
      // "và đề nghị" are told to do the same work, not the ones asking.
      const alsoLeads = /\svà\s*$/u.test(part.slice(0, got.end + (part.slice(got.end).length - part.slice(got.end).trimStart().length)) + " ") || /(?:^|\s)và$/u.test(got.names[got.names.length - 1] ?? "");
      if (obj && alsoLeads) return { leads: [...got.names.map((n) => n.replace(/\s+và$/u, "")), ...obj.names], requester: [], verb: verbAfter(after.slice(inner[0].length + obj.end)), requested: true };
      // "UBND các huyện, thị xã, thành phố yêu cầu UBND xã, phường, thị trấn thực hiện …": a collective is never the
      // issuer making a request; it is told to require it of the bodies under it, so it leads.
      if (obj && got.names.every((n) => PLURAL.test(n))) return { leads: got.names, requester: [], verb: inner[1]!.toLowerCase(), requested: false };
      if (obj) return { leads: obj.names, requester: got.names, verb: verbAfter(after.slice(inner[0].length + obj.end)), requested: true };
      // "UBND thị xã cũng giao nhiệm vụ cụ thể cho các đơn vị liên quan …": the work first, then whom it is given to.
      const given = givenTo(inner[1]!, after.slice(inner[0].length));
      if (given) return { leads: given.names, requester: got.names, verb: verbAfter(after.slice(inner[0].length + given.end)), requested: true };
    }
    // "Văn phòng Thường trực Ban chỉ đạo Quốc gia về phòng, chống thiên tai đề nghị Ban chỉ huy …", "Ban Chỉ đạo (BCĐ) bảo
    // vệ nền tảng … (gọi tắt là Ban Chỉ đạo 35 tỉnh) yêu cầu các thành viên …": a board's name goes on past where the
    // lexicon stops reading it (its field after "về", an alias in brackets) and runs straight into the request verb; the
    // whole is who asks, and those after the verb are asked.
    const runsOn = /^(?:về\s|\()/u.test(after) || after.includes("gọi") ? NAME_RUNS_ON.exec(after) : null;
    const onward = runsOn ? REQUEST.exec(after.slice(runsOn[0].length)) : null;
    const onwardObj = onward ? objectAt(after.slice(runsOn![0].length + onward[0].length)) : null;
    if (onwardObj) {
      const whole = part.slice(0, part.length - after.length) + runsOn![0];
      return { leads: onwardObj.names, requester: [whole.replace(/\s+(?:(?:cũng|đã|vừa|trân trọng|kính)\s+)*$/u, "").trim()], verb: verbAfter(after.slice(runsOn![0].length + onward![0].length + onwardObj.end)), requested: true };
    }
    // "Bộ Y tế vừa có công điện gửi UBND các tỉnh … đề nghị …", "Ban Thường vụ Thành ủy có Công văn số … yêu cầu các
    // cấp ủy …": the issuer's background clause carries the request; its objects (or the recipients) are the leads.
    // "UBND tỉnh thông báo đến tất cả các trụ sở …": the notice's addressees act on it.
    const notice = /^(?:(?:vừa|đã|cũng)\s+)*thông báo\s+(?:đến|tới|cho|để)\s+/iu.exec(after);
    // "… thông báo để Bộ Y tế biết, thực hiện./." closes a letter (KNOW_AND_DO); "… thông báo để các hộ biết và chủ
    // động nộp" asks them for work of their own.
    const toldList = notice ? listAt(after.slice(notice[0].length)) : null;
    // "Sở Y tế thông báo cho các cơ sở khám bệnh thực hiện." still asks them; only "để X thực hiện" or "X biết …" closes.
    const toldRest = toldList ? after.slice(notice![0].length + toldList.end) : "";
    const onlyKnow = toldList !== null && KNOW_AND_DO.test(toldRest) && (/để\s+$/u.test(notice![0]) || /biết/u.test(toldRest));
    // "… thông báo đến toàn thể cán bộ, công chức … lịch nghỉ Tết …": what the addressees are told, a noun, informs them;
    // they act only where their list runs into a verb (or into "về việc", the matter the notice gives them).
    // "… thông báo đến X được biết và có phối hợp thực hiện …" asks them too (a closing "… được biết và quan tâm, thực
    // hiện" after the work is a restatement, told apart where tasks are built).
    const toldActs = VERB_NEXT.test(toldRest.trimStart()) || /^\s*về việc\s/u.test(toldRest) || /^\s*(?:được\s+)?(?:biết|rõ)(?![\p{L}])/u.test(toldRest);
    const told = onlyKnow || !toldActs ? null : toldList;
    if (told) return { leads: told.names, requester: got.names, verb: verbAfter(after.slice(notice![0].length + told.end)), requested: true };
    // "Tỉnh ủy Quảng Ngãi cho biết, đã ban hành công văn yêu cầu …": the body reporting its own publishing act.
    const told2 = /^cho biết\s*,?\s*/u.exec(after);
    if (told2 && PUBLISHES.test(after.slice(told2[0].length))) {
      const req = embeddedRequest(after.slice(told2[0].length));
      if (req) return { leads: req.leads, requester: got.names, verb: req.verb, requested: true };
    }
    // "Sở Nội vụ giới thiệu toàn văn Văn bản số …", "Báo Hà Giang trân trọng đăng toàn văn Công điện": a portal publishing
    // the text, like "ban hành".
    if (/^(?:trân trọng\s+)?(?:giới thiệu|đăng(?:\s+tải)?)\s+toàn văn/iu.test(after)) return { leads: got.names, requester: [], verb: "ban hành", requested: false };
    if (PUBLISHES.test(after)) {
      const req = embeddedRequest(after);
      if (req) return { leads: req.leads, requester: got.names, verb: req.verb, requested: true };
    }
    // "Phòng Kinh tế … gửi biểu cơ cấu giống … cho các ban, ngành, đoàn thể … nắm bắt và triển khai thực hiện": material
    // sent to bodies for them to carry out asks them (not a report sent to whom it informs: "gửi báo cáo cho UBND tỉnh").
    const sends = after.startsWith("gửi ") ? SENT_TO_CARRY_OUT.exec(after) : null;
    const sentTo = sends ? listAt(after.slice(sends[0].length)) : null;
    if (sentTo && CARRY_OUT.test(after.slice(sends![0].length + sentTo.end))) return { leads: sentTo.names, requester: got.names, verb: verbAfter(after.slice(sends![0].length + sentTo.end)), requested: true };
    // "UBND các xã … được đề nghị phối hợp …", "Sở Tài chính được giao chủ trì …": asked, in the passive; "Phòng Văn
    // hóa và Thông tin huyện là cơ quan chủ trì, thường xuyên kiểm tra …", "Sở Y tế là cơ quan chịu trách nhiệm chính chỉ
    // đạo …": named the lead.
    const passive = /^(?:(?:cũng|đã|vừa|sẽ)\s+)*(?:được\s+(?:đề nghị|giao(?:\s+nhiệm vụ)?|yêu cầu)|là\s+(?:cơ quan|đơn vị)\s+(?:chủ trì|đầu mối|thường trực|được giao(?:\s+nhiệm vụ)?|(?:có|chịu)\s+trách nhiệm(?:\s+chính)?))(?![\p{L}])\s*,?\s*/iu.exec(after);
    // The body is the sentence's subject doing the work, as in "X phối hợp …" (a later sentence about it is a new task).
    if (passive) return { leads: got.names, requester: [], verb: verbAfter(after.slice(passive[0].length)) || passive[0].trim(), requested: false };
    // "UBND tỉnh chuyển đơn, yêu cầu Chủ tịch UBND huyện Lập Thạch khẩn trương …", "BHXH Việt Nam xây dựng chỉ tiêu
    // thống kê … và yêu cầu BHXH các tỉnh, thành phố thực hiện": a body that asks, after what it does itself in the same
    // clause, is the requester; those it asks lead (guide: "X đề nghị/yêu cầu" starts a task for the bodies asked).
    const near = after.slice(0, 260);
    const later = (near.includes("yêu cầu") || near.includes("đề nghị") || near.includes("giao")) && got.names.every((n) => !PLURAL.test(n)) ? LATER_REQUEST.exec(after) : null;
    const laterObj = later ? objectAt(after.slice(later[0].length)) : null;
    const laterVerb = laterObj ? verbAfter(after.slice(later![0].length + laterObj.end)) : "";
    if (laterObj && laterVerb && !isGeneric(laterObj.names)) return { leads: laterObj.names, requester: got.names, verb: laterVerb, requested: true };
    const directs = /^(?:(?:đã|vừa|cũng|tiếp tục)\s+)*chỉ đạo\s+/iu.exec(after);
    const directed = directs ? listAt(after.slice(directs[0].length)) : null;
    if (directed) return { leads: got.names, requester: [], verb: verbAfter(after), requested: false, directed: directed.names };
    // "Sở Văn hóa và Thể thao thông báo treo cờ Tổ quốc như sau:", "Ủy ban nhân dân xã Sơn Vĩ thông báo tạm dừng … chợ
    // phiên …": one body announcing, to no one named, is the notice's author speaking (its addressees, when named —
    // "thông báo đến/cho X" — are asked above); a collective ("Các trường thông báo …") is told to announce.
    if (ANNOUNCES.test(after) && !ANNOUNCED_TO.test(after.split(/[.;:]/u)[0]!) && !got.names.some((n) => /(?:^|\s)các\s/iu.test(n)))
      return { leads: got.names, requester: [], verb: "ban hành", requested: false };
    return { leads: got.names, requester: [], verb: verbAfter(after), requested: false };
  }
  return null;
}

const SENT_TO_CARRY_OUT = /^gửi\s[^.;:]{1,160}?\s(?:cho|đến|tới)\s+/u;
const CARRY_OUT = /^\s*(?:(?:nắm bắt|biết)\s*(?:,|và)\s*)?(?:triển khai|tổ chức thực hiện|thực hiện)(?![\p{L}])/u;

// A collective ("UBND các huyện", "Các Sở …"), not a proper name that holds the word ("Đoàn Khối Các cơ quan thành phố").
const PLURAL = /(?:^[Cc]|\sc)ác\s/u;

// A name read on past the lexicon up to a request verb: no sentence or clause break, and the verb right after a word.
// The alias a long name is given in brackets ("(gọi tắt là …)", "(sau đây gọi là …)") closes it, wherever it starts.
const NAME_RUNS_ON = /^(?:(?:về\s|\()[^.;:!?]{2,200}?[^\s,]|[^.;:!?]{2,300}?\((?:sau đây\s+)?gọi (?:tắt )?là\s[^()]{1,80}\))\s+(?:(?:cũng|đã|vừa|trân trọng|kính)\s+)*(?=(?:đề nghị|yêu cầu|giao)\s)/u;

// The request verb later in the subject's own clause, after its own work (", yêu cầu", " và đề nghị", "đồng ý, giao cho
// …"); not past a clause boundary, and not the noun ("theo yêu cầu", "các đề nghị").
const LATER_REQUEST = /^[^.;:!?]{3,200}?(?:,\s*|\s+và\s+)(?:đồng thời\s+)?(?:(?:trân trọng|kính)\s+)?(?:yêu cầu|đề nghị|giao(?:\s+cho)?)\s+/u;

// Someone who is not read as a body asks: one who speaks for a body (SPEAKS_FOR: the requester), or, when no body can
// be read at the start, whoever else speaks ("Theo đó, …, bộ đề nghị giám đốc các sở GD&ĐT …", "Nhà trường yêu cầu
// Thủ trưởng các đơn vị …": the issuer by its kind, named by a phrase the lexicon does not read as a body). The bodies
// after the request verb are asked all the same. A bare phrase is a subject only: no clause words ("nếu", "để", "cần",
// …) and no verb of its own before the request.
const ASKER = /^([^,;:.()“”"!?]{2,80}?)\s+(?:(?:cũng|đã|vừa|còn|đồng thời|tiếp tục|trân trọng)\s+)*(?=(?:đề nghị|yêu cầu|giao|lưu ý|kính mong)[\s,:])/u;
const NOT_ASKER = /(?:^|\s)(?:thì|nếu|khi|để|không|chưa|được|bị|là|có|cần|phải|sẽ|đang|và|hoặc|với|theo|trong|tại|sau|trước|về|đối với|thực hiện|tổ chức|báo cáo)(?:\s|$)/iu;
/** A request by someone not read as a body; `spokesmanOnly` (tried before any list of bodies is read): SPEAKS_FOR only. */
function askerRequest(part: string, spokesmanOnly: boolean): SentenceLeads | null {
  const m = ASKER.exec(part);
  if (!m) return null;
  const who = m[1]!.trim();
  const speaks = SPEAKS_FOR.exec(who);
  if (!speaks && (spokesmanOnly || who.split(/\s+/u).length > 10 || NOT_ASKER.test(who) || OPENER.test(who))) return null;
  const rest = part.slice(m[0].length);
  const inner = REQUEST.exec(rest);
  const obj = inner ? objectAt(rest.slice(inner[0].length)) : null;
  if (!obj) return null;
  const verb = verbAfter(rest.slice(inner![0].length + obj.end));
  return speaks ? { leads: obj.names, requester: [speaks[1] ?? speaks[2]!], verb, requested: true } : { leads: obj.names, requester: [], speaker: who, verb, requested: true };
}

// "Đối với cá nhân: …", "Đối với hộ gia đình: …": people or organisations by kind, with no "các" before them, as the
// topic of an item; the lexicon reads these kinds as a body only after "các".
const CONCERNED = /^((?:cá nhân|tổ chức|hộ gia đình|hộ kinh doanh|doanh nghiệp|người lao động|người dân)(?:\s+[^\s:;,.()]+){0,8}?)\s*(?=:)/u;
function concernedAt(s: string): { names: string[]; end: number } | null {
  const m = CONCERNED.exec(s);
  return m ? { names: [m[1]!], end: m[0].length } : null;
}

// "… định kỳ báo cáo Ban Thường vụ Thành ủy (qua …), UBND Thành phố (qua …) kết quả": whom a report goes to, never
// who does the work (annotation guide: "gửi về X" and report recipients are not assignees).
const REPORT_TO = /(?<![\p{L}])(?:báo cáo(?:\s+(?:về|lên|cho|với))?|gửi(?:\s+(?:về|đến|tới|cho|lên))?)\s+/giu;

// The checks below ask, for every clause start of a sentence, where the list read after each marker before it ends: the
// same lists again and again. Kept for the sentence last asked about (offset → end of the list there, -1 for none).
let endsOf = "";
const LIST_ENDS = new Map<number, number>();
/** Where the list of bodies read at `from` in `s` ends (-1: no body there); `cap`: read within 600 characters. */
function listEndAt(s: string, from: number, cap: boolean): number {
  if (s !== endsOf) {
    endsOf = s;
    LIST_ENDS.clear();
  }
  const key = cap ? from : -1 - from;
  let end = LIST_ENDS.get(key);
  if (end === undefined) {
    const tail = cap ? s.slice(from, from + 600) : s.slice(from);
    end = bodyHeadAt(tail) > 0 ? from + readList(tail).end : -1;
    LIST_ENDS.set(key, end);
  }
  return end;
}

/** A clause start at `at` (after a comma) that lies inside the list of bodies a report is sent to. */
function inRecipients(s: string, at: number): boolean {
  for (const m of s.slice(0, at).matchAll(REPORT_TO)) {
    if (listEndAt(s, m.index + m[0].length, false) >= at) return true;
  }
  return false;
}

/** Whether position `at` of `s` lies inside a list of bodies that starts right after a match of `marker`. */
function inListAfter(marker: RegExp, s: string, at: number): boolean {
  for (const m of s.slice(0, at).matchAll(marker)) {
    if (listEndAt(s, m.index + m[0].length, true) >= at) return true;
  }
  return false;
}

// "…; Sở TT&TT đề nghị các cơ quan báo chí địa phương, Phòng Văn hóa Thông tin, …": a start inside the list of bodies
// asked is one of them, not the subject of a new clause.
const ASKED = /(?<![\p{L}])(?:đề nghị|yêu cầu|giao)\s+/giu;
const inAsked = (s: string, at: number) => inListAfter(ASKED, s, at);

// "Thực hiện chỉ đạo của Ban Tuyên giáo Thành ủy, Thường trực Quận ủy, đồng thời …": the authors of what is carried
// out, not the subject.
const OWNERS = /(?<![\p{L}])của\s+/gu;
const inOwners = (s: string, at: number) => inListAfter(OWNERS, s, at);

const PARTNERS = /phối (?:kết )?hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?\s+/giu;
/** A clause start at `at` inside the list after "phối hợp với" ("… phối hợp với Sở A, các Sở, ngành …"): a partner. */
function inPartners(s: string, at: number): boolean {
  const head = s.slice(0, at);
  for (const m of head.matchAll(PARTNERS)) {
    if (listEndAt(s, m.index + m[0].length, true) >= at) return true;
  }
  return false;
}

function verbAfter(rest: string): string {
  // "UBND các huyện, thị xã: tuyên truyền, vận động …": the work after the body's colon on the same line.
  // "Báo Thanh tra ngày 29/10/2016 có bài …": the date the body acted on comes before its verb.
  rest = rest.replace(/^[,\s]*ngày\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)\s*,?/u, "");
  // "Các đồng chí Thường trực Đảng ủy xã chủ trì hội nghị": who chairs the meeting a news page reports (background).
  const chairs = /^[,\s]*((?:đã\s+)?chủ trì\s+(?:hội nghị|cuộc họp|phiên họp|buổi làm việc|buổi họp|kỳ họp|lễ))(?![\p{L}])/iu.exec(rest);
  if (chairs) return chairs[1]!.toLowerCase();
  const m = /^[,\s]*(?::\s*(?=\p{Ll}))?([^\s,.;:]+(?:\s+[^\s,.;:]+)?)/u.exec(rest);
  if (m) return m[1]!.toLowerCase();
  // "Phòng Văn hóa và Thông tin: Xây dựng chuyên mục …", "Ủy ban MTTQ xã: Chủ trì, phối hợp …": a body's duty line in
  // prose, its work capitalised after the colon; only a verb the lexicon knows there (not a name or a number), and
  // only in a sentence that ends as one: a news headline "Huyện ủy Tân Phú: Quán triệt Chỉ thị …" has no full stop.
  const cap = /[.;]["”]?\s*$/u.test(rest) ? /^\s*:\s*(\p{Lu}[^\s,.;:]*(?:\s+[^\s,.;:]+)?)/u.exec(rest) : null;
  const low = cap ? cap[1]!.charAt(0).toLowerCase() + cap[1]!.slice(1) : "";
  return cap && VERB_NEXT.test(low) ? low.toLowerCase() : "";
}

/** A sentence that states the work of named bodies (not background, not generic, not a bare heading). */
export function isWorkSentence(l: SentenceLeads | null): l is SentenceLeads {
  // A single letter is the cut end of a truncated page ("Văn phòng cấp ủy cấp huyện l"), not a verb.
  return l !== null && l.verb.length > 1 && !BACKGROUND_VERB.test(l.verb) && !isGeneric(l.leads);
}

/**
 * "UBND các quận … có trách nhiệm …. Thủ trưởng các cơ quan, đơn vị kiểm tra việc treo cờ …": within the work a
 * dispatch sets out, a sentence whose subject is a collective of bodies ("các phường", "Thủ trưởng các cơ quan, đơn
 * vị") and whose verb is work, not report, gives that collective its own task although it names no one body.
 */
export function isCollectiveWork(l: SentenceLeads | null, s: string): l is SentenceLeads {
  // "Các địa phương …", "Các đơn vị có liên quan …" alone are how a dispatch points back at those it has asked.
  return l !== null && !l.requested && l.verb.length > 1 && !BACKGROUND_VERB.test(l.verb) && l.leads.length > 0 && isGeneric(l.leads) && s.trimStart().startsWith(l.leads[0]!) &&
    !l.leads.every((n) => /^(?:các\s+)?(?:địa phương|đơn vị)(?:\s+(?:có\s+)?liên quan)?$/iu.test(n.trim()));
}

// A body named as a sentence's subject issuing the document a page reports: "UBND tỉnh ban hành …", "… xây dựng kế
// hoạch …", "… có ý kiến chỉ đạo như sau:" (it authors it; "toàn văn" and "thông báo" are read as "ban hành" above);
// "UBND xã Tiền Tiến thông báo kế hoạch tiêm phòng … như sau:", "UBND quận Hoàng Mai chỉ đạo như sau:" (it announces
// what follows); "Bộ Tài nguyên và Môi trường xin gửi tới Quý cơ quan dự thảo …" (it sends the letter).
const AUTHORS = /^(?:có ý kiến|ban hành|banh|xây dựng kế hoạch|đã ban hành)/u;
const ANNOUNCES_BELOW = /^(?:thông báo|chỉ đạo)(?!\s+(?:đến|tới|cho)\s)/u;
const SENDS = /^(?:xin gửi|trân trọng gửi|kính gửi|xin trân trọng|xin thông|trân trọng thông)/u;

/** How the subject of a sentence read by leadsOfSentence issues the document: "author", "sender", or null (it does not). */
export function issuingAct(l: SentenceLeads, s: string): "author" | "sender" | null {
  if ((/^có ý/u.test(l.verb) && /có ý kiến\s*(?:chỉ đạo\s*)?(?:như sau|:)/u.test(s)) || AUTHORS.test(l.verb)) return "author";
  if (ANNOUNCES_BELOW.test(l.verb) && /:\s*$/u.test(s) && !l.requested) return "author";
  if (SENDS.test(l.verb) || (/^gửi/u.test(l.verb) && /gửi\s+(?:tới|đến)\s+Quý/u.test(s))) return "sender";
  return null;
}

// Every word without which leadsOfSentence reads no requester in a sentence and issuingAct finds no act there: the
// request verbs (REQUEST, REQUEST_ANYWHERE, ASKER, PLACE_ASKS, "thông báo đến", the "gửi" and "chỉ đạo"/"hướng dẫn" of
// a publishing clause) and the verbs of AUTHORS, ANNOUNCES_BELOW and SENDS ("toàn văn" is read as "ban hành"). A verb
// is the sentence's own words in lower case, so the case-insensitive test is enough. Keep it in step with those
// readings (test/dispatch/roles.test.ts checks it on the real dispatches): a word missing here silently loses an issuer.
// readOpened relies on it too: a clause after a semicolon or comma holding none of these words asks no one.
const ISSUER_CUES = /giao|đề nghị|yêu cầu|phân công|mời|khuyến cáo|mong|lưu ý|thông báo|gửi|chỉ đạo|hướng dẫn|đôn đốc|ban hành|banh|có ý|xây dựng kế hoạch|toàn văn|xin trân trọng|xin thông|trân trọng thông/iu;

/**
 * Whether a sentence may name a requester or a body issuing the document (see ISSUER_CUES): a scan for the issuer
 * skips the others without reading their leads, the reader's dearest step.
 */
export function mayNameIssuer(s: string): boolean {
  return ISSUER_CUES.test(s);
}

// "Giám đốc các Sở: Tài chính, Nội vụ, Công" / "Thương, Kế hoạch và Đầu tư; …": a list of units after the kind's colon,
// or a line ending in a comma, goes on over the line break; a dash or numbered item on the next line starts anew.
const OPEN_UNITS = /(?:^|\s)(?:các\s+)?(?:Sở|Phòng|Bộ|sở|phòng|bộ)\s*:\s*[^.;:!?]*\p{L}$/u;
const ITEM_START = /^(?:[-–+•*]|\d{1,2}[.)]|\p{Ll}\)|[IVX]{1,4}\.)/u;
function unwrapLists(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split("\n");
  let out = lines[0]!;
  for (let k = 1; k < lines.length; k++) {
    const prev = lines[k - 1]!.trimEnd();
    const next = lines[k]!.trimStart();
    const goesOn = next !== "" && !ITEM_START.test(next) && (/,$/u.test(prev) || (/^\p{Lu}/u.test(next) && OPEN_UNITS.test(prev.slice(-300))));
    out += (goesOn ? " " : "\n") + lines[k];
  }
  return out;
}

const SENTENCE_BREAK = new RegExp(`\\n|(?<=[.!?…])(?<!(?:^|\\s)(?:${DOTTED_ABBREVIATIONS})\\.)\\s+(?=[\\p{Lu}\\d"“(])`, "u");
/** Sentences: split after . ! ? (not inside numbers or abbreviations like "TP.HCM") and at line breaks. */
export function sentences(text: string): string[] {
  return unwrapLists(text)
    .split(SENTENCE_BREAK)
    .map((x) => x.trim())
    .filter(Boolean);
}

// "Người đứng đầu … phải chịu trách nhiệm trước Ban Thường vụ nếu để xảy ra …": who answers for a failure, not who
// does the work. "… chịu trách nhiệm thi hành Quyết định này" still assigns.
const ACCOUNTABLE = /\s(?:phải\s+)?chịu trách nhiệm\s+(?:trước|nếu|khi|về việc để|cá nhân)(?![\p{L}])/u;

/** All leads of a task's own text: each sentence's subject, and each ";"-clause that starts with a body and a verb. */
export function leadsIn(text: string): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) {
    const l = leadsOfSentence(s);
    if (l && (l.requested || l.verb === "" || !BACKGROUND_VERB.test(l.verb)) && !isGeneric(l.leads) && !ACCOUNTABLE.test(s)) out.push(...l.leads);
    // "UBND phường phát động tổng vệ sinh …; Đề nghị các cơ quan, tổ chức … hưởng ứng": a clause asking bodies names
    // them as much as a clause with its own subject.
    for (const clause of s.split(/;\s*/u).slice(1)) {
      const c = leadsOfSentence(clause);
      // "…; Phòng Giáo dục … và các quận, huyện tại https://…": bodies followed by a preposition, not a verb, are the
      // elided rest of the clause before (whom a report comes from, where), not new leads.
      const elliptic = c !== null && !c.requested && /^(?:tại|ở|trong|của|qua|với|về|cho|từ|đến|và)(?:\s|$)/u.test(c.verb);
      if (c && !elliptic && (c.requested ? !isGeneric(c.leads) && /^(?:Đề nghị|Yêu cầu|Giao)\s/u.test(clause.trimStart()) : isWorkSentence(c)) && c.leads.every((n) => !out.includes(n))) out.push(...c.leads);
    }
  }
  return out;
}

// "phối hợp vớiBộ Công Thương": text pulled out of a PDF may glue "với" to the body after it.
// "Bộ Tài chính chủ trì cùng Bộ Xây dựng và các bộ, ngành liên quan rà soát …", "giao Sở … chủ trì, cùng với các Sở,
// ngành …": the lead's partners after "chủ trì cùng (với)", as after "phối hợp với". "phốihợp với" (PDF text) too.
const COORD = /(?<!(?:chương trình|quy chế|sự|công tác|kế hoạch|cơ chế)\s)(?:phối\s?(?:kết )?hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?|(?<=chủ trì\s*,?\s*)cùng(?:\s+với)?)(?:\s+|(?<=với|cùng)(?=\p{Lu}))/giu;

// Why a "phối hợp" does not name the lead's partners, asked of the clause text before it. Each test only becomes true
// as that text grows (no end anchor), which lets coordinatorsIn find where it turns true by bisection.
// "Đảng đoàn MTTQ tỉnh lãnh đạo Ủy ban MTTQ tỉnh phối hợp với …": the partner of a directed body, like "chỉ đạo".
const DIRECTS_OTHER = /\S\s+lãnh đạo\s+(?:\p{Lu}|các\s)/u;
// Lower case is the verb; "Ban Chỉ đạo" is a name, except at the start of the clause.
const LEADERS_NOUN = /(?:đề nghị|yêu cầu|giao|các|đồng chí|và|^\s*)\s*lãnh đạo/iu;
// "theo chỉ đạo của Thủ tướng", "sự chỉ đạo" are nouns, "Ban chỉ đạo cấp tỉnh" (however cased) is a name, and "tập trung chỉ đạo và phối hợp với …" has no object: the
// partners after them are the lead's own.
const DIRECTS = /(?<!(?:theo|của|sự|kiến|dung|hiện|dưới|[Bb]an)\s)(?:chỉ đạo|hướng dẫn|tạo điều kiện)(?!\s+(?:của|và|việc)(?![\p{L}]))(?=\s*$|(?:\s*,\s*(?:kiểm tra|đôn đốc|hướng dẫn|giám sát|theo dõi))*\s+(?:cho\s+)?(?:các\s|những\s|\d|\p{Lu}|(?:lực lượng|cơ quan|đơn vị|ngành|địa phương|cấp|phòng|ban|sở|trường|xã|phường|thị trấn|huyện|tổ|đội|hội|người|cán bộ|giáo viên|nhân dân|hộ)(?![\p{L}])))/u;
const DIRECTS_AT_START = /^[\s\-–+•]*(?:Chỉ đạo|Hướng dẫn)\s/u;
const PURPOSE_AT = /^\s*(?:Để|Nhằm)\s/u;
// The comma that ends a purpose clause: the first one a capitalised subject follows (read within 600 characters).
const PURPOSE_END = /,(?=\s+\p{Lu})/u;
/** A list of bodies is read within 500 characters (a parenthesis may be skipped a little further). */
const LIST_WINDOW = 2000;

/** Bodies after "phối hợp (với)", except where the phrase belongs to bodies the lead directs ("chỉ đạo X phối hợp"). */
export function coordinatorsIn(text: string): string[] {
  const out: string[] = [];
  const found = [...text.matchAll(COORD)];
  // Each match's clause starts after the last ";", "." or line break before it: one forward scan for all of them.
  const clauseStarts: number[] = [];
  let clauseStart = -1;
  let scanned = 0;
  // Where the purpose clause opening the current clause ends (-1: none), computed once per clause.
  let purposeOf = -2;
  let purposeEnd = -1;
  for (const m of found) {
    for (; scanned < m.index; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 59 || c === 46 || c === 10) clauseStart = scanned;
    }
    // "Để tạo điều kiện cho nhân dân …, UBND tỉnh giao Sở … phối hợp với UBND huyện …": a purpose clause opening the
    // sentence ends at the comma before the main clause's subject; its "tạo điều kiện", "chỉ đạo", "hướng dẫn" direct
    // no one in the main clause.
    if (purposeOf !== clauseStart) {
      purposeOf = clauseStart;
      const end = PURPOSE_AT.test(text.slice(clauseStart + 1, clauseStart + 12)) ? PURPOSE_END.exec(text.slice(clauseStart + 1, clauseStart + 601)) : null;
      purposeEnd = end ? clauseStart + 1 + end.index : -1;
    }
    clauseStarts.push(purposeEnd > clauseStart && purposeEnd < m.index ? purposeEnd : clauseStart);
  }
  // Matches sharing a clause see ever longer text before them, and each test above, once true, stays true: bisect for
  // the first match where it holds instead of testing the growing text at every match (quadratic on a long clause).
  for (let i = 0; i < found.length; ) {
    let j = i;
    while (j < found.length && clauseStarts[j] === clauseStarts[i]) j++;
    const before = (k: number) => text.slice(clauseStarts[i]! + 1, found[k]!.index);
    const firstTrue = (test: (s: string) => boolean): number => {
      let lo = i;
      let hi = j;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (test(before(mid))) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const directsOther = firstTrue((b) => DIRECTS_OTHER.test(b));
    const leadersNoun = firstTrue((b) => LEADERS_NOUN.test(b));
    const directs = firstTrue((b) => DIRECTS.test(b) || DIRECTS_AT_START.test(b));
    for (let k = i; k < j; k++) {
      const leadsOther = k >= directsOther && k < leadersNoun;
      if (leadsOther || k >= directs) continue;
      const m = found[k]!;
      const from = m.index + m[0].length;
      const rest = text.slice(from, from + LIST_WINDOW);
      // After "phối hợp với" a capitalised phrase is a body even when its head noun is not in the list ("Trạm …").
      // "Các trường phối hợp cha mẹ học sinh nhắc nhở …": people by their standing are partners too.
      const got = listAt(rest) ?? (/^\p{Lu}/u.test(rest) || PERSONS_AT.test(rest) ? { names: splitList(readList(rest).list) } : null);
      if (got) out.push(...got.names);
    }
    i = j;
  }
  return out;
}
