/**
 * Missed-task classes seen on unseen rounds (news and portal pages retelling a request): which sentences ask bodies to
 * do work, whoever tells it and in whichever tense. Synthetic sentences in the grammar of the real ones.
 */
import { describe, expect, it } from "vitest";
import { leadsOfSentence, sentences } from "../../src/dispatch/roles.js";
import { readDispatch } from "../../src/dispatch/reader.js";

const asked = (s: string) => {
  const l = leadsOfSentence(s);
  return l?.requested ? l.leads : null;
};

describe("a request retold in the past tense ('X đã yêu cầu Y …')", () => {
  it.each([
    ["Bộ Nội vụ đã yêu cầu Sở Nội vụ các tỉnh, thành phố rà soát số liệu.", ["Sở Nội vụ các tỉnh, thành phố"]],
    ["Về việc này, UBND tỉnh đã giao Sở Tài chính chủ trì, phối hợp với các sở liên quan triển khai.", ["Sở Tài chính"]],
    ["Hội đồng Nghĩa vụ quân sự huyện đã giao Ban Chỉ huy Quân sự huyện tổ chức lễ giao quân.", ["Ban Chỉ huy Quân sự huyện"]],
  ])("%s", (s, want) => expect(asked(s)).toEqual(want));
});

describe("'lưu ý X …' asks X as 'đề nghị X …' does", () => {
  it.each([
    ["Ban Bí thư lưu ý Tổng Liên đoàn Lao động Việt Nam hướng dẫn tổ chức thực hiện.", ["Tổng Liên đoàn Lao động Việt Nam"]],
    ["Văn bản này cũng lưu ý các thành viên Chính phủ bố trí thời gian tham dự đầy đủ.", ["các thành viên Chính phủ"]],
    ["Chủ tịch Hội đồng nhân dân quận lưu ý Thường trực HĐND các phường quan tâm giám sát.", ["Thường trực HĐND các phường"]],
    ["Lưu ý giao Ban Văn hóa xã hướng dẫn các hộ dân treo cờ đúng quy định.", ["Ban Văn hóa xã"]],
  ])("%s", (s, want) => expect(asked(s)).toEqual(want));

  it("leaves 'lưu ý' before the work itself alone", () => {
    expect(asked("Lưu ý các nội dung sau khi tổ chức hội nghị.")).toBeNull();
  });
});

describe("whoever asks, named by a phrase that is not a body ('Lãnh đạo Bộ', 'nhà trường', a leader by title)", () => {
  it.each([
    ["Lãnh đạo Bộ đề nghị các sở chủ trì, phối hợp với các đơn vị liên quan tham mưu.", ["các sở"]],
    ["Nhà trường yêu cầu Thủ trưởng các đơn vị, các đoàn thể trong trường thông báo chủ trương này.", ["Thủ trưởng các đơn vị", "các đoàn thể trong trường"]],
    ["Thống đốc NHNN yêu cầu Giám đốc các NHNN chi nhánh tỉnh nghiêm túc kiểm điểm.", ["Giám đốc các NHNN chi nhánh tỉnh"]],
  ])("%s", (s, want) => expect(asked(s)).toEqual(want));

  it("does not make the phrase a lead", () => {
    // Merged with the assignee branch, "Lãnh đạo Bộ" reads as a title over a body and is the requester (possibly the
    // issuer); what matters here is that it is not given the work.
    const l = leadsOfSentence("Lãnh đạo Bộ đề nghị các sở chủ trì triển khai.");
    expect(l?.leads).toEqual(["các sở"]);
  });

  // Lower-case "bộ" reads as a body; after "… của Thủ tướng Chính phủ," it runs straight into "đề nghị", so it is the
  // subject asking, not one more author.
  it("'…, bộ đề nghị giám đốc các sở …' after a cited document still asks them", () => {
    expect(asked("Theo đó, thực hiện Công điện số 398/CĐ-TTg của Thủ tướng Chính phủ, bộ đề nghị giám đốc các sở GD&ĐT tăng cường quán triệt.")).toEqual(["giám đốc các sở GD&ĐT"]);
    expect(asked("Thực hiện chỉ đạo của UBND tỉnh, sở yêu cầu các phòng chuyên môn rà soát hồ sơ.")).toEqual(["các phòng chuyên môn"]);
  });

  it("keeps a lower-case body inside the authors' list when no request follows it", () => {
    expect(asked("Thực hiện chỉ đạo của Thủ tướng Chính phủ, bộ ngành liên quan và địa phương, các đơn vị tổ chức kiểm tra.")).toBeNull();
  });

  it.each([
    "Nếu có khó khăn vướng mắc đề nghị gửi về Sở Nội vụ.",
    "Báo cáo đề nghị gửi về Văn phòng trước ngày 10/9.",
    "Các đơn vị cần yêu cầu nhà thầu khắc phục.",
  ])("a clause, not a speaker, before the verb: %s", (s) => expect(leadsOfSentence(s)?.speaker).toBeUndefined());
});

