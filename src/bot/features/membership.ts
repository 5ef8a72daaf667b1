import type { InboundChatEvent } from "../../chat/port.js";
import { translator } from "../../i18n.js";
import { deactivateChat, reactivateChat } from "../../tracking/chat-binding.js";
import type { BotDeps } from "../deps.js";
import { privateChatOf } from "../deps.js";
import { say } from "../respond.js";

/**
 * The bot was removed from or added to a group, or the group moved to a new id. A removed bot cannot post there, so
 * the binding goes inactive and the admins and leaders hear about it at once (tasks for that unit would otherwise
 * pile up unseen).
 */
export async function onChatEvent(deps: BotDeps, event: InboundChatEvent): Promise<void> {
  const t = translator(deps.settings.defaultLang);
  if (event.kind === "migrated") {
    await deps.store.outbox.moveChat(event.from, event.to);
    deps.logger.info("chat migrated", { from: event.from, to: event.to });
    return;
  }
  if (event.status === "removed") {
    await notifyChatGone(deps, event.chat, event.chatTitle);
    return;
  }
  const binding = await deps.store.directory.binding(event.chat);
  if (binding) {
    await reactivateChat(deps, event.chat);
    const unit = (await deps.store.directory.unitsById([binding.unitId])).get(binding.unitId);
    await say(deps, event.chat, t("bot:membership.back", { unit: unit?.displayName ?? "" }));
    // Tasks assigned while the bot was out of the group were kept (failed "gone"): they go out now.
    const missed = await deps.store.outbox.requeueGone(event.chat, deps.clock.now());
    if (missed > 0) deps.logger.info("missed task posts sent again", { chat: event.chat, posts: missed });
  } else {
    await say(deps, event.chat, t("bot:membership.added"));
  }
}

/** Marks the chat's binding inactive and tells admins and leaders, once per chat. */
export async function notifyChatGone(deps: BotDeps, chat: string, title?: string): Promise<void> {
  const binding = await deps.store.directory.binding(chat);
  const changed = await deactivateChat(deps, chat);
  if (!binding || !changed) return;
  const unit = (await deps.store.directory.unitsById([binding.unitId])).get(binding.unitId);
  const t = translator(deps.settings.defaultLang);
  const text = t("bot:membership.removed", { unit: unit?.displayName ?? "?", chat: title ?? binding.title ?? chat });
  const people = [...(await deps.store.directory.peopleWithRole("admin")), ...(await deps.store.directory.peopleWithRole("leader"))];
  for (const userId of new Set(people.map((p) => p.userId))) await say(deps, privateChatOf(userId), text);
}
