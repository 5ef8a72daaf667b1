/**
 * Invented tasks: text that names a body doing something without the dispatch asking it (a news page's photo caption,
 * a letter's closing formula, a stance). Synthetic sentences in the grammar of the real ones.
 */
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { isWorkSentence, keyedLine, leadsOfSentence } from "../../src/dispatch/roles.js";
import { isGeneric } from "../../src/dispatch/bodies.js";

const tasksOf = (text: string) => readDispatch(text, { refDate: "2024-06-01" }).tasks.filter((t) => t.assignees.length > 0);
const leadsOf = (text: string) => tasksOf(text).map((t) => t.assignees.filter((a) => a.role === "lead").map((a) => a.name));

describe("a news page's photo caption is not a task", () => {
  it.each([
    "Từ nguồn Quỹ Vì người nghèo, Ủy ban MTTQ Việt Nam huyện Ea Súp tặng bò giúp gia đình anh A tại thị trấn. Ảnh minh họa",
    "Hộ kinh doanh, tiểu thương tại chợ Bến Thành được tư vấn, hỗ trợ về chính sách thuế. Ảnh: KHÁNH CHÂU",
    "Hội Khuyến học huyện tổng kết hoạt động năm 2022 (Ảnh: Hoàng Bình).",
  ])("%s", (caption) => {
    const text = `Sở Nội vụ vừa có công văn đề nghị các sở, ban, ngành tỉnh rà soát hồ sơ khen thưởng.\n${caption}\nHồ sơ gửi về Sở Nội vụ trước ngày 15/6/2024.`;
    expect(leadsOf(text)).toEqual([["các sở, ban, ngành tỉnh"]]);
  });
  it("keeps a sentence that only mentions a picture ('… chụp ảnh.')", () => {
    expect(leadsOf("Giao Trung tâm Văn hóa huyện tổ chức chụp ảnh.")).toEqual([["Trung tâm Văn hóa huyện"]]);
  });
});

describe("the closing formula of an office's thông báo", () => {
  it("'X thông báo để Y và các cơ quan liên quan biết, thực hiện./.' is no task, even when X is not the issuer found", () => {
    const text = "Phó Chủ tịch UBND tỉnh có ý kiến như sau:\nGiao Sở Tài nguyên và Môi trường chủ trì rà soát các điểm ô nhiễm.\nVăn phòng UBND tỉnh thông báo để Sở Tài nguyên và Môi trường, các cơ quan liên quan thực hiện./.";
    expect(leadsOf(text)).toEqual([["Sở Tài nguyên và Môi trường"]]);
  });
  it("keeps a commune's notice to the public, which may be its only request", () => {
    expect(leadsOf("UBND xã thông báo để các hộ biết và chủ động nộp phí vệ sinh trước ngày 5/4/2019.")).toEqual([["các hộ"]]);
  });
});

describe("a body's stance or a power it holds is not work", () => {
  it.each([
    "Hội Hỗ trợ gia đình liệt sĩ Việt Nam hoan nghênh đề xuất này.",
    "UBND huyện Chợ Mới tiếp thu ý kiến của cử tri.",
    "Căn cứ tình hình thực tế, UBND các xã, phường, thị trấn có quyền yêu cầu các Tổ kiểm soát báo cáo thêm thông tin.",
  ])("%s", (s) => expect(isWorkSentence(leadsOfSentence(s))).toBe(false));
  it("still reads 'tiếp tục' work ('Sở Y tế tiếp tục theo dõi …')", () => {
    expect(isWorkSentence(leadsOfSentence("Sở Y tế tiếp tục theo dõi tình hình dịch bệnh."))).toBe(true);
  });
});

describe("a closing request whose only work is to carry out what was said", () => {
  const body = "Tất cả các cơ quan, đơn vị, trường học treo cờ Tổ quốc tại trụ sở từ ngày 01/9/2019 đến hết ngày 03/9/2019.";
  it("is no task after the work was given", () => {
    expect(leadsOf(`${body}\nỦy ban nhân dân huyện yêu cầu các cơ quan, đơn vị và Ủy ban nhân dân các xã, thị trấn tổ chức triển khai thực hiện.`)).toEqual([["Tất cả các cơ quan, đơn vị", "trường học"]]);
  });
  it.each([
    "Ủy ban nhân dân huyện yêu cầu thủ trưởng các cơ quan, đơn vị và các hộ dân trên địa bàn xã tổ chức thực hiện nghiêm các nội dung tại Thông báo này./.",
    "Ủy ban nhân dân huyện thông báo đến Ban điều hành các khu phố được biết và quan tâm, thực hiện.",
    "Ủy ban nhân dân huyện thông báo đến các phòng, ban ngành, đoàn thể huyện, Ủy ban nhân dân các xã, thị trấn biết, tổ chức thực hiện và thông báo đến Nhân dân trên địa bàn huyện được rõ.",
  ])("nor is '%s'", (closing) => {
    expect(leadsOf(`${body}\n${closing}`)).toEqual([["Tất cả các cơ quan, đơn vị", "trường học"]]);
  });
  it("is the task when it is the only request", () => {
    expect(leadsOf("Ủy ban nhân dân huyện yêu cầu Ủy ban nhân dân các xã, thị trấn tổ chức triển khai thực hiện.")).toHaveLength(1);
  });
});

