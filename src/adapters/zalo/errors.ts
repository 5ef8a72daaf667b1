import { ZaloApiError, ZaloApiMissingImageMetadataGetter } from "zca-js";
import { ChatSendError, type SendFailure } from "../../chat/port.js";

/**
 * Zalo error codes seen in zca-js users' reports (Zalo publishes none). Unknown codes from the server are "rejected":
 * the server answered and said no, so retrying the same message is unlikely to help, and the outbox keeps it for the
 * report. Errors without a server code (network, timeouts) are "transient".
 */
const SESSION_CODES = new Set([102, 600]); // session key timed out / zpw_sek missing: log in again, then retry
const GONE_CODES = new Set([122, -100]); // recipient blocks strangers / not a Zalo user
const GONE_TEXT = new RegExp(
  [
    "không (còn )?là thành viên",
    "không phải (là )?thành viên",
    "đã rời",
    "bị xóa khỏi nhóm",
    "nhóm (đã )?không (còn )?tồn tại",
    "giải tán",
    "not (a )?member",
    "group.*(not exist|deleted|disband)",
  ].join("|"),
  "i",
);
// "Không thể nhận tin nhắn từ bạn": reported for the same text sent twice in a short time; wait, then retry.
const SLOW_DOWN_TEXT = /không thể nhận tin nhắn từ bạn|thao tác quá nhanh|quá nhiều|too many|spam/i;
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ETIMEDOUT",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "UND_ERR_SOCKET",
]);

export const SLOW_DOWN_MS = 60_000;

export function isSessionError(error: unknown): boolean {
  return error instanceof ZaloApiError && error.code !== null && SESSION_CODES.has(error.code);
}

export function classifyZaloError(error: unknown): SendFailure {
  if (error instanceof ChatSendError) return error.failure;
  if (error instanceof ZaloApiMissingImageMetadataGetter) return { kind: "rejected", reason: error.message };
  if (error instanceof ZaloApiError) {
    const message = error.message ?? "";
    const status = /status code (\d{3})/.exec(message)?.[1];
    if (status === "429") return { kind: "rate_limited", retryAfterMs: SLOW_DOWN_MS };
    if (status) return { kind: Number(status) >= 500 ? "transient" : "rejected", reason: message };
    if (isSessionError(error)) return { kind: "transient", reason: `session expired: ${message}` };
    const goneCode = error.code !== null && GONE_CODES.has(error.code);
    if (goneCode || GONE_TEXT.test(message)) return { kind: "gone", reason: message };
    if (SLOW_DOWN_TEXT.test(message)) return { kind: "rate_limited", retryAfterMs: SLOW_DOWN_MS };
    if (error.code === null) return { kind: "transient", reason: message };
    return { kind: "rejected", reason: `${message} (code ${error.code})` };
  }
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ??
    (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof code === "string" && NETWORK_CODES.has(code)) return { kind: "transient", reason: code };
  return { kind: "transient", reason: error instanceof Error ? error.message : String(error) };
}

export function toSendError(error: unknown): ChatSendError {
  return error instanceof ChatSendError ? error : new ChatSendError(classifyZaloError(error), { cause: error });
}
