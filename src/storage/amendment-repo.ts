import type { NewOutboxItem } from "../chat/outbox.js";
import type { Db } from "./database.js";
import type { NewEvent, ReplyRepo } from "./reply-repo.js";
import { sqlDate } from "./sql-date.js";
import type { Sql } from "./sql.js";
import type { WriteGate } from "./write-gate.js";

/** Amending dispatches' references, and the two ways they change tracked tasks: new deadlines, recall (issue 12). */
export interface AmendmentRecord {
  id: number;
  dispatchId: number;
  kind: string;
  numbers: string[];
  until: string | null;
  text: string;
  targetDispatchId: number | null;
  appliedAt: Date | null;
}

export interface OpenShare { assignmentId: number; taskId: number; unitId: number; dispatchId: number; deadlineDate: string | null; ref: string; unitName: string }

const AMENDMENT = `SELECT id, "dispatchId", kind, numbers, until, text, "targetDispatchId", "appliedAt" FROM "DispatchAmendment"`;

export class AmendmentRepo {
  private readonly sql: Sql;
  private readonly gate: WriteGate;

  constructor(db: Db, private readonly replies: ReplyRepo) {
    this.sql = db.sql;
    this.gate = db.gate;
  }

  async record(dispatchId: number, list: Array<{ kind: string; numbers: string[]; until: string | null; text: string }>, at: Date): Promise<void> {
    if (list.length === 0) return;
    await this.gate.run(() => this.sql.tx(async (sql) => {
      for (const a of list) {
        await sql.run(`INSERT INTO "DispatchAmendment" ("dispatchId", kind, numbers, until, text, "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
          [dispatchId, a.kind, JSON.stringify(a.numbers), a.until, a.text, sqlDate(at)]);
      }
    }));
  }

  async ofDispatch(dispatchId: number): Promise<AmendmentRecord[]> {
    return (await this.sql.all<Raw>(`${AMENDMENT} WHERE "dispatchId" = ? ORDER BY id`, [dispatchId])).map(toRecord);
  }

  async get(id: number): Promise<AmendmentRecord | null> {
    const r = await this.sql.get<Raw>(`${AMENDMENT} WHERE id = ?`, [id]);
    return r ? toRecord(r) : null;
  }

  /** The open (or awaiting approval) shares of a dispatch's tasks, optionally only some tasks. */
  async openShares(dispatchId: number, taskIds?: readonly number[]): Promise<OpenShare[]> {
    const all = await this.sql.all<OpenShare>(
      `SELECT a.id AS "assignmentId", a."taskId", a."unitId", t."dispatchId", a."deadlineDate", t.ref, u."displayName" AS "unitName"
       FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Unit" u ON u.id = a."unitId"
       WHERE t."dispatchId" = ? AND a.status IN ('open', 'pending_approval') ORDER BY t.seq, a.id`,
      [dispatchId],
    );
    return taskIds ? all.filter((s) => taskIds.includes(s.taskId)) : all;
  }

  /**
   * Recalls shares (thu hồi): they leave reports, reminders and replies; their tasks close as recalled once no share
   * is open. With the amendment marked applied (when one caused it), events and notices, in one transaction.
   * Each share's conditional update is the lock when two leaders recall at the same instant (two chats, two workers):
   * only the shares this call moved get events, and `notices` is asked for those alone, so the groups are told once.
   * Returns how many shares it recalled (0: another recall won them all; -1: the amendment was already applied).
   */
  async recall(r: {
    shares: OpenShare[]; at: Date; by: string; amendmentId?: number; targetDispatchId: number; events: NewEvent[];
    notices: (recalled: OpenShare[]) => NewOutboxItem[];
  }): Promise<number> {
    return this.gate.run(() => this.sql.tx(async (sql) => {
      const at = sqlDate(r.at);
      if (r.amendmentId !== undefined && (await this.markApplied(sql, r.amendmentId, r.targetDispatchId, r.by, at)) === 0) return -1;
      // On PostgreSQL the second of two concurrent updates of a row waits for the first transaction and then finds
      // the status changed (READ COMMITTED re-checks the WHERE); SQLite runs them one after the other.
      const won: OpenShare[] = [];
      for (const s of r.shares) {
        if (await sql.run(`UPDATE "Assignment" SET status = 'recalled' WHERE id = ? AND status IN ('open', 'pending_approval')`, [s.assignmentId]) > 0) won.push(s);
      }
      if (won.length === 0) return 0;
      for (const taskId of new Set(won.map((s) => s.taskId))) {
        await sql.run(
          `UPDATE "Task" SET status = 'recalled' WHERE id = ? AND status = 'open'
           AND NOT EXISTS (SELECT 1 FROM "Assignment" WHERE "taskId" = ? AND status IN ('open', 'pending_approval'))`,
          [taskId, taskId],
        );
      }
      const wonIds = new Set(won.map((s) => s.assignmentId));
      for (const ev of r.events) if (ev.assignmentId == null || wonIds.has(ev.assignmentId)) await this.replies.insertEvent(sql, ev, at);
      for (const item of r.notices(won)) await this.replies.insertOutbox(sql, item, r.at);
      return won.length;
    }));
  }

  /**
   * An extending dispatch applied: each share gets the new deadline, recorded as an approved extension (so reports
   * show "gia hạn từ … đến …"), with events and notices, in one transaction. -1 when already applied.
   */
  async extend(r: { shares: OpenShare[]; until: string; at: Date; by: string; amendmentId: number; targetDispatchId: number; reason: string; events: NewEvent[]; notices: NewOutboxItem[] }): Promise<number> {
    return this.gate.run(() => this.sql.tx(async (sql) => {
      const at = sqlDate(r.at);
      if ((await this.markApplied(sql, r.amendmentId, r.targetDispatchId, r.by, at)) === 0) return -1;
      for (const s of r.shares) {
        await sql.run(
          `INSERT INTO "DeadlineExtension" ("assignmentId", "taskId", "unitId", "dispatchId", status, "oldDate", "requestedDate", "grantedDate", reason,
           "requestText", "requestedBy", "requestedAt", "decidedBy", "decidedAt") VALUES (?, ?, ?, ?, 'approved', ?, ?, ?, ?, '', ?, ?, ?, ?)`,
          [s.assignmentId, s.taskId, s.unitId, s.dispatchId, s.deadlineDate, r.until, r.until, r.reason, r.by, at, r.by, at],
        );
        await sql.run(`UPDATE "Assignment" SET "deadlineDate" = ? WHERE id = ?`, [r.until, s.assignmentId]);
      }
      for (const ev of r.events) await this.replies.insertEvent(sql, ev, at);
      for (const item of r.notices) await this.replies.insertOutbox(sql, item, r.at);
      return r.shares.length;
    }));
  }

  /**
   * Marks an amendment applied, once: the conditional update is the lock when two leaders apply it at the same time.
   * Call inside a write transaction (also used by AmendmentItemRepo).
   */
  markApplied(sql: Sql, amendmentId: number, targetDispatchId: number, by: string, at: string): Promise<number> {
    return sql.run(`UPDATE "DispatchAmendment" SET "targetDispatchId" = ?, "appliedBy" = ?, "appliedAt" = ? WHERE id = ? AND "appliedAt" IS NULL`,
      [targetDispatchId, by, at, amendmentId]);
  }
}

type Raw = Omit<AmendmentRecord, "numbers" | "appliedAt"> & { numbers: string; appliedAt: string | null };
function toRecord(r: Raw): AmendmentRecord {
  return { ...r, numbers: JSON.parse(r.numbers) as string[], appliedAt: r.appliedAt ? new Date(r.appliedAt) : null };
}
