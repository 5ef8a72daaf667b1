import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseChatId } from "../../chat/port.js";
import { renderReportText } from "../../reports/render-text.js";
import { clip } from "../../reports/format.js";
import { renderReportXlsx } from "../../reports/render-xlsx.js";
import { hasRole } from "../../tracking/deps.js";
import { displayDay, officeDay } from "../../tracking/office-day.js";
import { CHAT_REPORT_LINES, chatReport, reportNow, type ReportRequest } from "../../tracking/status-report.js";
import { numberKey } from "../../tracking/ingest-draft.js";
import { UnitDirectory } from "../../tracking/unit-matcher.js";
import type { MessageContext } from "../context.js";
import { sendFile } from "../respond.js";

type Scope = { request: ReportRequest } | { notFound: string } | { which: Array<{ id: number; number: string | null; date: string | null }> };

/**
 * What a secretary asks for: no argument → every dispatch still open; a số ký hiệu → that dispatch; a unit name →
 * that unit. The same request serves the chat text (chatReport: counts in SQLite, most urgent lines only) and the
 * .xlsx export (reportNow: every row), so chat and file always agree.
 */
async function scopeOf(ctx: MessageContext, args: string): Promise<Scope> {
  const query = args.trim();
  if (!query) return { request: { kind: "open_dispatches" } };
  // "91/UBND-KT/2023" or "91/UBND-KT năm 2023" picks the year when the same number was used in several (issue 12).
  const year = /^(.*\/.*?)(?:\s*(?:\/|năm|nam)\s*)((?:19|20)\d\d)\s*$/iu.exec(query);
  const assigned = ctx.deps.store.reports.assignedDispatches();
  const dated = new Map(ctx.deps.store.history.confirmedDispatches().map((d) => [d.id, d.date]));
  const matchNumber = (q: string) => assigned.filter((d) => numberKey(d.number) === numberKey(q));
  let byNumber = matchNumber(query);
  if (byNumber.length === 0 && year) byNumber = matchNumber(year[1]!).filter((d) => dated.get(d.id)?.startsWith(year[2]!));
  if (byNumber.length > 1) return { which: byNumber.map((d) => ({ id: d.id, number: d.number, date: dated.get(d.id) ?? null })) };
  if (byNumber.length === 1) return { request: { kind: "dispatch", dispatchId: byNumber[0]!.id } };
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
    if ("which" in scope) {
      return ctx.reply([t("followup:report.whichYear", { count: scope.which.length, number: scope.which[0]!.number ?? "" }),
        ...scope.which.map((d) => `• /${kind} ${d.number ?? ""}/${d.date?.slice(0, 4) ?? "?"}${d.date ? ` (${displayDay(d.date)})` : ""}`)].join("\n"));
    }
    request = scope.request;
  }
  if (kind === "xuat") {
    const report = reportNow(deps, request)!; // the request names a dispatch that has rows, or no dispatch
    const bytes = await renderReportXlsx(report, { t, now, ...(args.trim() ? { title: args.trim() } : {}) });
    const dir = join(deps.settings.filesDir, "exports");
    await mkdir(dir, { recursive: true });
    const name = `bao-cao-${officeDay(now)}-${now.getTime()}.xlsx`;
    const path = join(dir, name);
    await writeFile(path, bytes);
    await sendFile(deps, msg.chat, { name, path, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, t("bot:report.fileCaption", { count: report.lines.length }));
    return;
  }
  const report = chatReport(deps, request, CHAT_REPORT_LINES)!;
  const max = deps.settings.maxMessageLength[parseChatId(msg.chat).platform];
  // Extended assignments among the listed lines show their original deadline beside the new one.
  const extendedFrom = deps.store.extensions.originalDeadlines(report.lines.slice(0, CHAT_REPORT_LINES).map((l) => Number(l.row.id)));
  const parts = renderReportText(report, t, { maxLength: max, maxLines: CHAT_REPORT_LINES, extendedFrom });
  // A dispatch's items that reached no unit are listed, so none is silently untracked (issue 12).
  const unassigned = request.kind === "dispatch" ? deps.store.history.unassignedItems(request.dispatchId) : [];
  if (unassigned.length) parts.push(t("followup:report.unassigned", { items: unassigned.map((i) => `[${i.ref}] ${clip(i.text, 120)}`).join("\n• ") }));
  for (const part of parts) await ctx.reply(part);
}
