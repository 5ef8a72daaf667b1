/**
 * Labelled fields of a plan's task item ("kế hoạch", "đề án"): the item says what to do, then names its bodies and its
 * time in fields of their own — "- Đơn vị chủ trì: Sở Khoa học và Công nghệ. - Đơn vị phối hợp: Các Sở, ban, ngành. -
 * Thời gian thực hiện: Quý IV/2025.", "b) Cơ quan thực hiện: Sở Nội vụ chủ trì …", "(Chủ trì: Sở Tư pháp; phối hợp: các
 * sở, ngành; thời gian: năm 2026)". The field's label gives the role: "chủ trì" leads, "phối hợp" coordinates, "thực
 * hiện"/"phụ trách"/"trách nhiệm" names the bodies that do it (read as a sentence when it has its own verb frame "X chủ
 * trì, phối hợp với Y"); the time field is the item's deadline. The lines are the item's details, never items of
 * their own.
 */
import type { OutlineNode } from "./outline.js";
import { coordinatorsIn, leadsIn, leadsOfSentence } from "./roles.js";
import { bodyHeadAt, readList, splitList } from "./bodies.js";

export type FieldKind = "lead" | "coordinate" | "doer" | "time" | "detail";

// Who is named by a noun of kind before the role word ("Đơn vị chủ trì", "Cơ quan, đơn vị phối hợp").
const WHO = "(?:(?:cơ quan|đơn vị|bộ phận|tổ chức|lực lượng|cá nhân|người)(?:\\s*(?:,|\\/|và)\\s*(?:cơ quan|đơn vị|bộ phận|tổ chức|cá nhân))?\\s+)";
const LABELS: ReadonlyArray<[FieldKind, string]> = [
  ["lead", `${WHO}?chủ trì(?:\\s+(?:thực hiện|triển khai|tham mưu|xây dựng|soạn thảo))?|${WHO}đầu mối(?:\\s+thực hiện)?`],
  ["coordinate", `${WHO}?phối hợp(?:\\s+(?:thực hiện|triển khai))?`],
  ["doer", `${WHO}(?:thực hiện|triển khai|phụ trách|chịu trách nhiệm|được giao)|trách nhiệm(?:\\s+thực hiện)?|phân công(?:\\s+thực hiện)?|phụ trách`],
  ["time", "thời (?:gian|hạn)(?:\\s+(?:thực hiện|hoàn thành|triển khai|trình|báo cáo))?|tiến độ(?:\\s+(?:thực hiện|hoàn thành))?|hạn hoàn thành"],
  ["detail", "nhiệm vụ|nội dung(?:\\s+(?:thực hiện|công việc|nhiệm vụ|hoạt động))?|sản phẩm(?:\\s+(?:đầu ra|dự kiến))?|kết quả(?:\\s+(?:đầu ra|dự kiến|sản phẩm))?|hình thức(?:\\s+(?:văn bản|sản phẩm))?|kinh phí(?:\\s+thực hiện)?|nguồn kinh phí|cấp (?:trình|ban hành)"],
];
const LABEL_SRC = LABELS.map(([k, s]) => `(?<${k}>${s})`).join("|");
// A field at the start of a line (its marker already taken off, or still on it) …
const FIELD_AT = new RegExp(`^[\\s\\-–+•*]*(?:${LABEL_SRC})\\s*:\\s*`, "iu");
// … or after a sentence or clause in the same line: "…. Chủ trì: Sở Y tế; phối hợp: …", "(Cơ quan chủ trì: …)".
const FIELD_IN = new RegExp(`(?:^[\\s\\-–+•*]*|[.;(]\\s*|\\s[-–]\\s)(?:${LABEL_SRC})\\s*:\\s*`, "gimu");

export interface Field {
  kind: FieldKind;
  value: string;
}

function kindOf(groups: Record<string, string | undefined> | undefined): FieldKind {
  for (const [k] of LABELS) if (groups?.[k] !== undefined) return k;
  return "detail";
}

/** The field a line opens with, or null. */
export function fieldAt(line: string): Field | null {
  const m = FIELD_AT.exec(line);
  return m ? { kind: kindOf(m.groups), value: line.slice(m[0].length).trim() } : null;
}

/** Every field a text states, in order; each value runs to the next field (or the closing parenthesis). */
export function fieldsIn(text: string): Field[] {
  const out: Field[] = [];
  const found = [...text.matchAll(FIELD_IN)];
  found.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = i + 1 < found.length ? found[i + 1]!.index : text.length;
    let value = text.slice(from, to);
    // A field ends at its line; "(Chủ trì: Sở Tư pháp; thời gian: …)": a parenthesis it did not open closes it.
    value = value.split("\n")[0]!;
    const close = value.indexOf(")");
    if (close >= 0 && !value.slice(0, close).includes("(")) value = value.slice(0, close);
    out.push({ kind: kindOf(m.groups), value: value.replace(/[\s.;,]+$/u, "").trim() });
  });
  return out;
}

// Words after which a list of bodies does not go on: the value's modifiers ("… trong phạm vi chức năng, nhiệm vụ").
const MODIFIER = /^(?:trong|theo|thuộc|tại|ở|của|về|đối với|liên quan|có liên quan|khi|nếu|để|nhằm|căn cứ)(?![\p{L}])/iu;

/** The bodies a field's value lists ("Bảo hiểm xã hội Thành phố, Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ), Ủy
 *  ban nhân dân xã, phường, đặc khu và các cơ quan, đơn vị có liên quan"). */
