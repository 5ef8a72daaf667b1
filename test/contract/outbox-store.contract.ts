/**
 * The OutboxStore contract (src/chat/outbox.ts) as tests, run against every implementation: the Prisma store that
 * dondoc uses and the in-memory fake the delivery tests use (so the fake cannot drift from the real thing).
 *
 *   outboxStoreContract("prisma", async () => ({ store, close }));
 *
 * Items use the "notice" purpose only, so no implementation needs posts or assignments to exist.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewOutboxItem, OutboxPayload, OutboxStore } from "../../src/chat/outbox.js";

export interface OutboxHarness {
  store: OutboxStore;
  close(): Promise<void>;
}

const notice = (chat: string, text: string, extra: Partial<NewOutboxItem> = {}): NewOutboxItem => ({
  chat,
  payload: { op: "send", text },
  purpose: { type: "notice" },
  ...extra,
});
const texts = (items: Array<{ payload: OutboxPayload }>) => items.map((i) => ("text" in i.payload ? i.payload.text : ""));
const later = (ms: number) => new Date(Date.now() + ms);

export function outboxStoreContract(name: string, factory: () => Promise<OutboxHarness>, skip = false): void {
  describe.skipIf(skip)(`OutboxStore contract: ${name}`, () => {
    let h: OutboxHarness;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.close();
    });

    it("offers each chat's oldest pending item, oldest first, with its payload intact", async () => {
      const buttons = [[{ label: "✅ Hoàn thành", data: "done:1" }]];
      await h.store.enqueue([
        notice("telegram:-1", "a1", { payload: { op: "send", text: "a1", buttons, replyTo: "7" } }),
        notice("telegram:-2", "b1"),
        notice("telegram:-1", "a2"),
        { chat: "zalo:g:3", payload: { op: "edit", messageId: "9", text: "c1" }, purpose: { type: "notice" } },
      ]);
      const due = await h.store.due(later(1000), 10);
      expect(texts(due)).toEqual(["a1", "b1", "c1"]);
      expect(due[0]).toMatchObject({ chat: "telegram:-1", attempts: 0, payload: { op: "send", text: "a1", buttons, replyTo: "7" } });
      expect(due[0]!.createdAt).toBeInstanceOf(Date);
      expect(due[2]!.payload).toEqual({ op: "edit", messageId: "9", text: "c1" });
      expect(texts(await h.store.due(later(1000), 2))).toEqual(["a1", "b1"]);
    });

    it("offers a chat's next item only once the one before it is sent or failed", async () => {
      await h.store.enqueue(["1", "2", "3"].map((t) => notice("telegram:-1", t)));
      const [first] = await h.store.due(later(1000), 10);
      await h.store.markSent(first!.id, { chat: "telegram:-1", messageId: "100" }, new Date());
      const [second] = await h.store.due(later(1000), 10);
      expect(second!.payload).toMatchObject({ text: "2" });
      await h.store.markFailed(second!.id, { kind: "rejected", reason: "test" }, new Date());
      expect(texts(await h.store.due(later(1000), 10))).toEqual(["3"]);
    });

    it("keeps a retried item first in its chat: nothing of that chat goes before it", async () => {
      await h.store.enqueue([notice("telegram:-1", "1"), notice("telegram:-1", "2"), notice("telegram:-2", "x")]);
      const [first] = await h.store.due(later(1000), 10);
      await h.store.retryLater(first!.id, later(60_000), { kind: "rate_limited", retryAfterMs: 60_000 });
      expect(texts(await h.store.due(later(1000), 10))).toEqual(["x"]);
      const again = await h.store.due(later(61_000), 10);
      expect(texts(again)).toEqual(["1", "x"]);
      expect(again[0]!.attempts).toBe(1);
    });

    it("waits for notBefore", async () => {
      await h.store.enqueue([notice("telegram:-1", "later", { notBefore: later(3_600_000) })]);
      expect(await h.store.due(later(1000), 10)).toEqual([]);
      expect(texts(await h.store.due(later(3_600_001), 10))).toEqual(["later"]);
    });

    it("moves a chat's pending items to its new id, in order", async () => {
      await h.store.enqueue([notice("telegram:-5", "1"), notice("telegram:-5", "2")]);
      const [first] = await h.store.due(later(1000), 10);
      await h.store.moveChat("telegram:-5", "telegram:-1005");
      const moved = await h.store.due(later(1000), 10);
      expect(moved.map((i) => [i.id, i.chat])).toEqual([[first!.id, "telegram:-1005"]]);
      await h.store.markSent(first!.id, { chat: "telegram:-1005", messageId: "1" }, new Date());
      expect((await h.store.due(later(1000), 10)).map((i) => [i.chat, i.payload.op === "send" && i.payload.text])).toEqual([["telegram:-1005", "2"]]);
    });

    it("never offers a sent or failed item again", async () => {
      await h.store.enqueue([notice("telegram:-1", "a"), notice("telegram:-2", "b")]);
      const [a, b] = await h.store.due(later(1000), 10);
      await h.store.markSent(a!.id, { chat: "telegram:-1", messageId: "1" }, new Date());
      await h.store.markFailed(b!.id, { kind: "gone", reason: "kicked" }, new Date());
      expect(await h.store.due(later(1000), 10)).toEqual([]);
    });
  });
}
