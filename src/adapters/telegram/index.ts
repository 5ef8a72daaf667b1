/**
 * The Telegram adapter: telegraf behind the chat port. Outbound: send/edit as plain text (never fails on markup).
 * Inbound: every update becomes an Inbound event handed to `onInbound` through a per-chat serial queue, so telegraf's
 * handler returns at once, chats never wait for each other and each chat's events keep their order.
 * Redelivered updates carry the same eventId (`telegram:update:<update_id>`): the core dedupes them
 * (docs/decisions/0403-telegram-duplicate-updates.md). With a journal, each update is written down before Telegram is
 * told it arrived and replayed at start-up if a crash left it unhandled (docs/decisions/0405-inbound-journal.md).
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Telegraf } from "telegraf";
import type { BotCommand } from "telegraf/types";
import { MAX_REPLAYS, type InboundJournal } from "../../chat/inbound-journal.js";
import type { ChatAdapter, Inbound, InboundHandler, OutgoingMessage, SentRef, Button } from "../../chat/port.js";
import { ALLOWED_UPDATES, type TelegramConfig } from "./config.js";
import { downloadFile } from "./files.js";
import { chatOf, type RawUpdate, toInbound } from "./inbound.js";
import { editMessage, sendMessage } from "./outgoing.js";
import { SerialQueues } from "./serial-queues.js";

export type { TelegramConfig, TelegramWebhookConfig } from "./config.js";
export { telegramCommands } from "./commands.js";

export interface TelegramAdapterDeps {
  onInbound: InboundHandler;
  /** Errors that have no caller to throw to (a failing handler, a lost poll, a callback answer too late). */
  onError?: (error: unknown, context: string) => void;
  /** Command menus to register with setMyCommands: `vi` is the default, other keys are language codes. */
  commands?: Partial<Record<string, BotCommand[]>>;
  /**
   * Where each update is written down before Telegram learns it arrived (the next getUpdates offset, the webhook's
   * 200); updates left unhandled by a crash are replayed by start(). Without it an update fetched just before a
   * crash is lost.
   */
  journal?: InboundJournal;
}

export interface TelegramAdapter extends ChatAdapter {
  readonly platform: "telegram";
  /** The bot's own identity from getMe, known after start(). */
  readonly botInfo: { id: number; username: string } | undefined;
  /** getMe, setMyCommands, then long polling or the webhook server. Rejects on a bad token. */
  start(): Promise<void>;
  /** Stops receiving, then waits (up to drainTimeoutMs, default 30 s) for queued inbound events to be handled. */
  stop(drainTimeoutMs?: number): Promise<void>;
  /** Resolves when no inbound event is queued or being handled. */
  idle(): Promise<void>;
  send(message: OutgoingMessage): Promise<SentRef>;
  edit(ref: SentRef, text: string, buttons?: Button[][]): Promise<void>;
}

/** How long a pressed button may wait for its turn in the chat before it is answered without text. */
export const EARLY_ANSWER_MS = 1000;

