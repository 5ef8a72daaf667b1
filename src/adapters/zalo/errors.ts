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
const SLOW_DOWN_TEXT = /thao tác quá nhanh|quá nhiều|too many|spam/i;
/**
 * 123 "Không thể nhận tin nhắn từ bạn": this recipient does not take messages from the bot (blocked it, strangers
 * not allowed; zca-js #229, #336). Sometimes it passes (it is also seen for a burst), so it is waited on a few times;
 * the adapter counts per chat and then gives the chat up ("gone").
 */
export const REFUSED_CODE = 123;
/** 114: the quote's fields were not accepted (zca-js #122): the message itself is fine without the quote. */
export const BAD_QUOTE_CODE = 114;
/** zca-js's wording when the server's answer could not be read: the server's trouble, worth another try. */
const UNREADABLE_ANSWER = /failed to parse response data/i;
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

/** The server's error code of a zca-js error, if any. */
export function zaloCodeOf(error: unknown): number | undefined {
  return error instanceof ZaloApiError && error.code !== null ? error.code : undefined;
}

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
    if (error.code === REFUSED_CODE) return { kind: "rate_limited", retryAfterMs: SLOW_DOWN_MS };
    if (SLOW_DOWN_TEXT.test(message)) return { kind: "rate_limited", retryAfterMs: SLOW_DOWN_MS };
    // No code and no HTTP status: zca-js refused the call itself ("Missing message content", "File extension … is not
    // allowed", "Exceed maximum file…"): the same message fails the same way every time.
    if (error.code === null) return UNREADABLE_ANSWER.test(message) ? { kind: "transient", reason: message } : { kind: "rejected", reason: message };
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
