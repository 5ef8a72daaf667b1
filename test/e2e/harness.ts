/**
 * dondoc as people run it, for end-to-end tests: startApp (the wiring of `npm start`) on a real SQLite file (or a
 * PostgreSQL database with DONDOC_TEST_DIALECT=postgresql, as test/setup/db.ts), telegraf's real HTTP client, and the fake Bot API on 127.0.0.1 (privacy mode on, Telegram's limits enforced). Everything the
 * tests do is a chat message or a button press; everything they check is what a chat would show.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type App, type AppOptions, startApp } from "../../src/app.js";
import { ManualClock } from "../../src/clock.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { FakeBotApi, type FakeBotApiOptions, TELEGRAM_LIMITS, type TgMessage, type TgUpdate, type TgUser } from "../fakes/bot-api-server.js";
import { UpdateFactory } from "../fakes/bot-api/update-factory.js";
import { createPostgresDatabase, DEFAULT_TEST_DIALECT, postgresUrl } from "../setup/db.js";

export const ADMIN = UpdateFactory.user(1001, "Quản", "Trị");
export const LEADER = UpdateFactory.user(1002, "Lãnh", "Đạo");
export const SECRETARY = UpdateFactory.user(1003, "Văn", "Thư");
export const OFFICER = UpdateFactory.user(1004, "Cán", "Bộ <Y&T>_*");
export const OFFICER2 = UpdateFactory.user(1005, "Trần", "Văn An");

export interface Loop {
  api: FakeBotApi;
  app: App;
  clock: ManualClock;
  dir: string;
  databaseUrl: string;
  /** Starts dondoc again on the same database (after app.stop()), as after a restart. */
  restart(): Promise<App>;
  /** A person writes in a chat (optionally replying to a message there). */
  say(chat: number, from: TgUser, text: string, replyTo?: number): TgUpdate;
  /** A person presses a button; resolves with the callback answer's text once the bot answered it. */
  press(chat: number, from: TgUser, message: TgMessage, data: string): Promise<string | undefined>;
  /** Waits for the bot's message number `index` (0-based) in a chat. */
  botSays(chat: number, index: number, timeoutMs?: number): Promise<TgMessage>;
  /** Waits until the bot has sent a message in `chat` matching `re`, and returns it. */
  botSaysMatching(chat: number, re: RegExp, timeoutMs?: number): Promise<TgMessage>;
  /** Waits until every pushed update was taken and handled and the outbox has nothing pending (retries included). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Polls an asynchronous check (a database read) until it holds. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const buttonData = (m: TgMessage): string[] => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");

export async function startLoop(
  options: { api?: FakeBotApiOptions; at?: string; app?: Pick<AppOptions, "extractText" | "botSettings"> } = {},
): Promise<Loop> {
  const api = await FakeBotApi.start({ rateLimits: TELEGRAM_LIMITS, privacyMode: true, ...options.api });
  for (const user of [ADMIN, LEADER, SECRETARY, OFFICER, OFFICER2]) api.privateChat(user);
  const dir = mkdtempSync(join(tmpdir(), "dondoc-e2e-"));
  const file = join(dir, "dondoc.db");
  // The migrated template from the global setup: a real, fresh SQLite file (or PostgreSQL database) without paying for
  // migrations again.
  let databaseUrl = `file:${file}`;
  if (DEFAULT_TEST_DIALECT === "postgresql") databaseUrl = postgresUrl(await createPostgresDatabase());
  else if (process.env.DONDOC_TEST_TEMPLATE) copyFileSync(process.env.DONDOC_TEST_TEMPLATE, file);
  const parsed = parseConfig({
    DATABASE_URL: databaseUrl,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    FILES_DIR: join(dir, "files"),
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const config = parsed.config;
  // 09:00 on Monday 5 June 2023 in Hà Nội, the date of the dispatches used: deadlines keep their meaning.
  const clock = new ManualClock(new Date(options.at ?? "2023-06-05T02:00:00Z"));
  const start = () => startApp(config, { clock, logger: silentLogger, runRemindersAtStart: false, ...options.app });

  const loop: Loop = {
    api,
    app: await start(),
    clock,
    dir,
    databaseUrl,
    async restart() {
      loop.app = await start();
      return loop.app;
    },
    say: (chat, from, text, replyTo) => api.updates.text({ chat, from, text, ...(replyTo !== undefined ? { replyTo } : {}) }),
    async press(chat, from, message, data) {
      const update = api.updates.callback({ chat, from, messageId: message.message_id, data });
      const id = update.callback_query!.id;
      await api.waitFor(() => api.answers.get(id)?.answered === true, 15_000, `the answer to button ${data}`);
      return api.answers.get(id)!.text;
    },
    async botSays(chat, index, timeoutMs = 15_000) {
      await api.waitFor(() => api.botMessages(chat).length > index, timeoutMs, `bot message #${index} in ${chat}`);
      return api.botMessages(chat)[index]!;
    },
    async botSaysMatching(chat, re, timeoutMs = 15_000) {
      const find = () => api.botMessages(chat).find((m) => re.test(m.text ?? m.caption ?? ""));
      await api.waitFor(() => find() !== undefined, timeoutMs, `a bot message in ${chat} matching ${re}`);
      return find()!;
    },
    async settle() {
      // Twice: handling an update may enqueue sends whose delivery is what a later check looks at.
      for (let i = 0; i < 2; i++) {
        await api.waitFor(() => api.pendingUpdates === 0, 15_000, "getUpdates to take every update");
        await new Promise((r) => setTimeout(r, 30));
        await loop.app.idle();
        // The worker is idle when nothing is *due*; an item waiting out a 429 is pending but not due.
        await until(async () => Number(await loop.app.deps.store.db.sql.value(`SELECT count(*) FROM "OutboxItem" WHERE status = 'pending'`)) === 0,
          20_000, "the outbox to drain");
      }
    },
    async close() {
      await loop.app.stop();
      await api.close();
    },
  };
  return loop;
}
