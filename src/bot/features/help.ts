import { hasRole } from "../../tracking/deps.js";
import type { MessageContext } from "../context.js";

/** /start and /help: what the bot does, and the commands this person may use. */
export async function showHelp(ctx: MessageContext): Promise<void> {
  const { t, person, msg } = ctx;
  const lines = [t("bot:help.intro")];
  if (hasRole(person, "leader")) lines.push(t("bot:help.leader"), t("followup:help.leader"));
  if (hasRole(person, "secretary", "leader")) lines.push(t("bot:help.secretary"), t("followup:help.secretary"));
  lines.push(t("bot:help.officer"), t("followup:help.officer"));
  if (hasRole(person, "admin")) lines.push(t("bot:help.admin"));
  if (!person?.roles.length) lines.push(t("bot:help.yourId", { id: msg.sender.id }));
  await ctx.reply(lines.join("\n\n"));
}
