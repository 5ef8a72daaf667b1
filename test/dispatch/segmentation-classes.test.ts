/**
 * Task segmentation classes seen on unseen rounds (portal excerpts and commune notices in prose): which sentence starts a
 * task, for whom. Synthetic sentences in the grammar of the real ones.
 */
import { describe, expect, it } from "vitest";
import { isWorkSentence, leadsOfSentence } from "../../src/dispatch/roles.js";
import { readDispatch } from "../../src/dispatch/reader.js";

const leads = (s: string) => leadsOfSentence(s)?.leads;
const tasksOf = (text: string) => readDispatch(text, { refDate: "2024-06-01" }).tasks.filter((t) => t.assignees.length > 0);

describe("a linking word before the subject ('Vậy', 'Do đó', 'Riêng')", () => {
  it.each([
    ["Vậy đề nghị các hộ dân nghiêm túc chấp hành nộp theo đúng thời gian quy định.", ["các hộ dân"]],
    ["Do đó, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội thành phố cần tiếp tục phát huy vai trò.", ["Mặt trận Tổ quốc", "các đoàn thể chính trị - xã hội thành phố"]],
    ["Riêng UBND huyện Khánh Sơn khẩn trương hoàn thiện hồ sơ quy hoạch.", ["UBND huyện Khánh Sơn"]],
    ["Sau Đại hội điểm, MTTQ các xã còn lại tiến hành tổ chức Đại hội.", ["MTTQ các xã còn lại"]],
  ])("%s", (s, want) => expect(leads(s)).toEqual(want));
});

describe("the public addressed by a notice", () => {
  it.each([
    ["Người chăn nuôi cần chủ động kinh phí mua vắc xin.", ["Người chăn nuôi"]],
    // "Khuyến cáo X …" asks X like "Đề nghị X …"; the people's name closes before a verb the lexicon does not know.
    ["Khuyến cáo bà con chăn nuôi gia cố, che chắn chuồng trại.", ["bà con chăn nuôi"]],
    ["UBND xã thông báo để các hộ biết và chủ động nộp.", ["các hộ"]],
    ["UBND phường thông báo đến các cá nhân, tổ chức trên địa bàn biết và phối hợp thực hiện việc tập kết rác đúng quy định.", ["các cá nhân, tổ chức trên địa bàn"]],
  ])("%s", (s, want) => expect(leads(s)).toEqual(want));

  it("keeps a body whose name holds such a word ('Hội Nông dân tỉnh', 'Hội Hỗ trợ gia đình liệt sĩ')", () => {
    expect(leads("Hội Nông dân tỉnh đã có công văn đề nghị Hội Nông dân các huyện, thành phố vận động hội viên.")).toEqual(["Hội Nông dân các huyện, thành phố"]);
  });

  it("reads 'thông báo để X biết, thực hiện' as the closing of a letter, not work for X", () => {
    expect(leads("Văn phòng Chính phủ thông báo để Bộ Y tế biết, thực hiện./.")).toEqual(["Văn phòng Chính phủ"]);
    expect(leads("Văn phòng UBND tỉnh thông báo để Sở Tài nguyên và Môi trường, các cơ quan liên quan thực hiện./.")).toEqual(["Văn phòng UBND tỉnh"]);
  });
});

describe("a topic 'Đối với X, …' whose clause has no subject of its own", () => {
  it.each([
    ["Đối với UBND các huyện, thành, thị cần xây dựng kế hoạch triển khai.", ["UBND các huyện, thành, thị"]],
    ["Đối với MTTQ Việt Nam cấp huyện, chuẩn bị văn kiện, phương án nhân sự.", ["MTTQ Việt Nam cấp huyện"]],
    // With a subject of its own after the topic, that subject acts.
    ["Đối với các xã có nguy cơ cao, UBND xã chủ động sơ tán dân.", ["UBND xã"]],
    // "Trong trường hợp …, thì X …": the subject of the condition is not asked; X is.
    ["Trong trường hợp các hộ dân không bố trí được nơi tạm lánh thì Ủy ban nhân dân các xã, thị trấn bố trí lực lượng hỗ trợ.", ["Ủy ban nhân dân các xã, thị trấn"]],
  ])("%s", (s, want) => expect(leads(s)).toEqual(want));

  it("reads 'Đối với X: từ ngày …' as information, not work", () => {
    expect(leadsOfSentence("Đối với các tỉnh từ Thừa Thiên - Huế trở ra: từ ngày 1 tháng 6 đến ngày 15 tháng 6.")?.verb ?? "").toBe("");
  });
});

