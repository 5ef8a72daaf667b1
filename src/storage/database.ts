import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations } from "./migrate.js";

export type Prisma = InstanceType<typeof PrismaClient>;

/**
 * An open office database: Prisma for every write and ordinary query, plus a read-only better-sqlite3 connection
 * for the few hot reads (reminder tick, full reports over 100,000 assignments) where Prisma's row mapping costs too
 * much. Only one connection ever writes, so WAL readers never make a writer wait.
 */
export interface Db {
  prisma: Prisma;
  read: Database.Database;
  path: string;
  close(): Promise<void>;
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

  return {
    prisma,
    read,
    path,
    async close() {
      read.close();
      await prisma.$disconnect();
    },
  };
}
