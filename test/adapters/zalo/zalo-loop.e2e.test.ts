// The whole loop on Zalo alone, as an office without Telegram runs it: startApp (the wiring of `npm start`) with the
// real Zalo adapter over the fake of its narrow zca-js interface, messages built with zca-js's own classes. Officers
// report with short commands and no quote ("xong 2", "tiến độ 1: đạt 60%", "@bot xong"), leaders confirm with
// "/xacnhan" and cancel with "/huy", secretaries get split reports and the .xlsx as a file, and a restart catches up
// what was said while dondoc was down.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Reactions, ThreadType, type TQuote } from "zca-js";
import { writeCredentials } from "../../../src/adapters/zalo/credentials.js";
import { type App, startApp } from "../../../src/app.js";
import type { Clock } from "../../../src/clock.js";
import { type Config, parseConfig } from "../../../src/config.js";
import { detectTools, extractText } from "../../../src/ingest/index.js";
import { silentLogger } from "../../../src/logger.js";
import { BOT_UID, FakeZalo, groupMessage, type SentRecord, userMessage } from "./fake-zalo.js";
import { SAVED_CREDENTIALS } from "./harness.js";

const ADMIN = "7200000000000000001";
const LEADER = "7200000000000000002";
const SECRETARY = "7200000000000000003";
const OFFICER = "7200000000000000004";
const TAI_CHINH = "2104"; // Zalo group of Sở Tài chính
const GIAO_DUC = "2105"; // Zalo group of Sở Giáo dục và Đào tạo
const MAX_TEXT = 400;

const HEADER = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: {{number}}
V/v triển khai quyết toán ngân sách

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

Kính gửi: Các sở, ban, ngành Thành phố
`;
const CANCELLED = `${HEADER.replace("{{number}}", "90/UBND-KT")}
1. Sở Tài chính chủ trì kiểm tra việc sử dụng kinh phí sự nghiệp, hoàn thành trước ngày 25/6/2023.
`;
const DISPATCH = `${HEADER.replace("{{number}}", "91/UBND-KT")}
1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
2. Sở Giáo dục và Đào tạo chủ trì rà soát cơ sở vật chất các trường học, hoàn thành trước ngày 20/6/2023.
3. Sở Tài chính chủ trì hướng dẫn các quận, huyện lập dự toán ngân sách năm 2024, hoàn thành trước ngày 12/6/2023.
`;

function clockFrom(iso: string): Clock {
  const offset = new Date(iso).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let zalo: FakeZalo;
let app: App;
let config: Config;
let clock: Clock;
let nextId = 7_700_000_000_000;

const start = () => startApp(config, { clock, logger: silentLogger, runRemindersAtStart: false, zaloClient: zalo.client });

beforeEach(async () => {
  zalo = new FakeZalo();
  const dir = mkdtempSync(join(tmpdir(), "dondoc-zalo-loop-"));
  copyFileSync(process.env.DONDOC_TEST_TEMPLATE!, join(dir, "dondoc.db"));
  const credentials = join(dir, "secrets", "zalo.json");
  await writeCredentials(credentials, SAVED_CREDENTIALS as never);
  const parsed = parseConfig({
    DATABASE_URL: `file:${join(dir, "dondoc.db")}`,
    ZALO_ENABLED: "true",
    ZALO_CREDENTIALS_PATH: credentials,
    ZALO_QR_PATH: join(dir, "secrets", "qr.png"),
    ADMIN_ZALO_IDS: ADMIN,
    ZALO_PER_MINUTE: "600",
    ZALO_PER_CHAT_INTERVAL_MS: "50",
    ZALO_MAX_TEXT: String(MAX_TEXT),
    FILES_DIR: join(dir, "files"),
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  config = parsed.config;
  clock = clockFrom("2023-06-05T02:00:00Z");
  app = await start();
});

afterEach(async () => {
  await app.stop();
});

const sentTo = (threadId: string): SentRecord[] => zalo.sent.filter((s) => s.threadId === threadId);
const textOf = (s: SentRecord): string => s.content.msg;

/** Waits for the bot's message number `index` (0-based) in a thread. */
async function botSays(threadId: string, index: number): Promise<string> {
  await waitFor(() => sentTo(threadId).length > index, `bot message #${index} in ${threadId}`);
  return textOf(sentTo(threadId)[index]!);
}

