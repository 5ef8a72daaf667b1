import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { readSheetCells } from "../../src/ingest/sheet.js";
import { applyImport, planImport } from "../../src/tracking/directory-import.js";
import { impliedKinds, impliedLevel, parseSheet, parseUnitList } from "../../src/tracking/directory-sheet.js";
import { UnitDirectory } from "../../src/tracking/unit-matcher.js";
import { ADMIN, LEADER, world, type World } from "./helpers.js";

const CSV = readFileSync(new URL("../fixtures/units/ninh-binh-120.csv", import.meta.url));

let w: World;
beforeEach(async () => { w = await world(); });
afterEach(async () => { await w.db.close(); });

describe("reading a directory", () => {
  it("reads the 120-unit province sheet (.csv) with its header, aliases, kinds and levels implied by names", async () => {
    const { rows, problems } = parseSheet(await readSheetCells(CSV, "don-vi.csv"));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(120);
    expect(rows.find((r) => r.displayName === "Sở Thông tin và Truyền thông")).toMatchObject({ aliases: ["Sở TT&TT"], kinds: ["sở"], level: "tỉnh", parent: "UBND tỉnh Ninh Bình" });
    expect(rows.find((r) => r.displayName === "UBND tỉnh Ninh Bình")).toMatchObject({ aliases: ["UBND tỉnh", "Ủy ban nhân dân tỉnh"], level: "tỉnh", parent: null });
    expect(rows.find((r) => r.displayName === "UBND huyện Gia Viễn")).toMatchObject({ kinds: ["ủy ban nhân dân huyện"], level: "huyện" });
    expect(rows.find((r) => r.displayName === "Công an tỉnh")).toMatchObject({ kinds: ["ngành"], level: "tỉnh" });
  });

  it("reads a pasted list: bare names, columns by | or tab, the /themdonvi form; numbering dropped; repeats reported", () => {
    const { rows, problems } = parseUnitList([
      "1. Sở Y tế",
      "- UBND xã Ninh Hải | | | | UBND huyện Hoa Lư",
      "Phòng Tài chính - Kế hoạch\tPhòng TC-KH\t\thuyện\tUBND huyện Hoa Lư",
      "Huyện ủy Kim Sơn; bí danh: HU Kim Sơn; cấp: huyện",
      "",
      "So Y te",
    ].join("\n"));
    expect(rows.map((r) => [r.displayName, r.kinds, r.level, r.parent, r.aliases])).toEqual([
      ["Sở Y tế", ["sở"], "tỉnh", null, []],
      ["UBND xã Ninh Hải", ["ủy ban nhân dân xã"], "xã", "UBND huyện Hoa Lư", []],
      ["Phòng Tài chính - Kế hoạch", ["phòng", "phòng chuyên môn"], "huyện", "UBND huyện Hoa Lư", ["Phòng TC-KH"]],
      ["Huyện ủy Kim Sơn", ["huyện ủy"], "huyện", null, ["HU Kim Sơn"]],
    ]);
    expect(problems).toEqual([{ line: 6, code: "duplicate", name: "So Y te" }]);
  });

  it("implies kinds and levels only from head nouns it knows", () => {
    expect(impliedKinds("Ủy ban nhân dân phường Đông Thành")).toEqual(["ủy ban nhân dân phường"]);
    expect(impliedKinds("UBND Thành phố")).toEqual([]); // the city itself, not a city under a province
    expect(impliedKinds("Hội Nông dân tỉnh")).toEqual(["hội"]);
    expect(impliedKinds("Ông Nguyễn Văn A")).toEqual([]);
    expect(impliedLevel("Ban Dân tộc tỉnh")).toBe("tỉnh");
    expect(impliedLevel("Hội Nông dân")).toBeNull();
  });
});

