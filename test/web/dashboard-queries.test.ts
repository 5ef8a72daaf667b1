import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dispatchList, dispatchPage, overview, periodOf, search, searchReport, unitChoices, unitPage, weekOf } from "../../src/tracking/dashboard.js";
import { reportCounts } from "../../src/tracking/status-report.js";
import { viewerOf, type Viewer } from "../../src/tracking/web-access.js";
import { assignDispatch, dispatch, task } from "../tracking/helpers.js";
import { LEADER, OFFICER, webWorld, YTE, type WebWorld } from "./helpers.js";

let w: WebWorld;
beforeEach(async () => { w = await webWorld(); });
afterEach(async () => { await w.db.close(); });
const viewer = async (id: string): Promise<Viewer> => viewerOf(await w.store.directory.person(id))!;

describe("the dashboard counts as the chat reports do", () => {
  it("overview and search totals equal /baocao's counts; an officer's equal their unit's", async () => {
    const all = (await reportCounts(w, { kind: "all" })).counts;
    expect((await overview(w, await viewer(LEADER))).totalCounts).toEqual(all);
    expect((await search(w, await viewer(LEADER), {})).counts).toEqual(all);
    const unit = (await reportCounts(w, { kind: "unit", unitId: w.unit("Sở Nội vụ") })).counts;
    expect((await overview(w, await viewer(OFFICER))).totalCounts).toEqual(unit);
    expect((await unitPage(w, await viewer(LEADER), w.unit("Sở Nội vụ")))!.counts).toEqual(unit);
  });

  it("a task completed at 00:30 Hà Nội the day after its due day is late (still the due day in UTC); periods count what is due in them", async () => {
    // Task 3 of Sở Y tế is due 07/06/2023: completed 08/06 00:30 in Hà Nội (17:30 UTC on 07/06).
    const id = (await w.db.sql.value<number>(`SELECT a.id FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" WHERE t.ref = '3'`))!;
    await w.db.sql.run(`UPDATE "Assignment" SET status = 'done', "completedAt" = '2023-06-07T17:30:00.000+00:00' WHERE id = ?`, [id]);
    w.clock.set(new Date("2023-07-02T02:00:00Z"));
    const o = await overview(w, await viewer(LEADER), "month");
    expect(o.period).toMatchObject({ from: "2023-07-01", to: "2023-07-31" });
    expect(o.periodCounts.total).toBe(1); // 27/CV-VP, due 15/07
    const q = await overview(w, await viewer(LEADER), "quarter");
    expect(q.period).toMatchObject({ from: "2023-07-01", to: "2023-09-30" });
    const june = await overview(w, await viewer(LEADER), "year");
    expect(june.totalCounts.done_on_time).toBe(1);
    expect(june.totalCounts.done_late).toBe(1);
    expect(june.totalCounts).toEqual((await reportCounts(w, { kind: "all" })).counts);
  });
});

describe("recalled assignments (thu hồi) are out of the dashboard, as of the chat reports", () => {
  it("a recalled task leaves the overview counts, the unit ranking, due this week, search, the export and the dispatch list", async () => {
    const leader = await viewer(LEADER);
    const yte = w.unit("Sở Y tế");
    // Task 3 of 164/KH-UBND: Sở Y tế leads, due Wednesday 07/06 — open, in this week, due soon.
    const isTask3 = (l: { row: { dispatchNumber: string | null; taskRef: string } }) => l.row.dispatchNumber === "164/KH-UBND" && l.row.taskRef === "3";
    const before = await overview(w, leader);
    const yteBefore = before.units.find((u) => u.unitId === yte)!;
    expect(before.week.lines.some(isTask3)).toBe(true);
    expect(yteBefore.dueSoon).toBe(1);
    expect((await search(w, leader, { text: "164" })).lines.some(isTask3)).toBe(true);
    const unitBefore = (await unitPage(w, leader, yte))!;
    expect(unitBefore.open.lines.some(isTask3)).toBe(true);
    const pageBefore = (await dispatchPage(w, leader, w.dispatchId))!;
    const dispatchBefore = (await dispatchList(w, leader)).find((d) => d.number === "164/KH-UBND")!;

    await w.message(LEADER, LEADER, "/thuhoi 164/KH-UBND 3; giao nhầm đơn vị");
    await w.deliver();
    expect(Number(await w.db.sql.value(`SELECT COUNT(*) FROM "Assignment" WHERE status = 'recalled'`))).toBe(1);

    const after = await overview(w, leader);
    expect(after.totalCounts.total).toBe(before.totalCounts.total - 1);
    expect(after.totalCounts.in_progress).toBe(before.totalCounts.in_progress - 1);
    expect(after.totalCounts).toEqual((await reportCounts(w, { kind: "all" })).counts);
    const yteAfter = after.units.find((u) => u.unitId === yte)!;
    expect(yteAfter).toMatchObject({ dueSoon: 0, open: yteBefore.open - 1, health: "green" });
    expect(after.week.total).toBe(before.week.total - 1);
    expect(after.week.lines.some(isTask3)).toBe(false);
    const found = await search(w, leader, { text: "164" });
    expect(found.lines.some(isTask3)).toBe(false);
    expect(found.total).toBe((await search(w, leader, {})).total - 1); // 27/CV-VP's one row is the other
    expect((await search(w, leader, {})).counts).toEqual(after.totalCounts);
    expect((await search(w, leader, { period: "week" })).lines.some(isTask3)).toBe(false);
    expect((await searchReport(w, leader, {})).lines.some(isTask3)).toBe(false);
    expect((await unitPage(w, leader, yte))!.counts).toEqual((await reportCounts(w, { kind: "unit", unitId: yte })).counts);
    expect((await unitPage(w, leader, yte))!.open.lines.some(isTask3)).toBe(false);
    expect((await unitPage(w, leader, yte))!.open.total).toBe(unitBefore.open.total - 1);
    expect((await dispatchList(w, leader)).find((d) => d.number === "164/KH-UBND")!.total).toBe(dispatchBefore.total - 1);
    expect((await dispatchPage(w, leader, w.dispatchId))!.counts.total).toBe(pageBefore.counts.total - 1);
    expect((await unitChoices(w, leader)).some((u) => u.id === yte)).toBe(true); // still leads task 1 and 27/CV-VP
  });
});

