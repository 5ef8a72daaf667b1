/**
 * The port's outgoing messages as Bot API calls. Text goes out as plain text, no parse_mode
 * (docs/decisions/0401-telegram-plain-text.md): nothing a person typed can break a send or be read as markup.
 */
import type { Telegram } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import { type Button, ChatSendError, type OutgoingMessage, type SentRef, parseChatId } from "../../chat/port.js";
import { toChatSendError } from "./errors.js";
import { MAX_CAPTION, MAX_TEXT, splitForTelegram } from "./text-chunks.js";

function rejected(reason: string): ChatSendError {
  return new ChatSendError({ kind: "rejected", reason });
}

export function nativeChat(chat: string): string {
  const { platform, nativeId } = parseChatId(chat);
  if (platform !== "telegram") throw rejected(`not a Telegram chat: ${chat}`);
  return nativeId;
}

export function keyboard(buttons: Button[][] | undefined): { reply_markup?: InlineKeyboardMarkup } {
  if (!buttons || buttons.length === 0) return {};
  for (const button of buttons.flat()) {
    // Telegram refuses callback_data over 64 bytes with an opaque BUTTON_DATA_INVALID: say which button.
    if (Buffer.byteLength(button.data, "utf8") > 64) throw rejected(`button data over 64 bytes: ${button.data}`);
  }
  return { reply_markup: { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))) } };
}

function replyTo(messageId: string | undefined): object {
  // A reply to a message deleted meanwhile still goes out, as a plain message.
  return messageId === undefined ? {} : { reply_parameters: { message_id: Number(messageId), allow_sending_without_reply: true } };
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toChatSendError(error);
  }
}

/** Sends text (split over 4,096 characters, buttons under the last part) and/or a document; returns the ref to point replies at. */
export async function sendMessage(telegram: Telegram, message: OutgoingMessage): Promise<SentRef> {
  const chat = nativeChat(message.chat);
  const markup = keyboard(message.buttons);
  const ref = (id: number): SentRef => ({ chat: message.chat, messageId: String(id) });
  const file = message.file;
  if (file && message.text.length <= MAX_CAPTION) {
    const sent = await call(() =>
      telegram.sendDocument(chat, { source: Buffer.from(file.bytes), filename: file.name }, {
        ...(message.text ? { caption: message.text } : {}),
        ...markup,
        ...replyTo(message.replyTo),
      }),
    );
    return ref(sent.message_id);
  }
  const chunks = splitForTelegram(message.text, MAX_TEXT);
  let first: number | undefined;
  let last = 0;
  for (const [i, chunk] of chunks.entries()) {
    const last_ = i === chunks.length - 1;
    const sent = await call(() =>
      telegram.sendMessage(chat, chunk, { ...(last_ ? markup : {}), ...replyTo(i === 0 ? message.replyTo : undefined) }),
    );
    first ??= sent.message_id;
    last = sent.message_id;
  }
  if (file) {
    await call(() => telegram.sendDocument(chat, { source: Buffer.from(file.bytes), filename: file.name }, replyTo(String(first))));
  }
  return ref(last);
}

export async function editMessage(telegram: Telegram, target: SentRef, text: string, buttons?: Button[][]): Promise<void> {
  const chat = nativeChat(target.chat);
  if (text.length > MAX_TEXT) throw rejected(`edited text over ${MAX_TEXT} characters`);
  const markup = keyboard(buttons);
  await call(() => telegram.editMessageText(chat, Number(target.messageId), undefined, text, markup));
}
