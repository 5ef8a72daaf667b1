import { ThreadType } from "zca-js";
import type { ChatId } from "../../chat/port.js";

/** A Zalo conversation: the thread id alone is ambiguous (a user and a group can share digits), so the type travels. */
export interface ZaloThread {
  threadId: string;
  type: ThreadType;
}

/** "zalo:g:<groupId>" for groups, "zalo:u:<userId>" for private chats. */
export function zaloChatId(type: ThreadType, threadId: string): ChatId {
  return `zalo:${type === ThreadType.Group ? "g" : "u"}:${threadId}`;
}

export function parseZaloChatId(chat: ChatId): ZaloThread | undefined {
  const m = /^zalo:([gu]):(\d+)$/.exec(chat);
  if (!m) return undefined;
  return { threadId: m[2]!, type: m[1] === "g" ? ThreadType.Group : ThreadType.User };
}
