import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";

/**
 * The web dashboard's one-time sign-in links and sessions (decision 0701). Only the SHA-256 of a token is stored, so a
 * copy of the database opens no session. Raw statements through db.sql (SQLite and
 * PostgreSQL): every page view checks its session.
 */
export type WebTokenKind = "link" | "session";

export interface WebTokenRow {
  id: number;
  kind: WebTokenKind;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

type Raw = [number, string, string, string, string, string | null, string | null];
const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

export class WebSessionRepo {
  constructor(private readonly db: Db) {}

  private write<T>(fn: (sql: Db["sql"]) => Promise<T>): Promise<T> {
    return this.db.gate.run(() => fn(this.db.sql));
  }

  async create(input: { tokenHash: string; kind: WebTokenKind; userId: string; at: Date; expiresAt: Date }): Promise<number> {
    return this.write(async (sql) => Number(await sql.value<number>(
      `INSERT INTO "WebSession" ("tokenHash", kind, "userId", "createdAt", "expiresAt") VALUES (?, ?, ?, ?, ?) RETURNING id`,
      [input.tokenHash, input.kind, input.userId, sqlDate(input.at), sqlDate(input.expiresAt)],
    )));
  }

  async find(tokenHash: string): Promise<WebTokenRow | null> {
    // On the write side: a link just created or spent must be seen as such at once.
    const r = await this.db.sql.rows<Raw>(`SELECT id, kind, "userId", "createdAt", "expiresAt", "usedAt", "revokedAt" FROM "WebSession" WHERE "tokenHash" = ?`, [tokenHash]);
    const row = r[0];
    if (!row) return null;
    return { id: Number(row[0]), kind: row[1] as WebTokenKind, userId: row[2], createdAt: new Date(row[3]), expiresAt: new Date(row[4]), usedAt: date(row[5]), revokedAt: date(row[6]) };
  }

  /** Marks a link used; false when it already was (or was revoked meanwhile). Only the first use wins: two tabs opening the same link cannot both get a session. */
  async use(id: number, at: Date): Promise<boolean> {
    return this.write(async (sql) => (await sql.run(`UPDATE "WebSession" SET "usedAt" = ? WHERE id = ? AND "usedAt" IS NULL AND "revokedAt" IS NULL`, [sqlDate(at), id])) === 1);
  }

  /** Forgets links and sessions that expired before `before`; how many. */
  async prune(before: Date): Promise<number> {
    return this.write((sql) => sql.run(`DELETE FROM "WebSession" WHERE "expiresAt" < ?`, [sqlDate(before)]));
  }

  async revoke(id: number, at: Date): Promise<boolean> {
    return this.write(async (sql) => (await sql.run(`UPDATE "WebSession" SET "revokedAt" = ? WHERE id = ? AND "revokedAt" IS NULL`, [sqlDate(at), id])) === 1);
  }

  /** Revokes every unexpired link and session of a person; how many. */
  async revokeUser(userId: string, at: Date): Promise<number> {
    return this.write((sql) => sql.run(`UPDATE "WebSession" SET "revokedAt" = ? WHERE "userId" = ? AND "revokedAt" IS NULL AND "expiresAt" > ?`, [sqlDate(at), userId, sqlDate(at)]));
  }
}
