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
import { BAD_QUOTE_CODE, isSessionError, REFUSED_CODE, toSendError, zaloCodeOf } from "./errors.js";
import type { FetchLike } from "./inbound.js";
import { ZaloInbox, type ZaloInboundReaction } from "./inbox.js";
import { reactionFor } from "./reactions.js";
import { MessageMemory, type ZaloMessageSnapshot } from "./message-memory.js";
import { attachmentOf, quoteOf, renderText, type ButtonHint } from "./outbound.js";
import { ZALO_RECONNECT_BACKOFF, type Backoff, type ZaloSessionProblem } from "./session-problem.js";
import { describeError, ZaloSession } from "./session.js";
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
  /** Where each message is written down as it arrives; start() replays what a crash left unhandled (decision 0405). */
  journal?: InboundJournal;
  /** How long catch-up waits for the server's old_messages answer before reporting (default 15 s). */
  oldMessagesTimeoutMs?: number;
  /** How long a send with a file may wait for zca-js's upload confirmation (default 2 min). */
  fileSendTimeoutMs?: number;
  /** 123 answers from one chat before it is "gone" (default 3). */
  refusalsBeforeGone?: number;
  /** While the session is down, how long the delivery worker is told to wait before a chat's next try (30 s). */
  sessionDownRetryMs?: number;
  backoff?: Partial<Backoff>;
  /** After close code 3000/3003 (another Zalo Web session took over), how long to wait before logging in again (1 h). */
  elsewhereRetryMs?: number;
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
/** A file send not confirmed within this time is retried later (uploads of a few MB take seconds). */
export const FILE_SEND_TIMEOUT_MS = 120_000;
/** 123 answers from one recipient before its messages are given up. */
export const REFUSALS_BEFORE_GONE = 3;
/**
 * An hour: a person who opened Zalo Web on the bot's account is likely using it; logging straight back in would kick
 * them, they would log in again, and the loop gets accounts locked. Restarting dondoc logs in at once.
 */
export const ELSEWHERE_RETRY_MS = 60 * 60_000;

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
    const report = (this.report = (problem: ZaloSessionProblem) => {
      if (!options.onSessionProblem) return;
      void Promise.resolve(options.onSessionProblem(problem)).catch((error: unknown) =>
        this.log.error("zalo: session problem handler failed", { error }),
      );
    });
    this.inbox = new ZaloInbox({
      onInbound: options.onInbound,
      ...(options.onReaction ? { onReaction: options.onReaction } : {}),
      memory: this.memory,
      fetch: options.fetch ?? ((url) => fetch(url)),
      api: () => this.session.api,
      ownId: () => this.session.ownId,
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
      elsewhereRetryMs: options.elsewhereRetryMs ?? ELSEWHERE_RETRY_MS,
      printQr: options.printQr ?? ((drawing) => process.stdout.write(drawing)),
      wait: options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      now: this.now,
      logger: this.log,
      report,
      onListener: (listener) => this.inbox.listen(listener),
      onConnected: (downSince, announce) => {
        const since = downSince ?? this.pendingCatchUpSince;
        this.pendingCatchUpSince = undefined;
        if (since === undefined) return;
        void this.inbox.catchUp(since).then((caughtUp) => {
          if (announce && downSince !== undefined) report({ kind: "reconnected", downMs: this.now() - downSince, caughtUp });
        });
      },
    });
  }

  private pendingCatchUpSince: number | undefined;
  /** 123 answers per chat since its last successful send. */
  private readonly refusals = new Map<ChatId, number>();
  /** File sends still waiting for zca-js's upload confirmation: stop() ends them (the outbox keeps the message). */
  private readonly pendingFileSends = new Set<(reason: string) => void>();
  private readonly report: (problem: ZaloSessionProblem) => void;

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
    for (const giveUp of [...this.pendingFileSends]) giveUp("Zalo adapter stopped before the file upload was confirmed");
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
    const content = { msg: text, ...(message.file ? { attachments: [attachmentOf(message.file)] } : {}) };
    const attempt = (withQuote: boolean) =>
      this.bounded(api.sendMessage({ ...content, ...(withQuote && quoted ? { quote: quoteOf(quoted) } : {}) }, thread.threadId, thread.type), message.file !== undefined);
    const response = await attempt(true)
      .catch((error: unknown) => {
        // 114: Zalo did not take the quote's fields (zca-js #122); the message matters more than the quote.
        if (!quoted || zaloCodeOf(error) !== BAD_QUOTE_CODE) throw error;
        this.log.warn("zalo: quote refused (114), sending without it", { chat: message.chat, replyTo: message.replyTo });
        return attempt(false);
      })
      .catch((error: unknown) => this.fail(error, message.chat));
    this.refusals.delete(message.chat);
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
      .addReaction(reactionFor(emoji), {
        data: { msgId: known.msgId, cliMsgId: known.cliMsgId },
        threadId: thread.threadId,
        type: thread.type,
      })
      .catch((error: unknown) => this.fail(error, chat));
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

  private fail(error: unknown, chat: ChatId): never {
    if (isSessionError(error)) this.session.lost("session expired");
    if (zaloCodeOf(error) === REFUSED_CODE) {
      // 123 is per recipient and does not pass by waiting: after a few tries the chat is given up and admins told.
      const refusals = (this.refusals.get(chat) ?? 0) + 1;
      if (refusals >= (this.options.refusalsBeforeGone ?? REFUSALS_BEFORE_GONE)) {
        this.refusals.delete(chat);
        this.report({ kind: "refused", chat, attempts: refusals });
        throw new ChatSendError({ kind: "gone", reason: `Zalo 123 (${describeError(error)}), ${refusals} times` }, { cause: error });
      }
      this.refusals.set(chat, refusals);
    }
    throw toSendError(error);
  }

  /**
   * A send with a file waits, inside zca-js, for the upload's "file_done" over the WebSocket (uploadAttachment.js);
   * with the listener down it never comes (zca-js #155, #224) and the chat's outbox would block for ever, stop()
   * with it. After `fileSendTimeoutMs` the send is given up as transient and tried again later. zca-js cannot cancel
   * it: should the upload finish after all, that copy may still go out, which is better than the message never going.
   */
  private bounded<T>(send: Promise<T>, hasFile: boolean): Promise<T> {
    if (!hasFile) return send;
    const ms = this.options.fileSendTimeoutMs ?? FILE_SEND_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    let giveUp!: (reason: string) => void;
    const timeout = new Promise<never>((_, reject) => {
      giveUp = (reason) => reject(new ChatSendError({ kind: "transient", reason }));
      timer = setTimeout(() => giveUp(`Zalo file upload not confirmed within ${ms} ms`), ms);
      timer.unref();
    });
    this.pendingFileSends.add(giveUp);
    return Promise.race([send, timeout]).finally(() => {
      clearTimeout(timer);
      this.pendingFileSends.delete(giveUp);
    });
  }
}
