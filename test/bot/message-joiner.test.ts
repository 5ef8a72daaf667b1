import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type JoinedText, MessageJoiner } from "../../src/bot/message-joiner.js";

describe("MessageJoiner", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("joins the four parts of a long pasted dispatch into one text, in order", () => {
    const out: JoinedText<number>[] = [];
    const joiner = new MessageJoiner<number>((j) => out.push(j), 2000);
    const parts = ["KẾ HOẠCH phần 1", "phần 2", "phần 3", "phần 4"];
    parts.forEach((p, i) => {
      joiner.push("chat|alice", p, i);
      vi.advanceTimersByTime(500);
    });
    expect(out).toHaveLength(0);
    vi.advanceTimersByTime(2000);
    expect(out).toEqual([{ key: "chat|alice", text: parts.join("\n"), first: 0, parts: 4 }]);
  });

  it("keeps different senders apart and emits separately after a quiet period", () => {
    const out: string[] = [];
    const joiner = new MessageJoiner<null>((j) => out.push(`${j.key}:${j.text}`), 1000);
    joiner.push("c|a", "một", null);
    joiner.push("c|b", "hai", null);
    vi.advanceTimersByTime(1000);
    joiner.push("c|a", "ba", null);
    vi.advanceTimersByTime(1000);
    expect(out).toEqual(["c|a:một", "c|b:hai", "c|a:ba"]);
    expect(joiner.size).toBe(0);
  });

  it("flushAll emits what is pending (shutdown loses nothing)", () => {
    const out: string[] = [];
    const joiner = new MessageJoiner<null>((j) => out.push(j.text), 60_000);
    joiner.push("c|a", "x", null);
    joiner.flushAll();
    expect(out).toEqual(["x"]);
  });
});