describe("an information item with dash lines asks no one", () => {
  it("'3. Thời gian thực hiện: - Đối với …: từ … đến …' is not a task for the recipients", () => {
    const text = "Kính gửi: Các sở giáo dục và đào tạo\n\n1. Các sở giáo dục và đào tạo chỉ đạo các trường tiểu học tổ chức chương trình.\n2. Các sở giáo dục và đào tạo báo cáo kết quả về Bộ.\n3. Thời gian thực hiện:\n- Đối với các tỉnh phía Bắc: từ ngày 1 tháng 6 đến ngày 30 tháng 6 năm 2013.\n- Đối với các tỉnh phía Nam: từ ngày 1 tháng 6 đến ngày 15 tháng 7 năm 2013.";
    expect(readDispatch(text, { refDate: "2013-05-01" }).tasks.map((t) => t.ref)).toEqual(["1", "2"]);
  });
  it("keeps an item whose dash line names its own body", () => {
    const text = "Kính gửi: Các sở giáo dục và đào tạo\n\n1. Các sở giáo dục và đào tạo chỉ đạo các trường tiểu học tổ chức chương trình.\n2. Thời gian thực hiện:\n- Sở Giáo dục và Đào tạo Hà Nội tổ chức trước ngày 30/6/2013.";
    expect(readDispatch(text, { refDate: "2013-05-01" }).tasks.map((t) => t.ref)).toEqual(["1", "2#1"]);
  });
});

describe("a place label names where, not who", () => {
  it("'Địa điểm: Phòng Tiếp công dân, trụ sở HĐND&UBND huyện.' has no subject", () => {
    expect(isWorkSentence(leadsOfSentence("Địa điểm: Phòng Tiếp công dân, trụ sở HĐND&UBND huyện."))).toBe(false);
    expect(leadsOfSentence("Địa điểm: Phòng Tiếp công dân, trụ sở HĐND&UBND huyện.")?.leads ?? []).toEqual([]);
  });
});

describe("'whoever is concerned' is no named body", () => {
  it.each(["các cơ quan chức năng", "đơn vị chức năng", "các đơn vị hữu quan", "các nơi"])("%s", (n) => expect(isGeneric([n])).toBe(true));
  it("keeps a named body", () => {
    expect(isGeneric(["Sở Tài chính"])).toBe(false);
  });
  it("a news sentence about them is not a task", () => {
    expect(leadsOf("Giao Công an thành phố xác minh các trường hợp vi phạm.\nTừ danh sách này, đơn vị chức năng sẽ xác minh và thông báo cho Công an các quận.")).toEqual([["Công an thành phố"]]);
  });
});

describe("a portal sentence naming its document in a parenthesis after the request", () => {
  it("keeps the request as the first task", () => {
    const text = "Tăng cường công tác tuyên truyền chào mừng Lễ Kỷ niệm\n\nSở Văn hóa, Thể thao và Du lịch vừa có Công văn đề nghị các huyện, thành phố tăng cường công tác tuyên truyền, trang trí cổ động trực quan (Công văn số 1236/SVHTTDL-QLVH, ngày 30/10/2019).\n\nCác huyện, thành phố chỉ đạo các phòng chuyên môn tăng cường tuyên truyền cổ động trên đường phố.";
    const r = readDispatch(text, { refDate: "2019-11-01" });
    expect(r.doc.number).toBe("1236/SVHTTDL-QLVH");
    expect(r.tasks[0]?.text).toMatch(/^Sở Văn hóa, Thể thao và Du lịch vừa có Công văn đề nghị các huyện/u);
  });
});

describe("a bare plural of the kind just named points back at those bodies", () => {
  const text = "Cục TGPL đề nghị Trung tâm TGPL các tỉnh, thành phố lưu ý báo cáo đúng mẫu.\n\nĐề nghị các Trung tâm hàng năm chỉ thực hiện 02 kỳ báo cáo, gửi về Cục trước ngày 25/6/2024.";
  it("'Đề nghị các Trung tâm …' goes on with the task of 'Trung tâm TGPL các tỉnh, thành phố'", () => {
    expect(leadsOf(text)).toEqual([["Trung tâm TGPL các tỉnh, thành phố"]]);
  });
  it("a plural of another kind still starts its own task", () => {
    expect(leadsOf("Cục TGPL đề nghị Trung tâm TGPL các tỉnh lưu ý báo cáo đúng mẫu.\n\nĐề nghị các Sở Tư pháp phối hợp kiểm tra.")).toHaveLength(2);
  });
});

describe("a guest list of an event", () => {
  it("'Đại biểu mời:' with its seats is no task; the duty roster beside it is", () => {
    const text = "II. TỔ CHỨC THỰC HIỆN\n1. Phân công:\n- Trang trí, thu dọn lễ đài: Đoàn thanh niên.\n- Kê, dọn bàn ghế: Chi đội 9A1.\nIII. THÀNH PHẦN\n1. Đại biểu mời:\n- Chi bộ nhà trường: 1 đại biểu.\n- Ban giám hiệu: 1 đại biểu.\n- Đại biểu Đoàn Xã: 1 đại biểu.";
    const refs = tasksOf(text).map((t) => t.ref);
    expect(refs.some((r) => r.startsWith("III"))).toBe(false);
  });
});

