// Issue 10: questions from the groups reach the leader as one digest per reminder tick, not one message each; a
// "done" reply gets a short visible answer in the group as well as the edit of the task message.
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, buttonData, LEADER, type Loop, OFFICER, startLoop } from "./harness.js";

const DISPATCH = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 89/UBND-TC
V/v quyết toán ngân sách năm 2022

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
2. Sở Y tế chủ trì rà soát kinh phí phòng, chống dịch, hoàn thành trước ngày 30/6/2023.
3. Sở Tài chính chủ trì thẩm định dự toán bổ sung, hoàn thành trước ngày 30/7/2023.
`;
const FINANCE = -701;
const HEALTH = -702;

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

async function office(l: Loop) {
  const { api } = l;
  api.group(FINANCE, "Nhóm Sở Tài chính");
  api.group(HEALTH, "Nhóm Sở Y tế");
  l.say(ADMIN.id, ADMIN, "/themdonvi Sở Tài chính; loại: sở");
  l.say(ADMIN.id, ADMIN, "/themdonvi Sở Y tế; loại: sở");
  l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
  await l.botSaysMatching(ADMIN.id, /vai trò lãnh đạo cho telegram:1002/);
  l.say(FINANCE, ADMIN, "/donvi Sở Tài chính");
  await l.botSaysMatching(FINANCE, /Đã gắn nhóm chat này với Sở Tài chính/);
  l.say(HEALTH, ADMIN, "/donvi Sở Y tế");
  await l.botSaysMatching(HEALTH, /Đã gắn nhóm chat này với Sở Y tế/);
  l.say(LEADER.id, LEADER, DISPATCH);
  const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
  await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
  await l.botSaysMatching(LEADER.id, /Đã giao 3 nhiệm vụ cho 2 đơn vị/);
  return { finance: await l.botSaysMatching(FINANCE, /thực hiện:/), health: await l.botSaysMatching(HEALTH, /thực hiện:/) };
}

describe("questions and completions in the groups", () => {
  it("25 questions reach the leader as one digest at the next tick, naming each unit, task and question", async () => {
    loop = await startLoop();
    const l = loop;
    const posts = await office(l);
    await l.settle();
    const before = l.api.botMessages(LEADER.id).length;
    for (let i = 1; i <= 25; i++) {
      // Spread over both groups, each under Telegram's 20 messages a minute per group (each question is answered there).
      const [chat, post] = i % 2 === 0 ? [HEALTH, posts.health] : [FINANCE, posts.finance];
      l.say(chat, OFFICER, `Hạn chót nhiệm vụ ${chat === HEALTH ? 1 : 1 + (i % 4 === 1 ? 1 : 0)} là ngày nào ạ? (câu ${i})`, post.message_id);
    }
    await l.settle();
    expect(l.api.botMessages(LEADER.id).slice(before).map((m) => m.text)).toEqual([]); // no message per question
    await l.app.reminders.runNow();
    await l.settle();
    const digests = l.api.botMessages(LEADER.id).slice(before);
    expect(digests).toHaveLength(1);
    const text = digests[0]!.text!;
    expect(text).toMatch(/^❓ Câu hỏi của các đơn vị \(25\):/);
    for (let i = 1; i <= 25; i++) expect(text).toContain(`(câu ${i})`);
    expect(text).toMatch(/• Sở Y tế — nhiệm vụ 2 \(89\/UBND-TC\): “Hạn chót/);
    // The next tick has nothing new to say.
    await l.app.reminders.runNow();
    await l.settle();
    expect(l.api.botMessages(LEADER.id).slice(before)).toHaveLength(1);
  }, 90_000);

  it("a 'done' reply edits the task message and answers in the group too", async () => {
    loop = await startLoop();
    const l = loop;
    const posts = await office(l);
    await l.settle();
    const before = l.api.botMessages(HEALTH).length;
    l.say(HEALTH, OFFICER, "đã hoàn thành", posts.health.message_id);
    await l.api.waitFor(() => /✅ Đã hoàn thành/.test(l.api.message(HEALTH, posts.health.message_id)!.text ?? ""), 15_000, "the status edit");
    const answer = await l.botSaysMatching(HEALTH, /^✅ Đã ghi nhận Sở Y tế hoàn thành nhiệm vụ 2/);
    expect(answer.reply_to_message?.from?.id).toBe(OFFICER.id);
    expect(l.api.botMessages(HEALTH).length).toBe(before + 1);
  }, 60_000);
});
