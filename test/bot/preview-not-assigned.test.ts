// Issue 12, the pure parts of "không giao": the typed numbers, the buttons and their typed form on Zalo.
import { describe, expect, it } from "vitest";
import { parseNotAssigned } from "../../src/bot/features/draft-edit.js";
import { notAssignedButtons } from "../../src/bot/features/preview.js";
import { typedReplyFor } from "../../src/bot/features/zalo-hints.js";
import { translator } from "../../src/i18n.js";

describe("/khonggiao arguments", () => {
  it.each([
    ["3", [3]],
    ["#3", [3]],
    ["3 5 7", [3, 5, 7]],
    ["3, 5; 7", [3, 5, 7]],
    ["3 3", [3]],
    ["tất cả", "all"],
    ["tat ca", "all"],
    ["Hết", "all"],
  ])("%s", (args, expected) => {
    expect(parseNotAssigned(args)).toEqual(expected);
  });

  it.each(["", "ba", "3 Sở Y tế", "mục 3"])("unreadable: %s", (args) => {
    expect(parseNotAssigned(args)).toBeNull();
  });
});

describe("'không giao' buttons", () => {
  const t = translator("vi");
  it("one per item, three a row, at most twelve, then one for all; typed on Zalo as /khonggiao <item> | tất cả", () => {
    const rows = notAssignedButtons(7, Array.from({ length: 14 }, (_, i) => ({ seq: i + 1 })), t);
    expect(rows.map((r) => r.length)).toEqual([3, 3, 3, 3, 1]);
    expect(rows[0]![0]).toEqual({ label: "🚫 Không giao 1", data: "ng:7:1" });
    expect(rows[4]![0]).toEqual({ label: "🚫 Không giao cả 14 mục", data: "ng:7:all" });
    expect(rows.flat().map((b) => typedReplyFor(b))).toEqual([...Array.from({ length: 12 }, (_, i) => `/khonggiao ${i + 1}`), "/khonggiao tất cả"]);
    // One item: its button only.
    expect(notAssignedButtons(7, [{ seq: 3 }], t)).toEqual([[{ label: "🚫 Không giao 3", data: "ng:7:3" }]]);
    expect(notAssignedButtons(7, [], t)).toEqual([]);
  });
});