describe("a line keyed by place or by person is no duty (keyedLine, the one test of 'key: holder' lines)", () => {
  it.each([
    ["Trang trí, thu dọn lễ đài: Đoàn thanh niên.", "duty"],
    ["Âm thanh, ánh sáng: Văn phòng HĐND và UBND xã.", "duty"],
    ["Ấp Hưng Bình: Trường THCS Nguyễn Thượng Hiền.", "place"],
    ["Thôn Đông: Nhà văn hóa thôn Đông.", "place"],
    ["Toàn xã: Trụ sở HĐND - UBND xã Tân Lập.", "place"],
    ["Tại khu vực cư trú: Nhà văn hóa của các thôn.", "place"],
    ["Khu vực trung tâm: Hội trường UBND xã.", "place"],
    ["Ông Trần Văn Bình – Phó Chủ tịch UBND xã: Phó Trưởng ban.", "member"],
    ["Bà Lê Thị Cúc, công chức Văn phòng - Thống kê: Thành viên.", "member"],
    ["Địa điểm: Hội trường UBND xã.", "place"],
    ["Thành phần: Thường trực HĐND xã.", "label"],
    ["Kính gửi: Sở Tài nguyên và Môi trường", "label"],
    ["Chỉ tiêu: 01 bộ/lớp/khối", "label"],
  ])("%s → %s", (line, kind) => expect(keyedLine(line)?.kind).toBe(kind));
  it("a venue list under a numbered heading gives no task; a duty roster beside it does", () => {
    const text = "1. Địa điểm bỏ phiếu:\n- Ấp Hưng Bình: Trường THCS Nguyễn Thượng Hiền.\n- Ấp Hưng Long: Trường Tiểu học Nguyễn Trãi (cạnh giáo xứ).\n- Toàn xã: Trụ sở HĐND - UBND xã.\n2. Phân công:\n- Trang trí hội trường: Đoàn Thanh niên xã.\n- An ninh trật tự: Công an xã.";
    expect(leadsOf(text)).toEqual([["Đoàn Thanh niên xã"], ["Công an xã"]]);
  });
  it("the members of a board named in a quyết định are not its tasks", () => {
    const text = "Điều 1. Thành lập Ban Chỉ đạo bầu cử xã, gồm các ông (bà) có tên sau:\n1. Ông Nguyễn Văn An – Chủ tịch UBND xã: Trưởng ban.\n2. Ông Trần Văn Bình – Phó Chủ tịch UBND xã: Phó Trưởng ban.\nĐiều 2. Ban Chỉ đạo có nhiệm vụ chỉ đạo công tác bầu cử trên địa bàn xã.";
    expect(leadsOf(text)).toEqual([["Ban Chỉ đạo"]]);
  });
});

describe("a section headed by nouns of facts alone informs", () => {
  it.each(["THÀNH PHẦN", "Thời gian và Phạm vi ảnh hưởng", "CHƯƠNG TRÌNH", "Điểm bỏ phiếu:"])("'%s' is no task for the recipients", (head) => {
    const text = `Kính gửi: Các phòng, ban, ngành huyện\n\n1. ${head}\n- Thường trực Huyện ủy.\n- Ngày 20/3/2026, tại Hội trường huyện.\n2. Văn phòng HĐND và UBND huyện chuẩn bị hội trường.`;
    expect(leadsOf(text)).toEqual([["Văn phòng HĐND và UBND huyện"]]);
  });
  it("a heading 'Nội dung …' without a body still gives the recipients their task", () => {
    const text = "Kính gửi: Các phòng, ban, ngành huyện\n\n1. Nội dung tuyên truyền\nTuyên truyền sâu rộng về ý nghĩa của ngày bầu cử.\n2. Văn phòng HĐND và UBND huyện chuẩn bị hội trường.";
    expect(leadsOf(text)).toEqual([["Các phòng, ban, ngành huyện"], ["Văn phòng HĐND và UBND huyện"]]);
  });
});

