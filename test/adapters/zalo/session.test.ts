import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { CloseReason, ThreadType } from "zca-js";
import { describeSessionProblem, type ZaloSessionProblem } from "../../../src/adapters/zalo/index.js";
import { CredentialsFileError, readCredentials, writeCredentials } from "../../../src/adapters/zalo/credentials.js";
import { ZaloLoginError } from "../../../src/adapters/zalo/login.js";
import { qrPngToTerminal } from "../../../src/adapters/zalo/qr-terminal.js";
import { ChatSendError, type InboundMessage } from "../../../src/chat/port.js";
import { translator } from "../../../src/i18n.js";
import { GROUP_ID, groupMessage, qrPng, settle, USER_UID, userMessage } from "./fake-zalo.js";
import { SAVED_CREDENTIALS, startHarness, type Harness } from "./harness.js";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const mode = (path: string) => statSync(path).mode & 0o777;
const messages = (hh: Harness) => hh.inbound.filter((e): e is InboundMessage => e.kind === "message");
const kinds = (problems: ZaloSessionProblem[]) => problems.map((p) => p.kind);

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("Zalo login and the saved session", () => {
  it("logs in with the saved session and keeps the refreshed cookies, file mode 0600 in a 0700 folder", async () => {
    h = await startHarness();
    expect(h.zalo.loginCalls).toEqual([SAVED_CREDENTIALS]);
    expect(h.adapter.online).toBe(true);
    const saved = JSON.parse(readFileSync(h.credentialsPath, "utf8"));
    expect(saved.imei).toBe(SAVED_CREDENTIALS.imei);
    expect(saved.cookie[0].value).toBe("refreshed-1");
    expect(mode(h.credentialsPath)).toBe(0o600);
    expect(mode(`${h.dir}/data`)).toBe(0o700);
    expect(h.zalo.current.listener.starts).toBe(1);
  });

  it("writes credentials 0600 even over a world-readable file, atomically", async () => {
    h = await startHarness({ start: false });
    writeFileSync(h.credentialsPath, "{}", { mode: 0o644 });
    await writeCredentials(h.credentialsPath, SAVED_CREDENTIALS as never);
    expect(mode(h.credentialsPath)).toBe(0o600);
    expect(await readCredentials(h.credentialsPath)).toEqual(SAVED_CREDENTIALS);
  });

  it("says what is wrong with a corrupt credentials file instead of logging in with it", async () => {
    h = await startHarness({ start: false });
    writeFileSync(h.credentialsPath, "{ not json");
    await expect(h.adapter.start()).rejects.toBeInstanceOf(CredentialsFileError);
    writeFileSync(h.credentialsPath, JSON.stringify({ imei: "x" }));
    await expect(readCredentials(h.credentialsPath)).rejects.toThrow(/cookie\/imei\/userAgent/);
    expect(h.zalo.loginCalls).toEqual([]);
  });

  it("with no saved session, logs in by QR: PNG saved for a remote admin, QR drawn in the terminal, session saved 0600", async () => {
    h = await startHarness({ saved: false });
    await until(() => h.adapter.online, "the QR login");
    expect(h.zalo.loginCalls).toEqual([]);
    expect(readFileSync(h.qrPath)).toEqual(h.zalo.qr.png);
    expect(h.printed).toHaveLength(1);
    // The drawing is the same QR, re-encoded from the text read out of the PNG.
    const require = createRequire(import.meta.url);
    const qrcodeTerminal = require("qrcode-terminal") as { generate(t: string, o: { small: boolean }, cb: (s: string) => void): void };
    let expected = "";
    qrcodeTerminal.generate("https://id.zalo.me/qr/fake-login-code", { small: true }, (s) => (expected = s));
    expect(h.printed[0]).toContain(expected);
    expect(h.printed[0]).toContain(h.qrPath);
    expect(h.problems).toEqual([{ kind: "qr_required", pngPath: h.qrPath, png: h.zalo.qr.png }]);
    expect(JSON.parse(readFileSync(h.credentialsPath, "utf8"))).toMatchObject({ imei: "imei-from-qr", userAgent: "Mozilla/5.0 (fake)" });
    expect(mode(h.credentialsPath)).toBe(0o600);
  });

  it("start() returns once a QR is on offer: the login goes on in the background", async () => {
    let scan!: () => void;
    h = await startHarness({ saved: false, start: false, setup: (z) => (z.qr.scan = new Promise<void>((resolve) => (scan = resolve))) });
    await h.adapter.start();
    expect(h.adapter.online).toBe(false);
    expect(kinds(h.problems)).toEqual(["qr_required"]);
    scan();
    await until(() => h.adapter.online, "the scan");
  });

  it("refreshes an expired QR within a round, then offers fresh rounds in the background; admins told once a round", async () => {
    h = await startHarness({ saved: false, start: false, setup: (z) => (z.qr.expireTimes = 2) });
    await h.adapter.start();
    await until(() => h.adapter.online, "login after two expired QRs");
    expect(h.printed).toHaveLength(3);
    expect(kinds(h.problems)).toEqual(["qr_required"]);
    await h.close();
    // Rounds of 1 + 1 QRs: rounds 1 and 2 expire unscanned (zca-js: ZaloApiLoginQRAborted), round 3's second QR is scanned.
    h = await startHarness({ saved: false, start: false, setup: (z) => (z.qr.expireTimes = 5), adapter: { qrRefreshes: 1 } });
    await h.adapter.start();
    await until(() => h.adapter.online, "login in the third round");
    expect(h.printed).toHaveLength(6);
    expect(kinds(h.problems)).toEqual(["qr_required", "qr_required", "qr_required"]);
    expect(h.waits).toEqual([5000, 10_000]);
  });

  it("a QR nobody ever scans (100 s each, here 20 ms) never ends the adapter: rounds go on until stop(), then none", async () => {
    h = await startHarness({ saved: false, start: false, setup: (z) => Object.assign(z.qr, { lifetimeMs: 20, scan: new Promise<void>(() => {}) }) });
    await h.adapter.start();
    await until(() => h.zalo.qr.generated >= 9, "nine QRs (over two rounds)");
    expect(h.adapter.online).toBe(false);
    expect(h.problems.every((p) => p.kind === "qr_required")).toBe(true);
    expect(h.problems.length).toBeGreaterThanOrEqual(2);
    await h.adapter.stop();
    const offered = h.zalo.qr.offered;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.zalo.qr.offered).toBe(offered); // a QR zca-js still makes after stop() is aborted at once, never shown
    expect(h.zalo.sessions).toHaveLength(0);
  });

  it("a QR declined on the phone: no hang, a fresh round is offered", async () => {
    h = await startHarness({ saved: false, start: false, setup: (z) => (z.qr.decline = true) });
    await h.adapter.start();
    await until(() => h.problems.filter((p) => p.kind === "qr_required").length >= 2, "a second round");
    expect(h.adapter.online).toBe(false);
    h.zalo.qr.decline = false;
    await until(() => h.adapter.online, "login once accepted");
  });

  it("without QR permission and no saved session, fails with what to do", async () => {
    h = await startHarness({ saved: false, start: false, adapter: { allowQrLogin: false } });
    await expect(h.adapter.start()).rejects.toBeInstanceOf(ZaloLoginError);
    await expect(h.adapter.start()).rejects.toThrow(/QR/);
  });

  it("points the admin at the PNG when the image holds no readable QR", () => {
    expect(qrPngToTerminal(Buffer.from("not a png").toString("base64"))).toBeUndefined();
    expect(qrPngToTerminal(qrPng("https://id.zalo.me/abc").toString("base64"))).toMatch(/[▀▄█]/);
  });
});

