/**
 * Header fields as the guide states them: the number (government "Số: 164/KH-UBND", Party "Số 1277 -CV/HU", or named in
 * a portal sentence or source tag), the date (a year must be written), and the subject (after "V/v", "về việc", a
 * "Về: …" line, or the line under the type heading; a portal's own headline is not one).
 */
import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/dispatch/clean.js";
import { readHeader } from "../../src/dispatch/header.js";

const header = (text: string) => readHeader(cleanLines(text)).doc;

describe("a page's title line gives way to the header's own trích yếu", () => {
  it("the header's 'Về việc …' line under the type heading replaces the page title above it", () => {
    const doc = header(
      [
        "Thông báo về việc thu Bảo hiểm y tế học sinh", "PHÒNG GD-ĐT CẦN GIUỘC", "TRƯỜNG TIỂU HỌC AN BÌNH",
        "Số: 78/TB-THAB An Bình, ngày 20 tháng 9 năm 2021", "THÔNG BÁO", "Về việc tham gia BHYT cho học sinh",
        "Căn cứ văn bản số 1626/BHXH-QLT về việc hướng dẫn thu BHYT học sinh;",
      ].join("\n"),
    );
    expect(doc.subject).toBe("tham gia BHYT cho học sinh");
  });

  it("a 'V/v' line replaces a capitalised headline, and a salutation under it does not continue it", () => {
    const doc = header(
      [
        "Thông tin tuyên truyền", "THÔNG BÁO CỦA UBND XÃ AN LẠC VỀ VIỆC TIÊM PHÒNG BỆNH DẠI CHO ĐÀN CHÓ", "08/11/2023 07:49:55",
        "THÔNG BÁO CỦA UBND XÃ AN LẠC", "V/v tiêm phòng, phòng chống bệnh dại cho đàn chó vụ thu năm 2023",
        "Kính thưa toàn thể nhân dân trong xã!", "Thực hiện kế hoạch của UBND huyện về việc tiêm phòng.",
      ].join("\n\n"),
    );
    expect(doc.subject).toBe("tiêm phòng, phòng chống bệnh dại cho đàn chó vụ thu năm 2023");
  });

  it("a page title that says 'Về việc' itself is kept against a cited document's 'V/v' in the text", () => {
    const doc = header(
      [
        "THÔNG BÁO Về việc đôn đốc các thôn làm vụ đông năm 2022", "Đăng lúc: 20/09/2022",
        "Thông báo số 1153/TB-UBND ngày 09/9/2022 V/v chỉ đạo sản xuất vụ đông năm 2022.",
      ].join("\n"),
    );
    expect(doc.subject).toBe("đôn đốc các thôn làm vụ đông năm 2022");
  });
});

describe("a tag that ends the page names its document", () => {
  it.each([
    ["UBND tỉnh có ý kiến như sau:\n\nGiao Sở Y tế báo cáo UBND tỉnh.\n\n(Theo Công văn 907/UBND-KT ngày 13/3/2023)", "907/UBND-KT", "2023-03-13"],
    ["Ủy ban nhân dân huyện thông báo đến Nhân dân biết./.\n\nBBT(Nguồn: 132/TB-UBND)", "132/TB-UBND", null],
    ["Trả lời: UBND huyện sẽ kiến nghị UBND tỉnh xem xét, quyết định. (Văn bản số 154/UBND-VP ngày 10/02/2020 của UBND huyện Chợ Mới)", "154/UBND-VP", "2020-02-10"],
  ])("%s", (text, num, date) => {
    const doc = header(text);
    expect(doc.number).toBe(num);
    expect(doc.date).toBe(date);
  });

  it("a tag in the middle of the text cites another document", () => {
    const doc = header(["Cử tri đề nghị sửa đường.", "Cử tri đề nghị làm cầu.", "Cử tri đề nghị nạo vét kênh.", "Cử tri đề nghị lắp đèn.", "Đường đã được xếp vào kế hoạch (Công văn số 12/UBND ngày 1/2/2020 của UBND tỉnh)", "Trả lời: UBND huyện tiếp thu.", "Đoạn hai.", "Đoạn ba.", "Đoạn bốn.", "Đoạn năm.", "Đoạn sáu."].join("\n\n"));
    expect(doc.number).toBeNull();
  });
});

