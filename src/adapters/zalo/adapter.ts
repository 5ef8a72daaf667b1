import { Reactions, ThreadType, type CloseReason, type Message, type Reaction } from "zca-js";
import {
  type Button,
  ChatSendError,
  NotImplementedError,
  type ChatAdapter,
  type ChatId,
  type InboundHandler,
  type OutgoingMessage,
  type SentRef,
} from "../../chat/port.js";
import { translator, type Lang, type Translate } from "../../i18n.js";
import { silentLogger, type Logger } from "../../logger.js";
import { parseZaloChatId, zaloChatId } from "./chat-ids.js";
import { isSessionError, toSendError } from "./errors.js";
import { snapshotOf, toInbound, type FetchLike } from "./inbound.js";
import { logIn } from "./login.js";
import { MessageMemory, SeenIds, type ZaloMessageSnapshot } from "./message-memory.js";
import { attachmentOf, quoteOf, renderText, type ButtonHint } from "./outbound.js";
import { backoffDelay, ZALO_RECONNECT_BACKOFF, type Backoff, type ZaloSessionProblem } from "./session-problem.js";
import type { ZaloApi, ZaloListener, ZaloLoginClient } from "./zalo-api.js";

/** A reaction someone put on a message (the port has no inbound reaction yet; the core may treat it as an ack). */
export interface ZaloInboundReaction {
  chat: ChatId;
  messageId: string;
  sender: { id: string; name: string };
  emoji: string;
  at: Date;
}

export interface ZaloAdapterOptions {
  client: ZaloLoginClient;
  credentialsPath: string;
  qrPath: string;
  onInbound: InboundHandler;
  /** Session trouble and recovery, for the core to tell admins (over Telegram or the log). Must not throw. */
  onSessionProblem?: (problem: ZaloSessionProblem) => void | Promise<void>;
  onReaction?: (reaction: ZaloInboundReaction) => void | Promise<void>;
  /** QR login when the saved session is missing or rejected (default true; false for strictly unattended runs). */
  allowQrLogin?: boolean;
  /**
   * While reconnecting, the saved session is retried this many times before a QR login is offered: a failed login is
   * more often the network than an expired session, and a QR needs a person (default 3).
   */
  qrAfterAttempts?: number;
  qrRefreshes?: number;
  /** Groups whose history is read after a reconnect (e.g. every bound group). Default: groups seen since start. */
  catchUpGroups?: () => Promise<string[]> | string[];
  historyCount?: number;
  /** While the session is down, how long the delivery worker is told to wait before a chat's next try (30 s). */
  sessionDownRetryMs?: number;
  /** How long catch-up waits for the server's old_messages answer before reporting (default 15 s). */
  oldMessagesTimeoutMs?: number;
  backoff?: Partial<Backoff>;
  buttonHint?: ButtonHint;
  lang?: Lang;
  logger?: Logger;
  fetch?: FetchLike;
  /** Injected for tests; real timers by default. */
  wait?: (ms: number) => Promise<void>;
  /** Wall-clock milliseconds, as zca-js uses for client message ids. */
  now?: () => number;
  printQr?: (drawing: string) => void;
  memoryCapacity?: number;
}

/** How long the delivery worker waits before trying a chat again while the session is down. */
export const SESSION_DOWN_RETRY_MS = 30_000;

/** Catch-up reads messages this much older than the disconnect too, against clock skew. */
const CATCH_UP_MARGIN_MS = 60_000;

const EMOJI_TO_REACTION: Record<string, Reactions> = {
  "👍": Reactions.LIKE,
  "❤️": Reactions.HEART,
  "❤": Reactions.HEART,
  "👌": Reactions.OK,
  "✅": Reactions.OK,
  "🙏": Reactions.THANKS,
  "😆": Reactions.HAHA,
  "😮": Reactions.WOW,
  "😢": Reactions.CRY,
};

export class ZaloAdapter implements ChatAdapter {
  readonly platform = "zalo" as const;
  private api: ZaloApi | undefined;
  private ownId = "";
  private stopped = false;
  private reconnecting = false;
  private downSince: number | undefined;
  private pendingCatchUp: { since: number; afterReconnect: boolean } | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly memory: MessageMemory;
  private readonly seen = new SeenIds();
  private readonly lastIds = new Map<ThreadType, bigint>();
  private readonly groupsSeen = new Set<string>();
  private readonly titles = new Map<string, string>();
  private readonly t: Translate;
  private readonly log: Logger;
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly fetchFn: FetchLike;
  private catchUpCount = 0;

