import { describe, expect, it } from "vitest";
import { findDeadlines } from "../../src/dispatch/deadlines.js";
import { readDispatch } from "../../src/dispatch/reader.js";
import { dateContext } from "../../src/dispatch/schedule.js";

// Classes of deadline wording seen across real dispatches (not one document's words). A dispatch dated 27/5/2022.
const ctx = { year: 2022, base: "2022-05-27" };
const first = (s: string) => findDeadlines(s, ctx)[0] ?? null;

describe("open starts and moments", () => {
  it.each([
    ["Thời gian đại hội điểm bắt đầu từ ngày 07/6/2022.", "2022-06-07"],
    ["Kỳ họp bắt đầu từ 14 giờ 00’ thứ Ba, ngày 28/7/2020 tại Hội trường.", "2020-07-28"],
    ["học sinh tạm dừng đến trường kể từ ngày 12/05/2021", "2021-05-12"],
    ["tiến hành tổng điều tra dân số vào thời điểm 0 giờ, ngày 1-4-2019.", "2019-04-01"],
    ["Khoa khám bệnh tổ chức khám chữa bệnh sáng thứ Ba ngày mùng 02/5/2023", "2023-05-02"],
    ["tổ chức ra quân vào sáng thứ Bảy, ngày 11/6/2022", "2022-06-11"],
    // "vào hồi 7h00 ngày …": the hour an event starts, as "vào lúc".
    ["Lễ phát động tổ chức vào hồi 7h00 ngày 22 tháng 3 năm 2015 tại Hà Nội", "2015-03-22"],
  ])("%s", (s, date) => {
    expect(first(s)).toMatchObject({ date, recurrence: null });
  });
  it("a window from a start to now is the period a report covers, not an open start", () => {
    expect(first("báo cáo kết quả kể từ ngày 01/01/2020 đến nay")).toBeNull();
  });
});

describe("months and years", () => {
  it.each([
    ["Ban Tuyên giáo tổ chức hội nghị vào đầu tháng 02/2015", "2015-02-28"],
    ["xem xét tại kỳ họp cuối năm (dự kiến tháng 12/2024)", "2024-12-31"],
    ["thời gian thực hiện trong năm 2022 - 2023", "2023-12-31"],
    ["phấn đấu hoàn thành trong năm 2025", "2025-12-31"],
    ["hoàn thành trước năm 2025", "2024-12-31"],
    // A "Thời hạn …:" label reads like "Thời gian …:".
    ["Thời hạn hoàn thành: tháng 12/2025", "2025-12-31"],
    ["Thời hạn hoàn thành: Quý I/2026", "2026-03-31"],
    ["Thời hạn thực hiện: năm 2026", "2026-12-31"],
    // A month's ten-day part: thượng (1–10), trung (11–20), hạ (21–end).
    ["đề nghị Hà Nội đăng cai tổ chức vào trung tuần tháng 8/2010", "2010-08-20"],
    ["Hội thi diễn ra vào hạ tuần tháng 4 năm 2022", "2022-04-30"],
    ["gửi báo cáo trước trung tuần tháng 6", "2022-06-10"],
  ])("%s", (s, date) => {
    expect(first(s)).toMatchObject({ date, recurrence: null });
  });
  it.each([
    "ứng phó hiệu quả với các loại hình thiên tai trong năm 2022",
    "góp phần vào sự thành công các sự kiện trọng đại của đất nước trong năm 2021",
    "bảo đảm cân đối cung cầu, ổn định thị trường vào cuối năm 2021",
    "kế hoạch 6 tháng cuối năm 2015",
  ])("a year an activity or a report covers is not a limit: %s", (s) => {
    expect(first(s)).toBeNull();
  });
});

describe("recurring schedules", () => {
  // A dispatch dated 9/4/2019; the next occurrence is strictly after that day.
  const dated = { year: 2019, base: "2019-04-09" };
  it("a list of report days through the year is quarterly, due on the next listed day", () => {
    expect(findDeadlines("gửi về Sở Nội vụ trước ngày 05/4, 05/7, 05/10, 05/01 để tổng hợp", dated)[0]).toMatchObject({ date: "2019-07-05", recurrence: "quarterly" });
    // Two days are not a schedule on their own.
    expect(findDeadlines("nộp hồ sơ trước ngày 10/4 và 20/4", dated)[0]).toMatchObject({ date: "2019-04-10", recurrence: null });
  });
  it("the next occurrence is strictly after the document's date", () => {
    expect(findDeadlines("báo cáo trước ngày 28 hàng tháng", { year: 2010, base: "2010-06-28" })[0]).toMatchObject({ date: "2010-07-28", recurrence: "monthly" });
    expect(findDeadlines("báo cáo vào thứ Sáu hằng tuần", { year: 2024, base: "2024-03-29" })[0]).toMatchObject({ date: "2024-04-05", recurrence: "weekly" });
  });
  it("a recurring day in a document with no date of its own has no next occurrence", () => {
    const undated = { year: 2020, base: "2020-01-01", dated: false };
    expect(findDeadlines("tổng vệ sinh vào sáng thứ 7 hàng tuần", undated)[0]).toMatchObject({ date: null, recurrence: "weekly" });
    expect(findDeadlines("báo cáo trước ngày 25/06 đối với báo cáo 06 tháng; trước ngày 28/11 đối với báo cáo năm", undated)[0]).toMatchObject({ date: null, recurrence: "semiannual" });
    // A stated year is still a date.
    expect(findDeadlines("trước ngày 20/11/2020 hàng năm", undated)[0]).toMatchObject({ date: "2020-11-20" });
  });
  it.each([
    ["tổng vệ sinh môi trường ít nhất 1 lần/tháng", "monthly"],
    ["thu gom rác 2 đến 3 lần/tuần", "weekly"],
    ["kiểm tra định kỳ chất lượng, an toàn thi công tại các công trình hằng năm", "yearly"],
    ["tổ chức giao ban mỗi quý một lần", "quarterly"],
  ])("a frequency is a period: %s", (s, recurrence) => {
    expect(findDeadlines(s, dated)[0]).toMatchObject({ date: null, recurrence });
  });
  it("'định kỳ' with a period further on in another clause stays periodic", () => {
    expect(findDeadlines("báo cáo định kỳ về Sở. Kế hoạch hằng năm được xây dựng", dated)[0]).toMatchObject({ recurrence: "periodic" });
  });
});

