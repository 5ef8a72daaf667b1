// The fake Bot API must refuse what Telegram refuses, or the escaping and rate-limit tests prove nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeBotApi } from "../../fakes/bot-api-server.js";
import { renderHtml } from "../../fakes/bot-api/html.js";

let api: FakeBotApi;
const call = async (method: string, params: Record<string, unknown> = {}) => {
  const res = await fetch(`${api.apiRoot}/bot${api.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: any } };
};

beforeEach(async () => {
  api = await FakeBotApi.start({ rateLimits: { private: { limit: 2, windowMs: 300 } } });
  api.group(-5, "Nhóm");
  api.privateChat({ id: 9, is_bot: false, first_name: "An" });
});
afterEach(() => api.close());

describe("fake Bot API: HTML parse mode", () => {
  it.each(["Phòng <A&B>", "1 < 2", "Tom & Jerry", "<b>đậm", "<b>x</i>", "<script>x</script>", "&nbsp;"])("rejects %j", async (text) => {
    const { status, body } = await call("sendMessage", { chat_id: -5, text, parse_mode: "HTML" });
    expect(status).toBe(400);
    expect(body.description).toMatch(/^Bad Request: can't parse entities/);
  });

  it("renders escaped text and tags into plain text plus entities", () => {
    expect(renderHtml("<b>Phòng &lt;A&amp;B&gt;</b> &#273;ã xong > 0")).toEqual({
      text: "Phòng <A&B> đã xong > 0",
      entities: [{ type: "bold", offset: 0, length: 11 }],
    });
  });

  it("keeps plain text (no parse_mode) exactly as sent", async () => {
    const { body } = await call("sendMessage", { chat_id: -5, text: "<b> & *_" });
    expect(body.result.text).toBe("<b> & *_");
  });
});

describe("fake Bot API: Telegram's errors and limits", () => {
  it("answers 429 with retry_after once a chat's window is full, then lets the next send through", async () => {
    expect((await call("sendMessage", { chat_id: 9, text: "1" })).status).toBe(200);
    expect((await call("sendMessage", { chat_id: 9, text: "2" })).status).toBe(200);
    const limited = await call("sendMessage", { chat_id: 9, text: "3" });
    expect(limited.body).toEqual({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    expect((await call("sendMessage", { chat_id: -5, text: "other chat" })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 320));
    expect((await call("sendMessage", { chat_id: 9, text: "3" })).status).toBe(200);
  });

  it("refuses sends to a chat the bot was kicked from, and to a migrated group with its new id", async () => {
    const admin = { id: 1, is_bot: false, first_name: "Admin" };
    api.group(-6, "Cũ");
    api.updates.botRemoved(-5, admin);
    api.updates.migrate(-6, -1006, admin);
    expect((await call("sendMessage", { chat_id: -5, text: "x" })).body).toMatchObject({ error_code: 403, description: "Forbidden: bot was kicked from the group chat" });
    expect((await call("sendMessage", { chat_id: -6, text: "x" })).body).toMatchObject({ error_code: 400, parameters: { migrate_to_chat_id: -1006 } });
    expect((await call("sendMessage", { chat_id: -1006, text: "x" })).status).toBe(200);
  });

  it("refuses an edit to identical content, and callback data over 64 bytes", async () => {
    const sent = (await call("sendMessage", { chat_id: -5, text: "a" })).body.result;
    const again = await call("editMessageText", { chat_id: -5, message_id: sent.message_id, text: "a" });
    expect(again.body.description).toMatch(/message is not modified/);
    const big = await call("sendMessage", { chat_id: -5, text: "a", reply_markup: { inline_keyboard: [[{ text: "x", callback_data: "đ".repeat(33) }]] } });
    expect(big.body.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });
});

describe("fake Bot API: getUpdates", () => {
  it("holds a long poll until an update arrives, and forgets updates below the offset", async () => {
    const from = { id: 9, is_bot: false, first_name: "An" };
    const started = Date.now();
    setTimeout(() => api.updates.text({ chat: 9, from, text: "xin chào" }), 150);
    const first = await call("getUpdates", { timeout: 5 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(first.body.result).toHaveLength(1);
    const id = first.body.result[0].update_id as number;
    expect((await call("getUpdates", { offset: id })).body.result).toHaveLength(1); // not confirmed yet
    expect((await call("getUpdates", { offset: id + 1 })).body.result).toEqual([]);
    const empty = Date.now();
    expect((await call("getUpdates", { offset: id + 1, timeout: 1 })).body.result).toEqual([]);
    expect(Date.now() - empty).toBeGreaterThanOrEqual(900);
  });
});
