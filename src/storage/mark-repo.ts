import type Database from "better-sqlite3";
import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";
import type { WriteGate } from "./write-gate.js";

/**
 * Points in time the process must remember across restarts (e.g. the last Zalo message handled, from which the Zalo
 * adapter catches up after downtime). Kept as Setting rows under a "mark." key: the office settings schema ignores
 * keys it does not know, so no migration is needed. A mark only moves forward.
 */
export class MarkRepo {
  private readonly get: Database.Statement;
  private readonly set: Database.Statement;

  constructor(
    db: Db,
    private readonly gate: WriteGate = db.gate,
  ) {
    this.get = db.write.prepare(`SELECT value FROM Setting WHERE key = ?`).pluck();
    this.set = db.write.prepare(`INSERT INTO Setting (key, value, updatedAt) VALUES (@key, @value, @at)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt WHERE excluded.value > Setting.value`);
  }

  async read(name: string): Promise<Date | null> {
    const raw = this.get.get(`mark.${name}`) as string | undefined;
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
    await this.gate.run(() => this.set.run({ key: `mark.${name}`, value: JSON.stringify(at.toISOString()), at: sqlDate(at) }));
  }
}
