/**
 * The composition root: builds the logger, database, conversation layer, platform adapters, delivery worker and
 * reminder cron from a parsed Config, and wires them. src/main.ts (npm start) and the end-to-end tests both start
 * dondoc through here, so the tests run the same wiring people run.
 */
import { mkdir } from "node:fs/promises";
import { hostname } from "node:os";
import { createTelegramAdapter, telegramCommands, type TelegramAdapter } from "./adapters/telegram/index.js";
import { createZaloAdapter, describeSessionProblem, ZALO_RATE_LIMITS, zaloRateLimits, type ZaloAdapter, type ZaloAdapterOptions, type ZaloLoginClient } from "./adapters/zalo/index.js";
import { createBot } from "./bot/index.js";
import { privateChatOf, type BotDeps } from "./bot/deps.js";
import { notifyChatGone } from "./bot/features/membership.js";
import { say } from "./bot/respond.js";
import { typedReplyFor } from "./bot/features/zalo-hints.js";
import { createChatRouter, createDeliveryWorker, RateLimiter, type RateLimits, TELEGRAM_RATE_LIMITS, type DeliveryWorker } from "./chat/delivery/index.js";
import type { ChatAdapter, Inbound, Platform } from "./chat/port.js";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config.js";
import { readDispatch } from "./dispatch/reader.js";
import { withAmendments } from "./dispatch/amends.js";
import { translator } from "./i18n.js";
import { detectTools } from "./ingest/index.js";
import { readFileIsolated } from "./intake/read-file.js";
import { createLogger, type Logger } from "./logger.js";
import { startReminderCron } from "./reminders/cron.js";
import { openDatabase } from "./storage/database.js";
import { createStore } from "./storage/store.js";
import { takeWorkerName, WorkerLock, ZALO_LISTENER_LOCK } from "./storage/advisory-lock.js";
import { SharedRateLimiter } from "./storage/shared-rate.js";
import { type HealthServer, startHealthServer } from "./health.js";
import { questionDigest } from "./tracking/question-digest.js";
import { reminderTick } from "./tracking/reminder-tick.js";
import { ensureAdmins } from "./tracking/roles.js";
import { parseOfficeHours } from "./reminders/office-hours.js";
import { officeHoursGate } from "./tracking/quiet-hours.js";
import { startWebServer, type WebServer } from "./web/server.js";

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Tests bring a fake of the narrow zca-js interface. */
  zaloClient?: ZaloLoginClient;
  /** Tests scale Zalo's waits (reconnect backoff, the 3000 pause, file send timeout) down in time. */
  zaloTuning?: Pick<ZaloAdapterOptions, "backoff" | "elsewhereRetryMs" | "fileSendTimeoutMs">;
  /** Where the Zalo QR drawing goes (default: the terminal). */
  zaloPrintQr?: (drawing: string) => void;
  /** Run one reminder tick at start-up to catch up after downtime (default true). */
  runRemindersAtStart?: boolean;
  /** Benchmarks scale the platforms' send limits down in time, together with a fake server enforcing the same. */
  rateLimits?: (platform: Platform) => RateLimits;
  /** Tests replace file reading (a slow OCR stand-in); default: src/ingest extractText with the configured limits. */
  extractText?: BotDeps["extractText"];
  /** Settings tests tune (progress pacing). */
  botSettings?: Partial<BotDeps["settings"]>;
  /** Crash tests: inbound events are received (and written down) but their handling waits for this promise. */
  holdInbound?: Promise<void>;
}

