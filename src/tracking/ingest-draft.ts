import { itemMarks, secrecyStamp } from "./confidence.js";
import type { ChatId } from "../chat/port.js";
import { nameKey } from "../dispatch/names.js";
import type { ParsedDispatch } from "../dispatch/schema.js";
import { foldKey } from "../text/vietnamese.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import type { Draft, DraftItem } from "./model.js";
import { WorkingCalendar } from "../reminders/working-days.js";
import { officeDay } from "./office-day.js";
import { resolveRelativeDeadline } from "./relative-deadline.js";
import { UnitDirectory } from "./unit-matcher.js";

export interface IngestInput {
  parsed: ParsedDispatch;
  /** "telegram:123": must be a leader (or admin). */
  forwardedBy: string;
  /** The chat the leader forwarded it in: previews and approvals go back there. */
  chat?: ChatId;
  rawText?: string;
  fileHash?: string;
  fileName?: string;
  /** The text came from OCR (a scan or photo): every item is marked for a careful check. */
  ocr?: boolean;
}

export interface UnmatchedName {
  seq: number;
  ref: string;
  name: string;
  suggestions: Array<{ id: number; name: string }>;
}

export type IngestResult =
  | { code: "ok"; draft: Draft; unmatched: UnmatchedName[] }
  | { code: "forbidden" }
  | { code: "secret"; secrecy: string }
  | { code: "no_tasks"; warnings: string[] }
  | { code: "duplicate"; dispatchId: number; status: string };

/** Number keys ignore spaces: "164 /KH-UBND" and "164/KH-UBND" are one dispatch. */
// "4144/GDĐT – VP" as written and "4144/GDĐT-VP" as typed are one number.
export const numberKey = (n: string | null): string | null => (n ? foldKey(n).replace(/\s+/g, "").replace(/[–—‐-]/gu, "-") : null);
export const issuerKey = (i: string | null): string | null => (i ? nameKey(i) : null);

/**
 * Reader output + who forwarded it → a draft the leader reviews. Refuses secret dispatches before anything about
 * them is stored, and recognises a dispatch forwarded twice.
 */
export async function ingestDraft(deps: TrackingDeps, input: IngestInput): Promise<IngestResult> {
  const { store, clock } = deps;
  if (!hasRole(await store.directory.person(input.forwardedBy), "leader")) return { code: "forbidden" };
  const { doc, tasks, warnings } = input.parsed;
  // Officials may not post state-secret material to social networks: refuse fan-out, keep nothing of the text.
  // The reader takes the bare "MẬT" box; typed stamps ("ĐỘ MẬT: Mật") are caught here.
  const secrecy = doc.secrecy ?? secrecyStamp(input.rawText ?? "");
  if (secrecy) return { code: "secret", secrecy };
  // An amending dispatch may have no task of its own: it is kept so its preview can offer to apply it (issue 12).
  if (tasks.length === 0 && !input.parsed.amends?.length) return { code: "no_tasks", warnings };

  const keys = { numberKey: numberKey(doc.number), issuerKey: issuerKey(doc.issuer), date: doc.date, fileHash: input.fileHash ?? null };
  const dup = await store.dispatches.findDuplicate(keys);
  if (dup) return { code: "duplicate", dispatchId: dup.id, status: dup.status };

  const directory = new UnitDirectory(await store.directory.units());
  // "trong 05 ngày làm việc kể từ ngày ký / nhận": counted on the office calendar (holidays, days off), issue 12.
  const calendar = new WorkingCalendar((await store.directory.settings()).reminders);
  const received = officeDay(clock.now());
  const byId = new Map(directory.units.map((u) => [u.id, u]));
  const items: DraftItem[] = tasks.map((t, i) => {
    const relative = t.deadline?.recurrence ? null : resolveRelativeDeadline(t.deadline?.text && /kể từ|tính từ/iu.test(t.deadline.text) ? t.deadline.text : t.text, { signed: doc.date, received }, calendar);
    const own = relative && (t.deadline === null || /kể từ|tính từ/iu.test(t.deadline.text));
    const assignees = t.assignees.map((a) => directory.resolve(a.name, a.role));
    // Working days counted here into a date are no longer a guess to check (confidence mark "working_days").
    const marks = itemMarks(t, assignees, byId, input.ocr ?? false).filter((m) => !(own && m === "working_days"));
    return {
      seq: i + 1,
      ref: t.ref,
      text: t.text,
      assignees,
      deadlineDate: own ? relative.date : t.deadline?.date ?? null,
      deadlineText: own ? relative.text : t.deadline?.text ?? null,
      recurrence: t.deadline?.recurrence ?? null,
      dropped: false,
      marks,
    };
  });
  const id = await store.dispatches.createDraft(
    {
      doc, ...keys, rawText: input.rawText ?? "", fileName: input.fileName ?? null, forwardedBy: input.forwardedBy,
      forwardChat: input.chat ?? null, warnings, items,
    },
    clock.now(),
  );
  // What it amends, extends or recalls (issue 12): offered in the preview, applied by a leader.
  if (input.parsed.amends?.length) await store.amendments.record(id, input.parsed.amends, clock.now());
  const draft = (await store.dispatches.draft(id))!;
  return { code: "ok", draft, unmatched: unmatchedNames(draft, directory) };
}

export function unmatchedNames(draft: Draft, directory: UnitDirectory): UnmatchedName[] {
  const byId = new Map(directory.units.map((u) => [u.id, u.displayName]));
  return draft.items.flatMap((it) =>
    it.dropped
      ? []
      : it.assignees.flatMap((a) =>
          a.match === "unmatched"
            ? [{ seq: it.seq, ref: it.ref, name: a.name, suggestions: a.suggestions.map((id) => ({ id, name: byId.get(id) ?? "?" })) }]
            : [],
        ),
  );
}
