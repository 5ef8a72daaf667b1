import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Db } from "../../src/storage/database.js";
import type { Dialect } from "../../src/storage/sql.js";

let counter = 0;

/**
 * The PostgreSQL server tests may use (a throw-away cluster: .ci/run starts one with scripts/pg-throwaway.sh and
 * exports its URL). Without it the PostgreSQL half of the storage suite is skipped, visibly.
 */
export const TEST_POSTGRES_URL = process.env.DONDOC_TEST_POSTGRES_URL;

/** The databases the storage suite runs on: both, PostgreSQL skipped when no server is given. */
export const DIALECTS: Array<{ dialect: Dialect; skip: boolean }> = [
  { dialect: "sqlite", skip: false },
  { dialect: "postgresql", skip: !TEST_POSTGRES_URL },
];

/** The dialect of tests that do not choose one: DONDOC_TEST_DIALECT=postgresql runs e.g. test/tracking on PostgreSQL. */
export const DEFAULT_TEST_DIALECT: Dialect = process.env.DONDOC_TEST_DIALECT === "postgresql" ? "postgresql" : "sqlite";

/** A URL to a database named `name` on the test server. */
export function postgresUrl(name: string): string {
  const u = new URL(TEST_POSTGRES_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database. SQLite: a file copied from the global template. PostgreSQL: a database created from the
 * migrated template database (CREATE DATABASE … TEMPLATE, a file copy on the server). Close it in afterEach/afterAll.
 */
export async function testDatabase(dialect: Dialect = DEFAULT_TEST_DIALECT): Promise<Db> {
  if (dialect === "postgresql") return openDatabase(postgresUrl(await createPostgresDatabase()));
  const template = process.env.DONDOC_TEST_TEMPLATE;
  const dir = process.env.DONDOC_TEST_DIR ?? mkdtempSync(join(tmpdir(), "dondoc-test-"));
  const file = join(dir, `db-${process.pid}-${++counter}-${Date.now()}.db`);
  if (template) copyFileSync(template, file);
  return openDatabase(`file:${file}`);
}

/** A new database copied from the migrated template; its name. */
export async function createPostgresDatabase(): Promise<string> {
  if (!TEST_POSTGRES_URL) throw new Error("DONDOC_TEST_POSTGRES_URL is not set");
  const template = process.env.DONDOC_TEST_PG_TEMPLATE;
  const name = `${process.env.DONDOC_TEST_PG_PREFIX ?? "dondoc_t"}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
        return name;
      } catch (error) {
        // Another file copying the template at the same moment holds it briefly ("being accessed by other users").
        if (attempt >= 20 || !/being accessed/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
}
