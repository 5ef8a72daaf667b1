/**
 * Prose of central and province documents (round 13 class): narrative items under an issuer's request, a decision's
 * execution clause wrapped over lines or naming bodies by titles the lexicon lacks, conditions whose subject is not
 * asked. Synthetic sentences in the grammar of the real ones.
 */
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { leadsOfSentence } from "../../src/dispatch/roles.js";

const read = (text: string) => readDispatch(text, { refDate: "2025-12-01" });
const leadsOf = (text: string) => read(text).tasks.filter((t) => t.assignees.length > 0).map((t) => t.assignees.filter((a) => a.role === "lead").map((a) => a.name));

const HEADER = "BỘ XÂY DỰNG\nSố: 1234/BXD-VP\nV/v thông tin về chủ trương\nHà Nội, ngày 20 tháng 11 năm 2025\nKính gửi:\n- Bộ Văn hóa, Thể thao và Du lịch;\n- Đài Truyền hình Việt Nam.\n";

describe("numbered items that tell what has been done are the request's facts, not tasks", () => {
  it("the request before them is the one task", () => {
    const text = `${HEADER}Bộ Xây dựng trân trọng đề nghị Bộ Văn hóa, Thể thao và Du lịch, Đài Truyền hình Việt Nam chỉ đạo các cơ quan báo chí thông tin đúng về chủ trương, cụ thể như sau:\n1. Trong thời gian qua, ngành xây dựng đã triển khai nhiều chính sách nhà ở xã hội. Chủ trương này đã được Chính phủ thống nhất cao.\n2. Ngày 10/6/2025, Quốc hội đã thông qua Luật Nhà ở sửa đổi với nhiều quy định mới.\nNơi nhận:\n- Như trên;`;
    const r = read(text);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]!.text).toMatch(/^Bộ Xây dựng trân trọng đề nghị/u);
    expect(leadsOf(text)).toEqual([["Bộ Văn hóa, Thể thao và Du lịch", "Đài Truyền hình Việt Nam"]]);
  });
  it("an item that opens on a date but asks ('… cần …', 'đề nghị …') stays a task", () => {
    const text = `${HEADER}Bộ Xây dựng đề nghị các cơ quan thực hiện các nội dung sau:\n1. Trong thời gian qua, tình trạng vi phạm đã tăng; các cơ quan cần tăng cường kiểm tra.\n2. Tổ chức tuyên truyền Luật Nhà ở sửa đổi.\nNơi nhận:\n- Như trên;`;
    expect(read(text).tasks.map((t) => t.ref)).toEqual(["1", "2"]);
  });
});

describe("a decision's execution clause", () => {
  it("wrapped after a bare title, it stays one task with every body", () => {
    const text = "ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 12/QĐ-UBND\nAn Giang, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\nĐiều 1. Phê duyệt giá thóc năm 2025.\nĐiều 2. Chánh Văn phòng\nUBND tỉnh; Giám đốc Sở Tài chính; Trưởng thuế tỉnh An Giang, Giám đốc\nKho bạc Nhà nước khu vực XIX, Chủ tịch UBND các xã, phường và các tổ chức, cá\nnhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\nNơi nhận:\n- Như Điều 2;";
    const r = read(text);
    expect(r.tasks.filter((t) => t.assignees.length > 0).map((t) => t.ref)).toEqual(["2"]);
    expect(leadsOf(text)[0]).toEqual([
      "Chánh Văn phòng UBND tỉnh",
      "Giám đốc Sở Tài chính",
      "Trưởng thuế tỉnh An Giang",
      "Giám đốc Kho bạc Nhà nước khu vực XIX",
      "Chủ tịch UBND các xã, phường",
      "các tổ chức, cá nhân có liên quan",
    ]);
  });
  it("the Chánh Văn phòng of the issuing committee is not the committee itself", () => {
    const text = "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nSố: 5/QĐ-UBND\nHải Phòng, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\nĐiều 1. Phê duyệt quy chế.\nĐiều 2. Chánh Văn phòng UBND Thành phố, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.";
    expect(leadsOf(text)).toEqual([["Chánh Văn phòng UBND Thành phố", "Giám đốc Sở Nội vụ"]]);
  });
});