export interface App {
  deps: BotDeps;
  bot: ReturnType<typeof createBot>;
  logger: Logger;
  telegram: TelegramAdapter | undefined;
  zalo: ZaloAdapter | undefined;
  delivery: DeliveryWorker;
  reminders: ReturnType<typeof startReminderCron>;
  /** This worker's name (logs, outbox claims). */
  worker: string;
  /** The /healthz and /readyz server when HEALTH_PORT is set. */
  health: HealthServer | undefined;
  /** Several workers: whether this one holds the Zalo listener (always, on SQLite). */
  zaloListener(): boolean;
  /** The web dashboard, when WEB_PUBLIC_URL is set. */
  web: WebServer | undefined;
  /** Resolves when inbound events are handled and the outbox has nothing due. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** The time of the last Zalo message handled, kept across restarts so the next start fetches what came meanwhile. */
export const ZALO_LAST_INBOUND = "zalo.lastInbound";

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  // Every log line names its worker, so with several workers the logs say which one did what.
  const clock = options.clock ?? systemClock;
  const t = translator(config.DEFAULT_LANG);
  const db = await openDatabase(config.DATABASE_URL);
  // A restarted worker gives back what its previous process under the same name left claimed (a crash, or a stop
  // mid-send) rather than waiting out those leases: only while it holds the lock on its name. Without WORKER_ID the
  // name is the host's first free slot, so a restart on the same machine finds its old name (takeWorkerName).
  const { name: workerName, lock: nameLock, held: ownName } = await takeWorkerName(db, config.WORKER_ID, hostname(), process.pid);
  const logger = (options.logger ?? createLogger(config.LOG_LEVEL)).child({ worker: workerName });
  // PostgreSQL may be shared by several workers (decision 0702): outbox items are claimed with a lease and the send
  // rate is counted in the database. SQLite is one process: neither is needed.
  const shared = db.dialect === "postgresql";
  const store = createStore(db, clock, shared ? { claims: { owner: workerName, leaseMs: config.OUTBOX_LEASE_S * 1000 } } : {});
  logger.info("database open", { dialect: db.dialect, database: db.path });
  // If a live process holds this name, two workers were given one WORKER_ID — a mis-configuration, said loudly — and
  // that process's claims are its own (this one works on, with claims of its own; nothing waits on the other).
  if (shared) {
    if (ownName) {
      const released = await store.outbox.releaseEarlierClaims();
      if (released > 0) logger.info("outbox claims left by this worker's previous process given back", { released });
    } else {
      logger.error("another live process runs as this worker: give every worker its own WORKER_ID", { worker: workerName });
    }
  }
  await ensureAdmins({ store, clock }, [
    ...config.ADMIN_TELEGRAM_IDS.map((id) => `telegram:${id}`),
    ...config.ADMIN_ZALO_IDS.map((id) => `zalo:${id}`),
  ]);
  await applyOfficeSettings(store, config);
  await mkdir(config.FILES_DIR, { recursive: true });

