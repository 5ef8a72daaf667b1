import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { recordReply } from "../../src/tracking/record-reply.js";
import { deliver, MemoryChat } from "./fake-chat.js";
import { assignDispatch, dispatch, LEADER, task, world, type World } from "./helpers.js";

// "Báo cáo hằng tháng, hạn ngày 31": closing each month's occurrence must keep the series on the month's last day
// (31/01 → 29/02 → 31/03), not drift to the 29th after February.
const YTE = "telegram:-10";
let w: World;
let chat: MemoryChat;
let seq = 0;

beforeEach(async () => {
  w = await world();
  w.clock.set(new Date("2024-01-10T02:00:00Z"));
  chat = new MemoryChat();
  await bindChat(w, { chat: YTE, by: LEADER, unitQuery: "Sở Y tế" });
  await assignDispatch(w, dispatch([task("1", [["Sở Y tế", "lead"]], "2024-01-31", "monthly")], { date: "2024-01-10" }));
  await deliver(w.store.outbox, chat, w.clock);
});
afterEach(async () => { await w.db.close(); });

const done = () =>
  recordReply(w, {
    eventId: `e${++seq}`, chat: YTE, chatType: "group", messageId: `m${seq}`, sender: { id: "telegram:500", name: "Cán bộ" },
    text: "xong", replyTo: { messageId: chat.inChat(YTE)[0]!.messageId }, attachments: [],
  });

describe("closing a monthly task due on the 31st", () => {
  it("moves the next occurrence to each month's last day", async () => {
    expect(await done()).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed", nextDeadline: "2024-02-29" }] });
    w.clock.set(new Date("2024-02-20T02:00:00Z"));
    expect(await done()).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed", nextDeadline: "2024-03-31" }] });
  });
});