describe("Zalo session loss and recovery", () => {
  const CLOCK = 1763822800000; // fixture time: messages "arrived" around now

  it("session closed mid-fan-out: sends fail as transient, reconnect with backoff, missed messages fetched once, nothing doubled", async () => {
    let clock = CLOCK;
    const waits: number[] = [];
    h = await startHarness({ adapter: { now: () => clock, wait: async (ms) => {
          waits.push(ms);
          clock += ms;
        }, } });
    const chats = ["1001", "1002", "1003", "1004", "1005"].map((id) => `zalo:g:${id}`);
    // A message before the outage, delivered live; Zalo sends it again in old_messages later.
    const before = groupMessage("group-text", { ts: String(CLOCK - 1000) });
    h.zalo.receive(before);
    await settle();
    // While the bot is disconnected, two people write: one in the group, one privately (both come in old_messages).
    const missedInGroup = groupMessage("group-quote-reply", { ts: String(CLOCK + 5000) });
    const missedPrivate = userMessage("user-text", { ts: String(CLOCK + 6000) });
    h.zalo.oldMessages = [before, missedInGroup, missedPrivate];
    let sends = 0;
    h.zalo.beforeSend = () => {
      if (++sends === 3) {
        clock += 10_000;
        h.zalo.closeSession(CloseReason.AbnormalClosure, "");
      }
    };

    // A minimal stand-in for the delivery worker: retry transient failures until each chat has its message.
    const refs: string[] = [];
    for (const chat of chats) {
      for (let tries = 0; ; tries++) {
        try {
          refs.push((await h.adapter.send({ chat, text: `Nhiệm vụ cho ${chat}` })).messageId);
          break;
        } catch (error) {
          expect(error).toBeInstanceOf(ChatSendError);
          // The send that met the closed session: transient; sends while reconnecting: wait (not counted as attempts).
          expect((error as ChatSendError).failure.kind).toBe(tries === 0 && sends === 3 ? "transient" : "rate_limited");
          expect(tries).toBeLessThan(3);
          await until(() => h.adapter.online, "reconnect");
        }
      }
    }
    await until(() => h.problems.some((p) => p.kind === "reconnected"), "catch-up");

    const perChat = chats.map((chat) => h.zalo.sent.filter((s) => `zalo:g:${s.threadId}` === chat).length);
    expect(perChat).toEqual([1, 1, 1, 1, 1]);
    expect(new Set(refs).size).toBe(5);
    expect(h.zalo.sent.map((s) => s.session)).toEqual([1, 1, 2, 2, 2]);

    expect(waits).toEqual([5000]);
    expect(h.problems).toEqual([
      { kind: "closed", code: CloseReason.AbnormalClosure, reason: "", attempt: 1, retryInMs: 5000 },
      { kind: "reconnected", downMs: 5000, caughtUp: 2 },
    ]);
    // The old listener is released; the new one asked for what it missed, after the last id it had seen.
    expect(h.zalo.sessions[0]!.listener.stops).toBe(1);
    expect(h.zalo.sessions[0]!.listener.listenerCount("message")).toBe(0);
    expect(h.zalo.sessions[1]!.listener.oldRequests).toEqual([
      { type: ThreadType.User, lastMsgId: null },
      { type: ThreadType.Group, lastMsgId: "7406832168330" },
    ]);
    expect(h.zalo.historyCalls).toEqual([]); // /api/group/history is gone (404)
    // The live one, then old_messages as Zalo answers them (private threads were asked first); "before" not again.
    expect(messages(h).map((m) => m.eventId)).toEqual(["zalo:msg:7406832168330", "zalo:msg:7406832400301", "zalo:msg:7406832199002"]);
    expect(messages(h)[2]!.replyTo?.messageId).toBe("7406832177777");
  });

  it("backs off exponentially while logging in again fails, then recovers", async () => {
    h = await startHarness({ adapter: { backoff: { initialMs: 1000, factor: 2, maxMs: 5000 }, oldMessagesTimeoutMs: 10 } });
    h.zalo.failLogins = 4;
    h.zalo.closeSession(CloseReason.AbnormalClosure, "");
    await until(() => h.problems.some((p) => p.kind === "reconnected"), "reconnect");
    expect(h.waits).toEqual([1000, 2000, 4000, 5000]);
    expect(kinds(h.problems)).toEqual(["closed", "login_failed", "login_failed", "login_failed", "qr_required", "reconnected"]);
    expect(h.problems[1]).toMatchObject({ kind: "login_failed", attempt: 2, retryInMs: 2000, error: expect.stringMatching(/session key/) });
    // The first login, then attempts 1-3 retried the saved session only; attempt 4 (after qrAfterAttempts = 3) saw it
    // rejected once more and fell back to a QR login.
    expect(h.zalo.loginCalls).toHaveLength(5);
  });

  it("offers a QR login once retrying the saved session has not worked", async () => {
    h = await startHarness({ adapter: { qrAfterAttempts: 1 } });
    h.zalo.failLogins = 5;
    h.zalo.closeSession();
    await until(() => h.adapter.online && h.zalo.sessions.length === 2, "reconnect by QR");
    expect(kinds(h.problems)).toContain("qr_required");
    expect(JSON.parse(readFileSync(h.credentialsPath, "utf8")).imei).toBe("imei-from-qr");
  });

  it("gives up after maxAttempts and says a QR login is needed", async () => {
    h = await startHarness({ adapter: { allowQrLogin: false, backoff: { maxAttempts: 3 } } });
    h.zalo.failLogins = 100;
    h.zalo.closeSession();
    await until(() => h.problems.some((p) => p.kind === "gave_up"), "giving up");
    expect(h.problems.at(-1)).toEqual({ kind: "gave_up", attempts: 3 });
    expect(h.adapter.online).toBe(false);
    const error = await h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "x" }).catch((e: unknown) => e);
    expect((error as ChatSendError).failure).toEqual({ kind: "rate_limited", retryAfterMs: 30_000 });
  });

  it("a send that finds the session expired triggers a re-login", async () => {
    h = await startHarness();
    h.zalo.current.dead = true; // Zalo dropped the session without closing the socket
    const error = await h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "x" }).catch((e: unknown) => e);
    expect((error as ChatSendError).failure.kind).toBe("transient");
    await until(() => h.adapter.online && h.zalo.sessions.length === 2, "re-login");
    await h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "x" });
    expect(h.zalo.sent).toHaveLength(1);
  });

  it("after a restart, catches up from the time the core last handled Zalo input (old_messages; group history is 404)", async () => {
    h = await startHarness({
      start: false,
      adapter: { now: () => CLOCK },
      setup: (z) => {
        z.oldMessages = [groupMessage("group-text", { ts: String(CLOCK - 3_600_000) }), groupMessage("group-file", { ts: String(CLOCK - 1000) })];
      },
    });
    await h.adapter.start({ catchUpSince: new Date(CLOCK - 120_000) });
    await until(() => h.zalo.current.listener.oldRequests.length === 2, "old messages requested");
    await settle();
    await h.adapter.idle();
    expect(messages(h).map((m) => m.messageId)).toEqual(["7406832300201"]);
    expect(h.zalo.historyCalls).toEqual([]); // not the removed /api/group/history
    expect(h.problems).toEqual([]); // a cold start is not a reconnection
  });

  it("describes every problem for admins in Vietnamese and English", () => {
    const vi = translator("vi");
    const en = translator("en");
    const png = new Uint8Array();
    const all: ZaloSessionProblem[] = [
      { kind: "closed", code: 3000, reason: "", attempt: 1, retryInMs: 5000 },
      { kind: "closed", code: 1006, reason: "abnormal", attempt: 2, retryInMs: 10_000 },
      { kind: "login_failed", error: "timeout", attempt: 3, retryInMs: 20_000 },
      { kind: "gave_up", attempts: 5 },
      { kind: "qr_required", pngPath: "data/zalo-qr.png", png },
      { kind: "error", error: "socket" },
      { kind: "reconnected", downMs: 42_000, caughtUp: 2 },
    ];
    const texts = all.map((p) => describeSessionProblem(p, vi));
    expect(texts[0]).toContain("Zalo Web");
    expect(texts[1]).toContain("mã 1006: abnormal");
    expect(texts[1]).toContain("10 giây");
    expect(texts[4]).toContain("data/zalo-qr.png");
    expect(texts[6]).toContain("42 giây");
    for (const p of all) expect(describeSessionProblem(p, en)).not.toBe(describeSessionProblem(p, vi));
    expect(texts.every((t) => !t.includes("{{"))).toBe(true);
  });

  it("keeps listening to private threads of people it saw (sanity: user thread ids)", async () => {
    h = await startHarness();
    h.zalo.receive(userMessage("user-text"));
    await settle();
    expect(messages(h)[0]!.chat).toBe(`zalo:u:${USER_UID}`);
  });
});

