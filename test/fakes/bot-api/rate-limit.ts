/** Telegram's send limits as sliding windows, so the fake answers 429 exactly when a real bot would risk one. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface FakeRateLimits {
  /** Across all chats (Telegram: about 30 messages per second). */
  global?: RateWindow;
  /** Per group chat (Telegram: 20 messages per minute). */
  group?: RateWindow;
  /** Per private chat (Telegram: about 1 message per second). */
  private?: RateWindow;
}

export const TELEGRAM_LIMITS: Required<FakeRateLimits> = {
  global: { limit: 30, windowMs: 1000 },
  group: { limit: 20, windowMs: 60_000 },
  private: { limit: 1, windowMs: 1000 },
};

export class SlidingWindows {
  private readonly hits = new Map<string, number[]>();

  /** Milliseconds until one more hit fits in the window (0: it fits now). */
  waitMs(key: string, window: RateWindow, now: number): number {
    const list = this.prune(key, window, now);
    if (list.length < window.limit) return 0;
    return list[list.length - window.limit]! + window.windowMs - now;
  }

  record(key: string, now: number): void {
    const list = this.hits.get(key) ?? [];
    list.push(now);
    this.hits.set(key, list);
  }

  private prune(key: string, window: RateWindow, now: number): number[] {
    const list = this.hits.get(key) ?? [];
    while (list.length > 0 && list[0]! <= now - window.windowMs) list.shift();
    return list;
  }
}