  const deps: BotDeps = {
    store,
    clock,
    logger,
    // The amendment references (issue 12) ride on the reader's output as one optional field.
    readDispatch: (text, refDate) => withAmendments(readDispatch(text, { refDate }), text),
    // Files are read (and their dispatch read) in a worker thread with a heap cap, within the file time limit.
    extractText: options.extractText ?? ((bytes, fileName, extra = {}) =>
      readFileIsolated(bytes, fileName, {
        limits: { maxBytes: config.FILE_MAX_MB * 1024 * 1024, maxPages: config.FILE_MAX_PAGES, timeoutMs: config.FILE_TIMEOUT_S * 1000 },
        tools: detectTools(),
        ...extra,
      })),
    settings: {
      defaultLang: config.DEFAULT_LANG,
      botUsernames: {},
      maxMessageLength: { telegram: 4096, zalo: config.ZALO_MAX_TEXT },
      maxFileBytes: config.FILE_MAX_MB * 1024 * 1024,
      filesDir: config.FILES_DIR,
      joinQuietMs: 2500,
      editablePlatforms: ["telegram"],
      ...(config.WEB_PUBLIC_URL ? { webPublicUrl: config.WEB_PUBLIC_URL } : {}),
      reportIssuer: { parent: config.OFFICE_PARENT, name: config.OFFICE_NAME, abbreviation: config.OFFICE_ABBR, place: config.OFFICE_PLACE, signerTitle: config.OFFICE_SIGNER },
      ...options.botSettings,
    },
    wakeDelivery: () => worker?.kick(),
  };
  const bot = createBot(deps);
  // Office hours (issue 12): outside them group messages wait in the outbox; private chats are served.
  const officeHours = officeHoursGate(store, clock);
  await officeHours.refresh();
  const adapters: ChatAdapter[] = [];
  const limitsFor = options.rateLimits ?? ((platform: Platform) => (platform === "zalo" ? zaloRateLimits(config) : TELEGRAM_RATE_LIMITS));
  const limiter = shared ? new SharedRateLimiter(db, limitsFor) : new RateLimiter(limitsFor);
  // Losing the lock (its database session died) means another worker may take the listener: stop ours at once.
  const zaloLock = new WorkerLock(db, ZALO_LISTENER_LOCK, () => {
    logger.warn("zalo: lost the listener lock (database session ended), stopping the listener");
    void zalo?.stop().catch((error: unknown) => logger.error("zalo stop", { error }));
  });
  // The worker needs the started adapters; inbound events may arrive before it exists and wait for its first poll.
  let worker: DeliveryWorker | undefined;
  const onInbound = async (event: Inbound) => {
    if (options.holdInbound) await options.holdInbound;
    // Updates replayed at start-up are handled before start() returns: the bot's name must be known for commands.
    if (telegram?.botInfo) deps.settings.botUsernames.telegram ??= telegram.botInfo.username;
    await bot.handle(event);
    worker?.kick();
  };

