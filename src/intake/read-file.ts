/**
 * A forwarded file read in a worker thread with a heap cap and a deadline (issue 10). mammoth on a 190 MB
 * document.xml needed 4.6 GB and V8 aborted the whole process; a 100k-row table took 224 s of the bot's own event
 * loop, reader included, while every chat waited. Here the read (extraction and reader) runs off the main thread: the
 * worker is terminated at the file time limit (covering the reader too) and a heap overflow kills only the worker.
 * Both end as IngestErrors with a Vietnamese message (timeout, too_large_memory). See docs/decisions/0605.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParsedDispatch } from "../dispatch/schema.js";
import type { Lang } from "../i18n.js";
import {
  DEFAULT_LIMITS, detectTools, IngestError, type ExtractedText, type IngestErrorCode, type IngestLimits, type IngestProgress,
  type IngestTools,
} from "../ingest/index.js";

export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
  limits: IngestLimits;
  tools: IngestTools;
  lang: Lang;
  /** When set, the worker also runs the reader on the text (so the time limit covers it). */
  refDate?: string;
}

export type WorkerMessage =
  | { type: "progress"; progress: IngestProgress }
  | { type: "done"; extracted: ExtractedText; parsed?: ParsedDispatch }
  | { type: "ingest-error"; code: IngestErrorCode; fileName: string; params: Record<string, string | number> }
  | { type: "failed"; message: string };

export interface IsolatedReadOptions {
  limits?: Partial<IngestLimits>;
  tools?: IngestTools;
  /** Heap of the worker (V8 old generation), MB. mammoth's ~60 bytes per XML byte on the 8 MB XML limit fits. */
  maxHeapMb?: number;
}

export type IsolatedRead = ExtractedText & { parsed?: ParsedDispatch };

/** Heap cap by default: far below what would threaten the bot process, above what any accepted file needs. */
export const DEFAULT_READ_HEAP_MB = 1024;

export function readFileIsolated(
  bytes: Uint8Array,
  fileName: string,
  options: IsolatedReadOptions & { onProgress?: (progress: IngestProgress) => void; lang?: Lang; refDate?: string } = {},
): Promise<IsolatedRead> {
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const request: ReadRequest = {
    bytes,
    fileName,
    limits,
    tools: options.tools ?? detectTools(),
    lang: options.lang ?? "vi",
    ...(options.refDate ? { refDate: options.refDate } : {}),
  };
  return new Promise<IsolatedRead>((resolve, reject) => {
    const worker = startWorker(request, options.maxHeapMb ?? DEFAULT_READ_HEAP_MB);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    // The deadline covers the whole read: starting the worker, extraction, OCR and the reader.
    const timer = setTimeout(
      () => finish(() => reject(new IngestError("timeout", fileName, { seconds: Math.round(limits.timeoutMs / 1000) }))),
      limits.timeoutMs,
    );
    worker.on("message", (message: WorkerMessage) => {
      switch (message.type) {
        case "progress":
          options.onProgress?.(message.progress);
          return;
        case "done":
          return finish(() => resolve({ ...message.extracted, ...(message.parsed ? { parsed: message.parsed } : {}) }));
        case "ingest-error":
          return finish(() => reject(new IngestError(message.code, message.fileName, message.params)));
        case "failed":
          return finish(() => reject(new Error(`reading ${fileName} failed in its worker: ${message.message}`)));
      }
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") finish(() => reject(new IngestError("too_large", fileName, { memory: 1 }, { cause: error })));
      else finish(() => reject(error));
    });
    worker.on("exit", (code) => finish(() => reject(new Error(`the worker reading ${fileName} exited with ${code}`))));
  });
}

/**
 * The worker runs read-worker.ts. Under tsx (npm start) and vitest the sources are TypeScript, which a worker cannot
 * load by itself: a one-line ES module boots it through tsx's API (tsx is a runtime dependency already).
 */
function startWorker(request: ReadRequest, maxHeapMb: number): Worker {
  const entry = new URL(import.meta.url.endsWith(".ts") ? "./read-worker.ts" : "./read-worker.js", import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, { workerData: request, resourceLimits });
  // The package's ES module entry ("import" condition), found from its CommonJS one.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/u, ".mjs")).href;
  const boot = `import { tsImport } from ${JSON.stringify(tsx)}; await tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: request, resourceLimits });
}