describe("the subject after what opens a sentence", () => {
  it.each([
    // A quotation mark before the sentence is not part of its subject.
    ["“Phòng Giáo dục huyện cũng đề nghị các trường tùy vào tình hình thực tế cho học sinh nghỉ học.", ["các trường"]],
    // "Tùy …," opens an adverbial clause as "Tuỳ …," does.
    ["Tùy vào tình hình thực tế, Ủy ban Mặt trận các cấp trong tỉnh phát động tháng cao điểm.", ["Ủy ban Mặt trận các cấp trong tỉnh"]],
    // "yêu cầu đến X": whom the request goes to.
    ["Phát biểu tại Hội nghị, Bí thư Huyện ủy yêu cầu đến các cơ quan, đơn vị tập trung thực hiện nhiệm vụ.", ["các cơ quan, đơn vị"]],
  ])("%s", (s, want) => expect(leadsOfSentence(s)?.leads).toEqual(want));

  it("reads a body after the date it acted on ('…, ngày 25/6/2008 Sở Tài chính …')", () => {
    expect(asked("Để đáp ứng yêu cầu thống kê, ngày 25/6/2008 Sở Tài chính có công văn số 12/STC yêu cầu các phòng tài chính huyện báo cáo.")).toEqual(["các phòng tài chính huyện"]);
  });
});

describe("a request verb in mid-sentence with no comma before it", () => {
  it.each([
    ["Kết luận hội nghị đồng chí Bí thư huyện ủy yêu cầu cấp ủy xã Thịnh Sơn nghiêm túc tiếp thu ý kiến.", ["cấp ủy xã Thịnh Sơn"]],
    ["Trên đây là thông báo của UBND xã về việc tạm dừng họp chợ yêu cầu các tổ chức, cá nhân nghiêm túc thực hiện.", ["các tổ chức, cá nhân"]],
    ["Đối với báo cáo chính trị, đồng chí yêu cầu ban soạn thảo tuân thủ hướng dẫn.", ["ban soạn thảo"]],
  ])("%s", (s, want) => expect(asked(s)).toEqual(want));

  it.each([
    // The noun, not the verb.
    "Các hoạt động được tổ chức theo đề nghị của các xã trên địa bàn huyện.",
    // A cited document's request is background.
    "Căn cứ Công văn số 12 của Bộ Y tế đề nghị các địa phương báo cáo kết quả.",
    // Land given to communities: beneficiaries, not bodies asked.
    "Toàn huyện có trên 61.000 ha rừng, trong đó có 18.000 ha giao cho các cộng đồng nhận khoán quản.",
  ])("%s", (s) => expect(asked(s)).toBeNull());
});

