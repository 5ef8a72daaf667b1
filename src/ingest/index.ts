import { createHash } from "node:crypto";
import { translator, type Lang, type Translate } from "../i18n.js";
import { docToDocx } from "./doc.js";
import { docxToText } from "./docx.js";
import { IngestError } from "./errors.js";
import { imageSize } from "./image-size.js";
import { ocrImage, ocrPdfPages } from "./ocr.js";
import { DEFAULT_LIMITS, type IngestLimits, type IngestOptions, type IngestProgress, type IngestTools } from "./options.js";
import { readPdf } from "./pdf.js";
import { layoutPages } from "./pdf-layout.js";
import { route, type Format } from "./route.js";
import { textEncoding } from "./sniff.js";
import { detectTools } from "./tools.js";
import { readZip, ZipLimitError } from "./zip.js";

/**
 * Files → text: the single entry point for the CLI and the chat flows. Plain text, .docx, legacy .doc (LibreOffice),
 * PDF with a text layer, scanned PDF and photos (OCR). Every failure is an IngestError with a code; show it with
 * describeIngestError(). Nothing here writes anywhere but a private temporary folder.
 */
export interface ExtractedText {
  text: string;
  /** Notes for the person who sent the file (OCR used, pages skipped...), in options.lang. */
  warnings: string[];
  source: FileSource;
}

export interface FileSource {
  fileName: string;
  sha256: string;
  bytes: number;
  format: Format;
  pages: number;
  /** Pages read by OCR: the preview should ask for a careful check. */
  ocrPages: number;
}

export { IngestError, describeIngestError, isIngestError, type IngestErrorCode } from "./errors.js";
export { DEFAULT_LIMITS, type IngestLimits, type IngestOptions, type IngestProgress, type IngestTools } from "./options.js";
export { detectTools } from "./tools.js";

export async function extractText(
  bytes: Uint8Array,
  fileName: string,
  options: IngestOptions & { lang?: Lang } = {},
): Promise<ExtractedText> {
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxBytes) {
    throw new IngestError("too_large", fileName, { maxMb: mb(limits.maxBytes), sizeMb: mb(bytes.length) });
  }
  if (bytes.length === 0) throw new IngestError("empty", fileName);
  const { format, renamed } = route(bytes, fileName);
  const context: Context = {
    fileName,
    limits,
    tools: options.tools ?? detectTools(),
    progress: options.onProgress ?? (() => {}),
    t: translator(options.lang ?? "vi"),
    warnings: renamed ? [translator(options.lang ?? "vi")("ingest:warning.renamed", { file: fileName })] : [],
  };
  const result = await withDeadline(context, options.signal, (signal) => READERS[format](bytes, context, signal));
  const text = tidy(result.text);
  if (!text) throw new IngestError("empty", fileName);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { text, warnings: context.warnings, source: { fileName, sha256, bytes: bytes.length, format, ...result.counts } };
}

/** The chat's "đang đọc văn bản..." line for a progress event. */
export function describeProgress(progress: IngestProgress, t: Translate): string {
  return progress.stage === "converting" ? t("ingest:progress.converting") : t(`ingest:progress.${progress.stage}`, progress);
}

interface Context {
  fileName: string;
  limits: IngestLimits;
  tools: IngestTools;
  progress: (progress: IngestProgress) => void;
  t: Translate;
  warnings: string[];
}

interface ReadResult {
  text: string;
  counts: { pages: number; ocrPages: number };
}

type Reader = (bytes: Uint8Array, context: Context, signal: AbortSignal) => Promise<ReadResult>;

