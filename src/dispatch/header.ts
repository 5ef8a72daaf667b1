/**
 * Step: the header block — số ký hiệu, date, type, issuer, trích yếu, Kính gửi, secrecy and urgency stamps — in the
 * government ("Số: 164/KH-UBND") and Party ("Số 1277 -CV/HU") layouts, and in portal renderings that name the
 * document in a sentence ("UBND tỉnh ban hành Công văn số 846 /UBND-TH về việc …", "(Nguồn công văn số …)").
 */
import type { DocHeader } from "./schema.js";
import type { Line } from "./clean.js";
import { bodyHeadAt, readList, splitList } from "./bodies.js";
import { ISSUER_HEAD, issuerName } from "./issuer.js";
import { DOTTED_ABBREVIATIONS } from "./lexicon.js";

// "THƯỜNG TRỰC HĐND HUYỆN HỌP THƯỜNG KỲ THÁNG 8/2020", "ĐẢNG ỦY XÃ TỐNG TRÂN TỔ CHỨC HỘI NGHỊ GIAO BAN …": a news page's
// headline in capitals tells what a body did; an issuer line names the body only.
const HEADLINE_VERB = /\s(?:họp|triển khai|phát động|ra quân|khai mạc|bế mạc|yêu cầu|đề nghị|(?<!ban\s)tổ chức\s+(?:hội nghị|lễ|họp|cuộc|buổi|đại hội|ngày|kỳ họp))(?![\p{L}])/u;

export interface HeaderResult {
  doc: DocHeader;
  /** Lines with the Kính gửi line split from any body text that followed it on the same line. */
  lines: Line[];
  /** Index of the first line of the body (after Kính gửi, or after the header block). */
  bodyStart: number;
}

