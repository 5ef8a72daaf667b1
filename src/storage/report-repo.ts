import type { ReportRow } from "../reports/report.js";
import type { TaskStatus } from "../tracking/status.js";
import { DIALECT } from "./dialect.js";
import type { Dialect, Param, Sql } from "./sql.js";

/**
 * Report rows straight from the database (SQLite's read-only connection): 100,000 assignments in well under the
 * 200 ms budget. The SQL is shared by both databases except the few fragments of DIALECT (dialect.ts).
 */
export type ReportScope =
  | { kind: "all" }
  | { kind: "dispatch"; dispatchId: number }
  | { kind: "unit"; unitId: number }
  /** Open and past due on `today` (YYYY-MM-DD, office time). */
  | { kind: "overdue"; today: string }
  | { kind: "not_reported" }
  /** Every assignment of the dispatches that still have an open one (the chat's plain "báo cáo"). */
  | { kind: "open_dispatches" }
  /** Every assignment except those of these dispatches (what open_dispatches becomes once the closed ones are known). */
  | { kind: "except_dispatches"; dispatchIds: number[] };

// Dispatch and unit names are looked up once each, not copied into 100,000 rows.
// A later occurrence of a recurring task carries its previous occurrence's due day (looked up only for those).
const SELECT = `SELECT a.id, a."taskId", t."dispatchId", t.ref, t.text, a."unitId", a.role, a."deadlineDate", a."completedAt", a."lastReportAt",
  a."lastReportText", CASE WHEN t."previousId" IS NULL THEN NULL ELSE (SELECT p."deadlineDate" FROM "Task" p WHERE p.id = t."previousId") END
  FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"`;

// Overdue and not-reported also require completedAt IS NULL, as statusOf does (a no-op while status 'done' and
// completedAt go together, which reply-repo keeps).
// Recalled assignments (thu hồi, issue 12) leave every report.
const where = (d: Dialect): Record<ReportScope["kind"], string> => ({
  all: "WHERE a.status <> 'recalled'",
  dispatch: `WHERE t."dispatchId" = ? AND a.status <> 'recalled'`,
  unit: `WHERE a."unitId" = ? AND a.status <> 'recalled'`,
  overdue: `WHERE a.status IN ('open', 'pending_approval') AND a."deadlineDate" < ? AND a."completedAt" IS NULL`,
  not_reported: `WHERE a.status NOT IN ('done', 'recalled') AND a."lastReportAt" IS NULL AND a."completedAt" IS NULL`,
  open_dispatches: `WHERE t."dispatchId" IN (SELECT t2."dispatchId" FROM "Assignment" a2 JOIN "Task" t2 ON t2.id = a2."taskId" WHERE a2."completedAt" IS NULL AND a2.status <> 'recalled') AND a.status <> 'recalled'`,
  except_dispatches: `WHERE t."dispatchId" NOT IN (${DIALECT[d].jsonIds}) AND a.status <> 'recalled'`,
});

/** statusOf in SQL: completion day (office time) against the due day; open tasks against today (bound first). */
const statusSql = (d: Dialect) => `CASE
  WHEN a."completedAt" IS NOT NULL AND a."deadlineDate" IS NULL THEN 'done'
  WHEN a."completedAt" IS NOT NULL AND ${DIALECT[d].officeDay(`a."completedAt"`)} <= a."deadlineDate" THEN 'done_on_time'
  WHEN a."completedAt" IS NOT NULL THEN 'done_late'
  WHEN a."deadlineDate" IS NULL THEN 'no_deadline'
  WHEN a."deadlineDate" < ? THEN 'overdue'
  ELSE 'in_progress' END`;

// A sequential scan beats the (unitId, status) index plus a table lookup per row when every row is counted.
const fromSummary = (d: Dialect): Record<ReportScope["kind"], string> => ({
  all: DIALECT[d].noIndex,
  dispatch: `JOIN "Task" t ON t.id = a."taskId"`,
  unit: "",
  overdue: "",
  not_reported: DIALECT[d].noIndex,
  open_dispatches: `JOIN "Task" t ON t.id = a."taskId"`,
  except_dispatches: `JOIN "Task" t ON t.id = a."taskId"`,
});

// Dispatches with assignments, none of them open: few, and found without touching every row (an open dispatch stops
// the NOT EXISTS at its first open assignment).
const CLOSED_DISPATCHES = `SELECT d.id FROM "Dispatch" d
  WHERE EXISTS (SELECT 1 FROM "Task" t JOIN "Assignment" a ON a."taskId" = t.id WHERE t."dispatchId" = d.id)
  AND NOT EXISTS (SELECT 1 FROM "Task" t JOIN "Assignment" a ON a."taskId" = t.id WHERE t."dispatchId" = d.id AND a."completedAt" IS NULL AND a.status <> 'recalled')`;

