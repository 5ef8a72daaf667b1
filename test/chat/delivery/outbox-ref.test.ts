// Decision 0302: an edit may name "the message outbox item N became"; perform resolves it just before editing.
import { describe, expect, it } from "vitest";
import { perform } from "../../../src/chat/delivery/perform.js";
import { type OutboxItem, outboxRef, outboxRefId } from "../../../src/chat/outbox.js";
import { type ChatAdapter, ChatSendError, type SentRef } from "../../../src/chat/port.js";

const edits: Array<{ ref: SentRef; text: string }> = [];
const adapter: ChatAdapter = {
  platform: "telegram",
  send: async (m) => ({ chat: m.chat, messageId: "1" }),
  edit: async (ref, text) => void edits.push({ ref, text }),
};
const editOf = (messageId: string): OutboxItem => ({
  id: 9, attempts: 0, createdAt: new Date(), chat: "telegram:5", payload: { op: "edit", messageId, text: "trang 2/3" }, purpose: { type: "notice" },
});

describe("edits naming an outbox item", () => {
  it("round-trips the reference and leaves platform ids alone", () => {
    expect(outboxRefId(outboxRef(42))).toBe(42);
    expect(outboxRefId("42")).toBeUndefined();
    expect(outboxRefId("outbox:")).toBeUndefined();
  });

  it("edits the message the item was delivered as; a platform id is used as it is", async () => {
    edits.length = 0;
    const sent = await perform(adapter, editOf(outboxRef(3)), async (id) => (id === 3 ? "777" : undefined));
    expect(sent).toEqual({ chat: "telegram:5", messageId: "777" });
    await perform(adapter, editOf("778"), async () => "never asked");
    expect(edits.map((e) => e.ref.messageId)).toEqual(["777", "778"]);
  });

  it("refuses (rejected, not retried) an edit of an item that was never delivered, or without a resolver", async () => {
    const undelivered = await perform(adapter, editOf(outboxRef(4)), async () => undefined).catch((e: unknown) => e);
    expect(undelivered).toBeInstanceOf(ChatSendError);
    expect((undelivered as ChatSendError).failure.kind).toBe("rejected");
    await expect(perform(adapter, editOf(outboxRef(4)))).rejects.toBeInstanceOf(ChatSendError);
  });
});
