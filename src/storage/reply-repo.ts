import type { NewOutboxItem } from "../chat/outbox.js";
import type { ChatId } from "../chat/port.js";
import type { Recurrence } from "../dispatch/schema.js";
import type { AssigneeRole, AssignmentStatus, AssignmentView } from "../tracking/model.js";
import type { Db } from "./database.js";
import { DIALECT } from "./dialect.js";
import { sqlDate } from "./sql-date.js";
import type { Sql } from "./sql.js";
import type { WriteGate } from "./write-gate.js";

/**
 * Reads and writes of the reply, button and approval use cases: the hot path (thousands of replies a second), so
 * plain statements on the raw connection (src/storage/sql.ts, either database), one transaction per reply.
 */

const VIEW = `SELECT a.id, a."taskId", a."unitId", u."displayName", a.role, a.status, a."deadlineDate", t.recurrence, a."completedAt",
  a."lastReportAt", a."lastReportText", t.ref, t.text, t.status, t.occurrence, d.id, d.number, d.subject, d."forwardChat"
  FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Dispatch" d ON d.id = t."dispatchId" JOIN "Unit" u ON u.id = a."unitId"`;

type ViewRaw = [number, number, number, string, string, string, string | null, string | null, string | null, string | null, string | null, string, string, string, number, number, string | null, string | null, string | null];

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

function toView(r: ViewRaw): AssignmentView {
  return {
    id: r[0], taskId: r[1], unitId: r[2], unitName: r[3], role: r[4] as AssigneeRole, status: r[5] as AssignmentStatus,
    deadlineDate: r[6], recurrence: r[7] as Recurrence | null, completedAt: date(r[8]), lastReportAt: date(r[9]),
    lastReportText: r[10], taskRef: r[11], taskText: r[12], taskStatus: r[13] as "open" | "done", occurrence: r[14],
    dispatchId: r[15], dispatchNumber: r[16], dispatchSubject: r[17], forwardChat: r[18],
  };
}

export interface NewEvent {
  type: string;
  actor: string | null;
  chatId: string | null;
  messageId: string | null;
  assignmentId: number | null;
  taskId: number | null;
  unitId: number | null;
  dispatchId: number | null;
  data: unknown;
}

/** Everything one reply changes, written in one transaction together with its inbound event id. */
export interface ReplyEffects {
  eventId: string | null;
  at: Date;
  updates: Array<{ id: number; status?: AssignmentStatus; completedAt?: Date | null; report?: string }>;
  /** Closes the task and every assignment of it still open; a recurring task gets its next occurrence. */
  closeTasks: Array<{ taskId: number; nextDeadline: string | null }>;
  events: NewEvent[];
  notices: NewOutboxItem[];
}

export class ReplyRepo {
  private readonly sql: Sql;
  private readonly gate: WriteGate;

  constructor(db: Db) {
    this.sql = db.sql;
    this.gate = db.gate;
  }

  async isProcessed(eventId: string): Promise<boolean> {
    return (await this.sql.value(`SELECT 1 FROM "ProcessedEvent" WHERE id = ?`, [eventId])) !== undefined;
  }

  /**
   * Forgets handled event ids older than `before`. Platforms redeliver only recent events (Telegram keeps unconfirmed
   * updates 24 hours), so old ids only make the table grow. Returns how many were deleted.
   */
  async pruneProcessed(before: Date): Promise<number> {
    return this.gate.run(() => this.sql.run(`DELETE FROM "ProcessedEvent" WHERE at < ?`, [sqlDate(before)]));
  }

  /** Assignments carried by a message (the first of its ids that has posts), in the order numbered in it. */
  async postTargets(chat: ChatId, messageIds: string[]): Promise<Array<{ position: number; assignment: AssignmentView }>> {
    for (const messageId of messageIds) {
      const posts = await this.sql.rows<[string, number, number]>(
        `SELECT p."messageId", p.position, p."assignmentId" FROM "Post" p WHERE p."chatId" = ? AND p."messageId" = ? ORDER BY p.position, p.id`,
        [chat, messageId],
      );
      if (posts.length === 0) continue;
      const out: Array<{ position: number; assignment: AssignmentView }> = [];
      for (const [, position, id] of posts) {
        const v = await this.view(id);
        if (v) out.push({ position, assignment: toView(v) });
      }
      return out;
    }
    return [];
  }

  private async view(id: number, sql: Sql = this.sql): Promise<ViewRaw | undefined> {
    return (await sql.rows<ViewRaw>(`${VIEW} WHERE a.id = ?`, [id]))[0];
  }

