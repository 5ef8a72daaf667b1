import { buildReport, LeadCounts, type Report, type ReportKind } from "../reports/report.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import { officeDay } from "./office-day.js";

export type ReportRequest =
  | { kind: "dispatch"; dispatchId: number }
  | { kind: "unit"; unitId: number }
  | { kind: "overdue" }
  | { kind: "not_reported" }
  | { kind: "all" };

export type ReportResult = { code: "ok"; report: Report } | { code: "forbidden" } | { code: "not_found" };

/**
 * Status reports for secretaries and leaders (structured; render with src/reports: renderReportText for chat,
 * renderReportXlsx for the file sent upward). Counts use the official categories via statusOf.
 */
export async function statusReport(deps: TrackingDeps, input: { by: string; request: ReportRequest }): Promise<ReportResult> {
  const { store } = deps;
  if (!hasRole(await store.directory.person(input.by), "secretary", "leader")) return { code: "forbidden" };
  const report = reportNow(deps, input.request);
  return report ? { code: "ok", report } : { code: "not_found" };
}

/** The same without the permission check (for the demo, scheduled reports and benches). Null: no such dispatch/unit. */
export function reportNow(deps: TrackingDeps, request: ReportRequest): Report | null {
  const now = deps.clock.now();
  const repo = deps.store.reports;
  if (request.kind === "dispatch" && !repo.dispatchExists(request.dispatchId)) return null;
  const rows = repo.rows(request.kind === "overdue" ? { kind: "overdue", today: officeDay(now) } : request);
  const kind: ReportKind = request.kind === "all" ? "dispatch" : request.kind;
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
export function reportCounts(deps: TrackingDeps, request: ReportRequest): Pick<Report, "counts" | "byLeadUnit" | "coordinating" | "day" | "asOf"> {
  const now = deps.clock.now();
  const today = officeDay(now);
  const scope = request.kind === "overdue" ? { kind: "overdue" as const, today } : request;
  const lead = new LeadCounts();
  for (const r of deps.store.reports.summary(scope, today).rows) lead.add(r.unitId, r.unitName, r.role, r.status, r.n);
  return { counts: lead.counts, byLeadUnit: lead.byLeadUnit(), coordinating: lead.coordinating, day: today, asOf: now };
}