describe("days listed together", () => {
  it("'trong hai ngày 19 và 20/5/2007' is due on the last of the days", () => {
    expect(findDeadlines("treo cờ Tổ quốc trong hai ngày 19 và 20/5/2007 tại các công sở", ctx)[0]).toMatchObject({ date: "2007-05-20" });
    expect(findDeadlines("tổ chức vào các ngày 12, 13 và 14/10", ctx)[0]).toMatchObject({ date: "2022-10-14" });
  });
  it("a day number in a count is not a list", () => {
    expect(findDeadlines("nghỉ 2 ngày, và 20 học sinh được khen", ctx)).toEqual([]);
  });
});

describe("before Tết", () => {
  const dated = { year: 2019, base: "2019-04-09" };
  it.each([
    ["bàn giao đưa vào sử dụng trước Tết Nguyên đán 2016.", "2016-02-08"],
    ["hoàn thành chi trả trước Tết Nguyên đán Kỷ Hợi", "2019-02-05"],
    ["hoàn thành trước Tết", "2020-01-25"],
  ])("%s", (s, date) => {
    expect(findDeadlines(s, dated)[0]).toMatchObject({ date, recurrence: null });
  });
  it.each(["hưởng ứng trước Tết Nhân ái Xuân Ất Tỵ 2025", "trước Tết Dương lịch", "chăm lo cho người nghèo trong dịp Tết Nguyên đán 2016", "Chương trình Tết Nhân ái năm 2025"])(
    "other Tết and the Tết season are not a limit: %s",
    (s) => {
      expect(findDeadlines(s, dated)).toEqual([]);
    },
  );
});

describe("occasions and activities dated in prose", () => {
  const read = (text: string) => readDispatch(text, { refDate: "2026-01-15" });
  const dated = (text: string) => read(text).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  it("an information sentence without a colon dates its activity ('Thời gian tổ chức kỳ họp là …')", () => {
    expect(
      dated(
        "Triệu tập kỳ họp chuyên đề của HĐND huyện\n\nThường trực HĐND huyện vừa có văn bản triệu tập kỳ họp chuyên đề của HĐND huyện về đầu tư công.\n\nThời gian tổ chức kỳ họp là 01 buổi chiều, bắt đầu từ 14 giờ 00’ thứ Ba, ngày 28/7/2020 tại Hội trường huyện.\n\nThường trực HĐND huyện yêu cầu các đại biểu HĐND huyện nghiên cứu tài liệu và tham dự kỳ họp đầy đủ.",
      ),
    ).toEqual(["2020-07-28"]);
    expect(
      dated(
        "UBND tỉnh yêu cầu các sở, ban, ngành treo cờ Tổ quốc tại trụ sở.\n\nThời gian thực hiện việc treo cờ Tổ quốc, từ ngày 21 đến hết ngày 25-5-2021.",
      ),
    ).toEqual(["2021-05-25"]);
  });
  it("an occasion the issuer hosts, dated in the same sentence, dates attending it", () => {
    expect(
      dated(
        "Chủ tịch UBND xã sẽ tổ chức Hội nghị đối thoại trực tiếp với Nhân dân vào 07 giờ 30 phút, ngày 29/10/2025 tại hội trường.\n\nUBND xã kính mời các Trưởng thôn đến dự Hội nghị để cùng trao đổi.",
      ),
    ).toEqual(["2025-10-29"]);
  });
  it("'Hội thi khai mạc 7 giờ 30 ngày …': the hour may follow the verb", () => {
    expect(
      dated("Sở Văn hóa chuẩn bị trang trí khu vực diễn ra Hội thi.\n\nTheo kế hoạch, Hội thi khai mạc 7 giờ 30 ngày 11-9-2008 tại Trung tâm tỉnh."),
    ).toEqual(["2008-09-11"]);
  });
  it("attending an occasion of a kind the document dates twice takes neither", () => {
    expect(
      dated(
        "Huyện tổ chức Hội nghị sơ kết vào ngày 10/3/2025. Huyện tổ chức Hội nghị tổng kết vào ngày 20/12/2025.\n\nUBND huyện đề nghị các xã cử đại biểu tham dự hội nghị.",
      ),
    ).toEqual([null]);
  });
});

describe("an activity's window shared by the tasks that carry it out", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2026-01-15" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  it("the verb phrase before the window names the activity, not the subject's last words ('… phường treo cờ Tổ quốc từ …')", () => {
    expect(
      dated(
        "THÔNG BÁO\n\nVề việc treo cờ Tổ quốc\n\nUBND phường đề nghị các cơ quan, trường học và nhân dân trên địa bàn phường treo cờ Tổ quốc từ ngày 09/10/2023 đến hết ngày 11/10/2023.\n\nĐề nghị các tổ dân phố đôn đốc nhắc nhở nhân dân thực hiện việc treo cờ Tổ quốc đầy đủ.",
      ),
    ).toEqual(["2023-10-11", "2023-10-11"]);
  });
  it("a window stated in prose outside the tasks dates the tasks that carry out its activity", () => {
    expect(
      dated(
        "Sở Văn hóa thông báo: các cơ quan, đơn vị và các hộ gia đình trên địa bàn thành phố treo cờ Tổ quốc từ ngày 18-8-2022 đến hết ngày 3-9-2022.\n\n- Đề nghị Chủ tịch UBND các quận, huyện chỉ đạo kiểm tra, rà soát việc treo cờ Tổ quốc trên địa bàn.\n\n- Đề nghị Sở Thông tin và Truyền thông tăng cường tuyên truyền về ý nghĩa ngày Quốc khánh.",
      ),
    ).toEqual(["2022-09-03", null]);
  });
});

describe("the year of days written without one", () => {
  // A portal text with no date of its own: the year comes from the text, never from the day it reaches the bot.
  const ref = "2026-12-06";
  const none = { number: null, date: null, issuer: null, subject: null, recipients: [] } as unknown as Parameters<typeof dateContext>[0];
  it.each([
    ["treo cờ từ ngày 20.1 đến ngày 28.1.2016.", 2016],
    ["trong dịp Tết Ất Mùi năm 2015, hạn chế băng rôn từ ngày 1 đến 24.2", 2015],
    ["Từ tháng 3 đến hết tháng 7-2018, phát động Ngày Chủ nhật xanh", 2018],
    ["lịch tiếp công dân quý III/2019", 2019],
    // A full date outweighs a year named in passing.
    ["phấn đấu đến năm 2030; báo cáo trước ngày 15/3/2021", 2021],
  ])("%s → %d", (text, year) => {
    expect(dateContext(none, text, ref).year).toBe(year);
  });
});

