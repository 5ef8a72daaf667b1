import type { Button, ChatId, SendFailure, SentRef } from "./port.js";

/**
 * The outbox: every message dondoc sends is first written here (in the same transaction as the change that causes
 * it), then delivered by the delivery worker. A restart therefore never loses a send, and because an item is marked
 * sent together with its post record, never doubles one. Storage implements OutboxStore; delivery consumes it.
 */
export type OutboxPayload =
  | { op: "send"; text: string; buttons?: Button[][]; replyTo?: string; file?: { name: string; path: string; mime?: string } }
  /** `messageId` may be outboxRef(id): "the message outbox item id became", resolved at delivery (decision 0302). */
  | { op: "edit"; messageId: string; text: string; buttons?: Button[][] }
  /** A reaction on someone's message (Zalo's acknowledgement, as it cannot edit): paced and retried like a send. */
  | { op: "react"; messageId: string; emoji: string };

/** What a delivered item means to the core, so marking it sent can record the post (message ↔ assignments). */
export type OutboxPurpose =
  | { type: "task-post"; assignmentIds: string[] }
  | { type: "reminder"; reminderKeys: string[] }
  | { type: "notice" };

export interface NewOutboxItem {
  chat: ChatId;
  payload: OutboxPayload;
  purpose: OutboxPurpose;
  /** Not before this time (default: now). */
  notBefore?: Date;
}

export interface OutboxItem extends NewOutboxItem {
  id: number;
  attempts: number;
  createdAt: Date;
}

export interface DueOptions {
  /** false: leave group chats' items for later (office hours, src/reminders/office-hours.ts). Default true. */
  groups?: boolean;
}

export interface OutboxStore {
  /** Stores that can, return the new items' ids (in order), so a later edit can name them with outboxRef. */
  enqueue(items: NewOutboxItem[]): Promise<void | number[]>;
  /**
   * Pending items due at `now`, oldest first, at most `limit`. Items of one chat come in creation order, and an item
   * is not returned while an older item of the same chat is still pending (per-chat FIFO survives retries).
   */
  due(now: Date, limit: number, options?: DueOptions): Promise<OutboxItem[]>;
  /** Delivered: records the platform message id (and, for task posts, the post rows) in one transaction. */
  markSent(id: number, sent: SentRef, at: Date): Promise<void>;
  /** Try again later (rate limit, transient error). */
  retryLater(id: number, notBefore: Date, failure: SendFailure): Promise<void>;
  /** Will never be delivered (chat gone, message rejected): kept for the report, never silently dropped. */
  markFailed(id: number, failure: SendFailure, at: Date): Promise<void>;
  /** A chat changed id (Telegram group → supergroup): pending items and bindings follow it. */
  moveChat(from: ChatId, to: ChatId): Promise<void>;
  /**
   * Several workers: takes the item for this worker (a lease); false if another worker holds it. Stores without it
   * serve one worker, which owns every item. `now` is the worker's clock (the one it reads due() on and waits by).
   */
  claim?(id: number, now: Date): Promise<boolean>;
  /** Gives a claimed, unsent item back at once (instead of at the end of the lease). */
  release?(id: number): Promise<void>;
  /**
   * Extends this worker's claim by a lease, atomically, if it still holds it: false when another worker took the
   * item over (this one stalled past its lease) or it is no longer pending. Asked right before a send goes out, and
   * while it is in progress; retryLater and markFailed are likewise refused to a claim that is no longer current.
   */
  renew?(id: number, now: Date): Promise<boolean>;
  /** The platform message id an item was delivered as (undefined while pending, or if it failed). */
  sentMessageId?(id: number): Promise<string | undefined>;
}

/**
 * A message id standing for "the message outbox item `id` became". The core learns platform ids only after delivery,
 * but per-chat FIFO delivers an edit after the send it targets, so the worker can resolve the reference then.
 */
export function outboxRef(id: number): string {
  return `outbox:${id}`;
}

export function outboxRefId(messageId: string): number | undefined {
  const m = /^outbox:(\d+)$/.exec(messageId);
  return m ? Number(m[1]) : undefined;
}
