/**
 * Step: the holders a plan's running order or roster names after a duty ("- Ổn định tổ chức, đón học sinh lớp 6 (Đ/c
 * Hùng.)", "- Đánh trống khai trường (Đại biểu xã hoặc Hiệu trưởng)"): a school's or a commune's plan writes who does
 * each step in parentheses at the end of its line, where a body's plan would open the sentence with the body.
 */
import { bodyHeadAt, holderAt, readList, splitList } from "./bodies.js";

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