describe("unmarked paragraphs under a numbered item", () => {
  const doc = (after: string) =>
    `Kính gửi: Các xã, thị trấn\n\n1. Các phòng, đơn vị khẩn trương triển khai phương án.\n2. Các xã, thị trấn có nguy cơ sạt lở phải thực hiện ngay việc di dân.\n${after}`;
  it("a paragraph naming a different body is that body's own task, with the paragraphs after it", () => {
    const t = tasksOf(doc("Trong trường hợp các hộ dân không có nơi tạm lánh thì Công an huyện bố trí lực lượng hỗ trợ.\nViệc hỗ trợ hoàn thành trước 20h00."));
    const police = t.find((x) => x.assignees.some((a) => a.name === "Công an huyện"));
    expect(police?.text).toContain("hoàn thành trước 20h00");
    expect(t.find((x) => x.ref === "2")?.text).not.toContain("Công an huyện");
  });
  it("a closing that asks only to know and carry out stays out of the tasks", () => {
    const t = tasksOf(doc("UBND xã thông báo tới toàn thể cán bộ và nhân dân trong xã biết và thực hiện."));
    expect(t.some((x) => x.assignees.some((a) => /nhân dân/u.test(a.name)))).toBe(false);
  });
});

describe("duty rosters 'duty: body'", () => {
  it.each([
    ["- Trang trí, thu dọn lễ đài:  Đoàn thanh niên. (Lường Văn Duy)", ["Đoàn thanh niên"]],
    ["- Kê, dọn bàn ghế: Chi đội 9A1.", ["Chi đội 9A1"]],
    ["Đón tiếp đại biểu: Văn phòng UBND huyện", ["Văn phòng UBND huyện"]],
  ])("%s", (s, want) => expect(leads(s)).toEqual(want));
  it.each([
    "- Địa điểm: Phòng Hội đồng sư phạm Nhà trường.",
    "Kính gửi: Sở Y tế",
    "Cơ quan ban hành: Ủy ban nhân dân tỉnh",
    "Thành phần: Đại diện lãnh đạo các phòng, ban",
  ])("not a duty: %s", (s) => expect(isWorkSentence(leadsOfSentence(s))).toBe(false));
  it("each duty line under a heading is its own task", () => {
    const t = tasksOf("KẾ HOẠCH\n\n3. Chuẩn bị\n- Trang trí, thu dọn lễ đài: Đoàn thanh niên.\n- Vệ sinh phòng: Chi đội 8A5.");
    expect(t.map((x) => x.assignees.map((a) => a.name))).toEqual([["Đoàn thanh niên"], ["Chi đội 8A5"]]);
  });
});

describe("news narrative", () => {
  it("an inspection team that has already inspected is reported, not asked", () => {
    expect(leads("Sáng ngày 01/10/2019, Đoàn kiểm tra đã tiến hành kiểm tra, giám sát việc xây dựng.")).toEqual(["Đoàn kiểm tra"]);
    expect(leadsOfSentence("Đoàn kiểm tra đã tiến hành kiểm tra việc xây dựng tổ dân phố.")?.verb).toMatch(/^đã/u);
  });
});

describe("a named official's publishing act carries the request", () => {
  it.each([
    ["Ngày 26-10, Thủ tướng Nguyễn Tấn Dũng đã có công điện yêu cầu các bộ, ngành chức năng tập trung thực hiện các biện pháp.", ["các bộ, ngành chức năng"]],
    ["Hôm qua, Bộ trưởng Bộ Lao động - Thương binh và Xã hội đã có điện khẩn gửi Sở Lao động - Thương binh và Xã hội các địa phương phối hợp rà soát.", ["Sở Lao động - Thương binh và Xã hội các địa phương"]],
  ])("%s", (s, want) => expect(leads(s)).toEqual(want));
});

describe("who is named the body in charge, and what only reports the past", () => {
  it("'X là đơn vị được giao nhiệm vụ …' makes X lead", () => {
    const l = leadsOfSentence("Công an tỉnh là đơn vị được giao nhiệm vụ giúp Chủ tịch UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.");
    expect(l?.leads).toEqual(["Công an tỉnh"]);
    expect(isWorkSentence(l)).toBe(true);
  });
  it("'Trước đó, …' goes back to what happened before: no one is asked", () => {
    expect(leadsOfSentence("Trước đó, ngày 18.3, tại hội nghị hiệp thương lần thứ hai, Ủy ban MTTQ Việt Nam huyện thống nhất danh sách.")).toBeNull();
  });
});

