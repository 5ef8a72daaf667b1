/**
 * A fake Telegram Bot API server on 127.0.0.1 (random port, node:http, no dependencies) that telegraf's real HTTP
 * client talks to. It behaves like Telegram where our code can go wrong: long-polling getUpdates with offset/timeout,
 * per-chat message ids, strict HTML parsing, Telegram's error bodies (429/403/migration/not modified), its send rate
 * limits (optionally scaled down), webhook delivery, file upload and download. Every call is recorded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { renderHtml, EntityParseError } from "./bot-api/html.js";
import { parseMultipart } from "./bot-api/multipart.js";
import { type FakeRateLimits, SlidingWindows } from "./bot-api/rate-limit.js";
import { UpdateFactory } from "./bot-api/update-factory.js";
import {
  ApiError,
  type ScriptedFailure,
  type TgButton,
  type TgChat,
  type TgDocument,
  type TgErrorBody,
  type TgMessage,
  type TgUpdate,
  type TgUser,
  telegramErrors,
} from "./bot-api/types.js";
import { methodHandlers } from "./bot-api/methods.js";

export { ApiError, telegramErrors } from "./bot-api/types.js";
export type * from "./bot-api/types.js";
export { TELEGRAM_LIMITS, type FakeRateLimits } from "./bot-api/rate-limit.js";

export interface FakeBotApiOptions {
  token?: string;
  /** Enforce Telegram's send limits (pass TELEGRAM_LIMITS, or scaled-down windows for quick runs). Off by default. */
  rateLimits?: FakeRateLimits;
  /**
   * Telegram's privacy mode (on by default for bots that are not group admins): in groups the bot then only receives
   * commands, replies to its own messages, messages mentioning it and service messages. Off here unless asked for.
   */
  privacyMode?: boolean;
  /** Files larger than this cannot be fetched with getFile (Telegram's cloud API: 20 MB). */
  maxDownloadBytes?: number;
}

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
  ok: boolean;
  error?: TgErrorBody | { httpStatus: number } | { hangUp: true };
}

interface Hold {
  method: string;
  chatId?: number;
  when: "before" | "after";
  arrived: () => void;
  released: Promise<void>;
}

/** A held call: `reached` when its request arrived; release() lets it go on. */
export interface HeldCall {
  reached: Promise<void>;
  release(): void;
}

interface Script {
  method: string;
  chatId?: number;
  failure: ScriptedFailure;
  times: number;
}

