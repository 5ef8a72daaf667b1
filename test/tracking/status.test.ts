import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { TASK_STATUSES, daysLeft, isDone, statusLabelKey, statusOf, type TaskStatus } from "../../src/tracking/status.js";

/** Instants written in Vietnam time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

const CASES: Array<[string, string | null, string | null, string, TaskStatus]> = [
  // name, deadline, completedAt (VN), now (VN), expected
  ["completed the day before", "2024-05-31", "2024-05-30T10:00:00", "2024-06-10T08:00:00", "done_on_time"],
  ["completed at 23:30 VN on the due day", "2024-05-31", "2024-05-31T23:30:00", "2024-06-10T08:00:00", "done_on_time"],
  ["completed at 23:59:59 VN on the due day", "2024-05-31", "2024-05-31T23:59:59", "2024-06-01T08:00:00", "done_on_time"],
  ["completed 00:00 VN the day after", "2024-05-31", "2024-06-01T00:00:00", "2024-06-01T08:00:00", "done_late"],
  ["completed at 00:30 VN the day after (still 31 May in UTC)", "2024-05-31", "2024-06-01T00:30:00", "2024-06-02T08:00:00", "done_late"],
  ["completed weeks late", "2024-05-31", "2024-07-15T09:00:00", "2024-08-01T08:00:00", "done_late"],
  ["completed without a deadline", null, "2024-05-31T09:00:00", "2024-06-01T08:00:00", "done"],
  ["open, due today", "2024-05-31", null, "2024-05-31T23:59:00", "in_progress"],
  ["open, due in a week", "2024-05-31", null, "2024-05-24T08:00:00", "in_progress"],
  ["open, first minute after the due day", "2024-05-31", null, "2024-06-01T00:00:00", "overdue"],
  ["open at 06:00 VN the day after (23:00 UTC on the due day)", "2024-05-31", null, "2024-06-01T06:00:00", "overdue"],
  ["open, due 29 Feb of a leap year, checked 1 Mar", "2024-02-29", null, "2024-03-01T08:00:00", "overdue"],
  ["open, due 31 Dec, checked New Year's Day", "2024-12-31", null, "2025-01-01T07:00:00", "overdue"],
  ["open without a deadline", null, null, "2030-01-01T00:00:00", "no_deadline"],
];

describe("statusOf", () => {
  it.each(CASES)("%s", (_name, deadline, completedAt, now, expected) => {
    const input = { deadline, completedAt: completedAt ? vn(completedAt) : null, now: vn(now) };
    expect(statusOf(input)).toBe(expected);
  });

  it("reads a Date deadline as the day Prisma stores (00:00 UTC)", () => {
    const deadline = new Date("2024-05-31T00:00:00Z");
    expect(statusOf({ deadline, completedAt: vn("2024-05-31T23:30:00"), now: vn("2024-06-05T08:00:00") })).toBe("done_on_time");
    expect(statusOf({ deadline, completedAt: null, now: vn("2024-06-01T00:00:01") })).toBe("overdue");
  });

  it("rejects a malformed or impossible ISO date instead of guessing", () => {
    expect(() => statusOf({ deadline: "31/05/2024", completedAt: null, now: new Date() })).toThrow(RangeError);
    expect(() => statusOf({ deadline: "2023-02-29", completedAt: null, now: new Date() })).toThrow(RangeError);
  });
});

describe("daysLeft", () => {
  it.each([
    ["2024-05-31", "2024-05-24T08:00:00", 7],
    ["2024-05-31", "2024-05-31T23:59:00", 0],
    ["2024-05-31", "2024-06-01T00:01:00", -1],
    ["2024-03-01", "2024-02-28T12:00:00", 2],
    ["2023-03-01", "2023-02-28T12:00:00", 1],
  ] as const)("%s seen at %s VN is %i days away", (deadline, now, days) => {
    expect(daysLeft(deadline, vn(now))).toBe(days);
  });
});

describe("status labels", () => {
  it("has the official Vietnamese wording and an English one for every status", () => {
    const vi = translator("vi");
    const en = translator("en");
    expect(TASK_STATUSES.map((s) => vi(statusLabelKey(s)))).toEqual([
      "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Hoàn thành", "Đang thực hiện (trong hạn)",
      "Quá hạn chưa hoàn thành", "Chưa có hạn",
    ]);
    for (const s of TASK_STATUSES) expect(en(statusLabelKey(s))).not.toBe(statusLabelKey(s));
    expect(TASK_STATUSES.filter(isDone)).toEqual(["done_on_time", "done_late", "done"]);
  });
});
