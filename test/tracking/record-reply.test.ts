import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handleAction } from "../../src/tracking/button-action.js";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { postTargetsOf, recordReply } from "../../src/tracking/record-reply.js";
import { setRole } from "../../src/tracking/roles.js";
import { deliver, MemoryChat } from "./fake-chat.js";
import { ADMIN, assignDispatch, dispatch, LEADER, OFFICER, STRANGER, task, world, type World } from "./helpers.js";

const YTE = "telegram:-10";
const NOIVU = "telegram:-11";
const HOI = "telegram:-12";
const LEAD_CHAT = "telegram:-500";
let w: World;
let chat: MemoryChat;
let seq = 0;

async function confirmed(tasks = [
  task("II.1", [["Sở Y tế", "lead"], ["Hội Chữ thập đỏ Thành phố", "coordinate"]]),
  task("II.2", [["Sở Y tế", "lead"]], "2023-11-20", "yearly"),
  task("II.3", [["Sở Nội vụ", "lead"]]),
]) {
  await assignDispatch(w, dispatch(tasks), LEAD_CHAT);
  await deliver(w.store.outbox, chat, w.clock);
}

function reply(chatId: string, text: string, replyTo?: string, sender = "telegram:500") {
  return recordReply(w, {
    eventId: `e${++seq}`, chat: chatId, chatType: "group", messageId: `m${seq}`, sender: { id: sender, name: "Cán bộ" },
    text, ...(replyTo ? { replyTo: { messageId: replyTo } } : {}), attachments: [],
  });
}
const postIn = (c: string) => chat.inChat(c)[0]!.messageId;
const statusOf = async (ref: string, unit: string) =>
  (await w.db.prisma.assignment.findFirstOrThrow({ where: { task: { ref, occurrence: 1 }, unitId: w.unit(unit) } })).status;

beforeEach(async () => {
  w = await world();
  chat = new MemoryChat();
  await bindChat(w, { chat: YTE, by: LEADER, unitQuery: "Sở Y tế" });
  await bindChat(w, { chat: NOIVU, by: LEADER, unitQuery: "Sở Nội vụ" });
  await bindChat(w, { chat: HOI, by: LEADER, unitQuery: "Hội Chữ thập đỏ" });
});
afterEach(async () => { await w.db.close(); });

