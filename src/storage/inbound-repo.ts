import type { InboundJournal } from "../chat/inbound-journal.js";
import type { Platform } from "../chat/port.js";
import type { Clock } from "../clock.js";
import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";

/**
 * The inbound journal in the InboundUpdate table (raw statements through db.sql: one insert per update must stay cheap;
 * the same SQL on SQLite and PostgreSQL).
 */
export class InboundRepo implements InboundJournal {
  /** The last receivedAt this process wrote (ms): see record(). */
  private lastAt = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async record(entry: { id: string; platform: Platform; payload: string }): Promise<void> {
    // Arrival order is replayed by receivedAt: updates of one batch arrive within a millisecond, and PostgreSQL has no
    // rowid to break the tie, so this process's stamps strictly increase (by 1 ms at most per update).
    const at = Math.max(this.clock.now().getTime(), this.lastAt + 1);
    this.lastAt = at;
    await this.db.gate.run(() =>
      this.db.sql.run(`INSERT INTO "InboundUpdate" (id, platform, payload, "receivedAt") VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, [
        entry.id, entry.platform, entry.payload, sqlDate(new Date(at)),
      ]),
    );
  }

  async done(id: string): Promise<void> {
    await this.db.gate.run(() => this.db.sql.run(`DELETE FROM "InboundUpdate" WHERE id = ?`, [id]));
  }

  async takeUnhandled(platform: Platform, maxReplays: number): Promise<{ replay: Array<{ id: string; payload: string }>; abandoned: string[] }> {
    // Arrival order (record() keeps one process's stamps apart); ties between workers go by id.
    const order = `"receivedAt", id`;
    return this.db.gate.run(() =>
      this.db.sql.tx(async (sql) => {
        const rows = await sql.all<{ id: string; payload: string; replays: number }>(
          `SELECT id, payload, replays FROM "InboundUpdate" WHERE platform = ? ORDER BY ${order}`,
          [platform],
        );
        const replay: Array<{ id: string; payload: string }> = [];
        const abandoned: string[] = [];
        for (const row of rows) {
          if (Number(row.replays) >= maxReplays) {
            await sql.run(`DELETE FROM "InboundUpdate" WHERE id = ?`, [row.id]);
            abandoned.push(row.id);
          } else {
            await sql.run(`UPDATE "InboundUpdate" SET replays = replays + 1 WHERE id = ?`, [row.id]);
            replay.push({ id: row.id, payload: row.payload });
          }
        }
        return { replay, abandoned };
      }),
    );
  }

  /** How many updates wait to be handled (tests, diagnostics). */
  async count(): Promise<number> {
    return Number((await this.db.readSql.value<number>(`SELECT count(*) FROM "InboundUpdate"`)) ?? 0);
  }
}
