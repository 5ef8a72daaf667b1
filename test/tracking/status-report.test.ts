import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderReportText } from "../../src/reports/render-text.js";
import { translator } from "../../src/i18n.js";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { recordReply } from "../../src/tracking/record-reply.js";
import { setRole } from "../../src/tracking/roles.js";
import { reportCounts, reportNow, statusReport } from "../../src/tracking/status-report.js";
import { deliver, MemoryChat } from "./fake-chat.js";
import { ADMIN, assignDispatch, dispatch, LEADER, OFFICER, task, world, type World } from "./helpers.js";

const SECRETARY = "telegram:4";
let w: World;
let dispatchId = 0;
const chat = new MemoryChat();

beforeEach(async () => {
  w = await world();
  await setRole(w, { by: ADMIN, userId: SECRETARY, role: "secretary", grant: true });
  await bindChat(w, { chat: "telegram:-10", by: LEADER, unitQuery: "Sở Y tế" });
  await bindChat(w, { chat: "telegram:-11", by: LEADER, unitQuery: "Sở Nội vụ" });
  dispatchId = await assignDispatch(w, dispatch([
    task("1", [["Sở Y tế", "lead"], ["Sở Nội vụ", "coordinate"]], "2023-06-10"),
    task("2", [["Sở Nội vụ", "lead"]], "2023-06-10"),
    task("3", [["Sở Nội vụ", "lead"]], "2023-06-30"),
    task("4", [["Sở Y tế", "lead"]], null),
  ]));
  await deliver(w.store.outbox, chat, w.clock);
});
afterEach(async () => { await w.db.close(); });

const replyTo = (c: string, text: string, id: string) =>
  recordReply(w, { eventId: id, chat: c, chatType: "group", messageId: id, sender: { id: "telegram:9", name: "x" }, text, replyTo: { messageId: chat.inChat(c).at(-1)!.messageId }, attachments: [] });

describe("statusReport", () => {
  it("counts lead assignments in the official categories; secretaries may read, officers may not", async () => {
    w.clock.set(new Date("2023-06-09T03:00:00Z"));
    await replyTo("telegram:-10", "xong 1", "r1"); // on time
    w.clock.set(new Date("2023-06-12T03:00:00Z"));
    await replyTo("telegram:-11", "tiến độ 2: đang thực hiện", "r2");
    expect((await statusReport(w, { by: OFFICER, request: { kind: "dispatch", dispatchId } })).code).toBe("forbidden");
    const r = await statusReport(w, { by: SECRETARY, request: { kind: "dispatch", dispatchId } });
    if (r.code !== "ok") throw new Error(r.code);
    expect(r.report.counts).toMatchObject({ total: 4, done_on_time: 1, overdue: 1, in_progress: 1, no_deadline: 1 });
    expect(r.report.coordinating).toBe(1);
    expect(r.report.subject.dispatchNumber).toBe("164/KH-UBND");
    const overdue = await statusReport(w, { by: LEADER, request: { kind: "overdue" } });
    expect(overdue.code === "ok" && overdue.report.lines.map((l) => l.row.taskRef)).toEqual(["2"]);
    const notReported = await statusReport(w, { by: LEADER, request: { kind: "not_reported" } });
    expect(notReported.code === "ok" && notReported.report.lines.map((l) => l.row.taskRef).sort()).toEqual(["3", "4"]);
    const unit = await statusReport(w, { by: LEADER, request: { kind: "unit", unitId: w.unit("Sở Nội vụ") } });
    expect(unit.code === "ok" && unit.report.lines).toHaveLength(3);
    expect((await statusReport(w, { by: LEADER, request: { kind: "dispatch", dispatchId: 999 } })).code).toBe("not_found");
    expect(renderReportText(r.report, translator("vi")).join("\n")).toContain("164/KH-UBND");
  });

  it("counts computed in SQLite equal the row-by-row statusOf counts, including the 23:30 Hà Nội boundary", async () => {
    w.clock.set(new Date("2023-06-10T16:30:00Z")); // 23:30 in Hà Nội on the due day: on time
    await replyTo("telegram:-10", "xong 1", "b1");
    w.clock.set(new Date("2023-06-10T17:30:00Z")); // 00:30 the next day: late
    await replyTo("telegram:-11", "xong 2", "b2");
    w.clock.set(new Date("2023-07-05T03:00:00Z"));
    for (const request of [{ kind: "all" as const }, { kind: "dispatch" as const, dispatchId }, { kind: "unit" as const, unitId: w.unit("Sở Nội vụ") }, { kind: "overdue" as const }, { kind: "not_reported" as const }]) {
      const full = (await reportNow(w, request))!;
      const fast = await reportCounts(w, request);
      expect(fast.counts, request.kind).toEqual(full.counts);
      expect(fast.coordinating).toBe(full.coordinating);
      expect(fast.byLeadUnit.map((u) => [u.unitName, u.counts])).toEqual(full.byLeadUnit.map((u) => [u.unitName, u.counts]));
    }
    expect((await reportCounts(w, { kind: "dispatch", dispatchId })).counts).toMatchObject({ done_on_time: 1, done_late: 1, overdue: 1, no_deadline: 1 });
  });
});
