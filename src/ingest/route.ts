import { extname } from "node:path";
import { IngestError } from "./errors.js";
import { sniff, type FileKind } from "./sniff.js";

/** Which reader handles a file: decided by its content, checked against its extension. */
export type Format = "text" | "docx" | "doc" | "pdf" | "image";

const BY_EXTENSION: Record<string, FileKind> = {
  ".txt": "text",
  ".md": "text",
  ".docx": "zip",
  ".doc": "ole",
  ".pdf": "pdf",
  ".jpg": "jpeg",
  ".jpeg": "jpeg",
  ".png": "png",
};

const FORMAT: Partial<Record<FileKind, Format>> = { text: "text", zip: "docx", ole: "doc", pdf: "pdf", jpeg: "image", png: "image" };

/** Extension and content disagree but are the same family (Word saved under the other Word extension, JPEG/PNG). */
const SAME_FAMILY = new Set(["ole→zip", "zip→ole", "jpeg→png", "png→jpeg"]);

export function route(bytes: Uint8Array, fileName: string): { format: Format; renamed: boolean } {
  const ext = extname(fileName).toLowerCase();
  const kind = sniff(bytes);
  const declared = BY_EXTENSION[ext];
  const format = FORMAT[kind];
  if (declared === undefined) {
    // No or unknown extension (chat apps drop it): trust the content when we can read it.
    if (ext === "" && format) return { format, renamed: false };
    throw new IngestError("unsupported", fileName, { ext: ext || "?" });
  }
  if (kind === "ole" && declared === "zip" && isEncryptedOffice(bytes)) throw new IngestError("encrypted", fileName);
  if (declared === kind && format) return { format, renamed: false };
  if (format && SAME_FAMILY.has(`${declared}→${kind}`)) return { format, renamed: true };
  throw new IngestError("mismatch", fileName, { ext, kind });
}

/** A password-protected .docx is an OLE container holding "EncryptedPackage" (UTF-16 in the directory). */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const marker = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker);
}
