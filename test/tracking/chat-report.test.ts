import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import type { Report } from "../../src/reports/report.js";
import { renderReportText } from "../../src/reports/render-text.js";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { recordReply } from "../../src/tracking/record-reply.js";
import { chatReport, reportNow, type ReportRequest } from "../../src/tracking/status-report.js";
import { deliver, MemoryChat } from "./fake-chat.js";
import { assignDispatch, dispatch, LEADER, task, world, type World } from "./helpers.js";

const YT = "Sở Y tế";
const NV = "Sở Nội vụ";
const LD = "Sở Lao động - Thương binh và Xã hội";
const CHATS: Record<string, string> = { [YT]: "telegram:-10", [NV]: "telegram:-11", [LD]: "telegram:-12" };

let w: World;
let chat: MemoryChat;
let seq = 0;
const ids: Record<string, number> = {};

beforeEach(async () => {
  w = await world();
  chat = new MemoryChat();
  for (const [unit, c] of Object.entries(CHATS)) await bindChat(w, { chat: c, by: LEADER, unitQuery: unit });
  // Ties on purpose: several items due the same day, two lead units on one item, refs that sort numerically
  // ("2" < "10", "II.1" < "II.2"), two dispatches whose numbers sort against their ids.
  ids.a = await assignDispatch(w, dispatch([
    task("1", [[YT, "lead"], [NV, "coordinate"]], "2023-06-10"),
    task("2", [[NV, "lead"], [LD, "coordinate"]], "2023-06-10"),
    task("10", [[YT, "lead"], [NV, "lead"]], "2023-06-10"),
    task("3", [[NV, "lead"]], "2023-06-30"),
    task("II.2", [[LD, "lead"], [YT, "coordinate"]], "2023-06-30"),
    task("II.1", [[LD, "lead"]], "2023-06-30"),
    task("4", [[YT, "lead"]], null),
    task("5", [[LD, "lead"], [NV, "coordinate"]], null),
  ]));
  ids.b = await assignDispatch(w, dispatch([
    task("1", [[NV, "lead"], [YT, "coordinate"]], "2023-06-10"),
    task("2", [[LD, "lead"]], "2023-07-20"),
    task("3", [[YT, "lead"]], "2023-06-30"),
  ], { number: "12/KH-UBND", subject: "Kế hoạch thứ hai" }));
  ids.c = await assignDispatch(w, dispatch([task("1", [[YT, "lead"]], "2023-06-12")], { number: "9/CV-UBND", subject: "Xong hết" }));
  await deliver(w.store.outbox, chat, w.clock);
});
afterEach(async () => { await w.db.close(); });

/** The lead unit closes item `ref` of dispatch `number`: "xong" to its post, then the item's position if asked. */
async function close(unit: string, number: string, ref: string): Promise<void> {
  const c = CHATS[unit]!;
  for (const m of chat.inChat(c).filter((x) => x.text.includes(number))) {
    const send = (text: string) => recordReply(w, { eventId: `e${++seq}`, chat: c, chatType: "group", messageId: `m${seq}`, sender: { id: "telegram:9", name: "x" }, text, replyTo: { messageId: m.messageId }, attachments: [] });
    const r = await send("xong");
    if (r.code === "recorded") { // a one-item post closes at once
      expect(r.outcomes.map((o) => [o.outcome, o.task.ref])).toEqual([["closed", ref]]);
      return;
    }
    const option = r.code === "which_task" ? r.options.find((o) => o.ref === ref && o.number === number) : undefined;
    if (!option) continue;
    const done = await send(`xong ${option.position}`);
    expect(done.code === "recorded" && done.outcomes[0]?.outcome).toBe("closed");
    return;
  }
  throw new Error(`no post of ${number} item ${ref} in ${unit}'s chat`);
}

/** What a reader of the chat report sees: every field but the lines past the first `n`. */
function visible(r: Report, n: number) {
  return {
    kind: r.kind, subject: r.subject, day: r.day, counts: r.counts, coordinating: r.coordinating,
    byLeadUnit: r.byLeadUnit.map((u) => [u.unitName, u.counts]), byUnit: r.byUnit.map((u) => [u.unitName, u.lines]),
    lines: r.lines.slice(0, n).map((l) => [l.row.id, l.row.dispatchNumber, l.row.taskRef, l.row.unitName, l.row.role, l.status, l.daysLeft, l.row.lastReportText]),
    total: r.linesTotal ?? r.lines.length,
  };
}

