// The whole dondoc loop on Telegram through the real wiring (startApp), telegraf's real HTTP client and the fake Bot
// API (privacy mode on, Telegram's limits enforced), with a real kế hoạch of 14k characters pasted by a leader.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { foldKey } from "../../src/text/vietnamese.js";
import { type TgMessage, telegramErrors } from "../fakes/bot-api-server.js";
import { ADMIN, buttonData, LEADER, type Loop, OFFICER, OFFICER2, SECRETARY, startLoop } from "./harness.js";
import { splitLikeTelegram } from "./split.js";

const KE_HOACH = readFileSync(new URL("../fixtures/dispatches/seed-004.txt", import.meta.url), "utf8"); // 164/KH-UBND Hà Nội

interface UnitSpec { chat?: number; name: string; kinds: string[]; aliases: string[]; bindWith?: string }
const UNITS: UnitSpec[] = [
  { chat: -101, name: "Sở Y tế", kinds: ["sở"], aliases: [] },
  { chat: -102, name: "Sở Nội vụ", kinds: ["sở"], aliases: [] },
  // Bound by a fuzzy query (no diacritics, words only): the bot offers the match as a button.
  { chat: -103, name: "Sở Thông tin và Truyền thông", kinds: ["sở"], aliases: ["Sở TT&TT"], bindWith: "thong tin truyen thong" },
  { chat: -104, name: "Sở Tài chính", kinds: ["sở"], aliases: [] },
  { chat: -105, name: "Hội Chữ thập đỏ Thành phố", kinds: ["hội"], aliases: ["Hội Chữ thập đỏ"], bindWith: "Hội Chữ thập đỏ" },
  // Assigned by the kế hoạch, but has no group: the leader must hear of it.
  { name: "Sở Lao động - Thương binh và Xã hội", kinds: ["sở"], aliases: ["Sở LĐTBXH"] },
];
const BOUND = UNITS.filter((u): u is UnitSpec & { chat: number } => u.chat !== undefined);

/** Which of our units a name from the kế hoạch means: a unit or alias by folded key, or "các sở" → every sở. */
function unitsNamed(name: string): UnitSpec[] {
  const key = foldKey(name);
  const exact = UNITS.filter((u) => [u.name, ...u.aliases].some((n) => foldKey(n) === key));
  if (exact.length) return exact;
  return /^cac so\b/.test(key) ? UNITS.filter((u) => u.kinds.includes("sở")) : [];
}

/**
 * From the reader's own output: the item refs each unit must receive (dropped items excluded), and how many
 * (task, lead unit) pairs the report counts.
 */
function expectedRefs(text: string, dropped: string[]): { refs: Map<string, string[]>; leads: number } {
  const parsed = readDispatch(text, { refDate: "2023-06-05" });
  const refs = new Map<string, string[]>(UNITS.map((u) => [u.name, []]));
  let leads = 0;
  for (const task of parsed.tasks) {
    if (dropped.includes(task.ref)) continue;
    const units = new Set(task.assignees.flatMap((a) => unitsNamed(a.name)).map((u) => u.name));
    for (const unit of units) refs.get(unit)!.push(task.ref);
    leads += new Set(task.assignees.filter((a) => a.role === "lead").flatMap((a) => unitsNamed(a.name)).map((u) => u.name)).size;
  }
  return { refs, leads };
}

const refsIn = (text: string): string[] => [...text.matchAll(/^\d+\. \[([^\]]+)\]/gm)].map((m) => m[1]!);
const isTaskPost = (m: TgMessage): boolean => /^📄 /.test(m.text ?? "") && /thực hiện:/.test(m.text ?? "");

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

