import { describe, expect, it } from "vitest";
import { chatId, parseChatId } from "../../src/chat/port.js";

describe("chat ids", () => {
  it("round-trips platform and native id, keeping colons inside the native id", () => {
    expect(parseChatId(chatId("zalo", "g:8812"))).toEqual({ platform: "zalo", nativeId: "g:8812" });
    expect(parseChatId(chatId("telegram", -100123))).toEqual({ platform: "telegram", nativeId: "-100123" });
  });
  it("refuses strings that are not chat ids", () => {
    expect(() => parseChatId("slack:1")).toThrow();
    expect(() => parseChatId("nocolon")).toThrow();
  });
});
