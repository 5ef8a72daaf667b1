import { copyFileSync, mkdtempSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { startHealthServer, type HealthServer } from "../../src/health.js";
import { createLogger } from "../../src/logger.js";
import { FakeBotApi } from "../fakes/bot-api-server.js";
import { createPostgresDatabase, postgresUrl, TEST_POSTGRES_URL } from "../setup/db.js";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const get = async (port: number, path: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("health endpoints", () => {
  it("/healthz answers while the process lives; /readyz is 503 with the reason when a check fails or hangs", async () => {
    let dbUp = true;
    const server: HealthServer = await startHealthServer({
      port: 0, host: "127.0.0.1", worker: "w1", timeoutMs: 200,
      checks: { database: () => dbUp, zalo: () => "ok (standby)", slow: () => new Promise<boolean>(() => {}) },
    });
    cleanup.push(() => server.close());
    expect(await get(server.port, "/healthz")).toEqual({ status: 200, body: { status: "ok", worker: "w1" } });
    const notReady = await get(server.port, "/readyz");
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: "not ready", checks: { database: "ok", zalo: "ok (standby)", slow: "no answer within 200 ms" } });
    const ready = await startHealthServer({ port: 0, host: "127.0.0.1", worker: "w1", checks: { database: () => dbUp } });
    cleanup.push(() => ready.close());
    expect((await get(ready.port, "/readyz")).status).toBe(200);
    dbUp = false;
    expect(await get(ready.port, "/readyz")).toMatchObject({ status: 503, body: { checks: { database: "down" } } });
    expect((await get(ready.port, "/elsewhere")).status).toBe(404);
  });

  const databases: Array<[string, () => Promise<string>, boolean]> = [
    ["SQLite", async () => {
      const file = join(mkdtempSync(join(tmpdir(), "dondoc-health-")), "dondoc.db");
      if (process.env.DONDOC_TEST_TEMPLATE) copyFileSync(process.env.DONDOC_TEST_TEMPLATE, file);
      return `file:${file}`;
    }, false],
    ["PostgreSQL", async () => postgresUrl(await createPostgresDatabase()), !TEST_POSTGRES_URL],
  ];
  for (const [name, url, skip] of databases) {
    it.skipIf(skip)(`the app serves them on HEALTH_PORT (${name}) and names its worker in every log line`, async () => {
      const api = await FakeBotApi.start();
      cleanup.push(() => api.close());
      const lines: string[] = [];
      const parsed = parseConfig({
        DATABASE_URL: await url(), TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, HEALTH_PORT: "0", WORKER_ID: "worker-7",
        FILES_DIR: mkdtempSync(join(tmpdir(), "dondoc-health-files-")),
      });
      if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
      const app: App = await startApp(parsed.config, { logger: createLogger("info", (l) => lines.push(l)), runRemindersAtStart: false });
      cleanup.push(() => app.stop());
      const port = app.health!.port;
      expect(await get(port, "/healthz")).toEqual({ status: 200, body: { status: "ok", worker: "worker-7" } });
      expect(await get(port, "/readyz")).toEqual({ status: 200, body: { status: "ready", worker: "worker-7", checks: { database: "ok", telegram: "ok" } } });
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => JSON.parse(l).worker === "worker-7")).toBe(true);
      expect(lines.some((l) => l.includes(name === "SQLite" ? '"dialect":"sqlite"' : '"dialect":"postgresql"'))).toBe(true);
    });
  }
  it.skipIf(!TEST_POSTGRES_URL)("workers on one PostgreSQL: without WORKER_ID each takes its own host slot; a twin WORKER_ID is logged as an error", async () => {
    const url = postgresUrl(await createPostgresDatabase());
    const api = await FakeBotApi.start();
    cleanup.push(() => api.close());
    const start = async (env: Record<string, string>) => {
      const lines: string[] = [];
      const parsed = parseConfig({ DATABASE_URL: url, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, FILES_DIR: mkdtempSync(join(tmpdir(), "dondoc-workers-")), ...env });
      if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
      const app = await startApp(parsed.config, { logger: createLogger("info", (l) => lines.push(l)), runRemindersAtStart: false });
      cleanup.push(() => app.stop());
      return lines.map((l) => JSON.parse(l) as { worker: string; level: string; msg: string });
    };
    const [a, b] = [await start({}), await start({})];
    const slot = new RegExp(`^${hostname().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-\\d+$`);
    expect(a[0]!.worker).toMatch(slot);
    expect(b[0]!.worker).toMatch(slot);
    expect(a[0]!.worker).not.toBe(b[0]!.worker);
    expect([...a, ...b].some((l) => l.level === "error")).toBe(false);
    // Advisory locks are the server's: a name of this run's own keeps parallel test files apart.
    const name = `twin-${process.pid}-${Math.floor(Math.random() * 1e6)}`;
    const first = await start({ WORKER_ID: name });
    const twin = await start({ WORKER_ID: name });
    expect(first.some((l) => l.level === "error")).toBe(false);
    expect(twin.filter((l) => l.level === "error").map((l) => l.msg)).toEqual(["another live process runs as this worker: give every worker its own WORKER_ID"]);
  });
});
