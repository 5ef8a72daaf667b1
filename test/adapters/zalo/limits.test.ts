import { describe, expect, it } from "vitest";
import { parseZaloEnv, ZALO_RATE_LIMITS, zaloRateLimits } from "../../../src/adapters/zalo/index.js";
import { RateLimiter } from "../../../src/chat/delivery/index.js";

describe("Zalo send limits", () => {
  it("defaults to 1 send per 2 s per thread and 10 per minute overall", () => {
    const env = parseZaloEnv({});
    expect(zaloRateLimits(env)).toEqual(ZALO_RATE_LIMITS);
    expect(env).toMatchObject({ ZALO_ALLOW_QR: true, ZALO_HISTORY_COUNT: 50, ZALO_MAX_TEXT: 2000 });
  });

  it("reads overrides and refuses nonsense", () => {
    const env = parseZaloEnv({ ZALO_PER_MINUTE: "6", ZALO_PER_CHAT_INTERVAL_MS: "5000", ZALO_ALLOW_QR: "false" });
    expect(zaloRateLimits(env)).toEqual({ global: { limit: 6, windowMs: 60_000 }, group: { limit: 1, windowMs: 5000 }, private: { limit: 1, windowMs: 5000 } });
    expect(env.ZALO_ALLOW_QR).toBe(false);
    expect(() => parseZaloEnv({ ZALO_PER_MINUTE: "0" })).toThrow();
  });

  it("through the shared RateLimiter, 20 group threads take over a minute and no minute carries more than 10", () => {
    let now = 0;
    const limiter = new RateLimiter(() => ZALO_RATE_LIMITS, () => now);
    const sentAt: number[] = [];
    for (let g = 0; g < 20; g++) {
      for (;;) {
        const slot = limiter.tryAcquire(`zalo:g:${1000 + g}`);
        if (typeof slot === "number") {
          now += slot;
          continue;
        }
        slot.settle();
        sentAt.push(now);
        break;
      }
    }
    expect(sentAt.at(-1)).toBeGreaterThanOrEqual(60_000);
    for (const t of sentAt) expect(sentAt.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(10);
    // One thread: a second send waits the per-thread interval.
    const again = limiter.tryAcquire("zalo:g:1019");
    expect(typeof again === "number" ? again : 0).toBeGreaterThan(0);
  });
});
