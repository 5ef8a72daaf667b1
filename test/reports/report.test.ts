import { describe, expect, it } from "vitest";
import { compareRefs, dispatchReport, notReportedReport, overdueReport, unitReport } from "../../src/reports/report.js";
import { NOW, ROWS } from "./fixtures.js";

describe("reports: structured data", () => {
  it("counts a dispatch's lead assignments per official category and per lead unit", () => {
    const r = dispatchReport(ROWS, 164, NOW);
    expect(r.subject).toEqual({ dispatchNumber: "164/KH-UBND", dispatchSubject: expect.stringContaining("cải cách hành chính") });
    expect(r.day).toBe("2024-06-03");
    expect(r.counts).toEqual({ total: 6, done_on_time: 1, done_late: 1, done: 1, in_progress: 1, overdue: 1, no_deadline: 1 });
    expect(r.coordinating).toBe(1);
    expect(r.byLeadUnit.map((u) => [u.unitName, u.counts.total, u.counts.overdue, u.counts.done_on_time])).toEqual([
      ["Sở Nội vụ", 2, 1, 0],
      ["Sở Thông tin và Truyền thông", 2, 0, 1],
      ["UBND quận Ba Đình", 2, 0, 0],
    ]);
    // Counts always add up to the lead lines.
    const leadLines = r.lines.filter((l) => l.row.role === "lead").length;
    expect(r.counts.total).toBe(leadLines);
  });

  it("lists the most urgent first: overdue, then in progress by due day, undated, then completed", () => {
    const r = dispatchReport(ROWS, 164, NOW);
    expect(r.lines.map((l) => [l.row.id, l.status, l.daysLeft])).toEqual([
      [1, "overdue", -3], [2, "overdue", -3], [6, "in_progress", 7], [5, "no_deadline", null],
      [4, "done_late", -14], [3, "done_on_time", -3], [7, "done", null],
    ]);
  });

  it("scopes a unit's report to its own assignments, both roles", () => {
    const r = unitReport(ROWS, 2, NOW);
    expect(r.subject.unitName).toBe("Sở Thông tin và Truyền thông");
    expect(r.lines.map((l) => l.row.id).sort()).toEqual([2, 3, 7]);
    expect(r.counts.total).toBe(2);
    expect(r.coordinating).toBe(1);
  });

  it("lists overdue open assignments across dispatches; a task due today is not overdue", () => {
    const r = overdueReport(ROWS, NOW);
    expect(r.lines.map((l) => l.row.id)).toEqual([1, 2]);
    expect(r.counts).toMatchObject({ total: 1, overdue: 1, in_progress: 0 });
    expect(overdueReport(ROWS, new Date("2024-06-03T17:00:00Z")).lines.map((l) => l.row.id)).toContain(8);
  });

  it("lists open assignments with no report yet", () => {
    expect(notReportedReport(ROWS, NOW).lines.map((l) => l.row.id).sort()).toEqual([1, 2, 6, 8]);
  });

  it("is empty, not broken, for an unknown dispatch", () => {
    const r = dispatchReport(ROWS, 999, NOW);
    expect(r.lines).toEqual([]);
    expect(r.counts.total).toBe(0);
  });

  it("orders item refs numerically", () => {
    expect(["10", "2", "II.10", "II.2", "1", "III.1.a"].sort(compareRefs)).toEqual(["1", "2", "10", "II.2", "II.10", "III.1.a"]);
  });
});
