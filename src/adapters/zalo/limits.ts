import { z } from "zod";

/**
 * How fast dondoc sends on Zalo. The shared delivery worker (src/chat/delivery) enforces these; the numbers are
 * deliberately far below what Zalo tolerates from its own apps, because an unofficial client that sends like a bot
 * gets its account restricted or locked. zca-js users report trouble after about 20 recipients in one burst.
 */
export interface ZaloSendLimits {
  /** At least this long between two sends to the same thread. */
  perChatIntervalMs: number;
  /** At most this many sends per minute over all threads. */
  perMinute: number;
  /** After sending to this many different threads in one burst (sends less than burstGapMs apart)… */
  burstRecipients: number;
  /** …pause this long before the next send. */
  burstPauseMs: number;
  /** A quiet gap this long ends a burst. */
  burstGapMs: number;
  /** Longer texts are split by the core (reports); Zalo cuts or rejects very long messages. */
  maxTextLength: number;
}

export const ZALO_SEND_LIMITS: Readonly<ZaloSendLimits> = Object.freeze({
  perChatIntervalMs: 2_000,
  perMinute: 10,
  burstRecipients: 20,
  burstPauseMs: 120_000,
  burstGapMs: 300_000,
  maxTextLength: 2_000,
});

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The ZALO_* tuning variables, for src/config.ts to merge into its schema (`envSchema.extend(zaloEnvShape)`); they
 * all have the defaults above, so nobody needs to set them.
 */
export const zaloEnvShape = {
  ZALO_PER_CHAT_INTERVAL_MS: positiveInt(ZALO_SEND_LIMITS.perChatIntervalMs),
  ZALO_PER_MINUTE: positiveInt(ZALO_SEND_LIMITS.perMinute),
  ZALO_BURST_RECIPIENTS: positiveInt(ZALO_SEND_LIMITS.burstRecipients),
  ZALO_BURST_PAUSE_MS: positiveInt(ZALO_SEND_LIMITS.burstPauseMs),
  ZALO_MAX_TEXT: positiveInt(ZALO_SEND_LIMITS.maxTextLength),
  ZALO_ALLOW_QR: z.enum(["true", "false", "1", "0", "yes", "no", ""]).default("true").transform((v) => v !== "false" && v !== "0" && v !== "no"),
  ZALO_HISTORY_COUNT: positiveInt(50),
};

const zaloEnvSchema = z.object(zaloEnvShape);
export type ZaloEnv = z.infer<typeof zaloEnvSchema>;

/** Parses just the ZALO_* tuning variables (main.ts passes the environment it read). */
export function parseZaloEnv(env: Record<string, string | undefined>): ZaloEnv {
  return zaloEnvSchema.parse(env);
}

export function zaloSendLimits(env: Partial<ZaloEnv>): ZaloSendLimits {
  return {
    ...ZALO_SEND_LIMITS,
    perChatIntervalMs: env.ZALO_PER_CHAT_INTERVAL_MS ?? ZALO_SEND_LIMITS.perChatIntervalMs,
    perMinute: env.ZALO_PER_MINUTE ?? ZALO_SEND_LIMITS.perMinute,
    burstRecipients: env.ZALO_BURST_RECIPIENTS ?? ZALO_SEND_LIMITS.burstRecipients,
    burstPauseMs: env.ZALO_BURST_PAUSE_MS ?? ZALO_SEND_LIMITS.burstPauseMs,
    maxTextLength: env.ZALO_MAX_TEXT ?? ZALO_SEND_LIMITS.maxTextLength,
  };
}
