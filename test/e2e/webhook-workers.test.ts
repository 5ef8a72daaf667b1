// Telegram in webhook mode behind a load balancer, two workers on one PostgreSQL (issue 15): any worker takes any
// update, and an update Telegram delivers twice — here the second copy reaches the other worker — is handled once.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { ManualClock } from "../../src/clock.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/storage/database.js";
import { createStore } from "../../src/storage/store.js";
import { confirmDraft } from "../../src/tracking/confirm-draft.js";
import { ingestDraft } from "../../src/tracking/ingest-draft.js";
import { ensureAdmins, setRole } from "../../src/tracking/roles.js";
import { registerUnits } from "../../src/tracking/unit-registry.js";
import { FakeBotApi } from "../fakes/bot-api-server.js";
import { createPostgresDatabase, postgresUrl, TEST_POSTGRES_URL } from "../setup/db.js";
import { dispatch, task } from "../tracking/helpers.js";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!().catch(() => undefined);
});

/** A round-robin HTTP balancer in front of the workers' webhook servers (what nginx or a cloud LB does). */
async function balancer(targets: () => number[]): Promise<{ port: number; hits: number[] }> {
  const hits: number[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const ports = targets();
      const k = next++ % ports.length;
      hits.push(k);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string" && name !== "host") headers[name] = value;
      const answer = await fetch(`http://127.0.0.1:${ports[k]}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain" });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup.push(() => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }));
  return { port: (server.address() as AddressInfo).port, hits };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe.skipIf(!TEST_POSTGRES_URL)("Telegram webhook mode with two workers behind a load balancer", () => {
  it("any worker takes any update; an update delivered twice (to both workers) is handled once", async () => {
    const api = await FakeBotApi.start();
    cleanup.push(() => api.close());
    const url = postgresUrl(await createPostgresDatabase());
    const at = new Date("2023-06-05T02:00:00Z");
    const db = await openDatabase(url);
    cleanup.push(() => db.close());
    const deps = { store: createStore(db, new ManualClock(at)), clock: new ManualClock(at) };
    const names = ["Sở Y tế", "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng"];
    const units = await registerUnits(deps, names.map((displayName) => ({ displayName, kinds: ["sở"] })));
    await ensureAdmins(deps, ["telegram:1001"]);
    await setRole(deps, { by: "telegram:1001", userId: "telegram:1002", name: "Lãnh đạo", role: "leader", grant: true });
    for (const [i, u] of units.entries()) {
      api.group(-500 - i, u.displayName);
      await deps.store.directory.bind(`telegram:${-500 - i}`, u.id, u.displayName, "telegram:1001", at);
    }
    const r = await ingestDraft(deps, { forwardedBy: "telegram:1002", parsed: dispatch(names.map((n, i) => task(String(i + 1), [[n, "lead"]]))) });
    if (r.code !== "ok") throw new Error(r.code);
    await confirmDraft(deps, { dispatchId: r.draft.id, by: "telegram:1002" });

    const ports = [await freePort(), await freePort()];
    const lb = await balancer(() => ports);
    const files = mkdtempSync(join(tmpdir(), "dondoc-webhook-workers-"));
    const apps: App[] = [];
    for (const [k, port] of ports.entries()) {
      const parsed = parseConfig({
        DATABASE_URL: url, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, WORKER_ID: `w${k}`,
        TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${lb.port}/tg/hook`, TELEGRAM_WEBHOOK_PORT: String(port), FILES_DIR: join(files, `w${k}`),
      });
      if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
      const app = await startApp(parsed.config, { logger: silentLogger, runRemindersAtStart: false, clock: new ManualClock(at) });
      apps.push(app);
      cleanup.push(() => app.stop());
    }
    const postOf = (chat: number) => api.botMessages(chat).find((m) => m.text?.startsWith("📄"));
    await api.waitFor(() => units.every((_, i) => postOf(-500 - i) !== undefined), 20_000, "the task posts");

    // Each unit replies "xong" to its post; Telegram delivers every update twice (as after a timeout), and the
    // balancer sends the two copies to different workers.
    const from = { id: 2001, is_bot: false, first_name: "Cán bộ" };
    for (const [i] of units.entries()) {
      const chat = -500 - i;
      const update = api.updates.text({ chat, from, text: "xong", replyTo: postOf(chat)!.message_id }); // delivered once…
      api.push(update); // …and again: the balancer hands this copy to the other worker
    }
    await api.webhookDrained();
    await Promise.all(apps.map((app) => app.idle()));
    expect(new Set(lb.hits)).toEqual(new Set([0, 1])); // both workers took updates

    const replies = await db.prisma.event.findMany({ where: { type: "reply" }, select: { chatId: true } });
    expect(replies.map((e) => e.chatId).sort()).toEqual(units.map((_, i) => `telegram:${-500 - i}`).sort());
    expect(await db.prisma.assignment.count({ where: { status: "done" } })).toBe(units.length);
    // What the group sees: one answer per reply, not two.
    for (const [i] of units.entries()) {
      const after = api.botMessages(-500 - i).filter((m) => !m.text?.startsWith("📄"));
      expect(after.length, `group ${i}: ${after.map((m) => m.text).join(" | ")}`).toBeLessThanOrEqual(1);
    }
  });
});
