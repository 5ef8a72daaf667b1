/**
 * The worker thread of readFileIsolated (read-file.ts): file → text (src/ingest) → parsed dispatch (src/dispatch),
 * both here, so the memory cap and the time limit cover the whole read and the bot's event loop never runs it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { withAmendments } from "../dispatch/amends.js";
import { readDispatch } from "../dispatch/reader.js";
import { extractText, isIngestError } from "../ingest/index.js";
import type { ReadRequest, WorkerMessage } from "./read-file.js";

const request = workerData as ReadRequest;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
try {
  const extracted = await extractText(request.bytes, request.fileName, {
    limits: request.limits,
    tools: request.tools,
    lang: request.lang,
    onProgress: (progress) => post({ type: "progress", progress }),
  });
  // Same reading as the composition root's readDispatch: the amendment references (issue 12) included.
  const parsed = request.refDate ? withAmendments(readDispatch(extracted.text, { refDate: request.refDate }), extracted.text) : undefined;
  post({ type: "done", extracted, ...(parsed ? { parsed } : {}) });
} catch (error) {
  if (isIngestError(error)) post({ type: "ingest-error", code: error.code, fileName: error.fileName, params: error.params });
  else post({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
