// "/ngonngu" per group as well as per person, through startApp, telegraf and the fake Bot API: task posts, answers,
// status edits and reminders in a group use the group's language; private answers the person's.
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
`;

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

describe("language per group and per person", () => {
  it("a group set to English gets posts, answers, status edits and reminders in English; other chats keep theirs", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    api.group(-401, "Finance group");
    api.group(-402, "Nhóm Sở Y tế");
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Tài chính; loại: sở");
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Y tế; loại: sở");
    l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    await l.botSaysMatching(ADMIN.id, /vai trò lãnh đạo cho telegram:1002/);
    l.say(-401, ADMIN, "/donvi Sở Tài chính");
    await l.botSaysMatching(-401, /Đã gắn nhóm chat này với Sở Tài chính/);
    l.say(-402, ADMIN, "/donvi Sở Y tế");
    await l.botSaysMatching(-402, /Đã gắn nhóm chat này với Sở Y tế/);

    // Only admins and leaders change a group's language; the answer comes in the new language.
    l.say(-401, OFFICER, "/ngonngu en");
    await l.botSaysMatching(-401, /Chỉ quản trị viên hoặc lãnh đạo/);
    l.say(-401, ADMIN, "/ngonngu en");
    await l.botSaysMatching(-401, /^This group will get the bot's messages in English\.$/);
    l.say(-401, ADMIN, "/donvi");
    await l.botSaysMatching(-401, /^This group is bound to Sở Tài chính\.$/);

    // The leader (Vietnamese) confirms; each group gets its post in its own language.
    l.say(LEADER.id, LEADER, DISPATCH);
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
    await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
    const english = await l.botSaysMatching(-401, /Assigned to Sở Tài chính:/);
    expect(english.text).toMatch(/⏰ Due: 30\/06\/2023/);
    const vietnamese = await l.botSaysMatching(-402, /Giao Sở Y tế thực hiện:/);
    expect(vietnamese.text).toMatch(/⏰ Hạn: 30\/06\/2023/);
    await l.botSaysMatching(LEADER.id, /Đã giao 2 nhiệm vụ cho 2 đơn vị/);

    // A Vietnamese officer's reply in the English group: the status edit of the post is in English.
    l.say(-401, OFFICER, "đang thực hiện, đạt 50%", english.message_id);
    await api.waitFor(
      () => api.callsOf("editMessageText").some((c) => Number(c.params.chat_id) === -401 && /50%/.test(String(c.params.text))),
      15_000,
      "the status edit in the English group",
    );
    const edit = api.callsOf("editMessageText").filter((c) => Number(c.params.chat_id) === -401).at(-1)!;
    expect(String(edit.params.text)).toMatch(/Assigned to Sở Tài chính:/);
    expect(String(edit.params.text)).not.toMatch(/Giao Sở Tài chính/);

    // The leader switches to English privately: their answers change, the Vietnamese group does not.
    l.say(LEADER.id, LEADER, "/ngonngu en");
    await l.botSaysMatching(LEADER.id, /^Switched to English\.$/);

    // Reminders three days before the deadline: each group in its own language.
    await l.settle();
    l.clock.set(new Date("2023-06-27T02:00:00Z"));
    await l.app.reminders.runNow();
    const reminderEn = await l.botSaysMatching(-401, /3 days left/);
    expect(reminderEn.text).toMatch(/^⏰ Reminders for 27\/06\/2023/);
    await l.botSaysMatching(-402, /còn 3 ngày/);

    // The setting is stored: after a restart the group is still answered in English.
    await l.settle();
    await l.app.stop();
    await l.restart();
    const seen = api.botMessages(-401).length;
    l.say(-401, OFFICER, "/donvi");
    await l.api.waitFor(() => api.botMessages(-401).slice(seen).some((m) => /^This group is bound to Sở Tài chính\.$/.test(m.text ?? "")), 15_000, "the English answer after a restart");
  }, 60_000);
});
