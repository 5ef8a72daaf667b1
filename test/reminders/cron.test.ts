import { afterEach, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { startReminderCron, type ReminderCron } from "../../src/reminders/cron.js";

describe("startReminderCron", () => {
  let handle: ReminderCron | undefined;
  afterEach(async () => {
    await handle?.stop();
    vi.useRealTimers();
  });

  it("ticks on schedule with the clock's time and keeps going after a failing tick", async () => {
    vi.useFakeTimers({ now: new Date("2024-05-31T00:59:00Z") });
    const clock = new ManualClock(new Date("2024-05-31T01:00:00Z"));
    const seen: string[] = [];
    const errors: unknown[] = [];
    let calls = 0;
    handle = startReminderCron(async (now) => {
      calls++;
      if (calls === 1) throw new Error("database locked");
      seen.push(now.toISOString());
    }, { clock, expression: "* * * * *", onError: (e) => errors.push(e) });
    await vi.advanceTimersByTimeAsync(3 * 60_000 + 1_000);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(errors.map(String)).toEqual(["Error: database locked"]);
    expect(seen[0]).toBe("2024-05-31T01:00:00.000Z");
  });

  it("runs one tick on demand and does not overlap a running one", async () => {
    const clock = new ManualClock(new Date("2024-05-31T01:00:00Z"));
    let release!: () => void;
    let calls = 0;
    handle = startReminderCron(() => { calls++; return new Promise<void>((r) => { release = r; }); }, { clock, onError: () => {} });
    const a = handle.runNow();
    const b = handle.runNow();
    expect(calls).toBe(1);
    release();
    await Promise.all([a, b]);
    expect(calls).toBe(1);
  });

  it("refuses an invalid expression", () => {
    expect(() => startReminderCron(async () => {}, { clock: new ManualClock(new Date()), expression: "every day", onError: () => {} })).toThrow(RangeError);
  });
});