describe("a condition's subject is not asked", () => {
  it("'Sau thời hạn nêu trên, nếu bộ, ngành, địa phương chưa có báo cáo thì phải tự chịu trách nhiệm …'", () => {
    expect(leadsOfSentence("Sau thời hạn nêu trên, nếu bộ, ngành, địa phương chưa có báo cáo thì phải tự chịu trách nhiệm trước các cấp có thẩm quyền.")?.leads ?? []).toEqual([]);
  });
  it("what follows 'thì' may still name who acts", () => {
    expect(leadsOfSentence("Sau thời hạn trên, nếu các xã chưa hoàn thành thì Sở Nội vụ tổng hợp, báo cáo UBND tỉnh.")?.leads).toEqual(["Sở Nội vụ"]);
  });
});

describe("what an earlier document asked is background", () => {
  it("'Bộ Nội vụ đã có Văn bản số 8091/BNV-TCBC … đề nghị …' in letter 10989 is no task; the letter's own request is", () => {
    const text = "BỘ NỘI VỤ\nSố: 10989/BNV-TCBC\nV/v đề xuất biên chế\nHà Nội, ngày 21 tháng 11 năm 2025\nKính gửi:\n- Các bộ, cơ quan ngang bộ;\n- Ủy ban nhân dân tỉnh, thành phố.\nThực hiện ý kiến của Ban Tổ chức Trung ương, Bộ Nội vụ đã có Văn bản số 8091/BNV-TCBC ngày 17/9/2025 đề nghị các Bộ, ngành, địa phương báo cáo thực trạng biên chế. Để việc đề xuất được thống nhất, đề nghị bộ, ngành, địa phương khẩn trương tổng hợp đề xuất biên chế và gửi về Bộ Nội vụ trước ngày 26/11/2025.\nNơi nhận:\n- Như trên;";
    const r = read(text);
    expect(r.tasks.map((t) => t.text.slice(0, 20))).toEqual(["Để việc đề xuất được"]);
    expect(leadsOf(text)).toEqual([["bộ, ngành, địa phương"]]);
  });
});

describe("closing requests and wrapped names after the items", () => {
  it("'Yêu cầu Giám đốc các sở …; Chủ tịch UBND các xã …; Thủ trưởng … triển khai thực hiện nghiêm túc Chỉ thị này./.' closes the items", () => {
    const text = "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nSố: 06/CT-UBND\nQuảng Trị, ngày 20 tháng 11 năm 2025\nCHỈ THỊ\n1. Sở Nông nghiệp và Môi trường tăng cường kiểm tra, xử lý vi phạm.\n2. Công an tỉnh chỉ đạo lực lượng Công an xã phối hợp với lực lượng Kiểm lâm.\n\nYêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường; Thủ trưởng các cơ quan, đơn vị có liên quan triển khai thực hiện nghiêm túc Chỉ thị này./.\nNơi nhận:\n- Như trên;";
    expect(read(text).tasks.map((t) => t.ref)).toEqual(["1", "2"]);
  });
  it("a numbered heading wrapped after 'từ' keeps the whole name ('… các tỉnh, thành phố từ' / 'Hà Tĩnh đến Khánh Hòa:')", () => {
    const body = Array.from({ length: 6 }, () => "tổ chức theo dõi chặt chẽ, cập nhật đầy đủ, thông tin kịp thời về tình hình và diễn").join("\n");
    const text = `THỦ TƯỚNG CHÍNH PHỦ\nSố: 217/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ\nHà Tĩnh đến Khánh Hòa chỉ đạo các lực lượng ứng trực, ${body}\nbiến mưa lũ.\nNơi nhận:\n- Như trên;`;
    expect(leadsOf(text)).toEqual([["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa"]]);
  });
  it("a short hard-wrapped letter (mostly header lines) still has its wrapped body lines joined", () => {
    const text = "VĂN PHÒNG CHÍNH PHỦ\n|\nSố: 11654/VPCP-CN\n|\nV/v cung ứng vật liệu\n|\nHà Nội, ngày 25 tháng 11 năm 2025\n|\nKính gửi:\n- Bộ Xây dựng;\n- Ủy ban nhân dân các tỉnh.\n|\nXét báo cáo và đề xuất, kiến nghị của Ủy ban nhân dân tỉnh Hưng Yên về tình hình\ncung ứng vật liệu xây dựng phục vụ Dự án tuyến đường bộ cao tốc, Phó Thủ tướng\nChính phủ có ý kiến như sau: Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên khẩn trương\nlàm việc với các địa phương có liên quan để đảm bảo nguồn cung vật liệu xây dựng\nphục vụ Dự án; báo cáo Thủ tướng Chính phủ kết quả trước ngày 03 tháng 12 năm\n2025. Ủy ban nhân dân các tỉnh: Ninh Bình, Bắc Ninh, Phú Thọ, Tuyên Quang đẩy\nnhanh các thủ tục theo quy định của pháp luật để hỗ trợ tỉnh Hưng Yên đảm bảo\nnguồn cung vật liệu xây dựng phục vụ thi công đáp ứng tiến độ thực hiện Dự án.\n|\nNơi nhận:\n- Như trên;";
    expect(leadsOf(text)).toContainEqual(["Ủy ban nhân dân các tỉnh: Ninh Bình, Bắc Ninh, Phú Thọ, Tuyên Quang"]);
  });
});

