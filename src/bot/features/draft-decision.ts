import { confirmDraft } from "../../tracking/confirm-draft.js";
import { editDraft } from "../../tracking/edit-draft.js";
import type { MessageContext } from "../context.js";
import { announceConfirm } from "./actions.js";
import { answerEdit } from "./draft-edit.js";

/**
 * "/xacnhan" and "/huy": the preview's Confirm and Cancel buttons as typed commands, for platforms without buttons
 * (Zalo) and for anyone who prefers typing. They act on the leader's newest draft, like /bo and /han, through the same
 * use cases as the buttons, so permissions and answers cannot drift apart.
 */
export async function draftDecisionCommand(ctx: MessageContext, name: "xacnhan" | "huy", draftId: number | undefined): Promise<void> {
  const { deps, msg, t } = ctx;
  if (draftId === undefined) return ctx.reply(t("bot:draft.none"));
  if (name === "xacnhan") return announceConfirm(deps, msg.chat, t, await confirmDraft(deps, { dispatchId: draftId, by: msg.sender.id }));
  return answerEdit(deps, msg.chat, t, await editDraft(deps, { dispatchId: draftId, by: msg.sender.id, edit: { type: "cancel" } }));
}
