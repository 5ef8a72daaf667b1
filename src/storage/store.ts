import type { Clock } from "../clock.js";
import { ChatLangRepo } from "./chat-lang-repo.js";
import type { Db } from "./database.js";
import { DirectoryRepo } from "./directory-repo.js";
import { DispatchRepo } from "./dispatch-repo.js";
import { MarkRepo } from "./mark-repo.js";
import { type OutboxClaims, PrismaOutboxStore } from "./outbox-store.js";
import { ReminderRepo } from "./reminder-repo.js";
import { ReplyRepo } from "./reply-repo.js";
import { ReportRepo } from "./report-repo.js";

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
}

export interface StoreOptions {
  /** Several workers on one database: outbox items are claimed by this worker before it sends them. */
  claims?: OutboxClaims;
}

export function createStore(db: Db, clock: Clock, options: StoreOptions = {}): Store {
  const replies = new ReplyRepo(db);
  return {
    db,
    directory: new DirectoryRepo(db.prisma, db.gate, db.readSql),
    dispatches: new DispatchRepo(db.prisma, db.gate),
    outbox: new PrismaOutboxStore(db.prisma, clock, db.gate, options.claims),
    replies,
    reminders: new ReminderRepo(db, replies),
    reports: new ReportRepo(db.readSql),
    marks: new MarkRepo(db),
    chatLangs: new ChatLangRepo(db),
  };
}
