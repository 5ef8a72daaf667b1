// The Telegram adapter end to end: telegraf's real HTTP client against the fake Bot API server on 127.0.0.1.
import { afterEach, describe, expect, it } from "vitest";
import { telegramCommands } from "../../../src/adapters/telegram/index.js";
import { ChatSendError, type Inbound, type InboundAction, type InboundMessage } from "../../../src/chat/port.js";
import { telegramErrors } from "../../fakes/bot-api-server.js";
import { UpdateFactory } from "../../fakes/bot-api/update-factory.js";
import { ALICE, GROUP, type TelegramHarness, startTelegram } from "./harness.js";

let h: TelegramHarness;
afterEach(async () => {
  await h.close();
});

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChatSendError);
  return (error as ChatSendError).failure;
};

async function nextOf<K extends Inbound["kind"]>(kind: K): Promise<Extract<Inbound, { kind: K }>> {
  for (;;) {
    const event = await h.nextInbound();
    if (event.kind === kind) return event as Extract<Inbound, { kind: K }>;
  }
}

describe("Telegram adapter: start", () => {
  it("learns its identity with getMe and registers the Vietnamese and English command menus", async () => {
    h = await startTelegram({ deps: { commands: telegramCommands() } });
    expect(h.adapter.botInfo).toEqual({ id: h.api.bot.id, username: "dondoc_test_bot" });
    expect(h.api.commands.get("default:")?.map((c) => c.command)).toEqual(["start", "help", "donvi", "baocao", "quahan", "chuabaocao", "xuat", "lichsu", "danhsachdonvi", "ngonngu"]);
    expect(h.api.commands.get("default:")?.find((c) => c.command === "lichsu")?.description).toMatch(/Lịch sử/);
    expect(h.api.commands.get("default:en")?.find((c) => c.command === "lichsu")?.description).toMatch(/history/i);
    expect(h.api.commands.get("default:")?.[3]?.description).toMatch(/Báo cáo/);
    expect(h.api.commands.get("default:en")?.[3]?.description).toMatch(/report/i);
    await h.api.waitFor(() => h.api.callsOf("getUpdates").length > 0, 5000, "long polling");
    expect(h.api.callsOf("deleteWebhook")).not.toHaveLength(0);
  });
});

