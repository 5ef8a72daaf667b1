import type { Button } from "../../chat/port.js";
import type { Translate } from "../../i18n.js";
import { displayDay, officeDay } from "../../tracking/office-day.js";
import type { UnmatchedName } from "../../tracking/ingest-draft.js";
import type { Draft, ResolvedAssignee } from "../../tracking/model.js";
import { deadlineLine } from "../../tracking/post-message.js";
import { warningText } from "./warning-text.js";
import { WorkingCalendar } from "../../reminders/working-days.js";
import type { TrackingDeps } from "../../tracking/deps.js";
import { type AmendmentOffer, amendmentOffers } from "../../tracking/amendments.js";
import { amendedBy, itemPlanLines } from "./amendments.js";
import { dayOffReason } from "../../tracking/relative-deadline.js";
import { unitlessItems } from "../../tracking/confirm-draft.js";

const ITEM_CHARS = 220;

export interface PreviewOptions {
  /** Whether a due day is a day off on the office calendar (tracking/relative-deadline.ts dayOffReason). */
  dayOff?: (day: string) => { holiday: string | null } | null;
  /** What this dispatch amends, extends or recalls among the tracked ones (tracking/amendments.ts). */
  amendments?: AmendmentOffer[];
  /** The office day today: a dispatch whose deadlines are all past is flagged as old (issue 10). */
  today?: string;
}

/** The preview options from the office's calendar settings and the draft's amendment references. */
export async function previewOptions(deps: TrackingDeps, draftId?: number): Promise<PreviewOptions> {
  const calendar = new WorkingCalendar((await deps.store.directory.settings()).reminders);
  return {
    dayOff: (day) => dayOffReason(day, calendar),
    today: officeDay(deps.clock.now()),
    ...(draftId !== undefined ? { amendments: await amendmentOffers(deps, draftId) } : {}),
  };
}

// At most this many "không giao" buttons (three a row); more items are marked by typing several numbers at once.
const NOT_ASSIGNED_BUTTONS = 12;

/**
 * One "🚫 Không giao N" button per unit-less item (data "ng:<draft>:<seq>"; typed on Zalo as "/khonggiao N"), and with
 * several items one for all of them ("ng:<draft>:all", "/khonggiao tất cả"): a plan's headings need not be one tap each.
 */
