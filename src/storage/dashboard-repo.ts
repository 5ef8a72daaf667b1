import type { ReportRow } from "../reports/report.js";
import { foldKey } from "../text/vietnamese.js";
import type { TaskStatus } from "../tracking/status.js";
import type { Db } from "./database.js";
import { DIALECT, type DialectSql } from "./dialect.js";
import { notBegunTasks } from "./report-repo.js";
import { bindNamed, type Param, type Sql } from "./sql.js";

/**
 * Read-only queries of the web dashboard (src/tracking/dashboard.ts decides who may see what; src/web renders). Like
 * ReportRepo: SQL on `db.readSql` (SQLite: its read-only connection), either database, counts computed by the
 * database, only a page of rows ever leaves it, so every page stays within 300 ms at 100,000 assignments
 * (bench/web.bench.ts). Written once; the fragments that differ come from DIALECT (dialect.ts).
 */

/** Recalled shares (thu hồi, issue 12) are out of every dashboard count and list, as of the chat reports (ReportRepo). */
const LIVE = "a.status <> 'recalled'";

/**
 * A recurring task's later occurrence whose own period has not begun on `today` (the previous one handed in early) is
 * the next period's work: out of every count and list here until then, as /baocao leaves it out (ReportRepo, the same
 * task list). `sql` is empty when there is none, so the usual plan is untouched.
 */
interface Begun { sql: string; params: Record<string, Param> }

/** The statements of one dialect (built once per repository). */
function statements(d: DialectSql) {
  /** statusOf in SQL, as ReportRepo: the due day against the completion day (office time) or today (bound as @today). */
  const status = `CASE
  WHEN a."completedAt" IS NOT NULL AND a."deadlineDate" IS NULL THEN 'done'
  WHEN a."completedAt" IS NOT NULL AND ${d.officeDay(`a."completedAt"`)} <= a."deadlineDate" THEN 'done_on_time'
  WHEN a."completedAt" IS NOT NULL THEN 'done_late'
  WHEN a."deadlineDate" IS NULL THEN 'no_deadline'
  WHEN a."deadlineDate" < @today THEN 'overdue'
  ELSE 'in_progress' END`;
  return {
    status,
    /** Most urgent first, as the chat report: overdue, in progress, undated, late, on time, done; then by due day. */
    urgency: `(CASE ${status} WHEN 'overdue' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'no_deadline' THEN 2
  WHEN 'done_late' THEN 3 WHEN 'done_on_time' THEN 4 ELSE 5 END), COALESCE(a."deadlineDate", '~')${d.byteOrder}`,
    /** `x IN (…)` over a JSON array of ids bound as @name. */
    ids: (name: string) => d.jsonIds.replace("?", `@${name}`),
  };
}

