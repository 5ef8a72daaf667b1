import Database from "better-sqlite3";
import type { Db } from "./database.js";
import { sqlDate } from "./sql-date.js";

/**
 * Bulk synthetic data for benchmarks and load tests: `units` units each bound to a chat, one confirmed dispatch,
 * and `assignments` single-unit tasks (lead role), each with its task post. Written through one raw transaction
 * (Prisma would take minutes for 100,000 rows); never used by the bot itself.
 */
export interface SyntheticOptions {
  units: number;
  assignments: number;
  /** Due day of assignment i (null: no deadline). */
  deadline: (i: number) => string | null;
}

export interface SyntheticData {
  /** chat id and message id of assignment i's post: `chatOf(i)`, `messageOf(i)`. */
  chatOf(i: number): string;
  messageOf(i: number): string;
  dispatchId: number;
}

export function seedSynthetic(path: string, o: SyntheticOptions): SyntheticData {
  const db = new Database(path);
  db.pragma("busy_timeout = 5000");
  const now = new Date().toISOString();
  const chatOf = (i: number) => `telegram:-${1000 + (i % o.units)}`;
  const messageOf = (i: number) => String(10_000 + i);
  let dispatchId = 0;
  db.transaction(() => {
    const unit = db.prepare(`INSERT INTO Unit (displayName, key, aliases, kinds, createdAt) VALUES (?, ?, '[]', '["sở"]', ?)`);
    const bind = db.prepare(`INSERT INTO ChatBinding (chatId, unitId, active, createdAt, updatedAt) VALUES (?, ?, 1, ?, ?)`);
    const unitIds: number[] = [];
    for (let u = 0; u < o.units; u++) {
      const id = Number(unit.run(`Đơn vị ${u}`, `don vi ${u}`, now).lastInsertRowid);
      unitIds.push(id);
      bind.run(chatOf(u), id, now, now);
    }
    dispatchId = Number(db.prepare(
      `INSERT INTO Dispatch (status, docType, number, numberKey, issuer, date, subject, forwardedBy, createdAt) VALUES ('confirmed', 'Kế hoạch', '1/KH-UBND', '1khubnd', 'UBND tỉnh', '2024-01-02', 'Kế hoạch thử tải', 'telegram:1', ?)`,
    ).run(now).lastInsertRowid);
    const task = db.prepare(`INSERT INTO Task (dispatchId, seq, ref, text, deadlineDate, createdAt) VALUES (?, ?, ?, ?, ?, ?)`);
    const assignment = db.prepare(`INSERT INTO Assignment (taskId, unitId, role, status, deadlineDate, createdAt) VALUES (?, ?, 'lead', 'open', ?, ?)`);
    const post = db.prepare(`INSERT INTO Post (chatId, messageId, assignmentId, position, kind, createdAt) VALUES (?, ?, ?, 1, 'task', ?)`);
    for (let i = 0; i < o.assignments; i++) {
      const d = o.deadline(i);
      const taskId = Number(task.run(dispatchId, i + 1, String(i + 1), `Nhiệm vụ thử tải số ${i + 1}: báo cáo kết quả thực hiện`, d, now).lastInsertRowid);
      const a = Number(assignment.run(taskId, unitIds[i % o.units]!, d, now).lastInsertRowid);
      post.run(chatOf(i), messageOf(i), a, now);
    }
  })();
  db.close();
  return { chatOf, messageOf, dispatchId };
}

/**
 * The same data on any open database (SQLite or PostgreSQL) through the raw SQL port, in batches of multi-row
 * inserts: slower than seedSynthetic on SQLite, but it also fills a PostgreSQL database (bench/workers.bench.ts).
 */
export async function seedSyntheticDb(db: Db, o: SyntheticOptions): Promise<SyntheticData> {
  const now = sqlDate(new Date());
  const chatOf = (i: number) => `telegram:-${1000 + (i % o.units)}`;
  const messageOf = (i: number) => String(10_000 + i);
  return db.gate.run(() =>
    db.sql.tx(async (sql) => {
      const unitIds: number[] = [];
      for (let u = 0; u < o.units; u++) {
        unitIds.push(Number(await sql.value(`INSERT INTO "Unit" ("displayName", key, aliases, kinds, "createdAt") VALUES (?, ?, '[]', '["sở"]', ?) RETURNING id`, [`Đơn vị ${u}`, `don vi ${u}`, now])));
        await sql.run(`INSERT INTO "ChatBinding" ("chatId", "unitId", active, "createdAt", "updatedAt") VALUES (?, ?, TRUE, ?, ?)`, [chatOf(u), unitIds[u]!, now, now]);
      }
      const dispatchId = Number(await sql.value(
        `INSERT INTO "Dispatch" (status, "docType", number, "numberKey", issuer, date, subject, "forwardedBy", "createdAt") VALUES ('confirmed', 'Kế hoạch', '1/KH-UBND', '1khubnd', 'UBND tỉnh', '2024-01-02', 'Kế hoạch thử tải', 'telegram:1', ?) RETURNING id`,
        [now],
      ));
      const batch = 200;
      for (let start = 0; start < o.assignments; start += batch) {
        const idx = Array.from({ length: Math.min(batch, o.assignments - start) }, (_, k) => start + k);
        const taskIds = (await sql.rows<[number]>(
          `INSERT INTO "Task" ("dispatchId", seq, ref, text, "deadlineDate", "createdAt") VALUES ${idx.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")} RETURNING id`,
          idx.flatMap((i) => [dispatchId, i + 1, String(i + 1), `Nhiệm vụ thử tải số ${i + 1}: báo cáo kết quả thực hiện`, o.deadline(i), now]),
        )).map((r) => Number(r[0]));
        const assignmentIds = (await sql.rows<[number]>(
          `INSERT INTO "Assignment" ("taskId", "unitId", role, status, "deadlineDate", "createdAt") VALUES ${idx.map(() => "(?, ?, 'lead', 'open', ?, ?)").join(", ")} RETURNING id`,
          idx.flatMap((i, k) => [taskIds[k]!, unitIds[i % o.units]!, o.deadline(i), now]),
        )).map((r) => Number(r[0]));
        await sql.run(
          `INSERT INTO "Post" ("chatId", "messageId", "assignmentId", position, kind, "createdAt") VALUES ${idx.map(() => "(?, ?, ?, 1, 'task', ?)").join(", ")}`,
          idx.flatMap((i, k) => [chatOf(i), messageOf(i), assignmentIds[k]!, now]),
        );
      }
      return { chatOf, messageOf, dispatchId };
    }),
  );
}