describe("Telegram adapter: sending", () => {
  it("sends plain text only (no parse_mode), so no name can break a message", async () => {
    h = await startTelegram();
    await h.adapter.send({ chat: h.groupChat, text: "Đơn vị <Phòng A&B> *chủ trì* _phối hợp_" });
    const [call] = h.api.callsOf("sendMessage");
    expect(call!.params.parse_mode).toBeUndefined();
    expect(h.api.botMessages(GROUP)[0]!.text).toBe("Đơn vị <Phòng A&B> *chủ trì* _phối hợp_");
  });

  it("maps migration, server errors, dropped connections and refused content to the port's failures", async () => {
    h = await startTelegram();
    h.api.failNext("sendMessage", telegramErrors.migrated(-100777));
    expect(await failureOf(h.adapter.send({ chat: h.groupChat, text: "x" }))).toEqual({ kind: "migrated", newChat: "telegram:-100777" });
    h.api.failNext("sendMessage", { httpStatus: 502 });
    expect((await failureOf(h.adapter.send({ chat: h.groupChat, text: "x" }))).kind).toBe("transient");
    h.api.failNext("sendMessage", { hangUp: true });
    expect((await failureOf(h.adapter.send({ chat: h.groupChat, text: "x" }))).kind).toBe("transient");
    expect(await failureOf(h.adapter.send({ chat: h.groupChat, text: "   " }))).toEqual({ kind: "rejected", reason: "Bad Request: message text is empty" });
    expect((await failureOf(h.adapter.send({ chat: "telegram:-999", text: "x" }))).kind).toBe("gone"); // chat not found
  });

  it("refuses button data over 64 bytes before calling Telegram", async () => {
    h = await startTelegram();
    const failure = await failureOf(h.adapter.send({ chat: h.groupChat, text: "x", buttons: [[{ label: "x", data: "đ".repeat(33) }]] }));
    expect(failure.kind).toBe("rejected");
    expect(h.api.callsOf("sendMessage")).toHaveLength(0);
  });

  it("splits text over 4,096 characters: reply on the first part, buttons on the last, ref to the last", async () => {
    h = await startTelegram();
    const task = await h.adapter.send({ chat: h.groupChat, text: "Nhiệm vụ" });
    const line = "Đơn vị chưa báo cáo: Phòng Tổng hợp <A&B>\n";
    const text = line.repeat(220); // ~9,500 characters
    const ref = await h.adapter.send({ chat: h.groupChat, text, replyTo: task.messageId, buttons: [[{ label: "Xuất", data: "xuat" }]] });
    const parts = h.api.botMessages(GROUP).slice(1);
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => p.text).join("\n")).toBe(text);
    expect(parts.every((p) => p.text!.length <= 4096)).toBe(true);
    expect(parts[0]!.reply_to_message?.message_id).toBe(Number(task.messageId));
    expect(parts[2]!.reply_markup?.inline_keyboard[0]![0]!.callback_data).toBe("xuat");
    expect(ref.messageId).toBe(String(parts[2]!.message_id));
  });

  it("sends a document with caption and buttons as multipart; the bytes arrive intact", async () => {
    h = await startTelegram();
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255, 10, 13]);
    const ref = await h.adapter.send({
      chat: h.privateChat,
      text: "Báo cáo <tuần> & tháng",
      file: { name: "bao-cao-quy-IV.xlsx", bytes },
      buttons: [[{ label: "OK", data: "ok" }]],
    });
    const message = h.shown(ref);
    expect(message.caption).toBe("Báo cáo <tuần> & tháng");
    expect(message.document?.file_name).toBe("bao-cao-quy-IV.xlsx");
    expect(message.reply_markup?.inline_keyboard[0]![0]!.text).toBe("OK");
    expect([...h.api.files.get(message.document!.file_id)!.bytes]).toEqual([...bytes]);
  });

  it("edits text and buttons; editing to identical content is reported as not_modified", async () => {
    h = await startTelegram();
    const ref = await h.adapter.send({ chat: h.groupChat, text: "⏳ Đang thực hiện", buttons: [[{ label: "✅ Hoàn thành", data: "done:1" }]] });
    await h.adapter.edit(ref, "✅ Đã hoàn thành (Nguyễn <Hoa>)");
    expect(h.shown(ref).text).toBe("✅ Đã hoàn thành (Nguyễn <Hoa>)");
    expect(h.shown(ref).reply_markup).toBeUndefined();
    expect(await failureOf(h.adapter.edit(ref, "✅ Đã hoàn thành (Nguyễn <Hoa>)"))).toEqual({ kind: "not_modified" });
  });
});