describe("the document's date in the header", () => {
  it.each([
    ["Số: 559/TC-LHH\nHà Nội ngày 10 tháng 7 năm 1991\nCHỦ TỊCH HỘI ĐỒNG", "1991-07-10"],
    ["Số: 1228/THPT\nPhan\nRang ngày 12 tháng 11 năm 2003\nQUY ĐỊNH VÀ HƯỚNG DẪN", "2003-11-12"],
  ])("a place-date line without its comma: %s", (text, date) => {
    expect(header(text).date).toBe(date);
  });

  it("a time of day before 'ngày' is a sentence, not a place", () => {
    expect(header("Sáng ngày 12 tháng 3 năm 2020").date).toBeNull();
  });

  it("a page's posting stamp (weekday, or a clock time after it) is not the document's date", () => {
    const doc = header(
      [
        "Đại hội đại biểu Đảng bộ Thứ 4, Ngày 13/05/2020, 08:15", "QUẬN 6 KHẨN TRƯƠNG CHUẨN BỊ ĐẠI HỘI",
        "Để chuẩn bị Đại hội đảng cấp cơ sở, ngày 07 tháng 5 năm 2020, Quận ủy Quận 6 ban hành Công văn số 1363-CV/QU đề nghị các chi bộ tập trung thực hiện:",
      ].join("\n\n"),
    );
    expect(doc.number).toBe("1363-CV/QU");
    expect(doc.date).toBe("2020-05-07");
  });
});

describe("a portal sentence naming the document gives its subject", () => {
  it("a legal-text portal's 'Công văn N năm 2025 về …', its question headline being no subject", () => {
    const doc = header(
      [
        "Công văn 5782/UBND-KT về tổ chức truyền thông Hội chợ Mùa Thu năm 2025 ra sao?",
        "Ngày 28/10/2025, UBND TP Hà Nội đã có Công văn 5782/UBND-KT năm 2025 về tổ chức truyền thông Hội chợ Mùa Thu năm 2025.",
      ].join("\n\n"),
    );
    expect(doc.number).toBe("5782/UBND-KT");
    expect(doc.subject).toBe("tổ chức truyền thông Hội chợ Mùa Thu năm 2025");
  });

  it.each([
    ["Ngày 20/6/2024, UBND Quận Đống Đa ban hành Văn bản v/v Tham gia Giải Báo chí năm 2024.", "Tham gia Giải Báo chí năm 2024"],
    ["Sáng 3/1, Bí thư Tỉnh ủy vừa ký ban hành Chỉ thị của Ban Thường vụ Tỉnh ủy về tổ chức đón Tết Nguyên đán Canh Tý 2020.", "tổ chức đón Tết Nguyên đán Canh Tý 2020"],
    ["Ban Tuyên giáo Trung ương ban hành Hướng dẫn 132-HD/BTGTW ngày 10/4/2020 của về báo chí tuyên truyền đại hội đảng bộ các cấp.", "báo chí tuyên truyền đại hội đảng bộ các cấp"],
  ])("%s", (text, subject) => {
    expect(header(`Tin tức\n\n${text}`).subject).toBe(subject);
  });
});

