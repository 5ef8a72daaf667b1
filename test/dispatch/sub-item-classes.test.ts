/**
 * Sub-items under a body heading (chỉ thị / công điện / "Tổ chức thực hiện"): a numbered heading that names the body,
 * alone or as the subject of a role lead-in ending in ":", is one task; its lettered or numbered sub-items stay in it
 * unless one names a different lead (guide). Synthetic sentences in the grammar of the real ones.
 */
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";

const read = (text: string) => readDispatch(text, { refDate: "2025-11-20" }).tasks.filter((t) => t.assignees.length > 0);
const leads = (t: { assignees: { name: string; role: string }[] }) => t.assignees.filter((a) => a.role === "lead").map((a) => a.name);
const kg = "Kính gửi: Các sở, ban, ngành tỉnh; UBND các xã, phường\n\n";

describe("a numbered heading that is a body's name over lettered sub-items", () => {
  it("is one task, its text running through the letters (with their labels)", () => {
    const t = read(`${kg}1. Sở Nông nghiệp và Môi trường:\na) Chỉ đạo cơ quan dự báo theo dõi chặt chẽ diễn biến mưa lũ.\nb) Hướng dẫn các địa phương bảo vệ sản xuất nông nghiệp.\n2. Sở Xây dựng bảo đảm an toàn giao thông.`);
    expect(t.map((x) => x.ref)).toEqual(["1", "2"]);
    expect(leads(t[0]!)).toEqual(["Sở Nông nghiệp và Môi trường"]);
    expect(t[0]!.text).toContain("a) Chỉ đạo cơ quan dự báo");
    expect(t[0]!.text).toContain("b) Hướng dẫn các địa phương");
  });

  it("reads a heading of several bodies without a colon ('Thủ trưởng các sở …; Chủ tịch UBND các xã, phường')", () => {
    const t = read(`${kg}1. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường\na) Thực hiện nghiêm việc cải cách thủ tục hành chính.\nb) Rà soát, chuẩn hóa các mẫu đơn, tờ khai.\nc) Đẩy mạnh công tác truyền thông.`);
    expect(t.map((x) => x.ref)).toEqual(["1"]);
    expect(leads(t[0]!)).toEqual(["Thủ trưởng các sở, ban, ngành tỉnh", "Chủ tịch UBND các xã, phường"]);
  });

  it("joins a heading wrapped onto a short line of its own ('2. Sở' / 'Khoa học và Công nghệ')", () => {
    const t = read(`${kg}2. Sở\nKhoa học và Công nghệ\na) Tối ưu hóa hệ thống thông tin giải quyết thủ tục hành chính.\nb) Nâng cấp kho dữ liệu điện tử.`);
    expect(t.map((x) => x.ref)).toEqual(["2"]);
    expect(leads(t[0]!)).toEqual(["Sở Khoa học và Công nghệ"]);
  });

  it("keeps the sub-items' time in the one task", () => {
    const t = read(`${kg}1. UBND các xã, phường:\na) Rà soát các hộ dân trong vùng nguy hiểm.\nb) Hoàn thành việc di dời trước ngày 30/11/2025.`);
    expect(t.map((x) => x.ref)).toEqual(["1"]);
    expect(t[0]!.deadline?.date).toBe("2025-11-30");
  });
});

describe("a role lead-in naming the body ('X chủ trì, phối hợp với Y:')", () => {
  it("is one task with its partners", () => {
    const t = read(`${kg}1. Sở Tài chính chủ trì, phối hợp với các sở, địa phương liên quan:\na) Yêu cầu các doanh nghiệp bảo hiểm khẩn trương chi trả.\nb) Tổng hợp kết quả, báo cáo UBND tỉnh.`);
    expect(t.map((x) => x.ref)).toEqual(["1"]);
    expect(t[0]!.assignees).toEqual([{ name: "Sở Tài chính", role: "lead" }, { name: "các sở, địa phương liên quan", role: "coordinate" }]);
  });

  it("but a lead-in with work of its own lists tasks ('… tập trung chỉ đạo các đơn vị thực hiện một số nhiệm vụ sau:')", () => {
    const t = read(`${kg}3. Giám đốc Sở Công Thương tập trung lãnh đạo, chỉ đạo các đơn vị liên quan khẩn trương thực hiện một số nhiệm vụ sau:\n3.1. Hoàn thiện Kế hoạch cao điểm chống buôn lậu; báo cáo UBND tỉnh trước ngày 30/11/2025.\n3.2. Tổng kết việc thực hiện Chỉ thị số 30; báo cáo UBND tỉnh trước ngày 15/12/2025.`);
    expect(t.map((x) => x.ref)).toEqual(["3.1", "3.2"]);
  });
});

