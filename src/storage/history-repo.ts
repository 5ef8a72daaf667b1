import type Database from "better-sqlite3";

/**
 * What a task's timeline (/lichsu) is made of, read from the append-only Event table, the Post table (which message
 * carried which assignment, and when it was delivered) and the assignments. Read-only connection.
 */
export interface HistoryTask { id: number; dispatchId: number; ref: string; text: string; occurrence: number; deadlineDate: string | null }
export interface HistoryAssignment {
  id: number; taskId: number; unitId: number; unitName: string; role: "lead" | "coordinate"; status: "open" | "pending_approval" | "done" | "recalled";
  deadlineDate: string | null; completedAt: Date | null;
}
export interface HistoryPost { assignmentId: number; chatId: string; kind: "task" | "reminder"; at: Date; title: string | null }
export interface HistoryEvent {
  id: number; at: Date; type: string; actor: string | null; chatId: string | null; taskId: number | null; assignmentId: number | null;
  unitId: number | null; data: Record<string, unknown>;
}

export class HistoryRepo {
  private readonly q: Record<string, Database.Statement>;

  constructor(read: Database.Database) {
    this.q = {
      dispatches: read.prepare(`SELECT d.id, d.number, d.date, d.subject, d.confirmedAt FROM Dispatch d WHERE d.status = 'confirmed' ORDER BY d.id`),
      tasks: read.prepare(`SELECT id, dispatchId, ref, text, occurrence, deadlineDate FROM Task WHERE dispatchId = ? ORDER BY seq, occurrence, id`),
      assignments: read.prepare(`SELECT a.id, a.taskId, a.unitId, u.displayName AS unitName, a.role, a.status, a.deadlineDate, a.completedAt
        FROM Assignment a JOIN Unit u ON u.id = a.unitId WHERE a.taskId IN (SELECT value FROM json_each(?)) ORDER BY a.taskId, a.role DESC, a.id`),
      posts: read.prepare(`SELECT p.assignmentId, p.chatId, p.kind, p.createdAt AS at, b.title FROM Post p LEFT JOIN ChatBinding b ON b.chatId = p.chatId
        WHERE p.assignmentId IN (SELECT value FROM json_each(?)) ORDER BY p.id`),
      events: read.prepare(`SELECT id, at, type, actor, chatId, taskId, assignmentId, unitId, data FROM Event
        WHERE dispatchId = ? AND (taskId IN (SELECT value FROM json_each(?)) OR assignmentId IN (SELECT value FROM json_each(?)) OR taskId IS NULL)
        ORDER BY at, id`),
      leads: read.prepare(`SELECT a.taskId, u.displayName FROM Assignment a JOIN Unit u ON u.id = a.unitId
        WHERE a.role = 'lead' AND a.taskId IN (SELECT value FROM json_each(?)) ORDER BY a.id`),
      unassigned: read.prepare(`SELECT i.seq, i.ref, i.text FROM DraftItem i WHERE i.dispatchId = ? AND i.dropped = 0
        AND NOT EXISTS (SELECT 1 FROM Task t WHERE t.dispatchId = i.dispatchId AND t.seq = i.seq) ORDER BY i.seq`),
      names: read.prepare(`SELECT userId, name FROM Person WHERE userId IN (SELECT value FROM json_each(?)) AND name <> userId`),
    };
  }

  /** Confirmed dispatches (id, number, date): the caller matches the number as people write it. */
  confirmedDispatches(): Array<{ id: number; number: string | null; date: string | null; subject: string | null }> {
    return this.q.dispatches!.all() as Array<{ id: number; number: string | null; date: string | null; subject: string | null }>;
  }

  tasks(dispatchId: number): HistoryTask[] {
    return this.q.tasks!.all(dispatchId) as HistoryTask[];
  }

  assignments(taskIds: readonly number[]): HistoryAssignment[] {
    return (this.q.assignments!.all(JSON.stringify(taskIds)) as Array<Omit<HistoryAssignment, "completedAt"> & { completedAt: string | null }>)
      .map((a) => ({ ...a, completedAt: a.completedAt ? new Date(a.completedAt) : null }));
  }

  posts(assignmentIds: readonly number[]): HistoryPost[] {
    return (this.q.posts!.all(JSON.stringify(assignmentIds)) as Array<Omit<HistoryPost, "at"> & { at: string }>).map((p) => ({ ...p, at: new Date(p.at) }));
  }

  /** The dispatch's events about these tasks or assignments, and its dispatch-wide ones (confirmation), in order. */
  events(dispatchId: number, taskIds: readonly number[], assignmentIds: readonly number[]): HistoryEvent[] {
    return (this.q.events!.all(dispatchId, JSON.stringify(taskIds), JSON.stringify(assignmentIds)) as Array<Omit<HistoryEvent, "at" | "data"> & { at: string; data: string }>)
      .map((e) => ({ ...e, at: new Date(e.at), data: safeJson(e.data) }));
  }

  /** The lead units' names of each task (posts to coordinating units name them). */
  leadUnitNames(taskIds: readonly number[]): Map<number, string[]> {
    const out = new Map<number, string[]>();
    if (taskIds.length === 0) return out;
    for (const r of this.q.leads!.all(JSON.stringify(taskIds)) as Array<{ taskId: number; displayName: string }>) {
      out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.displayName]);
    }
    return out;
  }

  /** Items of a confirmed dispatch that became no task (no unit): reports list them so none is silently untracked. */
  unassignedItems(dispatchId: number): Array<{ seq: number; ref: string; text: string }> {
    return this.q.unassigned!.all(dispatchId) as Array<{ seq: number; ref: string; text: string }>;
  }

  /** Registered people's names by user id. */
  names(userIds: readonly string[]): Map<string, string> {
    return new Map((this.q.names!.all(JSON.stringify(userIds)) as Array<{ userId: string; name: string }>).map((p) => [p.userId, p.name]));
  }
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