describe("sentence starts that hid a body's own task", () => {
  it.each([
    // "Trong đó" links as "Theo đó" does, comma or not.
    ["Trong đó Phòng Nội vụ phối hợp với các thành viên Hội đồng Thi đua huyện tổ chức kiểm tra.", ["Phòng Nội vụ"]],
    // "Ngoài việc …," and "Bên cạnh …;" open an adverbial clause.
    ["Ngoài việc tổng vệ sinh tại trụ sở, các phường huy động toàn thể nhân dân ra quân.", ["các phường"]],
    // A body that takes the lead is the main clause's subject, not one more of the bodies whose reports are named.
    ["Trên cơ sở báo cáo của các cơ quan, đơn vị, Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các cơ quan liên quan tham mưu.", ["Sở Kế hoạch và Đầu tư"]],
  ])("%s", (s, want) => expect(leadsOfSentence(s)?.leads).toEqual(want));

  it("ends a sentence at an ellipsis before a capital ('… trọng điểm… UBND các xã …')", () => {
    expect(sentences("Xây dựng phương án cho vùng sản xuất trọng điểm… UBND các xã, thị trấn chủ động di dời dân.")).toHaveLength(2);
  });

  it("reads a portal printing the text in full ('Báo … trân trọng đăng toàn văn …') as no work", () => {
    const l = leadsOfSentence("Báo Hà Giang trân trọng đăng toàn văn Công điện");
    expect(l?.requested).toBe(false);
    expect(l?.verb).toBe("ban hành");
  });
});

describe("more of who is asked", () => {
  it("reads a body in lower case after a link word ('Bên cạnh đó đoàn xã đã chỉ đạo …')", () => {
    expect(leadsOfSentence("Bên cạnh đó đoàn xã đã chỉ đạo các chi đoàn ở 17 xóm tổ chức làm công trình thanh niên.")?.directed).toEqual(["các chi đoàn ở 17 xóm"]);
  });
  it("skips a time before the bodies asked ('yêu cầu trong tháng 05/2019, các phòng …')", () => {
    expect(asked("Kết luận cuộc họp Chủ tịch UBND thành phố yêu cầu trong tháng 05/2019, các phòng, ban thành phố nâng cao tinh thần trách nhiệm.")).toEqual(["các phòng, ban thành phố"]);
  });
  it("reads 'Thống đốc X' as the head of X, whose document asks", () => {
    expect(asked("Thống đốc Ngân hàng Nhà nước có công văn số 5659/NHNN-CSTT yêu cầu các tổ chức tín dụng thực hiện báo cáo.")).toEqual(["các tổ chức tín dụng"]);
  });
  it("goes on with a list after '; cùng X'", () => {
    expect(leadsOfSentence("Theo công văn, các Ban Quản lý dự án đầu tư xây dựng; cùng UBND các quận, huyện được giao rà soát trách nhiệm.")?.leads).toEqual(["các Ban Quản lý dự án đầu tư xây dựng", "UBND các quận, huyện"]);
  });
});

describe("an item 'Đối với X: <work>'", () => {
  it.each([
    ["Đối với các cơ sở giáo dục công lập: Thực hiện thu học phí theo Nghị quyết của HĐND thành phố.", ["các cơ sở giáo dục công lập"]],
    ["3.1. Đối với cá nhân: Thu, nộp một lần trước ngày 30 tháng 7 năm 2022.", ["cá nhân"]],
  ])("%s", (s, want) => expect(leadsOfSentence(s.replace(/^\d+\.\d+\.\s*/u, ""))?.leads).toEqual(want));

  it("leaves a topic that is no body alone ('Đối với các trường hợp vi phạm: Xử lý …')", () => {
    expect(leadsOfSentence("Đối với các trường hợp vi phạm: Xử lý nghiêm theo quy định.")).toBeNull();
  });
});

describe("a news page's lead", () => {
  it("reads past a source tag in capitals ('TP - …', 'KTĐT - …')", () => {
    expect(asked("TP - Bộ Lao động vừa có Công điện gửi UBND các tỉnh, thành phố đề nghị tạm thời chưa khảo sát hộ nghèo.")).toEqual(["UBND các tỉnh, thành phố"]);
  });
  it("reads a guidance document as directing the bodies after it ('đã có hướng dẫn các khu dân cư chuẩn bị …')", () => {
    expect(asked("Để chuẩn bị cho ngày hội, Ủy ban MTTQ Việt Nam thành phố đã có hướng dẫn các khu dân cư chuẩn bị nội dung.")).toEqual(["các khu dân cư"]);
  });
});

