import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { overview, periodOf, search, unitPage, weekOf } from "../../src/tracking/dashboard.js";
import { reportCounts } from "../../src/tracking/status-report.js";
import { viewerOf, type Viewer } from "../../src/tracking/web-access.js";
import { LEADER, OFFICER, webWorld, type WebWorld } from "./helpers.js";

let w: WebWorld;
beforeEach(async () => { w = await webWorld(); });
afterEach(async () => { await w.db.close(); });
const viewer = async (id: string): Promise<Viewer> => viewerOf(await w.store.directory.person(id))!;

describe("the dashboard counts as the chat reports do", () => {
  it("overview and search totals equal /baocao's counts; an officer's equal their unit's", async () => {
    const all = (await reportCounts(w, { kind: "all" })).counts;
    expect(overview(w, await viewer(LEADER)).totalCounts).toEqual(all);
    expect(search(w, await viewer(LEADER), {}).counts).toEqual(all);
    const unit = (await reportCounts(w, { kind: "unit", unitId: w.unit("Sở Nội vụ") })).counts;
    expect(overview(w, await viewer(OFFICER)).totalCounts).toEqual(unit);
    expect(unitPage(w, await viewer(LEADER), w.unit("Sở Nội vụ"))!.counts).toEqual(unit);
  });

  it("a task completed at 00:30 Hà Nội the day after its due day is late (still the due day in UTC); periods count what is due in them", async () => {
    // Task 3 of Sở Y tế is due 07/06/2023: completed 08/06 00:30 in Hà Nội (17:30 UTC on 07/06).
    const id = w.db.read.prepare("SELECT a.id FROM Assignment a JOIN Task t ON t.id = a.taskId WHERE t.ref = '3'").pluck().get() as number;
    w.db.write.prepare("UPDATE Assignment SET status = 'done', completedAt = '2023-06-07T17:30:00.000+00:00' WHERE id = ?").run(id);
    w.clock.set(new Date("2023-07-02T02:00:00Z"));
    const o = overview(w, await viewer(LEADER), "month");
    expect(o.period).toMatchObject({ from: "2023-07-01", to: "2023-07-31" });
    expect(o.periodCounts.total).toBe(1); // 27/CV-VP, due 15/07
    const q = overview(w, await viewer(LEADER), "quarter");
    expect(q.period).toMatchObject({ from: "2023-07-01", to: "2023-09-30" });
    const june = overview(w, await viewer(LEADER), "year");
    expect(june.totalCounts.done_on_time).toBe(1);
    expect(june.totalCounts.done_late).toBe(1);
    expect(june.totalCounts).toEqual((await reportCounts(w, { kind: "all" })).counts);
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
