// Issue 10: Zalo confirms nothing, so each message is written down as it arrives and forgotten once handled; what a
// crash left unhandled is replayed at the next start, after login and before live messages.
import { afterEach, describe, expect, it } from "vitest";
import type { InboundMessage } from "../../../src/chat/port.js";
import { memoryJournal } from "../../fakes/memory-journal.js";
import { groupMessage, settle, userMessage } from "./fake-zalo.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("the Zalo inbound journal", () => {
  it("writes a message down before it is handled and forgets it once handled", async () => {
    const { journal, entries } = memoryJournal();
    const writtenWhenHandled: boolean[] = [];
    h = await startHarness({ adapter: { journal, onInbound: async (e) => void writtenWhenHandled.push(entries.has(e.eventId)) } });
    h.zalo.receive(groupMessage("group-text"));
    await settle();
    await h.adapter.idle();
    expect(writtenWhenHandled).toEqual([true]);
    expect(entries.size).toBe(0);
  });

  it("replays what a crash left unhandled at start-up, before live messages, exactly as it came", async () => {
    const { journal, entries } = memoryJournal();
    const lost = groupMessage("group-text");
    entries.set(`zalo:msg:${String(lost.data.msgId)}`, { payload: JSON.stringify(lost), replays: 0 });
    const seen: InboundMessage[] = [];
    h = await startHarness({ start: false, adapter: { journal, onInbound: async (e) => void (e.kind === "message" && seen.push(e)) } });
    await h.adapter.start();
    h.zalo.receive(userMessage("user-text"));
    await settle();
    await h.adapter.idle();
    expect(seen.map((e) => e.eventId)).toEqual([`zalo:msg:${String(lost.data.msgId)}`, `zalo:msg:${String(userMessage("user-text").data.msgId)}`]);
    expect(seen[0]).toMatchObject({ chatType: "group", text: "Phòng <A&B> đã nhận nhiệm vụ, *đang* triển khai" });
    expect(entries.size).toBe(0);
  });
});
