import type Database from "better-sqlite3";
import type { NewOutboxItem } from "../chat/outbox.js";
import type { Db } from "./database.js";
import type { NewEvent, ReplyRepo } from "./reply-repo.js";
import { sqlDate } from "./sql-date.js";
import type { WriteGate } from "./write-gate.js";

/** Deadline extensions (gia hạn): requests by units, decisions by leaders. Raw statements, one transaction each. */
export type ExtensionStatus = "pending" | "approved" | "refused" | "superseded";

export interface ExtensionRecord {
  id: number;
  assignmentId: number;
  taskId: number;
  unitId: number;
  dispatchId: number;
  status: ExtensionStatus;
  oldDate: string | null;
  requestedDate: string;
  grantedDate: string | null;
  reason: string | null;
  requestText: string;
  requestedBy: string;
  requestChat: string | null;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export interface NewExtension {
  assignmentId: number;
  taskId: number;
  unitId: number;
  dispatchId: number;
  oldDate: string | null;
  requestedDate: string;
  reason: string | null;
  requestText: string;
  requestedBy: string;
  requestChat: string | null;
  requestMessage: string | null;
}

const COLUMNS = `id, assignmentId, taskId, unitId, dispatchId, status, oldDate, requestedDate, grantedDate, reason, requestText,
  requestedBy, requestChat, requestedAt, decidedBy, decidedAt, decisionNote`;

type Row = Omit<ExtensionRecord, "requestedAt" | "decidedAt"> & { requestedAt: string; decidedAt: string | null };
const toRecord = (r: Row): ExtensionRecord => ({ ...r, requestedAt: new Date(r.requestedAt), decidedAt: r.decidedAt ? new Date(r.decidedAt) : null });

export class ExtensionRepo {
  private readonly q: Record<string, Database.Statement>;
  private readonly write: Database.Database;
  private readonly gate: WriteGate;

  constructor(db: Db, private readonly replies: ReplyRepo) {
    this.write = db.write;
    this.gate = db.gate;
    const w = db.write;
    this.q = {
      byId: w.prepare(`SELECT ${COLUMNS} FROM DeadlineExtension WHERE id = ?`),
      ofAssignment: w.prepare(`SELECT ${COLUMNS} FROM DeadlineExtension WHERE assignmentId = ? ORDER BY id`),
      list: w.prepare(`SELECT ${COLUMNS} FROM DeadlineExtension WHERE (@status IS NULL OR status = @status)
        AND (@dispatchId IS NULL OR dispatchId = @dispatchId) ORDER BY id DESC LIMIT @limit`),
      supersede: w.prepare(`UPDATE DeadlineExtension SET status = 'superseded' WHERE assignmentId = ? AND status = 'pending'`),
      insert: w.prepare(`INSERT INTO DeadlineExtension (assignmentId, taskId, unitId, dispatchId, status, oldDate, requestedDate, reason,
        requestText, requestedBy, requestChat, requestMessage, requestedAt) VALUES (@assignmentId, @taskId, @unitId, @dispatchId, 'pending',
        @oldDate, @requestedDate, @reason, @requestText, @requestedBy, @requestChat, @requestMessage, @at)`),
      decide: w.prepare(`UPDATE DeadlineExtension SET status = @status, grantedDate = @grantedDate, decidedBy = @by, decidedAt = @at,
        decisionNote = @note WHERE id = @id AND status = 'pending'`),
      moveDeadline: w.prepare(`UPDATE Assignment SET deadlineDate = ? WHERE id = ? AND status <> 'done'`),
      markProcessed: w.prepare(`INSERT INTO ProcessedEvent (id, at) VALUES (?, ?)`),
      event: w.prepare(`INSERT INTO Event (at, type, actor, chatId, messageId, dispatchId, taskId, assignmentId, unitId, data)
        VALUES (@at, @type, @actor, @chatId, @messageId, @dispatchId, @taskId, @assignmentId, @unitId, @data)`),
    };
  }

