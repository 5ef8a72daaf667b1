import { inPeriodReport, notYetBegun, type Period } from "../reports/period.js";
import { buildReport, LeadCounts, summaryReport, type Report, type ReportKind } from "../reports/report.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import { officeDay } from "./office-day.js";

export type ReportRequest =
  | { kind: "dispatch"; dispatchId: number }
  | { kind: "unit"; unitId: number }
  | { kind: "overdue" }
  | { kind: "not_reported" }
  | { kind: "all" }
  /** Every assignment of the dispatches that still have an open one. */
  | { kind: "open_dispatches" };

export type ReportResult = { code: "ok"; report: Report } | { code: "forbidden" } | { code: "not_found" };

/**
 * Status reports for secretaries and leaders (structured; render with src/reports: renderReportText for chat,
 * renderReportXlsx for the file sent upward). Counts use the official categories via statusOf.
 */
export async function statusReport(deps: TrackingDeps, input: { by: string; request: ReportRequest }): Promise<ReportResult> {
  const { store } = deps;
  if (!hasRole(await store.directory.person(input.by), "secretary", "leader")) return { code: "forbidden" };
  const report = await reportNow(deps, input.request);
  return report ? { code: "ok", report } : { code: "not_found" };
}

/**
 * The same without the permission check (for the demo, scheduled reports and benches). Null: no such dispatch/unit.
 * With a period (tháng, quý, 6 tháng, năm), only the assignments that belong to it (reports/period.ts inPeriod).
 */
export async function reportNow(deps: TrackingDeps, request: ReportRequest, period?: Period): Promise<Report | null> {
  const now = deps.clock.now();
  const repo = deps.store.reports;
  if (request.kind === "dispatch" && !(await repo.dispatchExists(request.dispatchId))) return null;
  const today = officeDay(now);
  let rows = await repo.rows(request.kind === "overdue" ? { kind: "overdue", today } : request);
  // The recurring occurrences whose own period has not begun yet are the next period's work, in no report yet (as
  // ReportRepo's counts); a period's report also keeps only what belongs to it.
  rows = rows.filter((r) => (period ? inPeriodReport(r, period, today) : !notYetBegun(r, today)));
  const kind: ReportKind = request.kind === "all" || request.kind === "open_dispatches" ? "dispatch" : request.kind;
  const subject =
    request.kind === "dispatch" ? { dispatchNumber: rows[0]?.dispatchNumber ?? null, dispatchSubject: rows[0]?.dispatchSubject ?? null }
    : request.kind === "unit" ? { unitName: rows[0]?.unitName ?? "" }
    : {};
  return buildReport(kind, rows, now, subject);
}

/**
 * The counts of a report (official categories, per lead unit) computed inside SQLite, without loading the rows: the
 * figure a "tổng hợp" needs in a few tens of milliseconds even over 100,000 assignments. Lines are left empty.
 */
export async function reportCounts(deps: TrackingDeps, request: ReportRequest): Promise<Pick<Report, "counts" | "byLeadUnit" | "coordinating" | "day" | "asOf">> {
  const now = deps.clock.now();
  const today = officeDay(now);
  const scope = request.kind === "overdue" ? { kind: "overdue" as const, today } : request;
  const lead = new LeadCounts();
  for (const r of (await deps.store.reports.summary(scope, today)).rows) lead.add(r.unitId, r.unitName, r.role, r.status, r.n);
  return { counts: lead.counts, byLeadUnit: lead.byLeadUnit(), coordinating: lead.coordinating, day: today, asOf: now };
}

/** Detail lines a chat report lists (renderReportText's default); the rest are counted and left to the .xlsx file. */
export const CHAT_REPORT_LINES = 50;

/**
 * The report as chat shows it, without loading every row: counts per official category, lead unit and unit computed
 * in SQLite, and only the `maxLines` most urgent lines (ORDER BY … LIMIT in SQLite, ties ordered in JS). Counts,
 * units and those lines equal reportNow's; render it with the same maxLines. Null: no such dispatch.
 * 100,000 assignments in well under 200 ms (bench/core.bench.ts).
 */
export async function chatReport(deps: TrackingDeps, request: ReportRequest, maxLines = CHAT_REPORT_LINES, period?: Period): Promise<Report | null> {
  if (period) {
    // Which rows belong to a period depends on their days, not on a scope SQLite counts: the full report, cut.
    const full = await reportNow(deps, request, period);
    if (!full) return null;
    const total = full.lines.length;
    return { ...full, lines: full.lines.slice(0, maxLines), linesTotal: total };
  }
  const now = deps.clock.now();
  const today = officeDay(now);
  const repo = deps.store.reports;
  let subject: Report["subject"] = {};
  if (request.kind === "dispatch") {
    const d = (await repo.assignedDispatches()).find((x) => x.id === request.dispatchId);
    if (!d && !(await repo.dispatchExists(request.dispatchId))) return null;
    // As reportNow: taken from the first row, so none without assignments.
    subject = { dispatchNumber: d?.number ?? null, dispatchSubject: d?.subject ?? null };
  }
  const scope = request.kind === "overdue" ? { kind: "overdue" as const, today } : request;
  const summary = (await repo.summary(scope, today)).rows;
  if (request.kind === "unit") subject = { unitName: summary.find((r) => r.unitId === request.unitId)?.unitName ?? "" };
  const kind: ReportKind = request.kind === "all" || request.kind === "open_dispatches" ? "dispatch" : request.kind;
  return summaryReport(kind, summary, await repo.urgentRows(scope, today, maxLines), now, subject, maxLines, await repo.taskCount(scope, today));
}
