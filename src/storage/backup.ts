import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { databasePath, isPostgresUrl } from "./database.js";

export interface BackupResult {
  path: string;
  bytes: number;
  /** Rows of a few tables in the copy, read back from it (what the operator is told was saved). */
  counts: { units: number; dispatches: number; assignments: number };
  migrations: number;
}

/**
 * A consistent copy of the live database while dondoc runs, through SQLite's online backup API (better-sqlite3's
 * `backup`). SQLite restarts a stepwise backup whenever another connection writes, so with the bot writing every few
 * milliseconds a 100-pages-a-step copy may never finish; after the first step every remaining page is copied in one
 * step, inside one read transaction: the copy is the database as of one instant, never a torn file, and in WAL mode
 * the bot's writers are not blocked meanwhile. Copying the .db file with cp while the bot writes (WAL mode)
 * can lose the last transactions or give a file that does not open. The copy is then opened and checked
 * (`PRAGMA integrity_check`) before it is reported.
 */
export async function backupDatabase(url: string, target: string): Promise<BackupResult> {
  // A postgresql:// URL read as a file path would name a folder "postgresql:" here: say what to use instead.
  if (isPostgresUrl(url)) throw new Error("npm run backup copies a SQLite database; on PostgreSQL back up with the server's own tools (pg_dump)");
  const source = databasePath(url);
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(target)) throw new Error(`${target} already exists; choose another name`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the copy failed its integrity check: ${String(check)}`);
    const count = (table: string) => copy.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    const bytes = (copy.pragma("page_count", { simple: true }) as number) * (copy.pragma("page_size", { simple: true }) as number);
    return {
      path: target, bytes,
      counts: { units: count("Unit"), dispatches: count("Dispatch"), assignments: count("Assignment") },
      migrations: count("_prisma_migrations"),
    };
  } finally {
    copy.close();
  }
}
