/**
 * The fake Bot API in its own process, for benchmarks: Telegram is another machine, so the bot's process should not
 * pay for the fake's CPU. Driven over IPC by forkFakeBotApi() (bot-api-remote.ts).
 */
import { FakeBotApi, type FakeBotApiOptions } from "./bot-api-server.js";

type Command = { cmd: "start"; options: FakeBotApiOptions } | { cmd: "groups"; ids: number[] } | { cmd: "stats" } | { cmd: "close" };

let api: FakeBotApi | undefined;

process.on("message", async (message: Command) => {
  switch (message.cmd) {
    case "start":
      api = await FakeBotApi.start(message.options);
      return process.send!({ apiRoot: api.apiRoot, token: api.token });
    case "groups":
      for (const id of message.ids) api!.group(id, `Đơn vị ${id}`);
      return process.send!({ done: true });
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
