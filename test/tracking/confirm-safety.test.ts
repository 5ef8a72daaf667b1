import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { openDatabase } from "../../src/storage/database.js";
import { createStore } from "../../src/storage/store.js";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { confirmDraft, planTasks } from "../../src/tracking/confirm-draft.js";
import { ingestDraft } from "../../src/tracking/ingest-draft.js";
import { recordReply } from "../../src/tracking/record-reply.js";
import { replyText } from "../../src/tracking/reply-text.js";
import { deliver, MemoryChat } from "./fake-chat.js";
import { dispatch, LEADER, task, world, type World } from "./helpers.js";

let w: World;
beforeEach(async () => {
  w = await world();
  await bindChat(w, { chat: "telegram:-10", by: LEADER, unitQuery: "Sở Y tế" });
  await bindChat(w, { chat: "telegram:-11", by: LEADER, unitQuery: "Sở Nội vụ" });
});
afterEach(async () => { await w.db.close(); });

async function draft() {
  const r = await ingestDraft(w, { forwardedBy: LEADER, parsed: dispatch([task("1", [["Sở Y tế", "lead"]]), task("2", [["Sở Nội vụ", "lead"], ["Sở Y tế", "coordinate"]])]) });
  if (r.code !== "ok") throw new Error(r.code);
  return r.draft;
}

describe("confirm: all or nothing, and exactly-once delivery across a restart", () => {
  it("a failure while building the posts leaves the draft as it was, with no task written", async () => {
    const d = await draft();
    await expect(w.store.dispatches.confirm(d.id, planTasks(d), () => { throw new Error("boom"); }, w.clock.now(), LEADER)).rejects.toThrow("boom");
    expect(await w.db.prisma.task.count()).toBe(0);
    expect(await w.db.prisma.assignment.count()).toBe(0);
    expect(await w.db.prisma.outboxItem.count()).toBe(0);
    expect((await w.store.dispatches.draft(d.id))!.status).toBe("draft");
    expect((await confirmDraft(w, { dispatchId: d.id, by: LEADER })).code).toBe("ok");
  });

  it("killed after confirm and before delivery: the reopened process sends each post once, and replies match them", async () => {
    const d = await draft();
    await confirmDraft(w, { dispatchId: d.id, by: LEADER });
    const chat = new MemoryChat();
    chat.failNext = 1; // the first send attempt dies mid-way: nothing marked sent
    await expect(deliver(w.store.outbox, chat, w.clock)).rejects.toThrow();
    await w.db.close();
    const db = await openDatabase(w.db.url);
    w = { ...w, db, store: createStore(db, w.clock) };
    expect(await deliver(w.store.outbox, chat, w.clock)).toBe(2);
    expect(await deliver(w.store.outbox, chat, w.clock)).toBe(0);
    expect(chat.sent.map((m) => m.chat).sort()).toEqual(["telegram:-10", "telegram:-11"]);
    const post = chat.inChat("telegram:-11")[0]!;
    const r = await recordReply(w, { eventId: "x", chat: "telegram:-11", chatType: "group", messageId: "9", sender: { id: "telegram:7", name: "A" }, text: "Đã hoàn thành", replyTo: { messageId: post.messageId }, attachments: [] });
    expect(replyText(r, translator("vi"))).toBe("✅ Đã ghi nhận Sở Nội vụ hoàn thành nhiệm vụ 2 (164/KH-UBND).");
    // Sở Y tế coordinated task 2: its assignment closed with the lead's.
    const coord = await w.db.prisma.assignment.findFirstOrThrow({ where: { unitId: w.unit("Sở Y tế"), task: { ref: "2" } } });
    expect(coord.status).toBe("done");
  });
});