describe("what went on at a meeting, told by a news page", () => {
  it("a body holding its meeting ('… họp thường kỳ tháng 8/2020') is the page's issuer, its name ends at 'họp'", () => {
    const text = "Ngày 17/8/2020, Thường trực HĐND huyện khóa XI họp thường kỳ tháng 8/2020 đánh giá tình hình hoạt động.\n\nKết luận cuộc họp, đồng chí Chủ tịch HĐND huyện yêu cầu UBND huyện tập trung giải quyết kiến nghị của cử tri.";
    expect(leadsOf(text)).toEqual([["UBND huyện"]]);
  });
  it("a headline in capitals telling the meeting is no issuer line ('THƯỜNG TRỰC HĐND HUYỆN HỌP THƯỜNG KỲ …')", () => {
    const text = "THƯỜNG TRỰC HĐND HUYỆN HỌP THƯỜNG KỲ THÁNG 8/2020\n\nNgày 17/8/2020, Thường trực HĐND huyện họp thường kỳ tháng 8/2020.\n\nThường trực HĐND huyện chuẩn bị tổ chức kỳ họp bất thường HĐND huyện.\n\nKết luận cuộc họp, đồng chí Chủ tịch HĐND huyện yêu cầu UBND huyện tập trung giải quyết kiến nghị của cử tri.";
    expect(readDispatch(text, { refDate: "2024-06-01" }).doc.issuer).not.toMatch(/HỌP|Họp/u);
    expect(leadsOf(text)).toEqual([["UBND huyện"]]);
  });
  it("an official going to inspect is the page's own event ('Lãnh đạo UBND quận kiểm tra hiện trường …')", () => {
    const text = "Lãnh đạo UBND quận kiểm tra hiện trường công tác xử lý các vi phạm đất đai tại các phường\n\nSau khi nghe các phường báo cáo, đồng chí Chủ tịch UBND quận yêu cầu Trưởng các phòng, ban, đơn vị thuộc quận tích cực phối hợp xử lý các trường hợp vi phạm.";
    expect(leadsOf(text)).toEqual([["Trưởng các phòng, ban, đơn vị thuộc quận"]]);
  });
  it("'Tại cuộc họp, X báo cáo …' and the reports after it are no tasks; the conclusion is", () => {
    const text = "Sáng ngày 15/12/2020, Ban Chỉ đạo huyện tổ chức cuộc họp xét khen thưởng năm 2020.\n\nTại cuộc họp, lãnh đạo Phòng Văn hóa và Thông tin huyện báo cáo kết quả phúc tra và danh sách đề nghị khen thưởng. Phòng Kinh tế và Hạ tầng huyện báo cáo kết quả chấm điểm chợ văn minh.\n\nPhát biểu kết luận cuộc họp, Phó Chủ tịch UBND huyện giao cho Phòng Văn hóa và Thông tin tiếp tục rà soát danh sách.";
    expect(leadsOf(text)).toEqual([["Phòng Văn hóa và Thông tin"]]);
  });
  it("a board named for a movement ('Ban Chỉ đạo phong trào “…” tổ chức cuộc họp') holds the page's own meeting", () => {
    const text = "Sáng ngày 15/12/2020, Ban Chỉ đạo phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa huyện” tổ chức cuộc họp xét khen thưởng năm 2020.\n\nPhát biểu kết luận cuộc họp, Phó Chủ tịch UBND huyện giao cho Phòng Văn hóa và Thông tin tiếp tục rà soát danh sách.";
    expect(leadsOf(text)).toEqual([["Phòng Văn hóa và Thông tin"]]);
  });
  it("a conclusion told at the meeting ('Tại hội nghị, Chủ tịch … kết luận … và chỉ đạo các cơ quan …') still asks", () => {
    const said = "Chủ tịch UBND huyện đã kết luận nhiều nội dung và chỉ đạo các cơ quan, đơn vị, UBND các xã, thị trấn triển khai thực hiện phòng chống dịch.";
    const page = (s: string) => `Nhiều nội dung quan trọng được kết luận tại hội nghị thường kỳ\n\n${s}\n\nVề công tác phòng chống dịch, Chủ tịch UBND huyện yêu cầu Thủ trưởng các cơ quan, đơn vị tập trung chỉ đạo.`;
    expect(leadsOf(page(`Tại hội nghị thường kỳ tháng 3/2020, ${said}`))).toEqual(leadsOf(page(said)));
  });
  it("a request at the meeting ends the telling", () => {
    const text = "Tại hội nghị, các đại biểu đã nghe báo cáo kết quả công tác tháng 10. Chủ tịch UBND xã đề nghị các cơ quan, đơn vị tập trung thực hiện nhiệm vụ tháng 11. Công an xã tăng cường tuần tra ban đêm.";
    expect(leadsOf(text)).toEqual([["các cơ quan, đơn vị"], ["Công an xã"]]);
  });
});

describe("a warning of what follows a failure is no work", () => {
  it.each([
    "Nếu tổ chức, cá nhân nào cố tình vi phạm, UBND thị xã Bắc Kạn sẽ xử lý theo quy định của pháp luật.",
    "Nếu để tình trạng tập kết cát trái phép tái diễn, Chủ tịch UBND huyện Hậu Lộc phải chịu hoàn toàn trách nhiệm trước Chủ tịch UBND tỉnh.",
  ])("%s", (s) => expect(isWorkSentence(leadsOfSentence(s))).toBe(false));
  it("a duty on a condition still is ('Nếu phát hiện …, Trạm Thú y huyện phải báo cáo ngay …')", () => {
    expect(isWorkSentence(leadsOfSentence("Nếu phát hiện gia súc chết bất thường, Trạm Thú y huyện phải báo cáo ngay về UBND huyện."))).toBe(true);
  });
});

describe("a page's headline sums up the request the page tells in full", () => {
  it("'Bộ LĐ-TB&XH yêu cầu các tỉnh báo cáo thưởng Tết' over the full request is no second task", () => {
    const text = "Bộ LĐ-TB&XH yêu cầu các tỉnh báo cáo thưởng Tết\n\nBộ LĐ-TB&XH vừa có văn bản yêu cầu các Sở LĐ-TB&XH trên cả nước chủ động nắm bắt tình hình thưởng Tết của doanh nghiệp.";
    expect(leadsOf(text)).toEqual([["các Sở LĐ-TB&XH trên cả nước"]]);
  });
  it("a first paragraph with its full stop is a task", () => {
    const text = "Bộ LĐ-TB&XH yêu cầu các tỉnh báo cáo thưởng Tết trước ngày 15/12.\n\nBộ LĐ-TB&XH cũng đề nghị Liên đoàn Lao động cấp tỉnh nắm bắt tình hình thưởng Tết của doanh nghiệp.";
    expect(leadsOf(text)).toHaveLength(2);
  });
  it("a headline that is the page's only request stays", () => {
    expect(leadsOf("Bộ LĐ-TB&XH yêu cầu các tỉnh báo cáo thưởng Tết\n\nTheo Bộ, năm nay tình hình doanh nghiệp còn khó khăn.")).toEqual([["các tỉnh"]]);
  });
});

describe("an office passing on an opinion, and the author of a cited document", () => {
  it.each([
    "Văn phòng UBND tỉnh truyền đạt ý kiến của đồng chí Phó Chủ tịch Thường trực UBND tỉnh chỉ đạo triển khai công tác chuyển đổi số.",
    "Về đề nghị của Ủy ban nhân dân tỉnh Phú Thọ tại văn bản số 2289/UBND-NL, Ủy ban nhân dân tỉnh Hà Giang tại văn bản số 2527/UBND-NLN về việc hỗ trợ vắc xin, Phó Thủ tướng có ý kiến như sau:",
  ])("%s", (s) => expect(isWorkSentence(leadsOfSentence(s))).toBe(false));
});

