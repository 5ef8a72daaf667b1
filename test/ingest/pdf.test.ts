import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractText, IngestError, type IngestProgress } from "../../src/ingest/index.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url)));
const noTools = { tesseract: null, pdftoppm: null, soffice: null };
const code = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: unknown) => (e instanceof IngestError ? e.code : String(e)));

describe("PDF with a text layer (LibreOffice export, embedded DejaVu Serif)", () => {
  it("keeps Vietnamese exactly, in NFC, with the header columns in order and page furniture removed", async () => {
    const progress: IngestProgress[] = [];
    const result = await extractText(fixture("dispatch.pdf"), "cong-van.pdf", { tools: noTools, onProgress: (p) => progress.push(p) });
    const lines = result.text.split("\n");
    expect(result.text).toBe(result.text.normalize("NFC"));
    expect(lines.slice(0, 4)).toEqual(["ĐẢNG BỘ TỈNH LÂM ĐỒNG", "HUYỆN ỦY LẠC DƯƠNG", "*", "Số 1277-CV/HU"]);
    // right column after the whole left column, before the body
    const right = lines.indexOf("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(right).toBeGreaterThan(lines.findIndex((l) => l.startsWith("V/v")));
    expect(lines[right + 1]).toBe("Lạc Dương, ngày 29 tháng 3 năm 2024");
    expect(lines.findIndex((l) => l.startsWith("Kính gửi:"))).toBeGreaterThan(right);
    expect(result.text).toContain("6. Giao Ban Dân vận Huyện ủy chủ trì, phối hợp Hội Chữ thập đỏ huyện");
    expect(result.text).toContain("Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội huyện");
    expect(result.text).not.toMatch(/Trang \d|Công văn số 1277-CV\/HU/); // footer page numbers and running header
    // the signature block: "Nơi nhận" list, then the signer's column
    expect(result.text.slice(result.text.indexOf("Nơi nhận:"))).toBe(
      "Nơi nhận:\n- Thường trực Huyện ủy,\n- Như kính gửi,\n- Lưu Văn phòng Huyện ủy.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nYa Tjong",
    );
    expect(result.source).toMatchObject({ format: "pdf", pages: 2, ocrPages: 0 });
    expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(progress).toEqual([
      { stage: "reading", page: 1, pages: 2 },
      { stage: "reading", page: 2, pages: 2 },
    ]);
  });

  it("refuses more pages than the limit, an encrypted PDF and a damaged one with their own codes", async () => {
    await expect(code(extractText(fixture("dispatch.pdf"), "a.pdf", { tools: noTools, limits: { maxPages: 1 } }))).resolves.toBe("too_many_pages");
    await expect(code(extractText(fixture("encrypted.pdf"), "mat.pdf", { tools: noTools }))).resolves.toBe("encrypted");
    const damaged = fixture("dispatch.pdf").slice(0, 2000);
    await expect(code(extractText(damaged, "hong.pdf", { tools: noTools }))).resolves.toBe("corrupt");
    await expect(code(extractText(new TextEncoder().encode("%PDF-1.7\nrác"), "rac.pdf", { tools: noTools }))).resolves.toBe("corrupt");
  });

  it("accepts a Node Buffer as read from disk (pdf.js itself refuses Buffers)", async () => {
    const buffer = readFileSync(new URL("../fixtures/files/dispatch.pdf", import.meta.url));
    expect((await extractText(buffer, "cong-van.pdf", { tools: noTools })).text).toContain("Số 1277-CV/HU");
    expect(buffer.length).toBeGreaterThan(0); // not detached
  });

  it("repairs a text layer drawn as base + mark glyphs (LibreOffice with a font lacking Vietnamese letters)", async () => {
    const result = await extractText(fixture("garbled.pdf"), "loi-phong.pdf", { tools: noTools });
    expect(result.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(result.text).toContain("Ủy ban nhân dân huyện chỉ đạo Phòng Tổ chức - Nội vụ chủ trì");
    // this short file never shows some marks in a first use: their tones are lost, and the sender is told
    expect(result.warnings.join(" ")).toMatch(/dấu thanh/);
    expect(result.source.ocrPages).toBe(0);
  });

  it("stops at the time limit with a timeout error", async () => {
    await expect(code(extractText(fixture("dispatch.pdf"), "a.pdf", { tools: noTools, limits: { timeoutMs: 1 } }))).resolves.toBe("timeout");
  });
});
