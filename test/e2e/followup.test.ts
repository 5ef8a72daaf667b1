// Issue 12 on Telegram through startApp, telegraf and the fake Bot API: a unit asks for more time in its group, the
// leader approves with the card's button (or refuses with /tuchoi), the unit is told, reminders and the report follow
// the new date and the report shows the original one; /lichsu shows the task's timeline by role.
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, buttonData, LEADER, type Loop, OFFICER, OFFICER2, SECRETARY, startLoop } from "./harness.js";

const DISPATCH = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 89/UBND-TC
V/v quyết toán ngân sách năm 2022

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
2. Sở Y tế chủ trì rà soát kinh phí phòng, chống dịch, hoàn thành trước ngày 30/6/2023.
`;

// Signed and forwarded on Friday 30/08/2024, before the Quốc khánh holiday (Monday 02/09).
const COUNTED = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 120/UBND-VP
V/v báo cáo số liệu phục vụ kỳ họp

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 30 tháng 8 năm 2024

1. Sở Tài chính chủ trì báo cáo số liệu thu, chi ngân sách trong 03 ngày làm việc kể từ ngày ký.
2. Sở Y tế chủ trì tổ chức kiểm tra an toàn thực phẩm, hoàn thành trước ngày 02/9/2024.
3. Sở Y tế chủ trì gửi danh sách cơ sở vi phạm trong 02 ngày làm việc kể từ ngày nhận được văn bản này.
`;

// Extends 89/UBND-TC: no task of its own, only the new date.
const AMENDING = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 95/UBND-TC
V/v gia hạn thời gian thực hiện Công văn số 89/UBND-TC

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 20 tháng 6 năm 2023

Kính gửi: Sở Tài chính; Sở Y tế.

