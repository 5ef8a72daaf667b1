import { afterEach, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/chat/port.js";
import { createChatRouter, createDeliveryWorker, RateLimiter, type RateLimits } from "../../src/chat/delivery/index.js";
import type { SendPacer } from "../../src/chat/delivery/rate-limiter.js";
import { createTelegramAdapter } from "../../src/adapters/telegram/index.js";
import { FakeBotApi, telegramErrors } from "../fakes/bot-api-server.js";
import { ManualClock, systemClock } from "../../src/clock.js";
import { openDatabase, type Db } from "../../src/storage/database.js";
import { PrismaOutboxStore } from "../../src/storage/outbox-store.js";
import { SharedRateLimiter } from "../../src/storage/shared-rate.js";
import { takeWorkerName, WorkerLock, workerNameLock } from "../../src/storage/advisory-lock.js";
import { DIALECTS, testDatabase } from "../setup/db.js";
import { ScriptedAdapter } from "../fakes/scripted-adapter.js";
import { createStore } from "../../src/storage/store.js";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { reminderTick } from "../../src/tracking/reminder-tick.js";
import { recallFromChat } from "../../src/tracking/amendments.js";
import { setRole } from "../../src/tracking/roles.js";
import { ADMIN, assignDispatch, dispatch, LEADER, task, world } from "../tracking/helpers.js";

/**
 * Several workers on one database (decision 0702): each outbox item is claimed by one worker, a dead worker's claims
 * pass to the others after the lease, and the send rate is shared. On PostgreSQL every worker has its own connection
 * pool (as separate processes would); SQLite serves one process, so there the workers share one connection.
 */
const open: Db[] = [];
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
  while (open.length) await open.pop()!.close();
});

