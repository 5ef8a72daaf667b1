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

const MARKER_ONLY = /^(?:Điều\s+\d{1,3}\s*[.:]?|[IVX]{1,5}\s*[.\-–)]|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.\-–)]|[a-zđ]\s*\)|Số\s*:?)$/u;
export const MARKER_START =
  /^(?:Điều\s+\d|[IVX]{1,5}\s*[.\-–)]|\d{1,2}(?:\.\d{1,2}){0,3}\s*(?:[.)]|[-–](?![A-ZĐ]{1,8}\s*\/)|\/(?=\s))(?!\d)|[a-zđ]\s*[).]\s|[-–—+•·●▪◦➢❖]\s*)/u;
const PAGE_NUMBER = /^(?:\d{1,6}\s*[-–]\s*\d{1,4}|[-–]\s*\d{1,4}\s*[-–]|(?:Trang|trang)\s+\d{1,4}(?:\s*\/\s*\d{1,4})?|\d{1,3})$/u;
// A new sentence or block, never the wrapped tail of the line before.
const BLOCK_OPENER =
  /^(?:Kính gửi|Căn cứ|Thực hiện|Theo|Để|Nhằm|Ngày\s+\d|Nơi nhận|Số\s*:|Số\s+\d|V\/v|\(|Trong|Tuy nhiên|Sau khi|Hiện nay|Qua|Trên cơ sở|Kỷ niệm|Nhận được|Cập nhật|Ngoài ra|Đồng thời|(?:Công văn|Kế hoạch|Thông báo|Quyết định|Chỉ thị|Báo cáo|Hướng dẫn)\s+(?:về việc|v\/v))(?![\p{L}])/iu;
// Upper-case header blocks that start afresh: the issuer repeated above "Căn cứ", the national motto, a type heading.
const HEADER_BLOCK = /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|CHỦ TỊCH|HỘI ĐỒNG|BỘ TRƯỞNG|GIÁM ĐỐC|BAN THƯỜNG VỤ|THƯỜNG TRỰC|CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|ĐẢNG CỘNG SẢN|QUYẾT ĐỊNH|KẾ HOẠCH|CHỈ THỊ|THÔNG BÁO|CÔNG VĂN|HƯỚNG DẪN|T\/M|TM\.|KT\.)/u;
// Secrecy and urgency stamps stand on their own line: never glued to the issuer above or the number below (a MẬT stamp
// lost into the issuer would let a secret dispatch be fanned out).
export const STAMP_LINE = /^(?:TUYỆT MẬT|TỐI MẬT|MẬT|HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)$/u;
// "… chủ trì, phối hợp với Văn phòng Huyện ủy," wrapped before the next coordinator: the list goes on.
const COORD_LIST_OPEN = /phối hợp(?:\s+(?:với|cùng))?\s+[^.;:]*,$/u;
const ABBREV_TAIL = /^[A-ZĐ]{2,}(?:\s*[-–&]\s*[A-ZĐ]{2,})*[.;,]?$/u;
const RULE_LINE = /^[|\-–—_=*.\s]+$/u;

// HTML as portals and converters emit it (lower-case tag names); "A<B>&C" written in a dispatch is text.
const HTML_TAG =
  /<\/?(?:p|br|div|span|b|i|u|em|strong|a|img|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|sup|sub|font|center|hr|blockquote|pre|code|section|article|header|footer|figure|figcaption|o:p)(?:\s[^<>\n]{0,200})?\s*\/?>/g;

/** Markdown emphasis: paired stars ("**bold**", "*italic*"), and an opening or closing star whose partner sits on
 *  another line (a wrapped italic). A star inside text ("A*B", "3 * 4") is kept. */
