// Outbox → delivery worker → Telegram adapter → telegraf's HTTP client → fake Bot API with Telegram's limits enforced.
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramAdapter } from "../../../src/adapters/telegram/index.js";
import { createChatRouter, createDeliveryWorker, type DeliveryWorker, RateLimiter, type RateLimits } from "../../../src/chat/delivery/index.js";
import type { NewOutboxItem } from "../../../src/chat/outbox.js";
import type { ChatAdapter, ChatId, SendFailure } from "../../../src/chat/port.js";
import { telegramErrors } from "../../fakes/bot-api-server.js";
import { MemoryOutbox } from "../../fakes/memory-outbox.js";
import { ALICE, type TelegramHarness, startTelegram } from "./harness.js";

// Telegram's limits scaled down 1:20 in time for groups (20 per 3 s), global 30 per 250 ms, private 1 per 100 ms.
const LIMITS: RateLimits = {
  global: { limit: 30, windowMs: 250 },
  group: { limit: 20, windowMs: 3000 },
  private: { limit: 1, windowMs: 100 },
};
const GROUPS = [-5001, -5002, -5003, -5004, -5005];

let h: TelegramHarness;
const workers: DeliveryWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await h.close();
});

const post = (chat: ChatId, text: string): NewOutboxItem => ({ chat, payload: { op: "send", text }, purpose: { type: "task-post", assignmentIds: [text] } });

function deliver(store: MemoryOutbox, adapter: ChatAdapter = h.adapter) {
  const gone: Array<{ chat: ChatId; failure: SendFailure }> = [];
  const failed: SendFailure[] = [];
  const worker = createDeliveryWorker({
    store,
    router: createChatRouter([adapter]),
    limiter: new RateLimiter(() => LIMITS),
    onChatGone: (chat, failure) => void gone.push({ chat, failure }),
    onFailure: (_item, failure) => void failed.push(failure),
    options: { idlePollMs: 50 },
  });
  workers.push(worker);
  worker.start();
  return { worker, gone, failed };
}

async function allSettled(store: MemoryOutbox, timeoutMs = 20_000): Promise<void> {
  await h.api.waitFor(() => store.count("pending") === 0, timeoutMs, "the outbox to drain");
}

function textsIn(chat: number): string[] {
  return h.api.botMessages(chat).map((m) => m.text ?? "");
}

async function startWithGroups(): Promise<void> {
  h = await startTelegram({ api: { rateLimits: LIMITS } });
  for (const id of GROUPS) h.api.group(id, `Đơn vị ${id}`);
}

describe("delivery through Telegram", () => {
  it("delivers everything, in order per chat, through injected 429s", async () => {
    await startWithGroups();
    const store = new MemoryOutbox();
    await store.enqueue(GROUPS.flatMap((g) => [1, 2, 3, 4, 5, 6].map((n) => post(`telegram:${g}`, `NV ${g}/${n}`))));
    h.api.failNext("sendMessage", telegramErrors.tooManyRequests(1), { chatId: -5002, times: 2 });
    h.api.failNext("sendMessage", telegramErrors.tooManyRequests(1), { chatId: -5004 });
    const { failed } = deliver(store);
    await allSettled(store);
    for (const g of GROUPS) expect(textsIn(g)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `NV ${g}/${n}`));
    expect(h.api.callsOf("sendMessage").filter((c) => c.error && "error_code" in c.error && c.error.error_code === 429)).toHaveLength(3);
    expect(store.all().filter((i) => i.history.includes("retry:rate_limited")).map((i) => i.chat)).toEqual([
      "telegram:-5002",
      "telegram:-5004",
    ]);
    expect(failed).toEqual([]);
  });

  it("stays under Telegram's limits on its own: more posts than a group's window allows, no 429 at all", async () => {
    await startWithGroups();
    const store = new MemoryOutbox();
    await store.enqueue([...Array.from({ length: 25 }, (_, n) => post("telegram:-5001", `#${n}`)), post(`telegram:${ALICE.id}`, "a"), post(`telegram:${ALICE.id}`, "b")]);
    deliver(store);
    await allSettled(store);
    expect(textsIn(-5001)).toEqual(Array.from({ length: 25 }, (_, n) => `#${n}`));
    expect(textsIn(ALICE.id)).toEqual(["a", "b"]);
    expect(h.api.calls.filter((c) => !c.ok)).toEqual([]);
  });

  it("a kicked bot: the chat's posts fail as gone, the core is told, other chats go on", async () => {
    await startWithGroups();
    h.api.updates.botRemoved(-5003, ALICE);
    const store = new MemoryOutbox();
    await store.enqueue([post("telegram:-5003", "a"), post("telegram:-5001", "b"), post("telegram:-5003", "c")]);
    const { gone, failed } = deliver(store);
    await allSettled(store);
    expect(gone.map((g) => g.chat)).toEqual(["telegram:-5003", "telegram:-5003"]);
    expect(gone[0]!.failure).toEqual({ kind: "gone", reason: "Forbidden: bot was kicked from the group chat" });
    expect(store.all().map((i) => i.status)).toEqual(["failed", "sent", "failed"]);
    expect(textsIn(-5001)).toEqual(["b"]);
    expect(failed).toEqual([]);
  });

  it("a group upgraded to a supergroup: pending posts follow it and are resent to the new id, in order", async () => {
    await startWithGroups();
    h.api.updates.migrate(-5005, -1005005, ALICE);
    const store = new MemoryOutbox();
    await store.enqueue([post("telegram:-5005", "1"), post("telegram:-5005", "2"), post("telegram:-5005", "3")]);
    deliver(store);
    await allSettled(store);
    expect(textsIn(-1005005)).toEqual(["1", "2", "3"]);
    expect(store.moves).toEqual([{ from: "telegram:-5005", to: "telegram:-1005005" }]);
    expect(store.all().every((i) => i.status === "sent" && i.chat === "telegram:-1005005")).toBe(true);
  });

  it("a restart in the middle of fan-out loses nothing and doubles nothing", async () => {
    await startWithGroups();
    const chats = [...GROUPS, -5006, -5007, -5008];
    for (const id of chats) h.api.group(id, `Đơn vị ${id}`);
    let store = new MemoryOutbox({ latencyMs: 1 });
    await store.enqueue(chats.flatMap((g) => Array.from({ length: 25 }, (_, n) => post(`telegram:${g}`, `${g}#${n}`))));
    const first = deliver(store);
    await h.api.waitFor(() => h.api.callsOf("sendMessage").length >= 60, 10_000, "fan-out to start");
    await first.worker.stop(); // the process is told to stop mid-fan-out: in-flight sends finish and are marked
    const sentBefore = store.count("sent");
    expect(sentBefore).toBeGreaterThan(0);
    expect(store.count("pending")).toBeGreaterThan(0);

    // A new process: the database file survives, a new adapter connects.
    store = MemoryOutbox.restore(store.snapshot(), { latencyMs: 1 });
    const adapter = createTelegramAdapter({ token: h.api.token, apiRoot: h.api.apiRoot }, { onInbound: async () => {} });
    deliver(store, adapter);
    await allSettled(store);
    for (const g of chats) expect(textsIn(g)).toEqual(Array.from({ length: 25 }, (_, n) => `${g}#${n}`));
    expect(h.api.callsOf("sendMessage").filter((c) => c.ok)).toHaveLength(chats.length * 25);
    expect(store.count("sent")).toBe(chats.length * 25);
  });
});
