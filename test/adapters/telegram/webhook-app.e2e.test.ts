// npm start's wiring in webhook mode (TELEGRAM_WEBHOOK_URL set): Telegram posts updates to the bot's own HTTP server.
import { copyFileSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { type App, startApp } from "../../../src/app.js";
import { parseConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/logger.js";
import { FakeBotApi } from "../../fakes/bot-api-server.js";
import { UpdateFactory } from "../../fakes/bot-api/update-factory.js";

let api: FakeBotApi | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  await api?.close();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

it("registers the webhook with a secret, answers posted updates, and never polls", async () => {
  api = await FakeBotApi.start();
  const person = UpdateFactory.user(2001, "Người", "Dùng");
  api.privateChat(person);
  const dir = mkdtempSync(join(tmpdir(), "dondoc-tg-webhook-"));
  copyFileSync(process.env.DONDOC_TEST_TEMPLATE!, join(dir, "dondoc.db"));
  const port = await freePort();
  const parsed = parseConfig({
    DATABASE_URL: `file:${join(dir, "dondoc.db")}`,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/tg/hook`,
    TELEGRAM_WEBHOOK_PORT: String(port),
    FILES_DIR: join(dir, "files"),
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  app = await startApp(parsed.config, { logger: silentLogger, runRemindersAtStart: false });

  expect(api.webhook?.url).toBe(`http://127.0.0.1:${port}/tg/hook`);
  expect(api.webhook?.secretToken).toMatch(/^[0-9a-f]{64}$/);
  api.updates.text({ chat: person.id, from: person, text: "/start" });
  await api.waitFor(() => api!.botMessages(person.id).length > 0, 10_000, "the answer to /start");
  expect(api.botMessages(person.id)[0]!.text).toMatch(/\S/);
  expect(api.callsOf("getUpdates")).toHaveLength(0);
});
