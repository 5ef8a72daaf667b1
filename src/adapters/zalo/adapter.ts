import { Reactions } from "zca-js";
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
import { MAX_REPLAYS, type InboundJournal } from "../../chat/inbound-journal.js";
import { translator, type Lang, type Translate } from "../../i18n.js";
import { silentLogger, type Logger } from "../../logger.js";
import { parseZaloChatId } from "./chat-ids.js";
import { isSessionError, toSendError } from "./errors.js";
import type { FetchLike } from "./inbound.js";
import { ZaloInbox, type ZaloInboundReaction } from "./inbox.js";
import { MessageMemory, type ZaloMessageSnapshot } from "./message-memory.js";
import { attachmentOf, quoteOf, renderText, type ButtonHint } from "./outbound.js";
import { ZALO_RECONNECT_BACKOFF, type Backoff, type ZaloSessionProblem } from "./session-problem.js";
import { ZaloSession } from "./session.js";
import type { ZaloApi, ZaloLoginClient } from "./zalo-api.js";

export type { ZaloInboundReaction } from "./inbox.js";

export interface ZaloAdapterOptions {
  client: ZaloLoginClient;
  credentialsPath: string;
  qrPath: string;
  onInbound: InboundHandler;
  /** Session trouble and recovery, for the core to tell admins (over Telegram or the log). */
  onSessionProblem?: (problem: ZaloSessionProblem) => void | Promise<void>;
  onReaction?: (reaction: ZaloInboundReaction) => void | Promise<void>;
  /** QR login when the saved session is missing or rejected (default true; false for strictly unattended runs). */
  allowQrLogin?: boolean;
  /** While reconnecting, retry the saved session this many times before offering a QR (default 3). */
  qrAfterAttempts?: number;
  /** New QR codes generated after one expires before the login gives up (default 3). */
  qrRefreshes?: number;
  /** Groups whose history is read after an outage (e.g. every bound group); groups seen since start are added. */
  catchUpGroups?: () => Promise<string[]> | string[];
  /** Where each message is written down as it arrives; start() replays what a crash left unhandled (decision 0405). */
  journal?: InboundJournal;
  historyCount?: number;
  /** How long catch-up waits for the server's old_messages answer before reporting (default 15 s). */
  oldMessagesTimeoutMs?: number;
  /** While the session is down, how long the delivery worker is told to wait before a chat's next try (30 s). */
  sessionDownRetryMs?: number;
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

export const SESSION_DOWN_RETRY_MS = 30_000;

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

/** The Zalo side of the chat port: sends, quotes and reactions out; messages in through ZaloInbox. */
export class ZaloAdapter implements ChatAdapter {
  readonly platform = "zalo" as const;
  private readonly memory: MessageMemory;
  private readonly session: ZaloSession;
  private readonly inbox: ZaloInbox;
  private readonly t: Translate;
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(private readonly options: ZaloAdapterOptions) {
    this.memory = new MessageMemory(options.memoryCapacity);
    this.t = translator(options.lang ?? "vi");
    this.log = (options.logger ?? silentLogger).child({ platform: "zalo" });
    this.now = options.now ?? Date.now;
    const report = (problem: ZaloSessionProblem) => {
      if (!options.onSessionProblem) return;
      void Promise.resolve(options.onSessionProblem(problem)).catch((error: unknown) =>
        this.log.error("zalo: session problem handler failed", { error }),
      );
    };
    this.inbox = new ZaloInbox({
      onInbound: options.onInbound,
      ...(options.onReaction ? { onReaction: options.onReaction } : {}),
      memory: this.memory,
      fetch: options.fetch ?? ((url) => fetch(url)),
      api: () => this.session.api,
      ownId: () => this.session.ownId,
      ...(options.catchUpGroups ? { catchUpGroups: options.catchUpGroups } : {}),
      historyCount: options.historyCount ?? 50,
      oldMessagesTimeoutMs: options.oldMessagesTimeoutMs ?? 15_000,
      logger: this.log,
      ...(options.journal ? { journal: options.journal } : {}),
    });
    this.session = new ZaloSession({
      client: options.client,
      credentialsPath: options.credentialsPath,
      qrPath: options.qrPath,
      allowQrLogin: options.allowQrLogin ?? true,
      qrAfterAttempts: options.qrAfterAttempts ?? 3,
      qrRefreshes: options.qrRefreshes ?? 3,
      backoff: { ...ZALO_RECONNECT_BACKOFF, ...options.backoff },
      printQr: options.printQr ?? ((drawing) => process.stdout.write(drawing)),
      wait: options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      now: this.now,
      logger: this.log,
      report,
      onListener: (listener) => this.inbox.listen(listener),
      onConnected: (downSince) => {
        const since = downSince ?? this.pendingCatchUpSince;
        this.pendingCatchUpSince = undefined;
        if (since === undefined) return;
        void this.inbox.catchUp(since).then((caughtUp) => {
          if (downSince !== undefined) report({ kind: "reconnected", downMs: this.now() - downSince, caughtUp });
        });
      },
    });
  }

