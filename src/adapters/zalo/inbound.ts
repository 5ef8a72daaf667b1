import { ThreadType, type Message, type TAttachmentContent, type TQuote } from "zca-js";
import type { InboundAttachment, InboundMessage } from "../../chat/port.js";
import { zaloChatId } from "./chat-ids.js";
import type { MessageMemory, ZaloMessageSnapshot } from "./message-memory.js";

/** The part of fetch the adapter needs; injected so tests download from memory. */
export type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

export interface InboundContext {
  ownId: string;
  memory: MessageMemory;
  fetch: FetchLike;
  chatTitle?: string;
}

export function snapshotOf(message: Message): ZaloMessageSnapshot {
  const d = message.data;
  return {
    chat: zaloChatId(message.type, message.threadId),
    msgId: String(d.msgId),
    cliMsgId: String(d.cliMsgId),
    uidFrom: String(d.uidFrom),
    msgType: d.msgType,
    content: d.content,
    propertyExt: d.propertyExt,
    ts: String(d.ts),
    ttl: d.ttl ?? 0,
  };
}

/** A zca-js message as the core's platform-neutral input. */
export function toInbound(message: Message, ctx: InboundContext): InboundMessage {
  const d = message.data;
  const chat = zaloChatId(message.type, message.threadId);
  const attachment = typeof d.content === "object" && d.content !== null && typeof d.content.href === "string" && !isLink(d.msgType)
    ? toAttachment(d.content as TAttachmentContent, d.msgType, String(d.msgId), ctx.fetch)
    : undefined;
  const inbound: InboundMessage = {
    kind: "message",
    eventId: `zalo:msg:${d.msgId}`,
    chat,
    chatType: message.type === ThreadType.Group ? "group" : "private",
    messageId: String(d.msgId),
    sender: { id: `zalo:${d.uidFrom}`, name: d.dName ?? "" },
    text: withoutOwnMention(textOf(d.content, d.msgType), message, ctx.ownId),
    attachments: attachment ? [attachment] : [],
    at: new Date(Number(d.ts)),
  };
  if (ctx.chatTitle) inbound.chatTitle = ctx.chatTitle;
  if (d.quote) inbound.replyTo = replyToOf(d.quote, chat, ctx.memory);
  if (message.type === ThreadType.Group && message.data.mentions?.some((m) => String(m.uid) === ctx.ownId)) {
    inbound.mentionsBot = true;
  }
  return inbound;
}

/**
 * "@Đôn đốc xong 2": the bot's display name is whatever the office chose, and read as words it can change the meaning
 * ("đôn đốc" is an exhortation to the reply classifier) or hide a command. The mention's span is cut out; mentionsBot
 * keeps the fact.
 */
function withoutOwnMention(text: string, message: Message, ownId: string): string {
  if (message.type !== ThreadType.Group || !text) return text;
  const spans = (message.data.mentions ?? [])
    .filter((m) => String(m.uid) === ownId && m.pos >= 0 && m.len > 0 && m.pos + m.len <= text.length)
    .sort((a, b) => b.pos - a.pos);
  let out = text;
  for (const m of spans) out = `${out.slice(0, m.pos)}${out.slice(m.pos + m.len)}`;
  return spans.length ? out.replace(/[ \t]{2,}/g, " ").trim() : text;
}

/**
 * A text with a URL in it ("xong 3 https://…") is not a text message on Zalo: it arrives as "chat.recommended" with an
 * object content — `title` the typed text, `href` the link, `description`/`thumb` the preview. It is the reply, not a
 * file.
 */
function isLink(msgType: string): boolean {
  return msgType === "chat.recommended" || msgType === "chat.link";
}

function textOf(content: Message["data"]["content"], msgType: string): string {
  if (typeof content === "string") return content;
  // A photo's caption travels as its title; a file's title is its name (already the attachment's name).
  if (msgType === "chat.photo" && typeof content.title === "string") return content.title;
  if (isLink(msgType)) {
    const title = typeof content.title === "string" ? content.title : "";
    const href = typeof content.href === "string" ? content.href : "";
    // The title is what was typed; when a client sends the bare link, the link itself is the text.
    return href && !title.includes(href) ? [title, href].filter(Boolean).join(" ") : title;
  }
  return "";
}

/**
 * Whether a quote's globalMsgId equals the msgId sendMessage returned is not verified on a real account, so the
 * adapter resolves what it can (a known msgId, or the client id of one of its own recent sends) and passes the other
 * ids and the quoted text along for the core to match on.
 */
function replyToOf(quote: TQuote, chat: string, memory: MessageMemory): NonNullable<InboundMessage["replyTo"]> {
  const globalId = String(quote.globalMsgId);
  const cliId = String(quote.cliMsgId);
  const messageId = memory.get(chat, globalId)?.msgId ?? memory.findSentByCliMsgId(chat, cliId)?.msgId ?? globalId;
  const altIds = [...new Set([globalId, cliId])].filter((id) => id !== messageId);
  return { messageId, ...(quote.msg ? { text: quote.msg } : {}), altIds };
}

const MIME_BY_EXT: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  txt: "text/plain",
};

function toAttachment(content: TAttachmentContent, msgType: string, msgId: string, fetchFn: FetchLike): InboundAttachment {
  const params = parseParams(content.params);
  const isPhoto = msgType === "chat.photo";
  const name = isPhoto ? `anh-${msgId}.jpg` : content.title || `tep-${msgId}${params.fileExt ? `.${params.fileExt}` : ""}`;
  const ext = (params.fileExt ?? name.split(".").pop() ?? "").toLowerCase();
  const size = Number(params.fileSize);
  const attachment: InboundAttachment = {
    name,
    async fetch() {
      const response = await fetchFn(content.href);
      if (!response.ok) throw new Error(`Zalo file download failed: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
  const mime = isPhoto ? "image/jpeg" : MIME_BY_EXT[ext];
  if (mime) attachment.mime = mime;
  if (Number.isFinite(size) && size > 0) attachment.size = size;
  return attachment;
}

function parseParams(raw: unknown): { fileExt?: string; fileSize?: string } {
  if (typeof raw !== "string" || raw === "") return {};
  try {
    const parsed = JSON.parse(raw) as { fileExt?: unknown; fileSize?: unknown };
    return {
      ...(typeof parsed.fileExt === "string" ? { fileExt: parsed.fileExt } : {}),
      ...(parsed.fileSize !== undefined ? { fileSize: String(parsed.fileSize) } : {}),
    };
  } catch {
    return {};
  }
}
