import type { ChatId, InboundAction } from "../../chat/port.js";
import type { Translate } from "../../i18n.js";
import { parseDateText } from "../../tracking/extension-request.js";
import { decideExtension, type ExtensionDecisionResult } from "../../tracking/extensions.js";
import { displayDay, officeDay } from "../../tracking/office-day.js";
import type { MessageContext } from "../context.js";
import type { BotDeps } from "../deps.js";

/**
 * The leader's side of deadline extensions: the request card's buttons (extok:<id>, extno:<id>) and their typed
 * forms for Zalo and for another date: "/giahan <mã> [ngày]" approves (as asked, or to that date), "/tuchoi <mã> [lý do]"
 * refuses. The tracking use case decides; here results become short answers.
 */
export async function extensionCommand(ctx: MessageContext, name: "giahan" | "tuchoi", args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  const m = /^#?(\d{1,12})(?:\s+([\s\S]*))?$/.exec(args.trim());
  if (!m) return ctx.reply(t(name === "giahan" ? "followup:extension.usageApprove" : "followup:extension.usageRefuse"));
  const rest = (m[2] ?? "").trim();
  let date: string | null = null;
  if (name === "giahan" && rest) {
    date = parseDateText(rest, officeDay(deps.clock.now()));
    if (!date) return ctx.reply(t("followup:extension.usageApprove"));
  }
  const result = await decideExtension(deps, {
    id: Number(m[1]), by: msg.sender.id, byName: msg.sender.name, approve: name === "giahan", date, note: name === "tuchoi" && rest ? rest : null, chat: msg.chat, messageId: msg.messageId,
  });
  await ctx.reply(decisionText(result, t, m[1]!));
}

/** A press on the request card. Returns true when the data was an extension button. */
export async function extensionAction(deps: BotDeps, action: InboundAction, t: Translate): Promise<boolean> {
  const m = /^ext(ok|no|help):(\d{1,12})$/.exec(action.data);
  if (!m) return false;
  if (m[1] === "help") {
    await action.answer(t("followup:extension.buttonHelp"));
    return true;
  }
  const result = await decideExtension(deps, { id: Number(m[2]), by: action.sender.id, byName: action.sender.name, approve: m[1] === "ok", chat: action.chat as ChatId, messageId: action.messageId });
  await action.answer(decisionText(result, t, m[2]!));
  return true;
}

export function decisionText(result: ExtensionDecisionResult, t: Translate, id: string): string {
  switch (result.code) {
    case "approved": return t("followup:extension.doneApproved", { unit: result.task.unit, ref: result.task.ref, to: displayDay(result.granted) });
    case "refused": return t("followup:extension.doneRefused", { unit: result.task.unit, ref: result.task.ref });
    case "forbidden": return t("followup:extension.forbidden");
    case "not_found": return t("followup:extension.notFound", { id });
    case "not_pending": return t("followup:extension.notPending", { status: t(`followup:extension.status.${result.status}`) });
    case "already_closed": return t("followup:extension.alreadyClosed", { ref: result.task.ref });
    case "not_later": return t("followup:extension.notLater", { date: displayDay(result.date), deadline: displayDay(result.deadline) });
    case "bad_date": return t("followup:extension.badDate");
  }
}
