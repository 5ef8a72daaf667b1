import type { NewOutboxItem, OutboxPayload } from "../chat/outbox.js";
import { type Button, type ChatId, parseChatId } from "../chat/port.js";
import { splitIntoChunks } from "../reports/chunk.js";
import type { BotDeps } from "./deps.js";

/**
 * Every answer goes through the outbox, like task posts: a restart or a rate limit never loses one. Long texts are
 * split under the platform's limit; buttons ride on the last part.
 */
export function textItems(deps: BotDeps, chat: ChatId, text: string, extra: { buttons?: Button[][]; replyTo?: string } = {}): NewOutboxItem[] {
  const max = deps.settings.maxMessageLength[parseChatId(chat).platform];
  const parts = splitIntoChunks(text, max);
  return parts.map((part, i) => {
    const payload: OutboxPayload = { op: "send", text: part };
    if (i === 0 && extra.replyTo) payload.replyTo = extra.replyTo;
    if (i === parts.length - 1 && extra.buttons?.length) payload.buttons = extra.buttons;
    return { chat, payload, purpose: { type: "notice" } };
  });
}

export async function say(deps: BotDeps, chat: ChatId, text: string, extra: { buttons?: Button[][]; replyTo?: string } = {}): Promise<void> {
  await deps.store.outbox.enqueue(textItems(deps, chat, text, extra));
}

export async function sendFile(deps: BotDeps, chat: ChatId, file: { name: string; path: string; mime?: string }, caption: string): Promise<void> {
  await deps.store.outbox.enqueue([{ chat, payload: { op: "send", text: caption, file }, purpose: { type: "notice" } }]);
}

/**
 * The status edit that acknowledges a reply, on the replies' own write path (one raw SQLite transaction, as the reply
 * itself was recorded) rather than a Prisma transaction that would triple the cost of handling a reply.
 */
export async function enqueueAck(deps: BotDeps, items: NewOutboxItem[]): Promise<void> {
  await deps.store.replies.apply({ eventId: null, at: deps.clock.now(), updates: [], closeTasks: [], events: [], notices: items });
}
