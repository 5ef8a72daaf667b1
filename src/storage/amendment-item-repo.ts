import type { NewOutboxItem } from "../chat/outbox.js";
import type { AmendmentRepo } from "./amendment-repo.js";
import type { Db } from "./database.js";
import type { NewEvent, ReplyRepo } from "./reply-repo.js";
import { sqlDate } from "./sql-date.js";
import type { Sql } from "./sql.js";
import type { WriteGate } from "./write-gate.js";

/**
 * An amending dispatch applied item by item (issue 12): named items of the tracked dispatch get a new due day or a
 * new wording, new items are added with their units. Everything (the amendment marked applied, task and share
 * updates, extensions, new tasks and assignments, history events, group notices and task posts) in one transaction.
 */
export interface ItemWrites {
  amendmentId: number;
  targetDispatchId: number;
  by: string;
  at: Date;
  /** Open shares moved to a new due day; `extension` records it as an approved extension (the report shows the original). */
  shares: Array<{ assignmentId: number; taskId: number; unitId: number; dispatchId: number; from: string | null; to: string; extension: boolean; reason: string }>;
  /** Tasks whose own due day or wording changes. */
  tasks: Array<{ taskId: number; deadlineDate?: string; text?: string }>;
  added: Array<{ ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; recurrence: string | null; assignments: Array<{ unitId: number; role: string }> }>;
  events: NewEvent[];
  notices: NewOutboxItem[];
  /** Events and task posts of the added tasks, once their assignments exist. */
  afterAdding: (created: Array<{ assignmentId: number; taskId: number; added: number; unitId: number; role: string }>) => { events: NewEvent[]; notices: NewOutboxItem[] };
}

export class AmendmentItemRepo {
  private readonly sql: Sql;
  private readonly gate: WriteGate;

  constructor(db: Db, private readonly replies: ReplyRepo, private readonly amendments: AmendmentRepo) {
    this.sql = db.sql;
    this.gate = db.gate;
  }

  /** The amending dispatch's text as read (what its item changes are read from). */
  async sourceText(dispatchId: number): Promise<string> {
    return (await this.sql.value<string>(`SELECT "rawText" FROM "Dispatch" WHERE id = ?`, [dispatchId])) ?? "";
  }

  /** False when the amendment was applied already (another leader, a second press). */
  async apply(w: ItemWrites): Promise<boolean> {
    return this.gate.run(() => this.sql.tx(async (sql) => {
      const at = sqlDate(w.at);
      if ((await this.amendments.markApplied(sql, w.amendmentId, w.targetDispatchId, w.by, at)) === 0) return false;
      for (const s of w.shares) {
        const moved = await sql.run(`UPDATE "Assignment" SET "deadlineDate" = ? WHERE id = ? AND status IN ('open', 'pending_approval')`, [s.to, s.assignmentId]);
        if (moved === 0 || !s.extension) continue;
        await sql.run(
          `INSERT INTO "DeadlineExtension" ("assignmentId", "taskId", "unitId", "dispatchId", status, "oldDate", "requestedDate", "grantedDate", reason,
           "requestText", "requestedBy", "requestedAt", "decidedBy", "decidedAt") VALUES (?, ?, ?, ?, 'approved', ?, ?, ?, ?, '', ?, ?, ?, ?)`,
          [s.assignmentId, s.taskId, s.unitId, s.dispatchId, s.from, s.to, s.to, s.reason, w.by, at, w.by, at],
        );
      }
      for (const t of w.tasks) {
        if (t.deadlineDate !== undefined) await sql.run(`UPDATE "Task" SET "deadlineDate" = ? WHERE id = ?`, [t.deadlineDate, t.taskId]);
        if (t.text !== undefined) await sql.run(`UPDATE "Task" SET text = ? WHERE id = ?`, [t.text, t.taskId]);
      }
      const created: Parameters<ItemWrites["afterAdding"]>[0] = [];
      if (w.added.length) {
        let seq = Number((await sql.value<number>(`SELECT MAX(seq) FROM "Task" WHERE "dispatchId" = ?`, [w.targetDispatchId])) ?? 0);
        for (const [index, a] of w.added.entries()) {
          const taskId = Number(await sql.value<number>(
            `INSERT INTO "Task" ("dispatchId", seq, ref, text, "deadlineDate", "deadlineText", recurrence, occurrence, "genericBodies", status, "createdAt")
             VALUES (?, ?, ?, ?, ?, ?, ?, 1, '[]', 'open', ?) RETURNING id`,
            [w.targetDispatchId, ++seq, a.ref, a.text, a.deadlineDate, a.deadlineText, a.recurrence, at],
          ));
          for (const s of a.assignments) {
            const assignmentId = Number(await sql.value<number>(
              `INSERT INTO "Assignment" ("taskId", "unitId", role, status, "deadlineDate", "createdAt") VALUES (?, ?, ?, 'open', ?, ?) RETURNING id`,
              [taskId, s.unitId, s.role, a.deadlineDate, at],
            ));
            created.push({ assignmentId, taskId, added: index, unitId: s.unitId, role: s.role });
          }
        }
      }
      const after = w.afterAdding(created);
      for (const ev of [...w.events, ...after.events]) await this.replies.insertEvent(sql, ev, at);
      for (const item of [...w.notices, ...after.notices]) await this.replies.insertOutbox(sql, item, w.at);
      return true;
    }));
  }
}
