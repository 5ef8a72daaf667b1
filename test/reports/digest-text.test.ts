import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { dueReminders } from "../../src/reminders/due-reminders.js";
import { renderLeaderDigest, renderWithoutChat, type DigestItem } from "../../src/reports/digest-text.js";

const item = (id: number, unitId: number, unitName: string, chat: string | null, deadline: string, ref: string, taskText: string): DigestItem =>
  ({ assignmentId: id, unitId, unitName, chat, deadline, dispatchNumber: "164/KH-UBND", taskRef: ref, taskText });

const OPEN: DigestItem[] = [
  item(1, 1, "Sở Y tế", "zalo:g1", "2024-05-20", "3", "Báo cáo kết quả tiêm chủng"),
  item(2, 1, "Sở Y tế", "zalo:g1", "2024-05-31", "1", "Tổ chức tuyên truyền phòng chống dịch"),
  item(3, 1, "Sở Y tế", "zalo:g1", "2024-06-03", "2", "Kiểm tra an toàn thực phẩm"),
  item(4, 2, "Sở Tài chính", "telegram:-200", "2024-05-28", "5", "Bố trí kinh phí"),
  item(5, 3, "UBND xã Đông Hội", null, "2024-06-07", "4", "Rà soát hộ nghèo"),
];

describe("leader reminder digests as chat text", () => {
  const out = dueReminders({ openAssignments: OPEN, now: new Date("2024-05-31T01:05:00Z"), alreadySent: new Set() });

  it("gives the leader every overdue task grouped by unit", () => {
    const text = renderLeaderDigest(out.leaderDigest!.reminders, out.day, translator("vi")).join("\n");
    expect(text).toBe([
      "NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH – ngày 31/05/2024 (2 nhiệm vụ)",
      "",
      "Sở Y tế (1):",
      "- 164/KH-UBND, nhiệm vụ 3: Báo cáo kết quả tiêm chủng (hạn 20/05/2024, đã quá 11 ngày)",
      "",
      "Sở Tài chính (1):",
      "- 164/KH-UBND, nhiệm vụ 5: Bố trí kinh phí (hạn 28/05/2024, đã quá 3 ngày)",
    ].join("\n"));
  });

  it("writes English with English plurals", () => {
    const text = renderLeaderDigest(out.leaderDigest!.reminders, out.day, translator("en")).join("\n");
    expect(text).toContain("- 164/KH-UBND, task 3: Báo cáo kết quả tiêm chủng (due 20/05/2024, 11 days overdue)");
    expect(text).toContain("(due 28/05/2024, 3 days overdue)");
  });

  it("tells the leader which units could not be reminded", () => {
    const text = renderWithoutChat(out.withoutChat, out.day, translator("vi")).join("\n");
    expect(text).toContain("chưa gắn nhóm chat");
    expect(text).toContain("nhiệm vụ 4: Rà soát hộ nghèo (hạn 07/06/2024, còn 7 ngày) – UBND xã Đông Hội");
  });

  it("splits a long digest under the limit without cutting a task line", () => {
    const many = Array.from({ length: 120 }, (_, i) => item(100 + i, 1, "Sở Y tế", "zalo:g1", "2024-05-20", String(i + 1), "Nội dung nhiệm vụ cần thực hiện ".repeat(4)));
    const big = dueReminders({ openAssignments: many, now: new Date("2024-05-31T01:05:00Z"), alreadySent: new Set() });
    const chunks = renderLeaderDigest(big.leaderDigest!.reminders, big.day, translator("vi"), { maxLength: 2000 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(2000);
      for (const line of c.split("\n")) if (line.startsWith("- ")) expect(line).toMatch(/\(hạn 20\/05\/2024, đã quá 11 ngày\)$/);
    }
  });
});
