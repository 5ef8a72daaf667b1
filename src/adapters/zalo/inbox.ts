import { ThreadType, type Message, type Reaction } from "zca-js";
import type { InboundJournal } from "../../chat/inbound-journal.js";
import type { InboundHandler } from "../../chat/port.js";
import type { Logger } from "../../logger.js";
import { zaloChatId } from "./chat-ids.js";
import { snapshotOf, toInbound, type FetchLike } from "./inbound.js";
import { SeenIds, type MessageMemory } from "./message-memory.js";
import { emojiOf } from "./reactions.js";
import type { ZaloApi, ZaloListener } from "./zalo-api.js";

/** Catch-up reads messages this much older than the disconnect too, against clock skew. */
const CATCH_UP_MARGIN_MS = 60_000;

/** A reaction someone put on a message (the port has no inbound reaction yet; the core may treat it as an ack). */
export interface ZaloInboundReaction {
  chat: string;
  messageId: string;
  sender: { id: string; name: string };
  emoji: string;
  at: Date;
}

export interface InboxOptions {
  onInbound: InboundHandler;
  onReaction?: (reaction: ZaloInboundReaction) => void | Promise<void>;
  memory: MessageMemory;
  fetch: FetchLike;
  api: () => ZaloApi | undefined;
  ownId: () => string;
  oldMessagesTimeoutMs: number;
  logger: Logger;
  /** Each message is written down as it arrives and forgotten once handled; see ZaloAdapter.start for the replay. */
  journal?: InboundJournal;
}

/**
 * Everything that comes in: live messages and the server's old_messages after an outage. Each
 * message reaches the core once (deduplicated by msgId), in arrival order (one chain), never the bot's own.
 */
export class ZaloInbox {
  private chain: Promise<void> = Promise.resolve();
  private readonly seen = new SeenIds();
  private readonly lastIds = new Map<ThreadType, bigint>();
  private readonly titles = new Map<string, string>();
  private readonly oldArrived = new Map<ThreadType, () => void>();
  private cutoff: number | undefined;
  private caughtUp = 0;

  constructor(private readonly o: InboxOptions) {}

  listen(listener: ZaloListener): void {
    listener.on("message", (m) => this.enqueue(m, false));
    listener.on("old_messages", (messages, type) => {
      for (const m of messages) this.enqueue(m, true);
      this.oldArrived.get(type)?.();
    });
    listener.on("reaction", (r) => this.reaction(r));
  }

  /** Resolves when every message received so far has been handed to the core. */
  idle(): Promise<void> {
    return this.chain;
  }

  /**
   * Fetches what arrived since `since` (ms): the server's old-message push (cmd 510/511) after the last ids seen, for
   * private and group threads alike. Returns how many messages that delivered.
   *
   * Group history is not read: zca-js 2.2.0's getGroupChatHistory calls /api/group/history, which Zalo removed (404;
   * zca-js issues #356, #367, #374). old_messages brings one batch — the latest messages Zalo keeps for this login,
   * about two weeks (#226, #191) — and also the bot's own sends, from which their real cliMsgId is learnt.
   */
  async catchUp(since: number): Promise<number> {
    const api = this.o.api();
    if (!api) return 0;
    this.cutoff = since - CATCH_UP_MARGIN_MS;
    this.caughtUp = 0;
    const types = [ThreadType.User, ThreadType.Group];
    const arrived = types.map((type) => new Promise<void>((resolve) => this.oldArrived.set(type, resolve)));
    for (const type of types) {
      const last = this.lastIds.get(type);
      try {
        api.listener.requestOldMessages(type, last === undefined ? null : String(last));
      } catch (error) {
        this.o.logger.warn("zalo: requesting old messages failed", { type, error });
      }
    }
    // old_messages come back over the WebSocket whenever Zalo answers; wait a little so the count includes them.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(arrived),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.o.oldMessagesTimeoutMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    this.oldArrived.clear();
    await this.chain;
    return this.caughtUp;
  }

  /** Inbound handling waits for `gate` (the login) before anything queued after this call. */
  holdUntil(gate: Promise<void>): void {
    this.chain = this.chain.then(() => gate).catch(() => {});
  }