describe("chatReport (counts in SQLite, most urgent lines by ORDER BY … LIMIT)", () => {
  it("equals the full buildReport's counts, units and first N lines, the 23:30 Hà Nội boundary included", async () => {
    w.clock.set(new Date("2023-06-10T16:30:00Z")); // 23:30 in Hà Nội on the due day: on time
    await close(YT, "164/KH-UBND", "1");
    w.clock.set(new Date("2023-06-10T17:30:00Z")); // 00:30 the next day: late
    await close(NV, "164/KH-UBND", "2");
    w.clock.set(new Date("2023-06-11T02:00:00Z"));
    await close(YT, "9/CV-UBND", "1"); // dispatch c is now fully done: not among "still open" dispatches
    await close(LD, "164/KH-UBND", "5"); // no deadline, done
    const progress = await recordReply(w, { eventId: "p1", chat: CHATS[LD]!, chatType: "group", messageId: "p1", sender: { id: "telegram:9", name: "x" }, text: "tiến độ 1: đang thực hiện, đạt 60%", replyTo: { messageId: chat.inChat(CHATS[LD]!).find((m) => m.text.includes("12/KH-UBND"))!.messageId }, attachments: [] });
    expect(progress.code).toBe("recorded");
    w.clock.set(new Date("2023-06-30T16:59:00Z")); // 23:59 on 2023-06-30: items due that day are still in time

    const requests: ReportRequest[] = [
      { kind: "all" }, { kind: "open_dispatches" }, { kind: "dispatch", dispatchId: ids.a! }, { kind: "dispatch", dispatchId: ids.c! },
      { kind: "unit", unitId: w.unit(NV) }, { kind: "unit", unitId: w.unit("UBND quận Ba Đình") }, { kind: "overdue" }, { kind: "not_reported" },
    ];
    const t = translator("vi");
    for (const now of ["2023-06-30T16:59:00Z", "2023-06-30T17:01:00Z"]) {
      w.clock.set(new Date(now));
      for (const request of requests) {
        const full = (await reportNow(w, request))!;
        for (const n of [1, 2, 3, 4, 6, 9, 50]) {
          const fast = (await chatReport(w, request, n))!;
          const label = `${now} ${JSON.stringify(request)} first ${n}`;
          expect(fast.lines.length, label).toBe(Math.min(n, full.lines.length));
          // Distinct tasks (issue 12: "N nhiệm vụ, M lượt giao"), counted by SQLite, equal the full report's.
          expect(fast.tasks, label).toBe(full.tasks);
          expect(visible(fast, n), label).toEqual(visible(full, n));
          expect(renderReportText(fast, t, { maxLines: n }), label).toEqual(renderReportText(full, t, { maxLines: n }));
        }
      }
    }

    // The data really is mixed, so the comparison above covers every category.
    const all = (await reportNow(w, { kind: "all" }))!;
    expect(all.counts).toEqual({ total: 13, done_on_time: 2, done_late: 1, done: 1, overdue: 7, no_deadline: 1, in_progress: 1 }); // at 00:01 on 2023-07-01
    expect((await chatReport(w, { kind: "open_dispatches" }))!.linesTotal).toBe(all.lines.length - 1);
    expect(await chatReport(w, { kind: "dispatch", dispatchId: 999 })).toBeNull();
    // What the chat resolves a số ký hiệu against: the dispatches with rows, in the order the rows come.
    const firstOf = new Map<number, number>();
    for (const r of await w.store.reports.rows({ kind: "all" })) if (!firstOf.has(Number(r.dispatchId))) firstOf.set(Number(r.dispatchId), firstOf.size);
    expect((await w.store.reports.assignedDispatches()).map((d) => [d.id, d.number])).toEqual([[ids.a, "164/KH-UBND"], [ids.b, "12/KH-UBND"], [ids.c, "9/CV-UBND"]]);
    expect([...firstOf.keys()]).toEqual([ids.a, ids.b, ids.c]);
  });
});
