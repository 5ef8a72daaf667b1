import Holidays from "date-holidays";
import { dayNumber, isoFromDayNumber, weekdayOf, type IsoDate } from "../tracking/office-day.js";

/**
 * Working days of a Vietnamese office: Monday–Friday, minus the public holidays date-holidays knows for VN (lunar
 * ones included: Giao thừa, Tết Nguyên Đán, Giỗ tổ Hùng Vương), minus the days off announced each year (the rest of
 * the Tết break, the second Quốc khánh day, compensatory days), plus announced make-up working days (a Saturday worked
 * in exchange). date-holidays lists only two Tết days and no compensatory days, hence the two lists.
 */
export interface WorkingCalendarSettings {
  /** Extra days off, ISO dates (e.g. the whole Tết break). */
  extraDaysOff?: readonly IsoDate[];
  /** Days worked although they are weekends or holidays (make-up Saturdays), ISO dates. Wins over everything. */
  extraWorkingDays?: readonly IsoDate[];
}

let holidaysVN: Holidays | undefined;
const publicHolidaysByYear = new Map<number, Map<number, string>>();

/** Public holidays (type "public": observances are not days off) of a year: day number → Vietnamese name. */
function publicHolidays(year: number): Map<number, string> {
  let days = publicHolidaysByYear.get(year);
  if (!days) {
    holidaysVN ??= new Holidays("VN", { languages: ["vi"], types: ["public"] });
    days = new Map();
    for (const h of holidaysVN.getHolidays(year, "vi")) {
      if (h.type === "public") days.set(dayNumber(h.date.slice(0, 10)), h.name);
    }
    publicHolidaysByYear.set(year, days);
  }
  return days;
}

export class WorkingCalendar {
  private readonly off: Set<number>;
  private readonly on: Set<number>;
  private readonly cache = new Map<number, boolean>();

  /** Throws RangeError on a malformed date in the lists (settings errors must surface at start-up). */
  constructor(settings: WorkingCalendarSettings = {}) {
    this.off = new Set((settings.extraDaysOff ?? []).map(dayNumber));
    this.on = new Set((settings.extraWorkingDays ?? []).map(dayNumber));
  }

  /** Is this day (ISO date or day number) a working day? */
  isWorkingDay(day: number | IsoDate): boolean {
    const n = typeof day === "number" ? day : dayNumber(day);
    let working = this.cache.get(n);
    if (working === undefined) {
      working = this.on.has(n) || !(this.off.has(n) || isWeekend(n) || this.holidayName(n) !== undefined);
      this.cache.set(n, working);
    }
    return working;
  }

  /** The public holiday's Vietnamese name on this day, if it is one. */
  holidayName(day: number | IsoDate): string | undefined {
    const n = typeof day === "number" ? day : dayNumber(day);
    return publicHolidays(Number(isoFromDayNumber(n).slice(0, 4))).get(n);
  }

  /** The latest working day on or before `day` (day numbers). */
  onOrBefore(day: number): number {
    let n = day;
    while (!this.isWorkingDay(n)) n--;
    return n;
  }

  /** The first working day strictly after `day` (day numbers). */
  after(day: number): number {
    let n = day + 1;
    while (!this.isWorkingDay(n)) n++;
    return n;
  }

  /** `count` working days after `day` ("trong vòng 05 ngày làm việc"), day numbers. */
  addWorkingDays(day: number, count: number): number {
    let n = day;
    for (let i = 0; i < count; i++) n = this.after(n);
    return n;
  }
}

function isWeekend(day: number): boolean {
  const wd = weekdayOf(day);
  return wd === 0 || wd === 6;
}
