import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseChatId } from "../../chat/port.js";
import { buildReport, dispatchReport, notReportedReport, overdueReport, unitReport, type Report, type ReportRow } from "../../reports/report.js";
import { renderReportText } from "../../reports/render-text.js";
import { renderReportXlsx } from "../../reports/render-xlsx.js";
import { hasRole } from "../../tracking/deps.js";
import { officeDay } from "../../tracking/office-day.js";
import { numberKey } from "../../tracking/ingest-draft.js";
import { UnitDirectory } from "../../tracking/unit-matcher.js";
import type { MessageContext } from "../context.js";
import { sendFile } from "../respond.js";

type Scope = { report: Report } | { notFound: string };

/**
 * What a secretary asks for: no argument → every dispatch still open; a số ký hiệu → that dispatch; a unit name →
 * that unit. Resolved against the same rows the .xlsx export uses, so chat and file always agree.
 */
async function scopeOf(ctx: MessageContext, args: string, rows: ReportRow[]): Promise<Scope> {
  const now = ctx.deps.clock.now();
  const query = args.trim();
  if (!query) {
    const open = new Set(rows.filter((r) => r.completedAt === null).map((r) => r.dispatchId));
    return { report: buildReport("dispatch", rows.filter((r) => open.has(r.dispatchId)), now) };
  }
  const key = numberKey(query);
  const byNumber = rows.find((r) => numberKey(r.dispatchNumber) === key);
  if (byNumber) return { report: dispatchReport(rows, byNumber.dispatchId, now) };
  const directory = new UnitDirectory(await ctx.deps.store.directory.units());
  const unit = directory.exact(query) ?? (directory.search(query).length === 1 ? directory.search(query)[0] : undefined);
  if (unit) return { report: unitReport(rows, unit.id, now) };
  return { notFound: query };
}

export async function reportCommand(ctx: MessageContext, kind: "baocao" | "quahan" | "chuabaocao" | "xuat", args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  if (!hasRole(ctx.person, "secretary", "leader")) return ctx.reply(t("bot:report.forbidden"));
  const now = deps.clock.now();
  let report: Report;
  if (kind === "quahan") report = overdueReport(deps.store.reports.rows({ kind: "overdue", today: officeDay(now) }), now);
  else if (kind === "chuabaocao") report = notReportedReport(deps.store.reports.rows({ kind: "not_reported" }), now);
  else {
    const rows = deps.store.reports.rows({ kind: "all" });
    const scope = await scopeOf(ctx, args, rows);
    if ("notFound" in scope) return ctx.reply(t("bot:report.notFound", { query: scope.notFound }));
    report = scope.report;
  }
  if (kind === "xuat") {
    const bytes = await renderReportXlsx(report, { t, now, ...(args.trim() ? { title: args.trim() } : {}) });
    const dir = join(deps.settings.filesDir, "exports");
    await mkdir(dir, { recursive: true });
    const name = `bao-cao-${officeDay(now)}-${now.getTime()}.xlsx`;
    const path = join(dir, name);
    await writeFile(path, bytes);
    await sendFile(deps, msg.chat, { name, path, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, t("bot:report.fileCaption", { count: report.lines.length }));
    return;
  }
  const max = deps.settings.maxMessageLength[parseChatId(msg.chat).platform];
  for (const part of renderReportText(report, t, { maxLength: max })) await ctx.reply(part);
}
