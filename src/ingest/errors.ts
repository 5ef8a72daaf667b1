import type { Translate } from "../i18n.js";

/**
 * Why a file could not be read. Every failure of extractText is an IngestError with one of these codes, so the CLI and
 * the chat flows can show a Vietnamese message (describeIngestError) instead of crashing or storing a partial dispatch.
 */
export type IngestErrorCode =
  | "too_large"
  | "too_many_pages"
  | "timeout"
  | "encrypted"
  | "corrupt"
  | "empty"
  | "unsupported"
  | "mismatch"
  | "ocr_unavailable"
  | "converter_unavailable";

/** Values interpolated into the message: limits, page counts, the detected kind of a mismatched file. */
export type IngestErrorParams = Record<string, string | number>;

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    readonly fileName: string,
    readonly params: IngestErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${fileName}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`, options);
    this.name = "IngestError";
  }
}

export function isIngestError(value: unknown): value is IngestError {
  return value instanceof IngestError;
}

/** The user-facing explanation, in the chat's language (keys in locales/<lang>/ingest.json). */
export function describeIngestError(error: IngestError, t: Translate): string {
  const key = error.code === "too_large" ? tooLargeKey(error.params) : error.code;
  return t(`ingest:error.${key}`, { file: error.fileName, ...error.params });
}

/** Which "too large" it is: the file, a photo's pixels, a zip's entry count, what it unzips to, its XML, a bomb. */
function tooLargeKey(params: IngestErrorParams): string {
  if ("megapixels" in params) return "too_large_image";
  if ("entries" in params) return "too_large_entries";
  if ("unzippedMb" in params) return "too_large_unzipped";
  if ("xmlMb" in params) return "too_large_xml";
  if ("bomb" in params) return "too_large_bomb";
  if ("memory" in params) return "too_large_memory";
  return "too_large";
}
