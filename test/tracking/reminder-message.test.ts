import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n.js";
import { dueReminders, type DueReminder, type OpenAssignment } from "../../src/reminders/due-reminders.js";
import type { AssignmentView } from "../../src/tracking/model.js";
import { unitDigestMessages } from "../../src/tracking/reminder-message.js";

const NOW = new Date("2024-05-31T01:05:00Z");
const open = (id: number, unitId: number, chat: string | null, deadline: string): OpenAssignment => ({ assignmentId: id, unitId, chat, deadline });
const view = (id: number, ref: string, taskText: string, deadlineDate: string): AssignmentView => ({
  id, taskId: id, unitId: 1, unitName: "Sở Y tế", role: "lead", status: "open", deadlineDate, recurrence: null, completedAt: null,
  lastReportAt: null, lastReportText: null, taskRef: ref, taskText, taskStatus: "open", occurrence: 1, dispatchId: 1,
  dispatchNumber: "164/KH-UBND", dispatchSubject: null, forwardChat: null,
});

const OPEN = [open(1, 1, "zalo:g1", "2024-05-20"), open(2, 1, "zalo:g1", "2024-05-31"), open(3, 1, "zalo:g1", "2024-06-03")];
const VIEWS = new Map([
  [1, view(1, "3", "Báo cáo kết quả tiêm chủng", "2024-05-20")],
  [2, view(2, "1", "Tổ chức tuyên truyền phòng chống dịch", "2024-05-31")],
  [3, view(3, "2", "Kiểm tra an toàn thực phẩm", "2024-06-03")],
]);
const withViews = (list: DueReminder[], views: Map<number, AssignmentView>) => list.map((r) => ({ r, a: views.get(Number(r.assignment.assignmentId))! }));

describe("a unit's reminder digest", () => {
  const out = dueReminders({ openAssignments: OPEN, now: NOW, alreadySent: new Set() });
  const digest = out.unitDigests[0]!;

  it("numbers the unit's tasks, most urgent first, with số ký hiệu, ref, deadline and days, so 'xong N' can answer it", () => {
    const [part, ...rest] = unitDigestMessages("zalo:g1", out.day, withViews(digest.reminders, VIEWS), translator("vi"));
    expect(rest).toEqual([]);
    expect(part!.keys).toEqual(digest.reminders.map((r) => r.key));
    expect(part!.item).toMatchObject({ chat: "zalo:g1", purpose: { type: "reminder", reminderKeys: part!.keys } });
    const payload = part!.item.payload as { op: string; text: string };
    expect(payload.op).toBe("send");
    expect(payload.text.split("\n")).toEqual([
      "⏰ Nhắc việc ngày 31/05/2024 — Sở Y tế",
      "1. [164/KH-UBND · 3] Báo cáo kết quả tiêm chủng — quá hạn 11 ngày (hạn 20/05/2024)",
      "2. [164/KH-UBND · 1] Tổ chức tuyên truyền phòng chống dịch — hạn hôm nay (31/05/2024)",
      "3. [164/KH-UBND · 2] Kiểm tra an toàn thực phẩm — còn 3 ngày (hạn 03/06/2024)",
      "",
      "Khi hoàn thành, trả lời tin nhắn này \"xong <số>\", ví dụ \"xong 1\".",
    ]);
  });

  it("writes English", () => {
    const [part] = unitDigestMessages("zalo:g1", out.day, withViews(digest.reminders, VIEWS), translator("en"));
    const text = (part!.item.payload as { text: string }).text;
    expect(text).toContain("3. [164/KH-UBND · 2] Kiểm tra an toàn thực phẩm — 3 days left (due 03/06/2024)");
    expect(text).toContain("— 11 days overdue (due 20/05/2024)");
  });

  it("splits a long digest under Zalo's 2,000 characters without cutting a task line, numbering each part from 1", () => {
    const many = Array.from({ length: 120 }, (_, i) => open(100 + i, 1, "zalo:g1", "2024-05-20"));
    const views = new Map(many.map((o, i) => [Number(o.assignmentId), view(Number(o.assignmentId), String(i + 1), "Nội dung nhiệm vụ cần thực hiện ".repeat(4), "2024-05-20")]));
    const big = dueReminders({ openAssignments: many, now: NOW, alreadySent: new Set() });
    const parts = unitDigestMessages("zalo:g1", big.day, withViews(big.unitDigests[0]!.reminders, views), translator("vi"));
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.flatMap((p) => p.keys)).toEqual(big.unitDigests[0]!.reminders.map((r) => r.key));
    for (const p of parts) {
      const text = (p.item.payload as { text: string }).text;
      expect(text.length).toBeLessThanOrEqual(2000);
      const lines = text.split("\n").filter((l) => /^\d+\. /.test(l));
      expect(lines).toHaveLength(p.keys.length);
      lines.forEach((l, i) => expect(l).toMatch(new RegExp(`^${i + 1}\\. \\[164/KH-UBND · \\d+\\] .* — quá hạn 11 ngày \\(hạn 20/05/2024\\)$`)));
    }
  });
});
