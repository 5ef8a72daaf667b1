/** Instants as Prisma stores them in SQLite ("2024-03-05T01:30:00.000+00:00"), so raw and Prisma rows agree. */
export function sqlDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
