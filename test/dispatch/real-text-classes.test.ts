/**
 * Phrase tests for the classes of misses found on real dispatches the reader had never seen (issue 9,
 * docs/reader-blind-scores.md): each row is a general shape, not a document.
 */
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { leadsOfSentence } from "../../src/dispatch/roles.js";
import { splitList } from "../../src/dispatch/bodies.js";
import { findDeadlines } from "../../src/dispatch/deadlines.js";

const read = (text: string) => readDispatch(text, { refDate: "2026-01-15" });
const leads = (s: string) => leadsOfSentence(s)?.leads ?? [];

describe("the issuer asking others in prose", () => {
  it.each([
    ["Bộ Y tế vừa có công điện gửi Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương quan tâm chỉ đạo tăng cường phòng chống dịch.", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]],
    ["Sở Tài nguyên và môi trường vừa có văn bản đề nghị UBND các huyện, thị xã, thành phố chỉ đạo các cơ quan chuyên môn rà soát.", ["UBND các huyện, thị xã, thành phố"]],
    ["Ban Chỉ đạo phòng, chống dịch bệnh COVID-19 tỉnh vừa ban hành Công văn số 1246/UBND-VX yêu cầu các sở, ban, ngành thực hiện.", ["các sở, ban, ngành"]],
    ["Sở Thông tin và Truyền thông trân trọng đề nghị Sở Y tế phối hợp thực hiện.", ["Sở Y tế"]],
    ["Chỉ thị yêu cầu lãnh đạo Hội cựu chiến binh các cấp chuẩn bị tốt đại hội.", ["lãnh đạo Hội cựu chiến binh các cấp"]],
    ["Ban Bí thư yêu cầu, các cấp ủy, tổ chức đảng tập trung phòng, chống dịch.", ["các cấp ủy", "tổ chức đảng"]],
    ["UBND tỉnh thông báo đến các sở, ban, ngành thực hiện treo cờ Tổ quốc.", ["các sở, ban, ngành"]],
    ["Uỷ ban nhân dân phường Nam Đồng thông báo và đề nghị các tổ dân phố treo cờ Tổ quốc.", ["các tổ dân phố"]],
    ["Bên cạnh đó UBND tỉnh yêu cầu Sở Tài nguyên và Môi trường chủ trì kiểm tra.", ["Sở Tài nguyên và Môi trường"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });

  it("bodies before 'và đề nghị' are told to do the same work", () => {
    expect(leads("Thủ trưởng các cơ quan thuộc UBND huyện, Chủ tịch UBND các xã và đề nghị các cơ quan của tỉnh đóng trên địa bàn huyện thực hiện tốt các nhiệm vụ sau:")).toEqual([
      "Thủ trưởng các cơ quan thuộc UBND huyện",
      "Chủ tịch UBND các xã",
      "các cơ quan của tỉnh đóng trên địa bàn huyện",
    ]);
  });

  it("names no body in a condition on whichever unit ('Đơn vị nào chưa …') or a typo of 'Trường hợp'", () => {
    expect(leads("Đơn vị nào chưa thực hiện việc thu thì khẩn trương thu.")).toEqual([]);
    expect(leads("Trường họp xảy ra các vụ việc đột xuất, yêu cầu báo cáo ngay.")).not.toContain("Trường họp xảy ra các vụ việc đột xuất");
  });

  it("starts a task from a news sentence that names the document and carries its request", () => {
    const r = read("Bộ trưởng Bộ GTVT vừa có công văn gửi UBND các tỉnh đề nghị chỉ đạo các Sở, ngành triển khai kiểm soát tải trọng xe.");
    expect(r.tasks.map((t) => t.assignees.map((a) => a.name))).toEqual([["UBND các tỉnh"]]);
    expect(r.doc.type).toBe("Công văn");
  });
});

describe("collective names", () => {
  it.each([
    ["các Sở, Ban, Ngành, Đoàn thể tỉnh, UBND các huyện, thị xã, thành phố", ["các Sở, Ban, Ngành, Đoàn thể tỉnh", "UBND các huyện, thị xã, thành phố"]],
    ["Sở, ban, ngành Thành phố", ["Sở, ban, ngành Thành phố"]],
    ["các đơn vị sự nghiệp và doanh nghiệp nhà nước thuộc tỉnh", ["các đơn vị sự nghiệp", "doanh nghiệp nhà nước thuộc tỉnh"]],
    ["UBND huyện Quang Bình, Bắc Quang", ["UBND huyện Quang Bình", "UBND huyện Bắc Quang"]],
    ["Sở Giao thông, Y tế", ["Sở Giao thông", "Sở Y tế"]],
    ["Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", ["Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"]],
  ])("%s", (list, want) => {
    expect(splitList(list)).toEqual(want);
  });

  it("keeps households and residents addressed by a notice apart from the offices", () => {
    expect(leads("Các cơ quan, đơn vị và hộ gia đình trên địa bàn thị trấn treo cờ Tổ quốc.")).toEqual(["Các cơ quan, đơn vị", "hộ gia đình trên địa bàn thị trấn"]);
  });
});

describe("headers told in a sentence or a title", () => {
  it("reads date, number, recipients and subject from a portal sentence", () => {
    const d = read("Ngày 26/7/2021, UBND thành phố Huế có Công văn 4424 gửi Phòng Kinh tế thành phố; đoàn kiểm tra liên ngành thành phố và Chủ tịch UBND 36 phường, xã về việc nghiêm túc triển khai công tác phòng, chống dịch.\n1. Chủ tịch UBND 36 phường, xã: Khẩn trương triển khai.").doc;
    expect(d.number).toBe("4424");
    expect(d.date).toBe("2021-07-26");
    expect(d.subject).toBe("nghiêm túc triển khai công tác phòng, chống dịch");
    expect(d.recipients).toEqual(["Phòng Kinh tế thành phố", "đoàn kiểm tra liên ngành thành phố", "Chủ tịch UBND 36 phường, xã"]);
  });

  it("reads 'Ngày … tháng … năm …,' and cuts the subject before 'cụ thể như sau'", () => {
    const d = read("Ngày 30 tháng 12 năm 2020, Sở Thông tin và Truyền thông đã có công văn Số: 2686 /STTTT-TTBCXB gửi các cơ quan báo chí về việc tăng cường tuyên truyền phòng, chống dịch cụ thể như sau:\nĐề nghị các cơ quan báo chí tuyên truyền.").doc;
    expect(d.date).toBe("2020-12-30");
    expect(d.number).toBe("2686/STTTT-TTBCXB");
    expect(d.subject).toBe("tăng cường tuyên truyền phòng, chống dịch");
  });

  it.each([
    ["Về việc tổ chức Tết nguyên đán Ất Mùi năm 2015.\nNgày đăng: 29/01/2015\nChủ tịch UBND huyện yêu cầu các xã trực Tết.", "tổ chức Tết nguyên đán Ất Mùi năm 2015"],
    ["QUYẾT ĐỊNH CỦA UBND TỈNH LÀO CAI\n\nBan hành bản quy định về quản lý quảng cáo\n\nĐiều 1. Sở Văn hóa thực hiện.", "Ban hành bản quy định về quản lý quảng cáo"],
    ["Thông báo của UBND tỉnh về việc treo cờ Tổ quốc\n\nCác sở, ban, ngành treo cờ.", "treo cờ Tổ quốc"],
    ["Số 924/SNV-CCHC Ngày 07-9-2015 V/v báo cáo công tác CCHC quý III năm 2015.\nKính gửi: Sở Y tế", "báo cáo công tác CCHC quý III năm 2015"],
  ])("subject of %s", (text, subject) => {
    expect(read(text).doc.subject).toBe(subject);
  });

  it("takes the date of a 'Số … Ngày d-m-y' line and of a typed heading 'Thông báo Khẩn ngày …'", () => {
    expect(read("Số 924/SNV-CCHC Ngày 07-9-2015 V/v báo cáo.\nKính gửi: Sở Y tế").doc.date).toBe("2015-09-07");
    expect(read("Thông báo Khẩn ngày 18/10/2020\n\nKính gửi:\n\nHiệu trưởng các trường\n1. Các đơn vị thực hiện.").doc.date).toBe("2020-10-18");
  });

  it("keeps the body when the document is named at the end of the page", () => {
    const r = read("Cụ thể, Bộ Nội vụ đề nghị Ủy ban nhân dân các tỉnh tạm dừng việc xin chủ trương thành lập đơn vị hành chính đô thị, bảo đảm đúng quy định của pháp luật hiện hành về đơn vị hành chính và các văn bản hướng dẫn có liên quan.\n\nSở Nội vụ giới thiệu toàn văn Văn bản số 3582/BNV-CQĐP");
    expect(r.doc.number).toBe("3582/BNV-CQĐP");
    expect(r.tasks.map((t) => t.assignees[0]?.name)).toEqual(["Ủy ban nhân dân các tỉnh"]);
  });
});

describe("deadlines", () => {
  const ctx = { year: 2020, base: "2020-04-21" };
  const first = (s: string) => findDeadlines(s, ctx)[0];
  it.each([
    ["Báo cáo tình hình trong dịp nghỉ Lễ (từ ngày 30/4 đến hết 03/5/2020).", "2020-05-03", null],
    ["treo cờ từ ngày 01/01/2017 (Chủ nhật) đến hết ngày 02/01/2017 (Thứ hai).", "2017-01-02", null],
    ["được tổ chức từ ngày 12 đến 14-10-2020.", "2020-10-14", null],
    ["Thời gian thực hiện từ ngày 20-28/01/2016.", "2016-01-28", null],
    ["tạm dừng đại hội từ 0 giờ ngày 28/3/2020 cho đến khi có thông báo mới.", "2020-03-28", null],
    ["hoàn thành vào năm 2009.", "2009-12-31", null],
    ["các doanh nghiệp báo cáo trước 15h00 hàng ngày.", null, "periodic"],
  ])("%s", (text, date, recurrence) => {
    expect(first(text)).toMatchObject({ date, recurrence });
  });

  it("gives a later sentence asking the same bodies to their task, with its time", () => {
    const r = read("Kính gửi: Các sở, ban, ngành\n\nSở Nội vụ đề nghị các sở, ban, ngành báo cáo tình hình cải cách hành chính quý III năm 2015.\n\nĐề nghị các sở, ban, ngành gửi báo cáo về Sở Nội vụ trước ngày 10/9/2015.");
    expect(r.tasks.filter((t) => t.assignees.length)).toHaveLength(1);
    expect(r.tasks[0]!.deadline?.date).toBe("2015-09-10");
  });

  it("dates tasks by an information line outside the items and by the window another task states for the activity", () => {
    const notice = read("UBND xã thông báo thời gian treo cờ Tổ quốc:\nThời gian treo cờ Tổ quốc: Từ ngày 23/7/2025 đến hết ngày 27/7/2025.\n1. Các cơ quan, đơn vị, trường học trên địa bàn xã thực hiện treo cờ Tổ quốc tại trụ sở.\n2. Trung tâm Văn hóa xã thông tin trên loa truyền thanh.");
    expect(notice.tasks[0]!.deadline?.date).toBe("2025-07-27");
    expect(notice.tasks[1]!.deadline).toBeNull();
  });
});

describe("items", () => {
  it("reads '1/ ' as an item marker but not a date", () => {
    const r = read("UBND xã thông báo:\n1/ Tất cả các cơ quan, các thôn thực hiện treo cờ Tổ quốc.\n2/ Các hộ gia đình trên địa bàn xã treo cờ Tổ quốc.");
    expect(r.tasks.map((t) => t.ref)).toEqual(["1", "2"]);
  });

  it("does not end the text at a portal's 'Người ký văn bản' line above it", () => {
    const r = read("THÔNG BÁO Về việc treo cờ\nNgười ký văn bản:\nNguyễn Văn A - Phó Chủ tịch UBND phường\nUBND phường thông báo:\n1. Đề nghị các tổ dân phố thực hiện tháo dỡ băng rôn.");
    expect(r.tasks.map((t) => t.assignees.map((a) => a.name))).toEqual([["các tổ dân phố"]]);
  });
});

describe("portal renderings: attribution lines and page chrome", () => {
  it("reads number and date from a closing '(Theo Công văn số …, ngày …)' and keeps the body above it", () => {
    const r = read("TIN TỨC SỰ KIỆN\nHà Tĩnh\n\nV/v Nạo vét kênh mương nội đồng\n\nUBND tỉnh có ý kiến như sau:\n\nGiao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các địa phương kiểm tra, báo cáo UBND tỉnh trước ngày 30/11/2023.\n\n(Theo Công văn số 512/UBND-NN, ngày 14/11/2023)");
    expect(r.doc.number).toBe("512/UBND-NN");
    expect(r.doc.date).toBe("2023-11-14");
    expect(r.doc.issuer).not.toMatch(/tin tức/iu);
    expect(r.tasks.map((t) => t.assignees.map((a) => a.name))).toEqual([["Sở Nông nghiệp và Phát triển nông thôn", "các địa phương"]]);
    expect(r.tasks[0]!.deadline?.date).toBe("2023-11-30");
  });

  it("a cited document in running text is still not the document's own number", () => {
    const r = read("ỦY BAN NHÂN DÂN HUYỆN A\nSố: 12/UBND-VP\n\nThực hiện Công văn số 88/UBND-VX ngày 02/3/2024 của UBND tỉnh, UBND huyện đề nghị các xã báo cáo trước ngày 20/3/2024.");
    expect(r.doc.number).toBe("12/UBND-VP");
  });

  it("'có ý kiến đóng góp' of the bodies asked is not the issuer speaking", () => {
    const r = read("THÔNG BÁO Về việc lấy ý kiến\n1. Giao:\n- UBND các xã, thị trấn tổ chức lấy ý kiến của nhân dân.\nTrong thời gian lấy ý kiến, các cơ quan, UBND các xã, thị trấn có ý kiến đóng góp đề nghị gửi về UBND huyện.");
    expect(r.tasks.flatMap((t) => t.assignees.map((a) => a.name))).toContain("UBND các xã, thị trấn");
  });
});

describe("documents cited by the work versus the document itself", () => {
  it("a document the bodies are asked to study is not the dispatch; its own number in a parenthesis is", () => {
    const r = read("Theo đó, Ban Thường vụ Huyện ủy đề nghị cấp ủy các chi bộ quán triệt, triển khai sâu rộng Kết luận số 93-KL/TW, ngày 20/11/2020 của Ban Bí thư đến cán bộ, đảng viên.\nBan Thường vụ Huyện ủy yêu cầu Ủy ban nhân dân huyện chỉ đạo đẩy mạnh tuyên truyền.");
    expect(r.doc.number).toBeNull();
    expect(r.tasks.map((t) => t.assignees[0]?.name)).toEqual(["cấp ủy các chi bộ", "Ủy ban nhân dân huyện"]);
    const own = read("Sở Văn hóa vừa có Công văn đề nghị các huyện, thành phố tăng cường tuyên truyền (Công văn số 1236/SVHTTDL-QLVH, ngày 30/10/2019).");
    expect(own.doc.number).toBe("1236/SVHTTDL-QLVH");
  });

  it("skips the plans a line cites before naming its own document", () => {
    const r = read("Thực hiện các văn bản của Đảng; thực hiện Kế hoạch số 308-KH/BTGTW ngày 20/01/2015 của Ban Tuyên giáo Trung ương; Bộ VHTTDL đã ban hành Công văn số 5009/BVHTTDL-VHCS ngày 07/12/2015 về việc tổ chức các hoạt động tuyên truyền. Bộ đề nghị Sở Văn hóa các tỉnh triển khai.");
    expect(r.doc.number).toBe("5009/BVHTTDL-VHCS");
    expect(r.doc.date).toBe("2015-12-07");
  });

  it("a request before numbered items that only inform is the task; the items are its text", () => {
    const r = read("Kính gửi: Hiệu trưởng các trường Tiểu học.\nPhòng Giáo dục và Đào tạo đề nghị Hiệu trưởng các trường Tiểu học tổ chức cuộc thi vẽ tranh như sau:\n1. Thời gian dự thi: Từ ngày 05/4/2021 đến ngày 30/4/2021.\n2. Thể lệ cuộc thi: (phụ lục đính kèm).\n3. Cách thức gửi bài dự thi: (phụ lục 3).");
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]!.assignees.map((a) => a.name)).toEqual(["Hiệu trưởng các trường Tiểu học"]);
    expect(r.tasks[0]!.text).toContain("Thể lệ cuộc thi");
  });
});

describe("openers before the body asking", () => {
  it.each([
    ["Công văn nêu rõ: Để đảm bảo Đại hội chi bộ đạt kết quả, Ban Thường vụ Huyện ủy đề nghị các Đảng bộ trực thuộc Huyện ủy lãnh đạo tổ chức đại hội.", ["các Đảng bộ trực thuộc Huyện ủy"]],
    ["Trước tình hình diễn biến phức tạp của thời tiết, để chủ động phòng, chống, Chủ tịch UBND thị xã yêu cầu Ban Chỉ huy PCTT và TKCN thị xã triển khai ngay.", ["Ban Chỉ huy PCTT và TKCN thị xã"]],
    ["Trước mắt, UBND các xã ven biển tổ chức kiểm đếm tàu thuyền.", ["UBND các xã ven biển"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});
