import { daysLeft as daysLeftOf, statusOf, TASK_STATUSES, type TaskStatus } from "../tracking/status.js";
import { officeDay, type IsoDate } from "../tracking/office-day.js";

/** Vietnamese order, numbers compared numerically ("2" < "10", "II.1" < "II.2"). */
const collator = new Intl.Collator("vi", { numeric: true });

/**
 * One assignment as reports see it. The storage layer's AssignmentView satisfies it as is; other callers fill the
 * same fields.
 */
export interface ReportRow {
  id: string | number;
  taskId: string | number;
  dispatchId: string | number;
  /** Số ký hiệu ("164/KH-UBND"). */
  dispatchNumber: string | null;
  /** Trích yếu. */
  dispatchSubject: string | null;
  taskRef: string;
  taskText: string;
  unitId: string | number;
  unitName: string;
  role: "lead" | "coordinate";
  /** Due day, ISO YYYY-MM-DD. */
  deadlineDate: IsoDate | null;
  completedAt: Date | null;
  lastReportAt: Date | null;
  lastReportText: string | null;
  /**
   * A later occurrence of a recurring task: the previous occurrence's due day. Its own period begins the day after,
   * so before that it is the next period's work, not "đang thực hiện" in this one (reports/period.ts notYetBegun).
   */
  startsAfter?: IsoDate | null;
}

export type ReportKind = "dispatch" | "unit" | "overdue" | "not_reported";
export type StatusCounts = Record<TaskStatus, number> & { total: number };

export interface ReportLine<R extends ReportRow = ReportRow> {
  row: R;
  status: TaskStatus;
  /** Days to the due day (negative once overdue); null without a deadline. */
  daysLeft: number | null;
}

export interface Report<R extends ReportRow = ReportRow> {
  kind: ReportKind;
  /** What the report is about: the dispatch's number and subject, or the unit's name. */
  subject: { dispatchNumber?: string | null; dispatchSubject?: string | null; unitName?: string };
  asOf: Date;
  day: IsoDate;
  /** Counts per official category, over lead (chủ trì) assignments: each task counted once per lead unit. */
  counts: StatusCounts;
  /** The same counts per lead unit, by unit name. */
  byLeadUnit: Array<{ unitId: string | number; unitName: string; counts: StatusCounts }>;
  /** Every unit in scope with its number of lines, both roles, most lines first ("who has not reported yet"). */
  byUnit: Array<{ unitId: string | number; unitName: string; lines: number }>;
  /** Coordinating (phối hợp) assignments in scope, listed but not counted. */
  coordinating: number;
  /**
   * Distinct tasks in scope, whatever their units: "14 nhiệm vụ, 69 lượt giao cho đơn vị" (issue 12). Counts above are
   * per assignment (a task with two lead units counts twice). Unset: count the distinct tasks of `lines`.
   */
  tasks?: number;
  /** Every assignment in scope, most urgent first (overdue, then by due day), then by dispatch and item. */
  lines: ReportLine<R>[];
  /**
   * Set when `lines` holds only the most urgent ones (the chat report, see summaryReport): how many lines the scope
   * has in all. Unset: `lines` is complete.
   */
  linesTotal?: number;
}

export function emptyCounts(): StatusCounts {
  const counts = { total: 0 } as StatusCounts;
  for (const s of TASK_STATUSES) counts[s] = 0;
  return counts;
}

type LeadUnitCounts = Report["byLeadUnit"][number];

/**
 * Counts per official category over lead (chủ trì) assignments, in total and per lead unit; coordinating (phối hợp)
 * ones only counted apart. Shared by full reports and the counts-only summary so both give the same figures.
 */
export class LeadCounts {
  readonly counts = emptyCounts();
  coordinating = 0;
  private readonly perUnit = new Map<string | number, LeadUnitCounts>();

