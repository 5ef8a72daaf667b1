import { describe, expect, it } from "vitest";
import { layoutPages, type PageItems, type TextItem } from "../../src/ingest/pdf-layout.js";

const A4 = { width: 595, height: 842 };
const item = (str: string, x: number, y: number, width = str.length * 6): TextItem => ({ str, x, y, width, height: 12 });
const page = (...items: TextItem[]): PageItems => ({ ...A4, items });

describe("PDF layout", () => {
  it("writes the two-column header left column first, then the right, then the body", () => {
    const [text] = layoutPages([
      page(
        item("ĐẢNG CỘNG SẢN VIỆT NAM", 313, 766, 180),
        item("TỈNH ỦY LÂM ĐỒNG", 90, 766, 120),
        item("HUYỆN ỦY LẠC DƯƠNG", 95, 752, 130),
        item("Lạc Dương, ngày 29 tháng 3 năm 2024", 286, 738, 236),
        item("Số 1277-CV/HU", 120, 738, 96),
        item("Kính gửi: Ủy ban nhân dân huyện,", 85, 700, 300),
        item("1. Ủy ban nhân dân huyện chỉ đạo các phòng, ban, ngành, đơn vị có liên", 85, 680, 452),
        item("quan phối hợp hỗ trợ.", 85, 666, 130),
      ),
    ]);
    expect(text!.split("\n")).toEqual([
      "TỈNH ỦY LÂM ĐỒNG",
      "HUYỆN ỦY LẠC DƯƠNG",
      "Số 1277-CV/HU",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Lạc Dương, ngày 29 tháng 3 năm 2024",
      "",
      "Kính gửi: Ủy ban nhân dân huyện,",
      "",
      "1. Ủy ban nhân dân huyện chỉ đạo các phòng, ban, ngành, đơn vị có liên",
      "quan phối hợp hỗ trợ.", // wrapped lines stay lines: the reader joins them
    ]);
  });

  it("joins the items of one baseline with single spaces where the gap is a space, and none inside a word", () => {
    const [text] = layoutPages([
      page(item("Sở", 85, 700, 14), item(" ", 99, 700, 3), item("Y", 103, 700, 8), item("t", 115, 700, 4), item("ế", 119.1, 700, 6)),
    ]);
    expect(text).toBe("Sở Y tế");
  });

  it("drops page numbers and a running header repeated on every page, keeps other edge lines", () => {
    const words = ["Sở Y tế", "Sở Tài chính", "Công an tỉnh"];
    const body = (n: number) => [
      item("Ủy ban nhân dân tỉnh - Kế hoạch số 164/KH-UBND", 200, 800, 250),
      item(`${words[n - 1]} chủ trì, dòng đầu.`, 85, 780, 200),
      ...Array.from({ length: 40 }, (_, i) => item(`dòng ${i} của trang ${n}`, 85, 760 - i * 15, 150)),
      item(`${words[n - 1]} phối hợp, dòng cuối.`, 85, 100, 200),
      item(n === 1 ? "1" : `- ${n} -`, 290, 40, 20),
    ];
    const texts = layoutPages([page(...body(1)), page(...body(2)), page(...body(3))]);
    expect(texts.join("\n")).not.toMatch(/Kế hoạch số 164|^\s*-?\s*\d\s*-?\s*$/m);
    expect(texts[1]!.split("\n")[0]).toBe("Sở Tài chính chủ trì, dòng đầu.");
    expect(texts[1]!.split("\n").at(-1)).toBe("Sở Tài chính phối hợp, dòng cuối.");
  });

  it("keeps a first-page heading that does not repeat", () => {
    const texts = layoutPages([page(item("KẾ HOẠCH", 260, 800), item("Nội dung", 85, 700)), page(item("Tiếp theo", 85, 800))]);
    expect(texts[0]).toContain("KẾ HOẠCH");
  });

  it("separates paragraphs by an empty line where the vertical gap is wider than the line spacing", () => {
    const [text] = layoutPages([page(item("Dòng một của đoạn một", 85, 700), item("dòng hai.", 85, 686), item("Đoạn hai.", 85, 660))]);
    expect(text).toBe("Dòng một của đoạn một\ndòng hai.\n\nĐoạn hai.");
  });

  it("joins a wrapped line that starts with a document number to its unfinished sentence, and nothing else", () => {
    const [text] = layoutPages([
      page(
        item("Tin chỉ đạo điều hành", 57, 776),
        item("22/09/2020", 69, 764),
        item("Thực hiện Chỉ thị số", 57, 740),
        item("43-CT/TW của Ban Bí thư về công tác nhân đạo;", 57, 728),
        item("1. Sở Y tế chủ trì.", 57, 716),
      ),
    ]);
    expect(text!.split("\n")).toEqual([
      "Tin chỉ đạo điều hành",
      "22/09/2020",
      "",
      "Thực hiện Chỉ thị số 43-CT/TW của Ban Bí thư về công tác nhân đạo;",
      "1. Sở Y tế chủ trì.",
    ]);
  });
});
