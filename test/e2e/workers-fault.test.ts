// Three worker processes on one PostgreSQL and the fake Bot API with Telegram's limits (issue 15): 3 dispatches fan
// out to 60 groups; one worker is SIGKILLed mid-fan-out and another mid-reminder-tick. Afterwards every group has
// each task post and its reminder, the limits were never exceeded, and nothing is doubled except — at most — a
// message a killed worker had already handed to Telegram when it died (Telegram has no idempotency key; decision 0702).
// Each worker also runs Zalo against zca-js's fake: the listener moves from the killed holder to a survivor.
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import type { ParsedDispatch } from "../../src/dispatch/schema.js";
import { openDatabase } from "../../src/storage/database.js";
import { createStore } from "../../src/storage/store.js";
import { confirmDraft } from "../../src/tracking/confirm-draft.js";
import { ingestDraft } from "../../src/tracking/ingest-draft.js";
import { ensureAdmins, setRole } from "../../src/tracking/roles.js";
import { registerUnits } from "../../src/tracking/unit-registry.js";
import { FakeBotApi, TELEGRAM_LIMITS } from "../fakes/bot-api-server.js";
import { writeCredentials } from "../../src/adapters/zalo/credentials.js";
import { SAVED_CREDENTIALS } from "../adapters/zalo/harness.js";
import { createPostgresDatabase, postgresUrl, TEST_POSTGRES_URL } from "../setup/db.js";

const GROUPS = 60;
const LEAD_GROUP = -4_000_000;
const groupId = (i: number) => -3_000_000 - i;
const ADMIN = "telegram:1001";
const LEADER = "telegram:1002";
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

function dispatch(n: number, units: string[]): ParsedDispatch {
  return {
    doc: { docType: "KH", number: `${n}/KH-UBND`, issuer: "UBND tỉnh", date: "2023-06-05", subject: `Kế hoạch thử số ${n}`, recipients: [], secrecy: null, urgency: null },
    tasks: [{ ref: "1", text: `Nhiệm vụ của kế hoạch ${n}`, implicit: false, assignees: units.map((name) => ({ name, role: "lead" as const })), deadline: { text: "20/6/2023", date: "2023-06-20", recurrence: null } }],
    warnings: [],
  } as unknown as ParsedDispatch;
}

