import type { Translate } from "../i18n.js";
import { statusLabelKey, type TaskStatus } from "../tracking/status.js";
import { splitIntoChunks } from "./chunk.js";
import { displayDay, displayOfficeDay, displayOfficeTime } from "../tracking/office-day.js";
import { clip } from "./format.js";
import type { Report, ReportLine } from "./report.js";

export interface RenderTextOptions {
  /** Maximum characters per chat message (default 4,096, Telegram's limit). */
  maxLength?: number;
  /** Detail lines listed in chat (default 50); the rest are counted and left to the .xlsx file. */
  maxLines?: number;
  /** Task text is clipped to this many characters (default 160). */
  maxTaskText?: number;
  /** Lead units listed with their counts (default 30); the rest are counted and left to the .xlsx file. */
  maxUnits?: number;
  /**
   * Original deadlines of extended assignments, by assignment id: the line shows "gia hạn từ … đến …" so an
   * extension never hides how late a task is against what was first asked. Statuses follow the extended date.
   */
  extendedFrom?: ReadonlyMap<string | number, string>;
}

const STATUS_GROUPS: ReadonlyArray<[string, TaskStatus[]]> = [
  ["done", ["done_on_time", "done_late"]],
  ["open", ["in_progress", "overdue"]],
  ["no_deadline", ["done", "no_deadline"]],
];

/**
 * A report as plain chat text (no markup: adapters escape for their own format), in the translator's language,
 * split into messages no longer than maxLength, never inside a line when it fits. Pure.
 */
export function renderReportText(report: Report, t: Translate, options: RenderTextOptions = {}): string[] {
  const { maxLength = 4096, maxLines = 50, maxTaskText = 160, maxUnits = 30, extendedFrom } = options;
  const out: string[] = [];
  const title = report.kind === "unit" ? t("reports:title.unit", { unit: report.subject.unitName ?? "" }) : t(`reports:title.${report.kind}`);
  out.push(title);
  if (report.subject.dispatchNumber !== undefined || report.subject.dispatchSubject !== undefined) {
    out.push(t("reports:dispatch-line", {
      number: report.subject.dispatchNumber ?? t("reports:no-number"),
      subject: clip(report.subject.dispatchSubject ?? "", 200),
    }));
  }
  out.push(t("reports:as-of", { time: displayOfficeTime(report.asOf), day: displayOfficeDay(report.asOf) }));
  out.push("");
  // A chat report (summaryReport) carries only its most urgent lines and the total apart.
  const totalLines = report.linesTotal ?? report.lines.length;
  if (totalLines === 0) {
    out.push(t("reports:empty"));
    return splitIntoChunks(out.join("\n"), maxLength);
  }

  out.push(t("reports:total", { count: report.counts.total }));
  // The official grouping: completed (on time / late), not completed (in time / overdue), no deadline apart.
  for (const [group, statuses] of STATUS_GROUPS) {
    out.push(t(`reports:group.${group}`, { count: statuses.reduce((n, s) => n + report.counts[s], 0) }));
    for (const s of statuses) out.push(t("reports:count-sub", { label: t(statusLabelKey(s)), count: report.counts[s] }));
  }
  if (report.coordinating > 0) out.push(t("reports:coordinating", { count: report.coordinating }));
  if (report.kind === "overdue" || report.kind === "not_reported") {
    // For these lists the question is "which units?", whatever their role.
    out.push("", t("reports:by-unit"));
    for (const u of report.byUnit.slice(0, maxUnits)) out.push(t("reports:unit-lines", { unit: u.unitName, count: u.lines }));
    if (report.byUnit.length > maxUnits) out.push(t("reports:more-units", { count: report.byUnit.length - maxUnits }));
  } else if (report.byLeadUnit.length > 1 || (report.kind !== "unit" && report.byLeadUnit.length > 0)) {
    out.push("", t("reports:by-lead-unit"));
    for (const u of report.byLeadUnit.slice(0, maxUnits)) {
      const c = u.counts;
      out.push(t("reports:unit-counts", {
        unit: u.unitName, total: c.total, done: c.done_on_time + c.done_late, onTime: c.done_on_time, late: c.done_late,
        open: c.in_progress + c.overdue, inProgress: c.in_progress, overdue: c.overdue, noDeadline: c.done + c.no_deadline,
      }));
    }
    if (report.byLeadUnit.length > maxUnits) out.push(t("reports:more-units", { count: report.byLeadUnit.length - maxUnits }));
  }

  out.push("", t("reports:details"));
  report.lines.slice(0, maxLines).forEach((line, i) => out.push(...detailLines(line, i + 1, t, maxTaskText, extendedFrom)));
  if (totalLines > maxLines) out.push(t("reports:more", { count: totalLines - maxLines }));
  return splitIntoChunks(out.join("\n"), maxLength);
}

function detailLines(line: ReportLine, n: number, t: Translate, maxTaskText: number, extendedFrom?: ReadonlyMap<string | number, string>): string[] {
  const { row } = line;
  const original = extendedFrom?.get(row.id);
  const lines = [
    t("reports:line", { n, number: row.dispatchNumber ?? t("reports:no-number"), ref: row.taskRef, text: clip(row.taskText, maxTaskText) }),
    t("reports:line-meta", {
      unit: row.unitName,
      role: t(`reports:role.${row.role}`),
      deadline: row.deadlineDate === null ? t("reports:no-deadline")
        : original !== undefined && original !== row.deadlineDate ? t("followup:extension.reportDeadline", { from: displayDay(original), to: displayDay(row.deadlineDate) })
        : t("reports:deadline", { day: displayDay(row.deadlineDate) }),
      status: statusText(line, t),
    }),
  ];
  if (row.lastReportAt !== null) {
    lines.push(t("reports:last-report", { day: displayOfficeDay(row.lastReportAt), text: clip(row.lastReportText ?? "", 120) }));
  }
  return lines;
}

/** "Quá hạn chưa hoàn thành, quá 3 ngày", "Đang thực hiện (trong hạn), còn 5 ngày". */
export function statusText(line: Pick<ReportLine, "status" | "daysLeft">, t: Translate): string {
  const label = t(statusLabelKey(line.status));
  if (line.daysLeft === null) return label;
  if (line.status === "overdue") return t("reports:status-with-days", { status: label, days: t("reports:days-overdue", { count: -line.daysLeft }) });
  if (line.status === "in_progress") {
    const days = line.daysLeft === 0 ? t("reports:due-today") : t("reports:days-left", { count: line.daysLeft });
    return t("reports:status-with-days", { status: label, days });
  }
  return label;
}