describe("Telegram adapter: receiving", () => {
  it("passes commands as text without this bot's @name, ignores commands for other bots, sees @mentions", async () => {
    h = await startTelegram();
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "/baocao@other_bot 12/KH" });
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "/baocao@dondoc_test_bot 12/KH-UBND" });
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "nhờ @dondoc_test_bot xem giúp" });
    const command = await nextOf("message");
    expect(command.text).toBe("/baocao 12/KH-UBND");
    const mention = await nextOf("message");
    expect(mention.mentionsBot).toBe(true);
    expect(command.mentionsBot).toBeUndefined();
    expect(h.recorder.events).toHaveLength(2);
  });

  it("reports the replied-to message with its text, and exposes eventId telegram:update:<id>", async () => {
    h = await startTelegram();
    const task = await h.adapter.send({ chat: h.groupChat, text: "Nhiệm vụ 2: rà soát" });
    const update = h.api.updates.text({ chat: GROUP, from: ALICE, text: "xong", replyTo: Number(task.messageId) });
    const event = await nextOf("message");
    expect(event.eventId).toBe(`telegram:update:${update.update_id}`);
    expect(event.replyTo).toEqual({ messageId: task.messageId, text: "Nhiệm vụ 2: rà soát", fromBot: true });
    // A reply to a person's message is a reply, but not to the bot.
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "cảm ơn", replyTo: Number(event.messageId) });
    expect((await nextOf("message")).replyTo).toEqual({ messageId: event.messageId, text: "xong" });
    expect(event.chatTitle).toBe("Phòng <Tổng hợp> & Kế hoạch");
  });

  it("gives documents as attachments whose fetch() downloads them via getFile", async () => {
    h = await startTelegram();
    const bytes = Buffer.from("%PDF-1.7 công văn 15/CV-UBND");
    h.api.updates.document({ chat: ALICE.id, from: ALICE, fileName: "15-CV-UBND.pdf", mime: "application/pdf", bytes, caption: "Chuyển đơn vị" });
    const event = await nextOf("message");
    expect(event.text).toBe("Chuyển đơn vị");
    expect(event.attachments).toHaveLength(1);
    const [file] = event.attachments;
    expect(file).toMatchObject({ name: "15-CV-UBND.pdf", mime: "application/pdf", size: bytes.length });
    expect(Buffer.from(await file!.fetch()).toString()).toBe(bytes.toString());
    expect(h.api.callsOf("getFile")).toHaveLength(1);
  });

  it("turns a button press into an action; answers it for the core when the core did not", async () => {
    h = await startTelegram({
      deps: {
        onInbound: async (event) => {
          h.recorder.events.push(event);
          if (event.kind === "action" && event.data === "done:1") {
            await event.answer("Đã ghi nhận");
            await event.answer("lần hai"); // harmless: Telegram takes one answer per press
          }
          if (event.kind === "action" && event.data === "boom") throw new Error("handler failed");
        },
      },
    });
    const task = await h.adapter.send({ chat: h.groupChat, text: "Nhiệm vụ", buttons: [[{ label: "✅", data: "done:1" }]] });
    const pressed = h.api.updates.callback({ chat: GROUP, from: ALICE, messageId: Number(task.messageId), data: "done:1" });
    const ignored = h.api.updates.callback({ chat: GROUP, from: ALICE, messageId: Number(task.messageId), data: "noop" });
    const failing = h.api.updates.callback({ chat: GROUP, from: ALICE, messageId: Number(task.messageId), data: "boom" });
    await h.api.waitFor(() => [...h.api.answers.values()].every((a) => a.answered), 5000, "answers");
    const id = (u: typeof pressed) => u.callback_query!.id;
    expect(h.api.answers.get(id(pressed))).toEqual({ answered: true, text: "Đã ghi nhận" });
    expect(h.api.answers.get(id(ignored))).toEqual({ answered: true });
    expect(h.api.answers.get(id(failing))).toEqual({ answered: true }); // even when the core's handler threw
    expect(h.api.callsOf("answerCallbackQuery").filter((c) => !c.ok)).toEqual([]);
    const action = h.recorder.events[0] as InboundAction;
    expect(action).toMatchObject({ kind: "action", chat: h.groupChat, messageId: task.messageId, data: "done:1", sender: h.user });
  });

  it("answers a press at once when it must wait behind slow work in the same chat", async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    h = await startTelegram({
      deps: {
        onInbound: async (event) => {
          if (event.kind === "message") await slow; // e.g. OCR of a scanned dispatch
          if (event.kind === "action") {
            seen.push(event.data);
            await event.answer("quá muộn"); // the press was already answered: a no-op, not an error
          }
        },
      },
    });
    const preview = await h.adapter.send({ chat: h.privateChat, text: "Xem trước", buttons: [[{ label: "Xác nhận", data: "confirm:1" }]] });
    h.api.updates.document({ chat: ALICE.id, from: ALICE, fileName: "scan.jpg", bytes: Buffer.from([0xff, 0xd8]) });
    const press = h.api.updates.callback({ chat: ALICE.id, from: ALICE, messageId: Number(preview.messageId), data: "confirm:1" });
    await h.api.waitFor(() => h.api.answers.get(press.callback_query!.id)!.answered, 5000, "the early answer");
    expect(seen).toEqual([]); // still queued behind the slow message, in order
    release();
    await h.adapter.idle();
    expect(seen).toEqual(["confirm:1"]);
    expect(h.api.answers.get(press.callback_query!.id)).toEqual({ answered: true });
    expect(h.api.callsOf("answerCallbackQuery")).toHaveLength(1);
  });

  it("reports the bot removed from and added to a group, and a group's migration to a supergroup", async () => {
    h = await startTelegram();
    h.api.updates.botRemoved(GROUP, ALICE, "kicked");
    h.api.updates.botAdded(-4002, ALICE, "Phòng Tài chính");
    h.api.updates.migrate(-4002, -1004002, ALICE);
    expect(await nextOf("membership")).toMatchObject({ chat: h.groupChat, status: "removed" });
    expect(await nextOf("membership")).toMatchObject({ chat: "telegram:-4002", status: "added", chatTitle: "Phòng Tài chính" });
    expect(await nextOf("migrated")).toMatchObject({ from: "telegram:-4002", to: "telegram:-1004002" });
    await h.adapter.idle();
    expect(h.recorder.events.map((e) => e.kind)).toEqual(["membership", "membership", "migrated"]); // no event for migrate_from
  });

  it("hands a redelivered update to the handler again with the same eventId (the core dedupes)", async () => {
    h = await startTelegram();
    const update = h.api.updates.text({ chat: GROUP, from: ALICE, text: "da xong" });
    const first = await nextOf("message");
    h.api.updates.again(update);
    const second = await nextOf("message");
    expect(second.eventId).toBe(first.eventId);
    expect(second.messageId).toBe(first.messageId);
  });

  it("does not let one chat's slow handling hold up other chats, and keeps each chat's order", async () => {
    const handled: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    h = await startTelegram({
      deps: {
        onInbound: async (event) => {
          if (event.kind !== "message") return;
          if (event.text === "ocr") await slow; // e.g. OCR of a scanned dispatch
          handled.push(`${event.chat}:${event.text}`);
        },
      },
    });
    const bob = UpdateFactory.user(502, "Trần", "Bình");
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "ocr" });
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "after ocr" });
    h.api.updates.text({ chat: bob.id, from: bob, text: "xin chào" });
    await h.api.waitFor(() => handled.length === 1, 5000, "the other chat");
    expect(handled).toEqual(["telegram:502:xin chào"]);
    h.api.updates.text({ chat: bob.id, from: bob, text: "còn đó không" }); // polling goes on meanwhile
    await h.api.waitFor(() => handled.length === 2, 5000, "polling to continue");
    release();
    await h.adapter.idle();
    expect(handled).toEqual(["telegram:502:xin chào", "telegram:502:còn đó không", `telegram:${GROUP}:ocr`, `telegram:${GROUP}:after ocr`]);
  });

  it("in webhook mode refuses posts without the secret token", async () => {
    h = await startTelegram({ webhook: true });
    const url = h.api.webhook!.url;
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, from: ALICE, text: "giả mạo" } }) });
    expect(res.status).toBe(403);
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "thật" });
    const event = (await h.nextInbound()) as InboundMessage;
    expect(event.text).toBe("thật");
    expect(h.recorder.events).toHaveLength(1);
  });
});

