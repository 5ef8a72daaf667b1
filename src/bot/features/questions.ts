import { parseChatId } from "../../chat/port.js";
import { clip } from "../../reports/format.js";
import { inPeriodReport, periodLabel } from "../../reports/period.js";
import { buildReport, type Report, type ReportRow } from "../../reports/report.js";
import { renderReportText } from "../../reports/render-text.js";
import { hasRole } from "../../tracking/deps.js";
import { dayNumber, displayDay, officeDay } from "../../tracking/office-day.js";
import { parseQuestion, looksLikeQuestion, type Question } from "../../tracking/question.js";
import { CHAT_REPORT_LINES, chatReport, reportNow } from "../../tracking/status-report.js";
import { statusOf } from "../../tracking/status.js";
import type { MessageContext } from "../context.js";

const SOON_DAYS = 7;
const LIST_LINES = 30;

/**
 * A leader's or secretary's question in a private chat, answered from the same reports as the commands. Returns
 * false when the message is not a question (it then goes on as before: a dispatch, a report, a hint).
 */
export async function answerIfQuestion(ctx: MessageContext): Promise<boolean> {
  const { deps, msg } = ctx;
  if (msg.attachments.length > 0 || !hasRole(ctx.person, "leader", "secretary") || !looksLikeQuestion(msg.text)) return false;
  const question = parseQuestion(msg.text, {
    units: await deps.store.directory.units(),
    dispatches: (await deps.store.reports.assignedDispatches()),
    today: officeDay(deps.clock.now()),
  });
  if (!question) return false;
  await answer(ctx, question);
  return true;
}

async function answer(ctx: MessageContext, q: Question): Promise<void> {
  const { deps, msg, t } = ctx;
  const now = deps.clock.now();
  const max = deps.settings.maxMessageLength[parseChatId(msg.chat).platform];
  const send = async (lead: string, report?: Report) => {
    const parts = report ? renderReportText(report, t, { maxLength: max, maxLines: CHAT_REPORT_LINES }) : [];
    await ctx.reply([lead, ...parts].join("\n\n"));
  };
  const unitName = async (id: number | undefined) => (id === undefined ? undefined : (await deps.store.directory.unitsById([id])).get(id)?.displayName);
  const scoped = (rows: ReportRow[], unitId?: number) => (unitId === undefined ? rows : rows.filter((r) => r.unitId === unitId));

  switch (q.kind) {
    case "overdue": {
      const rows = scoped((await reportNow(deps, { kind: "overdue" }))!.lines.map((l) => l.row), q.unitId);
      const unit = await unitName(q.unitId);
      const report = buildReport("overdue", rows, now);
      const lead = unit ? t("bot:question.overdueUnit", { unit, count: report.counts.total }) : t("bot:question.overdue", { count: report.counts.total });
      return send(lead, rows.length ? report : undefined);
    }
    case "not_reported": {
      let rows = (await reportNow(deps, { kind: "not_reported" }))!.lines.map((l) => l.row);
      if (q.period) rows = rows.filter((r) => inPeriodReport(r, q.period!, officeDay(now)));
      rows = scoped(rows, q.unitId);
      const perUnit = new Map<string, number>();
      for (const r of rows) perUnit.set(r.unitName, (perUnit.get(r.unitName) ?? 0) + 1);
      const scope = q.period ? t("bot:question.inPeriod", { period: periodLabel(q.period, t) }) : "";
      if (perUnit.size === 0) return send(t("bot:question.allReported", { scope }));
      const lines = [...perUnit].sort((a, b) => b[1] - a[1]).slice(0, LIST_LINES).map(([u, n]) => t("bot:question.unitLine", { unit: u, count: n }));
      return send([t("bot:question.notReported", { count: perUnit.size, scope }), ...lines].join("\n"));
    }
    case "due_soon": {
      const today = dayNumber(officeDay(now));
      const [from, to] = q.period ? [Math.max(today, dayNumber(q.period.from)), dayNumber(q.period.to)] : [today, today + SOON_DAYS];
      const rows = scoped((await reportNow(deps, { kind: "all" }))!.lines.map((l) => l.row), q.unitId)
        .filter((r) => r.completedAt === null && r.deadlineDate !== null && dayNumber(r.deadlineDate) >= from && dayNumber(r.deadlineDate) <= to)
        .sort((a, b) => a.deadlineDate!.localeCompare(b.deadlineDate!));
      const unit = await unitName(q.unitId);
      const scope = q.period ? t("bot:question.inPeriod", { period: periodLabel(q.period, t) }) : t("bot:question.nextDays", { count: SOON_DAYS });
      if (rows.length === 0) return send(t("bot:question.noneDue", { scope, unit: unit ?? t("bot:question.anyUnit") }));
      const lines = rows.slice(0, LIST_LINES).map((r) => t("bot:question.dueLine", {
        unit: r.unitName, number: r.dispatchNumber ?? t("reports:no-number"), ref: r.taskRef, text: clip(r.taskText, 120),
        day: displayDay(r.deadlineDate!), days: dayNumber(r.deadlineDate!) - today,
      }));
      if (rows.length > LIST_LINES) lines.push(t("reports:more", { count: rows.length - LIST_LINES }));
      return send([t("bot:question.due", { count: rows.length, scope }), ...lines].join("\n"));
    }
    case "dispatch": {
      if (q.dispatchIds.length > 1) {
        const numbers = (await deps.store.reports.assignedDispatches()).filter((d) => q.dispatchIds.includes(d.id)).map((d) => d.number ?? "?");
        return send(t("bot:question.whichDispatch", { numbers: numbers.join("; "), first: numbers[0] }));
      }
      return send(t("bot:question.dispatch"), (await chatReport(deps, { kind: "dispatch", dispatchId: q.dispatchIds[0]! }))!);
    }
    case "unit": {
      const report = (await chatReport(deps, { kind: "unit", unitId: q.unitId }, CHAT_REPORT_LINES, q.period))!;
      return send(t("bot:question.unit", { unit: (await unitName(q.unitId)) ?? "" }), report);
    }
    case "open": {
      let rows = scoped((await reportNow(deps, { kind: "all" }))!.lines.map((l) => l.row), q.unitId).filter((r) => r.completedAt === null);
      if (q.period) rows = rows.filter((r) => inPeriodReport(r, q.period!, officeDay(now)));
      const report = buildReport("dispatch", rows, now);
      const overdue = rows.filter((r) => r.role === "lead" && statusOf({ deadline: r.deadlineDate, completedAt: null, now }) === "overdue").length;
      const unit = await unitName(q.unitId);
      return send(t("bot:question.open", { count: report.counts.total, overdue, unit: unit ?? t("bot:question.allUnits") }), rows.length ? report : undefined);
    }
    case "hint":
      return send(t(`bot:question.hint.${q.command}`));
  }
}
