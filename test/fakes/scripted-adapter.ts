/**
 * An in-process ChatAdapter for delivery unit tests: records what it was asked to send and fails on script with the
 * port's own errors. End-to-end tests use the real Telegram adapter against the fake Bot API instead.
 */
import {
  type Button,
  type ChatAdapter,
  type ChatId,
  ChatSendError,
  type OutgoingMessage,
  type Platform,
  type SendFailure,
  type SentRef,
} from "../../src/chat/port.js";

export class ScriptedAdapter implements ChatAdapter {
  readonly sent: OutgoingMessage[] = [];
  readonly edits: Array<{ ref: SentRef; text: string; buttons?: Button[][] }> = [];
  private readonly script: Array<{ chat?: ChatId; failure: SendFailure | Error }> = [];
  private nextId = 1;
  /** Milliseconds each call takes. */
  delayMs = 0;
  edit?: (ref: SentRef, text: string, buttons?: Button[][]) => Promise<void>;

  constructor(readonly platform: Platform = "telegram", options: { canEdit?: boolean } = {}) {
    if (options.canEdit ?? true) {
      this.edit = async (ref, text, buttons) => {
        await this.step(ref.chat);
        this.edits.push({ ref, text, ...(buttons ? { buttons } : {}) });
      };
    }
  }

  /** The next call (to `chat`, if given) fails with `failure` (a SendFailure, or any Error for a bug/network). */
  failNext(failure: SendFailure | Error, chat?: ChatId, times = 1): void {
    for (let i = 0; i < times; i++) this.script.push({ failure, ...(chat ? { chat } : {}) });
  }

  async send(message: OutgoingMessage): Promise<SentRef> {
    await this.step(message.chat);
    this.sent.push(message);
    return { chat: message.chat, messageId: String(this.nextId++) };
  }

  textsTo(chat: ChatId): string[] {
    return this.sent.filter((m) => m.chat === chat).map((m) => m.text);
  }

  private async step(chat: ChatId): Promise<void> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const i = this.script.findIndex((s) => s.chat === undefined || s.chat === chat);
    if (i === -1) return;
    const [{ failure }] = this.script.splice(i, 1) as [{ failure: SendFailure | Error }];
    throw failure instanceof Error ? failure : new ChatSendError(failure);
  }
}
