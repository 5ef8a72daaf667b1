/**
 * The shared chat port contract, run against the real Zalo adapter over the fake of its narrow zca-js interface.
 * Zalo has no buttons and cannot edit through zca-js: buttons become a numbered reply-hint block under the text, so
 * `shownText` is the message body above that block (the block itself is checked in outbound.test.ts).
 */
import { ZaloApiError } from "zca-js";
import { chatPortContract, inboundRecorder } from "../../contract/chat-port.contract.js";
import { ZaloAdapter } from "../../../src/adapters/zalo/index.js";
import { translator } from "../../../src/i18n.js";
import { GROUP_ID, groupMessage, USER_NAME, USER_UID, userMessage, type SentRecord } from "./fake-zalo.js";
import { startHarness } from "./harness.js";

const hintHeader = `\n\n${translator("vi")("zalo:buttons-header")}\n`;

chatPortContract(
  "zalo",
  async () => {
    const events = inboundRecorder();
    const h = await startHarness({ adapter: { onInbound: events.handler } });
    const adapter: ZaloAdapter = h.adapter;
    let nextId = 7_500_000_000_000;
    const record = (messageId: string): SentRecord => {
      const found = h.zalo.sent.find((s) => String(s.msgId) === messageId);
      if (!found) throw new Error(`no sent message ${messageId}`);
      return found;
    };
    return {
      adapter,
      groupChat: `zalo:g:${GROUP_ID}`,
      privateChat: `zalo:u:${USER_UID}`,
      user: { id: `zalo:${USER_UID}`, name: USER_NAME },
      nextInbound: events.next,
      platform: {
        shownText: async (ref) => record(ref.messageId).content.msg.split(hintHeader)[0]!,
        shownButtons: async () => undefined,
        repliedTo: async (ref) => record(ref.messageId).content.quote?.msgId,
        userSends: async ({ chat, text, replyTo }) => {
          const quoted = replyTo ? record(replyTo) : undefined;
          const fields = {
            msgId: String(nextId++),
            content: text,
            quote: quoted
              ? {
                  ownerId: "2930485761203948571",
                  cliMsgId: quoted.cliMsgId,
                  globalMsgId: quoted.msgId,
                  cliMsgType: 1,
                  ts: quoted.cliMsgId,
                  msg: quoted.content.msg,
                  attach: "",
                  fromD: "Đôn đốc",
                  ttl: 0,
                }
              : undefined,
          };
          const isGroup = chat.startsWith("zalo:g:");
          h.zalo.receive(isGroup ? groupMessage("group-text", fields) : userMessage("user-text", fields));
        },
        failNextSend: (chat, kind) => {
          const threadId = chat.split(":")[2]!;
          h.zalo.failNextSend(
            threadId,
            kind === "gone"
              ? new ZaloApiError("Bạn không còn là thành viên của nhóm này", 166)
              : new ZaloApiError("Request failed with status code 429"),
          );
        },
      },
      close: () => h.close(),
    };
  },
  { buttons: false, failures: ["rate_limited", "gone"] },
);