describe("';' inside the bodies a directing verb acts on", () => {
  it("'X đôn đốc A; B khẩn trương …' stays one task of X", () => {
    const t = tasksOf("Kính gửi: Sở Tài nguyên và Môi trường\n\nSở Tài nguyên và Môi trường đôn đốc các sở, ngành liên quan; Uỷ ban nhân dân thành phố và các huyện khẩn trương triển khai thực hiện Chỉ thị; tổng hợp số liệu báo cáo.");
    expect(t).toHaveLength(1);
    expect(t[0]!.assignees.filter((a) => a.role === "lead").map((a) => a.name)).toEqual(["Sở Tài nguyên và Môi trường"]);
  });
  it("a ';' clause with its own body after work that is not directing still starts a task", () => {
    const t = tasksOf("Kính gửi: Sở Y tế\n\nGiao Sở Y tế chủ trì tổ chức tiêm phòng; Sở Tài chính bố trí kinh phí thực hiện.");
    expect(t).toHaveLength(2);
  });
  it("reads a note label before the sentence ('Lưu ý: …') as no subject", () => {
    expect(leads("* Lưu ý: Các đơn vị phường, xã cần kiểm tra và tổ chức thực hiện nghiêm túc công văn.")).toEqual(["Các đơn vị phường, xã"]);
  });
});

describe("a topic label before a sentence whose subject is a body", () => {
  it("reads the sentence after 'Thời gian …:' or 'Hình thức tổ chức:'", () => {
    expect(leads("- Thời gian khám bệnh trở lại: Khoa khám bệnh sẽ tổ chức khám chữa bệnh sáng thứ Ba.")).toEqual(["Khoa khám bệnh"]);
  });
  it("reads the sentence after a long 'Về …:' topic (a thông báo kết luận's answer to a request)", () => {
    const topic = "Về điều chuyển số vốn dư, không có khả năng giải ngân trong năm 2025 (khoảng 1.500 tỷ đồng) từ nguồn vốn hỗ trợ theo chính sách đặc thù quy định tại Nghị quyết số 37/2021/QH15 ngày 13 tháng 11 năm 2021 của Quốc hội cho tỉnh";
    expect(topic.length).toBeGreaterThan(200);
    expect(leads(`${topic}: Ủy ban nhân dân tỉnh rà soát và khẩn trương thực hiện các giải pháp cụ thể.`)).toEqual(["Ủy ban nhân dân tỉnh"]);
  });
  it("leaves addressee and member lines alone", () => {
    expect(leadsOfSentence("Kính gửi: Sở Y tế")).toBeNull();
    expect(isWorkSentence(leadsOfSentence("Thành phần: Sở Y tế, Sở Tài chính"))).toBe(false);
  });
});

describe("numbered items that only list facts after the request", () => {
  it("items naming no body (places, a stray page line) leave the request before them as the task", () => {
    const text = [
      "Ngày 12/9/2021, UBND huyện có Công văn 5638 về tìm người liên quan đến ca nghi nhiễm.",
      "Theo đó, UBND huyện yêu cầu:",
      "Trạm Y tế các xã khẩn trương rà soát, lập danh sách các công dân đến, đi về từ các địa điểm sau:",
      "1. Chợ An Lộc, xã Phong Hòa từ ngày 31/8 đến ngày 06/9/2021;",
      "2. Chợ Mỹ Chánh, xã Hải Chánh từ ngày 05/9 đến ngày 06/9/2021",
    ].join("\n");
    expect(tasksOf(text).map((t) => t.assignees.map((a) => a.name))).toEqual([["Trạm Y tế các xã"]]);
  });
});

describe("with no Kính gửi line, numbered items naming no body go to the bodies the lead-in asks", () => {
  const notice = (leadIn: string) =>
    `Công điện khẩn số 13 ngày 01/9/2018\n\n${leadIn}\n\n1. Triển khai ngay việc tuần tra, canh đê và hộ đê theo các cấp báo động.\n\n2. Bố trí lực lượng trực ban nghiêm túc 24/24 giờ.\n`;
  it("gives each item the lead-in's bodies", () => {
    const ts = tasksOf(notice("Ban chỉ huy PCTT huyện yêu cầu các ngành, đơn vị và UBND các xã, thị trấn triển khai nghiêm túc một số nội dung sau:"));
    expect(ts.map((t) => t.ref)).toEqual(["1", "2"]);
    expect(ts[0]!.assignees.map((a) => a.name)).toEqual(["các ngành, đơn vị", "UBND các xã, thị trấn"]);
  });
  it("not from a lead-in that asks no one (its items stay for review)", () => {
    expect(tasksOf(notice("Tình hình mưa lũ diễn biến phức tạp, cần thực hiện một số nội dung sau:"))).toEqual([]);
  });
});