const ROW = `SELECT a.id, a."taskId", t."dispatchId", d.number, d.subject, t.ref, t.text, a."unitId", u."displayName", a.role, a."deadlineDate",
  a."completedAt", a."lastReportAt", a."lastReportText" FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Dispatch" d ON d.id = t."dispatchId"
  JOIN "Unit" u ON u.id = a."unitId"`;
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
  private readonly read: Sql;
  private readonly d: DialectSql;
  private readonly q: ReturnType<typeof statements>;
  /** Folded task texts by task id, for diacritic-insensitive search. Task texts never change once assigned. */
  private readonly folded = new Map<number, { dispatchId: number; text: string }>();
  private foldedUpTo = 0;

  constructor(db: Pick<Db, "readSql">) {
    this.read = db.readSql;
    this.d = DIALECT[this.read.dialect];
    this.q = statements(this.d);
  }

  private rowsOf<T extends unknown[]>(sql: string, params: Record<string, Param | undefined> = {}): Promise<T[]> {
    return this.read.rows<T>(...bindNamed(sql, params));
  }

  private allOf<T>(sql: string, params: Record<string, Param | undefined> = {}): Promise<T[]> {
    return this.read.all<T>(...bindNamed(sql, params));
  }

  private async count(sql: string, params: Record<string, Param | undefined>): Promise<number> {
    return Number((await this.read.value<number>(...bindNamed(sql, params))) ?? 0);
  }

  private async begun(today: string): Promise<Begun> {
    const ids = await notBegunTasks(this.read, today);
    return ids.length === 0 ? { sql: "", params: {} }
      : { sql: ` AND (a."completedAt" IS NOT NULL OR a."taskId" NOT IN (${this.q.ids("notBegun")}))`, params: { notBegun: JSON.stringify(ids) } };
  }

  /** Counts by official category and role, optionally for one unit. */
  async statusCounts(today: string, o: { unitId?: number } = {}): Promise<StatusCountRow[]> {
    const nb = await this.begun(today);
    const sql = `SELECT ${this.q.status} AS st, a.role, COUNT(*) FROM "Assignment" a ${o.unitId === undefined ? `${this.d.noIndex} WHERE ${LIVE}` : `WHERE a."unitId" = @unitId AND ${LIVE}`}${nb.sql}
      GROUP BY st, a.role`;
    const raw = await this.rowsOf<[TaskStatus, string, number]>(sql, { today, unitId: o.unitId, ...nb.params });
    return raw.map(([status, role, n]) => ({ status, role, n }));
  }

  /**
   * Everything the overview counts, in one pass over the covering index Assignment(unitId, role, deadlineDate,
   * completedAt, status, lastReportAt): per unit, role, official category and "due in the period", how many, how many
   * are open and due from today to `soon`, and how many open ones have no report yet.
   */
  async officeSummary(today: string, soon: string, due: { from: string; to: string }, unitId?: number): Promise<Array<{
    unitId: number; role: string; status: TaskStatus; inPeriod: boolean; n: number; dueSoon: number; notReported: number;
  }>> {
    // Flags as 0/1 CASEs, not booleans: PostgreSQL neither sums booleans nor mixes them with integers.
    const nb = await this.begun(today);
    const sql = `SELECT "unitId", role, st, "inPeriod", COUNT(*), SUM(soon), SUM(silent) FROM (SELECT a."unitId", a.role, ${this.q.status} AS st,
      CASE WHEN a."deadlineDate" BETWEEN @from AND @to THEN 1 ELSE 0 END AS "inPeriod",
      CASE WHEN a."completedAt" IS NULL AND a."deadlineDate" BETWEEN @today AND @soon THEN 1 ELSE 0 END AS soon,
      CASE WHEN a."completedAt" IS NULL AND a.status <> 'done' AND a."lastReportAt" IS NULL THEN 1 ELSE 0 END AS silent
      FROM "Assignment" a ${this.d.indexedBy("Assignment_unitId_role_deadlineDate_completedAt_status_lastReportAt_idx")} WHERE ${LIVE}${nb.sql}
      ${unitId === undefined ? "" : `AND a."unitId" = @unitId`}) x
      GROUP BY "unitId", role, st, "inPeriod"`;
    const raw = await this.rowsOf<[number, string, TaskStatus, number, number, number, number]>(sql, { today, soon, from: due.from, to: due.to, unitId, ...nb.params });
    return raw.map(([u, role, status, inPeriod, n, dueSoon, notReported]) => ({ unitId: u, role, status, inPeriod: Number(inPeriod) === 1, n, dueSoon, notReported }));
  }

  async unitNames(): Promise<Map<number, string>> {
    return new Map(await this.rowsOf<[number, string]>(`SELECT id, "displayName" FROM "Unit"`));
  }

  /** Completed lead assignments per office month (YYYY-MM), on time and late, for the chart. */
  async completionByMonth(o: { unitId?: number; from: string }): Promise<Array<{ month: string; onTime: number; late: number }>> {
    const day = this.d.officeDay(`a."completedAt"`);
    const sql = `SELECT substr(${day}, 1, 7) AS m,
      SUM(CASE WHEN a."deadlineDate" IS NULL OR ${day} <= a."deadlineDate" THEN 1 ELSE 0 END), SUM(CASE WHEN ${day} > a."deadlineDate" THEN 1 ELSE 0 END)
      FROM "Assignment" a WHERE a."completedAt" IS NOT NULL AND a.role = 'lead' AND a."completedAt" >= @from AND ${LIVE}
      ${o.unitId === undefined ? "" : `AND a."unitId" = @unitId`} GROUP BY m ORDER BY m`;
    const raw = await this.rowsOf<[string, number, number]>(sql, { from: o.from, unitId: o.unitId });
    return raw.map(([month, onTime, late]) => ({ month, onTime, late: late ?? 0 }));
  }

  /** Rows matching a filter: how many per category, and one page of them, most urgent first. */
  async rows(today: string, filter: RowFilter, page: { limit: number; offset: number }): Promise<{ counts: StatusCountRow[]; rows: DashboardRow[] }> {
    const { where, params } = this.whereOf(filter, await this.begun(today));
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    // Unfiltered (only the recalled condition): a plain scan, no index helps.
    const countSql = `SELECT ${this.q.status} AS st, a.role, COUNT(*) FROM "Assignment" a ${where.length > 1 ? "" : this.d.noIndex} ${clause} GROUP BY st, a.role`;
    const counts = (await this.rowsOf<[TaskStatus, string, number]>(countSql, { today, ...params })).map(([status, role, n]) => ({ status, role, n }));
    if (page.limit <= 0) return { counts, rows: [] };
    // The page is chosen on Assignment alone (task ids follow dispatch and item order), then only its rows are joined.
    const pageSql = `SELECT a.id FROM "Assignment" a ${clause} ORDER BY ${this.q.urgency}, a."taskId", a.role DESC, a.id
      LIMIT @limit OFFSET @offset`;
    const ids = (await this.rowsOf<[number]>(pageSql, { today, ...params, limit: page.limit, offset: page.offset })).map((r) => r[0]);
    return { counts, rows: await this.byIds(ids) };
  }

  /** Rows of these assignments, in the order given. */
  private async byIds(ids: number[]): Promise<DashboardRow[]> {
    if (ids.length === 0) return [];
    const raw = await this.rowsOf<RowRaw>(`${ROW} WHERE a.id IN (${this.q.ids("ids")})`, { ids: JSON.stringify(ids) });
    const byId = new Map(raw.map((r) => [r[0], r]));
    return ids.flatMap((id) => { const r = byId.get(id); return r ? [toRow(r)] : []; });
  }

  /** Every row of a filter (the .xlsx export), in no particular order: the report sorts them. */
  async allRows(today: string, filter: RowFilter): Promise<DashboardRow[]> {
    const { where, params } = this.whereOf(filter, await this.begun(today));
    const sql = `${ROW} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
    return (await this.rowsOf<RowRaw>(sql, { today, ...params })).map(toRow);
  }

  /** Open assignments due in [from, to], soonest first: "due this week". `from` is today. */
  async dueBetween(from: string, to: string, limit: number, unitId?: number): Promise<{ total: number; rows: DashboardRow[] }> {
    const nb = await this.begun(from);
    // Only open and awaiting-approval shares: recalled ones (and done ones) are out by the status condition itself.
    const cond = `a.status IN ('open', 'pending_approval') AND a."completedAt" IS NULL AND a."deadlineDate" BETWEEN @from AND @to${nb.sql}
      ${unitId === undefined ? "" : `AND a."unitId" = @unitId`}`;
    const total = await this.count(`SELECT COUNT(*) FROM "Assignment" a WHERE ${cond}`, { from, to, unitId, ...nb.params });
    const raw = await this.rowsOf<RowRaw>(`${ROW} WHERE ${cond} ORDER BY a."deadlineDate", t."dispatchId", t.seq, a.id LIMIT @limit`, { from, to, unitId, limit, ...nb.params });
    return { total, rows: raw.map(toRow) };
  }

  /** Confirmed dispatches with their lead counts, newest first; optionally only those with a row of one unit. */
  async dispatches(today: string, o: { unitId?: number; ids?: number[] } = {}): Promise<DispatchSummary[]> {
    const nb = await this.begun(today);
    const sql = `SELECT d.id, d.number, d.subject, d."docType", d.issuer, d.date,
      SUM(CASE WHEN a.role = 'lead' THEN 1 ELSE 0 END), SUM(CASE WHEN a.role = 'lead' AND a."completedAt" IS NOT NULL THEN 1 ELSE 0 END),
      SUM(CASE WHEN a.role = 'lead' AND a."completedAt" IS NULL AND a."deadlineDate" < @today THEN 1 ELSE 0 END)
      FROM "Assignment" a ${this.d.noIndex} JOIN "Task" t ON t.id = a."taskId" JOIN "Dispatch" d ON d.id = t."dispatchId"
      WHERE ${LIVE}${nb.sql} ${o.unitId === undefined ? "" : `AND a."unitId" = @unitId`} GROUP BY d.id ORDER BY d.id DESC`;
    let raw = await this.rowsOf<[number, string | null, string | null, string | null, string | null, string | null, number, number, number]>(sql, { today, unitId: o.unitId, ...nb.params });
    if (o.ids) {
      const wanted = new Set(o.ids);
      raw = raw.filter((r) => wanted.has(r[0]));
    }
    return raw.map(([id, number, subject, docType, issuer, d, total, done, overdue]) => ({ id, number, subject, docType, issuer, date: d, total, done, overdue }));
  }

  /** Number, subject… of every dispatch that has assignments (few): what a số ký hiệu or a text is matched against. */
  async dispatchIndex(): Promise<Array<{ id: number; number: string | null; subject: string | null }>> {
    return this.allOf(`SELECT d.id, d.number, d.subject FROM "Dispatch" d WHERE d.status = 'confirmed' ORDER BY d.id`);
  }

  async dispatchHeader(id: number): Promise<{ id: number; status: string; docType: string | null; number: string | null; date: string | null; issuer: string | null; subject: string | null; recipients: string[]; fileName: string | null; confirmedAt: Date | null } | null> {
    const [r] = await this.allOf<{ id: number; status: string; docType: string | null; number: string | null; date: string | null; issuer: string | null; subject: string | null; recipients: string; fileName: string | null; confirmedAt: string | null }>(
      `SELECT id, status, "docType", number, date, issuer, subject, recipients, "fileName", "confirmedAt" FROM "Dispatch" WHERE id = @id`, { id });
    if (!r) return null;
    let recipients: string[] = [];
    try { recipients = JSON.parse(r.recipients) as string[]; } catch { /* a damaged list shows as none */ }
    return { ...r, recipients, confirmedAt: date(r.confirmedAt) };
  }

  /**
   * One page of a dispatch's tasks (item order), how many there are, and the assignments of that page; on `today`, an
   * occurrence not yet begun is not among them (nor counted), as in /baocao.
   */
  async dispatchTasks(dispatchId: number, today: string, page: { limit: number; offset: number }, unitId?: number): Promise<{
    total: number;
    tasks: Array<{ id: number; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; occurrence: number; status: string }>;
    rows: DashboardRow[];
  }> {
    const nb = await this.begun(today);
    const unitCond = (unitId === undefined ? "" : `AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."taskId" = t.id AND a."unitId" = @unitId AND ${LIVE})`)
      + (nb.sql ? ` AND NOT (t.id IN (${this.q.ids("notBegun")}) AND NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."taskId" = t.id AND a."completedAt" IS NOT NULL))` : "");
    const total = await this.count(`SELECT COUNT(*) FROM "Task" t WHERE t."dispatchId" = @dispatchId ${unitCond}`, { dispatchId, unitId, ...nb.params });
    const tasks = await this.allOf<{ id: number; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; occurrence: number; status: string }>(
      `SELECT t.id, t.ref, t.text, t."deadlineDate", t."deadlineText", t.occurrence, t.status FROM "Task" t WHERE t."dispatchId" = @dispatchId ${unitCond}
      ORDER BY t.seq, t.occurrence, t.id LIMIT @limit OFFSET @offset`, { dispatchId, unitId, ...page, ...nb.params });
    const ids = JSON.stringify(tasks.map((t) => t.id));
    const raw = await this.rowsOf<RowRaw>(
      `${ROW} WHERE a."taskId" IN (${this.q.ids("ids")}) AND ${LIVE}${nb.sql} ${unitId === undefined ? "" : `AND a."unitId" = @unitId`} ORDER BY a.role DESC, u."displayName"`,
      { ids, unitId, ...nb.params });
    return { total, tasks, rows: raw.map(toRow) };
  }

  /** Evidence files (names kept in reply events) per assignment, for the given assignments. */
  async evidenceCounts(assignmentIds: number[]): Promise<Map<number, number>> {
    const files = this.d.jsonArrayLength("data", "attachments");
    const raw = await this.rowsOf<[number, number]>(`SELECT "assignmentId", SUM(${files}) FROM "Event"
      WHERE "assignmentId" IN (${this.q.ids("ids")}) AND type = 'reply' AND ${files} > 0
      GROUP BY "assignmentId"`, { ids: JSON.stringify(assignmentIds) });
    return new Map(raw);
  }

  /** One unit's assignments: open ones or closed ones, one page, most urgent first. */
  async unitRows(today: string, unitId: number, open: boolean, page: { limit: number; offset: number }): Promise<{ total: number; rows: DashboardRow[] }> {
    const nb = await this.begun(today);
    const cond = `a."unitId" = @unitId AND ${LIVE}${nb.sql} AND ${open ? `a."completedAt" IS NULL` : `a."completedAt" IS NOT NULL`}`;
    const total = await this.count(`SELECT COUNT(*) FROM "Assignment" a WHERE ${cond}`, { unitId, ...nb.params });
    const raw = await this.rowsOf<RowRaw>(`${ROW} WHERE ${cond} ORDER BY ${open ? this.q.urgency : `a."completedAt" DESC`}, a.id LIMIT @limit OFFSET @offset`,
      { today, unitId, ...page, ...nb.params });
    return { total, rows: raw.map(toRow) };
  }

  async unit(id: number): Promise<{ id: number; displayName: string } | null> {
    return (await this.allOf<{ id: number; displayName: string }>(`SELECT id, "displayName" FROM "Unit" WHERE id = @id`, { id }))[0] ?? null;
  }

  async unitsWithAssignments(): Promise<Array<{ id: number; displayName: string }>> {
    return this.allOf(`SELECT id, "displayName" FROM "Unit" u WHERE EXISTS (SELECT 1 FROM "Assignment" a WHERE a."unitId" = u.id AND ${LIVE}) ORDER BY "displayName"`);
  }

  async task(id: number): Promise<{ id: number; dispatchId: number; seq: number; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; recurrence: string | null; occurrence: number; status: string; createdAt: Date; completedAt: Date | null } | null> {
    const [r] = await this.allOf<{ id: number; dispatchId: number; seq: number; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; recurrence: string | null; occurrence: number; status: string; createdAt: string; completedAt: string | null }>(
      `SELECT id, "dispatchId", seq, ref, text, "deadlineDate", "deadlineText", recurrence, occurrence, status, "createdAt", "completedAt" FROM "Task" WHERE id = @id`, { id });
    return r ? { ...r, createdAt: new Date(r.createdAt), completedAt: date(r.completedAt) } : null;
  }

  async taskRows(taskId: number): Promise<DashboardRow[]> {
    return (await this.rowsOf<RowRaw>(`${ROW} WHERE a."taskId" = @taskId AND ${LIVE} ORDER BY a.role DESC, u."displayName"`, { taskId })).map(toRow);
  }

  /** Messages that carried the task's assignments (task posts and reminders), oldest first. */
  async posts(assignmentIds: number[]): Promise<Array<{ assignmentId: number; chatId: string; kind: string; at: Date }>> {
    const raw = await this.rowsOf<[number, string, string, string]>(
      `SELECT "assignmentId", "chatId", kind, "createdAt" FROM "Post" WHERE "assignmentId" IN (${this.q.ids("ids")}) ORDER BY id`,
      { ids: JSON.stringify(assignmentIds) });
    return raw.map(([assignmentId, chatId, kind, at]) => ({ assignmentId, chatId, kind, at: new Date(at) }));
  }

  /** Events about a task: its own, and those of its assignments, oldest first, with the actor's name when known. */
  async taskEvents(taskId: number, dispatchId: number, seq: number): Promise<HistoryEvent[]> {
    const raw = await this.rowsOf<[number, number | null, string, string, string | null, string | null, string | null, number | null, number | null, string]>(
      `SELECT e.id, e."taskId", e.at, e.type, e.actor, p.name, e."chatId", e."assignmentId", e."unitId", e.data FROM "Event" e LEFT JOIN "Person" p ON p."userId" = e.actor
      WHERE e."taskId" = @taskId OR e."assignmentId" IN (SELECT id FROM "Assignment" WHERE "taskId" = @taskId)
      OR (e."dispatchId" = @dispatchId AND e."taskId" IS NULL AND e."assignmentId" IS NULL AND e.type IN ('draft_created', 'draft_edited', 'dispatch_confirmed'))
      ORDER BY e.at, e.id`, { taskId, dispatchId });
    const events = raw.map(([id, taskIdOf, at, type, actor, actorName, chatId, assignmentId, unitId, data]) => {
      let parsed: Record<string, unknown> = {};
      try { parsed = JSON.parse(data) as Record<string, unknown>; } catch { /* shown without details */ }
      return { id, taskId: taskIdOf, at: new Date(at), type, actor, actorName, chatId, assignmentId, unitId, data: parsed };
    });
    // Draft edits name their item by its number in the draft; keep only this task's.
    return events.filter((e) => e.type !== "draft_edited" || e.data.seq === undefined || e.data.seq === seq);
  }

  async event(id: number): Promise<HistoryEvent | null> {
    const [r] = await this.allOf<{ id: number; taskId: number | null; at: string; type: string; actor: string | null; chatId: string | null; assignmentId: number | null; unitId: number | null; data: string }>(
      `SELECT id, "taskId", at, type, actor, "chatId", "assignmentId", "unitId", data FROM "Event" WHERE id = @id`, { id });
    if (!r) return null;
    let data: Record<string, unknown> = {};
    try { data = JSON.parse(r.data) as Record<string, unknown>; } catch { /* none */ }
    return { ...r, at: new Date(r.at), actorName: null, data };
  }

  /**
   * The tasks whose text (task wording, or its dispatch's number and subject) contains `query` ignoring case,
   * diacritics and tone placement. The folded task texts are kept in memory, read once and then only new tasks.
   */
  async searchText(query: string): Promise<TextMatch> {
    const needle = foldKey(query);
    if (!needle) return { exclude: [] };
    const fresh = await this.rowsOf<[number, number, string]>(`SELECT id, "dispatchId", text FROM "Task" WHERE id > @after ORDER BY id`, { after: this.foldedUpTo });
    for (const [id, dispatchId, text] of fresh) {
      this.folded.set(id, { dispatchId, text: foldKey(text) });
      this.foldedUpTo = Math.max(this.foldedUpTo, id);
    }
    const dispatches = new Set((await this.dispatchIndex()).filter((d) => foldKey(`${d.number ?? ""} ${d.subject ?? ""}`).includes(needle)).map((d) => d.id));
    const include: number[] = [];
    const exclude: number[] = [];
    for (const [id, t] of this.folded) (dispatches.has(t.dispatchId) || t.text.includes(needle) ? include : exclude).push(id);
    return include.length <= exclude.length ? { include } : { exclude };
  }

  private whereOf(filter: RowFilter, nb: Begun): { where: string[]; params: Record<string, Param> } {
    const where: string[] = [LIVE + nb.sql];
    const params: Record<string, Param> = { ...nb.params };
    if (filter.unitId !== undefined) { where.push(`a."unitId" = @unitId`); params.unitId = filter.unitId; }
    if (filter.dispatchIds) {
      where.push(`a."taskId" IN (SELECT id FROM "Task" WHERE "dispatchId" IN (${this.q.ids("dispatchIds")}))`);
      params.dispatchIds = JSON.stringify(filter.dispatchIds);
    }
    if (filter.text) {
      // The smaller of the two lists: a word found in most tasks is passed as the tasks without it.
      where.push(`a."taskId" ${"exclude" in filter.text ? "NOT IN" : "IN"} (${this.q.ids("textTasks")})`);
      params.textTasks = JSON.stringify("exclude" in filter.text ? filter.text.exclude : filter.text.include);
    }
    if (filter.status) { where.push(`${this.q.status} = @status`); params.status = filter.status; }
    if (filter.due) { where.push(`a."deadlineDate" BETWEEN @dueFrom AND @dueTo`); params.dueFrom = filter.due.from; params.dueTo = filter.due.to; }
    return { where, params };
  }
}
