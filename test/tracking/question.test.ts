// The phrase table: what leaders and secretaries write, and what dondoc takes it to ask (or that it asks nothing).
import { describe, expect, it } from "vitest";
import type { Unit } from "../../src/tracking/model.js";
import { parseQuestion, type Question } from "../../src/tracking/question.js";
import { unitKey } from "../../src/tracking/unit-matcher.js";

const unit = (id: number, displayName: string, aliases: string[] = [], kinds: string[] = []): Unit =>
  ({ id, displayName, key: unitKey(displayName), aliases, kinds, level: null, parentId: null });
const UNITS = [
  unit(1, "Sở Y tế", ["SYT"], ["sở"]),
  unit(2, "Sở Tài chính", [], ["sở"]),
  unit(3, "Sở Thông tin và Truyền thông", ["Sở TT&TT"], ["sở"]),
  unit(4, "UBND huyện Gia Viễn", [], ["ủy ban nhân dân huyện"]),
  unit(5, "Sở Giáo dục và Đào tạo", ["Sở GD&ĐT"], ["sở"]),
  unit(6, "Hội Chữ thập đỏ tỉnh", ["Hội Chữ thập đỏ"], ["hội"]),
];
const DISPATCHES = [{ id: 11, number: "164/KH-UBND" }, { id: 12, number: "89/UBND-TC" }, { id: 13, number: "1277-CV/HU" }, { id: 14, number: "90/UBND-KT" }, { id: 15, number: "90/TB-VP" }];
const TODAY = "2026-11-18";

/** A question as the table writes it: kind, then the unit, dispatch numbers or period kind it carries. */
function label(q: Question | null): string | null {
  if (!q) return null;
  const bits: string[] = [q.kind];
  if ("unitId" in q && q.unitId !== undefined) bits.push(UNITS.find((u) => u.id === q.unitId)!.displayName);
  if ("period" in q && q.period) bits.push(`@${q.period.kind}`);
  if (q.kind === "dispatch") bits.push(q.dispatchIds.map((id) => DISPATCHES.find((d) => d.id === id)!.number).join("+"));
  if (q.kind === "hint") bits.push(`/${q.command}`);
  return bits.join(" ");
}