export function bodiesOfValue(value: string): string[] {
  const names: string[] = [];
  let rest = value.replace(/[\s.;,]+$/u, "");
  // Whether the last name may take more words: not after the words that modify the list.
  let open = false;
  let sep = " ";
  for (let guard = 0; rest && guard < 40; guard++) {
    const r = bodyHeadAt(rest) > 0 ? readList(rest) : { list: "", end: 0 };
    if (r.end > 0) {
      names.push(...splitList(r.list));
      rest = rest.slice(r.end);
      open = true;
    }
    // Up to the next separator outside parentheses.
    let depth = 0;
    let k = 0;
    for (; k < rest.length; k++) {
      const c = rest[k]!;
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      else if (depth === 0 && (c === "," || c === ";")) break;
      else if (depth === 0 && rest.startsWith(" và ", k)) break;
    }
    const tail = rest.slice(0, k).trim();
    const last = names.length - 1;
    if (!tail) {
      // nothing between the list and the separator
    } else if (MODIFIER.test(tail)) open = false;
    else if (r.end > 0 && last >= 0 && (tail.startsWith("(") || (/^\p{Ll}/u.test(tail) && /\p{Lu}/u.test(tail)))) {
      // A name cut where its own words looked like a verb ("Trung tâm Dịch vụ việc" / "làm Thành phố (Sở Nội vụ)"), or
      // its parenthesis: the words up to the separator finish it.
      names[last] = `${names[last]} ${tail}`;
    } else if (r.end === 0 && open && last >= 0 && /^(?:các\s|tất cả\s)/iu.test(names[last]!) && /^\p{Ll}/u.test(tail) && tail.split(/\s+/u).length <= 6) {
      // "các cơ quan, tổ chức khác có liên quan": a kind word going on with a collective.
      names[last] = `${names[last]}${sep}${tail}`;
    } else if (r.end === 0 && /^\p{Lu}/u.test(tail) && tail.length <= 100) {
      // A capitalised name in a list of bodies is a body, though its head noun is not a known one.
      names.push(tail);
      open = true;
    } else if (r.end === 0) open = false;
    if (r.end === 0 && k === 0 && rest.length) k = 1;
    rest = rest.slice(k);
    const m = /^(?:\s*[,;]\s*|\s+và\s+|\s+)/u.exec(rest);
    sep = m ? (m[0].includes("và") ? " và " : `${m[0].trim()} `) : " ";
    rest = rest.slice(m ? m[0].length : 0);
  }
  return names.map((n) => n.trim()).filter(Boolean);
}

// A value that is a sentence of its own: bodies, then the work ("Sở Nội vụ chủ trì tham mưu …; Sở Tư pháp … chủ động
// tổ chức triển khai …").
const FRAME = /^(?:chủ động|tiếp tục|khẩn trương|chủ trì|phối hợp|tham mưu|thực hiện|triển khai|tổ chức|chịu trách nhiệm|có trách nhiệm|xây dựng|hướng dẫn|theo dõi|rà soát|kiểm tra|phụ trách|đảm nhận|đảm nhiệm)(?![\p{L}])/u;

export interface ItemFields {
  lead: string[];
  coordinate: string[];
  /** The time field's value(s), in order. */
  time: string[];
}

/** Roles from a list of fields; null when no field names a body. */
export function rolesOf(fields: Field[]): ItemFields | null {
  const lead: string[] = [];
  const coordinate: string[] = [];
  const time: string[] = [];
  for (const f of fields) {
    if (f.kind === "time") {
      if (f.value) time.push(f.value);
      continue;
    }
    if (f.kind === "detail" || !f.value) continue;
    const l = leadsOfSentence(f.value);
    const framed = l !== null && FRAME.test(l.verb);
    if (framed) {
      // "Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với …": the frame of the value gives the roles.
      const leads = leadsIn(f.value);
      (f.kind === "coordinate" ? coordinate : lead).push(...leads);
      coordinate.push(...coordinatorsIn(f.value));
    } else (f.kind === "coordinate" ? coordinate : lead).push(...bodiesOfValue(f.value));
  }
  return lead.length ? { lead, coordinate, time } : null;
}

/** An item's line and its paragraphs, a paragraph after a line that ends mid-sentence ("Sở Nội vụ, Sở" / "Giáo dục và
 *  Đào tạo, Sở Tài chính.") being its wrapped tail unless it opens a field of its own. */
function unwrap(node: OutlineNode): string {
  const parts = [node.head];
  let prev = node.head;
  for (const p of node.paras) {
    parts.push(/[.;:!?]\s*$/u.test(prev.slice(-20)) || FIELD_AT.test(p) ? "\n" : " ", p);
    prev = p;
  }
  return parts.join("");
}

/**
 * The fields of an outline item: in its own lines (head and paragraphs, inline too), in the children whose line is a
 * field ("- Đơn vị chủ trì: …", "c) Thời gian thực hiện: …"), and under a child that only opens a group of fields ("b)
 * Cơ quan thực hiện:" over "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …"). Null when no field names a body.
 */
export function itemFields(node: OutlineNode): ItemFields | null {
  const fields: Field[] = [];
  fields.push(...fieldsIn(unwrap(node)));
  const walk = (c: OutlineNode) => {
    const f = fieldAt(c.head);
    if (!f) return;
    fields.push(...fieldsIn(unwrap(c)));
    // A group label ("Cơ quan thực hiện:") or a field whose bodies are listed under it.
    if (f.kind !== "detail" || !f.value) for (const g of c.children) walk(g);
  };
  for (const c of node.children) walk(c);
  return rolesOf(fields);
}
