import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/dispatch/clean.js";

const texts = (raw: string) => cleanLines(raw).map((l) => l.text);

describe("cleaning", () => {
  it("removes markdown residue: bold, italics, escaped stars, heading marks", () => {
    expect(texts("## KẾ HOẠCH\n\n**Nơi nhận:**\n\n*Kính gửi:* - Sở Y tế\n\n\\*\n\n### *1- Tăng cường lãnh đạo.*")).toEqual([
      "KẾ HOẠCH",
      "Nơi nhận:",
      "Kính gửi: - Sở Y tế",
      "1- Tăng cường lãnh đạo.",
    ]);
  });

  it("unescapes markdown-escaped numbering", () => {
    expect(texts("1\\. Đối tượng: giáo viên.\n\n2\\. Thời gian.")).toEqual(["1. Đối tượng: giáo viên.", "2. Thời gian."]);
  });

  it("reads a numbered table cell followed by a figure as a row of data, not an item; a table of work keeps its items", () => {
    const prices = texts("Giá bán như sau:\n|\n1. Xăng E5RON92\n|\n19.844\n|\n-37\n|\n2. Dầu hỏa\n|\n19.935\n|\n- 353\n|");
    expect(prices.filter((l) => /^\d+\.\s/u.test(l))).toEqual([]);
    expect(prices.join(" ")).toContain("Xăng E5RON92");
    const work = texts("|\n1. Xây dựng kế hoạch tuyên truyền\n|\nSở Nội vụ\n|\nQuý I/2026\n|");
    expect(work).toContain("1. Xây dựng kế hoạch tuyên truyền");
  });

  it("joins the units a kind names before its colon onto its line ('Bộ trưởng các Bộ:' / 'Xây dựng, Ngoại giao …')", () => {
    expect(texts("Điều 5. Bộ trưởng các Bộ:\nXây dựng, Ngoại giao, Tư pháp và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Nghị quyết này.")).toEqual([
      "Điều 5. Bộ trưởng các Bộ: Xây dựng, Ngoại giao, Tư pháp và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Nghị quyết này.",
    ]);
    expect(texts("Kính gửi các đơn vị sau:\nSở Y tế; Sở Tài chính.")).toHaveLength(2);
  });

  it("drops page-number lines, table rules and pipes", () => {
    expect(texts("Lê Hồng Sơn\n\n22924 - 6\n\n-------\n|\nTrang 2\n- 3 -\nHết.")).toEqual(["Lê Hồng Sơn", "Hết."]);
  });

  it("joins a sentence wrapped over lines, even across a blank line when it continues in lower case", () => {
    expect(texts("3- Công tác nhân đạo là nhiệm vụ của các tổ chức trong hệ thống\n\nchính trị. Các cấp uỷ đảng cần tích cực.")).toEqual([
      "3- Công tác nhân đạo là nhiệm vụ của các tổ chức trong hệ thống chính trị. Các cấp uỷ đảng cần tích cực.",
    ]);
    expect(texts("Giao Giám đốc Sở Giao thông vận\ntải hướng dẫn, kiểm tra.")).toEqual(["Giao Giám đốc Sở Giao thông vận tải hướng dẫn, kiểm tra."]);
  });

  it("joins a subject continued on the next line but not a new block", () => {
    expect(texts("V/v thực hiện nhiệm vụ trọng tâm công tác\nHội và phong trào Chữ thập đỏ năm 2024\n\nKính gửi: Sở Y tế")).toEqual([
      "V/v thực hiện nhiệm vụ trọng tâm công tác Hội và phong trào Chữ thập đỏ năm 2024",
      "Kính gửi: Sở Y tế",
    ]);
    expect(texts("Theo đề nghị của Giám đốc Sở Nội vụ\nCăn cứ Luật Tổ chức chính quyền địa phương;")).toHaveLength(2);
  });

  it("keeps numbered items and dash items on their own lines", () => {
    expect(texts("3. Giao:\n- Phòng Tài chính thực hiện\n- UBND các xã thực hiện")).toEqual([
      "3. Giao:",
      "- Phòng Tài chính thực hiện",
      "- UBND các xã thực hiện",
    ]);
  });

  it("attaches a number standing alone on its line to the text after it", () => {
    expect(texts("Điều 1.\nBan hành kèm theo Quyết định này Quy định.\nSố:\n36/2010/QĐ-UBND")).toEqual([
      "Điều 1. Ban hành kèm theo Quyết định này Quy định.",
      "Số: 36/2010/QĐ-UBND",
    ]);
  });

  it("normalises to NFC and strips HTML tags and control characters", () => {
    const out = texts("<p>Ủy ban nhân dân</p>\u0007".normalize("NFD"));
    expect(out).toEqual(["Ủy ban nhân dân"]);
    expect(out[0]).toBe(out[0]!.normalize("NFC"));
  });

  it("keeps text that only looks like markup: angle brackets and lone stars", () => {
    expect(texts("Công ty A<B>&C ký hợp đồng")).toEqual(["Công ty A<B>&C ký hợp đồng"]);
    expect(texts("Diện tích 3 * 4 m, mã A*B")).toEqual(["Diện tích 3 * 4 m, mã A*B"]);
    expect(texts("<br/>**1.** <strong>Sở Y tế</strong>")).toEqual(["1. Sở Y tế"]);
  });

  it("drops the stars of an italic wrapped over two lines", () => {
    expect(texts("*Kính gửi: Sở Y tế,\nSở Tài chính*")).toEqual(["Kính gửi: Sở Y tế,", "Sở Tài chính"]);
    // Opening and closing mid-line: the deadline inside is plain text again.
    expect(texts("khẩn trương chỉ đạo thực hiện, bảo đảm đến *hết tháng\n12 năm 2025* giải quyết dứt điểm.")).toEqual(["khẩn trương chỉ đạo thực hiện, bảo đảm đến hết tháng 12 năm 2025 giải quyết dứt điểm."]);
  });

  it("joins a number's label wrapped away from its number", () => {
    expect(texts("5. Về đề nghị sửa đổi, bổ sung Nghị định số\n76/2019/NĐ-CP ngày 08/10/2019: Giao Bộ Nội vụ nghiên cứu.")).toEqual(["5. Về đề nghị sửa đổi, bổ sung Nghị định số 76/2019/NĐ-CP ngày 08/10/2019: Giao Bộ Nội vụ nghiên cứu."]);
    expect(texts("1. Sở Y tế báo cáo.\n2. Sở Tài chính thẩm định.")).toHaveLength(2);
    // A number wrapped alone onto a line under its label is not a page number.
    expect(texts("khẩn trương chỉ đạo thực hiện, bảo đảm đến hết tháng\n12\nnăm 2025 giải quyết dứt điểm.")).toEqual(["khẩn trương chỉ đạo thực hiện, bảo đảm đến hết tháng 12 năm 2025 giải quyết dứt điểm."]);
    expect(texts("Sở Y tế thực hiện.\n12\nSở Tài chính thẩm định.")).toEqual(["Sở Y tế thực hiện.", "Sở Tài chính thẩm định."]);
  });

  it("joins an item heading cut after its kind word to the name below it", () => {
    expect(texts("2. Cục\nXuất bản, In và Phát hành\n- Triển khai sửa đổi Luật Xuất bản.")).toEqual(["2. Cục Xuất bản, In và Phát hành", "- Triển khai sửa đổi Luật Xuất bản."]);
    // A heading that already names its body stays a line of its own.
    expect(texts("5. Văn phòng Bộ\nThực hiện tốt công tác tổng hợp.")).not.toContain("5. Văn phòng Bộ Thực hiện tốt công tác tổng hợp.");
  });

  it("joins a line ending in a conjunction or preposition to the next, even across a blank line", () => {
    expect(texts("Giao Sở Nông nghiệp và\n\nPhát triển nông thôn theo dõi.")).toEqual(["Giao Sở Nông nghiệp và Phát triển nông thôn theo dõi."]);
    expect(texts("1. Sở Y tế phối hợp với\n2. Sở Tài chính")).toEqual(["1. Sở Y tế phối hợp với", "2. Sở Tài chính"]);
    expect(texts("Sở Y tế thực hiện.\n\nPhòng Nội vụ theo dõi.")).toEqual(["Sở Y tế thực hiện.", "Phòng Nội vụ theo dõi."]);
  });

  it("does not wrap a full-width number-and-date line into the V/v line under it", () => {
    const body = Array.from({ length: 10 }, (_, i) => `Dòng văn bản số ${i} được ngắt ở khoảng sáu mươi cột cho giống`).join("\n");
    const out = texts(`Số: 1432/UBND-NV Mộ Đức, ngày 05 tháng 10 năm 2015\nV/v báo cáo kết quả công tác cải cách hành chính\n${body}`);
    expect(out[0]).toBe("Số: 1432/UBND-NV Mộ Đức, ngày 05 tháng 10 năm 2015");
    expect(out[1]).toMatch(/^V\/v báo cáo/u);
  });

  it("joins an item wrapped inside its coordinator list, but keeps list items ending in ',' apart", () => {
    expect(texts("2- Ban Tuyên giáo Huyện ủy chủ trì, phối hợp chặt chẽ với Văn phòng Huyện ủy,\nBan Dân vận Huyện ủy tham mưu.")).toEqual([
      "2- Ban Tuyên giáo Huyện ủy chủ trì, phối hợp chặt chẽ với Văn phòng Huyện ủy, Ban Dân vận Huyện ủy tham mưu.",
    ]);
    expect(texts("- Sở Y tế,\n- Sở Tài chính,\nBan Dân vận Huyện ủy")).toEqual(["- Sở Y tế,", "- Sở Tài chính,", "Ban Dân vận Huyện ủy"]);
  });

  it("joins a numbered heading's list of bodies wrapped after a comma, but not a dash item's", () => {
    expect(texts("1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ,\nChủ tịch Ủy ban nhân dân các tỉnh, thành phố\na) Tập trung triển khai.")).toEqual([
      "1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",
      "a) Tập trung triển khai.",
    ]);
    expect(texts("1. Sở Y tế, Sở Tài chính,\nKhẩn trương triển khai kế hoạch.")).toHaveLength(2);
  });

  it("joins an upper-case abbreviation wrapped alone onto the next line, but not a stamp or a header line", () => {
    expect(texts("- Hiệu trưởng các trường THPT, Giám đốc các trung tâm\nGDNN-GDTX.")).toEqual(["- Hiệu trưởng các trường THPT, Giám đốc các trung tâm GDNN-GDTX."]);
    expect(texts("Sở Y tế thực hiện.\nGDNN-GDTX.")).toEqual(["Sở Y tế thực hiện.", "GDNN-GDTX."]);
    expect(texts("Giám đốc các trung tâm\n\nKHẨN")).toEqual(["Giám đốc các trung tâm", "KHẨN"]);
  });

  it("joins a full line to a paragraph's first line cut short by its indent, also when it opens with a capital", () => {
    // A page rendered with each paragraph's first line short ("… Phó Thủ" / "tướng …" shows the layout).
    const page = [
      "Trong các ngày 08 và 09 tháng 11 năm 2025, Phó Thủ",
      "tướng Chính phủ đã làm việc với lãnh đạo tỉnh về phát triển kinh tế - xã hội và",
      "giải ngân vốn đầu tư công, triển khai chính quyền địa phương hai cấp theo kế hoạch.",
      "Sau khi nghe Chủ tịch Ủy ban nhân dân tỉnh Điện",
      "Biên báo cáo; ý kiến của các đại biểu dự buổi làm việc; phát biểu của đồng chí",
      "Bí thư Tỉnh ủy, Phó Thủ tướng Chính phủ kết luận như sau về các nội dung chính:",
      "1. Về lồng ghép các kiến nghị của tỉnh vào các",
      "Chương trình mục tiêu quốc gia và các đề án có liên quan: Giao Bộ Y tế nghiên cứu.",
      "2. Thực hiện ý kiến của Ban Tổ chức",
      "Trung ương tại Văn bản số 9151-CV/BTCTW, đề nghị Bộ Nội vụ khẩn trương tổng hợp.",
    ].join("\n");
    expect(texts(page)).toEqual([
      "Trong các ngày 08 và 09 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã làm việc với lãnh đạo tỉnh về phát triển kinh tế - xã hội và giải ngân vốn đầu tư công, triển khai chính quyền địa phương hai cấp theo kế hoạch.",
      "Sau khi nghe Chủ tịch Ủy ban nhân dân tỉnh Điện Biên báo cáo; ý kiến của các đại biểu dự buổi làm việc; phát biểu của đồng chí Bí thư Tỉnh ủy, Phó Thủ tướng Chính phủ kết luận như sau về các nội dung chính:",
      "1. Về lồng ghép các kiến nghị của tỉnh vào các Chương trình mục tiêu quốc gia và các đề án có liên quan: Giao Bộ Y tế nghiên cứu.",
      "2. Thực hiện ý kiến của Ban Tổ chức Trung ương tại Văn bản số 9151-CV/BTCTW, đề nghị Bộ Nội vụ khẩn trương tổng hợp.",
    ]);
    // Without that layout, a short heading over a full line stays a line of its own.
    const plain = page.replace("Phó Thủ\ntướng", "Phó Thủ tướng").replace("tỉnh Điện\nBiên", "tỉnh Điện Biên");
    expect(texts(plain)).toContain("2. Thực hiện ý kiến của Ban Tổ chức");
  });

  it("reads a text of a few hard-wrapped lines as wrapped", () => {
    const text = [
      "Thực hiện chỉ đạo của Bộ trưởng Bộ Y tế về tăng cường công tác y tế",
      "trong dịp Tết Nguyên đán 2017, ngày 11.1, Cục Quản lý khám chữa bệnh",
      "Bộ Y tế đã có công văn yêu cầu Sở Y tế các tỉnh, thành phố trực thuộc",
      "Trung ương tăng cường giám sát, kiểm tra, bảo đảm tốt công tác khám,",
      "chữa bệnh cho người dân trong dịp tết.",
    ].join("\n");
    expect(texts(text)).toHaveLength(1);
    // A short letter of short lines is not.
    expect(texts("Kính gửi: Sở Y tế\nSở Tài chính\nđề nghị báo cáo.\nPhòng Nội vụ theo dõi.")).toContain("Phòng Nội vụ theo dõi.");
  });

  it("does not wrap a full recipient line into the sentence opening the body under it", () => {
    const body = Array.from({ length: 10 }, (_, i) => `dòng thứ ${i} của đoạn văn được ngắt ở khoảng bảy mươi cột cho giống`).join("\n");
    const out = texts(`Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\nTrong khuôn khổ hợp tác quốc tế về thực hiện chính sách dân tộc, những\n${body}`);
    expect(out[0]).toBe("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương");
    const out2 = texts(`Hiệu trưởng các trường mầm non, tiểu học, trung học cơ sở trên toàn thị xã\nDo tình trạng ngập lụt nghiêm trọng xảy ra trên diện rộng, diễn biến\n${body}`);
    expect(out2[0]).toBe("Hiệu trưởng các trường mầm non, tiểu học, trung học cơ sở trên toàn thị xã");
    // An upper-case title goes on ("… THIỆT HẠI" / "DO BÃO SỐ 3 GÂY RA").
    expect(texts("CÔNG ĐIỆN VỀ VIỆC KHẮC PHỤC THIỆT HẠI\nDO BÃO SỐ 3 GÂY RA")).toEqual(["CÔNG ĐIỆN VỀ VIỆC KHẮC PHỤC THIỆT HẠI DO BÃO SỐ 3 GÂY RA"]);
  });

  it("returns nothing for empty or blank input", () => {
    expect(cleanLines("")).toEqual([]);
    expect(cleanLines("\n \n\t\n")).toEqual([]);
  });
});
