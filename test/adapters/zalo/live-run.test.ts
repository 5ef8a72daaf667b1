// What zca-js 2.2.0 and Zalo really do on a first live run (issue 11), one test per row, against a fake that does
// the same: an "error" after the listener is let go, zca-js's own reconnects ("connected" again on the same Listener),
// 3000 when the account is opened in Zalo Web, a "file_done" that never comes, and the codes 123 and 114.
import { afterEach, describe, expect, it } from "vitest";
import { CloseReason } from "zca-js";
import { PNG } from "pngjs";
import { describeSessionProblem } from "../../../src/adapters/zalo/index.js";
import { ChatSendError, type InboundMessage } from "../../../src/chat/port.js";
import { translator } from "../../../src/i18n.js";
import { GROUP_ID, groupMessage, qrPng, settle, USER_UID, userMessage } from "./fake-zalo.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const messages = (hh: Harness) => hh.inbound.filter((e): e is InboundMessage => e.kind === "message");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return;
    await sleep(2);
  }
  throw new Error(`timed out waiting for ${what}`);
}
async function failureOf(p: Promise<unknown>): Promise<ChatSendError["failure"]> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ChatSendError);
  return (error as ChatSendError).failure;
}

describe("row 2: a first login that fails never ends the adapter", () => {
  it("the saved session refused at boot (QR not allowed): start() returns, login is retried in the background", async () => {
    h = await startHarness({ start: false, adapter: { allowQrLogin: false }, setup: (z) => (z.failLogins = 2) });
    await h.adapter.start();
    await until(() => h.adapter.online, "the background login");
    expect(h.zalo.loginCalls).toHaveLength(3);
    expect(h.problems.map((p) => p.kind)).toEqual(["login_failed", "login_failed"]);
  });
});

describe("row 1: letting a listener go", () => {
  it("stop() while the WebSocket is still connecting: zca-js's late 'error' finds a handler (no process crash)", async () => {
    h = await startHarness({ setup: (z) => (z.connectDelayMs = 50) });
    expect(h.zalo.current.listener.state).toBe("connecting");
    await h.adapter.stop();
    await sleep(80);
    expect(h.zalo.uncaught).toEqual([]);
  });

  it("a zca-js retry timer never brings a let-go listener back to kick the live one with 3000", async () => {
    h = await startHarness({ setup: (z) => (z.retryDelayMs = 40) });
    await settle();
    const first = h.zalo.current.listener;
    first.drop(); // 1006: zca-js will call first.start() again in 40 ms
    h.zalo.current.dead = true; // … and meanwhile a send finds the session expired: dondoc logs in again
    await failureOf(h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "x" }));
    await until(() => h.adapter.online && h.zalo.sessions.length === 2, "the new session");
    await sleep(100);
    expect(first.starts).toBe(1);
    expect(h.zalo.sessions[1]!.listener.state).toBe("open");
    expect(h.problems.filter((p) => p.kind === "closed").map((p) => (p as { code: number }).code)).toEqual([0]);
    expect(h.adapter.online).toBe(true);
    expect(h.zalo.uncaught).toEqual([]);
  });
});

describe("row 3: group history is gone (404)", () => {
  it("after an outage, a group seen before is caught up from old_messages, not the removed /api/group/history", async () => {
    let clock = 1763823000000;
    h = await startHarness({ adapter: { now: () => clock, oldMessagesTimeoutMs: 10, wait: async (ms) => void (clock += ms) } });
    h.zalo.receive(groupMessage("group-text", { ts: String(clock - 1000) }));
    await settle();
    const ownPost = groupMessage("group-text", { uidFrom: "0", msgId: "7406830000009", cliMsgId: "1763823004321", ts: String(clock + 500), content: "Nhiệm vụ 1" });
    const missed = groupMessage("group-quote-reply", { ts: String(clock + 2000) });
    h.zalo.oldMessages = [ownPost, missed];
    h.zalo.closeSession();
    await until(() => h.problems.some((p) => p.kind === "reconnected"), "the catch-up");
    expect(h.zalo.historyCalls).toEqual([]);
    expect(messages(h).map((m) => m.messageId)).toEqual(["7406832168330", missed.data.msgId]);
    expect(h.adapter.snapshot(`zalo:g:${GROUP_ID}`, "7406830000009")?.cliMsgId).toBe("1763823004321"); // learnt exactly
  });
});

