// Setting an office up on Telegram, through startApp, telegraf and the fake Bot API: the /mau template, a 120-unit
// province directory imported from one .xlsx in one message and one confirmation, a unit with two groups, rename,
// merge and retire, unbinding a group, the paginated list, and a dispatch to "Các sở, ban, ngành tỉnh; UBND các
// huyện, thị xã, thành phố" reaching exactly the units the directory's kinds and levels name.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, buttonData, LEADER, type Loop, OFFICER, startLoop } from "./harness.js";

const CSV = readFileSync(new URL("../fixtures/units/ninh-binh-120.csv", import.meta.url), "utf8");

const DISPATCH = `ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 512/UBND-VP
V/v triển khai kế hoạch chuyển đổi số năm 2026

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Ninh Bình, ngày 10 tháng 3 năm 2026

Kính gửi:
- Các sở, ban, ngành tỉnh;
- UBND các huyện, thị xã, thành phố.

Để triển khai kế hoạch chuyển đổi số năm 2026, Chủ tịch UBND tỉnh yêu cầu:

1. Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố rà soát, cập nhật danh mục dịch vụ công trực tuyến, hoàn thành trước ngày 30/4/2026.
`;

/** The province sheet as the .xlsx an office would keep (built from the fixture's CSV). */
async function provinceXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Đơn vị");
  for (const line of CSV.trim().split("\n")) sheet.addRow(line.split(","));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

