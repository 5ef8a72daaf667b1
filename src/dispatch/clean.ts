/**
 * Step 1: raw text → logical lines. Text pasted from portals or converted from .docx/.pdf carries markdown residue,
 * table pipes, page-number lines and line breaks inside sentences; later steps want one line per paragraph or item.
 */
import { bodyHeadAt, readList } from "./bodies.js";

export interface Line {
  text: string;
  /** A blank line preceded this one in the source. */
  blankBefore: boolean;
}

const MARKER_ONLY = /^(?:Điều\s+\d{1,3}\s*[.:]?|[IVX]{1,5}\s*[.\-–)]|\d{1,3}(?:\.\d{1,2}){0,3}\s*[.\-–)]|[a-zđ]\s*\)|Số\s*:?)$/u;
export const MARKER_START =
  /^(?:Điều\s+\d|[IVX]{1,5}\s*[.\-–)]|\d{1,3}(?:\.\d{1,2}){0,3}\s*(?:[.)]|[-–](?![A-ZĐ]{1,8}\s*\/)|\/(?=\s))(?!\d)|[a-zđ]\s*[).]\s|\((?:\d{1,2}|i{1,3}|iv|vi{0,3}|ix|x)\)\s+\p{Lu}|[-–—+•·●▪◦➢❖]\s*)/u;
/** "2. Cục" / "Xuất bản, In và Phát hành": an item heading cut after its kind word alone; the name goes on below. */
const KIND_ONLY_ITEM = /^(?:[IVX]{1,5}|\d{1,3}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[.)\-–]\s*(?:Cục|Vụ|Sở|Bộ|Phòng|Ban|Viện|Chi cục|Tổng cục|Trung tâm|Văn phòng|Ủy ban|Uỷ ban|Hội|Đoàn|Công an|Báo|Đài|Trường|Bệnh viện)$/u;
const NUMBERED_START = /^(?:[IVX]{1,5}|\d{1,3}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[.)]\s/u;
const PAGE_NUMBER = /^(?:\d{1,6}\s*[-–]\s*\d{1,4}|[-–]\s*\d{1,4}\s*[-–]|(?:Trang|trang)\s+\d{1,4}(?:\s*\/\s*\d{1,4})?|\d{1,3})$/u;
// A new sentence or block, never the wrapped tail of the line before.
const BLOCK_OPENER =
  /^(?:Kính gửi|Căn cứ|Thực hiện|Theo|Để|Nhằm|Ngày\s+\d|Nơi nhận|Số\s*:|Số\s+\d|V\/v|\(|Trong|Tuy nhiên|Sau khi|Hiện nay|Qua|Trên cơ sở|Kỷ niệm|Nhận được|Cập nhật|Ngoài ra|Đồng thời|(?:Công văn|Kế hoạch|Thông báo|Quyết định|Chỉ thị|Báo cáo|Hướng dẫn)\s+(?:về việc|v\/v))(?![\p{L}])/iu;
// "Do tình trạng ngập lụt …": a sentence opening on its cause (only capitalised: "DO BÃO SỐ 3" goes on a title).
const CAUSE_OPENER = /^Do\s/u;
// Upper-case header blocks that start afresh: the issuer repeated above "Căn cứ", the national motto, a type heading.
const HEADER_BLOCK = /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|CHỦ TỊCH|HỘI ĐỒNG|BỘ TRƯỞNG|GIÁM ĐỐC|BAN THƯỜNG VỤ|THƯỜNG TRỰC|CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|ĐẢNG CỘNG SẢN|QUYẾT ĐỊNH|KẾ HOẠCH|CHỈ THỊ|THÔNG BÁO|CÔNG VĂN|HƯỚNG DẪN|T\/M|TM\.|KT\.)/u;
// Secrecy and urgency stamps stand on their own line: never glued to the issuer above or the number below (a MẬT stamp
// lost into the issuer would let a secret dispatch be fanned out).
export const STAMP_LINE = /^(?:TUYỆT MẬT|TỐI MẬT|MẬT|HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)$/u;
// "… chủ trì, phối hợp với Văn phòng Huyện ủy," wrapped before the next coordinator: the list goes on.
const COORD_LIST_OPEN = /phối hợp(?:\s+(?:với|cùng))?\s+[^.;:]*,$/u;
// "…, Giám đốc Sở" / "Giáo dục và Đào tạo, …": the head noun of the body a title heads, wrapped before its name, goes on
// too.
const TITLE_END = /(?:^|[\s,;])(?:Giám đốc|Phó Giám đốc|Chủ tịch|Phó Chủ tịch|Thủ trưởng|Chánh Văn phòng|Chánh Thanh tra|Trưởng|Bí thư|Hiệu trưởng|Cục trưởng|Vụ trưởng|Viện trưởng|Tổng Giám đốc|Bộ trưởng)(?:\s+(?:Sở|Bộ|Ban|Phòng|Cục|Chi cục|Tổng cục|Viện|Trung tâm|Ủy ban|Uỷ ban|Hội))?$/u;
const KIND_COLON_END = /(?:^|\s)các\s+(?:Bộ|Sở|Cục|Vụ|Tổng cục|Tổng công ty|Tập đoàn|bộ|sở|cục)(?:\s*,\s*(?:ban|ngành|cơ quan))*\s*:$/u;
const ABBREV_TAIL = /^[A-ZĐ]{2,}(?:\s*[-–&]\s*[A-ZĐ]{2,})*[.;,]?$/u;
const RULE_LINE = /^[|\-–—_=*.\s]+$/u;

