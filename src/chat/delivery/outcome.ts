/**
 * What the worker does with a failed send, by SendFailure kind. Nothing is ever dropped: an item is either retried
 * (rate limit, transient, migration) or kept as failed for the report with a callback to the core (gone, rejected).
 */
import type { Clock } from "../../clock.js";
import type { OutboxItem, OutboxStore } from "../outbox.js";
import { type ChatId, ChatSendError, NotImplementedError, type SendFailure, type SentRef } from "../port.js";
import type { SendPacer } from "./rate-limiter.js";

export interface DeliveryCallbacks {
  /**
   * The bot was removed from, or blocked in, `chat`: mark its binding inactive and tell the leader/admin. Called for
   * every item that fails this way (a chat with five pending posts calls it five times), so act only once.
   */
  onChatGone(chat: ChatId, failure: Extract<SendFailure, { kind: "gone" }>, item: OutboxItem): void | Promise<void>;
  /** An item will never be delivered: rejected by the platform, unreadable file, or too many transient failures. */
  onFailure(item: OutboxItem, failure: SendFailure): void | Promise<void>;
  /** The chat moved (Telegram group → supergroup); the store already moved pending items via moveChat. */
  onChatMigrated?(from: ChatId, to: ChatId): void | Promise<void>;
  onSent?(item: OutboxItem, ref: SentRef): void;
  /** Errors with no caller: a throwing callback, a store that failed. */
  onError?(error: unknown, context: string): void;
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export function failureOf(error: unknown): SendFailure {
  if (error instanceof ChatSendError) return error.failure;
  if (error instanceof NotImplementedError) return { kind: "rejected", reason: error.message };
  return { kind: "transient", reason: error instanceof Error ? error.message : String(error) };
}

export function backoffMs(attempts: number, backoff: Backoff, random: () => number = Math.random): number {
  return Math.round(Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempts) * (0.75 + random() * 0.5));
}

export interface OutcomeDeps extends DeliveryCallbacks {
  store: OutboxStore;
  limiter: SendPacer;
  clock: Clock;
  backoff: Backoff;
  maxAttempts: number;
}

export async function handleFailure(deps: OutcomeDeps, item: OutboxItem, error: unknown): Promise<void> {
  const { store, clock } = deps;
  const failure = failureOf(error);
  const now = clock.now();
  const later = (ms: number) => new Date(now.getTime() + ms);
  const giveUp = async (why: SendFailure) => {
    await store.markFailed(item.id, why, now);
    await callback(deps, "onFailure", () => deps.onFailure(item, why));
  };
  switch (failure.kind) {
    case "rate_limited":
      // Never counts towards giving up: a rate limit only delays.
      deps.limiter.pauseFor(item.chat, failure.retryAfterMs);
      return store.retryLater(item.id, later(failure.retryAfterMs), failure);
    case "not_modified":
      return store.markSent(item.id, { chat: item.chat, messageId: item.payload.op === "edit" ? item.payload.messageId : "" }, now);
    case "gone":
      await store.markFailed(item.id, failure, now);
      return callback(deps, "onChatGone", () => deps.onChatGone(item.chat, failure, item));
    case "migrated":
      await store.moveChat(item.chat, failure.newChat);
      await callback(deps, "onChatMigrated", () => deps.onChatMigrated?.(item.chat, failure.newChat));
      if (item.attempts + 1 >= deps.maxAttempts) return giveUp(failure);
      return store.retryLater(item.id, now, failure); // due again at once, now addressed to the new chat
    case "transient":
      if (item.attempts + 1 >= deps.maxAttempts) return giveUp(failure);
      return store.retryLater(item.id, later(backoffMs(item.attempts, deps.backoff)), failure);
    case "rejected":
      return giveUp(failure);
  }
}

async function callback(deps: OutcomeDeps, name: string, run: () => void | Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    deps.onError?.(error, `delivery ${name} callback`);
  }
}
