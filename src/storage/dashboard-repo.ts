import type Database from "better-sqlite3";
import type { Db } from "./database.js";
import type { ReportRow } from "../reports/report.js";
import { foldKey } from "../text/vietnamese.js";
import type { TaskStatus } from "../tracking/status.js";

/**
 * Read-only queries of the web dashboard (src/tracking/dashboard.ts decides who may see what; src/web renders). Like
 * ReportRepo: prepared SQL on the read connection, counts computed by SQLite, only a page of rows ever leaves it, so
 * every page stays within 300 ms at 100,000 assignments (bench/web.bench.ts).
 */

/** statusOf in SQL, as ReportRepo: the due day against the completion day (office time) or today (bound as @today). */
/** Recalled shares (thu hồi, issue 12) are out of every dashboard count and list, as of the chat reports (ReportRepo). */
const LIVE = "a.status <> 'recalled'";

const STATUS_SQL = `CASE
  WHEN a.completedAt IS NOT NULL AND a.deadlineDate IS NULL THEN 'done'
  WHEN a.completedAt IS NOT NULL AND date(a.completedAt, '+7 hours') <= a.deadlineDate THEN 'done_on_time'
  WHEN a.completedAt IS NOT NULL THEN 'done_late'
  WHEN a.deadlineDate IS NULL THEN 'no_deadline'
  WHEN a.deadlineDate < @today THEN 'overdue'
  ELSE 'in_progress' END`;

/** Most urgent first, as the chat report: overdue, in progress, undated, late, on time, done; then by due day. */
const URGENCY_SQL = `(CASE ${STATUS_SQL} WHEN 'overdue' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'no_deadline' THEN 2
  WHEN 'done_late' THEN 3 WHEN 'done_on_time' THEN 4 ELSE 5 END)`;

const ROW = `SELECT a.id, a.taskId, t.dispatchId, d.number, d.subject, t.ref, t.text, a.unitId, u.displayName, a.role, a.deadlineDate,
  a.completedAt, a.lastReportAt, a.lastReportText FROM Assignment a JOIN Task t ON t.id = a.taskId JOIN Dispatch d ON d.id = t.dispatchId
  JOIN Unit u ON u.id = a.unitId`;
type RowRaw = [number, number, number, string | null, string | null, string, string, number, string, string, string | null, string | null, string | null, string | null];
const date = (s: string | null): Date | null => (s === null ? null : new Date(s));
function toRow(r: RowRaw): ReportRow & { id: number; taskId: number; dispatchId: number; unitId: number } {
  return {
    id: r[0], taskId: r[1], dispatchId: r[2], dispatchNumber: r[3], dispatchSubject: r[4], taskRef: r[5], taskText: r[6], unitId: r[7],
    unitName: r[8], role: r[9] as "lead" | "coordinate", deadlineDate: r[10], completedAt: date(r[11]), lastReportAt: date(r[12]), lastReportText: r[13],
  };
}
export type DashboardRow = ReturnType<typeof toRow>;

export interface StatusCountRow { status: TaskStatus; role: string; n: number }

/** What the search page narrows rows by. Every part optional; `taskIds`/`dispatchIds` come from searchText. */
export interface RowFilter {
  unitId?: number;
  dispatchIds?: number[];
  /** Rows whose task matched a text search (searchText): these tasks, or all tasks but these. */
  text?: TextMatch;
  status?: TaskStatus;
  /** Due day within [from, to] (ISO). */
  due?: { from: string; to: string };
}

export type TextMatch = { include: number[] } | { exclude: number[] };

export interface DispatchSummary {
  id: number;
  number: string | null;
  subject: string | null;
  docType: string | null;
  issuer: string | null;
  date: string | null;
  /** Lead assignments: all, completed, open past due. */
  total: number;
  done: number;
  overdue: number;
}

export interface HistoryEvent {
  id: number;
  taskId: number | null;
  at: Date;
  type: string;
  actor: string | null;
  actorName: string | null;
  chatId: string | null;
  assignmentId: number | null;
  unitId: number | null;
  data: Record<string, unknown>;
}

