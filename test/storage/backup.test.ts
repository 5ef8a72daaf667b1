// `npm run backup`: a consistent copy through SQLite's online backup API while another connection keeps writing, and
// the command line as an operator runs it.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { backupDatabase } from "../../src/storage/backup.js";
import { openDatabase } from "../../src/storage/database.js";
import { createPostgresDatabase, postgresUrl, TEST_POSTGRES_URL } from "../setup/db.js";

function freshDatabase(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-backup-"));
  const file = join(dir, "dondoc.db");
  copyFileSync(process.env.DONDOC_TEST_TEMPLATE!, file);
  return { dir, file };
}

describe("backupDatabase", () => {
  it("copies the database as of one instant while a writer keeps committing, and checks the copy", async () => {
    const { dir, file } = freshDatabase();
    const db = await openDatabase(`file:${file}`); // WAL mode, as dondoc runs
    const writer = new Database(file);
    writer.pragma("busy_timeout = 5000");
    // Enough pages that the backup takes many steps, so writes land while it runs.
    const addUnit = writer.prepare(`INSERT INTO Unit (displayName, key, aliases, kinds) VALUES (?, ?, '[]', '[]')`);
    const addEvent = writer.prepare(`INSERT INTO Event (at, type, unitId) VALUES (?, 'unit_added', ?)`);
    // Each transaction adds a unit and its event: a torn copy would have one without the other.
    const pair = writer.transaction((i: number) => {
      const id = addUnit.run(`Đơn vị ${i} ${"x".repeat(400)}`, `don vi ${i}`).lastInsertRowid;
      addEvent.run(new Date().toISOString(), id);
    });
    for (let i = 0; i < 20_000; i++) pair(i);
    let n = 20_000;
    let writes = 0;
    const timer = setInterval(() => { for (let k = 0; k < 50; k++) pair(n++); writes++; }, 1);
    const result = await backupDatabase(`file:${file}`, join(dir, "backups", "copy.db"));
    clearInterval(timer);
    expect(writes).toBeGreaterThan(0);
    const copy = new Database(result.path, { readonly: true });
    const units = copy.prepare("SELECT count(*) FROM Unit").pluck().get() as number;
    const events = copy.prepare("SELECT count(*) FROM Event WHERE type = 'unit_added'").pluck().get() as number;
    expect(units).toBeGreaterThanOrEqual(20_000);
    expect(units).toBeLessThanOrEqual(n);
    expect(events).toBe(units);
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(result.counts.units).toBe(units);
    expect(result.migrations).toBeGreaterThanOrEqual(3);
    copy.close();
    writer.close();
    await db.close();
    await expect(backupDatabase(`file:${file}`, result.path)).rejects.toThrow(/already exists/);
    // A PostgreSQL URL is not a file: no "postgresql:" folder appears (npm run backup uses pg_dump for it).
    await expect(backupDatabase("postgresql://dondoc@127.0.0.1:5432/dondoc", join(dir, "pg.db"))).rejects.toThrow(/pg_dump/);
  }, 60_000);

  it("npm run backup: prints where the copy is and how to restore, in Vietnamese and English", () => {
    const { dir, file } = freshDatabase();
    const target = join(dir, "sao-luu.db");
    const run = () => spawnSync(process.execPath, ["--import", "tsx", "src/cli/backup.ts", target], {
      encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${file}` }, timeout: 60_000,
    });
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`Đã sao lưu ${file} vào ${target}`);
    expect(ok.stdout).toMatch(/Khôi phục: dừng dondoc, chép tệp sao lưu đè lên .*, xóa .*-wal/);
    expect(ok.stdout).toMatch(/Restore: stop dondoc/);
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  }, 60_000);

  const backupCli = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/backup.ts", ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });

  it.skipIf(!TEST_POSTGRES_URL)("npm run backup on a postgresql:// URL runs pg_dump; the dump restores into an empty database", async () => {
    const name = await createPostgresDatabase();
    const db = await openDatabase(postgresUrl(name));
    await db.prisma.unit.create({ data: { displayName: "Sở Y tế", key: "so y te", aliases: "[]", kinds: "[]" } });
    await db.close();
    const dir = mkdtempSync(join(tmpdir(), "dondoc-pgdump-"));
    const target = join(dir, "backups", "dondoc.dump");
    const r = backupCli([target], { DATABASE_URL: postgresUrl(name) });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Đã sao lưu cơ sở dữ liệu PostgreSQL ${postgresUrl(name)} vào ${target}`);
    expect(r.stdout).toMatch(/\d+ bảng; tệp đã đọc lại được bằng pg_restore/);
    expect(r.stdout).toMatch(/Khôi phục: dừng dondoc trên mọi máy, .*pg_restore --no-owner/);
    expect(r.stdout).toMatch(/Backed up the PostgreSQL database .* tables/);
    // The dump is a backup: restored into a new, empty database it has the unit.
    const restored = await emptyPostgresDatabase();
    const restore = spawnSync("pg_restore", ["--no-owner", `--dbname=${postgresUrl(restored)}`, target], { encoding: "utf8" });
    expect(restore.stderr).toBe("");
    const copy = await openDatabase(postgresUrl(restored));
    expect((await copy.prisma.unit.findMany({ select: { displayName: true } })).map((u) => u.displayName)).toContain("Sở Y tế");
    await copy.close();
    // pg_dump failing (here: no such database) is said in both languages with what pg_dump printed; no file is left.
    const failed = backupCli([join(dir, "missing.dump")], { DATABASE_URL: postgresUrl(`${name}_missing`) });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/Chưa sao lưu được: pg_dump không sao lưu được .* \(mã lỗi 1\)/);
    expect(failed.stderr).toMatch(/does not exist/);
    expect(failed.stderr).toMatch(/Not backed up: pg_dump could not back up/);
    expect(existsSync(join(dir, "missing.dump"))).toBe(false);
  }, 60_000);

  it("npm run backup on a postgresql:// URL without pg_dump on PATH says what to install, in Vietnamese and English", () => {
    const r = backupCli([join(mkdtempSync(join(tmpdir(), "dondoc-pgdump-")), "x.dump")], {
      DATABASE_URL: "postgresql://dondoc:secret@127.0.0.1:1/dondoc", PATH: "/nonexistent",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Chưa sao lưu được: không tìm thấy pg_dump");
    expect(r.stderr).toContain("postgresql-client");
    expect(r.stderr).toContain("Not backed up: pg_dump (PostgreSQL's backup tool) is not on PATH");
    expect(r.stderr).not.toContain("secret");
  }, 60_000);
});

/** A database with nothing in it (not the migrated template), for pg_restore. */
async function emptyPostgresDatabase(): Promise<string> {
  const name = `${process.env.DONDOC_TEST_PG_PREFIX ?? "dondoc_t"}_${process.pid}_restore_${Date.now()}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return name;
}
