import { describe, expect, it } from "vitest";
import { repairMarkGlyphs } from "../../src/ingest/pdf-glyphs.js";
import type { TextItem } from "../../src/ingest/pdf-layout.js";

const items = (...strs: string[]): TextItem[] => strs.map((str, i) => ({ str, x: i * 10, y: 700, width: 6 * [...str].length, height: 12 }));
const text = (pages: TextItem[][] | undefined) => pages?.map((p) => p.map((i) => i.str).join("")).join("|");

describe("base + mark glyph repair (LibreOffice PDFs with fonts lacking Vietnamese letters)", () => {
  it("learns each mark's tone from its first use and reads later uses of the base glyph bare", () => {
    // As pdf.js returns it: the A glyph was first used for "Ả" (A + hook mark \u0003), the ô glyph for "ố" (ô + \u001d).
    const result = repairMarkGlyphs([items("ĐẢ", "\u0003", "NG ", "U", "\u0003", "Y ", "NẢM ", "Số\u001d ", "cống ", "tố\u0003 ", "quố\u001dc")]);
    expect(text(result?.pages)).toBe("ĐẢNG ỦY NAM Số công tổ quốc");
    expect(result?.complete).toBe(true);
  });

  it("takes back the advance a mark glyph added to its item's width", () => {
    const result = repairMarkGlyphs([items("Số\u001d")]);
    expect(result?.pages[0]![0]!.width).toBeCloseTo(12);
  });

  it("treats signs stuck between a vowel and a letter as mark glyphs once the file shows the pattern", () => {
    const result = repairMarkGlyphs([items("Ả\u0003", " Đủ( ", "cu(a", " (Sao gửi) khổ A4 ", "H5N1")]);
    expect(text(result?.pages)).toBe("Ả Đủ của (Sao gửi) khổ A4 H5N1");
    const letters = repairMarkGlyphs([items("Ả\u0003", " ề", "A", "n ", "quyêAn", " nhau\"", " Sở GD")]);
    expect(text(letters?.pages)).toBe("Ả ền quyền nhau\" Sở GD");
  });

  it("reports marks it never saw in a first use, and declines files whose control characters are not marks", () => {
    expect(repairMarkGlyphs([items("Ả\u0003", "NG ", "cu\u0005a")])?.complete).toBe(false);
    expect(repairMarkGlyphs([items("abc\u0002def")])).toBeNull();
  });
});