describe("number forms", () => {
  it.each([
    ["Số: 1855/BTĐKT-Vụ II\nV/v cấp Bằng Tổ quốc ghi công", "1855/BTĐKT-VụII"],
    ["Số: 2529/VPCP-V .I\nV/v chống buôn lậu", "2529/VPCP-V.I"],
    ["Số: 255TCT/QĐ/KH\nHà Nội, ngày 28 tháng 03 năm 2001", "255TCT/QĐ/KH"],
    ["Số: 164 /KH-UBND", "164/KH-UBND"],
  ])("%s", (text, num) => {
    expect(header(text).number).toBe(num);
  });

  it("news that 'vừa nhận được Công văn số …' names the document it tells", () => {
    const doc = header(
      [
        "Hồi âm bài báo về bãi cát trái phép", "04/09/2014 00:00", "Tin tức địa phương", "Ảnh minh họa",
        "(TN&MT) – Báo Tài nguyên & Môi trường vừa nhận được Công văn số: 3594/STNMT – TNKS ngày 26/8/2014 của Sở Tài nguyên & Môi trường gửi UBND huyện Hậu Lộc chỉ đạo về việc xử lý dứt điểm tình trạng tập kết cát trái phép trên địa bàn.",
      ].join("\n\n"),
    );
    expect(doc.number).toBe("3594/STNMT–TNKS");
    expect(doc.date).toBe("2014-08-26");
    expect(doc.subject).toBe("xử lý dứt điểm tình trạng tập kết cát trái phép trên địa bàn");
  });

  it("a sentence that tells a document received is still a citation when it is not news ('Ủy ban nhận được Công văn số …')", () => {
    const doc = header(["Tin một", "Tin hai", "Tin ba", "Ủy ban nhân dân huyện nhận được Công văn số 12/SYT ngày 1/2/2020 của Sở Y tế về việc phòng dịch."].join("\n\n"));
    expect(doc.number).toBeNull();
  });
});

describe("where the subject ends", () => {
  it("before the announcement of the content ('… một số nội dung như sau:')", () => {
    const doc = header("Nay trường Mẫu giáo An Hòa thông báo đến học sinh, giáo viên Về Việc cho học sinh tiếp tục nghỉ học do dịch bệnh Covid-19 một số nội dung như sau:\n\n1. Học sinh");
    expect(doc.subject).toBe("cho học sinh tiếp tục nghỉ học do dịch bệnh Covid-19");
  });

  it("before ', theo Công văn …' going on to what the document says", () => {
    const doc = header("Tin địa phương\n\nNgày 27 tháng 4 năm 2020, UBND thị xã ban hành Công văn số 1531/UBND-VH về việc tuyên truyền chào mừng Đại hội Đảng bộ các cấp, theo Công văn Chủ tịch UBND thị xã yêu cầu các cơ quan thực hiện.");
    expect(doc.subject).toBe("tuyên truyền chào mừng Đại hội Đảng bộ các cấp");
  });

  it("a capitalised 'KẾT LUẬN CỦA X VỀ Y' title is kept whole; 'CỦA X VỀ VIỆC Y' gives Y", () => {
    expect(header("Số 212-KL/TW\nKẾT LUẬN\nCỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ\nVỀ ĐỊNH HƯỚNG PHÂN LOẠI ĐÔ THỊ\n\nTại phiên họp ngày 14/11/2025, Bộ Chính trị kết luận như sau:").subject).toBe(
      "CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ ĐỊNH HƯỚNG PHÂN LOẠI ĐÔ THỊ",
    );
    expect(header("THÔNG BÁO CỦA UBND XÃ AN LẠC VỀ VIỆC TIÊM PHÒNG BỆNH DẠI\n\nThực hiện kế hoạch của UBND huyện.").subject).toBe("TIÊM PHÒNG BỆNH DẠI");
  });
});

