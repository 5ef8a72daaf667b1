import { BULK_TX } from "./tx.js";
import type { NewOutboxItem } from "../chat/outbox.js";
import type { DocHeader, Recurrence } from "../dispatch/schema.js";
import type { AssigneeRole, Draft, DraftItem, DispatchStatus } from "../tracking/model.js";
import type { Prisma } from "./database.js";
import type { WriteGate } from "./write-gate.js";
import { enqueueIn } from "./outbox-store.js";

/** Dispatches, their draft items, and the one-transaction confirmation that turns a draft into tasks. */

export interface NewDraft {
  doc: DocHeader;
  numberKey: string | null;
  issuerKey: string | null;
  rawText: string;
  fileHash: string | null;
  fileName: string | null;
  forwardedBy: string;
  forwardChat: string | null;
  warnings: string[];
  items: DraftItem[];
}

export interface TaskPlan {
  seq: number;
  ref: string;
  text: string;
  deadlineDate: string | null;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  genericBodies: string[];
  assignments: Array<{ unitId: number; role: AssigneeRole }>;
}

export interface CreatedAssignment {
  id: number;
  taskSeq: number;
  unitId: number;
  role: AssigneeRole;
}

type DispatchRow = Awaited<ReturnType<Prisma["dispatch"]["findUniqueOrThrow"]>>;
type ItemRow = { seq: number; ref: string; text: string; assignees: string; deadlineDate: string | null; deadlineText: string | null; recurrence: string | null; dropped: boolean; marks: string; notAssigned: boolean };

function toDraft(d: DispatchRow, items: ItemRow[]): Draft {
  return {
    id: d.id,
    status: d.status as DispatchStatus,
    doc: {
      type: d.docType, number: d.number, date: d.date, issuer: d.issuer, subject: d.subject,
      recipients: JSON.parse(d.recipients), secrecy: d.secrecy as DocHeader["secrecy"], urgency: d.urgency as DocHeader["urgency"],
    },
    fileHash: d.fileHash,
    fileName: d.fileName,
    forwardedBy: d.forwardedBy,
    forwardChat: d.forwardChat,
    warnings: JSON.parse(d.warnings),
    createdAt: d.createdAt,
    items: items.map((i) => ({ ...i, assignees: JSON.parse(i.assignees), recurrence: i.recurrence as Recurrence | null, marks: JSON.parse(i.marks) })),
  };
}

export class DispatchRepo {
  constructor(
    private readonly prisma: Prisma,
    private readonly gate: WriteGate,
  ) {}

  /** A live (draft or confirmed) dispatch with the same number+issuer+date, or the same file. */
  async findDuplicate(q: { numberKey: string | null; issuerKey: string | null; date: string | null; fileHash: string | null }): Promise<{ id: number; status: DispatchStatus } | null> {
    const or: object[] = [];
    if (q.fileHash) or.push({ fileHash: q.fileHash });
    // The number carries the issuer's code ("164/KH-UBND"), so number + date also matches when no issuer was read.
    if (q.numberKey) or.push({ numberKey: q.numberKey, issuerKey: q.issuerKey, date: q.date });
    if (or.length === 0) return null;
    const row = await this.prisma.dispatch.findFirst({ where: { status: { not: "cancelled" }, OR: or }, orderBy: { id: "asc" } });
    return row ? { id: row.id, status: row.status as DispatchStatus } : null;
  }

  async createDraft(d: NewDraft, at: Date): Promise<number> {
    return this.gate.run(async () => {
      return this.prisma.$transaction(async (tx) => {
        const row = await tx.dispatch.create({
          data: {
            docType: d.doc.type, number: d.doc.number, numberKey: d.numberKey, issuer: d.doc.issuer, issuerKey: d.issuerKey,
            date: d.doc.date, subject: d.doc.subject, recipients: JSON.stringify(d.doc.recipients), secrecy: d.doc.secrecy,
            urgency: d.doc.urgency, warnings: JSON.stringify(d.warnings), rawText: d.rawText, fileHash: d.fileHash,
            fileName: d.fileName, forwardedBy: d.forwardedBy, forwardChat: d.forwardChat, createdAt: at,
          },
        });
        await tx.draftItem.createMany({ data: d.items.map((i) => ({ ...i, dispatchId: row.id, assignees: JSON.stringify(i.assignees), marks: JSON.stringify(i.marks ?? []) })) });
        await tx.event.create({ data: { at, type: "draft_created", actor: d.forwardedBy, chatId: d.forwardChat, dispatchId: row.id, data: JSON.stringify({ items: d.items.length }) } });
        return row.id;
      });
    });
  }