describe("row 4: zca-js's own reconnects", () => {
  it("each network drop (1006, retried by zca-js) gets its own catch-up from its own down time; admins are not told", async () => {
    let clock = 1763823000000;
    h = await startHarness({ adapter: { now: () => clock, oldMessagesTimeoutMs: 20 }, setup: (z) => (z.retryDelayMs = 5) });
    const listener = h.zalo.current.listener;
    await until(() => listener.state === "open", "connected");
    // First drop at T1: while down, someone writes.
    listener.drop();
    const missed = userMessage("user-text", { ts: String(clock + 2000) });
    h.zalo.oldMessages = [missed];
    clock += 10_000;
    await until(() => listener.oldRequests.length === 2, "the first catch-up");
    await until(() => messages(h).length === 1, "the missed message");
    // Second drop, an hour later: the catch-up reads from this drop, not the first.
    clock += 3_600_000;
    const stale = groupMessage("group-text", { ts: String(clock - 1_800_000) }); // before this drop: not caught up
    const fresh = groupMessage("group-file", { ts: String(clock + 1000) });
    h.zalo.oldMessages = [stale, fresh];
    listener.drop();
    await until(() => listener.oldRequests.length === 4, "the second catch-up");
    await until(() => messages(h).length === 2, "the second missed message");
    await sleep(30);
    expect(messages(h).map((m) => m.messageId)).toEqual([missed.data.msgId, fresh.data.msgId]);
    expect(listener.starts).toBe(3); // the same Listener, restarted by zca-js
    expect(h.zalo.sessions).toHaveLength(1);
    expect(h.problems).toEqual([]);
  });

  it("after a re-login, a later zca-js reconnect does not announce the old outage again", async () => {
    let clock = 1763823000000;
    h = await startHarness({ adapter: { now: () => clock, oldMessagesTimeoutMs: 10, wait: async (ms) => void (clock += ms) }, setup: (z) => (z.retryDelayMs = 5) });
    await settle();
    h.zalo.closeSession(); // zca-js gave up: dondoc logs in again and announces it
    await until(() => h.problems.some((p) => p.kind === "reconnected"), "the re-login");
    const listener = h.zalo.current.listener;
    listener.drop();
    await until(() => listener.starts === 2 && listener.state === "open", "zca-js's reconnect");
    await sleep(50);
    expect(h.problems.filter((p) => p.kind === "reconnected")).toHaveLength(1);
  });
});

describe("row 5: the account opened in another Zalo Web session (3000/3003)", () => {
  it("does not log straight back in: tells admins, waits an hour (or a restart)", async () => {
    const waits: number[] = [];
    h = await startHarness({ adapter: { wait: (ms) => (waits.push(ms), new Promise(() => {})) } });
    await settle();
    h.zalo.closeSession(CloseReason.DuplicateConnection, "");
    await until(() => h.problems.length > 0, "the notice");
    await sleep(30);
    expect(waits).toEqual([3_600_000]);
    expect(h.zalo.loginCalls).toHaveLength(1);
    expect(h.adapter.online).toBe(false);
    expect(h.problems).toEqual([{ kind: "closed", code: 3000, reason: "", attempt: 1, retryInMs: 3_600_000 }]);
    const text = describeSessionProblem(h.problems[0]!, translator("vi"));
    expect(text).toContain("khởi động lại dondoc");
    expect(text).toContain("60 phút");
  });

  it("after the hour it tries the saved session only, never a QR (nobody would scan it)", async () => {
    h = await startHarness({ adapter: { qrAfterAttempts: 0 } });
    await settle();
    h.zalo.failLogins = 1;
    h.zalo.closeSession(CloseReason.KickConnection, "");
    await until(() => h.adapter.online, "the saved session after the wait");
    expect(h.waits).toEqual([3_600_000, 3_600_000]);
    expect(h.problems.some((p) => p.kind === "qr_required")).toBe(false);
  });
});

