import { describe, expect, it } from "vitest";
import { findDeadlines, firstDeadline } from "../../src/dispatch/deadlines.js";

// A dispatch dated 29/3/2024.
const ctx = { year: 2024, base: "2024-03-29" };

describe("deadline phrases", () => {
  it.each([
    ["báo cáo về Sở trước ngày 23/5/2019.", "2019-05-23", null],
    ["hoàn thành chậm nhất 17h00 ngày 12/4.", "2024-04-12", null],
    ["chậm nhất là ngày 30/6/2024", "2024-06-30", null],
    ["nộp báo cáo trước 9h00 ngày 23/4/2018", "2018-04-23", null],
    ["trước ngày 15 tháng 6 năm 2024", "2024-06-15", null],
    ["hoàn thành xong trước 30/9", "2024-09-30", null],
    ["diễn ra trong tháng 5 năm 2024", "2024-05-31", null],
    ["trong tháng 5/2024", "2024-05-31", null],
    ["trong tháng 2/2024", "2024-02-29", null],
    ["hoàn thành trong quý II/2025", "2025-06-30", null],
    ["Thời gian thực hiện: Quý III/2024", "2024-09-30", null],
    ["hoàn thành trong năm 2025", "2025-12-31", null],
    ["vào lúc 16h00 ngày thứ Sáu 20/4/2018", "2018-04-20", null],
    ["từ ngày 14/5 đến ngày 18/5/2018", "2018-05-18", null],
    ["Thời gian lấy ý kiến: từ ngày 17/3/2025 đến ngày 05/4/2025.", "2025-04-05", null],
    ["6 tháng, năm (trước 15/12)", "2024-12-15", "semiannual"],
    ["Báo cáo kết quả thực hiện trước ngày 20/11 hàng năm", "2024-11-20", "yearly"],
    ["trước ngày 20/3 hằng năm", "2025-03-20", "yearly"],
    ["định kỳ hàng quý báo cáo", null, "quarterly"],
    ["định kỳ 6 tháng báo cáo", null, "semiannual"],
    ["Định kỳ hàng năm báo cáo kết quả", null, "yearly"],
    ["định kỳ báo cáo kết quả về Ban Thường vụ", null, "periodic"],
    ["báo cáo hằng tháng về UBND huyện", null, "monthly"],
    ["trước ngày 05 hàng tháng", "2024-04-05", "monthly"],
    ["tổ chức chào cờ vào các thứ Hai đầu tuần", null, "weekly"],
    ["trước thứ Sáu tuần sau", "2024-04-05", null],
    ["trong vòng 10 ngày kể từ ngày ký", "2024-04-08", null],
    ["Hạn: 30/6/2024", "2024-06-30", null],
    ["Trước 17 giờ, ngày 20/5/2024", "2024-05-20", null],
    ["từ nay đến hết ngày 31/12/2024", "2024-12-31", null],
    ["từ ngày 01/6 - 30/6/2024", "2024-06-30", null],
    ["ngay trong ngày 20/5", "2024-05-20", null],
    ["Thời gian hoàn thành: Quý II/2025.", "2025-06-30", null],
    ["Thời gian hoàn thành: Hằng năm.", null, "yearly"],
    ["Thời gian hoàn thành: tháng 6/2024", "2024-06-30", null],
    ["định kỳ hằng quý tổng hợp báo cáo (trước ngày 20 tháng cuối quý)", "2024-06-20", "quarterly"],
    ["báo cáo định kỳ hằng tháng (trước ngày 20)", "2024-04-20", "monthly"],
    ["Báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12)", "2024-06-15", "semiannual"],
    ["Hằng năm, tổng hợp báo cáo Ban Thường vụ.", null, "yearly"],
    ["không quá ngày 30/4/2024", "2024-04-30", null],
    // Recurring duties with a stated day get that day's next occurrence (dispatch of Fri 29/3/2024).
    ["Định kỳ hằng tháng báo cáo tình hình, kết quả công tác (theo mẫu) về Sở Nông nghiệp trước ngày 25", "2024-04-25", "monthly"],
    ["hằng quý báo cáo tình hình về Sở Tài nguyên và Môi trường trước ngày 15 của tháng cuối quý", "2024-06-15", "quarterly"],
    ["tổng hợp, báo cáo vào thứ Sáu hằng tuần", "2024-03-29", "weekly"],
    ["báo cáo tiến độ vào thứ Hai hằng tuần", "2024-04-01", "weekly"],
    ["hằng tuần gửi báo cáo tiến độ trước thứ Năm", "2024-04-04", "weekly"],
    ["báo cáo định kỳ 6 tháng, năm về UBND huyện (qua Phòng Nội vụ) trước ngày 15/6 và 15/12", "2024-06-15", "semiannual"],
    // Working days count Monday to Friday (public holidays are not known to the pure reader).
    ["trong vòng 05 ngày làm việc kể từ ngày ký công văn này", "2024-04-05", null],
  ])("%s → %s %s", (phrase, date, recurrence) => {
    const d = firstDeadline(phrase, ctx);
    expect(d).not.toBeNull();
    expect(d!.date).toBe(date);
    expect(d!.recurrence).toBe(recurrence);
  });

  it("keeps the phrase as written", () => {
    expect(firstDeadline("gửi về Sở trước ngày 23/5/2019 để tổng hợp", ctx)!.text).toBe("trước ngày 23/5/2019");
    expect(firstDeadline("thực hiện 6 tháng, năm (trước 15/12) gửi Thành ủy", ctx)!.text).toBe("6 tháng, năm (trước 15/12)");
  });

  it("resolves a day without a year after a December dispatch into the next year", () => {
    expect(firstDeadline("báo cáo trước ngày 15/01", { year: 2024, base: "2024-12-20" })!.date).toBe("2025-01-15");
  });

  it("takes the later stated day of a half-yearly report once the first has passed", () => {
    const d = firstDeadline("báo cáo định kỳ 6 tháng, năm (qua Phòng Nội vụ) trước ngày 15/6 và 15/12", { year: 2015, base: "2015-09-10" });
    expect([d!.date, d!.recurrence]).toEqual(["2015-12-15", "semiannual"]);
  });

  it("counts working days over a weekend", () => {
    expect(firstDeadline("trong vòng 05 ngày làm việc kể từ ngày ký", { year: 2025, base: "2025-04-10" })!.date).toBe("2025-04-17");
  });

  it("leaves a recurring duty without a stated day undated", () => {
    expect(firstDeadline("báo cáo hằng tuần về Văn phòng", ctx)).toMatchObject({ date: null, recurrence: "weekly" });
    expect(firstDeadline("định kỳ hằng tháng báo cáo kết quả", ctx)).toMatchObject({ date: null, recurrence: "monthly" });
    expect(firstDeadline("báo cáo hằng tháng về Sở; hội nghị tổ chức trước ngày 25", ctx)!.recurrence).toBe("monthly");
    expect(firstDeadline("báo cáo hằng tháng về Sở; hội nghị tổ chức trước ngày 25", ctx)!.date).toBeNull();
  });

  it("returns every phrase in order", () => {
    const all = findDeadlines("Hoàn thành trước ngày 10/4/2024; định kỳ hàng quý báo cáo.", ctx);
    expect(all.map((d) => [d.date, d.recurrence])).toEqual([["2024-04-10", null], [null, "quarterly"]]);
  });
});

