import { foldKey } from "../text/vietnamese.js";
import { dayNumber, isoFromDayNumber, officeDayNumber, weekdayOf, type IsoDate } from "../tracking/office-day.js";
import type { Translate } from "../i18n.js";
import type { ReportRow } from "./report.js";

/**
 * The periods offices report on (tháng, quý, 6 tháng, năm; the week too, for questions), read from what a secretary
 * types: "tháng 11/2026", "quý III/2026", "quy 3", "6 tháng đầu năm 2026", "6 tháng cuối năm", "năm 2026", "năm nay",
 * "tháng này", "tuần này". Pure: "this month" is relative to the `today` passed in.
 */
export type PeriodKind = "week" | "month" | "quarter" | "half" | "year";

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; unset for a year. For a week, its first day's ISO date is in `from`. */
  index?: number;
  /** First and last office day, inclusive. */
  from: IsoDate;
  to: IsoDate;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function monthPeriod(year: number, month: number): Period {
  return { kind: "month", year, index: month, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
}
export function quarterPeriod(year: number, quarter: number): Period {
  const last = quarter * 3;
  return { kind: "quarter", year, index: quarter, from: `${year}-${pad(last - 2)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
}
export function halfPeriod(year: number, half: number): Period {
  return half === 1 ? { kind: "half", year, index: 1, from: `${year}-01-01`, to: `${year}-06-30` } : { kind: "half", year, index: 2, from: `${year}-07-01`, to: `${year}-12-31` };
}
export function yearPeriod(year: number): Period {
  return { kind: "year", year, from: `${year}-01-01`, to: `${year}-12-31` };
}
/** Monday to Sunday, the office week containing `day`. */
export function weekPeriod(day: IsoDate): Period {
  const n = dayNumber(day);
  const monday = n - ((weekdayOf(n) + 6) % 7);
  const from = isoFromDayNumber(monday);
  return { kind: "week", year: Number(from.slice(0, 4)), from, to: isoFromDayNumber(monday + 6) };
}

type Rule = [RegExp, (m: RegExpExecArray, today: { year: number; month: number; iso: IsoDate }) => Period];
const yearOr = (m: RegExpExecArray, group: number, year: number) => (m[group] ? Number(m[group]) : year);
const thisQuarter = (month: number) => Math.ceil(month / 3);

// Longest forms first: "6 tháng đầu năm" before "tháng", "quý III năm 2026" before "năm 2026".
const RULES: Rule[] = [
  [/ tuan (?:nay|hien tai) /, (_m, d) => weekPeriod(d.iso)],
  [/ tuan truoc /, (_m, d) => weekPeriod(isoFromDayNumber(dayNumber(d.iso) - 7))],
  [/ (?:6 thang|nua) (dau|cuoi) nam(?: (\d{4}))? /, (m, d) => halfPeriod(yearOr(m, 2, d.year), m[1] === "dau" ? 1 : 2)],
  [/ 6 thang(?: nam)? (\d{4}) /, (m) => halfPeriod(Number(m[1]), 1)],
  [/ 6 thang /, (_m, d) => halfPeriod(d.year, d.month <= 6 ? 1 : 2)],
  [/ quy (iv|iii|ii|i|[1-4])(?: (?:nam )?(\d{4}))? /, (m, d) => quarterPeriod(yearOr(m, 2, d.year), ROMAN[m[1]!] ?? Number(m[1]))],
  [/ quy (?:nay|hien tai) /, (_m, d) => quarterPeriod(d.year, thisQuarter(d.month))],
  [/ quy truoc /, (_m, d) => (d.month <= 3 ? quarterPeriod(d.year - 1, 4) : quarterPeriod(d.year, thisQuarter(d.month) - 1))],
  [/ thang (1[0-2]|0?[1-9])(?: (?:nam )?(\d{4}))? /, (m, d) => monthPeriod(yearOr(m, 2, d.year), Number(m[1]))],
  [/ thang (?:nay|hien tai) /, (_m, d) => monthPeriod(d.year, d.month)],
  [/ thang truoc /, (_m, d) => (d.month === 1 ? monthPeriod(d.year - 1, 12) : monthPeriod(d.year, d.month - 1))],
  [/ (?:ca )?nam (\d{4}) /, (m) => yearPeriod(Number(m[1]))],
  [/ (?:nam nay|ca nam) /, (_m, d) => yearPeriod(d.year)],
  [/ nam (?:truoc|ngoai) /, (_m, d) => yearPeriod(d.year - 1)],
];

/**
 * The period a text names, or null. The text may hold other words ("báo cáo quý 3 năm 2026 của Sở Y tế"); the
 * first rule that matches wins, and `rest` is the text without the period phrase (folded: lower case, no
 * diacritics), for finding a unit or dispatch in what is left. `today` (office day, ISO) gives "này/trước" and a
 * missing year.
 */
export function findPeriod(text: string, today: IsoDate): { period: Period; rest: string } | null {
  const s = ` ${foldKey(text).replace(/[./-]/g, " ").replace(/\s+/g, " ")} `;
  const d = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)), iso: today };
  for (const [re, make] of RULES) {
    const m = re.exec(s);
    if (m) return { period: make(m, d), rest: `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`.replace(/\s+/g, " ").trim() };
  }
  return null;
}

export function parsePeriod(text: string, today: IsoDate): Period | null {
  return findPeriod(text, today)?.period ?? null;
}

/** The label a report title uses ("quý III năm 2026", "6 tháng đầu năm 2026"), from locales (reports:period.*). */
export function periodLabel(p: Period, t: Translate): string {
  const romans = ["", "I", "II", "III", "IV"];
  const day = (iso: IsoDate) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return t(`reports:period.${p.kind}${p.kind === "half" ? String(p.index) : ""}`, {
    year: p.year, index: p.index, roman: romans[p.index ?? 0], from: day(p.from), to: day(p.to),
  });
}

/**
 * Whether an assignment belongs to a period's report: due in the period, completed in it, or carried into it (still
 * open with a due day before the period, or with none). Tasks due later and not yet done belong to a later period.
 */
export function inPeriod(row: Pick<ReportRow, "deadlineDate" | "completedAt">, period: Period): boolean {
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  const due = row.deadlineDate === null ? null : dayNumber(row.deadlineDate);
  if (due !== null && due >= from && due <= to) return true;
  if (row.completedAt !== null) {
    const done = officeDayNumber(row.completedAt);
    return done >= from && done <= to;
  }
  return due === null || due < from;
}
