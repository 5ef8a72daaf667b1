import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "../../src/reminders/working-days.js";
import { dayNumber, isoFromDayNumber } from "../../src/tracking/office-day.js";

// The 2025 Tết break for civil servants ran Sat 25 Jan – Sun 2 Feb; date-holidays knows only 28 and 29 Jan.
const TET_2025 = ["2025-01-27", "2025-01-30", "2025-01-31"];
// 2024: Mon 29 Apr off (bridging 27 Apr – 1 May), made up by working Sat 4 May. Quốc khánh 2024: Mon 2 + Tue 3 Sep.
const SWAP_2024 = { extraDaysOff: ["2024-04-29", "2024-09-03"], extraWorkingDays: ["2024-05-04"] };

describe("WorkingCalendar (Vietnam)", () => {
  const plain = new WorkingCalendar();
  const office = new WorkingCalendar({ extraDaysOff: [...TET_2025, ...SWAP_2024.extraDaysOff], extraWorkingDays: SWAP_2024.extraWorkingDays });

  it.each<[string, boolean, string]>([
    ["2024-05-31", true, "a Friday"],
    ["2024-06-01", false, "a Saturday"],
    ["2024-06-02", false, "a Sunday"],
    ["2024-01-01", false, "Tết Dương lịch"],
    ["2024-02-09", false, "Giao thừa (lunar, 2024)"],
    ["2024-02-10", false, "Tết Nguyên Đán (lunar, 2024; a Saturday anyway)"],
    ["2025-01-28", false, "Giao thừa (lunar, 2025)"],
    ["2025-01-29", false, "Tết Nguyên Đán (lunar, 2025)"],
    ["2024-04-18", false, "Giỗ tổ Hùng Vương (10/3 lunar, 2024)"],
    ["2025-04-07", false, "Giỗ tổ Hùng Vương (10/3 lunar, 2025)"],
    ["2024-04-30", false, "Ngày Giải phóng miền Nam"],
    ["2024-05-01", false, "Quốc tế Lao động"],
    ["2024-09-02", false, "Quốc khánh"],
    ["2025-01-30", true, "the Tết break date-holidays does not know"],
    ["2024-05-12", false, "Lễ Phật đản is an observance, and a Sunday"],
    ["2025-05-12", true, "Lễ Phật đản 2025 is an observance on a Monday: a working day"],
    ["2024-11-20", true, "Ngày Nhà giáo is an observance, not a day off"],
  ])("without settings, %s working=%s (%s)", (day, working) => {
    expect(plain.isWorkingDay(day)).toBe(working);
  });

  it("adds the announced Tết break, bridge and second Quốc khánh day, and the make-up Saturday", () => {
    for (const d of [...TET_2025, "2024-04-29", "2024-09-03"]) expect(office.isWorkingDay(d), d).toBe(false);
    expect(office.isWorkingDay("2024-05-04")).toBe(true);
    expect(office.isWorkingDay("2024-05-05")).toBe(false);
  });

  it("steps back and forward over days off", () => {
    const back = (d: string) => isoFromDayNumber(office.onOrBefore(dayNumber(d)));
    const fwd = (d: string) => isoFromDayNumber(office.after(dayNumber(d)));
    expect(back("2025-01-31")).toBe("2025-01-24");
    expect(fwd("2025-01-24")).toBe("2025-02-03");
    expect(back("2024-05-05")).toBe("2024-05-04");
    expect(back("2024-05-01")).toBe("2024-04-26");
    expect(fwd("2024-08-30")).toBe("2024-09-04");
    expect(back("2024-05-31")).toBe("2024-05-31");
  });

  it("counts working days (\"trong vòng 05 ngày làm việc\")", () => {
    expect(isoFromDayNumber(office.addWorkingDays(dayNumber("2025-01-22"), 5))).toBe("2025-02-05");
    expect(isoFromDayNumber(plain.addWorkingDays(dayNumber("2024-05-29"), 5))).toBe("2024-06-05");
  });

  it("names the public holiday", () => {
    expect(plain.holidayName("2025-01-29")).toBe("Tết Nguyên Đán");
    expect(plain.holidayName("2024-04-18")).toBe("Giỗ tổ Hùng Vương");
    expect(plain.holidayName("2024-05-31")).toBeUndefined();
  });

  it("refuses a malformed date in the settings", () => {
    expect(() => new WorkingCalendar({ extraDaysOff: ["30/01/2025"] })).toThrow(RangeError);
  });
});
