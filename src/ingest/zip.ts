import { inflateRawSync } from "node:zlib";

/**
 * A bounded zip reader for .docx. The central directory is checked (entry count, declared sizes) before anything is
 * inflated, and each entry is inflated with a hard cap at its declared size, so a zip bomb that lies in its headers
 * stops at the cap instead of filling memory. mammoth then reads these entries, never the untrusted zip itself.
 */
export interface ZipLimits {
  maxEntries: number;
  maxUnzippedBytes: number;
  /** Sum of the declared sizes of the XML parts (.xml, .rels): what the XML parser downstream must hold. */
  maxXmlBytes?: number;
}

/**
 * Which limit a zip broke, with what it declared: "entries" (count), "unzipped" and "xml" (bytes), "bomb" (an entry
 * inflating beyond its declared size, or zip64 sizes that escape the checks).
 */
export class ZipLimitError extends Error {
  constructor(
    message: string,
    readonly kind: "entries" | "unzipped" | "xml" | "bomb" = "bomb",
    readonly declared = 0,
  ) {
    super(message);
    this.name = "ZipLimitError";
  }
}
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export function readZip(bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(bytes, view, limits);
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    if (entry.flags & 1) throw new ZipFormatError("encrypted entry");
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipFormatError("bad local header");
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new ZipFormatError("truncated entry");
    files.set(entry.name, inflate(entry, data));
  }
  return files;
}

function inflate(entry: CentralEntry, data: Uint8Array): Uint8Array {
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
  try {
    // One byte over the declared size is enough to prove the header lied.
    const out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    if (out.length !== entry.size) throw new ZipFormatError("size mismatch");
    return out;
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new ZipLimitError(`${entry.name} inflates beyond its declared size`, "bomb");
    }
    if (error instanceof ZipFormatError) throw error;
    throw new ZipFormatError(`inflate failed: ${(error as Error).message}`);
  }
}

function readCentralDirectory(bytes: Uint8Array, view: DataView, limits: ZipLimits): CentralEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  // Zip64 markers: a .docx never needs them, and their sizes would escape the checks below.
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipLimitError("zip64");
  if (count > limits.maxEntries) throw new ZipLimitError(`${count} entries`, "entries", count);
  if (cdOffset + cdSize > bytes.length) throw new ZipFormatError("central directory outside the file");

  const entries: CentralEntry[] = [];
  let total = 0;
  let xml = 0;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipFormatError("bad central header");
    const nameLength = view.getUint16(at + 28, true);
    const entry: CentralEntry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    total += entry.size;
    if (entry.size === 0xffffffff) throw new ZipLimitError("zip64 entry size");
    if (total > limits.maxUnzippedBytes) throw new ZipLimitError(`declares more than ${limits.maxUnzippedBytes} bytes`, "unzipped", total);
    if (/\.(?:xml|rels)$/iu.test(entry.name)) xml += entry.size;
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  // Checked once every size is known, so the message can say how much the parts declare in all.
  if (limits.maxXmlBytes !== undefined && xml > limits.maxXmlBytes) {
    throw new ZipLimitError(`XML parts declare ${xml} bytes`, "xml", xml);
  }
  return entries;
}
