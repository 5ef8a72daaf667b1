import { isoFromDayNumber, officeDayNumber, type IsoDate } from "../tracking/office-day.js";

/** "2024-05-31" → "31/05/2024", as dispatches write dates. */
export function displayDate(day: IsoDate): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** An instant as "31/05/2024" in office time. */
export function displayOfficeDate(at: Date): string {
  return displayDate(isoFromDayNumber(officeDayNumber(at)));
}

/** An instant as "08:05" in office time (UTC+7, no daylight saving). */
export function displayOfficeTime(at: Date): string {
  const minutes = Math.floor((at.getTime() / 60_000 + 7 * 60) % 1440 + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** One line of user text: whitespace collapsed, cut at a word boundary to `max` characters with "…". */
export function clip(text: string, max: number): string {
  const flat = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\uD800-\uDBFF]$/, "").trimEnd()}…`;
}
