/**
 * Phrase tests for classes of role misses (session 19, rrole): which bodies a sentence makes responsible and in which
 * role — the body asking is not an assignee, those it asks are. Each row is a general shape of administrative prose,
 * with negative cases beside it.
 */
import { describe, expect, it } from "vitest";
import { coordinatorsIn, leadsOfSentence } from "../../src/dispatch/roles.js";
import { readDispatch } from "../../src/dispatch/reader.js";

const read = (s: string) => leadsOfSentence(s);

describe("a proper name holding a capitalised 'Các' is one body asking, not a collective told to ask", () => {
  it.each([
    ["Đoàn Khối Các cơ quan thành phố Hà Nội yêu cầu 55 cơ sở đoàn tập trung tuyên truyền.", ["55 cơ sở đoàn"], ["Đoàn Khối Các cơ quan thành phố Hà Nội"]],
    ["Ban quản lý Các khu công nghiệp và chế xuất Hà Nội đề nghị các doanh nghiệp đăng ký tham gia.", ["các doanh nghiệp"], ["Ban quản lý Các khu công nghiệp và chế xuất Hà Nội"]],
  ])("%s", (s, leads, requester) => {
    expect(read(s)?.leads).toEqual(leads);
    expect(read(s)?.requester).toEqual(requester);
  });
  it("a collective asking the bodies under it still leads ('UBND các huyện yêu cầu UBND xã …', 'Các Sở đề nghị …')", () => {
    expect(read("UBND các huyện, thị xã yêu cầu UBND các xã thực hiện kiểm tra.")?.leads).toEqual(["UBND các huyện, thị xã"]);
    expect(read("Các Sở, ngành đề nghị các đơn vị trực thuộc thực hiện kiểm tra.")?.leads).toEqual(["Các Sở, ngành"]);
  });
});

describe("a body that asks after its own work in the same clause is the requester; those it asks lead", () => {
  it.each([
    ["UBND tỉnh chuyển đơn, yêu cầu Chủ tịch UBND huyện Lập Thạch khẩn trương thực hiện ý kiến chỉ đạo.", ["Chủ tịch UBND huyện Lập Thạch"], ["UBND tỉnh"]],
    ["BHXH Việt Nam xây dựng chỉ tiêu thống kê theo mẫu gửi kèm và yêu cầu BHXH các tỉnh, thành phố thực hiện:", ["BHXH các tỉnh, thành phố"], ["BHXH Việt Nam"]],
    ["Sở Y tế đã tổ chức kiểm tra, đồng thời đề nghị UBND các huyện chỉ đạo các xã rà soát.", ["UBND các huyện"], ["Sở Y tế"]],
    // A body that agrees and then assigns: "đồng ý, giao (cho) X …" gives X the work.
    ["Theo đó UBND tỉnh đồng ý, giao cho UBND thành phố Vũng Tàu tổ chức lập đồ án quy hoạch.", ["UBND thành phố Vũng Tàu"], ["UBND tỉnh"]],
    ["Ban Thường vụ Tỉnh ủy đồng ý về chủ trương và giao Ban Cán sự Đảng UBND tỉnh tiếp thu ý kiến.", ["Ban Cán sự Đảng UBND tỉnh"], ["Ban Thường vụ Tỉnh ủy"]],
  ])("%s", (s, leads, requester) => {
    expect(read(s)?.leads).toEqual(leads);
    expect(read(s)?.requester).toEqual(requester);
    expect(read(s)?.requested).toBe(true);
  });
  it("not the noun ('theo yêu cầu của …'), nor past the clause, nor a collective told to ask", () => {
    expect(read("Sở Y tế tổng hợp các ý kiến, yêu cầu của cử tri để báo cáo UBND tỉnh.")?.leads).toEqual(["Sở Y tế"]);
    expect(read("Sở Y tế tổng hợp số liệu; yêu cầu UBND các huyện báo cáo.")?.leads).toEqual(["Sở Y tế"]);
    expect(read("UBND các huyện rà soát, yêu cầu UBND các xã báo cáo kết quả.")?.leads).toEqual(["UBND các huyện"]);
  });
});

describe("a place asked by its proper name is its government, the one asked", () => {
  it.each([
    ["Qua giám sát, Thường trực HĐND huyện đề nghị xã Hòa Chính cần tiếp tục chủ động khai thác các nguồn thu.", ["xã Hòa Chính"]],
    ["UBND huyện yêu cầu thị trấn Phước Cát khẩn trương khắc phục.", ["thị trấn Phước Cát"]],
  ])("%s", (s, leads) => {
    expect(read(s)?.leads).toEqual(leads);
    expect(read(s)?.requested).toBe(true);
  });
  it("not a place in lower case without a name ('đề nghị xã tăng cường …' is no named body)", () => {
    expect(read("UBND huyện đề nghị xã tăng cường kiểm tra.")?.leads ?? []).not.toContain("xã tăng cường kiểm tra");
  });
});

