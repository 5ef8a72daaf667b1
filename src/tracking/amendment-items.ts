import type { NewOutboxItem } from "../chat/outbox.js";
import type { ChatId } from "../chat/port.js";
import { findItemChanges } from "../dispatch/amend-items.js";
import type { Recurrence } from "../dispatch/schema.js";
import type { AmendmentRecord, OpenShare } from "../storage/amendment-repo.js";
import type { ItemWrites } from "../storage/amendment-item-repo.js";
import type { NewEvent } from "../storage/reply-repo.js";
import { foldKey } from "../text/vietnamese.js";
import { chatTranslators } from "./chat-lang.js";
import type { TrackingDeps } from "./deps.js";
import { numberKey } from "./ingest-draft.js";
import type { AssigneeRole } from "./model.js";
import { displayDay, officeDay } from "./office-day.js";
import { clip, type PostLine, unitPostMessages } from "./post-message.js";
import { UnitDirectory } from "./unit-matcher.js";

/**
 * An amending dispatch applied item by item (issue 12): "điều chỉnh thời hạn tại mục 3 …", "sửa đổi khoản 2 như sau
 * …", "bổ sung nhiệm vụ …". The changes are read from the amending dispatch's text (src/dispatch/amend-items.ts),
 * matched to the tracked dispatch's open items, shown in the preview item by item, and applied by a leader: the
 * tasks and their open shares change (reminders and reports read those columns), a later due day is recorded as an
 * approved extension (the report shows the original beside it), added items become tasks posted to their units'
 * groups, every affected unit is told in its group, and each change is an event of the task's history (/lichsu).
 */

/** `clause`: the amending dispatch's line it was read from. */
export type PlannedChange =
  | { op: "deadline"; clause: string; ref: string; taskIds: number[]; from: string | null; to: string; units: string[] }
  | { op: "text"; clause: string; ref: string; taskIds: number[]; from: string; to: string; units: string[] }
  | {
      op: "add"; clause: string; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; recurrence: Recurrence | null;
      assignments: Array<{ unitId: number; role: AssigneeRole; name: string }>;
    };

export interface ItemPlan {
  changes: PlannedChange[];
  /** Refs named that the tracked dispatch has no open item for ("closed": every share done or recalled). */
  skipped: Array<{ ref: string; why: "missing" | "closed" }>;
  /** Items to add whose unit the amending dispatch's own reading does not give: the leader assigns them apart. */
  unplaced: string[];
}

const ITEM_KINDS = new Set(["amend", "extend", "postpone"]);
const refKey = (ref: string): string => foldKey(ref).replace(/\s+/g, ".").replace(/\.+$/u, "");

/**
 * What `amendment` changes item by item in the tracked dispatch `targetId`; null when it changes no item (a whole
 * dispatch extended, replaced, recalled…). One amending dispatch's item changes belong to the first of its item
 * kinds that names this dispatch, so a "sửa đổi, bổ sung" and a "gia hạn" clause naming it apply them once.
 */
