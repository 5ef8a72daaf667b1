import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "../../src/storage/migrate.js";

// Runs once before all test files. Migrates one template database; each test file copies it (test/setup/db.ts),
// so every file gets its own real SQLite file without paying for migrations again.
export default async function setup(): Promise<() => void> {
  process.env.TZ = "UTC"; // our code must not depend on the machine's zone: everything is explicit Asia/Ho_Chi_Minh
  const dir = mkdtempSync(join(tmpdir(), "dondoc-test-"));
  const template = join(dir, "template.db");
  const db = new Database(template);
  applyMigrations(db);
  db.pragma("journal_mode = DELETE"); // one self-contained file to copy
  db.close();
  process.env.DONDOC_TEST_TEMPLATE = template;
  process.env.DONDOC_TEST_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
