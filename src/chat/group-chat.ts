import { type ChatId, parseChatId } from "./port.js";

/** A group chat (Telegram ids of groups are negative; Zalo's carry "g:"), as opposed to a private chat with a person. */
export function isGroupChat(chat: ChatId): boolean {
  const { platform, nativeId } = parseChatId(chat);
  return platform === "zalo" ? nativeId.startsWith("g:") : nativeId.startsWith("-");
}