describe("date grammar: cues, periods and schedules", () => {
  // A dispatch dated Fri 27/5/2022.
  it.each([
    // An equivalence gives the day: a lunar date restated, a limit restated.
    ["treo cờ trong ngày Lễ giỗ Tổ Hùng Vương (10 tháng 3 âm lịch, tức ngày 31/3/2012)", "2012-03-31", null],
    ["thời hạn nhận bài thi sẽ là 31/1/2017", "2017-01-31", null],
    ["hạn chót nộp hồ sơ là ngày 15/6/2022", "2022-06-15", null],
    ["gửi báo cáo chậm nhất là vào ngày 10/6", "2022-06-10", null],
    // A prime after the minutes, as web pages write it.
    ["tổ chức Lễ ra mắt vào lúc 08h30′ ngày 01/7/2024", "2024-07-01", null],
    // Glued words from PDF extraction; a year after a dot.
    ["trình Chính phủ vàotháng 10/2007", "2007-10-31", null],
    ["bắt đầu từ quý I.2022, hoàn thành trong quý II.2022", "2022-06-30", null],
    ["Từ tháng 3 đến hết tháng 7-2018, phát động chiến dịch", "2018-07-31", null],
    // The period the document is in.
    ["Từ nay đến cuối năm, tiếp tục khai thác nguồn thu", "2022-12-31", null],
    ["hoàn thành trước cuối tháng này", "2022-05-31", null],
    // Half years.
    ["hoàn thành trong 6 tháng đầu năm 2024", "2024-06-30", null],
    ["Thời gian thực hiện: 6 tháng cuối năm", "2022-12-31", null],
    // Daily duties and meetings every period.
    ["Công an các quận định kỳ hằng ngày thống kê danh sách", null, "periodic"],
    ["thực hiện nghiêm chế độ báo cáo hàng ngày", null, "periodic"],
    ["tổ chức giao ban hằng tháng để giải quyết kiến nghị", null, "monthly"],
    // A spelt-out day after "mùng"; an hour before the weekday of a weekly report.
    ["báo cáo tiến độ trước ngày mùng hai hàng tháng", "2022-06-02", "monthly"],
    ["báo cáo trước 16 giờ thứ Sáu hằng tuần", "2022-06-03", "weekly"],
  ])("%s → %s %s", (s, date, recurrence) => {
    expect(first(s)).toMatchObject({ date, recurrence });
  });
  it.each([
    "báo cáo kết quả 6 tháng đầu năm 2022",
    "đánh giá kết quả thực hiện trong 6 tháng đầu năm 2022",
    "theo tin tức ngày 12/3/2022 trên báo",
    "trong năm nay, kinh tế tăng trưởng khá",
  ])("no limit: %s", (s) => {
    expect(first(s)).toBeNull();
  });
});

describe("times that are no limit", () => {
  it.each([
    // Storm bulletins: the time a position is observed or forecast.
    "Theo Trung tâm Dự báo, Hồi 07 giờ ngày 13/9, vị trí tâm bão ở vào khoảng 21,1 độ Vĩ Bắc",
    "mỗi giờ đi được 15-20km, đến 19 giờ ngày 13/9, vị trí tâm áp thấp nhiệt đới ở khoảng 21,2 độ Vĩ Bắc",
    "Vị trí và hướng di chuyển của bão số 7 lúc 9h sáng 14/10/2020.",
    // The period a report covers, whatever the start's shape.
    "Từ đầu tháng 11 đến nay, đã hỗ trợ 500 hộ kinh doanh",
    // The regular meeting where something is done.
    "tuyên truyền trong các buổi sinh hoạt Chi bộ định kỳ",
  ])("%s", (s) => {
    expect(first(s)).toBeNull();
  });
  it.each([
    ["trước ngày 31/12 năm 2023", "2023-12-31"],
    ["triển khai vào đầu quý III/2022", "2022-09-30"],
    // A storm's time in another sentence does not hide a limit.
    ["Hồi 07 giờ ngày 13/9, vị trí tâm bão ở 21 độ Vĩ Bắc. Các xã báo cáo trước 17 giờ ngày 13/9/2022.", "2022-09-13"],
  ])("%s → %s", (s, date) => {
    expect(first(s)).toMatchObject({ date, recurrence: null });
  });
});

describe("done, and quarterly reports", () => {
  it("what was done in a period is no limit", () => {
    expect(first("đánh giá cao các hoạt động của các cấp Hội đã thực hiện trong tháng 3")).toBeNull();
  });
  it("'báo cáo quý trước ngày 15 tháng cuối quý' is a quarterly report day", () => {
    expect(first("gửi báo cáo quý trước ngày 15 tháng cuối quý")).toMatchObject({ date: "2022-06-15", recurrence: "quarterly" });
  });
});

describe("a web page's own time", () => {
  it.each(["Thứ Bảy, 06/05/2017, 06:03 [GMT+7]", "THỨ SÁU, 30/09/2022 15:22:16", "Cơ quan chức năng trả lời ý kiến cử tri ( Cập nhật lúc: 12/02/2020 )"])("%s", (s) => {
    expect(first(s)).toBeNull();
  });
  it("the verb 'cập nhật' before a limit is no page stamp", () => {
    expect(first("cập nhật số liệu trước ngày 15/6")).toMatchObject({ date: "2022-06-15" });
  });
  it("a weekday date after a label or a verb is still a time", () => {
    expect(first("Thời gian: Thứ Sáu, 30/9/2022")).toMatchObject({ date: "2022-09-30" });
    expect(first("tổ chức vào Thứ Sáu, 30/9/2022")).toMatchObject({ date: "2022-09-30" });
  });
});

describe("the document's own day, and a part of the day before 'ngày'", () => {
  // Dated Fri 27/5/2022.
  it.each([
    ["phải hoàn thành trước 15h hôm nay", "2022-05-27"],
    ["báo cáo trong ngày hôm nay", "2022-05-27"],
    ["gửi về trước 17 giờ ngày mai", "2022-05-28"],
    ["tổ chức Lễ hưởng ứng vào sáng ngày 13/9/2024", "2024-09-13"],
  ])("%s → %s", (s, date) => {
    expect(first(s)).toMatchObject({ date, recurrence: null });
  });
  it("a document with no date of its own has no 'hôm nay'", () => {
    expect(findDeadlines("trước 15h hôm nay", { year: 2022, base: "2022-01-01", dated: false })).toEqual([]);
  });
  it("a weekday date alone on a line is a time unless the page's clock follows it", () => {
    expect(first("ngày chủ nhật, 22 tháng 5 năm 2011")).toMatchObject({ date: "2011-05-22" });
  });
});

