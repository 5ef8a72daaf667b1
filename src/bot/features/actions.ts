import { type InboundAction, parseChatId } from "../../chat/port.js";
import { isLang, translator, type Translate } from "../../i18n.js";
import { handleAction } from "../../tracking/button-action.js";
import { chatLang } from "../../tracking/chat-lang.js";
import type { ConfirmResult } from "../../tracking/confirm-draft.js";
import type { BotDeps } from "../deps.js";
import { enqueueAck, say } from "../respond.js";
import { bindAction } from "./bind-unit.js";
import { extensionAction } from "./extensions.js";
import { historyAction } from "./history.js";
import { amendmentAction } from "./amendments.js";
import { directoryAction } from "./directory.js";
import { answerEdit, mapNameAction } from "./draft-edit.js";
import { postStatusEdit } from "./post-status.js";

/** Button presses: the tracking core decides; here each outcome becomes a short answer or a status edit. */
export async function onAction(deps: BotDeps, action: InboundAction): Promise<void> {
  const person = await deps.store.directory.person(action.sender.id);
  const t = translator(isLang(person?.lang) ? person.lang : deps.settings.defaultLang);
  if (action.data === "dir:ok" || action.data === "dir:no") return directoryAction(deps, action, action.data === "dir:ok");
  const bind = /^bind:(\d+)$/.exec(action.data);
  if (bind) return bindAction(deps, action, Number(bind[1]));
  const map = /^mn:(\d+):(\d+):(\d+)$/.exec(action.data);
  if (map) {
    const result = await mapNameAction(deps, action.chat, action.sender.id, t, Number(map[1]), Number(map[2]), Number(map[3]));
    return action.answer(result?.code === "ok" ? t("bot:draft.mapped") : t("bot:draft.none"));
  }

  if (await extensionAction(deps, action, t)) return;
  if (await historyAction(deps, action, t)) return;
  if (await amendmentAction(deps, action, t)) return;

  const result = await handleAction(deps, action);
  switch (result.code) {
    case "reply": {
      const r = result.result;
      if (r.code === "recorded") {
        if (deps.settings.editablePlatforms.includes(parseChatId(action.chat).platform)) {
          // The toast is the presser's; the post belongs to the group and keeps the group's language.
          const tChat = action.chatType === "group" ? translator(await chatLang(deps.store, action.chat, deps.settings.defaultLang)) : t;
          const edit = await postStatusEdit(deps, action.chat, action.messageId, tChat);
          if (edit) await enqueueAck(deps, [edit]);
        }
        const closed = r.outcomes.some((o) => o.outcome === "closed");
        return action.answer(t(closed ? "bot:action.done" : r.outcomes.some((o) => o.outcome === "pending_approval") ? "bot:action.pending" : "bot:action.noted"));
      }
      if (r.code === "forbidden") return action.answer(t("tracking:reply.forbidden"));
      if (r.code === "already_closed") return action.answer(t("bot:action.alreadyClosed"));
      if (r.code === "recalled") return action.answer(t("followup:recall.replyRecalled", { ref: r.task.ref, number: r.task.number ?? "" }));
      return action.answer(t("tracking:reply.unknownMessage"));
    }
    case "confirm":
      await action.answer();
      return announceConfirm(deps, action.chat, t, result.result);
    case "cancel":
      await action.answer();
      return answerEdit(deps, action.chat, t, result.result);
    case "approved":
    case "rejected":
      return action.answer(t(`bot:action.${result.code}`));
    case "forbidden":
      return action.answer(t("tracking:common.forbidden"));
    case "nothing_pending":
      return action.answer(t("tracking:approval.nothing"));
    case "unknown_action":
      return action.answer(t("bot:action.unknown"));
  }
}

export async function announceConfirm(deps: BotDeps, chat: string, t: Translate, result: ConfirmResult): Promise<void> {
  switch (result.code) {
    case "ok": {
      const lines = [t("followup:confirm.ok", { tasks: result.tasks, units: result.units, assignments: result.assignments, posts: result.posts })];
      if (result.unbound.length) lines.push(t("tracking:confirm.unbound", { units: result.unbound.map((u) => u.name).join(", ") }));
      if (result.unassigned.length) lines.push(t("tracking:confirm.unassigned", { refs: result.unassigned.map((u) => u.ref).join(", ") }));
      return say(deps, chat, lines.join("\n"));
    }
    case "forbidden": return say(deps, chat, t("tracking:common.forbidden"));
    case "not_found": return say(deps, chat, t("bot:draft.none"));
    case "not_draft": return say(deps, chat, t("tracking:confirm.notDraft", { status: t(`bot:status.${result.status}`) }));
    case "needs_period": return say(deps, chat, t("tracking:confirm.needsPeriod", { refs: result.items.map((i) => `${i.seq} (${i.ref})`).join(", ") }));
    case "nothing_to_assign": return say(deps, chat, t("tracking:confirm.nothing"));
  }
}
