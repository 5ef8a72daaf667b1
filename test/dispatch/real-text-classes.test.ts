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

  it("a closing paragraph asking the same bodies again is its own task, and its time governs their earlier one", () => {
    const r = read("Kính gửi: Các sở, ban, ngành\n\nSở Nội vụ đề nghị các sở, ban, ngành báo cáo tình hình cải cách hành chính quý III năm 2015.\n\nĐề nghị các sở, ban, ngành gửi báo cáo về Sở Nội vụ trước ngày 10/9/2015.");
    expect(r.tasks.filter((t) => t.assignees.length)).toHaveLength(2);
    expect(r.tasks.map((t) => t.deadline?.date)).toEqual(["2015-09-10", "2015-09-10"]);
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

describe("verbs that end a subject", () => {
  it.each([
    ["Bộ Tài nguyên và Môi trường xin ý kiến Sở Tài nguyên và Môi trường Quảng Nam.", "Bộ Tài nguyên và Môi trường"],
    ["Chủ tịch UBND các xã, phường ven biển tìm mọi biện pháp đưa tàu thuyền vào nơi tránh trú.", "Chủ tịch UBND các xã, phường ven biển"],
    ["Các xã ven biển kiểm đếm tàu thuyền, hướng dẫn neo đậu.", "Các xã ven biển"],
    ["Chủ tịch Ủy ban bầu cử các xã, thị trấn hoàn thiện hồ sơ.", "Chủ tịch Ủy ban bầu cử các xã, thị trấn"],
  ])("%s", (sentence, first) => {
    expect(leads(sentence)[0]).toBe(first);
  });
});

describe("counts standing for 'các'", () => {
  it("reads '13 phường', '08 Tổ dân phố' and 'mỗi trường' as bodies, not 'ở mỗi xã' as one", () => {
    expect(leads("Đề nghị Tổ trưởng 08 Tổ dân phố thông báo cho các hộ kinh doanh.")).toEqual(["Tổ trưởng 08 Tổ dân phố"]);
    expect(leads("Đề nghị Phó Chủ tịch Ủy ban nhân dân 13 phường báo cáo định kỳ.")).toEqual(["Phó Chủ tịch Ủy ban nhân dân 13 phường"]);
    expect(leads("Đề nghị mỗi trường giới thiệu 01 học sinh tiêu biểu.")).toEqual(["mỗi trường"]);
    expect(leads("Tổ chức ngày hội ở mỗi xã, phường trên địa bàn.")).toEqual([]);
  });
});

describe("a stated period beats a bare 'định kỳ'", () => {
  it("takes 'ngày 07 hàng tháng' over the 'Định kỳ' before it, and keeps 'định kỳ' alone as periodic", () => {
    const ctx = { year: 2014, base: "2014-05-20" };
    expect(findDeadlines("Định kỳ, các phường báo cáo kết quả về Trung tâm chậm nhất là ngày 07 hàng tháng.", ctx)[0]).toMatchObject({ date: "2014-06-07", recurrence: "monthly" });
    expect(findDeadlines("Các phường báo cáo định kỳ về Trung tâm.", ctx)[0]).toMatchObject({ date: null, recurrence: "periodic" });
  });
});

describe("a request after a comma with no opener word", () => {
  it("finds 'X đề nghị Y' after a clause the reader cannot name, but not a bare list met mid-sentence", () => {
    expect(leads("(TTV) - Đ ể chủ động bảo đảm cung cầu dịp Tết, Bộ Công Thương đề nghị Sở Công Thương các tỉnh theo dõi nguồn cung.")).toEqual(["Sở Công Thương các tỉnh"]);
    expect(leads("Tăng cường kiểm tra các cơ sở kinh doanh, các hộ gia đình thực hiện đổ rác đúng giờ.")).toEqual([]);
  });
});

describe("a named official asking", () => {
  it.each([
    ["Phó Thủ tướng Trần Hồng Hà yêu cầu Bộ Tài nguyên và Môi trường khẩn trương rà soát.", ["Bộ Tài nguyên và Môi trường"], "Phó Thủ tướng Trần Hồng Hà"],
    ["Bộ trưởng Nguyễn Kim Sơn đề nghị các sở giáo dục và đào tạo chỉ đạo các trường.", ["các sở giáo dục và đào tạo"], "Bộ trưởng Nguyễn Kim Sơn"],
  ])("%s", (sentence, want, who) => {
    expect(leads(sentence)).toEqual(want);
    expect(leadsOfSentence(sentence)?.requester).toEqual([who]);
  });
});

describe("duties that start with 'có kế hoạch', 'chỉ' or 'đẩy nhanh'", () => {
  it.each([
    ["Đề nghị UBND các xã có kế hoạch kiểm tra các cơ sở.", ["UBND các xã"]],
    ["Yêu cầu Phòng Tài chính - Kế hoạch chỉ cấp kinh phí khi có hồ sơ.", ["Phòng Tài chính - Kế hoạch"]],
    ["Đề nghị Ban Chỉ huy Quân sự huyện đẩy nhanh tiến độ.", ["Ban Chỉ huy Quân sự huyện"]],
    // 'chỉ đạo', 'Chỉ huy' inside a name do not end it.
    ["UBND huyện đề nghị Ban Chỉ đạo huyện chỉ đạo các xã.", ["Ban Chỉ đạo huyện"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("collectives with where they are, and 'tổ chức' as a kind", () => {
  it.each([
    ["Đề nghị các đơn vị, tổ chức, cá nhân có liên quan thực hiện.", ["các đơn vị, tổ chức, cá nhân có liên quan"]],
    ["Đề nghị các cơ quan, tổ chức và cá nhân thực hiện.", ["các cơ quan, tổ chức và cá nhân"]],
    // The verb "tổ chức" still ends the subject.
    ["Đề nghị các đơn vị tổ chức, triển khai thực hiện.", ["các đơn vị"]],
    ["Yêu cầu cấp ủy, chính quyền các cấp, các địa phương trong tỉnh triển khai.", ["cấp ủy", "chính quyền các cấp", "các địa phương trong tỉnh"]],
    ["Đề nghị các tinh, thanh pho trong ca nuoc trien khai.", []],
    ["Đề nghị các tỉnh, thành phố trong cả nước triển khai.", ["các tỉnh, thành phố trong cả nước"]],
    ["Đề nghị UBND các huyện trong thời gian tới triển khai.", ["UBND các huyện"]],
    ["Đề nghị Thủ trưởng các cơ quan, đơn vị liên quan thuộc Bộ thực hiện.", ["Thủ trưởng các cơ quan, đơn vị liên quan thuộc Bộ"]],
    ["Giao Đài Phát thanh & Truyền hình Nghệ An, và thủ trưởng các đơn vị liên quan thi hành.", ["Đài Phát thanh & Truyền hình Nghệ An", "thủ trưởng các đơn vị liên quan"]],
    ["Giao Giám đốc các Sở, Ban, ngành, đoàn thể có liên quan, Chủ tịch UBND các huyện thi hành.", ["Giám đốc các Sở, Ban, ngành, đoàn thể có liên quan", "Chủ tịch UBND các huyện"]],
  ])("%s", (sentence, want) => {
    expect(leads(sentence)).toEqual(want);
  });
});

describe("a new paragraph asking the same body again", () => {
  const head = "Kính gửi: Chủ tịch Ủy ban nhân dân các quận, huyện.\n";
  it("starts a new task; a sentence in the same paragraph goes on with the first", () => {
    const r = read(`${head}Sở Giáo dục và Đào tạo đề nghị Chủ tịch Ủy ban nhân dân các quận, huyện chỉ đạo các trường cho học sinh nghỉ học.\nĐề nghị Chủ tịch UBND các quận, huyện chỉ đạo rà soát tình hình các trường và khắc phục ngay các thiệt hại.`);
    expect(r.tasks.map((t) => t.ref)).toEqual(["#1", "#2"]);
    const same = read(`${head}Đề nghị Chủ tịch UBND các quận, huyện chỉ đạo các trường cho học sinh nghỉ học. Đề nghị Chủ tịch UBND các quận, huyện báo cáo kết quả về Sở.`);
    expect(same.tasks).toHaveLength(1);
  });
  it("a paragraph the page prints twice is one task", () => {
    const p = "Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị, UBND các xã, thị trấn thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ về phòng, chống dịch Covid-19.";
    const r = read(`${p}\n${p.replace("Thủ tướng Chính phủ", "Thủ tướng Chính phủ tại Thông báo số 31/TB-VPCP")}`);
    expect(r.tasks).toHaveLength(1);
  });
  it("a closing restatement with a purpose is not a task", () => {
    const r = read("Ban Quản lý đề nghị các doanh nghiệp báo cáo tình hình trước 15 giờ hằng ngày.\nBan Quản lý yêu cầu các doanh nghiệp trong khu công nghiệp nghiêm túc triển khai, thực hiện./.");
    expect(r.tasks).toHaveLength(1);
    const p = read("Đề nghị các hộ dân, cơ sở kinh doanh thu gom rác đúng giờ.\nĐề nghị các hộ dân, cơ sở kinh doanh, đơn vị trên địa bàn nghiêm túc thực hiện nhằm góp phần giữ gìn vệ sinh môi trường.");
    expect(p.tasks).toHaveLength(1);
  });
});

describe("'kính' before the verb", () => {
  it("ends the name of the body writing ('Sở Công thương kính gửi …' names where the letter went, not a task)", () => {
    expect(leadsOfSentence("Sở Công thương kính gửi các sở, ngành góp ý dự thảo Quyết định của Thủ tướng Chính phủ.")).toMatchObject({ leads: ["Sở Công thương"], requested: false });
    expect(leads("Sở Y tế kính đề nghị UBND các huyện chỉ đạo các xã.")).toEqual(["UBND các huyện"]);
  });
});

describe("scanned and flattened pages", () => {
  it("splits the body off a Kính gửi line that runs into it, and reads OCR item numbers without their full stop", () => {
    const r = read("Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương (danh sách kèm theo) Thực hiện chỉ đạo của Bộ trưởng Bộ Y tế về việc mở rộng mạng lưới bệnh viện vệ tinh, Cục Quản lý Khám, chữa bệnh đề nghị Sở Y tế các tỉnh thực hiện tốt một số việc sau:\n1 Đôn đốc các bệnh viện vệ tinh báo cáo kết quả thực hiện dự án.\n2 Đánh giá chung kết quả thực hiện năm 2013.\n3 Đề xuất định hướng 2016-2020.");
    expect(r.doc.recipients).toEqual(["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương (danh sách kèm theo)"]);
    expect(r.tasks.map((t) => t.ref)).toEqual(["1", "2", "3"]);
    // Without the colon before it, "1 Sở" is not taken for an item.
    expect(read("Kính gửi: UBND các huyện.\nĐề nghị UBND các huyện báo cáo số liệu.\n1 Sở Y tế nhận.\n2 Sở Tài chính nhận.").tasks.every((t) => t.ref.startsWith("#"))).toBe(true);
  });
});

describe("a quyết định's title block", () => {
  it("drops the authority line a page joins to the title, and the 'CỦA … SỐ … NGÀY …' before 'VỀ VIỆC'", () => {
    expect(read("TỔNG CỤC THUẾ\nSố: 255/QĐ-TCT\nHà Nội, ngày 28 tháng 03 năm 2001\nQUYẾT ĐỊNH VỀ VIỆC BAN HÀNH HỆ THỐNG MẪU BIỂU BÁO CÁO THỐNG KÊ THUẾ TỔNG CỤC TRƯỞNG TỔNG CỤC THUẾ\nCăn cứ Nghị định số 281/HĐBT;").doc.subject).toBe("BAN HÀNH HỆ THỐNG MẪU BIỂU BÁO CÁO THỐNG KÊ THUẾ");
    expect(read("THỦ TƯỚNG CHÍNH PHỦ\nSố: 180/2002/QĐ-TTg\nHà Nội, ngày 19 tháng 12 năm 2002\nQUYẾT ĐỊNH\nCỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 180/2002/QĐ-TTG NGÀY 19 THÁNG 12 NĂM 2002 VỀ VIỆC BAN HÀNH QUY CHẾ QUẢN LÝ TÀI CHÍNH\n\nTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;").doc.subject).toBe("BAN HÀNH QUY CHẾ QUẢN LÝ TÀI CHÍNH");
    // An authority named inside the title stays.
    expect(read("UBND TỈNH\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật;").doc.subject).toBe("BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH");
  });
  it("keeps a number's dash as written", () => {
    expect(read("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố : 4144 /GDĐT – VP\nV/v cho học sinh nghỉ học").doc.number).toBe("4144/GDĐT–VP");
  });
});

describe("a report asked for by topics", () => {
  const text = "Kính gửi: Các sở giáo dục và đào tạo\n\nThực hiện Chương trình công tác năm 2015 về đồng phục học sinh (Thông tư 26); Bộ Giáo dục và Đào tạo đề nghị các sở giáo dục và đào tạo báo cáo tình hình thực hiện Thông tư 26 trước ngày 20/12/2015 theo các nội dung cụ thể sau:\n\n1. Công tác chỉ đạo về việc may, mặc đồng phục năm học 2015 - 2016.\n\n2. Công tác kiểm tra, giám sát và xử lý sai phạm.\n\n3. Những đề xuất, kiến nghị và ý kiến khác.\n\nNhận được công văn này, Bộ Giáo dục và Đào tạo đề nghị các sở giáo dục và đào tạo chỉ đạo các cơ sở giáo dục trên địa bàn triển khai, tổng hợp và báo cáo về Bộ.";
  it("makes the request before the topics the task and the topics its text; 'Nhận được công văn này, … đề nghị …' is a task", () => {
    const r = read(text);
    expect(r.tasks.map((t) => t.ref)).toEqual(["#1", "#2"]);
    expect(r.tasks[0]!.assignees.map((a) => a.name)).toEqual(["các sở giáo dục và đào tạo"]);
    expect(r.tasks[0]!.text).toContain("Những đề xuất");
    expect(r.tasks[1]!.text).toMatch(/^Nhận được công văn này/u);
  });
  it("keeps 'Nhận được công văn này, yêu cầu … nghiêm túc thực hiện …' a closing", () => {
    const r = read("Kính gửi: Hiệu trưởng các trường\n1. Các trường tổ chức tổng vệ sinh.\n2. Các trường báo cáo kết quả.\nNhận được công văn này, yêu cầu Hiệu trưởng các trường nghiêm túc thực hiện và nộp báo cáo trước 9h00 ngày 23/4/2018./.");
    expect(r.tasks.map((t) => t.ref)).toEqual(["1", "2"]);
  });
});
