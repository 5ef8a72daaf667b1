import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { describeIngestError, detectTools, extractText, IngestError, type IngestProgress } from "../../src/ingest/index.js";

const soffice = detectTools().soffice;
if (!soffice) console.warn(".doc tests skipped: install libreoffice-writer-nogui to run them");

const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

describe.skipIf(!soffice)("legacy .doc through LibreOffice", () => {
  let dir: string;
  let doc: Uint8Array;
  beforeAll(() => {
    // A real Word 97 file, written by LibreOffice from plain text.
    dir = mkdtempSync(join(tmpdir(), "dondoc-doc-test-"));
    writeFileSync(join(dir, "cv.txt"), "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 846/UBND-TH\n1. Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp báo cáo.\n");
    const profile = pathToFileURL(join(dir, "profile")).href;
    execFileSync(soffice!, [`-env:UserInstallation=${profile}`, "--headless", "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "doc:MS Word 97", "--outdir", dir, join(dir, "cv.txt")], { stdio: "ignore" });
    doc = new Uint8Array(readFileSync(join(dir, "cv.doc")));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("converts to .docx in a private folder and reads it, reporting the conversion", async () => {
    const progress: IngestProgress[] = [];
    const result = await extractText(doc, "cong-van.doc", { onProgress: (p) => progress.push(p) });
    expect(result.text.split("\n")).toEqual(["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Số: 846/UBND-TH", "1. Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp báo cáo."]);
    expect(result.source.format).toBe("doc");
    expect(progress).toEqual([{ stage: "converting" }]);
  });

  it("calls an OLE file LibreOffice cannot convert corrupt", async () => {
    const error = await extractText(ole, "hong.doc").catch((e: unknown) => e);
    expect((error as IngestError).code).toBe("corrupt");
  });
});

describe("without LibreOffice", () => {
  it("asks for .docx or .pdf in Vietnamese", async () => {
    const error = await extractText(ole, "cu.doc", { tools: { tesseract: null, pdftoppm: null, soffice: null } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("converter_unavailable");
    expect(describeIngestError(error as IngestError, translator("vi"))).toMatch(/\.docx hoặc \.pdf/);
  });
});
