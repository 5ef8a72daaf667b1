import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { confirmDraft, planTasks, unitlessItems } from "../../src/tracking/confirm-draft.js";
import { editDraft } from "../../src/tracking/edit-draft.js";
import { ingestDraft } from "../../src/tracking/ingest-draft.js";
import { dispatch, LEADER, OFFICER, task, world, type World } from "./helpers.js";

let w: World;
beforeEach(async () => { w = await world(); });
afterEach(async () => { await w.db.close(); });

describe("ingestDraft", () => {
  it("resolves names by key and alias, expands collectives by kind, keeps generic bodies, lists unmatched ones", async () => {
    const r = await ingestDraft(w, {
      forwardedBy: LEADER, chat: "telegram:-500",
      parsed: dispatch([
        task("1", [["Sở LĐTBXH", "lead"], ["hội chữ thập đỏ thành phố", "coordinate"]]),
        task("2", [["UBND các quận, huyện, thị xã", "lead"], ["các cơ quan có liên quan", "coordinate"]]),
        task("3", [["Các sở, ngành", "lead"], ["Ban Quản lý dự án ODA", "coordinate"]]),
      ]),
    });
    expect(r.code).toBe("ok");
    if (r.code !== "ok") return;
    const [i1, i2, i3] = r.draft.items;
    expect(i1!.assignees.map((a) => [a.match, a.unitIds])).toEqual([
      ["unit", [w.unit("Sở Lao động - Thương binh và Xã hội")]],
      ["unit", [w.unit("Hội Chữ thập đỏ Thành phố")]],
    ]);
    expect(new Set(i2!.assignees[0]!.unitIds)).toEqual(new Set([w.unit("UBND quận Ba Đình"), w.unit("UBND huyện Đông Anh"), w.unit("UBND thị xã Sơn Tây")]));
    expect(i2!.assignees[1]!.match).toBe("generic");
    expect(i3!.assignees[0]!.match).toBe("collective");
    expect(i3!.assignees[0]!.unitIds).toHaveLength(4);
    expect(r.unmatched).toEqual([{ seq: 3, ref: "3", name: "Ban Quản lý dự án ODA", suggestions: [] }]);
  });

  it("matches names written without diacritics or with old tone placement", async () => {
    const r = await ingestDraft(w, { forwardedBy: LEADER, parsed: dispatch([task("1", [["So Noi vu", "lead"], ["UBND huyện Đông Anh", "coordinate"]])]) });
    expect(r.code === "ok" && r.draft.items[0]!.assignees.map((a) => a.match)).toEqual(["unit", "unit"]);
  });

  it("refuses non-leaders, secret dispatches and dispatches without tasks, storing nothing", async () => {
    expect((await ingestDraft(w, { forwardedBy: OFFICER, parsed: dispatch([task("1", [["Sở Y tế", "lead"]])]) })).code).toBe("forbidden");
    const secret = await ingestDraft(w, { forwardedBy: LEADER, parsed: dispatch([task("1", [["Sở Y tế", "lead"]])], { secrecy: "TỐI MẬT" }) });
    expect(secret).toEqual({ code: "secret", secrecy: "TỐI MẬT" });
    expect((await ingestDraft(w, { forwardedBy: LEADER, parsed: dispatch([]) })).code).toBe("no_tasks");
    expect(await w.db.prisma.dispatch.count()).toBe(0);
  });

  it("recognises the same dispatch forwarded twice by number+issuer+date or by file hash", async () => {
    const first = await ingestDraft(w, { forwardedBy: LEADER, fileHash: "abc", parsed: dispatch([task("1", [["Sở Y tế", "lead"]])]) });
    expect(first.code).toBe("ok");
    const again = await ingestDraft(w, { forwardedBy: LEADER, parsed: dispatch([task("1", [["Sở Y tế", "lead"]])], { number: "164 /KH-UBND" }) });
    expect(again).toMatchObject({ code: "duplicate", status: "draft" });
    const sameFile = await ingestDraft(w, { forwardedBy: LEADER, fileHash: "abc", parsed: dispatch([task("1", [["Sở Y tế", "lead"]])], { number: "999/KH" }) });
    expect(sameFile.code).toBe("duplicate");
    const other = await ingestDraft(w, { forwardedBy: LEADER, parsed: dispatch([task("1", [["Sở Y tế", "lead"]])], { date: "2023-06-06" }) });
    expect(other.code).toBe("ok");
  });
});

