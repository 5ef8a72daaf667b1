// The official report on Telegram, through startApp, telegraf and the fake Bot API: "/xuat docx" sends the NĐ 30/2020
// .docx whose table rows are the .xlsx rows; per dispatch, per unit and per period (tháng, quý, 6 tháng, năm).
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterEach, describe, expect, it } from "vitest";
import type { TgMessage } from "../fakes/bot-api-server.js";
import { ADMIN, buttonData, LEADER, type Loop, OFFICER, SECRETARY, startLoop } from "./harness.js";

const DISPATCH = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 89/UBND-TC
V/v quyết toán ngân sách năm 2022

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
2. Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát kinh phí phòng, chống dịch, hoàn thành trước ngày 15/8/2023.
`;

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

async function fileBytes(l: Loop, message: TgMessage): Promise<Buffer> {
  return Buffer.from([...l.api.files.values()].find((f) => f.id === message.document!.file_id)!.bytes);
}

async function nextDocument(l: Loop, chat: number, seen: number, ext: string): Promise<TgMessage> {
  await l.api.waitFor(() => l.api.botMessages(chat).filter((m) => m.document).length > seen, 20_000, `a ${ext} document`);
  const doc = l.api.botMessages(chat).filter((m) => m.document)[seen]!;
  expect(doc.document!.file_name).toMatch(new RegExp(`\\.${ext}$`));
  return doc;
}

async function setUp(at?: string): Promise<Loop> {
    loop = await startLoop({ ...(at ? { at } : {}), app: { botSettings: { reportIssuer: { parent: "UBND Thành phố Hà Nội", name: "Văn phòng", abbreviation: "VP", place: "Hà Nội", signerTitle: "Chánh Văn phòng" } } } });
    const l = loop;
    const { api } = l;
    api.group(-501, "Sở Tài chính");
    api.group(-502, "Sở Y tế");
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Tài chính; loại: sở");
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Y tế; loại: sở");
    l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    l.say(ADMIN.id, ADMIN, `/vaitro văn thư ${SECRETARY.id}`);
    await l.botSaysMatching(ADMIN.id, /vai trò văn thư/);
    l.say(-501, ADMIN, "/donvi Sở Tài chính");
    await l.botSaysMatching(-501, /Đã gắn nhóm chat này với Sở Tài chính/);
    l.say(-502, ADMIN, "/donvi Sở Y tế");
    await l.botSaysMatching(-502, /Đã gắn nhóm chat này với Sở Y tế/);
    l.say(LEADER.id, LEADER, DISPATCH);
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
    await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
    const post = await l.botSaysMatching(-501, /Giao Sở Tài chính thực hiện:/);
    await l.settle();
    return Object.assign(l, { post });

}

describe("the official report on Telegram", () => {
  it("/xuat docx per dispatch, unit and period; the .docx table rows are the .xlsx rows", async () => {
    const l = await setUp();
    const { api } = l;
    l.say(-501, OFFICER, "xong 1", (l as Loop & { post: TgMessage }).post.message_id);
    await l.settle();
    // Per dispatch: .docx and .xlsx of the same scope.
    l.say(SECRETARY.id, SECRETARY, "/xuat docx 89/UBND-TC");
    const docx = await fileBytes(l, await nextDocument(l, SECRETARY.id, 0, "docx"));
    l.say(SECRETARY.id, SECRETARY, "/xuat 89/UBND-TC");
    const xlsx = await fileBytes(l, await nextDocument(l, SECRETARY.id, 1, "xlsx"));
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, tb]) =>
      [...tb!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, tr]) => [...tr!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, td]) => td!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim())));
    const detail = tables.find((tb) => tb[0]?.[0] === "STT")!.slice(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Chi tiết")!;
    const xlsxRows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => [String(r.getCell(1).value), String(r.getCell(4).value), `${r.getCell(5).value} (${r.getCell(6).value})`, String(r.getCell(8).value)]);
    expect(detail.map((r) => [r[0], r[1], r[3], r[6]])).toEqual(xlsxRows);
    expect(xlsxRows).toHaveLength(3); // two lead assignments and one coordinating
    expect(xlsxRows.filter((r) => r[2] === "Sở Tài chính (chủ trì)" && r[3] === "Hoàn thành đúng hạn")).toHaveLength(1);
    expect(xlsxRows.filter((r) => r[2] === "Sở Tài chính (phối hợp)")).toHaveLength(1);
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expect(text).toContain("UBND THÀNH PHỐ HÀ NỘI");
    expect(text).toContain("Kết quả thực hiện nhiệm vụ theo văn bản số 89/UBND-TC");
    expect(text).toMatch(/Hoàn thành đúng hạn: 1/);

    // Per unit and period: quý II/2023 holds the task due 30/6 only; "6 tháng cuối năm" the one due 15/8.
    l.say(SECRETARY.id, SECRETARY, "/xuat docx quý 2/2023 Sở Tài chính");
    const q2 = (await mammoth.extractRawText({ buffer: await fileBytes(l, await nextDocument(l, SECRETARY.id, 2, "docx")) })).value;
    expect(q2).toContain("Kết quả thực hiện nhiệm vụ quý II năm 2023 của Sở Tài chính");
    expect(q2).toContain("tổng hợp quyết toán ngân sách");
    expect(q2).not.toContain("rà soát kinh phí");
    l.say(SECRETARY.id, SECRETARY, "/xuat docx 6 tháng cuối năm");
    const h2 = (await mammoth.extractRawText({ buffer: await fileBytes(l, await nextDocument(l, SECRETARY.id, 3, "docx")) })).value;
    expect(h2).toContain("Kết quả thực hiện nhiệm vụ 6 tháng cuối năm 2023");
    expect(h2).toContain("rà soát kinh phí");
    expect(h2).not.toContain("tổng hợp quyết toán ngân sách");

    // The chat report takes the same periods.
    l.say(SECRETARY.id, SECRETARY, "/baocao tháng 8/2023");
    const chat = await l.botSaysMatching(SECRETARY.id, /Kỳ báo cáo: tháng 8 năm 2023/);
    expect(chat.text).toMatch(/Tổng số: 1 nhiệm vụ/);

    // Officers cannot export.
    l.say(-501, OFFICER, "/xuat docx");
    await l.botSaysMatching(-501, /Chỉ văn thư, lãnh đạo được xem báo cáo/);
  }, 90_000);

  it("answers questions in plain Vietnamese from the same reports, and takes a non-question as before", async () => {
    const l = await setUp();
    const { api } = l;
    const ask = async (who: typeof LEADER, text: string, re: RegExp) => {
      l.say(who.id, who, text);
      return (await l.botSaysMatching(who.id, re)).text!;
    };
    // Monday 26/06/2023: the Sở Tài chính task is due on Friday; nobody has reported yet.
    l.clock.set(new Date("2023-06-26T02:00:00Z"));
    const due = await ask(LEADER, "việc nào sắp đến hạn?", /nhiệm vụ đến hạn \(7 ngày tới\)/);
    expect(due).toMatch(/^1 nhiệm vụ đến hạn \(7 ngày tới\):\n• 30\/06\/2023 \(còn 4 ngày\) — Sở Tài chính — 89\/UBND-TC, nhiệm vụ 1: /);
    const silent = await ask(SECRETARY, "tuan nay nhung don vi nao chua bao cao?", /chưa báo cáo/);
    expect(silent).toBe("1 đơn vị chưa báo cáo (tuần từ 26/06/2023 đến 02/07/2023):\n• Sở Tài chính: 1 nhiệm vụ");
    // Monday 03/07: now overdue.
    l.clock.set(new Date("2023-07-03T02:00:00Z"));
    expect(await ask(LEADER, "Sở Tài chính còn mấy việc quá hạn?", /Sở Tài chính còn/)).toMatch(/^Sở Tài chính còn 1 nhiệm vụ quá hạn chưa hoàn thành \(chủ trì\)\.\n\nDANH SÁCH NHIỆM VỤ QUÁ HẠN/);
    expect(await ask(LEADER, "Sở Y tế còn mấy việc quá hạn?", /Sở Y tế còn/)).toBe("Sở Y tế còn 0 nhiệm vụ quá hạn chưa hoàn thành (chủ trì).");
    const progress = await ask(SECRETARY, "văn bản 89 đến đâu rồi?", /Tình hình thực hiện văn bản/);
    expect(progress).toMatch(/Văn bản: 89\/UBND-TC/);
    expect(progress).toMatch(/Tổng số: 2 nhiệm vụ/);
    expect(await ask(LEADER, "ai phụ trách việc này?", /Chưa hiểu câu hỏi/)).toMatch(/gõ \/help/);
    // Not questions: a report-like line from the leader gets the usual hint, and no preview is made.
    l.say(LEADER.id, LEADER, "cảm ơn");
    await l.settle();
    expect(api.botMessages(LEADER.id).filter((m) => /XEM TRƯỚC/.test(m.text ?? ""))).toHaveLength(1);
    // In a group, a question is not answered with reports (groups are for the unit's own work).
    l.say(-501, OFFICER, "Sở Y tế còn mấy việc quá hạn?", (l as Loop & { post: TgMessage }).post.message_id);
    await l.settle();
    expect(api.botMessages(-501).some((m) => /quá hạn chưa hoàn thành \(chủ trì\)/.test(m.text ?? ""))).toBe(false);
  }, 90_000);

  it("the preview marks what the reader guessed; a typed 'ĐỘ MẬT: Mật' stamp is refused", async () => {
    const l = await setUp();
    const guessed = DISPATCH.replace("89/UBND-TC", "95/UBND-TC").replace("V/v quyết toán ngân sách năm 2022\n", "V/v quyết toán ngân sách năm 2022\n\nKính gửi: Sở Tài chính; Sở Y tế.\n")
      .replace(/1\. Sở Tài chính chủ trì tổng hợp/, "1. Tổng hợp");
    l.say(LEADER.id, LEADER, guessed);
    const preview = await l.botSaysMatching(LEADER.id, /95\/UBND-TC/);
    expect(preview.text).toMatch(/1\. \[1\] Tổng hợp quyết toán[^\n]*\n[^\n]*\n[^\n]*\n {3}🔎 cần kiểm tra: giao theo Kính gửi \(mục không nêu đơn vị\)/);
    expect(preview.text!.match(/🔎/g)).toHaveLength(1);
    l.say(LEADER.id, LEADER, DISPATCH.replace("89/UBND-TC", "96/UBND-TC").replace("Số: 96/UBND-TC", "Số: 96/UBND-TC\nĐỘ MẬT: Mật"));
    await l.botSaysMatching(LEADER.id, /MẬT/);
    expect(l.api.botMessages(LEADER.id).some((m) => /96\/UBND-TC/.test(m.text ?? ""))).toBe(false);
  }, 90_000);
});
