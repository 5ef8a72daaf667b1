import type { NewOutboxItem } from "../chat/outbox.js";
import type { ChatId } from "../chat/port.js";
import { findItemChanges } from "../dispatch/amend-items.js";
import type { Recurrence } from "../dispatch/schema.js";
import type { AmendmentRecord, OpenShare } from "../storage/amendment-repo.js";
import type { ItemWrites } from "../storage/amendment-item-repo.js";
import type { NewEvent } from "../storage/reply-repo.js";
import { foldKey } from "../text/vietnamese.js";
import { chatTranslators } from "./chat-lang.js";
import { reachesUnit } from "./confirm-draft.js";
import type { TrackingDeps } from "./deps.js";
import { numberKey } from "./ingest-draft.js";
import type { AssigneeRole } from "./model.js";
import { displayDay } from "./office-day.js";
import { clip, type PostLine, unitPostMessages } from "./post-message.js";

/**
 * An amending dispatch applied item by item (issue 12): "điều chỉnh thời hạn tại mục 3 …", "sửa đổi khoản 2 như sau
 * …", "bổ sung nhiệm vụ …". The changes are read from the amending dispatch's text (src/dispatch/amend-items.ts),
 * matched to the tracked dispatch's open items, shown in the preview item by item, and applied by a leader: the
 * tasks and their open shares change (reminders and reports read those columns), a later due day is recorded as an
 * approved extension (the report shows the original beside it), added items become tasks posted to their units'
 * groups, every affected unit is told in its group, and each change is an event of the task's history (/lichsu).
 */

export type PlannedChange =
  | { op: "deadline"; ref: string; taskIds: number[]; from: string | null; to: string; units: string[] }
  | { op: "text"; ref: string; taskIds: number[]; from: string; to: string; until: string | null; untilFrom: string | null; units: string[] }
  | {
      op: "add"; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; recurrence: Recurrence | null;
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
  const found = findItemChanges(await store.amendmentItems.sourceText(amendment.dispatchId));
  if (found.length === 0) return null;

  const tasks = await store.history.tasks(target.id);
  const shares = await store.amendments.openShares(target.id);
  const openTasks = new Set(shares.map((s) => s.taskId));
  const unitsOf = (taskIds: number[]) => [...new Set(shares.filter((s) => taskIds.includes(s.taskId)).map((s) => s.unitName))];
  const plan: ItemPlan = { changes: [], skipped: [], unplaced: [] };
  const matching = (ref: string): number[] | null => {
    const k = refKey(ref);
    const named = tasks.filter((t) => refKey(t.ref) === k || refKey(t.ref).startsWith(`${k}.`));
    if (named.length === 0) { plan.skipped.push({ ref, why: "missing" }); return null; }
    const open = named.filter((t) => openTasks.has(t.id)).map((t) => t.id);
    if (open.length === 0) { plan.skipped.push({ ref, why: "closed" }); return null; }
    return open;
  };
  const taskOf = (id: number) => tasks.find((t) => t.id === id)!;

  const draft = await store.dispatches.draft(amendment.dispatchId);
  const candidates = (draft?.items ?? []).filter((i) => !i.dropped && reachesUnit(i));
  const names = await store.directory.unitsById([...new Set(candidates.flatMap((i) => i.assignees.flatMap((a) => a.unitIds)))]);
  let nextRef = Math.max(0, ...tasks.map((t) => Number(/^\d+/.exec(t.ref)?.[0] ?? 0)));

  for (const c of found) {
    if (c.op === "deadline") {
      for (const ref of c.refs) {
        const ids = matching(ref);
        if (ids) plan.changes.push({ op: "deadline", ref: taskOf(ids[0]!).ref, taskIds: ids, from: taskOf(ids[0]!).deadlineDate, to: c.until, units: unitsOf(ids) });
      }
    } else if (c.op === "text") {
      const ids = matching(c.ref);
      const first = ids ? taskOf(ids[0]!) : null;
      if (ids && first) plan.changes.push({ op: "text", ref: first.ref, taskIds: ids, from: first.text, to: c.newText, until: c.until, untilFrom: first.deadlineDate, units: unitsOf(ids) });
    } else {
      // The amending dispatch's own reading of the added item gives its units and due day (the reader found it as a
      // task of that dispatch): matched on the item's first words.
      const want = foldKey(c.newText).slice(0, 40);
      const item = candidates.find((i) => { const k = foldKey(i.text); return k.includes(want) || want.includes(k.slice(0, 40)); });
      if (!item) { plan.unplaced.push(c.newText); continue; }
      const roles = new Map<number, AssigneeRole>();
      for (const a of item.assignees) for (const id of a.unitIds) if (roles.get(id) !== "lead") roles.set(id, a.role);
      // Given to the amending dispatch's recipients only because the reader found no unit in the item ("Kính gửi"):
      // those are the units the added text names, if any; else the leader assigns it apart.
      if (item.marks?.includes("implicit")) {
        const text = ` ${foldKey(c.newText)} `;
        for (const id of [...roles.keys()]) if (!text.includes(` ${foldKey(names.get(id)?.displayName ?? "")} `)) roles.delete(id);
      }
      if (roles.size === 0) { plan.unplaced.push(c.newText); continue; }
      const ref = c.ref && !tasks.some((t) => refKey(t.ref) === refKey(c.ref!)) ? c.ref : String(++nextRef);
      plan.changes.push({
        op: "add", ref, text: c.newText, deadlineDate: item.deadlineDate ?? c.until, deadlineText: item.deadlineText, recurrence: item.recurrence,
        assignments: [...roles].map(([unitId, role]) => ({ unitId, role, name: names.get(unitId)?.displayName ?? String(unitId) })),
      });
    }
  }
  return plan.changes.length || plan.skipped.length || plan.unplaced.length ? plan : null;
}

export type ItemsResult =
  | { code: "items_applied"; number: string | null; changed: number; added: number; units: number }
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
  const tell = (unitId: number, line: (t: Translate) => string) => told.set(unitId, [...(told.get(unitId) ?? []), line]);
  const event = (s: OpenShare, data: Record<string, unknown>): NewEvent => ({
    type: "amendment_item", actor: input.by, chatId: input.chat, messageId: null, dispatchId: s.dispatchId, taskId: s.taskId, assignmentId: s.assignmentId, unitId: s.unitId,
    data: { source, name: input.byName ?? null, amendmentId: input.amendment.id, ...data },
  });
  const moveDeadline = (taskIds: number[], ref: string, to: string) => {
    for (const taskId of taskIds) writes.tasks.push({ taskId, deadlineDate: to });
    for (const s of shares.filter((x) => taskIds.includes(x.taskId) && x.deadlineDate !== to)) {
      writes.shares.push({ ...s, from: s.deadlineDate, to, extension: s.deadlineDate !== null && s.deadlineDate < to, reason: source });
      writes.events.push(event(s, { change: "deadline", from: s.deadlineDate, to }));
      tell(s.unitId, (t) => t("followup:amendmentItems.noticeDeadline", { ref, from: s.deadlineDate ? displayDay(s.deadlineDate) : t("tracking:common.noDeadline"), to: displayDay(to) }));
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
        tell(s.unitId, (t) => t("followup:amendmentItems.noticeText", { ref: c.ref, text: clip(c.to, 600) }));
      }
      if (c.until) moveDeadline(c.taskIds, c.ref, c.until);
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
  return { code: "items_applied", number: target.number, changed, added: added.length, units: unitIds.length };
}

type Translate = ReturnType<Awaited<ReturnType<typeof chatTranslators>>>;