/** Waits until a bot message in a thread (from index `from` on) matches `re`, and returns it. */
async function botSaysMatching(threadId: string, re: RegExp, from = 0): Promise<string> {
  const find = () => sentTo(threadId).slice(from).map(textOf).find((text) => re.test(text));
  await waitFor(() => find() !== undefined, `a bot message in ${threadId} matching ${re}`);
  return find()!;
}

/** Someone writes in a Zalo group; `quote` makes it a reply to a message; `mention` @mentions the bot first. */
function inGroup(groupId: string, uidFrom: string, text: string, extra: { quote?: SentRecord; mention?: boolean } = {}): string {
  const msgId = String(nextId++);
  const at = String(clock.now().getTime());
  const content = extra.mention ? `@Đôn đốc ${text}` : text;
  zalo.receive(
    groupMessage(extra.mention ? "group-mention" : "group-text", {
      msgId, cliMsgId: at, idTo: groupId, uidFrom, dName: "Cán bộ", ts: at, content,
      mentions: extra.mention ? [{ uid: BOT_UID, pos: 0, len: 8, type: 0 }] : undefined,
      quote: extra.quote ? quoteOf(extra.quote) : undefined,
    }),
  );
  return msgId;
}

function quoteOf(of: SentRecord): TQuote {
  return { ownerId: BOT_UID, cliMsgId: of.cliMsgId, globalMsgId: of.msgId, cliMsgType: 1, ts: of.cliMsgId, msg: of.content.msg, attach: "", fromD: "Đôn đốc", ttl: 0 };
}

function inPrivate(uidFrom: string, text: string): void {
  const at = String(clock.now().getTime());
  zalo.receive(userMessage("user-text", { msgId: String(nextId++), cliMsgId: at, uidFrom, idTo: BOT_UID, dName: "Người dùng", ts: at, content: text }));
}

/** Admin sets up units, roles and the two bound groups; the leader has DISPATCH confirmed with "/xacnhan". */
async function dispatchConfirmed(): Promise<{ taiChinh: SentRecord; giaoDuc: SentRecord }> {
  let adminSeen = sentTo(ADMIN).length;
  const leaderSeen = sentTo(LEADER).length;
  for (const command of [
    "/themdonvi Sở Tài chính; loại: sở",
    "/themdonvi Sở Giáo dục và Đào tạo; loại: sở",
    `/vaitro lãnh đạo ${LEADER}`,
    `/vaitro văn thư ${SECRETARY}`,
  ]) {
    inPrivate(ADMIN, command);
    expect(await botSays(ADMIN, adminSeen++)).not.toMatch(/không|Cách dùng/);
  }
  inGroup(TAI_CHINH, ADMIN, "/donvi Sở Tài chính");
  expect(await botSays(TAI_CHINH, 0)).toMatch(/Đã gắn nhóm chat này với.*Sở Tài chính/);
  inGroup(GIAO_DUC, ADMIN, "/donvi Sở Giáo dục và Đào tạo");
  expect(await botSays(GIAO_DUC, 0)).toMatch(/Đã gắn nhóm chat này với.*Sở Giáo dục/);

  inPrivate(LEADER, DISPATCH);
  // The preview is split at ZALO_MAX_TEXT; the button hints ride on its last part.
  expect(await botSaysMatching(LEADER, /91\/UBND-KT/, leaderSeen)).toMatch(/XEM TRƯỚC/);
  await botSaysMatching(LEADER, /\n1\. \/xacnhan\n2\. \/huy$/, leaderSeen);
  inPrivate(LEADER, "/xacnhan");
  await botSaysMatching(LEADER, /Đã giao 3 nhiệm vụ cho 2 đơn vị/, leaderSeen);
  await waitFor(() => sentTo(TAI_CHINH).length > 1 && sentTo(GIAO_DUC).length > 1, "the task posts");
  return { taiChinh: sentTo(TAI_CHINH)[1]!, giaoDuc: sentTo(GIAO_DUC)[1]! };
}