describe("a page's opening actor is found with the abbreviation it brackets inside its name", () => {
  it("'Hội đồng nghĩa vụ Quân sự (NVQS) huyện Ninh Sơn tổ chức cuộc họp …' is the page's issuer, not a task", () => {
    const text = "Ngày 31-10, Hội đồng nghĩa vụ Quân sự (NVQS) huyện Ninh Sơn tổ chức cuộc họp đánh giá công tác chuẩn bị thực lực. Hội đồng NVQS huyện đã giao xã Ma Nới chuẩn bị 8 chỉ tiêu.";
    const tasks = readDispatch(text, { refDate: "2026-01-15" }).tasks.filter((t) => t.assignees.length);
    expect(tasks.map((t) => t.assignees.map((a) => a.name))).toEqual([["xã Ma Nới"]]);
  });
});

describe("the partners after 'chủ trì cùng (với)' coordinate, as after 'phối hợp với'", () => {
  it.each([
    ["Bộ Tài chính chủ trì cùng Bộ Xây dựng và các bộ, ngành liên quan rà soát, đánh giá đề xuất thưởng.", ["Bộ Xây dựng", "các bộ, ngành liên quan"]],
    ["Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, cùng với các Sở, ngành, địa phương và đơn vị liên quan kiểm tra.", ["các Sở, ngành, địa phương và đơn vị liên quan"]],
    ["Bộ Nông nghiệp và Phát triển nông thôn, Bộ Tài chính phốihợp với Ủy ban nhân dân các tỉnh hướng dẫn.", ["Ủy ban nhân dân các tỉnh"]],
  ])("%s", (s, want) => expect(coordinatorsIn(s)).toEqual(want));
  it("not 'cùng' elsewhere ('… cùng tham gia', 'cùng với đó') nor a lead that leads alone", () => {
    expect(coordinatorsIn("Sở Y tế chủ trì tổ chức hội nghị, các đơn vị cùng tham gia.")).toEqual([]);
    expect(coordinatorsIn("Cùng với đó, Sở Y tế chủ trì kiểm tra.")).toEqual([]);
  });
});

describe("after a basis clause whose noun phrase holds commas, a collective running into its verb is the subject", () => {
  it.each([
    ["Trên cơ sở các Nghị định của Chính phủ về phân cấp, phân quyền, các Bộ, cơ quan ngang Bộ thực hiện rà soát, có Kế hoạch đề xuất sửa đổi.", ["các Bộ, cơ quan ngang Bộ"]],
    ["Căn cứ hướng dẫn về tổ chức, hoạt động, các xã, phường tiến hành rà soát.", ["các xã, phường"]],
  ])("%s", (s, want) => expect(read(s)?.leads).toEqual(want));
  it("not a list of work after another opener ('Đồng thời, …, các cuộc vận động do Mặt trận Tổ quốc, các tổ chức … phát động')", () => {
    expect(read("Đồng thời, thực hiện có hiệu quả phong trào thi đua gắn với xây dựng nông thôn mới, các cuộc vận động do Mặt trận Tổ quốc, các tổ chức chính trị-xã hội phát động.")?.leads ?? []).toEqual([]);
  });
});

describe("the issuer's leaders speak for it: what they direct is the issuer's request", () => {
  it("'Lãnh đạo UBND huyện chỉ đạo các ngành chuyên môn …' in a page of UBND huyện Tháp Mười", () => {
    const text = "UBND huyện Tháp Mười họp thường kỳ tháng 8\nNgày 5/9/2020, UBND huyện Tháp Mười tổ chức họp thường kỳ tháng 8 năm 2020.\nLãnh đạo UBND huyện chỉ đạo các ngành chuyên môn vận động nông dân thực hiện giản vụ.";
    const tasks = readDispatch(text, { refDate: "2026-01-15" }).tasks.filter((t) => t.assignees.length);
    expect(tasks.map((t) => t.assignees.map((a) => a.name))).toEqual([["các ngành chuyên môn"]]);
  });
});

describe("families asked by a school are the ones asked, as parents are", () => {
  it.each([
    ["Trong thời gian học sinh ở nhà, nhà trường đề nghị gia đình tăng cường quản lý học sinh.", ["gia đình"]],
    ["Nhà trường đề nghị các gia đình thường xuyên nhắc nhở con em.", ["các gia đình"]],
  ])("%s", (s, want) => expect(read(s)?.leads).toEqual(want));
});
describe("families are never a partner body", () => {
  it("'phối hợp với gia đình' names no coordinate", () => expect(coordinatorsIn("Sở Giáo dục và Đào tạo phối hợp với gia đình quản lý học sinh.")).toEqual([]));
});
