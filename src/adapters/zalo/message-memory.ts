import type { TMessage } from "zca-js";
import type { ChatId } from "../../chat/port.js";

/**
 * What quoting or reacting to a Zalo message needs later. zca-js's sendMessage builds a quote from the quoted
 * message's own fields, and addReaction needs its cliMsgId: a message id alone is not enough. The adapter keeps the
 * recent ones in memory; the core may persist a snapshot (`ZaloAdapter.snapshot`) and hand it back after a restart
 * (`ZaloAdapter.remember`). Plain JSON on purpose.
 */
export interface ZaloMessageSnapshot {
  chat: ChatId;
  msgId: string;
  /** For messages the bot sent, zca-js picks it (Date.now() at send time) and does not return it: a best guess. */
  cliMsgId: string;
  uidFrom: string;
  msgType: string;
  content: TMessage["content"];
  propertyExt?: TMessage["propertyExt"];
  ts: string;
  ttl: number;
  /** Bot's own sends: the [start, end] milliseconds during which zca-js chose the cliMsgId. */
  sentWindow?: [number, number];
}

/** A small LRU (Map keeps insertion order; a hit moves the entry to the end). */
export class MessageMemory {
  private readonly entries = new Map<string, ZaloMessageSnapshot>();

  constructor(private readonly capacity = 5000) {}

  remember(snapshot: ZaloMessageSnapshot): void {
    const key = `${snapshot.chat}|${snapshot.msgId}`;
    this.entries.delete(key);
    this.entries.set(key, snapshot);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get(chat: ChatId, msgId: string): ZaloMessageSnapshot | undefined {
    const key = `${chat}|${msgId}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /**
   * A bot message whose client id matches: exactly (learned from history) or within the window of its send. Newest
   * first, so two sends in the same millisecond window resolve to the latest.
   */
  findSentByCliMsgId(chat: ChatId, cliMsgId: string): ZaloMessageSnapshot | undefined {
    const n = Number(cliMsgId);
    const all = [...this.entries.values()].reverse();
    return (
      all.find((s) => s.chat === chat && s.sentWindow && s.cliMsgId === cliMsgId) ??
      all.find((s) => s.chat === chat && s.sentWindow && n >= s.sentWindow[0] && n <= s.sentWindow[1])
    );
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Seen message ids, to deliver a message once even when it arrives live, in old_messages and in group history. */
export class SeenIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 20_000) {}

  /** True the first time an id is seen. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