const statusOf = (ref: string) =>
  app.deps.store.db.read.prepare("SELECT a.status FROM Assignment a JOIN Task t ON t.id = a.taskId WHERE t.ref = ?").pluck().get(ref);
const reactionsOn = (msgId: string) => zalo.reactions.filter((r) => String(r.dest.data.msgId) === msgId).map((r) => r.icon);

describe("Zalo alone, end to end", () => {
  it("/huy cancels the newest draft; /xacnhan confirms; posts tell what to type and carry no button hints", async () => {
    inPrivate(ADMIN, `/vaitro lãnh đạo ${LEADER}`);
    await botSays(ADMIN, 0);
    inPrivate(LEADER, CANCELLED);
    await botSaysMatching(LEADER, /90\/UBND-KT/);
    await botSaysMatching(LEADER, /\n1\. \/xacnhan\n2\. \/huy$/);
    inPrivate(LEADER, "/huy");
    await botSaysMatching(LEADER, /Đã hủy văn bản #\d+/);
    inPrivate(LEADER, "/xacnhan");
    await botSaysMatching(LEADER, /Không có văn bản nào đang chờ xác nhận/);

    const { taiChinh } = await dispatchConfirmed();
    expect(textOf(taiChinh)).toMatch(/1\. \[1\] Chủ trì: .*tổng hợp quyết toán[\s\S]*2\. \[3\] Chủ trì: .*hướng dẫn các quận/);
    expect(textOf(taiChinh)).toMatch(/gõ "xong <số>" \(ví dụ "xong 1"\)/);
    expect(textOf(taiChinh)).not.toMatch(/bấm nút|Zalo không có nút bấm/);
    expect(sentTo(TAI_CHINH).map(textOf).join("\n")).not.toMatch(/90\/UBND-KT|kinh phí sự nghiệp/);
  }, 60_000);

  it("officers report without quoting: numbers refer to the newest post; chatter, negations and bad numbers do not close", async () => {
    const { taiChinh } = await dispatchConfirmed();
    let seen = 2;
    // Chatter without a number, and a number that is not a report, get no answer.
    inGroup(TAI_CHINH, OFFICER, "xong rồi nhé mọi người");
    inGroup(TAI_CHINH, OFFICER, "chiều nay họp lúc 3 giờ");
    inGroup(TAI_CHINH, OFFICER, "xong 2 chưa anh?");
    // A negation with a number is a progress note, never a completion.
    const negation = inGroup(TAI_CHINH, OFFICER, "chưa xong 2, còn chờ số liệu");
    expect(await botSays(TAI_CHINH, seen++)).toMatch(/Đã ghi nhận tiến độ nhiệm vụ 3.*hướng dẫn các quận/);
    expect(statusOf("3")).toBe("open");
    expect(reactionsOn(negation)).toEqual([Reactions.LIKE]);

    inGroup(TAI_CHINH, OFFICER, "xong 5");
    expect(await botSays(TAI_CHINH, seen++)).toMatch(/không có nhiệm vụ số 5/);

    // "da xong 2" without diacritics or quote: task 2 of the newest post (item 3), named in the answer, ✅ reaction.
    const done = inGroup(TAI_CHINH, OFFICER, "da xong 2");
    const answer = await botSays(TAI_CHINH, seen++);
    expect(answer).toMatch(/✅ Đã ghi nhận Sở Tài chính hoàn thành nhiệm vụ 3 \(91\/UBND-KT\)\. “[^”]*hướng dẫn các quận/);
    expect(statusOf("3")).toBe("done");
    expect(statusOf("1")).toBe("open");
    await waitFor(() => reactionsOn(done).length > 0, "the reaction");
    expect(reactionsOn(done)).toEqual([Reactions.OK]);
    expect(zalo.reactions.find((r) => String(r.dest.data.msgId) === done)!.dest).toMatchObject({ threadId: TAI_CHINH, type: ThreadType.Group });

    // Progress with a percentage, and the accented long form.
    inGroup(TAI_CHINH, OFFICER, "tiến độ 1: đạt 60%");
    expect(await botSays(TAI_CHINH, seen++)).toMatch(/tiến độ nhiệm vụ 1/);
    expect(statusOf("1")).toBe("open");
    inGroup(TAI_CHINH, OFFICER, "đã hoàn thành 1");
    expect(await botSays(TAI_CHINH, seen++)).toMatch(/hoàn thành nhiệm vụ 1 \(91\/UBND-KT\)\. “.*quyết toán/);
    expect(statusOf("1")).toBe("done");

    // Quoting the post still works: a repeated "xong 2" is told the task is already closed.
    inGroup(TAI_CHINH, OFFICER, "xong 2", { quote: taiChinh });
    expect(await botSays(TAI_CHINH, seen++)).toMatch(/Nhiệm vụ 3 đã hoàn thành ngày 05\/06\/2023/);

    // "@Đôn đốc xong" in the other group: the mention is understood (the bot's name is not read as words), and the
    // unit's only open task closes.
    const mention = inGroup(GIAO_DUC, OFFICER, "xong", { mention: true });
    expect(await botSays(GIAO_DUC, 2)).toMatch(/Sở Giáo dục và Đào tạo hoàn thành nhiệm vụ 2/);
    expect(statusOf("2")).toBe("done");
    await waitFor(() => reactionsOn(mention).length > 0, "the reaction to the mention");
    await app.idle();
    expect(sentTo(TAI_CHINH)).toHaveLength(seen);
  }, 60_000);

  it("a reminder digest renumbers: 'xong 1' after it means the digest's task 1", async () => {
    await dispatchConfirmed();
    // 5 June is T-7 for item 3 (due 12 June): the digest lists it alone, as number 1.
    await app.reminders.runNow();
    const digest = await botSaysMatching(TAI_CHINH, /Nhắc việc ngày 05\/06\/2023/);
    expect(digest).toMatch(/\n1\. \[91\/UBND-KT · 3\] .*hướng dẫn các quận/);
    expect(digest).not.toMatch(/\n2\. /);
    inGroup(TAI_CHINH, OFFICER, "xong 1");
    expect(await botSaysMatching(TAI_CHINH, /hoàn thành nhiệm vụ/)).toMatch(/nhiệm vụ 3 \(91\/UBND-KT\)\. “[^”]*hướng dẫn các quận/);
    expect(statusOf("3")).toBe("done");
    expect(statusOf("1")).toBe("open");
  }, 60_000);

  it("with approval on, the leader approves on Zalo by typing the request's hint (/duyet <mã>)", async () => {
    await dispatchConfirmed();
    await app.deps.store.directory.saveSettings({ requireApproval: true });
    const leaderSeen = sentTo(LEADER).length;
    inGroup(GIAO_DUC, OFFICER, "xong 1");
    expect(await botSays(GIAO_DUC, 2)).toMatch(/chờ lãnh đạo duyệt/);
    const request = await botSaysMatching(LEADER, /báo cáo hoàn thành nhiệm vụ 2/, leaderSeen);
    const approve = /\n1\. (\/duyet \d+)\n2\. \/tralai \d+$/.exec(request);
    expect(approve).not.toBeNull();
    expect(statusOf("2")).toBe("pending_approval");
    inPrivate(OFFICER, approve![1]!); // not a leader
    await botSaysMatching(OFFICER, /Chỉ lãnh đạo mới được duyệt/);
    inPrivate(LEADER, "/duyet");
    await botSaysMatching(LEADER, /Cách dùng: \/duyet <mã>/, leaderSeen);
    inPrivate(LEADER, approve![1]!);
    await botSaysMatching(LEADER, /Đã duyệt\. “Sở Giáo dục và Đào tạo · 2”/, leaderSeen);
    expect(await botSays(GIAO_DUC, 3)).toMatch(/Đã duyệt: Sở Giáo dục và Đào tạo hoàn thành nhiệm vụ 2/);
    expect(statusOf("2")).toBe("done");
  }, 60_000);

  it("a secretary's report is split at ZALO_MAX_TEXT and /xuat sends the .xlsx as a file attachment", async () => {
    await dispatchConfirmed();
    inGroup(TAI_CHINH, OFFICER, "xong 1");
    await botSays(TAI_CHINH, 2);

    inPrivate(SECRETARY, "/baocao 91/UBND-KT");
    await waitFor(() => sentTo(SECRETARY).length >= 2, "a report in several parts");
    await app.idle();
    const parts = sentTo(SECRETARY).map(textOf);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_TEXT);
    const report = parts.join("\n");
    expect(report).toMatch(/Tổng số: 3 nhiệm vụ/);
    expect(report).toMatch(/- Đã hoàn thành: 1/);

    const before = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/xuat 91/UBND-KT");
    await waitFor(() => sentTo(SECRETARY).length > before, "the .xlsx");
    const file = sentTo(SECRETARY)[before]!;
    expect(file.type).toBe(ThreadType.User);
    expect(file.content.msg).toMatch(/\d/);
    const [attachment] = file.content.attachments as Array<{ data: Buffer; filename: string; metadata: { totalSize: number } }>;
    expect(attachment!.filename).toMatch(/^bao-cao-2023-06-05-\d+\.xlsx$/);
    expect(attachment!.metadata.totalSize).toBe(attachment!.data.byteLength);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(attachment!.data as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells.join("|")).toMatch(/91\/UBND-KT/);
    expect(cells.join("|")).toMatch(/Sở Giáo dục và Đào tạo/);

    // A question in plain Vietnamese, without diacritics: the same report as /baocao.
    const beforeQuestion = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "van ban 91 den dau roi?");
    const progress = await botSaysMatching(SECRETARY, /Tình hình thực hiện văn bản/, beforeQuestion);
    expect(progress).toMatch(/Văn bản: 91\/UBND-KT/);
    await app.idle();
    inPrivate(SECRETARY, "So Giao duc va Dao tao con may viec qua han?");
    await botSaysMatching(SECRETARY, /^Sở Giáo dục và Đào tạo còn 0 nhiệm vụ quá hạn chưa hoàn thành \(chủ trì\)\.$/, beforeQuestion);
    await app.idle();

    // "/xuat docx": the official report (NĐ 30/2020) as a .docx attachment, its table rows those of the .xlsx.
    const beforeDocx = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/xuat docx 91/UBND-KT");
    await waitFor(() => sentTo(SECRETARY).length > beforeDocx, "the .docx");
    const docxMessage = sentTo(SECRETARY)[beforeDocx]!;
    expect(docxMessage.content.msg).toMatch(/Nghị định 30\/2020\/NĐ-CP/);
    const [docx] = docxMessage.content.attachments as Array<{ data: Buffer; filename: string }>;
    expect(docx!.filename).toMatch(/^bao-cao-2023-06-05-\d+\.docx$/);
    const { value: text } = await mammoth.extractRawText({ buffer: docx!.data });
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Kết quả thực hiện nhiệm vụ theo văn bản số 91/UBND-KT");
    const detail = wb.getWorksheet("Chi tiết")!;
    for (let r = 2; r <= detail.rowCount; r++) expect(text).toContain(String(detail.getRow(r).getCell(4).value));
    expect(text.match(/\(chủ trì\)/g)).toHaveLength(detail.rowCount - 1);
  }, 60_000);

  it("an admin imports a pasted directory, confirms with /apdung, lists it with its groups, renames, merges and unbinds", async () => {
    let seen = sentTo(ADMIN).length;
    inPrivate(ADMIN, "/nhapdonvi\n1. Sở Tài chính\n2. Sở Giáo dục và Đào tạo | Sở GD&ĐT\n3. UBND huyện Gia Viễn\n4. UBND xã Gia Hòa | | | | UBND huyện Gia Viễn\n5. Sở Du lịch");
    const preview = await botSaysMatching(ADMIN, /Sẽ thêm 5 đơn vị/, seen);
    expect(preview).toMatch(/\+ UBND xã Gia Hòa \(ủy ban nhân dân xã · xã · thuộc UBND huyện Gia Viễn\)/);
    // Zalo has no buttons: the typed forms close the preview.
    await botSaysMatching(ADMIN, /1\. \/apdung\n2\. \/apdung huy$/, seen);
    inPrivate(ADMIN, "/apdung");
    await botSaysMatching(ADMIN, /Đã cập nhật danh mục: thêm 5, cập nhật 0, giữ nguyên 0 đơn vị/, seen);
    inPrivate(ADMIN, "/apdung");
    await botSaysMatching(ADMIN, /Không có danh mục nào đang chờ/, seen);

    inGroup(TAI_CHINH, ADMIN, "/donvi Sở Tài chính");
    await botSaysMatching(TAI_CHINH, /Đã gắn nhóm chat này với.*Sở Tài chính/);
    inGroup(GIAO_DUC, ADMIN, "/donvi Sở GD&ĐT");
    await botSaysMatching(GIAO_DUC, /Đã gắn nhóm chat này với.*Sở Giáo dục và Đào tạo/);
    inPrivate(ADMIN, `/vaitro cán bộ ${OFFICER} Sở Tài chính`);
    await botSaysMatching(ADMIN, /vai trò cán bộ/, seen);
    seen = sentTo(ADMIN).length;
    inPrivate(ADMIN, "/danhsachdonvi");
    await waitFor(() => sentTo(ADMIN).length > seen, "the list");
    await app.idle();
    const list = sentTo(ADMIN).slice(seen).map(textOf).join("\n");
    expect(list).toMatch(/Danh mục đơn vị \(5\) — trang 1\/1/);
    expect(list).toMatch(new RegExp(`Sở Tài chính \\(sở · tỉnh\\)\n {3}💬 .* \\(Zalo\\) \\[zalo:g:${TAI_CHINH}\\]`));
    expect(list).toMatch(/UBND huyện Gia Viễn \(ủy ban nhân dân huyện · huyện\)\n {3}\(chưa có nhóm\)/);
    expect(list).toMatch(new RegExp(`\\[zalo:g:${TAI_CHINH}\\]\\n {3}👤 `));

    inPrivate(ADMIN, "/doiten Sở Du lịch => Sở Văn hóa, Thể thao và Du lịch");
    await botSaysMatching(ADMIN, /Đã đổi tên Sở Du lịch thành Sở Văn hóa, Thể thao và Du lịch/, seen);
    inPrivate(ADMIN, "/gopdonvi Sở Giáo dục và Đào tạo => Sở Tài chính");
    await botSaysMatching(ADMIN, /Đã sáp nhập Sở Giáo dục và Đào tạo vào Sở Tài chính: chuyển 0 nhiệm vụ, 1 nhóm, 0 cán bộ/, seen);
    inPrivate(ADMIN, `/bogan zalo:g:${GIAO_DUC}`);
    await botSaysMatching(ADMIN, /Đã bỏ gắn nhóm .* khỏi Sở Tài chính/, seen);
    inPrivate(ADMIN, `/bogan zalo:g:${GIAO_DUC}`);
    await botSaysMatching(ADMIN, /không gắn với đơn vị nào/, seen);
    inPrivate(ADMIN, "/giaithe UBND xã Gia Hòa");
    await botSaysMatching(ADMIN, /Đã ghi nhận UBND xã Gia Hòa thôi hoạt động/, seen);
    expect((await app.deps.store.directory.units()).map((u) => u.displayName)).not.toContain("UBND xã Gia Hòa");
  }, 60_000);

  it("after a restart, what officers wrote while dondoc was down comes in old_messages and is handled once", async () => {
    await dispatchConfirmed();
    inGroup(TAI_CHINH, OFFICER, "tiến độ 1: đạt 30%");
    await botSays(TAI_CHINH, 2);
    await app.idle();
    const handledBefore = zalo.sent.length;
    await app.stop();

    // While down: an officer closes task 1 in the Tài chính group. Zalo's old_messages batch also still holds the
    // message handled before the restart, which must not be answered twice. (Group history answers 404 today.)
    const earlier = groupMessage("group-text", {
      msgId: String(nextId - 1), cliMsgId: "1", idTo: TAI_CHINH, uidFrom: OFFICER, dName: "Cán bộ", ts: String(clock.now().getTime() - 1000), content: "tiến độ 1: đạt 30%",
    });
    const later = String(clock.now().getTime() + 5 * 60_000);
    const whileDown = groupMessage("group-text", {
      msgId: String(nextId++), cliMsgId: later, idTo: TAI_CHINH, uidFrom: OFFICER, dName: "Cán bộ", ts: later, content: "xong 1",
    });
    zalo.oldMessages = [earlier, whileDown];

    app = await start();
    await waitFor(() => sentTo(TAI_CHINH).length > 3, "the answer to the message sent while down");
    expect(textOf(sentTo(TAI_CHINH)[3]!)).toMatch(/hoàn thành nhiệm vụ 1 \(91\/UBND-KT\)/);
    expect(zalo.historyCalls).toEqual([]);
    expect(statusOf("1")).toBe("done");
    await app.idle();
    expect(zalo.sent.length - handledBefore).toBe(1);
  }, 60_000);
});

