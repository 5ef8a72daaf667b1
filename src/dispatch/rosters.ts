/**
 * Step: the holders a plan's running order or roster names after a duty ("- Ổn định tổ chức, đón học sinh lớp 6 (Đ/c
 * Hùng.)", "- Đánh trống khai trường (Đại biểu xã hoặc Hiệu trưởng)"): a school's or a commune's plan writes who does
 * each step in parentheses at the end of its line, where a body's plan would open the sentence with the body.
 */
import { bodyHeadAt, holderAt, readList, splitList } from "./bodies.js";
import { POSITION_SRC } from "./lexicon.js";

// The parenthesis closing a line, and what stands before it: the duty, opening with its verb or noun in capitals.
// "Đọc thư chúc mừng … của chủ tịch nước. (Đ/c Thanh)": the parenthesis may stand after the duty's full stop, alone.
const CLOSING_PARENS = /^(?:(\p{Lu}[^\n]{3,200}?)\s*)?\(\s*([^()]{2,60}?)\s*[.;,]?\s*\)\s*[.;,]?\s*$/u;
// A parenthesis that says what the step is, not who does it ("(1 hồi 9 tiếng)", "(nếu có)", "(có danh sách kèm theo)").
const NOT_HOLDER = /^(?:qua|theo|nếu|kèm|có|gồm|trừ|từ|đến|ví dụ|tức|hoặc|và|của|do|đối với|danh sách|mẫu|phụ lục)(?![\p{L}])/iu;

/** The persons or posts named in parentheses at the end of a duty line; null when the line names none. */
export function heldInParens(s: string): { holders: string[]; duty: string } | null {
  const m = CLOSING_PARENS.exec(s.trim());
  if (!m) return null;
  const inside = m[2]!;
  const duty = m[1] ?? "";
  if (NOT_HOLDER.test(inside) || !holderAt(inside) || bodyHeadAt(duty) > 0) return null;
  const { list, end } = readList(inside);
  // The parenthesis must hold only the holders ("Đại biểu xã hoặc Hiệu trưởng": either of them, one holder).
  const rest = inside.slice(end).trim();
  const either = /^hoặc\s+/u.exec(rest);
  if (rest !== "" && !(either && holderAt(rest.slice(either[0].length)))) return null;
  const holders = either ? [inside.replace(/[.;,\s]+$/u, "")] : splitList(list);
  return holders.length ? { holders, duty: duty.trim() } : null;
}

// "cô Mai Thị Duyên … Cô Duyên liên hệ …": a roster names a person in full once, then by honorific and given name.
const PERSON = /^([Tt]hầy|[Cc]ô|[Đđ]\/[Cc]|[Đđ]ồng chí)\s+((?:\p{Lu}\p{Ll}*\s+)*)(\p{Lu}\p{Ll}*)$/u;

/** The same person written in full and by the given name alone, under the same honorific. */
export function samePerson(a: string, b: string): boolean {
  const x = PERSON.exec(a.trim());
  const y = PERSON.exec(b.trim());
  return !!x && !!y && x[1]!.toLowerCase() === y[1]!.toLowerCase() && x[3] === y[3] && (x[2] === "" || y[2] === "");
}

// The staff and the people a school or a commune addresses, as the label of a roster line ("Cán bộ, công chức, viên
// chức: Tiếp tục tổ chức …", "Giáo viên: Coi thi công bằng …", "Học sinh: Trung thực trong thi cử …", "Đ/c Hùng: Phụ
// trách chung"). In the label place only: elsewhere these words name the staff in what a notice informs ("Cán bộ, công
// chức … nghỉ Tết …").
const STANDING = new RegExp(`^(?:(?:tất cả|toàn thể)\\s+)?(?:các\\s+)?(?:${POSITION_SRC.join("|")}|cán bộ|công chức|viên chức|học sinh|sinh viên|người lao động|đoàn viên|hội viên|đảng viên|chiến sĩ|công nhân viên|cbvc|cbgv|cbcc)(?![\\p{L}])`, "iu");
// What may follow the standing in its label: its field, the school, a class number or the unit's name (capitalised).
const STANDING_TAIL = /^(?:\s+(?:chủ nhiệm|bộ môn|chuyên môn|nhà trường|toàn trường|\p{Lu}[\p{L}\d]*|\d[\p{L}\d]*))*$/u;
const PERSON_ITEM = /^(?:[Tt]hầy|[Cc]ô|[Đđ]\/[Cc]|[Đđ]ồng chí)(?:\s+\p{Lu}\p{Ll}*){1,4}$/u;
const isStanding = (item: string) => {
  const m = STANDING.exec(item);
  return (m !== null && STANDING_TAIL.test(item.slice(m[0].length))) || PERSON_ITEM.test(item);
};

/** "Giáo viên: Coi thi …": the standings a roster line's label names, and the duty after it ("" for a heading). */
export function holderLabel(s: string): { holders: string[]; duty: string } | null {
  const t = s.trim();
  const colon = t.indexOf(":");
  if (colon < 2 || colon > 80) return null;
  const duty = t.slice(colon + 1).trim();
  if (duty !== "" && !/^\p{L}/u.test(duty)) return null;
  const label = t.slice(0, colon).trim();
  // "GV/NV", "Cán bộ - giáo viên", not the slash of "Đ/c".
  const items = label.split(/\s*[,–-]\s*|\s+và\s+|\s*\/\s*(?=\p{L}{2})/u);
  if (!items.every(isStanding)) return null;
  // Persons each hold the duty; a list of standings is one collective ("Cán bộ, công chức, viên chức").
  return { holders: items.every((i) => PERSON_ITEM.test(i)) ? items : [label], duty };
}
