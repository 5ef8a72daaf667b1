import type Database from "better-sqlite3";
import type { InboundJournal } from "../chat/inbound-journal.js";
import type { Platform } from "../chat/port.js";
import type { Clock } from "../clock.js";
import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";

/** The inbound journal in the InboundUpdate table (raw statements: one insert per update must stay cheap). */
export class InboundRepo implements InboundJournal {
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly list: Database.Statement;
  private readonly bump: Database.Statement;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.write.prepare(`INSERT INTO InboundUpdate (id, platform, payload, receivedAt) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`);
    this.remove = db.write.prepare(`DELETE FROM InboundUpdate WHERE id = ?`);
    this.list = db.write.prepare(`SELECT id, payload, replays FROM InboundUpdate WHERE platform = ? ORDER BY receivedAt, rowid`);
    this.bump = db.write.prepare(`UPDATE InboundUpdate SET replays = replays + 1 WHERE id = ?`);
  }

  async record(entry: { id: string; platform: Platform; payload: string }): Promise<void> {
    await this.db.gate.run(() => this.insert.run(entry.id, entry.platform, entry.payload, sqlDate(this.clock.now())));
  }

  async done(id: string): Promise<void> {
    await this.db.gate.run(() => this.remove.run(id));
  }

  async takeUnhandled(platform: Platform, maxReplays: number): Promise<{ replay: Array<{ id: string; payload: string }>; abandoned: string[] }> {
    return this.db.gate.run(() =>
      this.db.write.transaction(() => {
        const rows = this.list.all(platform) as Array<{ id: string; payload: string; replays: number }>;
        const replay: Array<{ id: string; payload: string }> = [];
        const abandoned: string[] = [];
        for (const row of rows) {
          if (row.replays >= maxReplays) {
            this.remove.run(row.id);
            abandoned.push(row.id);
          } else {
            this.bump.run(row.id);
            replay.push({ id: row.id, payload: row.payload });
          }
        }
        return { replay, abandoned };
      })(),
    );
  }

  /** How many updates wait to be handled (tests, diagnostics). */
  count(): number {
    return this.db.read.prepare(`SELECT count(*) FROM InboundUpdate`).pluck().get() as number;
  }
}