  async get(id: number): Promise<ExtensionRecord | null> {
    const r = this.q.byId!.get(id) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  async ofAssignment(assignmentId: number): Promise<ExtensionRecord[]> {
    return (this.q.ofAssignment!.all(assignmentId) as Row[]).map(toRecord);
  }

  /** Newest first; the dashboard and the leader's lists. */
  async list(filter: { status?: ExtensionStatus; dispatchId?: number; limit?: number } = {}): Promise<ExtensionRecord[]> {
    return (this.q.list!.all({ status: filter.status ?? null, dispatchId: filter.dispatchId ?? null, limit: filter.limit ?? 200 }) as Row[]).map(toRecord);
  }

  /**
   * The deadline each assignment had before its first approved extension, for those that have one. Reports show it
   * beside the extended one; read only for the lines listed, never for every row.
   */
  originalDeadlines(assignmentIds: readonly number[]): Map<number, string> {
    const out = new Map<number, string>();
    if (assignmentIds.length === 0) return out;
    const rows = this.write.prepare(
      `SELECT assignmentId, oldDate FROM DeadlineExtension WHERE status = 'approved' AND oldDate IS NOT NULL
       AND assignmentId IN (SELECT value FROM json_each(?)) ORDER BY id DESC`,
    ).raw(true).all(JSON.stringify(assignmentIds)) as Array<[number, string]>;
    for (const [id, old] of rows) out.set(id, old); // ascending by recency reversed: the earliest wins
    return out;
  }

  /**
   * Records requests (a newer request replaces a pending one of the same assignment), their events and the notices,
   * with the inbound event id, in one transaction. Returns the new ids, or null when the event was already handled.
   */
  async request(e: { eventId: string | null; at: Date; requests: NewExtension[]; events: NewEvent[]; notices: (ids: number[]) => NewOutboxItem[] }): Promise<number[] | null> {
    return this.gate.run(() => {
      try {
        return this.write.transaction(() => {
          const at = sqlDate(e.at);
          if (e.eventId) this.q.markProcessed!.run(e.eventId, at);
          const ids = e.requests.map((r) => {
            this.q.supersede!.run(r.assignmentId);
            return Number(this.q.insert!.run({ ...r, at }).lastInsertRowid);
          });
          e.events.forEach((ev, i) => this.insertEvent({ ...ev, data: { ...(ev.data as object), extensionId: ids[i] } }, at));
          for (const n of e.notices(ids)) this.replies.insertOutboxSqlite(this.write, n, e.at);
          return ids;
        })();
      } catch (err) {
        if (e.eventId && /UNIQUE constraint failed: ProcessedEvent/.test(String((err as Error)?.message))) return null;
        throw err;
      }
    });
  }

  /**
   * A leader's decision: the request leaves "pending", an approval moves the assignment's deadline; event and notices
   * in the same transaction. False when the request was no longer pending (decided twice, two leaders at once).
   */
  async decide(d: { id: number; approve: boolean; grantedDate: string | null; by: string; note: string | null; at: Date; assignmentId: number; event: NewEvent; notices: NewOutboxItem[] }): Promise<boolean> {
    return this.gate.run(() => this.write.transaction(() => {
      const at = sqlDate(d.at);
      const changed = this.q.decide!.run({ id: d.id, status: d.approve ? "approved" : "refused", grantedDate: d.approve ? d.grantedDate : null, by: d.by, at, note: d.note }).changes;
      if (changed === 0) return false;
      if (d.approve && d.grantedDate) this.q.moveDeadline!.run(d.grantedDate, d.assignmentId);
      this.insertEvent(d.event, at);
      for (const n of d.notices) this.replies.insertOutboxSqlite(this.write, n, d.at);
      return true;
    })());
  }

  private insertEvent(ev: NewEvent, at: string): void {
    this.q.event!.run({ ...ev, at, data: JSON.stringify(ev.data ?? {}) });
  }
}
