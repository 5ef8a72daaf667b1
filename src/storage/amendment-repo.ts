import type Database from "better-sqlite3";
import type { NewOutboxItem } from "../chat/outbox.js";
import type { Db } from "./database.js";
import type { NewEvent, ReplyRepo } from "./reply-repo.js";
import { sqlDate } from "./sql-date.js";
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

export class AmendmentRepo {
  private readonly q: Record<string, Database.Statement>;
  private readonly write: Database.Database;
  private readonly gate: WriteGate;

  constructor(db: Db, private readonly replies: ReplyRepo) {
    this.write = db.write;
    this.gate = db.gate;
    const w = db.write;
    this.q = {
      insert: w.prepare(`INSERT INTO DispatchAmendment (dispatchId, kind, numbers, until, text, createdAt) VALUES (?, ?, ?, ?, ?, ?)`),
      ofDispatch: w.prepare(`SELECT id, dispatchId, kind, numbers, until, text, targetDispatchId, appliedAt FROM DispatchAmendment WHERE dispatchId = ? ORDER BY id`),
      byId: w.prepare(`SELECT id, dispatchId, kind, numbers, until, text, targetDispatchId, appliedAt FROM DispatchAmendment WHERE id = ?`),
      markApplied: w.prepare(`UPDATE DispatchAmendment SET targetDispatchId = ?, appliedBy = ?, appliedAt = ? WHERE id = ? AND appliedAt IS NULL`),
      openShares: w.prepare(`SELECT a.id AS assignmentId, a.taskId, a.unitId, t.dispatchId, a.deadlineDate, t.ref, u.displayName AS unitName
        FROM Assignment a JOIN Task t ON t.id = a.taskId JOIN Unit u ON u.id = a.unitId
        WHERE t.dispatchId = ? AND a.status IN ('open', 'pending_approval') ORDER BY t.seq, a.id`),
      recallAssignment: w.prepare(`UPDATE Assignment SET status = 'recalled' WHERE id = ? AND status IN ('open', 'pending_approval')`),
      recallTask: w.prepare(`UPDATE Task SET status = 'recalled' WHERE id = ? AND status = 'open'
        AND NOT EXISTS (SELECT 1 FROM Assignment WHERE taskId = ? AND status IN ('open', 'pending_approval'))`),
      extension: w.prepare(`INSERT INTO DeadlineExtension (assignmentId, taskId, unitId, dispatchId, status, oldDate, requestedDate, grantedDate, reason,
        requestText, requestedBy, requestedAt, decidedBy, decidedAt) VALUES (@assignmentId, @taskId, @unitId, @dispatchId, 'approved', @oldDate, @date,
        @date, @reason, '', @by, @at, @by, @at)`),
      moveDeadline: w.prepare(`UPDATE Assignment SET deadlineDate = ? WHERE id = ?`),
      event: w.prepare(`INSERT INTO Event (at, type, actor, chatId, messageId, dispatchId, taskId, assignmentId, unitId, data)
        VALUES (@at, @type, @actor, @chatId, @messageId, @dispatchId, @taskId, @assignmentId, @unitId, @data)`),
    };
  }

  async record(dispatchId: number, list: Array<{ kind: string; numbers: string[]; until: string | null; text: string }>, at: Date): Promise<void> {
    if (list.length === 0) return;
    await this.gate.run(() => this.write.transaction(() => {
      for (const a of list) this.q.insert!.run(dispatchId, a.kind, JSON.stringify(a.numbers), a.until, a.text, sqlDate(at));
    })());
  }

  ofDispatch(dispatchId: number): AmendmentRecord[] {
    return (this.q.ofDispatch!.all(dispatchId) as Raw[]).map(toRecord);
  }

  get(id: number): AmendmentRecord | null {
    const r = this.q.byId!.get(id) as Raw | undefined;
    return r ? toRecord(r) : null;
  }

  /** The open (or awaiting approval) shares of a dispatch's tasks, optionally only some tasks. */
  openShares(dispatchId: number, taskIds?: readonly number[]): OpenShare[] {
    const all = this.q.openShares!.all(dispatchId) as OpenShare[];
    return taskIds ? all.filter((s) => taskIds.includes(s.taskId)) : all;
  }

  /**
   * Recalls shares (thu hồi): they leave reports, reminders and replies; their tasks close as recalled once no share
   * is open. With the amendment marked applied (when one caused it), events and notices, in one transaction.
   */
  async recall(r: { shares: OpenShare[]; at: Date; by: string; amendmentId?: number; targetDispatchId: number; events: NewEvent[]; notices: NewOutboxItem[] }): Promise<number> {
    return this.gate.run(() => this.write.transaction(() => {
      const at = sqlDate(r.at);
      if (r.amendmentId !== undefined && this.q.markApplied!.run(r.targetDispatchId, r.by, at, r.amendmentId).changes === 0) return -1;
      let n = 0;
      for (const s of r.shares) n += this.q.recallAssignment!.run(s.assignmentId).changes;
      for (const taskId of new Set(r.shares.map((s) => s.taskId))) this.q.recallTask!.run(taskId, taskId);
      for (const ev of r.events) this.q.event!.run({ ...ev, at, data: JSON.stringify(ev.data ?? {}) });
      for (const item of r.notices) this.replies.insertOutboxSqlite(this.write, item, r.at);
      return n;
    })());
  }

  /**
   * An extending dispatch applied: each share gets the new deadline, recorded as an approved extension (so reports
   * show "gia hạn từ … đến …"), with events and notices, in one transaction. -1 when already applied.
   */
  async extend(r: { shares: OpenShare[]; until: string; at: Date; by: string; amendmentId: number; targetDispatchId: number; reason: string; events: NewEvent[]; notices: NewOutboxItem[] }): Promise<number> {
    return this.gate.run(() => this.write.transaction(() => {
      const at = sqlDate(r.at);
      if (this.q.markApplied!.run(r.targetDispatchId, r.by, at, r.amendmentId).changes === 0) return -1;
      for (const s of r.shares) {
        this.q.extension!.run({ assignmentId: s.assignmentId, taskId: s.taskId, unitId: s.unitId, dispatchId: s.dispatchId, oldDate: s.deadlineDate, date: r.until, reason: r.reason, by: r.by, at });
        this.q.moveDeadline!.run(r.until, s.assignmentId);
      }
      for (const ev of r.events) this.q.event!.run({ ...ev, at, data: JSON.stringify(ev.data ?? {}) });
      for (const item of r.notices) this.replies.insertOutboxSqlite(this.write, item, r.at);
      return r.shares.length;
    })());
  }
}

type Raw = Omit<AmendmentRecord, "numbers" | "appliedAt"> & { numbers: string; appliedAt: string | null };
function toRecord(r: Raw): AmendmentRecord {
  return { ...r, numbers: JSON.parse(r.numbers) as string[], appliedAt: r.appliedAt ? new Date(r.appliedAt) : null };
}