describe("not deadlines", () => {
  it.each([
    ["cited document", "trọng tâm là Kết luận số 44-KL/TW, ngày 14/11/2022 của Ban Bí thư"],
    ["cited decree", "theo Nghị định số 93/2019/NĐ-CP, ngày 25/11/2019 của Chính phủ"],
    ["cited plan, long form", "Thực hiện Kế hoạch số 47/KH-BCĐ ngày 5 tháng 6 năm 2017 của Ban Chỉ đạo"],
    ["document number", "Quyết định số 36/2010/QĐ-UBND"],
    ["campaign name", "chuẩn bị tổ chức tốt Phong trào Tết Nhân ái Xuân Ất Tỵ 2025"],
    ["event name with a year", "tháng Nhân đạo năm 2024 đảm bảo nghiêm túc"],
    ["anniversary", "Kỷ niệm 72 năm Ngày truyền thống 22/5/1946-22/5/2018"],
    ["holidays", "ngày Thống nhất đất nước 30/4, ngày Quốc tế Lao động 1/5"],
    ["phone number", "ĐT: 0922.501.456, email: a@b.vn"],
    ["report period", "báo cáo kết quả quý III năm 2015"],
    ["half-year report period", "báo cáo 6 tháng đầu năm 2024"],
    ["annual work plan", "đưa vào chương trình, kế hoạch công tác hàng năm"],
    ["ongoing", "thường xuyên, khẩn trương thực hiện ngay"],
    ["entry into force", "Quyết định này có hiệu lực sau 10 ngày, kể từ ngày ký."],
    ["start only", "áp dụng từ ngày 01/01/2024"],
    ["page timestamp", "Cập nhật lúc : 08:51 17/04/2018"],
  ])("%s", (_label, phrase) => {
    expect(findDeadlines(phrase, ctx)).toEqual([]);
  });
});

