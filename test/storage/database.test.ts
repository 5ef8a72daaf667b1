import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { databasePath, openDatabase, type Db } from "../../src/storage/database.js";
import { applyMigrations, listMigrations, MIGRATIONS_DIR } from "../../src/storage/migrate.js";
import { testDatabase } from "../setup/db.js";

const open: Db[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe("openDatabase", () => {
  it("creates the folder and the database, applies migrations, WAL on", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "dondoc-db-")), "data", "nested");
    const db = await openDatabase(`file:${join(dir, "dondoc.db")}`);
    open.push(db);
    expect(existsSync(join(dir, "dondoc.db"))).toBe(true);
    expect(db.read.pragma("journal_mode", { simple: true })).toBe("wal");
    const names = db.read.prepare("SELECT migration_name FROM _prisma_migrations").all();
    expect(names.length).toBeGreaterThan(0);
    expect(await db.prisma.unit.count()).toBe(0);
  });

  it("reopening applies nothing twice and keeps data", async () => {
    const first = await testDatabase();
    await first.prisma.unit.create({ data: { displayName: "Sở Y tế", key: "so y te" } });
    await first.close();
    const again = await openDatabase(`file:${first.path}`);
    open.push(again);
    expect(await again.prisma.unit.count()).toBe(1);
    const rows = again.read.prepare("SELECT COUNT(*) AS n FROM _prisma_migrations").get() as { n: number };
    expect(rows.n).toBe(listMigrations().length);
  });

  it("refuses a committed migration edited after it was applied", () => {
    const dir = mkdtempSync(join(tmpdir(), "dondoc-mig-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const db = new Database(join(dir, "x.db"));
    expect(applyMigrations(db, dir).length).toBeGreaterThan(0);
    expect(applyMigrations(db, dir)).toEqual([]);
    const name = db.prepare("SELECT migration_name AS n FROM _prisma_migrations").get() as { n: string };
    writeFileSync(join(dir, name.n, "migration.sql"), "-- edited\n");
    expect(() => applyMigrations(db, dir)).toThrow(/modified/);
    db.close();
  });

  it("resolves relative file URLs against the working directory and rejects :memory:", () => {
    expect(databasePath("file:./data/dondoc.db", "/srv/app")).toBe("/srv/app/data/dondoc.db");
    expect(() => databasePath("file::memory:")).toThrow();
  });
});