describe("someone's words quoted by a news report", () => {
  it("'… ” - một phụ huynh viết.' asks no one", () => {
    expect(leadsOfSentence("Mong các trường khác cũng mạnh dạn như vậy” - một phụ huynh viết.")).toBeNull();
  });
  it("a request with a quoted name still reads", () => {
    expect(leadsOfSentence("Đề nghị các trường hưởng ứng phong trào “Nói không với quyên góp”.")?.leads).toEqual(["các trường"]);
  });
});

describe("a news page's issuer acting on its own", () => {
  it.each([
    "Sáng 4/2, Hội đồng nghĩa vụ quân sự huyện An Lạc tổ chức hội nghị triển khai nhiệm vụ tuyển quân năm 2024.",
    "Ngày 30-9, Huyện ủy Tân Phú đã tổ chức Hội nghị quán triệt Chỉ thị số 35-CT/TW của Bộ Chính trị.",
    "Hội Nông dân huyện Tân Phú tổ chức họp Ban Chấp hành đầu năm 2024",
    "Sáng nay 20/12, Công an huyện Tân Phú ra quân đợt cao điểm tấn công trấn áp tội phạm.",
    "Ban Thường trực Ủy ban MTTQ huyện Tân Phú xây dựng kế hoạch tổ chức Đại hội đại biểu MTTQ các cấp.",
  ])("the lead '%s' names the issuer, whose act is no task", (lead) => {
    const text = `${lead}\nTại hội nghị, các đại biểu thảo luận nhiều ý kiến.\nĐề nghị Ủy ban nhân dân các xã, thị trấn chủ động xây dựng kế hoạch trước ngày 15/2/2024.`;
    const r = readDispatch(text, { refDate: "2024-02-05" });
    expect(r.tasks.filter((t) => t.assignees.length > 0).map((t) => t.assignees.map((a) => a.name))).toEqual([["Ủy ban nhân dân các xã, thị trấn"]]);
    expect(r.doc.issuer).not.toBeNull();
  });
  it("its short name later is the same body ('UBND xã tổ chức …' after 'UBND xã Tân Phú')", () => {
    const text = "Chiều 23/8/2024, UBND xã Tân Phú tổ chức hội nghị triển khai kế hoạch bầu cử Trưởng ấp.\nUBND xã sẽ thành lập 5 tổ công tác tại 5 ấp.\nGiao Công an xã đảm bảo an ninh trật tự trong ngày bầu cử.";
    expect(leadsOf(text)).toEqual([["Công an xã"]]);
  });
  it("a body given a duty in the lead is not the issuer ('Phòng Y tế tổ chức chỉ đạo, giám sát …')", () => {
    expect(leadsOf("Phòng Y tế tổ chức chỉ đạo, giám sát chặt chẽ tình hình dịch sốt xuất huyết trên địa bàn.")).toEqual([["Phòng Y tế"]]);
  });
  it("several bodies or a collective in the lead are told, not issuing", () => {
    expect(leadsOf("Các cấp ủy đảng tổ chức hội nghị quán triệt Chỉ thị số 35-CT/TW trước ngày 30/10/2019.")).toHaveLength(1);
  });
  it("a headline that only names the body is not the lead ('Huyện ủy Tân Phú: Quán triệt …')", () => {
    const text = "Huyện ủy Tân Phú: Quán triệt Chỉ thị số 35-CT/TW của Bộ Chính trị\n(QBĐT) - Ngày 30-9, Huyện ủy Tân Phú tổ chức hội nghị cán bộ cốt cán quán triệt Chỉ thị số 35-CT/TW.\nĐề nghị các chi bộ trực thuộc xây dựng kế hoạch trước ngày 15/10/2019.";
    expect(leadsOf(text)).toEqual([["các chi bộ trực thuộc"]]);
  });
  it("a place acting in the lead is its government ('Phường Tân Phú triển khai …', then 'UBND phường sẽ thành lập …')", () => {
    const text = "Ngày 21/5, Phường Tân Phú triển khai công tác lấy ý kiến cử tri về Đề án sắp xếp đơn vị hành chính.\nTheo đó, UBND phường sẽ thành lập 13 tổ công tác lấy ý kiến cử tri.\nGiao Công an phường đảm bảo an ninh trật tự.";
    expect(leadsOf(text)).toEqual([["Công an phường"]]);
  });
  it("a Party committee and its standing board are the same issuer", () => {
    const text = "Quận ủy Tân Phú triển khai công tác bầu cử đại biểu Quốc hội khóa XV\nSáng 23-1, Ban Thường vụ Quận ủy Tân Phú tổ chức Hội nghị triển khai công tác bầu cử.\nBan Thường vụ Quận ủy yêu cầu các cấp ủy cơ sở bám sát Chỉ thị của Trung ương.";
    expect(leadsOf(text)).toEqual([["các cấp ủy cơ sở"]]);
  });
});

