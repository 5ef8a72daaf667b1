/**
 * Setting an office up and reporting upward: importing the 120-unit province directory (read, plan, apply on a real
 * SQLite file), the NĐ 30/2020 .docx report next to the .xlsx at 100 and 1,000 rows, and reading questions.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManualClock } from "../src/clock.js";
import { translator } from "../src/i18n.js";
import { readSheetCells } from "../src/ingest/sheet.js";
import { buildReport, type ReportRow } from "../src/reports/report.js";
import { renderReportDocx } from "../src/reports/render-docx.js";
import { renderReportXlsx } from "../src/reports/render-xlsx.js";
import { openDatabase } from "../src/storage/database.js";
import { createStore } from "../src/storage/store.js";
import { applyImport, planImport } from "../src/tracking/directory-import.js";
import { parseSheet } from "../src/tracking/directory-sheet.js";
import { parseQuestion } from "../src/tracking/question.js";
import { ensureAdmins } from "../src/tracking/roles.js";
import { time } from "./timing.js";

const CSV = readFileSync(new URL("../test/fixtures/units/ninh-binh-120.csv", import.meta.url));
const NOW = new Date("2026-11-18T02:00:00Z");

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-bench-office-"));
  try {
    const read = await time(5, async () => parseSheet(await readSheetCells(CSV, "don-vi.csv")));
    console.log(`120-unit .csv read + parsed: median ${read.median.toFixed(1)} ms (cpu ${read.cpu.toFixed(1)} ms)`);
    let n = 0;
    const apply = await time(3, async () => {
      const db = await openDatabase(`file:${join(dir, `d${n++}.db`)}`);
      const clock = new ManualClock(NOW);
      const deps = { store: createStore(db, clock), clock };
      await ensureAdmins(deps, ["telegram:1"]);
      const plan = planImport(await deps.store.directory.units(), read.result.rows);
      const result = await applyImport(deps, { by: "telegram:1", plan });
      await db.close();
      return result;
    });
    console.log(`120-unit import planned and applied (fresh database each run): median ${apply.median.toFixed(0)} ms`, apply.result);

    const t = translator("vi");
    for (const rows of [100, 1000]) { // 1,000: DOCX_MAX_ROWS, the most the .docx table lists
      const lines: ReportRow[] = Array.from({ length: rows }, (_, i) => ({
        id: i, taskId: i, dispatchId: Math.floor(i / 20), dispatchNumber: `${Math.floor(i / 20)}/KH-UBND`, dispatchSubject: "Triển khai kế hoạch",
        taskRef: String((i % 20) + 1), taskText: "Tổ chức thực hiện và báo cáo kết quả về Văn phòng UBND tỉnh", unitId: i % 120,
        unitName: `Đơn vị số ${i % 120}`, role: i % 3 ? "lead" : "coordinate", deadlineDate: `2026-${String((i % 12) + 1).padStart(2, "0")}-15`,
        completedAt: i % 4 ? null : NOW, lastReportAt: null, lastReportText: null,
      }));
      const report = buildReport("dispatch", lines, NOW);
      const docx = await time(3, () => renderReportDocx(report, { t, now: NOW }));
      const xlsx = await time(3, () => renderReportXlsx(report, { t, now: NOW }));
      console.log(`${rows} rows: .docx median ${docx.median.toFixed(0)} ms (${(docx.result.length / 1024).toFixed(0)} KB), .xlsx median ${xlsx.median.toFixed(0)} ms`);
    }

    const units = (await (async () => {
      const db = await openDatabase(`file:${join(dir, "d0.db")}`);
      const u = await createStore(db, new ManualClock(NOW)).directory.units();
      await db.close();
      return u;
    })());
    const questions = ["Sở Y tế còn mấy việc quá hạn?", "tuần này những đơn vị nào chưa báo cáo?", "văn bản 164 đến đâu rồi?", "việc nào sắp đến hạn?", "xong", "Cảm ơn đồng chí"];
    const dispatches = Array.from({ length: 500 }, (_, i) => ({ id: i, number: `${i}/KH-UBND` }));
    const q = await time(200, () => questions.map((text) => parseQuestion(text, { units, dispatches, today: "2026-11-18" })));
    console.log(`6 questions over a 120-unit directory: median ${(q.median / questions.length).toFixed(2)} ms per question`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
