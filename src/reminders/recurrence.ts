import type { Recurrence } from "../dispatch/schema.js";
import { dayNumber, isoFromDayNumber, type IsoDate } from "../tracking/office-day.js";

const MONTHS: Partial<Record<Recurrence, number>> = { yearly: 12, semiannual: 6, quarterly: 3, monthly: 1 };

/**
 * The due day of the occurrence after `deadline` for a recurring task ("hàng năm", "6 tháng", "hàng quý", "hàng
 * tháng", "hằng tuần"). Month arithmetic clamps to the month's end (31 Jan + monthly = 28 or 29 Feb). Pass the first
 * due day as `anchor` to keep its day of month across short months (31 Jan → 29 Feb → 31 Mar, not 29 Mar).
 * Returns null for "periodic" (a bare "định kỳ": the leader picks the period) and for a null recurrence.
 * Throws RangeError on a malformed ISO date.
 */
export function nextOccurrence(deadline: IsoDate, recurrence: Recurrence | null, anchor?: IsoDate): IsoDate | null {
  if (recurrence === null || recurrence === "periodic") return null;
  const day = dayNumber(deadline);
  if (recurrence === "weekly") return isoFromDayNumber(day + 7);
  const months = MONTHS[recurrence]!;
  const [y, m, d] = deadline.split("-").map(Number) as [number, number, number];
  const wantedDay = anchor === undefined ? d : Number(anchor.slice(8, 10));
  if (anchor !== undefined) dayNumber(anchor);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(wantedDay, last)).padStart(2, "0")}`;
}

/** The first occurrence strictly after `today` (for a period that passed while the task stayed open), or null. */
export function occurrenceAfter(deadline: IsoDate, recurrence: Recurrence | null, today: IsoDate, anchor?: IsoDate): IsoDate | null {
  const limit = dayNumber(today);
  let current: IsoDate | null = deadline;
  while (current !== null && dayNumber(current) <= limit) current = nextOccurrence(current, recurrence, anchor ?? deadline);
  return current;
}
