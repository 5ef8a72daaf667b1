/**
 * Several workers on PostgreSQL beside one on SQLite, from one run (issue 15, decision 0702):
 * 1. Completion replies per second through recordReply (the tracking core and its hot-path SQL): SQLite with one
 *    worker, PostgreSQL with one and with three workers (three connection pools in this process, replies split
 *    between them and run concurrently; one Node thread does the JavaScript for all three).
 * 2. Fan-out: posts enqueued for many groups and delivered through startApp's wiring — telegraf, the outbox, and on
 *    PostgreSQL the item claims and the shared rate — to the fake Bot API in its own process, Telegram's limits
 *    scaled down in time on both sides. With three workers the shared rate must keep the bot-wide limit (0 refused).
 * PostgreSQL: DONDOC_BENCH_POSTGRES_URL or DONDOC_TEST_POSTGRES_URL, else a throw-away cluster (scripts/pg-throwaway.sh).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type App, startApp } from "../src/app.js";
import { type RateLimits, TELEGRAM_RATE_LIMITS } from "../src/chat/delivery/index.js";
import { ManualClock } from "../src/clock.js";
import { parseConfig } from "../src/config.js";
import { silentLogger } from "../src/logger.js";
import { type Db, openDatabase } from "../src/storage/database.js";
import { createStore } from "../src/storage/store.js";
import { seedSyntheticDb } from "../src/storage/synthetic-seed.js";
import { recordReply } from "../src/tracking/record-reply.js";
import { forkFakeBotApi } from "../test/fakes/bot-api-remote.js";
import { freshUrl, postgresServer } from "./pg-server.js";

/**
 * `streams` replies in flight per worker at once, as a worker handles different chats concurrently (one queue per
 * chat); each stream takes every (workers × streams)-th reply.
 */
async function replies(label: string, server: string | null, workers: number, n: number, streams = 1): Promise<void> {
  const fresh = await freshUrl(server);
  const dbs: Db[] = [];
  for (let i = 0; i < workers; i++) dbs.push(await openDatabase(fresh.url));
  const data = await seedSyntheticDb(dbs[0]!, { units: 200, assignments: n, deadline: () => "2024-03-20" });
  const clock = new ManualClock(new Date("2024-03-05T02:00:00Z"));
  const stores = dbs.map((db) => createStore(db, clock));
  const reply = (k: number, i: number) => recordReply({ store: stores[k]!, clock }, {
    eventId: `e${i}`, chat: data.chatOf(i), chatType: "group", messageId: `m${i}`, sender: { id: "telegram:9", name: "x" },
    text: i % 2 ? "đã hoàn thành" : "da xong a", replyTo: { messageId: data.messageOf(i) }, attachments: [],
  });
  const t0 = performance.now();
  let closed = 0;
  const lanes = workers * streams;
  await Promise.all(Array.from({ length: lanes }, async (_, lane) => {
    for (let i = lane; i < n; i += lanes) {
      const r = await reply(lane % workers, i);
      if (r.code === "recorded" && r.outcomes[0]?.outcome === "closed") closed++;
    }
  }));
  const ms = performance.now() - t0;
  console.log(`replies, ${label}: ${n} completion replies in ${ms.toFixed(0)} ms = ${((n / ms) * 1000).toFixed(0)} replies/s (closed ${closed})`);
  for (const db of dbs) await db.close();
  await fresh.drop();
}

function scaled(factor: number): RateLimits {
  const w = (x: { limit: number; windowMs: number }) => ({ limit: x.limit, windowMs: x.windowMs / factor });
  return { global: w(TELEGRAM_RATE_LIMITS.global), group: w(TELEGRAM_RATE_LIMITS.group), private: w(TELEGRAM_RATE_LIMITS.private) };
}

async function fanOut(label: string, server: string | null, workers: number, scale: number, groups: number, perGroup: number): Promise<void> {
  const limits = scaled(scale);
  const api = await forkFakeBotApi({ rateLimits: limits });
  const chats = Array.from({ length: groups }, (_, i) => -8000 - i);
  await api.groups(chats);
  const fresh = await freshUrl(server);
  const dir = mkdtempSync(join(tmpdir(), "dondoc-bench-fanout-"));
  const apps: App[] = [];
  for (let k = 0; k < workers; k++) {
    const parsed = parseConfig({
      DATABASE_URL: fresh.url, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, FILES_DIR: join(dir, `files${k}`), WORKER_ID: `w${k}`,
    });
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    apps.push(await startApp(parsed.config, { logger: silentLogger, runRemindersAtStart: false, rateLimits: () => limits }));
  }
  const total = groups * perGroup;
  const items = Array.from({ length: total }, (_, k) => ({
    chat: `telegram:${chats[k % groups]}`,
    payload: { op: "send" as const, text: `Nhiệm vụ ${Math.floor(k / groups) + 1} <chủ trì> & phối hợp` },
    purpose: { type: "notice" as const },
  }));
  const db = apps[0]!.deps.store.db;
  const pending = async () => Number(await db.sql.value(`SELECT COUNT(*) FROM "OutboxItem" WHERE status = 'pending'`));
  const started = performance.now();
  await apps[0]!.deps.store.outbox.enqueue(items);
  for (const app of apps) app.delivery.kick();
  while ((await pending()) > 0 && performance.now() - started < 180_000) await new Promise((r) => setTimeout(r, 5));
  const elapsed = performance.now() - started;
  const stats = await api.stats();
  for (const app of apps) await app.stop();
  await api.close();
  await fresh.drop();
  rmSync(dir, { recursive: true, force: true });
  const doubled = Object.values(stats.perChat).reduce((sum, n) => sum + Math.max(0, n - perGroup), 0);
  const groupRate = perGroup > limits.group.limit ? (groups * limits.group.limit) / limits.group.windowMs : Infinity;
  const allowed = Math.min(limits.global.limit / limits.global.windowMs, groupRate) * 1000;
  const rate = (total / elapsed) * 1000;
  console.log(
    `fan-out, ${label}: ${total} posts to ${groups} groups in ${(elapsed / 1000).toFixed(2)} s = ${rate.toFixed(1)} msg/s ` +
      `= ${((rate / allowed) * 100).toFixed(1)} % of the allowed ${allowed.toFixed(1)} msg/s (limits ×${scale}); ` +
      `lost ${total - stats.ok + doubled}, doubled ${doubled}, 429s ${stats.refused}`,
  );
}

export default async function (): Promise<void> {
  const pgServer = await postgresServer();
  try {
    const n = Number(process.env.DONDOC_BENCH_REPLIES ?? 3000);
    await replies("SQLite, 1 worker", null, 1, n);
    await replies("PostgreSQL, 1 worker", pgServer.url, 1, n);
    await replies("PostgreSQL, 3 workers", pgServer.url, 3, n);
    await replies("SQLite, 1 worker, 8 chats at once", null, 1, n, 8);
    await replies("PostgreSQL, 1 worker, 8 chats at once", pgServer.url, 1, n, 8);
    await replies("PostgreSQL, 3 workers, 8 chats at once each", pgServer.url, 3, n, 8);
    // Telegram's own limits (30 msg/s per bot binds): whether one worker or three, with the shared rate, reach the ceiling.
    for (const [label, server, workers] of [["SQLite, 1 worker", null, 1], ["PostgreSQL, 1 worker", pgServer.url, 1], ["PostgreSQL, 3 workers", pgServer.url, 3]] as const) {
      await fanOut(label, server, workers, 1, 60, 6);
    }
  } finally {
    pgServer.stop();
  }
}
