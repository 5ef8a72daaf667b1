/**
 * The Zalo adapter over the fake of its narrow zca-js interface (Zalo itself cannot be benchmarked without an account):
 * 1. inbound: zca-js GroupMessage objects through the listener → dedupe → InboundMessage → handler, with every 10th
 *    message redelivered (must be counted once);
 * 2. fan-out: outbox → delivery worker → Zalo adapter with ZALO_RATE_LIMITS scaled down 50× in time, the session closed
 *    by "Zalo" a third of the way through. Reported: share of the allowed rate achieved, lost and doubled (must be 0).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloseReason } from "zca-js";
import { writeCredentials } from "../src/adapters/zalo/credentials.js";
import { ZALO_RATE_LIMITS, ZaloAdapter } from "../src/adapters/zalo/index.js";
import { createChatRouter, createDeliveryWorker, RateLimiter, type RateLimits } from "../src/chat/delivery/index.js";
import { FakeZalo, groupMessage } from "../test/adapters/zalo/fake-zalo.js";
import { SAVED_CREDENTIALS } from "../test/adapters/zalo/harness.js";
import { MemoryOutbox } from "../test/fakes/memory-outbox.js";

async function adapterOver(zalo: FakeZalo, dir: string, onInbound: () => Promise<void>): Promise<ZaloAdapter> {
  const credentialsPath = join(dir, "zalo.json");
  await writeCredentials(credentialsPath, SAVED_CREDENTIALS as never);
  const adapter = new ZaloAdapter({
    client: zalo.client,
    credentialsPath,
    qrPath: join(dir, "qr.png"),
    onInbound,
    backoff: { initialMs: 100 },
    sessionDownRetryMs: 50,
    oldMessagesTimeoutMs: 50,
    printQr: () => {},
  });
  await adapter.start();
  return adapter;
}

async function inbound(dir: string): Promise<void> {
  const n = 20_000;
  const zalo = new FakeZalo();
  let handled = 0;
  const adapter = await adapterOver(zalo, dir, async () => void handled++);
  const messages = Array.from({ length: n }, (_, i) => groupMessage("group-text", { msgId: String(7_000_000_000_000 + i) }));
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  messages.forEach((m, i) => {
    zalo.receive(m);
    if (i % 10 === 0) zalo.receive(m);
  });
  await adapter.idle();
  const ms = performance.now() - t0;
  console.log(`inbound: ${n} messages (+${n / 10} redelivered) in ${ms.toFixed(0)} ms = ${Math.round((n / ms) * 1000)}/s; ` +
    `handled ${handled} (expected ${n}); RSS +${((process.memoryUsage().rss - rss0) / 1024 / 1024).toFixed(1)} MB`);
  await adapter.stop();
}

async function fanOut(dir: string): Promise<void> {
  const scale = 50;
  const limits: RateLimits = {
    global: { limit: ZALO_RATE_LIMITS.global.limit, windowMs: ZALO_RATE_LIMITS.global.windowMs / scale },
    group: { limit: 1, windowMs: ZALO_RATE_LIMITS.group.windowMs / scale },
    private: { limit: 1, windowMs: ZALO_RATE_LIMITS.private.windowMs / scale },
  };
  const groups = 60;
  const zalo = new FakeZalo();
  const adapter = await adapterOver(zalo, dir, async () => {});
  let sends = 0;
  zalo.beforeSend = () => {
    if (++sends === groups / 3) zalo.closeSession(CloseReason.KickConnection, "bench");
  };
  const store = new MemoryOutbox();
  await store.enqueue(Array.from({ length: groups }, (_, i) => ({
    chat: `zalo:g:${3000 + i}`,
    payload: { op: "send" as const, text: `Nhiệm vụ ${i}` },
    purpose: { type: "notice" as const },
  })));
  const failed: unknown[] = [];
  const worker = createDeliveryWorker({
    store,
    router: createChatRouter([adapter]),
    limiter: new RateLimiter(() => limits),
    options: { idlePollMs: 10, backoff: { baseMs: 20, maxMs: 200 } },
    onChatGone: (chat) => void failed.push(chat),
    onFailure: (item) => void failed.push(item.id),
  });
  const t0 = performance.now();
  worker.start();
  while (zalo.sent.length < groups && performance.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 10));
  const ms = performance.now() - t0;
  await worker.stop();
  const perThread = new Map<string, number>();
  for (const s of zalo.sent) perThread.set(s.threadId, (perThread.get(s.threadId) ?? 0) + 1);
  const doubled = [...perThread.values()].filter((c) => c > 1).length;
  const allowedPerMs = limits.global.limit / limits.global.windowMs;
  const ideal = (Math.ceil(groups / limits.global.limit) - 1) * limits.global.windowMs;
  console.log(`fan-out: ${groups} Zalo groups, limits ÷${scale} (${limits.global.limit}/${limits.global.windowMs} ms overall), ` +
    `session closed after ${groups / 3} sends: ${ms.toFixed(0)} ms, ${((groups / ms / allowedPerMs) * 100).toFixed(0)} % of the ` +
    `allowed average rate (sliding-window ideal ${ideal.toFixed(0)} ms, including the reconnect pause); ` +
    `lost ${groups - perThread.size}, doubled ${doubled}, failed ${failed.length}, sessions ${zalo.sessions.length}`);
  await adapter.stop();
}

export default async function (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-zalo-bench-"));
  try {
    await inbound(dir);
    await fanOut(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