  /** Messages written down by a process that died before handling them: queued first, handled like live ones. */
  replay(entries: Array<{ id: string; payload: string }>): void {
    for (const entry of entries) {
      let message: Message;
      try {
        message = JSON.parse(entry.payload) as Message;
      } catch (error) {
        this.o.logger.error("zalo: journal entry unreadable", { id: entry.id, error });
        void this.o.journal?.done(entry.id);
        continue;
      }
      this.enqueue(message, false, false);
    }
  }

  private enqueue(message: Message, old: boolean, write = true): void {
    // Zalo confirms nothing, so the message is written down as soon as it arrives (before its turn in the chain); a
    // crash before it is handled leaves it for the replay at the next start.
    const journal = this.o.journal && !message.isSelf ? this.o.journal : undefined;
    const id = `zalo:msg:${String(message.data.msgId)}`;
    const recorded = journal && write
      ? journal.record({ id, platform: "zalo", payload: JSON.stringify(message) }).catch((error: unknown) => this.o.logger.error("zalo: message not written down", { id, error }))
      : undefined;
    this.chain = this.chain
      .then(async () => {
        await recorded;
        await this.deliver(message, old);
        await journal?.done(id);
      })
      .catch((error: unknown) => this.o.logger.error("zalo: inbound message failed", { error }));
  }

  private async deliver(message: Message, old: boolean): Promise<void> {
    const chat = zaloChatId(message.type, message.threadId);
    const msgId = String(message.data.msgId);
    if (message.isSelf) {
      // History shows the bot's own sends with their real cliMsgId: learn it (also for sends from before a restart),
      // so quotes of them resolve exactly and they can be quoted again.
      const own = snapshotOf(message);
      const exact = Number(own.cliMsgId);
      const known = this.o.memory.get(chat, msgId) ?? own;
      this.o.memory.remember({ ...known, cliMsgId: own.cliMsgId, sentWindow: [exact, exact] });
      return;
    }
    if (old && this.cutoff !== undefined && Number(message.data.ts) < this.cutoff) return;
    if (!this.seen.firstTime(msgId)) return;
    if (old) this.caughtUp++;
    this.trackLast(message);
    this.o.memory.remember(snapshotOf(message));
    const isGroup = message.type === ThreadType.Group;
    const chatTitle = isGroup ? await this.groupTitle(message.threadId) : undefined;
    const context = { ownId: this.o.ownId(), memory: this.o.memory, fetch: this.o.fetch, ...(chatTitle ? { chatTitle } : {}) };
    await this.o.onInbound(toInbound(message, context));
  }

  private trackLast(message: Message): void {
    try {
      const id = BigInt(message.data.msgId);
      const last = this.lastIds.get(message.type);
      if (last === undefined || id > last) this.lastIds.set(message.type, id);
    } catch {
      // a non-numeric id cannot order anything: keep the last good one
    }
  }

  private async groupTitle(groupId: string): Promise<string | undefined> {
    if (this.titles.has(groupId)) return this.titles.get(groupId) || undefined;
    let title = "";
    try {
      title = (await this.o.api()?.getGroupInfo(groupId))?.gridInfoMap[groupId]?.name ?? "";
    } catch (error) {
      this.o.logger.warn("zalo: group info unavailable", { groupId, error });
    }
    this.titles.set(groupId, title); // failures too: one lookup per group, not one per message
    return title || undefined;
  }

  private reaction(reaction: Reaction): void {
    const target = reaction.data.content.rMsg[0];
    if (reaction.isSelf || !this.o.onReaction || !target) return;
    const type = reaction.isGroup ? ThreadType.Group : ThreadType.User;
    void Promise.resolve(
      this.o.onReaction({
        chat: zaloChatId(type, reaction.threadId),
        messageId: String(target.gMsgID),
        sender: { id: `zalo:${reaction.data.uidFrom}`, name: reaction.data.dName ?? "" },
        emoji: emojiOf(reaction.data.content.rIcon),
        at: new Date(Number(reaction.data.ts)),
      }),
    ).catch((error: unknown) => this.o.logger.error("zalo: reaction handler failed", { error }));
  }
}
