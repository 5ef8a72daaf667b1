import { OFFICE_TZ } from "../clock.js";

/** Calendar days ("YYYY-MM-DD") as offices see them: in Asia/Ho_Chi_Minh, whatever the server's zone. */
const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: OFFICE_TZ, year: "numeric", month: "2-digit", day: "2-digit" });

export function officeDay(at: Date): string {
  return fmt.format(at);
}

/** "2023-11-20" → "20/11/2023", the way dispatches write dates. */
export function displayDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

/** Whole days from `a` to `b` (both "YYYY-MM-DD"); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
