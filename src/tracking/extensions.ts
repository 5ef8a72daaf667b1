import type { NewOutboxItem } from "../chat/outbox.js";
import type { ChatId, InboundMessage } from "../chat/port.js";
import { translator, type Translate } from "../i18n.js";
import type { ExtensionRecord, ExtensionStatus, NewExtension } from "../storage/extension-repo.js";
import { chatLang, chatTranslators } from "./chat-lang.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import type { ExtensionRequest } from "./extension-request.js";
import type { AssignmentView } from "./model.js";
import { displayDay, officeDay } from "./office-day.js";
import type { OfficeSettings } from "./settings.js";

/**
 * Deadline extensions (gia hạn) under the office's Quy chế theo dõi, đôn đốc: a unit asks in its group (a reply read
 * by parseExtensionRequest), the leader approves (as asked or to another date) or refuses, the unit is told, and the
 * assignment's deadline moves: reminders and reports follow it, reports keep showing the original deadline beside it.
 */

export interface ExtensionRef {
  extensionId: number;
  assignmentId: number;
  ref: string;
  number: string | null;
  unit: string;
  from: string | null;
  to: string;
}

export type ExtensionRequestResult =
  | { code: "extension_requested"; requests: ExtensionRef[]; reason: string | null }
  /** The date asked for is not after the current deadline: nothing to extend. */
  | { code: "extension_not_later"; date: string; deadline: string }
  | { code: "duplicate_event" };

type Msg = Pick<InboundMessage, "eventId" | "chat" | "messageId" | "sender" | "text">;

/** Called by recordReply once it has found the unit's open assignments the message is about and checked the sender. */
export async function requestExtension(
  deps: TrackingDeps, msg: Msg, open: AssignmentView[], request: Extract<ExtensionRequest, { kind: "request" }>, settings: OfficeSettings,
): Promise<ExtensionRequestResult> {
  const { store, clock } = deps;
  const at = clock.now();
  const later = open.filter((a) => a.deadlineDate === null || request.date > a.deadlineDate);
  if (later.length === 0) return { code: "extension_not_later", date: request.date, deadline: open[0]!.deadlineDate ?? "" };
  const requests: NewExtension[] = later.map((a) => ({
    assignmentId: a.id, taskId: a.taskId, unitId: a.unitId, dispatchId: a.dispatchId, oldDate: a.deadlineDate, requestedDate: request.date,
    reason: request.reason, requestText: msg.text.normalize("NFC").trim().slice(0, 2000), requestedBy: msg.sender.id, requestChat: msg.chat,
    requestMessage: msg.messageId,
  }));
  const leaderChats = new Map<number, ChatId | null>(later.map((a) => [a.id, settings.leaderChat ?? a.forwardChat]));
  const tFor = await chatTranslators(store, [...leaderChats.values()].filter((c): c is ChatId => c !== null));
  const ids = await store.extensions.request({
    eventId: msg.eventId,
    at,
    requests,
    events: later.map((a) => ({
      type: "extension_requested", actor: msg.sender.id, chatId: msg.chat, messageId: msg.messageId, assignmentId: a.id, taskId: a.taskId,
      unitId: a.unitId, dispatchId: a.dispatchId,
      data: { name: msg.sender.name, from: a.deadlineDate, to: request.date, reason: request.reason, note: msg.text.normalize("NFC").trim().slice(0, 2000) },
    })),
    notices: (newIds) => later.flatMap((a, i) => {
      const chat = leaderChats.get(a.id);
      return chat ? [extensionRequestNotice(chat, newIds[i]!, a, request.date, request.reason, msg.sender.name, tFor(chat))] : [];
    }),
  });
  if (ids === null) return { code: "duplicate_event" };
  return {
    code: "extension_requested",
    reason: request.reason,
    requests: later.map((a, i) => ({ extensionId: ids[i]!, assignmentId: a.id, ref: a.taskRef, number: a.dispatchNumber, unit: a.unitName, from: a.deadlineDate, to: request.date })),
  };
}

/** The leader's card: the task, the old and the requested date, the reason, and the decision buttons. */
export function extensionRequestNotice(chat: ChatId, id: number, a: AssignmentView, to: string, reason: string | null, who: string, t: Translate): NewOutboxItem {
  const text = [
    t("followup:extension.request", { unit: a.unitName, who, ref: a.taskRef, number: a.dispatchNumber ?? "" }),
    t("followup:extension.task", { text: a.taskText.replace(/\s+/g, " ").slice(0, 300) }),
    t("followup:extension.dates", { from: a.deadlineDate ? displayDay(a.deadlineDate) : t("tracking:common.noDeadline"), to: displayDay(to) }),
    t("followup:extension.reason", { reason: reason ?? t("followup:extension.noReason") }),
    t("followup:extension.otherDate", { id }),
  ].join("\n");
  return {
    chat,
    payload: {
      op: "send",
      text,
      buttons: [[
        { label: t("followup:extension.approveButton", { date: displayDay(to) }), data: `extok:${id}` },
        { label: t("followup:extension.refuseButton"), data: `extno:${id}` },
      ]],
    },
    purpose: { type: "notice" },
  };
}

