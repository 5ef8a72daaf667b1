import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/dispatch/clean.js";
import { readHeader } from "../../src/dispatch/header.js";
import { readDispatch } from "../../src/dispatch/reader.js";

const header = (text: string) => readHeader(cleanLines(text)).doc;

describe("header", () => {
  it("reads a government header: number, place-date, V/v subject, Kính gửi lines", () => {
    const doc = header(
      [
        "ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH", "", "Số: 476/UBND-VP", "V/v hưởng ứng ngày ASEAN phòng, chống sốt xuất huyết",
        "", "Châu Thành, ngày 14 tháng 6 năm 2017", "", "Kính gửi:", "", "- Trung tâm Y tế huyện;", "- Ủy ban nhân dân các xã, thị trấn.",
        "", "Thực hiện Kế hoạch số 47/KH-BCĐ ngày 5 tháng 6 năm 2017 của Ban Chỉ đạo tỉnh.",
      ].join("\n"),
    );
    expect(doc).toMatchObject({
      type: "Công văn",
      number: "476/UBND-VP",
      date: "2017-06-14",
      subject: "hưởng ứng ngày ASEAN phòng, chống sốt xuất huyết",
      recipients: ["Trung tâm Y tế huyện", "Ủy ban nhân dân các xã, thị trấn"],
      secrecy: null,
      urgency: null,
    });
    expect(doc.issuer).toMatch(/Châu Thành/iu);
  });

  it("reads the Party form with stray spaces and a kế hoạch heading with its subject", () => {
    const doc = header(["TỈNH ỦY ĐẮK LẮK", "*", "Số 100 - KH/TU", "", "Buôn Ma Thuột, ngày 17 tháng 9 năm 2010", "", "## KẾ HOẠCH", "", "triển khai thực hiện Chỉ thị 43-CT/TW", "", "Trong thời gian qua..."].join("\n"));
    expect(doc).toMatchObject({ type: "Kế hoạch", number: "100-KH/TU", date: "2010-09-17", subject: "triển khai thực hiện Chỉ thị 43-CT/TW" });
  });

  it.each([
    ["Số: 164 /KH-UBND", "164/KH-UBND"],
    ["Số 1277 -CV/HU", "1277-CV/HU"],
    ["Số:\n36/2010/QĐ-UBND", "36/2010/QĐ-UBND"],
    ["Số: 45/TB-VPUBND", "45/TB-VPUBND"],
    ["Số: 321/PGDĐT-GDTH", "321/PGDĐT-GDTH"],
    ["Số: 12/CĐ-UBND", "12/CĐ-UBND"],
    ["Số: 2176/SGDĐT-GDTrH Thanh Hóa, ngày 11 tháng 11 năm 2024", "2176/SGDĐT-GDTrH"],
    ["Số: 15/TTr-UBND", "15/TTr-UBND"],
    ["Số: 46/UBND-VP Hà Nội, ngày 11 tháng 11 năm 2024", "46/UBND-VP"],
  ])("number %s → %s", (line, number) => {
    expect(header(line).number).toBe(number);
  });

  it("reads a quyết định heading whose subject runs over two upper-case lines", () => {
    const doc = header("QUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VIỆC QUẢN LÝ, BẢO TRÌ HỆ THỐNG ĐƯỜNG HUYỆN,\nĐƯỜNG XÃ.\nỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\nCăn cứ Luật Giao thông đường bộ;");
    expect(doc.type).toBe("Quyết định");
    expect(doc.subject).toBe("BAN HÀNH QUY ĐỊNH VIỆC QUẢN LÝ, BẢO TRÌ HỆ THỐNG ĐƯỜNG HUYỆN, ĐƯỜNG XÃ");
  });

  it("reads portal sentence forms", () => {
    const a = header("Ngày 21/ 5, UBND tỉnh banh Công văn số 846 /UBND-TH về việc báo cáo tình hình giải ngân năm 2019.\nCông văn nêu rõ: ...");
    expect(a).toMatchObject({ number: "846/UBND-TH", date: null, subject: "báo cáo tình hình giải ngân năm 2019", type: "Công văn" });
    const b = header("Tin chỉ đạo điều hành\n\n1. Phòng Nội vụ tham mưu.\n\n(Nguồn công văn số 2983/UBND-VP - 22/09/2020)");
    expect(b).toMatchObject({ number: "2983/UBND-VP", date: "2020-09-22", subject: null });
    const c = header("Ngày 15/3/2025, UBND tỉnh Gia Lai có Công văn số 789/UBND-KTTH gửi các Sở, ban, ngành; UBND các huyện, thị xã về việc thúc đẩy giải ngân.");
    expect(c).toMatchObject({ number: "789/UBND-KTTH", date: "2025-03-15", subject: "thúc đẩy giải ngân", recipients: ["các Sở, ban, ngành", "UBND các huyện, thị xã"] });
  });

  it("reads the date written right after the number in a portal sentence", () => {
    expect(header("UBND huyện vừa có Công văn số 1234/UBND-VP ngày 15/3/2024 về việc phòng chống cháy rừng. Theo đó, ...")).toMatchObject({
      number: "1234/UBND-VP",
      date: "2024-03-15",
      subject: "phòng chống cháy rừng",
    });
  });

  it("does not take a cited document for the dispatch's own number", () => {
    const doc = header("Kính gửi: Sở Y tế\n\nCăn cứ Công văn số 1310-CV/BDVTW, ngày 14/4/2023 của Ban Dân vận Trung ương về việc chỉ đạo, Thường trực yêu cầu:");
    expect(doc).toMatchObject({ number: null, date: null, subject: null });
  });

  it("reads recipients written one per line without dashes", () => {
    expect(header("Kính gửi:\nSở Y tế\nSở Tài chính\nUBND các huyện\n\nThực hiện Công văn số 12/BYT, UBND tỉnh yêu cầu:").recipients).toEqual([
      "Sở Y tế",
      "Sở Tài chính",
      "UBND các huyện",
    ]);
    expect(header("Kính gửi:\nCác sở, ban, ngành thuộc tỉnh;\nỦy ban nhân dân các huyện, thành phố.\n\nThực hiện Nghị quyết.").recipients).toEqual([
      "Các sở, ban, ngành thuộc tỉnh",
      "Ủy ban nhân dân các huyện, thành phố",
    ]);
  });

  it("splits body text glued after an inline Kính gửi", () => {
    const r = readHeader(cleanLines("Kính gửi: Ông (Bà) Hiệu trưởng các đơn vị trực thuộc. Thực hiện Kế hoạch số 1231/KH-UBND, Phòng yêu cầu các trường thực hiện:"));
    expect(r.doc.recipients).toEqual(["Ông (Bà) Hiệu trưởng các đơn vị trực thuộc"]);
    expect(r.lines[r.bodyStart]!.text).toMatch(/^Thực hiện Kế hoạch/u);
  });
});