describe("'Theo đó' opens the detail of the instruction before it", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2026-01-15" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  it("the work it introduces takes that instruction's one time", () => {
    expect(
      dated(
        "Từ tháng 3 đến hết tháng 7-2018, Trung ương Đoàn phát động chương trình Ngày Chủ nhật xanh trên cả nước.\n\nTheo đó, các tỉnh đoàn xây dựng kế hoạch, tổ chức ra quân Ngày Chủ nhật xanh tại địa phương.",
      ),
    ).toContain("2018-07-31");
  });
  it("a census's reference moment is not when the preparation is due", () => {
    expect(
      dated(
        "UBND tỉnh ban hành Chỉ thị về Tổng điều tra dân số vào thời điểm 0 giờ, ngày 1-4-2019.\n\nTheo đó, UBND tỉnh giao Cục Thống kê tỉnh chủ trì, phối hợp với các sở, ngành xây dựng phương án.",
      ),
    ).not.toContain("2019-04-01");
  });
});

describe("a document about one dated occasion", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2026-01-15" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  const page = (title: string, dating: string, tasks: string) => `${title}\n\n${dating}\n\n${tasks}`;
  it("a task that names the occasion is due on its day", () => {
    expect(
      dated(
        page(
          "Huyện Như Xuân: Sẵn sàng cho lễ giao nhận quân năm 2020",
          "Lễ giao nhận quân năm 2020 sẽ diễn ra từ 7h30 đến 11h30 ngày 11-2-2020 tại sân Trung tâm Văn hóa huyện.",
          "Hội đồng huyện giao Công an huyện bảo đảm an ninh trật tự trước, trong và sau lễ giao, nhận quân.",
        ),
      ),
    ).toEqual(["2020-02-11"]);
    expect(
      dated(
        page(
          "Triển khai kế hoạch bầu cử Trưởng ấp nhiệm kỳ 2024-2029",
          "Bầu cử trưởng ấp trên địa bàn xã được tổ chức vào ngày 29/9/2024.",
          "Bên cạnh đó, các ấp cần bố trí lực lượng bảo vệ công tác bầu cử diễn ra an toàn.",
        ),
      ),
    ).toEqual(["2024-09-29"]);
  });
  it("the time may follow the verb directly", () => {
    expect(
      dated(
        page(
          "Thái Nguyên đã sẵn sàng cho Hội thi kể chuyện khu vực I",
          "Theo kế hoạch, Hội thi khai mạc 7 giờ 30 ngày 11-9-2008 tại Trung tâm Hội nghị tỉnh.",
          "Sở Văn hóa có trách nhiệm trang trí khu vực diễn ra Hội thi.",
        ),
      ),
    ).toEqual(["2008-09-11"]);
  });
  it("not a task that names no occasion, an occasion already held or put off, nor one the title does not name", () => {
    const title = "Sẵn sàng cho lễ giao nhận quân năm 2020";
    const held = "Lễ giao nhận quân năm 2020 đã diễn ra từ 7h30 ngày 11-2-2020.";
    const put = "Tạm hoãn tổ chức lễ giao nhận quân, từ 0 giờ ngày 11-2-2020.";
    const when = "Lễ giao nhận quân năm 2020 sẽ diễn ra vào ngày 11-2-2020.";
    expect(dated(page(title, when, "Hội đồng huyện giao Công an huyện tăng cường tuần tra địa bàn."))).toEqual([null]);
    expect(dated(page(title, held, "Hội đồng huyện giao Công an huyện bảo đảm an ninh trong lễ giao, nhận quân."))).toEqual([null]);
    expect(dated(page(title, put, "Hội đồng huyện giao Công an huyện bảo đảm an ninh trong lễ giao, nhận quân."))).toEqual([null]);
    expect(dated(page("Huyện Như Xuân tăng cường công tác quân sự địa phương", when, "Hội đồng huyện giao Công an huyện bảo đảm an ninh trong lễ giao, nhận quân."))).toEqual([null]);
  });
});

describe("sessions, spans of months, day lists, half-yearly pairs", () => {
  it.each([
    ["báo cáo tại phiên họp Chính phủ tháng 3 năm 2009 kết quả thực hiện", "2009-03-31"],
    ["báo cáo tại phiênhọp Chính phủ tháng 3 kết quả thực hiện", "2022-03-31"],
    ["chi trả lương hưu của tháng 01 và tháng 02 năm 2013 vào cùng kỳ chi trả lương hưu tháng 01 năm 2013", "2013-01-31"],
    ["từ tháng 1-12/2023, các cấp công đoàn tập trung triển khai", "2023-12-31"],
    ["Thời gian cấp phát 3 ngày, từ ngày 15, 16, 17/4/2020", "2020-04-17"],
    ["Thời gian tiếp nhận và phân bổ: 01 ngày, ngày 25/7/2022", "2022-07-25"],
  ])("%s → %s", (s, date) => {
    expect(first(s)).toMatchObject({ date, recurrence: null });
  });
  it("two days a year six months apart are half-yearly, due on the next of them", () => {
    const dated = { year: 2019, base: "2019-11-25" };
    expect(findDeadlines("trình UBND tỉnh trước ngày 10/6 và ngày 10/12 hàng năm", dated)[0]).toMatchObject({ date: "2019-12-10", recurrence: "semiannual" });
    expect(findDeadlines("báo cáo trước ngày 05/6 và 05/12 hàng năm", { year: 2019, base: "2019-12-20" })[0]).toMatchObject({ date: "2020-06-05", recurrence: "semiannual" });
  });
  it("what is not yet or already done in a period is no limit", () => {
    expect(first("tập trung xử lý các công việc chưa hoàn thành trong năm 2024")).toBeNull();
    expect(first("phấn đấu hoàn thành trong năm 2025")).toMatchObject({ date: "2025-12-31" });
  });
  it("a report period is not a session", () => {
    expect(first("số liệu trong kỳ báo cáo tháng 6")).toBeNull();
  });
});