describe("a second request joined by 'đồng thời'", () => {
  const tasksOf = (text: string) => readDispatch(text, { refDate: "2024-06-01" }).tasks.filter((t) => t.assignees.length > 0);
  it("is a task of its own when the clause before asked too", () => {
    const t = tasksOf("Tại Hội nghị, lãnh đạo Phòng Tài nguyên và Môi trường đề nghị UBND các xã, thị trấn tổ chức công bố kế hoạch sử dụng đất, đồng thời đề nghị Phòng Văn hóa và Thông tin huyện đăng tải công khai nội dung lên cổng thông tin.");
    expect(t.map((x) => x.assignees[0]!.name)).toEqual(["UBND các xã, thị trấn", "Phòng Văn hóa và Thông tin huyện"]);
  });
  it("stays with a clause that only tells whom a document went to", () => {
    const t = tasksOf("Bộ trưởng Bộ Công an có công điện gửi công an 19 tỉnh, thành phố về việc cấp căn cước, đồng thời yêu cầu Giám đốc Công an các tỉnh hoàn thành ba nhiệm vụ.");
    expect(t).toHaveLength(1);
  });
});

describe("a collective named as the subject of work, after a task in the same paragraph", () => {
  const page = (body: string) => `Thông báo treo cờ nhân dịp Giỗ tổ Hùng Vương\n\nUBND thành phố vừa ban hành Thông báo số 263/TB-UBND ngày 07/4/2022 về việc treo cờ.\n\nTheo đó, UBND thành phố đề nghị các cơ quan, bệnh viện, trường học treo cờ Tổ quốc từ ngày 9/4 đến ngày 11/4/2022.\n\n${body}\n`;
  const leadsOf = (body: string) => readDispatch(page(body), { refDate: "2022-04-08" }).tasks.slice(1).map((t) => t.assignees.filter((a) => a.role === "lead").map((a) => a.name));

  it("gives the heads of the units their own task", () => {
    expect(leadsOf("UBND các quận, huyện có trách nhiệm chỉ đạo, kiểm tra việc treo cờ ở địa bàn dân cư. Thủ trưởng các cơ quan, đơn vị kiểm tra việc treo cờ ở các đơn vị thuộc quyền quản lý.")).toEqual([["UBND các quận, huyện"], ["Thủ trưởng các cơ quan, đơn vị"]]);
  });

  it("leaves 'Các địa phương …' pointing back at the bodies already asked", () => {
    expect(leadsOf("UBND các quận, huyện có trách nhiệm chỉ đạo việc treo cờ ở địa bàn dân cư. Các địa phương phải chủ động bố trí kinh phí.")).toHaveLength(1);
  });

  it("does not make a report of what was done a task", () => {
    expect(leadsOf("UBND các quận, huyện có trách nhiệm kiểm tra việc treo cờ. Các phường đã tổ chức treo cờ đầy đủ.")).toHaveLength(1);
  });
});

describe("a collective with its places after a colon ('UBND các xã: A, B, C …')", () => {
  it.each([
    ["Theo đó, UBND các địa phương: Khánh Sơn, Khánh Vĩnh, Cam Ranh rà soát, bổ sung người có uy tín.", "UBND các địa phương: Khánh Sơn, Khánh Vĩnh, Cam Ranh", "rà soát"],
    ["UBND các xã: Phú Lai, Đoàn Kết, Hữu Lợi tổ chức tiêu hủy lợn bệnh.", "UBND các xã: Phú Lai, Đoàn Kết, Hữu Lợi", "tổ chức"],
  ])("%s", (s, name, verb) => {
    const l = leadsOfSentence(s);
    expect(l?.leads).toEqual([name]);
    expect(l?.verb).toBe(verb);
  });

  it("leaves a line that ends on the places alone (a heading or an address, no verb after them)", () => {
    expect(leadsOfSentence("Kính gửi: UBND các xã: Phú Lai, Đoàn Kết.")?.leads ?? []).not.toContain("UBND các xã: Phú Lai, Đoàn Kết");
  });
});

