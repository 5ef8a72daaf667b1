import type { ChatId } from "../chat/port.js";
import { isLang, type Lang } from "../i18n.js";
import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";
import type { Sql } from "./sql.js";
import type { WriteGate } from "./write-gate.js";

/**
 * The language of a group chat (/ngonngu in the group), kept as Setting rows under "lang.<chat id>": the office
 * settings schema ignores keys it does not know, so no migration is needed. People's own language is Person.lang.
 * Read on every group message and post, so the answers are cached; writes go through this repo only. With several
 * workers another worker may write, so answers are kept `cacheMs` only (createStore: a few seconds on PostgreSQL).
 */
export class ChatLangRepo {
  private readonly sql: Sql;
  private readonly cache = new Map<ChatId, { lang: Lang | null; at: number }>();

  constructor(
    db: Db,
    private readonly gate: WriteGate = db.gate,
    private readonly cacheMs = Infinity,
  ) {
    this.sql = db.sql;
  }

  /** The chat's own language, or null when none was set (callers fall back to the office default). */
  async of(chat: ChatId): Promise<Lang | null> {
    const cached = this.cache.get(chat);
    if (cached !== undefined && Date.now() - cached.at < this.cacheMs) return cached.lang;
    const raw = await this.sql.value<string>(`SELECT value FROM "Setting" WHERE key = ?`, [`lang.${chat}`]);
    let lang: Lang | null = null;
    try {
      const value: unknown = raw === undefined ? null : JSON.parse(raw);
      lang = isLang(value) ? value : null;
    } catch {
      lang = null;
    }
    this.cache.set(chat, { lang, at: Date.now() });
    return lang;
  }

  async save(chat: ChatId, lang: Lang, at: Date): Promise<void> {
    await this.gate.run(() => this.sql.run(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, "updatedAt" = excluded."updatedAt"`, [`lang.${chat}`, JSON.stringify(lang), sqlDate(at)]));
    this.cache.set(chat, { lang, at: Date.now() });
  }
}
