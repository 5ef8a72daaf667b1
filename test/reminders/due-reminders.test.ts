import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueReminders, type OpenAssignment } from "../../src/reminders/due-reminders.js";
import type { ReminderSettings } from "../../src/reminders/settings.js";
import { WorkingCalendar } from "../../src/reminders/working-days.js";
import { dayNumber, isoFromDayNumber } from "../../src/tracking/office-day.js";

const vn = (local: string) => new Date(`${local}+07:00`);
const task = (id: string, deadline: string | null, unitId = "u1", chat: string | null = "telegram:-100"): OpenAssignment =>
  ({ assignmentId: id, unitId, chat, deadline });

/**
 * Runs the tick at 09:00 VN every calendar day in [from, to], recording what was sent as a real tick would, and
 * returns "day kind daysLeft" lines for one assignment.
 */
function timeline(a: OpenAssignment, from: string, to: string, settings: Partial<ReminderSettings> = {}): string[] {
  const sent = new Set<string>();
  const lines: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) {
    const day = isoFromDayNumber(d);
    const out = dueReminders({ openAssignments: [a], now: vn(`${day}T09:00:00`), settings, alreadySent: sent });
    for (const r of out.reminders) {
      lines.push(`${day} ${r.kind} ${r.daysLeft}`);
      sent.add(r.key);
    }
  }
  return lines;
}

describe("dueReminders: timing", () => {
  it("T-7, T-3, T-1, due day, then every working day overdue (deadline on a Friday)", () => {
    expect(timeline(task("a", "2024-05-31"), "2024-05-20", "2024-06-05")).toEqual([
      "2024-05-24 before 7", "2024-05-28 before 3", "2024-05-30 before 1", "2024-05-31 due 0",
      "2024-06-03 overdue -3", "2024-06-04 overdue -4", "2024-06-05 overdue -5",
    ]);
  });

  it("moves a reminder that falls on the weekend to the Friday before (deadline on a Monday)", () => {
    expect(timeline(task("a", "2024-06-03"), "2024-05-25", "2024-06-04")).toEqual([
      "2024-05-27 before 7", "2024-05-31 before 3", "2024-06-03 due 0", "2024-06-04 overdue -1",
    ]);
  });

  it("sends the due-day reminder on the Friday when the deadline is a Sunday", () => {
    expect(timeline(task("a", "2024-06-02"), "2024-05-20", "2024-06-04")).toEqual([
      "2024-05-24 before 9", "2024-05-30 before 3", "2024-05-31 due 2", "2024-06-03 overdue -1", "2024-06-04 overdue -2",
    ]);
  });

  it("handles the Tết break: everything before it goes out on the last working day, overdue resumes after", () => {
    const settings = { extraDaysOff: ["2025-01-27", "2025-01-30", "2025-01-31"] };
    expect(timeline(task("a", "2025-01-31"), "2025-01-20", "2025-02-04", settings)).toEqual([
      "2025-01-24 due 7", "2025-02-03 overdue -3", "2025-02-04 overdue -4",
    ]);
  });

  it("uses a make-up Saturday and skips a bridge Monday (30/4 – 1/5 of 2024)", () => {
    const settings = { extraDaysOff: ["2024-04-29"], extraWorkingDays: ["2024-05-04"] };
    expect(timeline(task("a", "2024-05-06"), "2024-04-22", "2024-05-06", settings)).toEqual([
      "2024-04-26 before 10", "2024-05-03 before 3", "2024-05-04 before 2", "2024-05-06 due 0",
    ]);
  });

  it("crosses a month end and a leap day", () => {
    expect(timeline(task("a", "2024-03-01"), "2024-02-20", "2024-03-01")).toEqual([
      "2024-02-23 before 7", "2024-02-27 before 3", "2024-02-29 before 1", "2024-03-01 due 0",
    ]);
  });

  it("follows the office's offsets and can remind overdue tasks only once", () => {
    const settings = { offsetsDays: [2], overdueEveryWorkingDay: false };
    expect(timeline(task("a", "2024-05-31"), "2024-05-20", "2024-06-07", settings)).toEqual([
      "2024-05-29 before 2", "2024-05-31 due 0", "2024-06-03 overdue -3",
    ]);
  });

  it("sends nothing before the office hour, on a day off, or for a task without deadline", () => {
    const base = { openAssignments: [task("a", "2024-05-31"), task("b", null)], alreadySent: new Set<string>() };
    expect(dueReminders({ ...base, now: vn("2024-05-31T07:59:59") }).reminders).toEqual([]);
    expect(dueReminders({ ...base, now: vn("2024-05-31T08:00:00") }).reminders.map((r) => r.key)).toEqual(["a:due:2024-05-31"]);
    expect(dueReminders({ ...base, now: vn("2024-05-31T06:00:00"), settings: { hour: 6 } }).reminders).toHaveLength(1);
    expect(dueReminders({ ...base, now: vn("2024-06-01T09:00:00") }).reminders).toEqual([]);
    const late = dueReminders({ ...base, now: vn("2024-05-31T23:30:00") });
    expect(late.day).toBe("2024-05-31");
    expect(late.sendAt.toISOString()).toBe("2024-05-31T01:00:00.000Z");
  });

  it("falls back to the defaults for settings left undefined", () => {
    const out = dueReminders({ openAssignments: [task("a", "2024-06-07")], now: vn("2024-05-31T09:00:00"), settings: { offsetsDays: undefined, hour: undefined }, alreadySent: new Set() });
    expect(out.reminders.map((r) => r.key)).toEqual(["a:before:2024-05-31"]);
  });

  it("reads the day in Vietnam time: 23:30 UTC on the 30th is already the 31st", () => {
    const out = dueReminders({ openAssignments: [task("a", "2024-05-31")], now: new Date("2024-05-31T01:30:00Z"), alreadySent: new Set() });
    expect(out.reminders[0]?.kind).toBe("due");
    const before = dueReminders({ openAssignments: [task("a", "2024-05-31")], now: new Date("2024-05-30T23:30:00Z"), alreadySent: new Set() });
    expect(before.reminders).toEqual([]);
  });
});