  let telegram: TelegramAdapter | undefined;
  if (config.TELEGRAM_BOT_TOKEN) {
    telegram = createTelegramAdapter(
      {
        token: config.TELEGRAM_BOT_TOKEN,
        ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
        ...(config.TELEGRAM_WEBHOOK_URL ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, port: config.TELEGRAM_WEBHOOK_PORT } } : {}),
      },
      { onInbound, onError: (error, context) => logger.error("telegram", { error, context }), commands: telegramCommands(), journal: store.inbound },
    );
    await telegram.start();
    deps.settings.botUsernames.telegram = telegram.botInfo?.username;
    adapters.push(telegram);
    logger.info("telegram started", { bot: telegram.botInfo?.username, mode: config.TELEGRAM_WEBHOOK_URL ? "webhook" : "polling" });
  }

  let zalo: ZaloAdapter | undefined;
  if (config.ZALO_ENABLED) {
    zalo = createZaloAdapter({
      credentialsPath: config.ZALO_CREDENTIALS_PATH,
      qrPath: config.ZALO_QR_PATH,
      allowQrLogin: config.ZALO_ALLOW_QR,
      onInbound: async (event) => {
        await onInbound(event);
        // Where the next start catches up from (handled events are skipped by their id, so overlap is harmless).
        if (event.kind === "message") await store.marks.advance(ZALO_LAST_INBOUND, event.at).catch((error: unknown) => logger.warn("zalo: last inbound time not kept", { error }));
      },
      buttonHint: typedReplyFor,
      journal: store.inbound,
      onSessionProblem: (problem) => tellAdmins(deps, logger, describeSessionProblem(problem, t), "zalo"),
      logger,
      ...(options.zaloClient ? { client: options.zaloClient } : {}),
      ...(options.zaloPrintQr ? { printQr: options.zaloPrintQr } : {}),
      ...options.zaloTuning,
    });
    // Registered now but started after the delivery worker (below): a QR login waits for a person, and meanwhile the
    // admins' QR notice and everything on Telegram must go out. Sends to Zalo wait ("rate_limited") until it is online.
    adapters.push(zalo);
  }

  worker = createDeliveryWorker({
    store: store.outbox,
    router: createChatRouter(adapters),
    limiter,
    clock: deliveryClockOf(clock),
    onChatGone: (chat) => notifyChatGone(deps, chat),
    onFailure: (item, failure) => logger.warn("message not delivered", { outbox: item.id, chat: item.chat, failure }),
    onChatMigrated: (from, to) => logger.info("chat migrated", { from, to }),
    onError: (error, context) => logger.error("delivery", { error, context }),
    // A standby worker leaves Zalo's messages to the worker holding the Zalo session.
    options: { serves: (chat) => !chat.startsWith("zalo:") || zaloLock.held, renewEveryMs: (config.OUTBOX_LEASE_S * 1000) / 3 },
    holdGroups: () => officeHours.closed(),
    onClaimLost: (item) => logger.warn("outbox item taken over by another worker while this one stood still; not sent here", { outbox: item.id, chat: item.chat }),
  });
  worker.start();
  const delivery = worker;
  await pruneHandledEvents(store, clock, logger);
  const cron = startReminderCron(
    async () => {
      await pruneHandledEvents(store, clock, logger);
      const result = await reminderTick({ store, clock });
      if (result.messages > 0) logger.info("reminders enqueued", { ...result });
      const questions = await questionDigest({ store, clock });
      if (questions > 0) logger.info("question digest enqueued", { questions });
      delivery.kick();
    },
    { clock, onError: (error) => logger.error("reminder tick", { error }) },
  );
  if (options.runRemindersAtStart ?? true) void cron.runNow();

  const startZalo = async (z: ZaloAdapter) => {
    const since = await store.marks.read(ZALO_LAST_INBOUND);
    await z.start(since ? { catchUpSince: since } : {});
    logger.info("zalo started", { limits: ZALO_RATE_LIMITS, catchUpSince: since?.toISOString(), online: z.online });
  };
  let standby: NodeJS.Timeout | undefined;
  if (zalo) {
    const z = zalo;
    // Zalo allows one listener per account: the worker holding the lock listens (and sends), the others stand by and
    // try again every ZALO_STANDBY_POLL_S; a dead holder's lock goes with its connection.
    if (await zaloLock.tryAcquire()) {
      // Zalo never takes Telegram or the process down: start() returns once online or once a QR is on offer (the QR
      // login goes on in the background); what it still throws (an unreadable saved session) leaves Zalo offline
      // (the lock stays held: /readyz says "session down", and a standby would read the same session file).
      try {
        await startZalo(z);
      } catch (error) {
        logger.error("zalo not started", { error });
        await tellAdmins(deps, logger, t("zalo:not-started", { error: error instanceof Error ? error.message : String(error) }), "zalo");
      }
    } else {
      logger.info("zalo: standby, another worker holds the listener");
    }
    if (shared) {
      let busy = false;
      standby = setInterval(() => {
        if (busy) return;
        busy = true;
        void (async () => {
          if (zaloLock.held) {
            await zaloLock.check(); // a dead lock connection calls the onLost above
            return;
          }
          if (!(await zaloLock.tryAcquire())) return;
          logger.info("zalo: taking over the listener");
          try {
            await startZalo(z);
            delivery.kick();
          } catch (error) {
            logger.error("zalo: taking over failed, leaving it to another worker", { error });
            await z.stop().catch(() => undefined);
            await zaloLock.release();
          }
        })()
          .catch((error: unknown) => logger.error("zalo standby", { error }))
          .finally(() => (busy = false));
      }, config.ZALO_STANDBY_POLL_S * 1000);
      standby.unref();
    }
  }

  const health = config.HEALTH_PORT === undefined ? undefined : await startHealthServer({
    port: config.HEALTH_PORT,
    worker: workerName,
    checks: {
      database: async () => (await db.sql.value<number>("SELECT 1")) !== undefined,
      ...(telegram ? { telegram: () => (telegram.botInfo ? true : "not started") } : {}),
      ...(zalo ? { zalo: () => (!zaloLock.held ? "ok (standby)" : zalo.online ? true : "session down") } : {}),
    },
  });
  if (health) logger.info("health endpoints", { port: health.port });

  // The dashboard reads through the same store and use cases as the chat (decision 0701).
  const web = config.WEB_PUBLIC_URL
    ? await startWebServer(
      {
        store, clock, logger, defaultLang: config.DEFAULT_LANG, filesDir: deps.settings.filesDir, publicUrl: config.WEB_PUBLIC_URL,
        ...(deps.settings.reportIssuer ? { reportIssuer: deps.settings.reportIssuer } : {}),
      },
      { port: config.WEB_PORT, host: config.WEB_HOST },
    )
    : undefined;
  if (web) logger.info("web dashboard started", { listening: web.localUrl, public: config.WEB_PUBLIC_URL });

  return {
    deps,
    bot,
    logger,
    telegram,
    zalo,
    delivery,
    reminders: cron,
    worker: workerName,
    health,
    zaloListener: () => zaloLock.held,
    web,
    async idle() {
      await telegram?.idle();
      await zalo?.idle();
      await bot.idle();
      delivery.kick();
      await delivery.idle();
    },
    async stop() {
      clearInterval(standby);
      await health?.close();
      await web?.close();
      await telegram?.stop();
      await zalo?.stop();
      await zaloLock.release();
      await bot.idle();
      await cron.stop();
      await delivery.stop();
      await nameLock.release();
      await db.close();
    },
  };

}