/** Admin: units, roles, and /donvi in five groups (one by a fuzzy query confirmed with its button). */
async function setUpOffice(l: Loop): Promise<void> {
  const { api } = l;
  for (const u of UNITS) if (u.chat) api.group(u.chat, `Nhóm ${u.name} <${u.chat}> & *_`);
  for (const u of UNITS) {
    const extra = u.aliases.length ? `; bí danh: ${u.aliases.join(", ")}` : "";
    l.say(ADMIN.id, ADMIN, `/themdonvi ${u.name}; loại: ${u.kinds.join(", ")}${extra}`);
  }
  l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
  l.say(ADMIN.id, ADMIN, `/vaitro văn thư ${SECRETARY.id}`);
  await l.botSaysMatching(ADMIN.id, /vai trò văn thư cho telegram:1003/, 20_000);
  expect(api.botMessages(ADMIN.id).filter((m) => /^Đã lưu đơn vị/.test(m.text ?? ""))).toHaveLength(UNITS.length);

  for (const u of BOUND) {
    l.say(u.chat, ADMIN, `/donvi ${u.bindWith ?? u.name}`);
    const answer = await l.botSays(u.chat, 0);
    if (/^Chọn đơn vị/.test(answer.text ?? "")) {
      expect(u.bindWith).toBeDefined();
      const [choice, ...others] = buttonData(answer);
      expect(others).toEqual([]); // one unit has all those words
      expect(await l.press(u.chat, ADMIN, answer, choice!)).toMatch(/Đã gắn nhóm chat này với Sở Thông tin và Truyền thông/);
      expect((await l.botSays(u.chat, 1)).text).toBe(`Đã gắn nhóm chat này với ${u.name}.`);
    } else {
      expect(answer.text).toBe(`Đã gắn nhóm chat này với ${u.name}.`);
    }
  }
  l.say(-105, ADMIN, "/donvi");
  expect((await l.botSays(-105, 1)).text).toBe("Nhóm này đang gắn với Hội Chữ thập đỏ Thành phố.");
}

/** The leader's preview: every part the bot sent since `from`, joined, with the buttons of the last part. */
async function previewAfter(l: Loop, from: number): Promise<{ text: string; buttons: string[]; last: TgMessage }> {
  await l.api.waitFor(
    () => l.api.botMessages(LEADER.id).slice(from).some((m) => buttonData(m).some((d) => d.startsWith("confirm:"))),
    20_000,
    "the preview's buttons",
  );
  const parts = l.api.botMessages(LEADER.id).slice(from);
  const lastIndex = parts.findIndex((m) => buttonData(m).some((d) => d.startsWith("confirm:")));
  const mine = parts.slice(0, lastIndex + 1);
  return { text: mine.map((m) => m.text).join("\n"), buttons: buttonData(mine.at(-1)!), last: mine.at(-1)! };
}

