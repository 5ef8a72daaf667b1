/**
 * The chat port contract (src/chat/port.ts): what every ChatAdapter must do, whatever the platform. Each adapter runs
 * this same suite against a fake of its platform; the core relies on nothing beyond it.
 *
 * Usage, in a test file of the adapter (see test/adapters/telegram/contract.test.ts):
 *
 *   chatPortContract("zalo", async () => {
 *     const fake = await startFakeZalo();                 // your fake of the platform
 *     const events = inboundRecorder();                  // collects what the adapter hands to its InboundHandler
 *     const adapter = await createZaloAdapter({ ..., onInbound: events.handler });
 *     return { adapter, nextInbound: events.next, groupChat, privateChat, user, platform: {...}, close };
 *   }, { buttons: false, edit: false, failures: ["gone"] });
 *
 * A fresh harness is built for every test and closed after it. `inboundRecorder()` below is the usual way to give the
 * suite its `nextInbound`. The API of this file is stable: new checks may be added, signatures stay.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type Button,
  type ChatAdapter,
  type ChatId,
  ChatSendError,
  type Inbound,
  type InboundHandler,
  type InboundMessage,
  NotImplementedError,
  type Sender,
  type SentRef,
} from "../../src/chat/port.js";

/** What the harness lets the suite see and do on the fake platform, as a person in the chat would. */
export interface ContractPlatform {
  /** The text of a message the bot sent, as people see it (markup rendered, entities dropped). */
  shownText(ref: SentRef): Promise<string>;
  /** The buttons under a sent message as the platform holds them (label + data), undefined when it has none. */
  shownButtons(ref: SentRef): Promise<Button[][] | undefined>;
  /** The platform message id a sent message replies to / quotes, undefined when it is not a reply. */
  repliedTo(ref: SentRef): Promise<string | undefined>;
  /** The contract's `user` writes `text` in `chat` (optionally replying to a message); the platform tells the bot. */
  userSends(input: { chat: ChatId; text: string; replyTo?: string }): Promise<void>;
  /** Make the next send to `chat` fail as the platform would. Only kinds listed in `options.failures` are asked for. */
  failNextSend(chat: ChatId, kind: ContractFailure): void;
  /** The contract's `user` sends a file (caption optional). Needed only with `options.files` (added later, optional). */
  userSendsFile?(input: { chat: ChatId; name: string; bytes: Uint8Array; mime?: string; caption?: string }): Promise<void>;
}

export type ContractFailure = "rate_limited" | "gone";

export interface ChatPortHarness {
  /** The adapter under test, started and connected to the fake platform, its InboundHandler wired by the harness. */
  adapter: ChatAdapter;
  /** A group chat and a private chat with `user`, both of which the bot is a member of. */
  groupChat: ChatId;
  privateChat: ChatId;
  /** A person in both chats; `id` and `name` are what the adapter must report as Sender. */
  user: Sender;
  /** The next event the adapter handed to its InboundHandler (rejects after timeoutMs, default 5 s). */
  nextInbound(timeoutMs?: number): Promise<Inbound>;
  platform: ContractPlatform;
  close(): Promise<void>;
}

export interface ContractOptions {
  /** The platform shows buttons under messages (default true). When false, sending with buttons must still work. */
  buttons?: boolean;
  /** Which failures the fake platform can produce on demand (default: both). */
  failures?: ContractFailure[];
  /** The harness implements platform.userSendsFile, so inbound attachments are checked (default false). */
  files?: boolean;
}

/** Collects inbound events; hand `handler` to the adapter and `next` to the suite. */
export function inboundRecorder(): { handler: InboundHandler; next: (timeoutMs?: number) => Promise<Inbound>; events: Inbound[] } {
  const events: Inbound[] = [];
  let read = 0;
  const waiters: Array<() => void> = [];
  const handler: InboundHandler = async (event) => {
    events.push(event);
    waiters.splice(0).forEach((wake) => wake());
  };
  const next = async (timeoutMs = 5000): Promise<Inbound> => {
    const deadline = Date.now() + timeoutMs;
    while (read >= events.length) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no inbound event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return events[read++]!;
  };
  return { handler, next, events };
}

/** Text that breaks any markup that is not escaped: HTML tags and entities, Markdown emphasis, Vietnamese. */
export const HOSTILE_TEXT = "Phòng <A&B> *đậm* _nghiêng_ </b> &amp; 1<2 > 0 [link](x) `code` Uỷ ban";

async function nextMessage(h: ChatPortHarness): Promise<InboundMessage> {
  for (;;) {
    const event = await h.nextInbound();
    if (event.kind === "message") return event;
  }
}

async function sendError(promise: Promise<unknown>): Promise<ChatSendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ChatSendError);
    return error as ChatSendError;
  }
  throw new Error("expected the send to fail");
}

