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
});
