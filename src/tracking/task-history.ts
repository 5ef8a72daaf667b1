import type { ChatId } from "../chat/port.js";
import type { HistoryAssignment, HistoryEvent, HistoryTask } from "../storage/history-repo.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import { numberKey } from "./ingest-draft.js";
import { foldKey } from "../text/vietnamese.js";

/**
 * A task's timeline (/lichsu <số ký hiệu> [mục]): when it was sent to which group, each report with its author and
 * time, evidence files, approvals, extensions asked and decided, next occurrences. Leaders, secretaries and admins see
 * every unit; anyone else only the unit their chat is bound to (or they are registered in). The web dashboard calls
 * the same use case.
 */
export type TimelineEntry =
  | { kind: "sent" | "reminder"; at: Date; chat: string; title: string | null }
  | { kind: "reply"; at: Date; who: string; note: string; outcome: string; files: string[]; eventId: string | null }
  | { kind: "approved" | "rejected" | "extension_refused"; at: Date; who: string }
  | { kind: "extension_requested"; at: Date; who: string; from: string | null; to: string; reason: string | null }
  | { kind: "extension_approved"; at: Date; who: string; from: string | null; to: string }
  | { kind: "occurrence"; at: Date; deadline: string }
  | { kind: "confirmed"; at: Date; who: string }
  | { kind: "recalled"; at: Date; who: string; reason: string | null }
  | { kind: "amendment_extended"; at: Date; source: string; from: string | null; to: string }
  /** An amending dispatch applied item by item: the item's due day or wording changed, or the item added. */
  | { kind: "amendment_item"; at: Date; source: string; change: "deadline" | "text" | "added"; from: string | null; to: string | null };

export interface UnitTimeline { assignment: HistoryAssignment; entries: TimelineEntry[] }

export interface TaskHistory {
  dispatch: { id: number; number: string | null; date: string | null };
  task: HistoryTask;
  /** Later occurrences of a recurring item share the timeline (same ref). */
  occurrences: HistoryTask[];
  confirmed: TimelineEntry | null;
  units: UnitTimeline[];
}

export type HistoryResult =
  | { code: "ok"; history: TaskHistory }
  /** The dispatch has several items and none was named: the caller lists them. */
  | { code: "which_item"; dispatch: { id: number; number: string | null }; refs: string[] }
  | { code: "no_item"; dispatch: { id: number; number: string | null }; ref: string; refs: string[] }
  /** The same number in several years: pick by "/lichsu 91/UBND-KT/2023" or by date. */
  | { code: "which_dispatch"; options: Array<{ id: number; number: string | null; date: string | null; subject: string | null }> }
  | { code: "not_found" }
  | { code: "forbidden" };

export interface HistoryQuery {
  /** Who asks, and from which chat: permissions follow the person's roles and the chat's unit. */
  by: string;
  chat: ChatId;
  number?: string;
  dispatchId?: number;
  ref?: string;
  assignmentId?: number;
}

