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
