/**
 * The loop's two throughput figures, on a real SQLite file:
 * 1. Completion replies handled per second by the conversation layer in-process (bot.handle → recordReply → status
 *    edit enqueued in the outbox → event marked handled), target ≥ 1,000/s. bench/telegram.bench.ts measures the same
 *    replies arriving over HTTP through telegraf; this one isolates the handler and storage.
 * 2. Fan-out through startApp's wiring with the SQLite outbox (telegram.bench.ts uses an in-memory outbox): posts
 *    enqueued for many groups, delivered by the worker through telegraf to the fake Bot API in its own process,
 *    Telegram's limits scaled down in time on both sides. Target ≥ 95 % of the allowed rate, 0 lost, 0 doubled.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "../src/app.js";
import { createBot } from "../src/bot/index.js";
import type { BotDeps } from "../src/bot/deps.js";
import { type RateLimits, TELEGRAM_RATE_LIMITS } from "../src/chat/delivery/index.js";
import { ManualClock } from "../src/clock.js";
import { parseConfig } from "../src/config.js";
import { readDispatch } from "../src/dispatch/reader.js";
import { extractText } from "../src/ingest/index.js";
import { silentLogger } from "../src/logger.js";
import { openDatabase } from "../src/storage/database.js";
import { createStore } from "../src/storage/store.js";
import { seedSynthetic } from "../src/storage/synthetic-seed.js";
import { forkFakeBotApi } from "../test/fakes/bot-api-remote.js";

async function replies(n: number, units: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-loop-bench-"));
  const file = join(dir, "bench.db");
  (await openDatabase(`file:${file}`)).close(); // migrate
  const data = seedSynthetic(file, { units, assignments: n + 200, deadline: () => "2024-03-20" });
  const db = await openDatabase(`file:${file}`);
  const clock = new ManualClock(new Date("2024-03-05T02:00:00Z"));
  const deps: BotDeps = {
    store: createStore(db, clock),
    clock,
    logger: silentLogger,
    readDispatch: (text, refDate) => readDispatch(text, { refDate }),
    extractText: (bytes, name) => extractText(bytes, name),
    settings: {
      defaultLang: "vi", botUsernames: { telegram: "dondoc_bot" }, maxMessageLength: { telegram: 4096, zalo: 2000 },
      maxFileBytes: 20 * 1024 * 1024, filesDir: join(dir, "files"), joinQuietMs: 2500, editablePlatforms: ["telegram"],
    },
  };
  const bot = createBot(deps);
  // As Telegram delivers a reply: with the text of the task message it answers.
  const shown = "📄 Kế hoạch số 1/KH-UBND ngày 01/03/2024\nGiao Sở 1 thực hiện:\n1. [1] Chủ trì: Nội dung nhiệm vụ\n   ⏰ Hạn: 20/03/2024\n\nKhi hoàn thành, trả lời (reply) tin nhắn này.";
  const reply = (i: number, text: string) =>
    bot.handle({
      kind: "message", eventId: `telegram:update:${i}`, chat: data.chatOf(i), chatType: "group", messageId: `r${i}`,
      sender: { id: "telegram:9001", name: "Cán bộ" }, text, replyTo: { messageId: data.messageOf(i), fromBot: true, text: shown },
      attachments: [], at: clock.now(),
    });
  for (let i = n; i < n + 200; i++) await reply(i, "da xong"); // warm-up on assignments not measured
  const started = performance.now();
  for (let i = 0; i < n; i++) await reply(i, i % 2 ? "đã hoàn thành" : "da xong");
  const ms = performance.now() - started;
  const closed = db.read.prepare("SELECT COUNT(*) FROM Assignment WHERE status = 'done'").pluck().get() as number;
  const edits = db.read.prepare("SELECT COUNT(*) FROM OutboxItem WHERE payload LIKE '{\"op\":\"edit\"%'").pluck().get() as number;
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `handler: ${n} completion replies through bot.handle with SQLite in ${ms.toFixed(0)} ms = ${((n / ms) * 1000).toFixed(0)} updates/s ` +
      `(closed ${closed - 200}/${n}, status edits enqueued ${edits - 200}; target ≥ 1,000/s)`,
  );
}

function scaled(factor: number): RateLimits {
  const w = (x: { limit: number; windowMs: number }) => ({ limit: x.limit, windowMs: x.windowMs / factor });
  return { global: w(TELEGRAM_RATE_LIMITS.global), group: w(TELEGRAM_RATE_LIMITS.group), private: w(TELEGRAM_RATE_LIMITS.private) };
}

async function fanOut(scale: number, groups: number, perGroup: number): Promise<void> {
  const limits = scaled(scale);
  const api = await forkFakeBotApi({ rateLimits: limits });
  const chats = Array.from({ length: groups }, (_, i) => -8000 - i);
  await api.groups(chats);
  const dir = mkdtempSync(join(tmpdir(), "dondoc-loop-fanout-"));
  const parsed = parseConfig({ DATABASE_URL: `file:${join(dir, "bench.db")}`, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, FILES_DIR: join(dir, "files") });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const app = await startApp(parsed.config, { logger: silentLogger, runRemindersAtStart: false, rateLimits: () => limits });
  const total = groups * perGroup;
  // Round-robin order, as a confirmed dispatch enqueues one post per unit, several dispatches in a row.
  const items = Array.from({ length: total }, (_, k) => ({
    chat: `telegram:${chats[k % groups]}`,
    payload: { op: "send" as const, text: `Nhiệm vụ ${Math.floor(k / groups) + 1} <chủ trì> & phối hợp` },
    purpose: { type: "notice" as const },
  }));
  const pending = app.deps.store.db.read.prepare("SELECT COUNT(*) FROM OutboxItem WHERE status = 'pending'").pluck();
  const failed = app.deps.store.db.read.prepare("SELECT COUNT(*) FROM OutboxItem WHERE status = 'failed'").pluck();
  const started = performance.now();
  await app.deps.store.outbox.enqueue(items);
  app.delivery.kick();
  while ((pending.get() as number) > 0 && performance.now() - started < 120_000) await new Promise((r) => setTimeout(r, 2));
  const elapsed = performance.now() - started;
  const stats = await api.stats();
  const failedCount = failed.get() as number;
  await app.stop();
  await api.close();
  rmSync(dir, { recursive: true, force: true });

  const doubled = Object.values(stats.perChat).reduce((sum, n) => sum + Math.max(0, n - perGroup), 0);
  const lost = total - stats.ok + doubled;
  const groupRate = perGroup > limits.group.limit ? (groups * limits.group.limit) / limits.group.windowMs : Infinity;
  const allowed = Math.min(limits.global.limit / limits.global.windowMs, groupRate) * 1000;
  const rate = (total / elapsed) * 1000;
  // Stricter: the shortest time sliding windows allow (every window but the last sent full at once) ÷ time taken.
  const idealMs = Math.max(
    (Math.ceil(total / limits.global.limit) - 1) * limits.global.windowMs,
    (Math.ceil(perGroup / limits.group.limit) - 1) * limits.group.windowMs,
  );
  console.log(
    `fan-out via startApp + SQLite outbox (limits ×${scale}: ${limits.global.limit}/${limits.global.windowMs} ms per bot, ` +
      `${limits.group.limit}/${limits.group.windowMs} ms per group): ${total} posts to ${groups} groups in ${(elapsed / 1000).toFixed(2)} s ` +
      `= ${rate.toFixed(1)} msg/s = ${((rate / allowed) * 100).toFixed(1)} % of the allowed ${allowed.toFixed(1)} msg/s ` +
      `(target ≥ 95 %); strictly ${((idealMs / elapsed) * 100).toFixed(1)} % of the fastest the windows allow (${(idealMs / 1000).toFixed(2)} s); ` +
      `lost ${lost}, doubled ${doubled}, failed ${failedCount}, 429s ${stats.refused}`,
  );
}

export default async function (): Promise<void> {
  await replies(5_000, 200);
  await fanOut(2, 40, 9);
  await fanOut(20, 5, 30);
}
