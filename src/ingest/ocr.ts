import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./run.js";

/**
 * OCR with the tesseract command line and Debian's Vietnamese model (tesseract-ocr-vie): faster than tesseract.js here
 * and out of our process, so the time limit can kill it (docs/decisions/0602-ocr-engine.md). One thread per process:
 * OpenMP threads on 2 shared cores make it 6× slower; `env` sets that for the child alone.
 */

export async function ocrImage(tesseract: string, image: Uint8Array, extension: string, signal: AbortSignal): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dondoc-ocr-"));
  try {
    const file = join(dir, `image${extension}`);
    await writeFile(file, image);
    return await ocrFile(tesseract, file, signal);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function ocrFile(tesseract: string, file: string, signal: AbortSignal): Promise<string> {
  // --psm 3 (automatic layout) reads the two header columns as separate blocks, left first.
  const out = await run("env", ["OMP_THREAD_LIMIT=1", tesseract, file, "stdout", "-l", "vie", "--psm", "3"], { signal });
  return out.toString("utf8");
}

/**
 * Scanned PDF pages → text: each page rasterised by pdftoppm at 300 dpi grey (PGM: PNG output is ~70× slower) and OCRed
 * in turn, so progress can be reported per page and memory stays at one page image.
 */
export async function ocrPdfPages(
  tools: { tesseract: string; pdftoppm: string },
  pdf: Uint8Array,
  pages: number[],
  signal: AbortSignal,
  onPage: (done: number, total: number) => void,
): Promise<Map<number, string>> {
  const dir = await mkdtemp(join(tmpdir(), "dondoc-scan-"));
  const texts = new Map<number, string>();
  try {
    const source = join(dir, "input.pdf");
    await writeFile(source, pdf);
    for (const [i, page] of pages.entries()) {
      onPage(i + 1, pages.length);
      const prefix = join(dir, `p${page}`);
      await run(tools.pdftoppm, ["-r", "300", "-gray", "-f", String(page), "-l", String(page), "-singlefile", source, prefix], { signal });
      const image = (await readdir(dir)).find((f) => f.startsWith(`p${page}.`));
      if (!image) continue;
      texts.set(page, await ocrFile(tools.tesseract, join(dir, image), signal));
      await rm(join(dir, image), { force: true });
    }
    return texts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
