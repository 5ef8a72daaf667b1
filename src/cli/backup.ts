/**
 * `npm run backup [-- <tệp đích>]`: a consistent copy of the SQLite database, safe while dondoc runs (SQLite's online
 * backup API; see src/storage/backup.ts). Default target: data/backups/dondoc-<YYYYMMDD-HHMMSS>.db (UTC).
 * Restore: stop dondoc, replace DATABASE_URL's file with the copy, delete its -wal and -shm files, start dondoc.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseConfig } from "../config.js";
import { translator } from "../i18n.js";
import { backupDatabase } from "../storage/backup.js";
import { databasePath, isPostgresUrl } from "../storage/database.js";

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const t = translator("vi");
  const en = translator("en");
  const parsed = parseConfig(process.env);
  const url = parsed.ok ? parsed.config.DATABASE_URL : (process.env.DATABASE_URL || "file:./data/dondoc.db");
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const target = process.argv[2] ?? (isPostgresUrl(url) ? "" : join(join(databasePath(url), ".."), "backups", `dondoc-${stamp}.db`));
  const r = await backupDatabase(url, target);
  const vars = { path: r.path, mb: (r.bytes / 1024 / 1024).toFixed(1), ...r.counts, source: databasePath(url) };
  process.stdout.write(`${t("main:backup.done", vars)}\n${en("main:backup.done", vars)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`dondoc backup: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
