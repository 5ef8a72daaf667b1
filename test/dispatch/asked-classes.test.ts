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
