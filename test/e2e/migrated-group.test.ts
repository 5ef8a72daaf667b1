// Issue 10: a group upgraded to a supergroup keeps its history under the same message ids. Task posts sent before the
// upgrade must still carry their tasks: a reply or ✅ on them in the supergroup closes the task, never "Không tìm
// thấy nhiệm vụ…".
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, buttonData, LEADER, type Loop, OFFICER, startLoop } from "./harness.js";

const doneButtons = (post: Parameters<typeof buttonData>[0]) => buttonData(post).filter((d) => d.startsWith("done:"));

const DISPATCH = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 89/UBND-TC
V/v quyết toán ngân sách năm 2022

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
2. Sở Tài chính chủ trì thẩm định dự toán bổ sung, hoàn thành trước ngày 30/7/2023.
3. Sở Tài chính chủ trì rà soát tài sản công, hoàn thành trước ngày 30/8/2023.
`;
const GROUP = -601;
const SUPER = -1_000_000_000_601;

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

describe("task posts sent before a group became a supergroup", () => {
  it("a reply and a ✅ on them in the supergroup close their tasks", async () => {
    loop = await startLoop();
    const l = loop;
    const { api } = l;
    api.group(GROUP, "Nhóm Sở Tài chính");
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Tài chính; loại: sở");
    l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    await l.botSaysMatching(ADMIN.id, /vai trò lãnh đạo cho telegram:1002/);
    l.say(GROUP, ADMIN, "/donvi Sở Tài chính");
    await l.botSaysMatching(GROUP, /Đã gắn nhóm chat này với Sở Tài chính/);
    l.say(LEADER.id, LEADER, DISPATCH);
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
    await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
    const post = await l.botSaysMatching(GROUP, /Giao Sở Tài chính thực hiện:/);
    expect(doneButtons(post)).toHaveLength(3); // ✅ per task (issue 12 adds 🕘/⏳ rows)
    await l.settle();

    // The group is upgraded; Telegram announces it with the two service messages and moves the history.
    api.updates.migrate(GROUP, SUPER, ADMIN, { keepHistory: true });
    await l.settle();
    expect(api.message(SUPER, post.message_id)?.text).toBe(post.text);

    // A reply to the old post, now in the supergroup, closes task 1 and the post (same id, new chat) shows it.
    l.say(SUPER, OFFICER, "xong 1", post.message_id);
    await api.waitFor(() => /1\. ✅ Đã hoàn thành/.test(api.message(SUPER, post.message_id)!.text ?? ""), 15_000, "the status edit in the supergroup");
    // ✅ under the old post closes task 3.
    expect(await l.press(SUPER, OFFICER, api.message(SUPER, post.message_id)!, doneButtons(post)[2]!)).toBe("✅ Đã ghi nhận hoàn thành.");
    await l.settle();
    expect(api.message(SUPER, post.message_id)!.text).toMatch(/1\. ✅ Đã hoàn thành.*\n2\. ⏳ Đang thực hiện\n3\. ✅ Đã hoàn thành/s);
    expect(api.botMessages(SUPER).map((m) => m.text ?? "").filter((t) => /Không tìm thấy nhiệm vụ/.test(t))).toEqual([]);
    const done = Number(await l.app.deps.store.db.sql.value(`SELECT count(*) FROM "Assignment" WHERE status = 'done'`));
    expect(done).toBe(2);
  }, 60_000);
});
