import { afterEach, describe, expect, it } from "vitest";
import type { InboundMessage } from "../../../src/chat/port.js";
import { BOT_UID, GROUP_ID, groupMessage, settle, USER_NAME, USER_UID, userMessage } from "./fake-zalo.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function delivered(): Promise<InboundMessage[]> {
  await settle();
  await h.adapter.idle();
  return h.inbound.filter((e): e is InboundMessage => e.kind === "message");
}

describe("Zalo inbound messages", () => {
  it("turns a group text (zca-js GroupMessage) into an InboundMessage", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-text"));
    const [event, ...rest] = await delivered();
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      kind: "message",
      eventId: "zalo:msg:7406832168330",
      chat: `zalo:g:${GROUP_ID}`,
      chatType: "group",
      chatTitle: "Phòng Tổng hợp - Văn phòng Tỉnh uỷ",
      messageId: "7406832168330",
      sender: { id: `zalo:${USER_UID}`, name: USER_NAME },
      text: "Phòng <A&B> đã nhận nhiệm vụ, *đang* triển khai",
      attachments: [],
    });
    expect(event!.at.toISOString()).toBe(new Date(1763822400456).toISOString());
    expect(event!.replyTo).toBeUndefined();
    expect(event!.mentionsBot).toBeUndefined();
  });

  it("looks up a group's title once, not once per message", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-text"));
    h.zalo.receive(groupMessage("group-text", { msgId: "7406832168331" }));
    expect((await delivered()).map((e) => e.chatTitle)).toEqual(["Phòng Tổng hợp - Văn phòng Tỉnh uỷ", "Phòng Tổng hợp - Văn phòng Tỉnh uỷ"]);
    expect(h.zalo.groupInfoCalls).toBe(1);
  });

  it("turns a private message (UserMessage) into a private-chat event keyed by the sender's thread", async () => {
    h = await startHarness();
    h.zalo.receive(userMessage("user-text"));
    const [event] = await delivered();
    expect(event).toMatchObject({ chat: `zalo:u:${USER_UID}`, chatType: "private", text: "/baocao 45-KH/TU", sender: { id: `zalo:${USER_UID}` } });
    expect(event!.chatTitle).toBeUndefined();
  });

  it("passes a quote's globalMsgId, cliMsgId and quoted text as replyTo", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-quote-reply"));
    const [event] = await delivered();
    expect(event!.text).toBe("da xong");
    // The quoted message is not one the adapter knows: it reports the global id and keeps the other handles.
    expect(event!.replyTo).toEqual({
      messageId: "7406832177777",
      text: "Nhiệm vụ 3: Báo cáo kết quả thực hiện Kế hoạch số 45-KH/TU",
      altIds: ["1763822600500"],
    });
  });

  it("resolves a quote of the bot's own message by its client id when the global id differs", async () => {
    let clock = 1763822600400;
    h = await startHarness({ adapter: { now: () => (clock += 100) } });
    const task = await h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "Nhiệm vụ 3: Báo cáo" });
    // sendMessage picked cliMsgId = Date.now() during the call, i.e. inside [1763822600500, 1763822600600].
    h.zalo.receive(groupMessage("group-quote-reply", { quote: { ...groupMessage("group-quote-reply").data.quote!, globalMsgId: 123, cliMsgId: 1763822600550 } }));
    const [event] = await delivered();
    expect(event!.replyTo?.messageId).toBe(task.messageId);
    expect(event!.replyTo?.altIds).toEqual(["123", "1763822600550"]);
  });

  it("sets mentionsBot when the bot is @mentioned", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-mention"));
    h.zalo.receive(groupMessage("group-mention", { msgId: "7406832200102", mentions: [{ uid: USER_UID, pos: 0, len: 4, type: 0 }] }));
    const [mentioned, other] = await delivered();
    expect(mentioned!.mentionsBot).toBe(true);
    expect(mentioned!.text).toBe("tiến độ 3: đã gửi dự thảo"); // the mention of the bot itself is cut out
    expect(other!.mentionsBot).toBeUndefined();
  });

  it("exposes a shared file as an attachment that downloads its href on demand", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-file"));
    const [event] = await delivered();
    expect(event!.text).toBe("");
    expect(event!.attachments).toHaveLength(1);
    const file = event!.attachments[0]!;
    expect(file).toMatchObject({
      name: "Bao cao ket qua Q4.docx",
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      size: 23456,
    });
    expect(h.downloads).toEqual([]);
    const bytes = await file.fetch();
    expect(new TextDecoder().decode(bytes)).toBe("bytes of https://f21-zpc.zdn.vn/1234567890/abcdef/Bao_cao_ket_qua_Q4.docx");
  });

  it("reports a failed download instead of returning an empty file", async () => {
    h = await startHarness({ adapter: { fetch: async () => ({ ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) }) } });
    h.zalo.receive(groupMessage("group-file"));
    const [event] = await delivered();
    await expect(event!.attachments[0]!.fetch()).rejects.toThrow(/404/);
  });

  it("ignores the bot's own messages and delivers a redelivered message once", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-text", { uidFrom: "0", msgId: "1" }));
    h.zalo.receive(groupMessage("group-text"));
    h.zalo.receive(groupMessage("group-text"));
    const events = await delivered();
    expect(events.map((e) => e.messageId)).toEqual(["7406832168330"]);
  });

  it("keeps arrival order even when the core is slow", async () => {
    const order: string[] = [];
    h = await startHarness({
      adapter: {
        onInbound: async (event) => {
          if (event.kind !== "message") return;
          if (event.messageId === "1") await new Promise((r) => setTimeout(r, 20));
          order.push(event.messageId);
        },
      },
    });
    h.zalo.receive(groupMessage("group-text", { msgId: "1" }));
    h.zalo.receive(groupMessage("group-text", { msgId: "2" }));
    await settle();
    await h.adapter.idle();
    expect(order).toEqual(["1", "2"]);
  });

  it("hands reactions to onReaction with the reacted message's id", async () => {
    h = await startHarness();
    const { Reaction } = await import("zca-js");
    const { fixture } = await import("./fake-zalo.js");
    h.zalo.current.listener.emit("reaction", new Reaction(BOT_UID, fixture("group-reaction") as never, true));
    await settle();
    expect(h.reactions).toEqual([
      { chat: `zalo:g:${GROUP_ID}`, messageId: "7406832177777", sender: { id: `zalo:${USER_UID}`, name: USER_NAME }, emoji: "👍", at: new Date(1763823100400) },
    ]);
  });
});