function waitForMessage<T>(child: ChildProcess, key: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${key} from worker`)), timeoutMs);
    const on = (m: Record<string, unknown>) => {
      if (!(key in m)) return;
      clearTimeout(timer);
      child.off("message", on);
      resolve(m[key] as T);
    };
    child.on("message", on);
    child.once("exit", (code, signal) => reject(new Error(`worker exited (${code ?? signal}) before ${key}`)));
  });
}

describe.skipIf(!TEST_POSTGRES_URL)("three workers on one PostgreSQL, two of them SIGKILLed", () => {
  it("every group gets each post and its reminder; limits hold; nothing doubled but what a dying worker had sent", async () => {
    const api = await FakeBotApi.start({ rateLimits: TELEGRAM_LIMITS });
    const url = postgresUrl(await createPostgresDatabase());
    // 08:30 in Hà Nội on 19 June 2023: the tasks are due tomorrow, so the tick sends each unit its T-1 reminder.
    const at = new Date("2023-06-19T01:30:00Z");
    const clock = new ManualClock(at);
    const db = await openDatabase(url);
    const store = createStore(db, clock);
    const deps = { store, clock };
    const names = Array.from({ length: GROUPS }, (_, i) => `Phường Thử Nghiệm ${i + 1}`);
    const units = await registerUnits(deps, names.map((displayName) => ({ displayName, kinds: ["phường"] })));
    await ensureAdmins(deps, [ADMIN]);
    await setRole(deps, { by: ADMIN, userId: LEADER, name: "Lãnh đạo", role: "leader", grant: true });
    api.group(LEAD_GROUP, "Văn phòng");
    for (const [i, u] of units.entries()) {
      api.group(groupId(i), u.displayName);
      await store.directory.bind(`telegram:${groupId(i)}`, u.id, u.displayName, ADMIN, at);
    }
    for (const n of [1, 2, 3]) {
      const r = await ingestDraft(deps, { forwardedBy: LEADER, chat: `telegram:${LEAD_GROUP}`, parsed: dispatch(n, names) });
      if (r.code !== "ok") throw new Error(r.code);
      expect((await confirmDraft(deps, { dispatchId: r.draft.id, by: LEADER })).code).toBe("ok");
    }
    const posts = await db.prisma.outboxItem.count({ where: { status: "pending" } });
    expect(posts).toBeGreaterThanOrEqual(GROUPS * 3);

    const child = fileURLToPath(new URL("./worker-child.ts", import.meta.url));
    const files = mkdtempSync(join(tmpdir(), "dondoc-workers-"));
    const credentials = join(files, "zalo.json");
    await writeCredentials(credentials, SAVED_CREDENTIALS as never);
    const start = (name: string) => {
      const c = fork(child, [], {
        execArgv: ["--import", "tsx"],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
        env: {
          ...process.env, DATABASE_URL: url, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, WORKER_ID: name,
          OUTBOX_LEASE_S: "10", FILES_DIR: join(files, name), DONDOC_CLOCK_OFFSET_MS: String(at.getTime() - Date.now()),
          // Zalo too (zca-js's fake in each process): one worker holds the listener, the others stand by.
          ZALO_ENABLED: "true", DONDOC_FAKE_ZALO: "1", ZALO_CREDENTIALS_PATH: credentials, ZALO_QR_PATH: join(files, `${name}-qr.png`),
          ZALO_STANDBY_POLL_S: "0.2",
        },
      });
      children.push(c);
      return c;
    };
    const workers = [start("w0")];
    await waitForMessage(workers[0]!, "ready"); // w0 starts first and takes the Zalo listener
    workers.push(start("w1"), start("w2"));
    await Promise.all(workers.slice(1).map((w) => waitForMessage(w, "ready")));
    const status = async (w: ChildProcess) => {
      w.send({ cmd: "status" });
      return waitForMessage<{ worker: string; zaloListener: boolean; zaloSessions: number }>(w, "status");
    };
    expect((await Promise.all(workers.map(status))).map((s) => [s.worker, s.zaloListener, s.zaloSessions]))
      .toEqual([["w0", true, 1], ["w1", false, 0], ["w2", false, 0]]);

    const groupSends = () => api.callsOf("sendMessage").filter((c) => c.ok && Number(c.params.chat_id) <= groupId(0));
    await api.waitFor(() => groupSends().length >= 40, 60_000, "the fan-out under way");
    workers[0]!.kill("SIGKILL");
    const claimedByW0 = await db.prisma.outboxItem.count({ where: { claimedBy: { startsWith: "w0#" }, status: "pending" } });
    // The Zalo listener moves to a survivor once the server has dropped w0's session (and its lock).
    const killedAt = Date.now();
    let holders: string[] = [];
    while (holders.length === 0 && Date.now() - killedAt < 60_000) {
      holders = (await Promise.all(workers.slice(1).map(status))).filter((s) => s.zaloListener && s.zaloSessions === 1).map((s) => s.worker);
      if (holders.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(holders).toHaveLength(1);
    const takeoverMs = Date.now() - killedAt;

    // A reminder tick on both survivors (what their cron does); w1 dies in the middle of it.
    const w1Started = waitForMessage(workers[1]!, "tickStarted");
    workers[1]!.send({ cmd: "tick" });
    workers[2]!.send({ cmd: "tick" });
    await w1Started;
    workers[1]!.kill("SIGKILL");
    const claimedByW1 = await db.prisma.outboxItem.count({ where: { claimedBy: { startsWith: "w1#" }, status: "pending" } });
    await waitForMessage(workers[2]!, "ticked");
    workers[2]!.send({ cmd: "tick" }); // its next tick: nothing new may be enqueued
    await waitForMessage(workers[2]!, "ticked");

    // Everything enqueued gets sent: 3 posts and 1 reminder per group (and the leader's digest, if one is due).
    const pendingLeft = () => db.prisma.outboxItem.count({ where: { status: "pending" } });
    const until = Date.now() + 90_000;
    while ((await pendingLeft()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await pendingLeft()).toBe(0);
    expect(await db.prisma.outboxItem.count({ where: { status: "failed" } })).toBe(0);

    const sends = api.callsOf("sendMessage").filter((c) => c.ok);
    const doubled: string[] = [];
    for (let i = 0; i < GROUPS; i++) {
      const texts = sends.filter((c) => Number(c.params.chat_id) === groupId(i)).map((c) => String(c.params.text));
      const kinds = [1, 2, 3].map((n) => texts.filter((t) => t.startsWith(`📄 Văn bản số ${n}/KH-UBND`)).length);
      kinds.push(texts.filter((t) => t.startsWith("⏰ Nhắc việc ngày 19/06/2023")).length);
      expect(texts.length, `group ${i + 1}: only posts and reminders`).toBe(kinds.reduce((a, b) => a + b, 0));
      kinds.forEach((copies, k) => {
        expect(copies, `group ${i + 1}, ${k < 3 ? `post of dispatch ${k + 1}` : "reminder"}`).toBeGreaterThanOrEqual(1);
        if (copies > 1) doubled.push(`group ${i + 1} ${k < 3 ? `post ${k + 1}` : "reminder"} ×${copies}`);
      });
    }
    const sentItems = await db.prisma.outboxItem.count({ where: { status: "sent" } });
    // One platform message per sent outbox item, plus — at most — a second copy of what a killed worker had claimed.
    expect(sends.length - sentItems).toBe(doubled.length);
    expect(doubled.length, doubled.join(", ")).toBeLessThanOrEqual(claimedByW0 + claimedByW1);
    // Telegram's limits held across the workers: no 429, never more than 30 sends in any second.
    expect(api.calls.filter((c) => !c.ok && (c.error as { error_code?: number } | undefined)?.error_code === 429)).toEqual([]);
    const times = api.calls.filter((c) => c.method === "sendMessage").map((c) => c.at).sort((a, b) => a - b);
    for (let i = 30; i < times.length; i++) expect(times[i]! - times[i - 30]!).toBeGreaterThanOrEqual(1000 - 5);
    console.log(`fault test: ${sends.length} messages for ${sentItems} outbox items; doubled: ${doubled.join(", ") || "none"} ` +
      `(claims held at the kills: w0 ${claimedByW0}, w1 ${claimedByW1}); Zalo listener moved to ${holders[0]} in ${takeoverMs} ms`);

    workers[2]!.send({ cmd: "stop" });
    await new Promise((r) => workers[2]!.once("exit", r));
    await db.close();
    await api.close();
  }, 180_000);
});