export async function itemPlan(deps: TrackingDeps, amendment: AmendmentRecord, target: { id: number; number: string | null }): Promise<ItemPlan | null> {
  const { store } = deps;
  if (!ITEM_KINDS.has(amendment.kind)) return null;
  const key = numberKey(target.number);
  const owner = (await store.amendments.ofDispatch(amendment.dispatchId))
    .find((a) => ITEM_KINDS.has(a.kind) && a.numbers.some((n) => numberKey(n) === key));
  if (owner?.id !== amendment.id) return null;
  const source = await store.dispatches.draft(amendment.dispatchId);
  const found = findItemChanges(await store.amendmentItems.sourceText(amendment.dispatchId), { refDate: source?.doc.date ?? officeDay(deps.clock.now()) });
  if (found.length === 0) return null;

  const tasks = await store.history.tasks(target.id);
  const shares = await store.amendments.openShares(target.id);
  const openTasks = new Set(shares.map((s) => s.taskId));
  const unitsOf = (taskIds: number[]) => [...new Set(shares.filter((s) => taskIds.includes(s.taskId)).map((s) => s.unitName))];
  /** The due day units see now: an open share's (an extension may have moved it), else the task's. */
  const dueOf = (taskId: number) => shares.find((s) => s.taskId === taskId)?.deadlineDate ?? taskOf(taskId).deadlineDate;
  const plan: ItemPlan = { changes: [], skipped: [], unplaced: [] };
  /**
   * The open tasks an item ref names (its sub-items too: "mục 2" covers 2.1 and 2.2). A new due day is the current
   * occurrence's of a recurring item (the earliest open one), not next year's; new wording is every open occurrence's.
   */
  const matching = (ref: string, current: boolean): number[] | null => {
    const k = refKey(ref);
    const named = tasks.filter((t) => refKey(t.ref) === k || refKey(t.ref).startsWith(`${k}.`));
    if (named.length === 0) { plan.skipped.push({ ref, why: "missing" }); return null; }
    const open = named.filter((t) => openTasks.has(t.id));
    if (open.length === 0) { plan.skipped.push({ ref, why: "closed" }); return null; }
    const earliest = new Map<string, (typeof open)[number]>();
    for (const t of open) if (!earliest.has(t.ref) || t.occurrence < earliest.get(t.ref)!.occurrence) earliest.set(t.ref, t);
    return (current ? [...earliest.values()] : open).map((t) => t.id);
  };
  const taskOf = (id: number) => tasks.find((t) => t.id === id)!;

  const directory = new UnitDirectory(await store.directory.units());
  let nextRef = Math.max(0, ...tasks.map((t) => Number(/^\d+/.exec(t.ref)?.[0] ?? 0)));

  for (const c of found) {
    if (c.op === "deadline") {
      for (const ref of c.refs) {
        const ids = matching(ref, true);
        if (ids) plan.changes.push({ op: "deadline", clause: c.text, ref: taskOf(ids[0]!).ref, taskIds: ids, from: dueOf(ids[0]!), to: c.until, units: unitsOf(ids) });
      }
    } else if (c.op === "text") {
      const ids = matching(c.ref, false);
      const first = ids ? taskOf(ids[0]!) : null;
      if (!ids || !first) continue;
      plan.changes.push({ op: "text", clause: c.text, ref: first.ref, taskIds: ids, from: first.text, to: c.newText, units: unitsOf(ids) });
      // A due day in the new wording ("…, báo cáo trước ngày 15/12/2023") is the current occurrence's new due day.
      const current = matching(c.ref, true)!;
      if (c.until && dueOf(current[0]!) !== c.until) plan.changes.push({ op: "deadline", clause: c.text, ref: first.ref, taskIds: current, from: dueOf(current[0]!), to: c.until, units: unitsOf(current) });
    } else {
      const roles = new Map<number, AssigneeRole>();
      for (const a of c.assignees) for (const id of directory.resolve(a.name, a.role).unitIds) if (roles.get(id) !== "lead") roles.set(id, a.role);
      if (roles.size === 0) { plan.unplaced.push(c.newText); continue; }
      const ref = c.ref && !tasks.some((t) => refKey(t.ref) === refKey(c.ref!)) ? c.ref : String(++nextRef);
      plan.changes.push({
        op: "add", clause: c.text, ref, text: c.newText, deadlineDate: c.until, deadlineText: c.deadline?.text ?? null, recurrence: c.deadline?.recurrence ?? null,
        assignments: [...roles].map(([unitId, role]) => ({ unitId, role, name: directory.units.find((u) => u.id === unitId)?.displayName ?? String(unitId) })),
      });
    }
  }
  return plan.changes.length || plan.skipped.length || plan.unplaced.length ? plan : null;
}

export type ItemsResult =
  /** `draftClosed`: every item of the amending draft was one of the changes applied, so the draft was cancelled. */
  | { code: "items_applied"; number: string | null; changed: number; added: number; units: number; draftClosed: boolean }
  | { code: "already_applied" }
  | { code: "nothing_to_change" };

