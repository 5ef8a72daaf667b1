// Files forwarded in a Telegram chat, through the real wiring (startApp), telegraf's HTTP client, getFile and the file
// download of the fake Bot API: the "Đang đọc văn bản…" message edited with progress, other chats answered while one
// file is read, the same preview → confirm flow as pasted text, the file kept as the dispatch's source, and bad files
// refused with the message describeIngestError gives (nothing stored).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { BotDeps } from "../../src/bot/deps.js";
import { translator } from "../../src/i18n.js";
import { describeIngestError, detectTools, extractText, isIngestError } from "../../src/ingest/index.js";
import { ADMIN, buttonData, LEADER, type Loop, startLoop } from "./harness.js";

const DISPATCH = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 88/UBND-TC
V/v quyết toán ngân sách năm 2022

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
2. Sở Y tế chủ trì rà soát kinh phí phòng, chống dịch, hoàn thành trước ngày 20/6/2023.
3. Tổ chức sơ kết công tác quyết toán trong tháng 7 năm 2023.
`;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const vi = translator("vi");

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

async function setUp(l: Loop): Promise<void> {
  l.api.group(-301, "Nhóm Sở Tài chính");
  l.api.group(-302, "Nhóm Sở Y tế");
  l.say(ADMIN.id, ADMIN, "/themdonvi Sở Tài chính; loại: sở");
  l.say(ADMIN.id, ADMIN, "/themdonvi Sở Y tế; loại: sở");
  l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
  await l.botSaysMatching(ADMIN.id, /vai trò lãnh đạo cho telegram:1002/);
  l.say(-301, ADMIN, "/donvi Sở Tài chính");
  await l.botSaysMatching(-301, /Đã gắn nhóm chat này với Sở Tài chính/);
  l.say(-302, ADMIN, "/donvi Sở Y tế");
  await l.botSaysMatching(-302, /Đã gắn nhóm chat này với Sở Y tế/);
}

const dispatchRows = (l: Loop) =>
  l.app.deps.store.db.sql.all<{ number: string | null; fileName: string | null; fileHash: string | null; status: string }>(
    `SELECT number, "fileName", "fileHash", status FROM "Dispatch" ORDER BY id`);

describe("Telegram: a file forwarded by a leader", () => {
  it("edits 'Đang đọc văn bản…' with progress (throttled, only on change), answers other chats meanwhile, then preview → confirm with the file as source", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reading = false;
    // A slow OCR stand-in: progress events as pages are read, then the real extraction once the test lets it finish.
    const slowExtract: BotDeps["extractText"] = async (bytes, name, options = {}) => {
      reading = true;
      // Pages come 250 ms apart on the app's clock (the pacing reads the injected clock, not the wall clock).
      for (const page of [1, 2, 2, 3, 3]) {
        options.onProgress?.({ stage: "ocr", page, pages: 3 });
        loop!.clock.advance(250);
        await sleep(1);
      }
      await gate;
      reading = false;
      return extractText(bytes, name, options);
    };
    loop = await startLoop({ app: { extractText: slowExtract, botSettings: { progressEveryMs: 200 } } });
    const l = loop;
    await setUp(l);

    const bytes = Buffer.from(DISPATCH);
    l.api.updates.document({ chat: LEADER.id, from: LEADER, fileName: "88-UBND-TC.txt", mime: "text/plain", bytes });
    const note = await l.botSaysMatching(LEADER.id, /Đang đọc văn bản 88-UBND-TC\.txt/);
    const editsOfNote = () => l.api.callsOf("editMessageText").filter((c) => Number(c.params.message_id) === note.message_id && c.ok);
    await l.api.waitFor(() => editsOfNote().length >= 2, 15_000, "two progress edits");

    // Another chat is answered while this chat's file is still being read.
    expect(reading).toBe(true);
    l.say(ADMIN.id, ADMIN, "/danhsachdonvi");
    await l.botSaysMatching(ADMIN.id, /Danh mục đơn vị \(2\)/);
    l.say(-301, ADMIN, "/donvi");
    await l.botSaysMatching(-301, /Nhóm này đang gắn với Sở Tài chính/);
    expect(reading).toBe(true);
    expect(l.api.botMessages(LEADER.id).some((m) => buttonData(m).some((d) => d.startsWith("confirm:")))).toBe(false);

    release();
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
    expect(preview.message_id).toBeGreaterThan(note.message_id);
    const texts = editsOfNote().map((c) => String(c.params.text));
    // Pages 1..3 with repeats: the first event comes before the pacing interval, repeats change nothing.
    expect(texts).toEqual(["Đang đọc văn bản (nhận dạng chữ)... trang 2/3", "Đang đọc văn bản (nhận dạng chữ)... trang 3/3"]);
    expect(l.api.botMessages(LEADER.id).find((m) => m.message_id === note.message_id)!.text).toMatch(/trang 3\/3/);

    // Reader warnings arrive as i18n keys and are shown translated.
    expect(preview.text).toMatch(/88\/UBND-TC/);
    expect(preview.text).toContain(vi("reader:warn.unassigned"));
    expect(preview.text).not.toMatch(/reader:warn/);

    // Item 3 names no unit: confirming waits until it is marked "không giao" (issue 12), here by its button.
    const confirm = buttonData(preview).find((d) => d.startsWith("confirm:"))!;
    expect(buttonData(preview)).toContain(confirm.replace("confirm:", "ng:") + ":3");
    expect(await l.press(LEADER.id, LEADER, preview, confirm.replace("confirm:", "ng:") + ":3")).toBe("Đã đánh dấu không giao: mục 3.");
    await l.press(LEADER.id, LEADER, preview, confirm);
    await l.botSaysMatching(-301, /quyết toán ngân sách năm 2022/);
    await l.botSaysMatching(-302, /phòng, chống dịch/);
    expect(await dispatchRows(l)).toEqual([{ number: "88/UBND-TC", fileName: "88-UBND-TC.txt", fileHash: sha256(bytes), status: "confirmed" }]);
  }, 60_000);

  it.skipIf(!detectTools().tesseract || !detectTools().pdftoppm)("reads a photo (OCR) into a preview whose warnings and source are the photo's", async () => {
    loop = await startLoop();
    const l = loop;
    await setUp(l);
    const dir = mkdtempSync(join(tmpdir(), "dondoc-photo-"));
    const pdf = new URL("../fixtures/files/dispatch.pdf", import.meta.url).pathname;
    execFileSync("pdftoppm", ["-jpeg", "-r", "200", "-gray", "-f", "1", "-l", "1", "-singlefile", pdf, join(dir, "page")]);
    const photo = readFileSync(join(dir, "page.jpg"));
    l.api.updates.photo({ chat: LEADER.id, from: LEADER, bytes: photo });
    await l.botSaysMatching(LEADER.id, /Đang đọc văn bản anh-.*\.jpg/);
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/, 60_000);
    expect(preview.text).toMatch(/1277-CV\/HU/);
    expect(preview.text).toMatch(/nhận dạng chữ \(OCR\)/); // the file's warning, a sentence already
    expect(preview.text).not.toMatch(/reader:warn|ingest:/);
    expect(buttonData(preview).some((d) => d.startsWith("confirm:"))).toBe(true);
    const [row] = await dispatchRows(l);
    expect(row).toMatchObject({ number: "1277-CV/HU", fileHash: sha256(photo), status: "draft" });
    expect(row!.fileName).toMatch(/^anh-.*\.jpg$/);
  }, 90_000);

  it("refuses bad files with describeIngestError's message and stores nothing; too large is refused before download", async () => {
    loop = await startLoop({ app: { botSettings: { maxFileBytes: 50_000 } } });
    const l = loop;
    await setUp(l);
    const expected = async (bytes: Uint8Array, name: string) => {
      const error = await extractText(bytes, name).then(() => undefined, (e: unknown) => e);
      if (!isIngestError(error)) throw new Error(`${name} was read`);
      return describeIngestError(error, vi);
    };
    const files: Array<[string, Buffer]> = [
      ["hong.pdf", Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a real pdf body\n")],
      ["mat-khau.pdf", readFileSync(new URL("../fixtures/files/encrypted.pdf", import.meta.url))],
      ["ke-hoach.pdf", readFileSync(new URL("../fixtures/files/ke-hoach.docx", import.meta.url))],
    ];
    for (const [name, bytes] of files) {
      const seen = l.api.botMessages(LEADER.id).length;
      l.api.updates.document({ chat: LEADER.id, from: LEADER, fileName: name, bytes });
      const message = await expected(bytes, name);
      await l.api.waitFor(() => l.api.botMessages(LEADER.id).slice(seen).some((m) => m.text === message), 20_000, `the refusal of ${name}`);
    }
    // A readable file without task items: the reader's warning key is shown as its sentence, nothing is stored.
    l.api.updates.document({ chat: LEADER.id, from: LEADER, fileName: "thong-bao.txt", bytes: Buffer.from("THÔNG BÁO\nLịch họp giao ban tuần này chuyển sang chiều thứ Năm tại phòng họp số 2.\n") });
    const noTasks = await l.botSaysMatching(LEADER.id, new RegExp(vi("reader:warn.noTasks").replace(/[.()]/g, "\\$&")));
    expect(noTasks.text).not.toMatch(/reader:warn/);

    const getFiles = l.api.callsOf("getFile").length;
    l.api.updates.document({ chat: LEADER.id, from: LEADER, fileName: "lon.pdf", bytes: Buffer.alloc(60_000, 0x20) });
    await l.botSaysMatching(LEADER.id, /Tệp lon\.pdf quá lớn \(0\.1 MB; giới hạn 0\.0 MB\)/);
    await l.settle();
    expect(l.api.callsOf("getFile").length).toBe(getFiles); // refused on the size Telegram announced
    expect(l.api.botMessages(LEADER.id).filter((m) => /^Đang đọc văn bản lon/.test(m.text ?? ""))).toEqual([]);
    expect(await dispatchRows(l)).toEqual([]);
  }, 60_000);
});
