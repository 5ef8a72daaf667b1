// npm start with Telegram and Zalo, no saved Zalo session: Zalo waits for someone to scan its QR code. Meanwhile the
// Telegram admin must get the notice saying so (that is how a remote admin learns a scan is needed), and Telegram must
// keep working; once scanned, Zalo comes online and sends.
import { mkdirSync, mkdtempSync, copyFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { type App, startApp } from "../../../src/app.js";
import { parseConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/logger.js";
import { FakeBotApi } from "../../fakes/bot-api-server.js";
import { UpdateFactory } from "../../fakes/bot-api/update-factory.js";
import { FakeZalo } from "./fake-zalo.js";

const ADMIN = UpdateFactory.user(1001, "Quản", "Trị");
const ZALO_ADMIN = "7300000000000000001";

let api: FakeBotApi | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  await api?.close();
});

it("while Zalo waits for its QR scan, the Telegram admin is told and Telegram answers; after the scan Zalo sends", async () => {
  api = await FakeBotApi.start({ privacyMode: true });
  api.privateChat(ADMIN);
  const zalo = new FakeZalo();
  let scan!: () => void;
  zalo.qr.scan = new Promise<void>((resolve) => (scan = resolve));
  const dir = mkdtempSync(join(tmpdir(), "dondoc-zalo-qr-"));
  copyFileSync(process.env.DONDOC_TEST_TEMPLATE!, join(dir, "dondoc.db"));
  const parsed = parseConfig({
    DATABASE_URL: `file:${join(dir, "dondoc.db")}`,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    ZALO_ENABLED: "true",
    ZALO_CREDENTIALS_PATH: join(dir, "secrets", "zalo.json"),
    ZALO_QR_PATH: join(dir, "secrets", "qr.png"),
    ADMIN_ZALO_IDS: ZALO_ADMIN,
    FILES_DIR: join(dir, "files"),
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));

  const drawings: string[] = [];
  const starting = startApp(parsed.config, { logger: silentLogger, runRemindersAtStart: false, zaloClient: zalo.client, zaloPrintQr: (d) => drawings.push(d) });
  await api.waitFor(() => api!.botMessages(ADMIN.id).some((m) => /quét mã QR/.test(m.text ?? "")), 10_000, "the QR notice on Telegram");
  expect(api.botMessages(ADMIN.id).find((m) => /quét mã QR/.test(m.text ?? ""))!.text).toContain(join(dir, "secrets", "qr.png"));
  api.updates.text({ chat: ADMIN.id, from: ADMIN, text: "/danhsachdonvi" });
  await api.waitFor(() => api!.botMessages(ADMIN.id).length >= 2, 10_000, "Telegram answering while Zalo waits");
  expect(zalo.sessions).toHaveLength(0);
  expect(drawings.join("")).toMatch(/▄/);

  // startApp has returned (it does not wait for a person); the QR login goes on in the background.
  app = await starting;
  expect(app.zalo!.online).toBe(false);
  scan();
  await api.waitFor(() => app!.zalo!.online, 10_000, "Zalo online after the scan");
  await app.deps.store.outbox.enqueue([{ chat: `zalo:u:${ZALO_ADMIN}`, payload: { op: "send", text: "Xin chào" }, purpose: { type: "notice" } }]);
  app.delivery.kick();
  await api.waitFor(() => zalo.sent.some((s) => s.threadId === ZALO_ADMIN), 10_000, "a Zalo send after the scan");
}, 30_000);

