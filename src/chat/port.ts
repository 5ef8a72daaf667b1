/**
 * The one port every chat platform sits behind. Domain code sees only these types: never a telegraf context or a
 * zca-js message. Conversations are addressed by opaque strings ("telegram:-100123", "zalo:g:8812"), so storage and
 * reports never depend on a platform's id shapes.
 */
export type Platform = "telegram" | "zalo";

/** `${platform}:${native id}`; for Zalo the native id carries the thread type ("g:123" group, "u:123" user). */
export type ChatId = string;

export function chatId(platform: Platform, nativeId: string | number): ChatId {
  return `${platform}:${nativeId}`;
}

export function parseChatId(id: ChatId): { platform: Platform; nativeId: string } {
  const i = id.indexOf(":");
  const platform = id.slice(0, i);
  if (i < 1 || (platform !== "telegram" && platform !== "zalo")) throw new Error(`not a chat id: ${id}`);
  return { platform, nativeId: id.slice(i + 1) };
}

/** A button under a message. `data` must fit Telegram's 64-byte callback_data limit. */
export interface Button {
  label: string;
  data: string;
}

export interface OutgoingFile {
  name: string;
  bytes: Uint8Array;
  mime?: string;
}

/**
 * What the core asks a platform to show. `text` is plain text: adapters escape or attach entities themselves, so a
 * unit named "<Phòng A&B>" can never break a send.
 */
export interface OutgoingMessage {
  chat: ChatId;
  text: string;
  buttons?: Button[][];
  /** Platform message id to quote/reply to. */
  replyTo?: string;
  file?: OutgoingFile;
}

/** Where a sent message landed; `messageId` is what replies will point back to. */
export interface SentRef {
  chat: ChatId;
  messageId: string;
}

/**
 * Why a send failed, sorted so the outbox knows what to do: wait, give up on the chat, follow it, or retry later.
 * Adapters must map every platform error to one of these.
 */
export type SendFailure =
  | { kind: "rate_limited"; retryAfterMs: number }
  | { kind: "gone"; reason: string } // bot kicked/blocked, chat deleted: mark the binding inactive, do not retry
  | { kind: "migrated"; newChat: ChatId } // Telegram group upgraded to supergroup
  | { kind: "not_modified" } // editing to identical content: harmless
  | { kind: "transient"; reason: string } // network, 5xx, session reconnecting: retry with backoff
  | { kind: "rejected"; reason: string }; // the platform refuses this message as sent: retrying will not help

export class ChatSendError extends Error {
  constructor(
    readonly failure: SendFailure,
    options?: { cause?: unknown },
  ) {
    super(`chat send failed: ${failure.kind}${"reason" in failure ? ` (${failure.reason})` : ""}`, options);
    this.name = "ChatSendError";
  }
}

/** Thrown when an adapter lacks an optional capability (e.g. Zalo has no inline buttons to edit). */
export class NotImplementedError extends Error {
  constructor(capability: string, platform: Platform) {
    super(`${platform} adapter does not support ${capability}`);
    this.name = "NotImplementedError";
  }
}

export interface ChatAdapter {
  readonly platform: Platform;
  /** Throws ChatSendError on failure. */
  send(message: OutgoingMessage): Promise<SentRef>;
  /** Replace a sent message's text (and buttons). Optional: Zalo cannot edit. */
  edit?(ref: SentRef, text: string, buttons?: Button[][]): Promise<void>;
  /** React to a message (acknowledgement without noise). Optional. */
  react?(chat: ChatId, messageId: string, emoji: string): Promise<void>;
}

// ---- inbound ------------------------------------------------------------------------------------------------

export interface Sender {
  /** `${platform}:${native user id}`, stable across chats. */
  id: string;
  name: string;
}

export interface InboundAttachment {
  name: string;
  mime?: string;
  size?: number;
  /** Downloads the bytes on demand (only when the core decides to keep or read the file). */
  fetch(): Promise<Uint8Array>;
}

export interface InboundMessage {
  kind: "message";
  /** Platform-unique id of this delivery, used to process a redelivered update once. */
  eventId: string;
  chat: ChatId;
  chatType: "private" | "group";
  chatTitle?: string;
  messageId: string;
  sender: Sender;
  text: string;
  /**
   * The message this one replies to/quotes, if any. `text` helps where the platform's ids cannot be matched;
   * `altIds` are other ids the platform may know the same message by (Zalo: a quote's globalMsgId and cliMsgId).
   * `fromBot` is true when the quoted message is the bot's own (adapters set it when the platform says so).
   */
  replyTo?: { messageId: string; text?: string; altIds?: string[]; fromBot?: boolean };
  /** True when the bot was @mentioned (lets group messages that are neither commands nor replies through). */
  mentionsBot?: boolean;
  attachments: InboundAttachment[];
  at: Date;
}

/** A button press. `answer` acknowledges it on the platform (Telegram's answerCallbackQuery). */
export interface InboundAction {
  kind: "action";
  eventId: string;
  chat: ChatId;
  chatType: "private" | "group";
  messageId: string;
  sender: Sender;
  data: string;
  at: Date;
  answer(text?: string): Promise<void>;
}

/** The bot was removed from / added to a chat, or the chat moved to a new id. */
export type InboundChatEvent =
  | { kind: "membership"; eventId: string; chat: ChatId; chatTitle?: string; status: "added" | "removed"; at: Date }
  | { kind: "migrated"; eventId: string; from: ChatId; to: ChatId; at: Date };

export type Inbound = InboundMessage | InboundAction | InboundChatEvent;

/** Adapters hand every inbound event to this; it must not throw (errors are logged by the core). */
export type InboundHandler = (event: Inbound) => Promise<void>;
