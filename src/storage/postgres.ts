import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client.js";
import type { Db, Prisma } from "./database.js";
import { applyMigrationsPg } from "./migrate.js";
import { PgSql } from "./sql.js";
import { WriteGate } from "./write-gate.js";

/**
 * PostgreSQL behind the same Db as SQLite (decision 0702). Prisma talks to it through @prisma/adapter-pg (the JS engine,
 * no engine download) with a client generated from prisma/postgresql/schema.prisma, the PostgreSQL copy of the one
 * schema; raw hot-path SQL goes through a node-postgres pool.
 */

// Values come back as the SQLite connection gives them, so repositories read both alike: instants as ISO strings
// (Prisma stores UTC in `timestamp(3)`: without this, node-postgres would read them in the process's zone), counts
// and bigints as numbers.
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMP) return (s: string) => `${s.replace(" ", "T")}Z`;
    if (oid === TIMESTAMPTZ) return (s: string) => new Date(s).toISOString();
    if (oid === INT8 || oid === NUMERIC) return (s: string) => Number(s);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** postgresql://user:secret@host/db → postgresql://user@host/db (for logs and Db.path). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "postgresql://…";
  }
}

export async function openPostgres(url: string, options: { poolSize?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: types as pg.CustomTypesConfig });
  // An idle client losing its server (restart, failover) must not crash the process: the pool replaces it.
  pool.on("error", () => undefined);
  try {
    await applyMigrationsPg(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 });
  // The PostgreSQL client has the same models and delegates as the SQLite one (both generated from one schema).
  const prisma = new PgPrismaClient({ adapter }) as unknown as Prisma;
  await prisma.$connect();
  const sql = new PgSql(pool, pool);
  const sqliteOnly = (): never => {
    throw new Error("raw better-sqlite3 connections exist only on SQLite; use db.sql");
  };
  return {
    dialect: "postgresql",
    prisma,
    sql,
    readSql: sql,
    get read() {
      return sqliteOnly();
    },
    get write() {
      return sqliteOnly();
    },
    // No in-process write queue: PostgreSQL serves many writers (and other workers write meanwhile anyway).
    gate: new WriteGate(false),
    path: redactUrl(url),
    url,
    pool,
    async close() {
      if (pool.ended) return;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
