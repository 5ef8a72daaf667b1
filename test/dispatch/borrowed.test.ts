/**
 * Borrowed times (annotation guide, Deadlines): a task that carries out an occasion whose time is stated elsewhere — an
 * information item, a prose sentence, or an explicitly referred item — takes that time; otherwise none.
 */
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";

const plan = (info: string, tasks: string, subject = "Tổ chức Tuần lễ văn hóa dân gian năm 2024") =>
  [
    "ỦY BAN NHÂN DÂN", "HUYỆN BẢO LÂM", "Số: 12/KH-UBND", "Bảo Lâm, ngày 10 tháng 5 năm 2024", "KẾ HOẠCH", subject,
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức của Nhân dân.", "II. NỘI DUNG", info, "III. TỔ CHỨC THỰC HIỆN", tasks,
  ].join("\n");
// Items with no assignee are only shown for review; the assigned tasks are what is checked.
const dates = (text: string) => readDispatch(text, { refDate: "2024-01-01" }).tasks.filter((t) => t.assignees.length > 0).map((t) => [t.ref, t.deadline?.date ?? null]);

describe("borrowed times", () => {
  it("an occasion named in an information item dates the tasks that serve it", () => {
    const text = plan(
      "1. Lễ khai mạc cấp huyện: vào lúc 07 giờ 30 phút ngày 01/6/2024 tại Nhà Văn hóa huyện.",
      "1. Trung tâm Văn hóa huyện chuẩn bị âm thanh, ánh sáng phục vụ Lễ khai mạc cấp huyện.\n2. Công an huyện bảo đảm an ninh trật tự trên địa bàn.",
    );
    expect(dates(text)).toEqual([["III.1", "2024-06-01"], ["III.2", null]]);
  });

  it("a bare 'Thời gian thực hiện' window dates the plan's own activity (its subject) where a task names it", () => {
    const text = plan(
      "1. Thời gian thực hiện: từ ngày 01/6/2024 đến ngày 07/6/2024.",
      "1. Phòng Văn hóa và Thông tin tuyên truyền trong Tuần lễ văn hóa dân gian.\n2. Công an huyện bảo đảm an ninh trật tự trên địa bàn.",
    );
    expect(dates(text)).toEqual([["III.1", "2024-06-07"], ["III.2", null]]);
  });

  it("'Thời gian: <occasion> tổ chức trong tháng …' names the occasion", () => {
    const text = plan(
      "1. Thời gian: Hội nghị sơ kết cấp huyện tổ chức trong tháng 7/2024.",
      "1. Văn phòng UBND huyện bảo đảm cơ sở vật chất phục vụ hội nghị sơ kết cấp huyện.\n2. Phòng Nội vụ rà soát hồ sơ thi đua.",
    );
    expect(dates(text)).toEqual([["III.1", "2024-07-31"], ["III.2", null]]);
  });

  it("an occasion dated in the opening paragraph of a công văn", () => {
    const text = [
      "ỦY BAN NHÂN DÂN", "HUYỆN BẢO LÂM", "Số: 15/UBND-VP", "Bảo Lâm, ngày 10 tháng 10 năm 2023",
      "V/v hưởng ứng Tháng cao điểm vì người nghèo", "Kính gửi: Các phòng, ban, ngành huyện",
      "Thực hiện Hướng dẫn của tỉnh, Tháng cao điểm vì người nghèo được tổ chức từ ngày 17/10 đến ngày 18/11/2023.",
      "1. Phòng Lao động - Thương binh và Xã hội vận động ủng hộ Quỹ trong Tháng cao điểm.",
      "2. Phòng Tài chính - Kế hoạch rà soát nguồn kinh phí.",
    ].join("\n");
    expect(dates(text)).toEqual([["1", "2023-11-18"], ["2", null]]);
  });

  it("'đúng thời gian quy định tại Điều 1' takes the time stated in Điều 1", () => {
    const text = [
      "ỦY BAN NHÂN DÂN", "TỈNH KON TUM", "Số: 61/QĐ-UBND", "Kon Tum, ngày 10 tháng 11 năm 2024", "QUYẾT ĐỊNH",
      "Về việc giao chỉ tiêu", "QUYẾT ĐỊNH:",
      "Điều 1. Giao chỉ tiêu tuyển quân cho Ủy ban nhân dân các huyện, cụ thể:", "- Thời gian giao, nhận quân: ngày 13 tháng 02 năm 2025.",
      "Điều 2. Tổ chức thực hiện", "1. Sở Y tế tổ chức khám sức khỏe.",
      "2. Ủy ban nhân dân các huyện tổ chức lễ giao nhận quân đúng thời gian quy định tại Điều 1 Quyết định này.",
    ].join("\n");
    const got = Object.fromEntries(dates(text));
    expect(got["2.2"]).toBe("2025-02-13");
    expect(got["2.1"]).toBeNull();
  });

  it("a content item's period is not borrowed by a task that mentions the activity", () => {
    const text = plan(
      "1. Tuyên truyền trực quan: treo băng rôn tại trung tâm huyện từ ngày 10/4/2024 đến ngày 05/5/2024.",
      "1. Trung tâm Văn hóa huyện thực hiện tuyên truyền trực quan theo nội dung tại mục II.1.",
    );
    expect(dates(text)).toEqual([["III.1", null]]);
  });

  it("a bullet whose body is one of the kinds its item names takes the item's date; another body's bullet does not", () => {
    const text = plan(
      "1. Nội dung: đánh giá kết quả thực hiện.",
      [
        "1. Các chi, đảng bộ trực thuộc Huyện ủy",
        "+ Hoàn thành tổng kết, gửi báo cáo về Ban Thường vụ Huyện ủy trước ngày 20/5/2024.",
        "+ Các đảng bộ xã, thị trấn chỉ đạo các chi bộ thôn lồng ghép nội dung tổng kết vào sinh hoạt chi bộ.",
        "+ Công an huyện bảo đảm an ninh trật tự trong thời gian tổng kết.",
      ].join("\n"),
    );
    expect(dates(text)).toEqual([["III.1", "2024-05-20"], ["III.1#2", "2024-05-20"], ["III.1#3", null]]);
  });

  it("a plan that is not an occasion does not date the tasks that mention its subject", () => {
    const text = plan(
      "1. Thời gian thực hiện: từ ngày 01/6/2024 đến ngày 31/12/2025.",
      "1. Phòng Tư pháp tuyên truyền, phổ biến Nghị quyết số 12 đến cán bộ, đảng viên.",
      "Triển khai thực hiện Nghị quyết số 12-NQ/HU của Huyện ủy",
    );
    expect(dates(text)).toEqual([["III.1", null]]);
  });
});
