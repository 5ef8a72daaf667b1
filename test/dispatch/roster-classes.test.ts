/**
 * Phrase tests for the class "duties given to posts and persons" (school plans, commune notices, organising plans):
 * roster lines "<duty>: <holder>", a holder in parentheses after a step, a post heading a sentence with its duty verb.
 * Golds read these holders as assignees, names as written (honorific kept: "Thầy Mẫn", "Đ/c Hùng"). Negative rows
 * beside them: a named official in a news report, a standing in what a notice informs.
 */
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { leadsOfSentence } from "../../src/dispatch/roles.js";
import { heldInParens, samePerson } from "../../src/dispatch/rosters.js";

const read = (text: string) => readDispatch(text, { refDate: "2026-01-15" });
const leads = (s: string) => leadsOfSentence(s)?.leads ?? [];
const names = (text: string) => read(text).tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => `${a.role}:${a.name}`));

describe("a roster line '<duty>: <holder>' naming persons", () => {
  it.each([
    ["Trực máy mở nhạc nền: Thầy Mẫn.", ["Thầy Mẫn"]],
    ["Trang điểm, và thay đồ múa cho học sinh: Cô Thanh Vân, cô Hằng, cô Ngọc Hà.", ["Cô Thanh Vân", "cô Hằng", "cô Ngọc Hà"]],
    ["Chuẩn bị đĩa nhạc: Thầy Tùng. Tiết mục cô Hà tự chuẩn bị.", ["Thầy Tùng"]],
    ["Chuẩn bị hoa tặng Khối lớp 1: Do cô Mai Thị Duyên và thầy Trần Công Mẫn phụ trách.", ["cô Mai Thị Duyên", "thầy Trần Công Mẫn"]],
    ["Trực ban: Đ/c Hùng.", ["Đ/c Hùng"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("not a holder after 'Do' whose clause goes on with other work", () => {
    expect(leads("Chuẩn bị hoa: Do cô Duyên mua ở chợ.")).toEqual([]);
  });
});

describe("a step's holder in parentheses at the end of its line", () => {
  it.each([
    ["Ổn định tổ chức, đón học sinh lớp 6 từ 7h15’ – 7h30’ (Đ/c Hùng.)", ["Đ/c Hùng"]],
    ["Tuyên bố lí do, giới thiệu đại biểu (Đ/c Trinh).", ["Đ/c Trinh"]],
    ["Đánh trống khai trường (1 hồi 9 tiếng) (Đại biểu xã hoặc Hiệu trưởng)", ["Đại biểu xã hoặc Hiệu trưởng"]],
    ["Kê bàn ghế, trang trí sân khấu (Tổng phụ trách Đội, giáo viên chủ nhiệm)", ["Tổng phụ trách Đội", "giáo viên chủ nhiệm"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("not a remark, a channel or a body the sentence already names", () => {
    expect(heldInParens("Báo cáo kết quả về UBND huyện (qua Phòng Nội vụ).")).toBeNull();
    expect(heldInParens("Tổ chức tập huấn cho cán bộ (có danh sách kèm theo).")).toBeNull();
    expect(heldInParens("Phòng Y tế tổ chức kiểm tra (Đ/c Hùng).")).toBeNull();
    expect(heldInParens("Tổ chức hội nghị (Sở Y tế).")).toBeNull();
  });
});

describe("a post heading a sentence with its duty verb", () => {
  it.each([
    ["Tổ trưởng tổng hợp nộp sau hai ngày.", ["Tổ trưởng"]],
    ["Các cô giáo tập trước cho các cháu một số bài hát.", ["Các cô giáo"]],
    ["Giáo viên chủ nhiệm ra đề kiểm tra theo ma trận.", ["Giáo viên chủ nhiệm"]],
    ["GVCN lớp 5A nhắc nhở học sinh.", ["GVCN lớp 5A"]],
    ["Phụ huynh cần đưa trẻ đến cơ sở y tế.", ["Phụ huynh"]],
    ["Giáo viên, nhân viên trường mầm non Tuổi Thơ có trách nhiệm thực hiện.", ["Giáo viên", "nhân viên trường mầm non Tuổi Thơ"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  // "Cán bộ, công chức, viên chức nghỉ Tết …", "cán bộ chiến sĩ đơn vị đã diễu hành …": holidays and news name the staff
  // at large in what they inform; only the posts a plan gives duties to are heads.
  it("not the staff at large", () => {
    expect(leads("Cán bộ, công chức, viên chức nghỉ Tết Dương lịch 01 ngày.")).toEqual([]);
  });
  it("keeps the unit a post belongs to ('Tổ trưởng 08 Tổ dân phố', 'Tổ trưởng Tổ Thông tin')", () => {
    expect(leads("Tổ trưởng 08 Tổ dân phố kiểm tra việc treo cờ.")).toEqual(["Tổ trưởng 08 Tổ dân phố"]);
  });
});

describe("a schedule row's day, then the post that acts; a person after a comma", () => {
  it.each([
    ["Ngày 18/5/2017: Khối trưởng báo cáo kết quả theo mẫu đính kèm.", ["Khối trưởng"]],
    ["Ngày 31/8/2017 và ngày 04/9/2017 giáo viên đưa các cháu ra sân để tổng duyệt.", ["giáo viên"]],
    ["Cô Trình phụ trách Khối 1 nhận hoa, thầy Ý phụ trách Khối 5 tặng hoa.", ["Cô Trình"]],
    ["Chuẩn bị sân khấu, thầy Ý phụ trách.", ["thầy Ý"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("not a post that is one more object of a list ('Huy động cán bộ, giáo viên, nhân viên … tham gia')", () => {
    expect(leads("Huy động cán bộ, giáo viên, nhân viên, học sinh tham gia tích cực vào chiến dịch.")).toEqual([]);
    expect(leads("Tổ chức thăm hỏi, tặng quà các cán bộ, giáo viên hưu trí neo đơn.")).toEqual([]);
  });
  it("not a title after 'đồng chí' ('đồng chí Chủ tịch HĐND huyện' is the body's head, not a roster's person)", () => {
    expect(leads("Tại kỳ họp, đồng chí Chủ tịch HĐND huyện phát biểu.")).not.toContain("đồng chí Chủ");
  });
});

describe("named officials in a news report are not roster holders", () => {
  it("'Đ/c <full name> <title> khai mạc …' and 'Đồng chí <full name>, Bí thư … triển khai …' give no task", () => {
    expect(names("Đ/c Nguyễn Đình Quang Chỉ huy trưởng Quân sự xã khai mạc ra quân huấn luyện năm 2020.")).toEqual([]);
    expect(names("Đồng chí Lê Thị Nhung, Bí thư Huyện uỷ triển khai Chỉ thị số 35 của Bộ Chính trị.")).toEqual([]);
  });
});

describe("a roster's lead-in over sub-items that name their holders", () => {
  it("each sub-item is a task of its holder", () => {
    const text = [
      "IV. Công tác chuẩn bị:",
      "- Chương trình văn nghệ gồm 4 tiết mục.",
      "- Phân công phụ trách chương trình văn nghệ:",
      "+ Trang điểm cho học sinh: Cô Thanh Vân, cô Hằng.",
      "+ Trực máy mở nhạc nền: Thầy Mẫn.",
    ].join("\n");
    expect(names(text)).toEqual([["lead:Cô Thanh Vân", "lead:cô Hằng"], ["lead:Thầy Mẫn"]]);
  });
  it("a person named in full and then by given name is one holder", () => {
    expect(samePerson("cô Mai Thị Duyên", "Cô Duyên")).toBe(true);
    expect(samePerson("cô Mai Thị Duyên", "thầy Duyên")).toBe(false);
    expect(samePerson("cô Mai Thị Duyên", "cô Lê Thị Duyên")).toBe(false);
  });
});