  /** The message id of the newest task post or reminder digest delivered to a chat (what "xong 2" unquoted means). */
  /**
   * Questions units asked in replies recorded after `since` (all when null), oldest first: the assignment each names,
   * when, and the question as written. Read by the question digest (src/tracking/question-digest.ts).
   */
  async questionsSince(since: Date | null): Promise<Array<{ at: Date; assignmentId: number; note: string }>> {
    // The reply's intent sits in its JSON data.
    const intent = DIALECT[this.sql.dialect].jsonField("data", "intent");
    const rows = await this.sql.all<{ at: string; assignmentId: number; data: string }>(
      `SELECT at, "assignmentId", data FROM "Event" WHERE type = 'reply' AND "assignmentId" IS NOT NULL ${since ? "AND at > ?" : ""}
        AND ${intent} = 'question' ORDER BY at, id`,
      since ? [sqlDate(since)] : [],
    );
    return rows.map((r) => ({ at: new Date(r.at), assignmentId: Number(r.assignmentId), note: String((JSON.parse(r.data) as { note?: unknown }).note ?? "") }));
  }

  /**
   * Whether a message the bot sent to `chat` may still be unrecorded as a post: a task post or reminder digest of that
   * chat is due and pending (being sent, or about to be), and `messageId` is not older than the chat's newest
   * recorded post (platform ids that are not numbers are never ruled out this way). A reply to it then waits for
   * the delivery to be recorded (record-reply.ts).
   */
  async postInFlight(chat: ChatId, messageId: string, now: Date): Promise<boolean> {
    const pending = await this.sql.value(
      `SELECT 1 FROM "OutboxItem" WHERE "chatId" = ? AND status = 'pending' AND "notBefore" <= ?
       AND (purpose LIKE '%"type":"task-post"%' OR purpose LIKE '%"type":"reminder"%') LIMIT 1`,
      [chat, sqlDate(now)],
    );
    if (pending === undefined) return false;
    const newest = await this.latestPostMessage(chat);
    return newest === null || !/^\d+$/.test(messageId) || !/^\d+$/.test(newest) || Number(messageId) > Number(newest);
  }

  async latestPostMessage(chat: ChatId): Promise<string | null> {
    return (await this.sql.value<string>(`SELECT "messageId" FROM "Post" WHERE "chatId" = ? ORDER BY id DESC LIMIT 1`, [chat])) ?? null;
  }

  async assignment(id: number): Promise<AssignmentView | null> {
    const v = await this.view(id);
    return v ? toView(v) : null;
  }

  async assignments(ids: number[]): Promise<Map<number, AssignmentView>> {
    const out = new Map<number, AssignmentView>();
    for (const id of ids) {
      const v = await this.view(id);
      if (v) out.set(id, toView(v));
    }
    return out;
  }

  async openAssignmentsOfUnit(unitId: number): Promise<AssignmentView[]> {
    return (await this.sql.rows<ViewRaw>(`${VIEW} WHERE a."unitId" = ? AND a.status NOT IN ('done', 'recalled') ORDER BY a.id`, [unitId])).map(toView);
  }

  private nextTask(taskId: number, sql: Sql = this.sql): Promise<number | undefined> {
    return sql.value<number>(`SELECT id FROM "Task" WHERE "previousId" = ?`, [taskId]);
  }

  /** The open occurrence that followed a closed recurring task, for the same unit. */
  async laterOccurrence(taskId: number, unitId: number): Promise<AssignmentView | null> {
    let id: number | undefined = taskId;
    for (let i = 0; i < 1000 && id !== undefined; i++) {
      id = await this.nextTask(id);
      if (id === undefined) return null;
      const v = (await this.sql.rows<ViewRaw>(`${VIEW} WHERE a."taskId" = ? AND a."unitId" = ?`, [id, unitId]))[0];
      if (v && v[5] !== "done") return toView(v);
    }
    return null;
  }

  /** Returns false when the event id was already processed (redelivery): nothing is written then. */
  async apply(e: ReplyEffects): Promise<boolean> {
    return this.gate.run(async () => {
      try {
        await this.sql.tx((sql) => this.applyIn(sql, e));
        return true;
      } catch (err) {
        if (err instanceof AlreadyProcessed) return false;
        throw err;
      }
    });
  }

