import type { NewOutboxItem } from "../chat/outbox.js";
import type { ChatId } from "../chat/port.js";
import type { Recurrence } from "../dispatch/schema.js";
import type { AssigneeRole, AssignmentStatus, AssignmentView } from "../tracking/model.js";
import type { Prisma } from "./database.js";
import { enqueueIn } from "./outbox-store.js";

/** Reads and writes of the reply, button and approval use cases. */

const VIEW_INCLUDE = { unit: { select: { displayName: true } }, task: { include: { dispatch: { select: { id: true, number: true, subject: true, forwardChat: true } } } } } as const;

type ViewRow = {
  id: number; taskId: number; unitId: number; role: string; status: string; deadlineDate: string | null; completedAt: Date | null;
  lastReportAt: Date | null; lastReportText: string | null; unit: { displayName: string };
  task: { ref: string; text: string; status: string; recurrence: string | null; occurrence: number; dispatch: { id: number; number: string | null; subject: string | null; forwardChat: string | null } };
};

function toView(r: ViewRow): AssignmentView {
  return {
    id: r.id, taskId: r.taskId, unitId: r.unitId, unitName: r.unit.displayName, role: r.role as AssigneeRole,
    status: r.status as AssignmentStatus, deadlineDate: r.deadlineDate, recurrence: r.task.recurrence as Recurrence | null,
    completedAt: r.completedAt, lastReportAt: r.lastReportAt, lastReportText: r.lastReportText, taskRef: r.task.ref,
    taskText: r.task.text, taskStatus: r.task.status as "open" | "done", occurrence: r.task.occurrence,
    dispatchId: r.task.dispatch.id, dispatchNumber: r.task.dispatch.number, dispatchSubject: r.task.dispatch.subject,
    forwardChat: r.task.dispatch.forwardChat,
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
  constructor(private readonly prisma: Prisma) {}

  async isProcessed(eventId: string): Promise<boolean> {
    return (await this.prisma.processedEvent.findUnique({ where: { id: eventId } })) !== null;
  }

  /** Assignments carried by a message (any of its ids), in the order they are numbered in it. */
  async postTargets(chat: ChatId, messageIds: string[]): Promise<Array<{ position: number; assignment: AssignmentView }>> {
    const posts = await this.prisma.post.findMany({
      where: { chatId: chat, messageId: { in: messageIds } },
      orderBy: [{ id: "asc" }],
      include: { assignment: { include: VIEW_INCLUDE } },
    });
    const firstMessage = posts[0]?.messageId;
    return posts.filter((p) => p.messageId === firstMessage).map((p) => ({ position: p.position, assignment: toView(p.assignment) }));
  }

  async assignment(id: number): Promise<AssignmentView | null> {
    const r = await this.prisma.assignment.findUnique({ where: { id }, include: VIEW_INCLUDE });
    return r ? toView(r) : null;
  }

  async assignments(ids: number[]): Promise<Map<number, AssignmentView>> {
    const out = new Map<number, AssignmentView>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.prisma.assignment.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, include: VIEW_INCLUDE });
      for (const r of rows) out.set(r.id, toView(r));
    }
    return out;
  }

  async openAssignmentsOfUnit(unitId: number): Promise<AssignmentView[]> {
    const rows = await this.prisma.assignment.findMany({ where: { unitId, status: { not: "done" } }, include: VIEW_INCLUDE, orderBy: { id: "asc" } });
    return rows.map(toView);
  }

  /** The open occurrence that followed a closed recurring task, for the same unit. */
  async laterOccurrence(taskId: number, unitId: number): Promise<AssignmentView | null> {
    let id = taskId;
    for (let i = 0; i < 100; i++) {
      const next = await this.prisma.task.findUnique({ where: { previousId: id }, select: { id: true } });
      if (!next) return null;
      const a = await this.prisma.assignment.findUnique({ where: { taskId_unitId: { taskId: next.id, unitId } }, include: VIEW_INCLUDE });
      if (a && a.status !== "done") return toView(a);
      id = next.id;
    }
    return null;
  }

  /** Returns false when the event id was already processed (redelivery): nothing is written then. */
  async apply(e: ReplyEffects): Promise<boolean> {
    try {
      await this.prisma.$transaction(async (tx) => {
        if (e.eventId) await tx.processedEvent.create({ data: { id: e.eventId, at: e.at } });
        for (const u of e.updates) {
          await tx.assignment.update({
            where: { id: u.id },
            data: {
              ...(u.status ? { status: u.status } : {}),
              ...(u.completedAt !== undefined ? { completedAt: u.completedAt } : {}),
              ...(u.report !== undefined ? { lastReportAt: e.at, lastReportText: u.report } : {}),
            },
          });
        }
        for (const c of e.closeTasks) await closeTask(tx, c.taskId, c.nextDeadline, e.at);
        if (e.events.length) {
          await tx.event.createMany({ data: e.events.map((ev) => ({ ...ev, at: e.at, data: JSON.stringify(ev.data) })) });
        }
        if (e.notices.length) await enqueueIn(tx, e.notices, e.at);
      });
      return true;
    } catch (err) {
      if (e.eventId && isUniqueViolation(err)) return false;
      throw err;
    }
  }
}

type TxClient = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

async function closeTask(tx: TxClient, taskId: number, nextDeadline: string | null, at: Date): Promise<void> {
  const task = await tx.task.update({ where: { id: taskId }, data: { status: "done", completedAt: at } });
  await tx.assignment.updateMany({ where: { taskId, status: { not: "done" } }, data: { status: "done", completedAt: at } });
  if (!nextDeadline) return;
  const existing = await tx.task.findUnique({ where: { previousId: taskId } });
  if (existing) return; // the period had already passed and created it
  await createNextOccurrence(tx, task, nextDeadline, at);
}

export async function createNextOccurrence(
  tx: TxClient,
  task: { id: number; dispatchId: number; seq: number; ref: string; text: string; deadlineText: string | null; recurrence: string | null; occurrence: number; genericBodies: string },
  nextDeadline: string,
  at: Date,
): Promise<number> {
  const next = await tx.task.create({
    data: {
      dispatchId: task.dispatchId, seq: task.seq, ref: task.ref, text: task.text, deadlineDate: nextDeadline,
      deadlineText: task.deadlineText, recurrence: task.recurrence, occurrence: task.occurrence + 1, previousId: task.id,
      genericBodies: task.genericBodies, createdAt: at,
    },
  });
  const assignments = await tx.assignment.findMany({ where: { taskId: task.id }, select: { unitId: true, role: true } });
  await tx.assignment.createMany({ data: assignments.map((a) => ({ taskId: next.id, unitId: a.unitId, role: a.role, deadlineDate: nextDeadline, createdAt: at })) });
  await tx.event.create({ data: { at, type: "occurrence_created", taskId: next.id, dispatchId: task.dispatchId, data: JSON.stringify({ previous: task.id, deadline: nextDeadline }) } });
  return next.id;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === "P2002" || /UNIQUE constraint failed/i.test(e?.message ?? "");
}
