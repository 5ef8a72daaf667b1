/** A started Telegram adapter wired to a fresh fake Bot API server, for the contract suite and end-to-end tests. */
import { type SentRef, parseChatId } from "../../../src/chat/port.js";
import { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterDeps } from "../../../src/adapters/telegram/index.js";
import { type ChatPortHarness, inboundRecorder } from "../../contract/chat-port.contract.js";
import { FakeBotApi, type FakeBotApiOptions, type TgMessage, telegramErrors } from "../../fakes/bot-api-server.js";
import { UpdateFactory } from "../../fakes/bot-api/update-factory.js";

export const GROUP = -4001;
export const ALICE = UpdateFactory.user(501, "Nguyễn", "Thị <Hoa> & *Lan*");

export const nativeOf = (chat: string): number => Number(parseChatId(chat).nativeId);

export interface TelegramHarness extends ChatPortHarness {
  api: FakeBotApi;
  adapter: TelegramAdapter;
  recorder: ReturnType<typeof inboundRecorder>;
  errors: Array<{ error: unknown; context: string }>;
  shown(ref: SentRef): TgMessage;
}

export async function startTelegram(
  options: { api?: FakeBotApiOptions; deps?: Partial<TelegramAdapterDeps>; webhook?: boolean } = {},
): Promise<TelegramHarness> {
  const api = await FakeBotApi.start(options.api);
  api.group(GROUP, "Phòng <Tổng hợp> & Kế hoạch");
  api.privateChat(ALICE);
  const recorder = inboundRecorder();
  const errors: TelegramHarness["errors"] = [];
  const webhookPort = options.webhook ? await freePort() : 0;
  const adapter = createTelegramAdapter(
    {
      token: api.token,
      apiRoot: api.apiRoot,
      ...(options.webhook ? { webhook: { url: `http://127.0.0.1:${webhookPort}/tg/hook`, port: webhookPort, host: "127.0.0.1", secretToken: "s3cret" } } : {}),
    },
    { onInbound: recorder.handler, onError: (error, context) => errors.push({ error, context }), ...options.deps },
  );
  await adapter.start();
  const shown = (ref: SentRef): TgMessage => {
    const message = api.message(nativeOf(ref.chat), Number(ref.messageId));
    if (!message) throw new Error(`the fake has no message ${ref.messageId} in ${ref.chat}`);
    return message;
  };
  return {
    api,
    adapter,
    recorder,
    errors,
    shown,
    groupChat: `telegram:${GROUP}`,
    privateChat: `telegram:${ALICE.id}`,
    user: { id: `telegram:${ALICE.id}`, name: "Nguyễn Thị <Hoa> & *Lan*" },
    nextInbound: recorder.next,
    platform: {
      shownText: async (ref) => shown(ref).text ?? shown(ref).caption ?? "",
      shownButtons: async (ref) =>
        shown(ref).reply_markup?.inline_keyboard.map((row) => row.map((b) => ({ label: b.text, data: b.callback_data ?? "" }))),
      repliedTo: async (ref) => {
        const target = shown(ref).reply_to_message;
        return target ? String(target.message_id) : undefined;
      },
      userSends: async ({ chat, text, replyTo }) => {
        api.updates.text({ chat: nativeOf(chat), from: ALICE, text, ...(replyTo ? { replyTo: Number(replyTo) } : {}) });
      },
      userSendsFile: async ({ chat, name, bytes, mime, caption }) => {
        api.updates.document({
          chat: nativeOf(chat),
          from: ALICE,
          fileName: name,
          bytes: Buffer.from(bytes),
          ...(mime ? { mime } : {}),
          ...(caption !== undefined ? { caption } : {}),
        });
      },
      failNextSend: (chat, kind) =>
        api.failNext("sendMessage", kind === "rate_limited" ? telegramErrors.tooManyRequests(3) : telegramErrors.kicked(), {
          chatId: nativeOf(chat),
        }),
    },
    close: async () => {
      await adapter.stop();
      await api.close();
    },
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}
