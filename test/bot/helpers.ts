import type { OutboxItem } from "../../src/chat/outbox.js";
import type { ChatId, InboundAction, InboundMessage } from "../../src/chat/port.js";
import { createBot, type Bot } from "../../src/bot/index.js";
import type { BotDeps } from "../../src/bot/deps.js";
import { readDispatch } from "../../src/dispatch/reader.js";
import { extractText } from "../../src/ingest/index.js";
import { silentLogger } from "../../src/logger.js";
import { world, type World } from "../tracking/helpers.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BotWorld extends World {
  bot: Bot;
  deps: BotDeps;
  /** Delivers every due outbox item (as a platform would), returning them with the message ids they got. */
  deliver(): Promise<Array<OutboxItem & { messageId: string }>>;
  message(chat: ChatId, sender: string, text: string, extra?: Partial<InboundMessage>): Promise<void>;
  press(chat: ChatId, sender: string, messageId: string, data: string): Promise<string[]>;
}

let seq = 0;

export async function botWorld(): Promise<BotWorld> {
  const w = await world();
  const deps: BotDeps = {
    store: w.store,
    clock: w.clock,
    logger: silentLogger,
    readDispatch: (text, refDate) => readDispatch(text, { refDate }),
    extractText: (bytes, name) => extractText(bytes, name),
    settings: {
      defaultLang: "vi",
      botUsernames: { telegram: "dondoc_bot" },
      maxMessageLength: { telegram: 4096, zalo: 2000 },
      maxFileBytes: 20 * 1024 * 1024,
      filesDir: mkdtempSync(join(tmpdir(), "dondoc-files-")),
      // Parts of a pasted text join until deliver() (bot.idle flushes them): no race with the database's latency.
      joinQuietMs: 60_000,
      editablePlatforms: ["telegram"],
    },
  };
  const bot = createBot(deps);
  let messageNo = 1000;
  return {
    ...w,
    bot,
    deps,
    async deliver() {
      await bot.idle();
      const out: Array<OutboxItem & { messageId: string }> = [];
      for (;;) {
        const due = await w.store.outbox.due(new Date(w.clock.now().getTime() + 1), 1000);
        if (due.length === 0) return out;
        for (const item of due) {
          const messageId = item.payload.op === "edit" ? item.payload.messageId : String(++messageNo);
          await w.store.outbox.markSent(item.id, { chat: item.chat, messageId }, w.clock.now());
          out.push({ ...item, messageId });
        }
      }
    },
    async message(chat, sender, text, extra = {}) {
      const id = ++seq;
      await bot.handle({
        kind: "message", eventId: `test:${id}`, chat, chatType: chat.startsWith("telegram:-") ? "group" : "private",
        messageId: `in-${id}`, sender: { id: sender, name: sender }, text, attachments: [], at: w.clock.now(), ...extra,
      });
    },
    async press(chat, sender, messageId, data) {
      const answers: string[] = [];
      const action: InboundAction = {
        kind: "action", eventId: `test:${++seq}`, chat, chatType: chat.startsWith("telegram:-") ? "group" : "private",
        messageId, sender: { id: sender, name: sender }, data, at: w.clock.now(),
        answer: async (text) => { answers.push(text ?? ""); },
      };
      await bot.handle(action);
      return answers;
    },
  };
}

export const textOf = (item: OutboxItem): string => (item.payload.op === "send" || item.payload.op === "edit" ? item.payload.text : "");
export const buttonsOf = (item: OutboxItem): string[] => ("buttons" in item.payload ? (item.payload.buttons ?? []) : []).flat().map((b) => b.data);
