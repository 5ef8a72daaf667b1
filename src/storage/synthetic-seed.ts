import Database from "better-sqlite3";

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
