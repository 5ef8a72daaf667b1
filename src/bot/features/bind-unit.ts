import type { InboundAction } from "../../chat/port.js";
import { translator } from "../../i18n.js";
import { bindChat } from "../../tracking/chat-binding.js";
import { hasRole } from "../../tracking/deps.js";
import { UnitDirectory } from "../../tracking/unit-matcher.js";
import type { MessageContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { say } from "../respond.js";

/**
 * "/donvi <tên đơn vị>" in a group binds it to a unit: an exact name or alias binds at once; a fuzzy match is offered
 * as buttons to confirm, so a typo never binds the wrong unit. "/donvi" alone shows the current binding.
 */
export async function bindCommand(ctx: MessageContext, query: string): Promise<void> {
  const { deps, msg, t } = ctx;
  if (msg.chatType !== "group") return ctx.reply(t("bot:bind.groupOnly"));
  if (!query) {
    const binding = await deps.store.directory.binding(msg.chat);
    if (!binding) return ctx.reply(t("bot:bind.none"));
    const unit = (await deps.store.directory.unitsById([binding.unitId])).get(binding.unitId);
    return ctx.reply(t(binding.active ? "bot:bind.current" : "bot:bind.inactive", { unit: unit?.displayName ?? "?" }));
  }
  if (!hasRole(ctx.person, "leader")) return ctx.reply(t("tracking:bind.forbidden"));
  const directory = new UnitDirectory(await deps.store.directory.units());
  if (directory.exact(query)) {
    const result = await bindChat(deps, { chat: msg.chat, title: msg.chatTitle, by: msg.sender.id, unitQuery: query });
    if (result.code === "ok") return ctx.reply(t("tracking:bind.ok", { unit: result.unitName }));
  }
  const found = directory.search(query).slice(0, 8);
  if (found.length === 0) return ctx.reply(t("tracking:bind.notFound", { query }));
  await ctx.reply(t("bot:bind.choose", { query }), {
    buttons: found.map((u) => [{ label: u.displayName.slice(0, 60), data: `bind:${u.id}` }]),
  });
}

export async function bindAction(deps: BotDeps, action: InboundAction, unitId: number): Promise<void> {
  const person = await deps.store.directory.person(action.sender.id);
  const t = translator(deps.settings.defaultLang);
  if (!hasRole(person, "leader")) return action.answer(t("tracking:bind.forbidden"));
  const unit = (await deps.store.directory.unitsById([unitId])).get(unitId);
  if (!unit) return action.answer(t("tracking:common.notFound"));
  await deps.store.directory.bind(action.chat, unit.id, null, action.sender.id, deps.clock.now());
  await action.answer(t("tracking:bind.ok", { unit: unit.displayName }));
  await say(deps, action.chat, t("tracking:bind.ok", { unit: unit.displayName }));
}
