import { z } from "zod";
import type { RateLimits } from "../../chat/delivery/index.js";

/**
 * How fast dondoc sends on Zalo, for the shared delivery worker's RateLimiter (main.ts: `limitsFor("zalo")`). Far
 * below what Zalo's own apps may do, on purpose: an unofficial client that sends like a bot gets its account
 * restricted or locked, and zca-js users report trouble after about 20 recipients in one burst. At 10 sends a minute
 * over all threads (spread at least 3 s apart by the limiter), 20 unit groups take about a minute and a half, and no
 * minute carries more than 10.
 */
export const ZALO_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  global: { limit: 10, windowMs: 60_000 },
  group: { limit: 1, windowMs: 2_000 },
  private: { limit: 1, windowMs: 2_000 },
});

/** Longer texts must be split by the core (reports); Zalo cuts or refuses very long messages. */
export const ZALO_MAX_TEXT = 2_000;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flagDefaultTrue = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .default("true")
  .transform((v) => v !== "false" && v !== "0" && v !== "no");

/**
 * The ZALO_* tuning variables, for src/config.ts to merge into its schema (`envSchema.extend(zaloEnvShape)`). All
 * have defaults, so an office only sets ZALO_ENABLED (and, if it likes, the two paths config.ts already has).
 */
export const zaloEnvShape = {
  ZALO_PER_MINUTE: positiveInt(ZALO_RATE_LIMITS.global.limit),
  ZALO_PER_CHAT_INTERVAL_MS: positiveInt(ZALO_RATE_LIMITS.group.windowMs),
  ZALO_MAX_TEXT: positiveInt(ZALO_MAX_TEXT),
  ZALO_ALLOW_QR: flagDefaultTrue,
  ZALO_HISTORY_COUNT: positiveInt(50),
};

const zaloEnvSchema = z.object(zaloEnvShape);
export type ZaloEnv = z.infer<typeof zaloEnvSchema>;

/** Parses just the ZALO_* tuning variables from the environment main.ts read. */
export function parseZaloEnv(env: Record<string, string | undefined>): ZaloEnv {
  return zaloEnvSchema.parse(env);
}

export function zaloRateLimits(env: Pick<ZaloEnv, "ZALO_PER_MINUTE" | "ZALO_PER_CHAT_INTERVAL_MS">): RateLimits {
  const perChat = { limit: 1, windowMs: env.ZALO_PER_CHAT_INTERVAL_MS };
  return { global: { limit: env.ZALO_PER_MINUTE, windowMs: 60_000 }, group: perChat, private: { ...perChat } };
}
