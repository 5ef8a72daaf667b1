import type { InboundAction } from "../../chat/port.js";
import type { Translate } from "../../i18n.js";
import { type AmendmentOffer, type ApplyResult, applyAmendment, recallFromChat } from "../../tracking/amendments.js";
import { foldKey } from "../../text/vietnamese.js";
import type { ItemPlan } from "../../tracking/amendment-items.js";
import { displayDay } from "../../tracking/office-day.js";
import { clip, deadlineLine } from "../../tracking/post-message.js";
import type { MessageContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { say } from "../respond.js";

/**
 * Amending dispatches and recalls in chat: the preview's "🔁 Áp dụng" button (amd:<amendment>:<dispatch>) and its
 * typed form "/apdung <amendment> <dispatch>"; "/thuhoi <số ký hiệu> [mục] [; lý do]" to withdraw a confirmed
 * dispatch or one item. The tracking use cases decide (leaders only).
 */
export async function applyCommand(ctx: MessageContext, args: string): Promise<void> {
  const m = /^#?(\d{1,12})\s+#?(\d{1,12})$/.exec(args.trim());
  if (!m) return ctx.reply(ctx.t("followup:amendment.usage"));
  const result = await applyAmendment(ctx.deps, { amendmentId: Number(m[1]), targetDispatchId: Number(m[2]), by: ctx.msg.sender.id, byName: ctx.msg.sender.name, chat: ctx.msg.chat });
  await ctx.reply(applyText(result, ctx.t));
}

export async function amendmentAction(deps: BotDeps, action: InboundAction, t: Translate): Promise<boolean> {
  const m = /^amd:(\d{1,12}):(\d{1,12})$/.exec(action.data);
  if (!m) return false;
  const result = await applyAmendment(deps, { amendmentId: Number(m[1]), targetDispatchId: Number(m[2]), by: action.sender.id, byName: action.sender.name, chat: action.chat });
  await action.answer();
  await say(deps, action.chat, applyText(result, t));
  return true;
}

function applyText(result: ApplyResult, t: Translate): string {
  switch (result.code) {
    case "extended": return t("followup:amendment.doneExtended", { count: result.count, number: result.number ?? "", until: displayDay(result.until) });
    case "recalled": return t("followup:amendment.doneRecalled", { count: result.count, number: result.number ?? "" });
    case "manual": return t("followup:amendment.manual", { number: result.number ?? "" });
    case "items_applied":
      return `${t("followup:amendmentItems.done", { number: result.number ?? "", changed: result.changed, added: result.added, units: result.units })} ${t(result.draftClosed ? "followup:amendmentItems.draftClosed" : "followup:amendmentItems.draftOpen")}`;
    case "forbidden": return t("followup:amendment.forbidden");
    case "not_found": return t("followup:amendment.notFound");
    case "already_applied": return t("followup:amendment.alreadyApplied");
    case "no_date": return t("followup:amendment.noDate");
  }
}

/** The tracked dispatch (its number) whose item change the amending draft's item `text` was read from; null if none. */
export function amendedBy(text: string, offers: readonly AmendmentOffer[]): string | null {
  const key = foldKey(text).slice(0, 60);
  if (!key) return null;
  for (const offer of offers) {
    if (offer.amendment.appliedAt) continue;
    for (const target of offer.targets) {
      if (target.items?.changes.some((c) => foldKey(c.clause).includes(key))) return target.number ?? "";
    }
  }
  return null;
}

/** The preview's lines for what an amending dispatch changes item by item in a tracked one (plain text; adapters escape). */
export function itemPlanLines(plan: ItemPlan, number: string | null, t: Translate): string[] {
  const day = (d: string | null) => (d ? displayDay(d) : t("followup:amendmentItems.noDeadline"));
  const lines = [t("followup:amendmentItems.heading", { number: number ?? "" })];
  for (const c of plan.changes) {
    if (c.op === "deadline") lines.push(t("followup:amendmentItems.deadline", { ref: c.ref, from: day(c.from), to: day(c.to), units: c.units.join(", ") }));
    else if (c.op === "text") lines.push(t("followup:amendmentItems.text", { ref: c.ref, text: clip(c.to, 300), units: c.units.join(", ") }));
    else {
      const units = c.assignments.map((a) => `${a.name} (${t(`tracking:role.${a.role}`)})`).join(", ");
      lines.push(t("followup:amendmentItems.add", { ref: c.ref, text: clip(c.text, 300), units, deadline: deadlineLine(c.deadlineDate, c.recurrence, t).trim() }));
    }
  }
  for (const s of plan.skipped) lines.push(t(`followup:amendmentItems.${s.why}`, { ref: s.ref, number: number ?? "" }));
  for (const text of plan.unplaced) lines.push(t("followup:amendmentItems.unplaced", { text: clip(text, 200) }));
  if (plan.changes.length) lines.push(t("followup:amendmentItems.applyHint"));
  return lines;
}

/** "/thuhoi 89/UBND-TC", "/thuhoi 89/UBND-TC/2024 2", "/thuhoi 89/UBND-TC 2; giao nhầm đơn vị". */
export function parseRecallArgs(args: string): { number: string; year: string | null; ref: string | null; reason: string | null } | null {
  const [head = "", ...rest] = args.split(/[;—]/);
  const reason = rest.join(";").trim() || null;
  const words = head.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  let number = words.shift()!;
  let year: string | null = null;
  const withYear = /^(.*\/.*?)\/((?:19|20)\d\d)$/.exec(number);
  if (withYear) [number, year] = [withYear[1]!, withYear[2]!];
  const ref = words.join(" ").replace(/^(?:mục|muc|nhiệm vụ|nhiem vu|nv)\s*/iu, "") || null;
  return { number, year, ref, reason };
}

export async function recallCommand(ctx: MessageContext, args: string): Promise<void> {
  const { t, msg } = ctx;
  const parsed = parseRecallArgs(args);
  if (!parsed) return ctx.reply(t("followup:recall.usage"));
  const result = await recallFromChat(ctx.deps, { by: msg.sender.id, byName: msg.sender.name, chat: msg.chat, messageId: msg.messageId, ...parsed });
  switch (result.code) {
    case "recalled": return ctx.reply(t("followup:recall.done", { count: result.count, number: result.number ?? "", refs: result.refs.join(", ") }));
    case "forbidden": return ctx.reply(t("followup:recall.forbidden"));
    case "not_found": return ctx.reply(t("followup:recall.notFound", { query: parsed.number }));
    case "nothing_open": return ctx.reply(t("followup:recall.nothingOpen"));
    case "no_item": return ctx.reply(t("followup:recall.noItem", { refs: result.refs.join(", ") }));
    case "which_dispatch":
      return ctx.reply([t("followup:report.whichYear", { count: result.options.length, number: result.options[0]!.number ?? "" }),
        ...result.options.map((d) => `• /thuhoi ${d.number ?? ""}/${d.date?.slice(0, 4) ?? "?"}`)].join("\n"));
  }
}
