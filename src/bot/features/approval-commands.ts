import { handleAction } from "../../tracking/button-action.js";
import type { MessageContext } from "../context.js";

/**
 * "/duyet <mã>" and "/tralai <mã>": the approval request's Approve / Send back buttons as typed commands, for Zalo
 * (no buttons). The code is the one the request's hint shows; the button use case decides, so rules cannot drift.
 */
export async function approvalCommand(ctx: MessageContext, name: "duyet" | "tralai", args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  const m = /^#?(\d{1,12})$/.exec(args.trim());
  if (!m) return ctx.reply(t("bot:approvalUsage"));
  const verb = name === "duyet" ? "approve" : "reject";
  const { eventId, chat, chatType, messageId, sender } = msg;
  const result = await handleAction(deps, { eventId, chat, chatType, messageId, sender, data: `${verb}:${m[1]}` });
  switch (result.code) {
    case "approved":
    case "rejected":
      return ctx.reply(`${t(`bot:action.${result.code}`)} ${t("tracking:reply.taskText", { text: `${result.task.unit} · ${result.task.ref}` })}`);
    case "forbidden":
      return ctx.reply(t("tracking:approval.forbidden"));
    case "nothing_pending":
      return ctx.reply(t("tracking:approval.nothing"));
    default:
      return ctx.reply(t("bot:approvalUsage"));
  }
}
