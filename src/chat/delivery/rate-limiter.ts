/**
 * Paces sends so the platform never has to refuse them: a sliding window per chat (group and private limits differ)
 * and one per platform (the bot's overall limit), plus pauses ordered by the platform itself (429 retry_after).
 * A send counts from the moment it *completes*: the platform sees it somewhere between start and completion, so
 * counting at completion keeps us inside its window whatever the network latency.
 */
import { type ChatId, type Platform, parseChatId } from "../port.js";

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /** All chats of one platform together (Telegram: ~30 messages/s per bot). */
  global: RateWindow;
  /** Per group chat (Telegram: 20 messages/min). */
  group: RateWindow;
  /** Per private chat (Telegram: ~1 message/s). */
  private: RateWindow;
}

export const TELEGRAM_RATE_LIMITS: RateLimits = {
  global: { limit: 30, windowMs: 1000 },
  group: { limit: 20, windowMs: 60_000 },
  private: { limit: 1, windowMs: 1000 },
};

/** Telegram groups have negative ids; Zalo group threads are "g:<id>". */
export function isGroupChat(chat: ChatId): boolean {
  const { nativeId } = parseChatId(chat);
  return nativeId.startsWith("-") || nativeId.startsWith("g:");
}

/** A counted send; call settle() when the platform has answered (success or failure). */
export interface RateSlot {
  settle(): void;
}

/**
 * What the delivery worker paces sends with: this process's RateLimiter, or one shared by several workers through
 * the database (src/storage/shared-rate.ts), whose acquire answers asynchronously.
 */
export interface SendPacer {
  /** A cheap local estimate of how long until `chat` may send (0: try now). */
  waitMs(chat: ChatId): number;
  tryAcquire(chat: ChatId): RateSlot | number | Promise<RateSlot | number>;
  pauseFor(chat: ChatId, ms: number): void;
}

interface Hit {
  t: number; // Infinity while the send is in flight
}

export class RateLimiter implements SendPacer {
  private readonly hits = new Map<string, Hit[]>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly lastStart = new Map<Platform, number>();

  constructor(
    private readonly limitsFor: (platform: Platform) => RateLimits = () => TELEGRAM_RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until one more send to `chat` fits (0: now; Infinity: when an in-flight send settles). */
  waitMs(chat: ChatId): number {
    const now = this.now();
    const { platform } = parseChatId(chat);
    const limits = this.limitsFor(platform);
    const paused = this.pausedUntil.get(chat) ?? 0;
    if (paused !== 0 && paused <= now) this.pausedUntil.delete(chat);
    return Math.max(
      0,
      paused - now,
      this.windowWait(`chat:${chat}`, isGroupChat(chat) ? limits.group : limits.private, now),
      this.windowWait(`global:${platform}`, limits.global, now),
      // Bot-wide sends are spread out (at most twice the average rate) instead of fired in one burst: a burst's last
      // answer comes late because the requests queue up, and as sends count from their answer, the next window would
      // open late too.
      (this.lastStart.get(platform) ?? -Infinity) + limits.global.windowMs / limits.global.limit / 2 - now,
    );
  }

  /** Counts a send to `chat` if it fits now; otherwise returns how long to wait. */
  tryAcquire(chat: ChatId): RateSlot | number {
    const wait = this.waitMs(chat);
    if (wait > 0) return wait;
    const hit: Hit = { t: Infinity };
    this.lastStart.set(parseChatId(chat).platform, this.now());
    for (const key of [`chat:${chat}`, `global:${parseChatId(chat).platform}`]) {
      const list = this.hits.get(key) ?? [];
      list.push(hit);
      this.hits.set(key, list);
    }
    return { settle: () => void (hit.t = Math.min(hit.t, this.now())) };
  }

  /** How long this chat is still paused by the platform (429 retry_after); 0 when not. */
  pausedMs(chat: ChatId): number {
    const now = this.now();
    const paused = this.pausedUntil.get(chat) ?? 0;
    if (paused !== 0 && paused <= now) this.pausedUntil.delete(chat);
    return Math.max(0, paused - now);
  }

  /** The platform asked us to wait (429 retry_after): nothing goes to this chat for `ms`. */
  pauseFor(chat: ChatId, ms: number): void {
    const until = this.now() + ms;
    this.pausedUntil.set(chat, Math.max(until, this.pausedUntil.get(chat) ?? 0));
  }

  private windowWait(key: string, window: RateWindow, now: number): number {
    const list = (this.hits.get(key) ?? []).filter((h) => h.t > now - window.windowMs);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    if (list.length < window.limit) return 0;
    const times = list.map((h) => h.t).sort((a, b) => a - b);
    return times[list.length - window.limit]! + window.windowMs - now;
  }
}