describe("paragraphs numbered in brackets in a page's prose", () => {
  it("each starts the task of the body it names, 'Giao' included ('(3) Các Sở, Ban, Ngành …', '(5) Giao Trung tâm …')", () => {
    const page = [
      "Ngày 24/10/2025, UBND TP. Hà Nội ban hành Công văn 5744/UBND-NC về việc không thu thành phần hồ sơ giấy.",
      "",
      "Trong Công văn, UBND TP. Hà Nội chỉ đạo một số nội dung sau:",
      "",
      "(1) Các Sở, Ban, Ngành thực hiện rà soát, xây dựng phương án tái cấu trúc quy trình.",
      "",
      "(2) Giao Trung tâm Phục vụ hành chính công Thành phố tăng cường công tác kiểm tra, giám sát.",
      "",
      "(3) UBND các xã, phường bố trí đầy đủ phương tiện, máy móc để hỗ trợ người dân.",
    ].join("\n");
    expect(leadsOf(page)).toEqual([["Các Sở, Ban, Ngành"], ["Trung tâm Phục vụ hành chính công Thành phố"], ["UBND các xã, phường"]]);
  });
});

describe("an issuer's closing 'X thông báo để Y biết và thực hiện'", () => {
  it("restates the letter and starts no task; a request that ends 'để nhân dân biết thực hiện' stays one", () => {
    const letter = `CỤC THUẾ\nSố: 5435/CT-NVT\nHà Nội, ngày 20 tháng 11 năm 2025\nKính gửi: Thuế các tỉnh, thành phố\n\n1. Thuế các tỉnh, thành phố rà soát hồ sơ gia hạn nộp thuế.\n2. Thuế các tỉnh, thành phố báo cáo kết quả hằng tuần.\n\nCục Thuế thông báo để Trưởng Thuế các tỉnh, thành phố biết và thực hiện./.`;
    expect(read(letter).tasks.filter((t) => t.assignees.length > 0).map((t) => t.ref)).toEqual(["1", "2"]);
    expect(leadsOf("Đề nghị Đài truyền thanh xã, các đồng chí Trưởng thôn thông báo liên tục trên hệ thống truyền thanh để toàn thể nhân dân biết thực hiện./.")).toEqual([["Đài truyền thanh xã", "các đồng chí Trưởng thôn"]]);
  });
});
