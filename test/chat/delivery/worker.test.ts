import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createChatRouter, createDeliveryWorker, type DeliveryWorker, RateLimiter } from "../../../src/chat/delivery/index.js";
import type { NewOutboxItem } from "../../../src/chat/outbox.js";
import type { ChatId, SendFailure } from "../../../src/chat/port.js";
import { MemoryOutbox } from "../../fakes/memory-outbox.js";
import { ScriptedAdapter } from "../../fakes/scripted-adapter.js";

const fast = { global: { limit: 10_000, windowMs: 1000 }, group: { limit: 10_000, windowMs: 1000 }, private: { limit: 10_000, windowMs: 1000 } };
const notice = (chat: ChatId, text: string): NewOutboxItem => ({ chat, payload: { op: "send", text }, purpose: { type: "notice" } });

let worker: DeliveryWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

function setup(options: { latencyMs?: number; adapters?: ScriptedAdapter[]; maxAttempts?: number } = {}) {
  const store = new MemoryOutbox({ ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}) });
  const adapters = options.adapters ?? [new ScriptedAdapter()];
  const gone: Array<{ chat: ChatId; failure: SendFailure }> = [];
  const failed: Array<{ id: number; failure: SendFailure }> = [];
  const migrated: Array<[ChatId, ChatId]> = [];
  const errors: unknown[] = [];
  worker = createDeliveryWorker({
    store,
    router: createChatRouter(adapters),
    limiter: new RateLimiter(() => fast),
    onChatGone: (chat, failure) => void gone.push({ chat, failure }),
    onFailure: (item, failure) => void failed.push({ id: item.id, failure }),
    onChatMigrated: (from, to) => void migrated.push([from, to]),
    onError: (error) => void errors.push(error),
    options: { idlePollMs: 20, backoff: { baseMs: 5, maxMs: 20 }, ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) },
  });
  const settle = async (timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (store.count("pending") > 0) {
      if (Date.now() > deadline) throw new Error(`still pending: ${JSON.stringify(store.all().filter((i) => i.status === "pending"))}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { store, adapter: adapters[0]!, gone, failed, migrated, errors, worker, settle };
}

describe("delivery worker", () => {
  it("delivers every item once, in creation order per chat, recording the platform message id", async () => {
    const t = setup({ latencyMs: 2 });
    const chats = ["telegram:-1", "telegram:-2", "telegram:501"];
    await t.store.enqueue(chats.flatMap((chat) => [1, 2, 3, 4].map((n) => notice(chat, `${chat} #${n}`))));
    t.worker.start();
    await t.settle();
    for (const chat of chats) expect(t.adapter.textsTo(chat)).toEqual([1, 2, 3, 4].map((n) => `${chat} #${n}`));
    expect(t.adapter.sent).toHaveLength(12);
    expect(t.store.all().every((i) => i.status === "sent" && i.sent?.messageId)).toBe(true);
    expect(t.errors).toEqual([]);
  });

  it("waits out a rate limit and keeps the chat's order", async () => {
    const t = setup();
    t.adapter.failNext({ kind: "rate_limited", retryAfterMs: 60 }, "telegram:-1", 2);
    await t.store.enqueue(["a", "b", "c"].map((x) => notice("telegram:-1", x)));
    t.worker.start();
    await t.settle();
    expect(t.adapter.textsTo("telegram:-1")).toEqual(["a", "b", "c"]);
    expect(t.store.all()[0]!.history).toEqual(["retry:rate_limited", "retry:rate_limited", "sent"]);
  });

  it("fails a gone chat's item, keeps it for the report and tells the core", async () => {
    const t = setup();
    t.adapter.failNext({ kind: "gone", reason: "Forbidden: bot was kicked from the group chat" }, "telegram:-9");
    await t.store.enqueue([notice("telegram:-9", "x"), notice("telegram:-1", "y")]);
    t.worker.start();
    await t.settle();
    expect(t.gone).toEqual([{ chat: "telegram:-9", failure: { kind: "gone", reason: "Forbidden: bot was kicked from the group chat" } }]);
    expect(t.store.all().map((i) => i.status)).toEqual(["failed", "sent"]);
    expect(t.failed).toEqual([]);
  });

  it("follows a migrated chat: moves its items and resends them to the new id", async () => {
    const t = setup();
    t.adapter.failNext({ kind: "migrated", newChat: "telegram:-1009" }, "telegram:-9");
    await t.store.enqueue([notice("telegram:-9", "one"), notice("telegram:-9", "two")]);
    t.worker.start();
    await t.settle();
    expect(t.adapter.textsTo("telegram:-1009")).toEqual(["one", "two"]);
    expect(t.adapter.textsTo("telegram:-9")).toEqual([]);
    expect(t.migrated).toEqual([["telegram:-9", "telegram:-1009"]]);
    expect(t.store.moves).toEqual([{ from: "telegram:-9", to: "telegram:-1009" }]);
  });

  it("retries transient failures with backoff, and gives up after maxAttempts with onFailure", async () => {
    const t = setup({ maxAttempts: 3 });
    t.adapter.failNext(new Error("ECONNRESET"), "telegram:-1", 2);
    t.adapter.failNext({ kind: "transient", reason: "502" }, "telegram:-2", 5);
    await t.store.enqueue([notice("telegram:-1", "ok in the end"), notice("telegram:-2", "never")]);
    t.worker.start();
    await t.settle();
    expect(t.adapter.textsTo("telegram:-1")).toEqual(["ok in the end"]);
    expect(t.failed).toEqual([{ id: 2, failure: { kind: "transient", reason: "502" } }]);
    expect(t.store.all()[1]!.history).toEqual(["retry:transient", "retry:transient", "failed:transient"]);
  });

  it("fails a rejected message with onFailure and goes on with the chat", async () => {
    const t = setup();
    t.adapter.failNext({ kind: "rejected", reason: "Bad Request: message text is empty" }, "telegram:-1");
    await t.store.enqueue([notice("telegram:-1", ""), notice("telegram:-1", "next")]);
    t.worker.start();
    await t.settle();
    expect(t.failed.map((f) => f.failure.kind)).toEqual(["rejected"]);
    expect(t.adapter.textsTo("telegram:-1")).toEqual(["next"]);
  });

  it("edits, treats 'not modified' as done, and fails edits on a platform that cannot edit", async () => {
    const zalo = new ScriptedAdapter("zalo", { canEdit: false });
    const telegram = new ScriptedAdapter("telegram");
    const t = setup({ adapters: [telegram, zalo] });
    telegram.failNext({ kind: "not_modified" }, "telegram:-1");
    const edit = (chat: ChatId, text: string): NewOutboxItem => ({ chat, payload: { op: "edit", messageId: "7", text }, purpose: { type: "notice" } });
    await t.store.enqueue([edit("telegram:-1", "same"), edit("telegram:-1", "Trạng thái: xong"), edit("zalo:g:1", "x")]);
    t.worker.start();
    await t.settle();
    expect(telegram.edits).toEqual([{ ref: { chat: "telegram:-1", messageId: "7" }, text: "Trạng thái: xong" }]);
    expect(t.store.all().map((i) => i.status)).toEqual(["sent", "sent", "failed"]);
    expect(t.failed[0]!.failure.kind).toBe("rejected");
  });

  it("reads files from disk at send time; an unreadable file fails that item only", async () => {
    const t = setup();
    const dir = mkdtempSync(join(tmpdir(), "dondoc-delivery-"));
    writeFileSync(join(dir, "bao-cao.xlsx"), Buffer.from("PK fake xlsx"));
    await t.store.enqueue([
      { chat: "telegram:501", payload: { op: "send", text: "Báo cáo", file: { name: "bao-cao.xlsx", path: join(dir, "bao-cao.xlsx") } }, purpose: { type: "notice" } },
      { chat: "telegram:502", payload: { op: "send", text: "Mất tệp", file: { name: "x.pdf", path: join(dir, "missing.pdf") } }, purpose: { type: "notice" } },
    ]);
    t.worker.start();
    await t.settle();
    expect(Buffer.from(t.adapter.sent[0]!.file!.bytes).toString()).toBe("PK fake xlsx");
    expect(t.failed.map((f) => [f.id, f.failure.kind])).toEqual([[2, "rejected"]]);
  });

  it("keeps items for a platform that is not running (retried, not failed)", async () => {
    const t = setup({ maxAttempts: 1000 });
    await t.store.enqueue([notice("zalo:g:1", "chờ Zalo")]);
    t.worker.start();
    await new Promise((r) => setTimeout(r, 100));
    const [item] = t.store.all();
    expect(item!.status).toBe("pending");
    expect(item!.attempts).toBeGreaterThan(0);
    expect(item!.failure).toEqual({ kind: "transient", reason: "no zalo adapter is running" });
  });

  it("never sends twice although the store answers late with stale items", async () => {
    const t = setup({ latencyMs: 15 });
    t.adapter.delayMs = 1;
    await t.store.enqueue(Array.from({ length: 30 }, (_, i) => notice(`telegram:-${(i % 3) + 1}`, `m${i}`)));
    t.worker.start();
    await t.settle();
    expect(t.adapter.sent).toHaveLength(30);
    expect(t.errors).toEqual([]);
  });
});
