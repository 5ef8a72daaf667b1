import { parseChatId } from "../../chat/port.js";
import { isLang, translator } from "../../i18n.js";
import { hasRole } from "../../tracking/deps.js";
import type { Role } from "../../tracking/model.js";
import { setRole } from "../../tracking/roles.js";
import { UnitDirectory } from "../../tracking/unit-matcher.js";
import { registerUnits } from "../../tracking/unit-registry.js";
import { foldKey } from "../../text/vietnamese.js";
import type { MessageContext } from "../context.js";

// Vietnamese role words people type, with or without diacritics.
const ROLE_WORDS: Record<string, Role> = {
  "lanh dao": "leader", leader: "leader",
  "van thu": "secretary", "thu ky": "secretary", "chanh van phong": "secretary", secretary: "secretary",
  "can bo": "officer", officer: "officer",
  "quan tri": "admin", admin: "admin",
};

/**
 * "/vaitro <vai trò> <mã người dùng> [đơn vị]" grants a role; "/vaitro bo <vai trò> <mã>" revokes it. A bare number
 * means a user of the admin's own platform. Officers may be tied to a unit (then they report for it anywhere).
 */
export async function roleCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  if (!hasRole(ctx.person, "admin")) return ctx.reply(t("tracking:common.forbidden"));
  const m = /^(bo\s+|bỏ\s+|thu hoi\s+|thu hồi\s+)?(.+?)\s+((?:telegram:|zalo:)?\d+)(?:\s+(.+))?$/i.exec(args.trim());
  const role = m ? ROLE_WORDS[foldKey(m[2]!)] : undefined;
  if (!m || !role) return ctx.reply(t("bot:role.usage"));
  const grant = !m[1];
  const userId = m[3]!.includes(":") ? m[3]! : `${parseChatId(msg.chat).platform}:${m[3]}`;
  let unitId: number | null | undefined;
  if (m[4]) {
    const unit = new UnitDirectory(await deps.store.directory.units()).exact(m[4]);
    if (!unit) return ctx.reply(t("tracking:bind.notFound", { query: m[4] }));
    unitId = unit.id;
  }
  const result = await setRole(deps, { by: msg.sender.id, userId, role, grant, ...(unitId !== undefined ? { unitId } : {}) });
  if (result.code === "ok") {
    return ctx.reply(t(grant ? "bot:role.granted" : "bot:role.revoked", { user: userId, role: t(`bot:role.names.${role}`) }));
  }
  return ctx.reply(t(result.code === "last_admin" ? "bot:role.lastAdmin" : "tracking:common.forbidden"));
}

/** "/themdonvi Sở Y tế; loại: sở; bí danh: SYT, Sở YT" adds (or updates) a unit of the directory. */
export async function addUnitCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, t } = ctx;
  if (!hasRole(ctx.person, "admin")) return ctx.reply(t("tracking:common.forbidden"));
  const [name, ...parts] = args.split(";").map((s) => s.trim());
  if (!name) return ctx.reply(t("bot:unit.usage"));
  const field = (word: string) => {
    const part = parts.find((p) => foldKey(p).startsWith(word));
    return part ? part.slice(part.indexOf(":") + 1).split(",").map((s) => s.trim()).filter(Boolean) : [];
  };
  const [unit] = await registerUnits(deps, [{ displayName: name, kinds: field("loai"), aliases: field("bi danh") }]);
  await ctx.reply(t("bot:unit.added", { unit: unit!.displayName, kinds: unit!.kinds.join(", ") || "—", aliases: unit!.aliases.join(", ") || "—" }));
}

/**
 * "/ngonngu en" or "/ngonngu vi": in a private chat, the language the bot uses with this person; in a group (admins
 * and leaders only, like /donvi), the group's language for everything sent there: task posts, reminders, answers.
 */
export async function languageCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, msg, person, t } = ctx;
  const lang = args.trim().toLowerCase();
  if (!isLang(lang)) return ctx.reply(t("bot:lang.usage"));
  if (msg.chatType === "group") {
    if (!hasRole(person, "leader")) return ctx.reply(t("bot:lang.groupForbidden"));
    await deps.store.chatLangs.save(msg.chat, lang, deps.clock.now());
    return ctx.reply(translator(lang)("bot:lang.groupSet"));
  }
  await deps.store.directory.savePerson(
    { userId: msg.sender.id, name: person?.name ?? msg.sender.name, roles: person?.roles ?? [], unitId: person?.unitId ?? null, lang },
    deps.clock.now(),
    msg.sender.id,
  );
  await ctx.reply(translator(lang)("bot:lang.set"));
}
