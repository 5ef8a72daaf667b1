import type Database from "better-sqlite3";
import type { NewOutboxItem } from "../chat/outbox.js";
import type { ChatId } from "../chat/port.js";
import type { Recurrence } from "../dispatch/schema.js";
import type { AssigneeRole, AssignmentStatus, AssignmentView } from "../tracking/model.js";
import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";
import type { WriteGate } from "./write-gate.js";

/**
 * Reads and writes of the reply, button and approval use cases: the hot path (thousands of replies a second), so
 * plain prepared statements on the raw connection, one synchronous transaction per reply.
 */

const VIEW = `SELECT a.id, a.taskId, a.unitId, u.displayName, a.role, a.status, a.deadlineDate, t.recurrence, a.completedAt,
  a.lastReportAt, a.lastReportText, t.ref, t.text, t.status, t.occurrence, d.id, d.number, d.subject, d.forwardChat
  FROM Assignment a JOIN Task t ON t.id = a.taskId JOIN Dispatch d ON d.id = t.dispatchId JOIN Unit u ON u.id = a.unitId`;

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
  private readonly q: Record<string, Database.Statement>;
  private readonly write: Database.Database;
  private readonly gate: WriteGate;

  constructor(db: Db) {
    this.write = db.write;
    this.gate = db.gate;
    const w = db.write;
    this.q = {
      processed: w.prepare(`SELECT 1 FROM ProcessedEvent WHERE id = ?`),
      posts: w.prepare(`SELECT p.messageId, p.position, p.assignmentId FROM Post p WHERE p.chatId = ? AND p.messageId = ? ORDER BY p.position, p.id`).raw(true),
      view: w.prepare(`${VIEW} WHERE a.id = ?`).raw(true),
      latestPost: w.prepare(`SELECT messageId FROM Post WHERE chatId = ? ORDER BY id DESC LIMIT 1`).pluck(),
      openOfUnit: w.prepare(`${VIEW} WHERE a.unitId = ? AND a.status NOT IN ('done', 'recalled') ORDER BY a.id`).raw(true),
      nextTask: w.prepare(`SELECT id FROM Task WHERE previousId = ?`).pluck(),
      assignmentOf: w.prepare(`${VIEW} WHERE a.taskId = ? AND a.unitId = ?`).raw(true),
      markProcessed: w.prepare(`INSERT INTO ProcessedEvent (id, at) VALUES (?, ?)`),
      pruneProcessed: w.prepare(`DELETE FROM ProcessedEvent WHERE at < ?`),
      update: w.prepare(`UPDATE Assignment SET status = coalesce(@status, status),
        completedAt = CASE WHEN @setCompleted THEN @completedAt ELSE completedAt END,
        lastReportAt = CASE WHEN @report IS NULL THEN lastReportAt ELSE @at END,
        lastReportText = coalesce(@report, lastReportText) WHERE id = @id`),
      openLeads: w.prepare(`SELECT count(*) FROM Assignment WHERE taskId = ? AND role = 'lead' AND status <> 'done'`).pluck(),
      closeTask: w.prepare(`UPDATE Task SET status = 'done', completedAt = ? WHERE id = ?`),
      closeAssignments: w.prepare(`UPDATE Assignment SET status = 'done', completedAt = ? WHERE taskId = ? AND status <> 'done'`),
      task: w.prepare(`SELECT id, dispatchId, seq, ref, text, deadlineText, recurrence, occurrence, genericBodies FROM Task WHERE id = ?`),
      insertTask: w.prepare(`INSERT INTO Task (dispatchId, seq, ref, text, deadlineDate, deadlineText, recurrence, occurrence, previousId, genericBodies, status, createdAt)
        VALUES (@dispatchId, @seq, @ref, @text, @deadlineDate, @deadlineText, @recurrence, @occurrence, @previousId, @genericBodies, 'open', @at)`),
      copyAssignments: w.prepare(`INSERT INTO Assignment (taskId, unitId, role, status, deadlineDate, createdAt)
        SELECT ?, unitId, role, 'open', ?, ? FROM Assignment WHERE taskId = ?`),
      event: w.prepare(`INSERT INTO Event (at, type, actor, chatId, messageId, dispatchId, taskId, assignmentId, unitId, data)
        VALUES (@at, @type, @actor, @chatId, @messageId, @dispatchId, @taskId, @assignmentId, @unitId, @data)`),
      outbox: w.prepare(`INSERT INTO OutboxItem (chatId, payload, purpose, status, notBefore, attempts, createdAt) VALUES (?, ?, ?, 'pending', ?, 0, ?)`),
    };
  }

  async isProcessed(eventId: string): Promise<boolean> {
    return this.q.processed!.get(eventId) !== undefined;
  }

  /**
   * Forgets handled event ids older than `before`. Platforms redeliver only recent events (Telegram keeps unconfirmed
   * updates 24 hours), so old ids only make the table grow. Returns how many were deleted.
   */
  async pruneProcessed(before: Date): Promise<number> {
    return this.gate.run(() => this.q.pruneProcessed!.run(sqlDate(before)).changes);
  }

  /** Assignments carried by a message (the first of its ids that has posts), in the order numbered in it. */
  async postTargets(chat: ChatId, messageIds: string[]): Promise<Array<{ position: number; assignment: AssignmentView }>> {
    for (const messageId of messageIds) {
      const posts = this.q.posts!.all(chat, messageId) as Array<[string, number, number]>;
      if (posts.length === 0) continue;
      return posts.flatMap(([, position, id]) => {
        const v = this.q.view!.get(id) as ViewRaw | undefined;
        return v ? [{ position, assignment: toView(v) }] : [];
      });
    }
    return [];
  }

  /** The message id of the newest task post or reminder digest delivered to a chat (what "xong 2" unquoted means). */
  /**
   * Questions units asked in replies recorded after `since` (all when null), oldest first: the assignment each names,
   * when, and the question as written. Read by the question digest (src/tracking/question-digest.ts).
   */
  async questionsSince(since: Date | null): Promise<Array<{ at: Date; assignmentId: number; note: string }>> {
    const rows = this.write
      .prepare(`SELECT at, assignmentId, data FROM Event WHERE type = 'reply' AND assignmentId IS NOT NULL AND at > ?
        AND json_extract(data, '$.intent') = 'question' ORDER BY at, id`)
      .all(since ? sqlDate(since) : "") as Array<{ at: string; assignmentId: number; data: string }>;
    return rows.map((r) => ({ at: new Date(r.at), assignmentId: r.assignmentId, note: String((JSON.parse(r.data) as { note?: unknown }).note ?? "") }));
  }

  async latestPostMessage(chat: ChatId): Promise<string | null> {
    return (this.q.latestPost!.get(chat) as string | undefined) ?? null;
  }

  async assignment(id: number): Promise<AssignmentView | null> {
    const v = this.q.view!.get(id) as ViewRaw | undefined;
    return v ? toView(v) : null;
  }

  async assignments(ids: number[]): Promise<Map<number, AssignmentView>> {
    const out = new Map<number, AssignmentView>();
    for (const id of ids) {
      const v = this.q.view!.get(id) as ViewRaw | undefined;
      if (v) out.set(id, toView(v));
    }
    return out;
  }

  async openAssignmentsOfUnit(unitId: number): Promise<AssignmentView[]> {
    return (this.q.openOfUnit!.all(unitId) as ViewRaw[]).map(toView);
  }

  /** The open occurrence that followed a closed recurring task, for the same unit. */
  async laterOccurrence(taskId: number, unitId: number): Promise<AssignmentView | null> {
    let id: number | undefined = taskId;
    for (let i = 0; i < 1000 && id !== undefined; i++) {
      id = this.q.nextTask!.get(id) as number | undefined;
      if (id === undefined) return null;
      const v = this.q.assignmentOf!.get(id, unitId) as ViewRaw | undefined;
      if (v && v[5] !== "done") return toView(v);
    }
    return null;
  }

  /** Returns false when the event id was already processed (redelivery): nothing is written then. */
  async apply(e: ReplyEffects): Promise<boolean> {
    return this.gate.run(() => {
      try {
        this.write.transaction(() => this.applySync(e))();
        return true;
      } catch (err) {
        if (e.eventId && /UNIQUE constraint failed: ProcessedEvent/.test(String((err as Error)?.message))) return false;
        throw err;
      }
    });
  }

  private applySync(e: ReplyEffects): void {
    const at = sqlDate(e.at);
    if (e.eventId) this.q.markProcessed!.run(e.eventId, at);
    for (const u of e.updates) {
      this.q.update!.run({
        id: u.id, at, status: u.status ?? null, setCompleted: u.completedAt !== undefined ? 1 : 0,
        completedAt: u.completedAt ? sqlDate(u.completedAt) : null, report: u.report ?? null,
      });
    }
    for (const c of e.closeTasks) {
      // A task given to several lead units (e.g. "các sở, ngành" expanded) is done when every lead unit is: each
      // reports for itself, as official reports count them. Coordinators close with the last lead.
      if ((this.q.openLeads!.get(c.taskId) as number) > 0) continue;
      this.q.closeTask!.run(at, c.taskId);
      this.q.closeAssignments!.run(at, c.taskId);
      if (c.nextDeadline && this.q.nextTask!.get(c.taskId) === undefined) this.createNextOccurrence(c.taskId, c.nextDeadline, at);
    }
    for (const ev of e.events) this.insertEvent(ev, at);
    for (const n of e.notices) this.insertOutbox(n, e.at);
  }

  private insertEvent(ev: NewEvent, at: string): void {
    this.q.event!.run({ ...ev, at, data: JSON.stringify(ev.data ?? {}) });
  }

  /** One outbox row on the raw connection, as Prisma would write it; its id. Call inside a write transaction. */
  insertOutbox(item: NewOutboxItem, at: Date): number {
    const row = this.q.outbox!.run(item.chat, JSON.stringify(item.payload), JSON.stringify(item.purpose), sqlDate(item.notBefore ?? at), sqlDate(at));
    return Number(row.lastInsertRowid);
  }

  /** A recurring task's next occurrence: same item and units, next due day. Call inside a write transaction. */
  createNextOccurrence(taskId: number, nextDeadline: string, at: string): number {
    const t = this.q.task!.get(taskId) as { id: number; dispatchId: number; seq: number; ref: string; text: string; deadlineText: string | null; recurrence: string | null; occurrence: number; genericBodies: string };
    const nextId = Number(this.q.insertTask!.run({ ...t, deadlineDate: nextDeadline, occurrence: t.occurrence + 1, previousId: t.id, at }).lastInsertRowid);
    this.q.copyAssignments!.run(nextId, nextDeadline, at, t.id);
    this.insertEvent({ type: "occurrence_created", actor: null, chatId: null, messageId: null, dispatchId: t.dispatchId, taskId: nextId, assignmentId: null, unitId: null, data: { previous: t.id, deadline: nextDeadline } }, at);
    return nextId;
  }

  /** Runs `fn` inside one gated write transaction on the raw connection. */
  async inTransaction<T>(fn: () => T): Promise<T> {
    return this.gate.run(() => this.write.transaction(fn)());
  }
}
