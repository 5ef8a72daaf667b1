import type Database from "better-sqlite3";
import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";
import type { WriteGate } from "./write-gate.js";

/**
 * The web dashboard's one-time sign-in links and sessions (decision 0701). Only the SHA-256 of a token is stored, so a
 * copy of the database opens no session. Plain prepared statements: every page view checks its session.
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
  private readonly q: Record<"insert" | "byHash" | "use" | "revoke" | "revokeUser" | "prune", Database.Statement>;
  private readonly gate: WriteGate;

  constructor(db: Db) {
    this.gate = db.gate;
    const w = db.write;
    this.q = {
      insert: w.prepare(`INSERT INTO WebSession (tokenHash, kind, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)`),
      byHash: w.prepare(`SELECT id, kind, userId, createdAt, expiresAt, usedAt, revokedAt FROM WebSession WHERE tokenHash = ?`).raw(true),
      // Only the first use wins: two tabs opening the same link cannot both get a session.
      use: w.prepare(`UPDATE WebSession SET usedAt = ? WHERE id = ? AND usedAt IS NULL AND revokedAt IS NULL`),
      revoke: w.prepare(`UPDATE WebSession SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL`),
      prune: w.prepare(`DELETE FROM WebSession WHERE expiresAt < ?`),
      revokeUser: w.prepare(`UPDATE WebSession SET revokedAt = ? WHERE userId = ? AND revokedAt IS NULL AND expiresAt > ?`),
    };
  }

  async create(input: { tokenHash: string; kind: WebTokenKind; userId: string; at: Date; expiresAt: Date }): Promise<number> {
    return this.gate.run(() => Number(this.q.insert.run(input.tokenHash, input.kind, input.userId, sqlDate(input.at), sqlDate(input.expiresAt)).lastInsertRowid));
  }

  find(tokenHash: string): WebTokenRow | null {
    const r = this.q.byHash.get(tokenHash) as Raw | undefined;
    if (!r) return null;
    return { id: r[0], kind: r[1] as WebTokenKind, userId: r[2], createdAt: new Date(r[3]), expiresAt: new Date(r[4]), usedAt: date(r[5]), revokedAt: date(r[6]) };
  }

  /** Marks a link used; false when it already was (or was revoked meanwhile). */
  async use(id: number, at: Date): Promise<boolean> {
    return this.gate.run(() => this.q.use.run(sqlDate(at), id).changes === 1);
  }

  /** Forgets links and sessions that expired before `before`; how many. */
  async prune(before: Date): Promise<number> {
    return this.gate.run(() => this.q.prune.run(sqlDate(before)).changes);
  }

  async revoke(id: number, at: Date): Promise<boolean> {
    return this.gate.run(() => this.q.revoke.run(sqlDate(at), id).changes === 1);
  }

  /** Revokes every unexpired link and session of a person; how many. */
  async revokeUser(userId: string, at: Date): Promise<number> {
    return this.gate.run(() => this.q.revokeUser.run(sqlDate(at), userId, sqlDate(at)).changes);
  }
}
