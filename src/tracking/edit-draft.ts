import { ASSIGNEE_MARKS, DEADLINE_MARKS } from "./confidence.js";
import { recurrenceSchema, type Recurrence } from "../dispatch/schema.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import type { AssigneeRole, Draft, DraftItem } from "./model.js";
import { UnitDirectory } from "./unit-matcher.js";

/** What a leader can change in a draft before confirming it. Items are addressed by their 1-based `seq`. */
export type DraftEdit =
  | { type: "set-assignees"; seq: number; assignees: Array<{ name: string; role: AssigneeRole }> }
  | { type: "map-name"; name: string; unitId: number; remember?: boolean }
  | { type: "set-deadline"; seq: number; date: string | null; text?: string | null; recurrence?: Recurrence | null }
  | { type: "set-period"; seq: number; recurrence: Recurrence }
  | { type: "drop"; seq: number }
  | { type: "restore"; seq: number }
  | { type: "cancel" };

export type EditResult =
  | { code: "ok"; draft: Draft }
  | { code: "cancelled"; dispatchId: number }
  | { code: "forbidden" }
  | { code: "not_found" }
  | { code: "not_draft"; status: string }
  | { code: "bad_item"; seq: number }
  | { code: "bad_value"; field: string };

export async function editDraft(deps: TrackingDeps, input: { dispatchId: number; by: string; edit: DraftEdit }): Promise<EditResult> {
  const { store, clock } = deps;
  if (!hasRole(await store.directory.person(input.by), "leader")) return { code: "forbidden" };
  const draft = await store.dispatches.draft(input.dispatchId);
  if (!draft) return { code: "not_found" };
  if (draft.status !== "draft") return { code: "not_draft", status: draft.status };
  const edit = input.edit;
  const at = clock.now();

  if (edit.type === "cancel") {
    await store.dispatches.cancel(draft.id, at, input.by);
    return { code: "cancelled", dispatchId: draft.id };
  }

  let changed: DraftItem[];
  if (edit.type === "map-name") {
    const unit = (await store.directory.unitsById([edit.unitId])).get(edit.unitId);
    if (!unit) return { code: "bad_value", field: "unitId" };
    // The leader's answer applies to every item naming that body, and (if asked) is remembered as an alias.
    changed = draft.items
      .filter((it) => it.assignees.some((a) => a.match === "unmatched" && a.name === edit.name))
      .map((it) => ({
        ...it,
        assignees: it.assignees.map((a) =>
          a.match === "unmatched" && a.name === edit.name ? { name: a.name, role: a.role, match: "unit" as const, unitIds: [unit.id] as [number] } : a,
        ),
      }));
    if (changed.length === 0) return { code: "bad_value", field: "name" };
    if (edit.remember) await store.directory.addAlias(unit.id, edit.name);
  } else {
    const item = draft.items.find((i) => i.seq === edit.seq);
    if (!item) return { code: "bad_item", seq: edit.seq };
    const next = { ...item };
    switch (edit.type) {
      case "set-assignees": {
        const directory = new UnitDirectory(await store.directory.units());
        next.assignees = edit.assignees.map((a) => directory.resolve(a.name, a.role));
        // The leader named the units: nothing left to guess about them.
        next.marks = (item.marks ?? []).filter((m) => !ASSIGNEE_MARKS.includes(m));
        break;
      }
      case "set-deadline":
        if (edit.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(edit.date)) return { code: "bad_value", field: "date" };
        next.deadlineDate = edit.date;
        next.deadlineText = edit.text ?? edit.date;
        next.marks = (item.marks ?? []).filter((m) => !DEADLINE_MARKS.includes(m));
        if (edit.recurrence !== undefined) next.recurrence = edit.recurrence;
        break;
      case "set-period":
        if (!recurrenceSchema.safeParse(edit.recurrence).success || edit.recurrence === "periodic") return { code: "bad_value", field: "recurrence" };
        next.recurrence = edit.recurrence;
        break;
      case "drop":
        next.dropped = true;
        break;
      case "restore":
        next.dropped = false;
        break;
    }
    changed = [next];
  }
  await store.dispatches.saveItems(draft.id, changed, { at, actor: input.by, type: "draft_edited", data: edit });
  return { code: "ok", draft: (await store.dispatches.draft(draft.id))! };
}
