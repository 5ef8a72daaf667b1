import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManualClock } from "../src/clock.js";
import { openDatabase } from "../src/storage/database.js";
import { createStore } from "../src/storage/store.js";
import { seedSynthetic } from "../src/storage/synthetic-seed.js";
import { recordReply } from "../src/tracking/record-reply.js";
import { reminderTick } from "../src/tracking/reminder-tick.js";
import { translator } from "../src/i18n.js";
import { renderReportText } from "../src/reports/render-text.js";
import { CHAT_REPORT_LINES, chatReport, reportCounts, reportNow, type ReportRequest } from "../src/tracking/status-report.js";
import { time } from "./timing.js";

/**
 * Tracking core on a real SQLite file: 10,000 completion replies (target ≥ 1,000/s), the reminder tick and a full
 * status report over 100,000 open assignments (targets ≤ 50 ms and ≤ 200 ms), and RSS.
 */
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

async function fresh(n: number, deadline: (i: number) => string | null) {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-bench-"));
  const url = `file:${join(dir, "bench.db")}`;
  (await openDatabase(url)).close(); // migrate
  const t0 = performance.now();
  const data = seedSynthetic(join(dir, "bench.db"), { units: 500, assignments: n, deadline });
  const seedMs = performance.now() - t0;
  const db = await openDatabase(url);
  const clock = new ManualClock(new Date("2024-03-05T02:00:00Z")); // Tuesday 09:00 in Hà Nội
  return { dir, db, clock, data, seedMs, deps: { store: createStore(db, clock), clock } };
}

async function replies(): Promise<void> {
  const n = 10_000;
  const w = await fresh(n, (i) => day("2024-03-20", i % 30));
  for (let i = 0; i < 200; i++) {
    // warm-up on other assignments is not possible without closing them: warm up on progress notes instead
    await recordReply(w.deps, { eventId: `w${i}`, chat: w.data.chatOf(i), chatType: "group", messageId: `w${i}`, sender: { id: "telegram:9", name: "x" }, text: "đang thực hiện", replyTo: { messageId: w.data.messageOf(i) }, attachments: [] });
  }
  const t0 = performance.now();
  let closed = 0;
  for (let i = 0; i < n; i++) {
    const r = await recordReply(w.deps, {
      eventId: `e${i}`, chat: w.data.chatOf(i), chatType: "group", messageId: `m${i}`, sender: { id: "telegram:9", name: "x" },
      text: i % 2 ? "đã hoàn thành" : "da xong a", replyTo: { messageId: w.data.messageOf(i) }, attachments: [],
    });
    if (r.code === "recorded" && r.outcomes[0]?.outcome === "closed") closed++;
  }
  const ms = performance.now() - t0;
  console.log(`replies: ${n} completion replies in ${ms.toFixed(0)} ms = ${((n / ms) * 1000).toFixed(0)} replies/s (closed ${closed}; target ≥ 1,000/s)`);
  await w.db.close();
  rmSync(w.dir, { recursive: true, force: true });
}

async function tickAndReport(): Promise<void> {
  const n = 100_000;
  // Deadlines spread over two years around "today": some overdue, a few due, most later.
  const w = await fresh(n, (i) => (i % 10 === 9 ? null : day("2024-01-01", (i * 7) % 730)));
  console.log(`seeded ${n} open assignments in ${w.seedMs.toFixed(0)} ms`);
  w.clock.set(new Date("2024-03-05T01:30:00Z")); // 08:30 Hà Nội
  const first = await time(1, () => reminderTick(w.deps));
  const { reminders, messages, rolled } = first.result;
  console.log(`reminder tick, first of the day: ${first.median.toFixed(0)} ms (${reminders} reminders in ${messages} messages, ${rolled} recurring rolled)`);
  const ticks = await time(5, async () => {
    w.clock.advance(10 * 60_000);
    const r = await reminderTick(w.deps);
    if (r.messages !== 0) throw new Error("a repeated tick enqueued reminders twice");
  });
  console.log(`reminder tick over ${n} open assignments (steady, median of 5, incl. query): ${ticks.median.toFixed(1)} ms (target ≤ 50 ms)`);
  const report = await time(5, async () => (await reportNow(w.deps, { kind: "all" }))!);
  console.log(`full status report with every line, ${report.result.lines.length} assignments (median of 5, query + buildReport): ${report.median.toFixed(1)} ms`);
  const counts = await time(5, () => reportCounts(w.deps, { kind: "all" }));
  console.log(`full status report counts (official categories × ${500} lead units) over ${counts.result.counts.total} assignments, in SQLite (median of 5): ${counts.median.toFixed(1)} ms (target ≤ 200 ms)`);
  // What a secretary gets in chat (src/bot/features/reports.ts): counts in SQLite, the 50 most urgent lines, the text.
  const t = translator("vi");
  const byNumber = async (): Promise<ReportRequest> => ({ kind: "dispatch", dispatchId: (await w.deps.store.reports.assignedDispatches()).find((d) => d.number === "1/KH-UBND")!.id });
  const chat: Array<[string, () => ReportRequest | Promise<ReportRequest>]> = [
    ["/baocao (every open dispatch)", () => ({ kind: "open_dispatches" })], ["/baocao 1/KH-UBND (incl. finding it)", byNumber],
    ["/quahan", () => ({ kind: "overdue" })], ["/chuabaocao", () => ({ kind: "not_reported" })],
  ];
  for (const [command, request] of chat) {
    const r = await time(5, async () => renderReportText((await chatReport(w.deps, await request(), CHAT_REPORT_LINES))!, t, { maxLines: CHAT_REPORT_LINES }));
    console.log(`chat status report ${command} over ${n} open assignments (median of 5, counts in SQLite + ${CHAT_REPORT_LINES} most urgent lines + text, ${r.result.length} messages): ${r.median.toFixed(1)} ms (target ≤ 200 ms)`);
  }
  console.log(`RSS after: ${mb(process.memoryUsage().rss)}, heap used ${mb(process.memoryUsage().heapUsed)}`);
  await w.db.close();
  rmSync(w.dir, { recursive: true, force: true });
}

export default async function (): Promise<void> {
  const load = (await import("node:os")).loadavg()[0]!;
  console.log(`machine load average (1 min): ${load.toFixed(2)} on ${(await import("node:os")).cpus().length} cores: figures scale with it`);
  await replies();
  await tickAndReport();
}
