/**
 * An in-memory Zalo for the adapter's tests: it implements the adapter's narrow zca-js interface (ZaloLoginClient,
 * ZaloApi, ZaloListener) and nothing more. Inbound messages are zca-js's own GroupMessage/UserMessage objects built
 * from the fixtures in test/fixtures/zalo, exactly as zca-js's listener builds them from the WebSocket payload.
 */
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PNG } from "pngjs";
import {
  CloseReason,
  GroupMessage,
  LoginQRCallbackEventType,
  ThreadType,
  UserMessage,
  ZaloApiError,
  ZaloApiLoginQRAborted,
  type API,
  type AddReactionDestination,
  type Credentials,
  type CustomReaction,
  type GroupInfoResponse,
  type LoginQRCallback,
  type Message,
  type MessageContent,
  type Reactions,
  type SendMessageResponse,
  type TGroupMessage,
  type TMessage,
} from "zca-js";
import type { ZaloApi, ZaloListener, ZaloLoginClient } from "../../../src/adapters/zalo/zalo-api.js";

export const BOT_UID = "2930485761203948571";
export const GROUP_ID = "6803247718291045512";
export const USER_UID = "5120398477612347789";
export const USER_NAME = "Nguyễn Thị Hoà";

const fixturesDir = new URL("../../fixtures/zalo/", import.meta.url);
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`${name}.json`, fixturesDir), "utf8")) as T;
}

/** A group message as zca-js's listener would emit it, from a fixture with some fields replaced. */
export function groupMessage(name: string, overrides: Partial<TGroupMessage> = {}): GroupMessage {
  return new GroupMessage(BOT_UID, { ...fixture<TGroupMessage>(name), ...overrides });
}

export function userMessage(name: string, overrides: Partial<TMessage> = {}): UserMessage {
  return new UserMessage(BOT_UID, { ...fixture<TMessage>(name), ...overrides });
}

/**
 * zca-js's Listener as it really behaves (node_modules/zca-js/dist/apis/listen.js): "connected" comes later from the
 * WebSocket's onopen; stop() while still connecting makes the ws library fail the handshake, which zca-js re-emits as
 * "error" (an EventEmitter "error" with no listener throws: recorded in `FakeZalo.uncaught`); on a retryable close
 * (1006) with `retryOnClose` it emits "disconnected", then restarts itself from a timer and emits "connected" again
 * on the same object; when a second connection of the account opens, Zalo closes the older one with code 3000.
 */
export class FakeListener extends EventEmitter implements ZaloListener {
  starts = 0;
  stops = 0;
  state: "idle" | "connecting" | "open" = "idle";
  private retryOnClose = false;
  readonly oldRequests: Array<{ type: ThreadType; lastMsgId: string | null | undefined }> = [];

  constructor(private readonly zalo: FakeZalo) {
    super();
  }

  start(options: { retryOnClose?: boolean } = {}): void {
    if (this.state !== "idle") throw new ZaloApiError("Already started");
    this.starts++;
    this.retryOnClose = options.retryOnClose ?? false;
    this.state = "connecting";
    const attempt = this.starts;
    setTimeout(() => {
      if (this.state !== "connecting" || this.starts !== attempt) return;
      this.state = "open";
      // The newest connection wins: Zalo closes the account's other open connection with 3000 (see closeWith).
      for (const other of this.zalo.listeners()) if (other !== this && other.state === "open") other.closeWith(CloseReason.DuplicateConnection, "");
      this.emitLikeZca("connected");
    }, this.zalo.connectDelayMs);
  }

  stop(): void {
    this.stops++;
    const was = this.state;
    this.state = "idle";
    if (was === "connecting") {
      // ws: "WebSocket was closed before the connection was established" → onerror → emit("error"), then onclose 1006.
      setImmediate(() => {
        this.emitLikeZca("error", new Error("WebSocket was closed before the connection was established"));
        this.onClose(CloseReason.AbnormalClosure, "");
      });
    } else if (was === "open") {
      setImmediate(() => this.onClose(CloseReason.ManualClosure, ""));
    }
  }

  /** The network drops (1006): zca-js retries by itself when started with retryOnClose. */
  drop(code: CloseReason = CloseReason.AbnormalClosure): void {
    if (this.state === "idle") return;
    this.state = "idle";
    this.onClose(code, "");
  }