describe("secrecy and urgency stamps", () => {
  it.each([
    ["MẬT\n\nSố: 1/UBND", "MẬT", null],
    ["TỐI MẬT\nSố: 1/UBND", "TỐI MẬT", null],
    ["TUYỆT MẬT\nSố: 1/UBND", "TUYỆT MẬT", null],
    ["Số: 1/UBND\nKHẨN", null, "KHẨN"],
    ["Số: 1/UBND\nTHƯỢNG KHẨN", null, "THƯỢNG KHẨN"],
    ["Số: 1/UBND\nHỎA TỐC", null, "HỎA TỐC"],
    ["Số: 1/UBND\nHOẢ TỐC", null, "HỎA TỐC"],
    ["MẬT - HỎA TỐC\nSố: 1/UBND", "MẬT", "HỎA TỐC"],
    ["**KHẨN**\nSố: 1/UBND", null, "KHẨN"],
    // A stamp on its own line between the issuer and the number must not be read into the issuer.
    ["ỦY BAN NHÂN DÂN\nHUYỆN BẢO LÂM\nMẬT\nSố: 12/UBND-VP", "MẬT", null],
    ["ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY LẠC DƯƠNG\nTỐI MẬT\nSố 12-CV/HU", "TỐI MẬT", null],
    ["ỦY BAN NHÂN DÂN XÃ LAI HÒA\nSố: 38/UBND\nV/v ứng phó xâm nhập mặn\nHỎA TỐC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", null, "HỎA TỐC"],
    // …or glued to the issuer line by a PDF column interleave.
    ["ỦY BAN NHÂN DÂN\nHUYỆN BẢO LÂM MẬT\nSố: 12/UBND-VP", "MẬT", null],
  ])("%s", (text, secrecy, urgency) => {
    expect(header(text)).toMatchObject({ secrecy, urgency });
  });

  it.each([
    "Số: 1/UBND\nV/v bảo vệ bí mật nhà nước\n\nKính gửi: Sở Nội vụ\n\n1. Các sở khẩn trương rà soát tài liệu mật.",
    "Số: 1/UBND\nV/v giảm mật độ dân cư\n\nKính gửi: Sở Xây dựng",
    "Số: 1/UBND\nV/v xử lý khẩn cấp sự cố đê điều\n\nKính gửi: UBND các huyện",
    "Tình hình khẩn trương. Mật độ cao. Hỏa tốc triển khai.",
    "Số: 1/UBND\n\nKính gửi: Sở Y tế\n\n1. Sở Y tế thực hiện.\n\nMẬT",
    "ỦY BAN NHÂN DÂN TỈNH\nBAN CHỈ ĐẠO BẢO VỆ BÍ MẬT\nSố: 1/BCĐ",
  ])("no stamp in %s", (text) => {
    expect(header(text)).toMatchObject({ secrecy: null, urgency: null });
  });
});

describe("issuer and stamps together", () => {
  it("keeps the stamp out of the issuer", () => {
    expect(header("ỦY BAN NHÂN DÂN\nHUYỆN BẢO LÂM\nMẬT\nSố: 12/UBND-VP")).toMatchObject({ issuer: "Ủy ban nhân dân huyện Bảo Lâm", secrecy: "MẬT" });
    expect(header("UBND THỊ XÃ VĨNH CHÂU\nỦY BAN NHÂN DÂN XÃ LAI HÒA\nSố: 38/UBND\nHỎA TỐC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").issuer).toBe("Ủy ban nhân dân xã Lai Hòa");
  });

  it("names a Party committee written without its place after the Party organisation above it", () => {
    expect(header("ĐẢNG BỘ TỈNH HÀ TĨNH\nTỈNH ỦY\n*\nSố 1562-CV/TU").issuer).toBe("Tỉnh ủy Hà Tĩnh");
    expect(header("ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY LẠC DƯƠNG\nSố 12-CV/HU").issuer).toBe("Huyện ủy Lạc Dương");
  });

  it("leaves the national motto out of the issuer, old tone placement too", () => {
    expect(header("UỶ BAN NHÂN DÂN\nHUYỆN QUỲNH LƯU\n\nSố: 215/TB-UBND\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc").issuer).toBe(
      "Uỷ ban nhân dân huyện Quỳnh Lưu",
    );
  });
});

