import { canonicalName } from "../dispatch/names.js";
import type { ParsedTask } from "../dispatch/schema.js";
import { foldKey } from "../text/vietnamese.js";
import type { ResolvedAssignee, Unit } from "./model.js";

/**
 * What the leader should check in a preview: every field dondoc guessed rather than read. Computed from the reader's
 * output and the directory match, outside the reader (which stays a pure text → dispatch step):
 * - implicit: the item names no body; it goes to the Kính gửi recipients ("giao theo Kính gửi");
 * - deadline_elsewhere: the deadline is not written in the item (taken from a closing sentence or borrowed from
 *   another item);
 * - working_days: "… ngày làm việc" the reader could not turn into a date;
 * - similar_name: a name matched to a unit only once diacritics or tone marks are set aside ("So Y te" → Sở Y tế);
 * - ocr: the text came from OCR of a scan or photo, so any of it may be misread.
 * Edits clear what they settle: /giao the assignee marks, /han the deadline marks.
 */
export const CONFIDENCE_MARKS = ["implicit", "deadline_elsewhere", "working_days", "similar_name", "ocr"] as const;
export type ConfidenceMark = (typeof CONFIDENCE_MARKS)[number];

export const ASSIGNEE_MARKS: readonly ConfidenceMark[] = ["implicit", "similar_name"];
export const DEADLINE_MARKS: readonly ConfidenceMark[] = ["deadline_elsewhere", "working_days"];

const WORKING_DAYS = /\b\d+ ngay lam viec\b/;

/** Names written differently from the unit's name and every alias beyond case, diacritics-free or old/new tone. */
export function similarNames(assignees: readonly ResolvedAssignee[], units: ReadonlyMap<number, Unit>): string[] {
  return assignees.filter((a) => {
    if (a.match !== "unit") return false;
    const unit = units.get(a.unitIds[0]);
    if (!unit) return false;
    const written = canonicalName(a.name);
    return ![unit.displayName, ...unit.aliases].some((n) => canonicalName(n) === written);
  }).map((a) => a.name);
}

export function itemMarks(task: ParsedTask, assignees: readonly ResolvedAssignee[], units: ReadonlyMap<number, Unit>, ocr: boolean): ConfidenceMark[] {
  const marks: ConfidenceMark[] = [];
  if (task.implicit) marks.push("implicit");
  const text = ` ${foldKey(task.text)} `;
  if (task.deadline && task.deadline.text && !text.includes(` ${foldKey(task.deadline.text)} `)) marks.push("deadline_elsewhere");
  const deadlineText = ` ${foldKey(task.deadline?.text ?? "")} `;
  if ((task.deadline?.date ?? null) === null && (WORKING_DAYS.test(deadlineText) || (!task.deadline && WORKING_DAYS.test(text)))) marks.push("working_days");
  if (similarNames(assignees, units).length > 0) marks.push("similar_name");
  if (ocr) marks.push("ocr");
  return marks;
}

const STAMP = /^(?:do mat|muc do mat|dau mat|do bao mat)\s+(tuyet mat|toi mat|mat)$/;

/**
 * The secrecy stamp in its typed forms ("ĐỘ MẬT: Mật", "Độ mật: Tối mật", "Mức độ mật - Tuyệt mật") in the first lines
 * of a dispatch, for stamps the reader's header does not take (it reads the bare "MẬT" box). Null when none.
 */
export function secrecyStamp(rawText: string): "MẬT" | "TỐI MẬT" | "TUYỆT MẬT" | null {
  for (const line of rawText.split(/\r?\n/, 40)) {
    const m = STAMP.exec(foldKey(line));
    if (m) return m[1] === "tuyet mat" ? "TUYỆT MẬT" : m[1] === "toi mat" ? "TỐI MẬT" : "MẬT";
  }
  return null;
}
