/**
 * The intake on the largest .docx it accepts (issue 10): a task table whose XML comes just under the 8 MB XML limit,
 * read as a forwarded file is (readFileIsolated: worker thread, extraction and reader). Prints the read time and the
 * process's peak RSS during the read (the worker's heap is part of the process).
 */
import { DEFAULT_LIMITS } from "../src/ingest/index.js";
import { readFileIsolated } from "../src/intake/read-file.js";
import { docx, p, table } from "../test/ingest/helpers/docx.js";

function largestAccepted(): { bytes: Uint8Array; rows: number; xmlBytes: number } {
  const header = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"];
  const row = (i: number) => [String(i + 1), `Triển khai nội dung số ${i + 1} của kế hoạch`, "Sở Y tế", "Sở Tài chính", "30/11/2026"];
  const xmlOf = (rows: number) => p("Kính gửi: Các sở, ban, ngành") + table([header, ...Array.from({ length: rows }, (_, i) => row(i))]);
  const perRow = Buffer.byteLength(xmlOf(101)) - Buffer.byteLength(xmlOf(100));
  const rows = Math.floor((DEFAULT_LIMITS.maxXmlBytes * 0.97) / perRow);
  const body = xmlOf(rows);
  return { bytes: docx(body), rows, xmlBytes: Buffer.byteLength(body) };
}

export default async function bench(): Promise<void> {
  const { bytes, rows, xmlBytes } = largestAccepted();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const read = await readFileIsolated(bytes, "lon-nhat.docx", { tools: { tesseract: null, pdftoppm: null, soffice: null }, refDate: "2026-06-01" });
  const ms = performance.now() - start;
  clearInterval(sample);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(`largest accepted .docx: ${mb(bytes.length)} MB file, ${mb(xmlBytes)} MB XML (limit ${mb(DEFAULT_LIMITS.maxXmlBytes)} MB), ${rows} table rows`);
  console.log(`read in ${(ms / 1000).toFixed(1)} s (${read.parsed?.tasks.length ?? 0} tasks) · peak RSS ${mb(peak)} MB (${mb(peak - base)} MB above the ${mb(base)} MB before)`);
}
