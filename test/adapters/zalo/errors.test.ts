import { describe, expect, it } from "vitest";
import { ZaloApiError, ZaloApiMissingImageMetadataGetter } from "zca-js";
import { classifyZaloError } from "../../../src/adapters/zalo/errors.js";
import { ChatSendError } from "../../../src/chat/port.js";

describe("classifyZaloError", () => {
  const cases: Array<[string, unknown, string]> = [
    ["stranger blocks messages (122)", new ZaloApiError("Bạn chưa thể gửi tin nhắn đến người này vì người này chặn không nhận tin nhắn từ người lạ.", 122), "gone"],
    ["not a Zalo user (-100)", new ZaloApiError("Not a Zalo user", -100), "gone"],
    ["removed from the group", new ZaloApiError("Bạn không còn là thành viên của nhóm này", 166), "gone"],
    ["group disbanded", new ZaloApiError("Nhóm đã bị giải tán", 175), "gone"],
    ["session key timed out (102)", new ZaloApiError("The session key was improperly submitted or has reached its timeout", 102), "transient"],
    ["zpw_sek missing (600)", new ZaloApiError("zpw_sek bị thiếu hoặc không đúng", 600), "transient"],
    ["HTTP 502", new ZaloApiError("Request failed with status code 502"), "transient"],
    ["HTTP 429", new ZaloApiError("Request failed with status code 429"), "rate_limited"],
    ["HTTP 400", new ZaloApiError("Request failed with status code 400"), "rejected"],
    // 123 is waited on a few times; the adapter counts them per chat and then gives the chat up (adapter test).
    ["recipient does not take messages (123)", new ZaloApiError("Không thể nhận tin nhắn từ bạn.", 123), "rate_limited"],
    ["acting too fast", new ZaloApiError("Bạn thao tác quá nhanh", 221), "rate_limited"],
    ["invalid parameters (114)", new ZaloApiError("Tham số không hợp lệ", 114), "rejected"],
    ["unknown server code", new ZaloApiError("Lỗi lạ", 9999), "rejected"],
    // zca-js's own checks fail before any request, the same way every time: not worth retrying.
    ["zca-js validation: no content", new ZaloApiError("Missing message content"), "rejected"],
    ["zca-js validation: extension", new ZaloApiError('File extension "exe" is not allowed'), "rejected"],
    ["zca-js validation: webchat quote", new ZaloApiError("This kind of `webchat` quote type is not available"), "rejected"],
    ["unreadable server answer", new ZaloApiError("Failed to parse response data"), "transient"],
    ["missing image metadata getter", new ZaloApiMissingImageMetadataGetter(), "rejected"],
    ["connection reset", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "transient"],
    ["fetch failed (undici)", new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "UND_ERR_SOCKET" }) }), "transient"],
    ["anything else", "boom", "transient"],
  ];
  it.each(cases)("%s → %s", (_name, error, kind) => {
    expect(classifyZaloError(error).kind).toBe(kind);
  });

  it("gives rate limits a wait", () => {
    const failure = classifyZaloError(new ZaloApiError("Request failed with status code 429"));
    expect(failure).toEqual({ kind: "rate_limited", retryAfterMs: 60_000 });
  });

  it("passes an already classified error through", () => {
    expect(classifyZaloError(new ChatSendError({ kind: "gone", reason: "x" }))).toEqual({ kind: "gone", reason: "x" });
  });
});
