import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { classifyTelegramError } from "../../../src/adapters/telegram/errors.js";

const tg = (error_code: number, description: string, parameters?: object) =>
  new TelegramError({ error_code, description, ...(parameters ? { parameters } : {}) });

describe("Telegram errors → SendFailure", () => {
  it.each([
    [tg(429, "Too Many Requests: retry after 7", { retry_after: 7 }), { kind: "rate_limited", retryAfterMs: 7000 }],
    [tg(403, "Forbidden: bot was kicked from the group chat"), { kind: "gone", reason: "Forbidden: bot was kicked from the group chat" }],
    [tg(403, "Forbidden: bot was blocked by the user"), { kind: "gone", reason: "Forbidden: bot was blocked by the user" }],
    [tg(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: -1001234 }), { kind: "migrated", newChat: "telegram:-1001234" }],
    [tg(400, "Bad Request: message is not modified: specified new message content ..."), { kind: "not_modified" }],
    [tg(400, "Bad Request: chat not found"), { kind: "gone", reason: "Bad Request: chat not found" }],
    [tg(400, "Bad Request: not enough rights to send text messages to the chat"), { kind: "gone", reason: "Bad Request: not enough rights to send text messages to the chat" }],
    [tg(400, "Bad Request: can't parse entities: Unsupported start tag"), { kind: "rejected", reason: "Bad Request: can't parse entities: Unsupported start tag" }],
    [tg(502, "Bad Gateway"), { kind: "transient", reason: "502: Bad Gateway" }],
    [tg(401, "Unauthorized"), { kind: "transient", reason: "401: Unauthorized" }],
  ])("%s", (error, failure) => {
    expect(classifyTelegramError(error)).toEqual(failure);
  });

  it("treats network errors as transient", () => {
    const error = Object.assign(new Error("request to http://x failed, reason: socket hang up"), { name: "FetchError" });
    expect(classifyTelegramError(error)).toEqual({ kind: "transient", reason: "FetchError: request to http://x failed, reason: socket hang up" });
  });
});
