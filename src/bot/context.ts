import type { ChatId, InboundMessage } from "../chat/port.js";
import { isLang, translator, type Translate } from "../i18n.js";
import { chatLang } from "../tracking/chat-lang.js";
import type { Person } from "../tracking/model.js";
import type { BotDeps } from "./deps.js";
import { say } from "./respond.js";

/** One inbound message as the feature handlers see it: who wrote, in their language, and a way to answer. */
export interface MessageContext {
  deps: BotDeps;
  msg: InboundMessage;
  person: Person | null;
  t: Translate;
  reply(text: string, extra?: Parameters<typeof say>[3]): Promise<void>;
  sayTo(chat: ChatId, text: string): Promise<void>;
}

export async function messageContext(deps: BotDeps, msg: InboundMessage): Promise<MessageContext> {
  const person = await deps.store.directory.person(msg.sender.id);
  // A group reads the group's language (/ngonngu in the group), a private chat its person's.
  const lang = msg.chatType === "group"
    ? await chatLang(deps.store, msg.chat, deps.settings.defaultLang)
    : isLang(person?.lang) ? person.lang : deps.settings.defaultLang;
  const t = translator(lang);
  return {
    deps,
    msg,
    person,
    t,
    reply: (text, extra = {}) => say(deps, msg.chat, text, { ...(msg.chatType === "group" ? { replyTo: msg.messageId } : {}), ...extra }),
    sayTo: (chat, text) => say(deps, chat, text),
  };
}
