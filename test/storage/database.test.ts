import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { databasePath, openDatabase, type Db } from "../../src/storage/database.js";
import { applyMigrations, listMigrations, MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from "../../src/storage/migrate.js";
import { createPostgresDatabase, postgresUrl, TEST_POSTGRES_URL, testDatabase } from "../setup/db.js";

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
    const first = await testDatabase("sqlite");
    await first.prisma.unit.create({ data: { displayName: "Sở Y tế", key: "so y te" } });
    await first.close();
    const again = await openDatabase(first.url);
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

  it("a read made while another flow's transaction is open (awaiting) does not see its uncommitted rows", async () => {
    const db = await testDatabase("sqlite");
    open.push(db);
    const seen = () => db.sql.value(`SELECT 1 FROM "ProcessedEvent" WHERE id = ?`, ["e1"]);
    await db.gate.run(() =>
      db.sql.tx(async (tx) => {
        await tx.run(`INSERT INTO "ProcessedEvent" (id, at) VALUES (?, ?)`, ["e1", "2024-01-01T00:00:00.000+00:00"]);
        expect(await tx.value(`SELECT 1 FROM "ProcessedEvent" WHERE id = ?`, ["e1"])).toBe(1); // the transaction sees it
        expect(await seen()).toBeUndefined(); // everyone else does not, yet
      }),
    );
    expect(await seen()).toBe(1);
  });

  it("resolves relative file URLs against the working directory and rejects :memory:", () => {
    expect(databasePath("file:./data/dondoc.db", "/srv/app")).toBe("/srv/app/data/dondoc.db");
    expect(() => databasePath("file::memory:")).toThrow();
  });
});

describe.skipIf(!TEST_POSTGRES_URL)("openDatabase on PostgreSQL", () => {
  it("applies PostgreSQL's own migrations once, even when three workers start at the same moment", async () => {
    const url = postgresUrl(await createPostgresDatabase()).replace(/\?.*$/, "");
    // A database created empty (not from the migrated template): the three race to migrate it.
    const admin = await openDatabase(TEST_POSTGRES_URL!);
    open.push(admin);
    const name = `race_${process.pid}_${Date.now()}`;
    await admin.pool!.query(`CREATE DATABASE "${name}"`);
    const fresh = new URL(url);
    fresh.pathname = `/${name}`;
    const three = await Promise.all([1, 2, 3].map(() => openDatabase(fresh.toString())));
    open.push(...three);
    expect(three.every((db) => db.dialect === "postgresql")).toBe(true);
    const { rows } = await three[0]!.pool!.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r: { migration_name: string }) => r.migration_name)).toEqual(listMigrations(PG_MIGRATIONS_DIR).map((m) => m.name));
    await three[0]!.prisma.unit.create({ data: { displayName: "Sở Y tế", key: "so y te" } });
    expect(await three[2]!.prisma.unit.count()).toBe(1);
    await admin.pool!.query(`DROP DATABASE "${name}" WITH (FORCE)`).catch(() => undefined);
  });

  it("reads instants back as the same UTC instants whatever the process's time zone, raw and through Prisma", async () => {
    const db = await testDatabase("postgresql");
    open.push(db);
    const at = new Date("2024-03-05T16:30:00.123Z"); // 23:30 in Hà Nội: a day boundary if read in the wrong zone
    await db.prisma.processedEvent.create({ data: { id: "e1", at } });
    expect((await db.prisma.processedEvent.findUniqueOrThrow({ where: { id: "e1" } })).at).toEqual(at);
    const raw = await db.sql.value<string>(`SELECT at FROM "ProcessedEvent" WHERE id = ?`, ["e1"]);
    expect(new Date(raw!)).toEqual(at);
    expect(db.path).not.toMatch(/:[^/@]*@/); // no password in what is logged
    expect(() => db.read).toThrow(/only on SQLite/);
  });
});
