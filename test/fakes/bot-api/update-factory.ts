/**
 * Builds the updates Telegram sends when people act (a message, a reply, a button press, a document, the bot added or
 * removed, a group upgraded to a supergroup) and queues them on the fake server. Each returns the update it pushed.
 */
import type { FakeBotApi } from "../bot-api-server.js";
import { publicChat } from "./methods.js";
import type { TgEntity, TgMessage, TgUpdate, TgUser } from "./types.js";

export interface UserMessageInput {
  chat: number;
  from: TgUser;
  text: string;
  /** message_id in the same chat this one replies to. */
  replyTo?: number;
}

export class UpdateFactory {
  private nextUpdateId = 700_000_001;
  private nextQueryId = 1;

  constructor(private readonly api: FakeBotApi) {}

  /** A fresh update_id, for updates built by hand. */
  nextId(): number {
    return this.nextUpdateId++;
  }

  static user(id: number, firstName: string, lastName?: string): TgUser {
    return { id, is_bot: false, first_name: firstName, ...(lastName ? { last_name: lastName } : {}), language_code: "vi" };
  }

  text(input: UserMessageInput): TgUpdate {
    const entities = autoEntities(input.text);
    return this.message(input, { text: input.text, ...(entities.length ? { entities } : {}) });
  }

  document(input: Omit<UserMessageInput, "text"> & { fileName: string; bytes: Buffer; mime?: string; caption?: string }): TgUpdate {
    const file = this.api.addFile(input.fileName, input.bytes, input.mime);
    return this.message(input, {
      document: this.api.documentOf(file),
      ...(input.caption !== undefined ? { caption: input.caption } : {}),
    });
  }

  /** A photo sent as a photo (Telegram recompresses it to JPEG and offers sizes; the largest is the last). */
  photo(input: Omit<UserMessageInput, "text"> & { bytes: Buffer; caption?: string }): TgUpdate {
    const file = this.api.addFile("photo.jpg", input.bytes, "image/jpeg");
    const { file_name: _name, mime_type: _mime, ...big } = this.api.documentOf(file);
    const thumb = this.api.documentOf(this.api.addFile("thumb.jpg", input.bytes.subarray(0, 16), "image/jpeg"));
    return this.message(input, {
      photo: [{ file_id: thumb.file_id, file_unique_id: thumb.file_unique_id, width: 90, height: 90 }, { ...big, width: 1280, height: 1810 }],
      ...(input.caption !== undefined ? { caption: input.caption } : {}),
    });
  }

  /** A person presses a button under the bot's message `messageId`. */
  callback(input: { chat: number; from: TgUser; messageId: number; data: string }): TgUpdate {
    const message = this.api.message(input.chat, input.messageId);
    if (!message) throw new Error(`no message ${input.messageId} in chat ${input.chat}`);
    const id = `${this.api.bot.id}${String(this.nextQueryId++).padStart(6, "0")}`;
    this.api.answers.set(id, { answered: false });
    return this.push({
      update_id: this.nextUpdateId++,
      callback_query: { id, from: input.from, message, chat_instance: `ci${input.chat}`, data: input.data },
    });
  }

  /** The bot is removed (kicked by an admin, or left): later sends to the chat get 403. */
  botRemoved(chatId: number, by: TgUser, status: "kicked" | "left" = "kicked"): TgUpdate {
    const chat = this.api.chat(chatId);
    chat.kicked = true;
    return this.memberUpdate(chatId, by, "member", status);
  }

  botAdded(chatId: number, by: TgUser, title = `Nhóm ${chatId}`): TgUpdate {
    if (!this.api.chats.has(chatId)) this.api.group(chatId, title);
    this.api.chat(chatId).kicked = false;
    return this.memberUpdate(chatId, by, "left", "member");
  }

  /** A group becomes a supergroup: sends to the old id get 400 with migrate_to_chat_id; both service messages arrive. */
  migrate(oldId: number, newId: number, by: TgUser, options: { keepHistory?: boolean } = {}): TgUpdate[] {
    const old = this.api.chat(oldId);
    old.migratedTo = newId;
    this.api.chats.set(newId, { id: newId, type: "supergroup", ...(old.title !== undefined ? { title: old.title } : {}) });
    // As Telegram does: the history moves to the supergroup under the same message ids (people reply to old posts).
    if (options.keepHistory) {
      const chat = publicChat(this.api.chats.get(newId)!);
      for (const m of [...this.api.messages.values()].filter((x) => x.chat.id === oldId)) {
        this.api.store({ ...structuredClone(m), chat });
        while (this.api.newMessageId(newId) < m.message_id);
      }
    }
    return [
      this.message({ chat: oldId, from: by }, { migrate_to_chat_id: newId }),
      this.message({ chat: newId, from: by }, { migrate_from_chat_id: oldId }),
    ];
  }

  /** Telegram delivers the same update again (same update_id), as after a crash before the offset was confirmed. */
  again(update: TgUpdate): TgUpdate {
    return this.api.push(structuredClone(update));
  }

  private message(input: { chat: number; from: TgUser; replyTo?: number }, content: Partial<TgMessage>): TgUpdate {
    const chat = this.api.chats.get(input.chat) ?? (input.chat > 0 ? this.api.privateChat(input.from) : this.api.group(input.chat, `Nhóm ${input.chat}`));
    const replyTo = input.replyTo === undefined ? undefined : this.api.message(input.chat, input.replyTo);
    if (input.replyTo !== undefined && !replyTo) throw new Error(`no message ${input.replyTo} in chat ${input.chat}`);
    const message = this.api.store({
      message_id: this.api.newMessageId(input.chat),
      date: Math.floor(Date.now() / 1000),
      chat: publicChat(chat),
      from: input.from,
      ...content,
      ...(replyTo ? { reply_to_message: replyTo } : {}),
    });
    const update = { update_id: this.nextUpdateId++, message };
    // Withheld by privacy mode: the message exists in the chat (people can reply to it) but the bot never hears of it.
    return this.seenByBot(message) ? this.push(update) : update;
  }

  private seenByBot(m: TgMessage): boolean {
    if (!this.api.options.privacyMode || m.chat.type === "private") return true;
    const text = m.text ?? m.caption;
    if (text === undefined && !m.document && !m.photo) return true; // service messages (migration, members)
    if (text?.startsWith("/")) return true;
    if (m.reply_to_message?.from?.id === this.api.bot.id) return true;
    return text !== undefined && text.toLowerCase().includes(`@${this.api.bot.username!.toLowerCase()}`);
  }

  private memberUpdate(chatId: number, by: TgUser, from: "member" | "left", to: "member" | "left" | "kicked"): TgUpdate {
    return this.push({
      update_id: this.nextUpdateId++,
      my_chat_member: {
        chat: publicChat(this.api.chat(chatId)),
        from: by,
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { user: this.api.bot, status: from },
        new_chat_member: { user: this.api.bot, status: to },
      },
    });
  }

  private push(update: TgUpdate): TgUpdate {
    return this.api.push(update);
  }
}

/** Telegram marks commands and @mentions itself; people's clients do not send entities for them. */
function autoEntities(text: string): TgEntity[] {
  const entities: TgEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(^|[^\w/])(@[A-Za-z0-9_]{5,32})/g)) {
    entities.push({ type: "mention", offset: m.index + m[1]!.length, length: m[2]!.length });
  }
  return entities;
}
