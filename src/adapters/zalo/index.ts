/**
 * The Zalo platform edge. main.ts creates it with `createZaloAdapter`, wires `onInbound` to the core, then calls
 * `start()`; the delivery worker sends through it (it is a ChatAdapter) with ZALO_RATE_LIMITS.
 */
import { ZaloAdapter, type ZaloAdapterOptions } from "./adapter.js";
import { createZcaClient, type ZaloLoginClient } from "./zalo-api.js";

export { SESSION_DOWN_RETRY_MS, ZaloAdapter, type ZaloAdapterOptions, type ZaloInboundReaction } from "./adapter.js";
export { parseZaloChatId, zaloChatId } from "./chat-ids.js";
export { classifyZaloError } from "./errors.js";
export { parseZaloEnv, ZALO_MAX_TEXT, ZALO_RATE_LIMITS, zaloEnvShape, zaloRateLimits, type ZaloEnv } from "./limits.js";
export type { ZaloMessageSnapshot } from "./message-memory.js";
export type { ButtonHint } from "./outbound.js";
export { describeSessionProblem, ZALO_RECONNECT_BACKOFF, type Backoff, type ZaloSessionProblem } from "./session-problem.js";
export type { ZaloApi, ZaloLoginClient } from "./zalo-api.js";

/** The real adapter over zca-js; `client` is only for tests and tools that bring their own. */
export function createZaloAdapter(
  options: Omit<ZaloAdapterOptions, "client"> & { client?: ZaloLoginClient; zcaLogging?: boolean },
): ZaloAdapter {
  const { client, zcaLogging, ...rest } = options;
  return new ZaloAdapter({ ...rest, client: client ?? createZcaClient({ logging: zcaLogging ?? false }) });
}