describe("a dated line under a news page's text does not make the paragraphs above it header", () => {
  it.each([
    [
      "Làm rõ nguyên nhân lúa lép\n\n01/11/2016 15:03\n\nNgày 1/11, Chánh Văn phòng HĐND-UBND thành phố đã ký ban hành thông báo kết luận tại cuộc họp giao ban của UBND thành phố.\n\nTheo thông báo này, Chủ tịch UBND thành phố giao Trạm Khuyến nông thành phố chủ trì, phối hợp với Phòng Kinh tế thành phố kiểm tra, có kết luận chính thức về nguyên nhân lúa lép trên địa bàn thành phố.\n\nTrước đó, ngày 29/10/2016, Báo điện tử có bài phản ánh tình trạng lúa lép.\n",
      "Trạm Khuyến nông thành phố",
    ],
    [
      "Chỉ thị về việc tổ chức đón Tết\n\nNgày 29 tháng 12/2020 Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 04-CT/TU về việc tổ chức đón Tết Nguyên đán. Theo đó Chỉ thị được ban hành trên cơ sở thực hiện Chỉ thị số 48-CT/TW của Ban Bí thư, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy đảng, chính quyền triển khai tổ chức thực hiện Chỉ thị nhằm chuẩn bị tốt các điều kiện để Nhân dân vui Xuân, đón Tết.\n\nChỉ thị 04-CT/TU, ngày 29/12/2020\n",
      "các cấp ủy đảng",
    ],
  ])("%#", (text, lead) => {
    const tasks = readDispatch(text, { refDate: "2021-01-02" }).tasks;
    expect(tasks.flatMap((t) => t.assignees.map((a) => a.name))).toContain(lead);
  });
});

describe("a body's duty line in prose with its work capitalised after the colon ('Phòng X: Xây dựng …')", () => {
  it.each([
    ["Phòng Văn hóa và Thông tin: Xây dựng chuyên mục trên Cổng Thông tin điện tử huyện.", "xây dựng"],
    ["Ủy ban Mặt trận Tổ quốc Việt Nam xã: Chủ trì, phối hợp với các đơn vị liên quan tuyên truyền, vận động Nhân dân.", "chủ trì"],
  ])("%s", (s, verb) => expect(leadsOfSentence(s)?.verb).toBe(verb));

  it("gives each such line its own task under a lead-in", () => {
    const text = "UBND huyện giao và yêu cầu:\n\nPhòng Văn hóa và Thông tin: Xây dựng chuyên mục trên Cổng Thông tin điện tử huyện.\n\nPhòng Nội vụ: chủ trì, tham mưu thành lập Đoàn kiểm tra.\n";
    const leads = readDispatch(text, { refDate: "2024-05-01" }).tasks.map((t) => t.assignees[0]?.name);
    expect(leads.slice(-2)).toEqual(["Phòng Văn hóa và Thông tin", "Phòng Nội vụ"]);
  });

  it("leaves a name or a number after the colon alone", () => {
    expect(leadsOfSentence("Phòng Nội vụ: Nguyễn Văn An.")?.verb ?? "").toBe("");
    expect(leadsOfSentence("Phòng Nội vụ: 0203 3822 111.")?.verb ?? "").toBe("");
  });
});

describe("a collective is never the issuer, however many words it shares with it", () => {
  it("'Các ban HĐND huyện chủ động …' in a page of the Chủ tịch HĐND huyện is the committees' task", () => {
    const text = "Phiên họp thống nhất phân công các đồng chí Thường trực dự kỳ họp tại các xã; Các ban HĐND huyện chủ động xây dựng kế hoạch giám sát chuyên đề trong quý 1 năm 2018.\nKết luận phiên họp, Chủ tịch HĐND huyện đã yêu cầu Thường trực và các Ban tập trung triển khai tốt các nội dung kế hoạch giám sát.";
    const leads = readDispatch(text, { refDate: "2018-01-05" }).tasks.map((t) => t.assignees[0]?.name);
    expect(leads).toContain("Các ban HĐND huyện");
  });
});