  private pendingCatchUpSince: number | undefined;

  /** True while logged in and able to send. */
  get online(): boolean {
    return this.session.api !== undefined;
  }

  /**
   * Logs in (saved session, else QR) and starts listening. `catchUpSince`: when the core last handled Zalo input,
   * so messages that arrived while dondoc was down are fetched once the listener is connected.
   */
  async start(options: { catchUpSince?: Date } = {}): Promise<void> {
    this.pendingCatchUpSince = options.catchUpSince?.getTime();
    // Messages a crash left unhandled go first, once logged in (mentions need the bot's own id), before live ones.
    const journal = this.options.journal;
    let loggedIn: () => void = () => {};
    if (journal) {
      const { replay, abandoned } = await journal.takeUnhandled("zalo", MAX_REPLAYS);
      for (const id of abandoned) this.log.error("zalo: message replayed without being handled; given up", { id, replays: MAX_REPLAYS });
      this.inbox.holdUntil(new Promise<void>((resolve) => (loggedIn = resolve)));
      this.inbox.replay(replay);
    }
    try {
      await this.session.start();
    } finally {
      loggedIn();
    }
  }

  async stop(): Promise<void> {
    this.session.stop();
    await this.inbox.idle();
  }

  /** Resolves when every inbound message received so far has been handed to the core. */
  idle(): Promise<void> {
    return this.inbox.idle();
  }

  async send(message: OutgoingMessage): Promise<SentRef> {
    const thread = parseZaloChatId(message.chat);
    if (!thread) throw new ChatSendError({ kind: "rejected", reason: `not a Zalo chat id: ${message.chat}` });
    const api = this.requireSession();
    const text = renderText(message.text, message.buttons, this.options.buttonHint, this.t);
    const quoted = message.replyTo ? this.memory.get(message.chat, message.replyTo) : undefined;
    if (message.replyTo && !quoted) {
      const { chat, replyTo } = message;
      this.log.warn("zalo: quoted message not known, sending without quote", { chat, replyTo });
    }
    const started = this.now();
    const response = await api
      .sendMessage(
        {
          msg: text,
          ...(quoted ? { quote: quoteOf(quoted) } : {}),
          ...(message.file ? { attachments: [attachmentOf(message.file)] } : {}),
        },
        thread.threadId,
        thread.type,
      )
      .catch((error: unknown) => this.fail(error));
    const finished = this.now();
    const msgId = response.message?.msgId ?? response.attachment[0]?.msgId;
    if (msgId === undefined) throw new ChatSendError({ kind: "transient", reason: "Zalo returned no message id" });
    // zca-js chose the cliMsgId (Date.now()) somewhere in [started, finished] and does not return it.
    this.memory.remember({
      chat: message.chat,
      msgId: String(msgId),
      cliMsgId: String(started),
      uidFrom: this.session.ownId,
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
    if (!known) {
      throw new ChatSendError({ kind: "rejected", reason: `cannot react: message ${messageId} not known (no cliMsgId)` });
    }
    await api
      .addReaction(EMOJI_TO_REACTION[emoji] ?? Reactions.LIKE, {
        data: { msgId: known.msgId, cliMsgId: known.cliMsgId },
        threadId: thread.threadId,
        type: thread.type,
      })
      .catch((error: unknown) => this.fail(error));
  }

  /** What quoting/reacting to a message needs, for the core to persist with its post record. */
  snapshot(chat: ChatId, messageId: string): ZaloMessageSnapshot | undefined {
    return this.memory.get(chat, messageId);
  }

  /** Hands back a snapshot the core persisted (after a restart the in-memory copy is gone). */
  remember(snapshot: ZaloMessageSnapshot): void {
    this.memory.remember(snapshot);
  }

  /**
   * While the session is down, sends are "rate_limited" rather than "transient": the delivery worker then waits
   * without counting attempts, so a long outage (a QR login waiting for an admin) delays posts but never fails them.
   */
  private requireSession(): ZaloApi {
    const api = this.session.api;
    if (api) return api;
    const retryAfterMs = this.options.sessionDownRetryMs ?? SESSION_DOWN_RETRY_MS;
    throw new ChatSendError({ kind: "rate_limited", retryAfterMs });
  }

  private fail(error: unknown): never {
    if (isSessionError(error)) this.session.lost("session expired");
    throw toSendError(error);
  }
}
