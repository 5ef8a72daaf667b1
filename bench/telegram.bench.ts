/**
 * Fan-out rate through outbox → delivery worker → Telegram adapter → telegraf's HTTP client → the fake Bot API (in
 * its own process, as Telegram is another machine) enforcing Telegram's limits scaled down in time so a run takes
 * seconds. Reported: the rate achieved as a share of the allowed rate (target ≥ 95 %), and, stricter, the shortest time
 * the sliding windows allow ÷ the time taken (as if every window were sent full in one burst); lost and doubled must
 * be 0. The last scenario scales time so far that this machine's CPU, not the limits, binds: it shows
 * where that is rather than a target.
 * Then inbound: completion replies to task posts through getUpdates → telegraf → adapter → the conversation layer →
 * SQLite (startApp's wiring, seeded synthetic posts), in updates handled per second (target ≥ 1,000/s).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createTelegramAdapter } from "../src/adapters/telegram/index.js";
import { startApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { silentLogger } from "../src/logger.js";
import { openDatabase } from "../src/storage/database.js";
import { seedSynthetic } from "../src/storage/synthetic-seed.js";
import { createChatRouter, createDeliveryWorker, RateLimiter, type RateLimits, TELEGRAM_RATE_LIMITS } from "../src/chat/delivery/index.js";
import { forkFakeBotApi } from "../test/fakes/bot-api-remote.js";
import { MemoryOutbox } from "../test/fakes/memory-outbox.js";

function scaled(factor: number): RateLimits {
  const w = (x: { limit: number; windowMs: number }) => ({ limit: x.limit, windowMs: x.windowMs / factor });
  return { global: w(TELEGRAM_RATE_LIMITS.global), group: w(TELEGRAM_RATE_LIMITS.group), private: w(TELEGRAM_RATE_LIMITS.private) };
}

interface Scenario {
  name: string;
  scale: number;
  groups: number;
  postsPerGroup: number;
}

/** Shortest time in which a sliding window lets n messages through: all windows but the last are full. */
function idealMs(s: Scenario, limits: RateLimits): number {
  const global = (Math.ceil((s.groups * s.postsPerGroup) / limits.global.limit) - 1) * limits.global.windowMs;
  const group = (Math.ceil(s.postsPerGroup / limits.group.limit) - 1) * limits.group.windowMs;
  return Math.max(global, group);
}

async function run(s: Scenario): Promise<void> {
  const limits = scaled(s.scale);
  const api = await forkFakeBotApi({ rateLimits: limits });
  const chats = Array.from({ length: s.groups }, (_, i) => -7000 - i);
  await api.groups(chats);
  const adapter = createTelegramAdapter({ token: api.token, apiRoot: api.apiRoot }, { onInbound: async () => {} });
  const store = new MemoryOutbox();
  await store.enqueue(
    chats.flatMap((id) =>
      Array.from({ length: s.postsPerGroup }, (_, n) => ({
        chat: `telegram:${id}`,
        payload: { op: "send" as const, text: `Nhiệm vụ ${n + 1} giao Đơn vị ${id} <chủ trì> & phối hợp` },
        purpose: { type: "notice" as const },
      })),
    ),
  );
  const total = chats.length * s.postsPerGroup;
  let failed = 0;
  const worker = createDeliveryWorker({
    store,
    router: createChatRouter([adapter]),
    limiter: new RateLimiter(() => limits),
    onChatGone: () => void failed++,
    onFailure: () => void failed++,
    options: { idlePollMs: 20 },
  });
  const started = performance.now();
  worker.start();
  while (store.count("pending") > 0) await new Promise((r) => setTimeout(r, 2));
  const elapsed = performance.now() - started;
  await worker.stop();
  const stats = await api.stats();
  await api.close();

  const doubled = Object.values(stats.perChat).reduce((sum, n) => sum + Math.max(0, n - s.postsPerGroup), 0);
  const lost = total - stats.ok + doubled;
  const ideal = idealMs(s, limits);
  // Group windows bind only for groups with more posts than one window holds.
  const groupRate = s.postsPerGroup > limits.group.limit ? (s.groups * limits.group.limit) / limits.group.windowMs : Infinity;
  const allowedRate = Math.min(limits.global.limit / limits.global.windowMs, groupRate) * 1000;
  const rate = (total / elapsed) * 1000;
  console.log(
    `${s.name} (limits ×${s.scale}: ${limits.global.limit}/${limits.global.windowMs} ms per bot, ${limits.group.limit}/${limits.group.windowMs} ms per group): ` +
      `${total} posts to ${s.groups} groups in ${(elapsed / 1000).toFixed(2)} s = ${rate.toFixed(1)} msg/s ` +
      `= ${((rate / allowedRate) * 100).toFixed(1)} % of the allowed ${allowedRate.toFixed(1)} msg/s; ` +
      `strictly, a sender bursting every window full could finish in ${(ideal / 1000).toFixed(2)} s (${((ideal / elapsed) * 100).toFixed(1)} %); ` +
      `lost ${lost}, doubled ${doubled}, 429s ${stats.refused}, failed ${failed}`,
  );
}

