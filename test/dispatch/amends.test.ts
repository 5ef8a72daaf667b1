// Amendment references (issue 12), on real published dispatches (test/fixtures/amendments, excerpts exactly as the
// pages corpus returned them; sources in SOURCES.json) and on single sentences, negatives included.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findAmendments, withAmendments } from "../../src/dispatch/amends.js";
import { parsedDispatchSchema } from "../../src/dispatch/schema.js";
import { readDispatch } from "../../src/dispatch/reader.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/amendments/${name}.txt`, import.meta.url), "utf8");
const brief = (text: string) => findAmendments(text).map((a) => [a.kind, a.numbers, a.until]);

describe("amendment references in real dispatches", () => {
  it.each<[string, Array<[string, string[], string | null]>]>([
    ["tphcm-ubnd-2021-tam-hoan-gia-han-kh1602", [["postpone", ["1602/KH-UBND"], null], ["extend", ["1602/KH-UBND"], "2021-06-20"]]],
    ["tiengiang-ubnd-qd33-2009-thay-the-qd01-1999", [["replace", ["01/1999/QĐ.UB"], null]]],
    ["longan-ubnd-qd14-2014-thay-the-qd44-2010", [["replace", ["44/2010/QĐ-UBND"], null]]],
    // The site's note "đã được thay thế bởi Quyết định 366/QĐ-UBND" describes this one as replaced: not a reference.
    ["bacgiang-ubnd-qd119-2009-bo-sung-qd81", [["amend", ["81/QĐ-UBND"], null]]],
    // "bãi bỏ một số văn bản": a repeal whose list is in its annex.
    ["kontum-ubnd-qd19-2023-bai-bo-van-ban", [["repeal", [], null]]],
    // The legal basis cites an amending decree; a closing "(Theo Công văn số …)" only cites.
    ["neg-dongnai-ubnd-qd3970-2013-can-cu-sua-doi", []],
    ["neg-quangtri-ubnd-cv6202-2023-theo-cong-van", []],
  ])("%s", (name, expected) => {
    expect(brief(fixture(name))).toEqual(expected);
  });
});

describe("amendment references in sentences", () => {
  it.each<[string, Array<[string, string[], string | null]>]>([
    ["UBND tỉnh gia hạn thời gian thực hiện Công văn số 88/UBND-VX ngày 05/6/2023 đến ngày 30/12/2026.", [["extend", ["88/UBND-VX"], "2026-12-30"]]],
    ["Kế hoạch sửa đổi, bổ sung Kế hoạch số 164/KH-UBND ngày 05/6/2023 của UBND Thành phố", [["amend", ["164/KH-UBND"], null]]],
    ["Ban Thường vụ Huyện ủy thu hồi Công văn số 1277-CV/HU ngày 02/3/2024.", [["recall", ["1277-CV/HU"], null]]],
    ["Văn bản này thay thế Công văn số 90/UBND-KT ngày 01/6/2023.", [["replace", ["90/UBND-KT"], null]]],
    ["Bãi bỏ Kế hoạch số 12/KH-UBND và Kế hoạch số 15/KH-UBND.", [["repeal", ["12/KH-UBND", "15/KH-UBND"], null]]],
    // Not amendments.
    ["Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương số 47/2019/QH14;", []],
    ["Thực hiện Công văn số 88/UBND-VX ngày 05/6/2023, UBND huyện triển khai các nội dung sau.", []],
    ["UBND tỉnh thu hồi đất của các hộ gia đình theo Quyết định số 12/QĐ-UBND.", []],
    ["Bổ sung kinh phí thực hiện Kế hoạch số 164/KH-UBND cho các đơn vị.", []],
    ["Quyết định 119/QĐ-UBND đã được thay thế bởi Quyết định 366/QĐ-UBND.", []],
    ["Các văn bản trái quy định sẽ bị bãi bỏ.", []],
  ])("%s", (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it("rides on the reader's output as one optional field the schema accepts", () => {
    const text = fixture("tphcm-ubnd-2021-tam-hoan-gia-han-kh1602");
    const parsed = withAmendments(readDispatch(text, { refDate: "2021-06-08" }), text);
    expect(parsed.amends?.map((a) => a.kind)).toEqual(["postpone", "extend"]);
    expect(parsedDispatchSchema.parse(parsed).amends).toHaveLength(2);
    const plain = readDispatch("1. Sở Y tế chủ trì kiểm tra, hoàn thành trước ngày 30/6/2023.", { refDate: "2023-06-05" });
    expect(withAmendments(plain, "1. Sở Y tế chủ trì kiểm tra")).not.toHaveProperty("amends");
  });
});
