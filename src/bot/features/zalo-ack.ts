import type { NewOutboxItem } from "../../chat/outbox.js";
import type { InboundMessage } from "../../chat/port.js";
import type { Outcome } from "../../tracking/record-reply.js";

const EXCERPT_CHARS = 80;

/**
 * Where the task message cannot be edited to show its new status (Zalo), the officer's own message gets a reaction:
 * ✅ when it closed a task, 👍 when it was recorded otherwise (progress, input, waiting for approval). It goes
 * through the outbox like any answer, so it is paced with the chat's sends and survives a restart.
 */
export function reactionAck(msg: Pick<InboundMessage, "chat" | "messageId">, outcomes: Array<{ outcome: Outcome }>): NewOutboxItem[] {
  if (!msg.messageId || outcomes.length === 0) return [];
  const emoji = outcomes.some((o) => o.outcome === "closed") ? "✅" : "👍";
  return [{ chat: msg.chat, payload: { op: "react", messageId: msg.messageId, emoji }, purpose: { type: "notice" } }];
}

/** The start of a task's wording, for an answer to an unquoted "xong 2": the officer sees which task was taken. */
export function taskExcerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1)}…`;
}
