import type { NewOutboxItem } from "../chat/outbox.js";
import type { ChatId, InboundMessage } from "../chat/port.js";
import { translator } from "../i18n.js";
import { chatLang } from "./chat-lang.js";
import { nextOccurrence } from "../reminders/recurrence.js";
import type { NewEvent, ReplyEffects } from "../storage/reply-repo.js";
import type { TrackingDeps } from "./deps.js";
import type { AssignmentView } from "./model.js";
import { classifyReply, type ReplyIntent } from "./reply-intent.js";
import { officeDay } from "./office-day.js";
import { mayReport } from "./report-permission.js";
import { parseExtensionRequest } from "./extension-request.js";
import { requestExtension, type ExtensionRequestResult } from "./extensions.js";

/** A task as replies name it back to people. */
export interface TaskRef {
  assignmentId: number;
  ref: string;
  number: string | null;
  unit: string;
  deadline: string | null;
  /** The task's wording, so an answer to an unquoted "xong 2" can show which task it took. */
  text: string;
}

export type Outcome = "closed" | "pending_approval" | "input" | "note";

export type ReplyResult =
  /** Neither a reply to a bot message nor addressed to the bot: chatter, not for us. */
  | { code: "ignored" }
  | { code: "duplicate_event" }
  /** A reply to a message that carries no task (answer only if the replied-to message was the bot's). */
  | { code: "unknown_message" }
  /** Addressed to the bot without replying to a task message, and the unit has not exactly one open task. */
  | { code: "no_target"; open: TaskRef[] }
  | { code: "which_task"; options: Array<TaskRef & { position: number }> }
  | { code: "bad_number"; numbers: number[]; count: number }
  | { code: "forbidden" }
  | { code: "already_closed"; task: TaskRef; completedAt: Date | null }
  | { code: "recalled"; task: TaskRef }
  /** A request for more time (issue 12): sent to the leader for a decision, see tracking/extensions.ts. */
  | Exclude<ExtensionRequestResult, { code: "duplicate_event" }>
  /** Asked for more time without a date: the unit is told how to write it; kept as a note too. */
  | { code: "recorded"; intent: ReplyIntent; percent?: number; attachments: number; outcomes: Array<{ task: TaskRef; outcome: Outcome; nextDeadline?: string }>; extensionWithoutDate?: boolean };

export const taskRef = (a: AssignmentView): TaskRef => ({ assignmentId: a.id, ref: a.taskRef, number: a.dispatchNumber, unit: a.unitName, deadline: a.deadlineDate, text: a.taskText });

/**
 * How long a reply to a bot message not yet recorded waits for its delivery to be (see recordReply). Telegram answers
 * a send within a second or two; a send still unanswered after this has failed or gone to another worker's retry.
 */
export const IN_FLIGHT_WAIT_MS = 5000;

/**
 * The tasks a bot message carries. A reply or a button press can come in the moment between the platform taking a
 * task post and dondoc recording the message id it got (a fast reader, a slow answer, another worker sending): while
 * such a send is in flight in the chat, wait for it to be recorded (bounded) and look again.
 */
export async function postTargetsOf(deps: TrackingDeps, chat: ChatId, messageId: string, altIds: string[] = []): Promise<Array<{ position: number; assignment: AssignmentView }>> {
  const { store, clock } = deps;
  const ids = [messageId, ...altIds];
  let targets = await store.replies.postTargets(chat, ids);
  const until = Date.now() + IN_FLIGHT_WAIT_MS;
  while (targets.length === 0 && Date.now() < until) {
    const inFlight = await store.replies.postInFlight(chat, messageId, clock.now());
    if (inFlight) await new Promise((resolve) => setTimeout(resolve, 50));
    // Looked up again even when nothing is in flight: a delivery recorded between the two reads (its post rows and
    // its "sent" commit together) is in flight no more, but its post is there now. Without a write gate serialising
    // them (PostgreSQL) that moment is real: a press answered "unknown message" 1 run in 3.
    targets = await store.replies.postTargets(chat, ids);
    if (!inFlight) break;
  }
  return targets;
}

/** What an unquoted group message with task numbers may be taken as (a question between colleagues is not for us). */
const UNQUOTED_INTENTS: ReadonlySet<ReplyIntent> = new Set(["done", "progress", "difficulty"]);

/**
 * A unit officer's chat message about a task. Finds the task from the message replied to ("xong 2" picks task 2 of
 * a multi-task message), checks the sender may report for that unit, and records: the lead unit's completion closes
 * the task (coordinating assignments close with it; with approval on, it waits for a leader), a coordinator's
 * completion is its input, anything else is kept as a note. Unclassifiable text is never taken as done.
 */