  add(unitId: string | number, unitName: string, role: string, status: TaskStatus, n = 1): void {
    if (role !== "lead") { this.coordinating += n; return; }
    this.counts[status] += n;
    this.counts.total += n;
    let unit = this.perUnit.get(unitId);
    if (!unit) this.perUnit.set(unitId, (unit = { unitId, unitName, counts: emptyCounts() }));
    unit.counts[status] += n;
    unit.counts.total += n;
  }

  /** The counts per lead unit, by unit name. */
  byLeadUnit(): LeadUnitCounts[] {
    return [...this.perUnit.values()].sort((a, b) => collator.compare(a.unitName, b.unitName));
  }
}

const URGENCY: Record<TaskStatus, number> = { overdue: 0, in_progress: 1, no_deadline: 2, done_late: 3, done_on_time: 4, done: 5 };

/**
 * Builds a report over the given rows (already narrowed to a scope by the caller, or use the helpers below). Pure:
 * statuses are computed against `now` with statusOf.
 */
export function buildReport<R extends ReportRow>(kind: ReportKind, rows: readonly R[], now: Date, subject: Report["subject"] = {}): Report<R> {
  const lead = new LeadCounts();
  const lines: ReportLine<R>[] = [];
  const tasks = new Set<string | number>();
  const allUnits = new Map<string | number, { unitId: string | number; unitName: string; lines: number }>();
  for (const row of rows) {
    const status = statusOf({ deadline: row.deadlineDate, completedAt: row.completedAt, now });
    lines.push({ row, status, daysLeft: row.deadlineDate === null ? null : daysLeftOf(row.deadlineDate, now) });
    const seen = allUnits.get(row.unitId);
    if (seen) seen.lines++;
    else allUnits.set(row.unitId, { unitId: row.unitId, unitName: row.unitName, lines: 1 });
    lead.add(row.unitId, row.unitName, row.role, status);
    tasks.add(row.taskId);
  }
  sortByUrgency(lines);
  const byUnit = [...allUnits.values()].sort((a, b) => b.lines - a.lines || collator.compare(a.unitName, b.unitName));
  return { kind, subject, asOf: now, day: officeDay(now), counts: lead.counts, byLeadUnit: lead.byLeadUnit(), byUnit, coordinating: lead.coordinating, tasks: tasks.size, lines };
}

/**
 * The same report from counts computed elsewhere (per unit, role and status, as ReportRepo.summary gives them) and
 * a superset of the `maxLines` most urgent rows (ReportRepo.urgentRows): counts, units and the first `maxLines`
 * lines equal buildReport's over every row; `lines` stops there and `linesTotal` tells how many there are.
 */
export function summaryReport<R extends ReportRow>(
  kind: ReportKind,
  summary: ReadonlyArray<{ unitId: string | number; unitName: string; role: string; status: TaskStatus; n: number }>,
  urgent: readonly R[],
  now: Date,
  subject: Report["subject"],
  maxLines: number,
  /** Distinct tasks in scope (ReportRepo.taskCount); without it the report cannot say how many tasks, only lượt. */
  tasks?: number,
): Report<R> {
  const lead = new LeadCounts();
  const allUnits = new Map<string | number, { unitId: string | number; unitName: string; lines: number }>();
  let total = 0;
  for (const s of summary) {
    lead.add(s.unitId, s.unitName, s.role, s.status, s.n);
    total += s.n;
    const seen = allUnits.get(s.unitId);
    if (seen) seen.lines += s.n;
    else allUnits.set(s.unitId, { unitId: s.unitId, unitName: s.unitName, lines: s.n });
  }
  const lines = urgent.map((row) => ({
    row, status: statusOf({ deadline: row.deadlineDate, completedAt: row.completedAt, now }),
    daysLeft: row.deadlineDate === null ? null : daysLeftOf(row.deadlineDate, now),
  }));
  sortByUrgency(lines);
  lines.length = Math.min(lines.length, maxLines);
  const byUnit = [...allUnits.values()].sort((a, b) => b.lines - a.lines || collator.compare(a.unitName, b.unitName));
  return {
    kind, subject, asOf: now, day: officeDay(now), counts: lead.counts, byLeadUnit: lead.byLeadUnit(), byUnit,
    coordinating: lead.coordinating, lines, linesTotal: total, ...(tasks !== undefined ? { tasks } : {}),
  };
}