describe("editDraft and confirmDraft", () => {
  it("confirms into tasks, assignments and one outbox post per bound unit chat, reporting unbound units", async () => {
    await bindChat(w, { chat: "telegram:-10", by: LEADER, unitQuery: "Sở Y tế" });
    await bindChat(w, { chat: "zalo:g:20", by: LEADER, unitQuery: "hoi chu thap do" });
    const r = await ingestDraft(w, {
      forwardedBy: LEADER,
      parsed: dispatch([
        task("II.1", [["Sở Y tế", "lead"], ["Hội Chữ thập đỏ Thành phố", "coordinate"]]),
        task("II.2", [["Sở Y tế", "coordinate"], ["Sở Nội vụ", "lead"]]),
        task("II.3", [["các cơ quan liên quan", "lead"]]),
      ]),
    });
    if (r.code !== "ok") throw new Error(r.code);
    // II.3 reaches no unit: confirming insists (issue 12) until the leader marks it "không giao".
    expect(await confirmDraft(w, { dispatchId: r.draft.id, by: LEADER })).toEqual({
      code: "unitless", dispatchId: r.draft.id, items: [{ seq: 3, ref: "II.3", text: "Nội dung nhiệm vụ II.3" }],
    });
    expect(await w.db.prisma.task.count()).toBe(0);
    expect((await editDraft(w, { dispatchId: r.draft.id, by: LEADER, edit: { type: "not-assigned", seqs: [3] } })).code).toBe("ok");
    const c = await confirmDraft(w, { dispatchId: r.draft.id, by: LEADER });
    expect(c).toMatchObject({ code: "ok", tasks: 2, assignments: 4, units: 3, posts: 2, unbound: [{ name: "Sở Nội vụ" }], unassigned: [{ ref: "II.3" }] });
    const outbox = await w.db.prisma.outboxItem.findMany({ orderBy: { id: "asc" } });
    expect(outbox.map((o) => o.chatId)).toEqual(["telegram:-10", "zalo:g:20"]);
    const text = JSON.parse(outbox[0]!.payload).text as string;
    expect(text).toContain("164/KH-UBND");
    expect(text).toContain("1. [II.1] Chủ trì");
    expect(text).toContain("2. [II.2] Đơn vị chủ trì: Sở Nội vụ — đơn vị phối hợp: Sở Y tế"); // issue 12
    expect(text).toContain("20/06/2023");
    expect(JSON.parse(outbox[0]!.purpose).assignmentIds).toHaveLength(2);
    // A second confirm (double press) does nothing.
    expect((await confirmDraft(w, { dispatchId: r.draft.id, by: LEADER })).code).toBe("not_draft");
    expect(await w.db.prisma.task.count()).toBe(2);
    // Reports find it as marked "không giao".
    expect(await w.store.history.unassignedItems(r.draft.id)).toMatchObject([{ ref: "II.3", notAssigned: true, number: "164/KH-UBND" }]);
  });

  it("lets the leader map an unmatched name, change a deadline, drop an item, pick a period; then cancel", async () => {
    const r = await ingestDraft(w, {
      forwardedBy: LEADER,
      parsed: dispatch([task("1", [["Phòng Y tế cũ", "lead"]]), task("2", [["Sở Y tế", "lead"]], null, "periodic"), task("3", [["Sở Nội vụ", "lead"]])]),
    });
    if (r.code !== "ok") throw new Error(r.code);
    const id = r.draft.id;
    expect((await confirmDraft(w, { dispatchId: id, by: LEADER })).code).toBe("unitless");
    const mapped = await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "map-name", name: "Phòng Y tế cũ", unitId: w.unit("Sở Y tế"), remember: true } });
    expect(mapped.code === "ok" && mapped.draft.items[0]!.assignees[0]!.match).toBe("unit");
    expect(await confirmDraft(w, { dispatchId: id, by: LEADER })).toEqual({ code: "needs_period", items: [{ seq: 2, ref: "2" }] });
    expect((await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "set-period", seq: 2, recurrence: "monthly" } })).code).toBe("ok");
    expect((await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "set-deadline", seq: 3, date: "2023-07-01" } })).code).toBe("ok");
    expect((await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "drop", seq: 1 } })).code).toBe("ok");
    expect((await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "set-deadline", seq: 9, date: "2023-07-01" } })).code).toBe("bad_item");
    expect((await editDraft(w, { dispatchId: id, by: OFFICER, edit: { type: "drop", seq: 2 } })).code).toBe("forbidden");
    // The remembered alias resolves next time.
    const again = await ingestDraft(w, { forwardedBy: LEADER, parsed: dispatch([task("1", [["Phòng Y tế cũ", "lead"]])], { number: "2/KH" }) });
    expect(again.code === "ok" && again.draft.items[0]!.assignees[0]!.match).toBe("unit");
    expect(await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "cancel" } })).toEqual({ code: "cancelled", dispatchId: id });
    expect((await confirmDraft(w, { dispatchId: id, by: LEADER })).code).toBe("not_draft");
  });

  it("confirm after edits creates only the remaining items with their new deadline", async () => {
    const r = await ingestDraft(w, { forwardedBy: LEADER, parsed: dispatch([task("1", [["Sở Y tế", "lead"]]), task("2", [["Sở Nội vụ", "lead"]])]) });
    if (r.code !== "ok") throw new Error(r.code);
    await editDraft(w, { dispatchId: r.draft.id, by: LEADER, edit: { type: "drop", seq: 1 } });
    await editDraft(w, { dispatchId: r.draft.id, by: LEADER, edit: { type: "set-deadline", seq: 2, date: "2023-08-01" } });
    expect((await confirmDraft(w, { dispatchId: r.draft.id, by: LEADER })).code).toBe("ok");
    const tasks = await w.db.prisma.task.findMany({ include: { assignments: true } });
    expect(tasks.map((t) => [t.ref, t.deadlineDate, t.assignments[0]!.deadlineDate])).toEqual([["2", "2023-08-01", "2023-08-01"]]);
  });

  it("'không giao': only on a live item, undone by /giao; a marked item with units becomes no task", async () => {
    const r = await ingestDraft(w, {
      forwardedBy: LEADER,
      parsed: dispatch([task("1", [["Ban Dân vận", "lead"]]), task("2", [["Sở Y tế", "lead"]]), task("3", [])]),
    });
    if (r.code !== "ok") throw new Error(r.code);
    const id = r.draft.id;
    expect(unitlessItems(r.draft).map((i) => i.seq)).toEqual([1, 3]);
    expect((await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "drop", seq: 3 } })).code).toBe("ok");
    // A dropped item is no task at all: marking it is refused; an officer may not mark.
    expect((await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "not-assigned", seqs: [3] } })).code).toBe("bad_item");
    expect((await editDraft(w, { dispatchId: id, by: OFFICER, edit: { type: "not-assigned", seqs: [1] } })).code).toBe("forbidden");
    // Several at once, all or nothing: an unknown number marks none.
    expect(await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "not-assigned", seqs: [1, 9] } })).toEqual({ code: "bad_item", seq: 9 });
    expect((await w.store.dispatches.draft(id))!.items.some((i) => i.notAssigned)).toBe(false);
    const marked = await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "not-assigned", seqs: [1] } });
    expect(marked.code === "ok" && unitlessItems(marked.draft)).toEqual([]);
    // /giao on a marked item assigns it after all.
    const assigned = await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "set-assignees", seq: 1, assignees: [{ name: "Sở Nội vụ", role: "lead" }] } });
    expect(assigned.code === "ok" && assigned.draft.items[0]!.notAssigned).toBe(false);
    // The leader may also decide not to follow an item the reader gave units: it becomes no task.
    const second = await editDraft(w, { dispatchId: id, by: LEADER, edit: { type: "not-assigned", seqs: [2] } });
    if (second.code !== "ok") throw new Error(second.code);
    expect(planTasks(second.draft).map((p) => p.ref)).toEqual(["1"]);
    expect(await confirmDraft(w, { dispatchId: id, by: LEADER })).toMatchObject({ code: "ok", tasks: 1, unassigned: [{ ref: "2" }] });
    expect((await w.store.history.unassignedItems([id])).map((i) => [i.ref, i.notAssigned])).toEqual([["2", true]]);
  });
});
