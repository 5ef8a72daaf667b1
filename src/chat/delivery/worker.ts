/**
 * The delivery worker drains the outbox through the chat adapters. Per chat it sends one item at a time, oldest first
 * (the store only offers a chat's oldest pending item); across chats it sends in parallel as fast as the rate limiter
 * allows. An item leaves "pending" only through markSent / markFailed, so a restart resumes where it stopped.
 * Several workers may share one outbox when the store claims items (OutboxStore.claim: a lease) and the limiter is
 * shared (SendPacer): each item is then sent by the worker that claimed it, at the rate all of them together keep.
 * The claim is a fence (decision 0702): renewed atomically right before the request goes out — a worker that stalled
 * past its lease (a long wait for the shared rate, a slow disk, a GC pause) finds the item taken over and sends
 * nothing — and every `renewEveryMs` while the send is prepared and made, so a slow send keeps its item. A failure
 * from a claim no longer current changes nothing (OutboxStore.renew).
 */
import { type Clock, systemClock } from "../../clock.js";
import type { OutboxItem, OutboxStore } from "../outbox.js";
import type { ChatId } from "../port.js";
import { type Backoff, type DeliveryCallbacks, handleFailure } from "./outcome.js";
import { perform } from "./perform.js";
import { RateLimiter, type RateSlot, type SendPacer } from "./rate-limiter.js";
import type { ChatRouter } from "./router.js";

export interface DeliveryOptions {
  /** Items in flight at once (each in a different chat). */
  concurrency?: number;
  /** Chats' head items read from the store per round. */
  batchSize?: number;
  /** How often to look at the store when nothing wakes the worker (kick() after enqueue wakes it at once). */
  idlePollMs?: number;
  backoff?: Backoff;
  /** Attempts (of any kind) after which a transient failure is given up as failed. */
  maxAttempts?: number;
  /**
   * Whether this worker sends to `chat` now (default: every chat). A standby worker, for instance, leaves Zalo's
   * items to the worker holding the Zalo session, untouched.
   */
  serves?: (chat: ChatId) => boolean;
  /** Several workers (claims): how often a claim is renewed while its send is in progress. A third of the lease. */
  renewEveryMs?: number;
}

export interface DeliveryWorkerDeps extends DeliveryCallbacks {
  store: OutboxStore;
  router: Pick<ChatRouter, "adapterFor">;
  limiter?: SendPacer;
  clock?: Clock;
  options?: DeliveryOptions;
  /**
   * True while group chats must not be disturbed (outside office hours): their items stay pending for later, other
   * chats are served as usual. Asked every round; judged on the business clock by the caller.
   */
  holdGroups?: () => boolean;
  /** Several workers: this worker stalled past its lease and another took `item` over; this one sent nothing. */
  onClaimLost?: (item: OutboxItem) => void;
}

export interface DeliveryWorker {
  start(): void;
  /** Stops taking new items and waits for those in flight to be sent and marked. */
  stop(): Promise<void>;
  /** Look at the outbox now (call after enqueue). */
  kick(): void;
  /** Resolves the next time the worker finds nothing due and nothing in flight. */
  idle(): Promise<void>;
}

