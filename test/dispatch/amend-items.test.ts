// Item-by-item changes of an amending dispatch (issue 12): which items of the amended dispatch get a new due day, a
// new wording, or are added. Sentences as offices write them, and negatives.
import { describe, expect, it } from "vitest";
import { findItemChanges, itemChangeSchema } from "../../src/dispatch/amend-items.js";

const read = (text: string) => findItemChanges(text, { refDate: "2023-06-20" });
const brief = (text: string) => read(text).map((c) => (c.op === "deadline" ? [c.op, c.refs, c.until] : [c.op, c.ref, c.newText, c.until]));

describe("new due days of items", () => {
  it.each<[string, unknown[]]>([
    ["Điều chỉnh thời hạn tại mục 3 Kế hoạch số 164/KH-UBND đến ngày 30/12/2023.", [["deadline", ["3"], "2023-12-30"]]],
    ["1. Điều chỉnh thời gian hoàn thành nhiệm vụ tại khoản 2 và khoản 3 thành trước ngày 15/01/2024.", [["deadline", ["2", "3"], "2024-01-15"]]],
    ["Gia hạn thời gian thực hiện nhiệm vụ tại mục 2, 4 của Công văn số 89/UBND-TC đến ngày 14 tháng 7 năm 2023.", [["deadline", ["2", "4"], "2023-07-14"]]],
    ["- Sửa đổi thời hạn tại điểm a khoản 2: hoàn thành trước ngày 20/12/2023;", [["deadline", ["2.a"], "2023-12-20"]]],
    ["Sửa đổi khoản 2: thời hạn hoàn thành trước ngày 15/12/2023.", [["deadline", ["2"], "2023-12-15"]]],
    ["Điều chỉnh thời gian thực hiện nhiệm vụ 3 đến ngày 30/12/2023.", [["deadline", ["3"], "2023-12-30"]]],
    ["Điều chỉnh thời hạn báo cáo tại mục II.3 Kế hoạch số 164/KH-UBND thành trước ngày 20/12/2023.", [["deadline", ["II.3"], "2023-12-20"]]],
    ["dieu chinh thoi han tai muc 3 den ngay 30/12/2023", []], // without diacritics the office writes none of these; not guessed
  ])("%s", (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe("new wording of an item", () => {
  it("inline, quoted", () => {
    expect(brief(`Sửa đổi khoản 2 Kế hoạch số 164/KH-UBND như sau: "2. Sở Nội vụ chủ trì rà soát biên chế các đơn vị sự nghiệp, hoàn thành trước ngày 15/12/2023."`))
      .toEqual([["text", "2", "Sở Nội vụ chủ trì rà soát biên chế các đơn vị sự nghiệp, hoàn thành trước ngày 15/12/2023.", "2023-12-15"]]);
  });
  it("on the lines after 'như sau:', up to the next change", () => {
    const text = [
      "1. Sửa đổi, bổ sung nội dung tại mục 1 như sau:",
      "“Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022 của các quận, huyện.”",
      "2. Điều chỉnh thời hạn tại mục 2 đến ngày 31/7/2023.",
    ].join("\n");
    expect(brief(text)).toEqual([
      ["text", "1", "Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022 của các quận, huyện.", null],
      ["deadline", ["2"], "2023-07-31"],
    ]);
  });
});

describe("items added", () => {
  it("one item written on the line", () => {
    expect(brief("Bổ sung nhiệm vụ 3: Sở Y tế chủ trì kiểm tra an toàn thực phẩm, hoàn thành trước ngày 30/12/2023."))
      .toEqual([["add", "3", "Sở Y tế chủ trì kiểm tra an toàn thực phẩm, hoàn thành trước ngày 30/12/2023.", "2023-12-30"]]);
  });
  it("a numbered list after 'như sau:', a wrapped line joined to its item", () => {
    const text = [
      "3. Bổ sung các nhiệm vụ sau vào Kế hoạch số 164/KH-UBND:",
      "4. Sở Y tế chủ trì kiểm tra an toàn thực phẩm,",
      "hoàn thành trước ngày 30/12/2023.",
      "5. Sở Nội vụ phối hợp tổng hợp kết quả.",
      "",
      "Các nội dung khác giữ nguyên.",
    ].join("\n");
    expect(brief(text)).toEqual([
      ["add", "4", "Sở Y tế chủ trì kiểm tra an toàn thực phẩm, hoàn thành trước ngày 30/12/2023.", "2023-12-30"],
      ["add", "5", "Sở Nội vụ phối hợp tổng hợp kết quả.", null],
    ]);
  });
});

it("an added item's units and due day are the reader's reading of the item alone", () => {
  const [added] = read("3. Bổ sung nhiệm vụ III.13: Sở Y tế chủ trì, phối hợp với Sở Nội vụ tổ chức hiến máu tình nguyện, hoàn thành trước ngày 25/01/2024.");
  expect(added).toMatchObject({
    op: "add", ref: "III.13", until: "2024-01-25",
    assignees: [{ name: "Sở Y tế", role: "lead" }, { name: "Sở Nội vụ", role: "coordinate" }],
  });
});

describe("not item changes", () => {
  it.each([
    "Căn cứ Nghị định số 61/2011/NĐ-CP sửa đổi khoản 2 Điều 5 Nghị định số 12/2009/NĐ-CP như sau: …",
    "Sửa đổi khoản 2 Điều 3 Quyết định số 44/2010/QĐ-UBND như sau: “Thời hạn nộp hồ sơ là 15 ngày.”",
    "Thực hiện mục 3 Kế hoạch số 164/KH-UBND, đề nghị các đơn vị điều chỉnh thời hạn báo cáo.",
    "Bổ sung kinh phí thực hiện Kế hoạch số 164/KH-UBND: 200 triệu đồng.",
    "Đề nghị Sở Y tế báo cáo bổ sung nội dung còn thiếu trước ngày 30/12/2023.",
    "Bổ sung hồ sơ: bản sao giấy phép kinh doanh.",
    "Bổ sung mục tiêu: nâng tỷ lệ hồ sơ trực tuyến lên 80%.",
    "Điều chỉnh thời hạn tại mục 3 cho phù hợp với tình hình thực tế.",
    "Sở Y tế chủ trì kiểm tra an toàn thực phẩm, hoàn thành trước ngày 30/12/2023.",
  ])("%s", (text) => {
    expect(read(text)).toEqual([]);
  });
});

it("every change fits the schema; a long hostile line is read quickly", () => {
  const text = "Điều chỉnh thời hạn tại mục 3 đến ngày 30/12/2023.\nBổ sung nhiệm vụ: Sở Y tế chủ trì kiểm tra.";
  for (const c of read(text)) expect(itemChangeSchema.parse(c)).toEqual(c);
  const started = performance.now();
  read(`Sửa đổi khoản 2 ${"của Kế hoạch ".repeat(2000)}\n${"bổ sung nhiệm vụ ".repeat(3000)}\n${" ".repeat(100_000)}`);
  expect(performance.now() - started).toBeLessThan(200);
});