describe("a sub-item naming a different lead", () => {
  it("is its own task; the others stay with the heading", () => {
    const t = read(`${kg}1. Sở Y tế:\na) Bảo đảm thuốc, vật tư, giường bệnh.\nb) Công an tỉnh bảo đảm an ninh trật tự tại các điểm sơ tán.\nc) Hướng dẫn người dân vệ sinh môi trường.`);
    expect(t.map((x) => x.ref)).toEqual(["1", "1.b"]);
    expect(leads(t[1]!)).toEqual(["Công an tỉnh"]);
    expect(t[0]!.text).toContain("c) Hướng dẫn người dân");
    expect(t[0]!.text).not.toContain("Công an tỉnh");
  });
});

describe("sub-items numbered in brackets ('(1)', '(i)') inside a numbered item", () => {
  it("each naming its own lead is its own task", () => {
    const t = read(`${kg}1. Về tiến độ dự án, yêu cầu các cơ quan liên quan tập trung thực hiện một số nội dung sau:\n(1) Sở Xây dựng hướng dẫn Chủ đầu tư hoàn thiện hồ sơ thiết kế.\n(2) Sở Tài chính bố trí đủ vốn cho dự án.\n(3) UBND phường An Khánh hoàn thành bàn giao mặt bằng trong tháng 12 năm 2025.`);
    expect(t.map((x) => x.ref)).toEqual(["1.1", "1.2", "1.3"]);
    expect(t.map((x) => leads(x)[0])).toEqual(["Sở Xây dựng", "Sở Tài chính", "UBND phường An Khánh"]);
  });

  it("'(i)', '(ii)' under a lettered item", () => {
    const t = read(`${kg}1. Về dự án nhà máy điện:\na) Ghi nhận nỗ lực của Chủ đầu tư.\nb) Để làm tốt các nhiệm vụ sắp tới, đề nghị:\n(i) Sở Công Thương báo cáo UBND tỉnh về thời gian khánh thành.\n(ii) Công an tỉnh bảo đảm an ninh khu vực dự án.`);
    expect(t.filter((x) => x.ref.startsWith("1.b")).map((x) => [x.ref, leads(x)])).toEqual([["1.b.i", ["Sở Công Thương"]], ["1.b.ii", ["Công an tỉnh"]]]);
  });

  it("but at the top, '… đề nghị …: (1) …; (2) …' lists what the request asks, in its prose", () => {
    const t = read(`${kg}Sở Kế hoạch và Đầu tư đề nghị UBND các huyện tổng hợp, gửi về Sở trước ngày 15/3/2018 các nội dung sau:\n(1) Danh mục dự án đã đầu tư.\n(2) Danh mục dự án chưa có vốn bố trí.`);
    expect(t.map((x) => x.ref)).toEqual(["#1"]);
    expect(t[0]!.deadline?.date).toBe("2018-03-15");
  });
});

describe("the section after 'Tổ chức thực hiện'", () => {
  it("a line wrapped after 'các' / 'từ' goes on ('Trực tiếp chỉ đạo các' / 'Cơ sở y tế …')", () => {
    const t = read(`${kg}V. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n- Chủ trì triển khai kế hoạch.\n- Trực tiếp chỉ đạo các\nCơ sở y tế trên địa bàn tỉnh: Đảm bảo sẵn sàng thuốc, vật tư.\n2. Sở Tài chính:\nTham mưu nguồn kinh phí.`);
    expect(t.map((x) => [x.ref, leads(x)])).toEqual([["V.1", ["Sở Y tế"]], ["V.2", ["Sở Tài chính"]]]);
  });

  it("a section numeral used at the top stays at the top ('VI. KINH PHÍ' never under item 5)", () => {
    const text = `${kg}V. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n- Chủ trì triển khai kế hoạch.\nCông an tỉnh bảo đảm an ninh trật tự.\n2. Sở Tài chính:\nTham mưu nguồn kinh phí.\nVI. KINH PHÍ THỰC HIỆN\n- Từ ngân sách tỉnh.`;
    const refs = readDispatch(text, { refDate: "2025-11-20" }).tasks.map((x) => x.ref);
    expect(refs).toContain("VI");
    expect(refs.some((r) => r.endsWith(".VI"))).toBe(false);
  });
});

describe("a body heading whose numbered sub-items each name their own lead", () => {
  it("gives their tasks only, numbered as the text numbers them", () => {
    const t = read(`${kg}1. Các sở, ban, ngành tỉnh:\n1.1. Sở Y tế bảo đảm thuốc, vật tư y tế.\n1.2. Sở Tài chính bố trí kinh phí thực hiện.`);
    expect(t.map((x) => [x.ref, leads(x)])).toEqual([["1.1", ["Sở Y tế"]], ["1.2", ["Sở Tài chính"]]]);
  });
});

