import { nameKey } from "../dispatch/names.js";
import { findPeriod, type Period } from "../reports/period.js";
import { foldKey } from "../text/vietnamese.js";
import type { IsoDate } from "./office-day.js";
import type { Unit } from "./model.js";

/**
 * Questions leaders and secretaries write in plain Vietnamese ("Sở Y tế còn mấy việc quá hạn?", "tuần này những đơn
 * vị nào chưa báo cáo?", "văn bản 164 đến đâu rồi?", "việc nào sắp đến hạn?"), turned into the same report requests
 * the commands make. Pure: the directory, the dispatch numbers and today are passed in; diacritics optional. A
 * message that reads as a question but asks for nothing known gets the closest command; anything else (reports,
 * instructions, thanks, dispatch text) is not a question at all (null), so it goes on where it went before.
 */
export type Question =
  | { kind: "overdue"; unitId?: number }
  | { kind: "not_reported"; period?: Period; unitId?: number }
  | { kind: "due_soon"; period?: Period; unitId?: number }
  | { kind: "dispatch"; dispatchIds: number[] }
  | { kind: "unit"; unitId: number; period?: Period }
  | { kind: "open"; unitId?: number; period?: Period }
  | { kind: "hint"; command: "baocao" | "quahan" | "chuabaocao" | "xuat" | "help" };

export interface QuestionContext {
  units: readonly Unit[];
  dispatches: ReadonlyArray<{ id: number; number: string | null }>;
  today: IsoDate;
}

const MAX_QUESTION = 200;

// Words that make a sentence a question (folded). "nào" only as "which" (not "nào cũng", "bất kỳ … nào").
const ASKS = / (may|bao nhieu|nao|den dau|the nao|ra sao|chua|khong|gi|khi nao|o dau|duoc chua) /;
const NOT_ASKING = / (nao cung|bat ky|bat cu) /;
// Instructions and reports that may contain question words but ask nothing.
const STATEMENT_START = /^(de nghi|yeu cau|giao|kinh gui|can |phai |dong chi |xin bao cao|bao cao da|da hoan thanh|da xong|xong|cam on|thong bao|chi dao)/;

const OVERDUE = / (qua han|tre han|cham tien do|tre hen|tre) /;
const NOT_REPORTED = / chua (bao cao|co bao cao|phan hoi|tra loi|cap nhat)|(im lang|khong bao cao) /;
const DUE_SOON = / (sap (den|het|toi) han|gan (den|het|toi) han|sap toi han|den han|toi han|het han) /;
const PROGRESS = / (den dau|the nao|ra sao|tien do|tinh hinh|lam toi dau|lam den dau|xong chua|hoan thanh chua|xong het chua) /;
const OPEN = / (chua xong|chua hoan thanh|con (may|bao nhieu) (viec|nhiem vu)|dang thuc hien|con lai) /;
const DISPATCH_WORD = / (van ban|cong van|ke hoach|chi thi|thong bao|quyet dinh|cv|kh|so) (so )?(\d{1,5})\b/;

/** Is this short message a question at all? */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_QUESTION || trimmed.includes("\n") || trimmed.startsWith("/")) return false;
  const s = ` ${foldKey(trimmed)} `;
  if (STATEMENT_START.test(s.trim())) return false;
  if (NOT_ASKING.test(s)) return false;
  return trimmed.endsWith("?") || ASKS.test(s);
}

/** The unit a question names: the longest name or alias of the directory found in it (folded, abbreviations too). */
export function unitIn(text: string, units: readonly Unit[]): Unit | undefined {
  const s = ` ${nameKey(text)} `;
  let best: { unit: Unit; length: number } | undefined;
  for (const u of units) {
    for (const name of [u.displayName, ...u.aliases]) {
      const key = nameKey(name);
      if (key.length < 3 || !s.includes(` ${key} `)) continue;
      if (!best || key.length > best.length) best = { unit: u, length: key.length };
    }
  }
  return best?.unit;
}

/** Dispatches whose số ký hiệu starts with the number a question names ("văn bản 164" → 164/KH-UBND). */
function dispatchesIn(s: string, dispatches: QuestionContext["dispatches"]): number[] | null {
  const m = DISPATCH_WORD.exec(s) ?? / (\d{1,5}) (?:kh|cv|ubnd|qd|ct|tb|bc|hd|vp|tu|hu|tw|ttg|nq|bcd)\b/.exec(s);
  if (!m) return null;
  const n = m[m.length - 1] ?? m[1];
  const wanted = String(Number(n));
  return dispatches.filter((d) => d.number !== null && /^\d+/.exec(d.number)?.[0] === wanted).map((d) => d.id);
}

export function parseQuestion(text: string, ctx: QuestionContext): Question | null {
  if (!looksLikeQuestion(text)) return null;
  const found = findPeriod(text, ctx.today);
  const period = found?.period;
  const s = ` ${foldKey(text).replace(/\s+/g, " ")} `;
  const unit = unitIn(text, ctx.units);
  const unitPart = unit ? { unitId: unit.id } : {};
  const periodPart = period ? { period } : {};

  if (NOT_REPORTED.test(s)) return { kind: "not_reported", ...periodPart, ...unitPart };
  if (OVERDUE.test(s)) return { kind: "overdue", ...unitPart };
  if (DUE_SOON.test(s)) return { kind: "due_soon", ...periodPart, ...unitPart };
  // A dispatch named by its number: only when no unit took those words (units have no numbers).
  if (!unit) {
    const ids = dispatchesIn(s, ctx.dispatches);
    if (ids && ids.length > 0) return { kind: "dispatch", dispatchIds: ids };
    if (ids && DISPATCH_WORD.test(s)) return { kind: "hint", command: "baocao" };
  }
  if (OPEN.test(s)) return { kind: "open", ...unitPart, ...periodPart };
  if (unit && PROGRESS.test(s)) return { kind: "unit", unitId: unit.id, ...periodPart };
  if (unit) return { kind: "unit", unitId: unit.id, ...periodPart };
  if (PROGRESS.test(s)) return { kind: "open", ...periodPart };
  if (/ (xuat|file|tep|excel|word|docx) /.test(s)) return { kind: "hint", command: "xuat" };
  if (/ bao cao /.test(s)) return { kind: "hint", command: "baocao" };
  // About the work, but nothing this can answer: the command list.
  if (/ (viec|nhiem vu|don vi|van ban|han) /.test(s)) return { kind: "hint", command: "help" };
  return null;
}
