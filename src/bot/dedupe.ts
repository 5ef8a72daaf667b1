import type { Inbound } from "../chat/port.js";
import type { BotDeps } from "./deps.js";

/**
 * Remembers recently handled inbound event ids, so a platform that delivers the same update twice (Telegram after a
 * restart before the offset was confirmed, Zalo's catch-up after a reconnect) gets one answer. This in-memory set
 * answers at once for the common case (a retry seconds later); `wasHandled`/`markHandled` carry the same fact across
 * restarts in the database's processed-event table, which replies already use for their own idempotency.
 */
export class RecentEvents {
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is seen. */
  firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}

/**
 * Group chatter that is no reply, mention or command changes nothing (the bot ignores it): handling it twice is
 * harmless, so it is not written down (without privacy mode every group message reaches the bot).
 */
export function worthRemembering(event: Inbound): boolean {
  if (event.kind !== "message" || event.chatType !== "group") return true;
  return Boolean(event.replyTo || event.mentionsBot || event.attachments.length > 0 || event.text.trimStart().startsWith("/"));
}

export function wasHandled(deps: BotDeps, eventId: string): Promise<boolean> {
  return deps.store.replies.isProcessed(eventId);
}

/**
 * Records an event as handled once its effects are written. Replies record themselves (in the same transaction as
 * their effects), so for them this is a no-op that finds the id already there.
 */
export async function markHandled(deps: BotDeps, eventId: string): Promise<void> {
  if (await deps.store.replies.isProcessed(eventId)) return;
  await deps.store.replies.apply({ eventId, at: deps.clock.now(), updates: [], closeTasks: [], events: [], notices: [] });
}