describe("trích yếu lines as headers write them", () => {
  it("'Vv …' written without its slash", () => {
    expect(header('ỦY BAN NHÂN DÂN XÃ ĐỨC TÂN\nSố: 44/UBND\n\n"Vv chế độ trợ cấp ưu đãi đối với Anh hùng LLVT nhân dân"\n\nĐức Tân, ngày 14 tháng 5 năm 2010').subject).toBe(
      "chế độ trợ cấp ưu đãi đối với Anh hùng LLVT nhân dân",
    );
  });

  it("a page's line repeating the document's own number after its type word, with 'Về việc' after the date", () => {
    const doc = header("3682/BVHTTDL-VP\n\nTin văn bản\n\nCông văn Số: 3682/BVHTTDL-VP ngày 08 tháng 10 năm 2013 Về việc treo cờ rủ, ngừng các hoạt động vui chơi, giải trí\n\nKính gửi:\n\n- Các đơn vị thuộc Bộ;");
    expect(doc.subject).toBe("treo cờ rủ, ngừng các hoạt động vui chơi, giải trí");
  });

  it("a cited document's line with another number gives no subject", () => {
    const doc = header("3682/BVHTTDL-VP\n\nTin văn bản\n\nCông văn số 12/UBND ngày 08 tháng 10 năm 2013 về việc treo cờ\n\nNội dung.");
    expect(doc.subject).toBeNull();
  });

  it("a heading of two types joined by 'VÀ' before 'VỀ VIỆC'", () => {
    expect(header("Số: 1228/THPT\nPhan Rang, ngày 12 tháng 11 năm 2003\nQUY ĐỊNH VÀ HƯỚNG DẪN VỀ VIỆC TIẾP NHẬN VÀ CHUYỂN TRƯỜNG CHO HỌC SINH\n\nKính gửi:\n\n- Hiệu trưởng các trường trực thuộc").subject).toBe(
      "TIẾP NHẬN VÀ CHUYỂN TRƯỜNG CHO HỌC SINH",
    );
  });

  it("the issuer's name under the type heading is not the subject", () => {
    expect(header("THÔNG BÁO\n\nUBND xã Minh Đức\n\nNội dung thông báo thu gom rác thải sinh hoạt được niêm yết tại trụ sở và tại các ấp trong xã từ tuần này cho đến hết tháng để mọi người dân cùng biết rõ và thực hiện đầy đủ.").subject).not.toBe("UBND xã Minh Đức");
  });
});

describe("a news sentence telling whom the document was sent to", () => {
  it("'X đã gửi văn bản đến Y về Z' gives the subject Z and the addressees Y", () => {
    const doc = header("Tổng Cục Đường bộ Việt Nam đã gửi văn bản đến Sở GT-VT các tỉnh, thành phố về công tác bảo đảm trật tự, ATGT và ứng phó mưa bão năm 2022. Theo đó, Tổng Cục đề nghị Sở GT-VT các tỉnh tăng cường tuần tra.");
    expect(doc.subject).toBe("công tác bảo đảm trật tự, ATGT và ứng phó mưa bão năm 2022");
    expect(doc.recipients.join("; ")).toMatch(/Sở GT-VT các tỉnh/u);
  });
});

describe("a portal's naming sentence", () => {
  it("does not end at the full stop of an abbreviation inside the subject ('TP. Vũng Tàu')", () => {
    const doc = header(
      "Ngày 24/8, Chủ tịch UBND tỉnh đã ký ban hành Quyết định số 425/QĐ-BCĐ về việc thiết lập vùng cách ly y tế đối với chung cư Bình An, phường 10, TP. Vũng Tàu để phòng, chống dịch COVID-19. Theo đó, giao UBND TP. Vũng Tàu chủ trì.",
    );
    expect(doc.number).toBe("425/QĐ-BCĐ");
    expect(doc.subject).toBe("thiết lập vùng cách ly y tế đối với chung cư Bình An, phường 10, TP. Vũng Tàu để phòng, chống dịch COVID-19");
  });
});

