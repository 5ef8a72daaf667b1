import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseChatId } from "../../chat/port.js";
import { renderReportText } from "../../reports/render-text.js";
import { renderReportXlsx } from "../../reports/render-xlsx.js";
import { renderReportDocx } from "../../reports/render-docx.js";
import { findPeriod, periodLabel, type Period } from "../../reports/period.js";
import { hasRole } from "../../tracking/deps.js";
import { officeDay } from "../../tracking/office-day.js";
import { CHAT_REPORT_LINES, chatReport, reportNow, type ReportRequest } from "../../tracking/status-report.js";
import { numberKey } from "../../tracking/ingest-draft.js";
import { UnitDirectory } from "../../tracking/unit-matcher.js";
import type { Report } from "../../reports/report.js";
import type { MessageContext } from "../context.js";
import { sendFile } from "../respond.js";

type Scope = { request: ReportRequest; period?: Period } | { notFound: string };

/**
 * What a secretary asks for: no argument → every dispatch still open; a số ký hiệu → that dispatch; a unit name →
 * that unit. The same request serves the chat text (chatReport: counts in SQLite, most urgent lines only) and the
 * .xlsx export (reportNow: every row), so chat and file always agree.
 */
async function scopeOf(ctx: MessageContext, args: string): Promise<Scope> {
  let query = args.trim();
  if (!query) return { request: { kind: "open_dispatches" } };
  const key = numberKey(query);
  const dispatches = await ctx.deps.store.reports.assignedDispatches();
  const byNumber = dispatches.find((d) => numberKey(d.number) === key);
  if (byNumber) return { request: { kind: "dispatch", dispatchId: byNumber.id } };
  // "quý 3/2026", "6 tháng đầu năm", "tháng 11 Sở Y tế": a period, alone or with a unit or dispatch.
  const found = findPeriod(query, officeDay(ctx.deps.clock.now()));
  const period = found?.period;
  if (found) {
    query = found.rest.replace(/^(?:bao cao|cua|ve)\s+/, "").trim();
    if (!query) return { request: { kind: "all" }, ...(period ? { period } : {}) };
    const inRest = dispatches.find((d) => numberKey(d.number) === numberKey(query));
    if (inRest) return { request: { kind: "dispatch", dispatchId: inRest.id }, ...(period ? { period } : {}) };
  }
  const directory = new UnitDirectory(await ctx.deps.store.directory.units());
  const unit = directory.exact(query) ?? (directory.search(query).length === 1 ? directory.search(query)[0] : undefined);
  if (unit) return { request: { kind: "unit", unitId: unit.id }, ...(period ? { period } : {}) };
  return { notFound: args.trim() };
}

export async function reportCommand(ctx: MessageContext, kind: "baocao" | "quahan" | "chuabaocao" | "xuat", rawArgs: string): Promise<void> {
  const { deps, msg, t } = ctx;
  if (!hasRole(ctx.person, "secretary", "leader")) return ctx.reply(t("bot:report.forbidden"));
  const now = deps.clock.now();
  // "/xuat docx …" is the official report (NĐ 30/2020); "/xuat xlsx …" or plain "/xuat …" the spreadsheet.
  const format = kind === "xuat" ? /^(docx|word|xlsx|excel)\b\s*/i.exec(rawArgs.trim()) : null;
  const args = format ? rawArgs.trim().slice(format[0].length) : rawArgs;
  const asDocx = format !== null && /^(docx|word)$/i.test(format[1]!);
  let request: ReportRequest;
  let period: Period | undefined;
  if (kind === "quahan") request = { kind: "overdue" };
  else if (kind === "chuabaocao") request = { kind: "not_reported" };
  else {
    const scope = await scopeOf(ctx, args);
    if ("notFound" in scope) return ctx.reply(t("bot:report.notFound", { query: scope.notFound }));
    request = scope.request;
    period = scope.period;
  }
  if (kind === "xuat") {
    const report = (await reportNow(deps, request, period))!; // the request names a dispatch that has rows, or no dispatch
    const dir = join(deps.settings.filesDir, "exports");
    await mkdir(dir, { recursive: true });
    const stem = `bao-cao-${officeDay(now)}-${now.getTime()}`;
    if (asDocx) {
      const bytes = await renderReportDocx(report, { t, now, ...(deps.settings.reportIssuer ? { issuer: deps.settings.reportIssuer } : {}), ...(period ? { about: aboutPeriod(ctx, report, period) } : {}) });
      const path = join(dir, `${stem}.docx`);
      await writeFile(path, bytes);
      await sendFile(deps, msg.chat, { name: `${stem}.docx`, path, mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }, t("reports:docx.caption", { count: report.lines.length }));
      return;
    }
    const title = period ? aboutPeriod(ctx, report, period) : args.trim();
    const bytes = await renderReportXlsx(report, { t, now, ...(title ? { title } : {}) });
    const name = `${stem}.xlsx`;
    const path = join(dir, name);
    await writeFile(path, bytes);
    await sendFile(deps, msg.chat, { name, path, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, t("bot:report.fileCaption", { count: report.lines.length }));
    return;
  }
  const report = (await chatReport(deps, request, CHAT_REPORT_LINES, period))!;
  const max = deps.settings.maxMessageLength[parseChatId(msg.chat).platform];
  const parts = renderReportText(report, t, { maxLength: max, maxLines: CHAT_REPORT_LINES });
  if (period && parts.length > 0) parts[0] = `${t("bot:report.periodLine", { period: periodLabel(period, t) })}\n${parts[0]}`;
  for (const part of parts) await ctx.reply(part);
}

/** "quý III năm 2026", "quý III năm 2026 của Sở Y tế", "quý III năm 2026 theo văn bản số 164/KH-UBND". */
function aboutPeriod(ctx: MessageContext, report: Report, period: Period): string {
  const { t } = ctx;
  const label = periodLabel(period, t);
  const { unitName, dispatchNumber } = report.subject;
  if (unitName) return `${t("reports:docx.about-period", { period: label })} ${t("reports:docx.about-unit", { unit: unitName })}`;
  if (dispatchNumber) return `${t("reports:docx.about-period", { period: label })} ${t("reports:docx.about-dispatch", { number: dispatchNumber, subject: "" }).trim()}`;
  return t("reports:docx.about-period", { period: label });
}
