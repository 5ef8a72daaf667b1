// Replay: inbound payloads in the shapes zca-js 2.2.0 emits them — the WebSocket's decoded message objects (JSON
// fixtures in test/fixtures/zalo) wrapped in zca-js's own GroupMessage/UserMessage classes exactly as its Listener does
// (listen.js: cmd 501/521 → "message", cmd 510/511 → "old_messages") — played through the real adapter.
import { afterEach, describe, expect, it } from "vitest";
import { GroupEventType, initializeGroupEvent, ThreadType, Undo } from "zca-js";
import type { InboundMessage } from "../../../src/chat/port.js";
import { BOT_UID, fixture, GROUP_ID, groupMessage, settle, userMessage } from "./fake-zalo.js";
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

type Expected = { text: string; attachments: Array<{ name: string; mime?: string; size?: number }>; chatType: "group" | "private" };

const LIVE: Array<[string, "group" | "user", Expected]> = [
  ["group-text", "group", { text: "Phòng <A&B> đã nhận nhiệm vụ, *đang* triển khai", attachments: [], chatType: "group" }],
  ["user-text", "user", { text: "/baocao 45-KH/TU", attachments: [], chatType: "private" }],
  // chat.recommended: what a text with a link becomes. The reply is the typed text, not a file.
  ["group-link", "group", { text: "xong 3 https://drive.google.com/file/d/1AbCdEf/view", attachments: [], chatType: "group" }],
  ["group-link-bare", "group", { text: "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", attachments: [], chatType: "group" }],
  ["group-file", "group", { text: "", attachments: [{ name: "Bao cao ket qua Q4.docx", size: 23456 }], chatType: "group" }],
  ["group-photo", "group", { text: "Ảnh biên bản họp xong 2", attachments: [{ name: "anh-7406832600301.jpg", mime: "image/jpeg" }], chatType: "group" }],
];

describe("Zalo replay: live messages as zca-js 2.2.0 emits them", () => {
  it.each(LIVE)("%s", async (name, kind, expected) => {
    h = await startHarness();
    h.zalo.receive(kind === "group" ? groupMessage(name) : userMessage(name));
    const [event, ...rest] = await delivered();
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ text: expected.text, chatType: expected.chatType });
    expect(event!.attachments.map((a) => ({ name: a.name, ...(a.mime ? { mime: a.mime } : {}), ...(a.size ? { size: a.size } : {}) }))).toEqual(
      expected.attachments.map((a) => ({ ...a, ...(a.name.endsWith(".docx") ? { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } : {}) })),
    );
  });

  it("a quoted reply carries the quote's ids and text", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-quote-reply"));
    const [event] = await delivered();
    expect(event!.replyTo).toMatchObject({ messageId: "7406832177777" });
  });

  it("a mention of the bot is cut from the text and flagged", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-mention"));
    const [event] = await delivered();
    expect(event!.mentionsBot).toBe(true);
  });
});

describe("Zalo replay: events the adapter does not act on", () => {
  it("a member joining (group_event) and a recalled message (undo) deliver nothing and break nothing", async () => {
    h = await startHarness();
    const join = initializeGroupEvent(BOT_UID, fixture("group-event-join") as never, GroupEventType.JOIN, "join");
    expect(join.threadId).toBe(GROUP_ID);
    h.zalo.current.listener.emit("group_event", join);
    const recalled = fixture("group-text");
    h.zalo.current.listener.emit("undo", new Undo(BOT_UID, { ...recalled, content: { deleteMsg: 1, globalMsgId: recalled.msgId } } as never, true));
    h.zalo.receive(groupMessage("group-text"));
    const events = await delivered();
    expect(events.map((e) => e.messageId)).toEqual(["7406832168330"]);
    expect(h.zalo.uncaught).toEqual([]);
  });
});

describe("Zalo replay: old_messages after an outage", () => {
  it("a batch of group and private messages (cmd 511/510) is delivered once, links read as text", async () => {
    const CLOCK = 1763823300000;
    h = await startHarness({
      start: false,
      adapter: { now: () => CLOCK, oldMessagesTimeoutMs: 50 },
      setup: (z) => {
        z.oldMessages = [groupMessage("group-link"), groupMessage("group-file"), userMessage("user-text"), groupMessage("group-link")];
      },
    });
    await h.adapter.start({ catchUpSince: new Date(CLOCK - 30 * 60_000) });
    for (let i = 0; i < 200 && h.inbound.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const events = await delivered();
    expect(events.map((e) => [e.chat, e.text])).toEqual([
      ["zalo:u:5120398477612347789", "/baocao 45-KH/TU"],
      [`zalo:g:${GROUP_ID}`, "xong 3 https://drive.google.com/file/d/1AbCdEf/view"],
      [`zalo:g:${GROUP_ID}`, ""],
    ]);
    expect(h.zalo.current.listener.oldRequests.map((r) => r.type)).toEqual([ThreadType.User, ThreadType.Group]);
  });
});