function stripStars(line: string): string {
  let s = line.replace(/(\*{1,3})(?=[^\s*])((?:(?!\1)[^\n])*?[^\s*])\1(?!\*)/g, "$2").replace(/\*{2,}/g, "");
  s = s.replace(/^(\s*)\*(?=[^\s*])/u, "$1").replace(/(?<=[^\s*])\*(\s*)$/u, "$1");
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
 * Width of a hard-wrapped text (PDF extraction, e-mail): most lines end near the same column. 0 when the text keeps
 * one line per paragraph.
 */
function wrapWidth(lines: string[]): number {
  const lens = lines.map((l) => l.length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lens.length < 8) return 0;
  const width = lens[Math.floor(lens.length * 0.9)]!;
  const full = lens.filter((n) => n >= width * 0.8 && n <= width).length;
  return width >= 40 && width <= 130 && full / lens.length >= 0.3 ? width : 0;
}

export function cleanLines(input: string): Line[] {
  const text = input
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, " ");
  const stripped = text.split("\n").map(stripResidue);
  const width = wrapWidth(stripped);
  const out: Line[] = [];
  let blank = false;
  let lastRaw = "";
  for (const t of stripped) {
    if (t === "" || RULE_LINE.test(t) || PAGE_NUMBER.test(t)) {
      if (t === "" || RULE_LINE.test(t)) blank = true;
      continue;
    }
    const prev = out[out.length - 1];
    const openEnd = !/[.;:,!?]$/u.test(lastRaw);
    // "chính trị" / "- xã hội": a hyphen wrapped to the start of a line, not a dash item.
    // In hard-wrapped text a full line ending in a capitalised word may break inside a hyphenated name ("Giám đốc các
    // Sở: Lao động" / "- Thương binh và Xã hội, …").
    const wrappedHyphen = !blank && openEnd && (/^[-–]\s+\p{Ll}/u.test(t) || (width > 0 && lastRaw.length >= width * 0.8 && /\s\p{Lu}\p{Ll}*(?:\s\p{Ll}+)?$/u.test(lastRaw) && /^[-–]\s+\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)*\s+và\s+\p{Lu}/u.test(t)));
    const isMarker = MARKER_START.test(t) && !wrappedHyphen;
    const startsLower = /^[\p{Ll}]/u.test(t) && !isMarker;
    const headerBlock = isUpperLine(t) && HEADER_BLOCK.test(t);
    // A header line that fills the width ("Số: 1432/UBND-NV Mộ Đức, ngày 05 tháng 10 năm 2015") is not wrapped into
    // the "V/v" or "Kính gửi" line under it.
    const fullLine = width > 0 && !blank && lastRaw.length >= width * 0.8 && !/[.;:!?]$/u.test(lastRaw) && !/^(?:V\/v|Kính gửi|Số\s*:|Nơi nhận)/iu.test(t);
    const joinable =
      prev !== undefined &&
      !STAMP_LINE.test(t) &&
      !STAMP_LINE.test(prev.text) &&
      (MARKER_ONLY.test(prev.text) ||
        // "Giao Sở Nông nghiệp và" / "Phát triển nông thôn …": a line ending in a conjunction or preposition goes on.
        (!isMarker && !headerBlock && /\s(?:và|của|với|cho|tại|về|trong|theo|hoặc)$/u.test(prev.text)) ||
        wrappedHyphen ||
        // "Giám đốc các trung tâm" / "GDNN-GDTX.": an abbreviation wrapped alone onto the next line ends the name.
        (!blank && openEnd && ABBREV_TAIL.test(t) && !STAMP_LINE.test(t) && !isUpperLine(prev.text) && /\p{Ll}$/u.test(prev.text)) ||
        (fullLine && !isMarker && !headerBlock) ||
        // "… đã có công văn" / "Số: 2686 /STTTT-TTBCXB gửi …": the number of the document the line above names.
        (!blank && /(?:công văn|văn bản|kế hoạch|thông báo|quyết định|chỉ thị|công điện|hướng dẫn)$/iu.test(prev.text) && /^Số\s*:?\s*\d/u.test(t)) ||
        // A full line ending in ";" or "," inside a wrapped sentence ("… thành phố;" / "Cổng Thông tin điện tử …").
        (width > 0 && !blank && lastRaw.length >= width * 0.9 && /[;,]$/u.test(prev.text) && !isMarker && !headerBlock && !BLOCK_OPENER.test(t) && !/^Kính gửi/iu.test(prev.text)) ||
        (startsLower && !/[.!?:]$/.test(prev.text) && !/^Kính gửi\s*:?\s*$/iu.test(prev.text)) ||
        // A capitalised line only continues the one above in hard-wrapped text: portal pages keep one paragraph a line,
        // and their short lines (a recipient, a title) end without punctuation.
        (!blank && !isMarker && (!/^\p{Lu}/u.test(t) || isUpperLine(t) || (width > 0 && lastRaw.length >= width * 0.6) || /^V\/v/iu.test(prev.text) || COORD_LIST_OPEN.test(prev.text)) && !/[.;:!?]$/.test(prev.text) && !(/,$/.test(prev.text) && MARKER_START.test(prev.text) && !COORD_LIST_OPEN.test(prev.text)) &&
          !/^Kính gửi/iu.test(prev.text) && !isHeading(prev.text) &&
          !BLOCK_OPENER.test(t) && isUpperLine(prev.text) === isUpperLine(t) && !headerBlock &&
          !isNameLine(prev.text, t)));
    if (joinable && prev) prev.text = `${prev.text} ${t}`;
    else out.push({ text: t, blankBefore: blank });
    blank = false;
    lastRaw = t;
  }
  return out;
}

/** A numbered heading ("1. Mục đích", "2. Sở Y tế", "10. Đề nghị Ban Dân vận Thành ủy"): what follows is its body. */
function isHeading(line: string): boolean {
  const m = MARKER_START.exec(line);
  if (!m || /^[-–—+•·●▪◦➢❖]/u.test(line)) return false;
  const rest = line.slice(m[0].length).replace(/^(?:Đề nghị|Giao)\s+/u, "");
  if (rest.length <= 60) return true;
  return bodyHeadAt(rest) > 0 && readList(rest).end >= rest.replace(/[\s:.]+$/u, "").length;
}

/** One body's name per line ("Sở Y tế" / "Sở Tài chính"): a list, not a wrapped sentence. */
function isNameLine(prev: string, next: string): boolean {
  return prev.length < 80 && bodyHeadAt(prev) > 0 && bodyHeadAt(next) > 0 && readList(prev).end >= prev.length;
}

function isUpperLine(s: string): boolean {
  return /\p{Lu}/u.test(s) && s === s.toUpperCase();
}