describe("an occasion dated where one task takes part in it", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2011-01-10" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  it("dates the other tasks that attend it", () => {
    expect(
      dated(
        "Yêu cầu: Thị đoàn điều động lực lượng tham gia Lễ ra quân tuyên truyền phòng chống pháo nổ, tại phường Nghi Thuỷ vào 14 h ngày 17/1/2011. Các ban, ngành, đoàn thể huy động cán bộ tham gia Lễ ra quân và phối hợp với Thị đoàn làm tốt công tác tổ chức.",
      ).slice(-1),
    ).toEqual(["2011-01-17"]);
  });
  it("not when the occasion is dated nowhere", () => {
    expect(dated("Yêu cầu: Các ban, ngành, đoàn thể huy động cán bộ tham gia Lễ ra quân và phối hợp với Thị đoàn làm tốt công tác tổ chức.")).toEqual([null]);
  });
});

describe("readying the one occasion a document is about", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2008-09-02" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  const page = (when: string) =>
    `Sẵn sàng cho Hội thi kể chuyện về tấm gương đạo đức Hồ Chí Minh\n\nTheo đó, Ban Tuyên giáo Tỉnh uỷ có nhiệm vụ chủ trì, phối hợp với Sở Văn hoá trang trí khánh tiết, đón tiếp đại biểu, thí sinh.\n\n${when}`;
  it("dates the venue and guest work by the occasion's day though the task does not name it", () => {
    expect(dated(page("Theo kế hoạch, Hội thi khai mạc 7 giờ 30 ngày 11-9-2008 tại Trung tâm Hội nghị tỉnh."))).toEqual(["2008-09-11"]);
  });
  it("not when the occasion is dated nowhere", () => {
    expect(dated(page("Theo kế hoạch, Hội thi khai mạc tại Trung tâm Hội nghị tỉnh."))).toEqual([null]);
  });
});

describe("an item that only states the time of its section's work", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2020-03-26" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  const notice = (time: string) =>
    `THÔNG BÁO\n\n1. Giao Công an phường kiểm tra việc chấp hành của các cơ sở kinh doanh.\n\n2. ${time}\n\n3. Giao các tổ dân phố tăng cường tuyên truyền, vận động nhân dân.`;
  it("dates the sibling items", () => {
    expect(dated(notice("Thời gian thực hiện: từ ngày 26/3 đến hết ngày 5/4/2020."))).toEqual(["2020-04-05", "2020-04-05"]);
  });
  it("not when the time item names an activity of its own", () => {
    expect(dated(notice("Thời gian lấy ý kiến nhân dân: từ ngày 26/3 đến hết ngày 5/4/2020."))).toEqual([null, null]);
  });
});

describe("day lists and fractions", () => {
  it.each([
    ["treo cờ rủ trong 02 ngày Lễ Quốc tang (ngày 03 và 04 tháng 5 năm 2019)", "2019-05-04"],
    ["dừng các hoạt động vui chơi trong hai ngày 03 và 04 tháng 5 năm 2019", "2019-05-04"],
  ])("%s", (s, date) => {
    expect(first(s)).toMatchObject({ date, recurrence: null });
  });
  it("a fraction of a noun is not a day", () => {
    expect(first("chỉ treo cờ đến 2/3 chiều cao của cột cờ")).toBeNull();
    expect(first("bảo đảm có mặt đến 2/3 số thành viên")).toBeNull();
  });
  it("several days a month: the first of them still to come", () => {
    expect(first("định kỳ báo cáo kết quả; thời gian báo cáo vào ngày 15, 30 hàng tháng.")).toMatchObject({ date: "2022-05-30", recurrence: "monthly" });
  });
});

describe("the day a figure is counted at", () => {
  it.each(["kiểm tra, xác nhận số liệu giải ngân vốn nước ngoài tính đến ngày 15/9/2019", "báo cáo biên chế được cấp có thẩm quyền giao thời điểm 31/7"])(
    "%s is the state a report describes",
    (s) => {
      expect(first(s)).toBeNull();
    },
  );
  it("an activity that starts at a moment still does", () => {
    expect(first("tiến hành tổng điều tra dân số vào thời điểm 0 giờ, ngày 1-4-2019.")).toMatchObject({ date: "2019-04-01" });
  });
});

describe("work listed under a time heading", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2019-09-10" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  it("readies what the heading's first time dates", () => {
    const plan =
      "KẾ HOẠCH ĐẠI HỘI LIÊN ĐỘI\nI. Mục đích\n- Bầu Ban chỉ huy Liên đội.\nII. Thời gian, địa điểm\n1. Đại hội trù bị\n- 9 giờ 00’, ngày 13 tháng 9 năm 2019.\n- Địa điểm: Phòng Hội đồng.\n2. Chuẩn bị\n- Trang trí lễ đài: Đoàn thanh niên.\n- Kê, dọn bàn ghế: Chi đội 9A1.\nIII. Thành phần\n- Ban giám hiệu: 1 đại biểu.";
    expect(dated(plan)).toEqual(["2019-09-13", "2019-09-13"]);
  });
});

describe("lunar days beside solar ones", () => {
  it("takes the solar window, not the lunar gloss after it", () => {
    expect(first("phát động Tết trồng cây từ ngày 27.1-24.2 (từ ngày 6 tháng giêng đến 5.2 năm Quý Mão)")).toMatchObject({ date: "2022-02-24" });
  });
  it.each(["tổ chức lễ hội đến ngày 15/8 âm lịch", "hoàn thành trước ngày 10/3 năm Giáp Thìn"])("%s is no solar day", (s) => {
    expect(first(s)).toBeNull();
  });
});

describe("an item that gives the time to finish the section's work", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2016-08-05" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  it("dates the work items beside it", () => {
    const letter =
      "Kính gửi: Các trường tiểu học và THCS\n\nPhòng GD&ĐT yêu cầu các trường tiểu học và THCS thực hiện một số nội dung sau:\n\n1. Rà soát và lập danh sách học sinh được mượn sách giáo khoa năm học 2016-2017.\n\n2. Thời gian hoàn thành và nộp biểu tổng hợp về Phòng GD&ĐT trước ngày 18/8/2016.";
    expect(dated(letter)).toEqual(["2016-08-18", "2016-08-18"]);
  });
});