  /** The connection ends for good: 3000/3003 (never retried), or a 1006 after zca-js used up its retries. */
  closeWith(code: CloseReason, reason: string): void {
    this.state = "idle";
    this.onClose(code, reason, false);
  }

  requestOldMessages(type: ThreadType, lastMsgId?: string | null): void {
    this.oldRequests.push({ type, lastMsgId });
    const old = this.zalo.oldMessages.filter((m) => m.type === type);
    setImmediate(() => this.emitLikeZca("old_messages", old, type));
  }

  private onClose(code: CloseReason, reason: string, retryable = code === CloseReason.AbnormalClosure): void {
    this.emitLikeZca("disconnected", code, reason);
    if (this.retryOnClose && retryable) {
      // zca-js: setTimeout(() => this.start({ retryOnClose: true }), retry) — nobody can cancel it.
      setTimeout(() => this.start({ retryOnClose: true }), this.zalo.retryDelayMs);
    } else {
      this.emitLikeZca("closed", code, reason);
    }
  }

  /** zca-js emits from WebSocket callbacks: an "error" nobody listens to would crash the process. */
  private emitLikeZca(event: string, ...args: unknown[]): void {
    try {
      this.emit(event, ...args);
    } catch (error) {
      this.zalo.uncaught.push(error);
    }
  }
}

export interface SentRecord {
  content: MessageContent;
  threadId: string;
  type: ThreadType | undefined;
  msgId: number;
  /** What zca-js uses as the client message id: Date.now() when the send was made. */
  cliMsgId: number;
  /** Which login session sent it (1 = first). */
  session: number;
}

export class FakeZaloApi implements ZaloApi {
  readonly listener: FakeListener;
  dead = false;

  constructor(
    private readonly zalo: FakeZalo,
    readonly session: number,
  ) {
    this.listener = new FakeListener(zalo);
  }

  async sendMessage(message: MessageContent | string, threadId: string, type?: ThreadType): Promise<SendMessageResponse> {
    if (this.dead) throw new ZaloApiError("zpw_sek bị thiếu hoặc không đúng", 600);
    const content = typeof message === "string" ? { msg: message } : message;
    const failure = this.zalo.nextFailure.get(threadId);
    if (failure) {
      this.zalo.nextFailure.delete(threadId);
      throw failure;
    }
    this.zalo.beforeSend?.(threadId);
    if (this.dead) throw new ZaloApiError("zpw_sek bị thiếu hoặc không đúng", 600);
    // zca-js's own validation (sendMessage.js): no server involved, no code.
    if (content.quote && typeof content.quote.content !== "string" && content.quote.msgType === "webchat") {
      throw new ZaloApiError("This kind of `webchat` quote type is not available");
    }
    if (content.quote && this.zalo.rejectQuotes) throw new ZaloApiError("Tham số không hợp lệ", 114);
    const blocked = this.zalo.cannotReceive.get(threadId);
    if (blocked !== undefined) {
      this.zalo.cannotReceive.set(threadId, blocked + 1);
      throw new ZaloApiError("Không thể nhận tin nhắn từ bạn", 123);
    }
    const files = content.attachments === undefined ? [] : Array.isArray(content.attachments) ? content.attachments : [content.attachments];
    const nonImage = files.some((f) => !/\.(jpe?g|png|webp)$/.test(typeof f === "string" ? f : f.filename));
    // uploadAttachment.js: a video/other file resolves only on the WebSocket's "file_done" control message.
    // The upload itself takes a while: a socket still connecting may be open by the time it ends.
    if (nonImage && this.listener.state === "connecting") await new Promise((resolve) => this.listener.once("connected", resolve));
    if (nonImage && (this.zalo.fileDoneNever || this.listener.state !== "open")) {
      this.zalo.hangingUploads++;
      return new Promise<never>(() => {});
    }
    const msgId = this.zalo.nextMsgId++;
    this.zalo.sent.push({ content, threadId, type, msgId, cliMsgId: Date.now(), session: this.session });
    const hasFile = content.attachments !== undefined;
    return hasFile
      ? { message: content.msg ? { msgId } : null, attachment: [{ msgId: content.msg ? this.zalo.nextMsgId++ : msgId }] }
      : { message: { msgId }, attachment: [] };
  }

  async addReaction(icon: Reactions | CustomReaction, dest: AddReactionDestination): Promise<{ msgIds: number[] }> {
    if (this.dead) throw new ZaloApiError("zpw_sek bị thiếu hoặc không đúng", 600);
    this.zalo.reactions.push({ icon, dest });
    return { msgIds: [Number(dest.data.msgId)] };
  }

