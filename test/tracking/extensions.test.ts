// The extension use cases on a real SQLite file: request through recordReply, decisions, races, what reports read.
import { describe, expect, it } from "vitest";
import { decideExtension, listExtensions } from "../../src/tracking/extensions.js";
import { recordReply } from "../../src/tracking/record-reply.js";
import { bindChat } from "../../src/tracking/chat-binding.js";
import { ADMIN, assignDispatch, dispatch, LEADER, OFFICER, task, world, type World } from "./helpers.js";

async function setUp(): Promise<{ w: World; assignmentId: number }> {
  const w = await world();
  await bindChat(w, { chat: "telegram:-10", unitQuery: "Sở Y tế", by: ADMIN });
  await assignDispatch(w, dispatch([task("1", [["Sở Y tế", "lead"]], "2023-06-20")]), LEADER);
  const [a] = await w.store.replies.openAssignmentsOfUnit(w.unit("Sở Y tế"));
  return { w, assignmentId: a!.id };
}

let n = 0;
const ask = (w: World, text: string) => recordReply(w, {
  eventId: `e${++n}`, chat: "telegram:-10", chatType: "group", messageId: `m${n}`, sender: { id: OFFICER, name: "Cán bộ" }, text,
  mentionsBot: true, attachments: [],
});

describe("deadline extensions", () => {
  it("records a request, approves it once (a second decision is refused), moves the deadline, keeps the original", async () => {
    const { w, assignmentId } = await setUp();
    const r = await ask(w, "đề nghị gia hạn đến 30/6 vì thiếu kinh phí");
    expect(r).toMatchObject({ code: "extension_requested", reason: "thiếu kinh phí", requests: [{ from: "2023-06-20", to: "2023-06-30" }] });
    const id = r.code === "extension_requested" ? r.requests[0]!.extensionId : 0;
    expect(await decideExtension(w, { id, by: OFFICER, approve: true, chat: null, messageId: null })).toEqual({ code: "forbidden" });
    expect(await decideExtension(w, { id, by: LEADER, approve: true, date: "2023-06-10", chat: null, messageId: null })).toMatchObject({ code: "not_later" });
    const [first, second] = await Promise.all([
      decideExtension(w, { id, by: LEADER, approve: true, chat: null, messageId: null }),
      decideExtension(w, { id, by: ADMIN, approve: false, chat: null, messageId: null }),
    ]);
    expect(first).toMatchObject({ code: "approved", granted: "2023-06-30" });
    expect(second).toEqual({ code: "not_pending", status: "approved" });
    expect((await w.store.replies.assignment(assignmentId))!.deadlineDate).toBe("2023-06-30");
    expect([...(await w.store.extensions.originalDeadlines([assignmentId]))]).toEqual([[assignmentId, "2023-06-20"]]);

    // A second extension: the original deadline stays the first one.
    const r2 = await ask(w, "xin gia hạn đến 10/7");
    const id2 = r2.code === "extension_requested" ? r2.requests[0]!.extensionId : 0;
    expect(await decideExtension(w, { id: id2, by: LEADER, approve: true, date: "2023-07-05", chat: null, messageId: null })).toMatchObject({ code: "approved", granted: "2023-07-05" });
    expect((await w.store.extensions.originalDeadlines([assignmentId])).get(assignmentId)).toBe("2023-06-20");
    expect((await listExtensions(w)).map((e) => [e.status, e.grantedDate])).toEqual([["approved", "2023-07-05"], ["approved", "2023-06-30"]]);
    const events = (await w.db.sql.rows<[string]>(`SELECT type FROM "Event" WHERE type LIKE 'extension_%' ORDER BY id`)).map((r) => r[0]);
    expect(events).toEqual(["extension_requested", "extension_approved", "extension_requested", "extension_approved"]);
  });

  it("a newer request replaces a pending one; a redelivered message is recorded once; done tasks are not extended", async () => {
    const { w } = await setUp();
    const r1 = await ask(w, "đề nghị gia hạn đến 30/6");
    const r2 = await ask(w, "đề nghị gia hạn đến 05/7 vì mưa bão");
    expect(r2.code).toBe("extension_requested");
    expect((await listExtensions(w)).map((e) => e.status)).toEqual(["pending", "superseded"]);
    const again = await recordReply(w, { eventId: `e${n}`, chat: "telegram:-10", chatType: "group", messageId: `m${n}`, sender: { id: OFFICER, name: "Cán bộ" }, text: "đề nghị gia hạn đến 05/7 vì mưa bão", mentionsBot: true, attachments: [] });
    expect(again.code).toBe("duplicate_event");
    expect(await listExtensions(w, { status: "pending" })).toHaveLength(1);
    expect(r1.code).toBe("extension_requested");
    await ask(w, "xong");
    const pending = (await listExtensions(w, { status: "pending" }))[0]!;
    expect(await decideExtension(w, { id: pending.id, by: LEADER, approve: true, chat: null, messageId: null })).toMatchObject({ code: "already_closed" });
  });

  it("two requests for one task arriving at once (two workers on PostgreSQL) leave one pending, the other superseded", async () => {
    const { w } = await setUp();
    for (let round = 0; round < 3; round++) {
      const both = await Promise.all([ask(w, "đề nghị gia hạn đến 30/6"), ask(w, "đề nghị gia hạn đến 05/7")]);
      expect(both.map((r) => r.code)).toEqual(["extension_requested", "extension_requested"]);
      expect(await listExtensions(w, { status: "pending" })).toHaveLength(1);
    }
  });
});