/**
 * Delivery waits (429 retry_after, backoff) are real waiting, but a test's or the demo's ManualClock stands still:
 * a retry due "now + 3 s" would then never come. So the worker's clock is real time, or the business clock run on at
 * real speed from its latest reading when that is later (a clock set in the future must still see its own items due).
 * Real time also keeps retry times meaningful to the next process after a restart.
 */
export function deliveryClockOf(clock: Clock): Clock {
  if (clock === systemClock) return clock;
  let reading = clock.now().getTime();
  let readAt = Date.now();
  return {
    now() {
      const current = clock.now().getTime();
      if (current !== reading) {
        reading = current;
        readAt = Date.now();
      }
      return new Date(Math.max(Date.now(), reading + (Date.now() - readAt)));
    },
  };
}

/** How long handled event ids are kept for deduplication (decision 0301): far beyond any platform's redelivery. */
export const HANDLED_EVENT_DAYS = 30;

async function pruneHandledEvents(store: ReturnType<typeof createStore>, clock: Clock, logger: Logger): Promise<void> {
  const before = new Date(clock.now().getTime() - HANDLED_EVENT_DAYS * 24 * 3600_000);
  const pruned = await store.replies.pruneProcessed(before).catch((error: unknown) => {
    logger.warn("old handled events not pruned", { error });
    return 0;
  });
  if (pruned > 0) logger.info("old handled events pruned", { pruned, before: before.toISOString() });
}

async function applyOfficeSettings(store: ReturnType<typeof createStore>, config: Config): Promise<void> {
  const current = await store.directory.settings();
  await store.directory.saveSettings({
    officersOnly: config.OFFICERS_ONLY,
    requireApproval: config.REQUIRE_APPROVAL,
    officeHours: parseOfficeHours(config.OFFICE_HOURS),
    reminders: {
      ...current.reminders,
      hour: config.REMINDER_HOUR,
      offsetsDays: config.REMINDER_OFFSETS_DAYS,
      extraDaysOff: config.EXTRA_DAYS_OFF,
      extraWorkingDays: config.EXTRA_WORKING_DAYS,
    },
  });
}

/** Platform trouble goes to admins over the other platform when there is one, and always to the log. */
async function tellAdmins(deps: BotDeps, logger: Logger, text: string, troubled: "telegram" | "zalo"): Promise<void> {
  logger.warn(text);
  const admins = await deps.store.directory.peopleWithRole("admin");
  for (const admin of admins) {
    if (admin.userId.startsWith(`${troubled}:`)) continue;
    await say(deps, privateChatOf(admin.userId), text);
  }
}