// Nobody scans: each QR expires (zca-js: after 100 s; here 100 ms, every wait scaled down 1000 times, so 15 minutes
// take 0.9 s). Zalo must never stop Telegram or the process: startApp returns, Telegram keeps answering, the admin is
// told of each new round of QRs, the PNG keeps being refreshed, and stop() ends the QR login.
it("with nobody scanning for '15 minutes', Telegram keeps serving, the app keeps running, admins are told", async () => {
  api = await FakeBotApi.start({ privacyMode: true });
  api.privateChat(ADMIN);
  const zalo = new FakeZalo();
  Object.assign(zalo.qr, { lifetimeMs: 100, scan: new Promise<void>(() => {}) });
  const dir = mkdtempSync(join(tmpdir(), "dondoc-zalo-qr-"));
  copyFileSync(process.env.DONDOC_TEST_TEMPLATE!, join(dir, "dondoc.db"));
  const parsed = parseConfig({
    DATABASE_URL: `file:${join(dir, "dondoc.db")}`,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    ZALO_ENABLED: "true",
    ZALO_CREDENTIALS_PATH: join(dir, "secrets", "zalo.json"),
    ZALO_QR_PATH: join(dir, "secrets", "qr.png"),
    ADMIN_ZALO_IDS: ZALO_ADMIN,
    FILES_DIR: join(dir, "files"),
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  const exits: unknown[] = [];
  const realExit = process.exit;
  process.exit = ((code?: number) => void exits.push(code)) as typeof process.exit;
  try {
    app = await startApp(parsed.config, {
      logger: silentLogger,
      runRemindersAtStart: false,
      zaloClient: zalo.client,
      zaloPrintQr: () => {},
      zaloTuning: { backoff: { initialMs: 5, factor: 2, maxMs: 600 } },
    });
    const started = Date.now();
    while (Date.now() - started < 900) {
      api.updates.text({ chat: ADMIN.id, from: ADMIN, text: "/danhsachdonvi" });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const answered = api.botMessages(ADMIN.id).filter((m) => !/quét mã QR/.test(m.text ?? "")).length;
    api.updates.text({ chat: ADMIN.id, from: ADMIN, text: "/danhsachdonvi" });
    await api.waitFor(() => api!.botMessages(ADMIN.id).filter((m) => !/quét mã QR/.test(m.text ?? "")).length > answered, 10_000, "Telegram still answering");
    expect(app.zalo!.online).toBe(false);
    expect(zalo.qr.generated).toBeGreaterThan(4); // more than one round of 1 + 3 QRs
    const notices = () => api!.botMessages(ADMIN.id).filter((m) => /quét mã QR/.test(m.text ?? "")).length;
    await api.waitFor(() => notices() >= 2, 10_000, "a QR notice for the second round");
    expect(notices()).toBeLessThan(zalo.qr.generated); // once a round, not once a QR
    await app.stop();
    app = undefined;
    // zca-js may still make the QR its pending retry asked for; the adapter aborts it at once, so none is shown.
    const offered = zalo.qr.offered;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(zalo.qr.offered).toBe(offered);
    expect(exits).toEqual([]);
  } finally {
    process.exit = realExit;
  }
}, 30_000);

it("an unreadable saved Zalo session leaves Zalo offline, tells the Telegram admin, and Telegram keeps serving", async () => {
  api = await FakeBotApi.start({ privacyMode: true });
  api.privateChat(ADMIN);
  const zalo = new FakeZalo();
  const dir = mkdtempSync(join(tmpdir(), "dondoc-zalo-bad-"));
  copyFileSync(process.env.DONDOC_TEST_TEMPLATE!, join(dir, "dondoc.db"));
  mkdirSync(join(dir, "secrets"));
  writeFileSync(join(dir, "secrets", "zalo.json"), "{ not json");
  const parsed = parseConfig({
    DATABASE_URL: `file:${join(dir, "dondoc.db")}`,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    ZALO_ENABLED: "true",
    ZALO_CREDENTIALS_PATH: join(dir, "secrets", "zalo.json"),
    ZALO_QR_PATH: join(dir, "secrets", "qr.png"),
    ADMIN_ZALO_IDS: ZALO_ADMIN,
    FILES_DIR: join(dir, "files"),
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  app = await startApp(parsed.config, { logger: silentLogger, runRemindersAtStart: false, zaloClient: zalo.client, zaloPrintQr: () => {} });
  await api.waitFor(() => api!.botMessages(ADMIN.id).some((m) => /Zalo chưa chạy/.test(m.text ?? "")), 10_000, "the admin told");
  expect(app.zalo!.online).toBe(false);
  expect(zalo.loginCalls).toEqual([]);
  const before = api.botMessages(ADMIN.id).length;
  api.updates.text({ chat: ADMIN.id, from: ADMIN, text: "/danhsachdonvi" });
  await api.waitFor(() => api!.botMessages(ADMIN.id).length > before, 10_000, "Telegram answering");
}, 30_000);