/** Polls `predicate` (real time) until it holds or `ms` pass; whether it held. */
async function until(predicate: () => boolean | Promise<boolean>, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

const LEASE_MS = 30_000;

/**
 * One delivery worker as `npm start` builds it with several workers — its own claims on the outbox, telegraf's real
 * client talking to the fake Bot API — on the test's clock, so a lease runs out when the test says.
 */
async function telegramWorker(db: Db, api: FakeBotApi, clock: ManualClock, owner: string, options: { renewEveryMs: number; limiter?: SendPacer }) {
  const adapter = createTelegramAdapter({ token: api.token, apiRoot: api.apiRoot }, { onInbound: async () => undefined });
  const store = new PrismaOutboxStore(db.prisma, clock, db.gate, { owner, leaseMs: LEASE_MS });
  const lost: number[] = [];
  const errors: unknown[] = [];
  const worker = createDeliveryWorker({
    store,
    router: createChatRouter([adapter]),
    limiter: options.limiter ?? new RateLimiter(),
    clock,
    onChatGone: () => undefined,
    onFailure: () => undefined,
    onError: (error) => void errors.push(error),
    onClaimLost: (item) => void lost.push(item.id),
    options: { idlePollMs: 10, renewEveryMs: options.renewEveryMs },
  });
  stops.push(() => worker.stop());
  return { store, worker, lost, errors };
}

async function outboxRow(db: Db, id: number) {
  return db.prisma.outboxItem.findUniqueOrThrow({ where: { id }, select: { status: true, claimedBy: true, claimedUntil: true, notBefore: true, sentMessageId: true } });
}

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
    expect(await a.claim(id!, clock.now())).toBe(true);
    expect(await b.claim(id!, clock.now())).toBe(false);
    expect((await b.due(clock.now(), 10)).map((i) => i.id)).toEqual([]); // not offered to the other worker
    expect((await a.due(clock.now(), 10)).map((i) => i.id)).toEqual([]); // nor again to its own worker while it sends
    clock.advance(29_000);
    expect(await b.claim(id!, clock.now())).toBe(false);
    clock.advance(2_000); // worker-a died mid-send: its lease ran out
    expect((await b.due(clock.now(), 10)).map((i) => i.id)).toEqual([id]);
    expect(await b.claim(id!, clock.now())).toBe(true);
    expect(await a.claim(id!, clock.now())).toBe(false);
    // A retry gives the item back to everyone; a sent item is nobody's.
    await b.retryLater(id!, clock.now(), { kind: "transient", reason: "x" });
    expect(await a.claim(id!, clock.now())).toBe(true);
    await a.markSent(id!, { chat: "telegram:-1", messageId: "9" }, clock.now());
    clock.advance(60_000);
    expect(await b.claim(id!, clock.now())).toBe(false);
    // A late failure or retry from a worker that lost the item does not undo the other's send.
    await b.markFailed(id!, { kind: "rejected", reason: "late" }, clock.now());
    await b.retryLater(id!, clock.now(), { kind: "transient", reason: "late" });
    expect(await dbA!.prisma.outboxItem.findUniqueOrThrow({ where: { id: id! }, select: { status: true, sentMessageId: true } }))
      .toEqual({ status: "sent", sentMessageId: "9" });
  });

  it.skipIf(skip)("a claim is a fence: a worker whose lease ran out can neither renew, reschedule nor fail what another took", async () => {
    const clock = new ManualClock(new Date("2024-01-02T01:00:00Z"));
    const [dbA, dbB] = await workersDb(dialect, 2);
    const a = new PrismaOutboxStore(dbA!.prisma, clock, dbA!.gate, { owner: "worker-a", leaseMs: LEASE_MS });
    const b = new PrismaOutboxStore(dbB!.prisma, clock, dbB!.gate, { owner: "worker-b", leaseMs: LEASE_MS });
    const c = new PrismaOutboxStore(dbA!.prisma, clock, dbA!.gate, { owner: "worker-c", leaseMs: LEASE_MS });
    const [id] = (await a.enqueue([notice("telegram:-1", "x")])) as number[];
    expect(await a.claim(id!, clock.now())).toBe(true);
    clock.advance(20_000);
    expect(await a.renew(id!, clock.now())).toBe(true); // a whole lease from now
    clock.advance(20_000);
    expect(await b.claim(id!, clock.now())).toBe(false);
    clock.advance(LEASE_MS); // worker-a stands still past its lease; worker-b takes the item over
    expect(await b.claim(id!, clock.now())).toBe(true);
    const taken = await outboxRow(dbA!, id!);
    // worker-a comes back: its claim is gone, and so is every write it allowed.
    expect(await a.renew(id!, clock.now())).toBe(false);
    await a.retryLater(id!, new Date(clock.now().getTime() + 3_600_000), { kind: "transient", reason: "late" });
    await a.markFailed(id!, { kind: "rejected", reason: "late" }, clock.now());
    expect(await outboxRow(dbA!, id!)).toEqual(taken);
    expect(taken.claimedBy).toMatch(/^worker-b#/);
    expect(await c.claim(id!, clock.now())).toBe(false); // still worker-b's: not given back to everyone by worker-a's late retry
    expect(await b.renew(id!, clock.now())).toBe(true);
    // A retry's time holds for every worker: the item is nobody's to claim before it.
    await b.retryLater(id!, new Date(clock.now().getTime() + 5_000), { kind: "rate_limited", retryAfterMs: 5_000 });
    expect(await c.claim(id!, clock.now())).toBe(false);
    clock.advance(5_000);
    expect(await c.claim(id!, clock.now())).toBe(true);
  });

  it.skipIf(skip)("a send the network holds up past the lease keeps its claim: the other worker does not send it again", async () => {
    const api = await FakeBotApi.start();
    stops.push(() => api.close());
    api.group(-100, "Sở Y tế");
    const clock = new ManualClock(new Date("2024-01-02T01:00:00Z"));
    const [dbA, dbB] = await workersDb(dialect, 2);
    const a = await telegramWorker(dbA!, api, clock, "worker-a", { renewEveryMs: 10 });
    const b = await telegramWorker(dbB!, api, clock, "worker-b", { renewEveryMs: 10 });
    const [id] = (await a.store.enqueue([notice("telegram:-100", "Thông báo")])) as number[];
    // worker-a's request is slow to reach Telegram (a congested link): Telegram has not seen it yet.
    const held = api.hold("sendMessage", { chatId: -100, when: "before" });
    a.worker.start();
    await held.reached;
    b.worker.start();
    // Twice the lease passes while the request is on its way, in half-lease steps; worker-b looks every 10 ms.
    for (let step = 0; step < 4; step++) {
      clock.advance(LEASE_MS / 2);
      const at = clock.now().getTime();
      await until(async () => ((await outboxRow(dbA!, id!)).claimedUntil?.getTime() ?? 0) >= at + LEASE_MS, 2000);
    }
    await new Promise((r) => setTimeout(r, 100));
    held.release();
    expect(await until(async () => (await outboxRow(dbA!, id!)).status === "sent")).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(api.botMessages(-100).map((m) => m.text)).toEqual(["Thông báo"]);
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect((await outboxRow(dbA!, id!)).sentMessageId).toBe("1");
  });

  it.skipIf(skip)("A claims, stalls past its lease; B claims and sends; A resumes and sends nothing: one message", async () => {
    const api = await FakeBotApi.start();
    stops.push(() => api.close());
    api.group(-100, "Sở Y tế");
    const clock = new ManualClock(new Date("2024-01-02T01:00:00Z"));
    const [dbA, dbB] = await workersDb(dialect, 2);
    let resume!: () => void;
    const stalled = new Promise<void>((r) => (resume = r));
    const pacer = new RateLimiter();
    const a = await telegramWorker(dbA!, api, clock, "worker-a", {
      renewEveryMs: 10,
      limiter: {
        waitMs: (chat) => pacer.waitMs(chat),
        pauseFor: (chat, ms) => pacer.pauseFor(chat, ms),
        tryAcquire: async (chat) => {
          await stalled; // worker-a stands still here, after its claim (the shared rate's lock, a GC pause, a frozen VM)
          return pacer.tryAcquire(chat);
        },
      },
    });
    const b = await telegramWorker(dbB!, api, clock, "worker-b", { renewEveryMs: 10 });
    const [id] = (await a.store.enqueue([notice("telegram:-100", "Thông báo")])) as number[];
    a.worker.start();
    expect(await until(async () => (await outboxRow(dbA!, id!)).claimedBy?.startsWith("worker-a") ?? false)).toBe(true);
    clock.advance(LEASE_MS + 1000);
    b.worker.start();
    expect(await until(async () => (await outboxRow(dbA!, id!)).status === "sent")).toBe(true);
    resume();
    expect(await until(() => a.lost.length > 0, 3000)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(a.lost).toEqual([id]);
    expect(api.botMessages(-100).map((m) => m.text)).toEqual(["Thông báo"]);
    expect(api.callsOf("sendMessage")).toHaveLength(1);
  });

  it.skipIf(skip)("the same when B was told 429: A resumes inside retry_after and sends nothing; the message goes once, after it", async () => {
    const api = await FakeBotApi.start();
    stops.push(() => api.close());
    api.group(-100, "Sở Y tế");
    const clock = new ManualClock(new Date("2024-01-02T01:00:00Z"));
    const [dbA, dbB] = await workersDb(dialect, 2);
    // worker-a's pacing stands still (the shared rate's lock, a GC pause, a frozen VM) after it claimed the item.
    let resume!: () => void;
    const stalled = new Promise<void>((r) => (resume = r));
    const pacer = new RateLimiter();
    const stalling: SendPacer = {
      waitMs: (chat) => pacer.waitMs(chat),
      pauseFor: (chat, ms) => pacer.pauseFor(chat, ms),
      tryAcquire: async (chat) => {
        await stalled;
        return pacer.tryAcquire(chat);
      },
    };
    const a = await telegramWorker(dbA!, api, clock, "worker-a", { renewEveryMs: 10, limiter: stalling });
    const b = await telegramWorker(dbB!, api, clock, "worker-b", { renewEveryMs: 10 });
    const [id] = (await a.store.enqueue([notice("telegram:-100", "Thông báo")])) as number[];
    a.worker.start();
    expect(await until(async () => (await outboxRow(dbA!, id!)).claimedBy?.startsWith("worker-a") ?? false)).toBe(true);
    clock.advance(LEASE_MS + 1000);
    // worker-b takes the item over and sends it; Telegram answers 429 retry after 5 s, so it goes back with that time.
    api.failNext("sendMessage", telegramErrors.tooManyRequests(5), { chatId: -100 });
    b.worker.start();
    expect(await until(async () => (await outboxRow(dbA!, id!)).claimedBy === null && api.callsOf("sendMessage").length === 1)).toBe(true);
    // worker-a resumes: its claim was taken over, so it sends nothing (before: it sent at once, inside retry_after).
    resume();
    await until(() => a.lost.length > 0 || api.botMessages(-100).length > 0, 3000);
    expect(a.lost).toEqual([id]);
    expect(api.botMessages(-100)).toEqual([]);
    // After retry_after whichever worker claims it sends it: once.
    clock.advance(5_000);
    expect(await until(async () => (await outboxRow(dbA!, id!)).status === "sent", 10_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(api.botMessages(-100).map((m) => m.text)).toEqual(["Thông báo"]);
    expect(api.callsOf("sendMessage").filter((c) => c.ok)).toHaveLength(1);
  });

  it.skipIf(skip)("what remains: a request already on its way when its worker froze past the lease goes out twice, recorded as such", async () => {
    const api = await FakeBotApi.start();
    stops.push(() => api.close());
    api.group(-100, "Sở Y tế");
    const clock = new ManualClock(new Date("2024-01-02T01:00:00Z"));
    const [dbA, dbB] = await workersDb(dialect, 2);
    // worker-a freezes with its request in the network: it renews nothing (an hour between renewals stands for that).
    const a = await telegramWorker(dbA!, api, clock, "worker-a", { renewEveryMs: 3_600_000 });
    const b = await telegramWorker(dbB!, api, clock, "worker-b", { renewEveryMs: 10 });
    const [id] = (await a.store.enqueue([notice("telegram:-100", "Thông báo")])) as number[];
    const held = api.hold("sendMessage", { chatId: -100, when: "before" });
    a.worker.start();
    await held.reached;
    clock.advance(LEASE_MS + 1000);
    b.worker.start();
    expect(await until(async () => (await outboxRow(dbA!, id!)).status === "sent")).toBe(true);
    held.release();
    expect(await until(async () => (await dbA!.prisma.event.count({ where: { type: "delivered_twice" } })) === 1)).toBe(true);
    // Telegram has no idempotency key: both copies are in the group (decision 0702); the item keeps the first.
    expect(api.botMessages(-100).map((m) => m.text)).toEqual(["Thông báo", "Thông báo"]);
    expect((await outboxRow(dbA!, id!)).sentMessageId).toBe("1");
  });

  it.skipIf(skip)("three workers racing for the same 30 items claim each exactly once", async () => {
    const dbs = await workersDb(dialect, 3);
    const stores = dbs.map((db, i) => new PrismaOutboxStore(db.prisma, systemClock, db.gate, { owner: `w${i}`, leaseMs: 60_000 }));
    const ids = (await stores[0]!.enqueue(Array.from({ length: 30 }, (_, i) => notice(`telegram:-${i + 1}`, `m${i}`)))) as number[];
    const wins = await Promise.all(stores.map(async (s) => {
      const got: number[] = [];
      for (const id of ids) if (await s.claim(id, new Date())) got.push(id);
      return got;
    }));
    expect(wins.flat().sort((x, y) => x - y)).toEqual(ids);
  });

  it.skipIf(skip)("a restarted worker gives back its earlier process's claims at start, and only those: the name matched exactly", async () => {
    const clock = new ManualClock(new Date("2024-01-02T01:00:00Z"));
    const [db] = await workersDb(dialect, 1);
    const store = (owner: string) => new PrismaOutboxStore(db!.prisma, clock, db!.gate, { owner, leaseMs: LEASE_MS });
    const ids = (await store("tram_1").enqueue(["-1", "-2", "-3", "-4"].map((c) => notice(`telegram:${c}`, c)))) as number[];
    // The earlier process under "tram_1" died holding item 1; live workers whose names a prefix or LIKE would confuse
    // with it ("_" is LIKE's any-character) hold items 2 and 3.
    expect(await store("tram_1").claim(ids[0]!, clock.now())).toBe(true);
    expect(await store("tramX1").claim(ids[1]!, clock.now())).toBe(true);
    expect(await store("tram_1-b").claim(ids[2]!, clock.now())).toBe(true);
    const restarted = store("tram_1");
    expect(await restarted.claim(ids[3]!, clock.now())).toBe(true); // its own claim of this process stays
    expect(await restarted.releaseEarlierClaims()).toBe(1);
    const owners = await Promise.all(ids.map(async (id) => (await outboxRow(db!, id)).claimedBy?.replace(/#.*/, "") ?? null));
    expect(owners).toEqual([null, "tramX1", "tram_1-b", "tram_1"]);
    expect(await restarted.claim(ids[0]!, clock.now())).toBe(true); // at once, not after the lease
    expect(await restarted.releaseEarlierClaims()).toBe(0);
  });

  it.skipIf(skip || dialect !== "postgresql")("a second live process under one WORKER_ID finds the name taken (a mis-configuration app.ts logs)", async () => {
    const [dbA, dbB] = await workersDb(dialect, 2);
    const first = new WorkerLock(dbA!, workerNameLock("tram_1"));
    const twin = new WorkerLock(dbB!, workerNameLock("tram_1"));
    const other = new WorkerLock(dbB!, workerNameLock("tramX1"));
    stops.push(() => first.release(), () => twin.release(), () => other.release());
    expect(await first.tryAcquire()).toBe(true);
    expect(await twin.tryAcquire()).toBe(false); // the twin leaves the first one's claims alone
    expect(await other.tryAcquire()).toBe(true);
    await first.release(); // the earlier process ended (on a crash the server drops its session, and the lock)
    expect(await twin.tryAcquire()).toBe(true);
  });

  it.skipIf(skip)("without WORKER_ID a process takes its host's first free slot, so a restart comes back under its old name", async () => {
    const [dbA, dbB, dbC] = await workersDb(dialect, 3);
    // Advisory locks are the whole server's: a host name of this run's own keeps parallel test files apart.
    const host = `h${process.pid}x${Math.floor(Math.random() * 1e9)}`;
    const first = await takeWorkerName(dbA!, undefined, host, 111);
    stops.push(() => first.lock.release());
    if (dialect === "sqlite") {
      expect(first).toMatchObject({ name: `${host}-111`, held: true }); // one process per database: host-pid, as always
      return;
    }
    const second = await takeWorkerName(dbB!, undefined, host, 222);
    stops.push(() => second.lock.release());
    expect([first.name, first.held, second.name, second.held]).toEqual([`${host}-1`, true, `${host}-2`, true]);
    await first.lock.release(); // the first process died: the server dropped its session and the lock
    const restarted = await takeWorkerName(dbC!, undefined, host, 333);
    stops.push(() => restarted.lock.release());
    expect([restarted.name, restarted.held]).toEqual([`${host}-1`, true]);
    // A configured name is kept even when a live twin holds it; the caller reports the mis-configuration.
    const twin = await takeWorkerName(dbA!, `${host}-2`, host, 444);
    stops.push(() => twin.lock.release());
    expect([twin.name, twin.held]).toEqual([`${host}-2`, false]);
  });

  it.skipIf(skip)("claims and leases run on the worker's clock: a store clock that stands still does not hold a 429's item", async () => {
    // The business clock a test or the demo freezes; the worker's clock (app.ts, deliveryClockOf) runs on.
    const frozen = new ManualClock(new Date("2023-06-05T02:00:00Z"));
    const [dbA, dbB] = await workersDb(dialect, 2);
    const a = new PrismaOutboxStore(dbA!.prisma, frozen, dbA!.gate, { owner: "worker-a", leaseMs: LEASE_MS });
    const b = new PrismaOutboxStore(dbB!.prisma, frozen, dbB!.gate, { owner: "worker-b", leaseMs: LEASE_MS });
    const [id] = (await a.enqueue([notice("telegram:-1", "x")])) as number[];
    const t0 = Date.parse("2026-12-07T03:00:00Z");
    expect(await a.claim(id!, new Date(t0))).toBe(true);
    await a.retryLater(id!, new Date(t0 + 3_000), { kind: "rate_limited", retryAfterMs: 3_000 });
    expect(await b.claim(id!, new Date(t0 + 1_000))).toBe(false);
    expect(await b.claim(id!, new Date(t0 + 3_000))).toBe(true);
    expect((await outboxRow(dbA!, id!)).claimedUntil).toEqual(new Date(t0 + 3_000 + LEASE_MS));
    expect(await b.renew(id!, new Date(t0 + 10_000))).toBe(true);
    expect((await outboxRow(dbA!, id!)).claimedUntil).toEqual(new Date(t0 + 10_000 + LEASE_MS));
  });

  it.skipIf(skip)("a failed item ends its claim: brought back when the bot returns to the group, it is due at once", async () => {
    const clock = new ManualClock(new Date("2024-01-02T01:00:00Z"));
    const [dbA, dbB] = await workersDb(dialect, 2);
    const a = new PrismaOutboxStore(dbA!.prisma, clock, dbA!.gate, { owner: "worker-a", leaseMs: LEASE_MS });
    const b = new PrismaOutboxStore(dbB!.prisma, clock, dbB!.gate, { owner: "worker-b", leaseMs: LEASE_MS });
    const [id] = (await a.enqueue([{ chat: "telegram:-1", payload: { op: "send", text: "x" }, purpose: { type: "task-post", assignmentIds: [] } }])) as number[];
    expect(await a.claim(id!, clock.now())).toBe(true);
    await a.markFailed(id!, { kind: "gone", reason: "kicked" }, clock.now());
    expect((await outboxRow(dbA!, id!)).claimedBy).toBeNull();
    expect(await b.requeueGone("telegram:-1", clock.now())).toBe(1);
    expect((await b.due(clock.now(), 10)).map((i) => i.id)).toEqual([id]);
    expect(await b.claim(id!, clock.now())).toBe(true);
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

  it.skipIf(skip)("two leaders recalling one dispatch at the same instant (on two workers): recalled once, each group told once", async () => {
    const w = await world(dialect);
    open.push(w.db);
    const LEADER2 = "telegram:4";
    await setRole(w, { by: ADMIN, userId: LEADER2, name: "Phó Giám đốc", role: "leader", grant: true });
    await bindChat(w, { chat: "telegram:-10", by: LEADER, unitQuery: "Sở Y tế" });
    await bindChat(w, { chat: "telegram:-11", by: LEADER, unitQuery: "Sở Nội vụ" });
    await assignDispatch(w, dispatch([
      task("1", [["Sở Y tế", "lead"], ["Sở Nội vụ", "coordinate"]]),
      task("2", [["Sở Nội vụ", "lead"]]),
    ]), "telegram:-500");
    const before = (await w.db.prisma.outboxItem.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const other = dialect === "postgresql" ? await openDatabase(w.db.url) : w.db;
    if (other !== w.db) open.push(other);
    const second = { store: createStore(other, w.clock), clock: w.clock };
    const recall = (deps: typeof second, by: string) =>
      recallFromChat(deps, { by, chat: `telegram:${by.split(":")[1]}`, messageId: null, number: "164/KH-UBND", reason: "ban hành lại" });
    const results = await Promise.all([recall(w, LEADER), recall(second, LEADER2)]);
    expect(results.map((r) => r.code).sort()).toEqual(["nothing_open", "recalled"]);
    expect(results.find((r) => r.code === "recalled")).toMatchObject({ count: 3, refs: ["1", "2"] });
    const notices = await w.db.prisma.outboxItem.findMany({ where: { id: { gt: before } }, select: { chatId: true } });
    expect(notices.map((n) => n.chatId).sort()).toEqual(["telegram:-10", "telegram:-11"]);
    expect(await w.db.prisma.event.count({ where: { type: "recalled" } })).toBe(3); // one per share, not two
    expect(await w.db.prisma.assignment.count({ where: { status: "recalled" } })).toBe(3);
    expect(await w.db.prisma.task.count({ where: { status: "recalled" } })).toBe(2);
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