describe("planning and applying an import", () => {
  it("adds what is new, updates what differs, leaves the rest; applying twice changes nothing more", async () => {
    const { rows } = parseUnitList([
      "Hội Chữ thập đỏ",                           // same (an alias; kinds implied = kinds held)
      "So Noi vu | Sở NV",                         // existing by folded name: gains an alias
      "UBND huyện Đông Anh | | | huyện",           // existing: gains a level
      "Sở Du lịch",                                // new
      "UBND xã Uy Nỗ | | | | UBND huyện Đông Anh", // new, under an existing unit
      "Phòng Nội vụ | | | | UBND huyện Mê Linh",   // parent unknown anywhere
    ].join("\n"));
    const plan = planImport(await w.store.directory.units(), rows);
    expect(plan.items.map((i) => [i.action, i.row.displayName, i.action === "change" ? i.fields : []])).toEqual([
      ["same", "Hội Chữ thập đỏ", []],
      ["change", "So Noi vu", ["aliases"]],
      ["change", "UBND huyện Đông Anh", ["level"]],
      ["add", "Sở Du lịch", []],
      ["add", "UBND xã Uy Nỗ", []],
      ["add", "Phòng Nội vụ", []],
    ]);
    expect(plan.unknownParents).toEqual(["UBND huyện Mê Linh"]);

    expect((await applyImport(w, { by: LEADER, plan })).code).toBe("forbidden");
    expect(await applyImport(w, { by: ADMIN, plan })).toEqual({ code: "ok", added: 3, changed: 2, same: 1 });
    const d = new UnitDirectory(await w.store.directory.units());
    expect(d.exact("Sở NV")?.displayName).toBe("Sở Nội vụ");
    expect(d.exact("UBND xã Uy Nỗ")?.parentId).toBe(w.unit("UBND huyện Đông Anh"));
    const again = planImport(await w.store.directory.units(), rows);
    expect(again.items.every((i) => i.action === "same")).toBe(true);
  });

  it("imports the 120-unit province in one plan; 'Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố' expands to its units", async () => {
    const { rows } = parseSheet(await readSheetCells(CSV, "don-vi.csv"));
    const plan = planImport(await w.store.directory.units(), rows);
    // Four of them (Sở Nội vụ, Y tế, LĐTBXH, TT&TT) are already in the directory: they gain a level and parent.
    expect(plan.items.filter((i) => i.action === "add")).toHaveLength(116);
    const changes = plan.items.filter((i) => i.action === "change");
    expect(changes).toHaveLength(4);
    for (const c of changes) expect(c.action === "change" && c.fields).toEqual(expect.arrayContaining(["level", "parent"]));
    expect(plan.unknownParents).toEqual([]);
    expect(await applyImport(w, { by: ADMIN, plan })).toMatchObject({ code: "ok", added: 116, changed: 4, same: 0 });
    const units = await w.store.directory.units();
    const byName = new Map(units.map((u) => [u.displayName, u]));
    expect(byName.get("UBND xã Gia Thành")!.parentId).toBe(byName.get("UBND thành phố Tam Điệp")!.id);

    const parsed = readDispatch(`ỦY BAN NHÂN DÂN
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

2. Báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông trước ngày 30/6/2026.
`, { refDate: "2026-03-10" });
    const names = parsed.tasks.flatMap((t) => t.assignees.map((a) => a.name));
    expect(names).toEqual(expect.arrayContaining(["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]));
    const d = new UnitDirectory(units);
    const ids = new Set(names.flatMap((n) => d.resolve(n, "lead").unitIds));
    const expected = units.filter((u) => (u.level === "tỉnh" && u.kinds.some((k) => ["sở", "ban", "ngành"].includes(k)))
      || ["ủy ban nhân dân huyện", "ủy ban nhân dân thị xã", "ủy ban nhân dân thành phố"].some((k) => u.kinds.includes(k)));
    // sở; ban; ngành (Thanh tra, Văn phòng, Công an, Quân sự); UBND huyện/thành phố; and the test world's two district UBNDs.
    expect(expected).toHaveLength(16 + 2 + 4 + 8 + 2);
    expect([...ids].sort()).toEqual(expected.map((u) => u.id).sort());
    // Not the province's newspaper, radio or the communes.
    expect(ids.has(byName.get("Báo Ninh Bình")!.id)).toBe(false);
    expect(ids.has(byName.get("UBND xã Gia Thành")!.id)).toBe(false);
  });

  it("'các phòng chuyên môn' and 'UBND các xã, phường, thị trấn' expand through kinds implied by the names", async () => {
    const { rows } = parseUnitList(["Phòng Nội vụ huyện Hoa Lư", "Phòng Tư pháp huyện Hoa Lư", "UBND xã Ninh Hải", "UBND phường Ninh Khánh", "UBND thị trấn Me"].join("\n"));
    await applyImport(w, { by: ADMIN, plan: planImport(await w.store.directory.units(), rows) });
    const d = new UnitDirectory(await w.store.directory.units());
    expect(d.resolve("các phòng chuyên môn", "lead").unitIds).toHaveLength(2);
    expect(d.resolve("UBND các xã, phường, thị trấn", "lead").unitIds).toHaveLength(3);
    // A level word that is an item of the list is not a level.
    expect(d.resolve("UBND các quận, huyện, thị xã", "lead").unitIds).toHaveLength(3);
  });
});

describe("rename, merge and retire", () => {
  it("keeps history: old names stay aliases, merged units move their chats and tasks, retired units no longer match", async () => {
    const at = w.clock.now();
    await w.store.directory.bind("telegram:-9", w.unit("Sở Nội vụ"), "Nhóm Nội vụ", ADMIN, at);
    const renamed = await w.store.directory.renameUnit(w.unit("Sở Y tế"), "Sở Y tế và Dân số", "so y te va dan so", at, ADMIN);
    expect(renamed).toMatchObject({ displayName: "Sở Y tế và Dân số", aliases: ["Sở Y tế"] });
    expect(await w.store.directory.renameUnit(w.unit("Sở Nội vụ"), "Sở Y tế và Dân số", "so y te va dan so", at, ADMIN)).toBeNull();

    const moved = await w.store.directory.mergeUnits(w.unit("Sở Nội vụ"), w.unit("Sở Lao động - Thương binh và Xã hội"), at, ADMIN);
    expect(moved).toEqual({ assignments: 0, chats: 1, people: 0 });
    let d = new UnitDirectory(await w.store.directory.units());
    expect(d.exact("Sở Nội vụ")?.displayName).toBe("Sở Lao động - Thương binh và Xã hội");
    expect(d.exact("Sở Y tế")?.displayName).toBe("Sở Y tế và Dân số");
    expect(await w.store.directory.binding("telegram:-9")).toMatchObject({ unitId: w.unit("Sở Lao động - Thương binh và Xã hội"), active: true });
    expect((await w.store.directory.allUnits()).find((u) => u.id === w.unit("Sở Nội vụ"))?.retiredAt).toBeInstanceOf(Date);

    await w.store.directory.retireUnit(w.unit("Hội Chữ thập đỏ Thành phố"), at, ADMIN);
    d = new UnitDirectory(await w.store.directory.units());
    expect(d.exact("Hội Chữ thập đỏ")).toBeUndefined();
    expect(d.resolve("Hội Chữ thập đỏ Thành phố", "lead").match).toBe("unmatched");
    // The name is free again: a new unit of that name can be added.
    await applyImport(w, { by: ADMIN, plan: planImport(await w.store.directory.units(), parseUnitList("Hội Chữ thập đỏ Thành phố").rows) });
    expect(new UnitDirectory(await w.store.directory.units()).exact("Hội Chữ thập đỏ Thành phố")).toBeDefined();
  });
});
