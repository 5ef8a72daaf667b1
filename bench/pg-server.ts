/**
 * The PostgreSQL server the benches use beside SQLite: DONDOC_BENCH_POSTGRES_URL or DONDOC_TEST_POSTGRES_URL, else a
 * throw-away cluster (scripts/pg-throwaway.sh), and fresh migrated databases on it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { applyMigrationsPg } from "../src/storage/migrate.js";

const root = join(import.meta.dirname, "..");
let counter = 0;

export async function postgresServer(): Promise<{ url: string; stop(): void }> {
  const given = process.env.DONDOC_BENCH_POSTGRES_URL ?? process.env.DONDOC_TEST_POSTGRES_URL;
  if (given) return { url: given, stop: () => undefined };
  const dir = join(tmpdir(), `dondoc-bench-pg-${process.pid}`);
  const url = execFileSync("bash", [join(root, "scripts", "pg-throwaway.sh"), "start", dir, "55439"], { encoding: "utf8" }).trim();
  return { url, stop: () => void execFileSync("bash", [join(root, "scripts", "pg-throwaway.sh"), "stop", dir]) };
}

/** A fresh database URL: a new SQLite file, or a new migrated PostgreSQL database on the server. */
export async function freshUrl(server: string | null): Promise<{ url: string; drop(): Promise<void> }> {
  if (server === null) {
    const dir = mkdtempSync(join(tmpdir(), "dondoc-bench-workers-"));
    return { url: `file:${join(dir, "bench.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `dondoc_bench_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: u.toString(), max: 1 });
  await applyMigrationsPg(pool);
  await pool.end();
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: server });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