describe("recurrence words mid-clause and 'định kỳ' as a modifier", () => {
  const nov = { year: 2024, base: "2024-11-11" };
  it.each([
    ["vận động ký cam kết; tổ chức ký cam kết hằng năm vào đầu mùa khô.", null, "yearly"],
    ["chủ trì theo dõi; hằng tháng cập nhật số liệu lên Hệ thống báo cáo của ngành.", null, "monthly"],
    ["Tổ chức khám sức khỏe định kỳ cho học sinh, lập hồ sơ; hoàn thành trước ngày 31/12/2024.", "2024-12-31", null],
    ["Bảo dưỡng định kỳ phương tiện chữa cháy trước ngày 15/12/2024.", "2024-12-15", null],
    ["Định kỳ hằng quý gửi báo cáo về Sở (qua Phòng GDTrH, điện thoại: 0237.3852.668) trước ngày 25 của tháng cuối quý.", "2024-12-25", "quarterly"],
  ])("%s", (text, date, recurrence) => {
    expect(firstDeadline(text, nov)).toMatchObject({ date, recurrence });
  });
  it.each([
    "Xây dựng kế hoạch hằng năm trình UBND tỉnh.",
    "Tổ chức khám sức khỏe định kỳ cho học sinh.",
    "Bố trí kinh phí hằng năm cho công tác phòng cháy.",
  ])("no schedule: %s", (text) => {
    expect(firstDeadline(text, nov)).toBeNull();
  });
  it("a bare 'định kỳ' is still a schedule", () => {
    expect(firstDeadline("định kỳ báo cáo kết quả về Ban Thường vụ", nov)).toMatchObject({ recurrence: "periodic" });
  });
});

describe("misspelt cue 'trước' in real dispatches", () => {
  const ctx = { year: 2015, base: "2015-02-01" };
  it.each([
    ["gửi báo cáo về Sở trưóc ngày 13/02", "trưóc ngày 13/02"],
    ["Trưóc ngày 13/02 các đơn vị gửi báo cáo", "Trưóc ngày 13/02"],
    ["báo cáo kết quả truớc ngày 13/02/2015", "truớc ngày 13/02/2015"],
    ["gửi văn bản về Phòng Nội vụ truóc ngày 13/2", "truóc ngày 13/2"],
  ])("%s", (phrase, text) => {
    expect(firstDeadline(phrase, ctx)).toMatchObject({ text, date: "2015-02-13" });
  });
  it("a word merely containing the letters is no cue", () => {
    expect(firstDeadline("báo cáo tình hình ngày 13/02 của ctruócx", ctx)).toBeNull();
    expect(firstDeadline("đã họp ngày 13/02", ctx)).toBeNull();
  });
});

describe("no space after 'ngày' in real dispatches", () => {
  const ctx = { year: 2021, base: "2021-09-01" };
  it.each([
    ["gửi báo cáo về Sở trước ngày10/9", "trước ngày10/9"],
    ["báo cáo kết quả chậm nhất ngày10/9/2021", "chậm nhất ngày10/9/2021"],
  ])("%s", (phrase, text) => {
    const d = firstDeadline(phrase, ctx);
    expect(d?.date).toBe("2021-09-10");
    expect(d?.text).toBe(text);
  });
  it("a date without a cue is still no deadline", () => {
    expect(firstDeadline("Hội nghị đã họp ngày10/9", ctx)).toBeNull();
  });
});