describe("days of the first lunar month", () => {
  const tet = (s: string) => findDeadlines(s, { year: 2013, base: "2013-01-20" })[0] ?? null;
  it.each([
    ["tổ chức hội thi vào mùng 8 Tết, vào tối mùng 10 tết (Tết Quý Tỵ 2013)", "2013-02-17"],
    ["hoàn thành trước ngày 15 tháng Giêng âm lịch", "2013-02-24"],
    ["tổ chức lễ hội vào ngày 15 tháng Giêng năm Giáp Ngọ", "2014-02-14"],
  ])("%s", (s, date) => {
    expect(tet(s)).toMatchObject({ date, recurrence: null });
  });
  it("a lunar gloss in brackets restates the solar days before it", () => {
    expect(tet("phát động từ ngày 27.1-24.2 (từ ngày 6 tháng giêng đến 5.2 năm Quý Mão)")).toMatchObject({ date: "2013-02-24" });
  });
});

describe("a line that states the time of carrying out, in unnumbered work", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2023-11-08" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  it("dates the notice's work", () => {
    const notice =
      "THÔNG BÁO\n\nV/v tiêm phòng bệnh dại cho đàn chó\n\nUBND xã thông báo kế hoạch tiêm phòng cụ thể như sau:\n\n- Phạm vi tiêm phòng: Toàn bộ số chó hiện có của các hộ.\n\n- Thời gian tiến hành: Bắt đầu tiêm từ ngày 6/11 đến ngày 11/11/2023.\n\n- Hình thức tổ chức: UBND xã giao cho cán bộ thú y của xã trực tiếp đến các hộ có nuôi chó để tiêm phòng.";
    expect(dated(notice)).toEqual(["2023-11-11"]);
  });
  it("two different times of carrying out date nothing", () => {
    const notice =
      "THÔNG BÁO\n\nUBND xã thông báo như sau:\n\n- Thời gian thực hiện: từ ngày 6/11 đến ngày 11/11/2023.\n\n- Thời gian thực hiện: từ ngày 1/12 đến ngày 5/12/2023.\n\n- UBND xã giao cho cán bộ thú y của xã trực tiếp đến các hộ có nuôi chó để tiêm phòng.";
    expect(dated(notice)).toEqual([null]);
  });
});

describe("a bare time after a time label", () => {
  const dated = (text: string) => readDispatch(text, { refDate: "2013-08-20" }).tasks.filter((t) => t.assignees.length > 0).map((t) => t.deadline?.date ?? null);
  it("'II. Thời gian thực hiện: 6h30 phút ngày 05/9/2013' dates the plan's work", () => {
    const plan =
      "KẾ HOẠCH\n\nTổ chức lễ khai giảng năm học 2013 - 2014\n\nI. Mục đích: Tổ chức lễ khai giảng năm học 2013 - 2014.\n\nII. Thời gian thực hiện: 6h30 phút ngày 05/9/2013.\n\nIII. Tổ chức thực hiện\n\n1. Đoàn thanh niên chuẩn bị trang trí sân khấu.\n\n2. Tổ văn phòng chuẩn bị âm thanh, ánh sáng.";
    expect(dated(plan)).toEqual(["2013-09-05", "2013-09-05"]);
  });
});

describe("a year after a completion word with its object between", () => {
  it("'bảo đảm hoàn thành thực thi trong năm 2026' is due at the year's end; a year an activity covers is not", () => {
    expect(first("Phối hợp với Bộ Tài chính đưa nội dung vào Luật. Đảm bảo hoàn thành thực thi trong năm 2026.")).toMatchObject({ date: "2026-12-31" });
    expect(first("phấn đấu hoàn thành dứt điểm trong năm 2025")).toMatchObject({ date: "2025-12-31" });
    expect(first("ứng phó với thiên tai trong năm 2022")).toBeNull();
    expect(first("các công việc đã thực hiện trong năm 2024")).toBeNull();
  });
});

describe("periods of a report and of a frequency", () => {
  it.each([
    // A report to an addressee every period: the addressee stands between the verb and the period.
    ["trực tiếp chỉ đạo, báo cáo Thủ tướng Chính phủ hằng tuần", null, "weekly"],
    ["tổng hợp, trình Lãnh đạo Bộ báo cáo Thủ tướng Chính phủ hằng tháng", null, "monthly"],
    ["tổng hợp kết quả, báo cáo UBND tỉnh hàng quý", null, "quarterly"],
    // Twice a year is half-yearly, four times a quarterly schedule.
    ["kiểm tra, giám sát ít nhất 2 lần/năm", null, "semiannual"],
    ["tổ chức giao lưu 04 lần/năm", null, "quarterly"],
    ["tổ chức tập huấn 1 lần/năm", null, "yearly"],
    // A clock time with a colon before the weekday of a weekly report.
    ["mẫu báo cáo hàng tuần trước 15:00 ngày thứ Sáu hàng tuần", "2022-06-03", "weekly"],
    ["gửi báo cáo trước 15:00 ngày 30/5/2022", "2022-05-30", null],
  ])("%s → %s %s", (s, date, recurrence) => {
    expect(first(s)).toMatchObject({ date, recurrence });
  });
  it("a report's subject, not its addressee, before the period is no schedule of its own", () => {
    expect(first("đánh giá kết quả thực hiện hằng tháng của các đơn vị")).toBeNull();
  });
});

describe("a later year opening a sentence is the year its target is met in", () => {
  const c = { year: 2025, base: "2025-11-20" };
  it.each([
    ["bảo đảm tính khả thi. Năm 2026, cắt giảm, đơn giản hóa 100% điều kiện kinh doanh không cần thiết", "2026-12-31"],
    ["- Năm 2027, hoàn thành việc số hóa hồ sơ", "2027-12-31"],
  ])("%s → %s", (s, date) => {
    expect(findDeadlines(s, c)[0]).toMatchObject({ date, recurrence: null });
  });
  it.each([
    "Năm 2024, toàn tỉnh cắt giảm 30% thủ tục",
    "Năm 2025, cắt giảm 30% thủ tục",
    "Năm 2026, huyện được giao chỉ tiêu 100 công dân",
  ])("no limit: %s", (s) => {
    expect(findDeadlines(s, c)).toEqual([]);
  });
});

