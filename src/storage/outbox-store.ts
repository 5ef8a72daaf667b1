import { randomUUID } from "node:crypto";
import type { DueOptions, NewOutboxItem, OutboxItem, OutboxPayload, OutboxPurpose, OutboxStore } from "../chat/outbox.js";
import { isGroupChat } from "../chat/group-chat.js";
import type { ChatId, SendFailure, SentRef } from "../chat/port.js";
import type { Clock } from "../clock.js";
import type { Prisma } from "./database.js";
import type { WriteGate } from "./write-gate.js";
import { BULK_TX, type Tx } from "./tx.js";

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
  /**
   * How long a claim holds unless renewed or the item marked: a worker that died (or froze) mid-send is replaced
   * after this. The delivery worker renews it while it prepares and makes a send (decision 0702).
   */
  leaseMs: number;
}

export class PrismaOutboxStore implements OutboxStore {
  /**
   * The claims this worker holds, by item: claimedBy is "<owner>#<token>", new at every claim, so a claim another
   * worker took over (or this one took again) is a different value. Every write a claim allows — renew, release,
   * retry, fail — is an UPDATE conditional on it: the fence a stalled worker cannot pass.
   */
  private readonly held = new Map<number, string>();

  constructor(
    private readonly prisma: Prisma,
    private readonly clock: Clock,
    private readonly gate: WriteGate,
    private readonly claims?: OutboxClaims,
  ) {}