  constructor(private readonly options: ZaloAdapterOptions) {
    this.memory = new MessageMemory(options.memoryCapacity);
    this.t = translator(options.lang ?? "vi");
    this.log = (options.logger ?? silentLogger).child({ platform: "zalo" });
    this.backoff = { ...ZALO_RECONNECT_BACKOFF, ...options.backoff };
    this.now = options.now ?? Date.now;
    this.wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.fetchFn = options.fetch ?? ((url) => fetch(url));
  }

  /** True while logged in and able to send. */
  get online(): boolean {
    return this.api !== undefined;
  }

  /**
   * Logs in (saved session, else QR) and starts listening. `catchUpSince`: when the core last handled Zalo input,
   * so messages that arrived while dondoc was down are fetched once the listener is connected.
   */
  async start(options: { catchUpSince?: Date } = {}): Promise<void> {
    this.stopped = false;
    if (options.catchUpSince) this.pendingCatchUp = { since: options.catchUpSince.getTime(), afterReconnect: false };
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.detach();
    await this.chain;
  }

  /** Resolves when every inbound message received so far has been handed to the core. */
  idle(): Promise<void> {
    return this.chain;
  }

  // ---- outbound ----------------------------------------------------------------------------------------------

  async send(message: OutgoingMessage): Promise<SentRef> {
    const thread = parseZaloChatId(message.chat);
    if (!thread) throw new ChatSendError({ kind: "rejected", reason: `not a Zalo chat id: ${message.chat}` });
    const api = this.requireSession();
    const text = renderText(message.text, message.buttons, this.options.buttonHint, this.t);
    const quoted = message.replyTo ? this.memory.get(message.chat, message.replyTo) : undefined;
    if (message.replyTo && !quoted) this.log.warn("zalo: quoted message not known, sending without quote", { chat: message.chat, replyTo: message.replyTo });
    const started = this.now();
    let response;
    try {
      response = await api.sendMessage(
        {
          msg: text,
          ...(quoted ? { quote: quoteOf(quoted) } : {}),
          ...(message.file ? { attachments: [attachmentOf(message.file)] } : {}),
        },
        thread.threadId,
        thread.type,
      );
    } catch (error) {
      if (isSessionError(error)) this.sessionLost("session expired while sending");
      throw toSendError(error);
    }
    const finished = this.now();
    const msgId = response.message?.msgId ?? response.attachment[0]?.msgId;
    if (msgId === undefined) throw new ChatSendError({ kind: "transient", reason: "Zalo returned no message id" });
    this.memory.remember({
      chat: message.chat,
      msgId: String(msgId),
      cliMsgId: String(started),
      uidFrom: this.ownId,
      msgType: "webchat",
      content: text,
      ts: String(finished),
      ttl: 0,
      sentWindow: [started, finished],
    });
    return { chat: message.chat, messageId: String(msgId) };
  }

  /** Zalo offers no message editing through zca-js: the core posts a short follow-up instead. */
  async edit(_ref: SentRef, _text: string, _buttons?: Button[][]): Promise<void> {
    throw new NotImplementedError("edit", "zalo");
  }

  async react(chat: ChatId, messageId: string, emoji: string): Promise<void> {
    const thread = parseZaloChatId(chat);
    if (!thread) throw new ChatSendError({ kind: "rejected", reason: `not a Zalo chat id: ${chat}` });
    const api = this.requireSession();
    const known = this.memory.get(chat, messageId);
    if (!known) throw new ChatSendError({ kind: "rejected", reason: `cannot react: message ${messageId} not known (no cliMsgId)` });
    try {
      await api.addReaction(EMOJI_TO_REACTION[emoji] ?? Reactions.LIKE, {
        data: { msgId: known.msgId, cliMsgId: known.cliMsgId },
        threadId: thread.threadId,
        type: thread.type,
      });
    } catch (error) {
      if (isSessionError(error)) this.sessionLost("session expired while reacting");
      throw toSendError(error);
    }
  }

  /** What quoting/reacting to a message needs, for the core to persist with its post record. */
  snapshot(chat: ChatId, messageId: string): ZaloMessageSnapshot | undefined {
    return this.memory.get(chat, messageId);
  }

  /** Hands back a snapshot the core persisted (after a restart the in-memory copy is gone). */
  remember(snapshot: ZaloMessageSnapshot): void {
    this.memory.remember(snapshot);
  }

