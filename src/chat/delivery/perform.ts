import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { type OutboxItem, outboxRefId } from "../outbox.js";
import { type ChatAdapter, ChatSendError, NotImplementedError, type SentRef, parseChatId } from "../port.js";

/**
 * Carries out one outbox item on its platform. Files in payloads are paths on disk, read only now. `beforeRequest`
 * runs once everything is prepared (the file read, the edited message resolved), right before the platform call:
 * the delivery worker's fence (a claim lost meanwhile throws there, and nothing is sent).
 */
export async function perform(
  adapter: ChatAdapter,
  item: OutboxItem,
  sentMessageId?: (outboxId: number) => Promise<string | undefined>,
  beforeRequest: () => Promise<void> = async () => undefined,
): Promise<SentRef> {
  const { payload, chat } = item;
  if (payload.op === "edit") {
    if (!adapter.edit) throw new NotImplementedError("edit", parseChatId(chat).platform);
    const messageId = await resolveRef(payload.messageId, sentMessageId);
    await beforeRequest();
    await adapter.edit({ chat, messageId }, payload.text, payload.buttons);
    return { chat, messageId };
  }
  if (payload.op === "react") {
    if (!adapter.react) throw new NotImplementedError("react", parseChatId(chat).platform);
    await beforeRequest();
    await adapter.react(chat, payload.messageId, payload.emoji);
    return { chat, messageId: payload.messageId };
  }
  let file;
  if (payload.file) {
    const bytes = await readFile(payload.file.path).catch((error: unknown) => {
      throw new ChatSendError({ kind: "rejected", reason: `cannot read ${payload.file!.path}: ${String(error)}` }, { cause: error });
    });
    file = { name: payload.file.name || basename(payload.file.path), bytes: new Uint8Array(bytes), ...(payload.file.mime ? { mime: payload.file.mime } : {}) };
  }
  await beforeRequest();
  return adapter.send({
    chat,
    text: payload.text,
    ...(payload.buttons ? { buttons: payload.buttons } : {}),
    ...(payload.replyTo ? { replyTo: payload.replyTo } : {}),
    ...(file ? { file } : {}),
  });
}

/** An edit naming an outbox item (outboxRef) targets the message that item became; one never delivered is refused. */
async function resolveRef(messageId: string, sentMessageId?: (outboxId: number) => Promise<string | undefined>): Promise<string> {
  const ref = outboxRefId(messageId);
  if (ref === undefined) return messageId;
  const resolved = await sentMessageId?.(ref);
  if (!resolved) throw new ChatSendError({ kind: "rejected", reason: `outbox item ${ref} was not delivered, nothing to edit` });
  return resolved;
}
