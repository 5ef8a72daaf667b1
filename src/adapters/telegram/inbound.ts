/**
 * Telegram updates as the port's Inbound events. Pure apart from the two callbacks it is given (file download and
 * callback answer), so replayed update fixtures test it directly. Updates the core has no use for map to undefined.
 */
import { type ChatId, type Inbound, type InboundAttachment, type InboundMessage, chatId } from "../../chat/port.js";

interface RawUser {
  id: number;
  is_bot?: boolean;
  first_name: string;
  last_name?: string;
}
interface RawChat {
  id: number;
  type: string;
  title?: string;
}
interface RawEntity {
  type: string;
  offset: number;
  length: number;
  user?: RawUser;
}
interface RawFile {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
  file_name?: string;
  mime_type?: string;
}
interface RawMessage {
  message_id: number;
  date: number;
  chat: RawChat;
  from?: RawUser;
  text?: string;
  caption?: string;
  entities?: RawEntity[];
  caption_entities?: RawEntity[];
  document?: RawFile;
  photo?: RawFile[];
  reply_to_message?: RawMessage;
  is_topic_message?: boolean;
  message_thread_id?: number;
  migrate_to_chat_id?: number;
  migrate_from_chat_id?: number;
}
export interface RawUpdate {
  update_id: number;
  message?: RawMessage;
  callback_query?: { id: string; from: RawUser; message?: RawMessage; data?: string };
  my_chat_member?: { chat: RawChat; date: number; new_chat_member: { status: string; is_member?: boolean }; old_chat_member: { status: string; is_member?: boolean } };
}

export interface InboundContext {
  bot: { id: number; username: string };
  fetchFile(fileId: string): Promise<Uint8Array>;
  answerCallback(queryId: string, text?: string): Promise<void>;
}

const tg = (id: number): ChatId => chatId("telegram", id);
const at = (unixSeconds: number): Date => new Date(unixSeconds * 1000);

export function eventIdOf(update: { update_id: number }): string {
  return `telegram:update:${update.update_id}`;
}

/** The chat an event belongs to, for per-chat ordering. */
export function chatOf(event: Inbound): ChatId {
  return event.kind === "migrated" ? event.from : event.chat;
}

export function toInbound(update: RawUpdate, ctx: InboundContext): Inbound | undefined {
  const eventId = eventIdOf(update);
  if (update.message) return fromMessage(update.message, eventId, ctx);
  if (update.callback_query) {
    const q = update.callback_query;
    if (!q.message || q.data === undefined) return undefined; // inline-mode or game buttons: not ours
    return {
      kind: "action",
      eventId,
      chat: tg(q.message.chat.id),
      chatType: q.message.chat.type === "private" ? "private" : "group",
      messageId: String(q.message.message_id),
      sender: senderOf(q.from),
      data: q.data,
      at: new Date(),
      answer: (text) => ctx.answerCallback(q.id, text),
    };
  }
  if (update.my_chat_member) {
    const m = update.my_chat_member;
    const was = isMember(m.old_chat_member);
    const now = isMember(m.new_chat_member);
    if (was === now) return undefined; // promoted, restricted, ...: still in the chat
    return {
      kind: "membership",
      eventId,
      chat: tg(m.chat.id),
      ...(m.chat.title !== undefined ? { chatTitle: m.chat.title } : {}),
      status: now ? "added" : "removed",
      at: at(m.date),
    };
  }
  return undefined;
}

function isMember(member: { status: string; is_member?: boolean }): boolean {
  if (member.status === "restricted") return member.is_member ?? true;
  return member.status !== "left" && member.status !== "kicked";
}

function senderOf(user: RawUser): { id: string; name: string } {
  return { id: `telegram:${user.id}`, name: [user.first_name, user.last_name].filter(Boolean).join(" ") };
}

function fromMessage(m: RawMessage, eventId: string, ctx: InboundContext): Inbound | undefined {
  if (m.chat.type === "channel") return undefined;
  if (m.migrate_to_chat_id !== undefined) {
    return { kind: "migrated", eventId, from: tg(m.chat.id), to: tg(m.migrate_to_chat_id), at: at(m.date) };
  }
  if (!m.from || m.from.id === ctx.bot.id) return undefined; // migrate_from_chat_id and other service messages
  const attachments = attachmentsOf(m, ctx);
  let text = m.text ?? m.caption ?? "";
  if (text === "" && attachments.length === 0) return undefined; // stickers, joins, pins
  const entities = m.entities ?? m.caption_entities ?? [];
  const username = `@${ctx.bot.username}`.toLowerCase();
  const mentionsBot = entities.some(
    (e) =>
      (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === username) ||
      (e.type === "text_mention" && e.user?.id === ctx.bot.id),
  );
  const command = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (command) {
    // "/baocao@dondoc_bot 12/KH" → "/baocao 12/KH"; a command addressed to another bot is not ours.
    const word = text.slice(0, command.length);
    const atIndex = word.indexOf("@");
    if (atIndex > 0) {
      if (word.slice(atIndex).toLowerCase() !== username) return undefined;
      text = word.slice(0, atIndex) + text.slice(command.length);
    }
  }
  const reply = m.reply_to_message;
  // In forum groups every message "replies" to its topic's first message: that is not a reply to the bot.
  const realReply = reply && !(m.is_topic_message && reply.message_id === m.message_thread_id) ? reply : undefined;
  const replyText = realReply?.text ?? realReply?.caption;
  const event: InboundMessage = {
    kind: "message",
    eventId,
    chat: tg(m.chat.id),
    chatType: m.chat.type === "private" ? "private" : "group",
    ...(m.chat.title !== undefined ? { chatTitle: m.chat.title } : {}),
    messageId: String(m.message_id),
    sender: senderOf(m.from),
    text,
    ...(realReply
      ? {
          replyTo: {
            messageId: String(realReply.message_id),
            ...(replyText !== undefined ? { text: replyText } : {}),
            ...(realReply.from?.id === ctx.bot.id ? { fromBot: true } : {}),
          },
        }
      : {}),
    ...(mentionsBot ? { mentionsBot } : {}),
    attachments,
    at: at(m.date),
  };
  return event;
}

function attachmentsOf(m: RawMessage, ctx: InboundContext): InboundAttachment[] {
  const files: Array<{ file: RawFile; name: string; mime?: string }> = [];
  if (m.document) {
    const d = m.document;
    files.push({ file: d, name: d.file_name ?? `tep-${d.file_unique_id}`, ...(d.mime_type ? { mime: d.mime_type } : {}) });
  }
  const photo = m.photo?.[m.photo.length - 1]; // Telegram lists sizes smallest first
  if (photo) files.push({ file: photo, name: `anh-${photo.file_unique_id}.jpg`, mime: "image/jpeg" });
  return files.map(({ file, name, mime }) => ({
    name,
    ...(mime ? { mime } : {}),
    ...(file.file_size !== undefined ? { size: file.file_size } : {}),
    fetch: () => ctx.fetchFile(file.file_id),
  }));
}
