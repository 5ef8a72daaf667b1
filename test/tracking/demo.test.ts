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
    // Issue 12: an extension asked and approved, shown in the report beside the original date, and a history view.
    expect(out).toMatch(/↳ bot: ⏳ Đã chuyển đề nghị gia hạn nhiệm vụ III\.7 \(164\/KH-UBND\) từ 20\/11\/2023 đến 15\/12\/2023/);
    expect(out).toContain("Đã gia hạn Sở Giáo dục và Đào tạo · III.7 đến 15/12/2023.");
    expect(out).toContain("hạn 15/12/2023 (gia hạn từ 20/11/2023 đến 15/12/2023) · Đang thực hiện (trong hạn)");
    expect(out).toMatch(/🔁 Văn bản này gia hạn 164\/KH-UBND đến 15\/12\/2023\.[\s\S]*Đã áp dụng: \d+ lượt giao của 164\/KH-UBND gia hạn đến 15\/12\/2023/);
    expect(out).toMatch(/🔁 Theo Công văn số 171\/UBND-VX: nhiệm vụ .* \(164\/KH-UBND\) được gia hạn đến 15\/12\/2023\./);
    // An amending dispatch applied item by item: each change in the preview, the units told.
    expect(out).toContain("• Mục III.9: hạn mới 29/12/2023 (hiện nay: 15/12/2023) — Báo Hà Nội Mới");
    expect(out).toMatch(/• Thêm mục III\.13: “Sở Y tế chủ trì tổ chức hiến máu .*” — Sở Y tế \(Chủ trì\); ⏰ Hạn: 25\/01\/2024/);
    expect(out).toMatch(/Đã áp dụng cho 164\/KH-UBND: 2 mục được sửa đổi, 1 mục bổ sung; \d+ đơn vị đã được báo\. Bản xem trước của văn bản sửa đổi đã đóng/);
    expect(out).toContain("• Nhiệm vụ III.9: hạn mới 29/12/2023 (trước đây 15/12/2023).");
    expect(out).toMatch(/🕘 Lịch sử nhiệm vụ III\.7 — 164\/KH-UBND[\s\S]*đề nghị gia hạn từ 20\/11\/2023[\s\S]*Đ\/c Phó Chủ tịch đồng ý gia hạn/);
    expect(out.trim().split("\n").at(-1)).toMatch(/^Tệp Word \(Báo cáo kết quả thực hiện nhiệm vụ, \d+ dòng.*\.docx$/);
  }, 90_000);
});
