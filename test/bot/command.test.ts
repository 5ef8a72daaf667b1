import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/bot/command.js";

describe("parseCommand", () => {
  it.each([
    ["/baocao", { name: "baocao", args: "" }],
    ["/baocao 164/KH-UBND", { name: "baocao", args: "164/KH-UBND" }],
    ["/baocao@dondoc_bot Sở Y tế", { name: "baocao", args: "Sở Y tế" }],
    ["  /DONVI   Phòng Nội vụ ", { name: "donvi", args: "Phòng Nội vụ" }],
    ["@dondoc /quahan", { name: "quahan", args: "" }],
    ["/vaitro leader 12345", { name: "vaitro", args: "leader 12345" }],
    // Issue 12: "không giao" typed with or without diacritics, in one word or two, as Zalo users type it.
    ["/khonggiao 3", { name: "khonggiao", args: "3" }],
    ["/khônggiao 3 5", { name: "khonggiao", args: "3 5" }],
    ["/không giao 3", { name: "khonggiao", args: "3" }],
    ["/Khong Giao tất cả", { name: "khonggiao", args: "tất cả" }],
    ["/khong_giao 2", { name: "khonggiao", args: "2" }],
    ["/báo cáo 164/KH-UBND", { name: "baocao", args: "164/KH-UBND" }],
    ["/xác nhận", { name: "xacnhan", args: "" }],
    ["/bo sung 3", { name: "bo", args: "sung 3" }],
  ])("%s", (text, expected) => {
    expect(parseCommand(text, "dondoc_bot")).toEqual(expected);
  });

  it.each(["đã xong", "xong 2", "/khongco", "/khong co 3", "/không", "/baocao@other_bot", "http://x/baocao", ""])("not ours: %s", (text) => {
    expect(parseCommand(text, "dondoc_bot")).toBeNull();
  });
});
