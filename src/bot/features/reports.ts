import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseChatId } from "../../chat/port.js";
import { renderReportText } from "../../reports/render-text.js";
import { renderReportXlsx } from "../../reports/render-xlsx.js";
import { hasRole } from "../../tracking/deps.js";
import { officeDay } from "../../tracking/office-day.js";
import { CHAT_REPORT_LINES, chatReport, reportNow, type ReportRequest } from "../../tracking/status-report.js";
import { numberKey } from "../../tracking/ingest-draft.js";
import { UnitDirectory } from "../../tracking/unit-matcher.js";
import type { MessageContext } from "../context.js";
import { sendFile } from "../respond.js";

type Scope = { request: ReportRequest } | { notFound: string };

/**
 * What a secretary asks for: no argument → every dispatch still open; a số ký hiệu → that dispatch; a unit name →
 * that unit. The same request serves the chat text (chatReport: counts in SQLite, most urgent lines only) and the
 * .xlsx export (reportNow: every row), so chat and file always agree.
 */
async function scopeOf(ctx: MessageContext, args: string): Promise<Scope> {
  const query = args.trim();
  if (!query) return { request: { kind: "open_dispatches" } };
  const key = numberKey(query);
  const byNumber = (await ctx.deps.store.reports.assignedDispatches()).find((d) => numberKey(d.number) === key);
  if (byNumber) return { request: { kind: "dispatch", dispatchId: byNumber.id } };
  const directory = new UnitDirectory(await ctx.deps.store.directory.units());
  const unit = directory.exact(query) ?? (directory.search(query).length === 1 ? directory.search(query)[0] : undefined);
  if (unit) return { request: { kind: "unit", unitId: unit.id } };
  return { notFound: query };
}

export async function reportCommand(ctx: MessageContext, kind: "baocao" | "quahan" | "chuabaocao" | "xuat", args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  if (!hasRole(ctx.person, "secretary", "leader")) return ctx.reply(t("bot:report.forbidden"));
  const now = deps.clock.now();
  let request: ReportRequest;
  if (kind === "quahan") request = { kind: "overdue" };
  else if (kind === "chuabaocao") request = { kind: "not_reported" };
  else {
    const scope = await scopeOf(ctx, args);
    if ("notFound" in scope) return ctx.reply(t("bot:report.notFound", { query: scope.notFound }));
    request = scope.request;
  }
  if (kind === "xuat") {
    const report = (await reportNow(deps, request))!; // the request names a dispatch that has rows, or no dispatch
    const bytes = await renderReportXlsx(report, { t, now, ...(args.trim() ? { title: args.trim() } : {}) });
    const dir = join(deps.settings.filesDir, "exports");
    await mkdir(dir, { recursive: true });
    const name = `bao-cao-${officeDay(now)}-${now.getTime()}.xlsx`;
    const path = join(dir, name);
    await writeFile(path, bytes);
    await sendFile(deps, msg.chat, { name, path, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, t("bot:report.fileCaption", { count: report.lines.length }));
    return;
  }
  const report = (await chatReport(deps, request, CHAT_REPORT_LINES))!;
  const max = deps.settings.maxMessageLength[parseChatId(msg.chat).platform];
  for (const part of renderReportText(report, t, { maxLength: max, maxLines: CHAT_REPORT_LINES })) await ctx.reply(part);
}
