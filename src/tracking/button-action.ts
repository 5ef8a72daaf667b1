import type { InboundAction } from "../chat/port.js";
import { chatTranslators } from "./chat-lang.js";
import { nextOccurrence } from "../reminders/recurrence.js";
import { confirmDraft, type ConfirmResult } from "./confirm-draft.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import { editDraft, type EditResult } from "./edit-draft.js";
import { postTargetsOf, recordReply, taskRef, type ReplyResult, type TaskRef } from "./record-reply.js";

export type ActionResult =
  | { code: "reply"; result: ReplyResult }
  | { code: "approved" | "rejected"; task: TaskRef }
  | { code: "confirm"; result: ConfirmResult }
  | { code: "cancel"; result: EditResult }
  | { code: "forbidden" }
  | { code: "nothing_pending"; task: TaskRef }
  | { code: "unknown_action" };

/**
 * Button presses. Data formats (≤ 64 bytes): "done:<assignmentId>" under task posts and reminders,
 * "approve:<assignmentId>" / "reject:<assignmentId>" under approval requests, "confirm:<dispatchId>" /
 * "cancel:<dispatchId>" under a draft preview.
 */
export async function handleAction(deps: TrackingDeps, action: Omit<InboundAction, "kind" | "answer" | "at">): Promise<ActionResult> {
  const m = /^(done|approve|reject|confirm|cancel):(\d{1,12})$/.exec(action.data);
  if (!m) return { code: "unknown_action" };
  const [, verb, idText] = m;
  const id = Number(idText);
  const { store, clock } = deps;

  if (verb === "confirm") return { code: "confirm", result: await confirmDraft(deps, { dispatchId: id, by: action.sender.id }) };
  if (verb === "cancel") return { code: "cancel", result: await editDraft(deps, { dispatchId: id, by: action.sender.id, edit: { type: "cancel" } }) };

  if (verb === "done") {
    // Same path as a typed "xong N" replying to that message, so permissions and outcomes cannot drift apart.
    const targets = await postTargetsOf(deps, action.chat, action.messageId);
    const position = targets.find((t) => t.assignment.id === id)?.position;
    if (position === undefined) return { code: "reply", result: { code: "unknown_message" } };
    const result = await recordReply(deps, {
      eventId: action.eventId, chat: action.chat, chatType: action.chatType, messageId: action.messageId, sender: action.sender,
      text: targets.length > 1 ? `xong ${position}` : "xong", replyTo: { messageId: action.messageId }, attachments: [],
    });
    return { code: "reply", result };
  }

  // approve / reject: leaders only.
  if (!hasRole(await store.directory.person(action.sender.id), "leader")) return { code: "forbidden" };
  const a = await store.replies.assignment(id);
  if (!a) return { code: "unknown_action" };
  if (a.status !== "pending_approval") return { code: "nothing_pending", task: taskRef(a) };
  const at = clock.now();
  const unitChats = (await store.directory.activeBindings([a.unitId])).map((b) => b.chatId);
  const tFor = await chatTranslators(store, unitChats);
  const approved = verb === "approve";
  const next = approved && a.deadlineDate ? nextOccurrence(a.deadlineDate, a.recurrence, (a.recurrence ? await store.reminders.seriesAnchor(a.taskId) : null) ?? undefined) : null;
  const written = await store.replies.apply({
    eventId: action.eventId,
    at,
    updates: [approved ? { id, status: "done", completedAt: at } : { id, status: "open" }],
    closeTasks: approved ? [{ taskId: a.taskId, nextDeadline: next }] : [],
    events: [{ type: approved ? "approved" : "rejected", actor: action.sender.id, chatId: action.chat, messageId: action.messageId, assignmentId: id, taskId: a.taskId, unitId: a.unitId, dispatchId: a.dispatchId, data: {} }],
    notices: unitChats.map((chat) => ({
      chat,
      payload: { op: "send" as const, text: tFor(chat)(approved ? "tracking:approval.approved" : "tracking:approval.rejected", { unit: a.unitName, ref: a.taskRef }) },
      purpose: { type: "notice" as const },
    })),
  });
  if (!written) return { code: "nothing_pending", task: taskRef(a) };
  return { code: approved ? "approved" : "rejected", task: taskRef(a) };
}