  private async applyIn(sql: Sql, e: ReplyEffects): Promise<void> {
    const at = sqlDate(e.at);
    // Another worker (or a redelivery) that recorded this event first wins; this transaction then changes nothing.
    if (e.eventId && (await sql.run(`INSERT INTO "ProcessedEvent" (id, at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`, [e.eventId, at])) === 0) {
      throw new AlreadyProcessed();
    }
    for (const u of e.updates) {
      await sql.run(
        `UPDATE "Assignment" SET status = coalesce(?, status),
         "completedAt" = CASE WHEN ? = 1 THEN ? ELSE "completedAt" END,
         "lastReportAt" = coalesce(?, "lastReportAt"),
         "lastReportText" = coalesce(?, "lastReportText") WHERE id = ?`,
        [u.status ?? null, u.completedAt !== undefined ? 1 : 0, u.completedAt ? sqlDate(u.completedAt) : null,
          u.report === undefined ? null : at, u.report ?? null, u.id],
      );
    }
    for (const c of e.closeTasks) {
      // A task given to several lead units (e.g. "các sở, ngành" expanded) is done when every lead unit is: each
      // reports for itself, as official reports count them. Coordinators close with the last lead.
      const openLeads = await sql.value<number>(`SELECT count(*) FROM "Assignment" WHERE "taskId" = ? AND role = 'lead' AND status <> 'done'`, [c.taskId]);
      if (Number(openLeads) > 0) continue;
      await sql.run(`UPDATE "Task" SET status = 'done', "completedAt" = ? WHERE id = ?`, [at, c.taskId]);
      await sql.run(`UPDATE "Assignment" SET status = 'done', "completedAt" = ? WHERE "taskId" = ? AND status <> 'done'`, [at, c.taskId]);
      if (c.nextDeadline && (await this.nextTask(c.taskId, sql)) === undefined) await this.createNextOccurrence(sql, c.taskId, c.nextDeadline, at);
    }
    for (const ev of e.events) await this.insertEvent(sql, ev, at);
    for (const n of e.notices) await this.insertOutbox(sql, n, e.at);
  }

  /** One Event row (append-only history). Call inside a write transaction. */
  async insertEvent(sql: Sql, ev: NewEvent, at: string): Promise<void> {
    await sql.run(
      `INSERT INTO "Event" (at, type, actor, "chatId", "messageId", "dispatchId", "taskId", "assignmentId", "unitId", data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [at, ev.type, ev.actor, ev.chatId, ev.messageId, ev.dispatchId, ev.taskId, ev.assignmentId, ev.unitId, JSON.stringify(ev.data ?? {})],
    );
  }

  /** One outbox row on the raw connection, as Prisma would write it; its id. Call inside a write transaction. */
  async insertOutbox(sql: Sql, item: NewOutboxItem, at: Date): Promise<number> {
    const id = await sql.value<number>(
      `INSERT INTO "OutboxItem" ("chatId", payload, purpose, status, "notBefore", attempts, "createdAt") VALUES (?, ?, ?, 'pending', ?, 0, ?) RETURNING id`,
      [item.chat, JSON.stringify(item.payload), JSON.stringify(item.purpose), sqlDate(item.notBefore ?? at), sqlDate(at)],
    );
    return Number(id);
  }

  /** A recurring task's next occurrence: same item and units, next due day. Call inside a write transaction. */
  async createNextOccurrence(sql: Sql, taskId: number, nextDeadline: string, at: string): Promise<number> {
    const t = (await sql.get<{ id: number; dispatchId: number; seq: number; ref: string; text: string; deadlineText: string | null; recurrence: string | null; occurrence: number; genericBodies: string }>(
      `SELECT id, "dispatchId", seq, ref, text, "deadlineText", recurrence, occurrence, "genericBodies" FROM "Task" WHERE id = ?`,
      [taskId],
    ))!;
    const nextId = Number(await sql.value<number>(
      `INSERT INTO "Task" ("dispatchId", seq, ref, text, "deadlineDate", "deadlineText", recurrence, occurrence, "previousId", "genericBodies", status, "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?) RETURNING id`,
      [t.dispatchId, t.seq, t.ref, t.text, nextDeadline, t.deadlineText, t.recurrence, t.occurrence + 1, t.id, t.genericBodies, at],
    ));
    await sql.run(
      `INSERT INTO "Assignment" ("taskId", "unitId", role, status, "deadlineDate", "createdAt")
       SELECT ?, "unitId", role, 'open', ?, ? FROM "Assignment" WHERE "taskId" = ?`,
      [nextId, nextDeadline, at, t.id],
    );
    await this.insertEvent(sql, { type: "occurrence_created", actor: null, chatId: null, messageId: null, dispatchId: t.dispatchId, taskId: nextId, assignmentId: null, unitId: null, data: { previous: t.id, deadline: nextDeadline } }, at);
    return nextId;
  }

  /** Runs `fn` inside one gated write transaction on the raw connection. */
  async inTransaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.gate.run(() => this.sql.tx(fn));
  }
}

/** The event was recorded before (a redelivery, or another worker handled it): roll back, report "not applied". */
class AlreadyProcessed extends Error {}
