import { describe, expect, it } from "vitest";
import { DEFAULT_OFFICE_HOURS, isOfficeOpen, nextOfficeOpening, parseOfficeHours } from "../../src/reminders/office-hours.js";
import { WorkingCalendar } from "../../src/reminders/working-days.js";

// Instants written in Hà Nội time.
const vn = (s: string) => new Date(`${s}:00+07:00`);
const calendar = new WorkingCalendar({ extraDaysOff: ["2025-01-27", "2025-01-30", "2025-01-31"], extraWorkingDays: ["2024-05-04"] });

describe("office hours (default 07:30–17:30, working days)", () => {
  it.each<[string, boolean]>([
    ["2023-06-05T07:29", false], // Monday before opening
    ["2023-06-05T07:30", true],
    ["2023-06-05T12:00", true],
    ["2023-06-05T17:29", true],
    ["2023-06-05T17:30", false],
    ["2023-06-05T23:30", false], // the restart at night of the issue
    ["2023-06-10T09:00", false], // Saturday
    ["2024-09-02T09:00", false], // Quốc khánh
    ["2025-01-29T09:00", false], // Tết Nguyên Đán (lunar)
    ["2025-01-30T09:00", false], // Tết break day configured off
    ["2024-05-04T09:00", true], // make-up Saturday configured as working
  ])("%s open: %s", (at, open) => {
    expect(isOfficeOpen(vn(at), DEFAULT_OFFICE_HOURS, calendar)).toBe(open);
  });

  it("the next opening: later today, the next working day, or after Tết", () => {
    expect(nextOfficeOpening(vn("2023-06-05T06:00"), DEFAULT_OFFICE_HOURS, calendar)).toEqual(vn("2023-06-05T07:30"));
    expect(nextOfficeOpening(vn("2023-06-05T23:30"), DEFAULT_OFFICE_HOURS, calendar)).toEqual(vn("2023-06-06T07:30"));
    expect(nextOfficeOpening(vn("2023-06-09T18:00"), DEFAULT_OFFICE_HOURS, calendar)).toEqual(vn("2023-06-12T07:30")); // Friday → Monday
    expect(nextOfficeOpening(vn("2025-01-24T20:00"), DEFAULT_OFFICE_HOURS, calendar)).toEqual(vn("2025-02-03T07:30")); // whole Tết break
    expect(nextOfficeOpening(vn("2023-06-05T10:00"), DEFAULT_OFFICE_HOURS, calendar)).toEqual(vn("2023-06-05T10:00"));
  });

  it("parses the setting and rejects nonsense", () => {
    expect(parseOfficeHours("07:30-17:30")).toEqual({ start: "07:30", end: "17:30" });
    expect(parseOfficeHours("7:00 - 16:45")).toEqual({ start: "07:00", end: "16:45" });
    expect(parseOfficeHours("off")).toBeNull();
    for (const bad of ["17:30-07:30", "7-17", "25:00-26:00", "sáng"]) expect(() => parseOfficeHours(bad)).toThrow(RangeError);
  });
});
