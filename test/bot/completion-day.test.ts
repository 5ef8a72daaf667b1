import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, LEADER, OFFICER } from "../tracking/helpers.js";
import { dispatch88 } from "../fixtures/dispatch-88.js";
import { botWorld, buttonsOf, textOf, type BotWorld } from "./helpers.js";

// Completion days are office days (Asia/Ho_Chi_Minh): a report at 06:30 on 6 June in Hà Nội is 23:30 UTC on 5 June.
describe("the day a completion is shown with", () => {
  let w: BotWorld;
  beforeEach(async () => { w = await botWorld(); });
  afterEach(async () => w.db.close());

  it("is the Vietnamese calendar day, not the UTC one", async () => {
    await w.message("telegram:-101", ADMIN, "/donvi Sở Y tế");
    await w.message(LEADER, LEADER, dispatch88(1));
    const preview = (await w.deliver()).find((i) => textOf(i).includes("XEM TRƯỚC"))!;
    await w.press(LEADER, LEADER, preview.messageId, buttonsOf(preview).find((d) => d.startsWith("confirm:"))!);
    const post = (await w.deliver()).find((i) => i.chat === "telegram:-101")!;

    w.clock.set(new Date("2023-06-05T23:30:00Z"));
    await w.message("telegram:-101", OFFICER, "đã xong", { replyTo: { messageId: post.messageId, fromBot: true } });
    const edit = (await w.deliver()).find((i) => i.payload.op === "edit")!;
    expect(textOf(edit)).toMatch(/Đã hoàn thành 06\/06\/2023/);

    await w.message("telegram:-101", OFFICER, "xong rồi", { replyTo: { messageId: post.messageId, fromBot: true } });
    expect((await w.deliver()).map(textOf).join("\n")).toMatch(/06\/06\/2023/);
  });
});
