// Issue 10: a batch of updates fetched just before a crash is not lost. dondoc runs in a child process against the
// fake Bot API; it fetches a batch of 20 updates (a command confirming a draft, replies, button presses, reports) and
// is SIGKILLed after Telegram counts them delivered (the next getUpdates offset) but before it handled any. After a
// restart every one of them is handled exactly once.
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import type { TgMessage, TgUpdate } from "../fakes/bot-api-server.js";
import { ADMIN, buttonData, LEADER, type Loop, OFFICER, OFFICER2, SECRETARY, startLoop } from "./harness.js";

const doneButtons = (post: Parameters<typeof buttonData>[0]) => buttonData(post).filter((d) => d.startsWith("done:"));

const NOW = "2023-06-05T02:00:00Z";
const dispatch = (number: string, subject: string) => `ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: ${number}
V/v ${subject}

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 05 tháng 6 năm 2023

1. Sở Tài chính chủ trì tổng hợp quyết toán ngân sách năm 2022, hoàn thành trước ngày 30/6/2023.
2. Sở Y tế chủ trì rà soát kinh phí phòng, chống dịch, hoàn thành trước ngày 30/6/2023.
3. Sở Tài chính chủ trì thẩm định dự toán bổ sung, hoàn thành trước ngày 30/7/2023.
4. Sở Y tế chủ trì báo cáo tình hình tiêm chủng, hoàn thành trước ngày 30/7/2023.
5. Sở Tài chính chủ trì rà soát tài sản công, hoàn thành trước ngày 30/8/2023.
6. Sở Y tế chủ trì kiểm tra an toàn thực phẩm, hoàn thành trước ngày 30/8/2023.
`;
const FINANCE = -501;
const HEALTH = -502;

let loop: Loop | undefined;
const children = new Set<ChildProcess>();
afterEach(async () => {
  for (const child of children) child.kill("SIGKILL");
  children.clear();
  await loop?.close().catch(() => {});
  loop = undefined;
});

function forkBot(l: Loop, hold: boolean): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL("./crash-child.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: l.databaseUrl,
      TELEGRAM_BOT_TOKEN: l.api.token,
      TELEGRAM_API_ROOT: l.api.apiRoot,
      ADMIN_TELEGRAM_IDS: String(ADMIN.id),
      FILES_DIR: join(l.dir, "files"),
      DONDOC_NOW: NOW,
      DONDOC_HOLD_INBOUND: hold ? "1" : "0",
    },
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`bot child exited with ${code} before starting`)));
  });
}

const ask = (child: ChildProcess, cmd: string) =>
  new Promise<void>((resolve) => {
    child.once("message", () => resolve());
    child.send({ cmd });
  });