describe("'các phường' is a named kind of unit, not the generic 'các địa phương' (the same letters without tones)", () => {
  it("asks the wards", () => {
    expect(asked("Để đợt tổng vệ sinh đạt kết quả, UBND cũng đề nghị các phường thực hiện nghiêm túc công tác thu gom rác thải.")).toEqual(["các phường"]);
    const text = "UBND thành phố yêu cầu các cơ quan, doanh nghiệp trên địa bàn dọn dẹp vệ sinh trụ sở vào chiều thứ bảy.\n\nĐể đợt tổng vệ sinh đạt kết quả, UBND cũng đề nghị các phường thực hiện nghiêm túc công tác thu gom rác thải.";
    expect(readDispatch(text, { refDate: "2014-12-27" }).tasks.map((t) => t.assignees[0]?.name)).toContain("các phường");
  });
  it("still reads 'các địa phương' as generic", async () => {
    const { isGeneric } = await import("../../src/dispatch/bodies.js");
    expect(isGeneric(["các địa phương"])).toBe(true);
    expect(isGeneric(["các phường"])).toBe(false);
  });
});

describe("the issuer directing only generic bodies in prose asks its recipients", () => {
  it("'Chủ tịch UBND thành phố chỉ đạo các cơ quan, đơn vị khẩn trương …' is an implicit task for the sở named as sent to", () => {
    const text = "UBND thành phố vừa có Văn bản số 801/UBND-TH gửi các sở, ngành về chuẩn bị nội dung trình tại kỳ họp HĐND thành phố.\n\nTheo đó, Chủ tịch UBND thành phố chỉ đạo các cơ quan, đơn vị khẩn trương xây dựng, hoàn thiện các báo cáo, tờ trình trình UBND thành phố xem xét.\n\nTrong đó, giao Sở Nội vụ chủ trì báo cáo nội dung kiện toàn chức danh Ủy viên UBND thành phố.\n";
    const tasks = readDispatch(text, { refDate: "2022-03-29" }).tasks;
    expect(tasks.map((t) => t.assignees[0]?.name)).toEqual(["các sở, ngành", "Sở Nội vụ"]);
    expect(tasks[0]!.text).toContain("chỉ đạo các cơ quan, đơn vị");
  });
});

describe("'Ngay sau khi …, X làm …' opens with a time adverbial, not a body", () => {
  it.each([
    ["Ngay sau khi lễ phát động kết thúc, các cấp ủy Đảng, chính quyền trong tỉnh tăng cường vận động ủng hộ.", "các cấp ủy Đảng"],
    ["Ngay từ đầu tháng 8, Phòng Văn hóa – Xã hội phối hợp các xóm treo băng rôn, khẩu hiệu.", "Phòng Văn hóa – Xã hội"],
  ])("%s", (s, lead) => expect(leadsOfSentence(s)?.leads ?? []).toContain(lead));
});

