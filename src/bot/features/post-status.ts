import type { NewOutboxItem } from "../../chat/outbox.js";
import { type Button, type ChatId, parseChatId } from "../../chat/port.js";
import type { DocHeader } from "../../dispatch/schema.js";
import type { Translate } from "../../i18n.js";
import { displayOfficeDay } from "../../tracking/office-day.js";
import type { AssignmentView } from "../../tracking/model.js";
import { followUpButtons, unitPostMessages } from "../../tracking/post-message.js";
import type { BotDeps } from "../deps.js";

function statusLine(a: AssignmentView, position: number, t: Translate, withNote = true): string {
  if (a.status === "done") return t("bot:post.statusDone", { n: position, date: a.completedAt ? displayOfficeDay(a.completedAt) : "" });
  if (a.status === "pending_approval") return t("bot:post.statusPending", { n: position });
  if (a.lastReportText && withNote) return t("bot:post.statusNote", { n: position, note: a.lastReportText.slice(0, 120) });
  return t("bot:post.statusOpen", { n: position });
}

// A confirmed dispatch's header never changes, and loading the dispatch (raw text and items, through Prisma) cost
// more than everything else in a reply: keep headers per open database, a bounded number of them.
const headers = new WeakMap<object, Map<number, DocHeader>>();
const MAX_HEADERS = 2000;

async function docHeader(deps: BotDeps, dispatchId: number): Promise<DocHeader | null> {
  let cache = headers.get(deps.store);
  if (!cache) headers.set(deps.store, (cache = new Map()));
  const cached = cache.get(dispatchId);
  if (cached) return cached;
  const draft = await deps.store.dispatches.draft(dispatchId);
  if (!draft) return null;
  if (cache.size >= MAX_HEADERS) cache.clear();
  cache.set(dispatchId, draft.doc);
  return draft.doc;
}

/**
 * The task message with a status block at its end, as an edit: officers see the result where they reported, without
 * a new message in the group. Buttons remain only for tasks still open. When the platform handed us the message as
 * shown (a reply carries the text it replies to), its body is kept as it is, which also keeps a continued post's
 * "(tiếp theo)" line; otherwise the body is rendered again from the task rows.
 */
export async function postStatusEdit(deps: BotDeps, chat: ChatId, messageId: string, t: Translate, shownText?: string): Promise<NewOutboxItem | null> {
  const targets = await deps.store.replies.postTargets(chat, [messageId]);
  const first = targets[0]?.assignment;
  if (!first) return null;
  const header = t("bot:post.statusHeader");
  let body = shownText?.trim() ? shownText.split(`\n\n${header}\n`)[0]! : undefined;
  if (body === undefined) {
    const doc = await docHeader(deps, first.dispatchId);
    if (!doc) return null;
    const leads = await deps.store.history.leadUnitNames(targets.filter((x) => x.assignment.role === "coordinate").map((x) => x.assignment.taskId));
    const lines = targets.map(({ assignment: a }) => ({
      assignmentId: a.id, ref: a.taskRef, text: a.taskText, role: a.role, deadlineDate: a.deadlineDate, recurrence: a.recurrence,
      ...(leads.get(a.taskId)?.length ? { leads: leads.get(a.taskId)! } : {}),
    }));
    const [post] = unitPostMessages(chat, first.unitName, doc, lines, t);
    if (!post || post.payload.op !== "send") return null;
    body = post.payload.text;
  }
  const compose = (withNotes: boolean) =>
    [body, "", header, ...targets.map(({ position, assignment }) => statusLine(assignment, position, t, withNotes))].join("\n");
  // A long post with many noted tasks could outgrow the platform's limit, and an edit cannot be split: drop the
  // notes (they stay in the reports), and as a last resort clip, rather than lose the acknowledgement.
  const max = deps.settings.maxMessageLength[parseChatId(chat).platform];
  let text = compose(true);
  if (text.length > max) text = compose(false);
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return {
    chat,
    payload: { op: "edit", messageId, text, buttons: [...openButtons(targets, t), ...followUpButtons(targets.map((x) => ({ position: x.position, assignmentId: x.assignment.id })), t)] },
    purpose: { type: "notice" },
  };
}

/** The "✅ Xong n" buttons of the tasks still open, where unitPostMessages put them (rows of four by position). */
function openButtons(targets: Array<{ position: number; assignment: AssignmentView }>, t: Translate): Button[][] {
  const rows = new Map<number, Button[]>();
  for (const { position, assignment } of targets) {
    if (assignment.status !== "open") continue;
    const row = Math.floor((position - 1) / 4);
    rows.set(row, [...(rows.get(row) ?? []), { label: t("tracking:post.buttonDone", { n: position }), data: `done:${assignment.id}` }]);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}