export type ExtensionDecisionResult =
  | { code: "approved"; extension: ExtensionRecord; granted: string; task: ExtensionTask }
  | { code: "refused"; extension: ExtensionRecord; task: ExtensionTask }
  | { code: "forbidden" }
  | { code: "not_found" }
  | { code: "not_pending"; status: ExtensionStatus }
  | { code: "already_closed"; task: ExtensionTask }
  | { code: "not_later"; date: string; deadline: string }
  | { code: "bad_date" };

export interface ExtensionTask { ref: string; number: string | null; unit: string }

/**
 * A leader approves (as asked, or to `date`) or refuses a pending request. The unit's chats and the requester are
 * told; an approval moves the assignment's deadline (reminders and reports read it).
 */
export async function decideExtension(
  deps: TrackingDeps,
  input: { id: number; by: string; byName?: string; approve: boolean; date?: string | null; note?: string | null; chat: ChatId | null; messageId: string | null },
): Promise<ExtensionDecisionResult> {
  const { store, clock } = deps;
  if (!hasRole(await store.directory.person(input.by), "leader")) return { code: "forbidden" };
  const ext = await store.extensions.get(input.id);
  if (!ext) return { code: "not_found" };
  if (ext.status !== "pending") return { code: "not_pending", status: ext.status };
  const a = await store.replies.assignment(ext.assignmentId);
  if (!a) return { code: "not_found" };
  const task: ExtensionTask = { ref: a.taskRef, number: a.dispatchNumber, unit: a.unitName };
  if (a.status === "done") return { code: "already_closed", task };
  const at = clock.now();
  const granted = input.approve ? (input.date ?? ext.requestedDate) : null;
  if (granted !== null) {
    if (granted < officeDay(at)) return { code: "bad_date" };
    if (a.deadlineDate !== null && granted <= a.deadlineDate) return { code: "not_later", date: granted, deadline: a.deadlineDate };
  }
  const chats = new Set<ChatId>((await store.directory.activeBindings([a.unitId])).map((b) => b.chatId));
  if (ext.requestChat) chats.add(ext.requestChat);
  const tFor = await chatTranslators(store, chats);
  const from = a.deadlineDate;
  const notices: NewOutboxItem[] = [...chats].map((chat) => {
    const t = tFor(chat);
    const vars = { unit: a.unitName, ref: a.taskRef, number: a.dispatchNumber ?? "", from: from ? displayDay(from) : t("tracking:common.noDeadline"), note: input.note ?? "" };
    const text = granted !== null
      ? t(granted === ext.requestedDate ? "followup:extension.approved" : "followup:extension.approvedOther", { ...vars, to: displayDay(granted), asked: displayDay(ext.requestedDate) })
      : t("followup:extension.refused", vars) + (input.note ? ` ${t("followup:extension.refusedNote", { note: input.note })}` : "");
    return { chat, payload: { op: "send" as const, text }, purpose: { type: "notice" as const } };
  });
  const written = await store.extensions.decide({
    id: ext.id, approve: input.approve, grantedDate: granted, by: input.by, note: input.note ?? null, at, assignmentId: a.id, notices,
    event: {
      type: input.approve ? "extension_approved" : "extension_refused", actor: input.by, chatId: input.chat, messageId: input.messageId,
      assignmentId: a.id, taskId: a.taskId, unitId: a.unitId, dispatchId: a.dispatchId,
      data: { extensionId: ext.id, from, to: granted, asked: ext.requestedDate, note: input.note ?? null, name: input.byName ?? null },
    },
  });
  if (!written) return { code: "not_pending", status: (await store.extensions.get(ext.id))?.status ?? "pending" };
  const after = (await store.extensions.get(ext.id))!;
  return granted !== null ? { code: "approved", extension: after, granted, task } : { code: "refused", extension: after, task };
}

/** Extensions for the dashboard and lists: newest first, optionally only pending ones or one dispatch's. */
export async function listExtensions(deps: TrackingDeps, filter: { status?: ExtensionStatus; dispatchId?: number; limit?: number } = {}): Promise<ExtensionRecord[]> {
  return deps.store.extensions.list(filter);
}

/** The language of a chat, for callers that answer outside the reply flow. */
export async function translatorOf(deps: TrackingDeps, chat: ChatId): Promise<Translate> {
  return translator(await chatLang(deps.store, chat));
}