describe("portal renderings behind page chrome", () => {
  it("reads the naming sentence after a breadcrumb, a headline and a time line", () => {
    const doc = header(
      "Trang chủ » Tin tức » Chỉ đạo điều hành\n\nTăng cường quản lý khai thác cát\n\nThứ năm, 18/07/2024 - 16:42\n\n" +
        "(tinh.gov.vn) - Ngày 18/7/2024, UBND tỉnh ban hành Công văn số 5126/UBND-KT về việc tăng cường quản lý khoáng sản gửi các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố.\n\nThời gian qua, …",
    );
    expect(doc).toMatchObject({
      number: "5126/UBND-KT",
      date: "2024-07-18",
      subject: "tăng cường quản lý khoáng sản",
      recipients: ["các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"],
    });
  });

  it("reads 'Ngày 12/3, Sở Y tế ban hành Công văn số …' after an update line; a day without a year gives no date", () => {
    const doc = header("Cà Mau: phòng, chống bệnh sởi\n\nCập nhật: 13/03/2025 08:15 | Lượt xem: 1.204\n\nNgày 12/3, Sở Y tế ban hành Công văn số 856/SYT-NVY về việc phòng, chống dịch sởi.");
    expect(doc).toMatchObject({ number: "856/SYT-NVY", date: null, subject: "phòng, chống dịch sởi" });
  });

  it("still ignores a document cited further down the page", () => {
    const doc = header("Tin tức\n\nHội nghị\n\nSáng nay\n\nTheo đó, thực hiện Công văn số 12/UBND-VP của UBND tỉnh, các sở đã triển khai.");
    expect(doc.number).toBeNull();
  });
});

describe("Party number after the date line (PDF column interleave)", () => {
  it("takes the number line under the date, not a resolution cited in the subject", () => {
    const doc = header(
      "ĐẢNG BỘ TỈNH THÁI BÌNH ĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY KIẾN XƯƠNG\n* Kiến Xương, ngày 15 tháng 3 năm 2024\nSố 86-KH/HU\n\nKẾ HOẠCH\ntổng kết 10 năm thực hiện Nghị quyết số 33-NQ/TW, ngày 09/6/2014",
    );
    expect(doc).toMatchObject({ number: "86-KH/HU", date: "2024-03-15", type: "Kế hoạch", issuer: "Huyện ủy Kiến Xương" });
  });

});