describe("a capitalised title and what a page joins to it", () => {
  it("goes on over a line that holds an issuer's head word further in ('… CỦA LUẬT PHÒNG THỦ DÂN SỰ')", () => {
    const doc = header(
      "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 12/KH-UBND\n\nHà Nam, ngày 02 tháng 3 năm 2024\n\nKẾ HOẠCH THỰC HIỆN QUYẾT ĐỊNH SỐ 10/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ BAN HÀNH\n\nKẾ HOẠCH THI HÀNH LUẬT PHÒNG THỦ DÂN SỰ\n\nThực hiện Quyết định số 10/QĐ-TTg, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
    );
    expect(doc.subject).toBe("THỰC HIỆN QUYẾT ĐỊNH SỐ 10/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ BAN HÀNH KẾ HOẠCH THI HÀNH LUẬT PHÒNG THỦ DÂN SỰ");
  });

  it("drops the issuer repeated as the enacting formula under it, but keeps 'CỦA <issuer>' that ends a title", () => {
    const enacting = header("CHÍNH PHỦ\n\nSố: 17/NQ-CP\n\nHà Nội, ngày 03 tháng 4 năm 2025\n\nNGHỊ QUYẾT\nVỀ DỰ ÁN LUẬT SỬA ĐỔI LUẬT ĐƯỜNG BỘ\nCHÍNH PHỦ\n\nCăn cứ Luật Tổ chức Chính phủ;");
    expect(enacting.subject).toBe("DỰ ÁN LUẬT SỬA ĐỔI LUẬT ĐƯỜNG BỘ");
    const own = header("BỘ NỘI VỤ\n\nSố: 20/QĐ-BNV\n\nHà Nội, ngày 03 tháng 4 năm 2025\n\nQUYẾT ĐỊNH\nBAN HÀNH LỊCH CÔNG TÁC NĂM 2026 CỦA BỘ NỘI VỤ\n\nCăn cứ Nghị định số 25/2025/NĐ-CP;");
    expect(own.subject).toBe("BAN HÀNH LỊCH CÔNG TÁC NĂM 2026 CỦA BỘ NỘI VỤ");
  });

  it("drops the first words of a công điện's address line broken into the title's last line", () => {
    const doc = header("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 30/CĐ-TTg\n\nHà Nội, ngày 03 tháng 4 năm 2025\n\nCÔNG ĐIỆN\nVỀ VIỆC ỨNG PHÓ BÃO SỐ 3 TẠI KHU VỰC BẮC BỘ THỦ\nTƯỚNG CHÍNH PHỦ điện:\n\n- Bộ trưởng các Bộ: Quốc phòng, Công an.");
    expect(doc.subject).toBe("ỨNG PHÓ BÃO SỐ 3 TẠI KHU VỰC BẮC BỘ");
  });
});

describe("page residue around the trích yếu and the date", () => {
  it("a portal's posting time glued after the subject is not part of it", () => {
    expect(header("Công văn: V/v tổ chức hội nghị sơ kết công tác Hội năm 2024\n16:05 - 14/11/2024\n\nKính gửi: Hội Nông dân các huyện").subject).toBe("tổ chức hội nghị sơ kết công tác Hội năm 2024");
    expect(header("Tin tức\n\nVề công nhận xã Tân Lập đạt chuẩn nông thôn mới năm 2019 (25-05-2019 16:56:51)\n\nCăn cứ Quyết định số 239/QĐ-UBND;").subject).toBe("công nhận xã Tân Lập đạt chuẩn nông thôn mới năm 2019");
  });

  it("a place name broken before the header's date line ('Tây' / 'Ninh, ngày …') is neither subject nor lost", () => {
    const doc = header("THUẾ TỈNH TÂY NINH\n\nSố: 32/TNI-QLDN1\n\nV/v thuế suất thuế GTGT\n\nTây\n\nNinh, ngày 01 tháng 12 năm 2025\n\nKính gửi: Công ty TNHH Minh Long");
    expect(doc.subject).toBe("thuế suất thuế GTGT");
    expect(doc.date).toBe("2025-12-01");
  });
});
