/** "2023-11-20" → "20/11/2023", the way dispatches write dates. (Office-day arithmetic lives in office-day.ts.) */
export function displayDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}
