import type Database from "better-sqlite3";
import type { NewOutboxItem } from "../chat/outbox.js";
import type { AssignmentView } from "../tracking/model.js";
import type { Prisma } from "./database.js";
import type { WriteGate } from "./write-gate.js";
import type { ReplyRepo } from "./reply-repo.js";
import { sqlDate } from "./sql-date.js";

/** What the reminder tick reads (fast, raw, read-only connection) and writes (keys + outbox, one transaction). */
export class ReminderRepo {
  private readonly openStmt: Database.Statement;
  private readonly rollStmt: Database.Statement;
  private readonly anchorStmt: Database.Statement;
  private readonly sentStmt: Database.Statement;
  private readonly forwardStmt: Database.Statement;
  private readonly keyStmt: Database.Statement;
  private readonly taskAssignmentsStmt: Database.Statement;
  constructor(
    private readonly prisma: Prisma,
    read: Database.Database,
    write: Database.Database,
    private readonly replies: ReplyRepo,
    private readonly gate: WriteGate,
  ) {
    this.taskAssignmentsStmt = write.prepare(`SELECT id FROM Assignment WHERE taskId = ?`).pluck();
    // Tasks without a successor: a partial scan of open recurring tasks only.
    this.rollStmt = read.prepare(
      `SELECT t.id, t.deadlineDate, t.recurrence FROM Task t WHERE t.status = 'open' AND t.recurrence IN ('yearly', 'semiannual', 'quarterly', 'monthly', 'weekly')
       AND t.deadlineDate < ? AND NOT EXISTS (SELECT 1 FROM Task n WHERE n.previousId = t.id)`,
    );
    // The first occurrence's due day: the series keeps its day of month (31st) through short months.
    this.anchorStmt = read.prepare(
      `WITH RECURSIVE up(id, previousId, deadlineDate) AS (SELECT id, previousId, deadlineDate FROM Task WHERE id = ?
       UNION ALL SELECT p.id, p.previousId, p.deadlineDate FROM Task p JOIN up ON p.id = up.previousId)
       SELECT deadlineDate FROM up WHERE previousId IS NULL`,
    ).pluck();
    this.openStmt = read.prepare(
      `SELECT id, unitId, deadlineDate FROM Assignment WHERE status = 'open' AND deadlineDate <= ?`,
    );
    this.forwardStmt = read.prepare(`SELECT 1 FROM Dispatch WHERE forwardChat IS NOT NULL LIMIT 1`);
    this.sentStmt = read.prepare(`SELECT key FROM ReminderSent WHERE createdAt >= ?`).pluck();
    this.keyStmt = write.prepare(`INSERT INTO ReminderSent (key, assignmentId, chatId, outboxId, createdAt) VALUES (?, ?, ?, ?, ?)`);
  }

  /**
   * Open assignments due on or before `horizon` (every overdue one, and those close enough to get a reminder). One
   * waiting for a leader's approval is not reminded: its unit has reported.
   * [id, unitId, deadlineDate] tuples, through the (status, deadlineDate) index.
   */
  openWithDeadline(horizon: string): Array<[number, number, string]> {
    return this.openStmt.raw(true).all(horizon) as Array<[number, number, string]>;
  }

  /** Whether any dispatch records the chat it was forwarded from (a place for leader digests). */
  anyForwardChat(): boolean {
    return this.forwardStmt.get() !== undefined;
  }

  /** Keys recorded since `since` (keys carry their office day, so today's keys are enough to dedupe today). */
  async sentSince(since: Date): Promise<Set<string>> {
    return new Set(this.sentStmt.all(sqlDate(since)) as string[]);
  }

  views(ids: number[]): Promise<Map<number, AssignmentView>> {
    return this.replies.assignments(ids);
  }

  /**
   * Records the reminder keys and enqueues the digests together: either both happen or neither. A key already
   * present (a concurrent or repeated tick) aborts the whole batch, so nothing goes out twice.
   */
  async record(
    batches: Array<{ item: NewOutboxItem; keys: Array<{ key: string; assignmentId: number | null }> }>,
    at: Date,
    keysWithoutMessage: string[] = [],
  ): Promise<boolean> {
    const now = sqlDate(at);
    try {
      await this.replies.inTransaction(() => {
        for (const key of keysWithoutMessage) this.keyStmt.run(key, null, "", null, now);
        for (const b of batches) {
          const outboxId = this.replies.insertOutbox(b.item, at);
          for (const k of b.keys) this.keyStmt.run(k.key, k.assignmentId, b.item.chat, outboxId, now);
        }
      });
      return true;
    } catch (err) {
      if (/UNIQUE constraint failed: ReminderSent/.test(String((err as Error)?.message))) return false;
      throw err;
    }
  }

  /** The due day of the first occurrence of a recurring task's series (keeps "the 31st" from drifting to the 28th). */
  seriesAnchor(taskId: number): string | null {
    return (this.anchorStmt.get(taskId) as string | null | undefined) ?? null;
  }

  /**
   * Recurring tasks whose due day has passed while open get their next occurrence (the old one stays, overdue).
   * `nextOf` computes the next due day after today; `anchor` is the due day of the series' first occurrence.
   */
  async rollRecurring(
    today: string, nextOf: (deadline: string, recurrence: string, anchor: string) => string | null, at: Date,
  ): Promise<Array<{ taskId: number; deadline: string; assignmentIds: number[] }>> {
    const due = this.rollStmt.all(today) as Array<{ id: number; deadlineDate: string; recurrence: string }>;
    if (due.length === 0) return [];
    const anchors = due.map((t) => (this.anchorStmt.get(t.id) as string | null | undefined) ?? t.deadlineDate);
    const created = await this.replies.inTransaction(() => {
      const out: Array<{ taskId: number; deadline: string }> = [];
      for (const [i, t] of due.entries()) {
        const next = nextOf(t.deadlineDate, t.recurrence, anchors[i]!);
        if (!next) continue;
        out.push({ taskId: this.replies.createNextOccurrence(t.id, next, sqlDate(at)), deadline: next });
      }
      return out;
    });
    // The new occurrences' assignments: the tick tells each unit (issue 10: never added without the unit knowing).
    return created.map((c) => ({ ...c, assignmentIds: this.taskAssignmentsStmt.all(c.taskId) as number[] }));
  }
}