const TABLE: Array<[string, string | null]> = [
  // Overdue
  ["Sở Y tế còn mấy việc quá hạn?", "overdue Sở Y tế"],
  ["so y te con may viec qua han", "overdue Sở Y tế"],
  ["Sở Y tế còn bao nhiêu nhiệm vụ quá hạn?", "overdue Sở Y tế"],
  ["SYT có việc nào trễ hạn không?", "overdue Sở Y tế"],
  ["Việc nào quá hạn rồi?", "overdue"],
  ["những nhiệm vụ nào đã quá hạn?", "overdue"],
  ["Có bao nhiêu việc quá hạn?", "overdue"],
  ["Sở TT&TT có chậm tiến độ việc nào không?", "overdue Sở Thông tin và Truyền thông"],
  ["UBND huyện Gia Viễn có việc gì quá hạn không", "overdue UBND huyện Gia Viễn"],
  ["Ủy ban nhân dân huyện Gia Viễn quá hạn mấy việc?", "overdue UBND huyện Gia Viễn"],
  ["Sở Giáo dục và Đào tạo có trễ hạn không?", "overdue Sở Giáo dục và Đào tạo"],
  ["quá hạn những gì?", "overdue"],
  // Not reported
  ["tuần này những đơn vị nào chưa báo cáo?", "not_reported @week"],
  ["tuan nay don vi nao chua bao cao", "not_reported @week"],
  ["Đơn vị nào chưa báo cáo?", "not_reported"],
  ["những đơn vị nào chưa có báo cáo?", "not_reported"],
  ["Tháng này ai chưa báo cáo?", "not_reported @month"],
  ["quý 3 còn đơn vị nào chưa báo cáo không?", "not_reported @quarter"],
  ["Sở Tài chính đã báo cáo chưa?", "unit Sở Tài chính"],
  ["Sở Tài chính chưa báo cáo việc nào?", "not_reported Sở Tài chính"],
  ["đơn vị nào chưa phản hồi?", "not_reported"],
  ["tuần trước đơn vị nào chưa cập nhật?", "not_reported @week"],
  // Due soon
  ["việc nào sắp đến hạn?", "due_soon"],
  ["viec nao sap den han", "due_soon"],
  ["Nhiệm vụ nào sắp hết hạn?", "due_soon"],
  ["tuần này có việc gì đến hạn không?", "due_soon @week"],
  ["Sở Y tế có việc nào sắp đến hạn không?", "due_soon Sở Y tế"],
  ["tháng 12 có những việc gì đến hạn?", "due_soon @month"],
  ["việc gì gần đến hạn?", "due_soon"],
  ["Hội Chữ thập đỏ có việc gì sắp tới hạn?", "due_soon Hội Chữ thập đỏ tỉnh"],
  // A dispatch
  ["văn bản 164 đến đâu rồi?", "dispatch 164/KH-UBND"],
  ["van ban 164 den dau roi", "dispatch 164/KH-UBND"],
  ["Kế hoạch 164 thực hiện thế nào rồi?", "dispatch 164/KH-UBND"],
  ["công văn 89 tiến độ ra sao?", "dispatch 89/UBND-TC"],
  ["164/KH-UBND đến đâu rồi?", "dispatch 164/KH-UBND"],
  ["Tình hình thực hiện văn bản số 1277?", "dispatch 1277-CV/HU"],
  ["văn bản 90 thế nào?", "dispatch 90/UBND-KT+90/TB-VP"],
  ["văn bản 999 đến đâu rồi?", "hint /baocao"],
  ["kế hoạch số 164 xong chưa?", "dispatch 164/KH-UBND"],
  // A unit
  ["Sở Y tế làm đến đâu rồi?", "unit Sở Y tế"],
  ["tình hình Sở Tài chính thế nào?", "unit Sở Tài chính"],
  ["Sở GD&ĐT thực hiện ra sao?", "unit Sở Giáo dục và Đào tạo"],
  ["UBND huyện Gia Viễn xong chưa?", "unit UBND huyện Gia Viễn"],
  ["quý này Sở Y tế làm được gì?", "unit Sở Y tế @quarter"],
  // Open work
  ["còn bao nhiêu việc chưa xong?", "open"],
  ["Còn mấy nhiệm vụ chưa hoàn thành?", "open"],
  ["Sở Tài chính còn mấy việc chưa xong?", "open Sở Tài chính"],
  ["tiến độ chung thế nào?", "open"],
  ["tháng này còn bao nhiêu việc đang thực hiện?", "open @month"],
  // Questions it cannot answer: the closest command
  ["xuất file excel được không?", "hint /xuat"],
  ["gửi báo cáo tổng hợp cho tôi được không?", "hint /baocao"],
  ["ai phụ trách việc này?", "hint /help"],
  ["đơn vị nào phụ trách lĩnh vực y tế?", "hint /help"],
  // Not questions: reports, instructions, thanks, chatter, dispatch text, commands
  ["xong", null],
  ["đã hoàn thành nhiệm vụ 2", null],
  ["Sở Y tế báo cáo: đã hoàn thành", null],
  ["Đề nghị Sở Y tế báo cáo tiến độ trước ngày 20/11?", null],
  ["Yêu cầu các đơn vị nào chậm tiến độ khẩn trương hoàn thành", null],
  ["Nhiệm vụ nào cũng phải hoàn thành đúng hạn.", null],
  ["Cảm ơn đồng chí", null],
  ["ok", null],
  ["Kính gửi: Các sở, ban, ngành tỉnh", null],
  ["/baocao 164/KH-UBND", null],
  ["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nSố: 512/UBND-VP\nV/v triển khai kế hoạch", null],
  ["Giao Sở Tài chính chủ trì tổng hợp quyết toán, hoàn thành trước ngày 30/6/2026.", null],
  ["Thông báo lịch họp giao ban tuần này chuyển sang chiều thứ Năm", null],
  ["Chào buổi sáng", null],
  ["Bất kỳ đơn vị nào chậm trễ sẽ bị phê bình", null],
  [`${"Sở Y tế còn mấy việc quá hạn ".repeat(10)}?`, null],
];

describe("questions in plain Vietnamese: the phrase table", () => {
  it("has at least 60 phrases, negatives included", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(TABLE.filter(([, e]) => e === null).length).toBeGreaterThanOrEqual(15);
  });
  it.each(TABLE)("%s → %s", (text, expected) => {
    expect(label(parseQuestion(text, { units: UNITS, dispatches: DISPATCHES, today: TODAY }))).toBe(expected);
  });
});
