import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { describeIngestError, describeProgress, detectTools, extractText, IngestError, type IngestErrorCode } from "../../src/ingest/index.js";
import { docx, p } from "./helpers/docx.js";
import { jpegToPdf, renderPage } from "./helpers/scan.js";

const none = { tesseract: null, pdftoppm: null, soffice: null };
const pdf = new Uint8Array(readFileSync(new URL("../fixtures/files/dispatch.pdf", import.meta.url)));
const png = new Uint8Array(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
const code = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: unknown) => (e instanceof IngestError ? e.code : `crash: ${String(e)}`));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("limits and bad files", () => {
  it("refuses empty files and files over the size limit before reading them", async () => {
    await expect(code(extractText(new Uint8Array(), "rong.pdf"))).resolves.toBe("empty");
    await expect(code(extractText(utf8("   \n\t "), "rong.txt"))).resolves.toBe("empty");
    const big = utf8("Kính gửi: Sở Y tế.\n".repeat(80_000)); // about 2 MB
    const error = (await extractText(big, "to.txt", { limits: { maxBytes: 1024 * 1024 } }).catch((e: unknown) => e)) as IngestError;
    expect(error.code).toBe("too_large");
    expect(describeIngestError(error, translator("vi"))).toMatch(/quá lớn \(\d+(\.\d)? MB; giới hạn 1 MB\)/);
  });

  it("refuses a photo whose header declares more pixels than the limit, before OCR", async () => {
    const header = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const huge = new Uint8Array([...header, 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 0, 0, 0, 0]); // 30000 × 30000
    const tools = { tesseract: "tesseract-that-must-not-run", pdftoppm: null, soffice: null };
    const error = (await extractText(huge, "anh.png", { tools }).catch((e: unknown) => e)) as IngestError;
    expect(error.code).toBe("too_large");
    expect(describeIngestError(error, translator("vi"))).toContain("900 megapixel");
  });

  it("routes by content and refuses a file that is not what its extension says", async () => {
    const cases: [Uint8Array, string, string][] = [
      [png, "cong-van.pdf", "mismatch"],
      [pdf, "anh.jpg", "mismatch"],
      [utf8("Kính gửi: Sở Y tế"), "ke-hoach.docx", "mismatch"],
      [pdf, "ghi-chu.txt", "mismatch"],
      [utf8("a,b"), "bang.xlsx", "unsupported"],
      [png, "anh.jpg", "ocr_unavailable"], // PNG named .jpg: same family, read as an image
      [pdf, "tep-khong-duoi", "resolved"], // no extension (chat apps drop it): by content
    ];
    for (const [bytes, name, expected] of cases) {
      await expect(code(extractText(bytes, name, { tools: none })), name).resolves.toBe(expected);
    }
  });

  it("returns NFC text, whatever form the file used", async () => {
    const nfd = "Ủy ban nhân dân tỉnh".normalize("NFD");
    const { text } = await extractText(utf8(nfd), "cv.txt");
    expect(text).toBe("Ủy ban nhân dân tỉnh".normalize("NFC"));
    expect((await extractText(docx(p(nfd)), "cv.docx")).text).toBe(text);
    // Notepad's "Unicode": UTF-16 little-endian with a byte-order mark
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("Ủy ban nhân dân tỉnh", "utf16le")]);
    expect((await extractText(utf16, "cv.txt")).text).toBe(text);
  });

  it("has a Vietnamese and an English message for every error code, naming the file", () => {
    const codes: IngestErrorCode[] = ["too_large", "too_many_pages", "timeout", "encrypted", "corrupt", "empty", "unsupported", "mismatch", "ocr_unavailable", "converter_unavailable"];
    for (const lang of ["vi", "en"] as const) {
      for (const c of codes) {
        const message = describeIngestError(new IngestError(c, "cong-van.pdf", { maxMb: 20, sizeMb: 31, pages: 80, maxPages: 50, seconds: 120, ext: ".xlsx", kind: "png" }), translator(lang));
        expect(message, `${lang} ${c}`).toContain("cong-van.pdf");
        expect(message).not.toMatch(/ingest:|\{\{/);
      }
    }
  });

  it("can be cancelled by the caller", async () => {
    const controller = new AbortController();
    controller.abort(new Error("người dùng hủy"));
    await expect(extractText(pdf, "cv.pdf", { signal: controller.signal, tools: none })).rejects.toThrow("người dùng hủy");
  });

  it.skipIf(!detectTools().tesseract || !detectTools().pdftoppm)("kills a running OCR at the time limit", async () => {
    // The scanned-page path: no text layer → pdftoppm + tesseract; 300 ms is far too short for them.
    const scan = jpegToPdf(renderPage(pdf, 2, "jpeg"));
    const began = Date.now();
    await expect(code(extractText(scan, "quet.pdf", { limits: { timeoutMs: 300 } }))).resolves.toBe("timeout");
    expect(Date.now() - began).toBeLessThan(3_000);
  });

  it("never crashes on arbitrary bytes behind a real signature: an IngestError or text", async () => {
    const signatures = ["%PDF-1.7\n", "PK\x03\x04", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "\xff\xd8\xff", "\x89PNG\r\n\x1a\n", ""];
    const names = ["a.pdf", "a.docx", "a.doc", "a.jpg", "a.png", "a.txt", "a"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...names), async (sig, tail, name) => {
        const bytes = new Uint8Array([...Buffer.from(sig, "latin1"), ...tail]);
        const outcome = await code(extractText(bytes, name, { tools: none, limits: { timeoutMs: 5_000 } }));
        expect(outcome).not.toMatch(/^crash/);
      }),
      { numRuns: 150 },
    );
  });
});

describe("progress text for the chat's \"đang đọc văn bản...\" message", () => {
  it("names the page and the stage", () => {
    const t = translator("vi");
    expect(describeProgress({ stage: "ocr", page: 2, pages: 5 }, t)).toBe("Đang đọc văn bản (nhận dạng chữ)... trang 2/5");
    expect(describeProgress({ stage: "reading", page: 1, pages: 3 }, t)).toBe("Đang đọc văn bản... trang 1/3");
    expect(describeProgress({ stage: "converting" }, translator("en"))).toMatch(/legacy Word/);
  });
});
