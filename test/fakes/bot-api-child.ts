/**
 * The fake Bot API in its own process, for benchmarks: Telegram is another machine, so the bot's process should not
 * pay for the fake's CPU. Driven over IPC by forkFakeBotApi() (bot-api-remote.ts).
 */
import { FakeBotApi, type FakeBotApiOptions } from "./bot-api-server.js";

type Command =
  | { cmd: "start"; options: FakeBotApiOptions }
  | { cmd: "groups"; ids: number[] }
  | { cmd: "replies"; replies: Array<{ chat: number; messageId: number; text: string }> }
  | { cmd: "stats" }
  | { cmd: "close" };

let api: FakeBotApi | undefined;

process.on("message", async (message: Command) => {
  switch (message.cmd) {
    case "start":
      api = await FakeBotApi.start(message.options);
      return process.send!({ apiRoot: api.apiRoot, token: api.token });
    case "groups":
      for (const id of message.ids) api!.group(id, `Đơn vị ${id}`);
      return process.send!({ done: true });
    case "replies": {
      // People reply to the bot's task posts (the posts themselves were made before the fake started).
      const from = { id: 9001, is_bot: false, first_name: "Cán bộ" };
      for (const r of message.replies) {
        const chat = { id: r.chat, type: "group" as const, title: `Đơn vị ${r.chat}` };
        const post = { message_id: r.messageId, date: 0, chat, from: api!.bot, text: "Nhiệm vụ" };
        api!.store(post);
        api!.push({ update_id: api!.updates.nextId(), message: { message_id: api!.newMessageId(r.chat) + 1_000_000, date: Math.floor(Date.now() / 1000), chat, from, text: r.text, reply_to_message: post } });
      }
      return process.send!({ done: true });
    }
    case "stats": {
      const sends = api!.callsOf("sendMessage");
      const perChat: Record<string, number> = {};
      for (const c of sends.filter((s) => s.ok)) perChat[String(c.params.chat_id)] = (perChat[String(c.params.chat_id)] ?? 0) + 1;
      return process.send!({ ok: sends.filter((s) => s.ok).length, refused: sends.filter((s) => !s.ok).length, perChat });
    }
    case "close":
      await api?.close();
      process.exit(0);
  }
});
