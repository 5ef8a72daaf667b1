import { afterEach, describe, expect, it } from "vitest";
import { Reactions, ThreadType, ZaloApiError } from "zca-js";
import { ChatSendError, NotImplementedError } from "../../../src/chat/port.js";
import { typedReplyFor } from "../../../src/bot/features/zalo-hints.js";
import { BOT_UID, GROUP_ID, groupMessage, settle, USER_UID } from "./fake-zalo.js";
import { startHarness, type Harness } from "./harness.js";

const group = `zalo:g:${GROUP_ID}`;
let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function failure(promise: Promise<unknown>): Promise<ChatSendError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChatSendError);
  return error as ChatSendError;
}

describe("Zalo outbound", () => {
  it("sends plain text to a group thread and returns the msgId as the message id", async () => {
    h = await startHarness();
    const ref = await h.adapter.send({ chat: group, text: "Nhiệm vụ 1 <A&B>" });
    expect(h.zalo.sent).toHaveLength(1);
    expect(h.zalo.sent[0]).toMatchObject({ threadId: GROUP_ID, type: ThreadType.Group, content: { msg: "Nhiệm vụ 1 <A&B>" } });
    expect(h.zalo.sent[0]!.content.quote).toBeUndefined();
    expect(ref).toEqual({ chat: group, messageId: String(h.zalo.sent[0]!.msgId) });
  });

  it("sends to a private thread with ThreadType.User", async () => {
    h = await startHarness();
    await h.adapter.send({ chat: `zalo:u:${USER_UID}`, text: "Báo cáo" });
    expect(h.zalo.sent[0]).toMatchObject({ threadId: USER_UID, type: ThreadType.User });
  });

  it("quotes a received message with the fields zca-js needs", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-quote-reply"));
    await settle();
    await h.adapter.send({ chat: group, text: "Đã ghi nhận", replyTo: "7406832199002" });
    expect(h.zalo.sent[0]!.content.quote).toEqual({
      content: "da xong",
      msgType: "webchat",
      propertyExt: { color: 0, size: 0, type: 0, subType: 0, ext: '{"shouldParseLinkOrContact":0}' },
      uidFrom: USER_UID,
      msgId: "7406832199002",
      cliMsgId: "1763822700001",
      ts: "1763822700321",
      ttl: 0,
    });
  });

  it("quotes the bot's own earlier message (a reminder under its task)", async () => {
    h = await startHarness({ adapter: { now: () => 1763822600500 } });
    const task = await h.adapter.send({ chat: group, text: "Nhiệm vụ 3" });
    await h.adapter.send({ chat: group, text: "Nhắc: còn 1 ngày", replyTo: task.messageId });
    expect(h.zalo.sent[1]!.content.quote).toMatchObject({ msgId: task.messageId, uidFrom: BOT_UID, content: "Nhiệm vụ 3", cliMsgId: "1763822600500" });
  });

  it("quotes from a snapshot the core persisted, after a restart emptied the memory", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-quote-reply"));
    await settle();
    const snapshot = h.adapter.snapshot(group, "7406832199002")!;
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    const before = h.zalo;
    await h.close();
    h = await startHarness();
    expect(h.zalo).not.toBe(before);
    h.adapter.remember(snapshot);
    await h.adapter.send({ chat: group, text: "Đã ghi nhận", replyTo: "7406832199002" });
    expect(h.zalo.sent[0]!.content.quote?.msgId).toBe("7406832199002");
  });

  it("still sends (without a quote) when the quoted message is unknown", async () => {
    h = await startHarness();
    await h.adapter.send({ chat: group, text: "Nhắc việc", replyTo: "999" });
    expect(h.zalo.sent).toHaveLength(1);
    expect(h.zalo.sent[0]!.content.quote).toBeUndefined();
  });

  it("renders buttons as numbered reply hints, using the core's hint when given", async () => {
    h = await startHarness({ adapter: { buttonHint: (b) => (b.data.startsWith("done:") ? `"xong ${b.data.slice(5)}" (${b.label})` : undefined) } });
    await h.adapter.send({
      chat: group,
      text: "Nhiệm vụ 3: Báo cáo quý",
      buttons: [[{ label: "✅ Hoàn thành", data: "done:3" }, { label: "📝 Cập nhật tiến độ", data: "note:3" }]],
    });
    expect(h.zalo.sent[0]!.content.msg).toBe(
      'Nhiệm vụ 3: Báo cáo quý\n\nZalo không có nút bấm: gõ một trong các câu sau (có thể trả lời tin này):\n1. "xong 3" (✅ Hoàn thành)\n2. 📝 Cập nhật tiến độ',
    );
  });

  it("with the core's typedReplyFor, every button kind says exactly what to type", async () => {
    h = await startHarness({ adapter: { buttonHint: typedReplyFor } });
    await h.adapter.send({
      chat: group,
      text: "Xem trước",
      buttons: [
        [{ label: "✅ Xác nhận gửi", data: "confirm:12" }, { label: "❌ Hủy", data: "cancel:12" }],
        [{ label: "✅ Xong 2", data: "done:41" }],
        [{ label: "Sở Tài chính", data: "bind:7" }],
        [{ label: "✅ Duyệt", data: "approve:41" }],
        [{ label: "Sở Y tế → Sở Y tế Hà Nội", data: "mn:12:0:3" }],
      ],
    });
    expect(h.zalo.sent[0]!.content.msg.split("\n").slice(-6)).toEqual(["1. /xacnhan", "2. /huy", "3. xong 2", "4. /donvi Sở Tài chính", "5. /duyet 41", "6. Sở Y tế → Sở Y tế Hà Nội"]);
  });

  it("sends a file as an attachment from memory, with the text", async () => {
    h = await startHarness();
    const bytes = new TextEncoder().encode("PK fake xlsx");
    const ref = await h.adapter.send({ chat: group, text: "Báo cáo tổng hợp", file: { name: "bao-cao.xlsx", bytes } });
    const content = h.zalo.sent[0]!.content;
    expect(content.msg).toBe("Báo cáo tổng hợp");
    expect(content.attachments).toEqual([{ data: Buffer.from(bytes), filename: "bao-cao.xlsx", metadata: { totalSize: bytes.byteLength } }]);
    expect(ref.messageId).toBe(String(h.zalo.sent[0]!.msgId));
  });

  it("gives a file without an extension one, since zca-js picks the upload kind from it", async () => {
    h = await startHarness();
    const ref = await h.adapter.send({ chat: group, text: "", file: { name: "a/b", bytes: new Uint8Array([1]) } });
    expect(h.zalo.sent[0]!.content.attachments).toMatchObject([{ filename: "a_b.bin" }]);
    expect(ref.messageId).toMatch(/^\d+$/);
  });

  it("cannot edit: NotImplementedError", async () => {
    h = await startHarness();
    const ref = await h.adapter.send({ chat: group, text: "x" });
    await expect(h.adapter.edit(ref, "y")).rejects.toBeInstanceOf(NotImplementedError);
  });

  it("reacts to a received message through addReaction with its msgId and cliMsgId", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-quote-reply"));
    await settle();
    await h.adapter.react(group, "7406832199002", "👍");
    expect(h.zalo.reactions).toEqual([
      { icon: Reactions.LIKE, dest: { data: { msgId: "7406832199002", cliMsgId: "1763822700001" }, threadId: GROUP_ID, type: ThreadType.Group } },
    ]);
  });

  it("refuses to react to a message it has no cliMsgId for", async () => {
    h = await startHarness();
    expect((await failure(h.adapter.react(group, "123", "👍"))).failure.kind).toBe("rejected");
    expect(h.zalo.reactions).toEqual([]);
  });

  it("rejects chat ids that are not Zalo threads", async () => {
    h = await startHarness();
    for (const chat of ["telegram:-100123", "zalo:6803247718291045512", "zalo:x:1"]) {
      expect((await failure(h.adapter.send({ chat, text: "x" }))).failure.kind).toBe("rejected");
    }
    expect(h.zalo.sent).toEqual([]);
  });

  it("classifies a send error from zca-js and keeps the cause", async () => {
    h = await startHarness();
    const cause = new ZaloApiError("Bạn chưa thể gửi tin nhắn đến người này vì người này chặn không nhận tin nhắn từ người lạ.", 122);
    h.zalo.failNextSend(USER_UID, cause);
    const error = await failure(h.adapter.send({ chat: `zalo:u:${USER_UID}`, text: "x" }));
    expect(error.failure.kind).toBe("gone");
    expect(error.cause).toBe(cause);
  });
});
