/**
 * Telegram apps split a pasted text over 4,096 characters into several messages (a 14k-character kế hoạch arrives as
 * four). Consecutive messages from the same person in the same chat within a short quiet period are joined back into
 * one text before the reader sees it.
 */
export interface JoinedText<T> {
  key: string;
  text: string;
  /** The first message's metadata (where to answer). */
  first: T;
  parts: number;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class MessageJoiner<T> {
  private pending = new Map<string, { parts: string[]; first: T; timer: unknown }>();

  constructor(
    private readonly onJoined: (joined: JoinedText<T>) => void,
    private readonly quietMs = 2_500,
    private readonly timers: Timers = realTimers,
  ) {}

  /** `key` identifies the sender in a chat, e.g. `${chat}|${sender}`. */
  push(key: string, text: string, meta: T): void {
    const entry = this.pending.get(key);
    if (entry) {
      this.timers.clearTimeout(entry.timer);
      entry.parts.push(text);
      entry.timer = this.timers.setTimeout(() => this.flush(key), this.quietMs);
      return;
    }
    this.pending.set(key, { parts: [text], first: meta, timer: this.timers.setTimeout(() => this.flush(key), this.quietMs) });
  }

  /** Emits what is pending for `key` now (e.g. on shutdown or when a command interrupts). */
  flush(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.timers.clearTimeout(entry.timer);
    this.pending.delete(key);
    // Telegram cuts at a character limit, often mid-line: joining with "\n" keeps item starts at line starts,
    // and the reader rejoins wrapped sentences anyway.
    this.onJoined({ key, text: entry.parts.join("\n"), first: entry.first, parts: entry.parts.length });
  }

  flushAll(): void {
    for (const key of [...this.pending.keys()]) this.flush(key);
  }

  get size(): number {
    return this.pending.size;
  }
}
