// Issue 10: every update is written down before Telegram learns it arrived. Long polling: the next getUpdates (which
// confirms the batch) waits for the journal. Webhook: the 200 waits for it, and a failed write answers 500 so Telegram
// delivers the update again. At start-up, updates a crash left unhandled are replayed, oldest first.
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramAdapter, type TelegramAdapter } from "../../../src/adapters/telegram/index.js";
import type { Inbound } from "../../../src/chat/port.js";
import { FakeBotApi } from "../../fakes/bot-api-server.js";
import { UpdateFactory } from "../../fakes/bot-api/update-factory.js";
import { memoryJournal } from "../../fakes/memory-journal.js";

const person = UpdateFactory.user(2101, "Người", "Dùng");
let api: FakeBotApi | undefined;
let adapter: TelegramAdapter | undefined;
afterEach(async () => {
  await adapter?.stop(1000);
  await api?.close();
  adapter = undefined;
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe("the inbound journal", () => {
  it("long polling: the batch is confirmed (next getUpdates offset) only after it is written down", async () => {
    api = await FakeBotApi.start();
    api.privateChat(person);
    const { journal, entries, recorded } = memoryJournal();
    const seen: Inbound[] = [];
    adapter = createTelegramAdapter({ token: api.token, apiRoot: api.apiRoot }, { onInbound: async (e) => void seen.push(e), journal });
    journal.hold();
    const update = api.updates.text({ chat: person.id, from: person, text: "/start" });
    await adapter.start();
    await api.waitFor(() => api!.pendingUpdates === 0, 10_000, "the update to be fetched");
    await new Promise((r) => setTimeout(r, 200));
    // Not written yet: no getUpdates has confirmed it, and it was not handed to the core.
    expect(api.callsOf("getUpdates").some((c) => Number(c.params.offset) > update.update_id)).toBe(false);
    expect(seen).toEqual([]);
    journal.release();
    await api.waitFor(() => api!.callsOf("getUpdates").some((c) => Number(c.params.offset) > update.update_id), 10_000, "the confirming getUpdates");
    await adapter.idle();
    expect(recorded).toEqual([`telegram:update:${update.update_id}`]);
    expect(seen.map((e) => e.eventId)).toEqual([`telegram:update:${update.update_id}`]);
    expect(entries.size).toBe(0); // handled: forgotten
  });

  it("a chat's updates are handled in their order even when their journal writes finish in another (PostgreSQL runs them at once)", async () => {
    api = await FakeBotApi.start();
    api.privateChat(person);
    const { journal } = memoryJournal();
    // The first update's write takes longest, the last one's is quickest: a batch's writes finishing in reverse order.
    let pending = 5;
    const record = journal.record.bind(journal);
    journal.record = async (entry) => {
      await new Promise((r) => setTimeout(r, 40 * pending--));
      await record(entry);
    };
    const seen: string[] = [];
    adapter = createTelegramAdapter({ token: api.token, apiRoot: api.apiRoot }, { onInbound: async (e) => void seen.push(e.eventId), journal });
    const updates = ["/themdonvi A", "/themdonvi B", "/themdonvi C", "/vaitro lãnh đạo 1", "/help"].map((text) => api!.updates.text({ chat: person.id, from: person, text }));
    await adapter.start();
    await api.waitFor(() => seen.length === updates.length, 10_000, "every update handled");
    expect(seen).toEqual(updates.map((u) => `telegram:update:${u.update_id}`));
  });

  it("replays at start-up what a crash left unhandled, before new updates, and gives up an update after 3 replays", async () => {
    api = await FakeBotApi.start();
    api.privateChat(person);
    const { journal, entries } = memoryJournal();
    // Written down by the process that died, never handled; Telegram already forgot it (it is not in the fake's queue).
    const lost = { update_id: 501, message: { message_id: 9, date: 0, chat: { id: person.id, type: "private" }, from: person, text: "/xacnhan" } };
    entries.set(`telegram:update:${lost.update_id}`, { payload: JSON.stringify(lost), replays: 0 });
    entries.set("telegram:update:999999", { payload: JSON.stringify({ ...lost, update_id: 999999 }), replays: 3 });
    const seen: string[] = [];
    adapter = createTelegramAdapter({ token: api.token, apiRoot: api.apiRoot }, {
      onInbound: async (e) => void seen.push(e.kind === "message" ? `${e.eventId} ${e.text}` : e.eventId),
      journal,
      onError: () => {},
    });
    const fresh = api.updates.text({ chat: person.id, from: person, text: "/help" });
    await adapter.start();
    await api.waitFor(() => seen.length === 2, 10_000, "the replayed and the new update");
    await adapter.idle();
    expect(seen).toEqual([`telegram:update:${lost.update_id} /xacnhan`, `telegram:update:${fresh.update_id} /help`]);
    expect(seen.filter((s) => s.startsWith("telegram:update:999999"))).toEqual([]);
    expect(entries.size).toBe(0);
  });

  it("webhook: answers 200 only once the update is written down, 500 when it cannot be", async () => {
    api = await FakeBotApi.start();
    const port = await freePort();
    const { journal } = memoryJournal();
    const seen: string[] = [];
    adapter = createTelegramAdapter(
      { token: api.token, apiRoot: api.apiRoot, webhook: { url: `http://127.0.0.1:${port}/hook`, port, host: "127.0.0.1", secretToken: "s3cret" } },
      { onInbound: async (e) => void seen.push(e.eventId), journal, onError: () => {} },
    );
    await adapter.start();
    const post = (update: object) =>
      fetch(`http://127.0.0.1:${port}/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret" },
        body: JSON.stringify(update),
      });
    const update = { update_id: 77, message: { message_id: 1, date: 0, chat: { id: person.id, type: "private" }, from: person, text: "/start" } };

    journal.hold();
    let answered = false;
    const response = post(update).then((r) => {
      answered = true;
      return r.status;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    journal.release();
    expect(await response).toBe(200);
    await adapter.idle();
    expect(seen).toEqual(["telegram:update:77"]);

    journal.fail = true;
    expect(await post({ ...update, update_id: 78 }).then((r) => r.status)).toBe(500);
    await adapter.idle();
    expect(seen).toEqual(["telegram:update:77"]); // Telegram will deliver 78 again
  });
});
