/**
 * `npm run parse -- <file> [--json] [--ref-date YYYY-MM-DD]`: reads a dispatch file and prints what the reader found,
 * as a Vietnamese summary or (with --json) exactly the JSON of ParsedDispatch on stdout.
 */
import { readFile } from "node:fs/promises";
import { describeProgress, extractText, type IngestProgress } from "../ingest/index.js";
import { describeIngestError, isIngestError } from "../ingest/errors.js";
import { readDispatch } from "../dispatch/reader.js";
import { formatSummary } from "../dispatch/summary.js";
import { translator } from "../i18n.js";

const t = translator("vi");

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function todayInVietnam(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

async function main(argv: string[]): Promise<void> {
  let json = false;
  let refDate: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") json = true;
    else if (a === "--ref-date") refDate = argv[++i] ?? "";
    else if (a.startsWith("--ref-date=")) refDate = a.slice("--ref-date=".length);
    else if (a === "--help" || a === "-h") {
      process.stdout.write(`${t("reader:cli.usage")}\n`);
      return;
    } else if (a.startsWith("--")) fail(t("reader:cli.unknownOption", { option: a }));
    else files.push(a);
  }
  if (files.length !== 1) fail(t("reader:cli.usage"));
  if (refDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(refDate)) fail(t("reader:cli.badRefDate", { value: refDate }));
  const file = files[0]!;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(t(code === "ENOENT" ? "reader:cli.missingFile" : "reader:cli.unreadableFile", { file }));
  }
  let text: string;
  let extractWarnings: string[] = [];
  try {
    // Long OCR shows where it is (on a terminal only: scripts read stdout and a clean stderr).
    const onProgress = process.stderr.isTTY ? (p: IngestProgress) => process.stderr.write(`\r${describeProgress(p, t)}\x1b[K`) : undefined;
    const extracted = await extractText(bytes, file, onProgress ? { onProgress } : {});
    if (onProgress) process.stderr.write("\r\x1b[K");
    text = extracted.text;
    extractWarnings = extracted.warnings;
  } catch (e) {
    fail(isIngestError(e) ? describeIngestError(e, t) : t("reader:cli.cannotExtract", { file, reason: e instanceof Error ? e.message : String(e) }));
  }
  const result = readDispatch(text, { refDate: refDate ?? todayInVietnam() });
  result.warnings.unshift(...extractWarnings);
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatSummary(result, t)}\n`);
}

await main(process.argv.slice(2));