export async function recordReply(deps: TrackingDeps, msg: Omit<InboundMessage, "kind" | "at"> & { at?: Date }): Promise<ReplyResult> {
  const { store, clock } = deps;
  const reply = classifyReply(msg.text);
  const numbers = reply.taskNumbers ?? [];
  // Decision 0503: in a group, a message that neither quotes nor mentions the bot is chatter, unless it is a short
  // report naming task numbers ("xong 3", "tiến độ 2: đạt 60%"); those numbers refer to the newest task post or
  // reminder digest the bot delivered in this chat. A chat without any post stays silent.
  const unquoted = !msg.replyTo && msg.chatType === "group" && numbers.length > 0 && (msg.mentionsBot || UNQUOTED_INTENTS.has(reply.intent));
  const latestPost = unquoted ? await store.replies.latestPostMessage(msg.chat) : null;
  if (!msg.replyTo && !msg.mentionsBot && msg.chatType === "group" && latestPost === null) return { code: "ignored" };
  if (await store.replies.isProcessed(msg.eventId)) return { code: "duplicate_event" };
  const at = clock.now();

  let targets: Array<{ position: number; assignment: AssignmentView }>;
  if (msg.replyTo) {
    targets = msg.replyTo.fromBot === false
      ? await store.replies.postTargets(msg.chat, [msg.replyTo.messageId, ...(msg.replyTo.altIds ?? [])])
      : await postTargetsOf(deps, msg.chat, msg.replyTo.messageId, msg.replyTo.altIds);
    if (targets.length === 0) return { code: "unknown_message" };
  } else if (latestPost !== null) {
    targets = await store.replies.postTargets(msg.chat, [latestPost]);
    if (targets.length === 0) return { code: "ignored" };
  } else {
    const binding = await store.directory.binding(msg.chat);
    const person = await store.directory.person(msg.sender.id);
    const unitId = binding?.active ? binding.unitId : person?.unitId;
    const open = unitId == null ? [] : await store.replies.openAssignmentsOfUnit(unitId);
    if (open.length !== 1) return { code: "no_target", open: open.map(taskRef) };
    targets = [{ position: 1, assignment: open[0]! }];
  }

  let chosen: AssignmentView[];
  // Unquoted, the number is all that names the task: it must exist even in a one-task message.
  if (numbers.length > 0 && (targets.length > 1 || latestPost !== null)) {
    const missing = numbers.filter((n) => !targets.some((t) => t.position === n));
    if (missing.length) return { code: "bad_number", numbers: missing, count: targets.length };
    chosen = numbers.map((n) => targets.find((t) => t.position === n)!.assignment);
  } else if (targets.length > 1 && reply.intent === "done") {
    return { code: "which_task", options: targets.map((t) => ({ ...taskRef(t.assignment), position: t.position })) };
  } else {
    chosen = targets.map((t) => t.assignment);
  }

  // A recurring task closed in an earlier period: once that period's due day has passed, a reply to the old message
  // is about the current occurrence. Within the period, a repeated "xong" must not close next year's one.
  const today = officeDay(at);
  chosen = await Promise.all(
    chosen.map(async (a) =>
      a.status === "done" && a.recurrence && a.deadlineDate && today > a.deadlineDate ? ((await store.replies.laterOccurrence(a.taskId, a.unitId)) ?? a) : a,
    ),
  );
  const settings = await store.directory.settings();
  const person = await store.directory.person(msg.sender.id);
  const binding = await store.directory.binding(msg.chat);
  if (!chosen.every((a) => mayReport({ binding, person, unitId: a.unitId, officersOnly: settings.officersOnly }))) return { code: "forbidden" };

  // A recalled task (thu hồi) takes no more reports.
  if (chosen.every((a) => a.status === "recalled")) return { code: "recalled", task: taskRef(chosen[0]!) };
  const open = chosen.filter((a) => a.status !== "done" && a.status !== "recalled");
  if (open.length === 0) {
    // Several workers: the same update delivered to two of them. If it is closed because the other worker just handled
    // this very event (its transaction records the event with the completion), it is a duplicate, not a late reply.
    if (await store.replies.isProcessed(msg.eventId)) return { code: "duplicate_event" };
    return { code: "already_closed", task: taskRef(chosen[0]!), completedAt: chosen[0]!.completedAt };
  }

  // "đề nghị gia hạn đến 30/12 vì …": a difficulty naming a new date is a request for the leader to decide.
  const extension = reply.intent === "done" ? null : parseExtensionRequest(msg.text, today);
  if (extension?.kind === "request") {
    const result = await requestExtension(deps, { ...msg, messageId: msg.messageId }, open, extension, settings);
    return result.code === "duplicate_event" ? { code: "duplicate_event" } : result;
  }

  const leaderChat = (a: AssignmentView): ChatId | null => settings.leaderChat ?? a.forwardChat;
  const tOf = async (chat: ChatId) => translator(await chatLang(store, chat));
  const effects: ReplyEffects = { eventId: msg.eventId, at, updates: [], closeTasks: [], events: [], notices: [] };
  const outcomes: Array<{ task: TaskRef; outcome: Outcome; nextDeadline?: string }> = [];
  const closedTasks = new Set<number>();
  // Difficulties reach the leader at once, once per reply, naming every task concerned. Questions wait for the
  // question digest (question-digest.ts): 25 questions used to make 25 messages.
  const notify = new Map<ChatId, AssignmentView[]>();

  for (const a of open) {
    let outcome: Outcome = "note";
    let nextDeadline: string | undefined;
    if (reply.intent === "done" && a.role === "lead" && a.status === "open") {
      if (settings.requireApproval) {
        outcome = "pending_approval";
        effects.updates.push({ id: a.id, status: "pending_approval", report: reply.note });
        const chat = leaderChat(a);
        if (chat) effects.notices.push(approvalRequest(chat, a, reply.note, await tOf(chat)));
      } else if (!closedTasks.has(a.taskId)) {
        outcome = "closed";
        closedTasks.add(a.taskId);
        nextDeadline = (a.deadlineDate && nextOccurrence(a.deadlineDate, a.recurrence, (a.recurrence ? await store.reminders.seriesAnchor(a.taskId) : null) ?? undefined)) || undefined;
        effects.updates.push({ id: a.id, status: "done", completedAt: at, report: reply.note });
        effects.closeTasks.push({ taskId: a.taskId, nextDeadline: nextDeadline ?? null });
      }
    } else {
      if (reply.intent === "done") outcome = "input";
      effects.updates.push({ id: a.id, report: reply.note });
      const chat = leaderChat(a);
      if (chat && reply.intent === "difficulty") notify.set(chat, [...(notify.get(chat) ?? []), a]);
    }
    outcomes.push({ task: taskRef(a), outcome, ...(nextDeadline ? { nextDeadline } : {}) });
    effects.events.push(replyEvent(msg, a, reply.intent, outcome, reply.note, reply.percent));
  }
  for (const [chat, list] of notify) {
    const text = (await tOf(chat))(`tracking:notify.${reply.intent}`, { unit: list[0]!.unitName, ref: list.map((a) => a.taskRef).join(", "), number: list[0]!.dispatchNumber ?? "", note: reply.note });
    effects.notices.push({ chat, payload: { op: "send", text }, purpose: { type: "notice" } });
  }
  if (!(await store.replies.apply(effects))) return { code: "duplicate_event" };
  return {
    code: "recorded", intent: reply.intent, ...(reply.percent !== undefined ? { percent: reply.percent } : {}), attachments: msg.attachments.length, outcomes,
    ...(extension?.kind === "no_date" ? { extensionWithoutDate: true } : {}),
  };
}