// HTML as portals and converters emit it (lower-case tag names); "A<B>&C" written in a dispatch is text.
const HTML_TAG =
  /<\/?(?:p|br|div|span|b|i|u|em|strong|a|img|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|sup|sub|font|center|hr|blockquote|pre|code|section|article|header|footer|figure|figcaption|o:p)(?:\s[^<>\n]{0,200})?\s*\/?>/g;

/** Markdown emphasis: paired stars ("**bold**", "*italic*"), and an opening or closing star whose partner sits on
 *  another line (a wrapped italic). A star inside text ("A*B", "3 * 4") is kept. */
function stripStars(line: string): string {
  // Every rule below needs a star (most lines have none).
  if (!line.includes("*")) return line;
  let s = line.replace(/(\*{1,3})(?=[^\s*])((?:(?!\1)[^\n])*?[^\s*])\1(?!\*)/g, "$2").replace(/\*{2,}/g, "");
  s = s.replace(/^(\s*)\*(?=[^\s*])/u, "$1").replace(/(?<=[^\s*])\*(\s*)$/u, "$1");
  // Mid-line too: "bảo đảm đến *hết tháng" / "năm 2025* giải quyết …" (an italic wrapped over lines). A star that
  // opens a word after a space, or closes one before a space or a mark, is emphasis.
  if (s.includes("*")) s = s.replace(/(?<=\s)\*(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.,;:)])\*(?=[\s.,;:]|$)/gu, "");
  return s;
}

