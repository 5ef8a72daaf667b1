import type { NewOutboxItem } from "../chat/outbox.js";
import type { Db } from "./database.js";
import { DIALECT } from "./dialect.js";
import type { NewEvent, ReplyRepo } from "./reply-repo.js";
import { sqlDate } from "./sql-date.js";
import type { Param, Sql } from "./sql.js";
import type { WriteGate } from "./write-gate.js";

/**
 * Deadline extensions (gia hạn): requests by units, decisions by leaders. Raw statements on `db.sql` (either database),
 * one transaction each, with their events and notices.
 */
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

const COLUMNS = `id, "assignmentId", "taskId", "unitId", "dispatchId", status, "oldDate", "requestedDate", "grantedDate", reason, "requestText",
  "requestedBy", "requestChat", "requestedAt", "decidedBy", "decidedAt", "decisionNote"`;

type Row = Omit<ExtensionRecord, "requestedAt" | "decidedAt"> & { requestedAt: string; decidedAt: string | null };
const toRecord = (r: Row): ExtensionRecord => ({ ...r, requestedAt: new Date(r.requestedAt), decidedAt: r.decidedAt ? new Date(r.decidedAt) : null });

export class ExtensionRepo {
  private readonly sql: Sql;
  private readonly gate: WriteGate;

  constructor(db: Db, private readonly replies: ReplyRepo) {
    this.sql = db.sql;
    this.gate = db.gate;
  }

  async get(id: number): Promise<ExtensionRecord | null> {
    const r = await this.sql.get<Row>(`SELECT ${COLUMNS} FROM "DeadlineExtension" WHERE id = ?`, [id]);
    return r ? toRecord(r) : null;
  }

  async ofAssignment(assignmentId: number): Promise<ExtensionRecord[]> {
    return (await this.sql.all<Row>(`SELECT ${COLUMNS} FROM "DeadlineExtension" WHERE "assignmentId" = ? ORDER BY id`, [assignmentId])).map(toRecord);
  }

  /** Newest first; the dashboard and the leader's lists. */
  async list(filter: { status?: ExtensionStatus; dispatchId?: number; limit?: number } = {}): Promise<ExtensionRecord[]> {
    // Conditions only for what is asked: PostgreSQL cannot type a bare `? IS NULL`.
    const where: string[] = [];
    const params: Param[] = [];
    if (filter.status !== undefined) { where.push("status = ?"); params.push(filter.status); }
    if (filter.dispatchId !== undefined) { where.push(`"dispatchId" = ?`); params.push(filter.dispatchId); }
    const rows = await this.sql.all<Row>(
      `SELECT ${COLUMNS} FROM "DeadlineExtension" ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
      [...params, filter.limit ?? 200],
    );
    return rows.map(toRecord);
  }

  /**
   * The deadline each assignment had before its first approved extension, for those that have one. Reports show it
   * beside the extended one; read only for the lines listed, never for every row.
   */
  async originalDeadlines(assignmentIds: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (assignmentIds.length === 0) return out;
    const rows = await this.sql.rows<[number, string]>(
      `SELECT "assignmentId", "oldDate" FROM "DeadlineExtension" WHERE status = 'approved' AND "oldDate" IS NOT NULL
       AND "assignmentId" IN (${DIALECT[this.sql.dialect].jsonIds}) ORDER BY id DESC`,
      [JSON.stringify(assignmentIds)],
    );
    for (const [id, old] of rows) out.set(id, old); // newest first, so the earliest is set last and wins
    return out;
  }

  /**
   * Records requests (a newer request replaces a pending one of the same assignment), their events and the notices,
   * with the inbound event id, in one transaction. Returns the new ids, or null when the event was already handled
   * (a redelivery, or another worker recorded it first).
   */
  async request(e: { eventId: string | null; at: Date; requests: NewExtension[]; events: NewEvent[]; notices: (ids: number[]) => NewOutboxItem[] }): Promise<number[] | null> {
    return this.gate.run(() => this.sql.tx(async (sql) => {
      const at = sqlDate(e.at);
      if (e.eventId && (await sql.run(`INSERT INTO "ProcessedEvent" (id, at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`, [e.eventId, at])) === 0) {
        return null; // nothing written yet: the transaction commits empty
      }
      const ids: number[] = [];
      // The assignments' rows are the lock (a no-op write, on both databases; in id order, so two transactions never
      // wait for each other crosswise): two requests handled at once by two workers take turns, the later supersedes
      // the earlier and one stays pending. SQLite has one writer anyway.
      for (const id of [...new Set(e.requests.map((r) => r.assignmentId))].sort((a, b) => a - b)) {
        await sql.run(`UPDATE "Assignment" SET id = id WHERE id = ?`, [id]);
      }
      for (const r of e.requests) {
        await sql.run(`UPDATE "DeadlineExtension" SET status = 'superseded' WHERE "assignmentId" = ? AND status = 'pending'`, [r.assignmentId]);
        ids.push(Number(await sql.value<number>(
          `INSERT INTO "DeadlineExtension" ("assignmentId", "taskId", "unitId", "dispatchId", status, "oldDate", "requestedDate", reason,
           "requestText", "requestedBy", "requestChat", "requestMessage", "requestedAt") VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          [r.assignmentId, r.taskId, r.unitId, r.dispatchId, r.oldDate, r.requestedDate, r.reason, r.requestText, r.requestedBy, r.requestChat, r.requestMessage, at],
        )));
      }
      for (const [i, ev] of e.events.entries()) await this.replies.insertEvent(sql, { ...ev, data: { ...(ev.data as object), extensionId: ids[i] } }, at);
      for (const n of e.notices(ids)) await this.replies.insertOutbox(sql, n, e.at);
      return ids;
    }));
  }

  /**
   * A leader's decision: the request leaves "pending", an approval moves the assignment's deadline; event and notices
   * in the same transaction. False when the request was no longer pending (decided twice, two leaders at once).
   */
  async decide(d: { id: number; approve: boolean; grantedDate: string | null; by: string; note: string | null; at: Date; assignmentId: number; event: NewEvent; notices: NewOutboxItem[] }): Promise<boolean> {
    return this.gate.run(() => this.sql.tx(async (sql) => {
      const at = sqlDate(d.at);
      // The conditional update is the lock: of two leaders deciding at once, one changes the row, the other nothing.
      const changed = await sql.run(
        `UPDATE "DeadlineExtension" SET status = ?, "grantedDate" = ?, "decidedBy" = ?, "decidedAt" = ?, "decisionNote" = ? WHERE id = ? AND status = 'pending'`,
        [d.approve ? "approved" : "refused", d.approve ? d.grantedDate : null, d.by, at, d.note, d.id],
      );
      if (changed === 0) return false;
      if (d.approve && d.grantedDate) await sql.run(`UPDATE "Assignment" SET "deadlineDate" = ? WHERE id = ? AND status <> 'done'`, [d.grantedDate, d.assignmentId]);
      await this.replies.insertEvent(sql, d.event, at);
      for (const n of d.notices) await this.replies.insertOutbox(sql, n, d.at);
      return true;
    }));
  }
}
