import { describe, expect, it } from "vitest";
import { splitIntoChunks } from "../../src/reports/chunk.js";

describe("splitIntoChunks", () => {
  it("keeps short text whole", () => {
    expect(splitIntoChunks("Dòng 1\nDòng 2")).toEqual(["Dòng 1\nDòng 2"]);
  });

  it("never splits inside a line when lines fit, and never exceeds the limit", () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i + 1}. Sở Tài nguyên và Môi trường – nhiệm vụ ${i + 1}: báo cáo kết quả thực hiện`);
    const chunks = splitIntoChunks(lines.join("\n"), 1000);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(1000);
      for (const l of c.split("\n")) expect(lines).toContain(l);
    }
    expect(chunks.join("\n")).toBe(lines.join("\n"));
  });

  it("cuts an over-long line at a space, then hard, and keeps emoji whole", () => {
    const long = "hoàn thành ".repeat(50).trim();
    const chunks = splitIntoChunks(long, 100);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(100);
    expect(chunks.join(" ")).toBe(long);
    expect(splitIntoChunks("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    const emoji = splitIntoChunks("👍".repeat(10), 5);
    for (const c of emoji) expect(c).toMatch(/^(👍)+$/u);
  });

  it("keeps an indented line with the line above it when that block fits in the next message", () => {
    const text = ["1. Một", "   Sở Y tế · hạn 30/06", "2. Nhiệm vụ hai", "   Sở Tài chính · hạn 01/07"].join("\n");
    // Line by line, "2. Nhiệm vụ hai" would end the first message and its unit line open the second.
    expect(splitIntoChunks(text, 50)).toEqual(["1. Một\n   Sở Y tế · hạn 30/06", "2. Nhiệm vụ hai\n   Sở Tài chính · hạn 01/07"]);
    // A block longer than a message is cut as before.
    const long = splitIntoChunks(["a", "   b".repeat(1), "   c"].join("\n"), 5);
    expect(long.join("\n")).toBe("a\n   b\n   c");
    for (const c of long) expect(c.length).toBeLessThanOrEqual(5);
  });

  it("drops blank lines at the edges of a chunk and returns nothing for blank text", () => {
    expect(splitIntoChunks("a\n\n\nb", 2)).toEqual(["a", "b"]);
    expect(splitIntoChunks("\n\n")).toEqual([]);
  });
});