function stripResidue(raw: string): string {
  let s = raw
    .replace(HTML_TAG, " ")
    .replace(/\\([*_#\-.+()[\]|`>])/g, "$1")
    .replace(/^\s{0,3}#{1,6}\s+/u, "");
  // A markdown bullet "* item" is a dash item; other stars are emphasis only where they pair up.
  s = stripStars(s.replace(/^\s*[*]\s+(?=\S)/u, "- ")).replace(/(?<![\p{L}\p{N}])__|__(?![\p{L}\p{N}])/gu, "");
  s = s.replace(/[\t\u00a0\u2000-\u200b\u202f\u3000]/g, " ").replace(/ {2,}/g, " ").trim();
  // A news portal's dateline "(GLO)- ", "(QBĐT) - ", "(Baonghean) -" before the first sentence.
  return s.replace(/^\(\s*[\p{L}.]{2,16}\s*\)\s*[-–—:]\s*(?=\p{Lu})/u, "");
}

/**
 * OCR drops the full stop after an item number ("… một số việc sau:" / "1 Đôn đốc …" / "2 Đánh giá …"). A run of
 * lines numbered 1, 2, … with a capital after the number, the first right after a line ending in ":", are items.
 */
function bareNumbers(lines: string[]): string[] {
  const BARE = /^(\d{1,2}) (?=\p{Lu}\p{Ll})/u;
  const out = lines.slice();
  for (let i = 1; i < out.length; i++) {
    if (!/:\s*$/u.test(out[i - 1]!) || BARE.exec(out[i]!)?.[1] !== "1") continue;
    const run = [i];
    for (let j = i + 1; j < out.length && j < i + 60; j++) {
      const n = BARE.exec(out[j]!)?.[1];
      if (n === String(run.length + 1)) run.push(j);
      else if (/^\d{1,2}[.)]/u.test(out[j]!)) break;
    }
    if (run.length < 2) continue;
    for (const j of run) out[j] = out[j]!.replace(BARE, "$1. ");
  }
  return out;
}

// A table cell of figures: "19.844", "-37", "-0,19", "12,5%".
const FIGURE_CELL = /^[-+–]?\s?\d[\d.,]*\s?%?$/u;
/**
 * A portal renders a table one cell per line with "|" lines between ("|" / "1. Xăng E5RON92" / "|" / "19.844" / "|" /
 * …). A numbered cell whose next cell is a figure is a row of data (prices, counts), not an item: its number loses the
 * mark that makes it one. A table of work ("1" / "|" / "Xây dựng kế hoạch" / "|" / "Sở Nội vụ") keeps its items.
 */
function tableNumbers(lines: string[]): string[] {
  const out = lines.slice();
  for (let i = 1; i < out.length - 2; i++) {
    if (out[i - 1]!.trim() !== "|" || !/^\d{1,3}\s*[.)]\s/u.test(out[i]!)) continue;
    let j = i + 1;
    while (j < out.length && out[j]!.trim() === "") j++;
    if (out[j]?.trim() !== "|") continue;
    j++;
    while (j < out.length && out[j]!.trim() === "") j++;
    if (FIGURE_CELL.test(out[j]?.trim() ?? "")) out[i] = out[i]!.replace(/^(\d{1,3})\s*[.)]\s/u, "$1 ");
  }
  return out;
}

/**
 * Width of a hard-wrapped text (PDF extraction, e-mail): most lines end near the same column. 0 when the text keeps
 * one line per paragraph.
 */
function wrapWidth(lines: string[]): number {
  const lens = lines.map((l) => l.length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lens.length < 8) return shortWrapWidth(lines, lens);
  const width = lens[Math.floor(lens.length * 0.9)]!;
  const full = lens.filter((n) => n >= width * 0.8 && n <= width).length;
  // A short letter is mostly header fragments, recipients and signature lines: its few body lines are still wrapped
  // when no line at all runs past the width (a page with one paragraph a line has some far longer).
  return width >= 40 && width <= 130 && (full / lens.length >= 0.3 || (full >= 5 && lens[lens.length - 1]! <= width * 1.15)) ? width : 0;
}

/**
 * A text of a few lines ("Thực hiện chỉ đạo của Bộ trưởng Bộ Y tế về tăng cường công tác y tế" / "trong dịp Tết …" /
 * "Bộ Y tế đã có công văn yêu cầu …"): too few lines for a width by count; it is wrapped when most of its lines run
 * to about the same length and one of them runs on in lower case into the next.
 */
function shortWrapWidth(lines: string[], lens: number[]): number {
  const width = lens[lens.length - 1] ?? 0;
  if (lens.length < 3 || width < 40 || width > 130) return 0;
  const full = (l: string) => l.length >= width * 0.8;
  if (lens.filter((n) => n >= width * 0.8).length * 2 < lens.length) return 0;
  return lines.some((t, i) => i > 0 && /^\p{Ll}/u.test(t) && full(lines[i - 1]!) && !/[.;:!?]$/u.test(lines[i - 1]!)) ? width : 0;
}

/**
 * Some portals (thuvienphapluat.vn) render a hard-wrapped page with every paragraph's first line cut short by its
 * indent: "Thực hiện ý kiến của Ban Tổ chức" / "Trung ương tại Văn bản số …". Such a page shows it where a short line
 * without a closing mark runs on into a full line in lower case. There, a full line under a short open line is never a
 * paragraph's first line (that would be short too), so it goes on the line above, also when it opens with a capital.
 */
function shortFirstLines(lines: string[], width: number): boolean {
  return width > 0 && lines.some((t, i) => i > 0 && t.length >= width * 0.8 && /^\p{Ll}/u.test(t) && lines[i - 1]!.length > 0 && lines[i - 1]!.length < width * 0.7 && !/[.;:,!?]$/u.test(lines[i - 1]!));
}

const CABLE_LINE = /^\p{Lu}[\p{Lu}\s.&-]{2,80}?\s*,?\s(?:điện|Điện|ĐIỆN)\s*:/u;

const PLACE_DATE_REST = /^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){0,2},\s*ngày\s+\d{1,2}\s*(?:tháng|[/.-])/u;

