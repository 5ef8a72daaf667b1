import { describe, expect, it } from "vitest";
import { parseMarker } from "../../src/dispatch/outline.js";
import { readDispatch } from "../../src/dispatch/reader.js";

const read = (text: string) => readDispatch(text, { refDate: "2024-06-01" });
const refs = (text: string) => read(text).tasks.map((t) => t.ref);

describe("markers", () => {
  it.each([
    ["1. Sở Y tế", "arabic", "1"],
    ["1- Sở Y tế", "arabic", "1"],
    ["12) Sở Y tế", "arabic", "12"],
    ["I. MỤC ĐÍCH", "roman", "I"],
    ["II- NHIỆM VỤ", "roman", "II"],
    ["IV. TỔ CHỨC THỰC HIỆN", "roman", "IV"],
    ["a) Rà soát", "letter", "a"],
    ["đ) Rà soát", "letter", "đ"],
    ["1.2. Rà soát", "dotted", "1.2"],
    ["Điều 3. Chánh Văn phòng", "dieu", "3"],
    ["- Tuyên truyền", "dash", ""],
    ["+ Tuyên truyền", "plus", ""],
    ["• Tuyên truyền", "bullet", ""],
  ])("%s → %s %s", (line, kind, label) => {
    expect(parseMarker(line)).toMatchObject({ kind, label });
  });

  it.each(["22/5/2018 là ngày truyền thống", "Ủy ban nhân dân huyện", "V/v tổ chức", "1.000 người tham gia", "Ban hành"])(
    "%s is not a marker",
    (line) => {
      const m = parseMarker(line);
      expect(m === null || (m.kind !== "roman" && !(m.kind === "arabic" && line.startsWith("1.000")))).toBe(true);
    },
  );
});

describe("outline → refs", () => {
  it("numbers kế hoạch sections, skips Mục đích yêu cầu, and reads Tổ chức thực hiện headings as bodies", () => {
    const text = [
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Sở Y tế nâng cao nhận thức.",
      "II. NHIỆM VỤ",
      "1. Tăng cường công tác tuyên truyền",
      "- Sở Văn hóa, Thể thao và Du lịch tổ chức tuyên truyền.",
      "- Đẩy mạnh ứng dụng công nghệ thông tin.",
      "- Báo Lâm Đồng đưa tin thường xuyên.",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Y tế",
      "Chủ trì, phối hợp với Sở Tài chính triển khai Kế hoạch.",
      "2. UBND các huyện, thành phố:",
      "a) Xây dựng kế hoạch của địa phương.",
      "b) Báo cáo kết quả về Sở Y tế.",
    ].join("\n");
    const p = read(text);
    expect(p.tasks.filter((t) => t.assignees.length > 0).map((t) => t.ref)).toEqual(["II.1#1", "II.1#3", "III.1", "III.2"]);
    // The bullet without a body of its own stays with its heading, shown for the leader to assign.
    expect(p.tasks.find((t) => t.ref === "II.1")).toMatchObject({ assignees: [], implicit: false });
    const iii1 = p.tasks.find((t) => t.ref === "III.1")!;
    expect(iii1.text.startsWith("Sở Y tế")).toBe(true);
    expect(iii1.assignees).toEqual([
      { name: "Sở Y tế", role: "lead" },
      { name: "Sở Tài chính", role: "coordinate" },
    ]);
    expect(p.tasks.find((t) => t.ref === "III.2")!.assignees).toEqual([{ name: "UBND các huyện, thành phố", role: "lead" }]);
  });

  it("reads markdown-wrapped headings and dash kinds (-, +, •) as nested levels", () => {
    const text = [
      "## II- NHIỆM VỤ VÀ GIẢI PHÁP",
      "### *1- Kiện toàn tổ chức Hội.*",
      "- Hội Chữ thập đỏ tỉnh xây dựng đề án kiện toàn tổ chức.",
      "+ Phối hợp với Sở Nội vụ tham mưu cho UBND tỉnh.",
      "- Ban Dân vận các cấp tham mưu cho cấp ủy cùng cấp.",
      "• Tổng hợp kết quả.",
    ].join("\n");
    const p = read(text);
    expect(p.tasks.map((t) => t.ref)).toEqual(["II.1#1", "II.1#2"]);
    expect(p.tasks[0]!.assignees).toContainEqual({ name: "Sở Nội vụ", role: "coordinate" });
    expect(p.tasks[1]!.text).toContain("Tổng hợp kết quả");
  });

  it("numbers Điều items of a quyết định and skips the entry-into-force sentence", () => {
    const text = [
      "QUYẾT ĐỊNH:",
      "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý đường huyện.",
      "Điều 2. Quyết định này có hiệu lực sau 10 ngày, kể từ ngày ký.",
      "Giao Sở Giao thông vận tải hướng dẫn, kiểm tra thực hiện.",
      "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở, ban, ngành; Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này./.",
    ].join("\n");
    const p = read(text);
    const assigned = p.tasks.filter((t) => t.assignees.length > 0);
    expect(assigned.map((t) => t.ref)).toEqual(["2", "3"]);
    expect(assigned[1]!.assignees.map((a) => a.name)).toEqual([
      "Chánh Văn phòng UBND tỉnh",
      "Giám đốc các Sở, ban, ngành",
      "Chủ tịch UBND các huyện",
    ]);
  });

  it("a bullet repeating its heading's body stays in the heading's task", () => {
    const text = ["III. TỔ CHỨC THỰC HIỆN", "1. Hội Chữ thập đỏ Thành phố", "- Xây dựng kế hoạch.", "- Hội Chữ thập đỏ Thành phố chủ động phối hợp với Sở Tư pháp."].join("\n");
    expect(refs(text)).toEqual(["III.1"]);
  });

  it("numbers unnumbered prose requests #1, #2 in order", () => {
    const text = [
      "Giao các sở, ngành tỉnh; Uỷ ban nhân dân các huyện báo cáo tình hình giải ngân. Yêu cầu gửi báo cáo trước ngày 23/5/2019.",
      "Giao Sở Kế hoạch và Đầu tư chủ trì phối hợp với các đơn vị liên quan tổng hợp chung báo cáo.",
    ].join("\n");
    const p = read(text);
    expect(p.tasks.map((t) => t.ref)).toEqual(["#1", "#2"]);
    expect(p.tasks[0]!.deadline?.date).toBe("2019-05-23");
  });
});

