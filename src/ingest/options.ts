/** Limits per file. A dispatch is a few pages; anything far beyond is a mistake or an attack. */
export interface IngestLimits {
  maxBytes: number;
  maxPages: number;
  timeoutMs: number;
  /** Sum of the uncompressed sizes a .docx may declare (zip bombs), and its entry count. */
  maxUnzippedBytes: number;
  maxZipEntries: number;
  /**
   * Sum of a .docx's XML parts (document.xml, styles, numbering…) once unzipped. mammoth holds about 60 bytes of heap
   * per XML byte, so a 190 MB document.xml (under the unzip limit) needed 4.6 GB and killed the process; 8 MB (a
   * 400-page dispatch) stays near 500 MB.
   */
  maxXmlBytes: number;
  /** Pixels of a photo sent to OCR (a 50 MP phone camera fits; a header claiming gigapixels does not). */
  maxMegapixels: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 50,
  timeoutMs: 120_000,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxXmlBytes: 8 * 1024 * 1024,
  maxMegapixels: 100,
};

/**
 * The external programs, found once by detectTools() (src/ingest/tools.ts) or given by the composition root. null = not
 * installed: OCR and .doc conversion then fail with ocr_unavailable / converter_unavailable, everything else works.
 */
export interface IngestTools {
  /** tesseract binary with the Vietnamese model (Debian tesseract-ocr + tesseract-ocr-vie). */
  tesseract: string | null;
  /** poppler's pdftoppm, to rasterise scanned PDF pages for OCR (Debian poppler-utils). */
  pdftoppm: string | null;
  /** LibreOffice's soffice, for legacy .doc (Debian libreoffice-writer-nogui). */
  soffice: string | null;
}

/** Reported while a file is read, so a chat can edit its "đang đọc văn bản..." message (see describeProgress). */
export type IngestProgress =
  | { stage: "reading"; page: number; pages: number }
  | { stage: "ocr"; page: number; pages: number }
  | { stage: "converting" };

export interface IngestOptions {
  limits?: Partial<IngestLimits>;
  onProgress?: (progress: IngestProgress) => void;
  /** Defaults to detectTools() (probed once per process). */
  tools?: IngestTools;
  /** Cancels the extraction (the chat flow aborts when the user cancels); the time limit applies as well. */
  signal?: AbortSignal;
}
