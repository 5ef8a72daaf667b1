/**
 * The Zalo adapter under the shared delivery worker and the real SQLite outbox: a fan-out to many unit groups during
 * which Zalo closes the session. Limits are ZALO_RATE_LIMITS scaled down 100× so the run takes a second.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CloseReason } from "zca-js";
import { systemClock } from "../../../src/clock.js";
import { ZALO_RATE_LIMITS, type ZaloSessionProblem } from "../../../src/adapters/zalo/index.js";
import { createChatRouter, createDeliveryWorker, RateLimiter, type RateLimits } from "../../../src/chat/delivery/index.js";
import type { SendFailure } from "../../../src/chat/port.js";
import type { Db } from "../../../src/storage/database.js";
import { PrismaOutboxStore } from "../../../src/storage/outbox-store.js";
import { testDatabase } from "../../setup/db.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | undefined;
let db: Db | undefined;
afterEach(async () => {
  await h?.close();
  await db?.close();
  h = db = undefined;
});

const scaled = (limits: RateLimits, by: number): RateLimits => ({
  global: { ...limits.global, windowMs: limits.global.windowMs / by },
  group: { ...limits.group, windowMs: limits.group.windowMs / by },
  private: { ...limits.private, windowMs: limits.private.windowMs / by },
});

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("Zalo fan-out through the delivery worker", () => {
  it("a session closed mid-fan-out: every group gets its post exactly once, nothing failed, order kept per group", async () => {
    const problems: ZaloSessionProblem[] = [];
    h = await startHarness({
      adapter: {
        wait: (ms) => new Promise((r) => setTimeout(r, ms)),
        backoff: { initialMs: 50 },
        sessionDownRetryMs: 30,
        oldMessagesTimeoutMs: 20,
        onSessionProblem: (p) => void problems.push(p),
      },
    });
    db = await testDatabase();
    const store = new PrismaOutboxStore(db.prisma, systemClock, db.gate);
    const groups = Array.from({ length: 12 }, (_, i) => `zalo:g:${2000 + i}`);
    // Two posts per group (task + its reminder), so per-group order can be checked.
    await store.enqueue(groups.flatMap((chat) => [1, 2].map((n) => ({ chat, payload: { op: "send" as const, text: `${chat} #${n}` }, purpose: { type: "notice" as const } }))));

    let sends = 0;
    const zalo = h.zalo;
    zalo.beforeSend = () => {
      if (++sends === 5) zalo.closeSession(CloseReason.AbnormalClosure, "");
    };
    const failures: SendFailure[] = [];
    const worker = createDeliveryWorker({
      store,
      router: createChatRouter([h.adapter]),
      limiter: new RateLimiter(() => scaled(ZALO_RATE_LIMITS, 100)),
      options: { idlePollMs: 20, backoff: { baseMs: 20, maxMs: 100 }, maxAttempts: 5 },
      onChatGone: (_chat, failure) => void failures.push(failure),
      onFailure: (_item, failure) => void failures.push(failure),
      onError: (error) => {
        throw error;
      },
    });
    worker.start();
    try {
      await until(async () => (await db!.prisma.outboxItem.count({ where: { status: "pending" } })) === 0, "outbox drained");
    } finally {
      await worker.stop();
    }

    expect(failures).toEqual([]);
    expect(await db.prisma.outboxItem.count({ where: { status: "sent" } })).toBe(24);
    for (const chat of groups) {
      const threadId = chat.split(":")[2];
      expect(zalo.sent.filter((s) => s.threadId === threadId).map((s) => s.content.msg)).toEqual([`${chat} #1`, `${chat} #2`]);
    }
    expect(zalo.sessions).toHaveLength(2);
    expect(zalo.sent.filter((s) => s.session === 1)).toHaveLength(4);
    expect(problems[0]).toMatchObject({ kind: "closed", code: CloseReason.AbnormalClosure });
    // Recorded message ids are the ones Zalo returned, each once.
    const ids = (await db.prisma.outboxItem.findMany({ select: { sentMessageId: true } })).map((r) => r.sentMessageId);
    expect(new Set(ids).size).toBe(24);
    expect(ids.every((id) => zalo.sent.some((s) => String(s.msgId) === id))).toBe(true);
  });
});
