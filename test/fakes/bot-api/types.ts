/** The slice of Telegram Bot API objects the fake server produces (field names as Telegram spells them). */
export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
  first_name?: string;
}

export interface TgEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: TgUser;
}

export interface TgButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface TgMessage {
  message_id: number;
  date: number;
  chat: TgChat;
  from?: TgUser;
  text?: string;
  entities?: TgEntity[];
  caption?: string;
  caption_entities?: TgEntity[];
  document?: TgDocument;
  /** A photo in the sizes Telegram made of it, smallest first. */
  photo?: (TgDocument & { width: number; height: number })[];
  reply_markup?: { inline_keyboard: TgButton[][] };
  reply_to_message?: TgMessage;
  migrate_to_chat_id?: number;
  migrate_from_chat_id?: number;
  edit_date?: number;
}

export interface TgChatMember {
  user: TgUser;
  status: "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  callback_query?: { id: string; from: TgUser; message?: TgMessage; chat_instance: string; data?: string };
  my_chat_member?: {
    chat: TgChat;
    from: TgUser;
    date: number;
    old_chat_member: TgChatMember;
    new_chat_member: TgChatMember;
  };
}

/** Telegram's error body, exactly as the real server sends it. */
export interface TgErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** The errors Telegram really answers with, for scripting failures. */
export const telegramErrors = {
  tooManyRequests: (retryAfter = 1): TgErrorBody => ({
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  }),
  kicked: (): TgErrorBody => ({ ok: false, error_code: 403, description: "Forbidden: bot was kicked from the group chat" }),
  blocked: (): TgErrorBody => ({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }),
  migrated: (to: number): TgErrorBody => ({
    ok: false,
    error_code: 400,
    description: "Bad Request: group chat was upgraded to a supergroup chat",
    parameters: { migrate_to_chat_id: to },
  }),
  notModified: (): TgErrorBody => ({
    ok: false,
    error_code: 400,
    description:
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  }),
  badRequest: (what: string): TgErrorBody => ({ ok: false, error_code: 400, description: `Bad Request: ${what}` }),
};

/** A scripted failure: a Telegram error body, a bare HTTP status (502 from the front end), or a dropped connection. */
export type ScriptedFailure = TgErrorBody | { httpStatus: number } | { hangUp: true };

/** Thrown inside the fake's method handlers; answered as the given Telegram error body. */
export class ApiError extends Error {
  constructor(readonly body: TgErrorBody) {
    super(body.description);
  }
}
