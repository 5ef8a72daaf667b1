import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readDispatch } from "../../src/dispatch/reader.js";
import { parsedDispatchSchema } from "../../src/dispatch/schema.js";

const opts = { refDate: "2024-06-01" };

// Pieces of real dispatches, so the generator reaches deep into the pipeline instead of only exercising the cleaner.
const PIECES = [
  "Kính gửi:", "- Ủy ban nhân dân huyện;", "Số: 164 /KH-UBND", "Hà Nội, ngày 05 tháng 6 năm 2023", "KẾ HOẠCH", "V/v ",
  "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN", "1. ", "2- ", "a) ", "- ", "+ ", "• ", "Điều 3. ",
  "Sở Y tế", "Giao ", "Đề nghị ", "các phòng, ban, ngành", "chủ trì, phối hợp với ", "UBND các xã, thị trấn",
  "trước ngày 20/11 hàng năm", "chậm nhất 17h00 ngày 12/4", "quý II/2025", "6 tháng, năm (trước 15/12)", "định kỳ",
  "(qua Văn phòng)", "; ", ". ", ", ", "\n", "\n\n", "**", "*", "\\*", "###", "MẬT", "HỎA TỐC", "Nơi nhận:", "./.",
  "từ ngày 14/5 đến ngày 18/5/2018", "(Nguồn công văn số 2983/UBND-VP - 22/09/2020)", "Thời gian lấy ý kiến: ",
];

describe("reader on arbitrary input", () => {
  it("never throws and always returns schema-valid output (random text)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: "binary" }), (text) => {
        const out = readDispatch(text, opts);
        expect(parsedDispatchSchema.safeParse(out).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws and always returns schema-valid output (dispatch-like text)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 60 }), (parts) => {
        const out = readDispatch(parts.join(""), opts);
        expect(parsedDispatchSchema.safeParse(out).success).toBe(true);
        for (const t of out.tasks) for (const a of t.assignees) expect(a.name.trim()).not.toBe("");
      }),
      { numRuns: 400 },
    );
  });

  it("returns an empty list with a warning for empty input, binary garbage and text without items", () => {
    const garbage = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 65_536));
    for (const text of ["", "   \n\n", garbage, "Xin chào, đây là một đoạn văn không có nhiệm vụ nào."]) {
      const out = readDispatch(text, opts);
      expect(out.tasks).toEqual([]);
      expect(out.warnings).toContain("reader:warn.noTasks");
    }
  });

  it("handles 1 MB of text", () => {
    const block = "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai kế hoạch, hoàn thành trước ngày 20/5/2024.\n";
    const text = block.repeat(Math.ceil(1_000_000 / block.length));
    const out = readDispatch(text, opts);
    expect(parsedDispatchSchema.safeParse(out).success).toBe(true);
    expect(out.tasks.length).toBeGreaterThan(100);
    const noise = "a".repeat(1_000_000);
    expect(readDispatch(noise, opts).tasks).toEqual([]);
  });

  it("ignores input that is not a string at run time", () => {
    expect(readDispatch(undefined as unknown as string, opts).tasks).toEqual([]);
  });
});

describe("refs", () => {
  it("are unique even when a list restarts its numbering", () => {
    const out = readDispatch("I. NHIỆM VỤ\n1. Sở Y tế tiêm chủng.\n2. Sở Tài chính bố trí kinh phí.\n1. Sở Nội vụ kiểm tra.", opts);
    expect(out.tasks.map((t) => t.ref)).toEqual(["I.1", "I.2", "I.1 (2)"]);
  });
});