/**
 * The leading part of the report's order (reports/report.ts sortByUrgency) as one sortable text: urgency digit, then
 * the due day (ISO, so text order is day order; '~' after every date for none). The rest of the order (dispatch
 * number and item ref under the Vietnamese numeric collator, then role) is applied in JS to the few candidates.
 */
const urgencyKeySql = (d: Dialect) => `(CASE ${statusSql(d)} WHEN 'overdue' THEN '0' WHEN 'in_progress' THEN '1' WHEN 'no_deadline' THEN '2'
  WHEN 'done_late' THEN '3' WHEN 'done_on_time' THEN '4' ELSE '5' END || COALESCE(a."deadlineDate", '~'))${DIALECT[d].byteOrder}`;

/**
 * Open later occurrences of a recurring task whose own period has not begun (the previous occurrence is due today or
 * later: it was handed in early) are the next period's work, not "đang thực hiện" now (reports/period.ts notYetBegun):
 * counts and lines leave them out, with or without a period. Few tasks have a previous occurrence: they are found
 * first through Task's unique previousId index (ids are positive, so `> 0` is the index's non-null range; as a join,
 * SQLite scanned every task instead), and the
 * scan over the scope's assignments tests a list only when there is one.
 */
const NOT_BEGUN = `SELECT n.id FROM "Task" n WHERE n."previousId" > 0
  AND (SELECT p."deadlineDate" FROM "Task" p WHERE p.id = n."previousId") >= ?`;
/** The tasks (later occurrences) not yet begun on `today`: few, so the callers pass them as a list. */
export async function notBegunTasks(read: Sql, today: string): Promise<number[]> {
  return (await read.rows<[number]>(NOT_BEGUN, [today])).map((r) => r[0]);
}
const begun = (d: Dialect) => ` AND (a."completedAt" IS NOT NULL OR a."taskId" NOT IN (${DIALECT[d].jsonIds}))`;

/** The values bound to WHERE[scope.kind]. */
function paramsOf(scope: ReportScope): Param[] {
  return scope.kind === "dispatch" ? [scope.dispatchId] : scope.kind === "unit" ? [scope.unitId] : scope.kind === "overdue" ? [scope.today]
    : scope.kind === "except_dispatches" ? [JSON.stringify(scope.dispatchIds)] : [];
}

type Raw = [number, number, number, string, string, number, string, string | null, string | null, string | null, string | null, string | null];

export class ReportRepo {
  private readonly dialect: Dialect;
  private readonly WHERE: Record<ReportScope["kind"], string>;
  constructor(private readonly read: Sql) {
    this.dialect = read.dialect;
    this.WHERE = where(this.dialect);
  }

  async rows(asked: ReportScope): Promise<ReportRow[]> {
    const scope = await this.resolve(asked);
    return this.toRows(await this.read.rows<Raw>(`${SELECT} ${this.WHERE[scope.kind]}`, paramsOf(scope)));
  }

  /**
   * The rows that can be among the `limit` most urgent of the scope on `today`: every row whose (urgency, due day)
   * does not come after the limit-th row's, found with ORDER BY … LIMIT inside the database. Ties on that key are all
   * returned, so sorting these with sortByUrgency and keeping `limit` gives exactly the full report's first lines.
   */
  async urgentRows(asked: ReportScope, today: string, limit: number): Promise<ReportRow[]> {
    if (limit <= 0) return [];
    const scope = await this.resolve(asked);
    const nb = await this.begun(today);
    const w = this.WHERE[scope.kind] + nb.sql;
    const and = `${w} AND`;
    const key = urgencyKeySql(this.dialect);
    const params = [...paramsOf(scope), ...nb.params];
    return this.toRows(await this.read.rows<Raw>(
      `${SELECT} ${and} ${key} <= COALESCE((SELECT ${key} AS k FROM "Assignment" a
       JOIN "Task" t ON t.id = a."taskId" ${w} ORDER BY k LIMIT 1 OFFSET ?), '~~')`,
      [...params, today, today, ...params, limit - 1],
    ));
  }

