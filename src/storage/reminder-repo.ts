import type Database from "better-sqlite3";
import type { NewOutboxItem } from "../chat/outbox.js";
import type { AssignmentView } from "../tracking/model.js";
import type { Prisma } from "./database.js";
import { enqueueIn } from "./outbox-store.js";
import { createNextOccurrence, ReplyRepo } from "./reply-repo.js";

/** What the reminder tick reads (fast, raw, read-only connection) and writes (keys + outbox, one transaction). */
export class ReminderRepo {
  private readonly openStmt: Database.Statement;
  constructor(
    private readonly prisma: Prisma,
    read: Database.Database,
    private readonly replies: ReplyRepo,
  ) {
    this.openStmt = read.prepare(
      `SELECT id, unitId, deadlineDate FROM Assignment WHERE status <> 'done' AND deadlineDate IS NOT NULL`,
    );
  }

  /** Open assignments that have a deadline: [id, unitId, deadlineDate] tuples (100,000 rows in a few ms). */
  openWithDeadline(): Array<[number, number, string]> {
    return this.openStmt.raw(true).all() as Array<[number, number, string]>;
  }

  /** Keys recorded since `since` (keys carry their office day, so today's keys are enough to dedupe today). */
  async sentSince(since: Date): Promise<Set<string>> {
    const rows = await this.prisma.reminderSent.findMany({ where: { createdAt: { gte: since } }, select: { key: true } });
    return new Set(rows.map((r) => r.key));
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
  ): Promise<boolean> {
    try {
      await this.prisma.$transaction(async (tx) => {
        for (const b of batches) {
          const [outboxId] = await enqueueIn(tx, [b.item], at);
          await tx.reminderSent.createMany({ data: b.keys.map((k) => ({ ...k, chatId: b.item.chat, outboxId: outboxId!, createdAt: at })) });
        }
      });
      return true;
    } catch (err) {
      if (/UNIQUE constraint failed|P2002/.test(String((err as Error)?.message) + String((err as { code?: string })?.code))) return false;
      throw err;
    }
  }

  /**
   * Recurring tasks whose due day has passed while open get their next occurrence (the old one stays, overdue).
   * `nextOf` computes the next due day after today.
   */
  async rollRecurring(today: string, nextOf: (deadline: string, recurrence: string) => string | null, at: Date): Promise<number> {
    const due = await this.prisma.task.findMany({
      where: { status: "open", deadlineDate: { lt: today }, recurrence: { in: ["yearly", "semiannual", "quarterly", "monthly", "weekly"] }, next: { is: null } },
    });
    let created = 0;
    for (const task of due) {
      const next = nextOf(task.deadlineDate!, task.recurrence!);
      if (!next) continue;
      await this.prisma.$transaction(async (tx) => {
        if (await tx.task.findUnique({ where: { previousId: task.id } })) return;
        await createNextOccurrence(tx, task, next, at);
        created++;
      });
    }
    return created;
  }
}
