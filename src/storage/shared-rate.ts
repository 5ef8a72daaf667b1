import { isGroupChat, RateLimiter, type RateLimits, type RateSlot, type RateWindow, type SendPacer } from "../chat/delivery/rate-limiter.js";
import { type ChatId, type Platform, parseChatId } from "../chat/port.js";
import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";
import type { Sql } from "./sql.js";

/**
 * Telegram's limits (20 messages a minute per group, ~30 a second per bot) hold for the bot, not per process: with
 * three workers each pacing itself, a group could get 60 a minute. This pacer keeps the sliding windows of
 * RateLimiter in the database (RateHit rows), so every worker counts every worker's sends. Acquiring a send is one
 * short transaction serialised per platform (PostgreSQL: an advisory transaction lock; SQLite: its write lock) —
 * a few per second at Telegram's rate, nothing a database notices.
 *
 * As in RateLimiter, a send counts from its completion: while in flight its row is dated `inFlightMs` ahead (so it
 * counts in every window), and settle() dates it when the platform answered. A worker that dies mid-send leaves a row
 * that stops counting after `inFlightMs` plus the window. 429 pauses stay per process (the item's own notBefore,
 * which retryLater stores, holds it back for every worker).
 */
export class SharedRateLimiter implements SendPacer {
  private readonly local: RateLimiter;
  private acquiredSincePrune = 0;

  constructor(
    private readonly db: Pick<Db, "sql" | "gate">,
    private readonly limitsFor: (platform: Platform) => RateLimits,
    private readonly now: () => number = Date.now,
    private readonly options: { inFlightMs?: number; pruneEvery?: number } = {},
  ) {
    this.local = new RateLimiter(limitsFor, now);
  }

  /** Only this process's pauses (429): the windows are in the database and checked by tryAcquire. */
  waitMs(chat: ChatId): number {
    return this.local.pausedMs(chat);
  }

  pauseFor(chat: ChatId, ms: number): void {
    this.local.pauseFor(chat, ms);
  }

  async tryAcquire(chat: ChatId): Promise<RateSlot | number> {
    const paused = this.local.pausedMs(chat);
    if (paused > 0) return paused;
    const { platform } = parseChatId(chat);
    const limits = this.limitsFor(platform);
    const scopes: Array<[string, RateWindow]> = [
      [`chat:${chat}`, isGroupChat(chat) ? limits.group : limits.private],
      [`global:${platform}`, limits.global],
    ];
    const inFlightMs = this.options.inFlightMs ?? 60_000;
    const result = await this.db.gate.run(() =>
      this.db.sql.tx(async (sql) => {
        await lockPlatform(sql, platform);
        const now = this.now();
        if (++this.acquiredSincePrune >= (this.options.pruneEvery ?? 500)) {
          this.acquiredSincePrune = 0;
          const longest = Math.max(limits.global.windowMs, limits.group.windowMs, limits.private.windowMs);
          await sql.run(`DELETE FROM "RateHit" WHERE at < ?`, [sqlDate(new Date(now - longest))]);
        }
        let wait = 0;
        for (const [scope, window] of scopes) wait = Math.max(wait, await windowWait(sql, scope, window, now));
        if (wait > 0) return wait;
        const ids: number[] = [];
        for (const [scope] of scopes) {
          ids.push(Number(await sql.value(`INSERT INTO "RateHit" (scope, at) VALUES (?, ?) RETURNING id`, [scope, sqlDate(new Date(now + inFlightMs))])));
        }
        return ids;
      }),
    );
    if (typeof result === "number") return result;
    let settled = false;
    return {
      settle: () => {
        if (settled) return;
        settled = true;
        const at = sqlDate(new Date(this.now()));
        // If this write is lost, the row still stops counting after inFlightMs (the send only counted longer).
        void this.db.gate
          .run(() => this.db.sql.run(`UPDATE "RateHit" SET at = ? WHERE id IN (?, ?)`, [at, result[0]!, result[1]!]))
          .catch(() => undefined);
      },
    };
  }
}

async function lockPlatform(sql: Sql, platform: Platform): Promise<void> {
  // SQLite: the transaction already holds the database's one write lock (BEGIN IMMEDIATE).
  if (sql.dialect === "postgresql") await sql.value(`SELECT pg_advisory_xact_lock(4415, hashtext(?))`, [`rate:${platform}`]);
}

/** As RateLimiter.windowWait: ms until one more send fits in `window` for `scope` (0: now). */
async function windowWait(sql: Sql, scope: string, window: RateWindow, now: number): Promise<number> {
  const rows = await sql.rows<[string]>(`SELECT at FROM "RateHit" WHERE scope = ? AND at > ? ORDER BY at`, [scope, sqlDate(new Date(now - window.windowMs))]);
  if (rows.length < window.limit) return 0;
  const oldestThatMatters = new Date(rows[rows.length - window.limit]![0]).getTime();
  return Math.max(1, oldestThatMatters + window.windowMs - now);
}