  getOwnId(): string {
    return BOT_UID;
  }

  async getGroupInfo(groupId: string | string[]): Promise<GroupInfoResponse> {
    this.zalo.groupInfoCalls++;
    const info = fixture<GroupInfoResponse>("group-info");
    const ids = Array.isArray(groupId) ? groupId : [groupId];
    return { ...info, gridInfoMap: Object.fromEntries(Object.entries(info.gridInfoMap).filter(([id]) => ids.includes(id))) };
  }

  /** Zalo removed /api/group/history (zca-js issues #356, #367, #374): zca-js turns the 404 into this error. */
  async getGroupChatHistory(groupId: string, _count = 50): ReturnType<API["getGroupChatHistory"]> {
    this.zalo.historyCalls.push(groupId);
    throw new ZaloApiError("Request failed with status code 404");
  }

  getCookie(): ReturnType<ZaloApi["getCookie"]> {
    // Only toJSON() is used (to keep the saved session fresh); a tough-cookie jar is more than a fake needs.
    const cookies = [{ key: "zpw_sek", value: `refreshed-${this.session}`, domain: "chat.zalo.me", path: "/" }];
    return { toJSON: () => ({ cookies }) } as unknown as ReturnType<ZaloApi["getCookie"]>;
  }
}

/** The fake account: login sessions, what was sent, history, and knobs to make things go wrong. */
export class FakeZalo {
  readonly sessions: FakeZaloApi[] = [];
  readonly sent: SentRecord[] = [];
  readonly reactions: Array<{ icon: Reactions | CustomReaction; dest: AddReactionDestination }> = [];
  oldMessages: Message[] = [];
  /** Errors zca-js emitted as "error" with nobody listening: each one would have crashed the process. */
  readonly uncaught: unknown[] = [];
  /** How long a WebSocket takes to open, and zca-js's retry delay after a 1006 (real timers, kept short). */
  connectDelayMs = 0;
  retryDelayMs = 20;
  /** Threads that answer 123 "Không thể nhận tin nhắn từ bạn" (the value counts the refusals). */
  readonly cannotReceive = new Map<string, number>();
  /** Quotes answered with 114 (bad quote fields). */
  rejectQuotes = false;
  /** The WebSocket "file_done" never comes (it never does while the listener is down). */
  fileDoneNever = false;
  hangingUploads = 0;
  readonly nextFailure = new Map<string, Error>();
  readonly historyCalls: string[] = [];
  readonly loginCalls: Credentials[] = [];
  groupInfoCalls = 0;
  nextMsgId = 9_100_000_000_001;
  /** Login attempts with saved credentials that fail before one succeeds. */
  failLogins = 0;
  /** Called inside sendMessage before the message is accepted (e.g. to close the session mid-fan-out). */
  beforeSend: ((threadId: string) => void) | undefined;
  /** `scan`: when set, the QR is scanned only once it resolves (a person taking their time). */
  /**
   * `scan`: when set, the QR is scanned only once it resolves (a person taking their time); each QR expires after
   * `lifetimeMs` (zca-js: 100 s) unless scanned first; `expireTimes`: that many QRs expire at once.
   */
  /** `generated`: QRs zca-js made; `offered`: those the adapter did not abort at once (shown to a person). */
  qr: { png: Buffer; expireTimes: number; decline: boolean; scan?: Promise<void>; lifetimeMs: number; generated: number; offered: number } = {
    png: qrPng("https://id.zalo.me/qr/fake-login-code"),
    expireTimes: 0,
    decline: false,
    lifetimeMs: 100_000,
    generated: 0,
    offered: 0,
  };

  readonly client: ZaloLoginClient = {
    login: async (credentials) => {
      this.loginCalls.push(credentials);
      if (this.failLogins > 0) {
        this.failLogins--;
        throw new ZaloApiError("The session key was improperly submitted or has reached its timeout", 102);
      }
      return this.newSession();
    },
    loginQR: async (_options, callback) => this.loginQR(callback),
  };

  get current(): FakeZaloApi {
    const api = this.sessions.at(-1);
    if (!api) throw new Error("not logged in");
    return api;
  }

  listeners(): FakeListener[] {
    return this.sessions.map((s) => s.listener);
  }

