import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, each once, in its own transaction. Doing it here
 * instead of spawning `prisma migrate deploy` keeps start-up and every test file fast and free of child processes.
 * The bookkeeping table is Prisma's own `_prisma_migrations` (same columns and checksum), so `prisma migrate deploy`
 * and `migrate diff --from-migrations` keep working on a database opened by dondoc.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Returns the names applied by this call. Throws if a committed migration was edited after it was applied. */
export function applyMigrations(db: Database.Database, dir = MIGRATIONS_DIR): string[] {
  db.exec(BOOKKEEPING);
  const applied = new Map(
    (db.prepare(`SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`).all() as Array<{ migration_name: string; checksum: string }>)
      .map((r) => [r.migration_name, r.checksum]),
  );
  const done: string[] = [];
  for (const m of listMigrations(dir)) {
    const known = applied.get(m.name);
    if (known !== undefined) {
      if (known !== m.checksum) throw new Error(`migration ${m.name} was modified after it was applied`);
      continue;
    }
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
      ).run(randomUUID(), m.checksum, Date.now(), m.name, Date.now());
    })();
    done.push(m.name);
  }
  return done;
}