/** Applies a plan (the caller checked the leader and the amendment): one transaction, see AmendmentItemRepo. */
export async function applyItemPlan(
  deps: TrackingDeps,
  input: { amendment: AmendmentRecord; target: { id: number; number: string | null }; plan: ItemPlan; by: string; byName?: string; chat: ChatId | null; source: string },
): Promise<ItemsResult> {
  const { store, clock } = deps;
  const { plan, target, source } = input;
  if (plan.changes.length === 0) return { code: "nothing_to_change" };
  const shares = await store.amendments.openShares(target.id);
  const writes: Omit<ItemWrites, "afterAdding"> = { amendmentId: input.amendment.id, targetDispatchId: target.id, by: input.by, at: clock.now(), shares: [], tasks: [], added: [], events: [], notices: [] };
  /** What each unit is told: its lines, by unit. */
  const told = new Map<number, Array<(t: Translate) => string>>();
  const toldKeys = new Set<string>();
  /** Once per unit and change, however many occurrences or shares of the item the unit has. */
  const tell = (unitId: number, key: string, line: (t: Translate) => string) => {
    if (toldKeys.has(`${unitId}|${key}`)) return;
    toldKeys.add(`${unitId}|${key}`);
    told.set(unitId, [...(told.get(unitId) ?? []), line]);
  };
  const event = (s: OpenShare, data: Record<string, unknown>): NewEvent => ({
    type: "amendment_item", actor: input.by, chatId: input.chat, messageId: null, dispatchId: s.dispatchId, taskId: s.taskId, assignmentId: s.assignmentId, unitId: s.unitId,
    data: { source, name: input.byName ?? null, amendmentId: input.amendment.id, ...data },
  });
  const taskDue = new Map((await store.history.tasks(target.id)).map((t) => [t.id, t.deadlineDate]));
  const moveDeadline = (taskIds: number[], ref: string, to: string) => {
    // As any extension (a unit's request, a whole dispatch extended): a later date moves the shares and the task keeps
    // its original due day, which the report and the web matrix show beside it; an earlier or a first one is the
    // task's own new due day.
    for (const taskId of taskIds) {
      const due = taskDue.get(taskId) ?? null;
      if (due === null || to < due) writes.tasks.push({ taskId, deadlineDate: to });
    }
    for (const s of shares.filter((x) => taskIds.includes(x.taskId) && x.deadlineDate !== to)) {
      writes.shares.push({ ...s, from: s.deadlineDate, to, extension: s.deadlineDate !== null && s.deadlineDate < to, reason: source });
      writes.events.push(event(s, { change: "deadline", from: s.deadlineDate, to }));
      tell(s.unitId, `deadline|${ref}`, (t) => t("followup:amendmentItems.noticeDeadline", { ref, from: s.deadlineDate ? displayDay(s.deadlineDate) : t("tracking:common.noDeadline"), to: displayDay(to) }));
    }
  };
  let changed = 0;
  for (const c of plan.changes) {
    if (c.op === "deadline") { changed++; moveDeadline(c.taskIds, c.ref, c.to); continue; }
    if (c.op === "text") {
      changed++;
      for (const taskId of c.taskIds) writes.tasks.push({ taskId, text: c.to });
      for (const s of shares.filter((x) => c.taskIds.includes(x.taskId))) {
        writes.events.push(event(s, { change: "text", from: clip(c.from, 300), to: clip(c.to, 300) }));
        tell(s.unitId, `text|${c.ref}`, (t) => t("followup:amendmentItems.noticeText", { ref: c.ref, text: clip(c.to, 600) }));
      }
      continue;
    }
    writes.added.push({ ref: c.ref, text: c.text, deadlineDate: c.deadlineDate, deadlineText: c.deadlineText, recurrence: c.recurrence, assignments: c.assignments });
  }

  const added = plan.changes.filter((c): c is Extract<PlannedChange, { op: "add" }> => c.op === "add");
  const unitIds = [...new Set([...told.keys(), ...added.flatMap((a) => a.assignments.map((x) => x.unitId))])];
  const bindings = await store.directory.activeBindings(unitIds);
  const tFor = await chatTranslators(store, bindings.map((b) => b.chatId));
  for (const b of bindings) {
    const lines = told.get(b.unitId);
    if (!lines?.length) continue;
    const t = tFor(b.chatId);
    writes.notices.push({ chat: b.chatId, payload: { op: "send", text: [t("followup:amendmentItems.notice", { source, number: target.number ?? "" }), ...lines.map((l) => l(t))].join("\n") }, purpose: { type: "notice" } });
  }
  const doc = (await store.dispatches.draft(target.id))?.doc;
  const unitNames = await store.directory.unitsById(unitIds);
  const afterAdding: ItemWrites["afterAdding"] = (created) => {
    const events: NewEvent[] = created.map((c) => ({
      type: "amendment_item", actor: input.by, chatId: input.chat, messageId: null, dispatchId: target.id, taskId: c.taskId, assignmentId: c.assignmentId, unitId: c.unitId,
      data: { source, name: input.byName ?? null, amendmentId: input.amendment.id, change: "added" },
    }));
    const notices: NewOutboxItem[] = [];
    if (doc) {
      for (const b of bindings) {
        const mine = created.filter((c) => c.unitId === b.unitId);
        if (mine.length === 0) continue;
        const t = tFor(b.chatId);
        const lines: PostLine[] = mine.map((c) => {
          const a = added[c.added]!;
          const leads = c.role === "coordinate" ? a.assignments.filter((x) => x.role === "lead").map((x) => x.name) : [];
          return { assignmentId: c.assignmentId, ref: a.ref, text: a.text, role: c.role as AssigneeRole, deadlineDate: a.deadlineDate, recurrence: a.recurrence, ...(leads.length ? { leads } : {}) };
        });
        notices.push({ chat: b.chatId, payload: { op: "send", text: t("followup:amendmentItems.noticeAdded", { source, number: target.number ?? "" }) }, purpose: { type: "notice" } });
        notices.push(...unitPostMessages(b.chatId, unitNames.get(b.unitId)?.displayName ?? "", doc, lines, t));
      }
    }
    return { events, notices };
  };
  const ok = await store.amendmentItems.apply({ ...writes, afterAdding });
  if (!ok) return { code: "already_applied" };
  const draftClosed = await dropAppliedItems(deps, input.amendment.dispatchId, plan.changes.map((c) => c.clause), input.by);
  return { code: "items_applied", number: target.number, changed, added: added.length, units: unitIds.length, draftClosed };
}