// "CHỦ TỊCH UBND TỈNH điện:", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN, điện:", "TRƯỞNG BCH PCTT … HUYỆN MỘC CHÂU, Điện:", or
// "ĐIỆN:" alone on its line under the sender: a công điện's address line, its "Kính gửi".
const CABLE_TO = /^(?:\p{Lu}[\p{Lu}\s.&-]{2,80}?\s*,?\s(?:điện|Điện|ĐIỆN)|(?:ĐIỆN|Điện))\s*:/u;
// A công điện addresses its recipients with "CHỦ TỊCH UBND TỈNH điện:" instead of "Kính gửi:".
const ADDRESS = new RegExp(`^(?:Kính\\s*gửi\\s*:?|${CABLE_TO.source.slice(1)})\\s*`, "u");
const TYPES = [
  "Công văn", "Kế hoạch", "Chỉ thị", "Thông báo", "Quyết định", "Công điện", "Hướng dẫn", "Báo cáo", "Nghị quyết",
  "Tờ trình", "Kết luận", "Chương trình", "Thông tri", "Quy định", "Giấy mời",
];
const TYPE_ALT = TYPES.join("|");
const TYPE_LINE = new RegExp(`^(${TYPE_ALT})(?:\\s*[:.]?\\s+(.*))?$`, "iu");
// "Công điện khẩn về việc …": an urgency word between the type and the subject.
const TYPE_URGENT = new RegExp(`^(${TYPE_ALT})\\s+(?:khẩn|hỏa tốc|hoả tốc|thượng khẩn)(?=\\s+(?:về|v\\/v)\\s)`, "iu");
const AND_TYPE = new RegExp(`^(?:và|VÀ)\\s+(?:${TYPE_ALT})\\s+(?=(?:về việc|v\\/v|về)\\s)`, "iu");
const ABOUT = /^(?:về việc|v\/v)\s*:?\s*/iu;
// Mixed case inside a code is kept whole ("SGDĐT-GDTrH", "TTr-UBND"): a short lower-case run between capitals or at its end.
const CODE = "[A-ZĐ][A-ZĐ0-9&.]*(?:[a-zđ]{1,2}(?:[A-ZĐ][A-ZĐ0-9&.]*|(?![\\p{L}])))*";
// "1804.TB-UBND": some offices put a full stop between the number and its code (two capitals must follow).
// "255TCT/QĐ/KH": an old code glued to its number; "BTĐKT-Vụ II": a department named by its word and numeral; "VPCP-V
// .I": a stray space before a code's dot.
const NUM = `(\\d{1,6}(?:[A-ZĐ]{2,8}(?=\\/))?(?:\\s*\\/\\s*(?:\\d{2,4}|${CODE})|\\s*[-–]\\s*(?:Vụ\\s+[IVX]{1,4}(?![\\p{L}])|${CODE})|\\.(?=[A-ZĐ]{2})${CODE}|\\s\\.(?=[A-ZĐ]{1,4}(?![\\p{L}]))${CODE})+|\\d{1,6}(?=\\s|$))`;
const HEADER_NUMBER = new RegExp(`(?:^|\\s)(?:Số|SỐ)\\s*:?\\s*${NUM}`, "u");
const SENTENCE_NUMBER = new RegExp(`(${TYPE_ALT}|văn bản)(?:\\s+(?:khẩn|hỏa tốc|hoả tốc|thượng khẩn|chỉ đạo|hướng dẫn))?(?:\\s+|\\s*\\(\\s*)số\\s*:?\\s*${NUM}`, "iu");
// A portal sentence naming the document after its verb, with its number written without "số" or not at all.
const SENTENCE_NUMBER_ALL = new RegExp(SENTENCE_NUMBER.source, "giu");
// "… đã phát hành thông báo số 17/TB-UBND …", "Đó là thông báo số 63 của UBND thị xã về …" (news naming its subject);
// "Báo … vừa nhận được Công văn số 3594/STNMT …": the news is the document just received.
const PUBLISH_VERB = /(?:ban hành|phát hành|\sra|\scó|vừa|vừa nhận được|gửi|ký|giới thiệu(?:\s+toàn văn)?|(?:^|\s)(?:đó|đây) là)\s+(?:các\s+)?$/iu;
const SENTENCE_NAMING = new RegExp(`(?<=(?:ban hành|\\scó|\\sra|vừa|ký|đã gửi|[Đđ](?:ó|ây) là(?: nội dung)?(?: (?:của|trong|tại))?)\\s+(?:các\\s+)?)(${TYPE_ALT}|văn bản)(?:\\s+(?:khẩn|hỏa tốc|hoả tốc|thượng khẩn))?(?:\\s+${NUM}(?=[\\s,.:;]|$)|(?=\\s+(?:gửi|chỉ đạo|về|v\\/v|đến|tới|của\\s[^,.;]{1,80}?\\s(?:về|v\\/v))\\s))`, "iu");
const CONTENT_OF = /(?:^|\s)(?:[Tt]heo|[Tt]rong|[Tt]ại)\s+nội dung\s+(?:của\s+)?$/u;
const CONTENT_NAMING_ALL = new RegExp(`(?<=(?:[Tt]heo|[Tt]rong|[Tt]ại)\\s+nội dung\\s+(?:của\\s+)?)(${TYPE_ALT}|văn bản)\\s+(?:số\\s*:?\\s*)?${NUM}(?=[\\s,.:;]|$)`, "giu");
const SENTENCE_NAMING_ALL = new RegExp(SENTENCE_NAMING.source, "giu");
const NAMES_TYPE = new RegExp(`${TYPE_ALT}|văn bản`, "iu");
const PLACE_DATE = /(?:,|^)\s*ngày\s+(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))/iu;
// "Hà Nội ngày 10 tháng 7 năm 1991", "Rang ngày 12 tháng 11 năm 2003" (the place wrapped): a place-date line without its
// comma, the line holding nothing else; a time of day before "ngày" ("Sáng ngày 12/3/2020") is a sentence's.
const PLACE_DATE_BARE = /^(?!(?:Sáng|Chiều|Tối|Trưa|Đêm|Hôm|Từ|Đến|Tới|Trước|Sau|Vào|Trong|Cùng|Cũng|Nay|Các|Những|Thứ)\s)(?:\p{Lu}\p{Ll}*\.?\s+){1,4}ngày\s+(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))\s*$/u;
// A portal's posting time glued to the end of its title ("… có hiệu quả 16:05 - 14/11/2019", "… năm 2019 (25-05-2019
// 16:56:51)"): a clock time beside a date is never part of a trích yếu.
const POSTING_STAMP = /\s*\(?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*[-–|,]?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*[-–|,]?\s*\d{1,2}:\d{2}(?::\d{2})?)\s*\)?$/u;
const POSTING_BEFORE = /(?:^|[\s,|])(?:Thứ\s+(?:\d|[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|Chủ\s+[Nn]hật)\s*$/u;
// A page's line repeating the document's own number after its type word ("3682/BVHTTDL-VP" at the top, then "Công văn
// Số: 3682/BVHTTDL-VP ngày … Về việc …"); with another number it cites a document.
const TYPED_NUMBER_LINE = new RegExp(`^(?:${TYPE_ALT})\\s+(?:Số|SỐ|số)(?![\\p{L}])`, "u");
function ownNumberLine(t: string, own: string | null): boolean {
  return own !== null && TYPED_NUMBER_LINE.test(t) && t.replace(/\s+/gu, "").includes(own);
}
// A header line naming its own date mid-line: "Số 924/SNV-CCHC Ngày 07-9-2015 V/v …", "Thông báo Khẩn ngày 18/10/2020".
const DAY_IN_LINE = /(?:^|\s)[Nn]gày\s+(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))/u;
const TYPE_START = new RegExp(`^(?:${TYPES.join("|")})(?![\\p{L}])`, "iu");
const MARKER_AT = /^(?:[-–+•]|\d{1,3}\s*[.)\-–]|[IVX]{1,5}\s*[.\-–]|[a-zđ]\))/u;
const SOURCE_DATE = /\(\s*Nguồn[^)]*?[-–]\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/iu;
/** "(Nguồn: …)", also after a byline ("Ngọc Lan - Nguồn TB số 20/TB-UBND"). */
const SOURCE_LINE = /^(?:[^.\n]{1,40}\s[-–]\s)?\(?\s*Nguồn/iu;
/**
 * A portal's source tag with the document's kind abbreviated as offices write it ("Nguồn CV 2642/UBND-KT ngày
 * 19/11/2010.", "Nguồn: TB số 20/TB-UBND"): the page's own document, like "(Nguồn công văn số …)".
 */
const SOURCE_ABBR = new RegExp(`${SOURCE_LINE.source}\\s*:?\\s*(?:từ\\s+)?(CV|TB|KH|QĐ|CT|CĐ|HD)\\.?\\s+(?:số\\s*:?\\s*)?${NUM}(?:\\s*,?\\s*ngày\\s+(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4}))?`, "iu");
const ABBR_TYPE: Record<string, string> = { CV: "Công văn", TB: "Thông báo", KH: "Kế hoạch", "QĐ": "Quyết định", CT: "Chỉ thị", "CĐ": "Công điện", HD: "Hướng dẫn" };
// The tag: "Theo"/"Nguồn" and the type word, at least one of them, then the number, its date and its issuer.
const END_TAG = new RegExp(`\\(\\s*(?:(?:Theo|Nguồn)\\s*:?\\s*(?:(${TYPE_ALT}|văn bản)\\s+)?|(${TYPE_ALT}|văn bản)\\s+)(?:số\\s*:?\\s*)?${NUM}(?:\\s*,?\\s*ngày\\s+(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4}))?(?:\\s+của\\s+[^()]{1,100})?\\s*\\)$`, "iu");
const SOURCE_THEO = new RegExp(`^\\(\\s*Theo\\s+(?:${TYPE_ALT}|văn bản)\\s+số`, "iu");
// A portal's section titles and counters above the text ("THÔNG TIN Ý KIẾN", "SỐ LƯỢT TRUY CẬP") are not its issuer.
const PAGE_CHROME =
  /^(?:THÔNG TIN|TIN TỨC|TIN\s|SỐ LƯỢT|LƯỢT TRUY CẬP|TRUY CẬP|TRANG CHỦ|VĂN BẢN|LIÊN KẾT|THỐNG KÊ|TÌM KIẾM|DANH MỤC|GIỚI THIỆU|HỎI ĐÁP|CHI TIẾT|TÀI LIỆU|THƯ VIỆN|ĐĂNG NHẬP|BẢN IN|CHIA SẺ|TAGS?$|XEM THÊM|BÀI VIẾT|CHUYÊN MỤC|SỰ KIỆN|HOẠT ĐỘNG|THỦ TỤC HÀNH CHÍNH|CHỈ ĐẠO ĐIỀU HÀNH|TIÊU ĐIỂM|NỔI BẬT|MỚI NHẤT)/u;
const SECRECY = /^(TUYỆT MẬT|TỐI MẬT|MẬT)$/u;
const URGENCY = /^(HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)$/u;
// A portal's stamp of when it posted the page ("Ngày cập nhật 20/06/2019", "Ngày đăng 10/06/2016 | 10:20 | View count").
const POSTED = /(?:^|\s+)(?:Ngày (?:cập nhật|đăng)|Cập nhật|Đăng ngày|Số lượt xem|Lượt xem|View count)(?![\p{L}]).*$/u;
// The document's own number on a line by itself at the top of a legal-text portal ("1258/BVHTTDL-DSVH").
const BARE_NUMBER = new RegExp(`^${NUM}$`, "u");
// A title line without its type word right under the number ("BAN HÀNH QUY ĐỊNH VỀ …", "VỀ VIỆC …").
const UPPER_TITLE = /^(?:BAN HÀNH|PHÊ DUYỆT|VỀ VIỆC|V\/V)\s+[“"]?\p{Lu}/u;
const NOT_HEADER = /^\(?\s*(?:Căn cứ|Thực hiện|Theo|Trong|Để|Nhằm|Ngày\s+\d|Qua|Sau khi|Trên cơ sở|Hiện nay|Kỷ niệm)/u;

// The authority line under a quyết định's title ("TỔNG CỤC TRƯỞNG TỔNG CỤC THUẾ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"),
// when a page joins it to the title.
const AUTHORITY = `(?:(?:TỔNG CỤC|CỤC|BỘ|VỤ|VIỆN) TRƯỞNG|THỦ TƯỚNG CHÍNH PHỦ|CHỦ TỊCH|GIÁM ĐỐC|HIỆU TRƯỞNG|TRƯỞNG BAN|(?:ỦY|UỶ) BAN NHÂN DÂN)(?:\\s+\\p{Lu}+)*$`;
const AUTHORITY_TAIL = new RegExp(`(?<!\\s(?:CỦA|VÀ|CHO|VỚI|THUỘC|TẠI|PHÓ))\\s+${AUTHORITY}`, "u");
/** The signer's authority alone on its line under a title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"). */
const AUTHORITY_LINE = new RegExp(`^${AUTHORITY}`, "u");

/** "CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 180/2002/QĐ-TTG NGÀY … VỀ VIỆC BAN HÀNH …" → "BAN HÀNH …", without the authority line. */
/**
 * A capitalised title wrapped over lines ("TRIỂN KHAI THỰC HIỆN / CHỈ THỊ SỐ 32/CT-TTG … / CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ
 * NƯỚC …") goes on while the next line is capitalised too and is not a heading, the issuer, the signer's authority or
 * the text.
 */
function titleGoesOn(title: string, next: string): boolean {
  return isUpper(title) && isUpper(next) && next.length < 160 && !/[.:;]$/u.test(title) && !/^(?:[IVX]+|\d+)[.)]/u.test(next) && !ISSUER_AT.test(next) && !AUTHORITY_LINE.test(next) && !NOT_HEADER.test(next);
}
/**
 * An issuer's line starts with its head ("ỦY BAN NHÂN DÂN …", "ĐẢNG BỘ …"); a title line may hold the same words further
 * in ("… ĐIỀU CỦA LUẬT PHÒNG THỦ DÂN SỰ", "… CỦA BAN CHỈ ĐẠO …") and still go on the title.
 */
const ISSUER_AT = new RegExp(`^(?:(?:ĐẢNG|CHI) BỘ|${ISSUER_HEAD.source})`, "u");

/**
 * A capitalised title that a page joined to the line under it: the issuer repeated as the enacting formula ("… CẢNH
 * SÁT MÔI TRƯỜNG" / "CHÍNH PHỦ" / "Căn cứ …"), or the first words of a công điện's address line broken away from the
 * rest ("… KHU VỰC TRUNG BỘ THỦ" / "TƯỚNG CHÍNH PHỦ điện:").
 */
function titleLessTail(title: string, next: string, issuerParts: string[]): string {
  if (!isUpper(title)) return title;
  const issuer = issuerParts[0];
  // Not the issuer named inside the title ("… NĂM 2026 CỦA BỘ NỘI VỤ").
  if (issuer && title.length > issuer.length + 10 && title.endsWith(` ${issuer}`) && !/\s(?:CỦA|VÀ|VỚI|CHO|THUỘC|TẠI|GIỮA|PHÓ)$/u.test(title.slice(0, -issuer.length - 1)))
    return title.slice(0, -issuer.length - 1);
  const words = title.split(" ");
  for (let n = 1; n <= 3 && n < words.length - 3; n++) {
    const tail = words.slice(-n).join(" ");
    if (issuer && CABLE_TO.test(`${tail} ${next}`) && `${tail} ${next}`.startsWith(issuer)) return words.slice(0, -n).join(" ");
  }
  return title;
}

function quyetDinhTitle(title: string): string {
  let t = title;
  if (isUpper(t)) t = t.replace(AUTHORITY_TAIL, "");
  const of = /^(?:của|CỦA)\s.*?\s(?:VỀ VIỆC|về việc|V\/V|v\/v)\s+(.+)$/u.exec(t);
  return of ? of[1]! : t;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
// A code may hold dots ("VPCP-V.I"); a full stop after it ends the sentence.
const number = (raw: string) => raw.replace(/\s+/g, "").replace(/\.+$/u, "");
// A trailing "(Công văn số 2658/VP-NC, ngày 12/7/2018)" after a subject names the document, not its subject.
// A sentence that goes on to announce its content ("… về việc cho học sinh nghỉ học một số nội dung như sau:") ends
// its subject before the announcement.
const stripEnd = (s: string) => s.replace(/,?\s*\((?:Công văn|Văn bản|Thông báo|Kế hoạch|Quyết định|Chỉ thị|Công điện)\s+số[^()]*\)\s*[.;]?\s*$/iu, "").replace(/,?\s+(?:(?:một số|các|những)\s+(?:nội dung|việc|vấn đề)\s+)?(?:cụ thể\s+)?như sau\s*:?\s*$/iu, "").replace(/^[\s\-–:]+|[\s,;.:]+$/gu, "").trim();

/** The type a sentence or a source tag names the document by: "văn bản" (a letter) is a công văn. */
const namedType = (kind: string) => (/^văn bản$/iu.test(kind) ? "Công văn" : titleCaseType(kind));

function titleCaseType(t: string): string {
  const low = t.toLowerCase();
  return TYPES.find((x) => x.toLowerCase() === low) ?? t;
}

function isUpper(s: string): boolean {
  // An ASCII small letter rules it out without building the upper-case copy.
  return !/[a-z]/.test(s) && /\p{Lu}/u.test(s) && s === s.toUpperCase();
}

function stamps(text: string, doc: DocHeader): boolean {
  let hit = false;
  for (const part of text.split(/\s*[-–,/|]\s*|\s{2,}/u)) {
    const p = part.trim();
    if (SECRECY.test(p)) (doc.secrecy = p as DocHeader["secrecy"]), (hit = true);
    else if (URGENCY.test(p)) (doc.urgency = (p === "HOẢ TỐC" ? "HỎA TỐC" : p) as DocHeader["urgency"]), (hit = true);
    else if (p !== "") return false;
  }
  return hit;
}

export function readHeader(input: Line[]): HeaderResult {
  const lines = input.slice();
  const doc: DocHeader = {
    type: null, number: null, date: null, issuer: null, subject: null, recipients: [], secrecy: null, urgency: null,
  };
  let firstItem = lines.findIndex((l) => /^(?:Điều\s+\d|[IVX]{1,5}\s*[.\-–)]\s|\d{1,2}\s*[.\-–)/]\s)/u.test(l.text));
  if (firstItem < 0) firstItem = lines.length;
  const limit = Math.min(firstItem, 40);
  let lastHeader = -1;
  const issuerParts: string[] = [];
  let titled: { type: string; subject: string } | null = null;
  // A subject read from a page's title line ("Thông báo về việc thu Bảo hiểm y tế học sinh" above the rendered header,
  // "CÔNG ĐIỆN KHẨN: Thực hiện …" above the news) is the page's wording: the document's own trích yếu — its header's
  // "V/v …" or "Về việc …" line — replaces it.
  let pageTitleSubject = false;

  // After a paragraph of running text, upper-case lines are page chrome ("TAGS", a byline), not the header block.
  let seenProse = false;
  for (let i = 0; i < limit; i++) {
    let t = lines[i]!.text;
    if (i > 0 && lines[i - 1]!.text.length > 180 && /\p{Ll}/u.test(lines[i - 1]!.text)) seenProse = true;
    if (/^Kính\s*gửi/iu.test(t) || CABLE_TO.test(t)) break;
    if (stamps(t, doc)) {
      lastHeader = i;
      continue;
    }
    const bare = i <= 2 && doc.number === null && /[A-ZĐ]/u.test(t) ? BARE_NUMBER.exec(t.trim()) : null;
    if (bare) {
      doc.number = number(bare[1]!);
      lastHeader = i;
      continue;
    }
    // Under the number and date, a title whose type line the page dropped: a quyết định "BAN HÀNH …" / "PHÊ DUYỆT …".
    if (doc.type === null && doc.subject === null && doc.number !== null && i <= lastHeader + 2 && UPPER_TITLE.test(t) && isUpper(t)) {
      doc.subject = stripEnd(quyetDinhTitle(t.replace(/^(?:VỀ VIỆC|V\/V)\s+/u, "")));
      if (/^(?:BAN HÀNH|PHÊ DUYỆT)/u.test(t)) doc.type = "Quyết định";
      lastHeader = i;
      continue;
    }
    const num = doc.number === null && HEADER_NUMBER.exec(t);
    if (num && /^(?:Số|SỐ)(?!\p{L})/u.test(t.trimStart())) {
      doc.number = number(num[1]!);
      lastHeader = i;
      const tail = t.slice(num.index + num[0].length);
      stamps(tail.replace(PLACE_DATE, "").replace(/^[^,]*?(?=\s{2,}|$)/u, "").trim(), doc);
    }
    const pd = doc.date !== null ? null : PLACE_DATE.exec(t) || PLACE_DATE_BARE.exec(t) || (i <= 3 && t.length < 160 && (/^(?:Số|SỐ)(?!\p{L})/u.test(t) || TYPE_START.test(t)) ? DAY_IN_LINE.exec(t) : null);
    // "Thứ 4, Ngày 13/05/2020, 08:15": a weekday before it or a clock time after it makes it the page's posting stamp.
    const posted = pd !== null && (POSTING_BEFORE.test(t.slice(0, pd.index)) || /^\s*[,|–-]?\s*\d{1,2}:\d{2}/u.test(t.slice(pd.index + pd[0].length)));
    // "- Công văn số 256-CV/BDVTW, ngày 10/7/2015 …": a list item citing a document carries that document's date.
    const citing = pd !== null && MARKER_AT.test(t) && /(?:^|\s)số\s*\d/u.test(t.slice(0, pd.index));
    if (pd && !citing && !posted && (pd.index > 0 || /^ngày/iu.test(t) || PLACE_DATE_BARE.test(t)) && t.length < 120 && !NOT_HEADER.test(t)) {
      doc.date = pd[2] ? iso(+pd[3]!, +pd[2], +pd[1]!) : iso(+pd[5]!, +pd[4]!, +pd[1]!);
      // After a paragraph of running text, a dated line ("Trước đó, ngày 29/10/2016, Báo … có bài …", a portal's source
      // line "Chỉ thị 04-CT/TU, ngày 29/12/2020" under the text) may date the document but does not make the paragraphs
      // above it header: they are the body.
      if (!seenProse) lastHeader = i;
    }
    // "V/v …" (or "Vv …") opens its line, or follows the number and date on one header line ("Công văn Số: 3682/… ngày …
    // Về việc treo cờ rủ …") ("Số 924/SNV-CCHC Ngày 07-9-2015 V/v
    // …"); a title line "Về việc …" / "Về: …" / "Về treo cờ …" near the top is the trích yếu of a portal rendering.
    const vv =
      /^[“"(]?(?:V\/v|V\/V|v\/v|Vv(?=\s))\s*:?\s*(.+?)[”")]?$/u.exec(t) ??
      (/^(?:Số|SỐ)(?!\p{L})/u.test(t) || (ownNumberLine(t, doc.number) && !pageTitleSubject) ? /\s[“"]?(?:V\/v|V\/V|v\/v|[Vv]ề việc)\s*:?\s*(.+?)[”"]?$/u.exec(t) : null) ??
      (i <= Math.max(lastHeader + 2, 6) && !seenProse && t.length < 250 && !/:\s*$/u.test(t) ? /^(?:Về việc\s*:?|Về\s*:|Về(?=\s+\p{Ll}))\s*(.+)$/u.exec(t) : null);
    if (vv && (doc.subject === null || pageTitleSubject)) {
      pageTitleSubject = false;
      doc.subject = subjectLine(vv[1]!, doc);
      // A subject wrapped onto the next paragraph ("V/v … công tác" / "Hội và phong trào …").
      const next = lines[i + 1]?.text ?? "";
      if (!/[.;:]$/u.test(vv[1]!) && next.length < 120 && !/:\s*$/u.test(next) && !isUpper(next) && !NOT_HEADER.test(next) && !/^(?:Kính\s*(?:gửi|thưa)|Số\b|Nơi)/iu.test(next) && !CABLE_TO.test(next) && !PLACE_DATE.test(next) && !/^[-–+•\d]/u.test(next) && !POSTED.test(`x ${next}`)) {
        doc.subject = subjectLine(`${vv[1]!} ${next}`, doc);
        lastHeader = i + 1;
        i++;
      }
      doc.type ??= "Công văn";
      lastHeader = i;
      continue;
    }
    // 'Thông báo “V/v phòng chống bão số 10”', "Công điện khẩn về việc …": quotes and an urgency word around the subject.
    const tl = TYPE_LINE.exec(t.replace(/[“”"]/gu, "").replace(TYPE_URGENT, "$1"));
    // "QUYẾT ĐỊNH CỦA UBND TỈNH LÀO CAI": the issuer after the type is not the subject; "Thông báo của UBND tỉnh về việc
    // …" names its subject after the issuer; "Thông báo Khẩn ngày 18/10/2020" has none.
    if (tl?.[2]) {
      // "QUY ĐỊNH VÀ HƯỚNG DẪN VỀ VIỆC …": a heading of two types joined by "và" before its subject.
      tl[2] = tl[2].replace(AND_TYPE, "");
      const of = /^(?:của|CỦA)\s+(?:(?!\s(?:về việc|v\/v|về)\s).)*?(?:\s+((?:về việc|v\/v|về)\s+.+))?$/iu.exec(tl[2]);
      // "KẾT LUẬN CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ ĐỊNH HƯỚNG …": a capitalised title joined by a plain "VỀ" is the
      // line under the type heading, whole; only "về việc" / "v/v" opens a subject after the issuer.
      if (of && !(isUpper(tl[2]) && of[1] && /^VỀ\s(?!VIỆC\s)/u.test(of[1]))) tl[2] = of[1] ?? "";
      else if (/^(?:khẩn|hỏa tốc|hoả tốc|thượng khẩn)?\s*ngày\s+\d/iu.test(tl[2])) tl[2] = "";
    }
    // "Thông báo treo Quốc kỳ và lịch nghỉ tết Nguyên đán 2026", "Thông báo: Treo Quốc kỳ …": a portal page's title, the
    // page's first line, names the type and then the subject without "về việc"; a sentence there ends with a full stop,
    // and a question ("Công văn 5782/UBND-KT về … ra sao?") is a headline.
    const pageTitle = i === 0 && tl?.[2] !== undefined && tl[2].length >= 10 && tl[2].length <= 200 && !/[.;:,?]$/u.test(tl[2]) && /^\p{Lu}/u.test(t) && !/\s(?:của|CỦA)\s/u.test(tl[2]);
    // Only when the header itself names no subject: a page that renders the document's header too has a better one.
    if (pageTitle && titled === null) {
      titled = { type: titleCaseType(tl![1]!), subject: stripEnd(tl![2]!) };
    }
    if (tl && (isUpper(tl[1]!) || ABOUT.test(tl[2] ?? "") || (i <= 3 && /^(?:về\s)/iu.test(tl[2] ?? ""))) && doc.type === null && !(tl[2] && /^(?:số|SỐ)\s/u.test(tl[2]))) {
      doc.type = titleCaseType(tl[1]!);
      lastHeader = i;
      if (tl[2] && doc.subject === null) {
        let title = tl[2];
        for (let j = i + 1; j < limit && j <= i + 4 && titleGoesOn(title, lines[j]!.text); j++) {
          title += ` ${lines[j]!.text}`;
          lastHeader = j;
        }
        doc.subject = stripEnd(quyetDinhTitle(titleLessTail(title, lines[lastHeader + 1]?.text ?? "", issuerParts)).replace(ABOUT, "").replace(/^về\s+/iu, ""));
        pageTitleSubject = i <= 1 && doc.number === null && issuerParts.length === 0;
      }
      else if (doc.subject === null) {
        const parts: string[] = [];
        // "CỦA CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG SỐ 207/CT / NGÀY 11-7-1988 VỀ VIỆC CHO PHÉP THÀNH LẬP / HỘI HOÁ HỌC …": an
        // old title names issuer, number and date before its subject, over several capitalised lines.
        let issuerTitle = false;
        for (let j = i + 1; j < limit && parts.length < (issuerTitle ? 6 : 4); j++) {
          const s = lines[j]!.text;
          if (NOT_HEADER.test(s) || /^Kính gửi/iu.test(s) || (parts.length > 0 && ISSUER_HEAD.test(s) && isUpper(s) && !(issuerTitle && !/(?:VỀ VIỆC|V\/V)/u.test(parts.join(" "))))) break;
          // "THÔNG BÁO / UBND XÃ HẢI TRẠCH THÔNG BÁO / “V/v …”": the announcing formula is not the subject.
          if (parts.length === 0 && isUpper(s) && s.endsWith(tl[1]!.toUpperCase())) continue;
          // "THÔNG BÁO" / "UBND xã Minh Đức" / … / "Về việc thu gom rác …": a page that names its issuer under the
          // heading; the subject is the "Về việc" line further down, not the body's name.
          if (parts.length === 0 && !isUpper(s) && s.length < 80 && bodyHeadAt(s) > 0 && readList(s).end >= s.replace(/[\s.]+$/u, "").length) break;
          // The signer's title under such a title ("THỦ TƯỚNG CHÍNH PHỦ") repeats the "CỦA …" line's issuer.
          if (issuerTitle && s.trim() === /^CỦA\s+(.+?)\s+SỐ\s/u.exec(parts[0]!)?.[1]) break;
          parts.push(s.replace(/^[“"(]?(?:về việc|v\/v)\s*:?\s*/iu, ""));
          lastHeader = j;
          if (parts.length === 1 && /^CỦA\s/u.test(s) && isUpper(s)) issuerTitle = true;
          // A capitalised title wrapped over lines ("TRIỂN KHAI THỰC HIỆN / CHỈ THỊ SỐ 32/CT-TTG … / CÔNG TÁC BẢO VỆ BÍ MẬT
          // NHÀ NƯỚC …") goes on while the next line is capitalised too and is not a heading, an authority or the text.
          if (!/,$/.test(s) && !(issuerTitle && isUpper(s)) && !titleGoesOn(s, lines[j + 1]?.text ?? "")) break;
        }
        if (issuerTitle) {
          const about = /\s(?:VỀ VIỆC|V\/V)\s+(.+)$/u.exec(parts.join(" "));
          if (about) doc.subject = stripEnd(about[1]!);
        } else if (parts.length) doc.subject = stripEnd(quyetDinhTitle(parts.join(" ")).replace(/[”")]$/u, ""));
      }
      continue;
    }
    if (isUpper(t) && t.length < 160 && !NOT_HEADER.test(t) && !seenProse) {
      // A stamp glued to the end of a header line by a PDF column interleave ("HUYỆN BẢO LÂM MẬT"), never "BÍ MẬT".
      const glued = doc.number === null || i <= lastHeader + 3 ? /(?<!BÍ|BẢO)\s+(TUYỆT MẬT|TỐI MẬT|MẬT|HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)$/u.exec(t) : null;
      if (glued && stamps(glued[1]!, doc)) t = t.slice(0, glued.index);
      // A table rendered with "|" between its cells leaves the separator after the issuer's cell.
      const head = t.replace(/CỘNG H(?:OÀ|ÒA|OA).*$/u, "").replace(/ĐẢNG CỘNG SẢN.*$/u, "").replace(/[\s|]+$/u, "").trim();
      if (head && doc.type === null && !/:$/u.test(head) && !issuerParts.includes(head) && !/^(?:ĐỘC LẬP|T\/M|TM\.|KT\.)/u.test(head) && !PAGE_CHROME.test(head) && !HEADLINE_VERB.test(head.toLowerCase()))
        issuerParts.push(head);
      if (i <= lastHeader + 3) lastHeader = Math.max(lastHeader, i);
    } else if (/^Độc lập/u.test(t)) lastHeader = Math.max(lastHeader, i);
    else {
      const m = /^(\p{Lu}[\p{L} ]{2,40}?)\s+(?:Độc lập|CỘNG H(?:OÀ|ÒA|OA))/u.exec(t);
      if (m && isUpper(m[1]!)) issuerParts.push(m[1]!);
    }
  }

  // An upper-case line naming no organisation is a byline or a headline ("ĐÌNH HIỆP |"), not the issuer.
  if (issuerParts.length && ORG_WORD.test(issuerParts.join(" "))) doc.issuer = issuerName(issuerParts);

  // Kính gửi: inline text and/or dash lines; body text glued after it on the same line is split off.
  let bodyStart = lastHeader + 1;
  const kg = lines.findIndex((l, i) => i < Math.max(limit, 1) + 5 && ADDRESS.test(l.text) && !/^Kính gửi\p{L}/u.test(l.text));
  if (kg >= 0) {
    let inline = lines[kg]!.text.replace(ADDRESS, "");
    // "Kính gửi: Sở Y tế các tỉnh … (danh sách kèm theo) Thực hiện chỉ đạo của Bộ trưởng …": a page that lost the line
    // break; the body's opening words start the body even without a full stop before them.
    const opener = /(?<=\S)\s+(?=(?:Thực hiện|Căn cứ|Theo|Để|Nhằm|Tiếp theo|Trước tình hình|Hiện nay|Vừa qua|Ngày\s+\d{1,2})[\s,])/u.exec(inline);
    const cut = /\.\s+(?=\p{Lu}\p{Ll}*\s+\p{L})/u.exec(inline) ?? (opener && inline.length - opener.index > 80 ? opener : null);
    if (cut) {
      lines.splice(kg + 1, 0, { text: inline.slice(cut.index + 1).trim(), blankBefore: false });
      inline = inline.slice(0, cut.index);
    }
    const items: string[] = [];
    if (inline.trim()) items.push(...inline.split(/\s*;\s*|(?:^|\s)[-–•+]\s+/u));
    let j = kg + 1;
    // "BỘ TRƯỞNG … điện:" over "Kính gửi:" alone: one address line written both ways; the recipients come under the second.
    if (!inline.trim() && lines[j] && /^Kính\s*gửi\s*:?\s*$/iu.test(lines[j]!.text)) j++;
    while (j < lines.length && /^[-–•+]\s*/u.test(lines[j]!.text) && items.length < 40) {
      let item = lines[j]!.text.replace(/^[-–•+]\s*/u, "");
      j++;
      // "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng, / Quảng Ngãi, Gia Lai, …;": an item wrapped after
      // its comma goes on on the next line.
      // "- Bộ trưởng các Bộ: / Quốc phòng, Công an, …", "- Bí thư Tỉnh ủy, Thành ủy, Chủ tịch / Ủy ban nhân dân các tỉnh
      // …: Hà Tĩnh, … Lâm Đồng.": after a colon too, and after no mark at all when the next line ends as an item does.
      const goesOn = (next: string) =>
        next.length < 200 && !/^[-–•+]|^\d|^[IVX]+\s*[.\-–]|^\(\d/u.test(next) && !NOT_HEADER.test(next) && !ADDRESS.test(next) &&
        (/[,:]$/u.test(item) || (!/[.;!?)]$/u.test(item) && /[.;,]$/u.test(next)));
      while (j < lines.length && goesOn(lines[j]!.text)) {
        item += ` ${lines[j]!.text}`;
        j++;
      }
      items.push(item);
    }
    // Recipients one per line without dashes: short lines, each but the last ending in ";" or ",".
    if (items.length === 0) {
      while (j < lines.length && items.length < 20) {
        const l = lines[j]!.text;
        // A long line is a body paragraph, unless it is one list of bodies of one sentence ("Ủy ban nhân dân các tỉnh Gia
        // Lai, Đắk Lắk, … Thừa Thiên – Huế.").
        const oneList = items.length === 0 && l.length <= 300 && !/[.!?:]\s+\S/u.test(l) && bodyHeadAt(l) > 0;
        if ((l.length > 150 && !oneList) || NOT_HEADER.test(l) || /^\d|^[IVX]+\s*[.\-–]/u.test(l)) break;
        items.push(l);
        j++;
        const next = lines[j];
        const listGoesOn = next !== undefined && !next.blankBefore && next.text.length < 100 && bodyHeadAt(next.text) > 0;
        if (!/[;,]$/u.test(l) && !listGoesOn) break;
      }
    }
    doc.recipients = items.map(stripEnd).filter((x) => x.length > 1);
    doc.type ??= "Công văn";
    // "Đồng kính gửi: - Thủ tướng Chính phủ (để báo cáo)." after the addressees: copied for information, no recipient
    // and no work; it is still header, so its dash items do not open the body's list.
    const cc = lines[j] !== undefined && /^Đồng\s*kính\s*gửi\s*:?\s*(.*)$/iu.exec(lines[j]!.text);
    if (cc) {
      j++;
      if (!cc[1]) while (j < lines.length && j < kg + 60 && /^[-–•+]\s*/u.test(lines[j]!.text)) j++;
    }
    bodyStart = Math.max(bodyStart, j);
  }

  // Portal renderings: the document named in a sentence near the top, or in a "(Nguồn công văn số …)" line.
  if (doc.number === null) {
    for (let i = 0; i < lines.length; i++) {
      const t = lines[i]!.text;
      // "(Nguồn: …)" and a portal's attribution "(Theo Công văn số 6012/UBND-KT, ngày 14/11/2023)" name the document.
      const source = SOURCE_LINE.test(t) || SOURCE_THEO.test(t);
      // Page chrome (breadcrumb, headline, "Cập nhật: …") may come first: a naming sentence ("… ban hành Công văn số …")
      // counts in the first paragraphs, any other mention only in the first lines.
      if (!source && i > 15) continue;
      // "… có Công văn số 2686/…", "… có Công văn 4424 gửi …", "… ban hành công văn chỉ đạo …" (no number shown).
      // A line may cite other documents before naming its own ("thực hiện Kế hoạch số 308-KH/BTGTW …; Bộ đã ban hành
      // Công văn số 5009/…"): the first mention that passes is the document.
      // Each names the document by its type word (or "văn bản"): a line with none has no candidate.
      const candidates = !NAMES_TYPE.test(t) ? [] : [...t.matchAll(SENTENCE_NUMBER_ALL), ...t.matchAll(CONTENT_NAMING_ALL), ...(source || MARKER_AT.test(t) ? [] : [...t.matchAll(SENTENCE_NAMING_ALL)])];
      const m = candidates.find((c) => {
        // Past the first lines only a naming verb right before it makes it this document ("… đã ký công văn số …").
        // "Theo nội dung Thông báo 2833-TB/TU, Thường trực Thành ủy …", "Trong nội dung Công văn số 4913/VP-KT, …": a
        // page summing up the document it is about.
        // "Thông báo số 217/TB-UBND ngày 08/5/2019 của UBND thị xã Điện Bàn V/v treo cờ …" opening a line: the page's
        // title of its document, as a header's number and trích yếu are.
        const titled = /^[\s(]*$/u.test(t.slice(0, c.index)) && TITLE_ABOUT.test(t.slice(c.index + c[0].length));
        const named = titled || PUBLISH_VERB.test(t.slice(Math.max(0, c.index - 24), c.index)) || CONTENT_OF.test(t.slice(Math.max(0, c.index - 24), c.index));
        const vehicle = !named && carriesDirective(t, c.index, c.index + c[0].length);
        if (!source && ((i > Math.min(2, bodyStart + 1) && !named && !vehicle) || (i > 8 && !named && !vehicle))) return false;
        if (source || vehicle) return true;
        // A document cited by the sentence ("Thực hiện Công văn số …", "theo chỉ đạo tại Công văn số …"), not the one named.
        const before = t.slice(Math.max(0, t.lastIndexOf(".", c.index)), c.index);
        // "Nhiệm vụ trên được Thủ tướng đề cập tại Công điện số 47 …" in a page's first lines tells what its document says.
        if (/(?:Căn cứ|Thực hiện|(?<!vừa\s)nhận được|[Tt]heo|của|(?<!đề cập\s)tại)\s+(?:\S+\s+){0,2}$/u.test(before) && !CONTENT_OF.test(before)) return false;
        // A sentence opening "Thực hiện …"/"Căn cứ …" lists the documents it follows ("…; Công điện số 600/CĐ-BCĐ …;
        // Quyết định số 772/QĐ-TTg …") until its main clause names its own with a verb.
        if (!named && /^[.\s(]*(?:Căn cứ|Thực hiện|Triển khai|Tiếp theo|Theo)\s/u.test(before)) return false;
        // "… đề nghị các chi bộ … quán triệt, triển khai sâu rộng Kết luận số 93-KL/TW …": the work is about that
        // document; a parenthesis right after the request still names the document itself ("… (Công văn số 1236/…)").
        return named || /\(\s*$/u.test(before) || !/\s(?:đề nghị|yêu cầu|triển khai|quán triệt|tuyên truyền|học tập|thực hiện|chỉ đạo)\s/iu.test(before);
      });
      if (!m) {
        const abbr = source ? SOURCE_ABBR.exec(t) : null;
        if (abbr) {
          doc.number = number(abbr[2]!);
          doc.type ??= ABBR_TYPE[abbr[1]!.toUpperCase()] ?? null;
          if (abbr[5] && doc.date === null) doc.date = iso(+abbr[5], +abbr[4]!, +abbr[3]!);
          break;
        }
        continue;
      }
      if (m[2]) doc.number = number(m[2]);
      // "… vừa ký văn bản về việc …" then "Theo Công văn số 460-CV/TU, …, Thường trực Thành ủy yêu cầu:": the number
      // comes in the next sentence that carries the directive.
      else doc.number = vehicleNumber(lines.slice(i + 1, i + 4));
      doc.type ??= namedType(m[1]!);
      const sd = SOURCE_DATE.exec(t);
      if (sd && doc.date === null) doc.date = iso(+sd[3]!, +sd[2]!, +sd[1]!);
      const stop = NAMING_STOP.exec(t.slice(m.index + m[0].length));
      const sentenceEnd = stop ? m.index + m[0].length + stop.index : t.length;
      const after = t.slice(m.index + m[0].length, sentenceEnd);
      const tail = readNamingTail(after);
      if (tail.subject && doc.subject === null) doc.subject = tail.subject;
      if (tail.recipients.length && doc.recipients.length === 0) doc.recipients = tail.recipients;
      if (tail.date && doc.date === null) doc.date = tail.date;
      // "Ngày 21/4/2020, Ủy ban nhân dân tỉnh ban hành …", "Ngày 30 tháng 12 năm 2020, Sở … đã có công văn …".
      if (doc.date === null && !source) doc.date = dateBeforeNaming(t.slice(0, m.index));
      const who = /(?:^|,\s*)((?:(?:Chủ tịch|Giám đốc|Thường trực|Ban Thường vụ)\s+)?(?:UBND|Ủy ban|Uỷ ban|Sở|Bộ|Ban|Huyện ủy|Tỉnh ủy|Thành ủy|Huyện uỷ|Tỉnh uỷ|Thành uỷ|Phòng|Hội|Đoàn|Trung ương|Văn phòng)[^,.]{0,60}?)\s+(?:vừa |đã |mới )?(?:ban hành|banh|có|gửi|ra)\s/u.exec(t.slice(0, m.index));
      if (who && doc.issuer === null) doc.issuer = who[1]!.trim();
      // A source line after the text ("Sở Nội vụ giới thiệu toàn văn Văn bản số …" at the end) leaves the body alone.
      const after_body = lines.slice(bodyStart, i).some((l) => l.text.length > 180);
      if (!source && !after_body) {
        // The naming sentence is header; what follows it on the same line is body.
        const rest = t.slice(sentenceEnd).replace(/^[\s.;:,]+/u, "");
        if (rest) {
          lines[i] = { ...lines[i]!, text: t.slice(0, sentenceEnd) };
          lines.splice(i + 1, 0, { text: rest.charAt(0).toUpperCase() + rest.slice(1), blankBefore: false });
        }
        // A news sentence that names the document and carries its request ("… vừa có công văn gửi UBND các tỉnh đề
        // nghị …") is also the first sentence of the body.
        // "Sở … vừa có Công văn đề nghị các huyện … (Công văn số 1236/SVHTTDL-QLVH, ngày 30/10/2019).": the number named
        // in a parenthesis after the request; the request is earlier in the same sentence.
        const sentenceStart = /\(\s*$/u.test(t.slice(0, m.index)) ? Math.max(0, t.lastIndexOf(". ", m.index) + 1) : m.index;
        const carriesWork = /\s(?:đề nghị|yêu cầu|giao|đôn đốc)\s/iu.test(t.slice(sentenceStart, sentenceEnd)) || (tail.recipients.length > 0 && tail.subject !== null && !/\s(?:về việc|v\/v|về)\s/iu.test(after));
        bodyStart = Math.max(bodyStart, carriesWork ? i : i + 1);
      }
      break;
    }
  }
  // A page that ends its text with a tag naming its document ("(Theo Công văn 907/UBND-KT ngày 13/3/2023)", "BBT(Nguồn:
  // 132/TB-UBND)", "… xem xét, quyết định. (Văn bản số 154/UBND-VP ngày 10/02/2020 của UBND huyện Chợ Mới)") names
  // the page's own document there, as "(Nguồn công văn số …)" does; a tag earlier in the text may cite another one.
  if (doc.number === null) {
    for (let i = Math.max(0, lines.length - 5); i < lines.length; i++) {
      const t = lines[i]!.text;
      const tag = t.endsWith(")") ? END_TAG.exec(t) : null;
      if (!tag) continue;
      doc.number = number(tag[3]!);
      const kind = tag[1] ?? tag[2];
      if (kind) doc.type ??= namedType(kind);
      if (tag[6] && doc.date === null) doc.date = iso(+tag[6], +tag[5]!, +tag[4]!);
      break;
    }
  }
  // "… ký ban hành Kết luận số 185-KL/TW về …" and, a sentence later, "… Kết luận số 185-KL/TW, ngày 22/8/2025 về …":
  // the date written beside the document's own number anywhere near the top is its date.
  if (doc.number !== null && doc.date === null) doc.date = dateBesideNumber(lines.slice(0, 15), doc.number);
  // "Ngày 10-2-2012, Phó chủ tịch UBND TP … ký quyết định công bố dịch …", "Chiều nay 8/10/2020, Giám đốc Sở … đã ký văn
  // bản hỏa tốc đề nghị …": a lead sentence that tells the signing of an unnumbered document still dates it.
  if (doc.number === null && doc.date === null) doc.date = signingDate(lines.slice(0, Math.min(firstItem, 5)));
  // A portal's lead sentence that tells the directive without naming the document: "UBND TP. Hà Nội vừa chỉ đạo Sở
  // Công thương … về việc tổ chức bán hàng bình ổn giá …" — "về việc" gives the trích yếu, as in a header.
  if (titled !== null && doc.subject === null) {
    doc.subject = titled.subject;
    doc.type ??= titled.type as DocHeader["type"];
  }
  if (doc.subject === null) doc.subject = directiveAbout(lines.slice(0, Math.min(firstItem, 6)));
  if (doc.subject !== null) doc.subject = doc.subject.replace(POSTING_STAMP, "") || null;
  return { doc, lines, bodyStart: Math.min(bodyStart, lines.length) };
}

/**
 * A news sentence whose document is the vehicle of its issuer's directive names the page's own document, though "theo"
 * or "tại" stands before it: "Theo Công văn số 3517/UBND ngày 18/7/2022, UBND huyện đề nghị …", "Theo đó, tại Công văn
 * số 324/SXD-QLCL …, Sở Xây dựng đề nghị …", "Văn phòng UBND tỉnh truyền đạt ý kiến … tại Công văn số 2881/VP-KGVX".
 * A document the directive follows is cited, not named: "Thực hiện/Căn cứ …", "theo chỉ đạo tại …", "… của UBND tỉnh, …".
 */
// A portal may glue its posting time to the lead ("20/7/2022 16:18 (hocmon.gov.vn) Theo Công văn số …").
// The naming sentence ends at its full stop (not the one of "TP. Vũng Tàu"), at "; theo đó, …" or at "… (cụ thể) như
// sau:"; the rest is body.
const NAMING_STOP = new RegExp(`(?<!(?:^|[\\s(])(?:${DOTTED_ABBREVIATIONS}))\\.\\s+(?=\\p{Lu})|;\\s*(?=theo đó|trong đó|đồng thời)|[,;]?\\s*(?:cụ thể\\s*)?(?:như sau|các nội dung sau|cụ thể)\\s*:\\s*|\\.\\s*$`, "iu");
const TITLE_ABOUT = /^[^.;]{0,160}?\s(?:V\/v|về việc)\s/iu;
const VEHICLE_OPEN = /(?:^(?:\d{1,2}\/\d{1,2}\/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+)?(?:\([^()]{1,40}\)\s*)?|[.;]\s+|^\(\s*|Theo đó,\s*)(?:Theo|Tại|Trong|tại)\s+$/u;
const VEHICLE_THEN = /^(?:,?\s*ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})?(?:\s+(?:về việc|v\/v|về)\s+[^,.;]{3,200})?(?:\s*,\s*(?:để|nhằm)\s[^.;]{3,200}?)?\s*,\s*(?:\p{Lu}[^,.;()]{1,80}?)\s+(?:vừa\s+|đã\s+)?(?:đề nghị|yêu cầu|chỉ đạo|giao|đôn đốc|hướng dẫn|thông báo|lưu ý)[\s:]/u;
const DIRECTIVE_VERB = /\s(?:truyền đạt|đề nghị|yêu cầu|chỉ đạo|hướng dẫn|đôn đốc)\s/u;
// "… yêu cầu Chủ tịch UBND huyện thực hiện ý kiến chỉ đạo … tại Văn bản số …": the work follows that document.
const WORK_ON_DOCUMENT = /(?:thực hiện|triển khai|theo|căn cứ)\s/u;
const CITING_OPEN = /^[.\s(]*(?:Căn cứ|Thực hiện|Triển khai|Tiếp theo|Theo|Để)\s|(?:[Tt]heo|[Tt]hực hiện)\s+(?:sự\s+)?(?:chỉ đạo|hướng dẫn|đề nghị|yêu cầu)\s/u;
function carriesDirective(t: string, start: number, end: number): boolean {
  const sentence = t.slice(Math.max(0, t.lastIndexOf(". ", start) + 1), start);
  if (VEHICLE_OPEN.test(sentence)) return VEHICLE_THEN.test(t.slice(end, end + 300));
  if (!/\stại\s+$/u.test(sentence) || CITING_OPEN.test(sentence)) return false;
  const verb = DIRECTIVE_VERB.exec(sentence);
  // ", tại Công văn số …" after the directive's clause attaches to the directive, whatever work it names.
  return verb !== null && (/,\s*tại\s+$/u.test(sentence) || !WORK_ON_DOCUMENT.test(sentence.slice(verb.index + verb[0].length)));
}

function vehicleNumber(lines: Line[]): string | null {
  for (const l of lines) {
    for (const c of l.text.matchAll(SENTENCE_NUMBER_ALL)) {
      if (c[2] && carriesDirective(l.text, c.index, c.index + c[0].length)) return number(c[2]);
    }
  }
  return null;
}

const SIGNED_UNNUMBERED = new RegExp(`\\s(?:đã\\s+|vừa\\s+)?(?:ký(?:\\s+ban hành)?|ban hành|có)\\s+(?:${TYPE_ALT}|văn bản)(?:\\s+(?:khẩn|hỏa tốc|hoả tốc|thượng khẩn))?\\s+(?!số\\s)`, "iu");
function signingDate(lines: Line[]): string | null {
  for (const l of lines) {
    const m = SIGNED_UNNUMBERED.exec(l.text);
    if (m) return dateBeforeNaming(l.text.slice(0, m.index));
  }
  return null;
}

/** The directive verbs of a lead sentence, and work verbs that make a later "về việc" the work's object, not the trích yếu. */
const DIRECTIVE_ABOUT = /(?:^|\s)(?:vừa\s+|đã\s+)?(?:chỉ đạo|yêu cầu|đề nghị|hướng dẫn|thông báo)\s+((?:(?!về việc)[^.;:])*?)\s*về việc\s+([^.;]{8,250})/iu;
const WORK_BEFORE_ABOUT = new RegExp(`(?:báo cáo|thực hiện|triển khai|tổ chức|rà soát|kiểm tra|góp ý|tham mưu|giải quyết|xem xét|số\\s*\\d|${TYPE_ALT}|văn bản)`, "iu");

function directiveAbout(lines: Line[]): string | null {
  for (const l of lines) {
    if (MARKER_AT.test(l.text) || NOT_HEADER.test(l.text)) continue;
    const m = DIRECTIVE_ABOUT.exec(l.text);
    if (!m || m[1]!.split(/\s+/u).length > 14 || WORK_BEFORE_ABOUT.test(m[1]!)) continue;
    return stripEnd(m[2]!);
  }
  return null;
}

const ORG_WORD = /(?:^|\s)(?:ỦY|UỶ|UBND|HĐND|BAN|BỘ|SỞ|PHÒNG|CỤC|HỘI|ĐOÀN|ĐẢNG|TRƯỜNG|TRUNG TÂM|VĂN PHÒNG|CÔNG AN|CHÍNH PHỦ|THỦ TƯỚNG|TỔNG|VIỆN|CÔNG TY|KHO BẠC|BẢO HIỂM|MẶT TRẬN|MTTQ|QUÂN|CHI|BỆNH VIỆN|ĐẠI HỌC|HỌC VIỆN|NGÂN HÀNG|TÒA|TOÀ|ĐÀI|BÁO|THÀNH|TỈNH|HUYỆN|XÃ|PHƯỜNG|QUẬN|THỊ|LIÊN)(?![\p{L}])/u;

const NUMBER_TAG = new RegExp(`\\(\\s*(?:số\\s*)?${NUM}\\s*,?\\s*ngày\\s+(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})\\s*\\)\\s*[.;]?\\s*$`, "iu");
/** A trích yếu line, less a portal's posting stamp and a trailing "(3585/VP-KTN, ngày 23/10/2017)" it takes as the header's. */
function subjectLine(raw: string, doc: DocHeader): string {
  let s = raw.replace(POSTED, "");
  const tag = NUMBER_TAG.exec(s);
  if (tag) {
    doc.number ??= number(tag[1]!);
    doc.date ??= iso(+tag[4]!, +tag[3]!, +tag[2]!);
    s = s.slice(0, tag.index);
  }
  return stripEnd(s);
}

const DAY_WORDS = /(?:^|[\s,.;:–-]|(?<=\p{Ll}))(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)(?:\s+nay)?\s+(?:ngày\s+)?|[Nn]gày\s+)(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]|tháng\s+(\d{1,2})\s+năm)\s*(\d{4})/gu;

/**
 * "Ngày 21/4/2020, UBND tỉnh ban hành …", "…, ngày 19/12/2018 UBND tỉnh đã có Công văn số …", "Chiều nay 8/10/2020,
 * Giám đốc Sở … đã ký văn bản …": the last date before the naming verb is the document's, unless it is a cited
 * document's ("Chỉ thị số 32/CT-TTg ngày 05/12/2018 của …") or a meeting's ("tại cuộc họp ngày 15/4 về …").
 */
function dateBeforeNaming(before: string): string | null {
  let found: string | null = null;
  for (const d of before.matchAll(DAY_WORDS)) {
    const lead = before.slice(Math.max(0, d.index - 40), d.index);
    const between = before.slice(d.index + d[0].length);
    if (/số\s*:?\s*\S+\s*$|(?:họp|hội nghị|buổi)\s+$/iu.test(lead)) continue;
    if (between.length > 140 || /\s(?:của|về|tại|theo)\s/iu.test(between)) continue;
    found = iso(+d[4]!, +(d[2] ?? d[3])!, +d[1]!);
  }
  return found;
}

function dateBesideNumber(lines: Line[], num: string): string | null {
  // As written: spaces may stand around the slash and the dash ("24 /CT-UBND").
  const written = [...num].map((c) => (c === "/" ? "\\s*\\/\\s*" : /[-–]/u.test(c) ? "\\s*[-–]\\s*" : c.replace(/[.*+?^${}()|[\]\\]/u, "\\$&"))).join("");
  const re = new RegExp(`${written}\\s*,?\\s*(?:ban hành\\s+)?ngày\\s+(\\d{1,2})\\s*(?:[/.-]\\s*(\\d{1,2})\\s*[/.-]|tháng\\s+(\\d{1,2})\\s+năm)\\s*(\\d{4})`, "iu");
  for (const l of lines) {
    const d = re.exec(l.text);
    if (d) return iso(+d[4]!, +(d[2] ?? d[3])!, +d[1]!);
  }
  return null;
}

/**
 * What a portal's naming sentence says after the document's number: its own date, its recipients ("gửi A; B và C",
 * "chỉ đạo các Sở, …, UBND các huyện …") and its subject ("về việc …", "về …", or the work the recipients are told to
 * do when no "về" follows them).
 */
const SUBJECT_GOES_ON = new RegExp(`,\\s*(?:nhằm|trong đó|theo đó|đồng thời|theo\\s+(?:${TYPE_ALT}|văn bản))\\s`, "iu");
function readNamingTail(after: string): { subject: string | null; recipients: string[]; date: string | null } {
  let rest = after;
  let date: string | null = null;
  const own = /^\s*,?\s*(?:(?:của\s+[^,.;]{1,80}?\s+)?(?:ban hành|ký)\s+)?(?:(?:hồi|lúc)\s+\d{1,2}\s*(?:h|giờ)\s*(?:\d{1,2}\s*(?:phút|')?)?\s*,?\s*)?ngày\s+(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]|tháng\s+(\d{1,2})\s+năm)\s*(\d{4})/iu.exec(rest);
  if (own) {
    date = iso(+own[4]!, +(own[2] ?? own[3])!, +own[1]!);
    rest = rest.slice(own[0].length);
  }
  // "Công văn 5782/UBND-KT năm 2025 về …": a legal-text portal writes the document's year after its number.
  else rest = rest.replace(/^\s*năm\s+\d{4}(?=\s)/u, "");
  rest = rest.replace(/^\s*(?:của(?:\s+[^,]{1,80}?)?(?=\s(?:về|gửi|chỉ đạo)\s)|,)?\s*/iu, "").replace(/^[“"«]\s*(?=(?:về việc|v\/v|về)\s)/iu, "");
  const ABOUT_AT = /(?:^|\s)(?:về việc|v\/v|về)\s+/iu;
  let recipients: string[] = [];
  let subject: string | null = null;
  // "… đã gửi văn bản đến Sở GT-VT các tỉnh về …": the addressees after "đến" as after "gửi".
  const to = /^(?:gửi(?:\s+(?:đến|tới))?|đến|tới|chỉ đạo|yêu cầu|đề nghị)\s+/iu.exec(rest);
  if (to && bodyHeadAt(rest.slice(to[0].length)) > 0) {
    const listText = rest.slice(to[0].length);
    const about = ABOUT_AT.exec(listText);
    const { list, end } = readList(listText);
    // After "gửi" the list runs to "về việc" (its names need not start with a known head: "Cổng Thông tin điện tử …").
    const toAbout = about !== null && (about.index <= end + 1 || (/^gửi/iu.test(to[0]) && !/\s(?:đề nghị|yêu cầu|giao)\s/iu.test(listText.slice(0, about.index))));
    const raw = toAbout ? listText.slice(0, about.index) : list;
    recipients = raw.split(/\s*;\s*/u).flatMap((r) => splitList(r)).map(stripEnd).filter((x) => x.length > 1);
    const tail = toAbout ? listText.slice(about.index + about[0].length) : /^\s*\p{Ll}/u.test(listText.slice(end)) ? listText.slice(end) : "";
    if (tail.trim()) subject = tail;
  } else {
    const about = /^(?:về việc|v\/v|về)\s+/iu.exec(rest) ?? /\s(?:về việc|v\/v)\s+/iu.exec(rest);
    if (about) {
      subject = rest.slice(about.index + about[0].length);
      // "… về việc <subject> gửi các sở, ban, ngành; UBND các huyện …": the recipients follow the subject.
      const sent = /\s+gửi\s+(?=\S)/u.exec(subject);
      const list = sent ? subject.slice(sent.index + sent[0].length) : "";
      if (sent && bodyHeadAt(list) > 0) {
        recipients = list.split(/\s*;\s*/u).map(stripEnd).filter(Boolean);
        subject = subject.slice(0, sent.index);
      }
    }
  }
  if (subject !== null) {
    // The trích yếu ends where the sentence goes on to the document's purpose or content (", nhằm …", ", trong đó …")
    // or to its request ("… về X yêu cầu Ban Chỉ đạo các huyện …").
    // ", theo Công văn, Chủ tịch … yêu cầu …": the sentence goes on to what the document says.
    const more = SUBJECT_GOES_ON.exec(subject);
    if (more) subject = subject.slice(0, more.index);
    // "… văn bản về chuẩn bị phiên họp … vừa được Văn phòng Chính phủ gửi các bộ": the sender after the subject.
    const by = /\s+(?:vừa\s+|đã\s+|mới\s+)?được\s+/u.exec(subject);
    if (by && bodyHeadAt(subject.slice(by.index + by[0].length)) > 0) subject = subject.slice(0, by.index);
    for (const v of subject.matchAll(/\s(?:yêu cầu|đề nghị|giao)\s+/giu)) {
      if (bodyHeadAt(subject.slice(v.index + v[0].length)) > 0) {
        subject = subject.slice(0, v.index);
        break;
      }
    }
  }
  return { subject: subject === null ? null : stripEnd(subject) || null, recipients, date };
}
