import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
  type ITableCellOptions,
} from "docx";
import type { Translate } from "../i18n.js";
import { displayDay, displayOfficeDay, displayOfficeTime } from "../tracking/office-day.js";
import { isDone, statusLabelKey, type TaskStatus } from "../tracking/status.js";
import type { Report, ReportLine } from "./report.js";

/**
 * "Báo cáo kết quả thực hiện nhiệm vụ" as a .docx laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) asks of an
 * administrative document: quốc hiệu and tiêu ngữ, cơ quan ban hành (with its parent), số and ngày left blank for the
 * văn thư to fill in when the report is registered, tên loại and trích yếu, the body, nơi nhận and the signature
 * block; Times New Roman, A4 with the decree's margins (top/bottom 20 mm, left 30 mm, right 15 mm). The detail table
 * has one row per assignment, in the same order as the .xlsx (renderReportXlsx), so the two files always agree.
 * A pure function of the report model (the dashboard exports the same way); resolves to the file's bytes.
 */
export interface ReportIssuer {
  /** Cơ quan chủ quản, e.g. "UBND TỈNH NINH BÌNH" (empty: none). */
  parent: string;
  /** Cơ quan ban hành, e.g. "VĂN PHÒNG". */
  name: string;
  /** Its abbreviation in the số ký hiệu ("VP" → "Số:     /BC-VP"). */
  abbreviation: string;
  /** Địa danh before the date ("Ninh Bình, ngày … tháng … năm …"). */
  place: string;
  /** The signer's title ("CHÁNH VĂN PHÒNG"). */
  signerTitle: string;
}

export const DEFAULT_ISSUER: ReportIssuer = { parent: "", name: "VĂN PHÒNG", abbreviation: "VP", place: "", signerTitle: "CHÁNH VĂN PHÒNG" };

export interface RenderDocxOptions {
  t: Translate;
  now: Date;
  issuer?: ReportIssuer;
  /**
   * What the report is about, continuing "Kết quả thực hiện nhiệm vụ …": "theo Kế hoạch số 164/KH-UBND", "của Sở Y
   * tế", "quý III năm 2026". Default: from the report's subject.
   */
  about?: string;
}

// Sizes in half-points (docx's unit): 13 pt text, 12 pt quốc hiệu and nơi nhận heading, 11 pt its list, as the decree
// sets them.
const PT13 = 26;
const PT12 = 24;
const PT11 = 22;
const FONT = "Times New Roman";
// A4 in twentieths of a point, and the margins (20/20/30/15 mm).
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
// STT · Nội dung nhiệm vụ · Văn bản giao · Đơn vị chủ trì / phối hợp · Thời hạn · Kết quả · Tình trạng.
const COLUMNS = [700, 2100, 1200, 1450, 1400, 1350, 1154];
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** User text as document text: NFC, without the control characters XML cannot carry. */
export function docText(text: string | null): string {
  return (text ?? "").normalize("NFC").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

interface RunStyle { bold?: boolean; italics?: boolean; underline?: boolean; size?: number }
const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: style.size ?? PT13, bold: style.bold ?? false, italics: style.italics ?? false, ...(style.underline ? { underline: {} } : {}) });
const para = (text: string | TextRun[], options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; style?: RunStyle; indent?: boolean; after?: number; before?: number } = {}) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 60, before: options.before ?? 0 },
    ...(options.indent ? { indent: { firstLine: 567 } } : {}),
    children: typeof text === "string" ? [run(text, options.style)] : text,
  });
const centered = (text: string, style: RunStyle = {}) => para(text, { align: AlignmentType.CENTER, style, after: 0 });

/** The cells of one detail row, as text: what the .docx table shows (tests compare them with the .xlsx). */
export function docxRowCells(line: ReportLine, index: number, t: Translate): string[] {
  const { row } = line;
  const result = resultText(line, t);
  return [
    String(index + 1),
    docText(`${row.taskRef}. ${row.taskText}`),
    docText(row.dispatchNumber ?? t("reports:no-number")),
    docText(`${row.unitName} (${t(`reports:role.${row.role}`)})`),
    row.deadlineDate === null ? t("reports:no-deadline") : displayDay(row.deadlineDate),
    result,
    t(statusLabelKey(line.status)),
  ];
}