/**
 * The amending draft's own items the reader found in the lines just applied ("1. Điều chỉnh thời hạn tại mục 1 …",
 * "3. Bổ sung nhiệm vụ 3: Sở Y tế …") would assign the same work a second time if the draft were confirmed: they are
 * dropped, and the draft is cancelled when nothing else is left in it. True when it was cancelled.
 */
async function dropAppliedItems(deps: TrackingDeps, draftId: number, clauses: string[], by: string): Promise<boolean> {
  const { store, clock } = deps;
  const draft = await store.dispatches.draft(draftId);
  if (!draft || draft.status !== "draft") return false;
  const applied = clauses.map((c) => foldKey(c));
  const consumed = draft.items.filter((i) => !i.dropped && applied.some((c) => c.includes(foldKey(i.text).slice(0, 60))));
  if (consumed.length === 0) return false;
  const at = clock.now();
  await store.dispatches.saveItems(draftId, consumed.map((i) => ({ ...i, dropped: true })), { at, actor: by, type: "draft_edited", data: { op: "amendment_applied", seqs: consumed.map((i) => i.seq) } });
  if (draft.items.some((i) => !i.dropped && !consumed.includes(i))) return false;
  return store.dispatches.cancel(draftId, at, by);
}

type Translate = ReturnType<Awaited<ReturnType<typeof chatTranslators>>>;
