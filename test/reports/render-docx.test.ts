// The official report as .docx (NĐ 30/2020 layout), read back three ways: the XML Word reads (page, margins, fonts),
// mammoth's model (the text and the table rows, compared with the .xlsx rows), and LibreOffice (converted to PDF,
// its page text checked) where it is installed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { readZip } from "../../src/ingest/zip.js";
import { detectTools } from "../../src/ingest/tools.js";
import { inPeriod, quarterPeriod } from "../../src/reports/period.js";
import { buildReport, dispatchReport, unitReport } from "../../src/reports/report.js";
import { DOCX_MAX_ROWS, renderReportDocx } from "../../src/reports/render-docx.js";
import { renderReportXlsx } from "../../src/reports/render-xlsx.js";
import { NOW, ROWS } from "./fixtures.js";

const t = translator("vi");
const ISSUER = { parent: "UBND Thành phố Hà Nội", name: "Văn phòng", abbreviation: "VP", place: "Hà Nội", signerTitle: "Chánh Văn phòng" };

const documentXml = (bytes: Buffer) =>
  new TextDecoder().decode(readZip(bytes, { maxEntries: 100, maxUnzippedBytes: 50_000_000 }).get("word/document.xml")!);

const decode = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").trim();

/** The rows of every table mammoth finds, each row as its cells' text (paragraphs joined by a line break). */
async function tablesOf(bytes: Buffer): Promise<string[][][]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, tr]) =>
      [...tr!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, td]) =>
        [...td!.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map(([, p]) => decode(p!)).join("\n"))));
}

async function xlsxRows(bytes: Buffer): Promise<Array<{ stt: number; task: string; unit: string; status: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Chi tiết")!;
  return sheet.getRows(2, sheet.rowCount - 1)!.map((r) => ({
    stt: r.getCell(1).value as number, task: String(r.getCell(4).value), unit: `${r.getCell(5).value} (${r.getCell(6).value})`, status: String(r.getCell(8).value),
  }));
}

