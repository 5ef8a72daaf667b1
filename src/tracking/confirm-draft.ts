import type { NewOutboxItem } from "../chat/outbox.js";
import { chatTranslators } from "./chat-lang.js";
import type { CreatedAssignment, TaskPlan } from "../storage/dispatch-repo.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import type { AssigneeRole, Draft } from "./model.js";
import { unitPostMessages, type PostLine } from "./post-message.js";
import { occurrenceAfter } from "../reminders/recurrence.js";
import { dayNumber, isoFromDayNumber, officeDay } from "./office-day.js";

export type ConfirmResult =
  | {
      code: "ok";
      dispatchId: number;
      tasks: number;
      assignments: number;
      units: number;
      posts: number;
      /** Assigned units with no active chat: the leader must reach them another way. */
      unbound: Array<{ unitId: number; name: string }>;
      /** Items left with no unit (only generic or unmatched names). */
      unassigned: Array<{ seq: number; ref: string }>;
    }
  | { code: "forbidden" }
  | { code: "not_found" }
  | { code: "not_draft"; status: string }
  | { code: "needs_period"; items: Array<{ seq: number; ref: string }> }
  | { code: "nothing_to_assign" };

/** Per task, each unit once; a unit named both as lead and coordinator leads. */
export function planTasks(draft: Draft): TaskPlan[] {
  return draft.items
    .filter((it) => !it.dropped)
    .map((it) => {
      const roles = new Map<number, AssigneeRole>();
      for (const a of it.assignees) for (const id of a.unitIds) if (roles.get(id) !== "lead") roles.set(id, a.role);
      return {
        seq: it.seq, ref: it.ref, text: it.text, deadlineDate: it.deadlineDate, deadlineText: it.deadlineText,
        recurrence: it.recurrence,
        genericBodies: it.assignees.filter((a) => a.match === "generic").map((a) => a.name),
        assignments: [...roles].map(([unitId, role]) => ({ unitId, role })),
      };
    });
}

/**
 * Draft → tasks and assignments, and one task message per unit chat quoting số ký hiệu and item refs: all in one
 * transaction through the outbox, so a crash leaves either nothing or everything (sent later by delivery).
 */
export async function confirmDraft(deps: TrackingDeps, input: { dispatchId: number; by: string }): Promise<ConfirmResult> {
  const { store, clock } = deps;
  if (!hasRole(await store.directory.person(input.by), "leader")) return { code: "forbidden" };
  const draft = await store.dispatches.draft(input.dispatchId);
  if (!draft) return { code: "not_found" };
  if (draft.status !== "draft") return { code: "not_draft", status: draft.status };
  const live = draft.items.filter((i) => !i.dropped);
  // Only items that will become tasks need a period; unassigned ones are reported, not blocking.
  const needsPeriod = live.filter((i) => i.recurrence === "periodic" && i.assignees.some((a) => a.unitIds.length > 0));
  if (needsPeriod.length) return { code: "needs_period", items: needsPeriod.map((i) => ({ seq: i.seq, ref: i.ref })) };

  // A recurring task whose first due day passed long ago (a 2023 plan forwarded in 2026) starts at its next occurrence
  // from today, instead of opening years of overdue occurrences one by one (issue 10).
  const today = officeDay(clock.now());
  const yesterday = isoFromDayNumber(dayNumber(today) - 1);
  const plans = planTasks(draft)
    .filter((p) => p.assignments.length > 0)
    .map((p) => (p.deadlineDate && p.deadlineDate < today && p.recurrence && p.recurrence !== "periodic"
      ? { ...p, deadlineDate: occurrenceAfter(p.deadlineDate, p.recurrence, yesterday) ?? p.deadlineDate }
      : p));
  if (plans.length === 0) return { code: "nothing_to_assign" };
  const unitIds = [...new Set(plans.flatMap((p) => p.assignments.map((a) => a.unitId)))];
  const units = await store.directory.unitsById(unitIds);
  const bindings = await store.directory.activeBindings(unitIds);
  const tFor = await chatTranslators(store, bindings.map((b) => b.chatId));
  const plansBySeq = new Map(plans.map((p) => [p.seq, p]));

  const posts = (created: CreatedAssignment[]): NewOutboxItem[] => {
    const out: NewOutboxItem[] = [];
    for (const b of bindings) {
      const lines: PostLine[] = created
        .filter((c) => c.unitId === b.unitId)
        .map((c) => {
          const p = plansBySeq.get(c.taskSeq)!;
          const leads = c.role === "coordinate" ? p.assignments.filter((a) => a.role === "lead").map((a) => units.get(a.unitId)?.displayName ?? "") : [];
          return { assignmentId: c.id, ref: p.ref, text: p.text, role: c.role, deadlineDate: p.deadlineDate, recurrence: p.recurrence, ...(leads.length ? { leads } : {}) };
        });
      if (lines.length) out.push(...unitPostMessages(b.chatId, units.get(b.unitId)?.displayName ?? "", draft.doc, lines, tFor(b.chatId)));
    }
    return out;
  };
  let postCount = 0;
  const created = await store.dispatches.confirm(draft.id, plans, (c) => {
    const items = posts(c);
    postCount = items.length;
    return items;
  }, clock.now(), input.by);
  if (!created) return { code: "not_draft", status: "confirmed" };

  const bound = new Set(bindings.map((b) => b.unitId));
  return {
    code: "ok",
    dispatchId: draft.id,
    tasks: plans.length,
    assignments: created.length,
    units: unitIds.length,
    posts: postCount,
    unbound: unitIds.filter((id) => !bound.has(id)).map((id) => ({ unitId: id, name: units.get(id)?.displayName ?? String(id) })),
    unassigned: live.filter((i) => !plansBySeq.has(i.seq)).map((i) => ({ seq: i.seq, ref: i.ref })),
  };
}