describe("a portal's headline or sapo restating the body's request", () => {
  const headline = "Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị, UBND các xã, thị trấn thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ về phòng, chống dịch Covid-19.";
  const body = "Nghiêm túc thực hiện chỉ đạo của Thủ tướng Chính phủ tại Thông báo số 31/TB-VPCP ngày 25/2/2021 về phòng, chống dịch Covid-19, Chủ tịch UBND huyện vừa có công văn yêu cầu các cơ quan, ban, ngành, đoàn thể, UBND các xã, thị trấn nâng cao mức cảnh báo, cảnh giác phòng, chống dịch; tuyệt đối không lơ là, chủ quan.";
  it("is one task, read in the body paragraph", () => {
    const tasks = tasksOf(`Thông tin văn bản\n\n${headline}\n\n${headline}\n\n${body}`);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.text).toMatch(/^Nghiêm túc thực hiện/u);
    expect(tasks[0]!.assignees.map((a) => a.name)).toEqual(["các cơ quan, ban, ngành, đoàn thể", "UBND các xã, thị trấn"]);
  });
  it("a later request to other bodies is a task of its own", () => {
    expect(tasksOf(`${headline}\n\nGiao Phòng Y tế huyện chủ trì kiểm tra việc thực hiện các biện pháp phòng, chống dịch Covid-19 trên địa bàn.`)).toHaveLength(2);
  });
});

describe("a list after a comma inside a clause whose subject is left out", () => {
  it.each([
    "Đồng thời, kiểm tra kiểm soát chặt chẽ khu vực cửa khẩu đường bộ, cảng biển, bưu điện quốc tế và các địa điểm khác thuộc địa bàn.",
    "Đồng thời, thông báo, kiểm tra, đôn đốc, nhắc nhở các cơ sở sản xuất- kinh doanh, hộ gia đình thuộc địa bàn quản lý thực hiện treo cờ.",
    "Theo đó, thời gian qua, việc treo cờ Tổ quốc tại các trụ sở cơ quan, đơn vị, hộ dân, địa điểm công cộng vẫn còn chưa nghiêm túc.",
    "Cụ thể, đã có 9 trường THCS học theo hình thức online, 10 trường tiểu học và 15 trường mầm non trên địa bàn phải nghỉ học.",
  ])("%s", (s) => expect(leadsOfSentence(s)?.leads ?? []).toEqual([]));
  it("a capitalised subject or a request after the adverbials still reads", () => {
    expect(leadsOfSentence("Để chủ động ứng phó với bão, đảm bảo an toàn cho học sinh, bộ trưởng Bộ Giáo dục và Đào tạo yêu cầu các sở giáo dục và đào tạo theo dõi diễn biến của bão.")?.leads).toEqual(["các sở giáo dục và đào tạo"]);
    expect(leadsOfSentence("Trước tình hình trên, trong thời gian tới, UBND tỉnh yêu cầu các sở, ban, ngành tăng cường kiểm tra.")?.leads).toEqual(["các sở, ban, ngành"]);
    expect(leadsOfSentence("Đồng thời, tăng cường kiểm tra, giao Công an huyện xử lý nghiêm các vi phạm.")?.leads).toEqual(["Công an huyện"]);
  });
});

describe("a proposal or report retold ('Theo tờ trình, X đề xuất …')", () => {
  it.each([
    "Theo tờ trình, Ban Nội chính Tỉnh ủy đề xuất Bộ phận tham mưu, giúp việc các Huyện ủy về công tác nội chính được kiện toàn.",
    "Theo báo cáo của UBND huyện Tân Phú, đến ngày 12/8/2014, các bãi tập kết cát trái phép đã được san gạt.",
  ])("%s", (s) => expect(leadsOfSentence(s)).toBeNull());
  it("a request in such a sentence still reads", () => {
    expect(leadsOfSentence("Theo đề nghị của Sở Y tế tại Tờ trình số 12/TTr-SYT, UBND tỉnh giao Sở Tài chính chủ trì bố trí kinh phí.")?.leads).toEqual(["Sở Tài chính"]);
  });
});

describe("a meeting told by a news page", () => {
  it.each([
    "Các đồng chí Thường trực Đảng uỷ xã chủ trì hội nghị.",
    "Trong phần thảo luận, các đại biểu tập trung đánh giá kết quả thực hiện nhiệm vụ tháng 10.",
    "Các đại biểu dự hội nghị đã được quán triệt những nội dung quan trọng của Chỉ thị.",
  ])("'%s' is no work", (s) => expect(isWorkSentence(leadsOfSentence(s))).toBe(false));
  it("elected deputies are still bodies ('Đề nghị đại biểu HĐND tỉnh thực hiện tiếp công dân')", () => {
    expect(leadsOfSentence("Đề nghị đại biểu HĐND tỉnh thực hiện tiếp công dân theo quy định.")?.leads).toEqual(["đại biểu HĐND tỉnh"]);
  });
  it("a body chairing the work itself still leads ('Sở Y tế chủ trì, phối hợp …')", () => {
    expect(isWorkSentence(leadsOfSentence("Sở Y tế chủ trì, phối hợp với các sở, ngành kiểm tra an toàn thực phẩm."))).toBe(true);
  });
  it("someone speaking for a body asks as it does ('đại diện Ban Thường vụ Huyện ủy yêu cầu …')", () => {
    expect(leadsOfSentence("Tại hội nghị, đại diện Ban Thường vụ Huyện ủy Tân Phú yêu cầu cấp ủy các cấp trên địa bàn trực tiếp chỉ đạo việc quán triệt.")).toMatchObject({ leads: ["cấp ủy các cấp trên địa bàn"], requested: true });
  });
});

