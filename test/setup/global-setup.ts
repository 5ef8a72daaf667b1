import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { applyMigrations, applyMigrationsPg } from "../../src/storage/migrate.js";

// Runs once before all test files. Migrates one template database; each test file copies it (test/setup/db.ts),
// so every file gets its own real SQLite file without paying for migrations again. With a PostgreSQL test server
// (DONDOC_TEST_POSTGRES_URL), the same for PostgreSQL: one migrated template database, copied per test.
export default async function setup(): Promise<() => Promise<void>> {
  process.env.TZ = "UTC"; // our code must not depend on the machine's zone: everything is explicit Asia/Ho_Chi_Minh
  const dir = mkdtempSync(join(tmpdir(), "dondoc-test-"));
  const template = join(dir, "template.db");
  const db = new Database(template);
  applyMigrations(db);
  db.pragma("journal_mode = DELETE"); // one self-contained file to copy
  db.close();
  process.env.DONDOC_TEST_TEMPLATE = template;
  process.env.DONDOC_TEST_DIR = dir;

  const url = process.env.DONDOC_TEST_POSTGRES_URL;
  const prefix = `dondoc_t${process.pid}`;
  if (url) {
    process.env.DONDOC_TEST_PG_PREFIX = prefix;
    process.env.DONDOC_TEST_PG_TEMPLATE = `${prefix}_template`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${prefix}_template"`);
    await admin.query(`CREATE DATABASE "${prefix}_template"`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${prefix}_template`;
    const pool = new pg.Pool({ connectionString: u.toString(), max: 1 });
    await applyMigrationsPg(pool);
    await pool.end(); // a template must have no connections while it is copied
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!url) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  };
}