  private async toRows(raw: Raw[]): Promise<ReportRow[]> {
    const dates = new Map<string, Date>();
    const date = (s: string | null): Date | null => {
      if (s === null) return null;
      let d = dates.get(s);
      if (!d) dates.set(s, (d = new Date(s)));
      return d;
    };
    const dispatches = new Map((await this.read.rows<[number, string | null, string | null]>(`SELECT id, number, subject FROM "Dispatch"`)).map((d) => [d[0], d]));
    const units = await this.unitNames();
    return raw.map((r) => {
      const d = dispatches.get(r[2]);
      return {
        id: r[0], taskId: r[1], dispatchId: r[2], dispatchNumber: d?.[1] ?? null, dispatchSubject: d?.[2] ?? null, taskRef: r[3],
        taskText: r[4], unitId: r[5], unitName: units.get(r[5]) ?? "", role: r[6] as "lead" | "coordinate", deadlineDate: r[7],
        completedAt: date(r[8]), lastReportAt: date(r[9]), lastReportText: r[10], startsAfter: r[11],
      };
    });
  }

  /**
   * Counts per official category and lead unit, computed by the database (no row leaves it): the same rules as
   * statusOf, days in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). `today` is the office day of "now".
   */
  async summary(asked: ReportScope, today: string): Promise<{ rows: Array<{ unitId: number; unitName: string; role: string; status: TaskStatus; n: number }> }> {
    const scope = await this.resolve(asked);
    const units = await this.unitNames();
    const nb = await this.begun(today);
    const raw = await this.read.rows<[number, string, TaskStatus, number]>(
      `SELECT a."unitId", a.role, ${statusSql(this.dialect)} AS st, COUNT(*) FROM "Assignment" a ${fromSummary(this.dialect)[scope.kind]}
       ${this.WHERE[scope.kind]}${nb.sql} GROUP BY a."unitId", a.role, st`,
      [today, ...paramsOf(scope), ...nb.params],
    );
    return { rows: raw.map(([unitId, role, status, n]) => ({ unitId, unitName: units.get(unitId) ?? "", role, status, n: Number(n) })) };
  }

  /**
   * Distinct tasks in scope on `today`, whatever their units ("14 nhiệm vụ, 69 lượt giao cho đơn vị"): one more pass
   * over the scope's assignments, counted inside the database. Folding it into summary's pass (ROW_NUMBER over the
   * task, or an EXISTS for an earlier assignment of the task) measured slower on SQLite than this second pass.
   */
  async taskCount(asked: ReportScope, today: string): Promise<number> {
    const scope = await this.resolve(asked);
    const nb = await this.begun(today);
    return Number(await this.read.value(
      `SELECT COUNT(DISTINCT a."taskId") FROM "Assignment" a ${fromSummary(this.dialect)[scope.kind]} ${this.WHERE[scope.kind]}${nb.sql}`,
      [...paramsOf(scope), ...nb.params],
    ));
  }

  /**
   * "Dispatches still open" as "every row but the closed dispatches'": usually none is closed and the scan is the plain
   * one, without joining and testing a subquery for each of 100,000 rows.
   */
  private async resolve(scope: ReportScope): Promise<ReportScope> {
    if (scope.kind !== "open_dispatches") return scope;
    const closed = (await this.read.rows<[number]>(CLOSED_DISPATCHES)).map((r) => r[0]);
    return closed.length === 0 ? { kind: "all" } : { kind: "except_dispatches", dispatchIds: closed };
  }

  /** The clause (and its parameter) that leaves out the occurrences not yet begun on `today`; none when there are none. */
  private async begun(today: string): Promise<{ sql: string; params: Param[] }> {
    const ids = await notBegunTasks(this.read, today);
    return ids.length === 0 ? { sql: "", params: [] } : { sql: begun(this.dialect), params: [JSON.stringify(ids)] };
  }

  private async unitNames(): Promise<Map<number, string>> {
    return new Map(await this.read.rows<[number, string]>(`SELECT id, "displayName" FROM "Unit"`));
  }

  /**
   * Dispatches that have assignments, in the order rows({kind: "all"}) meets them (it scans by task id), with number
   * and subject: what the chat resolves a số ký hiệu against without loading every row. Each dispatch stops at its
   * first task with an assignment.
   */
  async assignedDispatches(): Promise<Array<{ id: number; number: string | null; subject: string | null }>> {
    const raw = await this.read.rows<[number, string | null, string | null]>(
      `SELECT id, number, subject FROM (SELECT d.id, d.number, d.subject, (SELECT t.id FROM "Task" t WHERE t."dispatchId" = d.id
       AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."taskId" = t.id) ORDER BY t.id LIMIT 1) AS "firstTask" FROM "Dispatch" d) x
       WHERE "firstTask" IS NOT NULL ORDER BY "firstTask"`,
    );
    return raw.map(([id, number, subject]) => ({ id, number, subject }));
  }

  async dispatchExists(id: number): Promise<boolean> {
    return (await this.read.value(`SELECT 1 FROM "Dispatch" WHERE id = ?`, [id])) !== undefined;
  }
}
