import type { NewOutboxItem } from "../../chat/outbox.js";
import type { ChatId } from "../../chat/port.js";
import type { Translate } from "../../i18n.js";
import { displayDay } from "../../tracking/day.js";
import type { AssignmentView } from "../../tracking/model.js";
import { unitPostMessages } from "../../tracking/post-message.js";
import type { BotDeps } from "../deps.js";

function statusLine(a: AssignmentView, position: number, t: Translate): string {
  if (a.status === "done") return t("bot:post.statusDone", { n: position, date: a.completedAt ? displayDay(a.completedAt.toISOString().slice(0, 10)) : "" });
  if (a.status === "pending_approval") return t("bot:post.statusPending", { n: position });
  if (a.lastReportText) return t("bot:post.statusNote", { n: position, note: a.lastReportText.slice(0, 120) });
  return t("bot:post.statusOpen", { n: position });
}

/**
 * The task message re-rendered with a status block at its end, as an edit: officers see the result where they
 * reported, without a new message in the group. Buttons remain only for tasks still open.
 */
export async function postStatusEdit(deps: BotDeps, chat: ChatId, messageId: string, t: Translate): Promise<NewOutboxItem | null> {
  const targets = await deps.store.replies.postTargets(chat, [messageId]);
  const first = targets[0]?.assignment;
  if (!first) return null;
  const draft = await deps.store.dispatches.draft(first.dispatchId);
  if (!draft) return null;
  const lines = targets.map(({ assignment: a }) => ({
    assignmentId: a.id, ref: a.taskRef, text: a.taskText, role: a.role, deadlineDate: a.deadlineDate, recurrence: a.recurrence,
  }));
  const [post] = unitPostMessages(chat, first.unitName, draft.doc, lines, t);
  if (!post || post.payload.op !== "send") return null;
  const statuses = targets.map(({ position, assignment }) => statusLine(assignment, position, t));
  const stillOpen = new Set(targets.filter((x) => x.assignment.status === "open").map((x) => `done:${x.assignment.id}`));
  const buttons = (post.payload.buttons ?? []).map((row) => row.filter((b) => stillOpen.has(b.data))).filter((row) => row.length > 0);
  return {
    chat,
    payload: { op: "edit", messageId, text: [post.payload.text, "", t("bot:post.statusHeader"), ...statuses].join("\n"), buttons },
    purpose: { type: "notice" },
  };
}