export function cleanLines(input: string): Line[] {
  const text = input
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, " ");
  const stripped = tableNumbers(bareNumbers(text.split("\n").map(stripResidue)));
  const width = wrapWidth(stripped);
  const cutFirst = shortFirstLines(stripped, width);
  const out: OpenLine[] = [];
  let blank = false;
  let lastRaw = "";
  for (const t of stripped) {
    // "… bảo đảm đến hết tháng" / "12" / "năm 2025 …": a number wrapped away from its label is text, not a page number.
    const labelled = /\s(?:số|ngày|tháng|năm)$/u.test(lastRaw) && /^\d{1,4}$/u.test(t);
    if (t === "" || RULE_LINE.test(t) || (PAGE_NUMBER.test(t) && !labelled)) {
      if (t === "" || RULE_LINE.test(t)) blank = true;
      continue;
    }
    const prev = out[out.length - 1];
    const openEnd = !/[.;:,!?]$/u.test(lastRaw);
    // "chính trị" / "- xã hội": a hyphen wrapped to the start of a line, not a dash item.
    // In hard-wrapped text a full line ending in a capitalised word may break inside a hyphenated name ("Giám đốc các
    // Sở: Lao động" / "- Thương binh và Xã hội, …").
    // "… nhiệm kỳ 2021" / "- 2026": a range of numbers wrapped at its dash.
    const wrappedHyphen = !blank && openEnd && (/^[-–]\s+\p{Ll}/u.test(t) || (/\d$/u.test(lastRaw) && /^[-–]\s*\d/u.test(t)) || (width > 0 && lastRaw.length >= width * 0.8 && /\s\p{Lu}\p{Ll}*(?:\s\p{Ll}+)?$/u.test(lastRaw) && /^[-–]\s+\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)*\s+và\s+\p{Lu}/u.test(t)));
    const isMarker = MARKER_START.test(t) && !wrappedHyphen;
    const startsLower = /^[\p{Ll}]/u.test(t) && !isMarker;
    const headerBlock = isUpperLine(t) && HEADER_BLOCK.test(t);
    // A header line that fills the width ("Số: 1432/UBND-NV Mộ Đức, ngày 05 tháng 10 năm 2015") is not wrapped into
    // the "V/v" or "Kính gửi" line under it.
    // Nor into a công điện's address line ("BỘ XÂY DỰNG điện:", "THỦ TƯỚNG CHÍNH PHỦ điện:") under a long title.
    // Nor a recipient or title line into the sentence that opens the body under it ("Kính gửi: Ủy ban nhân dân các tỉnh,
    // thành phố trực thuộc TW" / "Trong khuôn khổ …"): mid-sentence those words are in lower case.
    const fullLine = width > 0 && !blank && lastRaw.length >= width * 0.8 && !/[.;:!?]$/u.test(lastRaw) && !/^(?:V\/v|Kính gửi|Số\s*:|Nơi nhận)/iu.test(t) && !CABLE_LINE.test(t) && !(/^\p{Lu}\p{Ll}/u.test(t) && (BLOCK_OPENER.test(t) || CAUSE_OPENER.test(t)) && !t.startsWith("("));
    const joinable =
      prev !== undefined &&
      !STAMP_LINE.test(t) &&
      !prev.whole(STAMP_LINE) &&
      (prev.whole(MARKER_ONLY) ||
        // "Hà" / "Nội, ngày 21 tháng 11 năm 2025": a place name broken before the header's date line.
        (prev.whole(/^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*)?$/u) && PLACE_DATE_REST.test(t)) ||
        (!blank && !isMarker && prev.whole(KIND_ONLY_ITEM) && /^\p{Lu}/u.test(t)) ||
        // "5. Về đề nghị sửa đổi, bổ sung Nghị định số" / "76/2019/NĐ-CP …": a number's label wrapped from its number.
        (!blank && !isMarker && /^\d/u.test(t) && prev.ends(/\s(?:số|ngày|tháng|năm)$/u)) ||
        // "Giao Sở Nông nghiệp và" / "Phát triển nông thôn …": a line ending in a conjunction or preposition goes on.
        (!isMarker && !headerBlock && prev.ends(/\s(?:và|của|với|cho|tại|về|trong|theo|hoặc|các|những|từ|đến|thuộc|giữa)$/u)) ||
        // "Điều 3. Chánh Văn phòng" / "UBND Thành phố; …, Giám đốc" / "Kho bạc Nhà nước khu vực I, …": a title wrapped
        // away from the body it heads goes on onto the next line.
        (!blank && !isMarker && !headerBlock && /^\p{Lu}/u.test(t) && !prev.upper() && prev.ends(TITLE_END)) ||
        // "Điều 5. Bộ trưởng các Bộ:" / "Xây dựng, Ngoại giao, Tư pháp …": the units a kind names before its colon go on
        // the line under it.
        (!blank && !isMarker && !headerBlock && /^\p{Lu}/u.test(t) && prev.ends(KIND_COLON_END)) ||
        wrappedHyphen ||
        // "1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ," / "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố": a numbered
        // heading's list of bodies, wrapped after a comma, goes on with the names on the next line.
        (!blank && !isMarker && !headerBlock && prev.ends(/,$/) && prev.starts(NUMBERED_START) && isNameList(t)) ||
        // A full line under a paragraph's first line cut short ("… của Ban Tổ chức" / "Trung ương tại …").
        (cutFirst && !blank && openEnd && !isMarker && !headerBlock && t.length >= width * 0.8 && lastRaw.length < width * 0.8 && !BLOCK_OPENER.test(t) && prev.upper() === isUpperLine(t)) ||
        // "Giám đốc các trung tâm" / "GDNN-GDTX.": an abbreviation wrapped alone onto the next line ends the name.
        (!blank && openEnd && ABBREV_TAIL.test(t) && !STAMP_LINE.test(t) && !prev.upper() && prev.ends(/\p{Ll}$/u)) ||
        (fullLine && !isMarker && !headerBlock) ||
        // "… đã có công văn" / "Số: 2686 /STTTT-TTBCXB gửi …": the number of the document the line above names.
        (!blank && prev.ends(/(?:công văn|văn bản|kế hoạch|thông báo|quyết định|chỉ thị|công điện|hướng dẫn)$/iu) && /^Số\s*:?\s*\d/u.test(t)) ||
        // A full line ending in ";" or "," inside a wrapped sentence ("… thành phố;" / "Cổng Thông tin điện tử …").
        (width > 0 && !blank && lastRaw.length >= width * 0.9 && prev.ends(/[;,]$/u) && !isMarker && !headerBlock && !BLOCK_OPENER.test(t) && !prev.starts(/^Kính gửi/iu)) ||
        (startsLower && !prev.ends(/[.!?:]$/) && !prev.whole(/^Kính gửi\s*:?\s*$/iu)) ||
        // A capitalised line only continues the one above in hard-wrapped text: portal pages keep one paragraph a line,
        // and their short lines (a recipient, a title) end without punctuation.
        (!blank && !isMarker && (!/^\p{Lu}/u.test(t) || isUpperLine(t) || (width > 0 && lastRaw.length >= width * 0.6) || prev.starts(/^V\/v/iu) || prev.coordListOpen()) &&
          !prev.ends(/[.;:!?]$/) && !(prev.ends(/,$/) && prev.starts(MARKER_START) && !prev.coordListOpen()) &&
          !prev.starts(/^Kính gửi/iu) && !prev.heading() &&
          !BLOCK_OPENER.test(t) && !CAUSE_OPENER.test(t) && prev.upper() === isUpperLine(t) && !headerBlock &&
          !(prev.length < 80 && isNameLine(prev.text(), t))));
    if (joinable && prev) prev.append(t);
    else out.push(new OpenLine(t, blank));
    blank = false;
    lastRaw = t;
  }
  return out.map((l) => ({ text: l.text(), blankBefore: l.blankBefore }));
}