describe("recordReply", () => {
  it("a single-task post: 'da xong' (no diacritics) closes it; the post is matched by the message replied to", async () => {
    await confirmed();
    const r = await reply(NOIVU, "da xong a", postIn(NOIVU));
    expect(r).toMatchObject({ code: "recorded", intent: "done", outcomes: [{ outcome: "closed", task: { ref: "II.3" } }] });
    expect(await statusOf("II.3", "Sở Nội vụ")).toBe("done");
    const again = await reply(NOIVU, "xong rồi", postIn(NOIVU));
    expect(again).toMatchObject({ code: "already_closed", task: { ref: "II.3" } });
  });

  it("the same update on two workers: the one that read 'not processed' before the other committed is a duplicate, not 'already closed'", async () => {
    await confirmed();
    const update = { eventId: "tg:42", chat: NOIVU, chatType: "group" as const, messageId: "m42", sender: { id: "telegram:500", name: "Cán bộ" }, text: "xong", replyTo: { messageId: postIn(NOIVU) }, attachments: [] };
    expect(await recordReply(w, update)).toMatchObject({ code: "recorded" });
    // The second worker's first look at the processed events came before the first worker's commit.
    const replies = w.store.replies;
    let first = true;
    const raced = { ...w, store: { ...w.store, replies: Object.assign(Object.create(replies) as typeof replies, {
      isProcessed: async (id: string) => (first ? ((first = false), false) : replies.isProcessed(id)),
    }) } };
    expect(await recordReply(raced, update)).toEqual({ code: "duplicate_event" });
    // Another message saying the same is still told the task is closed.
    expect(await recordReply(w, { ...update, eventId: "tg:43", messageId: "m43" })).toMatchObject({ code: "already_closed" });
  });

  it("a multi-task post asks which task, accepts 'xong 1', and the lead closes coordinating assignments", async () => {
    await confirmed();
    expect((await reply(YTE, "Đã hoàn thành", postIn(YTE))).code).toBe("which_task");
    expect(await reply(YTE, "xong 5", postIn(YTE))).toMatchObject({ code: "bad_number", numbers: [5], count: 2 });
    // The coordinator reports first: its input, not a closure.
    expect(await reply(HOI, "đã xong phần việc phối hợp", postIn(HOI))).toMatchObject({ code: "recorded" });
    expect(await reply(HOI, "xong", postIn(HOI))).toMatchObject({ code: "recorded", outcomes: [{ outcome: "input" }] });
    expect(await statusOf("II.1", "Hội Chữ thập đỏ Thành phố")).toBe("open");
    const r = await reply(YTE, "XONG 1", postIn(YTE));
    expect(r).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed", task: { ref: "II.1" } }] });
    expect(await statusOf("II.1", "Hội Chữ thập đỏ Thành phố")).toBe("done");
    expect(await statusOf("II.2", "Sở Y tế")).toBe("open");
    const coord = await w.db.prisma.assignment.findFirstOrThrow({ where: { unitId: w.unit("Hội Chữ thập đỏ Thành phố") } });
    expect(coord.lastReportText).toBe("xong"); // its note is kept
  });

  it("'xong 1, 2' closes both tasks of a multi-task post in one go; a mention without a reply lists the open tasks", async () => {
    await confirmed();
    const r = await reply(YTE, "xong 1, 2", postIn(YTE));
    expect(r.code === "recorded" && r.outcomes.map((o) => [o.task.ref, o.outcome])).toEqual([["II.1", "closed"], ["II.2", "closed"]]);
    const mention = await recordReply(w, { eventId: "m1", chat: NOIVU, chatType: "group", messageId: "q", sender: { id: "telegram:5", name: "A" }, text: "@dondoc xong", mentionsBot: true, attachments: [] });
    // Sở Nội vụ has exactly one open task: the mention closes it.
    expect(mention).toMatchObject({ code: "recorded", outcomes: [{ task: { ref: "II.3" }, outcome: "closed" }] });
    const none = await recordReply(w, { eventId: "m2", chat: NOIVU, chatType: "group", messageId: "q2", sender: { id: "telegram:5", name: "A" }, text: "@dondoc xong", mentionsBot: true, attachments: [] });
    expect(none).toEqual({ code: "no_target", open: [] });
  });

  it("never closes on negations, questions, partial reports or unclassifiable text; keeps them as notes", async () => {
    await confirmed();
    for (const text of ["chưa xong", "khong hoan thanh duoc", "sắp xong", "xong chưa?", "hoàn thành 50%", "xong phần 1", "đề nghị các đơn vị khẩn trương hoàn thành", "ok anh"]) {
      const r = await reply(NOIVU, text, postIn(NOIVU));
      expect(r.code, text).toBe("recorded");
      if (r.code === "recorded") expect(r.outcomes[0]!.outcome, text).toBe("note");
    }
    expect(await statusOf("II.3", "Sở Nội vụ")).toBe("open");
    expect(await w.db.prisma.event.count({ where: { type: "reply" } })).toBe(8);
  });

  it("difficulties and questions are kept and passed to the leader's chat through the outbox", async () => {
    await confirmed();
    const r = await reply(NOIVU, "đang vướng kinh phí", postIn(NOIVU));
    expect(r).toMatchObject({ code: "recorded", intent: "difficulty" });
    await deliver(w.store.outbox, chat, w.clock);
    expect(chat.inChat(LEAD_CHAT).map((m) => m.text)).toEqual([expect.stringContaining("đang vướng kinh phí")]);
  });

  it("only the unit's bound chat or its registered officers may report", async () => {
    await confirmed();
    // Someone replying to Sở Nội vụ's post from Sở Y tế's chat (message ids are per chat, so it is unknown there).
    expect((await reply(YTE, "xong", postIn(NOIVU))).code).toBe("unknown_message");
    // A registered officer of Sở Nội vụ may report from a private chat; a stranger may not.
    await setRole(w, { by: ADMIN, userId: OFFICER, role: "officer", grant: true, unitId: w.unit("Sở Nội vụ") });
    const noBinding = "telegram:777";
    await w.db.prisma.post.create({ data: { chatId: noBinding, messageId: "x1", assignmentId: (await w.db.prisma.assignment.findFirstOrThrow({ where: { unitId: w.unit("Sở Nội vụ") } })).id, position: 1 } });
    expect((await reply(noBinding, "xong", "x1", STRANGER)).code).toBe("forbidden");
    expect((await reply(noBinding, "xong", "x1", OFFICER)).code).toBe("recorded");
    // officersOnly: the bound chat alone is no longer enough.
    await w.store.directory.saveSettings({ officersOnly: true });
    expect((await reply(YTE, "xong 2", postIn(YTE))).code).toBe("forbidden");
  });

  it("redelivered events are processed once; chatter that is not a reply is ignored", async () => {
    await confirmed();
    const msg = { eventId: "same", chat: NOIVU, chatType: "group" as const, messageId: "z", sender: { id: "telegram:5", name: "A" }, text: "đang thực hiện", replyTo: { messageId: postIn(NOIVU) }, attachments: [] };
    expect((await recordReply(w, msg)).code).toBe("recorded");
    expect((await recordReply(w, msg)).code).toBe("duplicate_event");
    expect((await reply(NOIVU, "xong")).code).toBe("ignored");
    expect((await reply(NOIVU, "hello", "no-such-message")).code).toBe("unknown_message");
  });

  it("a recurring task gets its next occurrence when it closes; a later reply to the old post reaches it", async () => {
    await confirmed();
    const r = await reply(YTE, "xong 2", postIn(YTE));
    expect(r).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed", nextDeadline: "2024-11-20" }] });
    const next = await w.db.prisma.task.findFirstOrThrow({ where: { ref: "II.2", occurrence: 2 }, include: { assignments: true } });
    expect(next.deadlineDate).toBe("2024-11-20");
    expect(next.assignments.map((a) => a.status)).toEqual(["open"]);
    // The same "xong 2" again within the period: already closed, next year's occurrence untouched.
    expect(await reply(YTE, "xong 2", postIn(YTE))).toMatchObject({ code: "already_closed", task: { ref: "II.2" } });
    // After the closed occurrence's due day, a reply to the old message reaches the current occurrence.
    w.clock.set(new Date("2024-11-01T03:00:00Z"));
    const later = await reply(YTE, "xong 2", postIn(YTE));
    expect(later).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed", nextDeadline: "2025-11-20" }] });
  });

  it("with approval on, a completion waits for the leader's button; done buttons work like 'xong N'", async () => {
    await w.store.directory.saveSettings({ requireApproval: true });
    await confirmed();
    const pressDone = await handleAction(w, { eventId: "b1", chat: NOIVU, chatType: "group", messageId: postIn(NOIVU), sender: { id: "telegram:5", name: "A" }, data: `done:${(await w.db.prisma.assignment.findFirstOrThrow({ where: { unitId: w.unit("Sở Nội vụ") } })).id}` });
    expect(pressDone).toMatchObject({ code: "reply", result: { code: "recorded", outcomes: [{ outcome: "pending_approval" }] } });
    await deliver(w.store.outbox, chat, w.clock);
    const request = chat.inChat(LEAD_CHAT).at(-1)!;
    const approve = request.buttons![0]![0]!.data;
    expect((await handleAction(w, { eventId: "b2", chat: LEAD_CHAT, chatType: "group", messageId: request.messageId, sender: { id: OFFICER, name: "x" }, data: approve })).code).toBe("forbidden");
    expect((await handleAction(w, { eventId: "b3", chat: LEAD_CHAT, chatType: "group", messageId: request.messageId, sender: { id: LEADER, name: "x" }, data: approve })).code).toBe("approved");
    expect(await statusOf("II.3", "Sở Nội vụ")).toBe("done");
    expect((await handleAction(w, { eventId: "b4", chat: LEAD_CHAT, chatType: "group", messageId: request.messageId, sender: { id: LEADER, name: "x" }, data: approve })).code).toBe("nothing_pending");
    expect((await handleAction(w, { eventId: "b5", chat: LEAD_CHAT, chatType: "group", messageId: "1", sender: { id: LEADER, name: "x" }, data: "rm -rf" })).code).toBe("unknown_action");
  });
});