describe("Zalo: learning the bot's own messages from old_messages", () => {
  it("after a restart, a quote of an old task post resolves by its exact client id and the post can be quoted again", async () => {
    const CLOCK = 1763822800000;
    const ownPost = groupMessage("group-text", {
      uidFrom: "0", // how Zalo marks the account's own messages
      msgId: "7406830000001",
      cliMsgId: "1763822000111",
      ts: String(CLOCK - 3_600_000),
      content: "Nhiệm vụ 3: Báo cáo quý",
    });
    h = await startHarness({
      start: false,
      adapter: { now: () => CLOCK, oldMessagesTimeoutMs: 10 },
      // old_messages (cmd 511) carries the account's own sends too: zca-js does not filter them there.
      setup: (z) => (z.oldMessages = [ownPost]),
    });
    await h.adapter.start({ catchUpSince: new Date(CLOCK - 60_000) });
    await until(() => h.zalo.current.listener.oldRequests.length === 2, "old messages");
    await settle();
    await h.adapter.idle();
    expect(messages(h)).toEqual([]); // the bot's own post is not an inbound message
    const quote = { ...groupMessage("group-quote-reply").data.quote!, globalMsgId: 999, cliMsgId: 1763822000111 };
    h.zalo.receive(groupMessage("group-quote-reply", { quote }));
    await settle();
    await h.adapter.idle();
    expect(messages(h)[0]!.replyTo?.messageId).toBe("7406830000001");
    await h.adapter.send({ chat: `zalo:g:${GROUP_ID}`, text: "Nhắc: còn 1 ngày", replyTo: "7406830000001" });
    expect(h.zalo.sent[0]!.content.quote).toMatchObject({ msgId: "7406830000001", cliMsgId: "1763822000111", content: "Nhiệm vụ 3: Báo cáo quý" });
  });
});