describe("requests the reader skipped for their grammar, not their bodies", () => {
  it.each([
    // A clause after ";" that opens on the request verb asks whoever follows, as after a comma.
    ["Để đảm bảo trật tự ATGT, thực hiện tốt công tác quản lý lòng đường, lề đường; yêu cầu UBND các xã, thị trấn thực hiện tốt các nội dung sau:", ["UBND các xã, thị trấn"]],
    // "Giao trách nhiệm X …" without "cho".
    ["Giao trách nhiệm Phòng Giáo dục và Đào tạo, UBND các xã, thị trấn tiếp tục đẩy mạnh công tác tuyên truyền.", ["Phòng Giáo dục và Đào tạo", "UBND các xã, thị trấn"]],
    ["Giao trách nhiệm quản lý đất cho UBND xã.", ["UBND xã"]],
    // On receiving THIS document, its readers are asked.
    ["Nhận được thông báo này yêu cầu Hiệu trưởng các trường sắp xếp thời gian, chuẩn bị tốt các điều kiện.", ["Hiệu trưởng các trường"]],
    // "theo dõi" is a verb, not the preposition "theo".
    ["Đề nghị Quý phụ huynh theo dõi con em trong thời gian nghỉ học.", ["Quý phụ huynh"]],
  ])("%s", (s, want) => expect(asked(s)).toEqual(want));

  it("still leaves a cited document's request as background", () => {
    expect(asked("Nhận được Công văn số 12/SGD của Sở Giáo dục đề nghị các trường báo cáo.")).toBeNull();
  });

  it("reads 'Nhận được thông báo này yêu cầu …' after the items of a notice as its task", () => {
    const text = "Kính gửi: Hiệu trưởng các trường Mầm non.\n\nPhòng GD&ĐT thông báo kế hoạch tổ chức Hội thi cấp huyện như sau:\n- Địa điểm: Hội trường UBND Thị trấn.\n- Thời gian tổ chức hội thi: 2 ngày.\nNhận được thông báo này yêu cầu Hiệu trưởng các trường sắp xếp thời gian, chuẩn bị tốt các điều kiện đưa các cháu tham dự hội thi.\n";
    const tasks = readDispatch(text, { refDate: "2012-03-06" }).tasks;
    expect(tasks.some((t) => t.text.startsWith("Nhận được thông báo này") && t.assignees[0]?.name === "Hiệu trưởng các trường")).toBe(true);
  });
});

describe("people asked with a colon before what they are asked ('Lưu ý các bà mẹ: …', 'Đề nghị phụ huynh: Theo dõi …')", () => {
  it.each([
    ["Lưu ý các bà mẹ: Khi đi tiêm chủng nhớ mang theo sổ tiêm chủng và thư mời.", ["các bà mẹ"]],
    ["Đề nghị phụ huynh: Theo dõi sức khỏe của trẻ.", ["phụ huynh"]],
    ["Lưu ý các bà mẹ:", ["các bà mẹ"]],
    // "hãy" (the imperative) ends who is asked.
    ["Đề nghị các bà mẹ hãy đưa trẻ trong độ tuổi đến tiêm đúng ngày giờ.", ["các bà mẹ"]],
  ])("%s", (s, want) => expect(asked(s)).toEqual(want));

  it("leaves abstract objects before a colon alone", () => {
    expect(asked("Đề nghị các nội dung: Tổng hợp số liệu.")).toBeNull();
  });
});

describe("a long topic 'Đối với …:' / 'Về …:' before a body as subject (session 19)", () => {
  it.each([
    ["Đối với việc ngừng các hoạt động vui chơi, giải trí trong những ngày Lễ Quốc tang: Các cơ sở kinh doanh karaoke thực hiện ngừng hoạt động.", "Các cơ sở kinh doanh karaoke"],
    ["Về việc hỗ trợ kinh phí khắc phục hậu quả mưa lũ tại các xã vùng cao của tỉnh: Sở Tài chính tổng hợp, báo cáo UBND tỉnh.", "Sở Tài chính"],
  ])("%s", (s, lead) => expect(leadsOfSentence(s)?.leads[0]).toBe(lead));
  it("a second paragraph of prose opening so is a task of its own", () => {
    const text = "UBND huyện thông báo:\nTheo đó, các cơ quan, công sở trên địa bàn huyện treo cờ rủ trong 02 ngày Lễ Quốc tang.\nĐối với việc ngừng các hoạt động vui chơi, giải trí trong những ngày Lễ Quốc tang: Các cơ sở kinh doanh karaoke thực hiện ngừng hoạt động trong 02 ngày.";
    const tasks = readDispatch(text, { refDate: "2019-05-01" }).tasks.filter((t) => t.assignees.length);
    expect(tasks.map((t) => t.assignees[0]!.name)).toEqual(["các cơ quan, công sở trên địa bàn huyện", "Các cơ sở kinh doanh karaoke"]);
  });
  it("a short label is read as before, and a sentence with no body after the colon gives none", () => {
    expect(leadsOfSentence("Đối với các trường hợp chưa nộp hồ sơ đầy đủ theo quy định hiện hành của pháp luật: hướng dẫn bổ sung.")).toBeNull();
  });
});
