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

export class FakeListener extends EventEmitter implements ZaloListener {
  starts = 0;
  stops = 0;
  readonly oldRequests: Array<{ type: ThreadType; lastMsgId: string | null | undefined }> = [];

  constructor(private readonly zalo: FakeZalo) {
    super();
  }

  start(): void {
    this.starts++;
    // zca-js emits "connected" from the WebSocket's onopen, i.e. later, never inside start().
    setImmediate(() => this.emit("connected"));
  }

  stop(): void {
    this.stops++;
  }

  requestOldMessages(type: ThreadType, lastMsgId?: string | null): void {
    this.oldRequests.push({ type, lastMsgId });
    const old = this.zalo.oldMessages.filter((m) => m.type === type);
    setImmediate(() => this.emit("old_messages", old, type));
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

  async getGroupChatHistory(groupId: string, count = 50) {
    this.zalo.historyCalls.push(groupId);
    const groupMsgs = (this.zalo.history.get(groupId) ?? []).slice(-count);
    return { lastActionId: "0", lastActionIdOther: "0", more: 0, groupMsgs };
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
  readonly history = new Map<string, GroupMessage[]>();
  oldMessages: Message[] = [];
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
  qr: { png: Buffer; expireTimes: number; decline: boolean; scan?: Promise<void> } = { png: qrPng("https://id.zalo.me/qr/fake-login-code"), expireTimes: 0, decline: false };

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

  /** Someone writes to the bot: the live listener emits it. */
  receive(message: Message): void {
    this.current.listener.emit("message", message);
  }

  /** The connection is closed by Zalo (3000: opened in Zalo Web elsewhere; 3003: kicked by a new login). */
  closeSession(code: CloseReason = CloseReason.KickConnection, reason = "kicked"): void {
    const api = this.current;
    api.dead = true;
    api.listener.emit("disconnected", code, reason);
    api.listener.emit("closed", code, reason);
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
    let expiries = this.qr.expireTimes;
    for (;;) {
      const outcome = await new Promise<"retry" | "abort" | "go">(async (resolve) => {
        callback({
          type: LoginQRCallbackEventType.QRCodeGenerated,
          data: { code: "fake-login-code", image: this.qr.png.toString("base64"), options: { enabledCheckOCR: false, enabledMultiLayer: false }, token: "t" },
          actions: { saveToFile: async () => undefined, retry: () => resolve("retry"), abort: () => resolve("abort") },
        });
        // A person needs a moment to scan (zca-js expires a QR after ~100 s): let the adapter save and show it first.
        await new Promise((r) => setTimeout(r, 5));
        if (expiries > 0) {
          expiries--;
          callback({ type: LoginQRCallbackEventType.QRCodeExpired, data: null, actions: { retry: () => resolve("retry"), abort: () => resolve("abort") } });
        } else if (this.qr.decline) {
          callback({ type: LoginQRCallbackEventType.QRCodeDeclined, data: { code: "fake-login-code" }, actions: { retry: () => resolve("retry"), abort: () => resolve("abort") } });
        } else {
          await this.qr.scan;
          resolve("go");
        }
      });
      if (outcome === "abort") throw new ZaloApiError("Operation aborted");
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
