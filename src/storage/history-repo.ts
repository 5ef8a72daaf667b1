import { DIALECT } from "./dialect.js";
import type { Sql } from "./sql.js";

/**
 * What a task's timeline (/lichsu) is made of, read from the append-only Event table, the Post table (which message
 * carried which assignment, and when it was delivered) and the assignments. Reads that need no transaction
 * (`db.readSql`: on SQLite the read-only connection), on either database.
 */
export interface HistoryTask { id: number; dispatchId: number; ref: string; text: string; occurrence: number; deadlineDate: string | null }
export interface HistoryAssignment {
  id: number; taskId: number; unitId: number; unitName: string; role: "lead" | "coordinate"; status: "open" | "pending_approval" | "done" | "recalled";
  deadlineDate: string | null; completedAt: Date | null;
}
export interface HistoryPost { assignmentId: number; chatId: string; kind: "task" | "reminder"; at: Date; title: string | null }
/** An item of a confirmed dispatch that no unit follows up. */
export interface UnassignedItem {
  dispatchId: number; number: string | null; subject: string | null; seq: number; ref: string; text: string; deadlineDate: string | null;
  /** Marked "không giao" by the leader; false: confirmed with no unit before confirming insisted on a decision. */
  notAssigned: boolean;
}
export interface HistoryEvent {
  id: number; at: Date; type: string; actor: string | null; chatId: string | null; taskId: number | null; assignmentId: number | null;
  unitId: number | null; data: Record<string, unknown>;
}

export class HistoryRepo {
  private readonly ids: string;
  private readonly texts: string;

  constructor(private readonly read: Sql) {
    this.ids = DIALECT[read.dialect].jsonIds;
    this.texts = DIALECT[read.dialect].jsonTexts;
  }

  /** Confirmed dispatches (id, number, date): the caller matches the number as people write it. */
  async confirmedDispatches(): Promise<Array<{ id: number; number: string | null; date: string | null; subject: string | null }>> {
    return this.read.all(`SELECT d.id, d.number, d.date, d.subject FROM "Dispatch" d WHERE d.status = 'confirmed' ORDER BY d.id`);
  }

  async tasks(dispatchId: number): Promise<HistoryTask[]> {
    return this.read.all<HistoryTask>(
      `SELECT id, "dispatchId", ref, text, occurrence, "deadlineDate" FROM "Task" WHERE "dispatchId" = ? ORDER BY seq, occurrence, id`,
      [dispatchId],
    );
  }

  async assignments(taskIds: readonly number[]): Promise<HistoryAssignment[]> {
    const rows = await this.read.all<Omit<HistoryAssignment, "completedAt"> & { completedAt: string | null }>(
      `SELECT a.id, a."taskId", a."unitId", u."displayName" AS "unitName", a.role, a.status, a."deadlineDate", a."completedAt"
       FROM "Assignment" a JOIN "Unit" u ON u.id = a."unitId" WHERE a."taskId" IN (${this.ids}) ORDER BY a."taskId", a.role DESC, a.id`,
      [JSON.stringify(taskIds)],
    );
    return rows.map((a) => ({ ...a, completedAt: a.completedAt ? new Date(a.completedAt) : null }));
  }

  async posts(assignmentIds: readonly number[]): Promise<HistoryPost[]> {
    const rows = await this.read.all<Omit<HistoryPost, "at"> & { at: string }>(
      `SELECT p."assignmentId", p."chatId", p.kind, p."createdAt" AS at, b.title FROM "Post" p LEFT JOIN "ChatBinding" b ON b."chatId" = p."chatId"
       WHERE p."assignmentId" IN (${this.ids}) ORDER BY p.id`,
      [JSON.stringify(assignmentIds)],
    );
    return rows.map((p) => ({ ...p, at: new Date(p.at) }));
  }

  /** The dispatch's events about these tasks or assignments, and its dispatch-wide ones (confirmation), in order. */
  async events(dispatchId: number, taskIds: readonly number[], assignmentIds: readonly number[]): Promise<HistoryEvent[]> {
    const rows = await this.read.all<Omit<HistoryEvent, "at" | "data"> & { at: string; data: string }>(
      `SELECT id, at, type, actor, "chatId", "taskId", "assignmentId", "unitId", data FROM "Event"
       WHERE "dispatchId" = ? AND ("taskId" IN (${this.ids}) OR "assignmentId" IN (${this.ids}) OR "taskId" IS NULL)
       ORDER BY at, id`,
      [dispatchId, JSON.stringify(taskIds), JSON.stringify(assignmentIds)],
    );
    return rows.map((e) => ({ ...e, at: new Date(e.at), data: safeJson(e.data) }));
  }

  /** The lead units' names of each task (posts to coordinating units name them). */
  async leadUnitNames(taskIds: readonly number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (taskIds.length === 0) return out;
    const rows = await this.read.rows<[number, string]>(
      `SELECT a."taskId", u."displayName" FROM "Assignment" a JOIN "Unit" u ON u.id = a."unitId"
       WHERE a.role = 'lead' AND a."taskId" IN (${this.ids}) ORDER BY a.id`,
      [JSON.stringify(taskIds)],
    );
    for (const [taskId, name] of rows) out.set(taskId, [...(out.get(taskId) ?? []), name]);
    return out;
  }

  /**
   * Items of confirmed dispatches that became no task: marked "không giao" by the leader (`notAssigned`), or, before
   * confirming insisted (issue 12), left with no unit. Reports list them so none is silently untracked.
   */
  async unassignedItems(dispatchIds: number | readonly number[]): Promise<UnassignedItem[]> {
    const ids = typeof dispatchIds === "number" ? [dispatchIds] : dispatchIds;
    if (ids.length === 0) return [];
    const rows = await this.read.all<Omit<UnassignedItem, "notAssigned"> & { notAssigned: number | boolean }>(
      `SELECT i."dispatchId", d.number, d.subject, i.seq, i.ref, i.text, i."deadlineDate", i."notAssigned"
       FROM "DraftItem" i JOIN "Dispatch" d ON d.id = i."dispatchId"
       WHERE i."dispatchId" IN (${this.ids}) AND d.status = 'confirmed' AND i.dropped = FALSE
       AND NOT EXISTS (SELECT 1 FROM "Task" t WHERE t."dispatchId" = i."dispatchId" AND t.seq = i.seq) ORDER BY i."dispatchId", i.seq`,
      [JSON.stringify(ids)],
    );
    // SQLite gives 0/1, PostgreSQL a boolean.
    return rows.map((i) => ({ ...i, notAssigned: Boolean(i.notAssigned) }));
  }

  /** Registered people's names by user id. */
  async names(userIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.read.rows<[string, string]>(`SELECT "userId", name FROM "Person" WHERE "userId" IN (${this.texts}) AND name <> "userId"`, [JSON.stringify(userIds)]);
    return new Map(rows);
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