describe("dueReminders: grouping and idempotency", () => {
  const now = vn("2024-05-31T08:05:00");
  const open = [
    { ...task("a1", "2024-05-31", "u1", "zalo:g1"), ref: "1" },
    { ...task("a2", "2024-06-03", "u1", "zalo:g1"), ref: "2" },
    { ...task("a3", "2024-05-20", "u1", "zalo:g1"), ref: "3" },
    { ...task("b1", "2024-05-28", "u2", "telegram:-200"), ref: "1" },
    { ...task("c1", "2024-06-07", "u3", null), ref: "4" },
    { ...task("d1", "2024-06-20", "u4", "telegram:-400"), ref: "5" },
    { ...task("x1", "31/05/2024", "u4", "telegram:-400"), ref: "6" },
  ];

  it("makes one digest per unit chat, most urgent first, and an overdue digest for the leader", () => {
    const out = dueReminders({ openAssignments: open, now, alreadySent: new Set() });
    expect(out.unitDigests.map((d) => [d.chat, d.unitId, d.reminders.map((r) => `${r.assignment.ref}:${r.kind}`)])).toEqual([
      ["zalo:g1", "u1", ["3:overdue", "1:due", "2:before"]],
      ["telegram:-200", "u2", ["1:overdue"]],
    ]);
    expect(out.leaderDigest?.key).toBe("leader-overdue:2024-05-31");
    expect(out.leaderDigest?.reminders.map((r) => [r.assignment.assignmentId, r.daysLeft])).toEqual([["a3", -11], ["b1", -3]]);
    expect(out.withoutChat.map((r) => r.key)).toEqual(["c1:before:2024-05-31"]);
    expect(out.invalid.map((a) => a.assignmentId)).toEqual(["x1"]);
  });

  it("never repeats what was sent, and a digest's key changes with its content", () => {
    const first = dueReminders({ openAssignments: open, now, alreadySent: new Set() });
    const sent = new Set([...first.reminders.map((r) => r.key), first.leaderDigest!.key]);
    const again = dueReminders({ openAssignments: open, now: vn("2024-05-31T15:00:00"), alreadySent: sent });
    expect(again.reminders).toEqual([]);
    expect(again.unitDigests).toEqual([]);
    expect(again.leaderDigest).toBeNull();

    // A task confirmed at noon, due in 3 days, still gets today's reminder in a digest with a new key.
    const later = [...open, { ...task("a9", "2024-06-03", "u1", "zalo:g1"), ref: "9" }];
    const noon = dueReminders({ openAssignments: later, now: vn("2024-05-31T12:00:00"), alreadySent: sent });
    expect(noon.unitDigests.map((d) => d.reminders.map((r) => r.key))).toEqual([["a9:before:2024-05-31"]]);
    expect(noon.unitDigests[0]!.key).not.toBe(first.unitDigests[0]!.key);
    expect(noon.unitDigests[0]!.key).toMatch(/^digest:zalo:g1:2024-05-31:/);
  });

  it("gives the same keys for the same input (a restart recomputes the same reminders)", () => {
    const a = dueReminders({ openAssignments: open, now, alreadySent: new Set() });
    const b = dueReminders({ openAssignments: [...open].reverse(), now: vn("2024-05-31T10:00:00"), alreadySent: new Set() });
    expect(new Set(b.reminders.map((r) => r.key))).toEqual(new Set(a.reminders.map((r) => r.key)));
    expect(new Set(b.unitDigests.map((d) => d.key))).toEqual(new Set(a.unitDigests.map((d) => d.key)));
  });
});

describe("dueReminders: properties over random deadlines, offsets and days off", () => {
  it("reminds only on working days, once per day, exactly one due reminder, overdue every working day after", () => {
    const start = dayNumber("2024-01-01");
    fc.assert(fc.property(
      fc.integer({ min: 20, max: 700 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { maxLength: 4 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 730 }), { maxLength: 15 }),
      (dueOffset, offsetsDays, offDays) => {
        const extraDaysOff = offDays.map((d) => isoFromDayNumber(start + d));
        const calendar = new WorkingCalendar({ extraDaysOff });
        const due = start + dueOffset;
        const a = task("p", isoFromDayNumber(due));
        const sent = new Set<string>();
        const perDay: Array<{ day: number; kind: string }> = [];
        for (let d = due - 20; d <= due + 10; d++) {
          const out = dueReminders({ openAssignments: [a], now: vn(`${isoFromDayNumber(d)}T10:00:00`), settings: { offsetsDays }, alreadySent: sent, calendar });
          expect(out.reminders.length).toBeLessThanOrEqual(1);
          for (const r of out.reminders) { perDay.push({ day: d, kind: r.kind }); sent.add(r.key); }
        }
        for (const r of perDay) expect(calendar.isWorkingDay(r.day)).toBe(true);
        expect(perDay.filter((r) => r.kind === "due").map((r) => r.day)).toEqual([calendar.onOrBefore(due)]);
        for (const r of perDay) expect(r.kind === "overdue" ? r.day > due : r.day <= due).toBe(true);
        const workingAfter = Array.from({ length: 10 }, (_, i) => due + 1 + i).filter((d) => calendar.isWorkingDay(d));
        expect(perDay.filter((r) => r.kind === "overdue").map((r) => r.day)).toEqual(workingAfter);
      },
    ), { numRuns: 150 });
  });
});
