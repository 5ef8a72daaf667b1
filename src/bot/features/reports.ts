import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseChatId } from "../../chat/port.js";
import { renderReportText } from "../../reports/render-text.js";
import { clip } from "../../reports/format.js";
import { renderReportXlsx } from "../../reports/render-xlsx.js";
import { renderReportDocx } from "../../reports/render-docx.js";
import { findPeriod, periodLabel, type Period } from "../../reports/period.js";
import { hasRole } from "../../tracking/deps.js";
import { displayDay, officeDay } from "../../tracking/office-day.js";
import { CHAT_REPORT_LINES, chatReport, reportNow, type ReportRequest } from "../../tracking/status-report.js";
import { numberKey } from "../../tracking/ingest-draft.js";
import { UnitDirectory } from "../../tracking/unit-matcher.js";
import type { Report } from "../../reports/report.js";
import type { MessageContext } from "../context.js";
import { sendFile } from "../respond.js";

type Scope = { request: ReportRequest; period?: Period } | { notFound: string } | { which: Array<{ id: number; number: string | null; date: string | null }> };

/**
 * What a secretary asks for: no argument → every dispatch still open; a số ký hiệu → that dispatch; a unit name →
 * that unit. The same request serves the chat text (chatReport: counts in SQLite, most urgent lines only) and the
 * .xlsx export (reportNow: every row), so chat and file always agree.
 */
async function scopeOf(ctx: MessageContext, args: string): Promise<Scope> {
  let query = args.trim();
  if (!query) return { request: { kind: "open_dispatches" } };
  const dispatches = await ctx.deps.store.reports.assignedDispatches();
  const dated = new Map((await ctx.deps.store.history.confirmedDispatches()).map((d) => [d.id, d.date]));
  const matchNumber = (q: string) => dispatches.filter((d) => numberKey(d.number) === numberKey(q));
  // "91/UBND-KT/2023" or "91/UBND-KT năm 2023" picks the year when the same number was used in several (issue 12).
  const byNumber = (q: string, period?: Period): Scope | null => {
    const year = /^(.*\/.*?)(?:\s*(?:\/|năm|nam)\s*)((?:19|20)\d\d)\s*$/iu.exec(q);
    let found = matchNumber(q);
    if (found.length === 0 && year) found = matchNumber(year[1]!).filter((d) => dated.get(d.id)?.startsWith(year[2]!));
    if (found.length > 1) return { which: found.map((d) => ({ id: d.id, number: d.number, date: dated.get(d.id) ?? null })) };
    if (found.length === 1) return { request: { kind: "dispatch", dispatchId: found[0]!.id }, ...(period ? { period } : {}) };
    return null;
  };
  const direct = byNumber(query);
  if (direct) return direct;
  // "quý 3/2026", "6 tháng đầu năm", "tháng 11 Sở Y tế": a period, alone or with a unit or dispatch.
  const found = findPeriod(query, officeDay(ctx.deps.clock.now()));
  const period = found?.period;
  if (found) {
    query = found.rest.replace(/^(?:bao cao|cua|ve)\s+/, "").trim();
    if (!query) return { request: { kind: "all" }, ...(period ? { period } : {}) };
    const inRest = byNumber(query, period);
    if (inRest) return inRest;
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
    if ("which" in scope) {
      return ctx.reply([t("followup:report.whichYear", { count: scope.which.length, number: scope.which[0]!.number ?? "" }),
        ...scope.which.map((d) => `• /${kind} ${d.number ?? ""}/${d.date?.slice(0, 4) ?? "?"}${d.date ? ` (${displayDay(d.date)})` : ""}`)].join("\n"));
    }
    request = scope.request;
    period = scope.period;
  }
  if (kind === "xuat") {
    const report = (await reportNow(deps, request, period))!; // the request names a dispatch that has rows, or no dispatch
    // Items of the dispatches in the file that no unit follows up ("không giao"), listed after the rows (issue 12).
    const dispatchIds = request.kind === "dispatch" ? [request.dispatchId]
      : request.kind === "all" || request.kind === "open_dispatches" ? [...new Set(report.lines.map((l) => Number(l.row.dispatchId)))]
      : [];
    const notAssigned = await deps.store.history.unassignedItems(dispatchIds);
    const dir = join(deps.settings.filesDir, "exports");
    await mkdir(dir, { recursive: true });
    const stem = `bao-cao-${officeDay(now)}-${now.getTime()}`;
    if (asDocx) {
      const bytes = await renderReportDocx(report, { t, now, ...(notAssigned.length ? { notAssigned } : {}), ...(deps.settings.reportIssuer ? { issuer: deps.settings.reportIssuer } : {}), ...(period ? { about: aboutPeriod(ctx, report, period) } : {}) });
      const path = join(dir, `${stem}.docx`);
      await writeFile(path, bytes);
      await sendFile(deps, msg.chat, { name: `${stem}.docx`, path, mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }, t("reports:docx.caption", { count: report.lines.length }));
      return;
    }
    const title = period ? aboutPeriod(ctx, report, period) : args.trim();
    // Extended assignments show their original deadline beside the new one, as in chat.
    const extendedFrom = await deps.store.extensions.originalDeadlines(report.lines.map((l) => Number(l.row.id)));
    const bytes = await renderReportXlsx(report, { t, now, ...(title ? { title } : {}), ...(notAssigned.length ? { notAssigned } : {}), ...(extendedFrom.size ? { extendedFrom } : {}) });
    const name = `${stem}.xlsx`;
    const path = join(dir, name);
    await writeFile(path, bytes);
    await sendFile(deps, msg.chat, { name, path, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, t("bot:report.fileCaption", { count: report.lines.length }));
    return;
  }
  const report = (await chatReport(deps, request, CHAT_REPORT_LINES, period))!;
  const max = deps.settings.maxMessageLength[parseChatId(msg.chat).platform];
  // Extended assignments among the listed lines show their original deadline beside the new one.
  const extendedFrom = await deps.store.extensions.originalDeadlines(report.lines.slice(0, CHAT_REPORT_LINES).map((l) => Number(l.row.id)));
  const parts = renderReportText(report, t, { maxLength: max, maxLines: CHAT_REPORT_LINES, extendedFrom });
  if (period && parts.length > 0) parts[0] = `${t("bot:report.periodLine", { period: periodLabel(period, t) })}\n${parts[0]}`;
  // A dispatch's items that reached no unit are listed, so none is silently untracked (issue 12): those the leader
  // marked "không giao", and those confirmed without a unit before confirming insisted on a decision.
  const unassigned = request.kind === "dispatch" ? await deps.store.history.unassignedItems(request.dispatchId) : [];
  const listed = (items: typeof unassigned) => items.map((i) => `[${i.ref}] ${clip(i.text, 120)}`).join("\n• ");
  const marked = unassigned.filter((i) => i.notAssigned);
  const unmarked = unassigned.filter((i) => !i.notAssigned);
  if (marked.length) parts.push(t("followup:report.notAssigned", { items: listed(marked) }));
  if (unmarked.length) parts.push(t("followup:report.unassigned", { items: listed(unmarked) }));
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
