// Issue 10: a scanned PDF whose pages are blank stops after a few pages instead of OCRing all 50; blank pages never
// reach tesseract. Real pdftoppm (poppler-utils) rasterises the pages; tesseract is a stub that records each call,
// since what is tested is whether it is called at all.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectTools, extractText, IngestError, type IngestProgress } from "../../src/ingest/index.js";
import { BLANK_RUN } from "../../src/ingest/ocr.js";

const { pdftoppm } = detectTools();

/** A PDF of A4 pages without a text layer; `inked` pages carry a large black block (content a scan would show). */
function pdfOfPages(count: number, inked: number[] = []): Uint8Array {
  const objects: string[] = [];
  const kids: string[] = [];
  for (let i = 0; i < count; i++) {
    const content = inked.includes(i + 1) ? "0 g 72 400 450 300 re f" : "";
    const stream = 3 + i * 2 + 1;
    kids.push(`${3 + i * 2} 0 R`);
    objects[3 + i * 2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${stream} 0 R >>`;
    objects[stream] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  }
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${count} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = Buffer.byteLength(out);
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** A tesseract stand-in: logs each image it is given and recognises nothing. */
function stubTesseract(): { path: string; calls: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-stub-tesseract-"));
  const log = join(dir, "calls.log");
  const path = join(dir, "tesseract");
  writeFileSync(path, `#!/bin/sh\necho "$1" >> "${log}"\nprintf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n'\n`);
  chmodSync(path, 0o755);
  return { path, calls: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").filter(Boolean) : []) };
}

describe.skipIf(!pdftoppm)("blank scanned pages", () => {
  it(`stops after ${BLANK_RUN} blank pages of a 50-page scan and never runs OCR on them`, async () => {
    const tesseract = stubTesseract();
    const progress: IngestProgress[] = [];
    const error = await extractText(pdfOfPages(50), "trang-trang.pdf", {
      tools: { tesseract: tesseract.path, pdftoppm: pdftoppm!, soffice: null },
      onProgress: (p) => progress.push(p),
    }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("empty");
    expect(tesseract.calls()).toEqual([]);
    expect(progress.filter((p) => p.stage === "ocr").length).toBe(BLANK_RUN);
  }, 60_000);

  it("still OCRs a page with content after a blank one", async () => {
    const tesseract = stubTesseract();
    await extractText(pdfOfPages(3, [2]), "mot-trang.pdf", { tools: { tesseract: tesseract.path, pdftoppm: pdftoppm!, soffice: null } }).catch(() => {});
    expect(tesseract.calls()).toHaveLength(1);
  }, 60_000);
});
