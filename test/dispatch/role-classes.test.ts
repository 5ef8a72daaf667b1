/**
 * Phrase tests for classes of role misses (session 19, rrole): which bodies a sentence makes responsible and in which
 * role — the body asking is not an assignee, those it asks are. Each row is a general shape of administrative prose,
 * with negative cases beside it.
 */
import { describe, expect, it } from "vitest";
import { leadsOfSentence } from "../../src/dispatch/roles.js";

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
