// npm start's wiring with WEB_PUBLIC_URL set: /web sent through Telegram (telegraf's real client against the fake Bot
// API) answers with a link that signs in to the dashboard the same process serves.
import { copyFileSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { FakeBotApi } from "../fakes/bot-api-server.js";
import { UpdateFactory } from "../fakes/bot-api/update-factory.js";

let api: FakeBotApi | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  await api?.close();
  app = undefined;
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function start(web: Record<string, string>) {
  api = await FakeBotApi.start();
  const person = UpdateFactory.user(2001, "Văn", "Thư");
  api.privateChat(person);
  const dir = mkdtempSync(join(tmpdir(), "dondoc-web-app-"));
  copyFileSync(process.env.DONDOC_TEST_TEMPLATE!, join(dir, "dondoc.db"));
  const parsed = parseConfig({
    DATABASE_URL: `file:${join(dir, "dondoc.db")}`, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot,
    ADMIN_TELEGRAM_IDS: String(person.id), FILES_DIR: join(dir, "files"), ...web,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  app = await startApp(parsed.config, { logger: silentLogger, runRemindersAtStart: false });
  return person;
}

it("serves the dashboard and signs in through the link /web sends in Telegram", async () => {
  const port = await freePort();
  const person = await start({ WEB_PUBLIC_URL: `http://127.0.0.1:${port}`, WEB_PORT: String(port) });
  expect(app!.web?.localUrl).toBe(`http://127.0.0.1:${port}`);
  expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(401);
  api!.updates.text({ chat: person.id, from: person, text: "/web" });
  await api!.waitFor(() => api!.botMessages(person.id).length > 0, 10_000, "the answer to /web");
  const link = /http:\/\/127\.0\.0\.1:\d+\/signin\/\S+/.exec(api!.botMessages(person.id)[0]!.text ?? "")?.[0];
  expect(link).toBeDefined();
  const signin = await fetch(link!, { method: "POST", redirect: "manual" });
  expect(signin.status).toBe(303);
  const cookie = /dondoc_session=[^;]+/.exec(signin.headers.get("set-cookie") ?? "")![0];
  const overview = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie } });
  expect(overview.status).toBe(200);
  expect(await overview.text()).toContain("Tổng quan");
});

it("is off without WEB_PUBLIC_URL, and /web says so", async () => {
  const person = await start({});
  expect(app!.web).toBeUndefined();
  api!.updates.text({ chat: person.id, from: person, text: "/web" });
  await api!.waitFor(() => api!.botMessages(person.id).length > 0, 10_000, "the answer to /web");
  expect(api!.botMessages(person.id)[0]!.text).toContain("WEB_PUBLIC_URL");
});