Do số liệu quyết toán của các quận, huyện chưa đầy đủ, UBND Thành phố gia hạn thời gian thực hiện Công văn số 89/UBND-TC ngày 05/6/2023 đến ngày 14/7/2023.
`;

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

async function setUpUnits(l: Loop): Promise<void> {
  const { api } = l;
  api.group(-501, "Nhóm Sở Tài chính");
  api.group(-502, "Nhóm Sở Y tế");
  l.say(ADMIN.id, ADMIN, "/themdonvi Sở Tài chính; loại: sở");
  l.say(ADMIN.id, ADMIN, "/themdonvi Sở Y tế; loại: sở");
  l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
  l.say(ADMIN.id, ADMIN, `/vaitro văn thư ${SECRETARY.id}`);
  await l.botSaysMatching(ADMIN.id, /vai trò văn thư cho telegram:1003/);
  l.say(-501, ADMIN, "/donvi Sở Tài chính");
  await l.botSaysMatching(-501, /Đã gắn nhóm chat này với Sở Tài chính/);
  l.say(-502, ADMIN, "/donvi Sở Y tế");
  await l.botSaysMatching(-502, /Đã gắn nhóm chat này với Sở Y tế/);
}

async function office(l: Loop): Promise<{ taiChinh: number; yTe: number }> {
  await setUpUnits(l);
  l.say(LEADER.id, LEADER, DISPATCH);
  const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
  await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
  const taiChinh = (await l.botSaysMatching(-501, /Giao Sở Tài chính thực hiện:/)).message_id;
  const yTe = (await l.botSaysMatching(-502, /Giao Sở Y tế thực hiện:/)).message_id;
  return { taiChinh, yTe };
}

describe("deadline extensions and task history on Telegram", () => {
  it("request → leader's card → approve; unit told; reminders and report follow the new date beside the original", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    const posts = await office(l);

    // The officer asks in the group, replying to the task post.
    l.say(-501, OFFICER, "Đề nghị gia hạn đến 14/7 vì các quận chưa gửi số liệu", posts.taiChinh);
    expect((await l.botSaysMatching(-501, /Đã chuyển đề nghị gia hạn/)).text).toBe(
      "⏳ Đã chuyển đề nghị gia hạn nhiệm vụ 1 (89/UBND-TC) từ 30/06/2023 đến 14/07/2023 tới lãnh đạo; đơn vị sẽ được báo khi có ý kiến.",
    );
    const card = await l.botSaysMatching(LEADER.id, /Đề nghị gia hạn: Sở Tài chính/);
    expect(card.text).toContain("Hạn hiện tại: 30/06/2023 → đề nghị đến: 14/07/2023");
    expect(card.text).toContain("Lý do: các quận chưa gửi số liệu");
    expect(card.text).toContain("Cán Bộ <Y&T>_*"); // who asked, as written (plain text, nothing interpreted)
    const [ok, no] = buttonData(card);
    expect(ok).toMatch(/^extok:\d+$/);
    expect(no).toMatch(/^extno:\d+$/);

    // Only a leader decides: the officer pressing the button changes nothing.
    expect(await l.press(LEADER.id, OFFICER, card, ok!)).toBe("Chỉ lãnh đạo mới được quyết định gia hạn.");
    expect(await l.press(LEADER.id, LEADER, card, ok!)).toBe("Đã gia hạn Sở Tài chính · 1 đến 14/07/2023.");
    expect((await l.botSaysMatching(-501, /Lãnh đạo đồng ý gia hạn/)).text).toBe(
      "✅ Lãnh đạo đồng ý gia hạn nhiệm vụ 1 (89/UBND-TC) của Sở Tài chính: hạn mới 14/07/2023 (hạn cũ 30/06/2023).",
    );
    // Pressed again: already decided.
    expect(await l.press(LEADER.id, LEADER, card, ok!)).toBe("Đề nghị gia hạn này đã được xử lý (đã đồng ý).");

    // The other unit asks without diacritics; the leader refuses by the typed command with a reason.
    l.say(-502, OFFICER2, "xin gia han den 10/7 do thieu nhan luc", posts.yTe);
    const card2 = await l.botSaysMatching(LEADER.id, /Đề nghị gia hạn: Sở Y tế/);
    const id2 = buttonData(card2)[0]!.slice("extok:".length);
    expect(card2.text).toContain(`/giahan ${id2} <ngày>`);
    l.say(LEADER.id, LEADER, `/tuchoi ${id2} Không có căn cứ`);
    await l.botSaysMatching(LEADER.id, /Đã từ chối gia hạn Sở Y tế · 2\./);
    expect((await l.botSaysMatching(-502, /không đồng ý gia hạn/)).text).toBe(
      "❌ Lãnh đạo không đồng ý gia hạn nhiệm vụ 2 (89/UBND-TC) của Sở Y tế; hạn vẫn là 30/06/2023. Ý kiến: Không có căn cứ",
    );
    // A date already past or not later than the deadline is not an extension.
    l.say(-502, OFFICER2, "đề nghị gia hạn đến 20/6/2023", posts.yTe);
    await l.botSaysMatching(-502, /Ngày đề nghị \(20\/06\/2023\) không sau hạn hiện tại \(30\/06\/2023\)/);
    // Asking without a date: told how to write it.
    l.say(-502, OFFICER2, "đề nghị gia hạn thêm vì thiếu nhân lực", posts.yTe);
    await l.botSaysMatching(-502, /xin ghi rõ ngày/);
    await l.settle();

    // On the old due day: Sở Y tế gets its due-day reminder, Sở Tài chính nothing (its deadline moved).
    l.clock.set(new Date("2023-06-30T02:00:00Z"));
    await l.app.reminders.runNow();
    await l.botSaysMatching(-502, /Nhắc việc|hôm nay/);
    await l.settle();
    expect(api.botMessages(-501).some((m) => /^⏰/.test(m.text ?? ""))).toBe(false);

    // A week later the report classifies by the extended date and shows the original beside it.
    l.clock.set(new Date("2023-07-07T02:00:00Z"));
    const seen = api.botMessages(SECRETARY.id).length;
    l.say(SECRETARY.id, SECRETARY, "/baocao 89/UBND-TC");
    await api.waitFor(() => api.botMessages(SECRETARY.id).length > seen, 15_000, "the report");
    const report = api.botMessages(SECRETARY.id).slice(seen).map((m) => m.text).join("\n");
    expect(report).toContain("Sở Tài chính (chủ trì) · hạn 14/07/2023 (gia hạn từ 30/06/2023 đến 14/07/2023) · Đang thực hiện (trong hạn), còn 7 ngày");
    expect(report).toContain("Sở Y tế (chủ trì) · hạn 30/06/2023 · Quá hạn chưa hoàn thành, quá 7 ngày");
    // The .xlsx too: the extended date in Thời hạn, the original beside it in the last column.
    l.say(SECRETARY.id, SECRETARY, "/xuat 89/UBND-TC");
    await api.waitFor(() => api.botMessages(SECRETARY.id).some((m) => m.document?.file_name?.endsWith(".xlsx")), 20_000, "the .xlsx");
    const file = api.botMessages(SECRETARY.id).find((m) => m.document?.file_name?.endsWith(".xlsx"))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from([...api.files.values()].find((f) => f.id === file.document!.file_id)!.bytes) as unknown as ArrayBuffer);
    const xlsxRows = wb.worksheets[0]!.getRows(2, wb.worksheets[0]!.rowCount - 1)!.map((r) => [r.getCell(5).value, String(r.getCell(8).value), r.getCell(10).value]);
    expect(xlsxRows).toContainEqual(["Sở Tài chính", "Đang thực hiện (trong hạn)", "gia hạn từ 30/06/2023 đến 14/07/2023"]);
    expect(xlsxRows).toContainEqual(["Sở Y tế", "Quá hạn chưa hoàn thành", ""]);

    // Three days before the new date, Sở Tài chính is reminded of it.
    l.clock.set(new Date("2023-07-11T02:00:00Z"));
    await l.app.reminders.runNow();
    expect((await l.botSaysMatching(-501, /^⏰/)).text).toMatch(/còn 3 ngày/);
  });

  it("/lichsu shows the timeline: everything to leaders and secretaries, its own share to a unit", async () => {
    loop = await startLoop();
    const l = loop;
    const posts = await office(l);
    l.say(-501, OFFICER, "đang thực hiện, đạt 60%", posts.taiChinh);
    await l.botSaysMatching(-501, /60%|Đã ghi nhận/);
    // Evidence: a file sent as a reply to the task post.
    l.api.updates.document({ chat: -501, from: OFFICER, fileName: "bien-ban-kiem-tra.pdf", bytes: Buffer.from("%PDF-1.4 biên bản"), caption: "đang thực hiện, gửi biên bản", replyTo: posts.taiChinh });
    await l.settle();
    l.say(-501, OFFICER, "đề nghị gia hạn đến 14/7 vì chờ số liệu", posts.taiChinh);
    const card = await l.botSaysMatching(LEADER.id, /Đề nghị gia hạn: Sở Tài chính/);
    l.say(LEADER.id, LEADER, `/giahan ${buttonData(card)[0]!.slice(6)} 10/07/2023`);
    await l.botSaysMatching(LEADER.id, /Đã gia hạn Sở Tài chính · 1 đến 10\/07\/2023/);
    await l.botSaysMatching(-501, /đến 10\/07\/2023 \(đơn vị đề nghị 14\/07\/2023; hạn cũ 30\/06\/2023\)/);
    l.say(-501, OFFICER, "xong", posts.taiChinh);
    await l.settle();

    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC 1");
    const history = (await l.botSaysMatching(SECRETARY.id, /Lịch sử nhiệm vụ 1/)).text!;
    const lines = history.split("\n");
    expect(lines[0]).toBe("🕘 Lịch sử nhiệm vụ 1 — 89/UBND-TC");
    expect(history).toMatch(/05\/06\/2023 09:00 · .+ xác nhận giao việc/);
    expect(history).toMatch(/▸ Sở Tài chính \(Chủ trì\) — đã hoàn thành/);
    // When the post was delivered (the delivery worker's real time, not the test's clock).
    expect(history).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d · Đã gửi tới nhóm Nhóm Sở Tài chính/);
    expect(history).toMatch(/09:00 · Lãnh Đạo đồng ý gia hạn/);
    const order = ["đạt 60%", "đề nghị gia hạn từ 30/06/2023 đến 14/07/2023 — chờ số liệu", "đồng ý gia hạn từ 30/06/2023 đến 10/07/2023", "“xong” → hoàn thành"];
    const at = order.map((s) => history.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    // The buttons under the task post: 🕘 shows the history in the group, ⏳ says how to ask for more time.
    const post = l.api.message(-501, posts.taiChinh)!;
    const hist = buttonData(post).find((d) => d.startsWith("hist:"))!;
    const ext = buttonData(post).find((d) => d.startsWith("exthelp:"))!;
    expect(post.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual(expect.arrayContaining(["🕘 Lịch sử", "⏳ Gia hạn"]));
    expect(await l.press(-501, OFFICER, post, ext)).toMatch(/^Để đề nghị gia hạn, trả lời tin giao việc: “đề nghị gia hạn đến 30\/12 vì …”/);
    await l.press(-501, OFFICER, post, hist);
    const shown = (await l.botSaysMatching(-501, /Lịch sử nhiệm vụ 1/)).text!;
    expect(shown).toMatch(/▸ Sở Tài chính \(Chủ trì\) — đã hoàn thành/);
    expect(shown).not.toMatch(/Sở Y tế/);
    // Still there after the status edits.
    expect(buttonData(l.api.message(-501, posts.taiChinh)!)).toEqual(expect.arrayContaining([hist, ext]));

    // The Sở Y tế group may not read Sở Tài chính's task; in its own it sees only its share.
    l.say(-502, OFFICER2, "/lichsu 89/UBND-TC 1");
    await l.botSaysMatching(-502, /không có quyền xem lịch sử/);
    l.say(-502, OFFICER2, "/lichsu 89/UBND-TC 2");
    const own = (await l.botSaysMatching(-502, /Lịch sử nhiệm vụ 2/)).text!;
    expect(own).toMatch(/▸ Sở Y tế \(Chủ trì\) — đang thực hiện/);
    expect(own).not.toMatch(/Sở Tài chính/);
    // Unknown numbers and items get a clear answer; evidence asked for where none was sent.
    l.say(SECRETARY.id, SECRETARY, "/lichsu 999/UBND");
    await l.botSaysMatching(SECRETARY.id, /Không tìm thấy văn bản đã giao việc có số 999\/UBND/);
    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC 7");
    await l.botSaysMatching(SECRETARY.id, /không có mục 7\. Các mục: 1, 2/);
    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC 2 tệp");
    await l.botSaysMatching(SECRETARY.id, /chưa có tệp minh chứng/);
    // The evidence file is listed in the timeline and sent back on request, as it was received.
    expect(history).toMatch(/“đang thực hiện, gửi biên bản” → ghi nhận\n\s+📎 Tệp minh chứng: bien-ban-kiem-tra\.pdf/);
    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC 1 tệp");
    await l.api.waitFor(() => l.api.botMessages(SECRETARY.id).some((m) => m.document), 15_000, "the evidence file");
    const doc = l.api.botMessages(SECRETARY.id).find((m) => m.document)!;
    expect(doc.document!.file_name).toBe("bien-ban-kiem-tra.pdf");
    expect(doc.caption).toMatch(/^📎 bien-ban-kiem-tra\.pdf — Sở Tài chính, 05\/06\/2023$/);
    expect(Buffer.from([...l.api.files.values()].find((f) => f.id === doc.document!.file_id)!.bytes).toString()).toBe("%PDF-1.4 biên bản");
    // Someone with no role and no unit sees nothing.
    l.say(OFFICER.id, OFFICER, "/lichsu 89/UBND-TC 1");
    await l.botSaysMatching(OFFICER.id, /không có quyền xem lịch sử/);
  });
});

describe("office hours on Telegram", () => {
  it("a dispatch confirmed at 21:00 reaches the groups at 07:30 the next morning; a restart at 23:30 sends no digest", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    await setUpUnits(l);
    await l.settle();
    const before = { tc: api.botMessages(-501).length, yt: api.botMessages(-502).length };

    // Monday 21:00: the leader still works; their private chat is answered, the groups wait.
    l.clock.set(new Date("2023-06-05T14:00:00Z"));
    l.say(LEADER.id, LEADER, DISPATCH.replaceAll("30/6/2023", "9/6/2023"));
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
    await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
    await l.botSaysMatching(LEADER.id, /Đã giao 2 nhiệm vụ cho 2 đơn vị/);
    await new Promise((r) => setTimeout(r, 2500)); // more than two rounds of the delivery worker
    expect(api.botMessages(-501)).toHaveLength(before.tc);
    expect(api.botMessages(-502)).toHaveLength(before.yt);
    const pendingGroups = async () => Number(await l.app.deps.store.db.sql.value(`SELECT count(*) FROM "OutboxItem" WHERE status = 'pending' AND "chatId" LIKE 'telegram:-%'`));
    expect(await pendingGroups()).toBe(2);

    // A restart at 23:30: the catch-up tick sends nothing to groups and queues no digest.
    await l.app.stop();
    l.clock.set(new Date("2023-06-05T16:30:00Z"));
    await l.restart();
    await l.app.reminders.runNow();
    await new Promise((r) => setTimeout(r, 1500));
    expect(api.botMessages(-501)).toHaveLength(before.tc);
    expect(await pendingGroups()).toBe(2);

    // Tuesday 07:30: the posts go out, in order; the 08:00 tick sends the T-3 reminders of the Friday deadline.
    l.clock.set(new Date("2023-06-06T00:30:00Z"));
    expect((await l.botSaysMatching(-501, /Giao Sở Tài chính thực hiện:/)).text).toMatch(/⏰ Hạn: 09\/06\/2023/);
    await l.botSaysMatching(-502, /Giao Sở Y tế thực hiện:/);
    l.clock.set(new Date("2023-06-06T01:00:00Z"));
    await l.app.reminders.runNow();
    expect((await l.botSaysMatching(-501, /^⏰ Nhắc việc/)).text).toMatch(/còn 3 ngày/);
  });
});

describe("working days on the office calendar (Telegram preview)", () => {
  it("'05 ngày làm việc kể từ ngày ký / nhận' skips the holiday; a deadline on a holiday is flagged", async () => {
    loop = await startLoop({ at: "2024-08-30T02:00:00Z" });
    const l = loop;
    await setUpUnits(l);
    l.say(LEADER.id, LEADER, COUNTED);
    const preview = (await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/)).text!;
    const item = (n: number) => preview.slice(preview.indexOf(`${n}. [${n}]`), n < 3 ? preview.indexOf(`${n + 1}. [${n + 1}]`) : undefined);
    // Mon 02/09 is Quốc khánh: 3 working days after Friday 30/08 end on Thursday 05/09 (Monday–Friday only: 04/09).
    expect(item(1)).toContain("⏰ Hạn: 05/09/2024");
    expect(item(2)).toContain("⏰ Hạn: 02/09/2024");
    expect(item(2)).toMatch(/⚠️ Hạn 02\/09\/2024 rơi vào ngày nghỉ \(.*Quốc khánh.*\); có thể sửa bằng \/han\./);
    // Counted from the day it was received (forwarded): 2 working days after Friday 30/08 → Wednesday 04/09.
    expect(item(3)).toContain("⏰ Hạn: 04/09/2024");
    expect(item(1)).not.toMatch(/ngày nghỉ/);
  });
});

describe("nothing silently untracked (Telegram)", () => {
  it("/baocao with a number used in two years asks which; a secretary writing privately is answered as one", async () => {
    loop = await startLoop();
    const l = loop;
    await office(l);
    l.say(LEADER.id, LEADER, `${DISPATCH.replace("năm 2023", "năm 2024").replaceAll("/2023", "/2024")}3. Ban Dân vận Thành ủy chủ trì tuyên truyền kết quả quyết toán, hoàn thành trước ngày 30/6/2024.\n`);
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC \(mã #2\)/);
    // An item that would reach no unit is named in the preview with what to do about it, and a 🚫 button.
    expect(preview.text).toContain("⚠️ Mục chưa giao cho đơn vị nào: 3 [3]. Trước khi xác nhận, mỗi mục cần được giao (/giao 3 <đơn vị>) hoặc đánh dấu không giao (nút 🚫, hoặc /khonggiao 3)");
    const notAssigned = preview.reply_markup!.inline_keyboard.flat().find((b) => b.callback_data === "ng:2:3")!;
    expect(notAssigned.text).toBe("🚫 Không giao 3");
    // Confirming insists: nothing is sent while item 3 is neither assigned nor marked.
    await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
    const insist = await l.botSaysMatching(LEADER.id, /^Chưa xác nhận/);
    expect(insist.text).toMatch(/^Chưa xác nhận: còn 1 mục chưa giao cho đơn vị nào, nếu gửi đi sẽ không ai theo dõi:\n• 3\. \[3\] Ban Dân vận Thành ủy chủ trì tuyên truyền/);
    expect(insist.text).toContain("Giao bằng /giao 3 <đơn vị>, hoặc đánh dấu không giao (nút 🚫 dưới đây, hoặc /khonggiao 3;");
    expect(buttonData(insist)).toEqual(["ng:2:3"]);
    await l.settle();
    expect(l.api.botMessages(-501).filter((m) => /Giao Sở Tài chính thực hiện/.test(m.text ?? ""))).toHaveLength(1);
    // Only a leader marks; the leader's press marks item 3 and shows the card again, item 3 said "không giao".
    expect(await l.press(LEADER.id, OFFICER, insist, "ng:2:3")).toBe("Bạn không có quyền thực hiện thao tác này.");
    const seenCards = l.api.botMessages(LEADER.id).filter((m) => /XEM TRƯỚC \(mã #2\)/.test(m.text ?? "")).length;
    expect(await l.press(LEADER.id, LEADER, insist, "ng:2:3")).toBe("Đã đánh dấu không giao: mục 3.");
    await l.api.waitFor(() => l.api.botMessages(LEADER.id).filter((m) => /XEM TRƯỚC \(mã #2\)/.test(m.text ?? "")).length > seenCards, 15_000, "the card again");
    const card = l.api.botMessages(LEADER.id).filter((m) => /XEM TRƯỚC \(mã #2\)/.test(m.text ?? "")).at(-1)!;
    expect(card.text).toMatch(/3\. \[3\] Ban Dân vận Thành ủy[^\n]*\n   🚫 Không giao — không theo dõi, ghi trong báo cáo \(giao lại: \/giao 3 <đơn vị>\)/);
    expect(card.text).not.toContain("Mục chưa giao cho đơn vị nào");
    expect(buttonData(card).some((d) => d.startsWith("ng:"))).toBe(false);
    await l.press(LEADER.id, LEADER, card, buttonData(card).find((d) => d.startsWith("confirm:"))!);
    expect((await l.botSaysMatching(LEADER.id, /^Đã giao 2 nhiệm vụ cho 2 đơn vị.*\nMục không giao/)).text).toMatch(/\nMục không giao \(không theo dõi, ghi trong báo cáo\): 3\.$/);
    await l.settle();

    l.say(SECRETARY.id, SECRETARY, "/baocao 89/UBND-TC");
    expect((await l.botSaysMatching(SECRETARY.id, /Có 2 văn bản số 89\/UBND-TC/)).text).toBe(
      "Có 2 văn bản số 89/UBND-TC ở các năm khác nhau. Gõ kèm năm, ví dụ:\n• /baocao 89/UBND-TC/2023 (05/06/2023)\n• /baocao 89/UBND-TC/2024 (05/06/2024)",
    );
    l.say(SECRETARY.id, SECRETARY, "/baocao 89/UBND-TC/2024");
    const report = await l.botSaysMatching(SECRETARY.id, /^BÁO CÁO|Tình hình|hạn 30\/06\/2024/m);
    expect(report.text).toMatch(/30\/06\/2024/);
    expect(report.text).not.toMatch(/30\/06\/2023/);
    // The item marked "không giao" is listed under the report.
    expect((await l.botSaysMatching(SECRETARY.id, /Mục không giao/)).text).toBe(
      "🚫 Mục không giao (lãnh đạo đánh dấu khi xác nhận; không theo dõi):\n• [3] Ban Dân vận Thành ủy chủ trì tuyên truyền kết quả quyết toán, hoàn thành trước ngày 30/6/2024.",
    );
    // And in the .xlsx, after the assignment rows, with its status and no unit.
    l.say(SECRETARY.id, SECRETARY, "/xuat 89/UBND-TC/2024");
    await l.api.waitFor(() => l.api.botMessages(SECRETARY.id).some((m) => m.document?.file_name?.endsWith(".xlsx")), 20_000, "the .xlsx");
    const file = l.api.botMessages(SECRETARY.id).find((m) => m.document?.file_name?.endsWith(".xlsx"))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from([...l.api.files.values()].find((f) => f.id === file.document!.file_id)!.bytes) as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getRows(2, wb.worksheets[0]!.rowCount - 1)!.map((r) => [r.getCell(1).value, String(r.getCell(4).value), r.getCell(5).value, String(r.getCell(8).value)]);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual([3, "3. Ban Dân vận Thành ủy chủ trì tuyên truyền kết quả quyết toán, hoàn thành trước ngày 30/6/2024.", "", "Không giao (không theo dõi)"]);
    // And in the official .docx, after the table.
    l.say(SECRETARY.id, SECRETARY, "/xuat docx 89/UBND-TC/2024");
    await l.api.waitFor(() => l.api.botMessages(SECRETARY.id).some((m) => m.document?.file_name?.endsWith(".docx")), 20_000, "the .docx");
    const docx = l.api.botMessages(SECRETARY.id).find((m) => m.document?.file_name?.endsWith(".docx"))!;
    const { value: docText } = await mammoth.extractRawText({ buffer: Buffer.from([...l.api.files.values()].find((f) => f.id === docx.document!.file_id)!.bytes) });
    expect(docText).toContain("III. CÁC MỤC KHÔNG GIAO, KHÔNG THEO DÕI (1)\n\n- 89/UBND-TC, 3: Ban Dân vận Thành ủy chủ trì tuyên truyền kết quả quyết toán");
    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC 1");
    await l.botSaysMatching(SECRETARY.id, /\/lichsu 89\/UBND-TC\/2023/);
    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC/2024 2");
    expect((await l.botSaysMatching(SECRETARY.id, /Lịch sử nhiệm vụ 2/)).text).toMatch(/30\/6\/2024/);

    l.say(SECRETARY.id, SECRETARY, "chào bot, tôi cần xem báo cáo");
    await l.botSaysMatching(SECRETARY.id, /^Chào văn thư\. Các lệnh: \/baocao/);
    expect(l.api.botMessages(SECRETARY.id).some((m) => /chưa được cấp vai trò/.test(m.text ?? ""))).toBe(false);
  });
});

describe("reports and posts people can read (Telegram)", () => {
  it("the coordinating unit's post names the lead unit; the confirmation says tasks and unit assignments apart", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    await setUpUnits(l);
    l.say(LEADER.id, LEADER, DISPATCH.replace("1. Sở Tài chính chủ trì tổng hợp", "1. Sở Tài chính chủ trì, phối hợp với Sở Y tế tổng hợp"));
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
    await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
    expect((await l.botSaysMatching(LEADER.id, /^Đã giao/)).text).toBe("Đã giao 2 nhiệm vụ cho 2 đơn vị (3 lượt giao cho đơn vị); 2 tin nhắn đang được gửi.");
    const post = await l.botSaysMatching(-502, /Giao Sở Y tế thực hiện:/);
    expect(post.text).toMatch(/^1\. \[1\] Đơn vị chủ trì: Sở Tài chính — đơn vị phối hợp: Sở Y tế: Sở Tài chính chủ trì, phối hợp/m);
    expect(post.text).toMatch(/^2\. \[2\] Chủ trì: Sở Y tế chủ trì rà soát/m);
    expect(post.text).not.toMatch(/Phối hợp: /);
    // The status edit after a button press renders the post again: same wording.
    await l.press(-502, OFFICER2, post, buttonData(post).find((d) => d.startsWith("done:"))!);
    await api.waitFor(() => api.callsOf("editMessageText").some((c) => Number(c.params.chat_id) === -502), 15_000, "the status edit");
    const edit = api.callsOf("editMessageText").filter((c) => Number(c.params.chat_id) === -502).at(-1)!;
    expect(String(edit.params.text)).toContain("1. [1] Đơn vị chủ trì: Sở Tài chính — đơn vị phối hợp: Sở Y tế:");

    // The report and the .xlsx say what they count: tasks, assignments to units, the lead ones the categories are over.
    await l.settle();
    l.say(SECRETARY.id, SECRETARY, "/baocao 89/UBND-TC");
    const report = (await l.botSaysMatching(SECRETARY.id, /Tổng số/)).text!;
    expect(report).toContain("Tổng số: 2 nhiệm vụ, 3 lượt giao cho đơn vị (2 lượt chủ trì, 1 lượt phối hợp)\nTình hình 2 lượt giao cho đơn vị chủ trì (lượt phối hợp không tính):\n- Đã hoàn thành: 0");
    l.say(SECRETARY.id, SECRETARY, "/xuat 89/UBND-TC");
    await api.waitFor(() => api.botMessages(SECRETARY.id).some((m) => m.document), 20_000, "the .xlsx");
    const file = api.botMessages(SECRETARY.id).find((m) => m.document)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from([...api.files.values()].find((f) => f.id === file.document!.file_id)!.bytes) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet("Tổng hợp")!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(summary).toContainEqual(["Tổng số: 2 nhiệm vụ, 3 lượt giao cho đơn vị (2 lượt chủ trì, 1 lượt phối hợp)"]);
    expect(summary.at(-1)).toEqual(["Cộng (lượt giao cho đơn vị chủ trì)", 2, 0, 0, 2, 0, 0, 0]);
  });
});

describe("amendments and recalls (Telegram)", () => {
  it("an extending dispatch is recognised in the preview and applied by button; a leader recalls one item with /thuhoi", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    const posts = await office(l);
    await l.settle();

    l.clock.set(new Date("2023-06-20T02:00:00Z"));
    l.say(LEADER.id, LEADER, AMENDING);
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC.*95\/UBND-TC/);
    expect(preview.text).toContain("🔁 Văn bản này gia hạn 89/UBND-TC đến 14/07/2023.");
    expect(preview.text).toMatch(/Đang theo dõi: mã #1 \(89\/UBND-TC, 05\/06\/2023\), còn 2 lượt giao chưa xong\./);
    const apply = buttonData(preview).find((d) => d.startsWith("amd:"))!;
    expect(await l.press(LEADER.id, OFFICER, preview, apply)).toBeUndefined();
    await l.botSaysMatching(LEADER.id, /Chỉ lãnh đạo mới được áp dụng/);
    await l.press(LEADER.id, LEADER, preview, apply);
    await l.botSaysMatching(LEADER.id, /^Đã áp dụng: 2 lượt giao của 89\/UBND-TC gia hạn đến 14\/07\/2023/);
    expect((await l.botSaysMatching(-501, /Theo Công văn số 95\/UBND-TC/)).text).toBe("🔁 Theo Công văn số 95/UBND-TC: nhiệm vụ 1 (89/UBND-TC) được gia hạn đến 14/07/2023.");
    await l.botSaysMatching(-502, /nhiệm vụ 2 \(89\/UBND-TC\) được gia hạn đến 14\/07\/2023/);
    await l.press(LEADER.id, LEADER, preview, apply);
    await l.botSaysMatching(LEADER.id, /Văn bản này đã được áp dụng\./);

    // The leader recalls item 2 (wrong unit): Sở Y tế is told, its replies are not taken, it leaves the report.
    l.say(LEADER.id, LEADER, "/thuhoi 89/UBND-TC 2; giao nhầm đơn vị");
    await l.botSaysMatching(LEADER.id, /^Đã thu hồi 1 lượt giao \(89\/UBND-TC, nhiệm vụ 2\)/);
    expect((await l.botSaysMatching(-502, /thu hồi/)).text).toBe(
      "⛔ Lãnh đạo thu hồi nhiệm vụ 2 (89/UBND-TC): đơn vị không còn phải thực hiện; bot ngừng nhắc việc. Lý do: giao nhầm đơn vị",
    );
    l.say(-502, OFFICER2, "xong", posts.yTe);
    await l.botSaysMatching(-502, /Nhiệm vụ 2 \(89\/UBND-TC\) đã được thu hồi; không cần báo cáo\./);
    l.say(OFFICER.id, OFFICER, "/thuhoi 89/UBND-TC 1");
    await l.botSaysMatching(OFFICER.id, /Chỉ lãnh đạo mới được thu hồi/);
    await l.settle();

    l.clock.set(new Date("2023-07-03T02:00:00Z"));
    const seen = api.botMessages(SECRETARY.id).length;
    l.say(SECRETARY.id, SECRETARY, "/baocao 89/UBND-TC");
    await api.waitFor(() => api.botMessages(SECRETARY.id).length > seen, 15_000, "the report");
    const report = api.botMessages(SECRETARY.id).slice(seen).map((m) => m.text).join("\n");
    expect(report).toContain("Sở Tài chính (chủ trì) · hạn 14/07/2023 (gia hạn từ 30/06/2023 đến 14/07/2023) · Đang thực hiện (trong hạn)");
    expect(report).not.toMatch(/Sở Y tế/);
    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC 2");
    const history = (await l.botSaysMatching(SECRETARY.id, /Lịch sử nhiệm vụ 2/)).text!;
    expect(history).toMatch(/▸ Sở Y tế \(Chủ trì\) — đã thu hồi/);
    expect(history).toMatch(/Theo Công văn số 95\/UBND-TC: gia hạn từ 30\/06\/2023 đến 14\/07\/2023/);
    expect(history).toMatch(/Lãnh Đạo thu hồi — giao nhầm đơn vị/);
    // Reminders three days before the new date: Sở Tài chính only.
    l.clock.set(new Date("2023-07-11T02:00:00Z"));
    await l.app.reminders.runNow();
    await l.botSaysMatching(-501, /^⏰/);
    await l.settle();
    expect(api.botMessages(-502).some((m) => /^⏰/.test(m.text ?? ""))).toBe(false);
  });
});

describe("a period's report and recurring tasks (Telegram)", () => {
  it("next month's occurrence, created when this month's report is handed in early, is not 'đang thực hiện' before its month", async () => {
    loop = await startLoop();
    const l = loop;
    await setUpUnits(l);
    l.say(LEADER.id, LEADER, `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 130/UBND-TC