describe("headings fully split into bullet tasks", () => {
  it("a 'Giao:' heading whose bullets all name bodies is not an implicit task of its own", () => {
    const p = read("Kính gửi: UBND các xã.\n\n1. Tuyên truyền.\n\n2. Giao:\n- Phòng Y tế kiểm tra.\n- Phòng Tài chính bố trí kinh phí.");
    expect(p.tasks.map((t) => [t.ref, t.implicit])).toEqual([
      ["1", true],
      ["2#1", false],
      ["2#2", false],
    ]);
  });
});

describe("lettered items under an item that states its own work", () => {
  const kg = "Kính gửi: Công an tỉnh; Sở Xây dựng\n\n";
  it("keeps letters naming no body inside the parent task, with the parent's coordinators", () => {
    const text = `${kg}1. Sở Xây dựng rà soát quy chuẩn.\n2. Công an tỉnh chủ trì, phối hợp với Sở Xây dựng tổ chức đợt cao điểm tổng kiểm tra an toàn phòng cháy, chữa cháy đối với nhà ở kết hợp kinh doanh:\na) Hướng dẫn hộ gia đình cải tạo lối thoát nạn;\nb) Xử lý nghiêm các vi phạm.\nThời gian hoàn thành trong quý IV/2025.`;
    const t = read(text).tasks.find((x) => x.ref === "2")!;
    expect(refs(text)).toEqual(["1", "2"]);
    expect(t.text).toContain("Xử lý nghiêm các vi phạm");
    expect(t.assignees).toEqual([{ name: "Công an tỉnh", role: "lead" }, { name: "Sở Xây dựng", role: "coordinate" }]);
    expect(t.deadline?.date).toBe("2025-12-31");
  });

  it("keeps letters under a body heading ('X:', 'X chủ trì, phối hợp với Y …:') in its task (guide); splits them under 'X lãnh đạo Y:' and where a letter names its own body", () => {
    expect(refs(`${kg}1. UBND các xã, thị trấn:\na) Tuyên truyền cho người dân.\nb) Thành lập tổ kiểm tra.`)).toEqual(["1"]);
    expect(refs(`${kg}1. Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh:\na) Rà soát phương án ứng phó thiên tai.\nb) Kiểm tra hệ thống đê điều.`)).toEqual(["1.a", "1.b"]);
    expect(refs(`${kg}1. Công an tỉnh chủ trì, phối hợp với Sở Xây dựng tổ chức đợt tổng kiểm tra an toàn phòng cháy, chữa cháy:\na) Hướng dẫn hộ gia đình cải tạo lối thoát nạn;\nb) Sở Tài chính bố trí kinh phí.`)).toEqual(["1", "1.b"]);
  });
});

describe("a wrapped dash bullet inside a numbered item", () => {
  const item = (next: string) =>
    [
      "1. Sở Y tế",
      "- Chủ trì tổ chức kiểm tra.",
      "2. UBND các quận, huyện, thị xã",
      "- Xây dựng Kế hoạch, tổ chức thực hiện phù hợp điều kiện thực tế của địa phương.",
      next,
      "- Tuyên truyền nâng cao nhận thức về công tác nhân đạo.",
    ].join("\n");

  it("a line starting with a verb phrase continues the bullet; its report recipients are not leads", () => {
    const d = read(item("Theo dõi kiểm tra, đánh giá, định kỳ hàng năm báo cáo Ban Thường vụ Thành ủy (qua Ban Dân vận Thành ủy), UBND Thành phố (qua Hội Chữ thập đỏ Thành phố) kết quả thực hiện."));
    expect(d.tasks.map((t) => t.ref)).toEqual(["1", "2"]);
    expect(d.tasks[1]!.assignees).toEqual([{ name: "UBND các quận, huyện, thị xã", role: "lead" }]);
    expect(d.tasks[1]!.text).toContain("Tuyên truyền nâng cao nhận thức");
  });

  it("a line whose subject is another body is that body's task", () => {
    const d = read(item("Hội Chữ thập đỏ Thành phố chủ trì tổng hợp kết quả thực hiện."));
    expect(d.tasks.map((t) => t.ref)).toEqual(["1", "2", "#1"]);
    expect(d.tasks[2]!.assignees).toEqual([{ name: "Hội Chữ thập đỏ Thành phố", role: "lead" }]);
  });
});