  /**
   * Items under a live claim are nobody else's to offer, this worker's own included (its in-flight sends are its
   * own business). A restarted worker with the same WORKER_ID first gives back what its previous process left
   * (releaseEarlierClaims); two live processes given one WORKER_ID by mistake cannot take each other's live claims.
   */
  private free(now: Date) {
    if (!this.claims) return {};
    return { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
  }

  /** The condition for a write only this worker's current claim may make; undefined: it holds none (so: no write). */
  private fence(id: number): { claimedBy?: string } | undefined {
    if (!this.claims) return {};
    const token = this.held.get(id);
    return token === undefined ? undefined : { claimedBy: token };
  }

  /**
   * Takes the item for this worker until the lease ends; false when another worker holds it (or it is no longer
   * pending). One conditional UPDATE: of two workers racing for one item, exactly one gets a row back. Without claims
   * (one worker per database) every item is this worker's. `now` is the delivery worker's clock, the one due() and
   * the retry times it writes are read on: a lease or a retry_after must end on the clock the worker waits by, and
   * the store's own (business) clock may be a test's or the demo's that stands still.
   */
  async claim(id: number, now: Date): Promise<boolean> {
    if (!this.claims) return true;
    const { owner, leaseMs } = this.claims;
    const token = `${owner}#${randomUUID().slice(0, 8)}`;
    return this.gate.run(async () => {
      const r = await this.prisma.outboxItem.updateMany({
        // Not before its time either: an item given back with a 429's retry_after is nobody's until then.
        where: { id, status: "pending", notBefore: { lte: now }, ...this.free(now) },
        data: { claimedBy: token, claimedUntil: new Date(now.getTime() + leaseMs) },
      });
      if (r.count === 1) this.held.set(id, token);
      return r.count === 1;
    });
  }

  /**
   * Extends this worker's claim by a whole lease from now, if it still holds it: false when another worker took the
   * item over meanwhile (this one stalled past its lease), or it is no longer pending. The delivery worker asks right
   * before a send goes out, and every third of a lease while it is in progress. Always true without claims. `now`:
   * the delivery worker's clock, as for claim().
   */
  async renew(id: number, now: Date): Promise<boolean> {
    if (!this.claims) return true;
    const fence = this.fence(id);
    if (!fence) return false;
    const until = new Date(now.getTime() + this.claims.leaseMs);
    return this.gate.run(async () => {
      const r = await this.prisma.outboxItem.updateMany({ where: { id, status: "pending", ...fence }, data: { claimedUntil: until } });
      if (r.count === 0) this.held.delete(id);
      return r.count === 1;
    });
  }

  /**
   * At start-up: gives back the claims an earlier process with this worker's name left (it crashed, or was stopped
   * mid-send), so its items go out now rather than when their leases end. The caller makes sure no live process
   * has this name (app.ts holds a lock on it): the claims released are then nobody's. Returns how many. The owner is
   * matched exactly in JS — claims held at once are few (a worker's concurrency each), and a SQL prefix match would
   * treat the `_` a WORKER_ID may contain as a wildcard.
   */
  async releaseEarlierClaims(): Promise<number> {
    if (!this.claims) return 0;
    const { owner } = this.claims;
    const mine = new Set(this.held.values());
    const rows = await this.prisma.outboxItem.findMany({ where: { claimedBy: { not: null } }, select: { claimedBy: true } });
    const left = rows
      .map((r) => r.claimedBy!)
      .filter((token) => token.slice(0, token.lastIndexOf("#")) === owner && !mine.has(token));
    if (left.length === 0) return 0;
    // Conditional on the exact tokens: a claim taken over by another worker since the read stays theirs.
    const r = await this.gate.run(() =>
      this.prisma.outboxItem.updateMany({ where: { claimedBy: { in: left } }, data: { claimedBy: null, claimedUntil: null } }),
    );
    return r.count;
  }

  /** Gives a claimed item back unsent (the rate did not allow it after all). */
  async release(id: number): Promise<void> {
    const fence = this.fence(id);
    this.held.delete(id);
    if (!this.claims || !fence) return;
    await this.gate.run(() => this.prisma.outboxItem.updateMany({ where: { id, ...fence }, data: { claimedBy: null, claimedUntil: null } }));
  }

  async enqueue(items: NewOutboxItem[]): Promise<number[]> {
    return this.gate.run(() => this.prisma.$transaction((tx) => enqueueIn(tx, items, this.clock.now()), BULK_TX));
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

  /**
   * Recorded whoever holds the claim now: the message went out, so the item is sent (and a worker about to send it
   * again stops at its fence). A copy sent while another worker's copy was recorded first (a send whose request
   * reached the platform before its sender froze past the lease: decision 0702) gets its post rows too, so a reply to
   * either copy finds its tasks; the item keeps the first message id.
   */
  async markSent(id: number, sent: SentRef, at: Date): Promise<void> {
    this.held.delete(id);
    return this.gate.run(async () => {
      await this.prisma.$transaction(async (tx) => {
        const item = await tx.outboxItem.findUnique({ where: { id } });
        if (!item) return;
        if (item.status === "sent") {
          // The same delivery marked twice must not double the posts; another copy of it is recorded as such.
          if (item.sentMessageId === sent.messageId || !sent.messageId) return;
          await tx.event.create({
            data: { at, type: "delivered_twice", chatId: sent.chat, data: JSON.stringify({ outboxId: id, first: item.sentMessageId, second: sent.messageId }) },
          });
        } else {
          await tx.outboxItem.update({
            where: { id },
            data: { status: "sent", sentAt: at, sentMessageId: sent.messageId, attempts: item.attempts + 1, claimedBy: null, claimedUntil: null },
          });
        }
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
    // Only the current claim: a worker whose lease ran out must not reschedule (and unclaim) an item another has taken.
    const fence = this.fence(id);
    this.held.delete(id);
    if (!fence) return;
    return this.gate.run(async () => {
      await this.prisma.outboxItem.updateMany({
        where: { id, status: "pending", ...fence },
        data: { notBefore, failure: JSON.stringify(failure), attempts: { increment: 1 }, claimedBy: null, claimedUntil: null },
      });
    });
  }

  async markFailed(id: number, failure: SendFailure, at: Date): Promise<void> {
    const fence = this.fence(id);
    this.held.delete(id);
    if (!fence) return;
    return this.gate.run(async () => {
      await this.prisma.$transaction(async (tx) => {
        // Only a pending item, and only under the current claim: with several workers, one whose lease ran out may
        // report a failure for an item another worker has taken, or sent, meanwhile.
        const marked = await tx.outboxItem.updateMany({
          where: { id, status: "pending", ...fence },
          // The claim ends with the item: failed is nobody's, and a failed item made pending again (requeueGone)
          // must not come back still held for the rest of a lease.
          data: { status: "failed", failure: JSON.stringify(failure), sentAt: at, attempts: { increment: 1 }, claimedBy: null, claimedUntil: null },
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
        // Unclaimed too: items failed before claims ended with them may still carry their old claim.
        data: { status: "pending", notBefore: now, claimedBy: null, claimedUntil: null },
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
