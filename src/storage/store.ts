import type { Clock } from "../clock.js";
import { ChatLangRepo } from "./chat-lang-repo.js";
import { DashboardRepo } from "./dashboard-repo.js";
import type { Db } from "./database.js";
import { DirectoryRepo } from "./directory-repo.js";
import { DispatchRepo } from "./dispatch-repo.js";
import { ExtensionRepo } from "./extension-repo.js";
import { AmendmentRepo } from "./amendment-repo.js";
import { HistoryRepo } from "./history-repo.js";
import { InboundRepo } from "./inbound-repo.js";
import { MarkRepo } from "./mark-repo.js";
import { PrismaOutboxStore } from "./outbox-store.js";
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
  /** The web dashboard's read queries and its sign-in tokens (src/web). */
  dashboard: DashboardRepo;
  webSessions: WebSessionRepo;
  /** Inbound updates written down before they are confirmed to the platform (issue 10). */
  inbound: InboundRepo;
}

export function createStore(db: Db, clock: Clock): Store {
  const replies = new ReplyRepo(db);
  return {
    db,
    directory: new DirectoryRepo(db.prisma, db.gate, db.read),
    dispatches: new DispatchRepo(db.prisma, db.gate),
    outbox: new PrismaOutboxStore(db.prisma, clock, db.gate),
    replies,
    reminders: new ReminderRepo(db.prisma, db.read, db.write, replies, db.gate),
    reports: new ReportRepo(db.read),
    marks: new MarkRepo(db),
    chatLangs: new ChatLangRepo(db),
    extensions: new ExtensionRepo(db, replies),
    history: new HistoryRepo(db.read),
    amendments: new AmendmentRepo(db, replies),
    dashboard: new DashboardRepo(db.read),
    webSessions: new WebSessionRepo(db),
    inbound: new InboundRepo(db, clock),
  };
}