describe("setting an office up on Telegram", () => {
  it("imports 120 units from one .xlsx with one confirmation, then renames, merges, retires, unbinds and lists", async () => {
    loop = await startLoop({ at: "2026-03-10T02:00:00Z" });
    const l = loop;
    const { api } = l;

    // The template: an .xlsx whose header is what an import reads.
    l.say(ADMIN.id, ADMIN, "/mau");
    await api.waitFor(() => api.botMessages(ADMIN.id).some((m) => m.document), 15_000, "the template");
    const template = api.botMessages(ADMIN.id).find((m) => m.document)!;
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.load([...api.files.values()].find((f) => f.id === template.document!.file_id)!.bytes as unknown as ArrayBuffer);
    expect(twb.worksheets[0]!.getRow(1).values).toEqual([undefined, "Tên đơn vị", "Bí danh", "Loại", "Cấp", "Đơn vị cấp trên"]);

    // Only admins import; a leader's sheet is not a directory.
    l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    await l.botSaysMatching(ADMIN.id, /vai trò lãnh đạo/);
    l.say(LEADER.id, LEADER, "/nhapdonvi\nSở Y tế");
    await l.botSaysMatching(LEADER.id, /Bạn không có quyền|không có quyền/);

    // A multi-line /themdonvi is several units (the import preview), never one unit with a newline in its name.
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Ngoại vụ\nSở Du lịch; loại: sở");
    const several = await l.botSaysMatching(ADMIN.id, /Sẽ thêm 2 đơn vị/);
    expect(several.text).toMatch(/\+ Sở Ngoại vụ \(sở · tỉnh\)\n\+ Sở Du lịch \(sở · tỉnh\)/);

    // One file, one preview, one press.
    api.updates.document({ chat: ADMIN.id, from: ADMIN, fileName: "danh-muc-don-vi.xlsx", bytes: await provinceXlsx() });
    const preview = await l.botSaysMatching(ADMIN.id, /Sẽ thêm 120 đơn vị, cập nhật 0, giữ nguyên 0/);
    expect(preview.text).toMatch(/\+ Sở Y tế \(sở · tỉnh · thuộc UBND tỉnh Ninh Bình\)/);
    expect(preview.text).toMatch(/… và 80 đơn vị khác/);
    expect(preview.text!.length).toBeLessThanOrEqual(4096);
    const answer = await l.press(ADMIN.id, ADMIN, preview, buttonData(preview).find((d) => d === "dir:ok")!);
    expect(answer).toBeUndefined();
    await l.botSaysMatching(ADMIN.id, /Đã cập nhật danh mục: thêm 120, cập nhật 0, giữ nguyên 0 đơn vị/);
    // The same file again: nothing to do.
    api.updates.document({ chat: ADMIN.id, from: ADMIN, fileName: "danh-muc-don-vi.xlsx", bytes: await provinceXlsx() });
    await l.botSaysMatching(ADMIN.id, /không có gì thay đổi/);

    // Sở Y tế has two groups on purpose; Sở Du lịch one.
    for (const [chat, title, unit] of [[-601, "Sở Y tế - điều hành", "Sở Y tế"], [-602, "Sở Y tế - văn phòng", "Sở Y tế"], [-603, "Sở Du lịch", "Sở Du lịch"], [-604, "Sở VHTT", "Sở Văn hóa và Thể thao"]] as const) {
      api.group(chat, title);
      l.say(chat, ADMIN, `/donvi ${unit}`);
      await l.botSaysMatching(chat, new RegExp(`Đã gắn nhóm chat này với ${unit}`));
    }
    l.say(ADMIN.id, ADMIN, "/danhsachdonvi");
    const page1 = await l.botSaysMatching(ADMIN.id, /Danh mục đơn vị \(120\) — trang 1\/8/);
    expect(page1.text).toMatch(/Trang sau: \/danhsachdonvi 2/);
    l.say(ADMIN.id, ADMIN, "/danhsachdonvi 2");
    const page2 = await l.botSaysMatching(ADMIN.id, /trang 2\/8/);
    expect(page2.text).toMatch(/Sở Y tế \(sở · tỉnh\)\n {3}💬 Sở Y tế - điều hành \(Telegram\) \[telegram:-601\]\n {3}💬 Sở Y tế - văn phòng \(Telegram\) \[telegram:-602\]\n {3}ℹ️ Đơn vị có 2 nhóm/);

    // Reorganisation: Sở Du lịch is renamed, Sở Văn hóa và Thể thao merged into it, Báo Ninh Bình retired.
    l.say(ADMIN.id, ADMIN, "/doiten Sở Du lịch => Sở Văn hóa, Thể thao và Du lịch");
    await l.botSaysMatching(ADMIN.id, /Đã đổi tên Sở Du lịch thành Sở Văn hóa, Thể thao và Du lịch/);
    l.say(ADMIN.id, ADMIN, "/gopdonvi So Van hoa va The thao => Sở Văn hóa, Thể thao và Du lịch");
    await l.botSaysMatching(ADMIN.id, /Đã sáp nhập Sở Văn hóa và Thể thao vào Sở Văn hóa, Thể thao và Du lịch: chuyển 0 nhiệm vụ, 1 nhóm, 0 cán bộ/);
    l.say(ADMIN.id, ADMIN, "/giaithe Báo Ninh Bình");
    await l.botSaysMatching(ADMIN.id, /Đã ghi nhận Báo Ninh Bình thôi hoạt động/);
    l.say(ADMIN.id, ADMIN, "/giaithe Báo Ninh Bìn");
    await l.botSaysMatching(ADMIN.id, /Không tìm thấy đơn vị|Không có đơn vị/);

    // Unbinding: an officer may not; an admin in the group may.
    l.say(-602, OFFICER, "/bogan");
    await l.botSaysMatching(-602, /Chỉ lãnh đạo|không có quyền/i);
    l.say(-602, ADMIN, "/bogan");
    await l.botSaysMatching(-602, /Đã bỏ gắn nhóm Sở Y tế - văn phòng khỏi Sở Y tế/);

    // The dispatch: its collectives expand through kinds and levels; tasks reach only bound groups, once per unit.
    l.say(LEADER.id, LEADER, DISPATCH);
    const draft = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC/);
    await l.press(LEADER.id, LEADER, draft, buttonData(draft).find((d) => d.startsWith("confirm:"))!);
    // 15 sở (two merged into one), 2 ban, 4 ngành at tỉnh level, 8 UBND of huyện/thành phố = 29 units.

    await l.botSaysMatching(LEADER.id, /Đã giao 1 nhiệm vụ cho 29 đơn vị/);
    await l.settle();
    expect(api.botMessages(-601).some((m) => /Giao Sở Y tế thực hiện|Sở Y tế/.test(m.text ?? "") && /dịch vụ công trực tuyến/.test(m.text ?? ""))).toBe(true);
    expect(api.botMessages(-602).some((m) => /dịch vụ công trực tuyến/.test(m.text ?? ""))).toBe(false); // unbound
    expect(api.botMessages(-603).some((m) => /dịch vụ công trực tuyến/.test(m.text ?? ""))).toBe(true); // the merged unit's group
    expect(api.botMessages(-604).some((m) => /dịch vụ công trực tuyến/.test(m.text ?? ""))).toBe(true); // moved with the merge

    // A name the directory does not know: the preview proposes the command that adds it.
    l.say(LEADER.id, LEADER, DISPATCH.replace("512/UBND-VP", "513/UBND-VP").replace("1. Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố rà soát", "1. Sở Ngoại vụ rà soát"));
    const unknown = await l.botSaysMatching(LEADER.id, /513\/UBND-VP/);
    expect(unknown.text).toMatch(/Chưa xác định được đơn vị: Sở Ngoại vụ/);
    expect(unknown.text).toMatch(/quản trị viên thêm vào danh mục bằng:\n\/themdonvi Sở Ngoại vụ/);
  }, 120_000);
});