describe("a plan's last item that sets a report time for bodies or kinds", () => {
  const plan = [
    "Kính gửi: Các sở, ban, ngành Thành phố",
    "",
    "I. TỔ CHỨC THỰC HIỆN",
    "1. Sở Nội vụ chủ trì tổng hợp kết quả thực hiện Kế hoạch.",
    "2. Sở Y tế tổ chức truyền thông về chăm sóc sức khỏe sinh sản.",
    "3. Sở Xây dựng đăng tải thông điệp truyền thông trên các màn hình công cộng.",
    "4. Công an Thành phố bảo đảm an ninh trật tự trong thời gian diễn ra các hoạt động.",
    "II. CHẾ ĐỘ BÁO CÁO",
    "Các sở, ban, ngành Thành phố gửi báo cáo kết quả thực hiện Kế hoạch về Sở Nội vụ trước ngày 16 tháng 12 năm 2025 để tổng hợp.",
  ].join("\n");
  const tasks = readDispatch(plan, { refDate: "2025-11-10" }).tasks;
  const due = (ref: string) => tasks.find((t) => t.ref === ref)?.deadline?.date ?? null;
  it("governs the tasks of those bodies that state no time of their own (guide: a closing sentence)", () => {
    expect(due("I.2")).toBe("2025-12-16");
    expect(due("I.3")).toBe("2025-12-16");
    expect(due("II")).toBe("2025-12-16");
  });
  it("not the tasks of the body the reports go to, nor of bodies outside those kinds", () => {
    expect(due("I.1")).toBeNull();
    expect(due("I.4")).toBeNull();
  });
});

describe("the time a numbered sub-item takes from the item it belongs to", () => {
  const read = (lines: string[]) => readDispatch(["Kính gửi: Các bộ, ngành", "", ...lines].join("\n"), { refDate: "2025-11-10" }).tasks;
  const due = (tasks: ReturnType<typeof read>, ref: string) => tasks.find((t) => t.ref === ref)?.deadline?.date ?? null;
  it("the lead-in's time for the work its sub-items detail", () => {
    const tasks = read([
      "1. Các Bộ: Tài chính, Y tế khẩn trương khắc phục các bất cập của hệ thống, hoàn thành trong tháng 11 năm 2025, cụ thể:",
      "(1) Bộ Tài chính giải quyết 03 vấn đề tồn đọng.",
      "(2) Bộ Y tế hoàn thành nâng cấp, kết nối hệ thống quản lý.",
    ]);
    expect(due(tasks, "1.1")).toBe("2025-11-30");
    expect(due(tasks, "1.2")).toBe("2025-11-30");
  });
  it("not a time the item states for its own work in an earlier sentence", () => {
    const tasks = read([
      "1. Đề nghị các cơ quan chuyên môn tổ chức đánh giá cán bộ và hoàn thành trước ngày 05 tháng 12 năm 2025.",
      "Một số vấn đề lưu ý:",
      "(1) Người đứng đầu cơ quan chuyên môn xem xét, quyết định đánh giá cấp phó.",
      "(2) Chủ tịch Ủy ban nhân dân xã xem xét, quyết định đánh giá công chức.",
    ]);
    expect(tasks.map((t) => t.ref)).toContain("1.1");
    expect(due(tasks, "1.1")).toBeNull();
    expect(due(tasks, "1.2")).toBeNull();
  });
  it("not the goal of an opening purpose clause", () => {
    const tasks = read([
      "2. Để đảm bảo tiến độ, phấn đấu hoàn thành xây dựng trước ngày 30 tháng 11 năm 2025, yêu cầu các bộ, cơ quan liên quan tiếp tục nỗ lực, trong đó lưu ý một số nội dung sau:",
      "(1) Bộ Công an tiếp tục phối hợp giải quyết các vướng mắc về phòng cháy, chữa cháy.",
      "(2) Bộ Xây dựng chỉ đạo thẩm định dự toán các hạng mục còn lại.",
    ]);
    expect(tasks.map((t) => t.ref)).toContain("2.1");
    expect(due(tasks, "2.1")).toBeNull();
    expect(due(tasks, "2.2")).toBeNull();
  });
});

describe("an activity's window shared by the tasks that carry it out", () => {
  it("not by a standing duty ('thường xuyên kiểm tra …')", () => {
    const text = [
      "Kính gửi: Các sở, ban, ngành",
      "",
      "1. UBND các huyện, thị xã chỉ đạo nhân dân treo cờ Tổ quốc từ ngày 18/3/2017 đến hết ngày 19/3/2017.",
      "2. Thủ trưởng các sở, ban, ngành thường xuyên kiểm tra việc treo cờ Tổ quốc tại cơ quan, đơn vị.",
      "3. Công an tỉnh kiểm tra việc treo cờ Tổ quốc trên các tuyến phố.",
    ].join("\n");
    const tasks = readDispatch(text, { refDate: "2017-03-10" }).tasks;
    expect(tasks.find((t) => t.ref === "3")?.deadline?.date).toBe("2017-03-19");
    expect(tasks.find((t) => t.ref === "2")?.deadline ?? null).toBeNull();
  });
  it("none when the activity runs in two seasons, the first named after its window", () => {
    const text = [
      "Bắt đầu từ ngày 15/4 đến 31/8/2017, thời gian thu gom rác sẽ diễn ra từ 19 giờ đến 6 giờ sáng hôm sau.",
      "",
      "Ngoài ra, thời gian thu gom rác vào mùa đông sẽ bắt đầu từ 1/9/2017 đến 15/4/2018, diễn ra từ 5 giờ 30 đến 11 giờ.",
      "",
      "UBND thị xã giao Công ty Môi trường đô thị thực hiện tốt công tác thu gom rác đảm bảo sạch đẹp.",
    ].join("\n");
    const tasks = readDispatch(text, { refDate: "2017-04-06" }).tasks;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.deadline ?? null).toBeNull();
  });
});

describe("a time limit's dash line names the activity it dates", () => {
  it("'- Lưu ý thời hạn đăng ký tham gia: từ nay đến hết … ngày 28/02/2018' dates the task that registers", () => {
    const text = [
      "Ban Thường vụ Đoàn Khối triển khai việc tham gia cuộc thi trong đoàn viên thanh niên Khối với các nội dung cụ thể như sau:",
      "- Đề nghị các cơ sở Đoàn trực thuộc Khối triển khai rộng rãi đến toàn thể đoàn viên để đăng ký tham gia Cuộc thi.",
      "- Thể lệ tham gia cuộc thi đính kèm theo Thông báo này.",
      "- Lưu ý thời hạn đăng ký tham gia: từ nay đến hết 23 giờ 59 phút ngày 28/02/2018. Hồ sơ đăng ký dự thi gửi qua hộp thư của Văn phòng.",
    ].join("\n");
    const tasks = readDispatch(text, { refDate: "2017-10-02" }).tasks;
    const own = tasks.find((t) => /^\s*-?\s*Đề nghị các cơ sở Đoàn/u.test(t.text));
    expect(own?.deadline?.date).toBe("2018-02-28");
  });
});

