// Issue 10: a dispatch forwarded long after its deadlines (a 2023 plan in 2026) is flagged in the preview, and its
// recurring tasks start at their next occurrence from today instead of piling up years of overdue occurrences.
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, buttonData, LEADER, type Loop, startLoop } from "./harness.js";

const OLD_PLAN = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 77/KH-UBND
V/v triển khai năm 2023

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
2. Sở Y tế báo cáo kết quả thực hiện hằng tháng, trước ngày 25 hằng tháng.
`;

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

describe("a dispatch forwarded long after its deadlines", () => {
  it("is flagged in the preview; its monthly task starts at the next 25th from today, alone", async () => {
    loop = await startLoop({ at: "2026-03-10T02:00:00Z" });
    const l = loop;
    const { api } = l;
    api.group(-801, "Nhóm Sở Tài chính");
    api.group(-802, "Nhóm Sở Y tế");
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Tài chính; loại: sở");
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Y tế; loại: sở");
    l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    await l.botSaysMatching(ADMIN.id, /vai trò lãnh đạo cho telegram:1002/);
    l.say(-801, ADMIN, "/donvi Sở Tài chính");
    await l.botSaysMatching(-801, /Đã gắn nhóm/);
    l.say(-802, ADMIN, "/donvi Sở Y tế");
    await l.botSaysMatching(-802, /Đã gắn nhóm/);

    l.say(LEADER.id, LEADER, OLD_PLAN);
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
    expect(preview.text).toContain(
      "⚠️ Mọi thời hạn trong văn bản đã qua (hạn muộn nhất 30/06/2023): văn bản có thể đã cũ, vui lòng kiểm tra trước khi giao. Nhiệm vụ định kỳ sẽ bắt đầu từ kỳ tiếp theo kể từ hôm nay.",
    );
    await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
    const post = await l.botSaysMatching(-802, /Giao Sở Y tế thực hiện:/);
    expect(post.text).toMatch(/25\/03\/2026/);
    expect(post.text).not.toMatch(/25\/06\/2023/);

    // The reminder tick finds nothing to catch up: one occurrence, not 33 months of them.
    await l.app.reminders.runNow();
    await l.settle();
    const rows = (await l.app.deps.store.db.sql.rows<[string]>(`SELECT "deadlineDate" FROM "Task" WHERE ref = '2'`)).map((r) => r[0]);
    expect(rows).toEqual(["2026-03-25"]);
  }, 60_000);
});