/** The Telegram edge alone: getUpdates → telegraf → adapter → per-chat queues → a handler that only counts. */
async function edge(n: number, units: number): Promise<void> {
  const api = await forkFakeBotApi({});
  let handled = 0;
  const adapter = createTelegramAdapter({ token: api.token, apiRoot: api.apiRoot }, { onInbound: async () => void handled++ });
  await adapter.start();
  const started = performance.now();
  await api.replies(Array.from({ length: n }, (_, i) => ({ chat: -(1000 + (i % units)), messageId: 10_000 + i, text: "da xong" })));
  while (handled < n && performance.now() - started < 60_000) await new Promise((r) => setTimeout(r, 2));
  const elapsed = performance.now() - started;
  await adapter.stop();
  await api.close();
  console.log(`inbound edge only: ${handled} updates via getUpdates → telegraf → adapter in ${(elapsed / 1000).toFixed(2)} s = ${((handled / elapsed) * 1000).toFixed(0)} updates/s`);
}

async function inbound(n: number, units: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-tg-bench-"));
  const file = join(dir, "bench.db");
  (await openDatabase(`file:${file}`)).close(); // migrate
  const data = seedSynthetic(file, { units, assignments: n, deadline: () => "2024-03-20" });
  const api = await forkFakeBotApi({});
  await api.groups(Array.from({ length: units }, (_, u) => -(1000 + u)));
  const parsed = parseConfig({ DATABASE_URL: `file:${file}`, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, FILES_DIR: join(dir, "files") });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const offset = Date.parse("2024-03-05T02:00:00Z") - Date.now();
  const app = await startApp(parsed.config, { clock: { now: () => new Date(Date.now() + offset) }, logger: silentLogger, runRemindersAtStart: false });
  const read = new Database(file, { readonly: true });
  const done = () => (read.prepare("SELECT COUNT(*) AS c FROM Assignment WHERE status = 'done'").get() as { c: number }).c;
  const replies = Array.from({ length: n }, (_, i) => ({
    chat: Number(data.chatOf(i).slice("telegram:".length)),
    messageId: Number(data.messageOf(i)),
    text: i % 2 ? "đã hoàn thành" : "da xong",
  }));
  const started = performance.now();
  await api.replies(replies);
  while (done() < n && performance.now() - started < 120_000) await new Promise((r) => setTimeout(r, 5));
  const elapsed = performance.now() - started;
  const closed = done();
  await app.stop();
  read.close();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `inbound: ${n} completion replies from ${units} groups via getUpdates → telegraf → adapter → conversation layer → SQLite ` +
      `in ${(elapsed / 1000).toFixed(2)} s = ${((closed / elapsed) * 1000).toFixed(0)} updates/s (closed ${closed}/${n}; target ≥ 1,000/s)`,
  );
}

export default async function (): Promise<void> {
  await run({ name: "fan-out, bot-wide limit binds", scale: 2, groups: 40, postsPerGroup: 9 });
  await run({ name: "fan-out, per-group limit binds", scale: 20, groups: 5, postsPerGroup: 30 });
  await run({ name: "fan-out, CPU-bound (informative)", scale: 10, groups: 60, postsPerGroup: 10 });
  await edge(10_000, 50);
  await inbound(1500, 50);
}
