import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, deactivateChat } from "../../src/tracking/chat-binding.js";
import { ensureAdmins, setRole } from "../../src/tracking/roles.js";
import { UnitDirectory } from "../../src/tracking/unit-matcher.js";
import { ADMIN, LEADER, OFFICER, world, type World } from "./helpers.js";

let w: World;
beforeEach(async () => { w = await world(); });
afterEach(async () => { await w.db.close(); });

describe("bindChat", () => {
  it("binds by exact name, alias or all words; reports ambiguity and unknown names; leaders only", async () => {
    expect(await bindChat(w, { chat: "telegram:-1", by: LEADER, unitQuery: "so y te" })).toMatchObject({ code: "ok", unitName: "Sở Y tế" });
    expect(await bindChat(w, { chat: "telegram:-2", by: LEADER, unitQuery: "Sở TT&TT" })).toMatchObject({ code: "ok", unitName: "Sở Thông tin và Truyền thông" });
    expect(await bindChat(w, { chat: "telegram:-3", by: LEADER, unitQuery: "đông anh" })).toMatchObject({ code: "ok", unitName: "UBND huyện Đông Anh" });
    const amb = await bindChat(w, { chat: "telegram:-4", by: LEADER, unitQuery: "Sở" });
    expect(amb.code === "ambiguous" && amb.candidates.length).toBe(4);
    expect(await bindChat(w, { chat: "telegram:-4", by: LEADER, unitQuery: "Sở Du lịch" })).toEqual({ code: "not_found", query: "Sở Du lịch" });
    expect((await bindChat(w, { chat: "telegram:-4", by: OFFICER, unitQuery: "Sở Nội vụ" })).code).toBe("forbidden");
    // Rebinding moves the chat; removal deactivates it.
    await bindChat(w, { chat: "telegram:-1", by: LEADER, unitQuery: "Sở Nội vụ" });
    expect(await w.store.directory.binding("telegram:-1")).toMatchObject({ unitId: w.unit("Sở Nội vụ"), active: true });
    expect(await deactivateChat(w, "telegram:-1")).toBe(true);
    expect((await w.store.directory.activeBindings()).map((b) => b.chatId).sort()).toEqual(["telegram:-2", "telegram:-3"]);
  });
});

describe("roles", () => {
  it("only admins manage roles; the last admin keeps the admin role; env admins are ensured idempotently", async () => {
    expect((await setRole(w, { by: LEADER, userId: OFFICER, role: "leader", grant: true })).code).toBe("forbidden");
    expect((await setRole(w, { by: ADMIN, userId: OFFICER, role: "boss", grant: true })).code).toBe("bad_role");
    expect(await setRole(w, { by: ADMIN, userId: ADMIN, role: "admin", grant: false })).toEqual({ code: "last_admin" });
    const r = await setRole(w, { by: ADMIN, userId: OFFICER, name: "Chị Lan", role: "officer", grant: true, unitId: w.unit("Sở Y tế") });
    expect(r).toMatchObject({ code: "ok", person: { roles: ["officer"], unitId: w.unit("Sở Y tế"), name: "Chị Lan" } });
    await ensureAdmins(w, [ADMIN, "zalo:42"]);
    await ensureAdmins(w, [ADMIN, "zalo:42"]);
    expect((await w.store.directory.peopleWithRole("admin")).map((p) => p.userId).sort()).toEqual(["telegram:1", "zalo:42"]);
    expect((await setRole(w, { by: ADMIN, userId: ADMIN, role: "admin", grant: false })).code).toBe("ok");
  });
});

describe("UnitDirectory", () => {
  it("expands collectives with or without 'các', and refuses lists with an unknown member", async () => {
    const d = new UnitDirectory(await w.store.directory.units());
    const all = [w.unit("UBND quận Ba Đình"), w.unit("UBND huyện Đông Anh"), w.unit("UBND thị xã Sơn Tây")].sort();
    expect(d.resolve("UBND quận, huyện, thị xã", "coordinate").unitIds.sort()).toEqual(all);
    expect(d.resolve("Ủy ban nhân dân các quận, huyện, thị xã", "lead").unitIds.sort()).toEqual(all);
    expect(d.resolve("Các sở, ban, ngành", "lead")).toMatchObject({ match: "collective", kinds: ["sở"] });
    expect(d.resolve("Sở Y tế, Sở Nội vụ và UBND các quận", "lead").unitIds.sort()).toEqual([w.unit("Sở Y tế"), w.unit("Sở Nội vụ"), w.unit("UBND quận Ba Đình")].sort());
    expect(d.resolve("Sở Y tế, Ban Quản lý dự án", "lead").match).toBe("unmatched");
    expect(d.resolve("các tổ chức, cá nhân", "lead").match).toBe("generic");
    expect(d.resolve("Hội Chữ thập đỏ thành phố", "lead")).toMatchObject({ match: "unit", unitIds: [w.unit("Hội Chữ thập đỏ Thành phố")] });
    const guess = d.resolve("Sở Thông tin", "lead");
    expect(guess.match === "unmatched" && guess.suggestions).toEqual([w.unit("Sở Thông tin và Truyền thông")]);
  });
});
