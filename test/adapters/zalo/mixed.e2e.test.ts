// One dispatch, two platforms: startApp (the wiring of `npm start`) with Telegram through telegraf's real client and the
// fake Bot API, and Zalo through the real Zalo adapter over the fake of its narrow zca-js interface. Units bound to
// Telegram groups and to Zalo groups get their tasks; Zalo officers complete by quoting the task post; the secretary's
// report counts both platforms.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TQuote } from "zca-js";
import { writeCredentials } from "../../../src/adapters/zalo/credentials.js";
import { type App, startApp } from "../../../src/app.js";
import type { Clock } from "../../../src/clock.js";
import { parseConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/logger.js";
import { FakeBotApi, type TgMessage, type TgUser } from "../../fakes/bot-api-server.js";
import { UpdateFactory } from "../../fakes/bot-api/update-factory.js";
import { DISPATCH_88 } from "../../fixtures/dispatch-88.js";
import { FakeZalo, groupMessage, type SentRecord } from "./fake-zalo.js";
import { SAVED_CREDENTIALS } from "./harness.js";

const ADMIN = UpdateFactory.user(1001, "Quản", "Trị");
const LEADER = UpdateFactory.user(1002, "Lãnh", "Đạo");
const SECRETARY = UpdateFactory.user(1003, "Văn", "Thư");
const TG_OFFICER = UpdateFactory.user(1004, "Cán", "Bộ");
const ZALO_ADMIN = "7100000000000000001";
const ZALO_OFFICER = "7100000000000000002";

const TELEGRAM_UNITS: Array<[number, string]> = [
  [-101, "Sở Y tế"],
  [-102, "Sở Nội vụ"],
];
const ZALO_UNITS: Array<[string, string]> = [
  ["1103", "Sở Thông tin và Truyền thông"],
  ["1104", "Sở Tài chính"],
  ["1105", "Sở Giáo dục và Đào tạo"],
];
const UNBOUND = "Sở Lao động - Thương binh và Xã hội";


function clockFrom(iso: string): Clock {
  const offset = new Date(iso).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

let api: FakeBotApi;
let zalo: FakeZalo;
let app: App;
let clock: Clock;
let nextZaloId = 7_600_000_000_000;

beforeEach(async () => {
  api = await FakeBotApi.start({ privacyMode: true });
  for (const [id, name] of TELEGRAM_UNITS) api.group(id, `Nhóm ${name}`);
  for (const user of [ADMIN, LEADER, SECRETARY]) api.privateChat(user);
  zalo = new FakeZalo();
  const dir = mkdtempSync(join(tmpdir(), "dondoc-mixed-e2e-"));
  copyFileSync(process.env.DONDOC_TEST_TEMPLATE!, join(dir, "dondoc.db"));
  const credentials = join(dir, "secrets", "zalo.json");
  await writeCredentials(credentials, SAVED_CREDENTIALS as never);
  const parsed = parseConfig({
    DATABASE_URL: `file:${join(dir, "dondoc.db")}`,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    ZALO_ENABLED: "true",
    ZALO_CREDENTIALS_PATH: credentials,
    ZALO_QR_PATH: join(dir, "secrets", "qr.png"),
    ADMIN_ZALO_IDS: ZALO_ADMIN,
    // Zalo's pacing scaled down so the run takes seconds (the limiter itself is tested in limits.test.ts).
    ZALO_PER_MINUTE: "600",
    ZALO_PER_CHAT_INTERVAL_MS: "100",
    FILES_DIR: join(dir, "files"),
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  clock = clockFrom("2023-06-05T02:00:00Z");
  app = await startApp(parsed.config, { clock, logger: silentLogger, runRemindersAtStart: false, zaloClient: zalo.client });
});

afterEach(async () => {
  await app.stop();
  await api.close();
});

async function botSays(chat: number, seen: number, timeoutMs = 15_000): Promise<TgMessage> {
  await api.waitFor(() => api.botMessages(chat).length > seen, timeoutMs, `a bot message in ${chat}`);
  return api.botMessages(chat)[seen]!;
}

function say(chat: number, from: TgUser, text: string, replyTo?: number): void {
  api.updates.text({ chat, from, text, ...(replyTo !== undefined ? { replyTo } : {}) });
}

const zaloSent = (groupId: string): SentRecord[] => zalo.sent.filter((s) => s.threadId === groupId);

async function zaloBotSays(groupId: string, seen: number, timeoutMs = 15_000): Promise<SentRecord> {
  await api.waitFor(() => zaloSent(groupId).length > seen, timeoutMs, `a bot message in Zalo group ${groupId}`);
  return zaloSent(groupId)[seen]!;
}

/** Someone writes in a Zalo group; `quote` makes it a reply to one of the bot's messages. */
function zaloSay(groupId: string, uidFrom: string, text: string, quote?: Partial<TQuote> & { of: SentRecord }): string {
  const msgId = String(nextZaloId++);
  const at = String(clock.now().getTime());
  zalo.receive(
    groupMessage("group-text", {
      msgId,
      cliMsgId: at,
      idTo: groupId,
      uidFrom,
      dName: "Cán bộ Zalo",
      ts: at,
      content: text,
      quote: quote
        ? {
            ownerId: "2930485761203948571",
            cliMsgId: quote.cliMsgId ?? quote.of.cliMsgId,
            globalMsgId: quote.globalMsgId ?? quote.of.msgId,
            cliMsgType: 1,
            ts: quote.of.cliMsgId,
            msg: quote.of.content.msg,
            attach: "",
            fromD: "Đôn đốc",
            ttl: 0,
          }
        : undefined,
    }),
  );
  return msgId;
}

const buttonData = (m: TgMessage): string[] => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");

describe("Telegram + Zalo end to end", () => {
  it("one dispatch posted to Telegram and Zalo groups, completed on both, one report", async () => {
    let adminSeen = 0;
    for (const name of [...TELEGRAM_UNITS.map(([, n]) => n), ...ZALO_UNITS.map(([, n]) => n), UNBOUND]) {
      say(ADMIN.id, ADMIN, `/themdonvi ${name}; loại: sở`);
      await botSays(ADMIN.id, adminSeen++);
    }
    say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    await botSays(ADMIN.id, adminSeen++);
    say(ADMIN.id, ADMIN, `/vaitro văn thư ${SECRETARY.id}`);
    await botSays(ADMIN.id, adminSeen++);
    for (const [chat, name] of TELEGRAM_UNITS) {
      say(chat, ADMIN, `/donvi ${name}`);
      expect((await botSays(chat, 0)).text).toMatch(new RegExp(`Đã gắn nhóm chat này với.*${name}`));
    }
    // The same command binds a Zalo group, said there by a Zalo admin.
    for (const [groupId, name] of ZALO_UNITS) {
      zaloSay(groupId, ZALO_ADMIN, `/donvi ${name}`);
      expect((await zaloBotSays(groupId, 0)).content.msg).toMatch(new RegExp(`Đã gắn nhóm chat này với.*${name}`));
    }

    say(LEADER.id, LEADER, DISPATCH_88);
    const preview = await botSays(LEADER.id, 0);
    const confirm = buttonData(preview).find((d) => d.startsWith("confirm:"));
    expect(confirm).toBeDefined();
    api.updates.callback({ chat: LEADER.id, from: LEADER, messageId: preview.message_id, data: confirm! });

    const tgPosts = new Map<number, TgMessage>();
    for (const [chat] of TELEGRAM_UNITS) tgPosts.set(chat, await botSays(chat, 1));
    const zaloPosts = new Map<string, SentRecord>();
    for (const [groupId] of ZALO_UNITS) zaloPosts.set(groupId, await zaloBotSays(groupId, 1));
    expect(tgPosts.get(-101)!.text).toMatch(/kiểm tra công tác phòng dịch/);
    expect(zaloPosts.get("1103")!.content.msg).toMatch(/tuyên truyền/);
    expect(zaloPosts.get("1104")!.content.msg).toMatch(/bố trí kinh phí/);
    expect(zaloPosts.get("1105")!.content.msg).toMatch(/trường học/);
    for (const post of zaloPosts.values()) expect(post.content.msg).not.toMatch(/đối tượng chính sách/);
    // Zalo has no buttons: the post says how to answer instead, and nothing else went to Zalo groups.
    expect(zaloPosts.get("1103")!.content.msg).toMatch(/trả lời \(trích dẫn\)/);
    expect(zalo.sent.filter((s) => !ZALO_UNITS.some(([g]) => g === s.threadId))).toEqual([]);

    // Completion on Zalo: quoting the task post, without diacritics, and once where the quote carries another global
    // id (the unverified case) so only the client id matches.
    zaloSay("1103", ZALO_OFFICER, "da xong", { of: zaloPosts.get("1103")! });
    const ackTtt = await zaloBotSays("1103", 2);
    expect(ackTtt.content.msg).toMatch(/hoàn thành/i);
    expect(ackTtt.content.quote).toBeDefined();
    zaloSay("1104", ZALO_OFFICER, "Đã hoàn thành", { of: zaloPosts.get("1104")!, globalMsgId: 42 });
    expect((await zaloBotSays("1104", 2)).content.msg).toMatch(/hoàn thành/i);
    // Chatter in a Zalo group (no quote, no mention) is not taken for a report and gets no answer.
    zaloSay("1105", ZALO_OFFICER, "xong rồi nhé mọi người");
    // Completion on Telegram by reply.
    say(-101, TG_OFFICER, "da xong", tgPosts.get(-101)!.message_id);
    await api.waitFor(() => /Đã hoàn thành/.test(api.message(-101, tgPosts.get(-101)!.message_id)!.text ?? ""), 10_000, "status edit");

    say(SECRETARY.id, SECRETARY, "/baocao 88/UBND-VX");
    const report = await botSays(SECRETARY.id, 0);
    expect(report.text).toMatch(/Tổng số: 5 nhiệm vụ/);
    expect(report.text).toMatch(/- Đã hoàn thành: 2\n\s+\+ Hoàn thành đúng hạn: 2/); // Y tế (Telegram), Tài chính (Zalo)
    expect(report.text).toMatch(/- Chưa hoàn thành: 2\n\s+\+ Đang thực hiện \(trong hạn\): 2/); // LĐTBXH, GD&ĐT
    expect(report.text).toMatch(/- Nhiệm vụ không có thời hạn: 1\n\s+\+ Hoàn thành: 1/); // TT&TT (Zalo)
    expect(zaloSent("1105")).toHaveLength(2); // the binding answer and the post: the chatter got no reply
  }, 90_000);
});
