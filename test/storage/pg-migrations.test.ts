import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresSchema } from "../../scripts/pg-schema.js";
import { openDatabase } from "../../src/storage/database.js";
import { createPostgresDatabase, postgresUrl, TEST_POSTGRES_URL } from "../setup/db.js";

/**
 * PostgreSQL's migrations are generated from prisma/schema.prisma (`npm run db:migrations:pg`). These fail when someone
 * changed the schema (e.g. added a SQLite migration) and did not run it.
 */
const root = join(import.meta.dirname, "..", "..");
const STALE = "prisma/postgresql is stale: run `npm run db:migrations:pg` (README, Scaling out) and commit the result";

describe("PostgreSQL migrations follow the one schema", () => {
  it("prisma/postgresql/schema.prisma is the PostgreSQL copy of the current prisma/schema.prisma", () => {
    const expected = postgresSchema(readFileSync(join(root, "prisma", "schema.prisma"), "utf8"));
    expect(readFileSync(join(root, "prisma", "postgresql", "schema.prisma"), "utf8"), STALE).toBe(expected);
  });

  it("the copy changes only the datasource and the client folder", () => {
    const copy = postgresSchema('generator client {\n  provider = "prisma-client"\n  output   = "../src/generated/prisma"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url      = "file:./x.db"\n}\n\nmodel A {\n  id Int @id\n}\n');
    expect(copy).toContain('provider = "postgresql"');
    expect(copy).toContain('output   = "../../src/generated/prisma-pg"');
    expect(copy).toContain("model A {\n  id Int @id\n}");
    expect(copy).not.toContain("sqlite");
  });

  // The migrations applied in order give exactly the tables, columns and indexes Prisma derives from the schema.
  it.skipIf(!TEST_POSTGRES_URL)("applied in order, they build what the schema describes (columns, types, defaults, indexes)", async () => {
    const migrated = await openDatabase(postgresUrl(await createPostgresDatabase()));
    const work = mkdtempSync(join(tmpdir(), "dondoc-pgcheck-"));
    const schemaFile = join(work, "schema.prisma");
    writeFileSync(schemaFile, postgresSchema(readFileSync(join(root, "prisma", "schema.prisma"), "utf8")));
    const sql = execFileSync(join(root, "node_modules", ".bin", "prisma"),
      ["migrate", "diff", "--config", join(root, "prisma", "postgresql", "prisma.config.ts"), "--from-empty", "--to-schema-datamodel", schemaFile, "--script"],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: TEST_POSTGRES_URL }, stdio: ["ignore", "pipe", "pipe"] });
    const emptyName = `dondoc_t${process.pid}_direct_${Date.now()}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${emptyName}"`);
    const direct = new pg.Client({ connectionString: postgresUrl(emptyName) });
    await direct.connect();
    await direct.query(sql);
    const shape = async (q: (text: string) => Promise<{ rows: unknown[] }>) => ({
      columns: (await q(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`)).rows,
      indexes: (await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename, indexname`)).rows,
      constraints: (await q(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conname NOT LIKE '\_prisma%'
        ORDER BY conname`)).rows,
    });
    const fromMigrations = await shape((text) => migrated.pool!.query(text));
    const fromSchema = await shape((text) => direct.query(text));
    await direct.end();
    await migrated.close();
    await admin.query(`DROP DATABASE "${emptyName}" WITH (FORCE)`);
    await admin.end();
    expect(fromMigrations.columns.length).toBeGreaterThan(50);
    expect(fromMigrations, STALE).toEqual(fromSchema);
  });
});
