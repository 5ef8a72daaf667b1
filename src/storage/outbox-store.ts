import type { DueOptions, NewOutboxItem, OutboxItem, OutboxPayload, OutboxPurpose, OutboxStore } from "../chat/outbox.js";
import { isGroupChat } from "../chat/group-chat.js";
import type { ChatId, SendFailure, SentRef } from "../chat/port.js";
import type { Clock } from "../clock.js";
import type { Prisma } from "./database.js";
import type { WriteGate } from "./write-gate.js";
import type { Tx } from "./tx.js";

type Row = {
  id: number;
  chatId: string;
  payload: string;
  purpose: string;
  notBefore: Date;
  attempts: number;
  createdAt: Date;
};

function toItem(r: Row): OutboxItem {
  return {
    id: r.id,
    chat: r.chatId,
    payload: JSON.parse(r.payload) as OutboxPayload,
    purpose: JSON.parse(r.purpose) as OutboxPurpose,
    notBefore: r.notBefore,
    attempts: r.attempts,
    createdAt: r.createdAt,
  };
}

/** Writes items inside the caller's transaction, so a change and the messages announcing it commit together. */
export async function enqueueIn(tx: Tx, items: NewOutboxItem[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  // One insert per item (not createMany) because reminder bookkeeping needs each id.
  for (const it of items) {
    const row = await tx.outboxItem.create({
      data: {
        chatId: it.chat,
        payload: JSON.stringify(it.payload),
        purpose: JSON.stringify(it.purpose),
        notBefore: it.notBefore ?? now,
        createdAt: now,
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

/** Several workers on one database: each item is claimed by one of them for `leaseMs` before it is sent. */
export interface OutboxClaims {
  /** This worker's name (in claimedBy and the logs). */
  owner: string;
  /** How long a claim holds without the item being marked: a worker that died mid-send is replaced after this. */
  leaseMs: number;
}

export class PrismaOutboxStore implements OutboxStore {
  constructor(
    private readonly prisma: Prisma,
    private readonly clock: Clock,
    private readonly gate: WriteGate,
    private readonly claims?: OutboxClaims,
  ) {}

  /** Items another live worker has claimed are not this worker's to offer. */
  private free(now: Date) {
    if (!this.claims) return {};
    return { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }, { claimedBy: this.claims.owner }] };
  }

  /**
   * Takes the item for this worker until the lease ends; false when another worker holds it (or it is no longer
   * pending). One conditional UPDATE: of two workers racing for one item, exactly one gets a row back. Without claims
   * (one worker per database) every item is this worker's.
   */
  async claim(id: number): Promise<boolean> {
    if (!this.claims) return true;
    const now = this.clock.now();
    const { owner, leaseMs } = this.claims;
    return this.gate.run(async () => {
      const r = await this.prisma.outboxItem.updateMany({
        where: { id, status: "pending", ...this.free(now) },
        data: { claimedBy: owner, claimedUntil: new Date(now.getTime() + leaseMs) },
      });
      return r.count === 1;
    });
  }

  /** Gives a claimed item back unsent (the rate did not allow it after all). */
  async release(id: number): Promise<void> {
    if (!this.claims) return;
    await this.gate.run(() =>
      this.prisma.outboxItem.updateMany({ where: { id, claimedBy: this.claims!.owner }, data: { claimedBy: null, claimedUntil: null } }),
    );
  }

  async enqueue(items: NewOutboxItem[]): Promise<number[]> {
    return this.gate.run(() => this.prisma.$transaction((tx) => enqueueIn(tx, items, this.clock.now())));
  }

  async sentMessageId(id: number): Promise<string | undefined> {
    const row = await this.prisma.outboxItem.findUnique({ where: { id }, select: { status: true, sentMessageId: true } });
    return row?.status === "sent" && row.sentMessageId ? row.sentMessageId : undefined;
  }

  async due(now: Date, limit: number, options: DueOptions = {}): Promise<OutboxItem[]> {
    // Per-chat FIFO: only the oldest pending item of each chat may go out, even if it waits for a retry.
    const heads = await this.prisma.outboxItem.groupBy({ by: ["chatId"], where: { status: "pending" }, _min: { id: true } });
    const ids = heads.filter((h) => options.groups !== false || !isGroupChat(h.chatId)).map((h) => h._min.id).filter((id): id is number => id !== null);
    if (ids.length === 0) return [];
    const rows = await this.prisma.outboxItem.findMany({
      where: { id: { in: ids }, notBefore: { lte: now }, ...this.free(now) },
      orderBy: { id: "asc" },
      take: limit,
    });
    return rows.map(toItem);
  }

  async markSent(id: number, sent: SentRef, at: Date): Promise<void> {
    return this.gate.run(async () => {
      await this.prisma.$transaction(async (tx) => {
        const item = await tx.outboxItem.findUnique({ where: { id } });
        if (!item || item.status === "sent") return; // a second markSent for one delivery must not double the posts
        await tx.outboxItem.update({
          where: { id },
          data: { status: "sent", sentAt: at, sentMessageId: sent.messageId, attempts: item.attempts + 1 },
        });
        const purpose = JSON.parse(item.purpose) as OutboxPurpose;
        let assignmentIds: number[] = [];
        let kind = "task";
        if (purpose.type === "task-post") assignmentIds = purpose.assignmentIds.map(Number);
        if (purpose.type === "reminder") {
          kind = "reminder";
          const rows = await tx.reminderSent.findMany({ where: { key: { in: purpose.reminderKeys } } });
          const byKey = new Map(rows.map((r) => [r.key, r.assignmentId]));
          assignmentIds = purpose.reminderKeys.map((k) => byKey.get(k)).filter((a): a is number => a != null);
        }
        if (assignmentIds.length > 0) {
          await tx.post.createMany({
            data: assignmentIds.map((assignmentId, i) => ({
              chatId: sent.chat,
              messageId: sent.messageId,
              assignmentId,
              position: i + 1,
              kind,
              createdAt: at,
            })),
          });
        }
      });
    });
  }

  async retryLater(id: number, notBefore: Date, failure: SendFailure): Promise<void> {
    return this.gate.run(async () => {
      await this.prisma.outboxItem.updateMany({
        where: { id, status: "pending" },
        data: { notBefore, failure: JSON.stringify(failure), attempts: { increment: 1 }, claimedBy: null, claimedUntil: null },
      });
    });
  }

  async markFailed(id: number, failure: SendFailure, at: Date): Promise<void> {
    return this.gate.run(async () => {
      await this.prisma.$transaction(async (tx) => {
        // Only a pending item fails: with several workers, one whose lease ran out may report a failure for an item
        // another worker has sent meanwhile.
        const marked = await tx.outboxItem.updateMany({
          where: { id, status: "pending" },
          data: { status: "failed", failure: JSON.stringify(failure), sentAt: at, attempts: { increment: 1 } },
        });
        if (marked.count === 0) return;
        const item = await tx.outboxItem.findUniqueOrThrow({ where: { id } });
        if (failure.kind === "gone") {
          await tx.chatBinding.updateMany({ where: { chatId: item.chatId }, data: { active: false } });
        }
        await tx.event.create({
          data: { at, type: "delivery_failed", chatId: item.chatId, data: JSON.stringify({ outboxId: id, failure }) },
        });
      });
    });
  }

  /**
   * The bot is back in `chat`: the task posts that failed there because it was gone are due again, oldest first as
   * before, so the unit still receives what was assigned meanwhile. Returns how many.
   */
  async requeueGone(chat: ChatId, now: Date): Promise<number> {
    return this.gate.run(async () => {
      const r = await this.prisma.outboxItem.updateMany({
        where: { chatId: chat, status: "failed", failure: { contains: '"kind":"gone"' }, purpose: { contains: '"type":"task-post"' } },
        data: { status: "pending", notBefore: now },
      });
      return r.count;
    });
  }

  async moveChat(from: ChatId, to: ChatId): Promise<void> {
    return this.gate.run(async () => {
      await this.prisma.$transaction(async (tx) => {
        await tx.outboxItem.updateMany({ where: { chatId: from, status: "pending" }, data: { chatId: to } });
        const clash = await tx.chatBinding.findUnique({ where: { chatId: to } });
        if (clash) await tx.chatBinding.updateMany({ where: { chatId: from }, data: { active: false } });
        else await tx.chatBinding.updateMany({ where: { chatId: from }, data: { chatId: to } });
        // Telegram keeps message ids across the upgrade: the posts sent before it still carry their tasks, in the new
        // chat (replies and ✅ on them must find the task). A post already recorded there stays (SQLite's OR IGNORE,
        // written so PostgreSQL runs it too; the tagged template gets each database's placeholders).
        await tx.$executeRaw`UPDATE "Post" SET "chatId" = ${to} WHERE "chatId" = ${from} AND NOT EXISTS (SELECT 1 FROM "Post" q
          WHERE q."chatId" = ${to} AND q."messageId" = "Post"."messageId" AND q."assignmentId" = "Post"."assignmentId")`;
        await tx.event.create({
          data: { at: this.clock.now(), type: "chat_migrated", chatId: to, data: JSON.stringify({ from, to }) },
        });
      });
    });
  }
}
