/**
 * Dispatches written for this project in the shapes the shared set does not cover (HỎA TỐC/MẬT stamps, thông báo kết
 * luận, chỉ thị with "1-" and "a)", công điện addressed with "… điện:", one-recipient-per-line Kính gửi, "Tổ chức thực hiện" headings with colons and
 * "+"/"•" bullets, portal sentences). Each row: ref, assignees ("~" = coordinate), deadline date, recurrence.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";

type Row = [string, string[], string | null, string | null];
const dir = fileURLToPath(new URL("../fixtures/dispatches/synthetic", import.meta.url));

const CASES: Array<[string, Record<string, string | null>, Row[]]> = [
  ["cd-bao-so-6.txt", {"number":"05/CĐ-UBND","date":"2024-10-10","secrecy":null,"urgency":null}, [
    ["1",["Chủ tịch UBND các huyện, thị xã, thành phố"],"2024-10-11",null],
    ["2",["Giám đốc các Sở","Thủ trưởng các ban, ngành tỉnh","Chủ tịch UBND các huyện, thị xã, thành phố"],null,null],
    ["3",["Bộ Chỉ huy Quân sự tỉnh","~Công an tỉnh"],null,null],
  ]],
  ["ct-mat-thien-tai.txt", {"number":"15-CT/TU","date":"2024-10-10","secrecy":"MẬT","urgency":null}, [
    ["1",["Các cấp ủy","tổ chức đảng"],null,null],
    ["2.a",["Ban cán sự đảng UBND tỉnh"],"2024-11-30",null],
    ["2.b",["Ban cán sự đảng UBND tỉnh"],null,null],
    ["3",["Ban Tuyên giáo Tỉnh ủy"],null,null],
    ["4",["Văn phòng Tỉnh ủy","~Ban Tuyên giáo Tỉnh ủy"],null,"semiannual"],
  ]],
  ["cv-hoa-toc-dich-benh.txt", {"number":"512/UBND-VP","date":"2024-04-12","secrecy":null,"urgency":"HỎA TỐC"}, [
    ["1",["Phòng Nông nghiệp và Phát triển nông thôn","~Trạm Chăn nuôi và Thú y","~UBND các xã, thị trấn"],"2024-05-30",null],
    ["2",["Phòng Tài chính - Kế hoạch"],"2024-05-15",null],
    ["3",["UBND các xã, thị trấn"],null,"weekly"],
    ["4",["Ủy ban MTTQ Việt Nam huyện","các tổ chức chính trị - xã hội huyện"],null,null],
    ["5",["Trung tâm Văn hóa - Thông tin và Thể thao huyện"],null,null],
  ]],
  ["cv-kontum-nghi-quyet.txt", {"number":"1520/UBND-KTTH","date":"2024-01-25","secrecy":null,"urgency":null}, [
    ["1",["Các sở, ban, ngành thuộc tỉnh","Ủy ban nhân dân các huyện, thành phố"],"2024-02-15",null],
    ["2",["Sở Kế hoạch và Đầu tư","~Sở Tài chính","~các cơ quan liên quan"],"2024-03-20","quarterly"],
    ["3",["Các sở, ban, ngành thuộc tỉnh","Ủy ban nhân dân các huyện, thành phố"],"2024-03-31",null],
  ]],
  ["cv-markdown-hoi-thi.txt", {"number":"321/PGDĐT-GDTH","date":"2024-10-02","secrecy":null,"urgency":null}, [
    ["3",["Các trường"],"2024-10-25",null],
    ["4",["Hiệu trưởng các trường Tiểu học trên địa bàn huyện"],null,null],
  ]],
  ["kh-huyen-uy-ket-luan-44.txt", {"number":"245-KH/HU","date":"2023-07-12","secrecy":null,"urgency":null}, [
    ["II.1",["Các chi, đảng bộ trực thuộc"],"2023-09-30",null],
    ["II.2",["Đảng đoàn Hội đồng nhân dân huyện","Ban cán sự đảng Ủy ban nhân dân huyện"],null,null],
    ["III.1",["Ban Dân vận Huyện ủy","~Ban Tuyên giáo Huyện ủy","~Ủy ban Kiểm tra Huyện ủy","~Hội Chữ thập đỏ huyện"],null,"yearly"],
    ["III.2",["Mặt trận Tổ quốc","các đoàn thể chính trị - xã hội huyện","~Hội Chữ thập đỏ huyện"],null,null],
    ["III.3",["Các chi, đảng bộ trực thuộc"],"2023-08-30",null],
  ]],
  ["kh-ky-niem-30-4.txt", {"number":"56/KH-VHTT","date":"2025-03-03","secrecy":null,"urgency":null}, [
    ["III.1",["Trung tâm Văn hóa - Thể thao và Truyền thông huyện"],null,null],
    ["III.2",["Huyện đoàn","Hội Liên hiệp Phụ nữ huyện","Hội Cựu chiến binh huyện"],"2025-04-15",null],
    ["III.3",["UBND các xã, thị trấn"],"2025-05-10",null],
  ]],
  ["kh-so-gddt-tuan-le.txt", {"number":"1234/KH-SGDĐT","date":"2024-08-20","secrecy":null,"urgency":null}, [
    ["III.1",["Phòng Giáo dục thường xuyên","~các phòng chuyên môn"],"2024-10-20",null],
    ["III.2",["Phòng Giáo dục và Đào tạo các huyện, thành phố"],"2024-10-15",null],
    ["III.3",["Các trường trung học phổ thông trực thuộc"],null,"quarterly"],
  ]],
  ["portal-giai-ngan.txt", {"number":"789/UBND-KTTH","date":"2025-03-15","secrecy":null,"urgency":null}, [
    ["#1",["Giám đốc các Sở, ban, ngành","Chủ tịch UBND các huyện, thị xã, thành phố"],"2025-03-25","monthly"],
    ["#2",["Sở Tài chính","~Kho bạc Nhà nước tỉnh"],"2025-06-30",null],
    ["#3",["Sở Xây dựng"],null,null],
  ]],
  ["tb-ket-luan-tet.txt", {"number":"45/TB-VPUBND","date":"2025-01-08","secrecy":null,"urgency":null}, [
    ["1",["Sở Công Thương","~các đơn vị liên quan"],"2025-01-15",null],
    ["2",["Sở Lao động - Thương binh và Xã hội","~Ủy ban MTTQ Việt Nam tỉnh"],"2025-01-20",null],
    ["2#3",["Công an tỉnh"],null,null],
    ["3",["UBND các huyện, thị xã, thành phố"],null,null],
  ]],
];

describe.each(CASES)("synthetic %s", (file, header, rows) => {
  const p = readDispatch(readFileSync(join(dir, file), "utf8"), { refDate: "2026-01-15" });
  it("reads the header", () => {
    expect(p.doc).toMatchObject(header);
  });
  it("finds the tasks with their assignees and deadlines", () => {
    const got = p.tasks
      .filter((t) => t.assignees.length > 0)
      .map((t): Row => [t.ref, t.assignees.map((a) => (a.role === "lead" ? "" : "~") + a.name), t.deadline?.date ?? null, t.deadline?.recurrence ?? null]);
    expect(got).toEqual(rows);
  });
});