describe("periods", () => {
  it("months, quarters, years and Monday-to-Sunday weeks", () => {
    expect(periodOf("month", "2024-02-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodOf("quarter", "2024-12-31")).toEqual({ from: "2024-10-01", to: "2024-12-31" });
    expect(periodOf("year", "2023-06-05")).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    expect(weekOf("2023-06-05")).toEqual({ from: "2023-06-05", to: "2023-06-11" }); // a Monday
    expect(weekOf("2023-06-11")).toEqual({ from: "2023-06-05", to: "2023-06-11" }); // its Sunday
  });
});

describe("a recurring task's occurrence not yet begun (issue 12), as /baocao", () => {
  it("is not 'đang thực hiện' in the overview, the unit page, the dispatch list and page, search or the export before its period begins", async () => {
    const leader = await viewer(LEADER);
    const yte = w.unit("Sở Y tế");
    // "Báo cáo hằng tháng": June's report handed in early on 05/06; July's occurrence (due 30/07) exists, July has not begun.
    const id = await assignDispatch(w, dispatch([task("1", [["Sở Y tế", "lead"]], "2023-06-30", "monthly")], { number: "88/BC-UBND", subject: "Báo cáo hằng tháng" }));
    const sent = await w.deliver();
    const post = sent.find((m) => m.chat === YTE && m.payload.op === "send" && m.payload.text.includes("88/BC-UBND"))!;
    await w.message(YTE, "telegram:501", "xong", { replyTo: { messageId: post.messageId } });
    await w.deliver();
    expect(Number(await w.db.sql.value(`SELECT COUNT(*) FROM "Task" WHERE "previousId" IS NOT NULL`))).toBe(1);
    const all = (await reportCounts(w, { kind: "all" })).counts;
    const o = await overview(w, leader);
    expect(o.totalCounts).toEqual(all);
    expect((await search(w, leader, {})).counts).toEqual(all);
    expect((await search(w, leader, { text: "88/BC" })).lines.map((l) => l.status)).toEqual(["done_on_time"]);
    expect((await searchReport(w, leader, { number: "88/BC-UBND" })).lines.map((l) => l.row.deadlineDate)).toEqual(["2023-06-30"]);
    const unit = (await reportCounts(w, { kind: "unit", unitId: yte })).counts;
    expect((await unitPage(w, leader, yte))!.counts).toEqual(unit);
    expect(o.units.find((u) => u.unitId === yte)!.open).toBe(unit.in_progress + unit.overdue + unit.no_deadline);
    expect((await unitPage(w, leader, yte))!.open.lines.some((l) => l.row.dispatchNumber === "88/BC-UBND")).toBe(false);
    const page = (await dispatchPage(w, leader, id))!;
    expect(page.counts).toEqual((await reportCounts(w, { kind: "dispatch", dispatchId: id })).counts);
    expect(page.counts).toMatchObject({ total: 1, in_progress: 0, done_on_time: 1 });
    expect((await dispatchList(w, leader)).find((d) => d.id === id)).toMatchObject({ total: 1, done: 1 });
    expect(page.tasks.map((t) => t.deadlineDate)).toEqual(["2023-06-30"]);

    // From 01/07 July's occurrence has begun: counted, as /baocao does.
    w.clock.set(new Date("2023-07-01T02:00:00Z"));
    const july = (await reportCounts(w, { kind: "all" })).counts;
    expect((await overview(w, leader)).totalCounts).toEqual(july);
    expect((await dispatchPage(w, leader, id))!.counts).toMatchObject({ total: 2, in_progress: 1 });
    expect((await dispatchPage(w, leader, id))!.tasks.map((t) => t.deadlineDate)).toEqual(["2023-06-30", "2023-07-30"]);
    expect((await dispatchList(w, leader)).find((d) => d.id === id)).toMatchObject({ total: 2, done: 1 });
  });
});
