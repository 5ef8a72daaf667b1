import type Database from "better-sqlite3";
import type { ReportRow } from "../reports/report.js";
import type { TaskStatus } from "../tracking/status.js";

/** Report rows straight from SQLite (read-only connection): 100,000 assignments in well under the 200 ms budget. */
export type ReportScope =
  | { kind: "all" }
  | { kind: "dispatch"; dispatchId: number }
  | { kind: "unit"; unitId: number }
  /** Open and past due on `today` (YYYY-MM-DD, office time). */
  | { kind: "overdue"; today: string }
  | { kind: "not_reported" };

// Dispatch and unit names are looked up once each, not copied into 100,000 rows.
const SELECT = `SELECT a.id, a.taskId, t.dispatchId, t.ref, t.text, a.unitId, a.role, a.deadlineDate, a.completedAt, a.lastReportAt,
  a.lastReportText FROM Assignment a JOIN Task t ON t.id = a.taskId`;

const WHERE: Record<ReportScope["kind"], string> = {
  all: "",
  dispatch: "WHERE t.dispatchId = ?",
  unit: "WHERE a.unitId = ?",
  overdue: "WHERE a.status IN ('open', 'pending_approval') AND a.deadlineDate < ?",
  not_reported: "WHERE a.status <> 'done' AND a.lastReportAt IS NULL",
};

/** statusOf in SQL: completion day (office time) against the due day; open tasks against today (bound first). */
const STATUS_SQL = `CASE
  WHEN a.completedAt IS NOT NULL AND a.deadlineDate IS NULL THEN 'done'
  WHEN a.completedAt IS NOT NULL AND date(a.completedAt, '+7 hours') <= a.deadlineDate THEN 'done_on_time'
  WHEN a.completedAt IS NOT NULL THEN 'done_late'
  WHEN a.deadlineDate IS NULL THEN 'no_deadline'
  WHEN a.deadlineDate < ? THEN 'overdue'
  ELSE 'in_progress' END`;

// A sequential scan beats the (unitId, status) index plus a table lookup per row when every row is counted.
const FROM_SUMMARY: Record<ReportScope["kind"], string> = {
  all: "NOT INDEXED",
  dispatch: "JOIN Task t ON t.id = a.taskId",
  unit: "",
  overdue: "",
  not_reported: "NOT INDEXED",
};

/** The values bound to WHERE[scope.kind]. */
function paramsOf(scope: ReportScope): unknown[] {
  return scope.kind === "dispatch" ? [scope.dispatchId] : scope.kind === "unit" ? [scope.unitId] : scope.kind === "overdue" ? [scope.today] : [];
}

type Raw = [number, number, number, string, string, number, string, string | null, string | null, string | null, string | null];

export class ReportRepo {
  private readonly stmts = new Map<string, Database.Statement>();
  constructor(private readonly read: Database.Database) {}

  rows(scope: ReportScope): ReportRow[] {
    let stmt = this.stmts.get(scope.kind);
    if (!stmt) this.stmts.set(scope.kind, (stmt = this.read.prepare(`${SELECT} ${WHERE[scope.kind]}`).raw(true)));
    const dates = new Map<string, Date>();
    const date = (s: string | null): Date | null => {
      if (s === null) return null;
      let d = dates.get(s);
      if (!d) dates.set(s, (d = new Date(s)));
      return d;
    };
    const dispatches = new Map((this.read.prepare("SELECT id, number, subject FROM Dispatch").raw(true).all() as Array<[number, string | null, string | null]>).map((d) => [d[0], d]));
    const units = this.unitNames();
    return (stmt.all(...paramsOf(scope)) as Raw[]).map((r) => {
      const d = dispatches.get(r[2]);
      return {
        id: r[0], taskId: r[1], dispatchId: r[2], dispatchNumber: d?.[1] ?? null, dispatchSubject: d?.[2] ?? null, taskRef: r[3],
        taskText: r[4], unitId: r[5], unitName: units.get(r[5]) ?? "", role: r[6] as "lead" | "coordinate", deadlineDate: r[7],
        completedAt: date(r[8]), lastReportAt: date(r[9]), lastReportText: r[10],
      };
    });
  }

  /**
   * Counts per official category and lead unit, computed by SQLite (no row leaves the database): the same rules as
   * statusOf, days in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). `today` is the office day of "now".
   */
  summary(scope: ReportScope, today: string): { rows: Array<{ unitId: number; unitName: string; role: string; status: TaskStatus; n: number }> } {
    const key = `summary:${scope.kind}`;
    let stmt = this.stmts.get(key);
    if (!stmt) {
      stmt = this.read.prepare(
        `SELECT a.unitId, a.role, ${STATUS_SQL} AS st, COUNT(*) FROM Assignment a ${FROM_SUMMARY[scope.kind]}
         ${WHERE[scope.kind]} GROUP BY a.unitId, a.role, st`,
      ).raw(true);
      this.stmts.set(key, stmt);
    }
    const units = this.unitNames();
    const raw = stmt.all(today, ...paramsOf(scope)) as Array<[number, string, TaskStatus, number]>;
    return { rows: raw.map(([unitId, role, status, n]) => ({ unitId, unitName: units.get(unitId) ?? "", role, status, n })) };
  }

  private unitNames(): Map<number, string> {
    return new Map(this.read.prepare("SELECT id, displayName FROM Unit").raw(true).all() as Array<[number, string]>);
  }

  dispatchExists(id: number): boolean {
    return this.read.prepare("SELECT 1 FROM Dispatch WHERE id = ?").get(id) !== undefined;
  }
}
