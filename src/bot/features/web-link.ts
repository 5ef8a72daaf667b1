import { displayOfficeTime } from "../../tracking/office-day.js";
import { issueWebLink, revokeWebSessions } from "../../tracking/web-access.js";
import type { MessageContext } from "../context.js";

/** Words after /web that sign out instead of asking for a link ("/web thoat", "/web thoát", "/web off"). */
const SIGN_OUT = /^(thoat|thoát|dangxuat|đăngxuất|off|logout)$/iu;

/**
 * `/web`: a one-time sign-in link to the dashboard, only in a private chat (a link posted in a group would sign in
 * whoever opens it first). `/web thoat` closes every dashboard session of the person; an admin may add someone's id.
 */
export async function webCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  const base = deps.settings.webPublicUrl;
  if (!base) return ctx.reply(t("web:chat.disabled"));
  const [first, target] = args.trim().split(/\s+/);
  if (first && SIGN_OUT.test(first.replace(/\s+/g, ""))) {
    const r = await revokeWebSessions(deps, { by: msg.sender.id, ...(target ? { userId: target } : {}) });
    if (r.code === "forbidden") return ctx.reply(t("web:chat.forbidden"));
    return ctx.reply(target ? t("web:chat.revokedOther", { user: target, count: r.revoked }) : t("web:chat.revoked", { count: r.revoked }));
  }
  if (msg.chatType !== "private") return ctx.reply(t("web:chat.privateOnly"));
  const r = await issueWebLink(deps, { by: msg.sender.id });
  if (r.code !== "ok") return ctx.reply(t("web:chat.forbidden"));
  await ctx.reply(t("web:chat.link", { url: `${base.replace(/\/+$/, "")}/signin/${r.token}`, time: displayOfficeTime(r.expiresAt) }));
}
