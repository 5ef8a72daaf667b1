/**
 * Labelled fields of a plan's task item: "Đơn vị chủ trì: …" leads, "Đơn vị phối hợp: …" coordinates, "Cơ quan thực
 * hiện: …" names the doers (read as a sentence when it has its own frame), "Thời gian thực hiện: …" is the item's
 * deadline; the field lines are the item's details, never tasks of their own.
 */
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { bodiesOfValue, fieldsIn, rolesOf } from "../../src/dispatch/fields.js";

const read = (text: string) => readDispatch(text, { refDate: "2025-11-20" });
const roles = (t: { assignees: Array<{ name: string; role: string }> }) => t.assignees.map((a) => `${a.role}:${a.name}`);

const HEAD = "ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nSố: 12/KH-UBND\nBình An, ngày 15 tháng 11 năm 2025\nKẾ HOẠCH\nTriển khai chuyển đổi số năm 2026\n\n";

describe("a plan item whose bodies and time stand in labelled fields", () => {
  it("lettered fields with a group of dash fields make one task at the item's number", () => {
    const text = `${HEAD}II. NHIỆM VỤ\n1. Xây dựng cơ sở dữ liệu đất đai\na) Nhiệm vụ: Rà soát, chuẩn hóa dữ liệu đất đai, phối hợp với Bộ Công an kết nối dữ liệu.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.\n- Đơn vị phối hợp: Các Sở, ban, ngành; UBND các xã, phường.\nc) Thời gian thực hiện: Quý IV/2026.\n2. Đào tạo nhân lực số\na) Nhiệm vụ: Tổ chức bồi dưỡng kỹ năng số cho cán bộ.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Nội vụ.\n- Đơn vị phối hợp: Sở Khoa học và Công nghệ.\nc) Thời gian thực hiện: Thực hiện thường xuyên.\n`;
    const tasks = read(text).tasks;
    expect(tasks.map((t) => t.ref)).toEqual(["II.1", "II.2"]);
    expect(roles(tasks[0]!)).toEqual(["lead:Sở Nông nghiệp và Môi trường", "coordinate:Các Sở, ban, ngành", "coordinate:UBND các xã, phường"]);
    expect(tasks[0]!.deadline?.date).toBe("2026-12-31");
    expect(roles(tasks[1]!)).toEqual(["lead:Sở Nội vụ", "coordinate:Sở Khoa học và Công nghệ"]);
    // "Thường xuyên" is no deadline, and the item does not borrow its sibling's.
    expect(tasks[1]!.deadline).toBeNull();
  });

  it("dash fields under the item's title ('Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện')", () => {
    const text = `${HEAD}II. NỘI DUNG\n1. Tổ chức tập huấn nghiệp vụ\n- Nội dung thực hiện: Tập huấn cho cán bộ làm công tác việc làm.\n- Cơ quan chủ trì: Sở Nội vụ, Sở Tài chính.\n- Cơ quan phối hợp: Bảo hiểm xã hội tỉnh, Trung tâm Dịch vụ việc làm tỉnh (Sở Nội vụ) và các cơ quan, đơn vị có liên quan.\n- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.\n`;
    const [t] = read(text).tasks;
    expect(t!.ref).toBe("II.1");
    expect(roles(t!)).toEqual([
      "lead:Sở Nội vụ",
      "lead:Sở Tài chính",
      "coordinate:Bảo hiểm xã hội tỉnh",
      "coordinate:Trung tâm Dịch vụ việc làm tỉnh (Sở Nội vụ)",
      "coordinate:các cơ quan, đơn vị có liên quan",
    ]);
    expect(t!.deadline?.date).toBe("2026-12-31");
  });

  it("a doers' field with its own frame is read as a sentence ('Sở X chủ trì …; Sở Y … chủ động …')", () => {
    const r = rolesOf(fieldsIn("Cơ quan thực hiện: Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ tổ chức kiểm tra."));
    expect(r?.lead).toEqual(["Sở Tư pháp"]);
    expect(r?.coordinate).toEqual(["Sở Nội vụ"]);
  });

  it("fields inline in the item's own line, closed by a parenthesis", () => {
    const f = fieldsIn("Rà soát văn bản quy phạm pháp luật (Chủ trì: Sở Tư pháp; phối hợp: các sở, ngành; thời gian: tháng 12/2025).");
    expect(f.map((x) => `${x.kind}=${x.value}`)).toEqual(["lead=Sở Tư pháp", "coordinate=các sở, ngành", "time=tháng 12/2025"]);
  });

  it("a list value keeps modifiers out and collectives whole", () => {
    expect(bodiesOfValue("Sở Nội vụ, các sở, ban, ngành tỉnh trong phạm vi chức năng, nhiệm vụ của mình và các cơ quan, tổ chức khác có liên quan.")).toEqual([
      "Sở Nội vụ",
      "các sở, ban, ngành tỉnh",
      "các cơ quan, tổ chức khác có liên quan",
    ]);
  });

  it("is not an event notice's information item ('Thời gian: …', 'Địa điểm: …') nor a news byline ('Thực hiện: …')", () => {
    expect(fieldsIn("Thực hiện: Nguyễn Văn An")).toEqual([]);
    expect(rolesOf(fieldsIn("Thời gian: 8 giờ ngày 20/11/2025."))).toBeNull();
    expect(fieldsIn("Các đơn vị phối hợp: thực hiện tốt nội dung trên.")).toEqual([]);
  });

  it("a bullet with fields inline is its own task; a line wrapped after a comma stays in its item", () => {
    const text = `${HEAD}II. NHIỆM VỤ\n1. Hoàn thiện thể chế\n- Ban hành quy chế quản lý dữ liệu. Cơ quan chủ trì: Sở Khoa học và Công nghệ; thời gian: Quý I/2026.\n- Rà soát thủ tục hành chính. Cơ quan chủ trì: Sở Tư pháp; cơ quan phối hợp: Văn phòng UBND tỉnh.\n2. Bảo đảm an toàn thông tin\na) Nhiệm vụ:\n- Hướng dẫn các Sở, ban, ngành,\nUBND xã, phường trong việc kết nối dữ liệu dân cư.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Công an tỉnh.\nc) Thời gian thực hiện: Năm 2026.\n`;
    const tasks = read(text).tasks;
    expect(tasks.map((t) => `${t.ref} ${roles(t).join("; ")} ${t.deadline?.date ?? "-"}`)).toEqual([
      "II.1#1 lead:Sở Khoa học và Công nghệ 2026-03-31",
      "II.1#2 lead:Sở Tư pháp; coordinate:Văn phòng UBND tỉnh -",
      "II.2 lead:Công an tỉnh 2026-12-31",
    ]);
  });

  it("fields on unmarked lines under the item's title, with or without a full stop", () => {
    const text = `${HEAD}II. NHIỆM VỤ\n1. Xây dựng kho dữ liệu dùng chung\nChủ trì: Sở Khoa học và Công nghệ.\nPhối hợp: Các sở, ban, ngành; UBND các xã, phường.\nThời gian hoàn thành: Trước ngày 31/12/2025.\n2. Số hóa hồ sơ\nCơ quan chủ trì thực hiện: Sở Nội vụ\nThời hạn hoàn thành: Tháng 6/2026\n3. Kiểm tra\n+ Đơn vị thực hiện: Thanh tra tỉnh.\n+ Tiến độ: Hằng năm.\n`;
    expect(read(text).tasks.map((t) => `${t.ref} ${roles(t).join("; ")} ${t.deadline?.date ?? t.deadline?.recurrence ?? "-"}`)).toEqual([
      "II.1 lead:Sở Khoa học và Công nghệ; coordinate:Các sở, ban, ngành; coordinate:UBND các xã, phường 2025-12-31",
      "II.2 lead:Sở Nội vụ 2026-06-30",
      "II.3 lead:Thanh tra tỉnh yearly",
    ]);
  });

  it("a task whose body is in its own sentence takes the bare period of its time field", () => {
    const text = `${HEAD}II. NHIỆM VỤ\n1. Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng đề án nâng cao năng lực y tế cơ sở.\n- Thời gian hoàn thành: Quý IV/2026.\n`;
    const [t] = read(text).tasks;
    expect(roles(t!)).toEqual(["lead:Sở Y tế", "coordinate:Sở Tài chính"]);
    expect(t!.deadline?.date).toBe("2026-12-31");
  });
});
