// The reply race (issue 15): an officer replies to a task post in the moment between Telegram taking the sendMessage
// and dondoc recording the message id Telegram gave it. The fake Bot API holds its answer to the post while the reply
// comes in; the reply must still find its task.
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, buttonData, LEADER, type Loop, OFFICER, startLoop, until } from "./harness.js";

const DISPATCH = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 89/UBND-TC
V/v quyết toán ngân sách năm 2022

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
`;

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

/** A unit with its group, a leader; then the dispatch confirmed while Telegram's answer to the task post is held. */
async function postHeld(l: Loop) {
  const { api } = l;
  api.group(-501, "Nhóm Sở Tài chính");
  l.say(ADMIN.id, ADMIN, "/themdonvi Sở Tài chính; loại: sở");
  l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
  await l.botSaysMatching(ADMIN.id, /vai trò lãnh đạo/);
  l.say(-501, ADMIN, "/donvi Sở Tài chính");
  await l.botSaysMatching(-501, /Đã gắn nhóm chat này với Sở Tài chính/);
  await l.settle();
  // Telegram takes the task post at once, but its answer (with the message id) reaches dondoc late.
  const held = api.hold("sendMessage", { chatId: -501, when: "after" });
  l.say(LEADER.id, LEADER, DISPATCH);
  const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
  await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
  await held.reached;
  return { held, post: await l.botSaysMatching(-501, /Giao Sở Tài chính thực hiện:/) };
}

describe("a reply racing its task post's recording", () => {
  it("a reply to a post whose sendMessage answer is still on its way waits for it and closes the task", async () => {
    const l = (loop = await startLoop());
    const { api } = l;
    const { held, post } = await postHeld(l);
    // The officer reads it and answers before dondoc knows the post's id.
    l.say(-501, OFFICER, "Đã hoàn thành", post.message_id);
    await api.waitFor(() => api.pendingUpdates === 0, 5000, "the reply to be taken");
    await new Promise((r) => setTimeout(r, 500));
    held.release();

    const sql = l.app.deps.store.db.sql;
    await until(async () => (await sql.value(`SELECT status FROM "Assignment"`)) === "done", 10_000, "the task to close");
    await l.settle();
    const said = api.botMessages(-501).map((m) => m.text ?? "");
    expect(said.some((t) => /Không tìm thấy nhiệm vụ gắn với tin nhắn này/.test(t))).toBe(false);
    expect(Number(await sql.value(`SELECT count(*) FROM "Event" WHERE type = 'reply'`))).toBe(1);
  });

  it("✅ pressed on a post whose sendMessage answer is still on its way closes the task", async () => {
    const l = (loop = await startLoop());
    const { api } = l;
    const { held, post } = await postHeld(l);
    const pressed = l.press(-501, OFFICER, post, buttonData(post).find((d) => d.startsWith("done:"))!);
    await new Promise((r) => setTimeout(r, 500));
    held.release();
    // The button's answer says what became of the press (a failure then names it, not just a timeout below).
    expect(await pressed).toMatch(/Đã ghi nhận/);
    const sql = l.app.deps.store.db.sql;
    await until(async () => (await sql.value(`SELECT status FROM "Assignment"`)) === "done", 10_000, "the task to close");
    await l.settle();
    expect(api.botMessages(-501).some((m) => /Không tìm thấy nhiệm vụ gắn với tin nhắn này/.test(m.text ?? ""))).toBe(false);
  });
});
