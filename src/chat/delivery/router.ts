import { type ChatAdapter, type ChatId, ChatSendError, type Platform, parseChatId } from "../port.js";

/** Picks the adapter for a chat by its platform prefix ("telegram:…", "zalo:…"). */
export interface ChatRouter {
  adapterFor(chat: ChatId): ChatAdapter;
  readonly platforms: Platform[];
}

export function createChatRouter(adapters: ChatAdapter[]): ChatRouter {
  const byPlatform = new Map<Platform, ChatAdapter>(adapters.map((a) => [a.platform, a]));
  return {
    platforms: [...byPlatform.keys()],
    adapterFor(chat) {
      const { platform } = parseChatId(chat);
      const adapter = byPlatform.get(platform);
      // Not running now (e.g. Zalo not configured this start): keep the message and retry, do not fail it.
      if (!adapter) throw new ChatSendError({ kind: "transient", reason: `no ${platform} adapter is running` });
      return adapter;
    },
  };
}
