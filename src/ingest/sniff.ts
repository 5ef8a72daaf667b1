/**
 * What a file really is, from its first bytes: offices rename files, and chat apps strip or change extensions, so the
 * extension alone decides nothing.
 */
export type FileKind = "pdf" | "zip" | "ole" | "jpeg" | "png" | "text" | "binary";

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

export function sniff(bytes: Uint8Array): FileKind {
  // %PDF may follow a little junk (some generators prepend a BOM or whitespace); the spec allows it in the first 1 KB.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (textEncoding(bytes) !== "utf-8") return "text"; // Notepad's "Unicode" (UTF-16 with a byte-order mark)
  return looksLikeText(bytes) ? "text" : "binary";
}

/** UTF-8 that decodes without errors and has no NUL bytes in its first 64 KB. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0)) return false;
  try {
    // A multi-byte character cut at the sample's end is not an error in the file.
    new TextDecoder("utf-8", { fatal: true }).decode(sample.length < bytes.length ? trimPartial(sample) : sample);
    return true;
  } catch {
    return false;
  }
}

function trimPartial(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  for (let i = 0; i < 3 && end > 0 && (sample[end - 1]! & 0xc0) === 0x80; i++) end--;
  if (end > 0 && sample[end - 1]! >= 0xc0) end--;
  return sample.subarray(0, end);
}

/** UTF-16 when the text starts with its byte-order mark, else UTF-8 (a UTF-8 BOM is dropped by the decoder). */
export function textEncoding(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (startsWith(bytes, [0xff, 0xfe])) return "utf-16le";
  if (startsWith(bytes, [0xfe, 0xff])) return "utf-16be";
  return "utf-8";
}
