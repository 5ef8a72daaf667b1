import { describe, expect, it } from "vitest";
import { unglue } from "../../src/dispatch/glued.js";
import { leadsOfSentence } from "../../src/dispatch/roles.js";

describe("words a portal ran together", () => {
  it.each([
    ["tạochủ", "tạo chủ"], ["dântỉnh", "dân tỉnh"], ["Chủtịch", "Chủ tịch"], ["tổchức", "tổ chức"], ["BanĐiều", "Ban Điều"],
    ["PHÁTTRIỂN", "PHÁT TRIỂN"], ["quốctế", "quốc tế"], ["đếnnăm", "đến năm"], ["Chínhphủ", "Chính phủ"],
  ])("splits %s", (word, want) => {
    expect(unglue(word)).toBe(want);
  });

  it.each([
    // One syllable, foreign words, abbreviations.
    "nghiêng", "thuyền", "Nguyễn", "Covid", "Colgate", "TTg", "Quảng", "giữa",
    // Two readings ("các huyện" / "cá chuyện", "thực hiện" / "thự chiện", "Huế trở" / "Huết rở"): left as written.
    "cáchuyện", "thựchiện", "Huếtrở", "Thểthao",
  ])("keeps %s", (word) => {
    expect(unglue(word)).toBe(word);
  });

  it("ends a body's name at a verb glued to it and reads glued names apart", () => {
    const a = leadsOfSentence("Giao Giám đốc Sở Giáo dục và Đào tạochủ trì, phối hợp với các đơn vị có liên quan triển khai.");
    expect(a?.leads).toEqual(["Giám đốc Sở Giáo dục và Đào tạo"]);
    const b = leadsOfSentence("Chánh Văn phòng Uỷ ban nhân dântỉnh, thủ trưởng các đơn vị có liên quan, Chủtịch UBND các huyện chịu trách nhiệm thi hành.");
    expect(b?.leads).toEqual(["Chánh Văn phòng Uỷ ban nhân dân tỉnh", "thủ trưởng các đơn vị có liên quan", "Chủ tịch UBND các huyện"]);
  });
});
