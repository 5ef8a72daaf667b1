/**
 * Calendar days in the office time zone (Asia/Ho_Chi_Minh), and how dondoc writes them. Vietnam has kept UTC+7 without daylight saving since
 * 1975, so a fixed offset is exact for every date dondoc handles and far cheaper than Intl in loops over 100,000
 * assignments. Days are passed around as ISO "YYYY-MM-DD" strings or as day numbers (days since 1970-01-01).
 */
export type IsoDate = string;

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of the office calendar day containing `instant`. */
export function officeDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);
}

/** The office calendar day containing `instant`, as YYYY-MM-DD. */
export function officeDay(instant: Date): IsoDate {
  return isoFromDayNumber(officeDayNumber(instant));
}

// Deadlines repeat across many assignments: parsing each distinct string once keeps 100,000-row loops cheap.
const parsedDays = new Map<string, number>();

/** Day number of an ISO date. Throws RangeError on anything but a valid YYYY-MM-DD. */
export function dayNumber(iso: IsoDate): number {
  const hit = parsedDays.get(iso);
  if (hit !== undefined) return hit;
  const day = parseDay(iso);
  if (parsedDays.size >= 50_000) parsedDays.clear();
  parsedDays.set(iso, day);
  return day;
}

function parseDay(iso: IsoDate): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (isoFromDayNumber(ms / DAY_MS) !== iso) throw new RangeError(`no such day: ${iso}`);
  return ms / DAY_MS;
}

export function isoFromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A due day given as an ISO string, or as a Date carrying that day at 00:00 UTC (how Prisma returns a date-only
 * value), as a day number.
 */
export function dueDayNumber(due: Date | IsoDate): number {
  return typeof due === "string" ? dayNumber(due) : Math.floor(due.getTime() / DAY_MS);
}

/** The instant of `hour`:00 office time on a day. */
export function officeInstant(day: number, hour = 0, minute = 0): Date {
  return new Date(day * DAY_MS - OFFSET_MS + hour * 3_600_000 + minute * 60_000);
}

/** 0 = Sunday … 6 = Saturday, of a day number. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** "2024-05-31" → "31/05/2024", the way dispatches write dates. */
export function displayDay(day: IsoDate): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** An instant as "31/05/2024" in office time. */
export function displayOfficeDay(at: Date): string {
  return displayDay(officeDay(at));
}

/** An instant as "08:05" in office time. */
export function displayOfficeTime(at: Date): string {
  const minutes = Math.floor((at.getTime() / 60_000 + OFFSET_MS / 60_000) % 1440 + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
