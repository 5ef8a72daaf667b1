// Issue 10: a forwarded file is read (extraction and reader) in a worker thread with a heap cap, within the file time
// limit: a heap overflow or a slow read ends in a Vietnamese message, the bot's process and event loop carry on.
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { describeIngestError, IngestError } from "../../src/ingest/index.js";
import { readFileIsolated } from "../../src/intake/read-file.js";
import { docx, p, table } from "../ingest/helpers/docx.js";

const tools = { tesseract: null, pdftoppm: null, soffice: null };
const t = translator("vi");
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

/** A task table of `rows` rows, as Word writes it. */
function taskTable(rows: number): Uint8Array {
  const header = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"];
  const body = Array.from({ length: rows }, (_, i) => [String(i + 1), `Triển khai nội dung số ${i + 1}`, "Sở Y tế", "Sở Tài chính", "30/11/2026"]);
  return docx(p("Kính gửi: Các sở, ban, ngành") + table([header, ...body]));
}

describe("reading a file in its worker", () => {
  it("returns the text and the dispatch read from it", async () => {
    const read = await readFileIsolated(taskTable(3), "bang.docx", { tools, refDate: "2026-06-01" });
    expect(read.text).toContain("Triển khai nội dung số 3");
    expect(read.source.format).toBe("docx");
    expect(read.parsed?.tasks.map((task) => task.assignees.find((a) => a.role === "lead")?.name)).toEqual(["Sở Y tế", "Sở Y tế", "Sở Y tế"]);
  });

  it("an amending dispatch read from a file carries its amendment references, as a pasted one does (issue 12)", async () => {
    const text = new TextEncoder().encode([
      "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 171/UBND-VX", "V/v gia hạn thời gian thực hiện Kế hoạch số 164/KH-UBND", "",
      "Hà Nội, ngày 22 tháng 11 năm 2023", "",
      "UBND Thành phố gia hạn thời gian thực hiện Kế hoạch số 164/KH-UBND ngày 05/6/2023 đến ngày 15/12/2023.",
    ].join("\n"));
    const read = await readFileIsolated(text, "171-UBND-VX.txt", { tools, refDate: "2023-11-22" });
    expect(read.parsed?.amends?.map((a) => [a.kind, a.numbers, a.until])).toEqual([["extend", ["164/KH-UBND"], "2023-12-15"]]);
  });

  it("a heap overflow while reading ends the read with the 'too much memory' message, not the process", async () => {
    const error = await failure(readFileIsolated(taskTable(4000), "bang-lon.docx", { tools, maxHeapMb: 24, refDate: "2026-06-01" }));
    expect(error).toBeInstanceOf(IngestError);
    expect(describeIngestError(error as IngestError, t)).toBe(
      "Tệp bang-lon.docx cần quá nhiều bộ nhớ để đọc nên đã dừng. Vui lòng gửi bản nhỏ hơn, bản .pdf có lớp chữ, hoặc dán nội dung văn bản.",
    );
  }, 60_000);

  it("the time limit covers the whole read, the reader included", async () => {
    const text = new TextEncoder().encode("1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai kế hoạch, hoàn thành trước ngày 20/5/2024.\n".repeat(15_000));
    const error = await failure(readFileIsolated(text, "dai.txt", { tools, limits: { timeoutMs: 200 }, refDate: "2026-06-01" }));
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("timeout");
  }, 60_000);

  it("leaves the event loop free while a large file is read", async () => {
    let last = performance.now();
    let worst = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 10);
    const start = performance.now();
    const read = await readFileIsolated(taskTable(3000), "bang.docx", { tools, refDate: "2026-06-01" });
    const took = performance.now() - start;
    clearInterval(tick);
    expect(read.parsed?.tasks.length).toBe(999); // items are numbered up to 999
    // On the main thread this read blocked the loop for its whole duration; in the worker the loop keeps ticking.
    expect(worst).toBeLessThan(Math.max(250, took / 4));
  }, 120_000);
});
