import type Database from "better-sqlite3";
import type { ReportRow } from "../reports/report.js";

/** Report rows straight from SQLite (read-only connection): 100,000 assignments in well under the 200 ms budget. */
export type ReportScope =
  | { kind: "all" }
  | { kind: "dispatch"; dispatchId: number }
  | { kind: "unit"; unitId: number }
  /** Open and past due on `today` (YYYY-MM-DD, office time). */
  | { kind: "overdue"; today: string }
  | { kind: "not_reported" };

const SELECT = `SELECT a.id, a.taskId, t.dispatchId, d.number, d.subject, t.ref, t.text, a.unitId, u.displayName, a.role,
  a.deadlineDate, a.completedAt, a.lastReportAt, a.lastReportText
  FROM Assignment a JOIN Task t ON t.id = a.taskId JOIN Dispatch d ON d.id = t.dispatchId JOIN Unit u ON u.id = a.unitId`;

const WHERE: Record<ReportScope["kind"], string> = {
  all: "",
  dispatch: "WHERE t.dispatchId = ?",
  unit: "WHERE a.unitId = ?",
  overdue: "WHERE a.status <> 'done' AND a.deadlineDate < ?",
  not_reported: "WHERE a.status <> 'done' AND a.lastReportAt IS NULL",
};

type Raw = [number, number, number, string | null, string | null, string, string, number, string, string, string | null, string | null, string | null, string | null];

export class ReportRepo {
  private readonly stmts = new Map<string, Database.Statement>();
  constructor(private readonly read: Database.Database) {}

  rows(scope: ReportScope): ReportRow[] {
    let stmt = this.stmts.get(scope.kind);
    if (!stmt) this.stmts.set(scope.kind, (stmt = this.read.prepare(`${SELECT} ${WHERE[scope.kind]}`).raw(true)));
    const params = scope.kind === "dispatch" ? [scope.dispatchId] : scope.kind === "unit" ? [scope.unitId] : scope.kind === "overdue" ? [scope.today] : [];
    const dates = new Map<string, Date>();
    const date = (s: string | null): Date | null => {
      if (s === null) return null;
      let d = dates.get(s);
      if (!d) dates.set(s, (d = new Date(s)));
      return d;
    };
    return (stmt.all(...params) as Raw[]).map((r) => ({
      id: r[0], taskId: r[1], dispatchId: r[2], dispatchNumber: r[3], dispatchSubject: r[4], taskRef: r[5], taskText: r[6],
      unitId: r[7], unitName: r[8], role: r[9] as "lead" | "coordinate", deadlineDate: r[10], completedAt: date(r[11]),
      lastReportAt: date(r[12]), lastReportText: r[13],
    }));
  }

  dispatchExists(id: number): boolean {
    return this.read.prepare("SELECT 1 FROM Dispatch WHERE id = ?").get(id) !== undefined;
  }
}
