// Several workers on one PostgreSQL with Zalo (decision 0702): Zalo allows one listener per account, so one worker
// holds it through a PostgreSQL advisory lock and the others stand by. When the holder's database session dies, the
// server drops its lock: the holder stops its listener at once and one worker (whichever is first) starts a new one.
// When the holder stops, a standby takes over. A holder killed with SIGKILL: test/e2e/workers-fault.test.ts.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { writeCredentials } from "../../../src/adapters/zalo/credentials.js";
import { type App, startApp } from "../../../src/app.js";
import { parseConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/logger.js";
import { ZALO_LISTENER_LOCK } from "../../../src/storage/advisory-lock.js";
import { createPostgresDatabase, postgresUrl, TEST_POSTGRES_URL } from "../../setup/db.js";
import { FakeZalo } from "./fake-zalo.js";
import { SAVED_CREDENTIALS } from "./harness.js";

const apps: App[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.stop().catch(() => undefined);
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!TEST_POSTGRES_URL)("Zalo with several workers on one PostgreSQL", () => {
  it("one worker listens, the others stand by; after the holder's session dies one listener runs again; a standby takes over from a stopped holder", async () => {
    const zalo = new FakeZalo();
    const dir = mkdtempSync(join(tmpdir(), "dondoc-zalo-workers-"));
    const credentials = join(dir, "secrets", "zalo.json");
    await writeCredentials(credentials, SAVED_CREDENTIALS as never);
    const url = postgresUrl(await createPostgresDatabase());
    const start = async (worker: string) => {
      const parsed = parseConfig({
        DATABASE_URL: url, ZALO_ENABLED: "true", ZALO_CREDENTIALS_PATH: credentials, ZALO_QR_PATH: join(dir, "qr.png"),
        ZALO_STANDBY_POLL_S: "0.1", WORKER_ID: worker, FILES_DIR: join(dir, worker),
      });
      if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
      const app = await startApp(parsed.config, { logger: silentLogger, runRemindersAtStart: false, zaloClient: zalo.client });
      apps.push(app);
      return app;
    };
    const a = await start("a");
    const b = await start("b");
    const c = await start("c");
    await new Promise((r) => setTimeout(r, 400)); // several standby polls
    expect([a.zaloListener(), b.zaloListener(), c.zaloListener()]).toEqual([true, false, false]);
    expect(zalo.sessions).toHaveLength(1); // only the holder logged in and listens
    expect(zalo.current.listener.starts).toBe(1);

    // Worker a's database session dies (as when its process is killed): the server releases its lock.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [...ZALO_LISTENER_LOCK]); // this test's database only
    expect(rows).toHaveLength(1);
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    await admin.end();

    // Exactly one worker holds it again — a standby, or the old holder itself if it was quicker (it is alive: only its
    // database session died) — with a fresh listener, and the old listener is stopped: never two at once.
    const holders = () => [a, b, c].filter((app) => app.zaloListener());
    await waitFor(() => holders().length === 1 && zalo.sessions.length === 2 && zalo.current.listener.starts === 1, "a new listener", 10_000);
    expect(zalo.sessions[0]!.listener.stops).toBeGreaterThan(0);

    // The holder stops (SIGTERM): a standby takes over. (test/e2e/workers-fault.test.ts kills a holder with SIGKILL.)
    const holder = holders()[0]!;
    await holder.stop();
    apps.splice(apps.indexOf(holder), 1);
    // The new session logs in before its listener starts: wait for both (under load the start came after the check).
    await waitFor(() => holders().filter((app) => app !== holder).length === 1 && zalo.sessions.length === 3 && zalo.current.listener.starts > 0,
      "a standby to take over", 10_000);
    expect(zalo.sessions[1]!.listener.stops).toBeGreaterThan(0);
    expect(zalo.current.listener.starts).toBe(1);
  });
});
