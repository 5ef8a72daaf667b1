import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { translator } from "../src/i18n.js";

function keys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("locales", () => {
  it("has the same keys in Vietnamese and English for every namespace", () => {
    const vi = readdirSync("locales/vi").sort();
    expect(readdirSync("locales/en").sort()).toEqual(vi);
    for (const file of vi) {
      const a = keys(JSON.parse(readFileSync(`locales/vi/${file}`, "utf8"))).sort();
      const b = keys(JSON.parse(readFileSync(`locales/en/${file}`, "utf8"))).sort();
      expect(b, file).toEqual(a);
    }
  });
  it("translates in both languages without HTML-escaping user text", () => {
    expect(translator("vi")("common:app-description")).toMatch(/đôn đốc/);
    expect(translator("en")("common:app-description")).toMatch(/follows up/);
  });
});