describe("Zalo: files forwarded by a leader", () => {
  let server: Server;
  const served = new Map<string, Buffer>();
  const downloads: string[] = [];
  beforeEach(async () => {
    // Zalo's file CDN, on 127.0.0.1: the adapter downloads the href with the real fetch.
    server = createServer((req, res) => {
      downloads.push(req.url ?? "");
      const bytes = served.get(req.url ?? "");
      if (!bytes) return void res.writeHead(404).end();
      res.writeHead(200, { "content-length": bytes.length }).end(bytes);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    served.clear();
    downloads.length = 0;
  });

  /** A leader shares a file (share.file) or a photo (chat.photo) in the private chat, as zca-js delivers it. */
  function share(uidFrom: string, kind: "share.file" | "chat.photo", name: string, bytes: Buffer, announcedSize = bytes.length): void {
    const path = `/f/${nextId}/${encodeURIComponent(name)}`;
    served.set(path, bytes);
    const { port } = server.address() as AddressInfo;
    const at = String(clock.now().getTime());
    const ext = name.split(".").pop();
    zalo.receive(userMessage("user-text", {
      msgId: String(nextId++), cliMsgId: at, uidFrom, idTo: BOT_UID, dName: "Lãnh đạo", ts: at, msgType: kind,
      content: {
        title: kind === "share.file" ? name : "", description: "", href: `http://127.0.0.1:${port}${path}`, thumb: "", childnumber: 0, action: "recommened.link",
        params: JSON.stringify(kind === "share.file" ? { fileSize: String(announcedSize), fileExt: ext, fType: 1 } : { width: 1280, height: 1810 }), type: "",
      },
    }));
  }

  const dispatchRow = () => app.deps.store.db.read.prepare("SELECT fileName, fileHash, status FROM Dispatch ORDER BY id").all();

  it("share.file: one 'still reading' note however long OCR runs, then preview → /xacnhan, the file kept as source", async () => {
    await app.stop();
    let events = 0;
    // A slow OCR stand-in reporting many pages: on Zalo (no edits) this must not become many messages.
    app = await startApp(config, {
      clock, logger: silentLogger, runRemindersAtStart: false, zaloClient: zalo.client,
      botSettings: { stillReadingAfterMs: 150 },
      extractText: async (bytes, name, options = {}) => {
        for (let page = 1; page <= 8; page++) {
          events++;
          options.onProgress?.({ stage: "ocr", page, pages: 8 });
          await new Promise((r) => setTimeout(r, 60));
        }
        return extractText(bytes, name, options);
      },
    });
    await officeSetUp();
    const seen = sentTo(LEADER).length;
    const bytes = Buffer.from(DISPATCH.replace("91/UBND-KT", "92/UBND-KT"));
    share(LEADER, "share.file", "92-UBND-KT.txt", bytes);
    await botSaysMatching(LEADER, /\n1\. \/xacnhan\n2\. \/huy$/, seen);
    const mine = sentTo(LEADER).slice(seen).map(textOf);
    expect(events).toBe(8);
    expect(mine[0]).toBe("Đang đọc văn bản 92-UBND-KT.txt...");
    expect(mine.filter((t) => /nhận dạng chữ, việc đọc mất thêm một lúc/.test(t))).toHaveLength(1);
    expect(mine.filter((t) => /trang \d+\/8/.test(t))).toEqual([]);
    expect(mine.join("\n")).toMatch(/XEM TRƯỚC.*92\/UBND-KT/s);
    inPrivate(LEADER, "/xacnhan");
    await botSaysMatching(LEADER, /Đã giao 3 nhiệm vụ cho 2 đơn vị/, seen);
    await botSaysMatching(TAI_CHINH, /92\/UBND-KT/);
    expect(dispatchRow()).toEqual([{ fileName: "92-UBND-KT.txt", fileHash: createHash("sha256").update(bytes).digest("hex"), status: "confirmed" }]);
    expect(app.deps.store.db.read.prepare("SELECT count(*) FROM OutboxItem WHERE status = 'failed'").pluck().get()).toBe(0); // no edit was tried
  }, 60_000);

  it.skipIf(!detectTools().tesseract || !detectTools().pdftoppm)("chat.photo: read by OCR into a preview", async () => {
    await officeSetUp();
    const dir = mkdtempSync(join(tmpdir(), "dondoc-zalo-photo-"));
    const pdf = new URL("../../fixtures/files/dispatch.pdf", import.meta.url).pathname;
    execFileSync("pdftoppm", ["-jpeg", "-r", "200", "-gray", "-f", "1", "-l", "1", "-singlefile", pdf, join(dir, "page")]);
    const photo = readFileSync(join(dir, "page.jpg"));
    share(LEADER, "chat.photo", "photo.jpg", photo);
    expect(await botSaysMatching(LEADER, /XEM TRƯỚC/)).toMatch(/1277-CV\/HU/);
    const [row] = dispatchRow() as Array<{ fileName: string; fileHash: string }>;
    expect(row!.fileName).toMatch(/^anh-\d+\.jpg$/);
    expect(row!.fileHash).toBe(createHash("sha256").update(photo).digest("hex"));
  }, 90_000);

  it("bad files: Vietnamese message, nothing stored; too large (by the announced size) is not downloaded", async () => {
    await officeSetUp();
    const corrupt = Buffer.from("%PDF-1.7\nnot a pdf at all\n");
    share(LEADER, "share.file", "hong.pdf", corrupt);
    await botSaysMatching(LEADER, /^Tệp hong\.pdf bị hỏng hoặc không đọc được/);
    const before = downloads.length;
    share(LEADER, "share.file", "lon.pdf", Buffer.from("%PDF-1.7\n"), 200 * 1024 * 1024);
    await botSaysMatching(LEADER, /^Tệp lon\.pdf quá lớn \(200\.0 MB; giới hạn 20\.0 MB\)/);
    expect(downloads.length).toBe(before);
    expect(dispatchRow()).toEqual([]);
  }, 60_000);
});

/** Units, the leader's role and the two bound groups, with no dispatch yet. */
async function officeSetUp(): Promise<void> {
  let adminSeen = sentTo(ADMIN).length;
  for (const command of ["/themdonvi Sở Tài chính; loại: sở", "/themdonvi Sở Giáo dục và Đào tạo; loại: sở", `/vaitro lãnh đạo ${LEADER}`]) {
    inPrivate(ADMIN, command);
    expect(await botSays(ADMIN, adminSeen++)).not.toMatch(/không|Cách dùng/);
  }
  inGroup(TAI_CHINH, ADMIN, "/donvi Sở Tài chính");
  await botSaysMatching(TAI_CHINH, /Đã gắn nhóm chat này với.*Sở Tài chính/);
  inGroup(GIAO_DUC, ADMIN, "/donvi Sở Giáo dục và Đào tạo");
  await botSaysMatching(GIAO_DUC, /Đã gắn nhóm chat này với.*Sở Giáo dục/);
}
