import { z } from "zod";

/**
 * Which earlier dispatches a dispatch changes: "sửa đổi, bổ sung Kế hoạch số 164/KH-UBND", "gia hạn thời gian thực
 * hiện Công văn số 88/UBND-VX đến ngày 30/12/2026", "thay thế Quyết định số 44/2010/QĐ-UBND", "bãi bỏ", "thu hồi
 * Công văn số …", "tạm hoãn … Kế hoạch số 1602/KH-UBND". Pure; kept apart from the reader's other steps (issue 12).
 *
 * Not amendments: the legal basis ("Căn cứ Nghị định số 61/2011/NĐ-CP … về sửa đổi, bổ sung …", "Luật Sửa đổi, bổ
 * sung …"), the document described as changed by another ("đã được thay thế bởi", "bị bãi bỏ", "được sửa đổi"), a
 * dispatch merely cited ("Thực hiện Công văn số …", "Theo Công văn số …"), "thu hồi đất".
 */
export const amendmentKindSchema = z.enum(["amend", "extend", "postpone", "replace", "repeal", "recall"]);
export type AmendmentKind = z.infer<typeof amendmentKindSchema>;

export const amendmentSchema = z.object({
  kind: amendmentKindSchema,
  /** Số ký hiệu of the dispatches changed, as written ("1602/KH-UBND"); empty for "bãi bỏ một số văn bản". */
  numbers: z.array(z.string()),
  /** For an extension: the new due day written with it ("đến trước ngày 20/6/2021"), ISO. */
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** The clause as written (whitespace collapsed). */
  text: z.string(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

const DOC_TYPES = "công văn|kế hoạch|quyết định|chỉ thị|thông báo|văn bản|nghị quyết|hướng dẫn|chương trình|quy chế|đề án|thông tư|nghị định";
/** "Kế hoạch số 1602/KH-UBND", "Quyết định số 01/1999/QĐ.UB", "Công văn 88/UBND-VX", "Công văn số 1277-CV/HU". */
const DOC_REF = new RegExp(
  `(?:${DOC_TYPES})\\s+(?:số\\s*:?\\s*)?(\\d{1,5}[a-z]?(?:\\/\\d{4})?[\\/-]\\p{L}[\\p{L}\\p{M}.&]*(?:[-\\/][\\p{L}\\p{M}\\d.&]+)*)`,
  "giu",
);

const VERBS: ReadonlyArray<[RegExp, AmendmentKind]> = [
  [/gia hạn(?:\s+(?:thời gian|thời hạn))?/giu, "extend"],
  [/(?:tạm hoãn|lùi|điều chỉnh)\s+(?:thời gian|thời hạn)/giu, "postpone"],
  [/tạm hoãn/giu, "postpone"],
  [/sửa đổi,?\s*(?:và\s+)?bổ sung|sửa đổi|bổ sung|điều chỉnh|đính chính/giu, "amend"],
  [/thay thế/giu, "replace"],
  [/bãi bỏ|hủy bỏ|huỷ bỏ|hết hiệu lực/giu, "repeal"],
  [/thu hồi/giu, "recall"],
];

/** Before the verb in the same clause: the dispatch is the one changed, or the clause only cites. */
const PASSIVE_BEFORE = /(?:được|bị|đã được|đã bị|đã)\s*$/iu;
const CLAUSE_CITES = /^\s*[-–+•]?\s*(?:căn cứ|xét|ngày bị|tình trạng)(?![\p{L}\p{M}])/iu;
/** The window after a verb ends where another document is described as changed ("… đã được thay thế bởi …"). */
const PASSIVE_AFTER = /(?:đã được|được|bị)\s+(?:thay thế|sửa đổi|bổ sung|bãi bỏ|thu hồi|gia hạn)/iu;
/** How far after its verb the dispatch changed may be named. */
const REACH: Record<AmendmentKind, number> = { recall: 15, repeal: 60, replace: 60, extend: 100, postpone: 100, amend: 80 };
/** "bổ sung kinh phí …": money or staff added, not a dispatch amended. */
const NOT_A_DOCUMENT_CHANGE = /kinh phí|dự toán|vốn|ngân sách|biên chế|nhân sự|đất/iu;
/** "Luật Sửa đổi, bổ sung …", "Nghị định … về sửa đổi …": the verb names another instrument. */
const INSTRUMENT_BEFORE = /(?:luật|nghị định|thông tư|pháp lệnh)[^;:]{0,80}$/iu;
const WINDOW = 220;

export function findAmendments(text: string): Amendment[] {
  const out: Amendment[] = [];
  const flat = text.normalize("NFC").replace(/\r\n?/g, "\n");
  for (const clause of clauses(flat)) {
    if (CLAUSE_CITES.test(clause)) continue;
    const taken = new Set<number>();
    for (const [re, kind] of VERBS) {
      for (const m of clause.matchAll(re)) {
        if ([...taken].some((at) => m.index >= at && m.index < at + 20)) continue;
        const before = clause.slice(Math.max(0, m.index - 100), m.index);
        if (PASSIVE_BEFORE.test(before) || INSTRUMENT_BEFORE.test(before)) continue;
        let after = clause.slice(m.index + m[0].length, m.index + m[0].length + WINDOW);
        const passive = PASSIVE_AFTER.exec(after);
        if (passive) after = after.slice(0, passive.index);
        const refs = [...after.matchAll(DOC_REF)];
        // "thu hồi đất", "bổ sung kinh phí": the verb must govern a dispatch named soon after it.
        const first = refs[0];
        const between = first ? after.slice(0, first.index) : "";
        const near = first !== undefined && (
          (first.index <= REACH[kind] && !(kind === "amend" && NOT_A_DOCUMENT_CHANGE.test(between))) ||
          (kind === "amend" && /kèm theo\s*$/iu.test(between)));
        const someDocs = (kind === "repeal" || kind === "recall") && /^\s*(?:một số|các|những)?\s*(?:\d+\s+)?văn bản/iu.test(after);
        if (!near && !someDocs) continue;
        taken.add(m.index);
        const numbers = near ? [...new Set(refs.filter((r) => r.index <= WINDOW).map((r) => tidyNumber(r[1]!)))] : [];
        const until = kind === "extend" || kind === "postpone" ? untilDate(after) : null;
        out.push({ kind, numbers, until, text: clause.replace(/\s+/g, " ").trim().slice(0, 400) });
      }
    }
  }
  return merge(out);
}

/** Attaches the amendments to the reader's output (the composition root calls this after readDispatch). */
export function withAmendments<T extends object>(parsed: T, text: string): T & { amends?: Amendment[] } {
  const amends = findAmendments(text);
  return amends.length ? { ...parsed, amends } : parsed;
}

/** Sentences and clauses: a line break before a capital or a numbering, ";", or ". " before a capital. */
function clauses(text: string): string[] {
  const joined = text.replace(/\n(?![A-ZĐÀ-Ỹ\d\-–+•(|]|Điều|\s*\n)/gu, " ");
  return joined.split(/\n+|;\s+|\.\s+(?=[A-ZĐÀ-Ỹ(])/u).filter((c) => c.trim().length > 0);
}

function tidyNumber(n: string): string {
  return n.replace(/[.,;:]+$/u, "");
}

function untilDate(after: string): string | null {
  const m = /đến(?:\s+(?:trước|hết))?\s+(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/iu.exec(after);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** One entry per (kind, numbers); the first clause kept. */
function merge(list: Amendment[]): Amendment[] {
  const seen = new Map<string, Amendment>();
  for (const a of list) {
    const key = `${a.kind}|${a.numbers.join(",")}`;
    const had = seen.get(key);
    if (!had) seen.set(key, a);
    else if (!had.until && a.until) had.until = a.until;
  }
  return [...seen.values()];
}
