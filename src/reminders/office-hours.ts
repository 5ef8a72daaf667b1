import { officeDayNumber, officeInstant } from "../tracking/office-day.js";
import type { WorkingCalendar } from "./working-days.js";

/**
 * Office hours: when dondoc may post to groups (Quy chế: work is followed up in working time). Default 07:30–17:30 on
 * working days (Monday–Friday, public holidays incl. Tết and the configured days off excluded, make-up days included),
 * Vietnam time. Outside them nothing goes to groups: the reminder tick waits, and group messages already queued wait
 * in the outbox for the next opening. Private chats (a leader's own commands) are answered at any time.
 */
export interface OfficeHours {
  /** "HH:MM", office time. */
  start: string;
  end: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { start: "07:30", end: "17:30" };

const minutesOf = (hhmm: string): number => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new RangeError(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/** "07:30-17:30" → hours; "off"/"" → null (send at any time). Throws RangeError on anything else. */
export function parseOfficeHours(text: string): OfficeHours | null {
  const s = text.trim().toLowerCase();
  if (s === "" || s === "off" || s === "none" || s === "0") return null;
  const m = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(s);
  if (!m || minutesOf(m[1]!) >= minutesOf(m[2]!)) throw new RangeError(`office hours must look like 07:30-17:30: ${text}`);
  return { start: m[1]!.padStart(5, "0"), end: m[2]!.padStart(5, "0") };
}

/** Is `now` within office hours on a working day? */
export function isOfficeOpen(now: Date, hours: OfficeHours, calendar: WorkingCalendar): boolean {
  const day = officeDayNumber(now);
  if (!calendar.isWorkingDay(day)) return false;
  const minutes = (now.getTime() - officeInstant(day).getTime()) / 60_000;
  return minutes >= minutesOf(hours.start) && minutes < minutesOf(hours.end);
}

/** `now` when open, else the next opening (start time of the next working day, or today's if still to come). */
export function nextOfficeOpening(now: Date, hours: OfficeHours, calendar: WorkingCalendar): Date {
  if (isOfficeOpen(now, hours, calendar)) return now;
  const start = minutesOf(hours.start);
  const today = officeDayNumber(now);
  const todayOpening = officeInstant(today, Math.floor(start / 60), start % 60);
  if (calendar.isWorkingDay(today) && now < todayOpening) return todayOpening;
  const next = calendar.after(today);
  return officeInstant(next, Math.floor(start / 60), start % 60);
}