export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const clock = deps.clock ?? systemClock;
  const limiter = deps.limiter ?? new RateLimiter();
  const concurrency = deps.options?.concurrency ?? 64;
  const batchSize = deps.options?.batchSize ?? 500;
  const idlePollMs = deps.options?.idlePollMs ?? 1000;
  const serves = deps.options?.serves;
  const renewEveryMs = deps.options?.renewEveryMs ?? 20_000;
  const outcome = {
    ...deps,
    limiter,
    clock,
    backoff: deps.options?.backoff ?? { baseMs: 2000, maxMs: 300_000 },
    maxAttempts: deps.options?.maxAttempts ?? 50,
  };
  const onError = deps.onError ?? ((error: unknown, context: string) => console.error(`[delivery] ${context}:`, error));

  const inFlight = new Map<ChatId, Promise<void>>();
  // Items finished while a due() query was running may come back stale from it: remember when each finished.
  const finishedAt = new Map<number, number>();
  let generation = 0;
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wake: (() => void) | undefined;
  let kicked = false; // a kick that came while a round was running must not be lost
  const idleWaiters: Array<() => void> = [];

  const kick = () => {
    kicked = true;
    wake?.();
  };

  async function deliver(item: OutboxItem, slot: RateSlot): Promise<void> {
    const renew = deps.store.claim && deps.store.renew ? () => deps.store.renew!(item.id, clock.now()) : undefined;
    // Several workers: the claim is kept while the send is prepared and made (a slow upload or a slow network keeps
    // its item), and renewed once more, atomically, right before the request leaves. Pacing may have taken a while,
    // or this process may have stood still; if the lease ran out meanwhile and another worker took the item, it is
    // theirs now and must not go out twice.
    const beat = renew ? heartbeat(item.id, renew) : undefined;
    let ref;
    try {
      // The fence. A renewal that fails (the database unreachable) sends nothing either: a transient failure, retried.
      ref = await perform(deps.router.adapterFor(item.chat), item, deps.store.sentMessageId?.bind(deps.store), async () => {
        if (renew && !(await renew())) throw new ClaimLost();
      });
    } catch (error) {
      slot.settle();
      if (error instanceof ClaimLost) return deps.onClaimLost?.(item);
      return handleFailure(outcome, item, error);
    } finally {
      if (beat) clearInterval(beat);
    }
    slot.settle();
    await retry(() => deps.store.markSent(item.id, ref, clock.now()));
    deps.onSent?.(item, ref);
  }

  function spawn(item: OutboxItem, slot: RateSlot): void {
    const job = deliver(item, slot)
      .catch((error: unknown) => onError(error, `outbox item ${item.id}`))
      .finally(() => {
        inFlight.delete(item.chat);
        finishedAt.set(item.id, ++generation);
        kick();
      });
    inFlight.set(item.chat, job);
  }

  function heartbeat(id: number, renew: () => Promise<boolean>): NodeJS.Timeout {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      // A claim lost while its request is on the way cannot be called back (Telegram has no idempotency key): the
      // remaining at-least-once window (decision 0702). The item is recorded as sent by whichever copy answers.
      void renew()
        .then((held) => {
          if (!held) onError(new Error(`claim on outbox item ${id} lost while its send was in progress`), `outbox item ${id}`);
        }, (error: unknown) => onError(error, `renewing the claim on outbox item ${id}`))
        .finally(() => (busy = false));
    }, renewEveryMs);
    timer.unref();
    return timer;
  }

  async function claimed(id: number): Promise<boolean> {
    try {
      return await deps.store.claim!(id, clock.now());
    } catch (error) {
      onError(error, `claiming outbox item ${id}`);
      return false;
    }
  }

  async function acquire(chat: ChatId): Promise<RateSlot | number> {
    try {
      return await limiter.tryAcquire(chat);
    } catch (error) {
      onError(error, `pacing a send to ${chat}`);
      return idlePollMs;
    }
  }

  async function round(): Promise<number> {
    let nextWakeMs = idlePollMs;
    if (inFlight.size >= concurrency) return nextWakeMs;
    const startedAt = generation;
    let items: OutboxItem[] = [];
    try {
      items = await deps.store.due(clock.now(), batchSize, deps.holdGroups?.() ? { groups: false } : {});
      if (serves) items = items.filter((item) => serves(item.chat));
    } catch (error) {
      onError(error, "reading the outbox");
    }
    for (const item of items) {
      if (!running || inFlight.size >= concurrency) break;
      if (inFlight.has(item.chat) || (finishedAt.get(item.id) ?? 0) > startedAt) continue;
      const wait = limiter.waitMs(item.chat);
      if (wait > 0) {
        if (wait !== Infinity) nextWakeMs = Math.min(nextWakeMs, wait);
        continue;
      }
      // Another worker may hold the item (several workers on one database): then it is theirs to send.
      if (deps.store.claim && !(await claimed(item.id))) continue;
      const slot = await acquire(item.chat);
      if (typeof slot === "number") {
        await deps.store.release?.(item.id).catch((error: unknown) => onError(error, `releasing outbox item ${item.id}`));
        if (slot !== Infinity) nextWakeMs = Math.min(nextWakeMs, slot);
        continue;
      }
      spawn(item, slot);
    }
    for (const [id, gen] of finishedAt) if (gen <= startedAt) finishedAt.delete(id);
    if (items.length === 0 && inFlight.size === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
    return nextWakeMs;
  }

  async function loop(): Promise<void> {
    while (running) {
      kicked = false;
      const waitMs = await round();
      if (!running) break;
      if (kicked) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(1, waitMs));
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loopDone = loop().catch((error: unknown) => onError(error, "delivery loop"));
    },
    async stop() {
      running = false;
      kick();
      await loopDone;
      await Promise.all(inFlight.values());
    },
    kick,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        kick();
      }),
  };
}

/** The fence refused: another worker holds the item now. */
class ClaimLost extends Error {}

/** A store write that must not be lost after a successful send (else the item would be sent again). */
async function retry(write: () => Promise<void>, attempts = 3): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 50 * i));
    }
  }
}