export function notAssignedButtons(draftId: number, items: ReadonlyArray<{ seq: number }>, t: Translate): Button[][] {
  const row = items.slice(0, NOT_ASSIGNED_BUTTONS).map((it) => ({ label: t("followup:notAssigned.button", { seq: it.seq }), data: `ng:${draftId}:${it.seq}` }));
  const rows: Button[][] = [];
  for (let i = 0; i < row.length; i += 3) rows.push(row.slice(i, i + 3));
  if (items.length > 1) rows.push([{ label: t("followup:notAssigned.allButton", { count: items.length }), data: `ng:${draftId}:all` }]);
  return rows;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function assigneeLabel(a: ResolvedAssignee, t: Translate): string {
  switch (a.match) {
    case "unit": return a.name;
    case "collective": return t("bot:preview.collective", { name: a.name, count: a.unitIds.length });
    case "generic": return t("bot:preview.generic", { name: a.name });
    case "unmatched": return t("bot:preview.unmatched", { name: a.name });
  }
}

/**
 * The card a leader checks before anything is sent: header, every item with its chủ trì / phối hợp and deadline,
 * names the directory does not know, the reader's warnings, and how to correct. Buttons: confirm, cancel, and one per
 * suggested unit for an unknown name.
 */
export function renderPreview(draft: Draft, unmatched: UnmatchedName[], t: Translate, options: PreviewOptions = {}): { text: string; buttons: Button[][] } {
  const today = options.today;
  const { doc } = draft;
  const lines = [
    t("bot:preview.title", { id: draft.id, type: doc.type ?? t("bot:preview.document"), number: doc.number ?? t("tracking:post.noNumber") }),
  ];
  if (doc.urgency) lines.push(`‼️ ${doc.urgency}`);
  if (doc.date) lines.push(t("bot:preview.date", { date: displayDay(doc.date) }));
  if (doc.issuer) lines.push(t("bot:preview.issuer", { issuer: doc.issuer }));
  if (doc.subject) lines.push(t("tracking:post.subject", { subject: clip(doc.subject, 300) }));
  if (doc.recipients.length) lines.push(t("bot:preview.recipients", { recipients: doc.recipients.join("; ") }));
  // OCR concerns the whole text: said once above the items rather than on each.
  const ocrNoted = draft.items.some((it) => it.marks?.includes("ocr"));
  if (ocrNoted) lines.push(t("bot:preview.ocrAll"));
  const active = draft.items.filter((it) => !it.dropped);
  // A heading item that names no unit ("II. NHIỆM VỤ CỤ THỂ") is listed but is not a task (issue 10: "18" for 14).
  const tasks = active.filter((it) => it.assignees.length > 0 && !it.notAssigned);
  // Forwarded long after its deadlines (a 2023 plan in 2026): said at the top, before anything is sent.
  const deadlines = tasks.map((it) => it.deadlineDate).filter((d): d is string => d !== null).sort();
  const latest = deadlines[deadlines.length - 1];
  if (today && latest && latest < today) {
    const recurring = tasks.some((it) => it.recurrence && it.recurrence !== "periodic");
    lines.push("", t("bot:preview.allPast", { date: displayDay(latest) }) + (recurring ? ` ${t("bot:preview.allPastRecurring")}` : ""));
  }
  const others = active.length - tasks.length;
  lines.push("", others > 0 ? t("bot:preview.countWithOthers", { count: tasks.length, others }) : t("bot:preview.count", { count: tasks.length }));
  for (const it of draft.items) {
    if (it.dropped) {
      lines.push(t("bot:preview.dropped", { seq: it.seq, ref: it.ref }));
      continue;
    }
    lines.push(`${it.seq}. [${it.ref}] ${clip(it.text, ITEM_CHARS)}`);
    // A line of an amendment this preview offers to apply item by item: ✅ would assign it as new work besides.
    const amends = amendedBy(it.text, options.amendments ?? []);
    if (amends) lines.push(t("followup:amendmentItems.itemIsChange", { number: amends }));
    // Marked "không giao" by the leader: said instead of its units, with the way back.
    if (it.notAssigned) {
      lines.push(t("followup:notAssigned.previewLine", { seq: it.seq }));
      continue;
    }
    const leads = it.assignees.filter((a) => a.role === "lead").map((a) => assigneeLabel(a, t));
    const coords = it.assignees.filter((a) => a.role === "coordinate").map((a) => assigneeLabel(a, t));
    lines.push(leads.length ? t("bot:preview.lead", { names: leads.join(", ") }) : t("bot:preview.noLead"));
    if (coords.length) lines.push(t("bot:preview.coordinate", { names: coords.join(", ") }));
    lines.push(deadlineLine(it.deadlineDate, it.recurrence, t));
    // A deadline on a weekend, holiday or configured day off is flagged: the leader may want the working day before.
    const off = it.deadlineDate ? options.dayOff?.(it.deadlineDate) : null;
    if (off && it.deadlineDate) {
      lines.push(off.holiday ? t("followup:calendar.holiday", { date: displayDay(it.deadlineDate), name: off.holiday }) : t("followup:calendar.dayOff", { date: displayDay(it.deadlineDate) }));
    }
    // What the reader guessed rather than read: the leader checks these first.
    const marks = (it.marks ?? []).filter((m) => m !== "ocr" || !ocrNoted);
    if (marks.length) lines.push(`   🔎 ${t("bot:preview.check")}: ${marks.map((m) => t(`bot:preview.marks.${m}`)).join("; ")}`);
    // "định kỳ" without a period: asked here, before ✅ (confirming would only then refuse it).
    if (it.recurrence === "periodic") lines.push(t("bot:preview.needsPeriod", { seq: it.seq }));
  }
  if (draft.warnings.length) lines.push("", t("bot:preview.warnings"), ...draft.warnings.map((w) => `• ${warningText(w, t)}`));
  const buttons: Button[][] = [];
  if (unmatched.length) {
    const names = [...new Set(unmatched.map((u) => u.name))];
    lines.push("", t("tracking:ingest.unmatched", { names: names.join("; ") }));
    // A name the directory lacks may be a new unit: the admin's command to add it, ready to copy.
    lines.push(t("bot:directory.proposeAdd", { commands: names.slice(0, 5).map((n) => `/themdonvi ${n}`).join("\n") }));
    unmatched.forEach((u, index) => {
      const row = u.suggestions.slice(0, 2).map((s) => ({ label: `${u.name.slice(0, 20)} → ${s.name.slice(0, 30)}`, data: `mn:${draft.id}:${index}:${s.id}` }));
      if (row.length && buttons.length < 6) buttons.push(row);
    });
  }
  // Nothing silently untracked (issue 12): items that would reach no unit are named, with what to do about them;
  // confirming waits until each is assigned, marked "không giao" (a button each) or dropped.
  const unitless = unitlessItems(draft);
  if (unitless.length) {
    lines.push("", t("followup:preview.unitless", { items: unitless.map((it) => `${it.seq} [${it.ref}]`).join(", "), seq: unitless[0]!.seq }));
    buttons.push(...notAssignedButtons(draft.id, unitless, t));
  }
  // Issue 12: an amending dispatch names the tracked one it changes; the leader applies it with a button (/apdung).
  for (const offer of options.amendments ?? []) {
    const a = offer.amendment;
    const what = t(`followup:amendment.kind.${a.kind}`, { numbers: a.numbers.join(", ") || t("followup:amendment.someDocuments"), until: a.until ? displayDay(a.until) : "" });
    lines.push("", `🔁 ${what}`);
    if (a.appliedAt) { lines.push(t("followup:amendment.applied")); continue; }
    if (offer.targets.length === 0) { lines.push(t("followup:amendment.untracked")); continue; }
    for (const target of offer.targets) {
      lines.push(t("followup:amendment.tracked", { id: target.id, number: target.number ?? "", date: target.date ? displayDay(target.date) : "", open: target.open }));
      if (target.items) lines.push(...itemPlanLines(target.items, target.number, t));
      if (buttons.length < 8) buttons.push([{ label: t("followup:amendment.applyButton", { id: target.id, number: (target.number ?? "").slice(0, 30) }), data: `amd:${a.id}:${target.id}` }]);
    }
  }
  lines.push("", t("bot:preview.howToEdit"));
  buttons.push([
    { label: t("bot:preview.confirm"), data: `confirm:${draft.id}` },
    { label: t("bot:preview.cancel"), data: `cancel:${draft.id}` },
  ]);
  return { text: lines.join("\n"), buttons };
}
