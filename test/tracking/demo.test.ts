import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm run demo", () => {
  it("runs the whole loop on the shipped sample and prints posts, replies, reminders and the report", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "src/cli/demo.ts"], { encoding: "utf8", timeout: 60_000 });
    expect(out).toContain("Nhập danh mục từ tệp test/fixtures/units/hanoi.csv: ✅ Đã cập nhật danh mục: thêm 24");
    expect(out).toContain("Đã giao 14 nhiệm vụ");
    expect(out).toContain("Văn bản này đã được chuyển trước đó"); // the second forward is recognised
    expect(out).toContain("Văn bản có dấu MẬT");
    expect(out).toMatch(/“da xong 2”\n\s+↳ bot: ✅ Đã ghi nhận Sở Tài chính hoàn thành nhiệm vụ III\.5/);
    expect(out).toMatch(/“chưa xong, đang vướng kinh phí”\n\s+↳ bot: 📝 Đã ghi nhận khó khăn/);
    expect(out).toContain("Chạy lại cùng phút: 0 tin mới");
    expect(out).toContain("NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH");
    expect(out).toContain("BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ");
    expect(out.trim().split("\n").at(-1)).toMatch(/^Tệp Word \(Báo cáo kết quả thực hiện nhiệm vụ, \d+ dòng.*\.docx$/);
  }, 90_000);
});