export function createTelegramAdapter(config: TelegramConfig, deps: TelegramAdapterDeps): TelegramAdapter {
  const bot = new Telegraf(config.token, { telegram: { ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}), webhookReply: false } });
  const onError = deps.onError ?? ((error, context) => console.error(`[telegram] ${context}:`, error));
  const queues = new SerialQueues((error, chat) => onError(error, `inbound handler for ${chat}`));
  let polling: Promise<void> | undefined;
  let webhookServer: Server | undefined;

  const journal = deps.journal;
  // Handled: the journal entry goes. A handler that threw leaves it, to be replayed (a bounded number of times).
  const handled = (event: Inbound) => async () => {
    await deps.onInbound(event);
    await journal?.done(event.eventId).catch((error: unknown) => onError(error, `journal done ${event.eventId}`));
  };
  /** `ready`: the journal write the job waits for; false when the update was not written down and must not be handled. */
  const enqueue = (event: Inbound, ready: Promise<boolean> = Promise.resolve(true)): void => {
    const chat = chatOf(event);
    if (event.kind !== "action") {
      return queues.push(chat, async () => {
        if (await ready) await handled(event)();
      });
    }
    // The spinner on a pressed button stays until answered, and Telegram takes one answer per press, only for a few
    // seconds: answer for the core if it did not (or failed), and without text if the press still waits behind slow
    // work after a moment. Not at once when the chat is busy: the previous update's last write (its journal entry
    // going) would take the core's answer ("Đã gia hạn …") from a press that gets its turn milliseconds later.
    let answered = false;
    const answer = async (text?: string) => {
      if (answered) return;
      answered = true;
      await event.answer(text);
    };
    const early = setTimeout(() => void answer(), EARLY_ANSWER_MS);
    early.unref();
    queues.push(chat, async () => {
      clearTimeout(early);
      if (!(await ready)) return;
      try {
        await handled({ ...event, answer })();
      } finally {
        await answer();
      }
    });
  };
  const toEvent = (update: RawUpdate) => {
    const info = bot.botInfo!;
    return toInbound(update, {
      bot: { id: info.id, username: info.username },
      fetchFile: (fileId) => downloadFile(bot.telegram, fileId),
      answerCallback: (queryId, text) =>
        bot.telegram.answerCbQuery(queryId, text).then(
          () => undefined,
          (error: unknown) => onError(error, `answerCallbackQuery ${queryId}`),
        ),
    });
  };
  /** Updates a crash left unhandled, in the order they came, before any new one is fetched. */
  const replayUnhandled = async (): Promise<void> => {
    if (!journal) return;
    const { replay, abandoned } = await journal.takeUnhandled("telegram", MAX_REPLAYS);
    for (const id of abandoned) onError(new Error(`update ${id} was replayed ${MAX_REPLAYS} times without being handled; given up`), "journal");
    for (const entry of replay) {
      let event: Inbound | undefined;
      try {
        event = toEvent(JSON.parse(entry.payload) as RawUpdate);
      } catch (error) {
        onError(error, `journal entry ${entry.id}`);
      }
      if (event) enqueue(event);
      else await journal.done(entry.id);
    }
  };

  bot.catch((error, ctx) => onError(error, `update ${ctx.update.update_id}`));
  bot.use(async (ctx) => {
    const update = ctx.update as RawUpdate;
    const event = toEvent(update);
    if (!event) return;
    // Written down before this handler returns: telegraf asks for the next batch (confirming this one to Telegram) or
    // answers the webhook only after every handler of the batch has returned.
    const written = !journal ? Promise.resolve(true) : journal.record({ id: event.eventId, platform: "telegram", payload: JSON.stringify(update) }).then(
      () => true,
      (error: unknown) => {
        // Not kept: a webhook answers 500 so Telegram delivers it again; polling can only go on and handle it now.
        const response = (ctx.telegram as unknown as { response?: { statusCode: number; writableEnded: boolean } }).response;
        if (response && !response.writableEnded) response.statusCode = 500;
        onError(error, `journal record ${event.eventId}`);
        return !response;
      },
    );
    // Queued before anything is awaited: telegraf runs a batch's handlers at once and the journal writes may finish in
    // any order (on PostgreSQL they run concurrently; SQLite's write gate happened to keep them in order), so a chat's
    // updates keep their order only by taking their places in its queue now. The job waits for the write.
    enqueue(event, written);
    await written;
  });

  return {
    platform: "telegram",
    get botInfo() {
      return bot.botInfo ? { id: bot.botInfo.id, username: bot.botInfo.username } : undefined;
    },
    send: (message) => sendMessage(bot.telegram, message),
    edit: (ref, text, buttons) => editMessage(bot.telegram, ref, text, buttons),
    idle: () => queues.idle(),

    async start() {
      bot.botInfo = await bot.telegram.getMe();
      await replayUnhandled();
      for (const [lang, commands] of Object.entries(deps.commands ?? {})) {
        if (commands) await bot.telegram.setMyCommands(commands, lang === "vi" ? {} : { language_code: lang });
      }
      const webhook = config.webhook;
      if (!webhook) {
        await bot.telegram.deleteWebhook();
        // launch() would resolve only when polling stops and sets up polling after an await, so a stop() right after
        // start() finds nothing to stop. startPolling (public in telegraf's JS, hidden in its typings) starts at once.
        const startPolling = (bot as unknown as { startPolling(allowed: readonly string[]): Promise<void> }).startPolling;
        polling = startPolling.call(bot, ALLOWED_UPDATES).catch((error: unknown) => onError(error, "long polling"));
        return;
      }
      // Without a configured secret, one derived from the bot token still keeps strangers from posting fake updates.
      const secretToken = webhook.secretToken ?? createHash("sha256").update(config.token).digest("hex");
      const handle = bot.webhookCallback(new URL(webhook.url).pathname, { secretToken });
      webhookServer = createServer((req, res) => void handle(req, res));
      const server = webhookServer;
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(webhook.port, webhook.host ?? "0.0.0.0", () => resolve());
      });
      await bot.telegram.setWebhook(webhook.url, {
        allowed_updates: [...ALLOWED_UPDATES],
        secret_token: secretToken,
      });
    },

    async stop(drainTimeoutMs = 30_000) {
      if (polling) {
        bot.stop("shutdown");
        await polling;
        polling = undefined;
      }
      if (webhookServer) {
        const server = webhookServer;
        webhookServer = undefined;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      }
      // Events still queued when the process ends are lost (Telegram already counts them as delivered): drain them,
      // but do not let one stuck handler keep the process from exiting.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, drainTimeoutMs)));
      await Promise.race([queues.idle(), timeout]);
      clearTimeout(timer);
      if (queues.busy > 0) onError(new Error(`${queues.busy} chat(s) still handling events after ${drainTimeoutMs} ms`), "stop");
    },
  };
}