/**
 * A logical line while wrapped lines are joined onto it. Joining by string concatenation and testing the grown line
 * with regexes made every join cost the whole line so far (a 40,000-line paragraph took seconds): the line keeps its
 * parts, and what the joining rules ask (its start, its end, whether it is all upper case, whether a coordinator list
 * is open) is kept up to date as parts arrive, in time proportional to the part.
 */
class OpenLine {
  private readonly parts: string[];
  /** The first HEAD_CHARS characters: every start-anchored rule looks no further. */
  private head: string;
  /** The last TAIL_CHARS characters: every end-anchored rule looks no further back. */
  private tail: string;
  length: number;
  private hasUpper: boolean;
  private allUpper: boolean;
  /** Index of the last ".", ";" or ":" and of the last "phối hợp" followed by a space (-1: none). */
  private lastStop: number;
  private lastCoord = -1;

  constructor(first: string, readonly blankBefore: boolean) {
    this.parts = [first];
    this.head = first.slice(0, HEAD_CHARS);
    this.tail = first.slice(-TAIL_CHARS);
    this.length = first.length;
    this.hasUpper = /\p{Lu}/u.test(first);
    this.allUpper = !/[a-z]/.test(first) && first === first.toUpperCase();
    this.lastStop = lastStopIn(first);
    this.scanCoord(first, 0);
  }

