import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import type { Db } from "../../src/storage/database.js";
import { PrismaOutboxStore } from "../../src/storage/outbox-store.js";
import { DIALECTS, testDatabase } from "../setup/db.js";

let db: Db;
let store: PrismaOutboxStore;
const clock = new ManualClock(new Date("2024-01-02T01:00:00Z"));
const send = (chat: string, text: string) => ({ chat, payload: { op: "send" as const, text }, purpose: { type: "notice" as const } });

describe.each(DIALECTS)("PrismaOutboxStore on $dialect", ({ dialect, skip }) => {
  beforeEach(async (ctx) => {
    if (skip) return ctx.skip();
    db = await testDatabase(dialect);
    store = new PrismaOutboxStore(db.prisma, clock, db.gate);
  });
  afterEach(async () => { await db?.close(); });

  it("returns only the oldest pending item per chat, oldest first, honouring notBefore", async () => {
    await store.enqueue([send("telegram:1", "a1"), send("telegram:2", "b1"), send("telegram:1", "a2")]);
    await store.enqueue([{ ...send("telegram:3", "later"), notBefore: new Date(clock.now().getTime() + 60_000) }]);
    const due = await store.due(clock.now(), 10);
    expect(due.map((d) => (d.payload as { text: string }).text)).toEqual(["a1", "b1"]);
    // A retry keeps the chat's later items waiting behind it.
    await store.retryLater(due[0]!.id, new Date(clock.now().getTime() + 5_000), { kind: "rate_limited", retryAfterMs: 5_000 });
    expect((await store.due(clock.now(), 10)).map((d) => (d.payload as { text: string }).text)).toEqual(["b1"]);
    const afterWait = await store.due(new Date(clock.now().getTime() + 61_000), 10);
    expect(afterWait.map((d) => [(d.payload as { text: string }).text, d.attempts])).toEqual([["a1", 1], ["b1", 0], ["later", 0]]);
  });

  it("markSent records task posts once, even if called twice for one delivery", async () => {
    const unit = await db.prisma.unit.create({ data: { displayName: "Sở Y tế", key: "so y te" } });
    const d = await db.prisma.dispatch.create({ data: { forwardedBy: "telegram:1" } });
    const t = await db.prisma.task.create({ data: { dispatchId: d.id, seq: 1, ref: "1", text: "x" } });
    const a1 = await db.prisma.assignment.create({ data: { taskId: t.id, unitId: unit.id, role: "lead" } });
    await store.enqueue([{ chat: "telegram:1", payload: { op: "send", text: "x" }, purpose: { type: "task-post", assignmentIds: [String(a1.id)] } }]);
    const [item] = await store.due(clock.now(), 1);
    await store.markSent(item!.id, { chat: "telegram:1", messageId: "77" }, clock.now());
    await store.markSent(item!.id, { chat: "telegram:1", messageId: "77" }, clock.now());
    expect(await db.prisma.post.findMany({ select: { messageId: true, assignmentId: true, position: true } })).toEqual([{ messageId: "77", assignmentId: a1.id, position: 1 }]);
    expect(await store.due(clock.now(), 10)).toEqual([]);
  });

  it("a chat that is gone: the item is kept as failed and the binding deactivated; a migrated chat takes its queue along", async () => {
    const unit = await db.prisma.unit.create({ data: { displayName: "Sở Y tế", key: "so y te" } });
    await db.prisma.chatBinding.create({ data: { chatId: "telegram:-1", unitId: unit.id } });
    await db.prisma.chatBinding.create({ data: { chatId: "telegram:-2", unitId: unit.id } });
    await store.enqueue([send("telegram:-1", "x"), send("telegram:-2", "y")]);
    const due = await store.due(clock.now(), 10);
    await store.markFailed(due[0]!.id, { kind: "gone", reason: "kicked" }, clock.now());
    expect((await db.prisma.chatBinding.findUniqueOrThrow({ where: { chatId: "telegram:-1" } })).active).toBe(false);
    expect((await db.prisma.outboxItem.findUniqueOrThrow({ where: { id: due[0]!.id } })).status).toBe("failed");
    await store.moveChat("telegram:-2", "telegram:-1002");
    expect((await store.due(clock.now(), 10)).map((d) => d.chat)).toEqual(["telegram:-1002"]);
    expect(await db.prisma.chatBinding.findUnique({ where: { chatId: "telegram:-1002" } })).not.toBeNull();
  });
});