export interface StoredFile {
  id: string;
  path: string;
  name?: string;
  mime?: string;
  bytes: Buffer;
}

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  readonly chats = new Map<number, TgChat & { kicked?: boolean; migratedTo?: number }>();
  /** Every message in every chat, keyed `${chatId}:${messageId}`, as Telegram holds it (text already rendered). */
  readonly messages = new Map<string, TgMessage>();
  readonly files = new Map<string, StoredFile>();
  readonly answers = new Map<string, { answered: boolean; text?: string }>();
  readonly commands = new Map<string, Array<{ command: string; description: string }>>();
  readonly updates: UpdateFactory;
  webhook: { url: string; secretToken?: string } | undefined;
  readonly bot: TgUser;
  readonly token: string;
  readonly windows = new SlidingWindows();

  private server!: Server;
  private queue: Array<{ update: TgUpdate; delivered: boolean }> = [];
  private pollers = new Set<() => void>();
  private scripts: Script[] = [];
  private holds: Hold[] = [];
  private nextMessageId = new Map<number, number>();
  private webhookChain: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(readonly options: FakeBotApiOptions) {
    this.token = options.token ?? "123456:TEST-token_for-the-fake";
    this.bot = { id: Number(this.token.split(":")[0]), is_bot: true, first_name: "Đôn Đốc", username: "dondoc_test_bot" };
    this.updates = new UpdateFactory(this);
  }

  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const api = new FakeBotApi(options);
    api.server = createServer((req, res) => void api.route(req, res));
    await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
    return api;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  // ---- world state ---------------------------------------------------------------------------------------------

  group(id: number, title: string): TgChat {
    const chat: TgChat = { id, type: id < -1_000_000_000_000 ? "supergroup" : "group", title };
    this.chats.set(id, chat);
    return chat;
  }

  privateChat(user: TgUser): TgChat {
    const chat: TgChat = { id: user.id, type: "private", first_name: user.first_name };
    this.chats.set(user.id, chat);
    return chat;
  }

  chat(id: number): TgChat & { kicked?: boolean; migratedTo?: number } {
    const chat = this.chats.get(id);
    if (!chat) throw new ApiError(telegramErrors.badRequest("chat not found"));
    return chat;
  }

  newMessageId(chatId: number): number {
    const id = (this.nextMessageId.get(chatId) ?? 0) + 1;
    this.nextMessageId.set(chatId, id);
    return id;
  }

  store(message: TgMessage): TgMessage {
    this.messages.set(`${message.chat.id}:${message.message_id}`, message);
    return message;
  }

  message(chatId: number, messageId: number): TgMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** Messages the bot sent to a chat, in order. */
  botMessages(chatId: number): TgMessage[] {
    return [...this.messages.values()].filter((m) => m.chat.id === chatId && m.from?.id === this.bot.id);
  }

  /** Keep a file as Telegram would (uploaded by the bot or by a person) and return it. */
  addFile(name: string, bytes: Buffer, mime?: string): StoredFile {
    const n = this.files.size + 1;
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? "";
    const file: StoredFile = { id: `BQACAgFile${n}`, path: `documents/file_${n}${ext}`, name, bytes, ...(mime ? { mime } : {}) };
    this.files.set(file.id, file);
    return file;
  }

  documentOf(file: StoredFile): TgDocument {
    return {
      file_id: file.id,
      file_unique_id: `u${file.id}`,
      file_size: file.bytes.length,
      ...(file.name !== undefined ? { file_name: file.name } : {}),
      ...(file.mime !== undefined ? { mime_type: file.mime } : {}),
    };
  }

  dropPending(): void {
    this.queue = [];
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Fail the next `times` calls of `method` (to `chatId`, when given) with `failure`. */
  failNext(method: string, failure: ScriptedFailure, options: { chatId?: number; times?: number } = {}): void {
    this.scripts.push({ method, failure, times: options.times ?? 1, ...(options.chatId !== undefined ? { chatId: options.chatId } : {}) });
  }

  /**
   * Holds the next call of `method` (to `chatId`, when given) until release(): "before" Telegram has it — a slow
   * network; nothing is recorded or done until then — or "after" Telegram did it — the message exists, its answer is
   * late.
   */
  hold(method: string, options: { chatId?: number; when: "before" | "after" }): HeldCall {
    let arrived!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ method, when: options.when, arrived, released, ...(options.chatId !== undefined ? { chatId: options.chatId } : {}) });
    return { reached, release };
  }

  /** Queue an update for getUpdates (or POST it to the webhook). A second push of the same update is delivered again. */
  push(update: TgUpdate): TgUpdate {
    if (this.webhook) {
      const target = this.webhook;
      this.webhookChain = this.webhookChain.then(() => this.postToWebhook(target, update));
    } else {
      this.queue.push({ update, delivered: false });
      this.pollers.forEach((wake) => wake());
    }
    return update;
  }

  /** Resolves when every update pushed so far was posted to the webhook. */
  webhookDrained(): Promise<void> {
    return this.webhookChain;
  }

  /** Updates not yet handed out by getUpdates. */
  get pendingUpdates(): number {
    return this.queue.filter((e) => !e.delivered).length;
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake Bot API: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pollers.forEach((wake) => wake());
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- HTTP ----------------------------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.download(file[1]!, decodeURIComponent(file[2]!), res);
    const call = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!call) return json(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (call[1] !== this.token) return json(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = call[2]!;
    const params = await readParams(req, url);
    const chatId = params.chat_id === undefined ? undefined : Number(params.chat_id);
    const held = this.holds.find((h) => h.method === method && (h.chatId === undefined || h.chatId === chatId));
    if (held) {
      this.holds.splice(this.holds.indexOf(held), 1);
      held.arrived();
      if (held.when === "before") await held.released;
    }
    const answerAfter = held?.when === "after" ? held.released : undefined;
    const record: ApiCall = { method, params, at: Date.now(), ok: true };
    this.calls.push(record);

    const script = this.takeScript(method, params);
    if (script) {
      record.ok = false;
      record.error = script;
      if ("hangUp" in script) return void req.socket.destroy();
      if ("httpStatus" in script) return void res.writeHead(script.httpStatus).end("<html>Bad Gateway</html>");
      return json(res, script.error_code, script);
    }
    try {
      const handler = methodHandlers[method];
      if (!handler) throw new ApiError({ ok: false, error_code: 404, description: "Not Found: method not found" });
      const result = await handler(this, params, { req });
      await answerAfter;
      json(res, 200, { ok: true, result });
    } catch (error) {
      const body =
        error instanceof ApiError
          ? error.body
          : error instanceof EntityParseError
            ? telegramErrors.badRequest(error.message.replace(/^Bad Request: /, ""))
            : { ok: false as const, error_code: 500, description: `Internal Server Error: ${String(error)}` };
      record.ok = false;
      record.error = body;
      json(res, body.error_code, body);
    }
  }

  private takeScript(method: string, params: Record<string, unknown>): ScriptedFailure | undefined {
    const chatId = params.chat_id === undefined ? undefined : Number(params.chat_id);
    const script = this.scripts.find((s) => (s.method === method || s.method === "*") && (s.chatId === undefined || s.chatId === chatId));
    if (!script) return undefined;
    if (--script.times <= 0) this.scripts.splice(this.scripts.indexOf(script), 1);
    return script.failure;
  }

  private download(token: string, path: string, res: ServerResponse): void {
    if (token !== this.token) return void res.writeHead(401).end();
    const file = [...this.files.values()].find((f) => f.path === path);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length }).end(file.bytes);
  }

  /** getUpdates: Telegram forgets updates below the confirmed offset and holds the request open up to `timeout` s. */
  async takeUpdates(params: Record<string, unknown>, req: IncomingMessage): Promise<TgUpdate[]> {
    if (this.webhook) {
      throw new ApiError({ ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
    }
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(100, Number(params.limit ?? 100));
    const allowed = Array.isArray(params.allowed_updates) && params.allowed_updates.length > 0 ? (params.allowed_updates as string[]) : undefined;
    this.queue = this.queue.filter((e) => !(e.delivered && e.update.update_id < offset));
    const take = () =>
      this.queue
        .filter((e) => !e.delivered || e.update.update_id >= offset)
        .sort((a, b) => a.update.update_id - b.update.update_id)
        .slice(0, limit);
    let batch = take();
    const timeoutMs = Number(params.timeout ?? 0) * 1000;
    if (batch.length === 0 && timeoutMs > 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.pollers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        this.pollers.add(done);
        req.once("close", done);
      });
      batch = take();
    }
    batch.forEach((e) => (e.delivered = true));
    return batch.map((e) => e.update).filter((u) => !allowed || allowed.some((kind) => kind in u));
  }

  private async postToWebhook(target: { url: string; secretToken?: string }, update: TgUpdate): Promise<void> {
    await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(target.secretToken ? { "x-telegram-bot-api-secret-token": target.secretToken } : {}) },
      body: JSON.stringify(update),
    }).then(
      (res) => res.arrayBuffer(),
      () => undefined,
    );
  }

  /** Applies the send limits: throws 429 with retry_after (whole seconds, at least 1) when one more send would exceed them. */
  checkRate(chatId: number): void {
    const limits = this.options.rateLimits;
    if (!limits) return;
    const now = Date.now();
    const perChat = chatId < 0 ? limits.group : limits.private;
    const waits = [limits.global ? this.windows.waitMs("global", limits.global, now) : 0, perChat ? this.windows.waitMs(`chat:${chatId}`, perChat, now) : 0];
    const wait = Math.max(...waits);
    if (wait > 0) throw new ApiError(telegramErrors.tooManyRequests(Math.max(1, Math.ceil(wait / 1000))));
    this.windows.record("global", now);
    this.windows.record(`chat:${chatId}`, now);
  }

  render(text: string, parseMode: unknown): { text: string; entities?: TgMessage["entities"] } {
    if (parseMode === undefined || parseMode === "") return { text };
    if (parseMode !== "HTML") throw new ApiError(telegramErrors.badRequest(`the fake server only parses HTML, not ${String(parseMode)}`));
    const rendered = renderHtml(text);
    return rendered.entities.length > 0 ? rendered : { text: rendered.text };
  }

  keyboard(markup: unknown): { inline_keyboard: TgButton[][] } | undefined {
    if (markup === undefined) return undefined;
    const rows = (markup as { inline_keyboard?: TgButton[][] }).inline_keyboard;
    if (!Array.isArray(rows)) throw new ApiError(telegramErrors.badRequest("can't parse reply keyboard markup JSON object"));
    for (const button of rows.flat()) {
      if (!button.text) throw new ApiError(telegramErrors.badRequest("BUTTON_TEXT_EMPTY"));
      if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64) {
        throw new ApiError(telegramErrors.badRequest("BUTTON_DATA_INVALID"));
      }
    }
    return { inline_keyboard: rows };
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

const JSON_FIELDS = ["reply_markup", "reply_parameters", "commands", "allowed_updates", "entities", "scope", "caption_entities"];

async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (type.startsWith("application/json") && body.length > 0) Object.assign(params, JSON.parse(body.toString("utf8")));
  else if (type.startsWith("application/x-www-form-urlencoded")) Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  else if (type.startsWith("multipart/form-data")) {
    for (const part of parseMultipart(body, type)) {
      params[part.name] = part.fileName !== undefined ? { fileName: part.fileName, bytes: part.data } : part.data.toString("utf8");
    }
  }
  for (const field of JSON_FIELDS) {
    if (typeof params[field] === "string") params[field] = JSON.parse(params[field] as string);
  }
  return params;
}
