import type { WorkingCalendar } from "../reminders/working-days.js";
import { dayNumber, isoFromDayNumber, type IsoDate } from "./office-day.js";

/**
 * Deadlines counted from an event, resolved with the office calendar: "trong 05 ngày làm việc kể từ ngày ký",
 * "05 ngày làm việc kể từ ngày nhận được văn bản", "trong vòng 10 ngày kể từ ngày ban hành". The reader is pure and
 * knows no holidays (it counts Monday–Friday from the signing day and cannot know the day of receipt); here working
 * days skip weekends, public holidays (Tết included) and the office's extra days off, and "ngày nhận" is the day the
 * dispatch reached the office (when the leader forwarded it). Pure.
 */
export interface RelativeDeadline {
  date: IsoDate;
  /** The phrase as written. */
  text: string;
  count: number;
  workingDays: boolean;
  from: "signed" | "received";
}

const RELATIVE_RE =
  /(?:trong(?:\s+(?:vòng|thời hạn|thời gian))?\s+)?(\d{1,3})(?:\s*\([^()]{1,15}\))?\s+ngày(\s+làm\s+việc)?\s*,?\s*(?:kể|tính)\s+từ\s+(?:ngày\s+)?(ký|ban\s+hành|nhận(?:\s+được)?)/iu;

export function resolveRelativeDeadline(
  text: string, dates: { signed: IsoDate | null; received: IsoDate }, calendar: WorkingCalendar,
): RelativeDeadline | null {
  const m = RELATIVE_RE.exec(text.normalize("NFC"));
  if (!m) return null;
  const count = Number(m[1]);
  if (count <= 0) return null;
  const from = /^nhận/iu.test(m[3]!) ? "received" : "signed";
  const base = from === "received" ? dates.received : dates.signed;
  if (!base) return null;
  const workingDays = m[2] !== undefined;
  const start = dayNumber(base);
  const due = workingDays ? calendar.addWorkingDays(start, count) : start + count;
  return { date: isoFromDayNumber(due), text: m[0].replace(/\s+/g, " ").trim(), count, workingDays, from };
}

/** Why a due day is no working day: the public holiday's name, "ngày nghỉ" for a weekend or configured day off; null if it is one. */
export function dayOffReason(day: IsoDate, calendar: WorkingCalendar): { holiday: string | null } | null {
  if (calendar.isWorkingDay(day)) return null;
  return { holiday: calendar.holidayName(day) ?? null };
}
