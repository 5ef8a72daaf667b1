import type { OutboxStore } from "../../src/chat/outbox.js";
import type { ChatAdapter, OutgoingMessage, SentRef } from "../../src/chat/port.js";
import type { Clock } from "../../src/clock.js";

/** An in-memory chat platform: records what each chat received and hands out message ids. */
export class MemoryChat implements ChatAdapter {
  readonly platform = "telegram" as const;
  readonly sent: Array<OutgoingMessage & { messageId: string }> = [];
  private next = 1000;
  failNext = 0;
  async send(message: OutgoingMessage): Promise<SentRef> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("network down");
    }
    const messageId = String(++this.next);
    this.sent.push({ ...message, messageId });
    return { chat: message.chat, messageId };
  }
  inChat(chat: string): Array<OutgoingMessage & { messageId: string }> {
    return this.sent.filter((m) => m.chat === chat);
  }
}

/** The smallest delivery loop (the real worker lives in src/chat/delivery): send what is due, mark it sent. */
export async function deliver(outbox: OutboxStore, chat: ChatAdapter, clock: Clock): Promise<number> {
  let count = 0;
  for (;;) {
    const due = await outbox.due(clock.now(), 50);
    if (due.length === 0) return count;
    for (const item of due) {
      if (item.payload.op !== "send") continue;
      const ref = await chat.send({ chat: item.chat, text: item.payload.text, ...(item.payload.buttons ? { buttons: item.payload.buttons } : {}) });
      await outbox.markSent(item.id, ref, clock.now());
      count++;
    }
  }
}