describe("header: portal renderings and trích yếu lines", () => {
  describe("portal renderings: the date and number told around the naming sentence", () => {
    it.each([
      ["Ngày 16/4/2020 Ủy ban nhân dân tỉnh ban hành Chỉ thị số 11/CT-CTUBND về việc tiếp tục phòng, chống dịch", "11/CT-CTUBND", "2020-04-16"],
      ["Thực hiện Chỉ thị số 32/CT-TTg ngày 05/12/2018 của Thủ tướng Chính phủ, ngày 19/12/2018 UBND tỉnh đã có Công văn số 9783/UBND-NC tăng cường công tác:", "9783/UBND-NC", "2018-12-19"],
      ["Chiều nay ngày 26/3/2020, thay mặt Ban Thường vụ Tỉnh ủy, Phó Bí thư Thường trực Tỉnh ủy đã ký công văn hỏa tốc gửi Ban Thường vụ các huyện ủy về việc tạm dừng đại hội.", null, "2020-03-26"],
      ["Ngày 15 tháng 7 năm 2019, UBND Thị xã đã ban hành Thông báo số 1804.TB-UBND về việc kết luận của đồng chí Phó Chủ tịch.", "1804.TB-UBND", "2019-07-15"],
      ["Đó là nội dung Chỉ thị số 02-CT/TU của Ban Thường vụ Tỉnh ủy ban hành ngày 14.12.2020. Theo đó, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy đảng thực hiện.", "02-CT/TU", "2020-12-14"],
      ["Công điện số 03/CĐ-BCHPCLB, hồi 13h30 ngày 09/11/2013 của Ban Chỉ huy phòng chống lụt bão huyện về việc phòng chống cơn bão số 14", "03/CĐ-BCHPCLB", "2013-11-09"],
    ])("%s", (line, num, date) => {
      const doc = header(["Tin tức", "", line, "", "1. Các phòng, ban chuyên môn khẩn trương triển khai."].join("\n"));
      expect(doc.number).toBe(num);
      expect(doc.date).toBe(date);
    });

    it("a 'Thực hiện …' sentence cites the documents it lists until its main clause names its own", () => {
      const doc = header([
        "Thực hiện Công điện số 570/CĐ-TTg ngày 02/5/2021 của Thủ tướng Chính phủ; Công điện số 600/CĐ-BCĐ ngày 05/5/2021 của Ban Chỉ đạo quốc gia; Ban Chỉ đạo tỉnh vừa ban hành Công văn số 1246/UBND-VX về tăng cường phòng, chống dịch bệnh COVID-19 yêu cầu Ban Chỉ đạo các huyện, thị xã, thành phố thực hiện một số nhiệm vụ cụ thể như sau:",
        "", "1. Các huyện khẩn trương thực hiện.",
      ].join("\n"));
      expect(doc).toMatchObject({ number: "1246/UBND-VX", subject: "tăng cường phòng, chống dịch bệnh COVID-19" });
      // Only cited documents and no naming verb: no number rather than a cited one.
      const cited = header(["Thực hiện Chỉ thị số 44/CT-TTg ngày 06/12/2017 của Thủ tướng Chính phủ; Quyết định số 772/QĐ-TTg ngày 26/6/2018 của Thủ tướng Chính phủ. Chủ tịch UBND tỉnh yêu cầu các cơ quan thực hiện tốt các nhiệm vụ sau:", "", "1. Các sở thực hiện."].join("\n"));
      expect(cited.number).toBeNull();
    });

    it("'văn bản chỉ đạo số …' and 'Theo nội dung Thông báo …' name the page's own document", () => {
      expect(header(["Ban Thường vụ Tỉnh ủy vừa có văn bản chỉ đạo số 682-CV/TU yêu cầu các cấp ủy tuyên truyền.", "", "1. Các cấp ủy thực hiện."].join("\n")).number).toBe("682-CV/TU");
      expect(header(["Theo nội dung Thông báo 2833-TB/TU, Thường trực Thành ủy đồng ý chủ trương tổ chức Lễ kỷ niệm.", "", "1. UBND thành phố chủ trì."].join("\n")).number).toBe("2833-TB/TU");
      expect(header(["Trong nội dung Công văn số 4913/VP-KT, ban hành ngày 15/6, UBND thành phố yêu cầu các sở chủ động phòng dịch.", "", "1. Các sở thực hiện."].join("\n")).number).toBe("4913/VP-KT");
      // "theo chỉ đạo tại Công văn số …" still cites another document.
      expect(header(["UBND huyện triển khai theo chỉ đạo tại Công văn số 12/UBND-VX của UBND tỉnh.", "", "1. Các xã thực hiện."].join("\n")).number).toBeNull();
    });

    it("a document that carries its issuer's directive is the page's own, though 'theo' or 'tại' stands before it", () => {
      const own = (lines: string[]) => header([...lines, "", "1. Các xã thực hiện."].join("\n"));
      expect(own(["(huyen.gov.vn) Theo Công văn số 3517/UBND ngày 18/7/2022, UBND huyện đề nghị các xã tổng vệ sinh."])).toMatchObject({ number: "3517/UBND", date: "2022-07-18" });
      expect(own(["Theo đó, tại Công văn số 324/SXD-QLCL ngày 25/01/2024, Sở Xây dựng đề nghị các huyện bảo đảm an toàn."]).number).toBe("324/SXD-QLCL");
      expect(own(["Văn phòng UBND tỉnh truyền đạt ý kiến của Phó Chủ tịch UBND tỉnh chỉ đạo, đôn đốc triển khai công tác chuyển đổi số, tại Công văn số 2881/VP-KGVX, ngày 07/5/2025."]).number).toBe("2881/VP-KGVX");
      expect(own(["Theo nội dung công văn 3450/UBND-ĐT, các sở được giao rà soát."]).number).toBe("3450/UBND-ĐT");
      // The document the directive follows is cited, not named.
      expect(own(["UBND tỉnh yêu cầu Chủ tịch UBND huyện khẩn trương thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại Văn bản số 4561/UBND-TD6 ngày 21/6/2019."]).number).toBeNull();
      expect(own(["Theo Công văn số 12/UBND-VX của UBND tỉnh, Sở Y tế đề nghị các huyện phòng dịch."]).number).toBeNull();
      expect(own(["Thực hiện Công văn số 12/UBND-VX ngày 5/3/2020, UBND huyện đề nghị các xã phòng dịch."]).number).toBeNull();
    });

    it("portal naming: a glued posting time, a purpose clause, '(số …)', 'phát hành', 'Đó là', a title line, a number a sentence later", () => {
      const own = (lines: string[]) => header([...lines, "", "1. Các xã thực hiện."].join("\n"));
      expect(own(["20/7/2022 16:18 (huyen.gov.vn) Theo Công văn số 3517/UBND ngày 18/7/2022, UBND huyện đề nghị các xã tổng vệ sinh."])).toMatchObject({ number: "3517/UBND", date: "2022-07-18" });
      expect(own(["Theo Công văn số 460-CV/TU, để đảm bảo thực hiện nhiệm vụ chính trị năm 2012, Thường trực Thành ủy yêu cầu:"]).number).toBe("460-CV/TU");
      expect(own(["UBND tỉnh vừa ban hành công văn (số 3018/UBND-KTN) yêu cầu các ngành, địa phương bảo đảm an toàn giao thông."]).number).toBe("3018/UBND-KTN");
      expect(own(["Để bảo vệ môi trường, UBND xã đã phát hành thông báo số 17/TB-UBND ngày 23/4/2020 cho các thôn."])).toMatchObject({ number: "17/TB-UBND", date: "2020-04-23" });
      expect(own(["Rác được thu gom từ 19 giờ. Đó là thông báo số 63 của UBND thị xã về thời gian, địa điểm thu gom rác."]).number).toBe("63");
      expect(own(["Treo cờ chào mừng Đại hội", "Tác giả: UBND thị xã .Ngày đăng: 10/05/2019", "Thông báo số 217/TB-UBND ngày 08/5/2019 của UBND thị xã V/v treo cờ Tổ quốc chào mừng Đại hội."]))
        .toMatchObject({ number: "217/TB-UBND", date: "2019-05-08" });
      expect(own(["Phó Bí thư Thường trực Thành ủy vừa ký văn bản về việc tạm dừng các đoàn đi công tác nước ngoài.", "", "Theo Công văn số 460-CV/TU, Thường trực Thành ủy yêu cầu:"]).number).toBe("460-CV/TU");
      // A title line needs its "V/v"; a cited document stays cited.
      expect(own(["Tin tức", "Tác giả: UBND thị xã", "Ngày đăng: 10/05/2019", "Lượt xem: 1844", "Hội đồng nhân dân xã họp.", "Thông báo số 217/TB-UBND ngày 08/5/2019 của UBND thị xã đã được triển khai."]).number).toBeNull();
      expect(own(["Phó Bí thư vừa ký văn bản về việc tạm dừng các đoàn đi nước ngoài.", "", "Thực hiện Công văn số 12/UBND-VX, Thường trực yêu cầu:"]).number).toBeNull();
    });

    it("a list item citing a document does not date the header", () => {
      const doc = header(["Công văn số 454-CV/BDVTW ngày 24/9/2015 của Ban Dân vận Trung ương về việc báo cáo tình hình", "", "Ban Dân vận Trung ương đã gửi:", "- Công văn số 256-CV/BDVTW, ngày 10/7/2015 về báo cáo.", "", "1. Các tỉnh báo cáo."].join("\n"));
      expect(doc).toMatchObject({ number: "454-CV/BDVTW", date: "2015-09-24" });
    });

    it("old and portal title layouts: 'CỦA … SỐ … VỀ VIỆC' over lines, '(V/v …)', the announcing formula, a quoted BAN HÀNH title, a place-date without comma", () => {
      expect(header(["CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG", "Số: 207/CT", "Hà Nội, ngày 11 tháng 7 năm 1988", "QUYẾT ĐỊNH", "CỦA CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG SỐ 207/CT", "NGÀY 11-7-1988 VỀ VIỆC CHO PHÉP THÀNH LẬP", "HỘI HOÁ HỌC VIỆT NAM", "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG", "Căn cứ Luật Tổ chức Hội đồng Bộ trưởng;"].join("\n")).subject)
        .toBe("CHO PHÉP THÀNH LẬP HỘI HOÁ HỌC VIỆT NAM");
      expect(header(["TRƯỜNG TH NGUYỄN CHÍ THANH", "KẾ HOẠCH", "(V/v Chuẩn bị và phân công thực hiện cho lễ khai giảng năm học 2013 – 2014)", "I. Mục đích: tổ chức lễ khai giảng."].join("\n")).subject)
        .toBe("Chuẩn bị và phân công thực hiện cho lễ khai giảng năm học 2013 – 2014");
      expect(header(["THÔNG BÁO", "UBND XÃ HẢI TRẠCH THÔNG BÁO", "“V/v triển khai phòng chống lụt bão, cơn bão số 4”", "- Căn cứ chỉ thị của Ban phòng chống lụt bão tỉnh"].join("\n")).subject)
        .toBe("triển khai phòng chống lụt bão, cơn bão số 4");
      expect(header(["BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "Số: 197/2005/QĐ-BNN-KL | Hà Nội, ngày 27 tháng 01 năm 2005 |", "BAN HÀNH “HƯỚNG DẪN XÂY DỰNG PHƯƠNG ÁN PHÒNG CHÁY, CHỮA CHÁY RỪNG CẤP TỈNH”", "Căn cứ Luật Bảo vệ và phát triển rừng;"].join("\n")))
        .toMatchObject({ subject: "BAN HÀNH “HƯỚNG DẪN XÂY DỰNG PHƯƠNG ÁN PHÒNG CHÁY, CHỮA CHÁY RỪNG CẤP TỈNH”", issuer: expect.not.stringMatching(/\|/u) });
    });

    it("news naming: 'đề cập tại Công điện số …', 'Đó là nội dung trong văn bản về … vừa được X gửi', a trailing '(Công văn số …)'", () => {
      const own = (lines: string[]) => header([...lines, "", "1. Các bộ thực hiện."].join("\n"));
      expect(own(["Nhiệm vụ trên được Thủ tướng đề cập tại Công điện số 47 về một số nhiệm vụ, giải pháp trọng tâm thúc đẩy tăng trưởng kinh tế năm 2025."]))
        .toMatchObject({ number: "47", subject: "một số nhiệm vụ, giải pháp trọng tâm thúc đẩy tăng trưởng kinh tế năm 2025" });
      expect(own(["Phiên họp được bố trí từ ngày 1 đến ngày 3 hằng tháng. Đó là nội dung trong văn bản về chuẩn bị phiên họp Chính phủ thường kỳ hằng tháng vừa được Văn phòng Chính phủ gửi các bộ, ngành và địa phương."]).subject)
        .toBe("chuẩn bị phiên họp Chính phủ thường kỳ hằng tháng");
      expect(own(["Văn phòng UBND tỉnh có văn bản thông báo ý kiến của Phó Chủ tịch UBND tỉnh về việc tăng cường kiểm tra, giám sát xuất nhập cảnh, (Công văn số 2658/VP-NC, ngày 12/7/2018)."]).subject)
        .toBe("tăng cường kiểm tra, giám sát xuất nhập cảnh");
      // A document the news only mentions ("đề cập" without the page's directive) in a later paragraph stays cited.
      expect(own(["Tin tức", "Ảnh minh họa", "Hội nghị diễn ra sáng nay.", "Các đại biểu thảo luận nhiều nội dung.", "Bộ trưởng phát biểu.", "Vấn đề này đã được đề cập tại Công văn số 12/BYT-KH."]).number).toBeNull();
    });

    it("an old decision's title stops at the signer's title that repeats its 'CỦA …' issuer", () => {
      expect(header(["THỦ TƯỚNG CHÍNH PHỦ", "Số: 180/2002/QĐ-TTg", "QUYẾT ĐỊNH", "CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 180/2002/QĐ-TTG NGÀY 19 THÁNG 12 NĂM 2002 VỀ VIỆC BAN HÀNH QUY CHẾ QUẢN LÝ TÀI CHÍNH", "THỦ TƯỚNG CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ;"].join("\n")).subject)
        .toBe("BAN HÀNH QUY CHẾ QUẢN LÝ TÀI CHÍNH");
    });

    it("a lead sentence that tells the signing of an unnumbered document dates it", () => {
      const lead = (l: string) => header([l, "", "Thành phố giao Chủ tịch UBND quận thực hiện ngay các biện pháp chống dịch."].join("\n"));
      expect(lead("Ngày 10-2-2012, Phó chủ tịch UBND TP Đỗ Trung Thoại ký quyết định công bố dịch cúm gia cầm.").date).toBe("2012-02-10");
      expect(lead("Chiều nay 8/10/2020, Giám đốc Sở Giáo dục và Đào tạo đã ký văn bản hỏa tốc đề nghị các phòng cho học sinh nghỉ học.").date).toBe("2020-10-08");
      // A date in the sentence that is not the signing's stays out ("… họp ngày …", a cited document's date).
      expect(lead("UBND huyện ban hành kế hoạch tổ chức hội nghị ngày 12/3/2021 tại hội trường.").date).toBeNull();
    });

    it("the trích yếu of a naming sentence stops at its purpose, content or request", () => {
      expect(header(["Chủ tịch UBND thành phố vừa ký ban hành Chỉ thị số 04/CT-UBND ngày 19-4-2022 về công tác phòng, chống thiên tai năm 2022, nhằm chủ động ứng phó có hiệu quả với thiên tai.", "", "Theo đó, UBND thành phố giao các sở tổng kết."].join("\n")).subject)
        .toBe("công tác phòng, chống thiên tai năm 2022");
      expect(header(["Ngày 15/11/2019, UBND huyện ban hành công văn số 1348/UBND-BHXH về việc tăng cường các giải pháp thực hiện chỉ tiêu BHYT năm 2019, trong đó UBND huyện yêu cầu Phòng GDĐT chỉ đạo các trường học.", "", "Ngoài ra, UBND huyện yêu cầu UBND các xã thực hiện."].join("\n")).subject)
        .toBe("tăng cường các giải pháp thực hiện chỉ tiêu BHYT năm 2019");
      // A request word that is part of the subject stays ("đôn đốc nộp hồ sơ đề nghị xem xét …").
      expect(header(["UBND huyện ban hành Công văn số 12/UBND về việc đôn đốc nộp hồ sơ đề nghị xem xét, công nhận đạt chuẩn văn hóa.", "", "1. Các xã thực hiện."].join("\n")).subject)
        .toBe("đôn đốc nộp hồ sơ đề nghị xem xét, công nhận đạt chuẩn văn hóa");
    });

    it("keeps a cited document's date when only the cited one is dated", () => {
      const doc = header(["Thực hiện Công văn số 12/UBND-VX ngày 5/3/2020 của UBND tỉnh về phòng dịch, UBND huyện ban hành Công văn số 15/UBND chỉ đạo các xã.", "", "1. Các xã khẩn trương thực hiện."].join("\n"));
      expect(doc.number).toBe("15/UBND");
      expect(doc.date).toBeNull();
    });

    it("takes the date written beside the document's own number a sentence later", () => {
      const doc = header([
        "(Ngày Nay) - Thường trực Ban Bí thư ký ban hành Kết luận số 185-KL/TW về tăng cường lãnh đạo công tác tổ chức Đại hội Đảng bộ các cấp.",
        "Thay mặt Bộ Chính trị, Thường trực Ban Bí thư ký ban hành Kết luận số 185 -KL/TW, ngày 22/8/2025 về tăng cường lãnh đạo.",
      ].join("\n"));
      expect(doc).toMatchObject({ number: "185-KL/TW", date: "2025-08-22" });
    });
  });

  describe("portal forms without a header block", () => {
    it("a source tag with the kind abbreviated, after a byline too, gives number, kind and date", () => {
      expect(header(["Theo văn bản này, Chủ tịch UBND tỉnh yêu cầu Chủ tịch UBND các huyện rà soát lại công việc.", "Nguồn CV 2642/UBND-KT ngày 19/11/2010."].join("\n")))
        .toMatchObject({ number: "2642/UBND-KT", type: "Công văn", date: "2010-11-19" });
      expect(header(["UBND xã đề nghị các ấp treo cờ.", "Ngọc Lan - Nguồn TB số 20/TB-UBND"].join("\n"))).toMatchObject({ number: "20/TB-UBND", type: "Thông báo" });
      // Not a source tag: a sentence that merely cites a document, or "Nguồn" as an ordinary word.
      expect(header(["Nguồn vốn thực hiện theo CV 12/UBND-KT.", "UBND xã đề nghị các ấp thực hiện."].join("\n")).number).toBeNull();
    });

    it("a lead sentence telling the directive with 'về việc' gives the trích yếu; work asked 'về việc' does not", () => {
      expect(header(["UBND TP. Hà Nội vừa chỉ đạo Sở Công thương cùng một số đơn vị có liên quan về việc tổ chức bán hàng bình ổn giá trên địa bàn.", "Theo đó, Sở Công thương chủ trì."].join("\n")).subject)
        .toBe("tổ chức bán hàng bình ổn giá trên địa bàn");
      expect(header("UBND tỉnh chỉ đạo về việc tham gia ý kiến dự thảo Chỉ thị của Thủ tướng về phát triển bền vững.").subject)
        .toBe("tham gia ý kiến dự thảo Chỉ thị của Thủ tướng về phát triển bền vững");
      expect(header("UBND huyện yêu cầu các xã báo cáo về việc thực hiện chính sách hỗ trợ trước ngày 20/5/2020.").subject).toBeNull();
      expect(header("Thực hiện chỉ đạo của UBND tỉnh về việc phòng chống dịch, UBND huyện đề nghị các xã triển khai.").subject).toBeNull();
    });
  });

  it("an upper-case byline naming no organisation is not the issuer; a header's body is", () => {
    expect(header(["Tây Giang: Tăng cường bảo vệ trâu bò", "", "ĐÌNH HIỆP |", "", "(QNO) - UBND huyện Tây Giang vừa chỉ đạo các xã tăng cường bảo vệ đàn gia súc."].join("\n")).issuer).toBeNull();
    expect(header(["ỦY BAN NHÂN DÂN", "XÃ LIÊN SƠN", "Số: 08 /CV-UBND", "Kính gửi: Trưởng các thôn"].join("\n")).issuer).toBe("Ủy ban nhân dân xã Liên Sơn");
  });

  describe("trích yếu lines as pages print them", () => {
    it("a V/v line in quotes, a posting stamp under it, a tag with number and date after it", () => {
      expect(header(["ỦY BAN NHÂN DÂN", "XÃ LIÊN SƠN", "Số: 08 /CV- UBND", "“V/v thực hiện nghiêm việc nắm bắt thông tin người dân”", "Kính gửi: Trưởng các thôn"].join("\n")).subject)
        .toBe("thực hiện nghiêm việc nắm bắt thông tin người dân");
      expect(header(["Tìm kiếm tin tức", "Về việc tổ chức sơ kết Đề án “Ngày Chủ nhật Xanh”", "Ngày cập nhật 20/06/2019", "", "Thời gian qua, việc triển khai thực hiện Đề án được quan tâm."].join("\n")).subject)
        .toBe("tổ chức sơ kết Đề án “Ngày Chủ nhật Xanh”");
      const tagged = header(["Về việc báo cáo tình hình ô nhiễm môi trường tại khu vực nông thôn (3585/VP-KTN, ngày 23/10/2017).", "", "Thực hiện Công văn số 11034/VPCP-KGVX ngày 17/10/2017 của Văn phòng Chính phủ, đồng chí Phó Chủ tịch có ý kiến như sau:"].join("\n"));
      expect(tagged).toMatchObject({ subject: "báo cáo tình hình ô nhiễm môi trường tại khu vực nông thôn", number: "3585/VP-KTN", date: "2017-10-23" });
    });

    it("a quyết định's title under its number when the page dropped the QUYẾT ĐỊNH line; a number alone on the first line", () => {
      expect(header(["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "Số: 31/2007/QĐ-UBND | Đà Lạt, ngày 10 tháng 9 năm 2007 |", "BAN HÀNH QUY ĐỊNH VỀ KỸ THUẬT LÀM GIẢM VẬT LIỆU CHÁY.", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;"].join("\n")))
        .toMatchObject({ type: "Quyết định", subject: "BAN HÀNH QUY ĐỊNH VỀ KỸ THUẬT LÀM GIẢM VẬT LIỆU CHÁY" });
      expect(header(["1258/BVHTTDL-DSVH", "", "Công văn Về việc phát hành bầu chọn cho Vịnh Hạ Long", "", "Kính gửi: Sở Văn hóa, Thể thao và Du lịch các tỉnh"].join("\n")).number).toBe("1258/BVHTTDL-DSVH");
      // A count or a year alone on a line is not a number.
      expect(header(["2020", "", "Kính gửi: các xã"].join("\n")).number).toBeNull();
    });
    it("a portal page's title 'Thông báo <subject>' on its first line, when the header names no subject", () => {
      expect(header(["Thông báo treo Quốc kỳ và lịch nghỉ tết Nguyên đán 2026", "Ủy ban nhân dân xã Nhơn Mỹ thông báo đến toàn thể cán bộ lịch nghỉ Tết như sau:"].join("\n")))
        .toMatchObject({ type: "Thông báo", subject: "treo Quốc kỳ và lịch nghỉ tết Nguyên đán 2026" });
      expect(header(["Kế hoạch: Tổ chức Ngày hội đọc sách năm 2024", "", "Căn cứ Kế hoạch số 12/KH-PGDĐT của Phòng Giáo dục;"].join("\n")).subject).toBe("Tổ chức Ngày hội đọc sách năm 2024");
      // The document's own trích yếu below wins over the page's title.
      expect(header(["Thông báo lịch treo cờ dịp Tết", "ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 12/TB-UBND", "V/v treo cờ Tổ quốc chào mừng Tết Dương lịch 2026", "Kính gửi: các ấp"].join("\n")).subject)
        .toBe("treo cờ Tổ quốc chào mừng Tết Dương lịch 2026");
      // A sentence on the first line is not a title.
      expect(header(["Thông báo này thay thế thông báo trước đây.", "Kính gửi: các ấp"].join("\n")).subject).toBeNull();
    });
    it("a công điện's address line under a long title in hard-wrapped text is not part of the title", () => {
      const text = [
        "BỘ XÂY DỰNG", "Số: 96/CĐ-BXD", "Hà Nội, ngày 22 tháng 11 năm 2025", "CÔNG ĐIỆN", "VỀ VIỆC TẬP TRUNG",
        "ỨNG PHÓ VÀ KỊP THỜI KHẮC PHỤC HẬU QUẢ MƯA LŨ ĐẶC BIỆT LỚN TẠI KHU VỰC TRUNG BỘ", "BỘ XÂY DỰNG điện:",
        "- Tổng Công ty Đường sắt Việt Nam;", "- Ban Quản lý Dự án 85.",
        "Triển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện số 225/CĐ-TTg ngày 20/11/2025 về việc tập trung ứng",
        "phó và khắc phục hậu quả mưa lũ đặc biệt lớn tại khu vực Trung Bộ, Bộ Xây dựng yêu cầu các cơ quan, đơn",
        "vị:", "1. Quán triệt, tổ chức thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ tại Công điện số 225/CĐ-TTg",
        "ngày 20/11/2025; chủ động, kịp thời chỉ đạo triển khai công tác phòng, tránh, ứng phó và khắc phục hậu quả.",
      ].join("\n");
      const doc = header(text);
      expect(doc.subject).toBe("TẬP TRUNG ỨNG PHÓ VÀ KỊP THỜI KHẮC PHỤC HẬU QUẢ MƯA LŨ ĐẶC BIỆT LỚN TẠI KHU VỰC TRUNG BỘ");
      expect(doc.recipients).toEqual(["Tổng Công ty Đường sắt Việt Nam", "Ban Quản lý Dự án 85"]);
    });
    it("an 'Đồng kính gửi' block after the addressees is header: no recipients, and its dash items do not open the body", () => {
      const text = ["VĂN PHÒNG CHÍNH PHỦ", "Số: 11554/VPCP-V.I", "V/v nâng cao hiệu quả công tác chống buôn lậu", "Kính gửi:", "- Bộ trưởng các Bộ;", "- Chủ tịch Ủy ban nhân dân các tỉnh.", "Đồng kính gửi:", "- Thủ tướng Chính phủ (để báo cáo).", "Phó Thủ tướng Chính phủ có ý kiến như sau:", "1. Bộ Công Thương chủ trì kiểm tra thị trường."].join("\n");
      const h = readHeader(cleanLines(text));
      expect(h.doc.recipients).toEqual(["Bộ trưởng các Bộ", "Chủ tịch Ủy ban nhân dân các tỉnh"]);
      expect(h.lines[h.bodyStart]!.text).toBe("Phó Thủ tướng Chính phủ có ý kiến như sau:");
    });
  });
});

describe("header: a capitalised title wrapped over lines", () => {
  const head = ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 88/KH-UBND", "Quy Nhơn, ngày 3 tháng 3 năm 2024", "KẾ HOẠCH"];
  it("joins the title's capitalised lines up to the text", () => {
    const doc = header([...head, "TRIỂN KHAI THỰC HIỆN", "CHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ", "TRÊN ĐỊA BÀN TỈNH", "", "Thực hiện Chỉ thị số 32/CT-TTg, UBND tỉnh ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH, YÊU CẦU"].join("\n"));
    expect(doc.subject).toBe("TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ TRÊN ĐỊA BÀN TỈNH");
  });
  it("stops before a capitalised heading or the signer's authority line", () => {
    expect(header([...head, "TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"].join("\n")).subject).toBe("TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT");
    expect(header(["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 9/QĐ-UBND", "Quy Nhơn, ngày 3 tháng 3 năm 2024", "QUYẾT ĐỊNH", "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Căn cứ Luật Tổ chức chính quyền địa phương;"].join("\n")).subject).toBe("BAN HÀNH QUY CHẾ LÀM VIỆC");
    // An authority line may be long: the signer's whole office.
    expect(header(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 1597/QĐ-TTPVHCC", "Hà Nội, ngày 3 tháng 12 năm 2025", "QUYẾT ĐỊNH", "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH", "TRONG LĨNH VỰC DU LỊCH", "GIÁM ĐỐC TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HÀ NỘI", "Căn cứ Luật Tổ chức chính quyền địa phương;"].join("\n")).subject).toBe("CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH TRONG LĨNH VỰC DU LỊCH");
  });
  it("keeps a deputy's title inside the subject: only a short authority line at its end is cut", () => {
    const doc = header(["VĂN PHÒNG CHÍNH PHỦ", "Số: 653/TB-VPCP", "Hà Nội, ngày 28 tháng 11 năm 2025", "THÔNG BÁO", "Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ NGUYỄN VĂN A TẠI BUỔI LÀM VIỆC", "VỚI TỈNH ĐỒNG NAI", "Ngày 20 tháng 11 năm 2025, Phó Thủ tướng đã làm việc."].join("\n"));
    expect(doc.subject).toBe("Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ NGUYỄN VĂN A TẠI BUỔI LÀM VIỆC VỚI TỈNH ĐỒNG NAI");
  });
});

describe("header: a công điện's addressees wrapped after a comma", () => {
  it("joins a dash item's wrapped line, and the numbered items after the opening are the body", () => {
    const text = (
      [
        "THỦ TƯỚNG CHÍNH PHỦ", "Số: 231/CĐ-TTg", "Hà Nội, ngày 26 tháng 11 năm 2025", "CÔNG ĐIỆN", "V/V CHỦ ĐỘNG ỨNG PHÓ BÃO SỐ 15",
        "THỦ TƯỚNG CHÍNH PHỦ điện:", "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng,", "Quảng Ngãi, Gia Lai, Đắk Lắk;",
        "- Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia.", "Hồi 16h ngày 26/11/2025, vị trí tâm bão số 15 vào khoảng 12,5 độ vĩ bắc.",
        "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tổ chức theo dõi sát tình hình.",
      ].join("\n")
    );
    const doc = header(text);
    expect(doc.recipients).toEqual(["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng, Quảng Ngãi, Gia Lai, Đắk Lắk", "Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"]);
    // After a colon, and after no mark when the next line ends as an item does; the text after the last item is body.
    const wrapped = header(
      ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 226/CĐ-TTg", "Hà Nội, ngày 21 tháng 11 năm 2025", "CÔNG ĐIỆN", "THỦ TƯỚNG CHÍNH PHỦ điện:", "- Bộ trưởng các Bộ:",
        "Quốc phòng, Công an, Tài chính,", "Nông nghiệp và Môi trường, Y tế.", "- Bí thư Tỉnh ủy, Thành ủy, Chủ tịch",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Quảng Trị.", "Trong tháng 11 năm 2025, do mưa, lũ lớn tại khu vực Trung Bộ đã xảy ra ngập lụt sâu.",
      ].join("\n"),
    );
    expect(wrapped.recipients).toEqual([
      "Bộ trưởng các Bộ: Quốc phòng, Công an, Tài chính, Nông nghiệp và Môi trường, Y tế",
      "Bí thư Tỉnh ủy, Thành ủy, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Tĩnh, Quảng Trị",
    ]);
    // Before, the wrapped line began the body and the dispatch read as having no task at all.
    const read = readDispatch(text, { refDate: "2025-11-26" });
    expect(read.tasks.map((t) => [t.ref, t.assignees.map((a) => a.name)])).toEqual([["1", ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]]]);
  });
});
