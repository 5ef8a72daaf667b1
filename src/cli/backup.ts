/**
 * `npm run backup [-- <tệp đích>]`: a backup of the database dondoc uses, safe while it runs.
 * SQLite: a consistent copy (SQLite's online backup API; see src/storage/backup.ts), default
 * data/backups/dondoc-<YYYYMMDD-HHMMSS>.db (UTC) beside the database file. Restore: stop dondoc, replace DATABASE_URL's
 * file with the copy, delete its -wal and -shm files, start dondoc.
 * PostgreSQL: pg_dump's custom format, default data/backups/dondoc-<YYYYMMDD-HHMMSS>.dump; restored with pg_restore.
 * Messages in Vietnamese, then the same in English for the logs.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseConfig } from "../config.js";
import { translator } from "../i18n.js";
import { backupDatabase, backupPostgres, PgDumpFailedError, PgDumpMissingError } from "../storage/backup.js";
import { databasePath, isPostgresUrl } from "../storage/database.js";
import { redactUrl } from "../storage/postgres.js";

const t = translator("vi");
const en = translator("en");
const say = (key: string, vars: Record<string, unknown>) => `${t(key, vars)}\n${en(key, vars)}\n`;

async function main(): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const parsed = parseConfig(process.env);
  const url = parsed.ok ? parsed.config.DATABASE_URL : (process.env.DATABASE_URL || "file:./data/dondoc.db");
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  if (isPostgresUrl(url)) {
    // Where SQLite's backups of the default database go (data/backups), as the server's data is not on this machine.
    const target = process.argv[2] ?? join("data", "backups", `dondoc-${stamp}.dump`);
    const source = redactUrl(url);
    try {
      const r = await backupPostgres(url, target);
      process.stdout.write(say("main:backup.pgDone", { path: r.path, mb: (r.bytes / 1024 / 1024).toFixed(1), tables: r.tables, source }));
      return 0;
    } catch (error) {
      if (error instanceof PgDumpMissingError) process.stderr.write(say("main:backup.pgMissing", {}));
      else if (error instanceof PgDumpFailedError) process.stderr.write(say("main:backup.pgFailed", { source, code: error.code ?? "?", output: error.output }));
      else throw error;
      return 1;
    }
  }
  const target = process.argv[2] ?? join(join(databasePath(url), ".."), "backups", `dondoc-${stamp}.db`);
  const r = await backupDatabase(url, target);
  const vars = { path: r.path, mb: (r.bytes / 1024 / 1024).toFixed(1), ...r.counts, source: databasePath(url) };
  process.stdout.write(say("main:backup.done", vars));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dondoc backup: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
