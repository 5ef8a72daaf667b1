/**
 * Phrase tests for classes of who-is-asked misses (session 20, rrole20): the body that asks is never an assignee, the
 * bodies it asks lead. Each row is a general shape of administrative prose, with negative cases beside it.
 */
import { describe, expect, it } from "vitest";
import { leadsOfSentence } from "../../src/dispatch/roles.js";

const read = (s: string) => leadsOfSentence(s);

describe("a board's name that runs on past the lexicon into the request verb is who asks", () => {
  it.each([
    ["Để chủ động ứng phó, Văn phòng Thường trực Ban chỉ đạo Quốc gia về phòng, chống thiên tai đề nghị Ban chỉ huy Phòng chống thiên tai các tỉnh tiếp tục theo dõi.", ["Ban chỉ huy Phòng chống thiên tai các tỉnh"]],
    ["Ban Chỉ đạo (BCĐ) bảo vệ nền tảng tư tưởng của Đảng của tỉnh (gọi tắt là Ban Chỉ đạo 35 tỉnh) yêu cầu các thành viên BCĐ tỉnh tăng cường nắm bắt tình hình.", ["các thành viên BCĐ tỉnh"]],
  ])("%s", (s, leads) => {
    expect(read(s)?.leads).toEqual(leads);
    expect(read(s)?.requested).toBe(true);
    expect(read(s)?.requester.length).toBe(1);
  });
  it("not a body whose own work runs on ('Sở Y tế về kiểm tra các cơ sở …' has no request), nor past a full stop", () => {
    expect(read("Ban chỉ đạo tỉnh về phòng, chống dịch kiểm tra các cơ sở y tế.")?.requested).toBe(false);
    expect(read("Ban chỉ đạo tỉnh (BCĐ) kiểm tra các cơ sở y tế.")?.leads[0]).toMatch(/^Ban chỉ đạo/u);
  });
});

describe("a publishing clause that 'giao cho' a body gives it the work", () => {
  it("'UBND quận Ninh Kiều có công văn giao cho Chủ tịch UBND phường An Khánh xử lý …'", () => {
    const l = read("Ngày 13-1, UBND quận Ninh Kiều có công văn giao cho Chủ tịch UBND phường An Khánh xử lý thực trạng lấn chiếm rạch.");
    expect(l?.leads).toEqual(["Chủ tịch UBND phường An Khánh"]);
    expect(l?.requester).toEqual(["UBND quận Ninh Kiều"]);
  });
  it("not 'giao' in 'giao thông', 'giao dịch'", () => {
    expect(read("UBND tỉnh có công văn gửi các sở về an toàn giao thông cho người dân.")?.leads ?? []).not.toContain("người dân");
  });
});

describe("the staff asked as a body of people ('đội ngũ cán bộ, công chức …') are the ones asked", () => {
  it.each([
    ["Theo đó, UBND huyện Duy Xuyên yêu cầu đội ngũ cán bộ, công chức, viên chức, người lao động phải chấp hành nghiêm kỷ luật.", ["đội ngũ cán bộ, công chức, viên chức, người lao động"]],
    ["Sở Y tế đề nghị đội ngũ nhân viên y tế thực hiện nghiêm quy chế chuyên môn.", ["đội ngũ nhân viên y tế"]],
  ])("%s", (s, leads) => expect(read(s)?.leads).toEqual(leads));
});

describe("a Party committee's standing organs speak for it: the Thường trực's page telling what the Ban Thường vụ directs", () => {
  it("'Thường trực Tỉnh ủy vừa có công văn gửi …' then 'Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy đảng …': the cấp ủy lead", async () => {
    const { readDispatch } = await import("../../src/dispatch/reader.js");
    const text = "Thường trực Tỉnh ủy vừa có công văn gửi các huyện ủy, thị ủy, thành ủy về việc lãnh đạo đại hội phụ nữ các cấp.\n\nBan Thường vụ Tỉnh ủy chỉ đạo các cấp ủy đảng tiếp tục quán triệt các quan điểm về công tác phụ nữ.";
    const tasks = readDispatch(text, { refDate: "2026-01-15" }).tasks.filter((t) => t.assignees.length);
    expect(tasks.map((t) => t.assignees.map((a) => a.name))).toEqual([["các cấp ủy đảng"]]);
  });
});

describe("a purpose clause opening the sentence directs no one in the main clause: the lead's partners still coordinate", async () => {
  const { coordinatorsIn } = await import("../../src/dispatch/roles.js");
  it("'Để tạo điều kiện cho nhân dân …, UBND tỉnh giao Sở … phối hợp với UBND huyện … và Chi cục Thú y …'", () => {
    expect(coordinatorsIn("Để tạo điều kiện cho nhân dân tiêu thụ gia cầm, đồng thời khống chế dịch, UBND tỉnh giao Sở Nông nghiệp và PTNT phối hợp với UBND huyện Quỳnh Lưu và Chi cục Thú y tiếp tục kiểm tra.")).toEqual(["UBND huyện Quỳnh Lưu", "Chi cục Thú y"]);
  });
  it("not the partner of a body directed inside the purpose clause, nor of one directed in the main clause", () => {
    expect(coordinatorsIn("Để chỉ đạo các xã phối hợp với Công an huyện, UBND huyện giao Phòng Tư pháp thực hiện.")).toEqual([]);
    expect(coordinatorsIn("Để bảo đảm an toàn, UBND huyện chỉ đạo các xã phối hợp với Công an huyện kiểm tra.")).toEqual([]);
  });
});

describe("material sent to bodies for them to carry out asks them; a report sent to whom it informs does not", () => {
  it.each([
    ["Phòng Kinh tế, Hạ tầng và Đô thị phường gửi biểu cơ cấu giống cho các ban, ngành, đoàn thể nắm bắt và triển khai thực hiện.", ["các ban, ngành, đoàn thể"]],
    ["Sở Y tế gửi tài liệu hướng dẫn cho các bệnh viện thực hiện.", ["các bệnh viện"]],
  ])("%s", (s, leads) => {
    expect(read(s)?.leads).toEqual(leads);
    expect(read(s)?.requested).toBe(true);
  });
  it("not 'gửi báo cáo cho UBND tỉnh trước ngày …' (the report's recipient)", () => {
    expect(read("Sở Y tế gửi báo cáo cho UBND tỉnh trước ngày 20/5.")?.leads).toEqual(["Sở Y tế"]);
  });
});