describe("a school speaking of itself", () => {
  const text = "THÔNG BÁO TẠM DỪNG ĐẾN TRƯỜNG\n\nTrường mẫu giáo Tân Phú xin thông báo đến Quý phụ huynh:\n\nCác bé tiếp tục tạm dừng đến trường. Nhà trường sẽ cập nhật và thông tin đến phụ huynh hàng tuần.\n\nMong quý phụ huynh tiếp tục thực hiện tốt công tác phòng, chống dịch.\n\nNhà trường xin thông báo đến Quý phụ huynh được biết.";
  it("'Trường … xin thông báo đến Quý phụ huynh' names the issuer; 'Nhà trường …' is its own act; the parents are asked", () => {
    const r = readDispatch(text, { refDate: "2022-03-12" });
    expect(r.doc.issuer).toBe("Trường mẫu giáo Tân Phú");
    expect(r.tasks.filter((t) => t.assignees.length > 0).map((t) => t.assignees.map((a) => a.name))).toEqual([["quý phụ huynh"]]);
  });
});

describe("a page's lede asking generic addressees, told in full after 'Theo đó'", () => {
  const lede = "UBND tỉnh vừa ban hành công văn yêu cầu các ngành, địa phương triển khai thực hiện công tác bảo đảm trật tự an toàn giao thông đường thủy nội địa.";
  it("is no task of its own", () => {
    const text = `${lede}\n\nTheo đó, UBND tỉnh giao Công an tỉnh, Sở Giao thông vận tải khẩn trương xây dựng kế hoạch chi tiết.`;
    expect(leadsOf(text)).toEqual([["Công an tỉnh", "Sở Giao thông vận tải"]]);
  });
  it("stays the task when nothing tells it in full", () => {
    expect(leadsOf(`${lede}\n\nTheo Sở Giao thông vận tải, mùa mưa bão năm nay đến sớm.`)).toHaveLength(1);
  });
});

describe("'giao' inside a compound noun asks no one", () => {
  it("'… có văn bản gửi X về việc … mở phòng giao dịch …' names the recipients only", () => {
    const l = leadsOfSentence("Ngày 11/9/2012, Thống đốc Ngân hàng Nhà nước có văn bản gửi chi nhánh các tỉnh: Bình Định, Cao Bằng về việc xác nhận mở phòng giao dịch của các ngân hàng thương mại trên địa bàn.");
    expect(l?.requested ?? false).toBe(false);
  });
});

describe("one body announcing to no one named is the notice's author", () => {
  it.each([
    "Sở Văn hóa và Thể thao thông báo treo cờ Tổ quốc như sau:",
    "Ủy ban nhân dân xã Sơn Vĩ thông báo tạm dừng tất cả các hoạt động buôn bán tại chợ phiên kể từ 0 giờ ngày 21/7/2021 cho đến khi có thông báo mới.",
  ])("'%s' gives no work", (s) => {
    expect(isWorkSentence(leadsOfSentence(s))).toBe(false);
  });
  it.each([
    "Trạm Y tế xã thông báo kết quả xét nghiệm cho các hộ gia đình.",
    "Các trường học thông báo lịch nghỉ học.",
  ])("'%s' is work", (s) => {
    expect(isWorkSentence(leadsOfSentence(s))).toBe(true);
  });
});

describe("a decision's article that issues or permits asks no one", () => {
  const head = "QUYẾT ĐỊNH\nVề việc ban hành Quy chế phối hợp\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nQUYẾT ĐỊNH:\n";
  const exec = "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành tỉnh chịu trách nhiệm thi hành Quyết định này.";
  it.each([
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp giữa\nVăn phòng Ủy ban nhân dân tỉnh với các sở, ban ngành tỉnh trong việc công bố thủ tục hành chính.",
    "Điều 1. Cho phép thành lập Hội Hoá học Việt Nam. Hội Hoá học Việt Nam tự lo liệu mọi chi phí và phương tiện hoạt động.",
  ])("'%s'", (art) => {
    expect(tasksOf(`${head}${art}\n${exec}`).map((t) => t.ref)).toEqual(["2"]);
  });
  it("an article that also asks stays a task", () => {
    const art = "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng chống dịch. Giao Sở Y tế chủ trì triển khai Kế hoạch.";
    expect(tasksOf(`${head}${art}\n${exec}`).map((t) => t.ref)).toEqual(["1", "2"]);
  });
});

