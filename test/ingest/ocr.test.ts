import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { describeIngestError, detectTools, extractText, IngestError, type IngestProgress } from "../../src/ingest/index.js";
import { readPdf } from "../../src/ingest/pdf.js";
import { layoutPages } from "../../src/ingest/pdf-layout.js";
import { characterAccuracy, jpegToPdf, renderPage } from "./helpers/scan.js";

const dispatch = new Uint8Array(readFileSync(new URL("../fixtures/files/dispatch.pdf", import.meta.url)));
const tools = detectTools();
const canOcr = !!(tools.tesseract && tools.pdftoppm);
if (!canOcr) console.warn("OCR tests skipped: install tesseract-ocr, tesseract-ocr-vie and poppler-utils to run them");

/** The page's own text layer: what a clean scan of it says. */
async function knownText(page: number): Promise<string> {
  const pdf = await readPdf(dispatch, "dispatch.pdf", 50, new AbortController().signal, () => {});
  return layoutPages(pdf.pages)[page - 1]!;
}

describe.skipIf(!canOcr)("OCR with tesseract and Debian's Vietnamese model", () => {
  it("reads a clean 300-dpi photo (.png) of a dispatch page with character accuracy ≥ 95 %", async () => {
    const photo = renderPage(dispatch, 1, "png");
    const result = await extractText(photo, "anh-chup.png");
    const accuracy = characterAccuracy(await knownText(1), result.text);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.text).toContain("Kính gửi");
    expect(result.source).toMatchObject({ format: "image", pages: 1, ocrPages: 1 });
    expect(result.warnings.join(" ")).toMatch(/OCR/);
  });

  it("OCRs a scanned PDF (no text layer) page by page, reporting progress", async () => {
    const scan = jpegToPdf(renderPage(dispatch, 2, "jpeg"));
    const progress: IngestProgress[] = [];
    const result = await extractText(scan, "ban-quet.pdf", { onProgress: (p) => progress.push(p) });
    expect(characterAccuracy(await knownText(2), result.text)).toBeGreaterThanOrEqual(0.95);
    expect(result.source).toMatchObject({ format: "pdf", pages: 1, ocrPages: 1 });
    expect(progress).toEqual([
      { stage: "reading", page: 1, pages: 1 },
      { stage: "ocr", page: 1, pages: 1 },
    ]);
  });
});

describe.skipIf(!canOcr)("OCR of a page scanned sideways", () => {
  it("keeps tesseract's reading order when the word boxes are rotated", async () => {
    const scan = jpegToPdf(renderPage(dispatch, 2, "jpeg"), { rotate: 90 });
    const result = await extractText(scan, "quet-ngang.pdf");
    expect(characterAccuracy(await knownText(2), result.text)).toBeGreaterThanOrEqual(0.95);
  });
});

describe.skipIf(!canOcr)("a repaired text layer is preferred to OCR", () => {
  it("does not OCR LibreOffice's base + mark glyph pages (their rendering reads worse than the repaired text)", async () => {
    const garbled = new Uint8Array(readFileSync(new URL("../fixtures/files/garbled.pdf", import.meta.url)));
    const result = await extractText(garbled, "loi-phong.pdf");
    expect(result.source.ocrPages).toBe(0);
    expect(result.text).toContain("Ủy ban nhân dân huyện");
  });
});

describe("without an OCR engine", () => {
  const none = { tesseract: null, pdftoppm: null, soffice: null };
  const t = translator("vi");

  it("says in Vietnamese how to install it, for photos and scanned PDFs alike", async () => {
    const tinyPng = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010800000000", "hex");
    const scanned = jpegToPdf(Buffer.from("ffd8ffc0000b080010001001011100ffd9", "hex"));
    for (const [bytes, name] of [[tinyPng, "anh.png"], [scanned, "quet.pdf"]] as const) {
      const error = await extractText(new Uint8Array(bytes), name, { tools: none }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).code).toBe("ocr_unavailable");
      expect(describeIngestError(error as IngestError, t)).toContain("apt-get install tesseract-ocr tesseract-ocr-vie");
    }
  });

  it("still reads text PDFs", async () => {
    const result = await extractText(dispatch, "cong-van.pdf", { tools: none });
    expect(result.text).toContain("Số 1277-CV/HU");
  });
});
