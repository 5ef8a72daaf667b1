/**
 * Phrase tests for classes of assignee misses found on the real fixtures (notes: which bodies a sentence asks, and
 * when a generic addressee stands for the Kính gửi recipients). Each row is a general shape of administrative prose,
 * with negative cases beside it.
 */
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { coordinatorsIn, leadsIn, leadsOfSentence, sentences } from "../../src/dispatch/roles.js";
import { splitList } from "../../src/dispatch/bodies.js";
import * as bodies from "../../src/dispatch/bodies.js";

const read = (text: string) => readDispatch(text, { refDate: "2026-01-15" });
const leads = (s: string) => leadsOfSentence(s)?.leads ?? [];
const names = (text: string) => read(text).tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => `${a.role}:${a.name}`));

describe("the object of a request whose head noun the lexicon does not know", () => {
  it.each([
    ["Thường trực Hội Chữ thập đỏ Quận 4 đề nghị các cơ sở Hội trực thuộc, Chủ tịch Hội Chữ thập đỏ 41 trường học thực hiện như sau:", ["các cơ sở Hội trực thuộc", "Chủ tịch Hội Chữ thập đỏ 41 trường học"]],
    ["Trung tâm Văn hóa Quận 9 đề nghị Phó Chủ tịch Văn xã Ủy ban nhân dân 13 phường đôn đốc thực hiện.", ["Phó Chủ tịch Văn xã Ủy ban nhân dân 13 phường"]],
    ["Đề nghị các ông xóm trưởng báo cáo kịp thời về Ban chỉ đạo xã.", ["các ông xóm trưởng"]],
    // "CĐ": công đoàn, as unions write their own tiers.
    ["CĐ Viên chức đề nghị các CĐ cơ sở tiến hành đóng góp trước ngày 15-11.", ["các CĐ cơ sở"]],
    ["Các CĐ cơ sở xét chọn những trường hợp có gia đình bị ảnh hưởng.", ["Các CĐ cơ sở"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });

  it("is not the work asked for ('đề nghị các nội dung …', 'yêu cầu tăng cường …') nor the body asking", () => {
    expect(leads("UBND tỉnh đề nghị các nội dung sau được triển khai ngay.")).not.toContain("các nội dung sau được triển khai ngay");
    expect(leads("Sở Y tế đề nghị tăng cường kiểm tra.")).not.toContain("tăng cường kiểm tra");
    expect(leads("Trung tâm Văn hóa Quận 9 đề nghị Phó Chủ tịch Văn xã Ủy ban nhân dân 13 phường đôn đốc thực hiện.")).not.toContain("Trung tâm Văn hóa Quận 9");
  });
});

describe("a generic addressee stands for the Kính gửi recipients", () => {
  const letter = (request: string) =>
    `BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 3059/BTNMT-TCBHĐVN\nHà Nội, ngày 21 tháng 08 năm 2009\nKính gửi: Sở Tài nguyên và Môi trường Quảng Nam\n\nĐể kịp trình Thủ tướng Chính phủ ban hành Quyết định, Bộ Tài nguyên và Môi trường gửi kèm dự thảo Đề án.\n${request}\nNơi nhận:\n- Như trên;`;
  it.each([
    "Đề nghị Quý cơ quan góp ý kiến bằng văn bản gửi về Bộ trước ngày 30 tháng 8 năm 2009.",
    "Bộ Tài nguyên và Môi trường đề nghị các đơn vị tham gia ý kiến bằng văn bản trước ngày 30 tháng 8 năm 2009.",
    "Kính đề nghị các đồng chí góp ý kiến bằng văn bản trước ngày 30 tháng 8 năm 2009.",
  ])("%s", (request) => {
    expect(names(letter(request))).toEqual([["lead:Sở Tài nguyên và Môi trường Quảng Nam"]]);
  });

  it("but a named body asked is the assignee, not the recipient", () => {
    expect(names(letter("Đề nghị Tổng cục Biển và Hải đảo Việt Nam tổng hợp ý kiến trước ngày 30 tháng 8 năm 2009."))).toEqual([["lead:Tổng cục Biển và Hải đảo Việt Nam"]]);
  });
});

describe("a closing sentence asking the same bodies again", () => {
  const body = "Phòng Giáo dục đề nghị Hiệu trưởng các trường Tiểu học thực hiện như sau:\n- Tuyên truyền cho học sinh xem phim.\n- Báo cáo kết quả trước ngày 20/5/2016.\n";
  it("restating the work ('… thực hiện đảm bảo các nội dung trên') is not a second task", () => {
    expect(names(`${body}Đề nghị Hiệu trưởng các trường Tiểu học thực hiện đảm bảo các nội dung trên.`)).toHaveLength(1);
  });
  it("adding work after the back-reference ('…, tổng hợp và báo cáo … trước ngày …') is a task of its own", () => {
    expect(names(`${body}Nhận được công văn này, Phòng Giáo dục đề nghị Hiệu trưởng các trường Tiểu học triển khai các nội dung trên, tổng hợp và báo cáo trước ngày 30/5/2016.`)).toHaveLength(2);
  });
});

describe("verbs that end a name the lexicon did not know", () => {
  it.each([
    ["Cục Thống kê có nhiệm vụ chủ trì tổ chức triển khai cuộc điều tra.", ["Cục Thống kê"]],
    ["Đoàn Thanh niên ở khu vực đô thị có nhiệm vụ tổ chức ra quân.", ["Đoàn Thanh niên ở khu vực đô thị"]],
    ["Đề nghị các Trung tâm hàng năm chỉ thực hiện 02 kỳ báo cáo.", ["các Trung tâm"]],
    ["Người đứng đầu cơ quan, đơn vị trực tiếp truyền đạt Nghị quyết.", ["Người đứng đầu cơ quan, đơn vị"]],
    ["Đề nghị các hộ kinh doanh cảnh giác với các hành vi giả mạo.", ["các hộ kinh doanh"]],
    ["Phòng Lao động huyện Bến Lức kết hợp chi trả trợ cấp.", ["Phòng Lao động huyện Bến Lức"]],
    ["Đề nghị các xã, thị trấn hạn chế tổ chức các hoạt động ngoài trời.", ["các xã, thị trấn"]],
    ["Tổng công ty Cảng hàng không Việt Nam chủ trì thực hiện.", ["Tổng công ty Cảng hàng không Việt Nam"]],
    ["UBND các phường, xã, khuyến cáo người dân hạn chế ra ngoài.", ["UBND các phường, xã"]],
    ["Đề nghị các Bộ, ngành, cơ quan liên quan và tham khảo ý kiến các chuyên gia.", ["các Bộ, ngành, cơ quan liên quan"]],
    ["Đề nghị các đơn vị quản lý hạ tầng có các biện pháp bảo đảm an toàn.", ["các đơn vị quản lý hạ tầng"]],
    ["Tổ quản lý do Phó Chủ tịch UBND huyện làm Tổ trưởng.", ["Tổ quản lý"]],
    ["Sở Giáo dục các tỉnh từ Quảng Ngãi trở ra chủ động ứng phó.", ["Sở Giáo dục các tỉnh từ Quảng Ngãi trở ra"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });

  it("keeps 'có' that qualifies a collective", () => {
    expect(leads("Các xã, thị trấn có nguy cơ sạt lở tổ chức di dời dân.")).toEqual(["Các xã, thị trấn có nguy cơ sạt lở"]);
    expect(leads("Đề nghị các đơn vị có liên quan thực hiện.")).toEqual(["các đơn vị có liên quan"]);
  });

  it("a body speaking ('rất mong', 'lấy ý kiến', 'đồng ý', 'có Công văn số …') gives no task", () => {
    expect(names("Sở Công thương rất mong sự quan tâm, phối hợp của Quý đơn vị.")).toEqual([]);
    expect(names("Thường trực Thành ủy đồng ý chủ trương tổ chức lễ kỷ niệm.")).toEqual([]);
    // What a body has not yet done is the situation the letter explains.
    expect(names("Đồng thời, Bộ Tài chính chưa ban hành Thông tư sửa đổi, bổ sung Thông tư số 101/2018.")).toEqual([]);
    expect(names("Ngày 05/3/2012, UBND huyện Nam Đông có Công văn số 50/UBND-NN về việc thu hoạch lòng hồ.")).toEqual([]);
  });
});

describe("an office over a collective, elided kinds and places under one office", () => {
  it.each([
    ["Ban Thường vụ các huyện ủy, thị ủy, Thành ủy Huế", ["Ban Thường vụ các huyện ủy, thị ủy, Thành ủy Huế"]],
    ["ban dân vận các tỉnh ủy, thành ủy, Đảng ủy trực thuộc trung ương", ["ban dân vận các tỉnh ủy, thành ủy, Đảng ủy trực thuộc trung ương"]],
    ["các tỉnh, thành đoàn và đoàn trực thuộc", ["các tỉnh, thành đoàn và đoàn trực thuộc"]],
    ["UBND xã Ea Bông, Bình Hòa, thị trấn Buôn Trấp", ["UBND xã Ea Bông", "UBND xã Bình Hòa", "UBND thị trấn Buôn Trấp"]],
    // A named unit of another kind under the collective's head noun, or another tier, is a body of its own.
    ["Ban Chấp hành các Đoàn Viện, liên chi đoàn, chi đoàn, Đoàn trường THPT Chuyên", ["Ban Chấp hành các Đoàn Viện, liên chi đoàn, chi đoàn", "Đoàn trường THPT Chuyên"]],
    ["UBND các xã, thị trấn, Công an huyện", ["UBND các xã, thị trấn", "Công an huyện"]],
    ["các doanh nghiệp, ban cán sự các thôn", ["các doanh nghiệp", "ban cán sự các thôn"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("requests after an opener or a topic phrase", () => {
  it.each([
    ["Nhận được tài liệu này, đề nghị Sở Văn hóa, Thể thao và Du lịch tuyên truyền rộng rãi.", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["Các nội dung khác liên quan, yêu cầu Ban Tuyên giáo các huyện ủy thực hiện theo Hướng dẫn số 17-HD/BTGTU.", ["Ban Tuyên giáo các huyện ủy"]],
    ["Trường hợp xảy ra vụ việc nghiêm trọng, yêu cầu thủ trưởng các cơ quan, đơn vị báo cáo ngay.", ["thủ trưởng các cơ quan, đơn vị"]],
    ["Cùng với đó, Huyện ủy Hòa Vang chỉ đạo các cấp ủy rà soát.", ["Huyện ủy Hòa Vang"]],
    // After a condition, whoever follows "thì" acts.
    ["Trường hợp các hộ dân không bố trí được nơi tạm lánh thì Ủy ban nhân dân các xã, thị trấn bố trí nơi ở tạm.", ["Ủy ban nhân dân các xã, thị trấn"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });

  it("the subject of a condition is not asked ('Nếu quá thời hạn, các Sở … không gửi ý kiến thì …')", () => {
    expect(leads("Nếu quá thời hạn nêu trên, các Sở, ngành có liên quan không gửi ý kiến đóng góp thì xem như đã thống nhất.")).toEqual([]);
  });

  it("a topic phrase before a bare list of bodies is still not a request", () => {
    expect(leads("Các nội dung khác liên quan, Sở Y tế, Sở Tài chính.")).toEqual([]);
  });

  it("numbered items with no body after 'X ban hành văn bản yêu cầu Y …:' are Y's", () => {
    const r = read("Ngày 9/11, UBND tỉnh ban hành văn bản yêu cầu các sở, ban, ngành, UBND các huyện, thị xã chủ động ứng phó với cơn bão số 6:\n1. Khẩn trương triển khai thực hiện nghiêm các nội dung chỉ đạo.\n2. Theo dõi chặt chẽ diễn biến cơn bão.");
    expect(r.tasks.map((t) => t.assignees.map((a) => a.name))).toEqual([["các sở, ban, ngành", "UBND các huyện, thị xã"], ["các sở, ban, ngành", "UBND các huyện, thị xã"]]);
  });
});

describe("the issuer directing bodies, and premises standing for bodies", () => {
  it("'UBND tỉnh đã chỉ đạo X …' in prose is the issuer asking X", () => {
    const r = read("UBND TỈNH QUẢNG NAM\nSố: 12/UBND-VX\n\nChào mừng Đại hội Đảng, UBND tỉnh đã chỉ đạo các cơ quan đảng, các sở, ban, ngành treo cờ Tổ quốc.");
    expect(r.tasks.map((t) => t.assignees.map((a) => a.name))).toEqual([["các cơ quan đảng", "các sở, ban, ngành"]]);
  });
  it("but a body that is not the issuer directing others leads, and those it directs are not assignees", () => {
    expect(leads("Sở Y tế chỉ đạo các bệnh viện tăng cường phòng dịch.")).toEqual(["Sở Y tế"]);
    const r = read("UBND TỈNH QUẢNG NAM\nSố: 12/UBND-VX\n\nSở Y tế chỉ đạo các bệnh viện tăng cường phòng dịch.");
    expect(r.tasks.map((t) => t.assignees.map((a) => a.name))).toEqual([["Sở Y tế"]]);
  });
  it("reads past a news source's tag '(Báo Quảng Ngãi)- '", () => {
    expect(leadsOfSentence("(Báo Quảng Ngãi)- Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy, tổ chức đảng tiếp tục thực hiện nghiêm Chỉ thị số 31-CT/TU.")?.directed).toEqual(["các cấp ủy", "tổ chức đảng"]);
  });
  it("'Tất cả các trụ sở cơ quan …, trường học, bệnh viện … treo cờ': the bodies housed there", () => {
    expect(leads("Tất cả các trụ sở cơ quan Nhà nước, tổ chức chính trị, lực lượng vũ trang, trường học treo cờ Tổ quốc.")).toEqual(["cơ quan Nhà nước", "tổ chức chính trị", "lực lượng vũ trang", "trường học"]);
    expect(leads("UBND tỉnh thông báo đến tất cả các trụ sở cơ quan Nhà nước, bệnh viện, nơi thờ tự của các tôn giáo treo cờ Tổ quốc.")).toEqual(["cơ quan Nhà nước", "bệnh viện", "nơi thờ tự của các tôn giáo"]);
  });
});

describe("a decision's articles and its execution clause", () => {
  it("'Điều 1:' after '- Căn cứ …' lines is an article, not a sub-item of the last căn cứ", () => {
    const r = read("QUYẾT ĐỊNH\n- Căn cứ Luật tổ chức HĐND và UBND ngày 21/6/1994;\n- Căn cứ Nghị quyết số 12-NQ/TU;\nQUYẾT ĐỊNH\nĐiều 1: Phê duyệt chương trình chăm sóc sức khoẻ.\nĐiều 2: Giao cho Sở Y tế tổ chức triển khai thực hiện tốt chương trình.\nĐiều 3: Quyết định có hiệu lực sau 15 ngày.\nCác ông (bà): Chánh văn phòng HĐND và UBND tỉnh, Giám đốc Sở Y tế, Chủ tịch UBND các huyện, thị xã căn cứ quyết định thi hành.");
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => [t.ref, t.assignees.map((a) => a.name)])).toEqual([
      ["2", ["Sở Y tế"]],
      ["3", ["Chánh văn phòng HĐND và UBND tỉnh", "Giám đốc Sở Y tế", "Chủ tịch UBND các huyện, thị xã"]],
    ]);
  });
  it.each([
    ["Các ông Chánh văn phòng Uỷ ban nhân dân tỉnh, các sở, ban, ngành, đoàn thể của tỉnh – Uỷ ban nhân dân các huyện, thị xã căn cứ quyết định thi hành.", ["Các ông Chánh văn phòng Uỷ ban nhân dân tỉnh", "các sở, ban, ngành, đoàn thể của tỉnh", "Uỷ ban nhân dân các huyện, thị xã"]],
    // A dash inside a name is not a separator.
    ["Sở Lao động - Thương binh và Xã hội, Đài Phát thanh - Truyền hình tỉnh thực hiện.", ["Sở Lao động - Thương binh và Xã hội", "Đài Phát thanh - Truyền hình tỉnh"]],
    ["Chánh Văn phòng HĐND - UBND huyện chịu trách nhiệm thi hành Quyết định này.", ["Chánh Văn phòng HĐND - UBND huyện"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("units listed after their kind, places after a named unit, and a collective requiring others", () => {
  it.each([
    ["UBND các huyện, thị xã, thành phố Huế; các sở: Xây dựng, Giao thông vận tải, Tài nguyên và Môi trường theo phạm vi chức năng, nhiệm vụ được giao tổ chức triển khai.", ["UBND các huyện, thị xã, thành phố Huế", "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường"]],
    ["UBND các huyện, thị xã yêu cầu UBND các xã, phường thực hiện ngay các giải pháp.", ["UBND các huyện, thị xã"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("a single body making the request is still the requester, not the lead", () => {
    expect(leads("UBND huyện yêu cầu UBND các xã, thị trấn thực hiện ngay các giải pháp.")).toEqual(["UBND các xã, thị trấn"]);
  });
  it("places after a named unit before 'và các đơn vị liên quan' are units of their own", () => {
    expect(splitList("UBND xã Ea Bông, Bình Hòa, thị trấn Buôn Trấp và các đơn vị liên quan")).toEqual(["UBND xã Ea Bông", "UBND xã Bình Hòa", "UBND thị trấn Buôn Trấp", "các đơn vị liên quan"]);
  });
});

describe("a title heads a body the lexicon does not know", () => {
  it("reads 'Giám đốc Vườn quốc gia …', 'Giám đốc các Lâm trường' as bodies", () => {
    expect(splitList("Giám đốc Vườn quốc gia Cát Tiên, Giám đốc các Lâm trường, Thủ trưởng các sở, ban, ngành")).toEqual(["Giám đốc Vườn quốc gia Cát Tiên", "Giám đốc các Lâm trường", "Thủ trưởng các sở, ban, ngành"]);
    expect(leads("Giám đốc Vườn quốc gia Cát Tiên chịu trách nhiệm thi hành Quyết định này.")).toEqual(["Giám đốc Vườn quốc gia Cát Tiên"]);
  });
  it("but a title before a lower-case word, or a bare honorific, is not a body", () => {
    expect(leads("Giám đốc điều hành dự án sẽ báo cáo sau.")).toEqual([]);
    expect(leads("Ông Nguyễn Văn A phát biểu tại hội nghị.")).toEqual([]);
  });
});

describe("units of a school, hospital or commune", () => {
  it.each([
    ["Các khoa phòng đảm bảo đầy đủ thuốc và bố trí nhân lực thường trực.", ["Các khoa phòng"]],
    ["Thường trực Tiểu ban nội dung tổng hợp ý kiến góp ý.", ["Thường trực Tiểu ban nội dung"]],
    ["Cổng thông tin điện tử huyện đăng tải lịch tiếp công dân.", ["Cổng thông tin điện tử huyện"]],
    ["Công đoàn Giáo dục huyện triển khai thực hiện.", ["Công đoàn Giáo dục huyện"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("but not 'khoa học', nor persons by status in what a notice informs", () => {
    expect(leads("Khoa học công nghệ phát triển mạnh.")).toEqual([]);
    expect(leads("Cán bộ, viên chức nghỉ Tết từ ngày 29/01.")).toEqual([]);
  });
  it("an office over a collective goes on only with kinds of the same known tier", () => {
    expect(splitList("trưởng các khoa đào tạo, Ban Giám hiệu Trường THPT Chuyên")).toEqual(["trưởng các khoa đào tạo", "Ban Giám hiệu Trường THPT Chuyên"]);
  });
});

describe("names that hold a verb-like word, and a capitalised verb", () => {
  it.each([
    ["UBND tỉnh yêu cầu các đơn vị quản lý hồ chứa thủy điện, thủy lợi vận hành an toàn.", ["các đơn vị quản lý hồ chứa thủy điện, thủy lợi"]],
    ["TP cũng đề nghị các cơ quan quản lý quy hoạch đô thị chỉ cấp giấy phép đúng quy định.", ["các cơ quan quản lý quy hoạch đô thị"]],
    ["Chủ tịch Ủy ban nhân dân huyện Giao Chủ tịch UBND xã Hòa Bình chủ trì thực hiện.", ["Chủ tịch UBND xã Hòa Bình"]],
    ["Sở Giao thông vận tải chủ trì kiểm tra.", ["Sở Giao thông vận tải"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("'quản lý' after another body is its verb", () => {
    expect(leads("UBND các xã quản lý chặt chẽ đất đai.")).toEqual(["UBND các xã"]);
  });
});

describe("a place speaking for its government", () => {
  it.each([
    ["Theo đó, huyện yêu cầu UBND các xã, thị trấn chỉ đạo các thôn phối hợp với Trạm y tế.", ["UBND các xã, thị trấn"]],
    ["Tỉnh cũng đề nghị Sở Y tế tăng cường kiểm tra.", ["Sở Y tế"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("but a place that is where something happens is not a requester", () => {
    expect(leads("Huyện có 12 xã bị ảnh hưởng bởi bão.")).toEqual([]);
  });
});

describe("leaders of bodies in a list, and an office asking without a person's name", () => {
  it.each([
    ["Ban chỉ đạo yêu cầu Chủ tịch UBND các tỉnh, lãnh đạo các Bộ, ngành thành viên Ban chỉ đạo quốc gia chỉ đạo quyết liệt.", ["Chủ tịch UBND các tỉnh", "lãnh đạo các Bộ, ngành thành viên Ban chỉ đạo quốc gia"]],
    ["Theo đó, Thủ tướng Chính phủ yêu cầu Bộ trưởng Bộ Công an, Bộ trưởng Bộ Giao thông Vận tải thực hiện nghiêm Chỉ thị.", ["Bộ trưởng Bộ Công an", "Bộ trưởng Bộ Giao thông Vận tải"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("'lãnh đạo' right after a body is still its verb", () => {
    expect(leads("Đảng đoàn MTTQ tỉnh lãnh đạo Ủy ban MTTQ tỉnh tổ chức hội nghị.")).toEqual(["Đảng đoàn MTTQ tỉnh"]);
  });
});

describe("news openers, adverbs after the request verb, and a body reporting its own letter", () => {
  it.each([
    ["Ban Thường vụ Thành ủy yêu cầu trước mắt các cấp ủy, tổ chức Đảng tập trung lãnh đạo.", ["các cấp ủy", "tổ chức Đảng"]],
    ["Sáng 2/8, Tỉnh ủy Quảng Ngãi cho biết, đã ban hành công văn yêu cầu các ban cán sự đảng, Mặt trận Tổ quốc Việt Nam thực hiện.", ["các ban cán sự đảng", "Mặt trận Tổ quốc Việt Nam"]],
    ["Sáng 21/10, Ban Chỉ đạo quốc gia về phòng, chống thiên tai có Công văn số 353/VPTT đề nghị Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn các tỉnh ven biển chủ động ứng phó.", ["Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn các tỉnh ven biển"]],
    ["Nhà trường yêu cầu Thủ trưởng các đơn vị, các đoàn thể quần chúng trong trường thông báo chủ trương này.", ["Thủ trưởng các đơn vị", "các đoàn thể quần chúng trong trường"]],
    ["Giao Trung tâm Giáo dục thường xuyên tổ chức trực.", ["Trung tâm Giáo dục thường xuyên"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("'về' after another body still ends its name", () => {
    expect(leads("Sở Y tế về dự họp đầy đủ.")).toEqual(["Sở Y tế"]);
  });
});

describe("residents, premises and the 'các cấp, các ngành' idiom in a list", () => {
  it.each([
    ["cơ quan Nhà nước, bệnh viện, nơi thờ tự của các tôn giáo và nhà ở của Nhân dân trên địa bàn huyện", ["cơ quan Nhà nước", "bệnh viện", "nơi thờ tự của các tôn giáo", "Nhân dân trên địa bàn huyện"]],
    ["các cấp, các ngành, địa phương", ["các cấp, các ngành", "địa phương"]],
    ["người đứng đầu các cơ quan, đơn vị và toàn thể Nhân dân", ["người đứng đầu các cơ quan, đơn vị", "toàn thể Nhân dân"]],
    // Without a premises word or a new head, the list goes on.
    ["các cấp, các ngành", ["các cấp, các ngành"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("the body announcing a notice is its issuer", () => {
  it("'UBND xã … thông báo … như sau:' makes no task of its own; bodies asked below are the assignees", () => {
    const r = read("UBND xã Tiền Tiến thông báo kế hoạch tiêm phòng bệnh dại cho đàn chó cụ thể như sau:\n- Thời gian: từ ngày 6/11 đến ngày 11/11/2023.\nĐề nghị Đài truyền thanh xã thông báo rộng rãi cho nhân dân.\nUBND xã tổ chức kiểm tra việc tiêm phòng.");
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => a.name))).toEqual([["Đài truyền thanh xã"]]);
  });
  it("a body informing others ('thông báo cho X') is not taken for the issuer", () => {
    expect(leads("Sở Y tế thông báo cho các cơ sở khám bệnh thực hiện.")).toEqual(["các cơ sở khám bệnh"]);
  });
  it("a ';' clause asking bodies after the issuer's own action names them", () => {
    const r = read("UBND PHƯỜNG CỰ KHỐI\nSố: 12/TB-UBND\n\n1. UBND phường phát động tổng vệ sinh môi trường; Đề nghị các cơ quan, trường học, tổ dân phố hưởng ứng tham gia.");
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => a.name))).toEqual([["các cơ quan, trường học", "tổ dân phố"]]);
  });
});

describe("a generic addressee in a news sentence that names the recipients", () => {
  it("'… gửi UBND các tỉnh …, đề nghị các địa phương …' asks the recipients", () => {
    expect(leads("Bộ Y tế vừa có công văn khẩn gửi Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương, đề nghị các địa phương chủ động giám sát.")).toEqual(["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]);
  });
  it("a named body asked stays the assignee", () => {
    expect(leads("Bộ Y tế vừa có công văn gửi Ủy ban nhân dân các tỉnh, đề nghị Sở Y tế các tỉnh chủ động giám sát.")).toEqual(["Sở Y tế các tỉnh"]);
  });
});

describe("hard-wrapped text", () => {
  it("a number range wrapped at its dash ('… nhiệm kỳ 2021' / '- 2026') is not a dash item that swallows the items after it", () => {
    const r = read("Thông báo treo cờ Tổ quốc ngày bầu cử nhiệm kỳ 2021\n- 2026\n\nỦy ban nhân dân huyện thông báo như sau:\n\n1. Các trường học, bệnh viện treo cờ Tổ quốc trong 02 ngày.\n\n2. Chủ tịch UBND các xã, thị trấn có trách nhiệm hướng dẫn Nhân dân treo cờ.");
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => t.ref)).toEqual(["1", "2"]);
  });
  it("a real dash item after a full stop stays a dash item", () => {
    const r = read("Đề nghị các đơn vị thực hiện các nội dung sau:\n- 2 lần mỗi tuần báo cáo về Sở Y tế.");
    expect(r.tasks[0]?.text).toContain("2 lần");
  });
});

describe("a bare office sharing the places of the body after it", () => {
  it.each([
    ["UBND, Ban Chỉ huy PCLB và TKCN các xã, thị trấn", ["UBND các xã, thị trấn", "Ban Chỉ huy PCLB và TKCN các xã, thị trấn"]],
    ["UBND, Công an huyện", ["UBND", "Công an huyện"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("partners after 'chỉ đạo' used as a noun or without an object", () => {
  it.each([
    ["Theo chỉ đạo của Thủ tướng Chính phủ, Thứ trưởng yêu cầu Cục Quản lý thị trường chủ trì, phối hợp với các đơn vị liên quan theo dõi sát thị trường.", ["các đơn vị liên quan"]],
    ["Sở yêu cầu chính quyền cơ sở tập trung chỉ đạo và phối hợp với các cơ quan chức năng tuyên truyền.", ["các cơ quan chức năng"]],
    // Directing a body that then partners others: those partners are not the lead's.
    ["UBND huyện chỉ đạo các xã phối hợp với Trạm y tế phun thuốc.", []],
  ])("%s", (sentence, want) => {
    expect(coordinatorsIn(sentence)).toEqual(want);
  });
});

describe("a body or a topic before a colon, then the work", () => {
  it.each([
    ["UBND các huyện, thị xã, thành phố: tuyên truyền, vận động nhân dân lấy nước.", ["UBND các huyện, thị xã, thành phố"], "tuyên truyền"],
    ["Về các lò giết mổ tập trung tại xã Hương Toàn: yêu cầu phòng Quản lý đô thị chủ trì thực hiện.", ["phòng Quản lý đô thị"], "chủ trì"],
    ["Về điều chỉnh vị trí Cụm công nghiệp Bình Điền: UBND xã Bình Điền khẩn trương lập quy hoạch.", ["UBND xã Bình Điền"], "khẩn trương"],
  ])("%s", (sentence, want, verb) => {
    expect(leads(sentence)).toEqual(want);
    expect(leadsOfSentence(sentence)?.verb).toBe(verb);
  });
  it("a heading that is only a body keeps no verb", () => {
    expect(leadsOfSentence("UBND các xã:")?.verb).toBe("");
  });
});

describe("dash items singling out one body of the lead-in", () => {
  const lead = "Sở Nông nghiệp và PTNT đề nghị UBND các huyện, thị xã, thành phố, Công ty TNHH MTV Khai thác công trình thủy lợi thực hiện tốt một số nội dung. Các nội dung chính:\n";
  it("each is that body's own task", () => {
    const r = read(`${lead}- UBND các huyện, thị xã, thành phố: tuyên truyền, vận động nhân dân lấy nước;\n- Công ty TNHH MTV Khai thác công trình thủy lợi: tiếp tục bơm lấy nước phục vụ sản xuất.`);
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => a.name))).toEqual([
      ["UBND các huyện, thị xã, thành phố", "Công ty TNHH MTV Khai thác công trình thủy lợi"],
      ["UBND các huyện, thị xã, thành phố"],
      ["Công ty TNHH MTV Khai thác công trình thủy lợi"],
    ]);
  });
  it("a dash item naming all the lead-in's bodies again stays in its task", () => {
    const r = read("Sở Y tế đề nghị UBND các huyện thực hiện các nội dung sau:\n- UBND các huyện tuyên truyền, vận động nhân dân;\n- Báo cáo kết quả trước ngày 20/5/2021.");
    expect(r.tasks.filter((t) => t.assignees.length)).toHaveLength(1);
  });
});

describe("the sender of a letter, the same body in a new sentence, and a main clause after a recipient", () => {
  it("'X xin gửi tới Quý cơ quan …' makes X the issuer: its own later sentences are not tasks", () => {
    const r = read("Kính gửi: Sở Tài nguyên và Môi trường Quảng Nam\nĐể kịp trình Thủ tướng, Bộ Tài nguyên và Môi trường xin gửi tới Quý cơ quan dự thảo Đề án. Trên cơ sở ý kiến đóng góp, Bộ Tài nguyên và Môi trường sẽ hoàn chỉnh văn bản.\nĐề nghị Quý cơ quan góp ý kiến trước ngày 30 tháng 8 năm 2009.");
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => a.name))).toEqual([["Sở Tài nguyên và Môi trường Quảng Nam"]]);
  });
  it("'X kính gửi Y, xem xét …' in a portal summary gives the addressees of a generic request", () => {
    const r = read("Sở Công thương kính gửi các sở, ngành, xem xét dự thảo và có ý kiến đóng góp.\nSở Công thương đề nghị các cơ quan, đơn vị xem xét dự thảo và có ý kiến đóng góp trước ngày 03/5/2019.");
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => a.name))).toEqual([["các sở, ngành"]]);
  });
  it("a later sentence with the same body as its subject starts a task of its own", () => {
    const r = read("Ban Thường trực Ủy ban MTTQVN các huyện phối hợp với Tổ đại biểu HĐND tỉnh tổ chức lấy ý kiến cử tri. Ban Thường trực Ủy ban MTTQVN các huyện chủ động trao đổi với Tổ đại biểu về thời gian, địa điểm.");
    expect(r.tasks.filter((t) => t.assignees.length)).toHaveLength(2);
  });
  it("a subject that asks after a list of recipients is the main clause", () => {
    expect(leads("Trước khi tham mưu Ủy ban nhân dân tỉnh gửi Bộ Công thương, Sở Công thương đề nghị các cơ quan, đơn vị xem xét dự thảo.")).toEqual(["các cơ quan, đơn vị"]);
  });
});

describe("a second proper name after 'và' under a named unit's head", () => {
  it.each([
    ["Hạt Kiểm lâm rừng đặc dụng Núi Chúa và Phước Bình", ["Hạt Kiểm lâm rừng đặc dụng Núi Chúa", "Hạt Kiểm lâm rừng đặc dụng Phước Bình"]],
    ["UBND xã Quỳnh Vinh và Quỳnh Lộc", ["UBND xã Quỳnh Vinh", "UBND xã Quỳnh Lộc"]],
    // Names that hold "và" stay whole.
    ["Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["Ban Tuyên giáo và Dân vận", ["Ban Tuyên giáo và Dân vận"]],
    ["Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("elided clauses after ';'", () => {
  it("bodies followed by a preposition after ';' are not new leads", () => {
    const r = read("UBND TỈNH X\nSố: 1/UBND\n\n1. Cơ quan, đơn vị trường học báo cáo tình hình trước ngày 10 tháng 4 năm 2023; Phòng Giáo dục và Đào tạo thành phố Thủ Đức và các quận, huyện tại https://bit.ly/mau1; trường THPT, trường phổ thông có nhiều cấp học tại https://bit.ly/mau2.");
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => a.name))).toEqual([["Cơ quan, đơn vị trường học"]]);
  });
  it("a ';' clause with its own body and verb still names a lead", () => {
    const r = read("UBND TỈNH X\nSố: 1/UBND\n\n1. Sở Y tế kiểm tra các cơ sở; Sở Tài chính bố trí kinh phí.");
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => a.name))).toEqual([["Sở Y tế", "Sở Tài chính"]]);
  });
});

describe("generic requests in later paragraphs, and a bare office before another over a collective", () => {
  const letter = (tail: string) => `TỈNH ỦY HÀ TĨNH\nBAN TUYÊN GIÁO\nSố 369-CV/BTGTU\nKính gửi:\n- Các ban, sở, ngành cấp tỉnh;\n- Báo Hà Tĩnh.\n\nHướng tới kỷ niệm 190 năm, Ban Tuyên giáo xây dựng Đề cương tuyên truyền.\n\nNhận được tài liệu này, đề nghị các địa phương, đơn vị tuyên truyền rộng rãi.\n\n${tail}`;
  it("a new paragraph asking them for other work is another implicit task", () => {
    expect(read(letter("Các nội dung khác liên quan, yêu cầu các địa phương, đơn vị thực hiện theo Hướng dẫn số 17-HD/BTGTU.")).tasks.filter((t) => t.implicit)).toHaveLength(2);
  });
  it("a restatement is not", () => {
    expect(read(letter("Đề nghị các đơn vị nghiêm túc thực hiện.")).tasks.filter((t) => t.implicit)).toHaveLength(1);
  });
  it.each([
    ["Thường trực, Ban Tuyên giáo các huyện, thành, thị ủy, đảng ủy trực thuộc", ["Thường trực các huyện, thành, thị ủy, đảng ủy trực thuộc", "Ban Tuyên giáo các huyện, thành, thị ủy, đảng ủy trực thuộc"]],
    ["Văn phòng, Ban Tổ chức Tỉnh ủy", ["Văn phòng", "Ban Tổ chức Tỉnh ủy"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("possessors, 'đồng thời', and a body announcing 'yêu cầu:'", () => {
  it("a list after 'của' is the authors of what is carried out, not the subject", () => {
    expect(leads("Thực hiện chỉ đạo của Ban Tuyên giáo Thành ủy, Thường trực Quận ủy, đồng thời để đẩy mạnh tuyên truyền, Ban Tuyên giáo Quận ủy đề nghị Ủy ban Mặt trận Tổ quốc quận triển khai hưởng ứng.")).toEqual(["Ủy ban Mặt trận Tổ quốc quận"]);
  });
  it("'X yêu cầu:' names who speaks, not who acts", () => {
    const l = leadsOfSentence("Thực hiện Chỉ thị số 02/CT-UBND của Chủ tịch UBND huyện, để đảm bảo tài sản của cơ quan, đơn vị, Chủ tịch UBND huyện yêu cầu:");
    expect(l?.leads).toEqual([]);
    expect(l?.requester).toEqual(["Chủ tịch UBND huyện"]);
  });
});

describe("a bare plural kind stands for the recipients of that kind", () => {
  const letter = (request: string) => `VĂN PHÒNG CHÍNH PHỦ\nSố: 2879/VPCP-ĐMDN\nKính gửi:\n- Bộ Tài chính;\n- Bộ Kế hoạch và Đầu tư;\n- Bộ Tài nguyên và Môi trường.\n\n${request}`;
  it("'đề nghị các Bộ …' asks the ministries in Kính gửi", () => {
    expect(names(letter("Văn phòng Chính phủ đề nghị các Bộ khẩn trương có ý kiến trước ngày 10/5/2021."))).toEqual([["lead:Bộ Tài chính", "lead:Bộ Kế hoạch và Đầu tư", "lead:Bộ Tài nguyên và Môi trường"]]);
  });
  it("a qualified plural ('các Bộ, cơ quan ngang Bộ') is kept as written", () => {
    expect(names(letter("Văn phòng Chính phủ đề nghị các Bộ, cơ quan ngang Bộ khẩn trương có ý kiến."))).toEqual([["lead:các Bộ, cơ quan ngang Bộ"]]);
  });
  it.each([
    ["UBMT TQ Việt Nam tỉnh và các đoàn thể phối hợp với chính quyền địa phương tuyên truyền.", ["UBMT TQ Việt Nam tỉnh", "các đoàn thể"]],
    ["Tỉnh ủy yêu cầu cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy tiếp tục đẩy mạnh thực hiện.", ["cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("persons addressed by title ('các đồng chí …') and abbreviations with VN", () => {
  it.each([
    ["Kính mời các đồng chí lãnh đạo cơ quan, Bí thư chi bộ tham dự.", ["các đồng chí lãnh đạo cơ quan", "Bí thư chi bộ"]],
    ["Thường trực UBMTTQVN phường kính mong các đồng chí lãnh đạo cơ quan góp ý.", ["các đồng chí lãnh đạo cơ quan"]],
    ["Đề nghị các đồng chí đại biểu nghiên cứu tài liệu trước kỳ họp.", ["các đồng chí đại biểu"]],
    ["Đề nghị đồng chí Chủ tịch UBND các xã chỉ đạo thực hiện.", ["đồng chí Chủ tịch UBND các xã"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("a portal headline naming the issuer", () => {
  it("'X hướng dẫn …' (no full stop) over 'Theo đó, …' makes X the issuer, not a lead", () => {
    expect(names("Bộ Nội vụ hướng dẫn thực hiện chế độ báo cáo cải cách hành chính định kỳ\n\nTheo đó, các bộ, cơ quan ngang bộ và UBND các tỉnh xây dựng báo cáo hàng quý, gửi Bộ Nội vụ.")).toEqual([["lead:các bộ, cơ quan ngang bộ", "lead:UBND các tỉnh"]]);
  });
  it("a first sentence with its full stop is not a headline", () => {
    expect(names("Sở Y tế kiểm tra các cơ sở khám bệnh.\n\nTheo đó, UBND các huyện phối hợp kiểm tra.")).toHaveLength(2);
  });
});

describe("the propaganda section of Party committees", () => {
  it("'…; Tuyên huấn các Đảng ủy trực thuộc Tỉnh ủy, …' goes on with the list after ';'", () => {
    expect(leads("Ban Tuyên giáo Tỉnh ủy đề nghị Ban Tuyên giáo các huyện, thị, thành phố; Tuyên huấn các Đảng ủy trực thuộc Tỉnh ủy chỉ đạo tổ chức các hoạt động.")).toEqual(["Ban Tuyên giáo các huyện, thị, thành phố", "Tuyên huấn các Đảng ủy trực thuộc Tỉnh ủy"]);
  });
});

describe("a closing restatement after the items", () => {
  const items = "UBND HUYỆN X\nSố: 1/TB-UBND\n\n1. Các trường học, bệnh viện treo cờ Tổ quốc trong 02 ngày.\n\n2. Chủ tịch UBND các xã, thị trấn có trách nhiệm hướng dẫn Nhân dân treo cờ.\n\n";
  it("'… yêu cầu các phòng, ban, …, UBND các xã thực hiện tốt nội dung Thông báo nêu trên' adds no bodies to the last item", () => {
    const r = read(`${items}Uỷ ban nhân dân huyện yêu cầu các phòng, ban, ngành huyện, Uỷ ban nhân dân các xã, thị trấn thực hiện tốt nội dung Thông báo nêu trên.`);
    expect(r.tasks.filter((t) => t.assignees.length).map((t) => t.assignees.map((a) => a.name))[1]).toEqual(["Chủ tịch UBND các xã, thị trấn"]);
  });
  it("a background line 'X đã xây dựng Kế hoạch thực hiện nội dung trên.' is not a closing", () => {
    const r = read("Thực hiện Chỉ thị của Thủ tướng Chính phủ, UBND tỉnh đã xây dựng Kế hoạch thực hiện nội dung trên.\n\nChủ tịch UBND tỉnh yêu cầu các Sở, Ban, Ngành và UBND các huyện tổ chức triển khai thực hiện nghiêm túc Kế hoạch.");
    expect(r.tasks.filter((t) => t.assignees.length)).toHaveLength(1);
  });
});

describe("the list of bodies asked is read whole", () => {
  it.each([
    ["Để thực hiện tốt công tác tuyên truyền; Sở Thông tin và Truyền thông đề nghị các cơ quan báo chí địa phương, Phòng Văn hóa Thông tin tuyên truyền.", ["các cơ quan báo chí địa phương", "Phòng Văn hóa Thông tin"]],
    ["Công văn cũng yêu cầu Sở Thông tin và Truyền thông cùng các cơ quan báo chí tiến hành tuyên truyền.", ["Sở Thông tin và Truyền thông", "các cơ quan báo chí"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("a second request verb in the clause, 'Đồng thời cũng yêu cầu', 'độc lập'", () => {
  it.each([
    ["Chủ tịch UBND tỉnh đề nghị Nhân dân và yêu cầu các sở, ban, ngành, UBND các huyện, thành phố tiếp tục duy trì các giải pháp.", ["Nhân dân", "các sở, ban, ngành", "UBND các huyện, thành phố"]],
    ["Đồng thời cũng yêu cầu các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện, các Đảng bộ trực thuộc Huyện ủy quan tâm lãnh đạo.", ["các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện", "các Đảng bộ trực thuộc Huyện ủy"]],
    ["Phòng GDĐT yêu cầu các trường mầm non, tiểu học, các nhóm lớp mầm non độc lập thực hiện.", ["các trường mầm non, tiểu học", "các nhóm lớp mầm non độc lập"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("the issuer as a partner", () => {
  it("'… phối hợp với UBND phường' in a letter of UBND phường names no coordinator", () => {
    expect(names("ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA\nSố: 2290/UBND\n\nĐề nghị Trung tâm Công viên cây xanh phối hợp với UBND phường kiểm tra cây xanh.")).toEqual([["lead:Trung tâm Công viên cây xanh"]]);
  });
  it("another body as a partner is still a coordinator", () => {
    expect(names("ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA\nSố: 2290/UBND\n\nĐề nghị Trung tâm Công viên cây xanh phối hợp với Công an phường kiểm tra cây xanh.")).toEqual([["lead:Trung tâm Công viên cây xanh", "coordinate:Công an phường"]]);
  });
});

describe("a generic head described up to its duty", () => {
  it.each([
    ["Đơn vị duy trì vệ sinh môi trường trên địa bàn Quận có trách nhiệm đảm bảo vệ sinh.", ["Đơn vị duy trì vệ sinh môi trường trên địa bàn Quận"]],
    ["Các đơn vị có trách nhiệm báo cáo.", ["Các đơn vị"]],
    ["Đơn vị nào chưa nộp có trách nhiệm nộp ngay.", []],
    ["Sở Y tế tăng cường kiểm tra, có trách nhiệm báo cáo.", ["Sở Y tế"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("a bare generic kind covers the kinds after it", () => {
  it.each([
    ["các đơn vị, trường học", ["các đơn vị, trường học"]],
    ["người đứng đầu các cơ quan, đơn vị, doanh nghiệp", ["người đứng đầu các cơ quan, đơn vị, doanh nghiệp"]],
    // A qualified kind ("đơn vị sự nghiệp") does not, and "và" before another kind still splits.
    ["các đơn vị sự nghiệp và doanh nghiệp nhà nước thuộc tỉnh", ["các đơn vị sự nghiệp", "doanh nghiệp nhà nước thuộc tỉnh"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("an office named by a lower-case field", () => {
  it.each([
    ["Cục bảo vệ thực vật đề nghị Sở Nông nghiệp các tỉnh triển khai.", ["Sở Nông nghiệp các tỉnh"]],
    ["Chi cục bảo vệ thực vật kiểm tra tình hình sâu bệnh.", ["Chi cục bảo vệ thực vật"]],
    // The verb "bảo vệ" after a body that is not an office still ends the name.
    ["UBND các xã bảo vệ rừng đầu nguồn.", ["UBND các xã"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("kinds with qualifiers of their own split a collective", () => {
  it.each([
    ["Tất cả các cơ quan Đảng, đoàn thể, nhà nước, đơn vị lực lượng vũ trang", ["Tất cả các cơ quan Đảng, đoàn thể, nhà nước", "đơn vị lực lượng vũ trang"]],
    ["các cơ quan Đảng, đoàn thể, cơ quan hành chính, sự nghiệp", ["các cơ quan Đảng, đoàn thể", "cơ quan hành chính, sự nghiệp"]],
    // A bare generic kind opening the collective covers what follows; after two generic kinds another tier splits.
    ["Các cơ quan, đơn vị, trường học", ["Các cơ quan, đơn vị", "trường học"]],
    ["các cơ quan, đơn vị, doanh nghiệp", ["các cơ quan, đơn vị", "doanh nghiệp"]],
    // A scope word after a kind is shared by the whole collective, not a qualifier of its own.
    ["Các phòng, ban, ngành, đoàn thể huyện", ["Các phòng, ban, ngành, đoàn thể huyện"]],
    ["các cơ quan chuyên môn, đơn vị trực thuộc", ["các cơ quan chuyên môn, đơn vị trực thuộc"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("a requester with 'vừa' before its request", () => {
  it("asks the bodies after the request, not itself", () => {
    const l = leadsOfSentence("Ban Thường vụ Tỉnh ủy vừa yêu cầu các cấp ủy, tổ chức đảng tập trung chỉ đạo đại hội.");
    expect(l?.leads).toEqual(["các cấp ủy", "tổ chức đảng"]);
    expect(l?.requester).toEqual(["Ban Thường vụ Tỉnh ủy"]);
  });
});

describe("a name holding what the bodies relate to", () => {
  it.each([
    ["Đề nghị UBND các xã, thị trấn liên quan đến lòng hồ Tả Trạch tuyên truyền cho nhân dân.", ["UBND các xã, thị trấn liên quan đến lòng hồ Tả Trạch"]],
    ["Các sở, ngành liên quan tới dự án đường cao tốc phối hợp rà soát.", ["Các sở, ngành liên quan tới dự án đường cao tốc"]],
    // "liên quan" closing the name, the verb after it.
    ["Các đơn vị liên quan chủ động phối hợp.", ["Các đơn vị liên quan"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("a list of units hard-wrapped over lines", () => {
  const decision = (clause: string) =>
    `ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 12/QĐ-UBND\nQuảng Nam, ngày 5 tháng 3 năm 2020\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nĐiều 1. Thành lập Tổ công tác liên ngành.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n${clause}\n`;
  it("reads the units after 'các Sở:' across the break", () => {
    const got = names(decision("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Nội vụ, Công\nThương, Kế hoạch và Đầu tư; Chủ tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./."));
    expect(got).toEqual([["lead:Chánh Văn phòng UBND tỉnh", "lead:Giám đốc Sở Tài chính", "lead:Giám đốc Sở Nội vụ", "lead:Giám đốc Sở Công Thương", "lead:Giám đốc Sở Kế hoạch và Đầu tư", "lead:Chủ tịch UBND các huyện, thị xã, thành phố"]]);
  });
  it("goes on after a line ending in a comma, not into a dash item", () => {
    expect(sentences("Sở Y tế, Sở Tài chính,\nSở Nội vụ phối hợp thực hiện.")).toEqual(["Sở Y tế, Sở Tài chính, Sở Nội vụ phối hợp thực hiện."]);
    expect(sentences("Kính gửi:\n- Sở Y tế,\n- Sở Tài chính.")).toHaveLength(3);
  });
});

describe("a body that published or sent a document is background", () => {
  it.each([
    ["Báo Thanh tra ngày 29/10/2016 có bài “Vận động người dân hiến đất”.", "Báo Thanh tra"],
    ["Tổ công tác đặc biệt của Chính phủ có văn bản số 3681/BC-TCT ngày 22 tháng 9 năm 2021 báo cáo tình hình.", "Tổ công tác đặc biệt của Chính phủ"],
    ["Ủy ban MTTQ Việt Nam huyện Cư M’gar tặng bò giúp giảm nghèo.", "Ủy ban MTTQ Việt Nam huyện Cư M’gar"],
  ])("%s", (sentence, subject) => {
    expect(leadsOfSentence(sentence)?.leads).toEqual([subject]);
    expect(leadsIn(sentence)).toEqual(sentence.includes("tặng") ? [subject] : []);
  });
  it("a date between the body and its work is neither name nor verb", () => {
    expect(leadsOfSentence("Sở Y tế ngày 5 tháng 3 năm 2020 tổ chức kiểm tra.")).toMatchObject({ leads: ["Sở Y tế"], verb: "tổ chức" });
  });
});

describe("a request to a named body after a closing line", () => {
  const notice = (tail: string) =>
    `ỦY BAN NHÂN DÂN\nPHƯỜNG PHÚ HỘI\nSố: 15/TB-UBND\nHuế, ngày 20 tháng 3 năm 2019\nTHÔNG BÁO\nVề việc thu gom rác thải\n\nGiờ thu gom rác vào mùa hè được thực hiện từ ngày 01/4 đến ngày 30/9.\n(Đính kèm lịch thu gom rác thải sinh hoạt)\n${tail}\nNơi nhận:\n- Như trên;`;
  it("is new work", () => {
    expect(names(notice("Đề nghị Tổ trưởng 08 Tổ dân phố thông báo cho các hộ gia đình trên địa bàn được biết."))).toEqual([["lead:Tổ trưởng 08 Tổ dân phố"]]);
  });
  it("but a restatement of the work above is not", () => {
    expect(names(notice("Nhận được thông báo này, đề nghị các hộ gia đình nghiêm túc thực hiện./."))).toEqual([]);
  });
});

describe("'tổ chức hội nghị' is the verb, 'tổ chức hội' the noun", () => {
  it.each([
    ["UBND huyện Đông Anh tổ chức hội nghị sơ kết công tác quý I.", ["UBND huyện Đông Anh"]],
    ["Sở Y tế tổ chức hội thi tay nghề.", ["Sở Y tế"]],
    ["Các tổ chức hội, đoàn thể tham gia tuyên truyền.", ["Các tổ chức hội, đoàn thể"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("a name closed by its place or area ends at any lower-case word that is not a qualifier", () => {
  it.each([
    ["Các trường học trên địa bàn cho học sinh nghỉ học.", ["Các trường học trên địa bàn"]],
    ["Ban Chỉ đạo phòng chống dịch huyện họp bàn các giải pháp.", ["Ban Chỉ đạo phòng chống dịch huyện"]],
    // Qualifiers go on: a range of levels, a term, where a body is located.
    ["Các cấp ủy, chính quyền từ huyện đến cơ sở tập trung lãnh đạo.", ["Các cấp ủy", "chính quyền từ huyện đến cơ sở"]],
    ["Các doanh nghiệp của tỉnh đóng trên địa bàn huyện chủ động ứng phó.", ["Các doanh nghiệp của tỉnh đóng trên địa bàn huyện"]],
    ["Ban Tuyên giáo huyện ủy hướng dẫn tuyên truyền.", ["Ban Tuyên giáo huyện ủy"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("who a body is made up of is not work", () => {
    expect(leadsIn("Chánh Văn phòng cấp ủy cấp huyện làm Trưởng bộ phận.")).toEqual([]);
  });
});

describe("a công điện's address line stands for Kính gửi", () => {
  const cable = (address: string) =>
    `ỦY BAN NHÂN DÂN\nHUYỆN KỲ ANH\nSố: 13/CĐ-UBND\nKỳ Anh, ngày 13 tháng 9 năm 2018\nCÔNG ĐIỆN\nVề việc chủ động ứng phó với bão số 5\n\n${address}\n- Chủ tịch Ủy ban nhân dân các xã;\n- Trưởng các phòng, ban, đoàn thể huyện.\nTheo dự báo, bão số 5 đang tiến vào đất liền.\n1. Tổ chức trực ban nghiêm túc 24/24 giờ.\n`;
  it.each(["CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN, điện:", "TRƯỞNG BCH PCTT VÀ TKCN HUYỆN KỲ ANH, Điện:", "CHỦ TỊCH UBND HUYỆN điện:"])("%s", (address) => {
    const r = read(cable(address));
    expect(r.doc.recipients).toEqual(["Chủ tịch Ủy ban nhân dân các xã", "Trưởng các phòng, ban, đoàn thể huyện"]);
    expect(names(cable(address))).toEqual([["lead:Chủ tịch Ủy ban nhân dân các xã", "lead:Trưởng các phòng, ban, đoàn thể huyện"]]);
  });
  it("and 'Kínhgửi:' written without its space is Kính gửi", () => {
    const r = read("BỘ CÔNG THƯƠNG\nSố: 12/BCT-TTTN\nHà Nội, ngày 5 tháng 3 năm 2013\nV/v chống buôn lậu\n\nKínhgửi: Sở Công Thương các tỉnh\n1. Tăng cường kiểm tra thị trường.\n");
    expect(r.doc.recipients).toEqual(["Sở Công Thương các tỉnh"]);
  });
});

describe("a remark on a list is not part of a name", () => {
  it("drops '(danh sách kèm theo)'", () => {
    expect(splitList("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương tham gia Đề án (danh sách kèm theo)")).toEqual(["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương tham gia Đề án"]);
  });
});

describe("a portal page telling a body's directive, with no header", () => {
  it("the body directing in the lead sentence issued it; the bodies it directs lead", () => {
    const text = "Tăng cường bảo vệ đàn gia súc\n\n(QNO) - Nhằm bảo vệ đàn gia súc trong mùa mưa bão, UBND huyện Tây Giang vừa chỉ đạo các xã và các ngành liên quan tăng cường công tác bảo vệ đàn gia súc.";
    const r = read(text);
    expect(r.doc.issuer).toBe("UBND huyện Tây Giang");
    expect(names(text)).toEqual([["lead:các xã", "lead:các ngành liên quan"]]);
  });

  it("a document directing bodies ('vừa ban hành văn bản chỉ đạo X …', 'có công văn chỉ đạo X …') asks them", () => {
    expect(names("Nhằm tiếp tục thực hiện phong trào, Chủ tịch UBND thành phố vừa ban hành văn bản chỉ đạo UBND các quận, huyện xây dựng kế hoạch thực hiện."))
      .toEqual([["lead:UBND các quận, huyện"]]);
    expect(leads("Công an thành phố có công văn chỉ đạo Công an các đơn vị, địa phương tăng cường kiểm tra.")).toEqual(["Công an các đơn vị, địa phương"]);
    // Named by its number it is the page's naming sentence: the request follows in its own sentences.
    expect(leads("Ủy ban nhân dân tỉnh ban hành Công văn số 1915/UBND-KTTH chỉ đạo các Sở, ngành trực lễ.")).not.toContain("các Sở, ngành");
  });

  it("is not a body of several ('UBND các huyện … chỉ đạo các xã …') nor a sentence adding another actor ('Cùng với đó, …')", () => {
    expect(read("UBND các huyện, thị xã chỉ đạo các xã, phường thông báo đến các hộ gia đình.").doc.issuer).not.toBe("UBND các huyện, thị xã");
    const later = "Ban Thường vụ Thành ủy yêu cầu các cơ quan chức năng tăng cường tuyên truyền.\nCùng với đó, Huyện ủy Hòa Vang chỉ đạo các cấp ủy Đảng, chính quyền tuyên truyền.";
    expect(names(later)).toContainEqual(["lead:Huyện ủy Hòa Vang"]);
  });

  it("the issuer's request naming no one goes on with the task before it ('Theo đó, UBND thành phố yêu cầu cần lập …')", () => {
    const r = read("UBND TP. Hà Nội vừa chỉ đạo Sở Công thương về việc tổ chức bán hàng bình ổn giá.\nTheo đó, UBND thành phố yêu cầu cần lập ngay kế hoạch bán hàng lưu động.");
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]!.assignees.map((a) => a.name)).toEqual(["Sở Công thương"]);
    expect(r.tasks[0]!.text).toContain("cần lập ngay kế hoạch");
  });
});

describe("the leaders of a place asking", () => {
  it("'Lãnh đạo thành phố cũng giao X chủ trì …' asks X; 'Lãnh đạo các sở tham dự' is not a request", () => {
    expect(leadsOfSentence("Lãnh đạo thành phố cũng giao Sở Văn hóa, Thể thao và Du lịch chủ trì phối hợp với Sở GTVT kiểm tra.")).toMatchObject({ leads: ["Sở Văn hóa, Thể thao và Du lịch"], requested: true });
    expect(leadsOfSentence("Lãnh đạo các sở tham dự hội nghị.")?.requested).toBe(false);
  });
});

describe("Party abbreviations as bodies", () => {
  it("'các TCCS Đảng' (tổ chức cơ sở đảng) is asked like 'các chi bộ'", () => {
    expect(leadsOfSentence("Huyện ủy Vĩnh Linh yêu cầu các TCCS Đảng, cơ quan, ban ngành tổ chức hội nghị.")).toMatchObject({ requester: ["Huyện ủy Vĩnh Linh"], requested: true, verb: "tổ chức" });
  });
});

describe("a body asked in the passive or named the lead", () => {
  it("'X được đề nghị/được giao …' and 'X là cơ quan chủ trì, …' make X's task; 'X được khen thưởng' does not", () => {
    expect(names("Sở Y tế đề nghị các bệnh viện báo cáo số ca bệnh.\nUBND các xã, phường, thị trấn được đề nghị phối hợp chặt chẽ với ngành y tế.")).toContainEqual(["lead:UBND các xã, phường, thị trấn", "coordinate:ngành y tế"]);
    expect(names("Theo đó, các xã rà soát pa nô.\nPhòng Văn hóa và Thông tin huyện là cơ quan chủ trì, thường xuyên kiểm tra việc thực hiện.")).toContainEqual(["lead:Phòng Văn hóa và Thông tin huyện"]);
    expect(leadsOfSentence("Sở Tài chính được giao chủ trì thẩm định.")?.verb).toBe("chủ trì");
    expect(leadsOfSentence("Sở Y tế được khen thưởng.")?.verb).not.toBe("khen thưởng");
  });
});

describe("more body words", () => {
  it.each([
    ["Thị đoàn phối hợp với UBND phường Nghi Thuỷ tổ chức ra quân.", ["Thị đoàn"]],
    ["MTTQ các xã còn lại tiến hành tổ chức Đại hội.", ["MTTQ các xã còn lại"]],
    ["Các xã còn lại tiếp tục thực hiện rà soát.", ["Các xã còn lại"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("a headerless news page opening on a meeting a body holds", () => {
  it("'Ngày 16-9, UBND quận X tổ chức hội nghị …': that body is the issuer, not a lead; whom it asks there leads", () => {
    const text = "Ngày 16-9, UBND quận Hải Châu tổ chức hội nghị triển khai Kế hoạch phòng, chống tội phạm.\nTại hội nghị, UBND quận Hải Châu yêu cầu Công an các phường tăng cường tuần tra.";
    const r = read(text);
    expect(r.doc.issuer).toBe("UBND quận Hải Châu");
    expect(names(text)).toEqual([["lead:Công an các phường"]]);
  });
  // The page's issuer from its lead is issuer.ts's ownActor (branch rextra), which takes a single body holding a meeting
  // with or without a dateline; a body of several is never an issuer.
  it("not for a body of several", () => {
    expect(read("Ngày 16-9, UBND các phường tổ chức hội nghị triển khai kế hoạch.").doc.issuer).toBeNull();
  });
});

describe("people by their standing, asked as a group", () => {
  it.each([
    ["Lãnh đạo Công an huyện yêu cầu cán bộ chiến sĩ, các đội nghiệp vụ triển khai đồng bộ các biện pháp.", ["cán bộ chiến sĩ", "các đội nghiệp vụ"]],
    ["Đề nghị cán bộ, công chức xã chấp hành tốt giờ giấc làm việc.", ["cán bộ, công chức xã"]],
    // Two standings joined by "và" are two addressees (each a post of its own), as two bodies are.
    ["Nhà trường yêu cầu giáo viên và phụ huynh không quyên góp tiền.", ["giáo viên", "phụ huynh"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("but not as the subject of a sentence with no request ('Cán bộ, giáo viên tham dự …')", () => {
    expect(leads("Cán bộ, giáo viên tham dự đầy đủ.")).toEqual([]);
  });
});

describe("a named official asking", () => {
  it("'đồng chí <name> - Chủ tịch <body> đề nghị X …' asks X", () => {
    expect(leadsOfSentence("Kết luận Hội nghị, đồng chí Trần Thị Phương Mai - Chủ tịch Hội LHPN quận đề nghị các cấp Hội tập trung triển khai các hoạt động.")).toMatchObject({ leads: ["các cấp Hội"], requested: true });
  });
  it("but a named official chairing a meeting is no lead", () => {
    expect(leadsOfSentence("Đồng chí Nguyễn Minh Tú - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì phiên họp.")?.leads ?? []).not.toContain("Phó Bí thư Huyện ủy");
  });
  it("'yêu cầu mỗi cơ sở Đoàn …' asks each of them", () => {
    expect(leads("Đồng thời cũng yêu cầu mỗi cơ sở Đoàn cần tập trung xây dựng tổ chức Đoàn vững mạnh.")).toEqual(["mỗi cơ sở Đoàn"]);
  });
});

describe("a unit named by its function", () => {
  it.each([
    ["Ủy ban kiểm tra Huyện ủy có trách nhiệm theo dõi.", ["Ủy ban kiểm tra Huyện ủy"]],
    ["Giao đội quản lý trật tự đô thị chủ trì ra quân.", ["đội quản lý trật tự đô thị"]],
    ["Sở giao dịch NHNN thực hiện cung ứng tiền mặt.", ["Sở giao dịch NHNN"]],
    ["Giao Công an xã, Ban An toàn giao thông xã kiểm tra xử lý.", ["Công an xã", "Ban An toàn giao thông xã"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
  it("but a collective of kinds goes on to its verb ('các Sở kiểm tra …')", () => {
    expect(leads("Đề nghị các Sở kiểm tra, rà soát các dự án.")).toEqual(["các Sở"]);
  });
});

describe("collectives of kinds of the same tier", () => {
  it.each([
    ["các báo, đài", ["các báo, đài"]],
    ["Các cơ quan báo, đài trong tỉnh", ["Các cơ quan báo, đài trong tỉnh"]],
    ["Thủ trưởng các phòng, ban, ngành, trung tâm thuộc huyện", ["Thủ trưởng các phòng, ban, ngành, trung tâm thuộc huyện"]],
    ["người đứng đầu cơ quan, đơn vị", ["người đứng đầu cơ quan, đơn vị"]],
    // Party committees and Party organisations are two bodies, as the guide splits "các cấp ủy, chính quyền".
    ["các cấp ủy, tổ chức đảng", ["các cấp ủy", "tổ chức đảng"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("a topic naming the bodies, then their work after a colon", () => {
  it("'Đối với các cơ quan, đơn vị, 12 thôn: Thường xuyên tổ chức …' (capitalised work) makes the whole list lead", () => {
    expect(leads("Đối với các cơ quan, đơn vị, 12 thôn: Thường xuyên tổ chức tuyên truyền.")).toEqual(["các cơ quan, đơn vị", "12 thôn"]);
  });
});

describe("the field a unit works in, not the verb", () => {
  it.each([
    ["các chủ đầu tư, chủ sở hữu công trình xây dựng, các nhà thầu thi công chủ động kiểm tra", ["các chủ đầu tư, chủ sở hữu công trình xây dựng", "các nhà thầu thi công"]],
    ["các cơ quan quản lý xây dựng chuyên ngành, UBND các huyện quán triệt", ["các cơ quan quản lý xây dựng chuyên ngành", "UBND các huyện"]],
  ])("%s", (text, want) => {
    const { readList } = bodies;
    expect(splitList(readList(text).list)).toEqual(want);
  });
  it("but 'xây dựng kế hoạch' after a unit is its verb", () => {
    expect(bodies.readList("Ban quản lý xây dựng kế hoạch").list).toBe("Ban quản lý");
  });
});

describe("partners named by standing or as student associations", () => {
  it("'phối hợp cha mẹ học sinh', 'phối hợp với các liên chi hội sinh viên'", () => {
    expect(coordinatorsIn("Các trường phối hợp cha mẹ học sinh nhắc nhở học sinh mặc ấm.")).toEqual(["cha mẹ học sinh"]);
    expect(coordinatorsIn("Đề nghị Ban Chấp hành các liên chi đoàn chủ trì và phối hợp với các liên chi hội sinh viên thông báo cụ thể.")).toEqual(["các liên chi hội sinh viên"]);
  });
});

describe("partners of a body the issuer directs", () => {
  it("'UBND thành phố đã chỉ đạo X phối hợp với Y …' in the issuer's page: X leads, Y coordinates", () => {
    const text = "UBND THÀNH PHỐ PHAN RANG\nSố: 12/UBND\n\nUBND thành phố đã chỉ đạo Đội Quản lý trật tự đô thị phối hợp với lực lượng Công an và UBND các phường ra quân lập lại trật tự.";
    expect(names(text)).toContainEqual(["lead:Đội Quản lý trật tự đô thị", "coordinate:lực lượng Công an", "coordinate:UBND các phường"]);
  });
  it("but the partners of a body a lead directs are not assignees", () => {
    expect(names("UBND TỈNH NINH THUẬN\nSố: 12/UBND\n\n1. Sở Y tế chỉ đạo Trung tâm Y tế phối hợp với Bệnh viện tỉnh kiểm tra.").flat()).toEqual(["lead:Sở Y tế"]);
  });
});

describe("the heads of several bodies", () => {
  it("'… và đề nghị các Bí thư Tỉnh ủy, Thành ủy, Chủ tịch HĐND các tỉnh …' asks them, as one collective per title", () => {
    expect(leads("Thủ tướng yêu cầu các thành viên Chính phủ và đề nghị các Bí thư Tỉnh ủy, Thành ủy, Chủ tịch HĐND các tỉnh, thành phố tập trung lãnh đạo.")).toEqual(["các thành viên Chính phủ", "các Bí thư Tỉnh ủy, Thành ủy", "Chủ tịch HĐND các tỉnh, thành phố"]);
  });
});

describe("'liên quan' closes a collective", () => {
  it.each([
    ["Các cơ quan liên quan và đoàn thể huyện", ["Các cơ quan liên quan", "đoàn thể huyện"]],
    ["các ngành liên quan và địa phương", ["các ngành liên quan", "địa phương"]],
    ["các phòng, ban, ngành và đoàn thể huyện", ["các phòng, ban, ngành và đoàn thể huyện"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("bodies written by abbreviation or by a name the head list did not know", () => {
  it.each([
    ["Giao BHXH huyện phối hợp tuyên truyền.", ["BHXH huyện"]],
    ["Đề nghị TTYT huyện kiểm tra.", ["TTYT huyện"]],
    ["Đề nghị UB MTTQ phường vận động nhân dân.", ["UB MTTQ phường"]],
    ["Kiểm toán nhà nước thực hiện kiểm toán.", ["Kiểm toán nhà nước"]],
    ["Đề nghị các tạp chí, đặc san trong tỉnh đăng tải.", ["các tạp chí, đặc san trong tỉnh"]],
    ["Đề nghị các khu dân cư treo cờ.", ["các khu dân cư"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("offices that exist at every level share the places listed after the last", () => {
  it.each([
    ["Ban Thường vụ Đoàn, Hội đồng Đội các tỉnh, thành phố", ["Ban Thường vụ Đoàn các tỉnh, thành phố", "Hội đồng Đội các tỉnh, thành phố"]],
    ["Ủy ban MTTQ, Hội LHPN các xã, thị trấn", ["Ủy ban MTTQ các xã, thị trấn", "Hội LHPN các xã, thị trấn"]],
    // A body of one level does not.
    ["Sở Y tế, UBND các huyện", ["Sở Y tế", "UBND các huyện"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("a request told in the past by a news report", () => {
  it.each([
    ["UBND thành phố đã giao Sở Nội vụ chủ trì, phối hợp với UBND các quận triển khai.", ["Sở Nội vụ"]],
    ["UBND tỉnh đã yêu cầu Chủ tịch UBND các huyện, thành phố tiếp tục chỉ đạo.", ["Chủ tịch UBND các huyện, thành phố"]],
    ["Hội đồng Nghĩa vụ Quân sự huyện đã giao Ban Chỉ huy Quân sự huyện chuẩn bị chu đáo.", ["Ban Chỉ huy Quân sự huyện"]],
  ])("%s", (sentence, want) => {
    expect(leadsOfSentence(sentence)).toMatchObject({ leads: want, requested: true });
  });
  it("but what a body has done itself stays background ('UBND tỉnh đã ban hành …')", () => {
    expect(leadsOfSentence("UBND tỉnh đã ban hành Kế hoạch số 12/KH-UBND.")?.requested).toBe(false);
  });
});

describe("drawing a body's attention to work asks it", () => {
  it("'X lưu ý Y …' asks Y; the label 'Lưu ý:' does not", () => {
    expect(leadsOfSentence("Ban Bí thư lưu ý Tổng LĐLĐ Việt Nam căn cứ tình hình thực tế hướng dẫn tổ chức thực hiện.")).toMatchObject({ leads: ["Tổng LĐLĐ Việt Nam"], requester: ["Ban Bí thư"], requested: true });
    expect(leads("Lưu ý: Các đơn vị phường, xã cần kiểm tra.")).toEqual(["Các đơn vị phường, xã"]);
  });
  it("'thông báo đến các cơ sở Đoàn …' tells the Youth Union's base units", () => {
    expect(leadsOfSentence("Ban Thường vụ Đoàn trường thông báo đến các cơ sở Đoàn về việc huy động lực lượng tham gia.")).toMatchObject({ leads: ["các cơ sở Đoàn"], requested: true });
  });
});

describe("'Bộ' before 'đề nghị' is the ministry, 'bộ đề' a set of questions", () => {
  it("'Lãnh đạo Bộ đề nghị các sở …' asks the departments", () => {
    expect(leadsOfSentence("Lãnh đạo Bộ đề nghị các sở chủ trì, phối hợp với các đơn vị liên quan tham mưu.")).toMatchObject({ leads: ["các sở"], requester: ["Lãnh đạo Bộ"] });
    expect(leads("Bộ đề thi gồm 40 câu.")).toEqual([]);
  });
});

describe("what may stand between a request verb and whom it asks", () => {
  it.each([
    ["Chủ tịch UBND thành phố yêu cầu trong tháng 05/2019, các phòng, ban, cơ quan thành phố và UBND các xã, phường thực hiện.", ["các phòng, ban, cơ quan thành phố", "UBND các xã, phường"]],
    ["Bí thư Huyện ủy yêu cầu đến các cơ quan, đơn vị tập trung thực hiện các nhiệm vụ.", ["các cơ quan, đơn vị"]],
    ["Thống đốc NHNN yêu cầu Giám đốc các NHNN chi nhánh tỉnh nêu trên nghiêm túc kiểm điểm.", ["Giám đốc các NHNN chi nhánh tỉnh nêu trên"]],
    ["Phòng GDĐT huyện cũng đề nghị các trường tùy vào tình hình thực tế để quyết định.", ["các trường"]],
  ])("%s", (sentence, want) => {
    expect(leadsOfSentence(sentence)).toMatchObject({ leads: want, requested: true });
  });
  it("'Ủy ban về …' is a committee named by its field", () => {
    expect(leads("Ủy ban về người Việt Nam ở nước ngoài thành phố chủ trì xây dựng kế hoạch.")).toEqual(["Ủy ban về người Việt Nam ở nước ngoài thành phố"]);
  });
});

describe("the subject after an opener naming whose direction is carried out", () => {
  it("'Theo chỉ đạo của X, UBND các xã, thị trấn phối hợp …': the bodies running into the verb are the subject", () => {
    expect(leads("Theo chỉ đạo của Chủ tịch UBND huyện Vũ Quang, UBND các xã, thị trấn phối hợp với lực lượng chức năng sơ tán dân.")).toEqual(["UBND các xã, thị trấn"]);
  });
  it("but not a kind continuing the authors' collective, nor a list running on through 'của'", () => {
    expect(leads("Trên cơ sở hướng dẫn của các Bộ, ngành Trung ương và báo cáo của các cơ quan, đơn vị, Sở Kế hoạch và Đầu tư chủ trì tham mưu.")).toEqual(["Sở Kế hoạch và Đầu tư"]);
  });
  it("'Tùy điều kiện thực tế, …' opens a sentence; 'Văn bản này cũng lưu ý X …' asks X", () => {
    expect(leads("Tùy điều kiện thực tế, các đơn vị, trường học tổ chức một số hoạt động văn hóa.")).toEqual(["các đơn vị, trường học"]);
    expect(leads("Văn bản này cũng lưu ý các thành viên Chính phủ bố trí công việc.")).toEqual(["các thành viên Chính phủ"]);
  });
});

describe("'phân công trực tiếp đến X'", () => {
  it("assigns X", () => {
    expect(leadsOfSentence("Quận ủy Cầu Giấy đã phân công trực tiếp đến các cấp ủy Đảng cơ sở lãnh đạo, chỉ đạo, tổ chức học tập.")).toMatchObject({ leads: ["các cấp ủy Đảng cơ sở"], requested: true });
  });
});

describe("the issuer is not an assignee, but the same field under another head is another body", () => {
  it("'Giám đốc Sở Nông nghiệp và PTNT' in a decision of the Bộ Nông nghiệp và PTNT is assigned", () => {
    const text = ["BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Số: 197/2005/QĐ-BNN-KL", "QUYẾT ĐỊNH", "Về việc ban hành hướng dẫn", "Điều 1. Ban hành kèm theo Quyết định này bản hướng dẫn.", "Điều 2. Chánh văn phòng Bộ, Giám đốc Sở Nông nghiệp và Phát triển nông thôn chịu trách nhiệm thi hành Quyết định này."].join("\n");
    expect(names(text).flat()).toContain("lead:Giám đốc Sở Nông nghiệp và Phát triển nông thôn");
    // The issuer itself, under its own head, stays out.
    const own = ["SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Số: 12/SNN-VP", "Kính gửi: UBND các huyện", "Sở Nông nghiệp và Phát triển nông thôn đề nghị UBND các huyện phối hợp với Sở Nông nghiệp và Phát triển nông thôn kiểm tra."].join("\n");
    expect(names(own).flat().some((n) => /Sở Nông nghiệp/u.test(n))).toBe(false);
  });
});

describe("generic addressees compared without tones", () => {
  it("'các phường' names bodies of a kind as 'các xã' does; 'các địa phương' stays generic", () => {
    expect(bodies.isGeneric(["các phường"])).toBe(false);
    expect(bodies.isGeneric(["các địa phương"])).toBe(true);
    expect(bodies.isGeneric(["các cơ quan, đơn vị, địa phương liên quan"])).toBe(true);
  });
  it("a collective of wards after an opener does its own work", () => {
    expect(leadsOfSentence("Ngoài việc tổng vệ sinh tại trụ sở, các phường huy động nhân dân ra quân dọn vệ sinh.")?.leads).toEqual(["các phường"]);
  });
});

describe("where a name ends: adverbs and verbs after it, compound words inside it, distributives", () => {
  it.each([
    ["Đề nghị các bà mẹ hãy đưa trẻ đến tiêm đúng ngày.", ["các bà mẹ"]],
    ["Yêu cầu các thôn nhanh chóng kiện toàn ban công tác.", ["các thôn"]],
    ["Bộ Giao thông vận tải tính toán, cân nhắc kỹ việc lập trạm thu phí.", ["Bộ Giao thông vận tải"]],
    ["Giao Sở Tài nguyên và Môi trường trên cơ sở các điều kiện pháp lý tham mưu giao đất.", ["Sở Tài nguyên và Môi trường"]],
    ["Đề nghị các hộ dân có diện tích đất màu thu xếp thời gian gieo trồng.", ["các hộ dân có diện tích đất màu"]],
    ["Ban quản lý đô thị, Trung tâm Y tế dự phòng mỗi đơn vị huy động 1 xe ô tô.", ["Ban quản lý đô thị", "Trung tâm Y tế dự phòng"]],
    ["Đội Danh dự chuẩn bị lễ chào cờ.", ["Đội Danh dự"]],
    ["Ủy ban Bầu cử xã chỉ đạo các tổ bầu cử niêm yết danh sách.", ["Ủy ban Bầu cử xã"]],
    ["Bộ Ngoại giao; Thông tấn xã Việt Nam; Ủy ban An toàn Giao thông Quốc gia báo cáo nhanh tình hình.", ["Bộ Ngoại giao", "Thông tấn xã Việt Nam", "Ủy ban An toàn Giao thông Quốc gia"]],
  ])("%s", (s, want) => expect(leadsOfSentence(s)?.leads).toEqual(want));
  it("splits at a new distributive as at a new 'các'", () => {
    expect(splitList("Mỗi hộ gia đình, mỗi người dân")).toEqual(["Mỗi hộ gia đình", "mỗi người dân"]);
  });
});

describe("an office over a collective of its own after a collective of kinds", () => {
  it("is another body, as at a new 'các'", () => {
    expect(splitList("Tất cả các cơ quan, đơn vị, Ban nhân dân các ấp")).toEqual(["Tất cả các cơ quan, đơn vị", "Ban nhân dân các ấp"]);
    expect(splitList("Các phòng, ban, ngành, đoàn thể huyện")).toEqual(["Các phòng, ban, ngành, đoàn thể huyện"]);
  });
  it("a paragraph under an item naming that office and another body is the other body's work too", () => {
    const text = "Về việc treo cờ\n\n1. Các cơ quan, đơn vị, Ban nhân dân các ấp và các hộ dân trên địa bàn xã tổ chức treo Quốc kỳ từ ngày 17/7/2025.\n\nPhòng Văn hoá - Xã hội, Ban nhân dân các ấp có trách nhiệm thông báo rộng rãi đến toàn thể nhân dân.";
    const tasks = readDispatch(text, { refDate: "2025-07-16" }).tasks;
    expect(tasks.map((t) => t.ref)).toEqual(["1", "1#1"]);
  });
});

describe("two bodies with their comma left out, and a closing that asks for the spirit of the notice", () => {
  it("a government office right after a lower-case place word starts the next body", () => {
    expect(splitList("các cơ quan, ban ngành, đoàn thể huyện UBND các xã, thị trấn")).toEqual(["các cơ quan, ban ngành, đoàn thể huyện", "UBND các xã, thị trấn"]);
    expect(splitList("Phó Chủ tịch Văn xã Ủy ban nhân dân 13 phường")).toHaveLength(1);
  });
  it("'… yêu cầu các phòng, … thực hiện tốt tinh thần Thông báo này./.' after the items is a closing, not a task", () => {
    const text = "THÔNG BÁO\n\n1. Thủ trưởng các cơ quan, đơn vị có kế hoạch trang trí, treo cờ từ ngày 30/12/2020.\n\nUỷ ban nhân dân huyện yêu cầu các phòng, ban, ngành huyện, Uỷ ban nhân dân các xã, thị trấn thực hiện tốt tinh thần Thông báo này./.";
    expect(readDispatch(text, { refDate: "2020-12-25" }).tasks.map((t) => t.ref)).toEqual(["1"]);
  });
});

describe("a unit after 'các Sở:' that lost its capital", () => {
  it("is still a unit when it holds a capitalised word; an all lower-case phrase is the verb's clause", () => {
    expect(leadsOfSentence("Giao các Sở: Xây dựng, kế hoạch và Đầu tư theo chức năng, nhiệm vụ đề xuất UBND tỉnh xem xét.")?.leads).toEqual(["Sở Xây dựng", "Sở kế hoạch và Đầu tư"]);
  });
});

describe("the body asking is not the one asked: objects after its request verb", () => {
  it.each([
    ["Theo đó, UBND xã yêu cầu toàn thể cán bộ, đảng viên, công chức, viên chức, đoàn viên, hội viên, học sinh, các cơ quan, đơn vị, doanh nghiệp và toàn thể Nhân dân trên địa bàn xã đồng loạt ra quân tổng vệ sinh.", ["toàn thể cán bộ, đảng viên, công chức, viên chức, đoàn viên, hội viên, học sinh", "các cơ quan, đơn vị", "doanh nghiệp", "toàn thể Nhân dân trên địa bàn xã"]],
    ["Chủ tịch UBND huyện yêu cầu lãnh đạo xã Mỹ Quí chỉ đạo, đẩy mạnh công tác thông tin.", ["lãnh đạo xã Mỹ Quí"]],
    ["UBND thị xã cũng giao nhiệm vụ cụ thể cho các đơn vị liên quan, các tổ chức có trách nhiệm thu gom rác.", ["các đơn vị liên quan", "các tổ chức"]],
    ["Giao chỉ tiêu tuyển quân năm 2025 cho Ủy ban nhân dân các huyện.", ["Ủy ban nhân dân các huyện"]],
  ])("%s", (s, want) => {
    const l = leadsOfSentence(s);
    expect(l?.leads).toEqual(want);
    expect(l?.requested).toBe(true);
  });
  it("a long clause after the verb is still not a name", () => {
    expect(leadsOfSentence("UBND xã yêu cầu tăng cường kiểm tra, giám sát việc chấp hành các quy định về phòng cháy chữa cháy tại các khu dân cư đông đúc trên địa bàn xã thực hiện.")?.leads ?? []).not.toContainEqual(expect.stringMatching(/tăng cường/u));
  });
});

describe("a directing verb hides partners only of the bodies it directs", () => {
  it.each([
    ["Chủ tịch UBND các quận cũng tích cực hỗ trợ, chỉ đạo việc phối hợp chặt chẽ với Chi cục Thống kê trên địa bàn.", ["Chi cục Thống kê trên địa bàn"]],
    ["Lãnh đạo xã Mỹ Quí chỉ đạo, đẩy mạnh công tác tuyên truyền, tăng cường giám sát tại khu vực chợ phối hợp với các ngành chức năng huyện.", ["các ngành chức năng huyện"]],
    ["UBND huyện chỉ đạo UBND các xã phối hợp với Công an huyện kiểm tra.", []],
    ["Tổng cục Hải quan tăng cường chỉ đạo, kiểm tra các Cục Hải quan tỉnh chủ động bố trí lực lượng, phối hợp các lực lượng chức năng.", []],
    ["Cục Thuế được đề nghị chỉ đạo 29 chi cục thuế cơ sở phối hợp với chính quyền địa phương.", []],
    ["UBND các huyện chỉ đạo thành lập Ban chỉ đạo Tổng điều tra cấp huyện; thực hiện hướng dẫn của Ban chỉ đạo cấp tỉnh và chủ động phối hợp với Cục Thống kê tỉnh.", ["Cục Thống kê tỉnh"]],
  ])("%s", (s, want) => expect(coordinatorsIn(s)).toEqual(want));
});

describe("a partner glued to 'với' by PDF extraction", () => {
  it("is still read", () => {
    expect(coordinatorsIn("Bộ Tài chính chủ trì, phối hợp vớiBộ Công Thương nghiên cứu kiến nghị.")).toEqual(["Bộ Công Thương"]);
  });
});

describe("a kind named once before its units ('các Bộ: A, B', 'Các Cục: A, B')", () => {
  it("gives each unit its kind and the title of its head", () => {
    expect(leadsOfSentence("Bộ trưởng các Bộ: Xây dựng, Công Thương, Văn hóa, Thể thao và Du lịch, Y tế theo chức năng, nhiệm vụ chủ động chỉ đạo triển khai.")?.leads).toEqual([
      "Bộ trưởng Bộ Xây dựng", "Bộ trưởng Bộ Công Thương", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "Bộ trưởng Bộ Y tế"]);
    expect(leadsOfSentence("Giám đốc các Sở, ngành: Tư pháp, Lao động, Thương binh và Xã hội, Y tế chịu trách nhiệm thi hành Quyết định này.")?.leads).toEqual([
      "Giám đốc Sở Tư pháp", "Giám đốc Sở Lao động, Thương binh và Xã hội", "Giám đốc Sở Y tế"]);
  });
  it("splits a Kính gửi line of units of one kind, but keeps places after their colon", () => {
    expect(splitList("Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam, Kinh tế - Quản lý đầu tư xây dựng")).toEqual(["Cục Đường bộ Việt Nam", "Cục Đường sắt Việt Nam", "Cục Kinh tế - Quản lý đầu tư xây dựng"]);
    expect(splitList("Bộ trưởng các Bộ: Tài chính, Nội vụ, Bộ Y tế.")).toEqual(["Bộ trưởng Bộ Tài chính", "Bộ trưởng Bộ Nội vụ", "Bộ trưởng Bộ Y tế"]);
    // A ministry's field that is also a body on its own ("Công an", a place's police) names the ministry here.
    expect(splitList("Bộ trưởng các Bộ: Quốc phòng, Công an, Tài chính")).toEqual(["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an", "Bộ trưởng Bộ Tài chính"]);
    expect(splitList("Các Tổng công ty: Đường sắt Việt Nam, Cảng hàng không Việt Nam")).toEqual(["Tổng công ty Đường sắt Việt Nam", "Tổng công ty Cảng hàng không Việt Nam"]);
    expect(splitList("Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa")).toEqual(["Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa"]);
  });
});

describe("titled persons asked, with their remit before the verb", () => {
  it("reads 'Giao Phó Thủ tướng X và các Phó Thủ tướng theo nhiệm vụ được phân công chỉ đạo …'", () => {
    expect(leadsOfSentence("Giao Phó Thủ tướng Hồ Đức Phớc và các Phó Thủ tướng theo nhiệm vụ được phân công chỉ đạo, đôn đốc, kiểm tra các Bộ, cơ quan, địa phương.")?.leads).toEqual(["Phó Thủ tướng Hồ Đức Phớc", "các Phó Thủ tướng"]);
    expect(leadsOfSentence("Đề nghị Quý cơ quan theo chức năng, nhiệm vụ phối hợp thực hiện.")?.leads).toEqual(["Quý cơ quan"]);
  });
});

describe("the places of a titled collective named after its colon", () => {
  it("keeps them with several kinds of place and where they belong, and in a lead-in heading ended by its own colon", () => {
    expect(leadsOfSentence("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Quảng Trị, Huế chủ động phối hợp với Bộ Tài chính.")?.leads).toEqual(["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Quảng Trị, Huế"]);
    expect(leadsOfSentence("Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai:")?.leads).toEqual(["Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai"]);
  });
});

describe("what 'và' adds after a titled head", () => {
  it("splits off individuals and persons by name, which have no head", () => {
    expect(splitList("Thủ trưởng các sở, ban, ngành và đơn vị, tổ chức, cá nhân có liên quan")).toEqual(["Thủ trưởng các sở, ban, ngành", "đơn vị, tổ chức, cá nhân có liên quan"]);
    expect(splitList("Giám đốc Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã và tổ chức, cá nhân có liên quan")).toEqual(["Giám đốc Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã", "tổ chức, cá nhân có liên quan"]);
    expect(splitList("Chủ tịch UBND xã Tân Phú và bà Phan Thị Năm")).toEqual(["Chủ tịch UBND xã Tân Phú", "bà Phan Thị Năm"]);
  });
  it("keeps bodies under one title together", () => {
    expect(splitList("Thủ trưởng các sở, ban, ngành và đơn vị thuộc tỉnh")).toEqual(["Thủ trưởng các sở, ban, ngành và đơn vị thuộc tỉnh"]);
  });
});

describe("the office serving both councils, written with a comma", () => {
  it("keeps 'Chánh Văn phòng HĐND, UBND huyện' whole", () => {
    expect(splitList("Chánh văn phòng HĐND, UBND huyện, Chủ tịch UBND xã Tân Phú")).toEqual(["Chánh văn phòng HĐND, UBND huyện", "Chủ tịch UBND xã Tân Phú"]);
  });
});

describe("a titled official's concurrent post after a dash", () => {
  it("is the same person, named by the first title", () => {
    expect(leadsOfSentence("Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia tập trung lãnh đạo, chỉ đạo các đơn vị liên quan.")?.leads).toEqual(["Bộ trưởng Bộ Tài chính"]);
    expect(splitList("Giám đốc Sở Lao động - Thương binh và Xã hội, Sở Y tế")).toEqual(["Giám đốc Sở Lao động - Thương binh và Xã hội", "Sở Y tế"]);
  });
});

describe("central kinds of unit in a collective under one 'các'", () => {
  it("keeps 'các Bệnh viện, Viện', 'các Cục, Vụ' together", () => {
    expect(splitList("Giám đốc các Bệnh viện, Viện có giường bệnh trực thuộc Bộ Y tế")).toEqual(["Giám đốc các Bệnh viện, Viện có giường bệnh trực thuộc Bộ Y tế"]);
    expect(splitList("Thủ trưởng các Cục, Vụ và các đơn vị trực thuộc Bộ có liên quan")).toEqual(["Thủ trưởng các Cục, Vụ", "các đơn vị trực thuộc Bộ có liên quan"]);
  });
});

describe("corporations, project investors and area tax offices head bodies (rassign4)", () => {
  it.each([
    ["Tập đoàn Điện lực Việt Nam khẩn trương khôi phục cấp điện cho các khu vực bị ảnh hưởng.", ["Tập đoàn Điện lực Việt Nam"]],
    ["Tập đoàn Dầu khí Việt Nam báo cáo Bộ Công Thương trước ngày 15 tháng 12.", ["Tập đoàn Dầu khí Việt Nam"]],
    ["Chủ đầu tư phối hợp chặt chẽ với các đơn vị liên quan hoàn thành nghiệm thu các hạng mục còn lại.", ["Chủ đầu tư"]],
    ["Thuế tỉnh chủ trì, phối hợp với Sở Tài chính rà soát các khoản thu.", ["Thuế tỉnh"]],
    ["Giao Thuế thành phố Hà Nội hướng dẫn người nộp thuế.", ["Thuế thành phố Hà Nội"]],
  ])("%s", (sentence, want) => expect(leads(sentence)).toEqual(want));

  it("a tax, an investment or a group that is the work is no body", () => {
    expect(leads("Thuế thu nhập cá nhân được khấu trừ theo quy định.")).toEqual([]);
    expect(leads("Đề nghị các đơn vị tăng cường thu hút đầu tư vào các tập đoàn kinh tế.")).not.toContainEqual(expect.stringMatching(/tập đoàn/u));
  });
});

describe("a decision's execution clause binds every body it names, the issuing one too (rassign4)", () => {
  const decision = (clause: string) =>
    `TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\nSố: 1597/QĐ-TTPVHCC\nHà Nội, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVề việc công bố thủ tục hành chính\nQUYẾT ĐỊNH:\nĐiều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.\nĐiều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\nĐiều 3. ${clause}\nNơi nhận:\n- Như Điều 3;`;
  it("keeps the issuer among the bodies that carry the decision out", () => {
    const got = names(decision("Sở Xây dựng, Trung tâm Phục vụ hành chính công, các Sở, ban, ngành Thành phố và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."));
    expect(got).toContainEqual(expect.arrayContaining(["lead:Sở Xây dựng", "lead:Trung tâm Phục vụ hành chính công"]));
  });
  it("still leaves out the issuer's own acts elsewhere", () => {
    const text = decision("Sở Xây dựng chịu trách nhiệm thi hành Quyết định này.").replace("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.", "Điều 2. Trung tâm Phục vụ hành chính công cập nhật danh mục lên Cổng dịch vụ công.");
    expect(names(text).flat()).not.toContain("lead:Trung tâm Phục vụ hành chính công");
  });
  it("reads 'Các ông (bà) Chánh Văn phòng HĐND và UBND tỉnh' as one office", () => {
    expect(splitList("Các ông (bà) Chánh Văn phòng Hội đồng nhân dân và Uỷ ban nhân dân tỉnh, Giám đốc Sở Tư pháp")).toEqual(["Các ông (bà) Chánh Văn phòng Hội đồng nhân dân và Uỷ ban nhân dân tỉnh", "Giám đốc Sở Tư pháp"]);
  });
});

describe("list names in execution clauses (rassign4)", () => {
  it.each([
    ["Chánh văn phòng HĐND, UBND huyện, Chủ tịch UBND xã Tân Phú", ["Chánh văn phòng HĐND, UBND huyện", "Chủ tịch UBND xã Tân Phú"]],
    ["Chánh văn phòng HDND, UBND huyện; Trưởng phòng Nội vụ", ["Chánh văn phòng HDND, UBND huyện", "Trưởng phòng Nội vụ"]],
    ["Giám đốc Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã và tổ chức, cá nhân có liên quan", ["Giám đốc Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã", "tổ chức, cá nhân có liên quan"]],
    ["Giám đốc Sở Y tế và tổ chức, cá nhân có liên quan", ["Giám đốc Sở Y tế", "tổ chức, cá nhân có liên quan"]],
    // one collective of kinds under one "các" stays one
    ["các cơ quan, tổ chức, cá nhân", ["các cơ quan, tổ chức, cá nhân"]],
    ["Văn phòng HĐND huyện, UBND các xã", ["Văn phòng HĐND huyện", "UBND các xã"]],
  ])("%s", (list, want) => expect(splitList(list)).toEqual(want));
});

describe("a kind over a colon names a body of that kind for each unit listed (rassign4)", () => {
  const listed = (s: string) => splitList(bodies.readList(s).list);
  it.each([
    ["Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam, Hàng hải và Đường thủy Việt Nam;", ["Cục Đường bộ Việt Nam", "Cục Đường sắt Việt Nam", "Cục Hàng hải và Đường thủy Việt Nam"]],
    ["Các Bộ, cơ quan: Tài chính, Văn hóa, Thể thao và Du lịch, Tập đoàn Điện lực Việt Nam theo chức năng khẩn trương rà soát", ["Bộ Tài chính", "Bộ Văn hóa, Thể thao và Du lịch", "Tập đoàn Điện lực Việt Nam"]],
    ["Giám đốc các Sở, ngành: Tư pháp, Lao động, Thương binh và Xã hội, Y tế chịu trách nhiệm thi hành", ["Giám đốc Sở Tư pháp", "Giám đốc Sở Lao động, Thương binh và Xã hội", "Giám đốc Sở Y tế"]],
  ])("%s", (s, want) => expect(listed(s)).toEqual(want));
  it("keeps the places of a collective after its colon in its name", () => {
    expect(listed("UBND các xã: Phú Lai, Đoàn Kết, Hữu Lợi tổ chức ra quân")).toEqual(["UBND các xã: Phú Lai, Đoàn Kết, Hữu Lợi"]);
  });
});

describe("an ordinal counting a letter's points opens the sentence, not its subject (rassign4)", () => {
  it.each([
    ["Thứ nhất, các cơ sở Đảng khẩn trương thực hiện các công việc chuẩn bị đại hội.", ["các cơ sở Đảng"]],
    ["Hai là, các cấp ủy tăng cường lãnh đạo công tác tuyên truyền.", ["các cấp ủy"]],
  ])("%s", (s, want) => expect(leads(s)).toEqual(want));
});

describe("verbs of finishing and of acting for another end a name", () => {
  it.each([
    ["Bộ Ngoại giao hoàn tất các thủ tục đối ngoại theo quy định.", ["Bộ Ngoại giao"]],
    ["Giao Bộ trưởng Bộ Công an thừa ủy quyền Thủ tướng Chính phủ, thay mặt Chính phủ ký Tờ trình.", ["Bộ trưởng Bộ Công an"]],
    ["Giao Bộ Xây dựng thay mặt Chính phủ ký Hiệp định.", ["Bộ Xây dựng"]],
  ])("%s", (sentence, want) => expect(leadsOfSentence(sentence)?.leads).toEqual(want));
});

describe("a dash inside a company's or bank's name", () => {
  it.each([
    ["Tập đoàn Công nghiệp - Viễn thông Quân đội", ["Tập đoàn Công nghiệp - Viễn thông Quân đội"]],
    ["Ngân hàng Thương mại cổ phần Công thương Việt Nam - Chi nhánh Tây Thăng Long", ["Ngân hàng Thương mại cổ phần Công thương Việt Nam - Chi nhánh Tây Thăng Long"]],
    ["Bộ Xây dựng, Tập đoàn Công nghiệp - Viễn thông Quân đội", ["Bộ Xây dựng", "Tập đoàn Công nghiệp - Viễn thông Quân đội"]],
    // Between two bodies of government the dash still separates them.
    ["Sở Tài chính - Ủy ban nhân dân các huyện", ["Sở Tài chính", "Ủy ban nhân dân các huyện"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });
});

describe("where a list of units ends", () => {
  it("a unit named by its head noun alone is complete: a capitalised name after it is the next unit", () => {
    expect(splitList("Công an, Quân sự, Trạm Y tế")).toEqual(["Công an", "Quân sự", "Trạm Y tế"]);
    expect(leads("Công an, Quân sự, Trạm Y tế đảm bảo trực 24/24.")).toEqual(["Công an", "Quân sự", "Trạm Y tế"]);
    // A kind word after a capitalised kind still continues the collective.
    expect(splitList("các Sở, Ban, Ngành")).toEqual(["các Sở, Ban, Ngành"]);
  });

  it("a verb written with a capital after a collective's colon opens its duties, it names no place", () => {
    expect(bodies.readList("Ủy ban nhân dân các quận, huyện, thị xã: Chủ động, phối hợp Sở Y tế triển khai.").list).toBe("Ủy ban nhân dân các quận, huyện, thị xã");
    expect(bodies.readList("UBND các xã: Phú Lai, Đoàn Kết tổ chức thực hiện.").list).toBe("UBND các xã: Phú Lai, Đoàn Kết");
  });
});

describe("a title and its head noun wrapped before the body's name", () => {
  it("goes on with the name on the next line ('Giám đốc Sở' / 'Giáo dục và Đào tạo, …')", () => {
    const text = "QUYẾT ĐỊNH\n**Điều 3.** Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở\nGiáo dục và Đào tạo, Thủ trưởng các sở, ban, ngành, Giám đốc Trung tâm Phục vụ\nhành chính công tỉnh chịu trách nhiệm thi hành Quyết định này./.\n";
    expect(names(text)).toEqual([["lead:Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead:Giám đốc Sở Giáo dục và Đào tạo", "lead:Thủ trưởng các sở, ban, ngành", "lead:Giám đốc Trung tâm Phục vụ hành chính công tỉnh"]]);
  });
});
