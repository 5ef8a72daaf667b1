import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { FakeBotApiOptions } from "./bot-api-server.js";

export interface RemoteFakeBotApi {
  apiRoot: string;
  token: string;
  groups(ids: number[]): Promise<void>;
  /** People reply with `text` to the bot's messages `messageId` in group `chat` (one update each). */
  replies(replies: Array<{ chat: number; messageId: number; text: string }>): Promise<void>;
  stats(): Promise<{ ok: number; refused: number; perChat: Record<string, number> }>;
  close(): Promise<void>;
}

/** Starts the fake Bot API in a child process (see bot-api-child.ts). */
export async function forkFakeBotApi(options: FakeBotApiOptions): Promise<RemoteFakeBotApi> {
  const child = fork(fileURLToPath(new URL("./bot-api-child.ts", import.meta.url)), { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      child.once("message", (reply) => resolve(reply as T));
      child.send(message);
    });
  const { apiRoot, token } = await ask<{ apiRoot: string; token: string }>({ cmd: "start", options });
  return {
    apiRoot,
    token,
    groups: (ids) => ask({ cmd: "groups", ids }),
    replies: (replies) => ask({ cmd: "replies", replies }),
    stats: () => ask({ cmd: "stats" }),
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send({ cmd: "close" });
      }),
  };
}