function replyEvent(msg: { eventId: string; chat: ChatId; messageId: string; sender: { id: string; name: string }; attachments: Array<{ name: string }> }, a: AssignmentView, intent: ReplyIntent, outcome: Outcome, note: string, percent?: number): NewEvent {
  return {
    type: "reply", actor: msg.sender.id, chatId: msg.chat, messageId: msg.messageId, assignmentId: a.id, taskId: a.taskId,
    unitId: a.unitId, dispatchId: a.dispatchId,
    // name and eventId serve the task history (/lichsu): who wrote, and where the evidence files were kept.
    data: { intent, outcome, note, percent, attachments: msg.attachments.map((f) => f.name), name: msg.sender.name, eventId: msg.eventId },
  };
}

export function approvalRequest(chat: ChatId, a: AssignmentView, note: string, t: ReturnType<typeof translator>): NewOutboxItem {
  return {
    chat,
    payload: {
      op: "send",
      text: t("tracking:approval.request", { unit: a.unitName, ref: a.taskRef, number: a.dispatchNumber ?? "", note }),
      buttons: [[{ label: t("tracking:approval.approve"), data: `approve:${a.id}` }, { label: t("tracking:approval.reject"), data: `reject:${a.id}` }]],
    },
    purpose: { type: "notice" },
  };
}