describe("a count of days from a stated day", () => {
  it.each([
    // From a moment of the day, the day itself is the first of the days (1/4–15/4).
    ["thực hiện cách ly toàn xã hội trong vòng 15 ngày, kể từ 0 giờ ngày 01 tháng 4 năm 2020", "2020-04-15"],
    // From the day alone, the days start the day after (a legal time limit).
    ["hoàn thành trong 10 ngày kể từ ngày 05/4/2020", "2020-04-15"],
  ])("%s", (s, date) => {
    expect(first(s)).toMatchObject({ date, recurrence: null });
  });
});

describe("dash items in prose under a lead-in that times their work", () => {
  const lines = (lead: string) =>
    [
      "Sau khi nghe các báo cáo, các đại biểu đã thảo luận đóng góp vào dự thảo các văn bản.",
      "",
      lead,
      "",
      "- Các ngành và các đơn vị bám vào chương trình công tác tháng, quý để tổ chức thực hiện.",
      "",
      "- Giao Ủy ban nhân dân xã chỉ đạo Ngành Công an tăng cường công tác tuần tra trên địa bàn.",
    ].join("\n");
  it("'… cần tổ chức thực hiện trong tháng 9 năm 2020, cụ thể như sau:' times each item", () => {
    const tasks = readDispatch(lines("Kết luận Hội nghị, đồng chí Bí thư Đảng ủy xã nhấn mạnh một số công việc trọng tâm cần tổ chức thực hiện trong tháng 9 năm 2020, cụ thể như sau:"), { refDate: "2020-09-05" }).tasks;
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    for (const t of tasks) expect(t.deadline?.date).toBe("2020-09-30");
  });
  it("not an opening purpose clause ('Để …, phấn đấu hoàn thành trước …, yêu cầu:')", () => {
    const tasks = readDispatch(lines("Để bảo đảm tiến độ, phấn đấu hoàn thành trước ngày 30/11/2020, Đảng ủy xã yêu cầu:"), { refDate: "2020-09-05" }).tasks;
    for (const t of tasks) expect(t.deadline ?? null).toBeNull();
  });
});

describe("an activity run in two seasons dates no task", () => {
  it("a task naming it and a one-window activity takes the one window's time", () => {
    const text = [
      "Kính gửi: Các đơn vị",
      "",
      "1. Đội Vệ sinh số 1 phun thuốc từ ngày 15/4/2017 đến hết ngày 31/8/2017.",
      "2. Đội Vệ sinh số 2 phun thuốc từ ngày 01/9/2017 đến hết ngày 15/4/2018.",
      "3. UBND các phường chỉ đạo nhân dân treo cờ Tổ quốc từ ngày 18/3/2017 đến hết ngày 19/3/2017.",
      "4. Công an thị xã kiểm tra việc phun thuốc và việc treo cờ Tổ quốc trên các tuyến phố.",
    ].join("\n");
    const tasks = readDispatch(text, { refDate: "2017-03-06" }).tasks;
    expect(tasks.find((t) => t.ref === "4")?.deadline?.date).toBe("2017-03-19");
  });
});

describe("a cue word of a month, a quarter or a ten-day part is a word of its own", () => {
  it.each([
    "số gia súc bị chết tháng 5/2020 được hỗ trợ",
    "số gia súc bị chết quý I/2020 được hỗ trợ",
    "số gia súc bị chết trung tuần tháng 8/2020 được hỗ trợ",
  ])("'hết' inside 'chết': %s", (s) => {
    expect(first(s)).toBeNull();
  });
});

describe("an information dash line that dates the activities it names", () => {
  it("'- Thời gian tiếp nhận và phân bổ: 01 ngày, ngày …' dates each of them, for the tasks that take part", () => {
    const text = [
      "Kính gửi: Hiệu trưởng các trường trực thuộc.",
      "Phòng GD&ĐT đề nghị các đơn vị hoàn thiện đóng gói sách đã kêu gọi, cụ thể:",
      "- Thời gian tiếp nhận và phân bổ: 01 ngày, ngày 25/7/2022 (bắt đầu từ 8h00).",
      "- Địa điểm: Phòng GD&ĐT huyện.",
      "- Các đơn vị vùng cao, vùng khó khăn có nhu cầu cử 01 nhân viên cùng tham gia tiếp nhận sách và phân bổ theo nhu cầu.",
    ].join("\n");
    const tasks = readDispatch(text, { refDate: "2022-07-15" }).tasks;
    const own = tasks.find((t) => /vùng cao/u.test(t.text) && !/đóng gói/u.test(t.text));
    expect(own?.deadline?.date).toBe("2022-07-25");
  });
});

describe("an open start with no end, when the text states no other time", () => {
  const at = { year: 2022, base: "2022-12-08" };
  it.each([
    ["Học sinh toàn trường nghỉ học từ sáng ngày 8/12/2022.", "2022-12-08"],
    ["đẩy mạnh đợt thi đua cao điểm \"60 ngày đêm hướng về Ngày hội lớn\" (từ ngày 21/12/2022), thi đua dạy tốt", "2022-12-21"],
  ])("%s", (s, date) => {
    expect(findDeadlines(s, at)[0]).toMatchObject({ date, recurrence: null });
  });
  it.each([
    "Quyết định này có hiệu lực thi hành từ ngày 01/01/2023 và thay thế Quyết định số 60/2016/QĐ-UBND",
    "Quy định có hiệu lực từ ngày 15/12/2022.",
    "từ ngày 01/7/2022, nước ta có 34 tỉnh, thành phố",
    "Tổ chia thành 4 tổ, mỗi tổ từ 6 - 12 cán bộ, chiến sĩ",
    "thực hiện thu gom rác từ ngày 10/12/2022 đến nay",
  ])("not a due day: %s", (s) => {
    expect(findDeadlines(s, at)).toEqual([]);
  });
  it("yields to any other time the text states", () => {
    expect(findDeadlines("Đưa vào hoạt động cấp xã mới từ ngày 10/12/2022, phấn đấu hoàn thành trước ngày 15/12/2022.", at)[0]).toMatchObject({ date: "2022-12-15" });
  });
});
