import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations } from "./migrate.js";
import { openPostgres } from "./postgres.js";
import { type Dialect, type Sql, SqliteSql } from "./sql.js";
import { WriteGate } from "./write-gate.js";

export type Prisma = InstanceType<typeof PrismaClient>;

/**
 * An open office database: Prisma for the ordinary queries and writes, plus raw SQL (`sql`, `readSql`) for the hot
 * paths (recording replies, the reminder tick, reports over 100,000 assignments) where Prisma's per-query cost
 * (milliseconds with the JS engine) would miss the targets. All writes, Prisma's and raw, pass through `gate`.
 * `file:` URLs open SQLite, `postgresql://` URLs PostgreSQL (src/storage/postgres.ts); the repositories see one Db.
 */
export interface Db {
  dialect: Dialect;
  prisma: Prisma;
  /** Reads and writes; transactions through `sql.tx`. */
  sql: Sql;
  /** Reads that need no transaction (SQLite: its own read-only connection, so reports never wait for a writer). */
  readSql: Sql;
  /** SQLite only (tests and benchmarks that inspect the file directly): the raw better-sqlite3 connections. */
  read: Database.Database;
  write: Database.Database;
  gate: WriteGate;
  /** SQLite: the file. PostgreSQL: the URL without its password (for logs). */
  path: string;
  /** What openDatabase was given (reopening the same database). */
  url: string;
  /** PostgreSQL only: the pool behind `sql`, for advisory locks and leases. */
  pool?: import("pg").Pool;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export const DEFAULT_DATABASE_URL = "file:./data/dondoc.db";

/** "file:./data/x.db" → an absolute path (relative to `cwd`). */
export function databasePath(url: string, cwd = process.cwd()): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (p === "" || p === ":memory:") throw new Error("dondoc needs a database file, not an in-memory database");
  return isAbsolute(p) ? p : resolve(cwd, p);
}

/** Creates the folder, applies committed migrations, sets WAL and a busy timeout, and connects Prisma. */
export async function openDatabase(url: string = DEFAULT_DATABASE_URL): Promise<Db> {
  if (isPostgresUrl(url)) return openPostgres(url);
  const path = databasePath(url);
  mkdirSync(dirname(path), { recursive: true });

  const admin = new Database(path);
  try {
    admin.pragma("journal_mode = WAL");
    admin.pragma("busy_timeout = 5000");
    applyMigrations(admin);
  } finally {
    admin.close();
  }

  const adapter = new PrismaBetterSQLite3({ url: `file:${path}`, timeout: 5000 });
  const prisma = new PrismaClient({ adapter });
  await prisma.$connect();
  // Per connection: Prisma's own connection needs the pragmas too. synchronous=NORMAL is safe with WAL.
  await prisma.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");

  const read = new Database(path, { readonly: true, fileMustExist: true });
  read.pragma("busy_timeout = 5000");
  const write = new Database(path, { fileMustExist: true });
  write.pragma("busy_timeout = 5000");
  write.pragma("synchronous = NORMAL");
  write.pragma("foreign_keys = ON");

  return {
    dialect: "sqlite",
    prisma,
    sql: new SqliteSql(write, read),
    readSql: new SqliteSql(read),
    read,
    write,
    gate: new WriteGate(),
    path,
    url: `file:${path}`,
    async close() {
      if (!read.open) return;
      read.close();
      write.close();
      await prisma.$disconnect();
    },
  };
}
