import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { findPeriod, inPeriod, monthPeriod, parsePeriod, periodLabel, quarterPeriod } from "../../src/reports/period.js";

const TODAY = "2026-11-18"; // a Wednesday in quý IV

describe("parsePeriod", () => {
  it.each([
    ["tháng 11/2026", "2026-11-01", "2026-11-30", "tháng 11 năm 2026"],
    ["thang 2 2024", "2024-02-01", "2024-02-29", "tháng 2 năm 2024"],
    ["tháng 2", "2026-02-01", "2026-02-28", "tháng 2 năm 2026"],
    ["tháng này", "2026-11-01", "2026-11-30", "tháng 11 năm 2026"],
    ["tháng trước", "2026-10-01", "2026-10-31", "tháng 10 năm 2026"],
    ["quý III/2026", "2026-07-01", "2026-09-30", "quý III năm 2026"],
    ["Quý 1 năm 2025", "2025-01-01", "2025-03-31", "quý I năm 2025"],
    ["quy iv", "2026-10-01", "2026-12-31", "quý IV năm 2026"],
    ["quý này", "2026-10-01", "2026-12-31", "quý IV năm 2026"],
    ["6 tháng đầu năm 2026", "2026-01-01", "2026-06-30", "6 tháng đầu năm 2026"],
    ["6 thang cuoi nam", "2026-07-01", "2026-12-31", "6 tháng cuối năm 2026"],
    ["năm 2025", "2025-01-01", "2025-12-31", "năm 2025"],
    ["năm nay", "2026-01-01", "2026-12-31", "năm 2026"],
    ["tuần này", "2026-11-16", "2026-11-22", "tuần từ 16/11/2026 đến 22/11/2026"],
  ])("%s → %s … %s", (text, from, to, label) => {
    const p = parsePeriod(text, TODAY)!;
    expect([p.from, p.to]).toEqual([from, to]);
    expect(periodLabel(p, translator("vi"))).toBe(label);
  });

  it("finds the period among other words and gives back the rest", () => {
    expect(findPeriod("quý 3/2026 Sở Y tế", TODAY)).toEqual({ period: quarterPeriod(2026, 3), rest: "so y te" });
    expect(findPeriod("Sở Y tế tháng 11", TODAY)!.rest).toBe("so y te");
  });

  it("is not fooled by numbers that are not periods", () => {
    for (const text of ["164/KH-UBND", "Sở Y tế", "quý khách", "thang máy", "tháng 13", "năm học"]) expect(parsePeriod(text, TODAY)).toBeNull();
  });
});

describe("inPeriod", () => {
  const nov = monthPeriod(2026, 11);
  const at = (iso: string) => new Date(`${iso}T10:00:00+07:00`);
  it("takes what is due, done, or carried into the period", () => {
    expect(inPeriod({ deadlineDate: "2026-11-30", completedAt: null }, nov)).toBe(true);
    expect(inPeriod({ deadlineDate: "2026-10-15", completedAt: null }, nov)).toBe(true); // overdue, carried over
    expect(inPeriod({ deadlineDate: "2026-10-15", completedAt: at("2026-11-02") }, nov)).toBe(true); // closed late, in November
    expect(inPeriod({ deadlineDate: "2026-10-15", completedAt: at("2026-10-14") }, nov)).toBe(false); // closed before
    expect(inPeriod({ deadlineDate: "2026-12-15", completedAt: null }, nov)).toBe(false); // later period
    expect(inPeriod({ deadlineDate: "2026-12-15", completedAt: at("2026-11-20") }, nov)).toBe(true); // done early, in November
    expect(inPeriod({ deadlineDate: null, completedAt: null }, nov)).toBe(true);
    expect(inPeriod({ deadlineDate: null, completedAt: at("2026-09-01") }, nov)).toBe(false);
  });
});
