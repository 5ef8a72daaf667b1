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
