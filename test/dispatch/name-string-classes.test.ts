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

describe("the clause that says which members of a collective are meant", () => {
  it.each([
    ["Các đơn vị quản lý khai thác được giao quản lý công trình thủy lợi vận hành an toàn.", ["Các đơn vị quản lý khai thác được giao quản lý công trình thủy lợi"]],
    ["Thủ trưởng các Hội, Đoàn thể được giao dự toán ngân sách nhà nước chịu trách nhiệm thi hành.", ["Thủ trưởng các Hội, Đoàn thể được giao dự toán ngân sách nhà nước"]],
    ["Đề nghị các CĐ cơ sở chưa tham gia, tùy điều kiện, tiến hành đóng góp.", ["các CĐ cơ sở chưa tham gia"]],
  ])("%s", (sentence, want) => {
    expect(names(sentence.replace(/^Đề nghị /u, ""))).toEqual(want);
  });
  it("but a passive 'được giao' with a task to do is the predicate ('… được giao rà soát …')", () => {
    expect(names("UBND các quận, huyện được giao rà soát, phân định rõ trách nhiệm.")).toEqual(["UBND các quận, huyện"]);
  });
  it("and a named unit's 'được' is its verb", () => {
    expect(names("Sở Y tế được giao nhiệm vụ chủ trì.")).toEqual(["Sở Y tế"]);
  });
});

describe("more predicates no name holds", () => {
  it.each([
    ["Thủ trưởng các đơn vị trực thuộc Sở bằng các biện pháp nhanh nhất thông tin nội dung này.", ["Thủ trưởng các đơn vị trực thuộc Sở"]],
    ["Các đơn vị vệ sinh phòng làm việc trước khi nghỉ.", ["Các đơn vị"]],
  ])("%s", (sentence, want) => {
    expect(names(sentence)).toEqual(want);
  });
  it("but 'Đồng bằng' and a field of hygiene stay in the name", () => {
    expect(names("Ban Chỉ đạo Tây Nam Bộ và các tỉnh Đồng bằng sông Cửu Long triển khai.")[1]).toBe("các tỉnh Đồng bằng sông Cửu Long");
    expect(names("Ban Chỉ đạo liên ngành vệ sinh an toàn thực phẩm tỉnh chủ trì.")).toEqual(["Ban Chỉ đạo liên ngành vệ sinh an toàn thực phẩm tỉnh"]);
  });
});

describe("lists of same-tier kinds and named places", () => {
  it.each([
    ["Các Chi, Đảng bộ cơ sở tổ chức tuyên truyền.", ["Các Chi, Đảng bộ cơ sở"]],
    ["Các nhà trường, cơ sở giáo dục khẩn trương dọn vệ sinh.", ["Các nhà trường, cơ sở giáo dục"]],
    ["Chủ tịch UBND huyện Hải Hậu, huyện Xuân Trường chịu trách nhiệm thi hành.", ["Chủ tịch UBND huyện Hải Hậu", "Chủ tịch UBND huyện Xuân Trường"]],
  ])("%s", (sentence, want) => {
    expect(names(sentence)).toEqual(want);
  });
  it("'chi' is a kind only as a whole item ('chi nhánh' is not)", () => {
    expect(names("Các Chi nhánh, Phòng Giao dịch triển khai.")).not.toEqual(["Các Chi nhánh, Phòng Giao dịch"]);
  });
});

describe("where a subject ends before its predicate", () => {
  it.each([
    ["Chủ tịch UBND xã Tam Hiệp cho tạm ngừng hoạt động chợ kể từ 9 giờ.", ["Chủ tịch UBND xã Tam Hiệp"]],
    ["Mỗi chi bộ có ít nhất 01 bài thi.", ["Mỗi chi bộ"]],
    ["UBND huyện đảo Hoàng Sa phối hợp thực hiện.", ["UBND huyện đảo Hoàng Sa"]],
    ["3 bộ, ngành chủ quản khẩn trương giải ngân.", ["3 bộ, ngành chủ quản"]],
  ])("%s", (sentence, want) => {
    expect(names(sentence)).toEqual(want);
  });
  it("but 'có liên quan' after 'mỗi' still qualifies it", () => {
    expect(names("Mỗi đơn vị có liên quan báo cáo.")).toEqual(["Mỗi đơn vị có liên quan"]);
  });
});

describe("a unit or force named by its field", () => {
  it.each([
    ["Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo.", ["Cục Kết cấu hạ tầng xây dựng"]],
    ["Tổ QLĐT phường, lực lượng bảo vệ dân phố tổ chức ra quân.", ["Tổ QLĐT phường", "lực lượng bảo vệ dân phố"]],
    ["Các cơ quan tham mưu, giúp việc Tỉnh ủy theo dõi, đôn đốc.", ["Các cơ quan tham mưu, giúp việc Tỉnh ủy"]],
  ])("%s", (sentence, want) => {
    expect(names(sentence)).toEqual(want);
  });
  it("but advising is the predicate when no 'giúp việc' follows", () => {
    expect(names("Các cơ quan tham mưu cho UBND tỉnh.")).toEqual(["Các cơ quan"]);
  });
});

describe("kinds of the same tier sharing where they belong", () => {
  it("'các Tỉnh ủy, Thành ủy, Đảng ủy trực thuộc Trung ương' is one collective", () => {
    expect(names("Các Tỉnh ủy, Thành ủy, Đảng ủy trực thuộc Trung ương chỉ đạo thực hiện.")).toEqual(["Các Tỉnh ủy, Thành ủy, Đảng ủy trực thuộc Trung ương"]);
  });
  it("but a named unit after the collective is its own body", () => {
    expect(names("Các Tỉnh ủy, Thành ủy, Đảng ủy Khối Doanh nghiệp chỉ đạo thực hiện.")).toEqual(["Các Tỉnh ủy, Thành ủy", "Đảng ủy Khối Doanh nghiệp"]);
  });
});
