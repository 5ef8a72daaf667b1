// Issue 12 on Zalo alone, through startApp and the real Zalo adapter over the fake of its zca-js interface: a unit
// asks for more time by typing (no quote, task number from the newest post), the leader decides by the typed forms of
// the card's buttons (/giahan, /tuchoi), the report shows "gia hạn từ … đến …", and /lichsu answers by role.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TQuote } from "zca-js";
import { writeCredentials } from "../../../src/adapters/zalo/credentials.js";
import { type App, startApp } from "../../../src/app.js";
import type { Clock } from "../../../src/clock.js";
import { type Config, parseConfig } from "../../../src/config.js";
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
const DISPATCH = `${HEADER.replace("{{number}}", "91/UBND-KT")}
1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
2. Sở Giáo dục và Đào tạo chủ trì rà soát cơ sở vật chất các trường học, hoàn thành trước ngày 20/6/2023.
3. Sở Tài chính chủ trì hướng dẫn các quận, huyện lập dự toán ngân sách năm 2024, hoàn thành trước ngày 12/6/2023.
`;

/** Real time shifted to `iso`; `setClock` moves it (the office-hours test jumps to the night and the next morning). */
let offset = 0;
function clockFrom(iso: string): Clock {
  offset = new Date(iso).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
const setClock = (iso: string) => { offset = new Date(iso).getTime() - Date.now(); };

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


describe("extensions and history on Zalo", () => {
  it("typed request → typed approval; the unit is told; report and /lichsu show it; refusals by /tuchoi", async () => {
    await dispatchConfirmed();
    const seen = sentTo(TAI_CHINH).length;
    // No quote: "nhiệm vụ 2" is task 2 of the newest post in the group (item 3, due 12/06/2023).
    inGroup(TAI_CHINH, OFFICER, "de nghi gia han nhiem vu 2 den 15/7 vi cho so lieu cac quan");
    expect(await botSaysMatching(TAI_CHINH, /đề nghị gia hạn/, seen)).toMatch(/nhiệm vụ 3 \(91\/UBND-KT\) từ 12\/06\/2023 đến 15\/07\/2023/);
    const card = await botSaysMatching(LEADER, /Đề nghị gia hạn: Sở Tài chính/);
    expect(card).toMatch(/Lý do: cho so lieu cac quan/);
    const id = /\/giahan (\d+) <ngày>/.exec(card)![1]!;
    // Zalo shows the card's buttons as what to type.
    await botSaysMatching(LEADER, new RegExp(`1\\. /giahan ${id}\\n2\\. /tuchoi ${id}$`));

    // An officer cannot decide; the leader can.
    inPrivate(OFFICER, `/giahan ${id}`);
    expect(await botSaysMatching(OFFICER, /lãnh đạo/)).toBe("Chỉ lãnh đạo mới được quyết định gia hạn.");
    inPrivate(LEADER, `/giahan ${id}`);
    expect(await botSaysMatching(LEADER, /Đã gia hạn/)).toBe("Đã gia hạn Sở Tài chính · 3 đến 15/07/2023.");
    expect(await botSaysMatching(TAI_CHINH, /Lãnh đạo đồng ý/, seen)).toBe(
      "✅ Lãnh đạo đồng ý gia hạn nhiệm vụ 3 (91/UBND-KT) của Sở Tài chính: hạn mới 15/07/2023 (hạn cũ 12/06/2023).",
    );

    // The other unit asks, quoting its post; the leader refuses.
    const gdSeen = sentTo(GIAO_DUC).length;
    inGroup(GIAO_DUC, OFFICER, "Xin gia hạn đến 30/7 vì đang sửa chữa trường", { quote: sentTo(GIAO_DUC)[1]! });
    await botSaysMatching(GIAO_DUC, /Đã chuyển đề nghị gia hạn nhiệm vụ 2/, gdSeen);
    const card2 = await botSaysMatching(LEADER, /Đề nghị gia hạn: Sở Giáo dục/);
    const id2 = /\/giahan (\d+) <ngày>/.exec(card2)![1]!;
    inPrivate(LEADER, `/tuchoi ${id2} đề nghị bố trí thêm người`);
    await botSaysMatching(LEADER, /Đã từ chối gia hạn/);
    expect(await botSaysMatching(GIAO_DUC, /không đồng ý/, gdSeen)).toMatch(/hạn vẫn là 20\/06\/2023\. Ý kiến: đề nghị bố trí thêm người$/);

    // The secretary's report shows the extension; the history shows request and decision.
    const secSeen = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/baocao 91/UBND-KT");
    await waitFor(() => sentTo(SECRETARY).slice(secSeen).map(textOf).join("\n").includes("Nhiệm vụ 3"), "the report");
    expect(sentTo(SECRETARY).slice(secSeen).map(textOf).join("\n")).toContain("hạn 15/07/2023 (gia hạn từ 12/06/2023 đến 15/07/2023)");
    const histSeen = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/lichsu 91/UBND-KT 3");
    // Split at ZALO_MAX_TEXT: the parts together.
    await waitFor(() => /đồng ý gia hạn/.test(sentTo(SECRETARY).slice(histSeen).map(textOf).join("\n")), "the whole history");
    const history = sentTo(SECRETARY).slice(histSeen).map(textOf).join("\n");
    expect(history).toMatch(/^🕘 Lịch sử nhiệm vụ 3 — 91\/UBND-KT/);
    expect(history).toMatch(/Đã gửi tới nhóm/);
    expect(history).toMatch(/Cán bộ đề nghị gia hạn từ 12\/06\/2023 đến 15\/07\/2023 — cho so lieu cac quan/);
    expect(history).toMatch(/đồng ý gia hạn từ 12\/06\/2023 đến 15\/07\/2023/);
    // A unit's group sees only its own tasks.
    inGroup(GIAO_DUC, OFFICER, "/lichsu 91/UBND-KT 3");
    await botSaysMatching(GIAO_DUC, /không có quyền xem lịch sử/, gdSeen);
    const own = sentTo(GIAO_DUC).length;
    inGroup(GIAO_DUC, OFFICER, "/lichsu 91/UBND-KT 2");
    await waitFor(() => /không đồng ý gia hạn/.test(sentTo(GIAO_DUC).slice(own).map(textOf).join("\n")), "the unit's own history");
    expect(sentTo(GIAO_DUC).slice(own).map(textOf).join("\n")).not.toMatch(/Sở Tài chính/);
  }, 60_000);
});

describe("office hours on Zalo", () => {
  it("a unit's group gets nothing at night, the leader's private chat is answered; the morning brings the posts", async () => {
    inPrivate(ADMIN, `/vaitro lãnh đạo ${LEADER}`);
    await botSays(ADMIN, 0);
    inGroup(TAI_CHINH, ADMIN, "/donvi Sở Tài chính");
    await botSays(TAI_CHINH, 0);
    inPrivate(ADMIN, "/themdonvi Sở Tài chính; loại: sở");
    await botSays(ADMIN, 1);
    inGroup(TAI_CHINH, ADMIN, "/donvi Sở Tài chính");
    expect(await botSays(TAI_CHINH, 1)).toMatch(/Đã gắn nhóm chat này với Sở Tài chính/);

    setClock("2023-06-05T15:00:00Z"); // Monday 22:00
    inPrivate(LEADER, DISPATCH);
    // Sở Giáo dục is not in this directory: its item is marked "không giao" before confirming.
    await botSaysMatching(LEADER, /\n1\. \/khonggiao 2\n2\. \/xacnhan\n3\. \/huy$/);
    inPrivate(LEADER, "/khonggiao 2");
    await botSaysMatching(LEADER, /^Đã đánh dấu không giao: mục 2\.$/);
    inPrivate(LEADER, "/xacnhan");
    await botSaysMatching(LEADER, /Đã giao 2 nhiệm vụ cho 1 đơn vị/);
    // An officer writing in the group at night is recorded, but the group hears nothing until the morning.
    inGroup(TAI_CHINH, OFFICER, "@Đôn đốc xong", { mention: true });
    await new Promise((r) => setTimeout(r, 1500));
    expect(sentTo(TAI_CHINH)).toHaveLength(2);

    setClock("2023-06-06T00:31:00Z"); // Tuesday 07:31
    await waitFor(() => sentTo(TAI_CHINH).length >= 3, "the morning post");
    expect(textOf(sentTo(TAI_CHINH)[2]!)).toMatch(/Giao Sở Tài chính thực hiện/);
  }, 60_000);
});

describe("working days on the office calendar (Zalo preview)", () => {
  it("counts from signing and from receipt over the Quốc khánh holiday and flags a holiday deadline", async () => {
    setClock("2024-08-30T02:00:00Z"); // received (forwarded) Friday 30/08/2024; signed Wednesday 28/08
    inPrivate(ADMIN, `/vaitro lãnh đạo ${LEADER}`);
    await botSays(ADMIN, 0);
    inPrivate(LEADER, `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 120/UBND-VP
V/v báo cáo số liệu phục vụ kỳ họp

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 28 tháng 8 năm 2024

1. Sở Tài chính chủ trì báo cáo số liệu thu, chi ngân sách trong 03 ngày làm việc kể từ ngày ký.
2. Sở Y tế chủ trì tổ chức kiểm tra an toàn thực phẩm, hoàn thành trước ngày 02/9/2024.
3. Sở Y tế chủ trì gửi danh sách cơ sở vi phạm trong 02 ngày làm việc kể từ ngày nhận được văn bản này.
`);
    // No unit is in this directory: each item has its "không giao" command above /xacnhan.
    await botSaysMatching(LEADER, /\n3\. \/khonggiao 3\n4\. \/khonggiao tất cả\n5\. \/xacnhan\n6\. \/huy$/);
    const preview = sentTo(LEADER).map(textOf).join("\n");
    // 3 working days after Wed 28/08: Thu 29, Fri 30, (Mon 02/09 Quốc khánh) Tue 03/09. Monday–Friday only: 02/09.
    expect(preview).toMatch(/báo cáo số liệu thu, chi[\s\S]*?Hạn: 03\/09\/2024/);
    expect(preview).toMatch(/Hạn 02\/09\/2024 rơi vào ngày nghỉ/);
    // 2 working days after the day received: Tue 03/09, Wed 04/09.
    expect(preview).toMatch(/cơ sở vi phạm[\s\S]*?Hạn: 04\/09\/2024/);
  }, 60_000);
});

describe("posts people can read (Zalo)", () => {
  it("the coordinating unit's post names the lead unit", async () => {
    inPrivate(ADMIN, `/vaitro lãnh đạo ${LEADER}`);
    await botSays(ADMIN, 0);
    inPrivate(ADMIN, "/themdonvi Sở Tài chính; loại: sở");
    inPrivate(ADMIN, "/themdonvi Sở Giáo dục và Đào tạo; loại: sở");
    await botSays(ADMIN, 2);
    inGroup(GIAO_DUC, ADMIN, "/donvi Sở Giáo dục và Đào tạo");
    await botSays(GIAO_DUC, 0);
    inPrivate(LEADER, DISPATCH.replace("1. Sở Tài chính chủ trì tổng hợp", "1. Sở Tài chính chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổng hợp"));
    await botSaysMatching(LEADER, /\n1\. \/xacnhan\n2\. \/huy$/);
    inPrivate(LEADER, "/xacnhan");
    expect(await botSaysMatching(LEADER, /^Đã giao/)).toMatch(/^Đã giao 3 nhiệm vụ cho 2 đơn vị \(4 lượt giao cho đơn vị\); 1 tin nhắn đang được gửi\.\n/);
    const post = await botSaysMatching(GIAO_DUC, /Giao Sở Giáo dục và Đào tạo thực hiện/);
    expect(post).toMatch(/^1\. \[1\] Đơn vị chủ trì: Sở Tài chính — đơn vị phối hợp: Sở Giáo dục và Đào tạo: /m);
    expect(post).toMatch(/^2\. \[2\] Chủ trì: /m);
  }, 60_000);
});

describe("amendments and recalls on Zalo", () => {
  it("a replacing dispatch applied with the typed /apdung withdraws the old one's tasks; /thuhoi by a leader only", async () => {
    await dispatchConfirmed();
    const leaderSeen = sentTo(LEADER).length;
    inPrivate(LEADER, `${HEADER.replace("{{number}}", "97/UBND-KT")}
Văn bản này thay thế Công văn số 91/UBND-KT ngày 05/6/2023 của UBND Thành phố.
`);
    await botSaysMatching(LEADER, /\/huy$/, leaderSeen);
    const preview = sentTo(LEADER).slice(leaderSeen).map(textOf).join("\n");
    expect(preview).toContain("🔁 Văn bản này thay thế 91/UBND-KT.");
    const [, amendment, target] = /\/apdung (\d+) (\d+)/.exec(preview)!;
    inPrivate(OFFICER, `/apdung ${amendment} ${target}`);
    expect(await botSaysMatching(OFFICER, /lãnh đạo/)).toBe("Chỉ lãnh đạo mới được áp dụng văn bản sửa đổi.");
    const tcSeen = sentTo(TAI_CHINH).length;
    inPrivate(LEADER, `/apdung ${amendment} ${target}`);
    expect(await botSaysMatching(LEADER, /^Đã áp dụng/, leaderSeen)).toBe("Đã áp dụng: 3 lượt giao của 91/UBND-KT được thu hồi; các đơn vị đã được báo.");
    expect(await botSaysMatching(TAI_CHINH, /Theo Công văn số 97\/UBND-KT/, tcSeen)).toBe(
      "⛔ Theo Công văn số 97/UBND-KT: nhiệm vụ 1, 3 (91/UBND-KT) không còn phải thực hiện; bot ngừng nhắc việc.",
    );
    await botSaysMatching(GIAO_DUC, /nhiệm vụ 2 \(91\/UBND-KT\) không còn phải thực hiện/);
    // Unquoted "xong 1" refers to the newest post, whose task is recalled.
    inGroup(TAI_CHINH, OFFICER, "xong 1");
    expect(await botSaysMatching(TAI_CHINH, /thu hồi; không cần báo cáo/, tcSeen)).toBe("Nhiệm vụ 1 (91/UBND-KT) đã được thu hồi; không cần báo cáo.");
    // Nothing left to recall; unknown numbers are said so.
    inPrivate(LEADER, "/thuhoi 91/UBND-KT");
    await botSaysMatching(LEADER, /Không còn nhiệm vụ nào chưa xong để thu hồi\./, leaderSeen);
    inPrivate(LEADER, "/thuhoi 999/UBND-KT 1");
    await botSaysMatching(LEADER, /Không tìm thấy văn bản đã giao việc có số 999\/UBND-KT\./, leaderSeen);
    // The secretary's report no longer lists them.
    const secSeen = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/baocao 91/UBND-KT");
    await waitFor(() => sentTo(SECRETARY).length > secSeen, "the report");
    expect(sentTo(SECRETARY).slice(secSeen).map(textOf).join("\n")).not.toMatch(/Sở Tài chính \(chủ trì\)/);
  }, 60_000);
});

describe("nothing silently untracked (Zalo)", () => {
  it("names unit-less items in the preview and the report; answers a secretary as a secretary", async () => {
    await dispatchConfirmed();
    const leaderSeen = sentTo(LEADER).length;
    inPrivate(LEADER, `${HEADER.replace("{{number}}", "92/UBND-KT")}
1. Sở Tài chính chủ trì tổng hợp số liệu, hoàn thành trước ngày 30/6/2023.
2. Ban Dân vận Thành ủy chủ trì tuyên truyền kết quả, hoàn thành trước ngày 30/6/2023.
`);
    // The card's 🚫 button is shown as the command to type, before /xacnhan and /huy.
    await botSaysMatching(LEADER, /\n1\. \/khonggiao 2\n2\. \/xacnhan\n3\. \/huy$/, leaderSeen);
    expect(sentTo(LEADER).slice(leaderSeen).map(textOf).join("\n")).toMatch(/⚠️ Mục chưa giao cho đơn vị nào: 2 \[2\]\. Trước khi xác nhận, mỗi mục cần được giao \(\/giao 2 <đơn vị>\) hoặc đánh dấu không giao \(nút 🚫, hoặc \/khonggiao 2\)/);
    // Confirming insists: nothing goes out while item 2 is undecided.
    const tcSeen = sentTo(TAI_CHINH).length;
    inPrivate(LEADER, "/xacnhan");
    const insist = await botSaysMatching(LEADER, /^Chưa xác nhận/, leaderSeen);
    expect(insist).toMatch(/^Chưa xác nhận: còn 1 mục chưa giao cho đơn vị nào, nếu gửi đi sẽ không ai theo dõi:\n• 2\. \[2\] Ban Dân vận Thành ủy/);
    await botSaysMatching(LEADER, /\n1\. \/khonggiao 2$/, leaderSeen);
    // An officer cannot mark; unreadable numbers get the usage; the leader types it with diacritics, in two words.
    inPrivate(OFFICER, "/khonggiao 2");
    await botSaysMatching(OFFICER, /Không có văn bản nào đang chờ xác nhận|không có quyền/);
    inPrivate(LEADER, "/khonggiao mục hai");
    await botSaysMatching(LEADER, /^Cú pháp: \/khonggiao <số mục>/, leaderSeen);
    const marking = sentTo(LEADER).length;
    inPrivate(LEADER, "/không giao 2");
    expect(await botSaysMatching(LEADER, /^Đã đánh dấu không giao/, marking)).toBe("Đã đánh dấu không giao: mục 2.");
    const card = await botSaysMatching(LEADER, /🚫 Không giao — không theo dõi/, marking);
    expect(card).toMatch(/2\. \[2\] Ban Dân vận Thành ủy[^\n]*\n   🚫 Không giao — không theo dõi, ghi trong báo cáo \(giao lại: \/giao 2 <đơn vị>\)/);
    await botSaysMatching(LEADER, /\n1\. \/xacnhan\n2\. \/huy$/, marking);
    expect(sentTo(TAI_CHINH)).toHaveLength(tcSeen);
    inPrivate(LEADER, "/xac nhan");
    expect(await botSaysMatching(LEADER, /^Đã giao 1 nhiệm vụ/, marking)).toMatch(/\nMục không giao \(không theo dõi, ghi trong báo cáo\): 2\.$/);
    const secSeen = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/baocao 92/UBND-KT");
    await waitFor(() => /Mục không giao/.test(sentTo(SECRETARY).slice(secSeen).map(textOf).join("\n")), "the unit-less items");
    expect(sentTo(SECRETARY).slice(secSeen).map(textOf).join("\n")).toContain("🚫 Mục không giao (lãnh đạo đánh dấu khi xác nhận; không theo dõi):\n• [2] Ban Dân vận Thành ủy chủ trì tuyên truyền kết quả");
    inPrivate(SECRETARY, "chào bot");
    expect(await botSaysMatching(SECRETARY, /^Chào văn thư/, secSeen)).toMatch(/\/baocao/);
  }, 60_000);
});

describe("/baocao asks which year (Zalo)", () => {
  it("a number used in two years: the secretary is asked which, and typing the year (without diacritics) picks it", async () => {
    await dispatchConfirmed();
    // The same number a year later (a new year's numbering), confirmed too.
    const leaderSeen = sentTo(LEADER).length;
    inPrivate(LEADER, `${HEADER.replace("{{number}}", "91/UBND-KT").replace("năm 2023", "năm 2024")}
1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2023, hoàn thành trước ngày 30/6/2024.
`);
    await botSaysMatching(LEADER, /\/huy$/, leaderSeen);
    inPrivate(LEADER, "/xacnhan");
    await botSaysMatching(LEADER, /^Đã giao 1 nhiệm vụ/, leaderSeen);

    const secSeen = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/baocao 91/UBND-KT");
    expect(await botSaysMatching(SECRETARY, /^Có 2 văn bản số 91\/UBND-KT/, secSeen)).toBe(
      "Có 2 văn bản số 91/UBND-KT ở các năm khác nhau. Gõ kèm năm, ví dụ:\n• /baocao 91/UBND-KT/2023 (05/06/2023)\n• /baocao 91/UBND-KT/2024 (05/06/2024)",
    );
    // The export asks the same, with its own command.
    inPrivate(SECRETARY, "/xuat 91/UBND-KT");
    expect(await botSaysMatching(SECRETARY, /• \/xuat 91\/UBND-KT\/2024 \(05\/06\/2024\)/, secSeen)).toMatch(/^Có 2 văn bản số 91\/UBND-KT/);
    // As offered, and as typed on a phone: "bao cao" in two words, "nam 2024" without diacritics.
    const picked = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/bao cao 91/UBND-KT nam 2024");
    await waitFor(() => /Tổng số/.test(sentTo(SECRETARY).slice(picked).map(textOf).join("\n")), "the 2024 report");
    await app.idle();
    const report = sentTo(SECRETARY).slice(picked).map(textOf).join("\n");
    expect(report).toContain("Tổng số: 1 nhiệm vụ, 1 lượt giao cho đơn vị (1 lượt chủ trì, 0 lượt phối hợp)");
    expect(report).toMatch(/hạn 30\/06\/2024/);
    expect(report).not.toMatch(/\/2023 ·|hạn \d\d\/\d\d\/2023/);
    const other = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/baocao 91/UBND-KT/2023");
    await waitFor(() => /hạn 12\/06\/2023/.test(sentTo(SECRETARY).slice(other).map(textOf).join("\n")), "the 2023 report");
    expect(sentTo(SECRETARY).slice(other).map(textOf).join("\n")).toContain("Tổng số: 3 nhiệm vụ, 3 lượt giao cho đơn vị (3 lượt chủ trì, 0 lượt phối hợp)");
  }, 60_000);
});

describe("a period's report and recurring tasks (Zalo)", () => {
  it("next month's occurrence is not 'đang thực hiện' in this year's report until its month begins", async () => {
    await dispatchConfirmed();
    const leaderSeen = sentTo(LEADER).length;
    inPrivate(LEADER, `${HEADER.replace("{{number}}", "130/UBND-TC")}
1. Sở Tài chính chủ trì báo cáo tình hình giải ngân vốn đầu tư công hằng tháng, gửi trước ngày 25 hằng tháng.
`);
    await botSaysMatching(LEADER, /\/huy$/, leaderSeen);
    inPrivate(LEADER, "/xacnhan");
    await botSaysMatching(LEADER, /^Đã giao 1 nhiệm vụ/, leaderSeen);
    await waitFor(() => sentTo(TAI_CHINH).some((m) => /130\/UBND-TC/.test(textOf(m))), "the post");
    const post = sentTo(TAI_CHINH).find((m) => /130\/UBND-TC/.test(textOf(m)))!;
    setClock("2023-06-09T02:00:00Z"); // Friday: June's report handed in early
    const tcSeen = sentTo(TAI_CHINH).length;
    inGroup(TAI_CHINH, OFFICER, "da xong", { quote: post });
    await waitFor(() => sentTo(TAI_CHINH).length > tcSeen, "the acknowledgement");

    const ask = async (text: string, until: RegExp): Promise<string> => {
      const seen = sentTo(SECRETARY).length;
      inPrivate(SECRETARY, text);
      await waitFor(() => until.test(sentTo(SECRETARY).slice(seen).map(textOf).join("\n")), text);
      await app.idle();
      return sentTo(SECRETARY).slice(seen).map(textOf).join("\n");
    };
    const june = await ask("/bao cao nam 2023 So Tai chinh", /Chi tiết/);
    expect(june).toMatch(/giải ngân[\s\S]*hạn 25\/06\/2023 · Hoàn thành đúng hạn/);
    expect(june).not.toMatch(/hạn 25\/07\/2023/);
    setClock("2023-06-26T02:00:00Z");
    const july = await ask("/baocao năm 2023 Sở Tài chính", /hạn 25\/07\/2023/);
    expect(july).toMatch(/hạn 25\/07\/2023 · Đang thực hiện \(trong hạn\)/);
  }, 60_000);
});


describe("an amendment applied item by item (Zalo)", () => {
  it("the preview lists each item's change; the typed /apdung applies them; each group is told; /lichsu shows the change", async () => {
    await dispatchConfirmed();
    const leaderSeen = sentTo(LEADER).length;
    const tcSeen = sentTo(TAI_CHINH).length;
    const gdSeen = sentTo(GIAO_DUC).length;
    inPrivate(LEADER, `${HEADER.replace("{{number}}", "98/UBND-KT")}
UBND Thành phố sửa đổi, bổ sung Công văn số 91/UBND-KT ngày 05/6/2023 như sau:
1. Điều chỉnh thời hạn tại mục 2 đến ngày 10/7/2023.
2. Sửa đổi mục 3 như sau: "Sở Tài chính chủ trì hướng dẫn các quận, huyện lập dự toán ngân sách năm 2024 và kế hoạch tài chính 03 năm."
3. Điều chỉnh thời hạn tại mục 7 đến ngày 10/7/2023.
`);
    await botSaysMatching(LEADER, /\/huy$/, leaderSeen);
    const preview = sentTo(LEADER).slice(leaderSeen).map(textOf).join("\n");
    expect(preview).toContain("🔁 Văn bản này sửa đổi, bổ sung 91/UBND-KT.");
    expect(preview).toContain("• Mục 2: hạn mới 10/07/2023 (hiện nay: 20/06/2023) — Sở Giáo dục và Đào tạo");
    expect(preview).toContain("• Mục 3: nội dung mới “Sở Tài chính chủ trì hướng dẫn các quận, huyện lập dự toán ngân sách năm 2024 và kế hoạch tài chính 03 năm.” — Sở Tài chính");
    expect(preview).toContain("• Mục 7: 91/UBND-KT không có mục này, bỏ qua.");
    const [, amendment, target] = /\/apdung (\d+) (\d+)/.exec(preview)!;
    inPrivate(LEADER, `/apdung ${amendment} ${target}`);
    expect(await botSaysMatching(LEADER, /^Đã áp dụng/, leaderSeen)).toMatch(/^Đã áp dụng cho 91\/UBND-KT: 2 mục được sửa đổi, 0 mục bổ sung; 2 đơn vị đã được báo\. Các mục đã áp dụng được bỏ khỏi bản xem trước/);
    expect(await botSaysMatching(GIAO_DUC, /98\/UBND-KT/, gdSeen)).toBe(
      "🔁 Theo Công văn số 98/UBND-KT, 91/UBND-KT được sửa đổi:\n• Nhiệm vụ 2: hạn mới 10/07/2023 (trước đây 20/06/2023).",
    );
    expect(await botSaysMatching(TAI_CHINH, /98\/UBND-KT/, tcSeen)).toMatch(/• Nhiệm vụ 3: nội dung mới: Sở Tài chính chủ trì hướng dẫn .* kế hoạch tài chính 03 năm\.$/);
    inPrivate(LEADER, `/apdung ${amendment} ${target}`);
    await botSaysMatching(LEADER, /Văn bản này đã được áp dụng\./, leaderSeen);

    const secSeen = sentTo(SECRETARY).length;
    inPrivate(SECRETARY, "/lichsu 91/UBND-KT 2");
    await waitFor(() => sentTo(SECRETARY).slice(secSeen).map(textOf).join("\n").includes("hạn đổi từ"), "the history");
    expect(sentTo(SECRETARY).slice(secSeen).map(textOf).join("\n")).toMatch(/Theo Công văn số 98\/UBND-KT: hạn đổi từ 20\/06\/2023 thành 10\/07\/2023/);
  }, 60_000);
});
