import { describe, expect, it } from "vitest";
import type { DocHeader } from "../../src/dispatch/schema.js";
import { translator } from "../../src/i18n.js";
import { type PostLine, unitPostMessages } from "../../src/tracking/post-message.js";

const t = translator("vi");
const doc: DocHeader = { type: "Kế hoạch", number: "164/KH-UBND", date: "2023-06-05", issuer: "UBND tỉnh", subject: "Chuyển đổi số", recipients: [], secrecy: null, urgency: null };
const lines: PostLine[] = Array.from({ length: 7 }, (_, i) => ({
  assignmentId: 100 + i, ref: `II.${i + 1}`, text: `Nhiệm vụ số ${i + 1}: ${"triển khai các nội dung của kế hoạch ".repeat(12)}`, role: "lead", deadlineDate: "2023-06-30", recurrence: null,
}));
const textOf = (item: ReturnType<typeof unitPostMessages>[number]) => (item.payload.op === "send" ? item.payload.text : "");

describe("task posts per platform", () => {
  it("Zalo: no buttons, a footer saying what to type, parts under 2,000 characters numbered from 1", () => {
    const posts = unitPostMessages("zalo:g:1", "Sở Tài chính", doc, lines, t);
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) {
      expect(post.payload.op === "send" && post.payload.buttons).toBeFalsy();
      expect(textOf(post).length).toBeLessThanOrEqual(2000);
      expect(textOf(post)).toMatch(/gõ "xong <số>"/);
      expect(textOf(post)).not.toMatch(/bấm nút/);
      expect(textOf(post)).toMatch(/\n1\. \[II\.\d\]/);
    }
    expect(posts.flatMap((p) => (p.purpose.type === "task-post" ? p.purpose.assignmentIds : []))).toEqual(lines.map((l) => String(l.assignmentId)));
  });

  it("Telegram: a ✅ Xong n button per task and the footer that mentions them", () => {
    const posts = unitPostMessages("telegram:-1", "Sở Tài chính", doc, lines.slice(0, 3), t);
    expect(posts).toHaveLength(1);
    const payload = posts[0]!.payload;
    expect(payload.op === "send" && payload.buttons!.flat().filter((b) => b.data.startsWith("done:")).map((b) => [b.label, b.data])).toEqual([["✅ Xong 1", "done:100"], ["✅ Xong 2", "done:101"], ["✅ Xong 3", "done:102"]]);
    // Issue 12: a history button per task and one to ask for more time, after the ✅ row.
    expect(payload.op === "send" && payload.buttons!.slice(1).map((row) => row.map((b) => [b.label, b.data]))).toEqual([
      [["🕘 1", "hist:100"], ["🕘 2", "hist:101"], ["🕘 3", "hist:102"]], [["⏳ Gia hạn", "exthelp:100"]],
    ]);
    expect(textOf(posts[0]!)).toMatch(/bấm nút/);
  });
});