export async function taskHistory(deps: TrackingDeps, query: HistoryQuery): Promise<HistoryResult> {
  const { store } = deps;
  const person = await store.directory.person(query.by);
  const seesAll = hasRole(person, "leader", "secretary");
  const binding = await store.directory.binding(query.chat);
  const ownUnit = binding?.active ? binding.unitId : person?.unitId ?? null;
  if (!seesAll && ownUnit === null) return { code: "forbidden" };

  let dispatchId = query.dispatchId;
  let ref = query.ref;
  if (query.assignmentId !== undefined) {
    const a = await store.replies.assignment(query.assignmentId);
    if (!a) return { code: "not_found" };
    dispatchId = a.dispatchId;
    ref = a.taskRef;
  }
  const dispatches = await store.history.confirmedDispatches();
  if (dispatchId === undefined) {
    const { number, year } = splitYear(query.number ?? "");
    const key = numberKey(number);
    let found = dispatches.filter((d) => numberKey(d.number) === key);
    if (year) found = found.filter((d) => d.date?.startsWith(year));
    if (found.length === 0) return { code: "not_found" };
    if (found.length > 1) return { code: "which_dispatch", options: found };
    dispatchId = found[0]!.id;
  }
  const dispatch = dispatches.find((d) => d.id === dispatchId);
  if (!dispatch) return { code: "not_found" };
  const tasks = await store.history.tasks(dispatch.id);
  const refs = [...new Set(tasks.map((t) => t.ref))];
  const head = { id: dispatch.id, number: dispatch.number };
  if (ref === undefined) {
    if (refs.length !== 1) return { code: "which_item", dispatch: head, refs };
    ref = refs[0]!;
  }
  const wanted = foldKey(ref).replace(/\s+/g, "");
  const matching = tasks.filter((t) => foldKey(t.ref).replace(/\s+/g, "") === wanted);
  if (matching.length === 0) return { code: "no_item", dispatch: head, ref, refs };

  const taskIds = matching.map((t) => t.id);
  let assignments = await store.history.assignments(taskIds);
  if (!seesAll) assignments = assignments.filter((a) => a.unitId === ownUnit);
  if (assignments.length === 0) return { code: "forbidden" };
  const assignmentIds = assignments.map((a) => a.id);
  const posts = await store.history.posts(assignmentIds);
  const events = await store.history.events(dispatch.id, taskIds, assignmentIds);
  const names = await store.history.names([...new Set(events.map((e) => e.actor).filter((x): x is string => x !== null))]);
  // The name written with the event (as the platform showed it then), else the registered one, else the id.
  const who = (e: HistoryEvent) => (typeof e.data.name === "string" ? e.data.name : null) ?? names.get(e.actor ?? "") ?? e.actor ?? "";

  const units = new Map<number, UnitTimeline>();
  const lineOf = new Map<number, UnitTimeline>();
  for (const a of assignments) {
    // Occurrences of a recurring item: one timeline per unit across them.
    let line = units.get(a.unitId);
    if (!line) units.set(a.unitId, (line = { assignment: a, entries: [] }));
    else if (a.taskId > line.assignment.taskId) line.assignment = a;
    lineOf.set(a.id, line);
  }
  for (const p of posts) lineOf.get(p.assignmentId)?.entries.push({ kind: p.kind === "reminder" ? "reminder" : "sent", at: p.at, chat: p.chatId, title: p.title });
  let confirmed: TimelineEntry | null = null;
  for (const e of events) {
    if (e.type === "dispatch_confirmed") { confirmed = { kind: "confirmed", at: e.at, who: who(e) }; continue; }
    if (e.type === "occurrence_created") {
      if (e.taskId !== null && taskIds.includes(e.taskId) && typeof e.data.deadline === "string") {
        for (const line of units.values()) line.entries.push({ kind: "occurrence", at: e.at, deadline: e.data.deadline });
      }
      continue;
    }
    const line = e.assignmentId !== null ? lineOf.get(e.assignmentId) : undefined;
    if (!line) continue;
    const d = e.data;
    const str = (v: unknown) => (typeof v === "string" ? v : null);
    switch (e.type) {
      case "reply":
        line.entries.push({
          kind: "reply", at: e.at, who: who(e), note: str(d.note) ?? "", outcome: str(d.outcome) ?? "note",
          files: Array.isArray(d.attachments) ? d.attachments.filter((f): f is string => typeof f === "string") : [], eventId: str(d.eventId),
        });
        break;
      case "approved":
      case "rejected":
      case "extension_refused":
        line.entries.push({ kind: e.type, at: e.at, who: who(e) });
        break;
      case "extension_requested":
        line.entries.push({ kind: "extension_requested", at: e.at, who: who(e), from: str(d.from), to: str(d.to) ?? "", reason: str(d.reason) });
        break;
      case "extension_approved":
        line.entries.push({ kind: "extension_approved", at: e.at, who: who(e), from: str(d.from), to: str(d.to) ?? "" });
        break;
      case "recalled":
        line.entries.push({ kind: "recalled", at: e.at, who: who(e), reason: str(d.reason) ?? str(d.source) });
        break;
      case "amendment_extended":
        line.entries.push({ kind: "amendment_extended", at: e.at, source: str(d.source) ?? "", from: str(d.from), to: str(d.to) ?? "" });
        break;
      case "amendment_item":
        if (d.change === "deadline" || d.change === "text" || d.change === "added") {
          line.entries.push({ kind: "amendment_item", at: e.at, source: str(d.source) ?? "", change: d.change, from: str(d.from), to: str(d.to) });
        }
        break;
    }
  }
  for (const line of units.values()) line.entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    code: "ok",
    history: { dispatch: { id: dispatch.id, number: dispatch.number, date: dispatch.date }, task: matching[0]!, occurrences: matching.slice(1), confirmed, units: [...units.values()] },
  };
}

/** "91/UBND-KT/2023" or "91/UBND-KT năm 2023": the number and the year it was issued in. */
function splitYear(text: string): { number: string; year: string | null } {
  const m = /^(.*?)(?:\s*(?:\/|năm|nam)\s*)((?:19|20)\d\d)\s*$/iu.exec(text.trim());
  return m && /\D/.test(m[1]!) && m[1]!.includes("/") ? { number: m[1]!, year: m[2]! } : { number: text.trim(), year: null };
}
