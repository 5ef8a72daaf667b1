import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { dispatchReport, notReportedReport, overdueReport, unitReport } from "../../src/reports/report.js";
import { renderReportText } from "../../src/reports/render-text.js";
import { NOW, ROWS } from "./fixtures.js";

const vi = translator("vi");
const en = translator("en");

describe("renderReportText", () => {
  it("writes the official Vietnamese summary of a dispatch", () => {
    const [text, ...rest] = renderReportText(dispatchReport(ROWS, 164, NOW), vi);
    expect(rest).toEqual([]);
    const lines = text!.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ",
      "Văn bản: 164/KH-UBND – Triển khai thực hiện công tác cải cách hành chính năm 2024 trên địa bàn Thành phố",
      "Tính đến 08:30 ngày 03/06/2024",
    ]);
    expect(text).toContain([
      // Issue 12: what is counted — tasks, assignments to units, then the lead assignments the categories are over.
      "Tổng số: 6 nhiệm vụ, 7 lượt giao cho đơn vị (6 lượt chủ trì, 1 lượt phối hợp)",
      "Tình hình 6 lượt giao cho đơn vị chủ trì (lượt phối hợp không tính):",
      "- Đã hoàn thành: 2",
      "   + Hoàn thành đúng hạn: 1",
      "   + Hoàn thành quá hạn: 1",
      "- Chưa hoàn thành: 2",
      "   + Đang thực hiện (trong hạn): 1",
      "   + Quá hạn chưa hoàn thành: 1",
      "- Nhiệm vụ không có thời hạn: 2",
      "   + Hoàn thành: 1",
      "   + Chưa có hạn: 1",
    ].join("\n"));
    expect(text).toContain("- Sở Nội vụ: 2 nhiệm vụ; đã hoàn thành 1 (đúng hạn 0, quá hạn 1); chưa hoàn thành 1 (trong hạn 0, quá hạn 1); không có thời hạn 0");
    expect(text).toContain("1. 164/KH-UBND – Nhiệm vụ 1: Tổ chức quán triệt, tuyên truyền kế hoạch\n   Sở Nội vụ (chủ trì) · hạn 31/05/2024 · Quá hạn chưa hoàn thành, quá 3 ngày");
    expect(text).toContain("Sở Thông tin và Truyền thông (phối hợp)");
    expect(text).toContain("   Báo cáo gần nhất (31/05/2024): Dạ em đã hoàn thành ạ");
    expect(text).toContain("UBND quận Ba Đình (chủ trì) · hạn 10/06/2024 · Đang thực hiện (trong hạn), còn 7 ngày");
    expect(text).not.toMatch(/[<>*_`]|\{\{/);
  });

  it("renders in English with the same structure", () => {
    const [text] = renderReportText(dispatchReport(ROWS, 164, NOW), en);
    expect(text).toContain("TASK STATUS REPORT");
    expect(text).toContain("- Completed: 2");
    expect(text).toContain("Overdue, not completed, 3 days overdue");
    expect(text).not.toContain("{{");
  });

  it("titles a unit report and an overdue list", () => {
    expect(renderReportText(unitReport(ROWS, 3, NOW), vi)[0]).toMatch(/^TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA UBND quận Ba Đình\n/);
    expect(renderReportText(overdueReport(ROWS, NOW), vi)[0]).toMatch(/^DANH SÁCH NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH\n/);
  });

  it("names the units behind an overdue or not-reported list, whatever their role", () => {
    const text = renderReportText(notReportedReport(ROWS, NOW), vi)[0]!;
    expect(text).toMatch(/^DANH SÁCH NHIỆM VỤ CHƯA CÓ BÁO CÁO\n/);
    expect(text).toContain("Theo đơn vị (số nhiệm vụ, cả chủ trì và phối hợp):\n- Sở Nội vụ: 2\n- Sở Thông tin và Truyền thông: 1\n- UBND quận Ba Đình: 1");
    expect(text).not.toContain("Theo đơn vị chủ trì:");
  });

  it("says so when there is nothing to report", () => {
    expect(renderReportText(dispatchReport(ROWS, 999, NOW), vi).join("\n")).toContain("Không có nhiệm vụ nào.");
  });

  it("splits a long report into messages under the limit, cutting between lines, and caps the detail", () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...ROWS[0]!, id: 1000 + i, taskRef: String(i + 1), taskText: "Nội dung nhiệm vụ rất dài ".repeat(12) }));
    const chunks = renderReportText(dispatchReport(many, 164, NOW), vi, { maxLength: 1500, maxLines: 40 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(1500);
      expect(c.startsWith("   ")).toBe(false);
    }
    const all = chunks.join("\n");
    expect(all).toContain("40. 164/KH-UBND – Nhiệm vụ 40:");
    expect(all).not.toContain("41. 164/KH-UBND");
    expect(all).toContain("… và 260 dòng khác (xem tệp Excel).");
    expect(all).toMatch(/Nội dung nhiệm vụ rất dài.*…/);
  });
});

describe("renderReportText: many units", () => {
  it("lists at most maxUnits lead units and counts the rest", () => {
    const rows = Array.from({ length: 45 }, (_, i) => ({ ...ROWS[0]!, id: 5000 + i, unitId: 100 + i, unitName: `Đơn vị ${String(i + 1).padStart(2, "0")}` }));
    const text = renderReportText(dispatchReport(rows, 164, NOW), vi, { maxUnits: 30 }).join("\n");
    expect(text).toContain("- Đơn vị 30: 1 nhiệm vụ");
    expect(text).not.toContain("- Đơn vị 31: 1 nhiệm vụ");
    expect(text).toContain("… và 15 đơn vị khác (xem tệp Excel).");
  });
});
