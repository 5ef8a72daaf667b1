import { describe, expect, it } from "vitest";
import { canonicalName, nameKey } from "../../src/dispatch/names.js";

describe("canonicalName", () => {
  it.each([
    ["UBND huyện", "ủy ban nhân dân huyện"],
    ["Uỷ ban nhân dân Huyện", "ủy ban nhân dân huyện"],
    ["HĐND tỉnh", "hội đồng nhân dân tỉnh"],
    ["UBMTTQ Việt Nam huyện", "ủy ban mặt trận tổ quốc việt nam huyện"],
    ["MTTQ VN tỉnh", "mặt trận tổ quốc việt nam tỉnh"],
    ["Hội CTĐ huyện", "hội chữ thập đỏ huyện"],
    ["BTV Huyện ủy", "ban thường vụ huyện ủy"],
    ["Ban Bí thư TW Đảng", "ban bí thư trung ương đảng"],
    ["Ban Thường vụ TU", "ban thường vụ tỉnh ủy"],
    ["Văn phòng HU", "văn phòng huyện ủy"],
    ["Sở LĐTBXH", "sở lao động thương binh và xã hội"],
    ["Sở LĐ-TB&XH", "sở lao động thương binh và xã hội"],
    ["Sở TT&TT", "sở thông tin và truyền thông"],
    ["Sở TTTT", "sở thông tin và truyền thông"],
    ["Phòng GD&ĐT", "phòng giáo dục và đào tạo"],
    ["Phòng GDĐT", "phòng giáo dục và đào tạo"],
    ["Sở KH&ĐT", "sở kế hoạch và đầu tư"],
    ["Sở TN&MT", "sở tài nguyên và môi trường"],
    ["Sở NN&PTNT", "sở nông nghiệp và phát triển nông thôn"],
    ["Sở VHTTDL", "sở văn hóa thể thao và du lịch"],
    ["Hội LHPN huyện", "hội liên hiệp phụ nữ huyện"],
    ["Hội CCB huyện", "hội cựu chiến binh huyện"],
    ["Đoàn TNCS HCM huyện", "đoàn thanh niên cộng sản hồ chí minh huyện"],
    ["các tổ chức CT-XH", "tổ chức chính trị xã hội"],
    ["UBND TP Huế", "ủy ban nhân dân thành phố huế"],
    ["UBND TX Bình Minh", "ủy ban nhân dân thị xã bình minh"],
    ["Các phòng, ban, ngành, đoàn thể huyện", "phòng ban ngành đoàn thể huyện"],
    ["Đề nghị Ủy ban MTTQ", "ủy ban mặt trận tổ quốc"],
    ["Giao Phòng Tài chính - Kế hoạch", "phòng tài chính kế hoạch"],
    ["Giám đốc Sở Y tế", "sở y tế"],
    ["Chủ tịch UBND các xã", "ủy ban nhân dân các xã"],
    ["Thủ trưởng các cơ quan, đơn vị", "cơ quan đơn vị"],
    ["Ông (Bà) Hiệu trưởng các trường", "trường"],
    ["Chánh Văn phòng UBND tỉnh", "văn phòng ủy ban nhân dân tỉnh"],
    ["Sở Giáo dục và Đào tạo", "sở giáo dục và đào tạo"],
    ["  **Sở  Nội vụ;** ", "sở nội vụ"],
    ["Phòng Văn hoá và Thông tin", "phòng văn hóa và thông tin"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalName(input)).toBe(expected);
  });

  it("keeps lower-case syllables that only look like abbreviations", () => {
    expect(canonicalName("Ban quản lý tu bổ di tích")).toBe("ban quản lý tu bổ di tích");
  });

  it("treats NFD input as NFC", () => {
    expect(canonicalName("Ủy ban nhân dân".normalize("NFD"))).toBe("ủy ban nhân dân");
  });
});

describe("nameKey", () => {
  it.each([
    ["Sở TT&TT", "So Thong tin va Truyen thong"],
    ["UBND huyện", "uy ban nhan dan huyen"],
    ["Uỷ ban nhân dân huyện", "Ủy ban nhân dân huyện"],
    ["HĐND xã", "HDND xa"],
    ["Phòng GD&ĐT", "phong giao duc va dao tao"],
    ["Phòng GD&DT", "Phòng Giáo dục và Đào tạo"],
    ["Giám đốc Sở Y tế", "so y te"],
  ])("%s ≡ %s", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ["Sở Y tế", "Sở Nội vụ"],
    ["UBND huyện", "HĐND huyện"],
    ["Huyện ủy", "Tỉnh ủy"],
  ])("%s ≢ %s", (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});