describe("recordReply: unquoted reports with task numbers (decision 0503)", () => {
  const assignmentOf = async (ref: string) => (await w.db.prisma.assignment.findFirstOrThrow({ where: { task: { ref, occurrence: 1 }, unitId: w.unit("Sở Y tế") } })).id;

  it("numbers refer to the newest post in the chat; wrong numbers are answered; questions and chatter are ignored", async () => {
    await confirmed();
    // Without a quote: II.2 is task 2 of Sở Y tế's post, and the answer carries its wording.
    const done = await reply(YTE, "da xong 2");
    expect(done).toMatchObject({ code: "recorded", intent: "done", outcomes: [{ outcome: "closed", task: { ref: "II.2", text: expect.any(String) } }] });
    expect(await statusOf("II.1", "Sở Y tế")).toBe("open");
    expect(await reply(YTE, "xong 3")).toMatchObject({ code: "bad_number", numbers: [3], count: 2 });
    // A one-task message still checks the number: unquoted, the number is all that names the task.
    expect(await reply(NOIVU, "xong 2")).toMatchObject({ code: "bad_number", numbers: [2], count: 1 });
    // A question between colleagues, chatter, and a chat the bot never posted in: not for us.
    expect((await reply(NOIVU, "xong 1 chưa anh?")).code).toBe("ignored");
    expect((await reply(NOIVU, "họp lúc 3 giờ")).code).toBe("ignored");
    expect((await reply("telegram:-99", "xong 1")).code).toBe("ignored");
    // A negation with a number is a note, never a completion.
    expect(await reply(NOIVU, "chưa xong 1")).toMatchObject({ code: "recorded", outcomes: [{ outcome: "note" }] });
    expect(await statusOf("II.3", "Sở Nội vụ")).toBe("open");
  });

  it("a newer digest in the chat renumbers: 'xong 1' then means its task 1", async () => {
    await confirmed();
    // A reminder digest delivered after the post, listing only II.2 (as number 1).
    await w.db.prisma.post.create({ data: { chatId: YTE, messageId: "digest-1", assignmentId: await assignmentOf("II.2"), position: 1, kind: "reminder" } });
    expect(await reply(YTE, "xong 1")).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed", task: { ref: "II.2" } }] });
    expect(await statusOf("II.1", "Sở Y tế")).toBe("open");
    expect(await reply(YTE, "xong 2")).toMatchObject({ code: "bad_number", count: 1 });
    // Quoting the original post still reaches its numbering.
    expect(await reply(YTE, "xong 1", postIn(YTE))).toMatchObject({ code: "recorded", outcomes: [{ outcome: "closed", task: { ref: "II.1" } }] });
  });
});

describe("a reply racing its post's recording (postTargetsOf)", () => {
  it("looks again after 'nothing in flight': the delivery may have been recorded between the two reads", async () => {
    const target = { position: 1, assignment: { id: 7 } };
    const reads: string[] = [];
    // The post's rows and its "sent" commit together, just after the first read of the posts: by the time the store
    // is asked whether a send is in flight, none is — and the post is there.
    let recorded = false;
    const deps = {
      clock: { now: () => new Date("2023-06-05T02:00:00Z") },
      store: {
        replies: {
          postTargets: async () => (reads.push("posts"), recorded ? [target] : []),
          postInFlight: async () => {
            reads.push("in flight?");
            recorded = true;
            return false;
          },
        },
      },
    } as unknown as Parameters<typeof postTargetsOf>[0];
    expect(await postTargetsOf(deps, "telegram:-501", "3")).toEqual([target]);
    expect(reads).toEqual(["posts", "in flight?", "posts"]);
  });
});