describe("row 7: a file send whose upload is never confirmed", () => {
  it("times out as transient instead of blocking the chat's outbox", async () => {
    h = await startHarness({ adapter: { fileSendTimeoutMs: 50 }, setup: (z) => (z.fileDoneNever = true) });
    await settle();
    const file = { name: "bao-cao.xlsx", bytes: new Uint8Array([1, 2, 3]) };
    const failure = await failureOf(h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "Báo cáo", file }));
    expect(failure.kind).toBe("transient");
    expect(h.zalo.hangingUploads).toBe(1);
  });

  it("stop() ends a file send still waiting (the outbox keeps the message for the next start)", async () => {
    h = await startHarness({ setup: (z) => (z.fileDoneNever = true) });
    await settle();
    const file = { name: "bao-cao.pdf", bytes: new Uint8Array([1, 2, 3]) };
    const sending = failureOf(h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "Báo cáo", file }));
    await settle();
    const stopped = h.adapter.stop().then(() => "stopped");
    expect(await Promise.race([stopped, sleep(1000).then(() => "hung")])).toBe("stopped");
    expect((await Promise.race([sending, sleep(1000).then(() => ({ kind: "hung" }))])).kind).toBe("transient");
  });
});

describe("row 8: Zalo's error codes", () => {
  it("123 from one recipient: waited on twice, then the chat is gone and admins are told", async () => {
    h = await startHarness();
    h.zalo.cannotReceive.set(USER_UID, 0);
    const chat = `zalo:u:${USER_UID}`;
    expect((await failureOf(h.adapter.send({ chat, text: "Nhắc việc" }))).kind).toBe("rate_limited");
    expect((await failureOf(h.adapter.send({ chat, text: "Nhắc việc" }))).kind).toBe("rate_limited");
    expect((await failureOf(h.adapter.send({ chat, text: "Nhắc việc" }))).kind).toBe("gone");
    expect(h.problems).toEqual([{ kind: "refused", chat, attempts: 3 }]);
    expect(describeSessionProblem(h.problems[0]!, translator("vi"))).toContain(chat);
    // Another chat is not affected by this one's count.
    await h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "ok" });
  });

  it("114 (bad quote fields): the reply goes out without the quote", async () => {
    h = await startHarness();
    h.zalo.receive(groupMessage("group-text"));
    await settle();
    await h.adapter.idle();
    h.zalo.rejectQuotes = true;
    const ref = await h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "Đã ghi nhận", replyTo: "7406832168330" });
    expect(ref.messageId).toBeTruthy();
    expect(h.zalo.sent).toHaveLength(1);
    expect(h.zalo.sent[0]!.content.quote).toBeUndefined();
    expect(h.zalo.sent[0]!.content.msg).toBe("Đã ghi nhận");
  });

  it("zca-js's own validation errors (no code) are permanent: the message is not retried for ever", async () => {
    h = await startHarness();
    // A snapshot the core persisted for a message whose content is not text, with msgType webchat: zca-js refuses it.
    h.adapter.remember({ chat: `zalo:g:${GROUP_ID}`, msgId: "1", cliMsgId: "2", uidFrom: USER_UID, msgType: "webchat", content: { title: "x" } as never, ts: "3", ttl: 0 });
    const failure = await failureOf(h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "x", replyTo: "1" }));
    expect(failure.kind).toBe("rejected");
  });
});

describe("row 9: the smaller ones", () => {
  it("an image from memory goes with its width and height, and '.JPG' keeps its caption (extension lower-cased)", async () => {
    h = await startHarness();
    await settle();
    const png = qrPng("https://example.gov.vn", 4, 2);
    const { width, height } = PNG.sync.read(png);
    await h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "Ảnh biên bản", file: { name: "BIEN-BAN.PNG", bytes: new Uint8Array(png) } });
    const attachment = (h.zalo.sent[0]!.content.attachments as Array<{ filename: string; metadata: Record<string, number> }>)[0]!;
    expect(attachment.filename).toBe("BIEN-BAN.png");
    expect(attachment.metadata).toEqual({ totalSize: png.byteLength, width, height });
  });
});
