/** The Bot API methods the fake implements, with Telegram's validation and error texts. */
import type { IncomingMessage } from "node:http";
import type { FakeBotApi } from "../bot-api-server.js";
import { ApiError, type TgChat, type TgMessage, telegramErrors } from "./types.js";

type Params = Record<string, unknown>;
type Handler = (api: FakeBotApi, params: Params, ctx: { req: IncomingMessage }) => unknown;

export function publicChat(chat: TgChat): TgChat {
  const { id, type, title, first_name } = chat;
  return { id, type, ...(title !== undefined ? { title } : {}), ...(first_name !== undefined ? { first_name } : {}) };
}

/** The chat a send goes to, refusing as Telegram does when the bot was removed or the group moved. */
function writableChat(api: FakeBotApi, params: Params): TgChat {
  const chat = api.chat(Number(params.chat_id));
  if (chat.kicked) throw new ApiError(chat.type === "private" ? telegramErrors.blocked() : telegramErrors.kicked());
  if (chat.migratedTo !== undefined) throw new ApiError(telegramErrors.migrated(chat.migratedTo));
  return chat;
}

function replyTarget(api: FakeBotApi, chatId: number, params: Params): TgMessage | undefined {
  const parameters = params.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
  const id = parameters?.message_id ?? (params.reply_to_message_id === undefined ? undefined : Number(params.reply_to_message_id));
  if (id === undefined) return undefined;
  const target = api.message(chatId, Number(id));
  if (!target && !(parameters?.allow_sending_without_reply ?? params.allow_sending_without_reply)) {
    throw new ApiError(telegramErrors.badRequest("message to be replied not found"));
  }
  return target;
}

const sendMessage: Handler = (api, params) => {
  const chat = writableChat(api, params);
  const shown = api.render(String(params.text ?? ""), params.parse_mode);
  if (shown.text.trim() === "") throw new ApiError(telegramErrors.badRequest("message text is empty"));
  if (shown.text.length > 4096) throw new ApiError(telegramErrors.badRequest("message is too long"));
  const markup = api.keyboard(params.reply_markup);
  const replyTo = replyTarget(api, chat.id, params);
  api.checkRate(chat.id);
  const entities = shown.entities ?? (params.entities as TgMessage["entities"]);
  return api.store({
    message_id: api.newMessageId(chat.id),
    date: Math.floor(Date.now() / 1000),
    chat: publicChat(chat),
    from: api.bot,
    text: shown.text,
    ...(entities?.length ? { entities } : {}),
    ...(markup ? { reply_markup: markup } : {}),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
  });
};

const editMessageText: Handler = (api, params) => {
  const chat = writableChat(api, params);
  const message = api.message(chat.id, Number(params.message_id));
  if (!message) throw new ApiError(telegramErrors.badRequest("message to edit not found"));
  if (message.from?.id !== api.bot.id) throw new ApiError(telegramErrors.badRequest("message can't be edited"));
  const shown = api.render(String(params.text ?? ""), params.parse_mode);
  if (shown.text.trim() === "") throw new ApiError(telegramErrors.badRequest("message text is empty"));
  const markup = api.keyboard(params.reply_markup);
  const entities = shown.entities ?? (params.entities as TgMessage["entities"]);
  const same =
    message.text === shown.text &&
    JSON.stringify(message.entities ?? []) === JSON.stringify(entities ?? []) &&
    JSON.stringify(message.reply_markup ?? null) === JSON.stringify(markup ?? null);
  if (same) throw new ApiError(telegramErrors.notModified());
  message.text = shown.text;
  if (entities?.length) message.entities = entities;
  else delete message.entities;
  if (markup) message.reply_markup = markup;
  else delete message.reply_markup;
  message.edit_date = Math.floor(Date.now() / 1000);
  return message;
};

const sendDocument: Handler = (api, params) => {
  const chat = writableChat(api, params);
  const upload = params.document as { fileName: string; bytes: Buffer } | string | undefined;
  const file =
    typeof upload === "string" ? api.files.get(upload) : upload ? api.addFile(upload.fileName, upload.bytes) : undefined;
  if (!file) throw new ApiError(telegramErrors.badRequest("there is no document in the request"));
  const caption = params.caption === undefined ? undefined : api.render(String(params.caption), params.parse_mode);
  if (caption && caption.text.length > 1024) throw new ApiError(telegramErrors.badRequest("message caption is too long"));
  const markup = api.keyboard(params.reply_markup);
  const replyTo = replyTarget(api, chat.id, params);
  api.checkRate(chat.id);
  return api.store({
    message_id: api.newMessageId(chat.id),
    date: Math.floor(Date.now() / 1000),
    chat: publicChat(chat),
    from: api.bot,
    document: api.documentOf(file),
    ...(caption ? { caption: caption.text } : {}),
    ...(markup ? { reply_markup: markup } : {}),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
  });
};

const getFile: Handler = (api, params) => {
  const file = api.files.get(String(params.file_id));
  if (!file) throw new ApiError(telegramErrors.badRequest("wrong file_id or the file is temporarily unavailable"));
  if (file.bytes.length > (api.options.maxDownloadBytes ?? 20 * 1024 * 1024)) {
    throw new ApiError(telegramErrors.badRequest("file is too big"));
  }
  return { file_id: file.id, file_unique_id: `u${file.id}`, file_size: file.bytes.length, file_path: file.path };
};

const answerCallbackQuery: Handler = (api, params) => {
  const state = api.answers.get(String(params.callback_query_id));
  if (!state || state.answered) {
    throw new ApiError(telegramErrors.badRequest("query is too old and response timeout expired or query ID is invalid"));
  }
  state.answered = true;
  if (params.text !== undefined) state.text = String(params.text);
  return true;
};

const setMyCommands: Handler = (api, params) => {
  const commands = params.commands as Array<{ command: string; description: string }>;
  if (!Array.isArray(commands) || commands.length > 100) throw new ApiError(telegramErrors.badRequest("commands must be a list"));
  for (const { command, description } of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw new ApiError(telegramErrors.badRequest("BOT_COMMAND_INVALID"));
    if (!description || description.length > 256) throw new ApiError(telegramErrors.badRequest("BOT_COMMAND_DESCRIPTION_INVALID"));
  }
  const scope = (params.scope as { type?: string } | undefined)?.type ?? "default";
  api.commands.set(`${scope}:${String(params.language_code ?? "")}`, commands);
  return true;
};

export const methodHandlers: Record<string, Handler> = {
  getMe: (api) => api.bot,
  getUpdates: (api, params, ctx) => api.takeUpdates(params, ctx.req),
  sendMessage,
  editMessageText,
  sendDocument,
  getFile,
  answerCallbackQuery,
  setMyCommands,
  getMyCommands: (api, params) =>
    api.commands.get(`${(params.scope as { type?: string } | undefined)?.type ?? "default"}:${String(params.language_code ?? "")}`) ?? [],
  sendChatAction: (api, params) => (writableChat(api, params), true),
  deleteWebhook: (api, params) => {
    api.webhook = undefined;
    if (params.drop_pending_updates) api.dropPending();
    return true;
  },
  setWebhook: (api, params) => {
    const secret = params.secret_token === undefined ? {} : { secretToken: String(params.secret_token) };
    api.webhook = { url: String(params.url), ...secret };
    return true;
  },
  getWebhookInfo: (api) => ({ url: api.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: api.pendingUpdates }),
};
