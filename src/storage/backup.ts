import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { databasePath, isPostgresUrl } from "./database.js";

export interface BackupResult {
  path: string;
  bytes: number;
  /** Rows of a few tables in the copy, read back from it (what the operator is told was saved). */
  counts: { units: number; dispatches: number; assignments: number };
  migrations: number;
}

/**
 * A consistent copy of the live database while dondoc runs, through SQLite's online backup API (better-sqlite3's
 * `backup`). SQLite restarts a stepwise backup whenever another connection writes, so with the bot writing every few
 * milliseconds a 100-pages-a-step copy may never finish; after the first step every remaining page is copied in one
 * step, inside one read transaction: the copy is the database as of one instant, never a torn file, and in WAL mode
 * the bot's writers are not blocked meanwhile. Copying the .db file with cp while the bot writes (WAL mode)
 * can lose the last transactions or give a file that does not open. The copy is then opened and checked
 * (`PRAGMA integrity_check`) before it is reported.
 */
export async function backupDatabase(url: string, target: string): Promise<BackupResult> {
  // A postgresql:// URL read as a file path would name a folder "postgresql:" here.
  if (isPostgresUrl(url)) throw new Error("backupDatabase copies a SQLite database; a PostgreSQL one goes through backupPostgres (pg_dump)");
  const source = databasePath(url);
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(target)) throw new Error(`${target} already exists; choose another name`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the copy failed its integrity check: ${String(check)}`);
    const count = (table: string) => copy.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    const bytes = (copy.pragma("page_count", { simple: true }) as number) * (copy.pragma("page_size", { simple: true }) as number);
    return {
      path: target, bytes,
      counts: { units: count("Unit"), dispatches: count("Dispatch"), assignments: count("Assignment") },
      migrations: count("_prisma_migrations"),
    };
  } finally {
    copy.close();
  }
}

export interface PgBackupResult {
  path: string;
  bytes: number;
  /** Tables in the dump (pg_restore --list), read back from the file. */
  tables: number;
}

/** pg_dump is not on PATH: the operator installs PostgreSQL's client tools. */
export class PgDumpMissingError extends Error {
  constructor() {
    super("pg_dump was not found on PATH (install PostgreSQL's client tools: Debian/Ubuntu postgresql-client)");
  }
}

/** pg_dump ran and failed: its exit code and the end of what it printed. */
export class PgDumpFailedError extends Error {
  constructor(readonly code: number | null, readonly output: string) {
    super(`pg_dump failed (exit code ${code ?? "?"}): ${output}`);
  }
}

/**
 * A PostgreSQL database's backup through the server's own tool: `pg_dump --format=custom` (compressed, one
 * consistent snapshot taken in one transaction while dondoc keeps writing; restored with pg_restore). The password,
 * when the URL has one, goes to pg_dump in PGPASSWORD rather than on its command line, where `ps` would show it. The
 * dump is read back with `pg_restore --list` before it is reported; a failed or unreadable dump is deleted.
 */
export async function backupPostgres(url: string, target: string, run: RunTool = runTool): Promise<PgBackupResult> {
  if (existsSync(target)) throw new Error(`${target} already exists; choose another name`);
  mkdirSync(dirname(target), { recursive: true });
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = "";
  const dump = await run("pg_dump", ["--format=custom", "--no-owner", "--no-password", `--file=${target}`, `--dbname=${u.toString()}`], env);
  if (dump.code !== 0) {
    rmSync(target, { force: true });
    throw new PgDumpFailedError(dump.code, lastLines(dump.stderr));
  }
  const list = await run("pg_restore", ["--list", target], env);
  if (list.code !== 0) {
    rmSync(target, { force: true });
    throw new PgDumpFailedError(list.code, `the dump does not read back: ${lastLines(list.stderr)}`);
  }
  const tables = list.stdout.split("\n").filter((line) => / TABLE (?!DATA)/.test(line)).length;
  return { path: target, bytes: statSync(target).size, tables };
}

export type RunTool = (command: string, args: string[], env: NodeJS.ProcessEnv) => Promise<{ code: number | null; stdout: string; stderr: string }>;

/** Runs a command; a command missing from PATH is PgDumpMissingError (both tools come in the same package). */
function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? new PgDumpMissingError() : error));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function lastLines(text: string, n = 5): string {
  return text.trim().split("\n").slice(-n).join("\n");
}
