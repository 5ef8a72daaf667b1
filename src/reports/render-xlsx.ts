import ExcelJS from "exceljs";
import type { Translate } from "../i18n.js";
import { dayNumber, displayDay, displayOfficeDay, displayOfficeTime } from "../tracking/office-day.js";
import { statusLabelKey, type TaskStatus } from "../tracking/status.js";
import { buildReport, type Report, type ReportRow } from "./report.js";
import { totalsText } from "./render-text.js";

export interface RenderXlsxOptions {
  t: Translate;
  now: Date;
  /** A heading for the summary sheet (e.g. the dispatch's number and subject). */
  title?: string;
  /**
   * Items of these dispatches that no unit follows up ("không giao", issue 12): listed after the assignment rows with
   * that status and no unit, and counted apart on the summary sheet, so the file shows nothing was silently dropped.
   */
  notAssigned?: ReadonlyArray<{ number: string | null; subject: string | null; ref: string; text: string; deadlineDate: string | null }>;
  /**
   * Original deadlines of extended assignments, by assignment id (ExtensionRepo.originalDeadlines): the row says
   * "gia hạn từ 20/11/2024 đến 30/12/2024" in the last column, so an extension never hides how late a task is against
   * what was first asked (issue 12). Statuses follow the extended date, as in chat.
   */
  extendedFrom?: ReadonlyMap<string | number, string>;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" },
};
/** Colours provincial systems use: red overdue, green done. */
const STATUS_FILL: Partial<Record<TaskStatus, string>> = { overdue: "FFF8CBAD", done_on_time: "FFC6EFCE", done_late: "FFFFEB9C" };
/** Grey: an item nobody follows up ("không giao"). */
const NOT_ASSIGNED_FILL = "FFD9D9D9";

/**
 * User text as a cell value: NFC, without the control characters XML cannot carry (a stray one would corrupt the
 * file), within Excel's 32,767-character cell limit.
 */
function cellText(text: string | null): string {
  const clean = (text ?? "").normalize("NFC").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
  return clean.length > 32_000 ? `${clean.slice(0, 32_000)}…` : clean;
}

/**
 * The .xlsx file secretaries send upward: a detail sheet with one row per assignment (STT · Số ký hiệu · Trích yếu ·
 * Nhiệm vụ · Đơn vị · Vai trò · Thời hạn · Tình trạng · Báo cáo gần nhất), header styled and frozen, deadlines as
 * real dates; and a summary sheet with the official counts per lead unit. Rows in the report's order (most urgent
 * first). Resolves to the file's bytes.
 */
export async function renderReportXlsx(rows: readonly ReportRow[] | Report, options: RenderXlsxOptions): Promise<Buffer> {
  const { t, now } = options;
  const report = "lines" in rows ? rows : buildReport("dispatch", rows, now);
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  wb.created = now;

  const sheet = wb.addWorksheet(t("reports:xlsx.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: t("reports:xlsx.stt"), key: "stt", width: 6 },
    { header: t("reports:xlsx.number"), key: "number", width: 16 },
    { header: t("reports:xlsx.subject"), key: "subject", width: 40 },
    { header: t("reports:xlsx.task"), key: "task", width: 60 },
    { header: t("reports:xlsx.unit"), key: "unit", width: 28 },
    { header: t("reports:xlsx.role"), key: "role", width: 11 },
    { header: t("reports:xlsx.deadline"), key: "deadline", width: 12, style: { numFmt: "dd/mm/yyyy" } },
    { header: t("reports:xlsx.status"), key: "status", width: 24 },
    { header: t("reports:xlsx.last-report"), key: "lastReport", width: 50 },
    // Last, so the columns other tools read by position keep their places.
    { header: t("reports:xlsx.extended"), key: "extended", width: 30 },
  ];
  report.lines.forEach((line, i) => {
    const { row } = line;
    const original = options.extendedFrom?.get(row.id);
    const added = sheet.addRow({
      stt: i + 1,
      number: cellText(row.dispatchNumber),
      subject: cellText(row.dispatchSubject),
      task: cellText(`${row.taskRef}. ${row.taskText}`),
      unit: cellText(row.unitName),
      role: t(`reports:role.${row.role}`),
      // A date cell (midnight UTC of the due day, which Excel shows as that day) sorts and filters properly.
      deadline: row.deadlineDate === null ? null : new Date(dayNumber(row.deadlineDate) * 86_400_000),
      status: t(statusLabelKey(line.status)),
      lastReport: row.lastReportAt === null ? "" :
        cellText(`${displayOfficeTime(row.lastReportAt)} ${displayOfficeDay(row.lastReportAt)}: ${row.lastReportText ?? ""}`),
      extended: original !== undefined && row.deadlineDate !== null && original !== row.deadlineDate
        ? t("reports:xlsx.extended-from", { from: displayDay(original), to: displayDay(row.deadlineDate) }) : "",
    });
    added.alignment = { vertical: "top", wrapText: true };
    const fill = STATUS_FILL[line.status];
    if (fill) added.getCell("status").fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  });
  options.notAssigned?.forEach((item, i) => {
    const added = sheet.addRow({
      stt: report.lines.length + i + 1,
      number: cellText(item.number),
      subject: cellText(item.subject),
      task: cellText(`${item.ref}. ${item.text}`),
      unit: "",
      role: "",
      deadline: item.deadlineDate === null ? null : new Date(dayNumber(item.deadlineDate) * 86_400_000),
      status: t("reports:xlsx.not-assigned"),
      lastReport: "",
    });
    added.alignment = { vertical: "top", wrapText: true };
    added.getCell("status").fill = { type: "pattern", pattern: "solid", fgColor: { argb: NOT_ASSIGNED_FILL } };
  });
  styleHeader(sheet.getRow(1));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  sheet.eachRow((r) => r.eachCell((c) => { c.border = THIN; }));

  addSummary(wb, report, options);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSummary(wb: ExcelJS.Workbook, report: Report, { t, title, notAssigned }: RenderXlsxOptions): void {
  const statuses: TaskStatus[] = ["done_on_time", "done_late", "in_progress", "overdue", "done", "no_deadline"];
  const sheet = wb.addWorksheet(t("reports:xlsx.summary-sheet"));
  sheet.columns = [{ width: 34 }, { width: 10 }, ...statuses.map(() => ({ width: 16 }))];
  if (title) sheet.addRow([cellText(title)]).font = { bold: true };
  sheet.addRow([t("reports:as-of", { time: displayOfficeTime(report.asOf), day: displayOfficeDay(report.asOf) })]);
  // What the figures count: tasks, assignments to units, and the lead assignments the table's categories are over.
  const [totals, leadStatus] = totalsText(report, t);
  sheet.addRow([totals]);
  sheet.addRow([leadStatus]);
  const header = sheet.addRow([t("reports:xlsx.lead-unit"), t("reports:xlsx.total"), ...statuses.map((s) => t(statusLabelKey(s)))]);
  styleHeader(header);
  for (const u of report.byLeadUnit) sheet.addRow([cellText(u.unitName), u.counts.total, ...statuses.map((s) => u.counts[s])]);
  const total = sheet.addRow([t("reports:xlsx.all-units"), report.counts.total, ...statuses.map((s) => report.counts[s])]);
  total.font = { bold: true };
  if (notAssigned?.length) sheet.addRow([t("reports:xlsx.not-assigned-count", { count: notAssigned.length })]);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((c) => { c.fill = HEADER_FILL; c.border = THIN; });
}
