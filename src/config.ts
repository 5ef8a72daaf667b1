import { z } from "zod";
import { zaloEnvShape } from "./adapters/zalo/limits.js";

/**
 * The one place settings are read: a zod schema over the environment, parsed once at start-up by src/main.ts.
 * Everything else receives the typed result.
 */
const list = (item: z.ZodType<string, string> = z.string()) =>
  z
    .string()
    .default("")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ngày phải có dạng YYYY-MM-DD");
const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .default("false")
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const envSchema = z.object({
  DATABASE_URL: z.string().default("file:./data/dondoc.db"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  DEFAULT_LANG: z.enum(["vi", "en"]).default("vi"),

  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, "không đúng dạng token của @BotFather").optional(),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().positive().default(8443),
  TELEGRAM_API_ROOT: z.url().optional(),
  ADMIN_TELEGRAM_IDS: list(z.string().regex(/^\d+$/, "id Telegram là số")),

  ZALO_ENABLED: flag,
  ZALO_CREDENTIALS_PATH: z.string().default("data/zalo-credentials.json"),
  ZALO_QR_PATH: z.string().default("data/zalo-qr.png"),
  ADMIN_ZALO_IDS: list(),

  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  REMINDER_OFFSETS_DAYS: list(z.string().regex(/^\d+$/)).transform((xs) => (xs.length ? xs.map(Number) : [7, 3, 1])),
  EXTRA_DAYS_OFF: list(isoDate),
  EXTRA_WORKING_DAYS: list(isoDate),
  OFFICERS_ONLY: flag,
  REQUIRE_APPROVAL: flag,

  FILE_MAX_MB: z.coerce.number().positive().default(20),
  FILE_MAX_PAGES: z.coerce.number().int().positive().default(50),
  FILE_TIMEOUT_S: z.coerce.number().positive().default(120),

  /** This worker's name in the logs and outbox claims (several workers on one PostgreSQL); default host-pid. */
  WORKER_ID: z.string().regex(/^[\w.-]{1,64}$/, "chỉ chữ, số, dấu . _ -").optional(),
  /** GET /healthz and /readyz on this port for a load balancer; none when unset. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Several workers: how long an outbox item claimed by a worker that died waits before another sends it. */
  OUTBOX_LEASE_S: z.coerce.number().positive().default(60),
  /** Several workers: how often a standby worker tries to take over the Zalo listener. */
  ZALO_STANDBY_POLL_S: z.coerce.number().positive().default(15),

  /** Set by the process manager or a developer; never needed in production. */
  FILES_DIR: z.string().default("data/files"),
  ...zaloEnvShape,
});

export type Config = z.infer<typeof envSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = envSchema.safeParse(env);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
  };
}

export function configuredPlatforms(config: Config): Array<"telegram" | "zalo"> {
  const platforms: Array<"telegram" | "zalo"> = [];
  if (config.TELEGRAM_BOT_TOKEN) platforms.push("telegram");
  if (config.ZALO_ENABLED) platforms.push("zalo");
  return platforms;
}