export function chatPortContract(name: string, factory: () => Promise<ChatPortHarness>, options: ContractOptions = {}): void {
  const buttons = options.buttons ?? true;
  const failures = options.failures ?? ["rate_limited", "gone"];

  describe(`chat port contract: ${name}`, () => {
    let h: ChatPortHarness;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.close();
    });

    it("send returns a SentRef in the same chat that a later send can reply to", async () => {
      const first = await h.adapter.send({ chat: h.groupChat, text: "Nhiệm vụ 1" });
      expect(first.chat).toBe(h.groupChat);
      expect(first.messageId).toMatch(/\S/);
      expect(await h.platform.shownText(first)).toBe("Nhiệm vụ 1");
      const reply = await h.adapter.send({ chat: h.groupChat, text: "Nhắc việc", replyTo: first.messageId });
      expect(reply.messageId).not.toBe(first.messageId);
      expect(await h.platform.repliedTo(reply)).toBe(first.messageId);
      expect(await h.platform.repliedTo(first)).toBeUndefined();
    });

    it("sends buttons with their data", async () => {
      const rows: Button[][] = [[{ label: "✅ Hoàn thành", data: "done:42" }, { label: "📝 Cập nhật tiến độ", data: "note:42" }]];
      const ref = await h.adapter.send({ chat: h.groupChat, text: "Nhiệm vụ có nút", buttons: rows });
      if (buttons) expect(await h.platform.shownButtons(ref)).toEqual(rows);
      else expect(await h.platform.shownText(ref)).toContain("Nhiệm vụ có nút");
    });

    it("edits a sent message, or says it cannot with NotImplementedError; identical content is harmless", async () => {
      const ref = await h.adapter.send({ chat: h.groupChat, text: "Trạng thái: đang làm" });
      if (!h.adapter.edit) {
        expect(h.adapter.edit).toBeUndefined(); // the capability is absent: the core must not call it
        return;
      }
      try {
        await h.adapter.edit(ref, "Trạng thái: đã xong <A&B>");
      } catch (error) {
        expect(error).toBeInstanceOf(NotImplementedError);
        return;
      }
      expect(await h.platform.shownText(ref)).toBe("Trạng thái: đã xong <A&B>");
      try {
        await h.adapter.edit(ref, "Trạng thái: đã xong <A&B>");
      } catch (error) {
        expect(error).toBeInstanceOf(ChatSendError);
        expect((error as ChatSendError).failure.kind).toBe("not_modified");
      }
    });

    it("shows user text with < > & * _ exactly as given, in text, buttons and edits", async () => {
      const ref = await h.adapter.send({
        chat: h.privateChat,
        text: HOSTILE_TEXT,
        buttons: [[{ label: "<A&B> *x*", data: "u:<&>" }]],
      });
      expect(await h.platform.shownText(ref)).toBe(HOSTILE_TEXT);
      if (buttons) expect(await h.platform.shownButtons(ref)).toEqual([[{ label: "<A&B> *x*", data: "u:<&>" }]]);
      if (h.adapter.edit) {
        const edited = await h.adapter.edit(ref, `${HOSTILE_TEXT} ✓`).then(
          () => true,
          (error: unknown) => {
            expect(error).toBeInstanceOf(NotImplementedError);
            return false;
          },
        );
        if (edited) expect(await h.platform.shownText(ref)).toBe(`${HOSTILE_TEXT} ✓`);
      }
    });

    it("turns a person's message into an Inbound message with sender, chat and unchanged text", async () => {
      await h.platform.userSends({ chat: h.groupChat, text: HOSTILE_TEXT });
      const event = await nextMessage(h);
      expect(event.chat).toBe(h.groupChat);
      expect(event.chatType).toBe("group");
      expect(event.sender).toEqual(h.user);
      expect(event.text).toBe(HOSTILE_TEXT);
      expect(event.eventId).toMatch(/\S/);
      expect(event.messageId).toMatch(/\S/);
      expect(event.replyTo).toBeUndefined();
      expect(event.attachments).toEqual([]);
      expect(event.at).toBeInstanceOf(Date);

      await h.platform.userSends({ chat: h.privateChat, text: "xin chào" });
      const second = await nextMessage(h);
      expect(second.chatType).toBe("private");
      expect(second.chat).toBe(h.privateChat);
      expect(second.eventId).not.toBe(event.eventId);
    });

    it("reports which bot message a person replied to, by the SentRef's messageId", async () => {
      const task = await h.adapter.send({ chat: h.groupChat, text: "Nhiệm vụ 3: báo cáo quý" });
      await h.platform.userSends({ chat: h.groupChat, text: "da xong", replyTo: task.messageId });
      const event = await nextMessage(h);
      expect(event.text).toBe("da xong");
      expect(event.replyTo?.messageId).toBe(task.messageId);
    });

    it.runIf(options.files ?? false)("gives a person's file as an attachment whose fetch() returns its bytes", async () => {
      if (!h.platform.userSendsFile) throw new Error("options.files is set but the harness has no platform.userSendsFile");
      const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff]);
      await h.platform.userSendsFile({ chat: h.groupChat, name: "15-CV-UBND <mật>.pdf", bytes, mime: "application/pdf", caption: "Công văn đến" });
      const event = await nextMessage(h);
      expect(event.chat).toBe(h.groupChat);
      expect(event.attachments).toHaveLength(1);
      expect(event.attachments[0]!.name).toBe("15-CV-UBND <mật>.pdf");
      expect([...(await event.attachments[0]!.fetch())]).toEqual([...bytes]);
    });

    it.runIf(failures.includes("rate_limited"))("classifies a rate limit as rate_limited with a wait", async () => {
      h.platform.failNextSend(h.groupChat, "rate_limited");
      const error = await sendError(h.adapter.send({ chat: h.groupChat, text: "quá nhanh" }));
      expect(error.failure.kind).toBe("rate_limited");
      if (error.failure.kind === "rate_limited") expect(error.failure.retryAfterMs).toBeGreaterThan(0);
      const ok = await h.adapter.send({ chat: h.groupChat, text: "lần sau" });
      expect(await h.platform.shownText(ok)).toBe("lần sau");
    });

    it.runIf(failures.includes("gone"))("classifies a chat the bot was removed from as gone", async () => {
      h.platform.failNextSend(h.groupChat, "gone");
      const error = await sendError(h.adapter.send({ chat: h.groupChat, text: "còn ai không" }));
      expect(error.failure.kind).toBe("gone");
    });
  });
}