  // ---- session -----------------------------------------------------------------------------------------------

  /**
   * While the session is down, sends are "rate_limited" rather than "transient": the delivery worker then waits
   * without counting attempts, so a long outage (a QR login waiting for an admin) delays posts but never fails them.
   */
  private requireSession(): ZaloApi {
    if (this.api) return this.api;
    throw new ChatSendError({ kind: "rate_limited", retryAfterMs: this.options.sessionDownRetryMs ?? SESSION_DOWN_RETRY_MS });
  }

  private async connect(allowQr = this.options.allowQrLogin ?? true): Promise<void> {
    const api = await logIn(this.options.client, {
      credentialsPath: this.options.credentialsPath,
      qrPath: this.options.qrPath,
      allowQr,
      qrRefreshes: this.options.qrRefreshes ?? 3,
      printQr: this.options.printQr ?? ((drawing) => process.stdout.write(drawing)),
      logger: this.log,
      onQr: ({ pngPath, png }) => this.report({ kind: "qr_required", pngPath, png }),
    });
    if (this.stopped) return;
    this.api = api;
    this.ownId = String(api.getOwnId());
    this.attach(api.listener);
    this.log.info("zalo: logged in", { ownId: this.ownId });
  }

  private attach(listener: ZaloListener): void {
    listener.on("message", (m) => this.enqueue(m));
    listener.on("old_messages", (messages, type) => {
      for (const m of messages) this.enqueue(m, true);
      this.oldMessagesArrived.get(type)?.();
    });
    listener.on("reaction", (r) => this.onReaction(r));
    listener.on("connected", () => {
      this.log.info("zalo: listener connected");
      if (this.pendingCatchUp) void this.catchUp(this.pendingCatchUp);
      this.pendingCatchUp = undefined;
    });
    listener.on("disconnected", (code, reason) => this.log.warn("zalo: listener disconnected", { code, reason }));
    listener.on("closed", (code, reason) => {
      if (this.api?.listener === listener) this.onClosed(code, reason);
    });
    listener.on("error", (error) => {
      this.log.error("zalo: listener error", { error });
      this.report({ kind: "error", error: describe(error) });
    });
    // zca-js retries the close codes Zalo marks as retryable itself; "closed" means it gave up (or was kicked).
    listener.start({ retryOnClose: true });
  }

  private detach(): void {
    const listener = this.api?.listener;
    this.api = undefined;
    if (!listener) return;
    listener.removeAllListeners();
    try {
      listener.stop();
    } catch (error) {
      this.log.warn("zalo: stopping the listener failed", { error });
    }
  }

  private onClosed(code: CloseReason, reason: string): void {
    this.log.warn("zalo: listener closed", { code, reason });
    this.downSince ??= this.now();
    this.detach();
    if (!this.stopped) void this.reconnect({ kind: "closed", code, reason, attempt: 1, retryInMs: 0 });
  }

  /** A send found the session expired: stop using it and log in again in the background. */
  private sessionLost(reason: string): void {
    if (!this.api) return;
    this.downSince ??= this.now();
    this.detach();
    if (!this.stopped) void this.reconnect({ kind: "closed", code: 0, reason, attempt: 1, retryInMs: 0 });
  }