describe("the issuer speaking again after its items ends them (session 19)", () => {
  const head = "BỘ TÀI CHÍNH\nSố: 12/BTC-TCT\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\nBộ Tài chính đề nghị UBND các tỉnh, thành phố quan tâm chỉ đạo:\n";
  it("'Bộ Tài chính gửi kèm bộ tài liệu gồm: - …' after the last item is not that item's text", () => {
    const text = `${head}1. Phổ biến rộng rãi tài liệu đến cán bộ cấp xã.\n2. Chỉ đạo đầu mối phối hợp với Thuế tỉnh rà soát vướng mắc phát sinh.\nBộ Tài chính gửi kèm bộ tài liệu gồm:\n- Sổ tay nghiệp vụ;\n- Video giới thiệu.\n`;
    const tasks = tasksOf(text);
    expect(tasks.map((t) => t.ref)).toEqual(["1", "2"]);
    expect(tasks[1]!.text).not.toMatch(/gửi kèm|Video/u);
  });
  it("the formula 'Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./.' is not the last item's text", () => {
    const text = "VĂN PHÒNG CHÍNH PHỦ\nSố: 15/VPCP-KTTH\nKính gửi: Bộ Y tế.\nThủ tướng Chính phủ có ý kiến như sau:\n1. Bộ Y tế hoàn chỉnh Dự án Luật trình Chính phủ vào tháng 10/2007.\nVăn phòng Chính phủ xin thông báo để quý Bộ biết và thực hiện.\n";
    expect(tasksOf(text).map((t) => t.text)).toEqual(["Bộ Y tế hoàn chỉnh Dự án Luật trình Chính phủ vào tháng 10/2007."]);
  });
  it("keeps other bodies' work under an item ('UBND các xã, thị trấn ban hành Quy chế …' is no issuer)", () => {
    const text = "ỦY BAN NHÂN DÂN HUYỆN MỘC CHÂU\nSố: 7/QĐ-UBND\nQUYẾT ĐỊNH\nĐiều 1. Quyết định này có hiệu lực kể từ ngày ký.\nCác cơ quan chuyên môn thuộc Ủy ban nhân dân huyện và UBND các xã, thị trấn ban hành Quy chế làm việc phù hợp với Quy chế này.\n";
    const all = readDispatch(text, { refDate: "2024-06-01" }).tasks;
    expect(all.map((t) => t.text)).toEqual([expect.stringContaining("UBND các xã, thị trấn ban hành")]);
  });
  it.each([
    "UBND tỉnh yêu cầu các sở, ban, ngành, các địa phương trong tỉnh phổ biến, kiểm tra, đôn đốc thực hiện nghiêm túc thông báo này./.",
    "UBND huyện đề nghị UBND các xã, thị trấn kiểm tra, đôn đốc thực hiện các nội dung trên./.",
  ])("a closing that asks only to spread and oversee the document itself: %s", (closing) => {
    const text = `UBND tỉnh thông báo:\nUBND các huyện, thị xã, thành phố có trách nhiệm thông báo, kiểm tra việc treo cờ của các hộ gia đình.\n${closing}`;
    expect(leadsOf(text)).toEqual([["UBND các huyện, thị xã, thành phố"]]);
  });
  it("'Kính đề nghị Sở LĐTB&XH xem xét giải quyết.' after the request to that Sở restates it", () => {
    const text = "Phòng LĐTB&XH kính đề nghị Sở Lao động - Thương binh và Xã hội tỉnh Long An giải quyết chế độ trợ cấp cho thân nhân liệt sĩ Nguyễn Văn A.\nKính đề nghị Sở LĐTB&XH xem xét giải quyết.";
    expect(tasksOf(text).map((t) => t.ref)).toEqual(["#1"]);
  });
  it("'… trân trọng đề nghị UBND các tỉnh, thành phố quan tâm, chỉ đạo triển khai thực hiện./.' after the items is a closing", () => {
    const text = `${head}1. Phổ biến rộng rãi tài liệu đến cán bộ cấp xã.\nBộ Tài chính trân trọng đề nghị UBND các tỉnh, thành phố quan tâm, chỉ đạo triển khai thực hiện./.\n`;
    expect(tasksOf(text).map((t) => t.ref)).toEqual(["1"]);
  });
});

describe("what a body is doing now ('X đang …') is told, not asked (session 19)", () => {
  it.each([
    "Chính quyền địa phương đang phối hợp cùng các lực lượng chức năng để triển khai các biện pháp khắc phục.",
    "Ban Chỉ huy Quân sự huyện đang tổ chức lực lượng trực tại các điểm xung yếu.",
  ])("%s", (s) => expect(isWorkSentence(leadsOfSentence(s))).toBe(false));
  it("keeps work that mentions what is under way ('… các công trình đang thi công')", () => {
    expect(isWorkSentence(leadsOfSentence("Sở Xây dựng kiểm tra các công trình đang thi công trên địa bàn."))).toBe(true);
  });
});

describe("who holds a power ('Thẩm quyền quyết định …: X.') is a rule, not work (session 19)", () => {
  it.each([
    "Thẩm quyền quyết định đánh giá, xếp loại chất lượng: Ban Thường vụ Đảng ủy cấp xã.",
    "Thẩm quyền phê duyệt: Chủ tịch Ủy ban nhân dân huyện.",
  ])("%s", (s) => expect(isWorkSentence(leadsOfSentence(s))).toBe(false));
});

describe("a decision's article establishing a body states what it is (session 19)", () => {
  const head = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 26/QĐ-TTg\nQUYẾT ĐỊNH\nĐiều 1. Thành lập Ban Quản lý Khu kinh tế mở tỉnh A\n1. Ban Quản lý Khu kinh tế mở tỉnh A là cơ quan hành chính thuộc Ủy ban nhân dân tỉnh A.\n2. Ban Quản lý có tư cách pháp nhân, có tài khoản, con dấu hình Quốc huy.\n";
  it("its clauses are no tasks; the articles after it are", () => {
    const text = `${head}Điều 2. Nhiệm vụ, quyền hạn của Ban Quản lý\n1. Ban Quản lý thực hiện nhiệm vụ, quyền hạn theo quy định của pháp luật.\n`;
    expect(tasksOf(text).map((t) => t.ref)).toEqual(["2.1"]);
  });
  it("a clause of it that asks stays a task", () => {
    const text = "QUYẾT ĐỊNH\nĐiều 1. Thành lập Tổ công tác liên ngành.\n1. Giao Sở Nội vụ bố trí nơi làm việc cho Tổ công tác.\n";
    expect(leadsOf(text)).toEqual([["Sở Nội vụ"]]);
  });
  it("in a plan, '1. Thành lập tổ công tác …' is work", () => {
    const text = "Kính gửi: UBND các xã.\nUBND huyện đề nghị UBND các xã thực hiện các nội dung sau:\n1. Thành lập tổ công tác rà soát hộ nghèo.\n";
    expect(tasksOf(text).map((t) => t.ref)).toEqual(["1"]);
  });
});
