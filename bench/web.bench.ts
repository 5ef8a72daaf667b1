import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManualClock } from "../src/clock.js";
import { silentLogger } from "../src/logger.js";
import { type Db, openDatabase } from "../src/storage/database.js";
import { createStore } from "../src/storage/store.js";
import { seedSynthetic, seedSyntheticDb } from "../src/storage/synthetic-seed.js";
import { ensureAdmins } from "../src/tracking/roles.js";
import { issueWebLink, redeemWebLink } from "../src/tracking/web-access.js";
import { createWebApp } from "../src/web/server.js";
import { freshUrl, postgresServer } from "./pg-server.js";
import { time } from "./timing.js";

/**
 * The web dashboard's server time per page over 100,000 assignments and 150 units (target ≤ 300 ms each): the whole
 * request through Hono in-process (session check, queries, HTML), without the network. A third of the assignments are
 * completed (half of those late), a quarter have a report. On SQLite, then on PostgreSQL (the same repository, decision
 * 0702; server as bench/pg-server.ts finds one) over a local socket.
 */
const N = 100_000;
const UNITS = 150;
const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

export default async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-web-bench-"));
  const path = join(dir, "bench.db");
  await (await openDatabase(`file:${path}`)).close();
  const t0 = performance.now();
  const data = seedSynthetic(path, { units: UNITS, assignments: N, deadline });
  const db = await openDatabase(`file:${path}`);
  // Completed a day early (even ids) or two days late (odd), as of 09:00 Hà Nội.
  db.write.exec(`UPDATE Assignment SET completedAt = CASE WHEN id % 2 = 0 THEN date(deadlineDate, '-1 day') ELSE date(deadlineDate, '+2 day') END || 'T03:00:00.000+00:00',
    status = 'done' WHERE id % 3 = 0 AND deadlineDate IS NOT NULL AND deadlineDate < '2024-03-01'`);
  await reported(db);
  console.log(`SQLite: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await pages(db, data.dispatchId, dir);
  await db.close();
  rmSync(dir, { recursive: true, force: true });

  const server = await postgresServer();
  const fresh = await freshUrl(server.url);
  try {
    const t1 = performance.now();
    const pgDb = await openDatabase(fresh.url);
    const pgData = await seedSyntheticDb(pgDb, { units: UNITS, assignments: N, deadline });
    await pgDb.sql.run(`UPDATE "Assignment" SET "completedAt" = CAST(CASE WHEN id % 2 = 0 THEN CAST("deadlineDate" AS date) - 1 ELSE CAST("deadlineDate" AS date) + 2 END AS timestamp)
      + interval '3 hours', status = 'done' WHERE id % 3 = 0 AND "deadlineDate" IS NOT NULL AND "deadlineDate" < '2024-03-01'`);
    await reported(pgDb);
    await pgDb.sql.run("ANALYZE"); // a live database has its planner statistics; a freshly filled one not yet
    console.log(`PostgreSQL (${pgDb.path}): seeded in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const pgDir = mkdtempSync(join(tmpdir(), "dondoc-web-bench-pg-"));
    await pages(pgDb, pgData.dispatchId, pgDir);
    await pgDb.close();
    rmSync(pgDir, { recursive: true, force: true });
  } finally {
    await fresh.drop();
    server.stop();
  }
}

const deadline = (i: number) => (i % 10 === 9 ? null : day("2024-01-01", (i * 7) % 730));

/** A quarter of the assignments have a progress report. */
async function reported(db: Db): Promise<void> {
  await db.sql.run(`UPDATE "Assignment" SET "lastReportAt" = '2024-03-01T03:00:00.000+00:00', "lastReportText" = 'đang thực hiện, đạt 50%' WHERE id % 4 = 1`);
}

/** Every page and both downloads, timed through the app. */
async function pages(db: Db, dispatchId: number, dir: string): Promise<void> {
  const clock = new ManualClock(new Date("2024-03-05T02:00:00Z")); // Tuesday 09:00 in Hà Nội
  const deps = { store: createStore(db, clock), clock };
  await ensureAdmins(deps, ["telegram:1"]);
  const link = await issueWebLink(deps, { by: "telegram:1" });
  if (link.code !== "ok") throw new Error(link.code);
  const session = await redeemWebLink(deps, link.token);
  if (session.code !== "ok") throw new Error(session.code);
  const cookie = `dondoc_session=${session.sessionToken}`;
  const app = createWebApp({ ...deps, logger: silentLogger, defaultLang: "vi", filesDir: dir, publicUrl: "https://dondoc.example" });
  const unit = Number(await db.sql.value(`SELECT id FROM "Unit" ORDER BY id LIMIT 1 OFFSET 7`));
  const task = Number(await db.sql.value(`SELECT id FROM "Task" ORDER BY id LIMIT 1 OFFSET 4321`));
  const urls: Array<[string, string]> = [
    ["overview (month)", "/"], ["overview (year)", "/?period=year"], ["dispatch list", "/dispatches"],
    [`dispatch with ${N} tasks, matrix page 1`, `/dispatches/${dispatchId}`], ["same, page 1,000", `/dispatches/${dispatchId}?page=1000`],
    ["unit page", `/units/${unit}`], ["task page", `/tasks/${task}`],
    ["search, no filter", "/search"], ["search by số ký hiệu", "/search?number=1%2FKH"], ["search by unit", `/search?unit=${unit}`],
    ["search by status (overdue)", "/search?status=overdue"], ["search by text without diacritics", "/search?text=nhiem+vu+thu+tai+so+4321"],
    ["search by text matching every row", "/search?text=bao+cao+ket+qua"], ["search, every filter", `/search?number=1%2FKH&unit=${unit}&text=bao+cao&status=in_progress&period=year`],
  ];
  console.log(`${N} assignments, ${UNITS} units; server time per page through Hono in-process (median of 5 after one warm-up), target ≤ 300 ms`);
  let worst = 0;
  for (const [name, url] of urls) {
    await app.request(url, { headers: { cookie } });
    const r = await time(5, async () => {
      const res = await app.request(url, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      return (await res.text()).length;
    });
    worst = Math.max(worst, r.median);
    console.log(`  ${name.padEnd(44)} ${r.median.toFixed(1).padStart(7)} ms  (cpu ${r.cpu.toFixed(0)} ms, ${(r.result / 1024).toFixed(0)} KB)${r.median > 300 ? "  OVER TARGET" : ""}`);
  }
  console.log(`  slowest page: ${worst.toFixed(1)} ms (target ≤ 300 ms)`);
  const xlsx = await time(1, async () => (await (await app.request(`/search/export.xlsx?unit=${unit}`, { headers: { cookie } })).arrayBuffer()).byteLength);
  console.log(`  .xlsx export of one unit's ${Math.round(N / UNITS)} rows: ${xlsx.median.toFixed(0)} ms, ${(xlsx.result / 1024).toFixed(0)} KB (a download, no page target)`);
  const docx = await time(1, async () => (await (await app.request(`/search/export.docx?unit=${unit}`, { headers: { cookie } })).arrayBuffer()).byteLength);
  console.log(`  .docx report of the same rows: ${docx.median.toFixed(0)} ms, ${(docx.result / 1024).toFixed(0)} KB (a download, no page target)`);
}
