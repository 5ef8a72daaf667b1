import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { recordReply } from "../../src/tracking/record-reply.js";
import { deliver, MemoryChat } from "./fake-chat.js";
import { assignDispatch, dispatch, LEADER, task, world, type World } from "./helpers.js";

// A task led by several units ("Sở Y tế, Sở Nội vụ chủ trì …", or a collective expanded to every sở) is done for
// each lead unit when that unit reports, and as a whole only when every lead unit has.
const YTE = "telegram:-10";
const NOIVU = "telegram:-11";
const HOI = "telegram:-12";
let w: World;
let chat: MemoryChat;
let seq = 0;

const reply = (chatId: string, text: string) =>
  recordReply(w, {
    eventId: `e${++seq}`, chat: chatId, chatType: "group", messageId: `m${seq}`, sender: { id: "telegram:500", name: "Cán bộ" },
    text, replyTo: { messageId: chat.inChat(chatId)[0]!.messageId }, attachments: [],
  });
const statusOf = async (unit: string) =>
  (await w.db.prisma.assignment.findFirstOrThrow({ where: { task: { ref: "2" }, unitId: w.unit(unit) } })).status;
const taskStatus = async () => (await w.db.prisma.task.findFirstOrThrow({ where: { ref: "2" } })).status;

beforeEach(async () => {
  w = await world();
  chat = new MemoryChat();
  for (const [c, unit] of [[YTE, "Sở Y tế"], [NOIVU, "Sở Nội vụ"], [HOI, "Hội Chữ thập đỏ"]] as const) {
    await bindChat(w, { chat: c, by: LEADER, unitQuery: unit });
  }
  await assignDispatch(w, dispatch([task("2", [["Sở Y tế", "lead"], ["Sở Nội vụ", "lead"], ["Hội Chữ thập đỏ Thành phố", "coordinate"]])]));
  await deliver(w.store.outbox, chat, w.clock);
});
afterEach(async () => { await w.db.close(); });

describe("a task with several lead units", () => {
  it("closes per lead unit, and as a whole (with its coordinators) only when the last lead reports", async () => {
    expect(await reply(YTE, "đã hoàn thành")).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed" }] });
    expect(await statusOf("Sở Y tế")).toBe("done");
    expect(await statusOf("Sở Nội vụ")).toBe("open");
    expect(await statusOf("Hội Chữ thập đỏ Thành phố")).toBe("open");
    expect(await taskStatus()).toBe("open");

    // The other lead unit's group still sees its own task as open.
    expect(await reply(NOIVU, "chưa xong, đang tổng hợp")).toMatchObject({ code: "recorded", outcomes: [{ outcome: "note" }] });
    expect(await statusOf("Sở Nội vụ")).toBe("open");

    expect(await reply(NOIVU, "xong")).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed" }] });
    expect(await statusOf("Sở Nội vụ")).toBe("done");
    expect(await statusOf("Hội Chữ thập đỏ Thành phố")).toBe("done");
    expect(await taskStatus()).toBe("done");
  });
});
