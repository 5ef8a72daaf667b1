import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { recordReply } from "../../src/tracking/record-reply.js";
import { findPeriod, notYetBegun } from "../../src/reports/period.js";
import { chatReport, reportNow } from "../../src/tracking/status-report.js";
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

describe("a period's report and the next occurrence (issue 12)", () => {
  it("an occurrence whose own month has not begun is not counted 'đang thực hiện', this quarter or in plain /baocao; from its month on it is", async () => {
    // January's report handed in early, on 10/01: February's occurrence (due 29/02) exists, but February has not begun.
    await done();
    const quarter = findPeriod("quý 1/2024", "2024-01-10")!.period;
    const early = (await reportNow(w, { kind: "unit", unitId: w.unit("Sở Y tế") }, quarter))!;
    expect(early.lines.map((l) => [l.row.deadlineDate, l.status])).toEqual([["2024-01-31", "done_on_time"]]);
    expect(early.counts.in_progress).toBe(0);
    // The chat report of the period says the same.
    expect((await chatReport(w, { kind: "unit", unitId: w.unit("Sở Y tế") }, 50, quarter))!.counts).toEqual(early.counts);
    // Plain /baocao, without a period, says the same: February's occurrence is not 'đang thực hiện' before February,
    // in the chat report counted in the database as in the full report.
    const plain = (await reportNow(w, { kind: "unit", unitId: w.unit("Sở Y tế") }))!;
    expect(plain.lines.map((l) => [l.row.deadlineDate, l.status])).toEqual([["2024-01-31", "done_on_time"]]);
    const plainChat = (await chatReport(w, { kind: "unit", unitId: w.unit("Sở Y tế") }, 50))!;
    expect(plainChat.counts).toEqual(plain.counts);
    expect(plainChat.counts.in_progress).toBe(0);
    expect(plainChat.lines.map((l) => l.row.deadlineDate)).toEqual(["2024-01-31"]);
    expect((await chatReport(w, { kind: "all" }, 50))!.tasks).toBe(1);

    // On 01/02 February's occurrence has begun: in progress this quarter.
    w.clock.set(new Date("2024-02-01T02:00:00Z"));
    const later = (await reportNow(w, { kind: "unit", unitId: w.unit("Sở Y tế") }, quarter))!;
    expect(later.lines.map((l) => [l.row.deadlineDate, l.status])).toEqual([["2024-02-29", "in_progress"], ["2024-01-31", "done_on_time"]]);
    const laterChat = (await chatReport(w, { kind: "unit", unitId: w.unit("Sở Y tế") }, 50))!;
    expect(laterChat.counts.in_progress).toBe(1);
    expect(laterChat.lines.map((l) => l.row.deadlineDate)).toEqual(["2024-02-29", "2024-01-31"]);
  });

  it("notYetBegun: open later occurrences until the day after the previous due day", () => {
    expect(notYetBegun({ completedAt: null, startsAfter: "2024-01-31" }, "2024-01-31")).toBe(true);
    expect(notYetBegun({ completedAt: null, startsAfter: "2024-01-31" }, "2024-02-01")).toBe(false);
    expect(notYetBegun({ completedAt: new Date("2024-01-20T02:00:00Z"), startsAfter: "2024-01-31" }, "2024-01-20")).toBe(false);
    expect(notYetBegun({ completedAt: null, startsAfter: null }, "2024-01-10")).toBe(false);
    expect(notYetBegun({ completedAt: null }, "2024-01-10")).toBe(false);
  });
});
