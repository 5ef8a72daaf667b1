import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { parsedDispatchSchema } from "../../src/dispatch/schema.js";
import { numberedItems, shapes } from "./hostile-shapes.js";

const opts = { refDate: "2026-01-01" };
const FUZZ_FINDINGS = new URL("../fixtures/fuzz/", import.meta.url);

/**
 * Each input is 400 KB: a linear reader reads it in well under a second even on a loaded machine, a quadratic step
 * (the shapes below took 13–34 s at 80–640 KB before issue 10) takes tens of seconds. The budget is a tripwire for
 * "not linear", not a speed figure (those are in `npm run bench`).
 */
const SIZE = 400_000;
const BUDGET_MS = 8_000;

function timedRead(text: string): { ms: number; out: ReturnType<typeof readDispatch> } {
  const start = performance.now();
  const out = readDispatch(text, opts);
  return { ms: performance.now() - start, out };
}

describe("reader on hostile shapes", () => {
  it("reads every generated shape within the time budget, with schema-valid output", () => {
    fc.assert(
      fc.property(shapes(SIZE), ({ label, text }) => {
        const { ms, out } = timedRead(text);
        expect(ms, `${label}: ${Math.round(ms)} ms`).toBeLessThan(BUDGET_MS);
        expect(parsedDispatchSchema.safeParse(out).success, label).toBe(true);
      }),
      { numRuns: 12, seed: Number(process.env.FUZZ_SEED ?? 10) },
    );
  }, 180_000);

  it("reads the shapes of issue 10 within the time budget", () => {
    for (const text of [
      `1. Sở Y tế chủ trì, ${"phối hợp với ".repeat(16_000)}`,
      "dòng chữ thường\n".repeat(40_000),
      Array.from({ length: 10_000 }, (_, i) => `| ${i + 1} | Sở Y tế chủ trì triển khai | Sở Tài chính | 30/11/2026 |`).join("\n"),
    ]) {
      const { ms } = timedRead(text);
      expect(ms, `${JSON.stringify(text.slice(0, 40))}…: ${Math.round(ms)} ms`).toBeLessThan(BUDGET_MS);
    }
  }, 120_000);

  it("replays the long fuzz's findings (test/fixtures/fuzz) within the time budget", () => {
    const files = readdirSync(FUZZ_FINDINGS).filter((f) => f.endsWith(".txt"));
    for (const file of files) {
      const { ms, out } = timedRead(readFileSync(new URL(file, FUZZ_FINDINGS), "utf8"));
      expect(ms, `${file}: ${Math.round(ms)} ms`).toBeLessThan(BUDGET_MS);
      expect(parsedDispatchSchema.safeParse(out).success, file).toBe(true);
    }
  }, 120_000);
});

describe("item numbers", () => {
  it("reads items 100 and beyond as their own tasks (markers were limited to two digits)", () => {
    const out = readDispatch(numberedItems(150), opts);
    expect(out.tasks.map((t) => t.ref)).toEqual(Array.from({ length: 150 }, (_, i) => String(i + 1)));
    expect(out.tasks[99]!.text).toContain("nội dung thứ 100.");
    expect(out.tasks[98]!.text).not.toContain("100");
  });
});
