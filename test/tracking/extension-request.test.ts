import { describe, expect, it } from "vitest";
import { parseExtensionRequest } from "../../src/tracking/extension-request.js";
import { classifyReply } from "../../src/tracking/reply-intent.js";

const TODAY = "2026-11-10";

// The phrase table: how officers ask for more time, with and without diacritics, and what they mean.
const REQUESTS: Array<[string, string, string | null]> = [
  ["đề nghị gia hạn đến 30/12 vì chưa được cấp kinh phí", "2026-12-30", "chưa được cấp kinh phí"],
  ["de nghi gia han den 30/12 vi chua duoc cap kinh phi", "2026-12-30", "chua duoc cap kinh phi"],
  ["Đề nghị gia hạn đến ngày 30/12/2026 do các xã chưa gửi số liệu", "2026-12-30", "các xã chưa gửi số liệu"],
  ["Xin gia hạn nhiệm vụ 2 đến 15/01/2027. Lý do: chờ ý kiến Sở Tài chính", "2027-01-15", "chờ ý kiến Sở Tài chính"],
  ["xin lùi hạn sang ngày 05 tháng 01 năm 2027", "2027-01-05", null],
  ["Kính đề nghị lãnh đạo cho phép kéo dài thời hạn đến 20-12-26 vì khối lượng lớn", "2026-12-20", "khối lượng lớn"],
  ["Đơn vị không kịp, đề nghị gia hạn đến 30/12", "2026-12-30", null],
  ["em xin hoãn đến 03/01 ạ", "2027-01-03", null],
  ["xin gia hạn đến 30/12 được không ạ?", "2026-12-30", null],
  ["Đề nghị gia hạn (hạn cũ 20/11) đến 10/12 vì mưa bão", "2026-12-10", "mưa bão"],
  ["Request an extension until 30/12 because the data is late", "2026-12-30", "the data is late"],
  // Old tone placement and NFD input read the same.
  ["đề nghị gia hạn đến 30/12 vì thiếu nhân lực".normalize("NFD"), "2026-12-30", "thiếu nhân lực"],
];

const NOT_REQUESTS = [
  "không cần gia hạn, sẽ xong đúng hạn",
  "đã được gia hạn đến 30/12",
  "Đơn vị đã gia hạn hợp đồng đến 30/12", // reporting work done, not asking
  "gia hạn đến bao giờ?",
  "xong",
  "đã hoàn thành ngày 30/12",
  "xin hoàn thành trước 30/12", // "hoàn" is not "hoãn"
  "đang thực hiện, đạt 60%",
];

describe("extension requests (phrase table)", () => {
  it.each(REQUESTS)("%s", (text, date, reason) => {
    expect(parseExtensionRequest(text, TODAY)).toEqual({ kind: "request", date, reason: reason === null ? null : reason.normalize("NFC") });
  });

  it.each(NOT_REQUESTS)("not a request: %s", (text) => {
    expect(parseExtensionRequest(text, TODAY)).toBeNull();
  });

  it("asks for the date when none is written", () => {
    expect(parseExtensionRequest("đề nghị gia hạn thêm vì thiếu kinh phí", TODAY)).toEqual({ kind: "no_date" });
    expect(parseExtensionRequest("xin gia han them 1 tuan", TODAY)).toEqual({ kind: "no_date" });
  });

  it("takes the first such day from today on when no year is written, and rejects impossible days", () => {
    expect(parseExtensionRequest("đề nghị gia hạn đến 05/01", TODAY)).toMatchObject({ date: "2027-01-05" });
    expect(parseExtensionRequest("đề nghị gia hạn đến 10/11", TODAY)).toMatchObject({ date: "2026-11-10" });
    expect(parseExtensionRequest("đề nghị gia hạn đến 31/02", TODAY)).toEqual({ kind: "no_date" });
  });

  it("is what the reply classifier reads as a difficulty or question (never a completion)", () => {
    for (const [text] of REQUESTS) expect(["difficulty", "question"], text).toContain(classifyReply(text).intent);
  });

  it("never throws on any text", () => {
    for (const text of ["", "gia hạn", "gia hạn 1/", "gia hạn đến //", "gia hạn 99/99/9999", "?".repeat(500)]) {
      expect(() => parseExtensionRequest(text, TODAY)).not.toThrow();
    }
  });
});
