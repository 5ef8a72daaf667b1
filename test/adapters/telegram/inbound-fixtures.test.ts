// Real-shaped Telegram payloads (anonymised) replayed through the inbound mapping.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type RawUpdate, toInbound } from "../../../src/adapters/telegram/inbound.js";

const fixtures = JSON.parse(readFileSync(new URL("./fixtures/updates.json", import.meta.url), "utf8")) as Record<string, RawUpdate>;
const fetched: string[] = [];
const ctx = {
  bot: { id: 123456, username: "dondoc_test_bot" },
  fetchFile: async (id: string) => (fetched.push(id), new Uint8Array([1])),
  answerCallback: async () => {},
};
const map = (name: string) => toInbound(fixtures[name]!, ctx);

describe("Telegram inbound fixtures", () => {
  it("does not take a forum topic's root message for a reply", () => {
    expect(map("forumTopicMessage")).toMatchObject({ kind: "message", chat: "telegram:-1002233445566", chatType: "group", text: "đã hoàn thành" });
    expect(map("forumTopicMessage")).not.toHaveProperty("replyTo");
  });

  it("gives the largest photo size as an attachment, the caption as text, and the replied bot message", async () => {
    const event = map("photoReplyToBot");
    expect(event).toMatchObject({
      kind: "message",
      text: "Biên bản kèm theo",
      sender: { id: "telegram:6099887766", name: "Phạm Thị Hồng" },
      replyTo: { messageId: "118", text: "Nhiệm vụ 2: Báo cáo sơ kết quý III", fromBot: true },
    });
    if (event?.kind !== "message") throw new Error("not a message");
    expect(event.attachments.map(({ name, mime, size }) => ({ name, mime, size }))).toEqual([{ name: "anh-AQADl.jpg", mime: "image/jpeg", size: 98120 }]);
    await event.attachments[0]!.fetch();
    expect(fetched).toEqual(["AgAD-large"]);
  });

  it("sees a mention of the bot by name link (text_mention)", () => {
    expect(map("textMentionOfBot")).toMatchObject({ mentionsBot: true });
  });

  it("reports the bot restricted out of a group and blocked by a person as removed; a promotion is no event", () => {
    expect(map("restrictedOut")).toMatchObject({ kind: "membership", status: "removed", chat: "telegram:-1002233445566" });
    expect(map("userBlockedBot")).toMatchObject({ kind: "membership", status: "removed", chat: "telegram:6011223344" });
    expect(map("promotedToAdmin")).toBeUndefined();
  });

  it.each(["editedMessage", "channelPost", "newMembersService", "inlineCallback", "migrateFrom"])("ignores %s", (name) => {
    expect(map(name)).toBeUndefined();
  });
});
