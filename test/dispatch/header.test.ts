import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/dispatch/clean.js";
import { readHeader } from "../../src/dispatch/header.js";

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