describe("Telegram adapter: stopping", () => {
  it("drains queued events on stop, but gives up on a stuck handler after the drain timeout", async () => {
    const handled: string[] = [];
    h = await startTelegram({
      deps: {
        onInbound: async (event) => {
          if (event.kind !== "message") return;
          if (event.text === "stuck") await new Promise(() => {});
          await new Promise((r) => setTimeout(r, 30));
          handled.push(event.text);
        },
      },
    });
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "a" });
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "b" });
    h.api.updates.text({ chat: ALICE.id, from: ALICE, text: "stuck" });
    await h.api.waitFor(() => h.api.pendingUpdates === 0 && h.api.callsOf("getUpdates").length >= 2, 5000, "updates fetched");
    await h.adapter.stop(300);
    expect(handled).toEqual(["a", "b"]);
    expect(h.errors.map((e) => e.context)).toEqual(["stop"]);
    h.adapter.stop = async () => {}; // already stopped; let afterEach close the fake only
  });
});

describe("Telegram adapter: privacy mode on (the default for a bot that is not a group admin)", () => {
  it("still receives commands, replies to its task messages and mentions; other group chatter never reaches it", async () => {
    h = await startTelegram({ api: { privacyMode: true } });
    const task = await h.adapter.send({ chat: h.groupChat, text: "Nhiệm vụ 1: báo cáo tuần" });
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "chuyện phiếm trong nhóm" });
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "da xong", replyTo: Number(task.messageId) });
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "/baocao" });
    h.api.updates.text({ chat: GROUP, from: ALICE, text: "@dondoc_test_bot còn việc gì?" });
    h.api.updates.text({ chat: ALICE.id, from: ALICE, text: "tin nhắn riêng" });
    const events: InboundMessage[] = [];
    for (let i = 0; i < 4; i++) events.push(await nextOf("message"));
    const inGroup = events.filter((e) => e.chat === h.groupChat).map((e) => e.text);
    expect(inGroup).toEqual(["da xong", "/baocao", "@dondoc_test_bot còn việc gì?"]); // chats run in parallel, each in order
    expect(events.filter((e) => e.chat === h.privateChat).map((e) => e.text)).toEqual(["tin nhắn riêng"]);
    await h.adapter.idle();
    expect(h.recorder.events).toHaveLength(4);
  });
});