export class DashboardRepo {
  private readonly stmts = new Map<string, Database.Statement>();
  /** Folded task texts by task id, for diacritic-insensitive search. Task texts never change once assigned. */
  private readonly folded = new Map<number, { dispatchId: number; text: string }>();
  private foldedUpTo = 0;

  /**
   * SQLite only for now (its SQL uses INDEXED BY, json_each, date(…, '+7 hours') and named parameters): the read
   * connection is asked for on first use, so a PostgreSQL store still opens and only the dashboard's pages refuse.
   */
  constructor(private readonly db: Pick<Db, "dialect" | "read">) {}

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      if (this.db.dialect !== "sqlite") throw new Error("the web dashboard's queries run on SQLite only (decision 0702: not yet ported to PostgreSQL)");
      this.stmts.set(sql, (s = this.db.read.prepare(sql)));
    }
    return s;
  }

  /** Counts by official category and role, optionally for one unit. */
  statusCounts(today: string, o: { unitId?: number } = {}): StatusCountRow[] {
    const sql = `SELECT ${STATUS_SQL} AS st, a.role, COUNT(*) FROM Assignment a ${o.unitId === undefined ? `NOT INDEXED WHERE ${LIVE}` : `WHERE a.unitId = @unitId AND ${LIVE}`}
      GROUP BY st, a.role`;
    const raw = this.stmt(sql).raw(true).all({ today, unitId: o.unitId }) as Array<[TaskStatus, string, number]>;
    return raw.map(([status, role, n]) => ({ status, role, n }));
  }

  /**
   * Everything the overview counts, in one pass over the covering index Assignment(unitId, role, deadlineDate,
   * completedAt, status, lastReportAt): per unit, role, official category and "due in the period", how many, how many
   * are open and due from today to `soon`, and how many open ones have no report yet.
   */
  officeSummary(today: string, soon: string, due: { from: string; to: string }, unitId?: number): Array<{
    unitId: number; role: string; status: TaskStatus; inPeriod: boolean; n: number; dueSoon: number; notReported: number;
  }> {
    const sql = `SELECT unitId, role, st, inPeriod, COUNT(*), SUM(soon), SUM(silent) FROM (SELECT a.unitId, a.role, ${STATUS_SQL} AS st,
      COALESCE(a.deadlineDate BETWEEN @from AND @to, 0) AS inPeriod, (a.completedAt IS NULL AND a.deadlineDate BETWEEN @today AND @soon) AS soon,
      (a.completedAt IS NULL AND a.status <> 'done' AND a.lastReportAt IS NULL) AS silent
      FROM Assignment a INDEXED BY Assignment_unitId_role_deadlineDate_completedAt_status_lastReportAt_idx WHERE ${LIVE} ${unitId === undefined ? "" : "AND a.unitId = @unitId"})
      GROUP BY unitId, role, st, inPeriod`;
    const raw = this.stmt(sql).raw(true).all({ today, soon, from: due.from, to: due.to, unitId }) as Array<[number, string, TaskStatus, number, number, number, number]>;
    return raw.map(([u, role, status, inPeriod, n, dueSoon, notReported]) => ({ unitId: u, role, status, inPeriod: inPeriod === 1, n, dueSoon, notReported }));
  }

  unitNames(): Map<number, string> {
    return new Map(this.stmt(`SELECT id, displayName FROM Unit`).raw(true).all() as Array<[number, string]>);
  }

  /** Completed lead assignments per office month (YYYY-MM), on time and late, for the chart. */
  completionByMonth(o: { unitId?: number; from: string }): Array<{ month: string; onTime: number; late: number }> {
    const sql = `SELECT substr(date(a.completedAt, '+7 hours'), 1, 7) AS m,
      SUM(a.deadlineDate IS NULL OR date(a.completedAt, '+7 hours') <= a.deadlineDate), SUM(date(a.completedAt, '+7 hours') > a.deadlineDate)
      FROM Assignment a WHERE a.completedAt IS NOT NULL AND a.role = 'lead' AND a.completedAt >= @from AND ${LIVE}
      ${o.unitId === undefined ? "" : "AND a.unitId = @unitId"} GROUP BY m ORDER BY m`;
    const raw = this.stmt(sql).raw(true).all({ from: o.from, unitId: o.unitId }) as Array<[string, number, number]>;
    return raw.map(([month, onTime, late]) => ({ month, onTime, late: late ?? 0 }));
  }

  /** Rows matching a filter: how many per category, and one page of them, most urgent first. */
  rows(today: string, filter: RowFilter, page: { limit: number; offset: number }): { counts: StatusCountRow[]; rows: DashboardRow[] } {
    const { where, params } = whereOf(filter);
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    // Unfiltered (only the recalled condition): a plain scan, no index helps.
    const countSql = `SELECT ${STATUS_SQL} AS st, a.role, COUNT(*) FROM Assignment a ${where.length > 1 ? "" : "NOT INDEXED"} ${clause} GROUP BY st, a.role`;
    const counts = (this.stmt(countSql).raw(true).all({ today, ...params }) as Array<[TaskStatus, string, number]>).map(([status, role, n]) => ({ status, role, n }));
    if (page.limit <= 0) return { counts, rows: [] };
    // The page is chosen on Assignment alone (task ids follow dispatch and item order), then only its rows are joined.
    const pageSql = `SELECT a.id FROM Assignment a ${clause} ORDER BY ${URGENCY_SQL}, COALESCE(a.deadlineDate, '~'), a.taskId, a.role DESC, a.id
      LIMIT @limit OFFSET @offset`;
    const ids = this.stmt(pageSql).pluck().all({ today, ...params, limit: page.limit, offset: page.offset }) as number[];
    return { counts, rows: this.byIds(ids) };
  }

  /** Rows of these assignments, in the order given. */
  private byIds(ids: number[]): DashboardRow[] {
    if (ids.length === 0) return [];
    const raw = this.stmt(`${ROW} WHERE a.id IN (SELECT value FROM json_each(?))`).raw(true).all(JSON.stringify(ids)) as RowRaw[];
    const byId = new Map(raw.map((r) => [r[0], r]));
    return ids.flatMap((id) => { const r = byId.get(id); return r ? [toRow(r)] : []; });
  }

  /** Every row of a filter (the .xlsx export), in no particular order: the report sorts them. */
  allRows(today: string, filter: RowFilter): DashboardRow[] {
    const { where, params } = whereOf(filter);
    const sql = `${ROW} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
    return (this.stmt(sql).raw(true).all({ today, ...params }) as RowRaw[]).map(toRow);
  }

  /** Open assignments due in [from, to], soonest first: "due this week". */
  dueBetween(from: string, to: string, limit: number, unitId?: number): { total: number; rows: DashboardRow[] } {
    // Only open and awaiting-approval shares: recalled ones (and done ones) are out by the status condition itself.
    const cond = `a.status IN ('open', 'pending_approval') AND a.completedAt IS NULL AND a.deadlineDate BETWEEN @from AND @to
      ${unitId === undefined ? "" : "AND a.unitId = @unitId"}`;
    const total = this.stmt(`SELECT COUNT(*) FROM Assignment a WHERE ${cond}`).pluck().get({ from, to, unitId }) as number;
    const raw = this.stmt(`${ROW} WHERE ${cond} ORDER BY a.deadlineDate, t.dispatchId, t.seq, a.id LIMIT @limit`).raw(true).all({ from, to, unitId, limit }) as RowRaw[];
    return { total, rows: raw.map(toRow) };
  }

  /** Confirmed dispatches with their lead counts, newest first; optionally only those with a row of one unit. */
  dispatches(today: string, o: { unitId?: number; ids?: number[] } = {}): DispatchSummary[] {
    const sql = `SELECT d.id, d.number, d.subject, d.docType, d.issuer, d.date,
      SUM(a.role = 'lead'), SUM(a.role = 'lead' AND a.completedAt IS NOT NULL), SUM(a.role = 'lead' AND a.completedAt IS NULL AND a.deadlineDate < @today)
      FROM Assignment a NOT INDEXED JOIN Task t ON t.id = a.taskId JOIN Dispatch d ON d.id = t.dispatchId
      WHERE ${LIVE} ${o.unitId === undefined ? "" : "AND a.unitId = @unitId"} GROUP BY d.id ORDER BY d.id DESC`;
    let raw = this.stmt(sql).raw(true).all({ today, unitId: o.unitId }) as Array<[number, string | null, string | null, string | null, string | null, string | null, number, number, number]>;
    if (o.ids) {
      const wanted = new Set(o.ids);
      raw = raw.filter((r) => wanted.has(r[0]));
    }
    return raw.map(([id, number, subject, docType, issuer, d, total, done, overdue]) => ({ id, number, subject, docType, issuer, date: d, total, done, overdue }));
  }

  /** Number, subject… of every dispatch that has assignments (few): what a số ký hiệu or a text is matched against. */
  dispatchIndex(): Array<{ id: number; number: string | null; subject: string | null }> {
    return this.stmt(`SELECT d.id, d.number, d.subject FROM Dispatch d WHERE d.status = 'confirmed' ORDER BY d.id`).all() as Array<{ id: number; number: string | null; subject: string | null }>;
  }

  dispatchHeader(id: number): { id: number; status: string; docType: string | null; number: string | null; date: string | null; issuer: string | null; subject: string | null; recipients: string[]; fileName: string | null; confirmedAt: Date | null } | null {
    const r = this.stmt(`SELECT id, status, docType, number, date, issuer, subject, recipients, fileName, confirmedAt FROM Dispatch WHERE id = ?`).get(id) as
      | { id: number; status: string; docType: string | null; number: string | null; date: string | null; issuer: string | null; subject: string | null; recipients: string; fileName: string | null; confirmedAt: string | null }
      | undefined;
    if (!r) return null;
    let recipients: string[] = [];
    try { recipients = JSON.parse(r.recipients) as string[]; } catch { /* a damaged list shows as none */ }
    return { ...r, recipients, confirmedAt: date(r.confirmedAt) };
  }

  /** One page of a dispatch's tasks (item order), how many there are, and the assignments of that page. */
  dispatchTasks(dispatchId: number, page: { limit: number; offset: number }, unitId?: number): {
    total: number;
    tasks: Array<{ id: number; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; occurrence: number; status: string }>;
    rows: DashboardRow[];
  } {
    const unitCond = unitId === undefined ? "" : `AND EXISTS (SELECT 1 FROM Assignment a WHERE a.taskId = t.id AND a.unitId = @unitId AND ${LIVE})`;
    const total = this.stmt(`SELECT COUNT(*) FROM Task t WHERE t.dispatchId = @dispatchId ${unitCond}`).pluck().get({ dispatchId, unitId }) as number;
    const tasks = this.stmt(`SELECT t.id, t.ref, t.text, t.deadlineDate, t.deadlineText, t.occurrence, t.status FROM Task t WHERE t.dispatchId = @dispatchId ${unitCond}
      ORDER BY t.seq, t.occurrence, t.id LIMIT @limit OFFSET @offset`).all({ dispatchId, unitId, ...page }) as Array<{ id: number; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; occurrence: number; status: string }>;
    const ids = JSON.stringify(tasks.map((t) => t.id));
    const raw = this.stmt(`${ROW} WHERE a.taskId IN (SELECT value FROM json_each(@ids)) AND ${LIVE} ${unitId === undefined ? "" : "AND a.unitId = @unitId"} ORDER BY a.role DESC, u.displayName`).raw(true).all({ ids, unitId }) as RowRaw[];
    return { total, tasks, rows: raw.map(toRow) };
  }

  /** Evidence files (names kept in reply events) per assignment, for the given assignments. */
  evidenceCounts(assignmentIds: number[]): Map<number, number> {
    const raw = this.stmt(`SELECT assignmentId, SUM(json_array_length(json_extract(data, '$.attachments'))) FROM Event
      WHERE assignmentId IN (SELECT value FROM json_each(?)) AND type = 'reply' AND json_array_length(json_extract(data, '$.attachments')) > 0
      GROUP BY assignmentId`).raw(true).all(JSON.stringify(assignmentIds)) as Array<[number, number]>;
    return new Map(raw);
  }

  /** One unit's assignments: open ones or closed ones, one page, most urgent first. */
  unitRows(today: string, unitId: number, open: boolean, page: { limit: number; offset: number }): { total: number; rows: DashboardRow[] } {
    const cond = `a.unitId = @unitId AND ${LIVE} AND ${open ? "a.completedAt IS NULL" : "a.completedAt IS NOT NULL"}`;
    const total = this.stmt(`SELECT COUNT(*) FROM Assignment a WHERE ${cond}`).pluck().get({ unitId }) as number;
    const raw = this.stmt(`${ROW} WHERE ${cond} ORDER BY ${open ? `${URGENCY_SQL}, COALESCE(a.deadlineDate, '~')` : "a.completedAt DESC"}, a.id LIMIT @limit OFFSET @offset`)
      .raw(true).all({ today, unitId, ...page }) as RowRaw[];
    return { total, rows: raw.map(toRow) };
  }

  unit(id: number): { id: number; displayName: string } | null {
    return (this.stmt(`SELECT id, displayName FROM Unit WHERE id = ?`).get(id) as { id: number; displayName: string } | undefined) ?? null;
  }

  unitsWithAssignments(): Array<{ id: number; displayName: string }> {
    return this.stmt(`SELECT id, displayName FROM Unit u WHERE EXISTS (SELECT 1 FROM Assignment a WHERE a.unitId = u.id AND ${LIVE}) ORDER BY displayName`).all() as Array<{ id: number; displayName: string }>;
  }

  task(id: number): { id: number; dispatchId: number; seq: number; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; recurrence: string | null; occurrence: number; status: string; createdAt: Date; completedAt: Date | null } | null {
    const r = this.stmt(`SELECT id, dispatchId, seq, ref, text, deadlineDate, deadlineText, recurrence, occurrence, status, createdAt, completedAt FROM Task WHERE id = ?`).get(id) as
      | { id: number; dispatchId: number; seq: number; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; recurrence: string | null; occurrence: number; status: string; createdAt: string; completedAt: string | null }
      | undefined;
    return r ? { ...r, createdAt: new Date(r.createdAt), completedAt: date(r.completedAt) } : null;
  }

  taskRows(taskId: number): DashboardRow[] {
    return (this.stmt(`${ROW} WHERE a.taskId = ? AND ${LIVE} ORDER BY a.role DESC, u.displayName`).raw(true).all(taskId) as RowRaw[]).map(toRow);
  }

  /** Messages that carried the task's assignments (task posts and reminders), oldest first. */
  posts(assignmentIds: number[]): Array<{ assignmentId: number; chatId: string; kind: string; at: Date }> {
    const raw = this.stmt(`SELECT assignmentId, chatId, kind, createdAt FROM Post WHERE assignmentId IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .raw(true).all(JSON.stringify(assignmentIds)) as Array<[number, string, string, string]>;
    return raw.map(([assignmentId, chatId, kind, at]) => ({ assignmentId, chatId, kind, at: new Date(at) }));
  }

  /** Events about a task: its own, and those of its assignments, oldest first, with the actor's name when known. */
  taskEvents(taskId: number, dispatchId: number, seq: number): HistoryEvent[] {
    const raw = this.stmt(`SELECT e.id, e.taskId, e.at, e.type, e.actor, p.name, e.chatId, e.assignmentId, e.unitId, e.data FROM Event e LEFT JOIN Person p ON p.userId = e.actor
      WHERE e.taskId = @taskId OR e.assignmentId IN (SELECT id FROM Assignment WHERE taskId = @taskId)
      OR (e.dispatchId = @dispatchId AND e.taskId IS NULL AND e.assignmentId IS NULL AND e.type IN ('draft_created', 'draft_edited', 'dispatch_confirmed'))
      ORDER BY e.at, e.id`).raw(true).all({ taskId, dispatchId }) as Array<[number, number | null, string, string, string | null, string | null, string | null, number | null, number | null, string]>;
    const events = raw.map(([id, taskIdOf, at, type, actor, actorName, chatId, assignmentId, unitId, data]) => {
      let parsed: Record<string, unknown> = {};
      try { parsed = JSON.parse(data) as Record<string, unknown>; } catch { /* shown without details */ }
      return { id, taskId: taskIdOf, at: new Date(at), type, actor, actorName, chatId, assignmentId, unitId, data: parsed };
    });
    // Draft edits name their item by its number in the draft; keep only this task's.
    return events.filter((e) => e.type !== "draft_edited" || e.data.seq === undefined || e.data.seq === seq);
  }

  event(id: number): HistoryEvent | null {
    const r = this.stmt(`SELECT id, taskId, at, type, actor, chatId, assignmentId, unitId, data FROM Event WHERE id = ?`).get(id) as
      | { id: number; taskId: number | null; at: string; type: string; actor: string | null; chatId: string | null; assignmentId: number | null; unitId: number | null; data: string }
      | undefined;
    if (!r) return null;
    let data: Record<string, unknown> = {};
    try { data = JSON.parse(r.data) as Record<string, unknown>; } catch { /* none */ }
    return { ...r, at: new Date(r.at), actorName: null, data };
  }

  /**
   * The tasks whose text (task wording, or its dispatch's number and subject) contains `query` ignoring case,
   * diacritics and tone placement. The folded task texts are kept in memory, read once and then only new tasks.
   */
  searchText(query: string): TextMatch {
    const needle = foldKey(query);
    if (!needle) return { exclude: [] };
    const fresh = this.stmt(`SELECT id, dispatchId, text FROM Task WHERE id > ? ORDER BY id`).raw(true).all(this.foldedUpTo) as Array<[number, number, string]>;
    for (const [id, dispatchId, text] of fresh) {
      this.folded.set(id, { dispatchId, text: foldKey(text) });
      this.foldedUpTo = id;
    }
    const dispatches = new Set(this.dispatchIndex().filter((d) => foldKey(`${d.number ?? ""} ${d.subject ?? ""}`).includes(needle)).map((d) => d.id));
    const include: number[] = [];
    const exclude: number[] = [];
    for (const [id, t] of this.folded) (dispatches.has(t.dispatchId) || t.text.includes(needle) ? include : exclude).push(id);
    return include.length <= exclude.length ? { include } : { exclude };
  }
}

function whereOf(filter: RowFilter): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [LIVE];
  const params: Record<string, unknown> = {};
  if (filter.unitId !== undefined) { where.push("a.unitId = @unitId"); params.unitId = filter.unitId; }
  if (filter.dispatchIds) {
    where.push("a.taskId IN (SELECT id FROM Task WHERE dispatchId IN (SELECT value FROM json_each(@dispatchIds)))");
    params.dispatchIds = JSON.stringify(filter.dispatchIds);
  }
  if (filter.text) {
    // The smaller of the two lists: a word found in most tasks is passed as the tasks without it.
    where.push(`a.taskId ${"exclude" in filter.text ? "NOT IN" : "IN"} (SELECT value FROM json_each(@textTasks))`);
    params.textTasks = JSON.stringify("exclude" in filter.text ? filter.text.exclude : filter.text.include);
  }
  if (filter.status) { where.push(`${STATUS_SQL} = @status`); params.status = filter.status; }
  if (filter.due) { where.push("a.deadlineDate BETWEEN @dueFrom AND @dueTo"); params.dueFrom = filter.due.from; params.dueTo = filter.due.to; }
  return { where, params };
}
