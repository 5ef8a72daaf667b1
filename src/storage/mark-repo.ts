import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";
import type { Sql } from "./sql.js";
import type { WriteGate } from "./write-gate.js";

/**
 * Points in time the process must remember across restarts (e.g. the last Zalo message handled, from which the Zalo
 * adapter catches up after downtime). Kept as Setting rows under a "mark." key: the office settings schema ignores
 * keys it does not know, so no migration is needed. A mark only moves forward.
 */
export class MarkRepo {
  private readonly sql: Sql;

  constructor(
    db: Db,
    private readonly gate: WriteGate = db.gate,
  ) {
    this.sql = db.sql;
  }

  async read(name: string): Promise<Date | null> {
    const raw = await this.sql.value<string>(`SELECT value FROM "Setting" WHERE key = ?`, [`mark.${name}`]);
    if (raw === undefined) return null;
    try {
      const date = new Date(JSON.parse(raw) as string);
      return Number.isNaN(date.getTime()) ? null : date;
    } catch {
      return null;
    }
  }

  /** Records `at` unless a later time is already recorded (ISO strings of one format compare as times). */
  async advance(name: string, at: Date): Promise<void> {
    await this.gate.run(() => this.sql.run(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, "updatedAt" = excluded."updatedAt" WHERE excluded.value > "Setting".value`, [`mark.${name}`, JSON.stringify(at.toISOString()), sqlDate(at)]));
  }
}