  /** Someone writes to the bot: the live listener emits it. */
  receive(message: Message): void {
    this.current.listener.emit("message", message);
  }

  /**
   * The connection ends and zca-js gives up on it: by default a 1006 after its own retries; 3000 when the account was
   * opened in Zalo Web elsewhere, 3003 when kicked by a new login.
   */
  closeSession(code: CloseReason = CloseReason.AbnormalClosure, reason = ""): void {
    const api = this.current;
    api.dead = true;
    api.listener.closeWith(code, reason);
  }

  failNextSend(threadId: string, error: Error): void {
    this.nextFailure.set(threadId, error);
  }

  private newSession(): FakeZaloApi {
    const api = new FakeZaloApi(this, this.sessions.length + 1);
    this.sessions.push(api);
    return api;
  }

  private async loginQR(callback: LoginQRCallback): Promise<FakeZaloApi> {
    for (;;) {
      const outcome = await new Promise<"retry" | "abort" | "go">(async (resolve) => {
        this.qr.generated++;
        let abortedAtOnce = true;
        callback({
          type: LoginQRCallbackEventType.QRCodeGenerated,
          data: { code: "fake-login-code", image: this.qr.png.toString("base64"), options: { enabledCheckOCR: false, enabledMultiLayer: false }, token: "t" },
          actions: { saveToFile: async () => undefined, retry: () => resolve("retry"), abort: () => { if (abortedAtOnce) this.qr.offered--; resolve("abort"); } },
        });
        // The callback ran synchronously up to its first await: an abort by then means the QR was never shown.
        this.qr.offered++;
        abortedAtOnce = false;
        // A person needs a moment to scan (zca-js expires a QR after ~100 s): let the adapter save and show it first.
        await new Promise((r) => setTimeout(r, 5));
        if (this.qr.expireTimes > 0) {
          this.qr.expireTimes--;
          callback({ type: LoginQRCallbackEventType.QRCodeExpired, data: null, actions: { retry: () => resolve("retry"), abort: () => resolve("abort") } });
        } else if (this.qr.decline) {
          callback({ type: LoginQRCallbackEventType.QRCodeDeclined, data: { code: "fake-login-code" }, actions: { retry: () => resolve("retry"), abort: () => resolve("abort") } });
        } else {
          let timer: NodeJS.Timeout | undefined;
          const expired = new Promise<"expired">((r) => (timer = setTimeout(() => r("expired"), this.qr.lifetimeMs)));
          const scanned = await Promise.race([this.qr.scan?.then(() => "scanned" as const) ?? ("scanned" as const), expired]);
          clearTimeout(timer);
          if (scanned === "scanned") resolve("go");
          else callback({ type: LoginQRCallbackEventType.QRCodeExpired, data: null, actions: { retry: () => resolve("retry"), abort: () => resolve("abort") } });
        }
      });
      if (outcome === "abort") throw new ZaloApiLoginQRAborted();
      if (outcome === "go") break;
    }
    callback({ type: LoginQRCallbackEventType.QRCodeScanned, data: { avatar: "", display_name: "Đôn đốc" }, actions: { retry: () => {}, abort: () => {} } });
    callback({
      type: LoginQRCallbackEventType.GotLoginInfo,
      data: { cookie: [{ key: "zpw_sek", value: "from-qr", domain: "chat.zalo.me", path: "/" }], imei: "imei-from-qr", userAgent: "Mozilla/5.0 (fake)" },
      actions: null,
    });
    return this.newSession();
  }
}

/** A real QR code PNG (drawn with the QR encoder qrcode-terminal vendors), like the one Zalo's login page serves. */
export function qrPng(text: string, scale = 6, quiet = 4): Buffer {
  const require = createRequire(import.meta.url);
  const QRCode = require("qrcode-terminal/vendor/QRCode") as new (type: number, level: number) => {
    addData(s: string): void;
    make(): void;
    getModuleCount(): number;
    isDark(r: number, c: number): boolean;
  };
  const code = new QRCode(-1, 1);
  code.addData(text);
  code.make();
  const n = code.getModuleCount();
  const size = (n + quiet * 2) * scale;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.floor(y / scale) - quiet;
      const c = Math.floor(x / scale) - quiet;
      const dark = r >= 0 && c >= 0 && r < n && c < n && code.isDark(r, c);
      const i = (y * size + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = dark ? 0 : 255;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** Resolves once queued immediates (fake listener events) and the adapter's inbound chain have run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