V/v báo cáo tình hình giải ngân

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

1. Sở Tài chính chủ trì báo cáo tình hình giải ngân vốn đầu tư công hằng tháng, gửi trước ngày 25 hằng tháng.
`);
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
    await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
    const post = await l.botSaysMatching(-501, /Giao Sở Tài chính thực hiện:/);
    // June's report handed in on Friday 09/06: July's occurrence (due 25/07) is created at once. The officer replies
    // after dondoc recorded which message carried the task: a reply in the milliseconds between Telegram's answer and
    // that write finds no task (seen on PostgreSQL, as in telegram-loop).
    await l.settle();
    l.clock.set(new Date("2023-06-09T02:00:00Z"));
    l.say(-501, OFFICER, "xong", post.message_id);
    await l.settle();

    const ask = async (text: string): Promise<string> => {
      const seen = l.api.botMessages(SECRETARY.id).length;
      l.say(SECRETARY.id, SECRETARY, text);
      await l.api.waitFor(() => l.api.botMessages(SECRETARY.id).length > seen, 15_000, text);
      await l.settle();
      return l.api.botMessages(SECRETARY.id).slice(seen).map((m) => m.text).join("\n");
    };
    const june = await ask("/baocao năm 2023");
    expect(june).toContain("Tổng số: 1 nhiệm vụ, 1 lượt giao cho đơn vị (1 lượt chủ trì, 0 lượt phối hợp)");
    expect(june).toMatch(/\+ Hoàn thành đúng hạn: 1\n[^\n]*\n- Chưa hoàn thành: 0\n\s+\+ Đang thực hiện \(trong hạn\): 0/);
    expect(june).not.toMatch(/hạn 25\/07\/2023/);
    // From 26/06, July's own period has begun: in progress.
    l.clock.set(new Date("2023-06-26T02:00:00Z"));
    const july = await ask("/baocao năm 2023");
    expect(july).toContain("Tổng số: 2 nhiệm vụ, 2 lượt giao cho đơn vị (2 lượt chủ trì, 0 lượt phối hợp)");
    expect(july).toMatch(/Sở Tài chính \(chủ trì\) · hạn 25\/07\/2023 · Đang thực hiện \(trong hạn\)/);
  });
});


// Amends 89/UBND-TC item by item: a new due day for item 1, new wording for item 2, an item added for Sở Y tế.
const AMENDING_ITEMS = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 96/UBND-TC
V/v sửa đổi, bổ sung Công văn số 89/UBND-TC

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 20 tháng 6 năm 2023

Kính gửi: Sở Tài chính; Sở Y tế.

UBND Thành phố sửa đổi, bổ sung Công văn số 89/UBND-TC ngày 05/6/2023 như sau:
1. Điều chỉnh thời hạn tại mục 1 đến ngày 31/7/2023.
2. Sửa đổi mục 2 như sau: "Sở Y tế chủ trì rà soát kinh phí phòng, chống dịch <năm 2022> và báo cáo UBND Thành phố."
3. Bổ sung nhiệm vụ 3: Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ đầu mối, hoàn thành trước ngày 15/7/2023.
`;