describe("renderReportDocx", () => {
  it("lays the report out as NĐ 30/2020 asks: A4, margins, Times New Roman 13–14, quốc hiệu, số and ngày left blank", async () => {
    const bytes = await renderReportDocx(dispatchReport(ROWS, 164, NOW), { t, now: NOW, issuer: ISSUER });
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const xml = documentXml(bytes);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    // Sizes in half-points: 12 pt quốc hiệu, 11–12 pt nơi nhận, 13–14 pt everywhere else.
    const sizes = [...xml.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes.every((s) => s >= 22 && s <= 28)).toBe(true);
    expect(sizes.filter((s) => s < 26)).toHaveLength(5); // quốc hiệu, "Nơi nhận:" and its three lines

    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 8)).toEqual([
      "UBND THÀNH PHỐ HÀ NỘI", "VĂN PHÒNG", "________", "Số:        /BC-VP",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "________________________",
      "Hà Nội, ngày      tháng      năm 2024",
    ]);
    expect(lines).toContain("BÁO CÁO");
    expect(lines).toContain("Kết quả thực hiện nhiệm vụ theo văn bản số 164/KH-UBND Triển khai thực hiện công tác cải cách hành chính năm 2024 trên địa bàn Thành phố");
    expect(lines).toContain("Tổng số: 6 nhiệm vụ (tính theo đơn vị chủ trì)");
    expect(lines).toContain("- Quá hạn chưa hoàn thành: 1");
    expect(lines).toContain("Nơi nhận:");
    expect(lines).toContain("- Lưu: VT, VP.");
    expect(lines).toContain("CHÁNH VĂN PHÒNG");
  });

  it("has the .xlsx rows, in the same order, in its table (STT · nội dung · văn bản · đơn vị · thời hạn · kết quả · tình trạng)", async () => {
    for (const report of [dispatchReport(ROWS, 164, NOW), unitReport(ROWS, 1, NOW), buildReport("dispatch", ROWS, NOW)]) {
      const [docx, xlsx] = await Promise.all([renderReportDocx(report, { t, now: NOW }), renderReportXlsx(report, { t, now: NOW })]);
      const tables = await tablesOf(docx);
      const detail = tables.find((tb) => tb[0]?.[0] === "STT")!;
      expect(detail[0]).toEqual(["STT", "Nội dung nhiệm vụ", "Văn bản giao", "Đơn vị chủ trì / phối hợp", "Thời hạn", "Kết quả", "Tình trạng"]);
      const fromXlsx = await xlsxRows(xlsx);
      expect(detail.slice(1).map((r) => ({ stt: Number(r[0]), task: r[1], unit: r[3], status: r[6] }))).toEqual(fromXlsx);
      expect(fromXlsx).toHaveLength(report.lines.length);
    }
    const tables = await tablesOf(await renderReportDocx(dispatchReport(ROWS, 164, NOW), { t, now: NOW }));
    const detail = tables.find((tb) => tb[0]?.[0] === "STT")!;
    expect(detail).toContainEqual(["6", "2. Rà soát thủ tục hành chính", "164/KH-UBND", "Sở Thông tin và Truyền thông (chủ trì)", "31/05/2024",
      "Hoàn thành ngày 31/05/2024\n31/05/2024: Dạ em đã hoàn thành ạ", "Hoàn thành đúng hạn"]);
    expect(detail).toContainEqual(["1", "1. Tổ chức quán triệt, tuyên truyền kế hoạch", "164/KH-UBND", "Sở Nội vụ (chủ trì)", "31/05/2024", "Chưa có báo cáo", "Quá hạn chưa hoàn thành"]);
    // The counts per lead unit, as in the .xlsx summary sheet.
    const byUnit = tables.find((tb) => tb[0]?.[0] === "Đơn vị chủ trì")!;
    expect(byUnit).toContainEqual(["Sở Nội vụ", "2", "0", "1", "0", "1", "0"]);
    expect(byUnit.at(-1)).toEqual(["Cộng", "6", "1", "1", "1", "1", "2"]);
  });

  it("escapes markup and drops control characters from what people wrote", async () => {
    const rows = [{ ...ROWS[0]!, taskText: "Kiểm tra <b>&</b> \u0007báo cáo", lastReportAt: NOW, lastReportText: "</w:t> xong" }];
    const bytes = await renderReportDocx(buildReport("unit", rows, NOW, { unitName: "Sở <Nội> vụ" }), { t, now: NOW });
    const detail = (await tablesOf(bytes)).find((tb) => tb[0]?.[0] === "STT")!;
    expect(detail[1]![1]).toBe("1. Kiểm tra <b>&</b> báo cáo");
    expect(detail[1]![5]).toBe("03/06/2024: </w:t> xong");
    expect((await mammoth.extractRawText({ buffer: bytes })).value).toContain("Kết quả thực hiện nhiệm vụ của Sở <Nội> vụ");
  });

  it("reports on a quarter: only the assignments due, done or still open in it", async () => {
    const q2 = quarterPeriod(2024, 2);
    const rows = ROWS.filter((r) => inPeriod(r, q2));
    const bytes = await renderReportDocx(buildReport("dispatch", rows, NOW), { t, now: NOW, about: "quý II năm 2024" });
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text).toContain("Kết quả thực hiện nhiệm vụ quý II năm 2024");
    const detail = (await tablesOf(bytes)).find((tb) => tb[0]?.[0] === "STT")!;
    expect(detail).toHaveLength(1 + rows.length);
  });

  it("lists at most DOCX_MAX_ROWS rows and counts the rest, left to the .xlsx", async () => {
    const many = Array.from({ length: DOCX_MAX_ROWS + 5 }, (_, i) => ({ ...ROWS[0]!, id: i + 1, taskRef: String(i + 1) }));
    const bytes = await renderReportDocx(buildReport("dispatch", many, NOW), { t, now: NOW });
    const detail = (await tablesOf(bytes)).find((tb) => tb[0]?.[0] === "STT")!;
    expect(detail).toHaveLength(1 + DOCX_MAX_ROWS);
    expect((await mammoth.extractRawText({ buffer: bytes })).value).toContain("… và 5 dòng khác (xem tệp Excel).");
  }, 60_000);

  const soffice = detectTools().soffice;
  if (!soffice) console.warn(".docx → PDF check skipped: install libreoffice-writer-nogui to run it");
  it.skipIf(!soffice)("opens in LibreOffice: converted to PDF, its pages carry the report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dondoc-docx-"));
    writeFileSync(join(dir, "bao-cao.docx"), await renderReportDocx(buildReport("dispatch", ROWS, NOW), { t, now: NOW, issuer: ISSUER }));
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "bao-cao.docx")], { stdio: "ignore", timeout: 120_000 });
    const pdf = readFileSync(join(dir, "bao-cao.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { extractText, getDocumentProxy } = await import("unpdf");
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const page = await doc.getPage(1);
    const [width, height] = [page.view[2]!, page.view[3]!];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]); // A4 in points
    const { text } = await extractText(doc, { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(flat).toContain("BÁO CÁO");
    expect(flat).toContain("Tổng kết công tác dân vận");
    expect(flat).toContain("4. Đánh giá chỉ số hài lòng");
  }, 150_000);
});
