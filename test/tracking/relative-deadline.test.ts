import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "../../src/reminders/working-days.js";
import { dayOffReason, resolveRelativeDeadline } from "../../src/tracking/relative-deadline.js";

// The office calendar of 2025: Tết break 25/01–02/02 (date-holidays knows 28–29/01; the rest announced), Quốc khánh.
const calendar = new WorkingCalendar({ extraDaysOff: ["2025-01-27", "2025-01-30", "2025-01-31", "2025-09-01"] });

describe("relative deadlines on the office calendar", () => {
  it.each<[string, string | null, string, string, "signed" | "received"]>([
    // Signed Thursday 23/01/2025: 5 working days skip the whole Tết break → Thursday 06/02 (Mon–Fri only would say 30/01).
    ["Báo cáo kết quả trong 05 ngày làm việc kể từ ngày ký", "2025-01-23", "2025-01-24", "2025-02-06", "signed"],
    ["trong thời hạn 05 (năm) ngày làm việc, kể từ ngày ban hành văn bản này", "2025-01-23", "2025-01-24", "2025-02-06", "signed"],
    // Counted from receipt: the day the dispatch reached the office (forwarded on Friday 29/08/2025; 02/09 Quốc khánh and 01/09 off).
    ["Gửi báo cáo về Sở Nội vụ trong vòng 03 ngày làm việc kể từ ngày nhận được văn bản", "2025-08-25", "2025-08-29", "2025-09-05", "received"],
    ["05 ngày làm việc kể từ ngày ký", "2025-06-02", "2025-06-03", "2025-06-09", "signed"],
    // Calendar days are calendar days, even across a weekend.
    ["trong vòng 10 ngày kể từ ngày ký", "2025-06-02", "2025-06-03", "2025-06-12", "signed"],
  ])("%s", (text, signed, received, date, from) => {
    expect(resolveRelativeDeadline(text, { signed, received }, calendar)).toMatchObject({ date, from });
  });

  it("is not a relative deadline without an event to count from, or without its date", () => {
    expect(resolveRelativeDeadline("hoàn thành trước ngày 30/6/2025", { signed: "2025-06-02", received: "2025-06-03" }, calendar)).toBeNull();
    expect(resolveRelativeDeadline("trong 05 ngày làm việc", { signed: "2025-06-02", received: "2025-06-03" }, calendar)).toBeNull();
    expect(resolveRelativeDeadline("trong 05 ngày làm việc kể từ ngày ký", { signed: null, received: "2025-06-03" }, calendar)).toBeNull();
  });

  it("names why a due day is off", () => {
    expect(dayOffReason("2025-09-02", calendar)).toEqual({ holiday: expect.stringMatching(/Quốc khánh/) });
    expect(dayOffReason("2025-06-07", calendar)).toEqual({ holiday: null }); // a Saturday
    expect(dayOffReason("2025-01-31", calendar)).toEqual({ holiday: null }); // a configured Tết day
    expect(dayOffReason("2025-06-06", calendar)).toBeNull();
  });
});
