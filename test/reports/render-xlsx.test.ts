import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { dispatchReport } from "../../src/reports/report.js";
import { renderReportXlsx } from "../../src/reports/render-xlsx.js";
import { NOW, ROWS } from "./fixtures.js";

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("renderReportXlsx", () => {
  it("writes one styled row per assignment with Vietnamese intact", async () => {
    const bytes = await renderReportXlsx(dispatchReport(ROWS, 164, NOW), { t: translator("vi"), now: NOW, title: "164/KH-UBND" });
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const wb = await readBack(bytes);
    const sheet = wb.getWorksheet("Chi tiết")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "STT", "Số ký hiệu", "Trích yếu", "Nhiệm vụ", "Đơn vị", "Vai trò", "Thời hạn", "Tình trạng", "Báo cáo gần nhất", "Gia hạn"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.rowCount).toBe(1 + 7);

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe("164/KH-UBND");
    expect(first.getCell(3).value).toBe("Triển khai thực hiện công tác cải cách hành chính năm 2024 trên địa bàn Thành phố");
    expect(first.getCell(4).value).toBe("1. Tổ chức quán triệt, tuyên truyền kế hoạch");
    expect(first.getCell(5).value).toBe("Sở Nội vụ");
    expect(first.getCell(6).value).toBe("chủ trì");
    expect((first.getCell(7).value as Date).toISOString()).toBe("2024-05-31T00:00:00.000Z");
    expect(first.getCell(7).numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(8).value).toBe("Quá hạn chưa hoàn thành");

    const rows = sheet.getRows(2, 7)!.map((r) => [r.getCell(6).value, r.getCell(8).value, r.getCell(9).value]);
    expect(rows).toContainEqual(["phối hợp", "Quá hạn chưa hoàn thành", ""]);
    expect(rows).toContainEqual(["chủ trì", "Hoàn thành đúng hạn", "23:30 31/05/2024: Dạ em đã hoàn thành ạ"]);
    expect(rows).toContainEqual(["chủ trì", "Chưa có hạn", "10:00 01/06/2024: đang thực hiện"]);
    expect(sheet.getRows(2, 7)!.find((r) => r.getCell(8).value === "Chưa có hạn")!.getCell(7).value).toBeNull();
  });

  it("shows an extended assignment's original deadline beside the new one (issue 12)", async () => {
    const report = dispatchReport(ROWS, 164, NOW);
    const extended = report.lines.find((l) => l.row.deadlineDate === "2024-05-31")!.row;
    const wb = await readBack(await renderReportXlsx(report, { t: translator("vi"), now: NOW, extendedFrom: new Map([[extended.id, "2024-05-20"]]) }));
    const rows = wb.getWorksheet("Chi tiết")!.getRows(2, 7)!;
    const row = rows.find((r) => r.getCell(1).value === report.lines.findIndex((l) => l.row.id === extended.id) + 1)!;
    expect((row.getCell(7).value as Date).toISOString()).toBe("2024-05-31T00:00:00.000Z");
    expect(row.getCell(10).value).toBe("gia hạn từ 20/05/2024 đến 31/05/2024");
    expect(rows.filter((r) => r.getCell(10).value)).toHaveLength(1);
  });

  it("adds a summary sheet with the official counts per lead unit", async () => {
    const wb = await readBack(await renderReportXlsx(ROWS.filter((r) => r.dispatchId === 164), { t: translator("vi"), now: NOW }));
    const sum = wb.getWorksheet("Tổng hợp")!;
    const values = sum.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(values[1]).toEqual(["Tổng số: 6 nhiệm vụ, 7 lượt giao cho đơn vị (6 lượt chủ trì, 1 lượt phối hợp)"]);
    expect(values[2]).toEqual(["Tình hình 6 lượt giao cho đơn vị chủ trì (lượt phối hợp không tính):"]);
    expect(values[3]).toEqual(["Đơn vị chủ trì", "Số lượt giao chủ trì", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện (trong hạn)", "Quá hạn chưa hoàn thành", "Hoàn thành", "Chưa có hạn"]);
    expect(values).toContainEqual(["Sở Nội vụ", 2, 0, 1, 0, 1, 0, 0]);
    expect(values[values.length - 1]).toEqual(["Cộng (lượt giao cho đơn vị chủ trì)", 6, 1, 1, 1, 1, 1, 1]);
  });

  it("writes English headers for an English reader", async () => {
    const wb = await readBack(await renderReportXlsx(dispatchReport(ROWS, 12, NOW), { t: translator("en"), now: NOW }));
    expect(wb.getWorksheet("Details")!.getRow(1).getCell(4).value).toBe("Task");
  });
});

describe("renderReportXlsx: hostile text", () => {
  it("drops control characters XML cannot hold, keeps formulas as text, and clips giant cells", async () => {
    const row = { ...ROWS[0]!, taskText: "Báo cáo\u0000 kết quả\u0007 =SUM(A1:A2)", lastReportAt: NOW, lastReportText: "x".repeat(40_000), unitName: "=cmd|' /C calc'!A0" };
    const wb = await readBack(await renderReportXlsx([row], { t: translator("vi"), now: NOW }));
    const r = wb.getWorksheet("Chi tiết")!.getRow(2);
    expect(r.getCell(4).value).toBe("1. Báo cáo kết quả =SUM(A1:A2)");
    expect(r.getCell(5).value).toBe("=cmd|' /C calc'!A0");
    expect(r.getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(String(r.getCell(9).value).length).toBeLessThanOrEqual(32_767);
  });
});
