import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PageItems, TextItem } from "./pdf-layout.js";
import { run } from "./run.js";

/**
 * OCR with the tesseract command line and Debian's Vietnamese model (tesseract-ocr-vie): faster than tesseract.js here
 * and out of our process, so the time limit can kill it (docs/decisions/0602-ocr-engine.md). One thread per process:
 * OpenMP threads on 2 shared cores make it 6× slower; `env` sets that for the child alone. Words come back with their
 * boxes (TSV), so scans go through the same layout as PDF text layers: columns, page numbers, paragraph gaps.
 */

export async function ocrImage(tesseract: string, image: Uint8Array, extension: string, signal: AbortSignal): Promise<PageItems> {
  const dir = await mkdtemp(join(tmpdir(), "dondoc-ocr-"));
  try {
    const file = join(dir, `image${extension}`);
    await writeFile(file, image);
    return await ocrFile(tesseract, file, signal);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function ocrFile(tesseract: string, file: string, signal: AbortSignal): Promise<PageItems> {
  // --psm 3 (automatic page segmentation) finds the header's two columns as separate blocks.
  const out = await run("env", ["OMP_THREAD_LIMIT=1", tesseract, file, "stdout", "-l", "vie", "--psm", "3", "tsv"], { signal });
  return tsvToItems(out.toString("utf8"));
}

/** Pixels at 300 dpi → PDF points, so the layout's thresholds mean the same for scans. */
const PT = 72 / 300;

/**
 * tesseract TSV → one item per word, placed on its line's baseline with its line's height. A photo taken sideways is
 * still recognised, but its boxes are in the sideways frame: then the words keep tesseract's reading order instead,
 * one synthetic line per recognised line.
 */
export function tsvToItems(tsv: string): PageItems {
  let width = 0;
  let height = 0;
  const lines = new Map<string, { bottom: number; height: number; paragraph: string }>();
  const words: { key: string; text: string; left: number; width: number; height: number }[] = [];
  for (const row of tsv.split("\n").slice(1)) {
    const f = row.split("\t");
    if (f.length < 12) continue;
    const [level, , block, par, line, , left, top, w, h] = f.slice(0, 10).map(Number) as number[];
    const key = `${block}.${par}.${line}`;
    if (level === 1) [width, height] = [w!, h!];
    else if (level === 4) lines.set(key, { bottom: top! + h!, height: h!, paragraph: `${block}.${par}` });
    else if (level === 5 && f[11]!.trim()) words.push({ key, text: f[11]!.trim(), left: left!, width: w!, height: h! });
  }
  const long = words.filter((w) => w.text.length >= 4);
  if (long.length > 0 && long.filter((w) => w.height > w.width).length > long.length / 2) return readingOrder(words, lines);
  const items: TextItem[] = words.map((word) => {
    const line = lines.get(word.key) ?? { bottom: 0, height: 40 };
    // The line box includes descenders; its height is about 1.4 × the font size.
    return { str: word.text, x: word.left * PT, y: (height - line.bottom) * PT, width: word.width * PT, height: (line.height / 1.4) * PT };
  });
  return { items, width: width * PT, height: height * PT };
}

function readingOrder(words: { key: string; text: string }[], lines: Map<string, { paragraph: string }>): PageItems {
  const texts = new Map<string, string[]>();
  for (const word of words) texts.set(word.key, [...(texts.get(word.key) ?? []), word.text]);
  const items: TextItem[] = [];
  let y = 800;
  let paragraph = "";
  for (const [key, parts] of texts) {
    const next = lines.get(key)?.paragraph ?? key;
    y -= paragraph && next !== paragraph ? 28 : 14;
    paragraph = next;
    items.push({ str: parts.join(" "), x: 72, y, width: 400, height: 10 });
  }
  return { items, width: 595, height: 842 };
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
): Promise<Map<number, PageItems>> {
  const dir = await mkdtemp(join(tmpdir(), "dondoc-scan-"));
  const texts = new Map<number, PageItems>();
  try {
    const source = join(dir, "input.pdf");
    await writeFile(source, pdf);
    let blankRun = 0;
    let read = false;
    for (const [i, page] of pages.entries()) {
      onPage(i + 1, pages.length);
      const prefix = join(dir, `p${page}`);
      await run(tools.pdftoppm, ["-r", "300", "-gray", "-f", String(page), "-l", String(page), "-singlefile", source, prefix], { signal });
      const image = (await readdir(dir)).find((f) => f.startsWith(`p${page}.`));
      if (!image) continue;
      const path = join(dir, image);
      const blank = blankPage(await readFile(path));
      if (blank) {
        // Nothing on it for tesseract to read (seconds per page): skip it, and give up on a scan that starts with
        // BLANK_RUN empty pages instead of rasterising all 50.
        texts.set(page, blank);
        await rm(path, { force: true });
        if (++blankRun >= BLANK_RUN && !read) break;
        continue;
      }
      blankRun = 0;
      const items = await ocrFile(tools.tesseract, path, signal);
      if (items.items.length > 0) read = true;
      texts.set(page, items);
      await rm(path, { force: true });
    }
    return texts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Consecutive blank pages at the start of a scan after which the rest is not read. */
export const BLANK_RUN = 3;
/** Dark pixels below this share of a page: a few specks or a page number, no text (a line of text is ~0.5 %). */
const BLANK_DARK_SHARE = 0.0002;

/**
 * A rasterised page (pdftoppm's binary PGM, "P5") with almost no dark pixels, as an empty page in points; null when
 * it has content or is not a PGM this can read.
 */
export function blankPage(pgm: Uint8Array): PageItems | null {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(new TextDecoder("latin1").decode(pgm.subarray(0, 64)));
  if (!header) return null;
  const [width, height, max] = [Number(header[1]), Number(header[2]), Number(header[3])];
  if (max > 255 || pgm.length < header[0].length + width * height) return null;
  const pixels = pgm.subarray(header[0].length, header[0].length + width * height);
  const limit = pixels.length * BLANK_DARK_SHARE;
  let dark = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i]! < max / 2 && ++dark > limit) return null;
  return { items: [], width: width * PT, height: height * PT };
}