describe("a crash between fetching updates and handling them", () => {
  it("SIGKILL after a batch of 20 updates was fetched: after the restart each is handled exactly once", async () => {
    loop = await startLoop({ at: NOW });
    const l = loop;
    const { api } = l;
    api.group(FINANCE, "Nhóm Sở Tài chính");
    api.group(HEALTH, "Nhóm Sở Y tế");
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Tài chính; loại: sở");
    l.say(ADMIN.id, ADMIN, "/themdonvi Sở Y tế; loại: sở");
    l.say(ADMIN.id, ADMIN, `/vaitro lãnh đạo ${LEADER.id}`);
    l.say(ADMIN.id, ADMIN, `/vaitro văn thư ${SECRETARY.id}`);
    await l.botSaysMatching(ADMIN.id, /vai trò văn thư cho telegram:1003/);
    l.say(FINANCE, ADMIN, "/donvi Sở Tài chính");
    await l.botSaysMatching(FINANCE, /Đã gắn nhóm chat này với Sở Tài chính/);
    l.say(HEALTH, ADMIN, "/donvi Sở Y tế");
    await l.botSaysMatching(HEALTH, /Đã gắn nhóm chat này với Sở Y tế/);

    // Dispatch A is confirmed and posted (three tasks per group); dispatch B waits as the leader's draft.
    l.say(LEADER.id, LEADER, dispatch("89/UBND-TC", "quyết toán ngân sách năm 2022"));
    const preview = await l.botSaysMatching(LEADER.id, /XEM TRƯỚC.*89\/UBND-TC/s);
    await l.press(LEADER.id, LEADER, preview, buttonData(preview).find((d) => d.startsWith("confirm:"))!);
    await l.botSaysMatching(LEADER.id, /Đã giao 6 nhiệm vụ cho 2 đơn vị/);
    const postA = new Map<number, TgMessage>();
    for (const chat of [FINANCE, HEALTH]) postA.set(chat, await l.botSaysMatching(chat, /thực hiện:/));
    l.say(LEADER.id, LEADER, dispatch("90/UBND-TC", "kiểm tra giữa năm 2023"));
    await l.botSaysMatching(LEADER.id, /XEM TRƯỚC.*90\/UBND-TC/s);
    await l.settle();
    await l.app.stop();

    // The batch: 20 updates waiting for dondoc's next getUpdates.
    const before = new Map([ADMIN, LEADER, SECRETARY, OFFICER, OFFICER2].map((u) => [u.id, api.botMessages(u.id).length]));
    const batch: TgUpdate[] = [l.say(LEADER.id, LEADER, "/xacnhan")];
    const presses: string[] = [];
    for (const chat of [FINANCE, HEALTH]) {
      const post = postA.get(chat)!;
      expect(doneButtons(post)).toHaveLength(3); // ✅ per task (issue 12 adds 🕘/⏳ rows)
      batch.push(l.say(chat, OFFICER, "xong 1", post.message_id));
      batch.push(l.say(chat, OFFICER2, "đã hoàn thành 2", post.message_id));
      const press = api.updates.callback({ chat, from: OFFICER, messageId: post.message_id, data: doneButtons(post)[2]! });
      presses.push(press.callback_query!.id);
      batch.push(press);
    }
    for (const cmd of ["/baocao", "/quahan", "/chuabaocao", "/baocao 89/UBND-TC", "/baocao Sở Y tế"]) batch.push(l.say(SECRETARY.id, SECRETARY, cmd));
    batch.push(l.say(ADMIN.id, ADMIN, "/danhsachdonvi"));
    for (const u of [ADMIN, LEADER, SECRETARY, OFFICER, OFFICER2]) batch.push(l.say(u.id, u, "/help"));
    batch.push(l.say(OFFICER.id, OFFICER, "/start"), l.say(OFFICER2.id, OFFICER2, "/start"));
    expect(batch).toHaveLength(20);
    const lastId = batch.at(-1)!.update_id;

    // dondoc fetches the batch, cannot handle it yet, asks for the next one (Telegram now forgets the batch) and dies.
    const first = await forkBot(l, true);
    const calls = api.callsOf("getUpdates").length;
    await api.waitFor(
      () => api.callsOf("getUpdates").slice(calls).some((c) => Number(c.params.offset) > lastId),
      20_000,
      "dondoc to confirm the batch",
    );
    expect(api.pendingUpdates).toBe(0);
    const killed = new Promise((resolve) => first.once("exit", resolve));
    first.kill("SIGKILL");
    await killed;
    children.delete(first);

    // Restarted, it handles every update of the batch exactly once.
    const second = await forkBot(l, false);
    await ask(second, "idle");
    await new Promise((r) => setTimeout(r, 300));
    await ask(second, "idle");

    const db = await openDatabase(l.databaseUrl);
    try {
      const count = async (sql: string) => Number(await db.sql.value(sql));
      // The /xacnhan: dispatch B confirmed once, its tasks posted once to each group.
      expect(await count(`SELECT count(*) FROM "Dispatch" WHERE status = 'confirmed'`)).toBe(2);
      for (const chat of [FINANCE, HEALTH]) {
        expect(api.botMessages(chat).filter((m) => /90\/UBND-TC/.test(m.text ?? "")), `posts of B in ${chat}`).toHaveLength(1);
      }
      // The replies and presses: every task of dispatch A closed, each by one completion.
      expect(await count(`SELECT count(*) FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Dispatch" d ON d.id = t."dispatchId" WHERE d.number = '89/UBND-TC' AND a.status = 'done'`)).toBe(6);
      expect(await count(`SELECT count(*) FROM "Task" t JOIN "Dispatch" d ON d.id = t."dispatchId" WHERE d.number = '89/UBND-TC' AND t.status = 'done'`)).toBe(6);
      // Every update is recorded as handled; nothing is left to replay.
      const handled = (await db.sql.rows<[string]>(`SELECT id FROM "ProcessedEvent"`)).map((r) => r[0]);
      for (const u of batch) expect(handled, `update ${u.update_id}`).toContain(`telegram:update:${u.update_id}`);
      expect(await count(`SELECT count(*) FROM "InboundUpdate"`)).toBe(0);
    } finally {
      await db.close();
    }
    // Each command answered exactly once: one new message per command in each private chat (none lost, none doubled).
    const answers = (id: number) => api.botMessages(id).length - before.get(id)!;
    expect(answers(SECRETARY.id)).toBe(6); // five reports + /help
    expect(answers(ADMIN.id)).toBe(2); // /danhsachdonvi + /help
    expect(answers(OFFICER.id)).toBe(2); // /help + /start
    expect(answers(OFFICER2.id)).toBe(2);
    expect(answers(LEADER.id)).toBe(2); // "Đã giao …" + /help
    const stopped = new Promise((resolve) => second.once("exit", resolve));
    second.send({ cmd: "stop" });
    await stopped;
    children.delete(second);
  }, 60_000);
});