describe("a demonstrative after the body asking ('Chủ tịch UBND tỉnh này yêu cầu …')", () => {
  it("reads the request past 'này'", () => {
    expect(leads("Theo đó, Chủ tịch UBND tỉnh này yêu cầu các sở, ban, ngành, UBND các huyện, thành phố tăng cường tuyên truyền.")).toEqual(["các sở, ban, ngành", "UBND các huyện, thành phố"]);
  });
});

describe("';' between the bodies one request asks", () => {
  it("keeps the request whole when the whole sentence asks every body", () => {
    const ts = tasksOf("Để tăng cường công tác phòng, chống pháo dịp Tết, Chủ tịch UBND tỉnh yêu cầu Giám đốc, Thủ trưởng các sở, ban, ngành cấp tỉnh; Chủ tịch UBND các huyện, thị xã, thành phố tập trung chỉ đạo một số nội dung.\n");
    expect(ts).toHaveLength(1);
    expect(ts[0]!.text.startsWith("Để tăng cường")).toBe(true);
  });
  it("still parts a second body's own work after ';'", () => {
    const ts = tasksOf("UBND tỉnh yêu cầu Sở Y tế tăng cường kiểm tra các cơ sở khám bệnh; Sở Tài chính bố trí kinh phí kịp thời.\n");
    expect(ts.map((t) => t.assignees.map((a) => a.name))).toEqual([["Sở Y tế"], ["Sở Tài chính"]]);
  });
});

describe("a request verb run together with the body it asks ('yêu cầuSở …')", () => {
  it("reads the body", () => {
    expect(leads("Theo đó, Chủ tịch UBND tỉnh yêu cầuSở Nông nghiệp và Phát triển nông thôn tiếp tục thực hiện các nội dung.")).toEqual(["Sở Nông nghiệp và Phát triển nông thôn"]);
  });
});

describe("a news photo's caption ('… Trong ảnh: …')", () => {
  it("gives no task", () => {
    const text = "UBND TP. Vũng Tàu vừa ban hành Công văn số 6057/UBND-VHTT về việc tăng cường vai trò của Tổ COVID cộng đồng.\nUBND TP. Vũng Tàu yêu cầu các Tổ COVID cộng đồng kiểm soát chặt người ra, vào các chốt. Trong ảnh: Một chốt bảo vệ “vùng xanh” tại phường 10, TP. Vũng Tàu. |\n";
    expect(tasksOf(text)).toEqual([]);
  });
});

describe("a place adverbial before the subject ('Ở những vùng …, X cần …')", () => {
  it("reads the body after it", () => {
    expect(leads("Ở những vùng thấp lụt, Sở Y tế cần chỉ đạo, quán triệt các cơ sở khám bệnh.")).toEqual(["Sở Y tế"]);
  });
});

describe("a công điện's address line over 'Kính gửi:' alone", () => {
  it("takes the recipients under the second, a long one-sentence list of bodies too", () => {
    const text = "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\nSố: 09/CĐ-BNN-KL\nHà Nội, ngày 15 tháng 02 năm 2010\nCÔNG ĐIỆN\nBỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN điện:\nKính gửi:\nỦy ban nhân dân các tỉnh Gia Lai, Đắk Lắk, Đắk Nông, Kon Tum, Lâm Đồng, Sơn La, Lai Châu, Điện Biên, Lào Cai, Yên Bái, Quảng Bình, Quảng Trị, Thừa Thiên – Huế.\n\nĐể đề phòng cháy rừng, Ban chỉ đạo yêu cầu UBND các tỉnh:\n1) Gấp rút chỉ đạo quyết liệt thực hiện các biện pháp phòng cháy chữa cháy rừng.\n2) Báo cáo kịp thời tình huống khẩn cấp về cháy rừng.\n";
    const p = readDispatch(text, { refDate: "2024-06-01" });
    expect(p.doc.recipients).toHaveLength(1);
    expect(p.tasks.filter((t) => t.assignees.length > 0).map((t) => t.ref)).toEqual(["1", "2"]);
  });
});

describe("a body named the one responsible ('X là cơ quan chịu trách nhiệm chính …')", () => {
  it("is the subject doing the work after it", () => {
    expect(leadsOfSentence("Sở Nông nghiệp và Phát triển nông thôn và Sở Y tế là cơ quan chịu trách nhiệm chính chỉ đạo các đơn vị triển khai.")?.verb).toBe("chỉ đạo");
  });
});