  append(t: string): void {
    const joined = ` ${t}`;
    const at = this.length;
    const window = this.tail.slice(-COORD_WORD.length) + joined;
    this.scanCoord(window, at - Math.min(COORD_WORD.length, this.tail.length));
    const stop = lastStopIn(joined);
    if (stop >= 0) this.lastStop = at + stop;
    this.parts.push(t);
    if (this.head.length < HEAD_CHARS) this.head = (this.head + joined).slice(0, HEAD_CHARS);
    this.tail = (this.tail + joined).slice(-TAIL_CHARS);
    this.length += joined.length;
    this.hasUpper ||= /\p{Lu}/u.test(t);
    this.allUpper &&= !/[a-z]/.test(t) && t === t.toUpperCase();
  }

  private scanCoord(window: string, offset: number): void {
    for (const m of window.matchAll(COORD_AT)) this.lastCoord = Math.max(this.lastCoord, offset + m.index);
  }

  text(): string {
    return this.parts.length === 1 ? this.parts[0]! : this.parts.join(" ");
  }

  /** An end-anchored rule whose match is never longer than TAIL_CHARS. */
  ends(re: RegExp): boolean {
    return re.test(this.tail);
  }

  /** A start-anchored rule whose match (and look-ahead) stays within HEAD_CHARS. */
  starts(re: RegExp): boolean {
    return re.test(this.head);
  }

  /** A rule anchored at both ends that only short lines can match (single spaces: none is near WHOLE_CHARS long). */
  whole(re: RegExp): boolean {
    return this.length <= WHOLE_CHARS && re.test(this.text());
  }

  upper(): boolean {
    return this.hasUpper && this.allUpper;
  }

  /** COORD_LIST_OPEN on the whole line: ends in "," after a "phối hợp (với)" with no ".", ";" or ":" since. */
  coordListOpen(): boolean {
    return this.tail.endsWith(",") && this.lastCoord >= 0 && this.lastCoord > this.lastStop;
  }

  heading(): boolean {
    return isHeading(this.head, this.length);
  }
}

const HEAD_CHARS = 4000;
const TAIL_CHARS = 200;
const WHOLE_CHARS = 200;
const COORD_WORD = "phối hợp ";
const COORD_AT = /phối hợp\s/gu;

function lastStopIn(s: string): number {
  return Math.max(s.lastIndexOf("."), s.lastIndexOf(";"), s.lastIndexOf(":"));
}

/**
 * A numbered heading ("1. Mục đích", "2. Sở Y tế", "10. Đề nghị Ban Dân vận Thành ủy"): what follows is its body.
 * `head` is the line's start (a list of bodies is read within 500 characters), `length` the whole line's length.
 */
function isHeading(head: string, length: number): boolean {
  const m = MARKER_START.exec(head);
  if (!m || /^[-–—+•·●▪◦➢❖]/u.test(head)) return false;
  const lead = /^(?:Đề nghị|Giao)\s+/u.exec(head.slice(m[0].length));
  const rest = head.slice(m[0].length + (lead ? lead[0].length : 0));
  const restLength = length - m[0].length - (lead ? lead[0].length : 0);
  if (restLength <= 60) return true;
  // Trailing spaces, ":" and "." do not count (the caller has already ruled them out on long lines).
  let trailing = 0;
  if (restLength === rest.length) while (trailing < rest.length && /[\s:.]/u.test(rest[rest.length - 1 - trailing]!)) trailing++;
  return bodyHeadAt(rest) > 0 && readList(rest).end >= restLength - trailing;
}

/** A line that is only a list of bodies ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"). */
function isNameList(t: string): boolean {
  return t.length < 200 && bodyHeadAt(t) > 0 && readList(t).end >= t.replace(/[\s,;:.]+$/u, "").length;
}

/** One body's name per line ("Sở Y tế" / "Sở Tài chính"): a list, not a wrapped sentence. */
function isNameLine(prev: string, next: string): boolean {
  return prev.length < 80 && bodyHeadAt(prev) > 0 && bodyHeadAt(next) > 0 && readList(prev).end >= prev.length;
}

function isUpperLine(s: string): boolean {
  // A line with an ASCII small letter is not all capitals (most lines; no need to build its upper-case copy).
  return !/[a-z]/.test(s) && /\p{Lu}/u.test(s) && s === s.toUpperCase();
}
