// Confidence marks from the reader's real output: what the leader is told to check in the preview.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { translator } from "../../src/i18n.js";
import { renderPreview } from "../../src/bot/features/preview.js";
import { itemMarks, secrecyStamp } from "../../src/tracking/confidence.js";
import { editDraft } from "../../src/tracking/edit-draft.js";
import { ingestDraft, numberKey } from "../../src/tracking/ingest-draft.js";
import { UnitDirectory } from "../../src/tracking/unit-matcher.js";
import { LEADER, world, type World } from "./helpers.js";

let w: World;
beforeEach(async () => { w = await world(); });
afterEach(async () => { await w.db.close(); });

const HEADER = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 78/UBND-VP
V/v rà soát thủ tục

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 10 tháng 3 năm 2026
`;
const DISPATCH = `${HEADER}
Kính gửi: Sở Nội vụ; Sở Y tế.

1. Các đơn vị rà soát danh mục thủ tục hành chính, hoàn thành trong 5 ngày làm việc kể từ ngày nhận văn bản.
2. Sở Nôi vu chủ trì tổng hợp, hoàn thành trước ngày 30/4/2026.
3. Sở Y tế chủ trì kiểm tra cơ sở khám bệnh, hoàn thành trước ngày 15/4/2026.
`;
const BORROWED = [
  "ỦY BAN NHÂN DÂN", "HUYỆN BẢO LÂM", "Số: 12/KH-UBND", "Bảo Lâm, ngày 10 tháng 5 năm 2024", "KẾ HOẠCH", "Tổ chức Tuần lễ văn hóa dân gian năm 2024",
  "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức của Nhân dân.", "II. NỘI DUNG",
  "1. Lễ khai mạc cấp huyện: vào lúc 07 giờ 30 phút ngày 01/6/2024 tại Nhà Văn hóa huyện.", "III. TỔ CHỨC THỰC HIỆN",
  "1. Sở Y tế chuẩn bị âm thanh, ánh sáng phục vụ Lễ khai mạc cấp huyện.",
].join("\n");

describe("confidence marks", () => {
  it("marks what the reader guessed: Kính gửi assignees, unresolved working days, approximate names, borrowed deadlines", async () => {
    const units = new Map((await w.store.directory.units()).map((u) => [u.id, u]));
    const directory = new UnitDirectory([...units.values()]);
    const marksOf = (text: string, refDate: string, ocr = false) => readDispatch(text, { refDate }).tasks.filter((t) => t.assignees.length > 0)
      .map((t) => [t.ref, itemMarks(t, t.assignees.map((a) => directory.resolve(a.name, a.role)), units, ocr)]);
    expect(marksOf(DISPATCH, "2026-03-10")).toEqual([
      ["1", ["implicit", "working_days"]],
      ["2", ["similar_name"]],
      ["3", []],
    ]);
    expect(marksOf(BORROWED, "2024-01-01")).toEqual([["III.1", ["deadline_elsewhere"]]]);
    expect(marksOf(DISPATCH, "2026-03-10", true).map(([, m]) => (m as string[]).includes("ocr"))).toEqual([true, true, true]);
  });

  it("shows them in the preview, once per item, and an edit clears what it settles", async () => {
    const parsed = readDispatch(DISPATCH, { refDate: "2026-03-10" });
    const result = await ingestDraft(w, { parsed, forwardedBy: LEADER, rawText: DISPATCH });
    if (result.code !== "ok") throw new Error(result.code);
    const t = translator("vi");
    const text = renderPreview(result.draft, result.unmatched, t).text;
    // "trong 5 ngày làm việc kể từ ngày nhận" is counted on the office calendar at intake (issue 12): from Monday
    // 05/06/2023 (the world's clock) to Monday 12/06/2023, so "working_days" is no longer a guess to check.
    expect(text).toContain("⏰ Hạn: 12/06/2023\n   🔎 cần kiểm tra: giao theo Kính gửi (mục không nêu đơn vị)\n");
    expect(text).not.toContain("chưa quy ra ngày cụ thể");
    expect(text).toContain("   🔎 cần kiểm tra: tên đơn vị khớp gần đúng (khác dấu/cách viết)");
    expect(text.match(/🔎/g)).toHaveLength(2);
    await editDraft(w, { dispatchId: result.draft.id, by: LEADER, edit: { type: "set-deadline", seq: 1, date: "2026-03-17" } });
    await editDraft(w, { dispatchId: result.draft.id, by: LEADER, edit: { type: "set-assignees", seq: 2, assignees: [{ name: "Sở Nội vụ", role: "lead" }] } });
    const after = renderPreview((await w.store.dispatches.draft(result.draft.id))!, [], t).text;
    expect(after).toContain("   🔎 cần kiểm tra: giao theo Kính gửi (mục không nêu đơn vị)\n");
    expect(after.match(/🔎/g)).toHaveLength(1);
  });

  it("recognises typed secrecy stamps, and refuses the dispatch", async () => {
    expect(secrecyStamp("ỦY BAN NHÂN DÂN\nĐỘ MẬT: Mật\n")).toBe("MẬT");
    expect(secrecyStamp("Độ mật: Tối mật")).toBe("TỐI MẬT");
    expect(secrecyStamp("Mức độ mật - Tuyệt mật")).toBe("TUYỆT MẬT");
    expect(secrecyStamp("Bảo đảm bí mật thông tin cá nhân")).toBeNull();
    expect(secrecyStamp("Độ mật của hồ sơ phải được bảo đảm")).toBeNull();
    const stamped = DISPATCH.replace("Số: 78/UBND-VP", "Số: 78/UBND-VP\nĐỘ MẬT: Mật");
    expect(readDispatch(stamped, { refDate: "2026-03-10" }).doc.secrecy).toBeNull(); // the reader's header misses it
    expect(await ingestDraft(w, { parsed: readDispatch(stamped, { refDate: "2026-03-10" }), forwardedBy: LEADER, rawText: stamped })).toEqual({ code: "secret", secrecy: "MẬT" });
  });
});

describe("number keys", () => {
  it("fold spaces and the dash a header was typed with", () => {
    expect(numberKey("4144 /GDĐT – VP")).toBe(numberKey("4144/GDĐT-VP"));
    expect(numberKey("4144/GDĐT-VP")).not.toBe(numberKey("4145/GDĐT-VP"));
  });
});
