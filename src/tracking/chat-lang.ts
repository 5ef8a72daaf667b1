import { type ChatId, parseChatId } from "../chat/port.js";
import { isLang, type Lang, translator, type Translate } from "../i18n.js";
import type { Store } from "../storage/store.js";

/**
 * The language a message to `chat` is written in: a group's own setting (/ngonngu in the group), a private chat's
 * person's setting, else the office default. "en available per user or group" (issue 4).
 */
export async function chatLang(store: Pick<Store, "chatLangs" | "directory">, chat: ChatId, fallback: Lang = "vi"): Promise<Lang> {
  const user = privateChatUser(chat);
  if (user === null) return (await store.chatLangs.of(chat)) ?? fallback;
  const person = await store.directory.person(user);
  return isLang(person?.lang) ? person.lang : fallback;
}

/** Translators for several chats at once, looked up before a synchronous rendering pass. */
export async function chatTranslators(store: Pick<Store, "chatLangs" | "directory">, chats: Iterable<ChatId>, fallback: Lang = "vi"): Promise<(chat: ChatId) => Translate> {
  const langs = new Map<ChatId, Lang>();
  for (const chat of new Set(chats)) langs.set(chat, await chatLang(store, chat, fallback));
  return (chat) => translator(langs.get(chat) ?? fallback);
}

/** The person a private chat is with ("telegram:123" → "telegram:123", "zalo:u:9" → "zalo:9"), null for groups. */
function privateChatUser(chat: ChatId): string | null {
  const { platform, nativeId } = parseChatId(chat);
  if (platform === "zalo") return nativeId.startsWith("u:") ? `zalo:${nativeId.slice(2)}` : null;
  return /^\d+$/.test(nativeId) ? chat : null;
}
