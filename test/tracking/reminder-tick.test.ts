import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import { createStore } from "../../src/storage/store.js";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { recordReply } from "../../src/tracking/record-reply.js";
import { reminderTick } from "../../src/tracking/reminder-tick.js";
import { deliver, MemoryChat } from "./fake-chat.js";
import { assignDispatch, dispatch, LEADER, task, world, type World } from "./helpers.js";

const YTE = "telegram:-10";
const NOIVU = "telegram:-11";
const LEAD_CHAT = "telegram:-500";
let w: World;
let chat: MemoryChat;
/** 08:30 in Hà Nội on `day`. */
const at = (day: string, hhmm = "08:30") => new Date(`${day}T${hhmm}:00+07:00`);

beforeEach(async () => {
  w = await world();
  chat = new MemoryChat();
  await bindChat(w, { chat: YTE, by: LEADER, unitQuery: "Sở Y tế" });
  await bindChat(w, { chat: NOIVU, by: LEADER, unitQuery: "Sở Nội vụ" });
  await assignDispatch(w, dispatch([
    task("1", [["Sở Y tế", "lead"]], "2023-06-20"),
    task("2", [["Sở Y tế", "lead"]], "2023-06-20"),
    task("3", [["Sở Nội vụ", "lead"]], "2023-06-25"), // a Sunday
    task("4", [["Sở Nội vụ", "lead"]], "2023-07-03"), // a Monday just after the month end
    task("5", [["Sở Nội vụ", "lead"]], null),
  ]), LEAD_CHAT);
  await deliver(w.store.outbox, chat, w.clock);
  chat.sent.length = 0;
});
afterEach(async () => { await w.db.close(); });

async function tickAt(when: Date) {
  w.clock.set(when);
  const r = await reminderTick(w);
  await deliver(w.store.outbox, chat, w.clock);
  return r;
}

