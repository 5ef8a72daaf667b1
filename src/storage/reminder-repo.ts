import type { NewOutboxItem } from "../chat/outbox.js";
import type { AssignmentView } from "../tracking/model.js";
import type { Db } from "./database.js";
import type { WriteGate } from "./write-gate.js";
import type { ReplyRepo } from "./reply-repo.js";
import { sqlDate } from "./sql-date.js";
import { isUniqueViolation, type Sql } from "./sql.js";

/** What the reminder tick reads (fast, raw, read-only connection) and writes (keys + outbox, one transaction). */
export class ReminderRepo {
  private readonly read: Sql;
  private readonly gate: WriteGate;
  constructor(
    db: Db,
    private readonly replies: ReplyRepo,
  ) {
    this.read = db.readSql;
    this.gate = db.gate;
  }

  /**
   * Open assignments due on or before `horizon` (every overdue one, and those close enough to get a reminder). One
   * waiting for a leader's approval is not reminded: its unit has reported.
   * [id, unitId, deadlineDate] tuples, through the (status, deadlineDate) index.
   */
  openWithDeadline(horizon: string): Promise<Array<[number, number, string]>> {
    return this.read.rows<[number, number, string]>(
      `SELECT id, "unitId", "deadlineDate" FROM "Assignment" WHERE status = 'open' AND "deadlineDate" <= ?`,
      [horizon],
    );
  }

  /** Whether any dispatch records the chat it was forwarded from (a place for leader digests). */
  async anyForwardChat(): Promise<boolean> {
    return (await this.read.value(`SELECT 1 FROM "Dispatch" WHERE "forwardChat" IS NOT NULL LIMIT 1`)) !== undefined;
  }

  /** Keys recorded since `since` (keys carry their office day, so today's keys are enough to dedupe today). */
  async sentSince(since: Date): Promise<Set<string>> {
    return new Set((await this.read.rows<[string]>(`SELECT key FROM "ReminderSent" WHERE "createdAt" >= ?`, [sqlDate(since)])).map((r) => r[0]));
  }

  views(ids: number[]): Promise<Map<number, AssignmentView>> {
    return this.replies.assignments(ids);
  }

  /**
   * Records the reminder keys and enqueues the digests together: either both happen or neither. A key already
   * present (a concurrent or repeated tick, on this worker or another) aborts the whole batch, so nothing goes out
   * twice: on PostgreSQL the second inserter of a key waits for the first transaction and then finds the key taken.
   */
  async record(
    batches: Array<{ item: NewOutboxItem; keys: Array<{ key: string; assignmentId: number | null }> }>,
    at: Date,
    keysWithoutMessage: string[] = [],
  ): Promise<boolean> {
    const now = sqlDate(at);
    const insertKey = async (sql: Sql, key: string, assignmentId: number | null, chat: string, outboxId: number | null) => {
      const n = await sql.run(
        `INSERT INTO "ReminderSent" (key, "assignmentId", "chatId", "outboxId", "createdAt") VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
        [key, assignmentId, chat, outboxId, now],
      );
      if (n === 0) throw new KeyTaken();
    };
    try {
      await this.replies.inTransaction(async (sql) => {
        for (const key of keysWithoutMessage) await insertKey(sql, key, null, "", null);
        for (const b of batches) {
          const outboxId = await this.replies.insertOutbox(sql, b.item, at);
          for (const k of b.keys) await insertKey(sql, k.key, k.assignmentId, b.item.chat, outboxId);
        }
      });
      return true;
    } catch (err) {
      if (err instanceof KeyTaken) return false;
      throw err;
    }
  }

  /** The due day of the first occurrence of a recurring task's series (keeps "the 31st" from drifting to the 28th). */
  async seriesAnchor(taskId: number): Promise<string | null> {
    // The first occurrence's due day: the series keeps its day of month (31st) through short months.
    return (
      (await this.read.value<string | null>(
        `WITH RECURSIVE up(id, "previousId", "deadlineDate") AS (SELECT id, "previousId", "deadlineDate" FROM "Task" WHERE id = ?
         UNION ALL SELECT p.id, p."previousId", p."deadlineDate" FROM "Task" p JOIN up ON p.id = up."previousId")
         SELECT "deadlineDate" FROM up WHERE "previousId" IS NULL`,
        [taskId],
      )) ?? null
    );
  }

  /**
   * Recurring tasks whose due day has passed while open get their next occurrence (the old one stays, overdue).
   * `nextOf` computes the next due day after today; `anchor` is the due day of the series' first occurrence.
   */
  async rollRecurring(
    today: string, nextOf: (deadline: string, recurrence: string, anchor: string) => string | null, at: Date,
  ): Promise<Array<{ taskId: number; deadline: string; assignmentIds: number[] }>> {
    // Tasks without a successor: a partial scan of open recurring tasks only.
    const due = await this.read.all<{ id: number; deadlineDate: string; recurrence: string }>(
      `SELECT t.id, t."deadlineDate", t.recurrence FROM "Task" t WHERE t.status = 'open' AND t.recurrence IN ('yearly', 'semiannual', 'quarterly', 'monthly', 'weekly')
       AND t."deadlineDate" < ? AND NOT EXISTS (SELECT 1 FROM "Task" n WHERE n."previousId" = t.id)`,
      [today],
    );
    if (due.length === 0) return [];
    const anchors: string[] = [];
    for (const t of due) anchors.push((await this.seriesAnchor(t.id)) ?? t.deadlineDate);
    // The new occurrences with their assignments: the tick tells each unit (issue 10: never added without the unit knowing).
    const roll = () => this.replies.inTransaction(async (sql) => {
      const created: Array<{ taskId: number; deadline: string; assignmentIds: number[] }> = [];
      for (const [i, t] of due.entries()) {
        const next = nextOf(t.deadlineDate, t.recurrence, anchors[i]!);
        if (!next) continue;
        // Another worker's tick may have rolled it meanwhile (Task.previousId is unique): roll each task once.
        if ((await sql.value(`SELECT 1 FROM "Task" WHERE "previousId" = ?`, [t.id])) !== undefined) continue;
        const taskId = await this.replies.createNextOccurrence(sql, t.id, next, sqlDate(at));
        const assignments = await sql.all<{ id: number }>(`SELECT id FROM "Assignment" WHERE "taskId" = ? ORDER BY id`, [taskId]);
        created.push({ taskId, deadline: next, assignmentIds: assignments.map((a) => Number(a.id)) });
      }
      return created;
    });
    try {
      return await roll();
    } catch (error) {
      // Two workers rolled the same task at once: the other's occurrence stands (the unique previousId refused ours).
      if (!isUniqueViolation(error)) throw error;
      return roll();
    }
  }
}

/** A reminder key was already recorded: the whole batch is abandoned. */
class KeyTaken extends Error {}
