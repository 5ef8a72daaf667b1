// The whole loop on Telegram, the way people run it: startApp (the same wiring as `npm start`) with a real SQLite file,
// telegraf's real HTTP client, and the fake Bot API enforcing Telegram's limits and privacy mode. Every step is a chat
// message or a button press; every check is what people would see in their chats.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, startApp } from "../../../src/app.js";
import type { Clock } from "../../../src/clock.js";
import { parseConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/logger.js";
import { FakeBotApi, TELEGRAM_LIMITS, type TgMessage, type TgUser, telegramErrors } from "../../fakes/bot-api-server.js";
import { UpdateFactory } from "../../fakes/bot-api/update-factory.js";

const ADMIN = UpdateFactory.user(1001, "Quản", "Trị");
const LEADER = UpdateFactory.user(1002, "Lãnh", "Đạo");
const SECRETARY = UpdateFactory.user(1003, "Văn", "Thư");
const OFFICER = UpdateFactory.user(1004, "Cán", "Bộ <Y&T>");

const UNITS: Array<[number, string]> = [
  [-101, "Sở Y tế"],
  [-102, "Sở Nội vụ"],
  [-103, "Sở Thông tin và Truyền thông"],
  [-104, "Sở Tài chính"],
  [-105, "Sở Giáo dục và Đào tạo"],
];
const UNBOUND = "Sở Lao động - Thương binh và Xã hội";

const DISPATCH = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 88/UBND-VX
V/v triển khai công tác y tế dự phòng

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

Kính gửi: Các sở, ban, ngành Thành phố

1. Sở Y tế chủ trì, phối hợp với Sở Nội vụ tổ chức kiểm tra công tác phòng dịch, báo cáo kết quả trước ngày 20/6/2023.
2. Sở Thông tin và Truyền thông chủ trì tuyên truyền về phòng chống dịch bệnh trên các phương tiện thông tin đại chúng.
3. Giao Sở Lao động - Thương binh và Xã hội rà soát, hỗ trợ các đối tượng chính sách, hoàn thành trong tháng 6 năm 2023.
4. Sở Tài chính chủ trì bố trí kinh phí phòng, chống dịch, hoàn thành trước ngày 30/6/2023.
5. Sở Giáo dục và Đào tạo chủ trì hướng dẫn các trường học vệ sinh phòng dịch, hoàn thành trước ngày 15/6/2023.
`;

/** Real time, started on the dispatch's date: deadlines keep their meaning, retries and limits still wait for real. */
function clockFrom(iso: string): Clock {
  const offset = new Date(iso).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

let api: FakeBotApi;
let app: App;
let config: Extract<ReturnType<typeof parseConfig>, { ok: true }>["config"];
const clock = clockFrom("2023-06-05T02:00:00Z");

beforeEach(async () => {
  api = await FakeBotApi.start({ rateLimits: TELEGRAM_LIMITS, privacyMode: true });
  for (const [id] of UNITS) api.group(id, `Nhóm ${id}`);
  for (const user of [ADMIN, LEADER, SECRETARY]) api.privateChat(user);
  const dir = mkdtempSync(join(tmpdir(), "dondoc-tg-e2e-"));
  copyFileSync(process.env.DONDOC_TEST_TEMPLATE!, join(dir, "dondoc.db"));
  const parsed = parseConfig({
    DATABASE_URL: `file:${join(dir, "dondoc.db")}`,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    FILES_DIR: join(dir, "files"),
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  config = parsed.config;
  app = await startApp(config, { clock, logger: silentLogger, runRemindersAtStart: false });
});

afterEach(async () => {
  await app.stop();
  await api.close();
});

/** Waits for the bot's next message in a chat (after the `seen` messages already looked at). */
async function botSays(chat: number, seen: number, timeoutMs = 15_000): Promise<TgMessage> {
  await api.waitFor(() => api.botMessages(chat).length > seen, timeoutMs, `a bot message in ${chat}`);
  return api.botMessages(chat)[seen]!;
}

function say(chat: number, from: TgUser, text: string, replyTo?: number): void {
  api.updates.text({ chat, from, text, ...(replyTo !== undefined ? { replyTo } : {}) });
}

const buttonData = (m: TgMessage): string[] => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");

describe("Telegram end to end: bind, forward, confirm, post, complete, report", () => {
  it("runs the whole loop for five bound groups and one unbound unit", async () => {
    // Set-up by the admin: units, roles, then /donvi in each group.
    let adminSeen = 0;
    for (const [, name] of [...UNITS, [0, UNBOUND] as const]) {
      say(ADMIN.id, ADMIN, `/themdonvi ${name}; loại: sở`);
      await botSays(ADMIN.id, adminSeen++);
    }
    say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    expect((await botSays(ADMIN.id, adminSeen++)).text).toMatch(/telegram:1002/);
    say(ADMIN.id, ADMIN, `/vaitro văn thư ${SECRETARY.id}`);
    expect((await botSays(ADMIN.id, adminSeen++)).text).toMatch(/telegram:1003/);
    for (const [chat, name] of UNITS) {
      say(chat, ADMIN, `/donvi ${name}`);
      expect((await botSays(chat, 0)).text).toMatch(new RegExp(`Đã gắn nhóm chat này với.*${name}`));
    }

    // The leader forwards the dispatch in a private chat, sees the preview and confirms with its button.
    say(LEADER.id, LEADER, DISPATCH);
    const preview = await botSays(LEADER.id, 0);
    expect(preview.text).toMatch(/88\/UBND-VX/);
    const confirm = buttonData(preview).find((d) => d.startsWith("confirm:"));
    expect(confirm).toBeDefined();
    const press = api.updates.callback({ chat: LEADER.id, from: LEADER, messageId: preview.message_id, data: confirm! });
    await api.waitFor(() => api.answers.get(press.callback_query!.id)?.answered === true, 10_000, "the confirm answer");

    // Every bound group receives exactly its own tasks; the leader hears which unit has no group.
    const posts = new Map<number, TgMessage>();
    for (const [chat] of UNITS) posts.set(chat, await botSays(chat, 1));
    expect(posts.get(-101)!.text).toMatch(/kiểm tra công tác phòng dịch/);
    expect(posts.get(-102)!.text).toMatch(/kiểm tra công tác phòng dịch/);
    expect(posts.get(-103)!.text).toMatch(/tuyên truyền/);
    expect(posts.get(-104)!.text).toMatch(/bố trí kinh phí/);
    expect(posts.get(-105)!.text).toMatch(/trường học/);
    for (const [chat] of UNITS) expect(posts.get(chat)!.text).not.toMatch(/rà soát, hỗ trợ các đối tượng chính sách/);
    await api.waitFor(
      () => api.botMessages(LEADER.id).some((m) => /chưa có nhóm chat/.test(m.text ?? "") && /Lao động/.test(m.text ?? "")),
      10_000,
      "the leader to hear of the unbound unit",
    );

    // Officers complete: one replies "da xong" without diacritics, another presses the button.
    const before101 = posts.get(-101)!.text;
    say(-101, OFFICER, "da xong", posts.get(-101)!.message_id);
    await api.waitFor(() => api.message(-101, posts.get(-101)!.message_id)!.text !== before101, 10_000, "the task post's status edit");
    expect(api.message(-101, posts.get(-101)!.message_id)!.text).toMatch(/Đã hoàn thành/);
    const done = buttonData(posts.get(-103)!).find((d) => d.startsWith("done:"));
    expect(done).toBeDefined();
    const pressDone = api.updates.callback({ chat: -103, from: OFFICER, messageId: posts.get(-103)!.message_id, data: done! });
    await api.waitFor(() => api.answers.get(pressDone.callback_query!.id)?.answered === true, 10_000, "the done answer");
    expect(api.answers.get(pressDone.callback_query!.id)!.text).toMatch(/hoàn thành/);
    // Chatter in a group never reaches the bot (privacy mode) and changes nothing.
    say(-104, OFFICER, "xong rồi nhé mọi người");

    // The secretary's report counts it all.
    say(SECRETARY.id, SECRETARY, "/baocao 88/UBND-VX");
    const report = await botSays(SECRETARY.id, 0);
    expect(report.text).toMatch(/Tổng số: 5 nhiệm vụ/);
    expect(report.text).toMatch(/- Đã hoàn thành: 1\n\s+\+ Hoàn thành đúng hạn: 1/); // Sở Y tế, by reply
    expect(report.text).toMatch(/- Chưa hoàn thành: 3\n\s+\+ Đang thực hiện \(trong hạn\): 3/);
    expect(report.text).toMatch(/- Nhiệm vụ không có thời hạn: 1\n\s+\+ Hoàn thành: 1/); // TT&TT, by button
    expect(report.text).toMatch(/Sở Lao động - Thương binh và Xã hội: 1 nhiệm vụ; đã hoàn thành 0/);

    // Nothing was refused by Telegram: no 429, no markup error, no message to a wrong chat.
    expect(api.calls.filter((c) => !c.ok && c.method !== "getUpdates")).toEqual([]);
  }, 90_000);
});

describe("Telegram end to end: what real groups do to a bot", () => {
  async function setUp(units: Array<[number, string]>): Promise<void> {
    let seen = 0;
    for (const [, name] of units) {
      say(ADMIN.id, ADMIN, `/themdonvi ${name}; loại: sở`);
      await botSays(ADMIN.id, seen++);
    }
    say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    await botSays(ADMIN.id, seen++);
    for (const [chat, name] of units) {
      say(chat, ADMIN, `/donvi ${name}`);
      await botSays(chat, 0);
    }
  }

  async function forwardAndConfirm(): Promise<void> {
    say(LEADER.id, LEADER, DISPATCH);
    const preview = await botSays(LEADER.id, 0);
    const confirm = buttonData(preview).find((d) => d.startsWith("confirm:"))!;
    api.updates.callback({ chat: LEADER.id, from: LEADER, messageId: preview.message_id, data: confirm });
  }

  it("429s, a group upgraded to a supergroup, a kicked bot and a duplicate update: nothing lost, nothing doubled", async () => {
    await setUp(UNITS.slice(0, 3));
    // -102 becomes a supergroup: the service message moves the binding before anything is posted.
    api.updates.migrate(-102, -1000000000102, ADMIN);
    // -103 removed the bot, and the my_chat_member update never came: only the 403 on sending tells.
    api.chat(-103).kicked = true;
    api.failNext("sendMessage", telegramErrors.tooManyRequests(1), { chatId: -101, times: 2 });
    await forwardAndConfirm();

    const yte = await botSays(-101, 1);
    expect(yte.text).toMatch(/kiểm tra công tác phòng dịch/);
    const noiVu = await botSays(-1000000000102, 0);
    expect(noiVu.text).toMatch(/kiểm tra công tác phòng dịch/);
    await api.waitFor(
      () => [ADMIN.id, LEADER.id].every((id) => api.botMessages(id).some((m) => /Bot đã bị xóa khỏi nhóm/.test(m.text ?? ""))),
      10_000,
      "admin and leader to hear of the removal",
    );
    expect(api.botMessages(-102)).toHaveLength(1); // only the binding confirmation, before the move
    expect(api.botMessages(-103)).toHaveLength(1);

    // The same update delivered twice is answered once.
    const update = api.updates.text({ chat: -101, from: ADMIN, text: "/donvi" });
    api.updates.again(update);
    await botSays(-101, 2);
    await new Promise((r) => setTimeout(r, 1500));
    await app.idle();
    expect(api.botMessages(-101)).toHaveLength(3);

    const removalNotices = api.botMessages(LEADER.id).filter((m) => /Bot đã bị xóa khỏi nhóm/.test(m.text ?? ""));
    expect(removalNotices).toHaveLength(1); // told once
    expect(api.callsOf("sendMessage").filter((c) => c.error && "error_code" in c.error && c.error.error_code === 429)).toHaveLength(2);
  }, 90_000);
});

describe("Telegram end to end: a restart in the middle of fan-out", () => {
  it("delivers the rest after the restart, and nothing twice", async () => {
    let seen = 0;
    for (const [, name] of UNITS) {
      say(ADMIN.id, ADMIN, `/themdonvi ${name}; loại: sở`);
      await botSays(ADMIN.id, seen++);
    }
    say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    await botSays(ADMIN.id, seen++);
    for (const [chat, name] of UNITS) {
      say(chat, ADMIN, `/donvi ${name}`);
      await botSays(chat, 0);
    }
    // Three groups make Telegram wait, so their posts are still in the outbox when the process stops.
    for (const chat of [-103, -104, -105]) api.failNext("sendMessage", telegramErrors.tooManyRequests(5), { chatId: chat });
    say(LEADER.id, LEADER, DISPATCH);
    const preview = await botSays(LEADER.id, 0);
    const confirm = buttonData(preview).find((d) => d.startsWith("confirm:"))!;
    api.updates.callback({ chat: LEADER.id, from: LEADER, messageId: preview.message_id, data: confirm });
    await botSays(-101, 1);
    await botSays(-102, 1);
    await app.stop();
    expect([-103, -104, -105].map((chat) => api.botMessages(chat).length)).toEqual([1, 1, 1]);

    app = await startApp(config, { clock, logger: silentLogger, runRemindersAtStart: false });
    for (const chat of [-103, -104, -105]) await botSays(chat, 1, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    await app.idle();
    expect(UNITS.map(([chat]) => api.botMessages(chat).length)).toEqual([2, 2, 2, 2, 2]);
    const posts = api.callsOf("sendMessage").filter((c) => c.ok && UNITS.some(([chat]) => Number(c.params.chat_id) === chat));
    expect(posts).toHaveLength(10); // 5 binding confirmations + 5 task posts, none twice
  }, 90_000);
});

describe("Telegram end to end: files both ways", () => {
  it("reads a dispatch sent as a file (getFile + download), and sends the .xlsx report as a document", async () => {
    let seen = 0;
    for (const [, name] of UNITS.slice(0, 2)) {
      say(ADMIN.id, ADMIN, `/themdonvi ${name}; loại: sở`);
      await botSays(ADMIN.id, seen++);
    }
    say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    await botSays(ADMIN.id, seen++);
    say(ADMIN.id, ADMIN, `/vaitro văn thư ${SECRETARY.id}`);
    await botSays(ADMIN.id, seen++);

    api.updates.document({ chat: LEADER.id, from: LEADER, fileName: "88-UBND-VX.txt", mime: "text/plain", bytes: Buffer.from(DISPATCH) });
    await api.waitFor(() => api.botMessages(LEADER.id).some((m) => /88\/UBND-VX/.test(m.text ?? "")), 20_000, "the preview of the file");
    expect(api.callsOf("getFile")).toHaveLength(1);

    say(SECRETARY.id, SECRETARY, "/xuat");
    await api.waitFor(() => api.botMessages(SECRETARY.id).some((m) => m.document), 20_000, "the report file");
    const doc = api.botMessages(SECRETARY.id).find((m) => m.document)!.document!;
    expect(doc.file_name).toMatch(/\.xlsx$/);
    expect(api.files.get(doc.file_id)!.bytes.subarray(0, 2).toString()).toBe("PK"); // a zip, as .xlsx files are
  }, 90_000);
});
