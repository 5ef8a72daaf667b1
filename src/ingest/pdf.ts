import { getDocumentProxy } from "unpdf";
import { IngestError } from "./errors.js";
import { repairMarkGlyphs } from "./pdf-glyphs.js";
import type { PageItems } from "./pdf-layout.js";

/**
 * The text layer of a PDF, page by page (unpdf's bundled pdf.js; never load pdfjs-dist beside it). Pages with almost no
 * text are returned as needing OCR: the caller decides whether OCR is installed.
 */
export interface PdfText {
  pages: PageItems[];
  /** 1-based numbers of pages without a text layer (scans). */
  scannedPages: number[];
  /**
   * Pages whose text layer is broken: glyphs without a Unicode mapping come out as control characters. LibreOffice does
   * this for Vietnamese letters a font lacks (it draws base letter + mark and maps only the first glyph); OCR reads
   * these pages better when it is installed.
   */
  garbledPages: number[];
  /** Pages repaired from base + mark glyphs where some tone marks could not be recovered. */
  tonesLostPages: number[];
  pageCount: number;
}

const MIN_CHARS_PER_PAGE = 20;
const UNMAPPED = /[\u0000-\u0008\u000b-\u001f\ufffd]/gu;
const MAX_UNMAPPED_PER_PAGE = 3;

export async function readPdf(
  bytes: Uint8Array,
  fileName: string,
  maxPages: number,
  signal: AbortSignal,
  onPage: (page: number, pages: number) => void,
): Promise<PdfText> {
  let pdf;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given and refuses Node Buffers: hand it a plain copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    const name = (error as { name?: string }).name;
    throw new IngestError(name === "PasswordException" ? "encrypted" : "corrupt", fileName, {}, { cause: error });
  }
  try {
    if (pdf.numPages > maxPages) throw new IngestError("too_many_pages", fileName, { pages: pdf.numPages, maxPages });
    const pages: PageItems[] = [];
    const scannedPages: number[] = [];
    const garbledPages: number[] = [];
    let marksLost = false;
    for (let n = 1; n <= pdf.numPages; n++) {
      signal.throwIfAborted();
      onPage(n, pdf.numPages);
      const page = await pdf.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) =>
        "str" in item
          ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height }]
          : [],
      );
      pages.push({ items, width, height });
      const text = items.map((i) => i.str).join("");
      if (text.replace(/\s+/g, "").length < MIN_CHARS_PER_PAGE) scannedPages.push(n);
      else if ((text.match(UNMAPPED)?.length ?? 0) >= MAX_UNMAPPED_PER_PAGE) garbledPages.push(n);
      page.cleanup();
    }
    if (garbledPages.length > 0) {
      // LibreOffice's base + mark glyphs: repaired here, as OCR of that rendering is worse than the repaired text.
      const repaired = repairMarkGlyphs(pages.map((p) => p.items));
      if (repaired) {
        repaired.pages.forEach((items, i) => (pages[i]!.items = items));
        if (repaired.complete) garbledPages.length = 0;
        else marksLost = true;
      }
    }
    return marksLost
      ? { pages, scannedPages, garbledPages: [], tonesLostPages: garbledPages, pageCount: pdf.numPages }
      : { pages, scannedPages, garbledPages, tonesLostPages: [], pageCount: pdf.numPages };
  } catch (error) {
    if (error instanceof IngestError || signal.aborted) throw error;
    throw new IngestError("corrupt", fileName, {}, { cause: error });
  } finally {
    await pdf.destroy();
  }
}
