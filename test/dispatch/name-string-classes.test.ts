/**
 * Phrase tests for where an assignee's name starts and ends: words that are verbs elsewhere but nouns inside a name,
 * quoted titles of the work a body runs, glued words, and clauses that qualify a collective.
 */
import { describe, expect, it } from "vitest";
import { leadsOfSentence } from "../../src/dispatch/roles.js";
import { readList, splitList } from "../../src/dispatch/bodies.js";

const leads = (s: string) => leadsOfSentence(s)?.leads ?? [];
const names = (s: string) => splitList(readList(s).list);

describe("a verb-like word inside a compound noun of a name does not end it", () => {
  it.each([
    ["Văn phòng Điều phối Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh chủ trì tổng hợp.", ["Văn phòng Điều phối Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh"]],
    ["Đội Thanh tra xây dựng quận kiểm tra công trình.", ["Đội Thanh tra xây dựng quận"]],
    ["Ban Chỉ đạo cuộc vận động tỉnh hướng dẫn các xã.", ["Ban Chỉ đạo cuộc vận động tỉnh"]],
  ])("%s", (sentence, want) => {
    expect(names(sentence)).toEqual(want);
  });
  it("but the verb after a plain name still ends it", () => {
    expect(names("Sở Xây dựng trình UBND tỉnh phê duyệt.")).toEqual(["Sở Xây dựng"]);
    expect(names("UBND các xã xây dựng kế hoạch.")).toEqual(["UBND các xã"]);
    expect(names("Ban Chỉ đạo vận động nhân dân tham gia.")).toEqual(["Ban Chỉ đạo"]);
  });
  it("a word glued to the noun after it is read with the name before it ('Ban chỉđạo')", () => {
    expect(names("Thành viên Ban chỉđạo phòng chống dịch bệnh của tỉnh chịu trách nhiệm thi hành.")).toEqual(["Thành viên Ban chỉ đạo phòng chống dịch bệnh của tỉnh"]);
  });
});

describe("the quoted title of the campaign or scheme a body runs is part of its name", () => {
  it.each([
    ['Trưởng Ban Chỉ đạo cuộc vận động "Toàn dân đoàn kết xây dựng đời sống văn hóa" tỉnh chịu trách nhiệm thi hành.', ['Trưởng Ban Chỉ đạo cuộc vận động "Toàn dân đoàn kết xây dựng đời sống văn hóa" tỉnh']],
    ["Ban Điều hành Đề án “Bảo tồn văn hóa các dân tộc thiểu số” trên địa bàn tỉnh chủ trì.", ["Ban Điều hành Đề án “Bảo tồn văn hóa các dân tộc thiểu số” trên địa bàn tỉnh"]],
  ])("%s", (sentence, want) => {
    expect(names(sentence)).toEqual(want);
  });
  it("a quotation after a body's plain name is not its name", () => {
    expect(names("Sở Y tế “khẩn trương” triển khai.")).toEqual(["Sở Y tế"]);
  });
});

describe("the clause qualifying a collective", () => {
  it("'xảy ra' is one word: the risk the places face goes on the name", () => {
    expect(leads("Các xã, thị trấn có nguy cơ xảy ra sạt lở núi, ngập lụt và các khu nhà cũ, xuống cấp theo danh sách báo cáo khẩn trương di dời.")).toEqual([
      "Các xã, thị trấn có nguy cơ xảy ra sạt lở núi, ngập lụt và các khu nhà cũ, xuống cấp",
    ]);
  });
  it("but a new 'các' that heads a body after such a clause is another body", () => {
    expect(names("Các hộ dân có nhà ở ven sông và các trường học triển khai.")).toEqual(["Các hộ dân có nhà ở ven sông", "các trường học"]);
  });
});

describe("a kind named once before the colon ('Thủ trưởng các ngành: …')", () => {
  it("names each unit of that kind with the head's title", () => {
    expect(names("Thủ trưởng các ngành: Nông nghiệp và PTNT, Y tế chịu trách nhiệm thi hành.")).toEqual(["Thủ trưởng Ngành Nông nghiệp và PTNT", "Thủ trưởng Ngành Y tế"]);
  });
});

describe("a unit named by the service it gives, and predicates no name holds", () => {
  it.each([
    ["Ban Chỉ huy Quân sự huyện phối hợp với đơn vị nhận quân làm tốt công tác bàn giao.", "đơn vị nhận quân"],
    ["Phối hợp với đơn vị cung cấp dịch vụ công nghệ thông tin căn cứ quy trình nội bộ.", "đơn vị cung cấp dịch vụ công nghệ thông tin"],
  ])("%s", (sentence, want) => {
    expect(names(sentence.slice(sentence.indexOf("đơn vị")))).toEqual([want]);
  });
  it.each([
    ["UBND quận Ninh Kiều công bố thông tin cho nhà đầu tư.", ["UBND quận Ninh Kiều"]],
    ["Viện Văn hóa, Nghệ thuật Việt Nam có nhiệm vụ phối hợp với Cục Di sản.", ["Viện Văn hóa, Nghệ thuật Việt Nam"]],
  ])("%s", (sentence, want) => {
    expect(names(sentence)).toEqual(want);
  });
  it("but the units that receive a dispatch still act ('các đơn vị nhận được văn bản …')", () => {
    expect(names("Các đơn vị nhận được văn bản này triển khai ngay.")).toEqual(["Các đơn vị"]);
  });
});

describe("an abbreviation glued to the word after it", () => {
  it.each([
    ["Chánh Văn phòng UBNDtỉnh; Giám đốc Sở Tài chính chịu trách nhiệm thi hành.", ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính"]],
    ["Chủ tịch UBNDcác huyện, thành phố chịu trách nhiệm thi hành.", ["Chủ tịch UBND các huyện, thành phố"]],
  ])("%s", (sentence, want) => {
    expect(names(sentence)).toEqual(want);
  });
});

describe("an office listed before another that names its places", () => {
  it("shares places counted instead of 'các' ('Đảng ủy, UBND 14 phường')", () => {
    expect(names("Đảng ủy, UBND 14 phường và các phòng, ban, đơn vị nghiêm túc thực hiện.")).toEqual(["Đảng ủy 14 phường", "UBND 14 phường", "các phòng, ban, đơn vị"]);
  });
  it("the places after the colon when another addressee follows the ';'", () => {
    expect(names("Chủ tịch UBND các huyện: Giao Thuỷ, Xuân Trường; Giám đốc Sở Tài chính thực hiện.")).toEqual(["Chủ tịch UBND các huyện: Giao Thuỷ, Xuân Trường", "Giám đốc Sở Tài chính"]);
  });
});
