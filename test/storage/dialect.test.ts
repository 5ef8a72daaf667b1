import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/storage/database.js";
import { DIALECT } from "../../src/storage/dialect.js";
import { bindNamed } from "../../src/storage/sql.js";
import { DIALECTS, testDatabase } from "../setup/db.js";

// The fragments where the two databases' SQL differs (src/storage/dialect.ts), each asked the same question on both:
// the repositories built on them (reports, dashboard, histories, extensions) count on identical answers.
let db: Db | undefined;
describe.each(DIALECTS)("dialect fragments on $dialect", ({ dialect, skip }) => {
  beforeEach(async (ctx) => {
    if (skip) return ctx.skip();
    db = await testDatabase(dialect);
  });
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("the office day of an instant is its day in Hà Nội (UTC+7), across midnight", async () => {
    const d = DIALECT[db!.dialect];
    await db!.sql.run(`INSERT INTO "Unit" ("displayName", key, aliases, kinds, "createdAt") VALUES ('Sở Y tế', 'so y te', '[]', '[]', ?)`, ["2023-06-07T16:59:59.000+00:00"]);
    await db!.sql.run(`INSERT INTO "Unit" ("displayName", key, aliases, kinds, "createdAt") VALUES ('Sở Nội vụ', 'so noi vu', '[]', '[]', ?)`, ["2023-06-07T17:00:00.000+00:00"]);
    const days = await db!.sql.rows<[string, string]>(`SELECT key, ${d.officeDay(`"createdAt"`)} FROM "Unit" ORDER BY id`);
    expect(days).toEqual([["so y te", "2023-06-07"], ["so noi vu", "2023-06-08"]]);
  });

  it("JSON lists of ids and of texts bound as one parameter; fields and array lengths of JSON text", async () => {
    const d = DIALECT[db!.dialect];
    expect((await db!.sql.rows<[number]>(`SELECT * FROM (${d.jsonIds}) l ORDER BY 1`, [JSON.stringify([3, 1, 2])])).map((r) => Number(r[0]))).toEqual([1, 2, 3]);
    expect(await db!.sql.rows(`SELECT * FROM (${d.jsonIds}) l`, ["[]"])).toEqual([]);
    expect((await db!.sql.rows<[string]>(`SELECT * FROM (${d.jsonTexts}) l ORDER BY 1`, [JSON.stringify(["telegram:2", "zalo:1"])])).map((r) => r[0]))
      .toEqual(["telegram:2", "zalo:1"]);
    const datas = [{ intent: "question", attachments: ["a.pdf", "b.docx"] }, { intent: "done" }, { attachments: "one.pdf" }];
    for (const data of datas) {
      await db!.sql.run(`INSERT INTO "Event" (at, type, data) VALUES (?, 'reply', ?)`, ["2023-06-05T02:00:00.000+00:00", JSON.stringify(data)]);
    }
    const rows = await db!.sql.rows<[string | null, number | null]>(
      `SELECT ${d.jsonField("data", "intent")}, ${d.jsonArrayLength("data", "attachments")} FROM "Event" ORDER BY id`);
    // No array where one belongs: no files (NULL when absent; 0 on SQLite and NULL on PostgreSQL for a scalar).
    expect(rows.map(([intent, n]) => [intent, n === null ? null : Number(n)])).toEqual([["question", 2], ["done", null], [null, db!.dialect === "sqlite" ? 0 : null]]);
  });

  it("byte order puts '~' (no due day) after every ISO day, whatever the collation", async () => {
    const d = DIALECT[db!.dialect];
    const keys = ["1~", "12023-06-07", "02023-06-01", "1 ", "12023-06-07a"];
    const rows = await db!.sql.rows<[string]>(`SELECT k FROM (${keys.map(() => "SELECT CAST(? AS TEXT) AS k").join(" UNION ALL ")}) l ORDER BY k${d.byteOrder}`, keys);
    expect(rows.map((r) => r[0])).toEqual([...keys].sort());
  });

  it("index hints are SQLite's only, and a statement with them runs", async () => {
    const d = DIALECT[db!.dialect];
    expect(Number(await db!.sql.value(`SELECT COUNT(*) FROM "Assignment" a ${d.noIndex}`))).toBe(0);
    expect(Number(await db!.sql.value(`SELECT COUNT(*) FROM "Assignment" a ${d.indexedBy("Assignment_unitId_role_deadlineDate_completedAt_status_lastReportAt_idx")}`))).toBe(0);
    if (db!.dialect === "postgresql") expect(`${d.noIndex}${d.indexedBy("x")}`).toBe("");
  });

  it("@name parameters reused in one statement are bound positionally", async () => {
    const [text, values] = bindNamed(`SELECT CASE WHEN @a < @b THEN @a ELSE @b END, @a || ''`, { a: "x", b: "y", unused: 1 });
    expect(text).toBe("SELECT CASE WHEN ? < ? THEN ? ELSE ? END, ? || ''");
    expect(values).toEqual(["x", "y", "x", "y", "x"]);
    expect(await db!.sql.rows(`SELECT CAST(? AS TEXT), CAST(? AS TEXT)`, bindNamed("@a@b", { a: "1", b: "2" })[1])).toEqual([["1", "2"]]);
    expect(() => bindNamed("SELECT @missing", {})).toThrow(/@missing/);
  });
});
