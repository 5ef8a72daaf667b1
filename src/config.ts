import { z } from "zod";
import { translator } from "./i18n.js";
import { zaloEnvShape } from "./adapters/zalo/limits.js";
import { parseOfficeHours } from "./reminders/office-hours.js";

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
  /** When groups may be written to, on working days, Vietnam time: "07:30-17:30" (default) or "off". */
  OFFICE_HOURS: z.string().default("07:30-17:30").refine((v) => {
    try {
      parseOfficeHours(v);
      return true;
    } catch {
      return false;
    }
  }, "giờ làm việc phải có dạng 07:30-17:30 hoặc off"),
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
  /** The web dashboard (src/web): on when WEB_PUBLIC_URL is set, the address people open (the office's HTTPS proxy). */
  WEB_PUBLIC_URL: z.url().optional(),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Where the dashboard listens; 127.0.0.1 behind a proxy on the same machine. */
  WEB_HOST: z.string().default("127.0.0.1"),
  /** Who issues the official .docx report (/xuat docx): NĐ 30/2020's cơ quan chủ quản, cơ quan ban hành, địa danh. */
  OFFICE_PARENT: z.string().default(""),
  OFFICE_NAME: z.string().default("VĂN PHÒNG"),
  OFFICE_ABBR: z.string().default("VP"),
  OFFICE_PLACE: z.string().default(""),
  OFFICE_SIGNER: z.string().default("CHÁNH VĂN PHÒNG"),

  /** Set by the process manager or a developer; never needed in production. */
  FILES_DIR: z.string().default("data/files"),
  ...zaloEnvShape,
});

export type Config = z.infer<typeof envSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[]; problemsEn: string[] };

/**
 * Parses the environment. An empty value ("TELEGRAM_WEBHOOK_URL=" in .env) means the variable is not set, as
 * .env.example says: the default applies (for the webhook: long polling). Each problem names the variable, the
 * value given and the fix, in Vietnamese (`problems`) and English (`problemsEn`).
 */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = envSchema.safeParse(set);
  if (result.success) return { ok: true, config: result.data };
  const describe = (lang: "vi" | "en") => {
    const t = translator(lang);
    const seen = new Set<string>();
    return result.error.issues.flatMap((issue) => {
      const variable = String(issue.path[0] ?? "");
      if (seen.has(variable)) return [];
      seen.add(variable);
      const fix = t(`main:config.${variable}`, { defaultValue: t("main:config.other", { detail: issue.message }) });
      return [t("main:config.problem", { variable, value: String(set[variable] ?? "").slice(0, 80), fix })];
    });
  };
  return { ok: false, problems: describe("vi"), problemsEn: describe("en") };
}

export function configuredPlatforms(config: Config): Array<"telegram" | "zalo"> {
  const platforms: Array<"telegram" | "zalo"> = [];
  if (config.TELEGRAM_BOT_TOKEN) platforms.push("telegram");
  if (config.ZALO_ENABLED) platforms.push("zalo");
  return platforms;
}
