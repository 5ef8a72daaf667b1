import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { configuredPlatforms, parseConfig } from "../../src/config.js";

describe("config", () => {
  it("applies defaults for an empty environment and finds no platform", () => {
    const r = parseConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.DATABASE_URL).toBe("file:./data/dondoc.db");
    expect(r.config.REMINDER_OFFSETS_DAYS).toEqual([7, 3, 1]);
    expect(r.config.ADMIN_TELEGRAM_IDS).toEqual([]);
    expect(configuredPlatforms(r.config)).toEqual([]);
  });

  it("reads lists, flags and both platforms", () => {
    const r = parseConfig({
      TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQRstuVWXyz012345678",
      ADMIN_TELEGRAM_IDS: "111, 222",
      ZALO_ENABLED: "true",
      REMINDER_OFFSETS_DAYS: "5,2",
      EXTRA_DAYS_OFF: "2026-02-16,2026-02-17",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.ADMIN_TELEGRAM_IDS).toEqual(["111", "222"]);
    expect(r.config.REMINDER_OFFSETS_DAYS).toEqual([5, 2]);
    expect(r.config.EXTRA_DAYS_OFF).toHaveLength(2);
    expect(configuredPlatforms(r.config)).toEqual(["telegram", "zalo"]);
  });

  it("reports every bad field by name instead of starting half-configured", () => {
    const r = parseConfig({ TELEGRAM_BOT_TOKEN: "nope", ADMIN_TELEGRAM_IDS: "abc", REMINDER_HOUR: "25" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.join("\n");
    expect(text).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(text).toMatch(/ADMIN_TELEGRAM_IDS/);
    expect(text).toMatch(/REMINDER_HOUR/);
  });

  it("takes an empty value as not set (TELEGRAM_WEBHOOK_URL= means long polling, as .env.example says)", () => {
    const r = parseConfig({ TELEGRAM_WEBHOOK_URL: "", TELEGRAM_API_ROOT: " ", REMINDER_HOUR: "", ADMIN_TELEGRAM_IDS: "" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.TELEGRAM_WEBHOOK_URL).toBeUndefined();
    expect(r.config.TELEGRAM_API_ROOT).toBeUndefined();
    expect(r.config.REMINDER_HOUR).toBe(8);
  });

  it("names the variable, the value and the fix, in Vietnamese and English", () => {
    const r = parseConfig({ TELEGRAM_WEBHOOK_URL: "bot.example.gov.vn/hook", TELEGRAM_BOT_TOKEN: "12345", LOG_LEVEL: "verbose" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContain('TELEGRAM_WEBHOOK_URL="bot.example.gov.vn/hook": phải là địa chỉ https://… công khai mà Telegram gọi tới (ví dụ https://bot.example.gov.vn/tg/hook). Để trống hoặc bỏ dòng này để dùng long polling (không cần địa chỉ công khai).');
    expect(r.problemsEn.join("\n")).toMatch(/TELEGRAM_BOT_TOKEN="12345": is not a @BotFather token .* \/mybots/);
    expect(r.problemsEn.join("\n")).toMatch(/LOG_LEVEL="verbose": one of debug, info, warn, error\./);
    expect(r.problems).toHaveLength(3);
  });

  it("npm start with a bad value exits 1 and says what to fix, in Vietnamese then English", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      encoding: "utf8", timeout: 60_000,
      env: { PATH: process.env.PATH, TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQRstuVWXyz012345678", TELEGRAM_WEBHOOK_URL: "bot.example.gov.vn" },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^dondoc: cấu hình trong biến môi trường \(hoặc tệp \.env\) chưa đúng:\n {2}• TELEGRAM_WEBHOOK_URL="bot\.example\.gov\.vn": phải là địa chỉ https/);
    expect(run.stderr).toMatch(/dondoc: the settings in the environment \(or \.env\) are not right:\n {2}• TELEGRAM_WEBHOOK_URL="bot\.example\.gov\.vn": must be the public https/);
  }, 60_000);
});