function resultText(line: ReportLine, t: Translate): string {
  const { row } = line;
  const parts: string[] = [];
  if (row.completedAt !== null && isDone(line.status)) parts.push(t("reports:docx.completed-on", { day: displayOfficeDay(row.completedAt) }));
  if (row.lastReportAt !== null && row.lastReportText) parts.push(`${displayOfficeDay(row.lastReportAt)}: ${docText(row.lastReportText)}`);
  return parts.join("\n") || t("reports:docx.no-result");
}

function cell(text: string, width: number, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } & Partial<ITableCellOptions> = {}): TableCell {
  const { bold, align, ...rest } = options;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    // Font and size come from the document's default style: a table of thousands of cells stays light.
    children: text.split("\n").map((lineText) =>
      new Paragraph({ alignment: align ?? AlignmentType.LEFT, children: [new TextRun(bold ? { text: lineText, bold: true } : lineText)] })),
    ...rest,
  });
}

function headerBlock(issuer: ReportIssuer, t: Translate, now: Date): Table {
  const year = displayOfficeDay(now).slice(6);
  const left = [
    ...(issuer.parent ? [centered(docText(issuer.parent).toUpperCase())] : []),
    centered(docText(issuer.name).toUpperCase(), { bold: true }),
    centered("________", { bold: true }),
    centered(t("reports:docx.number", { abbr: docText(issuer.abbreviation) })),
  ];
  const right = [
    // 12 pt: the decree's 12–13 pt, and one line in the right column.
    centered(t("reports:docx.national-title"), { bold: true, size: PT12 }),
    centered(t("reports:docx.motto"), { bold: true, size: 28 }),
    centered("________________________", { bold: true }),
    centered(t("reports:docx.place-date", { place: docText(issuer.place) || "……", year }), { italics: true }),
  ];
  const leftWidth = Math.round(TEXT_WIDTH * 0.38);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [
      new TableCell({ width: { size: leftWidth, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
      new TableCell({ width: { size: TEXT_WIDTH - leftWidth, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
    ] })],
  });
}

function aboutOf(report: Report, t: Translate): string {
  const { dispatchNumber, dispatchSubject, unitName } = report.subject;
  if (unitName) return t("reports:docx.about-unit", { unit: docText(unitName) });
  if (dispatchNumber || dispatchSubject) {
    return t("reports:docx.about-dispatch", { number: docText(dispatchNumber ?? t("reports:no-number")), subject: docText(dispatchSubject ?? "") }).trim();
  }
  return t(report.kind === "dispatch" ? "reports:docx.about-dispatch-all" : `reports:docx.about-${report.kind}`);
}

const SUMMARY_STATUSES: TaskStatus[] = ["done_on_time", "done_late", "done", "in_progress", "overdue", "no_deadline"];

function summaryParagraphs(report: Report, t: Translate): Paragraph[] {
  const c = report.counts;
  const out = [
    para([run(t("reports:docx.summary-heading"), { bold: true })], { indent: true }),
    para(t("reports:total", { count: c.total }), { indent: true }),
    ...SUMMARY_STATUSES.map((s) => para(`- ${t(statusLabelKey(s))}: ${c[s]}`, { indent: true, after: 0 })),
  ];
  if (report.coordinating > 0) out.push(para(t("reports:coordinating", { count: report.coordinating }), { indent: true }));
  return out;
}

/** The official counts per lead unit, as a small table (the figures the summary sheet of the .xlsx has). */
function leadUnitTable(report: Report, t: Translate): Table {
  const widths = [3000, 900, 1100, 1100, 1100, 1100, 1054];
  const header = [t("reports:xlsx.lead-unit"), t("reports:xlsx.total"), ...["done_on_time", "done_late", "in_progress", "overdue"].map((s) => t(statusLabelKey(s as TaskStatus))), t("reports:docx.other")];
  const row = (name: string, counts: Report["counts"], bold = false) => {
    const other = counts.done + counts.no_deadline;
    return new TableRow({ children: [name, String(counts.total), String(counts.done_on_time), String(counts.done_late), String(counts.in_progress), String(counts.overdue), String(other)]
      .map((v, i) => cell(v, widths[i]!, { bold, align: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER })) });
  };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i]!, { bold: true, align: AlignmentType.CENTER })) }),
      ...report.byLeadUnit.map((u) => row(docText(u.unitName), u.counts)),
      row(t("reports:xlsx.all-units"), report.counts, true),
    ],
  });
}

