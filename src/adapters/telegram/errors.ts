import { TelegramError } from "telegraf";
import { ChatSendError, type SendFailure, chatId } from "../../chat/port.js";

/** 400s that mean the bot can no longer write in the chat at all: treated like a kick, not like a bad message. */
const GONE_400 = /chat not found|group chat was deactivated|not enough rights to send|have no rights to send|CHAT_WRITE_FORBIDDEN/i;

/** Sorts every Bot API failure into the port's SendFailure kinds (docs/decisions/0402-telegram-error-mapping.md). */
export function classifyTelegramError(error: unknown): SendFailure {
  if (error instanceof TelegramError) {
    const { code, description } = error;
    const parameters = error.parameters;
    if (code === 429) return { kind: "rate_limited", retryAfterMs: Math.max(1, parameters?.retry_after ?? 1) * 1000 };
    if (parameters?.migrate_to_chat_id !== undefined) return { kind: "migrated", newChat: chatId("telegram", parameters.migrate_to_chat_id) };
    if (code === 403) return { kind: "gone", reason: description };
    if (code === 400 && /message is not modified/i.test(description)) return { kind: "not_modified" };
    if (code === 400 && GONE_400.test(description)) return { kind: "gone", reason: description };
    if (code === 400) return { kind: "rejected", reason: description };
    // 401 (token revoked), 404, 409, 5xx: the message itself is fine, so keep it and retry later.
    return { kind: "transient", reason: `${code}: ${description}` };
  }
  const name = (error as { name?: string } | undefined)?.name;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "transient", reason: name ? `${name}: ${message}` : message };
}

export function toChatSendError(error: unknown): ChatSendError {
  if (error instanceof ChatSendError) return error;
  return new ChatSendError(classifyTelegramError(error), { cause: error });
}
