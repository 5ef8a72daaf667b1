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
  ])("%s", (text, expected) => {
    expect(parseCommand(text, "dondoc_bot")).toEqual(expected);
  });

  it.each(["đã xong", "xong 2", "/khongco", "/baocao@other_bot", "http://x/baocao", ""])("not ours: %s", (text) => {
    expect(parseCommand(text, "dondoc_bot")).toBeNull();
  });
});
