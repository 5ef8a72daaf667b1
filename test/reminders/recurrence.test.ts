import { describe, expect, it } from "vitest";
import { nextOccurrence, occurrenceAfter } from "../../src/reminders/recurrence.js";

describe("nextOccurrence", () => {
  it.each([
    ["2024-11-20", "yearly", undefined, "2025-11-20"],
    ["2024-02-29", "yearly", undefined, "2025-02-28"],
    ["2025-02-28", "yearly", "2024-02-29", "2026-02-28"],
    ["2027-02-28", "yearly", "2024-02-29", "2028-02-29"],
    ["2024-06-15", "semiannual", undefined, "2024-12-15"],
    ["2024-08-31", "semiannual", undefined, "2025-02-28"],
    ["2024-12-20", "quarterly", undefined, "2025-03-20"],
    ["2024-11-30", "quarterly", undefined, "2025-02-28"],
    ["2024-01-31", "monthly", undefined, "2024-02-29"],
    ["2023-01-31", "monthly", undefined, "2023-02-28"],
    ["2024-02-29", "monthly", "2024-01-31", "2024-03-31"],
    ["2024-03-31", "monthly", undefined, "2024-04-30"],
    ["2024-12-25", "monthly", undefined, "2025-01-25"],
    ["2024-12-30", "weekly", undefined, "2025-01-06"],
    ["2024-02-26", "weekly", undefined, "2024-03-04"],
    ["2024-02-23", "weekly", undefined, "2024-03-01"],
  ] as const)("%s %s (anchor %s) → %s", (deadline, recurrence, anchor, expected) => {
    expect(nextOccurrence(deadline, recurrence, anchor)).toBe(expected);
  });

  it("has no next occurrence for a bare \"định kỳ\" or a one-off task", () => {
    expect(nextOccurrence("2024-05-31", "periodic")).toBeNull();
    expect(nextOccurrence("2024-05-31", null)).toBeNull();
  });

  it("refuses malformed dates", () => {
    expect(() => nextOccurrence("2024-02-30", "monthly")).toThrow(RangeError);
    expect(() => nextOccurrence("2024-01-31", "monthly", "31/01/2024")).toThrow(RangeError);
  });
});

describe("occurrenceAfter", () => {
  it("skips the periods that passed, keeping the anchor's day of month", () => {
    expect(occurrenceAfter("2024-01-31", "monthly", "2024-05-15")).toBe("2024-05-31");
    expect(occurrenceAfter("2024-01-31", "monthly", "2024-05-31")).toBe("2024-06-30");
    expect(occurrenceAfter("2024-03-31", "quarterly", "2024-04-01")).toBe("2024-06-30");
    expect(occurrenceAfter("2024-05-31", "weekly", "2024-05-30")).toBe("2024-05-31");
    expect(occurrenceAfter("2024-05-31", "periodic", "2024-06-30")).toBeNull();
  });
});