const READERS: Record<Format, Reader> = {
  text: async (bytes) => ({ text: new TextDecoder(textEncoding(bytes)).decode(bytes), counts: { pages: 1, ocrPages: 0 } }),
  docx: readDocx,
  doc: async (bytes, context, signal) => {
    const soffice = context.tools.soffice;
    if (!soffice) throw new IngestError("converter_unavailable", context.fileName);
    context.progress({ stage: "converting" });
    let docx: Uint8Array;
    try {
      docx = await docToDocx(soffice, bytes, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new IngestError("corrupt", context.fileName, {}, { cause: error });
    }
    return readDocx(docx, context, signal);
  },
  pdf: readPdfFile,
  image: async (bytes, context, signal) => {
    const tesseract = context.tools.tesseract;
    if (!tesseract) throw new IngestError("ocr_unavailable", context.fileName);
    const size = imageSize(bytes);
    if (!size) throw new IngestError("corrupt", context.fileName);
    const megapixels = (size.width * size.height) / 1e6;
    if (megapixels > context.limits.maxMegapixels) {
      throw new IngestError("too_large", context.fileName, { megapixels: Math.round(megapixels), maxMegapixels: context.limits.maxMegapixels });
    }
    context.progress({ stage: "ocr", page: 1, pages: 1 });
    const extension = bytes[0] === 0x89 ? ".png" : ".jpg";
    const page = await ocr(() => ocrImage(tesseract, bytes, extension, signal), context, signal);
    context.warnings.push(context.t("ingest:warning.ocr"));
    return { text: layoutPages([page]).join("\n"), counts: { pages: 1, ocrPages: 1 } };
  },
};

async function readDocx(bytes: Uint8Array, context: Context, signal: AbortSignal): Promise<ReadResult> {
  let files: Map<string, Uint8Array>;
  try {
    const { maxZipEntries, maxUnzippedBytes, maxXmlBytes } = context.limits;
    files = readZip(bytes, { maxEntries: maxZipEntries, maxUnzippedBytes, maxXmlBytes });
  } catch (error) {
    if (error instanceof ZipLimitError) {
      const { fileName, limits } = context;
      const cause = { cause: error };
      switch (error.kind) {
        case "entries": throw new IngestError("too_large", fileName, { entries: error.declared, maxEntries: limits.maxZipEntries }, cause);
        case "unzipped": throw new IngestError("too_large", fileName, { unzippedMb: mb(error.declared), maxMb: mb(limits.maxUnzippedBytes) }, cause);
        case "xml": throw new IngestError("too_large", fileName, { xmlMb: mb(error.declared), maxMb: mb(limits.maxXmlBytes) }, cause);
        case "bomb": throw new IngestError("too_large", fileName, { bomb: 1 }, cause);
      }
    }
    throw new IngestError("corrupt", context.fileName, {}, { cause: error });
  }
  if (!files.has("word/document.xml")) throw new IngestError("mismatch", context.fileName, { ext: ".docx", kind: "zip" });
  signal.throwIfAborted();
  try {
    return { text: await docxToText(files), counts: { pages: 1, ocrPages: 0 } };
  } catch (error) {
    if (signal.aborted) throw error;
    throw new IngestError("corrupt", context.fileName, {}, { cause: error });
  }
}

async function readPdfFile(bytes: Uint8Array, context: Context, signal: AbortSignal): Promise<ReadResult> {
  const pdf = await readPdf(bytes, context.fileName, context.limits.maxPages, signal, (page, pages) =>
    context.progress({ stage: "reading", page, pages }),
  );
  const pages = pdf.pages;
  let ocrPages = 0;
  const toOcr = [...pdf.scannedPages, ...pdf.garbledPages].sort((a, b) => a - b);
  const { tesseract, pdftoppm } = context.tools;
  if (toOcr.length > 0 && tesseract && pdftoppm) {
    const scanned = await ocr(
      () => ocrPdfPages({ tesseract, pdftoppm }, bytes, toOcr, signal, (page, total) => context.progress({ stage: "ocr", page, pages: total })),
      context,
      signal,
    );
    for (const [page, items] of scanned) pages[page - 1] = items;
    ocrPages = scanned.size;
    context.warnings.push(context.t("ingest:warning.ocr"));
  } else if (pdf.scannedPages.length > 0 && pdf.scannedPages.length === pdf.pageCount) {
    throw new IngestError("ocr_unavailable", context.fileName);
  } else {
    if (pdf.scannedPages.length > 0) context.warnings.push(context.t("ingest:warning.pages_skipped", { pages: pdf.scannedPages.join(", ") }));
    if (pdf.garbledPages.length > 0) context.warnings.push(context.t("ingest:warning.garbled", { pages: pdf.garbledPages.join(", ") }));
  }
  if (pdf.tonesLostPages.length > 0) context.warnings.push(context.t("ingest:warning.tones_lost", { pages: pdf.tonesLostPages.join(", ") }));
  // Laid out together: a running header is recognised across text-layer and OCRed pages alike.
  const texts = layoutPages(pages);
  return { text: texts.filter((t) => t.trim()).join("\n"), counts: { pages: pdf.pageCount, ocrPages } };
}

/** OCR failures other than the time limit: the engine or its Vietnamese model is broken or missing. */
async function ocr<T>(work: () => Promise<T>, context: Context, signal: AbortSignal): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (signal.aborted || error instanceof IngestError) throw error;
    const missing = (error as { code?: string }).code === "ENOENT" || /vie|traineddata|language/i.test(String(error));
    throw new IngestError(missing ? "ocr_unavailable" : "corrupt", context.fileName, {}, { cause: error });
  }
}

async function withDeadline<T>(context: Context, outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const seconds = Math.round(context.limits.timeoutMs / 1000);
  const timer = setTimeout(() => controller.abort(new IngestError("timeout", context.fileName, { seconds })), context.limits.timeoutMs);
  const forward = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  outer?.addEventListener("abort", forward, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    const fail = (): void => reject(controller.signal.reason);
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener("abort", fail, { once: true });
  });
  try {
    // pdf.js work cannot be interrupted mid-page: the race returns at the deadline and the page finishes in the background.
    return await Promise.race([work(controller.signal), aborted]);
  } catch (error) {
    if (error instanceof IngestError || controller.signal.aborted) throw error;
    throw new IngestError("corrupt", context.fileName, {}, { cause: error });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", forward);
  }
}

function tidy(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\u00a0]/g, " ")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\ufeff]/g, "")
    .replace(/ +$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;