describe("items in brackets under an item with work of its own", () => {
  it("stay in it when they name no body of their own ('…, trong đó: (1) Tập trung kêu gọi …')", () => {
    const t = read(`${kg}1. Sở Xây dựng bảo đảm an toàn giao thông.\n2. Chủ tịch UBND các xã, phường tổ chức theo dõi sát tình hình, chủ động triển khai các biện pháp ứng phó với bão, trong đó:\n(1) Tập trung kêu gọi, hướng dẫn tàu thuyền về nơi tránh trú.\n(2) Chủ động rà soát phương án sơ tán dân cư.\n3. Công an tỉnh bảo đảm an ninh trật tự.`);
    expect(t.map((x) => x.ref)).toEqual(["1", "2", "3"]);
    expect(t[1]!.text).toContain("Chủ động rà soát phương án sơ tán");
  });
  it("are tasks of their own when each names its body ('(1) Sở Y tế chỉ đạo …')", () => {
    const t = read(`${kg}2. Về các kiến nghị của các xã, phường:\n(1) Sở Y tế chỉ đạo bệnh viện tỉnh tiếp nhận bệnh nhân.\n(2) Sở Tài chính bố trí kinh phí theo quy định.`);
    expect(t.map((x) => [x.ref, leads(x)])).toEqual([["2.1", ["Sở Y tế"]], ["2.2", ["Sở Tài chính"]]]);
  });
  it("share out a lettered item's bodies one each, and keep its time ('b) Các Sở: Y tế, Tài chính …, cụ thể: (1) Sở Y tế …')", () => {
    const t = read(`${kg}2. Thủ trưởng các sở, ban, ngành tỉnh\na) Rà soát, chuẩn hóa các mẫu đơn, tờ khai.\nb) Các Sở: Y tế, Tài chính khẩn trương khắc phục bất cập của hệ thống thông tin, hoàn thành trong tháng 11 năm 2025, cụ thể:\n(1) Sở Y tế nâng cấp hệ thống quản lý cấp phép hành nghề.\n(2) Sở Tài chính bố trí kinh phí kết nối cơ sở dữ liệu.`);
    expect(t.map((x) => [x.ref, leads(x), x.deadline?.date])).toEqual([
      ["2", ["Thủ trưởng các sở, ban, ngành tỉnh"], undefined],
      ["2.b.1", ["Sở Y tế"], "2025-11-30"],
      ["2.b.2", ["Sở Tài chính"], "2025-11-30"],
    ]);
  });
  it("stay in their parent when each names all of its bodies again", () => {
    const t = read(`${kg}2. Sở Y tế và Sở Tài chính phối hợp khắc phục bất cập của hệ thống thông tin, cụ thể:\n(1) Sở Y tế và Sở Tài chính nâng cấp hệ thống.\n(2) Sở Y tế và Sở Tài chính kết nối cơ sở dữ liệu.`);
    expect(t.map((x) => x.ref)).toEqual(["2"]);
  });
});

describe("an article's or a section's lead-in that names its body and ends in 'sau:'", () => {
  it("keeps the clauses naming no body of their own in its one task ('Điều 1. … Giao Bộ Công an chủ trì …, bảo đảm một số yêu cầu sau: 1. … 2. …')", () => {
    const t = read(`${kg}Điều 1. Thống nhất với dự án Pháp lệnh. Giao Bộ Công an chủ trì, phối hợp với các bộ có liên quan hoàn thiện hồ sơ dự án, bảo đảm một số yêu cầu sau:\n1. Quán triệt đầy đủ các quan điểm, chủ trương của Đảng.\n2. Rà soát kỹ nội dung dự thảo Pháp lệnh.\nĐiều 2. Bộ trưởng Bộ Công an chịu trách nhiệm thi hành Nghị quyết này.`);
    expect(t.map((x) => [x.ref, leads(x)])).toEqual([["1", ["Bộ Công an"]], ["2", ["Bộ trưởng Bộ Công an"]]]);
    expect(t[0]!.text).toContain("Rà soát kỹ nội dung dự thảo");
  });
  it("does so for a section's lead-in paragraph too, but not for a numbered item's own sub-items", () => {
    const sec = read(`${kg}II. NHIỆM VỤ TRỌNG TÂM\nĐề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ, trong đó lưu ý một số nội dung trọng tâm sau:\n1. Đổi mới tư duy, tầm nhìn phát triển.\n2. Đẩy mạnh cải cách thủ tục hành chính.`);
    expect(sec.map((x) => x.ref)).toEqual(["II"]);
    const item = read(`${kg}3. Bộ trưởng Bộ Tài chính tập trung lãnh đạo, chỉ đạo các đơn vị liên quan khẩn trương thực hiện một số nhiệm vụ sau:\n3.1. Hoàn thiện Kế hoạch cao điểm chống buôn lậu.\n3.2. Khẩn trương hoàn thành việc tổng kết Chỉ thị.`);
    expect(item.map((x) => x.ref)).toEqual(["3.1", "3.2"]);
  });
});