  /** The newest dispatch still in draft that `forwardedBy` sent: what /bo /han /giao /chuky edit, across restarts. */
  async latestDraftId(forwardedBy: string): Promise<number | null> {
    const row = await this.prisma.dispatch.findFirst({ where: { forwardedBy, status: "draft" }, orderBy: { id: "desc" }, select: { id: true } });
    return row?.id ?? null;
  }

  async draft(id: number): Promise<Draft | null> {
    const d = await this.prisma.dispatch.findUnique({ where: { id }, include: { items: { orderBy: { seq: "asc" } } } });
    return d ? toDraft(d, d.items) : null;
  }

  /** Replaces the changed items and logs the edit, in one transaction. */
  async saveItems(dispatchId: number, items: DraftItem[], event: { at: Date; actor: string; type: string; data: unknown }): Promise<void> {
    return this.gate.run(async () => {
      await this.prisma.$transaction([
        ...items.map((i) =>
          this.prisma.draftItem.update({
            where: { dispatchId_seq: { dispatchId, seq: i.seq } },
            data: {
              assignees: JSON.stringify(i.assignees), deadlineDate: i.deadlineDate, deadlineText: i.deadlineText, recurrence: i.recurrence, dropped: i.dropped,
              marks: JSON.stringify(i.marks ?? []), notAssigned: i.notAssigned ?? false,
            },
          }),
        ),
        this.prisma.event.create({ data: { at: event.at, type: event.type, actor: event.actor, dispatchId, data: JSON.stringify(event.data) } }),
      ]);
    });
  }

  async cancel(dispatchId: number, at: Date, actor: string): Promise<boolean> {
    return this.gate.run(async () => {
      const r = await this.prisma.dispatch.updateMany({ where: { id: dispatchId, status: "draft" }, data: { status: "cancelled", cancelledAt: at } });
      if (r.count) await this.prisma.event.create({ data: { at, type: "draft_cancelled", actor, dispatchId } });
      return r.count > 0;
    });
  }

  /**
   * Draft → tasks, assignments and their outbox posts, all or nothing. `posts` builds the messages once the
   * assignment ids exist. Returns null if the dispatch is no longer a draft (a second confirm press).
   */
  async confirm(
    dispatchId: number,
    plans: TaskPlan[],
    posts: (created: CreatedAssignment[]) => NewOutboxItem[],
    at: Date,
    actor: string,
  ): Promise<CreatedAssignment[] | null> {
    return this.gate.run(async () => {
      return this.prisma.$transaction(async (tx) => {
        const claimed = await tx.dispatch.updateMany({ where: { id: dispatchId, status: "draft" }, data: { status: "confirmed", confirmedAt: at } });
        if (claimed.count === 0) return null;
        const created: CreatedAssignment[] = [];
        for (const p of plans) {
          const task = await tx.task.create({
            data: {
              dispatchId, seq: p.seq, ref: p.ref, text: p.text, deadlineDate: p.deadlineDate, deadlineText: p.deadlineText,
              recurrence: p.recurrence, genericBodies: JSON.stringify(p.genericBodies), createdAt: at,
            },
          });
          for (const a of p.assignments) {
            const row = await tx.assignment.create({
              data: { taskId: task.id, unitId: a.unitId, role: a.role, deadlineDate: p.deadlineDate, createdAt: at },
            });
            created.push({ id: row.id, taskSeq: p.seq, unitId: a.unitId, role: a.role });
          }
        }
        await enqueueIn(tx, posts(created), at);
        await tx.event.create({ data: { at, type: "dispatch_confirmed", actor, dispatchId, data: JSON.stringify({ tasks: plans.length, assignments: created.length }) } });
        return created;
      }, BULK_TX);
    });
  }
}
