import type { Clock } from "../clock.js";
import { ChatLangRepo } from "./chat-lang-repo.js";
import { DashboardRepo } from "./dashboard-repo.js";
import type { Db } from "./database.js";
import { DirectoryRepo } from "./directory-repo.js";
import { DispatchRepo } from "./dispatch-repo.js";
import { ExtensionRepo } from "./extension-repo.js";
import { AmendmentRepo } from "./amendment-repo.js";
import { AmendmentItemRepo } from "./amendment-item-repo.js";
import { HistoryRepo } from "./history-repo.js";
import { InboundRepo } from "./inbound-repo.js";
import { MarkRepo } from "./mark-repo.js";
import { type OutboxClaims, PrismaOutboxStore } from "./outbox-store.js";
import { ReminderRepo } from "./reminder-repo.js";
import { ReplyRepo } from "./reply-repo.js";
import { ReportRepo } from "./report-repo.js";
import { WebSessionRepo } from "./web-session-repo.js";

/** Everything the tracking use cases persist through, built once per open database. */
export interface Store {
  db: Db;
  directory: DirectoryRepo;
  dispatches: DispatchRepo;
  outbox: PrismaOutboxStore;
  replies: ReplyRepo;
  reminders: ReminderRepo;
  reports: ReportRepo;
  marks: MarkRepo;
  chatLangs: ChatLangRepo;
  /** Deadline extensions (issue 12). */
  extensions: ExtensionRepo;
  /** Task timelines (/lichsu). */
  history: HistoryRepo;
  /** Amending dispatches and recalls (issue 12). */
  amendments: AmendmentRepo;
  /** Amending dispatches applied item by item (issue 12). */
  amendmentItems: AmendmentItemRepo;
  /** The web dashboard's read queries and its sign-in tokens (src/web). */
  dashboard: DashboardRepo;
  webSessions: WebSessionRepo;
  /** Inbound updates written down before they are confirmed to the platform (issue 10). */
  inbound: InboundRepo;
}

export interface StoreOptions {
  /** Several workers on one database: outbox items are claimed by this worker before it sends them. */
  claims?: OutboxClaims;
  /**
   * How long per-process caches (office settings, group languages) are trusted. Default: forever on SQLite (one
   * process writes), SHARED_CACHE_MS on PostgreSQL, where another worker may change them.
   */
  cacheMs?: number;
}

/** With several workers, a setting changed on one is seen by the others within this time. */
export const SHARED_CACHE_MS = 3000;

export function createStore(db: Db, clock: Clock, options: StoreOptions = {}): Store {
  const replies = new ReplyRepo(db);
  const amendments = new AmendmentRepo(db, replies);
  const cacheMs = options.cacheMs ?? (db.dialect === "postgresql" ? SHARED_CACHE_MS : Infinity);
  return {
    db,
    directory: new DirectoryRepo(db.prisma, db.gate, db.readSql, cacheMs),
    dispatches: new DispatchRepo(db.prisma, db.gate),
    outbox: new PrismaOutboxStore(db.prisma, clock, db.gate, options.claims),
    replies,
    reminders: new ReminderRepo(db, replies),
    reports: new ReportRepo(db.readSql),
    marks: new MarkRepo(db),
    chatLangs: new ChatLangRepo(db, db.gate, cacheMs),
    dashboard: new DashboardRepo(db),
    extensions: new ExtensionRepo(db, replies),
    history: new HistoryRepo(db.readSql),
    amendments,
    amendmentItems: new AmendmentItemRepo(db, replies, amendments),
    webSessions: new WebSessionRepo(db),
    inbound: new InboundRepo(db, clock),
  };
}