  private async reconnect(first: Extract<ZaloSessionProblem, { kind: "closed" }>): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    let problem: ZaloSessionProblem = first;
    try {
      for (let attempt = 1; !this.stopped; attempt++) {
        if (attempt > this.backoff.maxAttempts) {
          this.report({ kind: "gave_up", attempts: attempt - 1 });
          return;
        }
        const delay = backoffDelay(this.backoff, attempt);
        this.report({ ...problem, attempt, retryInMs: delay } as ZaloSessionProblem);
        await this.wait(delay);
        if (this.stopped) return;
        try {
          this.pendingCatchUp = { since: this.downSince ?? this.now(), afterReconnect: true };
          await this.connect((this.options.allowQrLogin ?? true) && attempt > (this.options.qrAfterAttempts ?? 3));
          this.downSince = undefined;
          return;
        } catch (error) {
          this.log.warn("zalo: reconnect failed", { attempt, error });
          problem = { kind: "login_failed", error: describe(error), attempt, retryInMs: 0 };
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }

  /** Messages that arrived while the listener was down: the server's old-message push and group history. */
  private async catchUp(window: { since: number; afterReconnect: boolean }): Promise<void> {
    const api = this.api;
    if (!api) return;
    const cutoff = window.since - CATCH_UP_MARGIN_MS;
    this.catchUpCutoff = cutoff;
    this.catchUpCount = 0;
    const types = [ThreadType.User, ThreadType.Group];
    const arrived = types.map((type) => new Promise<void>((resolve) => this.oldMessagesArrived.set(type, resolve)));
    for (const type of types) {
      const last = this.lastIds.get(type);
      try {
        api.listener.requestOldMessages(type, last === undefined ? null : String(last));
      } catch (error) {
        this.log.warn("zalo: requesting old messages failed", { type, error });
      }
    }
    const groups = new Set([...(await this.options.catchUpGroups?.() ?? []), ...this.groupsSeen]);
    for (const groupId of groups) {
      try {
        const history = await api.getGroupChatHistory(groupId, this.options.historyCount ?? 50);
        const recent = history.groupMsgs
          .filter((m) => Number(m.data.ts) >= cutoff)
          .sort((a, b) => Number(a.data.ts) - Number(b.data.ts));
        for (const m of recent) this.enqueue(m, true);
      } catch (error) {
        this.log.warn("zalo: reading group history failed", { groupId, error });
      }
    }
    // old_messages come back over the WebSocket whenever Zalo answers; wait a little so the report counts them.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(arrived),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.options.oldMessagesTimeoutMs ?? 15_000);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    this.oldMessagesArrived.clear();
    await this.chain;
    if (window.afterReconnect) this.report({ kind: "reconnected", downMs: this.now() - window.since, caughtUp: this.catchUpCount });
  }

  private catchUpCutoff: number | undefined;
  private readonly oldMessagesArrived = new Map<ThreadType, () => void>();

  // ---- inbound -----------------------------------------------------------------------------------------------

  private enqueue(message: Message, old = false): void {
    this.chain = this.chain.then(() => this.deliver(message, old)).catch((error: unknown) => {
      this.log.error("zalo: inbound message failed", { error });
    });
  }

  private async deliver(message: Message, old: boolean): Promise<void> {
    const chat = zaloChatId(message.type, message.threadId);
    const msgId = String(message.data.msgId);
    if (message.isSelf) {
      // History shows the bot's own sends with their real cliMsgId: learn it, so quotes of them resolve exactly.
      const known = this.memory.get(chat, msgId);
      if (known) this.memory.remember({ ...known, cliMsgId: String(message.data.cliMsgId) });
      return;
    }
    if (old && this.catchUpCutoff !== undefined && Number(message.data.ts) < this.catchUpCutoff) return;
    if (!this.seen.firstTime(msgId)) return;
    if (old) this.catchUpCount++;
    this.trackLast(message);
    this.memory.remember(snapshotOf(message));
    if (message.type === ThreadType.Group) this.groupsSeen.add(message.threadId);
    const chatTitle = message.type === ThreadType.Group ? await this.groupTitle(message.threadId) : undefined;
    const inbound = toInbound(message, { ownId: this.ownId, memory: this.memory, fetch: this.fetchFn, ...(chatTitle ? { chatTitle } : {}) });
    await this.options.onInbound(inbound);
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
      title = (await this.api?.getGroupInfo(groupId))?.gridInfoMap[groupId]?.name ?? "";
    } catch (error) {
      this.log.warn("zalo: group info unavailable", { groupId, error });
    }
    this.titles.set(groupId, title); // failures too: one lookup per group, not one per message
    return title || undefined;
  }

  private onReaction(reaction: Reaction): void {
    if (reaction.isSelf || !this.options.onReaction) return;
    const target = reaction.data.content.rMsg[0];
    if (!target) return;
    const type = reaction.isGroup ? ThreadType.Group : ThreadType.User;
    void Promise.resolve(
      this.options.onReaction({
        chat: zaloChatId(type, reaction.threadId),
        messageId: String(target.gMsgID),
        sender: { id: `zalo:${reaction.data.uidFrom}`, name: reaction.data.dName ?? "" },
        emoji: reaction.data.content.rIcon,
        at: new Date(Number(reaction.data.ts)),
      }),
    ).catch((error: unknown) => this.log.error("zalo: reaction handler failed", { error }));
  }

  private report(problem: ZaloSessionProblem): void {
    if (!this.options.onSessionProblem) return;
    void Promise.resolve(this.options.onSessionProblem(problem)).catch((error: unknown) =>
      this.log.error("zalo: session problem handler failed", { error }),
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}