describe("Telegram end to end with a real kế hoạch", () => {
  it("binds five groups, reads a pasted 14k-character plan, fans out exactly, records completions, reports and exports", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    await setUpOffice(l);

    // The leader pastes the kế hoạch: the Telegram app sends it as several messages of at most 4,096 characters.
    const parts = splitLikeTelegram(KE_HOACH, 4096);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    for (const part of parts) l.say(LEADER.id, LEADER, part);
    let preview = await previewAfter(l, 0);
    expect(preview.text).toMatch(/XEM TRƯỚC \(mã #\d+\) — Kế hoạch số 164\/KH-UBND/);
    // One dispatch, not four; the four headings that name no unit are listed but not counted as tasks (issue 10).
    expect(preview.text).toMatch(/\n14 nhiệm vụ \(và 4 mục chưa có đơn vị thực hiện\):\n/);
    expect(preview.text).toMatch(/Chưa xác định được đơn vị: .*Ban Dân vận Thành ủy/s);
    expect(api.botMessages(LEADER.id).every((m) => (m.text ?? "").length <= 4096)).toBe(true);

    // Two items say only "định kỳ": the leader drops the one with no unit and gives the other a period.
    const seqOf = (ref: string) => Number(new RegExp(`^(\\d+)\\. \\[${ref.replace(/[.#]/g, "\\$&")}\\]`, "m").exec(preview.text)![1]);
    // The preview itself asks for the period of a "định kỳ" item (not only a refusal after ✅).
    expect(preview.text).toContain(`[III.11]`);
    expect(preview.text).toMatch(new RegExp(`⚠️ Ghi "định kỳ" nhưng chưa rõ chu kỳ: chọn bằng /chuky ${seqOf("III.11")} năm`));
    let seen = api.botMessages(LEADER.id).length;
    l.say(LEADER.id, LEADER, `/bo ${seqOf("II.1")}`);
    preview = await previewAfter(l, seen);
    expect(preview.text).toMatch(new RegExp(`${seqOf("II.1")}\\. \\[II\\.1\\] \\(đã bỏ\\)`));
    seen = api.botMessages(LEADER.id).length;
    l.say(LEADER.id, LEADER, `/chuky ${seqOf("III.11")} hang nam`);
    preview = await previewAfter(l, seen);
    seen = api.botMessages(LEADER.id).length;

    // The headings reach no unit: confirming insists (issue 12) until they are marked "không giao", all at once.
    const confirm = preview.buttons.find((d) => d.startsWith("confirm:"))!;
    expect(await l.press(LEADER.id, LEADER, preview.last, confirm)).toBeUndefined();
    // Seven items would reach nobody: three headings and four naming bodies this office's directory lacks.
    const insist = await l.botSaysMatching(LEADER.id, /^Chưa xác nhận: còn 7 mục chưa giao cho đơn vị nào/);
    for (const ref of ["II.2", "II.3", "II.4", "III.7", "III.9", "III.11", "III.12"]) expect(insist.text).toContain(`. [${ref}] `);
    const allButton = buttonData(insist).find((d) => /^ng:\d+:all$/.test(d))!;
    expect(await l.press(LEADER.id, LEADER, insist, allButton)).toMatch(/^Đã đánh dấu không giao: mục \d+(, \d+){6}\.$/);
    preview = await previewAfter(l, seen);
    expect(preview.text.match(/🚫 Không giao — không theo dõi/g)).toHaveLength(7);
    expect(await l.press(LEADER.id, LEADER, preview.last, preview.buttons.find((d) => d.startsWith("confirm:"))!)).toBeUndefined();
    const done = await l.botSaysMatching(LEADER.id, /^Đã giao \d+ nhiệm vụ/);
    // The unit assigned without a group is reported to the leader by name.
    expect(done.text).toMatch(/chưa có nhóm chat.*: Sở Lao động - Thương binh và Xã hội\./s);

    // Every bound group receives exactly its tasks: the reader's assignees, resolved as the office named its units.
    const { refs: expected, leads } = expectedRefs(parts.join("\n"), ["II.1"]);
    expect(expected.get("Sở Lao động - Thương binh và Xã hội")!.length).toBeGreaterThan(0);
    const posts = new Map<number, TgMessage[]>();
    for (const u of BOUND) {
      const want = expected.get(u.name)!;
      expect(want.length).toBeGreaterThan(0);
      await api.waitFor(() => refsIn(api.botMessages(u.chat).filter(isTaskPost).map((m) => m.text).join("\n")).length >= want.length, 20_000, `posts in ${u.chat}`);
      const got = api.botMessages(u.chat).filter(isTaskPost);
      posts.set(u.chat, got);
      expect(refsIn(got.map((m) => m.text).join("\n")).sort(), u.name).toEqual([...want].sort());
      for (const m of got) expect(m.text).toContain(`Giao ${u.name} thực hiện:`);
    }

    // Sở Y tế (-101) has two tasks in one message: "da xong" (no diacritics) is asked which; "da xong 2" closes item 2.
    const yte = posts.get(-101)![0]!;
    expect(refsIn(yte.text!)).toHaveLength(2);
    l.say(-101, OFFICER, "da xong", yte.message_id);
    expect((await l.botSaysMatching(-101, /có 2 nhiệm vụ/)).reply_to_message?.from?.id).toBe(OFFICER.id);
    l.say(-101, OFFICER, "da xong 2", yte.message_id);
    await api.waitFor(() => /— Tình trạng —/.test(api.message(-101, yte.message_id)!.text ?? ""), 15_000, "the status edit in -101");
    const yteNow = api.message(-101, yte.message_id)!;
    expect(yteNow.text).toMatch(/1\. ⏳ Đang thực hiện\n2\. ✅ Đã hoàn thành 05\/06\/2023/);
    expect(buttonData(yteNow).filter((d) => d.startsWith("done:"))).toHaveLength(1); // only the open task keeps its ✅ (issue 12 adds 🕘/⏳)

    // Sở Nội vụ (-102): the button of its own item III.4 (item 1, "các sở, ngành", is shared by every sở); the
    // callback is answered and the message edited, no new message.
    const noiVu = posts.get(-102)![0]!;
    expect(refsIn(noiVu.text!)[1]).toBe("III.4");
    const before = api.botMessages(-102).length;
    expect(await l.press(-102, OFFICER2, noiVu, buttonData(noiVu)[1]!)).toBe("✅ Đã ghi nhận hoàn thành.");
    await api.waitFor(() => /2\. ✅ Đã hoàn thành/.test(api.message(-102, noiVu.message_id)!.text ?? ""), 15_000, "the status edit in -102");
    expect(api.botMessages(-102)).toHaveLength(before);

    // Sở TT&TT (-103): an exhortation and "chưa xong" never complete; chatter that replies to nobody never reaches
    // the bot (privacy mode), so it cannot complete anything either.
    const ttt = posts.get(-103)![0]!;
    l.say(-103, OFFICER, "đề nghị các đơn vị khẩn trương hoàn thành", ttt.message_id);
    l.say(-103, OFFICER, "chưa xong 1", ttt.message_id);
    l.say(-104, OFFICER, "xong rồi nhé");
    await l.settle();
    expect(api.message(-103, ttt.message_id)!.text).not.toMatch(/✅ Đã hoàn thành/);
    expect(api.botMessages(-104).filter((m) => !isTaskPost(m))).toHaveLength(1); // just the binding answer

    // The secretary's report: two of the tasks closed, on time; the rest still running.
    l.say(SECRETARY.id, SECRETARY, "/baocao 164/KH-UBND");
    const report = await l.botSaysMatching(SECRETARY.id, /Tổng số/);
    // III.6 and III.4 recur yearly: closing each opened its next year's occurrence, which is next year's work and in
    // no report (not 'đang thực hiện') until its own period begins, the day after this one's due day (issue 12).
    const total = leads;
    // Issue 12: tasks and assignments to units said apart; the categories count the lead assignments.
    const totals = /Tổng số: (\d+) nhiệm vụ, (\d+) lượt giao cho đơn vị \((\d+) lượt chủ trì, (\d+) lượt phối hợp\)/.exec(report.text!)!;
    expect(Number(totals[3])).toBe(total);
    expect(Number(totals[2])).toBe(total + Number(totals[4]));
    expect(Number(totals[1])).toBeLessThan(total); // "các sở, ngành" items have several lead units each
    expect(report.text).toContain(`Tình hình ${total} lượt giao cho đơn vị chủ trì (lượt phối hợp không tính):`);
    expect(report.text).toMatch(/- Đã hoàn thành: 2\n\s+\+ Hoàn thành đúng hạn: 2/);
    expect(report.text).toMatch(new RegExp(`Đang thực hiện \\(trong hạn\\): ${total - 2 - countNoDeadline(report.text!)}`));
    expect(report.text).toMatch(/Sở Y tế: \d+ nhiệm vụ; đã hoàn thành 1 \(đúng hạn 1/);
    expect(report.text).toMatch(/Sở Nội vụ: \d+ nhiệm vụ; đã hoàn thành 1 \(đúng hạn 1/);
    expect(report.text).toMatch(/Sở Thông tin và Truyền thông: \d+ nhiệm vụ; đã hoàn thành 0/);

    // /xuat: an .xlsx document, one row per assignment, readable by Excel (exceljs).
    l.say(SECRETARY.id, SECRETARY, "/xuat 164/KH-UBND");
    await api.waitFor(() => api.botMessages(SECRETARY.id).some((m) => m.document), 20_000, "the .xlsx document");
    const doc = api.botMessages(SECRETARY.id).find((m) => m.document)!;
    expect(doc.document!.file_name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load([...api.files.values()].find((f) => f.id === doc.document!.file_id)!.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // One row per assignment; the two next occurrences of III.6 and III.4 are not in it until their period begins.
    const all = [...expected.values()].flat();
    const assignments = all.length;
    const cells = sheet.getSheetValues().slice(2).map((row) => (Array.isArray(row) ? row.join(" | ") : ""));
    // Then the seven items marked "không giao", listed so none is silently left out (issue 12).
    expect(cells.filter((c) => /164\/KH-UBND/.test(c))).toHaveLength(assignments + 7);
    expect(cells.filter((c) => / \| Không giao \(không theo dõi\)/.test(c))).toHaveLength(7);
    expect(cells.filter((c) => /Hoàn thành đúng hạn/i.test(c)).length).toBeGreaterThanOrEqual(2);

    // Time passes (the app's ManualClock): 08:00 on Tuesday 21/11/2023, a day after most deadlines. The reminder tick
    // sends each group one digest of its overdue tasks; an officer closes one by replying to the digest.
    l.clock.set(new Date("2023-11-21T01:00:00Z"));
    await l.app.reminders.runNow();
    const digests = new Map<number, TgMessage>();
    for (const u of BOUND) digests.set(u.chat, await l.botSaysMatching(u.chat, /^⏰ Nhắc việc ngày 21\/11\/2023/));
    const yteDigest = digests.get(-101)!;
    expect(yteDigest.text).toMatch(/II\.1#1\] .* quá hạn 1 ngày/);
    expect(yteDigest.text).not.toMatch(/III\.6\]/); // closed on time
    // The leader's overdue digest names every overdue (task, unit), the unbound unit's included.
    const leaderDigest = await l.botSaysMatching(LEADER.id, /^NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH – ngày 21\/11\/2023/);
    expect(leaderDigest.text).toMatch(/Sở Lao động - Thương binh và Xã hội \(2\):/);
    expect(leaderDigest.text).not.toMatch(/III\.6:|III\.4:/); // closed in June
    l.say(-101, OFFICER, "xong 1", yteDigest.message_id);
    await api.waitFor(() => /— Tình trạng —\n1\. ✅ Đã hoàn thành 21\/11\/2023/.test(api.message(-101, yteDigest.message_id)!.text ?? ""), 15_000, "the digest's status edit");
    expect(api.message(-101, yteDigest.message_id)!.text!.startsWith(yteDigest.text!)).toBe(true);
    l.say(SECRETARY.id, SECRETARY, "/quahan");
    const overdue = await l.botSaysMatching(SECRETARY.id, /^DANH SÁCH NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH\nTính đến 08:00 ngày 21\/11\/2023/);
    expect(overdue.text).toMatch(/^- Sở Tài chính: \d+$/m);
    expect(overdue.text).not.toMatch(/^- Sở Y tế: /m);

    // Nothing was refused: no markup error, no 429, no failed call (group titles and names carry < > & * _).
    expect(api.calls.filter((c) => !c.ok && c.method !== "getUpdates")).toEqual([]);
  }, 120_000);
});

describe("Telegram end to end: what real groups and networks do to a bot", () => {
  it("429s, a kicked bot, a group upgraded to a supergroup and a duplicate update: nothing lost, nothing doubled", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    await setUpOffice(l);
    const SUPER = -1_000_000_000_102;
    // Telegram refuses the first sends to two groups with 429 retry_after; -104 removed the bot without any
    // my_chat_member update reaching us (only the 403 tells); -102 becomes a supergroup while its post is pending.
    api.failNext("sendMessage", telegramErrors.tooManyRequests(1), { chatId: -101, times: 2 });
    api.failNext("sendMessage", telegramErrors.tooManyRequests(2), { chatId: -105 });
    api.chat(-104).kicked = true;
    api.chat(-102).migratedTo = SUPER;
    api.chats.set(SUPER, { id: SUPER, type: "supergroup", title: "Nhóm Sở Nội vụ" });
    // -103 is upgraded before anything is posted, and says so with the service messages: its binding moves first.
    const SUPER_103 = -1_000_000_000_103;
    api.updates.migrate(-103, SUPER_103, ADMIN);
    const expected = await pasteAndConfirm(l);

    const moved = new Map([[-102, SUPER], [-103, SUPER_103]]);
    const chats = new Map(BOUND.filter((u) => u.chat !== -104).map((u) => [u.name, moved.get(u.chat) ?? u.chat]));
    await expectExactPosts(l, expected, chats);
    expect(api.botMessages(-102).filter(isTaskPost)).toEqual([]); // the old ids never got them
    expect(api.botMessages(-103).filter(isTaskPost)).toEqual([]);
    expect(api.botMessages(-104).filter(isTaskPost)).toEqual([]);
    const refused = (code: number) => api.callsOf("sendMessage").filter((c) => c.error && "error_code" in c.error && c.error.error_code === code);
    expect(refused(429)).toHaveLength(3);

    // The kicked bot: admin and leader are told once, and the unit shows as having no active group.
    for (const who of [ADMIN.id, LEADER.id]) {
      await l.botSaysMatching(who, /Bot đã bị xóa khỏi nhóm "Nhóm Sở Tài chính <-104> & \*_" của Sở Tài chính/);
    }
    l.say(LEADER.id, LEADER, "/danhsachdonvi");
    const list = await l.botSaysMatching(LEADER.id, /^Danh mục đơn vị/);
    expect(list.text).toMatch(/Sở Tài chính \(sở\)\n {3}\(chưa có nhóm\)/);
    // Each unit with its groups (title, platform, id): Sở Nội vụ's is the supergroup its group became.
    expect(list.text).toMatch(new RegExp(`Sở Nội vụ \\(sở\\)\\n {3}💬 .* \\(Telegram\\) \\[telegram:${SUPER}\\]`));

    // An admin adds the bot back to -104: the binding is active again and the posts it missed arrive, once.
    api.updates.botAdded(-104, ADMIN, "Nhóm Sở Tài chính <-104> & *_");
    await l.botSaysMatching(-104, /Bot đã được thêm lại vào nhóm của Sở Tài chính/);
    await expectExactPosts(l, expected, new Map([["Sở Tài chính", -104]]));

    // The binding followed the supergroup: a reply there counts for Sở Nội vụ, and /donvi says so.
    const post = api.botMessages(SUPER).find(isTaskPost)!;
    const reply = l.say(SUPER, OFFICER, "Đã hoàn thành 2", post.message_id);
    // Telegram delivers the same update again (after a crash before the offset was confirmed): handled once.
    api.updates.again(reply);
    await api.waitFor(() => /2\. ✅ Đã hoàn thành/.test(api.message(SUPER, post.message_id)!.text ?? ""), 15_000, "the status edit in the supergroup");
    l.say(SUPER, ADMIN, "/donvi");
    expect((await l.botSaysMatching(SUPER, /đang gắn với/)).text).toBe("Nhóm này đang gắn với Sở Nội vụ.");
    await l.settle();
    expect(api.callsOf("editMessageText").filter((c) => Number(c.params.chat_id) === SUPER)).toHaveLength(1);
    expect(api.botMessages(LEADER.id).filter((m) => /Bot đã bị xóa khỏi nhóm/.test(m.text ?? ""))).toHaveLength(1); // told once
    // One answer to the reply (III.4 recurs: the next year's deadline is announced), one to /donvi.
    expect(api.botMessages(SUPER).filter((m) => !isTaskPost(m)).map((m) => m.text)).toEqual([
      "✅ Đã ghi nhận Sở Nội vụ hoàn thành nhiệm vụ III.4 (164/KH-UBND). Kỳ tiếp theo: hạn 20/11/2024.",
      "Nhóm này đang gắn với Sở Nội vụ.",
    ]);

    // A long report under 429s: every part arrives, in order.
    api.failNext("sendMessage", telegramErrors.tooManyRequests(1), { chatId: SECRETARY.id, times: 2 });
    l.say(SECRETARY.id, SECRETARY, "/baocao 164/KH-UBND");
    await l.settle();
    const parts = api.botMessages(SECRETARY.id).map((m) => m.text ?? "");
    expect(parts.length).toBeGreaterThan(1);
    const numbers = [...parts.join("\n").matchAll(/^(\d+)\. 164\/KH-UBND/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(parts[0]).toMatch(/^BÁO CÁO TÌNH HÌNH/);
  }, 120_000);

  it("a restart in the middle of fan-out: the new process sends the rest, nothing lost, nothing doubled", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    await setUpOffice(l);
    const asked = l.say(-102, ADMIN, "/donvi");
    await l.botSaysMatching(-102, /đang gắn với Sở Nội vụ/);
    // Two groups are held back by 429s long enough for the process to stop with their posts still in the outbox.
    api.failNext("sendMessage", telegramErrors.tooManyRequests(3), { chatId: -103 });
    api.failNext("sendMessage", telegramErrors.tooManyRequests(3), { chatId: -105 });
    const expected = await pasteAndConfirm(l);
    const early = new Map(BOUND.filter((u) => u.chat !== -103 && u.chat !== -105).map((u) => [u.name, u.chat]));
    await expectExactPosts(l, expected, early);
    await l.app.stop();
    expect(api.botMessages(-103).filter(isTaskPost)).toEqual([]);
    expect(api.botMessages(-105).filter(isTaskPost)).toEqual([]);
    const callsBefore = api.callsOf("sendMessage").length;

    await l.restart();
    await expectExactPosts(l, expected);
    await l.settle();
    // The restarted process sent only what was missing (the held-back posts), and answered nothing twice.
    // The restarted process sent the held-back posts (and whatever else was still queued), and nothing twice.
    const resent = api.callsOf("sendMessage").slice(callsBefore).filter((c) => c.ok);
    expect(resent.filter((c) => /^📄 /.test(String(c.params.text))).map((c) => Number(c.params.chat_id)).sort()).toEqual(
      [-103, -105].flatMap((chat) => api.botMessages(chat).filter(isTaskPost).map(() => chat)).sort(),
    );
    const everything = [...api.messages.values()].filter((m) => m.from?.id === api.bot.id).map((m) => `${m.chat.id}|${m.text}`);
    expect(everything.length).toBe(new Set(everything).size);
    expect(api.botMessages(LEADER.id).filter((m) => /^Đã giao/.test(m.text ?? ""))).toHaveLength(1);
    // Telegram hands the new process an update the old one already handled (offset not confirmed): answered once.
    const bindAnswers = api.botMessages(-102).length;
    api.updates.again(asked);
    await l.settle();
    expect(api.botMessages(-102)).toHaveLength(bindAnswers);

    // Replies to posts sent by the first process still count after the restart.
    const yte = api.botMessages(-101).find(isTaskPost)!;
    l.say(-101, OFFICER, "xong 2", yte.message_id);
    await api.waitFor(() => /2\. ✅ Đã hoàn thành/.test(api.message(-101, yte.message_id)!.text ?? ""), 15_000, "the status edit after restart");
  }, 120_000);
});

/** The leader pastes the kế hoạch in parts, settles the two "định kỳ" items, marks the headings "không giao" and confirms. Returns the refs expected per unit. */
async function pasteAndConfirm(l: Loop): Promise<Map<string, string[]>> {
  const parts = splitLikeTelegram(KE_HOACH, 4096);
  const from = l.api.botMessages(LEADER.id).length;
  for (const part of parts) l.say(LEADER.id, LEADER, part);
  let preview = await previewAfter(l, from);
  const seqOf = (ref: string) => Number(new RegExp(`^(\\d+)\\. \\[${ref.replace(/[.#]/g, "\\$&")}\\]`, "m").exec(preview.text)![1]);
  let seen = l.api.botMessages(LEADER.id).length;
  l.say(LEADER.id, LEADER, `/bo ${seqOf("II.1")}`);
  preview = await previewAfter(l, seen);
  seen = l.api.botMessages(LEADER.id).length;
  l.say(LEADER.id, LEADER, `/bo ${seqOf("III.11")}`);
  preview = await previewAfter(l, seen);
  // The headings reach no unit: typed "không giao", all at once (issue 12).
  seen = l.api.botMessages(LEADER.id).length;
  l.say(LEADER.id, LEADER, "/khonggiao tat ca");
  preview = await previewAfter(l, seen);
  await l.press(LEADER.id, LEADER, preview.last, preview.buttons.find((d) => d.startsWith("confirm:"))!);
  return expectedRefs(parts.join("\n"), ["II.1", "III.11"]).refs;
}

/** Each group's task posts carry exactly the expected refs, each once. */
async function expectExactPosts(l: Loop, expected: Map<string, string[]>, chats: Map<string, number> = new Map(BOUND.map((u) => [u.name, u.chat]))): Promise<void> {
  for (const [name, chat] of chats) {
    const want = [...expected.get(name)!].sort();
    const got = () => refsIn(l.api.botMessages(chat).filter(isTaskPost).map((m) => m.text).join("\n"));
    await l.api.waitFor(() => got().length >= want.length, 20_000, `posts in ${chat}`);
    await new Promise((r) => setTimeout(r, 50));
    expect(got().sort(), name).toEqual(want);
  }
}

/** "- Nhiệm vụ không có thời hạn: N" in the report (items the kế hoạch gives no deadline). */
function countNoDeadline(text: string): number {
  return Number(/Nhiệm vụ không có thời hạn: (\d+)/.exec(text)?.[1] ?? 0);
}

describe("Telegram end to end: text people type is shown as typed", () => {
  const ODD = "Phòng <Kế hoạch> & Tài_chính *KT*";
  const PLAN = `ỦY BAN NHÂN DÂN
TỈNH THỬ NGHIỆM
Số: 12/KH-UBND
V/v rà soát dự án & công trình trọng_điểm

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Thử Nghiệm, ngày 05 tháng 6 năm 2023

Kính gửi: Các sở, ban, ngành tỉnh

1. Phòng Kế hoạch - Tài chính chủ trì rà soát các dự án có tỷ lệ giải ngân < 50% & tiến độ chậm > 6 tháng (mã_dự_án A_1), báo cáo trước ngày 20/6/2023.
2. Sở Y tế chủ trì kiểm tra các cơ sở khám, chữa bệnh & nhà_thuốc tư nhân, hoàn thành trước ngày 30/6/2023.
`;

  it("unit names, group titles and dispatch text with < > & * _ go through untouched, and Telegram refuses nothing", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    api.group(-201, "Nhóm <KH> & *TC*_");
    api.group(-202, "Nhóm Y tế");
    l.say(ADMIN.id, ADMIN, `/themdonvi ${ODD}; loại: phòng`);
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Y tế; loại: sở");
    l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    expect((await l.botSays(ADMIN.id, 0)).text).toBe(`Đã lưu đơn vị ${ODD} (loại: phòng; tên khác: —).`);
    await l.botSaysMatching(ADMIN.id, /vai trò lãnh đạo/);
    l.say(-201, ADMIN, `/donvi ${ODD}`);
    l.say(-202, ADMIN, "/donvi Sở Y tế");
    expect((await l.botSays(-201, 0)).text).toBe(`Đã gắn nhóm chat này với ${ODD}.`);
    await l.botSays(-202, 0);

    // The command menu was registered at start-up, and /help explains what this person may do.
    expect(api.commands.get("default:")?.map((c) => c.command)).toEqual(expect.arrayContaining(["start", "help", "donvi", "baocao", "quahan", "xuat"]));
    l.say(LEADER.id, LEADER, "/help");
    const help = await l.botSays(LEADER.id, 0);
    expect(help.text).toMatch(/^🤖 dondoc/);
    expect(help.text).toMatch(/Lãnh đạo:/);
    expect(help.text).toMatch(/\/baocao/);

    l.say(LEADER.id, LEADER, PLAN);
    let preview = await previewAfter(l, 1);
    expect(preview.text).toContain("< 50% & tiến độ chậm > 6 tháng (mã_dự_án A_1)");
    const seen = api.botMessages(LEADER.id).length;
    l.say(LEADER.id, LEADER, `/giao 1 ${ODD}`);
    preview = await previewAfter(l, seen);
    expect(preview.text).toContain(`Chủ trì: ${ODD}`);
    await l.press(LEADER.id, LEADER, preview.last, preview.buttons.find((d) => d.startsWith("confirm:"))!);

    const post = await l.botSaysMatching(-201, /^📄 /);
    expect(post.text).toContain(`Giao ${ODD} thực hiện:`);
    expect(post.text).toContain("< 50% & tiến độ chậm > 6 tháng (mã_dự_án A_1)");
    expect(post.text).toContain("V/v: rà soát dự án & công trình trọng_điểm");
    // A person replies after dondoc has recorded which message carried the task (its outbox item marked sent): a
    // reply in the milliseconds between Telegram's answer and that write finds no task (seen on PostgreSQL).
    await l.settle();
    l.say(-201, OFFICER, "da xong", post.message_id); // one task in the message: plain "da xong" closes it
    await api.waitFor(() => /— Tình trạng —\n1\. ✅ Đã hoàn thành/.test(api.message(-201, post.message_id)!.text ?? ""), 15_000, "the status edit");
    expect(api.message(-201, post.message_id)!.text).toContain(`Giao ${ODD} thực hiện:`);
    // The completion's short answer in the group (issue 10) names the unit as it is.
    expect((await l.botSaysMatching(-201, /^✅ Đã ghi nhận/)).text).toContain(ODD);

    // Kicked from the odd-titled group: the notice quotes its title and the unit's name as they are.
    api.updates.botRemoved(-201, ADMIN);
    expect((await l.botSaysMatching(LEADER.id, /Bot đã bị xóa/)).text).toContain(`"Nhóm <KH> & *TC*_" của ${ODD}`);

    await l.settle();
    expect(api.calls.filter((c) => !c.ok && c.method !== "getUpdates")).toEqual([]);
  }, 60_000);
});
