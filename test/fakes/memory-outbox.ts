/**
 * An in-memory OutboxStore that honours the contract in src/chat/outbox.ts exactly (per-chat FIFO: a chat's item is
 * not offered while an older one of that chat is pending), for delivery tests. It is strict where a database would be
 * lenient — marking an item that is no longer pending throws — so a doubled send fails the test. snapshot()/restore()
 * stand in for the database file surviving a restart; `latencyMs` makes reads answer late (and stale) like a real DB.
 */
import type { NewOutboxItem, OutboxItem, OutboxStore } from "../../src/chat/outbox.js";
import type { ChatId, SendFailure, SentRef } from "../../src/chat/port.js";

export interface StoredOutboxItem extends OutboxItem {
  status: "pending" | "sent" | "failed";
  sent?: SentRef;
  failure?: SendFailure;
  history: string[];
}

export class MemoryOutbox implements OutboxStore {
  private items: StoredOutboxItem[] = [];
  private nextId = 1;
  readonly moves: Array<{ from: ChatId; to: ChatId }> = [];

  constructor(private readonly options: { latencyMs?: number; now?: () => Date } = {}) {}

  static restore(snapshot: string, options: { latencyMs?: number; now?: () => Date } = {}): MemoryOutbox {
    const store = new MemoryOutbox(options);
    const data = JSON.parse(snapshot) as { nextId: number; items: StoredOutboxItem[] };
    store.nextId = data.nextId;
    store.items = data.items.map((item) => ({
      ...item,
      createdAt: new Date(item.createdAt),
      ...(item.notBefore ? { notBefore: new Date(item.notBefore) } : {}),
    }));
    return store;
  }

  snapshot(): string {
    return JSON.stringify({ nextId: this.nextId, items: this.items });
  }

  all(): StoredOutboxItem[] {
    return this.items.map((item) => structuredClone(item));
  }

  count(status: StoredOutboxItem["status"]): number {
    return this.items.filter((item) => item.status === status).length;
  }

  async enqueue(items: NewOutboxItem[]): Promise<void> {
    await this.pause();
    const createdAt = this.options.now?.() ?? new Date();
    for (const item of items) {
      this.items.push({ ...structuredClone(item), id: this.nextId++, attempts: 0, createdAt, status: "pending", history: [] });
    }
  }

  async due(now: Date, limit: number): Promise<OutboxItem[]> {
    const blocked = new Set<ChatId>();
    const result: OutboxItem[] = [];
    for (const item of this.items) {
      if (item.status !== "pending" || blocked.has(item.chat)) continue;
      blocked.add(item.chat);
      if ((item.notBefore?.getTime() ?? 0) <= now.getTime() && result.length < limit) {
        const { status: _s, sent: _r, failure: _f, history: _h, ...plain } = item;
        result.push(structuredClone(plain));
      }
    }
    await this.pause(); // answered from the state at the time of the query, as a database would
    return result;
  }

  async markSent(id: number, sent: SentRef, _at: Date): Promise<void> {
    await this.pause();
    const item = this.pending(id, "markSent");
    item.status = "sent";
    item.sent = sent;
    item.history.push("sent");
  }

  async retryLater(id: number, notBefore: Date, failure: SendFailure): Promise<void> {
    await this.pause();
    const item = this.pending(id, "retryLater");
    item.attempts++;
    item.notBefore = notBefore;
    item.failure = failure;
    item.history.push(`retry:${failure.kind}`);
  }

  async markFailed(id: number, failure: SendFailure, _at: Date): Promise<void> {
    await this.pause();
    const item = this.pending(id, "markFailed");
    item.status = "failed";
    item.failure = failure;
    item.history.push(`failed:${failure.kind}`);
  }

  async moveChat(from: ChatId, to: ChatId): Promise<void> {
    await this.pause();
    this.moves.push({ from, to });
    for (const item of this.items) if (item.status === "pending" && item.chat === from) item.chat = to;
  }

  private pending(id: number, op: string): StoredOutboxItem {
    const item = this.items.find((i) => i.id === id);
    if (!item) throw new Error(`${op}: no outbox item ${id}`);
    if (item.status !== "pending") throw new Error(`${op}: outbox item ${id} is already ${item.status}`);
    return item;
  }

  private async pause(): Promise<void> {
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
  }
}
