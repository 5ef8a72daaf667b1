import { describe, expect, it } from "vitest";
import { RateLimiter, type RateSlot, isGroupChat } from "../../../src/chat/delivery/rate-limiter.js";

const limits = { global: { limit: 5, windowMs: 1000 }, group: { limit: 2, windowMs: 10_000 }, private: { limit: 1, windowMs: 1000 } };

function limiterAt(start = 1_000_000) {
  let now = start;
  const limiter = new RateLimiter(() => limits, () => now);
  return { limiter, advance: (ms: number) => (now += ms) };
}

const take = (limiter: RateLimiter, chat: string): RateSlot => {
  const slot = limiter.tryAcquire(chat);
  if (typeof slot === "number") throw new Error(`expected a slot for ${chat}, must wait ${slot} ms`);
  return slot;
};

describe("rate limiter", () => {
  it("tells groups from private chats on both platforms", () => {
    expect(isGroupChat("telegram:-100123")).toBe(true);
    expect(isGroupChat("telegram:501")).toBe(false);
    expect(isGroupChat("zalo:g:88")).toBe(true);
    expect(isGroupChat("zalo:u:88")).toBe(false);
  });

  it("allows one message per second to a private chat, counted from when the send completed", () => {
    const { limiter, advance } = limiterAt();
    const slot = take(limiter, "telegram:501");
    expect(limiter.tryAcquire("telegram:501")).toBe(Infinity); // in flight: wait for it to settle
    advance(200);
    slot.settle();
    expect(limiter.tryAcquire("telegram:501")).toBe(1000);
    advance(999);
    expect(limiter.waitMs("telegram:501")).toBe(1);
    advance(1);
    take(limiter, "telegram:501").settle();
  });

  it("spreads bot-wide sends at up to twice the average rate instead of one burst", () => {
    const { limiter, advance } = limiterAt();
    take(limiter, "telegram:-1").settle();
    expect(limiter.waitMs("telegram:-2")).toBe(100); // 5 per 1000 ms → at most one per 100 ms
    expect(limiter.waitMs("zalo:g:2")).toBe(0); // another platform has its own bot-wide limits
    advance(100);
    take(limiter, "telegram:-2").settle();
  });

  it("holds a group to its window and all chats to the global window", () => {
    const { limiter, advance } = limiterAt();
    take(limiter, "telegram:-1").settle();
    advance(100);
    take(limiter, "telegram:-1").settle();
    advance(100);
    expect(limiter.waitMs("telegram:-1")).toBe(9800);
    for (const chat of ["telegram:-2", "telegram:-3", "telegram:-4"]) {
      take(limiter, chat).settle();
      advance(100);
    }
    expect(limiter.waitMs("telegram:-5")).toBe(500); // five sends in the last second already
    advance(500);
    expect(limiter.waitMs("telegram:-5")).toBe(0);
    expect(limiter.waitMs("telegram:-1")).toBe(9000);
  });

  it("pauses a chat for the platform's retry_after", () => {
    const { limiter, advance } = limiterAt();
    limiter.pauseFor("telegram:-7", 3000);
    expect(limiter.waitMs("telegram:-7")).toBe(3000);
    expect(limiter.waitMs("telegram:-8")).toBe(0);
    advance(3000);
    expect(limiter.waitMs("telegram:-7")).toBe(0);
  });
});