describe("reminderTick", () => {
  it("sends nothing before 08:00 and one digest per unit chat at T-7, never twice the same day", async () => {
    expect((await tickAt(at("2023-06-13", "07:59"))).messages).toBe(0);
    const r = await tickAt(at("2023-06-13"));
    expect(r).toMatchObject({ reminders: 2, messages: 1 });
    const [digest] = chat.inChat(YTE);
    expect(digest!.text).toContain("1. [164/KH-UBND · 1]");
    expect(digest!.text).toContain("còn 7 ngày (hạn 20/06/2023)");
    expect((await tickAt(at("2023-06-13", "09:00"))).messages).toBe(0);
    expect(chat.sent).toHaveLength(1);
  });

  it("moves a reminder that falls on a weekend to the Friday before, across the month end", async () => {
    const fri = await tickAt(at("2023-06-23"));
    expect(fri.reminders).toBeGreaterThan(0);
    const text = chat.inChat(NOIVU).map((m) => m.text).join("\n");
    expect(text).toContain("[164/KH-UBND · 3]"); // due Sunday 25/06: reminded Friday
    expect(text).toContain("còn 2 ngày (hạn 25/06/2023)");
    expect((await tickAt(at("2023-06-24"))).messages).toBe(0); // Saturday: nothing
    chat.sent.length = 0;
    await tickAt(at("2023-06-30")); // Friday 30/06: T-3 of Monday 03/07
    expect(chat.inChat(NOIVU).map((m) => m.text).join("\n")).toContain("[164/KH-UBND · 4]");
  });

  it("an office day off from the settings (a bridge Friday) moves the reminder to the working day before", async () => {
    await w.store.directory.saveSettings({ reminders: { offsetsDays: [7, 3, 1], hour: 8, overdueEveryWorkingDay: true, extraDaysOff: ["2023-06-23"], extraWorkingDays: [] } });
    await tickAt(at("2023-06-22"));
    expect(chat.inChat(NOIVU).map((m) => m.text).join("\n")).toContain("còn 3 ngày (hạn 25/06/2023)");
    chat.sent.length = 0;
    expect((await tickAt(at("2023-06-23"))).messages).toBe(0);
  });

  it("overdue tasks are reminded every working day and the leader gets an overdue digest", async () => {
    await tickAt(at("2023-06-21"));
    expect(chat.inChat(YTE)[0]!.text).toContain("quá hạn 1 ngày");
    expect(chat.inChat(LEAD_CHAT)[0]!.text).toMatch(/QUÁ HẠN CHƯA HOÀN THÀNH.*\(2 nhiệm vụ\)/);
    chat.sent.length = 0;
    await tickAt(at("2023-06-22"));
    expect(chat.inChat(YTE)[0]!.text).toContain("quá hạn 2 ngày");
  });

  it("a recurring task whose due day passed while open gets its next occurrence once; closing the old one adds none", async () => {
    await assignDispatch(w, dispatch([task("M", [["Sở Y tế", "lead"]], "2023-06-20", "monthly")], { number: "7/KH" }), LEAD_CHAT);
    await deliver(w.store.outbox, chat, w.clock);
    const post = chat.inChat(YTE).at(-1)!;
    expect((await tickAt(at("2023-06-21"))).rolled).toBe(1);
    expect((await tickAt(at("2023-06-22"))).rolled).toBe(0);
    const occurrences = await w.db.prisma.task.findMany({ where: { ref: "M" }, orderBy: { occurrence: "asc" } });
    expect(occurrences.map((t) => [t.occurrence, t.deadlineDate, t.status])).toEqual([[1, "2023-06-20", "open"], [2, "2023-07-20", "open"]]);
    const late = await recordReply(w, { eventId: "late", chat: YTE, chatType: "group", messageId: "u9", sender: { id: "telegram:8", name: "B" }, text: "xong", replyTo: { messageId: post.messageId }, attachments: [] });
    expect(late).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed", task: { ref: "M", deadline: "2023-06-20" } }] });
    expect(await w.db.prisma.task.count({ where: { ref: "M" } })).toBe(2);
  });

  it("a new occurrence opens from the reminder hour, not at midnight, and its unit is told (issue 10)", async () => {
    await assignDispatch(w, dispatch([task("Q", [["Sở Y tế", "lead"]], "2023-06-20", "monthly")], { number: "9/KH" }), LEAD_CHAT);
    await deliver(w.store.outbox, chat, w.clock);
    chat.sent.length = 0;
    expect((await tickAt(at("2023-06-21", "00:10"))).rolled).toBe(0);
    expect((await tickAt(at("2023-06-21", "07:50"))).rolled).toBe(0);
    expect((await tickAt(at("2023-06-21"))).rolled).toBe(1);
    const told = chat.inChat(YTE).map((m) => m.text).filter((text) => /^🔁 Kỳ mới/.test(text));
    expect(told).toEqual([expect.stringMatching(/^🔁 Kỳ mới của nhiệm vụ định kỳ — Sở Y tế:\n• \[9\/KH · Q\] .* — hạn 20\/07\/2023$/)]);
  });

  it("a monthly task due on the 31st keeps the 31st after February (each roll-over counts from the first due day)", async () => {
    await assignDispatch(w, dispatch([task("M31", [["Sở Y tế", "lead"]], "2024-01-31", "monthly")], { number: "8/KH" }), LEAD_CHAT);
    expect((await tickAt(at("2024-02-01"))).rolled).toBe(1);
    expect((await tickAt(at("2024-03-01"))).rolled).toBe(1);
    expect((await tickAt(at("2024-04-01"))).rolled).toBe(1);
    const occurrences = await w.db.prisma.task.findMany({ where: { ref: "M31" }, orderBy: { occurrence: "asc" } });
    expect(occurrences.map((t) => t.deadlineDate)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]);
  });

  it("'xong 2' replying to a digest closes the second task listed in it", async () => {
    await tickAt(at("2023-06-13"));
    const digest = chat.inChat(YTE)[0]!;
    const r = await recordReply(w, { eventId: "r1", chat: YTE, chatType: "group", messageId: "u1", sender: { id: "telegram:8", name: "B" }, text: "xong 2", replyTo: { messageId: digest.messageId }, attachments: [] });
    expect(r).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed", task: { ref: "2" } }] });
    chat.sent.length = 0;
    await tickAt(at("2023-06-21"));
    expect(chat.inChat(YTE)[0]!.text).not.toContain("· 2]");
  });

  it("restart safety: killed after enqueue and before send, the reopened process sends each digest exactly once", async () => {
    w.clock.set(at("2023-06-13"));
    const r = await reminderTick(w);
    expect(r.messages).toBe(1);
    await w.db.close(); // "killed": nothing delivered
    const db = await openDatabase(w.db.url);
    const store = createStore(db, w.clock);
    expect((await reminderTick({ store, clock: w.clock })).messages).toBe(0); // the tick after restart adds nothing
    expect(await deliver(store.outbox, chat, w.clock)).toBe(1);
    expect(await deliver(store.outbox, chat, w.clock)).toBe(0);
    expect(chat.sent).toHaveLength(1);
    w = { ...w, db, store };
  });
});
