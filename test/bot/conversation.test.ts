import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/index.js";
import { setRole } from "../../src/tracking/roles.js";
import { dispatch88 } from "../fixtures/dispatch-88.js";
import { ADMIN, LEADER, OFFICER, STRANGER } from "../tracking/helpers.js";
import { botWorld, buttonsOf, textOf, type BotWorld } from "./helpers.js";

const SECRETARY = "telegram:5";
const DISPATCH = dispatch88(3);

describe("conversation: from a forwarded dispatch to the secretary's report", () => {
  let w: BotWorld;
  beforeEach(async () => {
    w = await botWorld();
    await setRole(w, { by: ADMIN, userId: SECRETARY, role: "secretary", grant: true });
  });
  afterEach(async () => w.db.close());

  it("binds groups, previews, confirms, posts to each unit group, records replies, reports counts", async () => {
    const groups: Record<string, string> = {
      "Sở Y tế": "telegram:-101", "Sở Nội vụ": "telegram:-102", "Sở Thông tin và Truyền thông": "telegram:-103",
    };
    for (const [unit, chat] of Object.entries(groups)) await w.message(chat, ADMIN, `/donvi ${unit}`);
    const bound = await w.deliver();
    expect(bound.map(textOf).every((t) => t.startsWith("Đã gắn nhóm chat này với"))).toBe(true);

    await w.message(LEADER, LEADER, DISPATCH);
    const [preview] = await w.deliver();
    expect(textOf(preview!)).toMatch(/XEM TRƯỚC/);
    expect(textOf(preview!)).toMatch(/88\/UBND-VX/);
    expect(textOf(preview!)).toMatch(/Chủ trì: Sở Y tế/);
    const confirm = buttonsOf(preview!).find((d) => d.startsWith("confirm:"))!;
    expect(confirm).toBeDefined();

    expect(await w.press(LEADER, LEADER, preview!.messageId, confirm)).toHaveLength(1);
    const sent = await w.deliver();
    const byChat = new Map(sent.map((s) => [s.chat, s]));
    expect(textOf(byChat.get("telegram:-101")!)).toMatch(/tổ chức kiểm tra công tác phòng dịch/);
    expect(textOf(byChat.get("telegram:-102")!)).toMatch(/Đơn vị chủ trì: Sở Y tế — đơn vị phối hợp: Sở Nội vụ/); // issue 12
    expect(textOf(byChat.get("telegram:-103")!)).toMatch(/tuyên truyền/);
    // The leader hears which assigned unit has no group (Sở LĐTBXH).
    expect(textOf(byChat.get(LEADER)!)).toMatch(/chưa có nhóm chat.*Lao động/s);

    // An officer replies without diacritics: the lead unit's task closes and the post's status block is edited.
    const post = byChat.get("telegram:-101")!;
    await w.message("telegram:-101", OFFICER, "da xong", { replyTo: { messageId: post.messageId, fromBot: true } });
    const acks = await w.deliver();
    expect(acks).toHaveLength(2);
    expect(acks[0]!.payload.op).toBe("edit");
    expect(textOf(acks[0]!)).toMatch(/✅ Đã hoàn thành/);
    // …and a short visible answer in the group (issue 10).
    expect(acks[1]!.payload.op).toBe("send");
    expect(textOf(acks[1]!)).toMatch(/^✅ Đã ghi nhận .* hoàn thành nhiệm vụ/);

    // Button press in another group.
    const post3 = byChat.get("telegram:-103")!;
    const done = buttonsOf(post3).find((d) => d.startsWith("done:"))!;
    expect(await w.press("telegram:-103", OFFICER, post3.messageId, done)).toEqual(["✅ Đã ghi nhận hoàn thành."]);

    // An exhortation is never a completion.
    await w.message("telegram:-102", OFFICER, "đề nghị các đơn vị khẩn trương hoàn thành", { replyTo: { messageId: byChat.get("telegram:-102")!.messageId, fromBot: true } });
    await w.deliver();

    await w.message(SECRETARY, SECRETARY, "/baocao 88/UBND-VX");
    const report = (await w.deliver()).map(textOf).join("\n");
    expect(report).toMatch(/Tổng số: 3 nhiệm vụ/);
    expect(report).toMatch(/Hoàn thành đúng hạn: 1/);
    expect(report).toMatch(/Đang thực hiện \(trong hạn\): 1/);
    expect(report).toMatch(/\+ Hoàn thành: 1/);
  });

  it("status edits of a multi-task post replace the status block instead of stacking them", async () => {
    await w.message("telegram:-101", ADMIN, "/donvi Sở Y tế");
    await w.deliver();
    const two = DISPATCH.replace("2. Sở Thông tin và Truyền thông chủ trì", "2. Sở Y tế chủ trì");
    await w.message(LEADER, LEADER, two);
    const [preview] = await w.deliver();
    await w.press(LEADER, LEADER, preview!.messageId, buttonsOf(preview!).find((d) => d.startsWith("confirm:"))!);
    const post = (await w.deliver()).find((s) => s.chat === "telegram:-101")!;
    const doneOf = (item: Parameters<typeof buttonsOf>[0]) => buttonsOf(item).filter((d) => d.startsWith("done:")); // issue 12 adds 🕘/⏳ rows
    expect(doneOf(post)).toHaveLength(2);
    // Telegram hands each reply the task message as currently shown: the second one already has a status block.
    await w.message("telegram:-101", OFFICER, "xong 2", { replyTo: { messageId: post.messageId, fromBot: true, text: textOf(post) } });
    const [first] = await w.deliver();
    expect(textOf(first!)).toMatch(/— Tình trạng —\n1\. ⏳ Đang thực hiện\n2\. ✅ Đã hoàn thành/);
    expect(doneOf(first!)).toEqual([doneOf(post)[0]]);
    await w.message("telegram:-101", OFFICER, "xong 1", { replyTo: { messageId: post.messageId, fromBot: true, text: textOf(first!) } });
    const [second] = await w.deliver();
    expect(textOf(second!).split("— Tình trạng —")).toHaveLength(2);
    expect(textOf(second!)).toMatch(/1\. ✅ Đã hoàn thành.*\n2\. ✅ Đã hoàn thành/);
    expect(textOf(second!).startsWith(textOf(post))).toBe(true);
    expect(doneOf(second!)).toEqual([]);
  });

  it("a status edit of a long post with many notes stays under Telegram's 4,096 characters", async () => {
    await w.message("telegram:-101", ADMIN, "/donvi Sở Y tế");
    await w.deliver();
    const filler = "rà soát, tổng hợp, đánh giá tình hình thực hiện các chỉ tiêu về y tế dự phòng tại các cơ sở trên địa bàn";
    const items = Array.from({ length: 16 }, (_, i) => `${i + 1}. Sở Y tế chủ trì ${filler} (phần ${i + 1}), hoàn thành trước ngày 20/6/2023.`);
    await w.message(LEADER, LEADER, DISPATCH.replace(/\n1\.[\s\S]*$/, `\n${items.join("\n")}\n`));
    const [preview] = await w.deliver();
    expect(textOf(preview!)).toMatch(/16 nhiệm vụ/);
    await w.press(LEADER, LEADER, preview!.messageId, buttonsOf(preview!).find((d) => d.startsWith("confirm:"))!);
    const post = (await w.deliver()).find((s) => s.chat === "telegram:-101")!;
    const shown = textOf(post);
    expect(buttonsOf(post).length).toBeGreaterThan(12); // many tasks in one message: many status lines
    const note = `đang thực hiện: ${"đã hoàn thành khảo sát 12 cơ sở, đang tổng hợp số liệu ".repeat(4)}`;
    await w.message("telegram:-101", OFFICER, note, { replyTo: { messageId: post.messageId, fromBot: true, text: shown } });
    const [edit] = await w.deliver();
    expect(edit!.payload.op).toBe("edit");
    expect(textOf(edit!).length).toBeLessThanOrEqual(4096);
    expect(textOf(edit!).startsWith(shown)).toBe(true);
    expect(textOf(edit!)).toMatch(/— Tình trạng —\n1\. ⏳ Đang thực hiện/);
  });

  it("refuses strangers, explains what to do, and never ingests their text", async () => {
    await w.message(STRANGER, STRANGER, DISPATCH);
    const out = await w.deliver();
    expect(out.map(textOf).join()).toMatch(/chưa được cấp vai trò.*telegram:99/);
    await w.message(STRANGER, STRANGER, "/baocao");
    expect(textOf((await w.deliver())[0]!)).toMatch(/Chỉ văn thư, lãnh đạo/);
  });

  it("processes a redelivered update once", async () => {
    const event = {
      kind: "message" as const, eventId: "telegram:update:7", chat: "telegram:-101", chatType: "group" as const,
      messageId: "m1", sender: { id: ADMIN, name: "a" }, text: "/donvi Sở Y tế", attachments: [], at: w.clock.now(),
    };
    await w.bot.handle(event);
    await w.bot.handle(event);
    expect(await w.deliver()).toHaveLength(1);
    // Redelivered after a restart (a new process has no memory of it): still answered once.
    await createBot(w.deps).handle({ ...event });
    expect(await w.deliver()).toHaveLength(0);
  });

  it("a pasted dispatch split into several messages is read as one", async () => {
    const half = DISPATCH.indexOf("2. Sở Thông tin");
    await w.message(LEADER, LEADER, DISPATCH.slice(0, half));
    await w.message(LEADER, LEADER, DISPATCH.slice(half));
    const out = await w.deliver();
    expect(out).toHaveLength(1);
    expect(textOf(out[0]!)).toMatch(/3 nhiệm vụ/);
  });

  it("the leader's draft survives a restart: an edit after it still finds the newest draft", async () => {
    await w.message(LEADER, LEADER, DISPATCH);
    const [preview] = await w.deliver();
    expect(textOf(preview!)).toMatch(/XEM TRƯỚC \(mã #(\d+)\)/);
    // A new conversation layer on the same database, as after a process restart.
    const again = createBot(w.deps);
    await again.handle({
      kind: "message", eventId: "test:restart-bo", chat: LEADER, chatType: "private", messageId: "r1",
      sender: { id: LEADER, name: "l" }, text: "/bo 2", attachments: [], at: w.clock.now(),
    });
    const [edited] = await w.deliver();
    expect(textOf(edited!)).toMatch(/2\. \[2\] \(đã bỏ\)/);
    expect(textOf(edited!)).toMatch(/XEM TRƯỚC/);
    // Once confirmed, there is no draft left to edit.
    await w.press(LEADER, LEADER, edited!.messageId, buttonsOf(edited!).find((d) => d.startsWith("confirm:"))!);
    await w.deliver();
    await w.message(LEADER, LEADER, "/bo 1");
    expect(textOf((await w.deliver())[0]!)).toBe("Không có văn bản nào đang chờ xác nhận. Hãy gửi văn bản trước.");
  });

  it("a secret dispatch is refused with the reason and nothing is stored", async () => {
    await w.message(LEADER, LEADER, DISPATCH.replace("Số: 88/UBND-VX", "Số: 88/UBND-VX\nMẬT"));
    const out = await w.deliver();
    expect(textOf(out[0]!)).toMatch(/MẬT/);
    expect(await w.store.reports.rows({ kind: "all" })).toHaveLength(0);
  });
});