/** All assignments of one dispatch. */
export function dispatchReport<R extends ReportRow>(rows: readonly R[], dispatchId: R["dispatchId"], now: Date): Report<R> {
  const scoped = rows.filter((r) => r.dispatchId === dispatchId);
  const first = scoped[0];
  return buildReport("dispatch", scoped, now, { dispatchNumber: first?.dispatchNumber ?? null, dispatchSubject: first?.dispatchSubject ?? null });
}

/** All assignments of one unit, as lead and as coordinator. */
export function unitReport<R extends ReportRow>(rows: readonly R[], unitId: R["unitId"], now: Date): Report<R> {
  const scoped = rows.filter((r) => r.unitId === unitId);
  return buildReport("unit", scoped, now, { unitName: scoped[0]?.unitName ?? "" });
}

/** Open assignments past their due day. */
export function overdueReport<R extends ReportRow>(rows: readonly R[], now: Date): Report<R> {
  const overdue = rows.filter((r) => statusOf({ deadline: r.deadlineDate, completedAt: r.completedAt, now }) === "overdue");
  return buildReport("overdue", overdue, now);
}

/** Open assignments with no report at all yet ("đơn vị chưa báo cáo"). */
export function notReportedReport<R extends ReportRow>(rows: readonly R[], now: Date): Report<R> {
  return buildReport("not_reported", rows.filter((r) => r.completedAt === null && r.lastReportAt === null), now);
}

/**
 * Most urgent first: overdue, in progress, undated, then completed; by due day; then by dispatch number and item ref
 * (numeric-aware), lead before coordinating, then by assignment id. Text keys are ranked once per distinct value so
 * that sorting 100,000 lines compares numbers only.
 */
function sortByUrgency<R extends ReportRow>(lines: ReportLine<R>[]): void {
  const dispatchRank = rankOf(lines.map((l) => l.row.dispatchNumber ?? ""));
  const refRank = rankOf(lines.map((l) => l.row.taskRef));
  const n = lines.length;
  const urgency = new Int8Array(n);
  const days = new Float64Array(n);
  const dispatch = new Int32Array(n);
  const ref = new Int32Array(n);
  const role = new Int8Array(n);
  // Last, the assignment id (numeric ids; otherwise the given order): lines equal on every key above (two lead units of
  // one item) come out the same whichever order the query returned them in, so a LIMIT-ed chat report agrees.
  const id = new Float64Array(n);
  lines.forEach((l, i) => {
    id[i] = typeof l.row.id === "number" ? l.row.id : i;
    urgency[i] = URGENCY[l.status];
    days[i] = l.daysLeft ?? Number.MAX_SAFE_INTEGER;
    dispatch[i] = dispatchRank.get(l.row.dispatchNumber ?? "")!;
    ref[i] = refRank.get(l.row.taskRef)!;
    role[i] = l.row.role === "lead" ? 0 : 1;
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => urgency[a]! - urgency[b]! || days[a]! - days[b]! || dispatch[a]! - dispatch[b]! || ref[a]! - ref[b]! || role[a]! - role[b]! || id[a]! - id[b]!);
  const sorted = order.map((i) => lines[i]!);
  for (let i = 0; i < n; i++) lines[i] = sorted[i]!;
}

function rankOf(values: string[]): Map<string, number> {
  const distinct = [...new Set(values)].sort(compareRefs);
  return new Map(distinct.map((v, i) => [v, i]));
}

/** "2" < "10", "II.1" < "II.2". */
export function compareRefs(a: string, b: string): number {
  return a === b ? 0 : collator.compare(a, b);
}
