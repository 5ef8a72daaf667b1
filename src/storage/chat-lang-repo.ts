import type Database from "better-sqlite3";
import type { ChatId } from "../chat/port.js";
import { isLang, type Lang } from "../i18n.js";
import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";
import type { WriteGate } from "./write-gate.js";

/**
 * The language of a group chat (/ngonngu in the group), kept as Setting rows under "lang.<chat id>": the office
 * settings schema ignores keys it does not know, so no migration is needed. People's own language is Person.lang.
 * Read on every group message and post, so the answers are cached; writes go through this repo only.
 */
export class ChatLangRepo {
  private readonly get: Database.Statement;
  private readonly set: Database.Statement;
  private readonly cache = new Map<ChatId, Lang | null>();

  constructor(
    db: Db,
    private readonly gate: WriteGate = db.gate,
  ) {
    this.get = db.write.prepare(`SELECT value FROM Setting WHERE key = ?`).pluck();
    this.set = db.write.prepare(`INSERT INTO Setting (key, value, updatedAt) VALUES (@key, @value, @at)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt`);
  }

  /** The chat's own language, or null when none was set (callers fall back to the office default). */
  async of(chat: ChatId): Promise<Lang | null> {
    const cached = this.cache.get(chat);
    if (cached !== undefined) return cached;
    const raw = this.get.get(`lang.${chat}`) as string | undefined;
    let lang: Lang | null = null;
    try {
      const value: unknown = raw === undefined ? null : JSON.parse(raw);
      lang = isLang(value) ? value : null;
    } catch {
      lang = null;
    }
    this.cache.set(chat, lang);
    return lang;
  }

  async save(chat: ChatId, lang: Lang, at: Date): Promise<void> {
    await this.gate.run(() => this.set.run({ key: `lang.${chat}`, value: JSON.stringify(lang), at: sqlDate(at) }));
    this.cache.set(chat, lang);
  }
}
