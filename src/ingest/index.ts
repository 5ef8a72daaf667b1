import { extname } from "node:path";

/**
 * Files → text. This first version reads plain text; the files issue adds .docx, .pdf, scans and photos behind the
 * same function, so callers (the CLI and the chat flows) never change.
 */
export interface ExtractedText {
  text: string;
  /** Human-readable notes about the extraction (OCR used, pages skipped...). */
  warnings: string[];
}

export class UnsupportedFileError extends Error {
  constructor(readonly fileName: string) {
    super(`unsupported file type: ${fileName}`);
    this.name = "UnsupportedFileError";
  }
}

export async function extractText(bytes: Uint8Array, fileName: string): Promise<ExtractedText> {
  const ext = extname(fileName).toLowerCase();
  if (ext === ".txt" || ext === ".md" || ext === "") {
    return { text: new TextDecoder("utf-8").decode(bytes).normalize("NFC"), warnings: [] };
  }
  throw new UnsupportedFileError(fileName);
}
