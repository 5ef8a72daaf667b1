import { afterEach, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/chat/port.js";
import { createChatRouter, createDeliveryWorker, type RateLimits } from "../../src/chat/delivery/index.js";
import { ManualClock, systemClock } from "../../src/clock.js";
import { openDatabase, type Db } from "../../src/storage/database.js";
import { PrismaOutboxStore } from "../../src/storage/outbox-store.js";
import { SharedRateLimiter } from "../../src/storage/shared-rate.js";
import { DIALECTS, testDatabase } from "../setup/db.js";
import { ScriptedAdapter } from "../fakes/scripted-adapter.js";
import { createStore } from "../../src/storage/store.js";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { reminderTick } from "../../src/tracking/reminder-tick.js";
import { assignDispatch, dispatch, LEADER, task, world } from "../tracking/helpers.js";

/**
 * Several workers on one database (decision 0702): each outbox item is claimed by one worker, a dead worker's claims
 * pass to the others after the lease, and the send rate is shared. On PostgreSQL every worker has its own connection
 * pool (as separate processes would); SQLite serves one process, so there the workers share one connection.
 */
const open: Db[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** `n` handles on one fresh database: separate pools on PostgreSQL, the same Db on SQLite. */
async function workersDb(dialect: "sqlite" | "postgresql", n: number): Promise<Db[]> {
  const first = await testDatabase(dialect);
  open.push(first);
  const dbs = [first];
  for (let i = 1; i < n; i++) {
    const db = dialect === "postgresql" ? await openDatabase(first.url) : first;
    if (db !== first) open.push(db);
    dbs.push(db);
  }
  return dbs;
}

const notice = (chat: string, text: string) => ({ chat, payload: { op: "send" as const, text }, purpose: { type: "notice" as const } });
const textOf = (m: OutgoingMessage) => m.text;

describe.each(DIALECTS)("several workers on one $dialect database", ({ dialect, skip }) => {
  it.skipIf(skip)("an item is claimed by one worker; a dead worker's claim passes to another after the lease", async () => {
    const clock = new ManualClock(new Date("2024-01-02T01:00:00Z"));
    const [dbA, dbB] = await workersDb(dialect, 2);
    const a = new PrismaOutboxStore(dbA!.prisma, clock, dbA!.gate, { owner: "worker-a", leaseMs: 30_000 });
    const b = new PrismaOutboxStore(dbB!.prisma, clock, dbB!.gate, { owner: "worker-b", leaseMs: 30_000 });
    const [id] = (await a.enqueue([notice("telegram:-1", "x")])) as number[];
    expect(await a.claim(id!)).toBe(true);
    expect(await b.claim(id!)).toBe(false);
    expect((await b.due(clock.now(), 10)).map((i) => i.id)).toEqual([]); // not offered to the other worker
    expect((await a.due(clock.now(), 10)).map((i) => i.id)).toEqual([id]);
    clock.advance(29_000);
    expect(await b.claim(id!)).toBe(false);
    clock.advance(2_000); // worker-a died mid-send: its lease ran out
    expect((await b.due(clock.now(), 10)).map((i) => i.id)).toEqual([id]);
    expect(await b.claim(id!)).toBe(true);
    expect(await a.claim(id!)).toBe(false);
    // A retry gives the item back to everyone; a sent item is nobody's.
    await b.retryLater(id!, clock.now(), { kind: "transient", reason: "x" });
    expect(await a.claim(id!)).toBe(true);
    await a.markSent(id!, { chat: "telegram:-1", messageId: "9" }, clock.now());
    clock.advance(60_000);
    expect(await b.claim(id!)).toBe(false);
    // A late failure or retry from a worker that lost the item does not undo the other's send.
    await b.markFailed(id!, { kind: "rejected", reason: "late" }, clock.now());
    await b.retryLater(id!, clock.now(), { kind: "transient", reason: "late" });
    expect(await dbA!.prisma.outboxItem.findUniqueOrThrow({ where: { id: id! }, select: { status: true, sentMessageId: true } }))
      .toEqual({ status: "sent", sentMessageId: "9" });
  });

  it.skipIf(skip)("three workers racing for the same 30 items claim each exactly once", async () => {
    const dbs = await workersDb(dialect, 3);
    const stores = dbs.map((db, i) => new PrismaOutboxStore(db.prisma, systemClock, db.gate, { owner: `w${i}`, leaseMs: 60_000 }));
    const ids = (await stores[0]!.enqueue(Array.from({ length: 30 }, (_, i) => notice(`telegram:-${i + 1}`, `m${i}`)))) as number[];
    const wins = await Promise.all(stores.map(async (s) => {
      const got: number[] = [];
      for (const id of ids) if (await s.claim(id)) got.push(id);
      return got;
    }));
    expect(wins.flat().sort((x, y) => x - y)).toEqual(ids);
  });

  it.skipIf(skip)("the per-group and global windows are shared: three pacers together grant what one would", async () => {
    const dbs = await workersDb(dialect, 3);
    let now = Date.parse("2024-01-02T01:00:00Z");
    const limits: RateLimits = { global: { limit: 8, windowMs: 1000 }, group: { limit: 3, windowMs: 60_000 }, private: { limit: 1, windowMs: 1000 } };
    const pacers = dbs.map((db) => new SharedRateLimiter(db, () => limits, () => now));
    const tries = await Promise.all(pacers.flatMap((p) => [1, 2, 3, 4].map(() => p.tryAcquire("telegram:-100"))));
    const granted = tries.filter((t) => typeof t !== "number");
    expect(granted).toHaveLength(3); // 20 a minute per group for the bot, not per worker
    for (const slot of granted) if (typeof slot !== "number") slot.settle();
    const wait = tries.find((t) => typeof t === "number") as number;
    expect(wait).toBeGreaterThan(59_000);
    // Other groups share the global window: 8 a second across all workers.
    const others = await Promise.all(pacers.flatMap((p, i) => [1, 2, 3, 4].map((j) => p.tryAcquire(`telegram:-${200 + i * 10 + j}`))));
    expect(others.filter((t) => typeof t !== "number")).toHaveLength(5);
    now += 61_000;
    const again = await Promise.all(pacers.map((p) => p.tryAcquire("telegram:-100")));
    expect(again.filter((t) => typeof t !== "number")).toHaveLength(3);
  });

  it.skipIf(skip)("three delivery workers drain one outbox: every message once, in order per chat, within the shared group rate", async () => {
    const dbs = await workersDb(dialect, 3);
    const windowMs = 400;
    const limits: RateLimits = { global: { limit: 1000, windowMs: 1000 }, group: { limit: 2, windowMs }, private: { limit: 1, windowMs } };
    const log: Array<{ worker: number; chat: string; text: string; at: number }> = [];
    const workers = dbs.map((db, i) => {
      const adapter = new ScriptedAdapter("telegram");
      adapter.delayMs = 5;
      const send = adapter.send.bind(adapter);
      adapter.send = async (m) => {
        const ref = await send(m);
        log.push({ worker: i, chat: m.chat, text: textOf(m), at: Date.now() });
        return ref;
      };
      return createDeliveryWorker({
        store: new PrismaOutboxStore(db.prisma, systemClock, db.gate, { owner: `w${i}`, leaseMs: 30_000 }),
        router: createChatRouter([adapter]),
        limiter: new SharedRateLimiter(db, () => limits),
        onChatGone: () => undefined,
        onFailure: () => undefined,
        options: { idlePollMs: 20 },
      });
    });
    const chats = Array.from({ length: 8 }, (_, i) => `telegram:-${500 + i}`);
    const store = new PrismaOutboxStore(dbs[0]!.prisma, systemClock, dbs[0]!.gate);
    await store.enqueue([1, 2, 3, 4, 5, 6].flatMap((n) => chats.map((c) => notice(c, `${c} #${n}`))));
    workers.forEach((w) => w.start());
    const deadline = Date.now() + 20_000;
    while (log.length < 48 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    await Promise.all(workers.map((w) => w.stop()));
    expect(log).toHaveLength(48);
    for (const chat of chats) {
      const sends = log.filter((l) => l.chat === chat);
      expect(sends.map((s) => s.text)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${chat} #${n}`));
      // Never more than 2 in any 400 ms, whichever workers sent them (the adapter logs after the answer, so a send
      // logged ≥ windowMs after the one two before it is within the limit).
      for (let i = 2; i < sends.length; i++) expect(sends[i]!.at - sends[i - 2]!.at).toBeGreaterThanOrEqual(windowMs - 5);
    }
    if (dialect === "postgresql") expect(new Set(log.map((l) => l.worker)).size).toBeGreaterThan(1);
  });

  it.skipIf(skip)("three workers ticking the same reminder slot at once enqueue each digest once, and roll a recurring task once", async () => {
    const w = await world(dialect);
    open.push(w.db);
    await bindChat(w, { chat: "telegram:-10", by: LEADER, unitQuery: "Sở Y tế" });
    await bindChat(w, { chat: "telegram:-11", by: LEADER, unitQuery: "Sở Nội vụ" });
    await assignDispatch(w, dispatch([
      task("1", [["Sở Y tế", "lead"]], "2023-06-20"),
      task("2", [["Sở Nội vụ", "lead"]], "2023-06-20"),
      task("3", [["Sở Nội vụ", "lead"]], "2023-06-05", "monthly"), // passed: rolls to its next occurrence
    ]), "telegram:-500");
    const before = (await w.db.prisma.outboxItem.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const others = dialect === "postgresql" ? [await openDatabase(w.db.url), await openDatabase(w.db.url)] : [w.db, w.db];
    open.push(...others.filter((db) => db !== w.db));
    w.clock.set(new Date("2023-06-13T08:30:00+07:00")); // T-7 for tasks 1 and 2
    const stores = [w.store, ...others.map((db) => createStore(db, w.clock))];
    const results = await Promise.all(stores.map((store) => reminderTick({ store, clock: w.clock })));
    // One digest per unit chat and the leader's digest (to the chat the dispatch came from), whoever enqueued them.
    expect(results.reduce((n, r) => n + r.messages, 0)).toBe(3);
    // Plus one notice to Sở Nội vụ that task 3's next occurrence opened (issue 10): sent by whichever worker rolled it,
    // once, not by all three.
    const enqueued = await w.db.prisma.outboxItem.findMany({ where: { id: { gt: before } }, select: { chatId: true } });
    expect(enqueued.map((i) => i.chatId).sort()).toEqual(["telegram:-10", "telegram:-11", "telegram:-11", "telegram:-500"]);
    expect(results.reduce((n, r) => n + r.rolled, 0)).toBe(1);
    expect(await w.db.prisma.task.count({ where: { ref: "3" } })).toBe(2); // rolled once, not three times
    // The same slot later (another worker's next tick, or after a restart): nothing more.
    w.clock.set(new Date("2023-06-13T09:30:00+07:00"));
    expect((await reminderTick({ store: stores[2]!, clock: w.clock })).messages).toBe(0);
  });

  it.skipIf(skip)("a group's language and the office settings changed on one worker reach the others", async () => {
    const dbs = await workersDb(dialect, 2);
    const [a, b] = dbs.map((db) => createStore(db, systemClock, { cacheMs: 150 }));
    expect(await b!.chatLangs.of("telegram:-77")).toBeNull(); // b has read (and cached) the old answers
    expect((await b!.directory.settings()).requireApproval).toBe(false);
    await a!.chatLangs.save("telegram:-77", "en", new Date());
    await a!.directory.saveSettings({ requireApproval: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(await b!.chatLangs.of("telegram:-77")).toBe("en");
    expect((await b!.directory.settings()).requireApproval).toBe(true);
  });
});