describe("an amendment applied item by item (Telegram)", () => {
  it("the preview shows each item's change; applying moves item 1's date, rewords item 2, adds item 3; units told; reminders, report and /lichsu follow", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    await office(l);
    await l.settle();

    l.clock.set(new Date("2023-06-20T02:00:00Z"));
    l.say(LEADER.id, LEADER, AMENDING_ITEMS);
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC.*96\/UBND-TC/);
    expect(preview.text).toContain("🔁 Văn bản này sửa đổi, bổ sung 89/UBND-TC.");
    // The draft's own items read from those lines say so: ✅ would assign them as new work.
    expect(preview.text!.match(/🔁 Đây là nội dung sửa đổi 89\/UBND-TC: áp dụng bằng nút 🔁 Áp dụng bên dưới/g)).toHaveLength(3);
    expect(preview.text).toContain([
      "Thay đổi từng mục của 89/UBND-TC:",
      "  • Mục 1: hạn mới 31/07/2023 (hiện nay: 30/06/2023) — Sở Tài chính",
      "  • Mục 2: nội dung mới “Sở Y tế chủ trì rà soát kinh phí phòng, chống dịch <năm 2022> và báo cáo UBND Thành phố.” — Sở Y tế",
      "  • Thêm mục 3: “Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ đầu mối, hoàn thành trước ngày 15/7/2023.” — Sở Y tế (Chủ trì); ⏰ Hạn: 15/07/2023",
    ].join("\n"));
    const apply = buttonData(preview).find((d) => d.startsWith("amd:"))!;
    await l.press(LEADER.id, LEADER, preview, apply);
    // Every line of 96/UBND-TC was applied: its own draft closes, so confirming it cannot assign item 3 a second time.
    await l.botSaysMatching(LEADER.id, /^Đã áp dụng cho 89\/UBND-TC: 2 mục được sửa đổi, 1 mục bổ sung; 2 đơn vị đã được báo\. Bản xem trước của văn bản sửa đổi đã đóng/);
    expect((await l.botSaysMatching(-501, /Theo Công văn số 96\/UBND-TC/)).text).toBe(
      "🔁 Theo Công văn số 96/UBND-TC, 89/UBND-TC được sửa đổi:\n• Nhiệm vụ 1: hạn mới 31/07/2023 (trước đây 30/06/2023).",
    );
    expect((await l.botSaysMatching(-502, /89\/UBND-TC được sửa đổi/)).text).toBe(
      "🔁 Theo Công văn số 96/UBND-TC, 89/UBND-TC được sửa đổi:\n• Nhiệm vụ 2: nội dung mới: Sở Y tế chủ trì rà soát kinh phí phòng, chống dịch <năm 2022> và báo cáo UBND Thành phố.",
    );
    const added = await l.botSaysMatching(-502, /Giao Sở Y tế thực hiện:[\s\S]*1\. \[3\] Chủ trì: Sở Y tế chủ trì kiểm tra an toàn thực phẩm/);
    await l.press(LEADER.id, LEADER, preview, apply);
    await l.botSaysMatching(LEADER.id, /Văn bản này đã được áp dụng\./);
    await l.settle();
    // Only the leader's button: the groups got one notice each.
    expect(api.botMessages(-501).filter((m) => /96\/UBND-TC/.test(m.text ?? ""))).toHaveLength(1);

    // The added item is a task like any other: Sở Y tế reports it done on its post.
    l.say(-502, OFFICER2, "Đã hoàn thành kiểm tra các chợ đầu mối", added.message_id);
    await l.botSaysMatching(-502, /Đã ghi nhận Sở Y tế hoàn thành nhiệm vụ 3/);
    await l.settle();

    const seen = api.botMessages(SECRETARY.id).length;
    l.say(SECRETARY.id, SECRETARY, "/baocao 89/UBND-TC");
    await api.waitFor(() => api.botMessages(SECRETARY.id).length > seen, 15_000, "the report");
    const report = api.botMessages(SECRETARY.id).slice(seen).map((m) => m.text).join("\n");
    expect(report).toContain("Sở Tài chính (chủ trì) · hạn 31/07/2023 (gia hạn từ 30/06/2023 đến 31/07/2023) · Đang thực hiện (trong hạn)");
    expect(report).toMatch(/3 nhiệm vụ/);
    expect(report).toMatch(/Nhiệm vụ 3: Sở Y tế chủ trì kiểm tra an toàn thực phẩm[^\n]*\n[^\n]*Sở Y tế \(chủ trì\) · hạn 15\/07\/2023 · Hoàn thành đúng hạn/);
    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC 1");
    expect((await l.botSaysMatching(SECRETARY.id, /Lịch sử nhiệm vụ 1/)).text).toMatch(/Theo Công văn số 96\/UBND-TC: hạn đổi từ 30\/06\/2023 thành 31\/07\/2023/);
    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC 2");
    const second = (await l.botSaysMatching(SECRETARY.id, /Lịch sử nhiệm vụ 2/)).text!;
    expect(second).toContain("Nội dung: Sở Y tế chủ trì rà soát kinh phí phòng, chống dịch <năm 2022> và báo cáo UBND Thành phố.");
    expect(second).toMatch(/Theo Công văn số 96\/UBND-TC: nội dung sửa thành “Sở Y tế chủ trì rà soát/);
    l.say(SECRETARY.id, SECRETARY, "/lichsu 89/UBND-TC 3");
    expect((await l.botSaysMatching(SECRETARY.id, /Lịch sử nhiệm vụ 3/)).text).toMatch(/Theo Công văn số 96\/UBND-TC: nhiệm vụ được bổ sung/);

    // Reminders follow the new date: none for item 1 three days before the old one, one before the new one.
    l.clock.set(new Date("2023-06-27T02:00:00Z"));
    await l.app.reminders.runNow();
    await l.settle();
    expect(api.botMessages(-501).some((m) => /^⏰/.test(m.text ?? ""))).toBe(false);
    l.clock.set(new Date("2023-07-28T02:00:00Z"));
    await l.app.reminders.runNow();
    await l.botSaysMatching(-501, /^⏰/);
  }, 90_000);
});