/**
 * Rows the .docx table lists at most. An official report body beyond this is unreadable on paper and the docx library
 * needs about 3 ms and 0.2 MB per row; the rest are counted and left to the .xlsx (which has every row).
 */
export const DOCX_MAX_ROWS = 1000;

function detailTable(report: Report, t: Translate): Table {
  const header = ["stt", "task", "dispatch", "unit", "deadline", "result", "status"].map((k) => t(`reports:docx.col.${k}`));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, COLUMNS[i]!, { bold: true, align: AlignmentType.CENTER, verticalAlign: VerticalAlign.CENTER })) }),
      // A row is never split over two pages: the repeated header stays with whole rows.
      ...report.lines.slice(0, DOCX_MAX_ROWS).map((line, i) => new TableRow({
        cantSplit: true,
        children: docxRowCells(line, i, t).map((text, col) => cell(text, COLUMNS[col]!, { align: col === 0 || col === 4 ? AlignmentType.CENTER : AlignmentType.LEFT })),
      })),
    ],
  });
}

function closingBlock(issuer: ReportIssuer, t: Translate): Table {
  const leftWidth = Math.round(TEXT_WIDTH * 0.5);
  const recipients = [
    new Paragraph({ children: [run(t("reports:docx.recipients"), { bold: true, italics: true, size: PT12 })] }),
    ...(t("reports:docx.recipient-lines", { abbr: docText(issuer.abbreviation) }).split("\n")).map((l) => new Paragraph({ children: [run(l, { size: PT11 })] })),
  ];
  const signer = [
    centered(docText(issuer.signerTitle).toUpperCase(), { bold: true }),
    centered(t("reports:docx.sign-hint"), { italics: true }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [
      new TableCell({ width: { size: leftWidth, type: WidthType.DXA }, borders: NO_BORDERS, children: recipients }),
      new TableCell({ width: { size: TEXT_WIDTH - leftWidth, type: WidthType.DXA }, borders: NO_BORDERS, children: signer }),
    ] })],
  });
}

export async function renderReportDocx(report: Report, options: RenderDocxOptions): Promise<Buffer> {
  const { t, now } = options;
  const issuer = options.issuer ?? DEFAULT_ISSUER;
  const about = options.about ?? aboutOf(report, t);
  const asOf = t("reports:as-of", { time: displayOfficeTime(report.asOf), day: displayOfficeDay(report.asOf) });
  const doc = new Document({
    creator: "dondoc",
    title: `${t("reports:docx.kind")} ${t("reports:docx.subject", { about })}`,
    styles: { default: { document: { run: { font: FONT, size: PT13 } } } },
    sections: [{
      properties: { page: { size: A4, margin: { ...MARGIN, header: 720, footer: 720, gutter: 0 } } },
      children: [
        headerBlock(issuer, t, now),
        para([run(t("reports:docx.kind"), { bold: true, size: 28 })], { align: AlignmentType.CENTER, before: 240, after: 0 }),
        para([run(t("reports:docx.subject", { about }), { bold: true, size: 28 })], { align: AlignmentType.CENTER, after: 0 }),
        centered("__________", { bold: true }),
        para(t("reports:docx.intro", { issuer: docText(issuer.name), about, asOf }), { indent: true, before: 120 }),
        ...summaryParagraphs(report, t),
        ...(report.byLeadUnit.length > 0 ? [para([run(t("reports:docx.by-unit-heading"), { bold: true })], { indent: true, before: 120 }), leadUnitTable(report, t)] : []),
        para([run(t("reports:docx.details-heading"), { bold: true })], { indent: true, before: 240 }),
        report.lines.length > 0 ? detailTable(report, t) : para(t("reports:empty"), { indent: true }),
        ...(report.lines.length > DOCX_MAX_ROWS ? [para(t("reports:more", { count: report.lines.length - DOCX_MAX_ROWS }), { indent: true })] : []),
        para(t("reports:docx.closing", { issuer: docText(issuer.name) }), { indent: true, before: 240, after: 240 }),
        closingBlock(issuer, t),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
