/**
 * `npm run fuzz`: the long fuzz of the reader. Generated hostile shapes (test/dispatch/hostile-shapes.ts) of up to
 * 2 MB each must read within FUZZ_BUDGET_MS (default 2000) and give schema-valid output. Each finding is written to
 * test/fixtures/fuzz/ (shrunk to the smallest size that still exceeds the budget), where `npm test` replays it.
 * FUZZ_RUNS (default 200), FUZZ_SEED, FUZZ_MAX_BYTES (default 2,000,000) tune it.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { readDispatch } from "../src/dispatch/reader.js";
import { parsedDispatchSchema } from "../src/dispatch/schema.js";
import { shapes } from "../test/dispatch/hostile-shapes.js";

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? 2000);
const maxBytes = Number(process.env.FUZZ_MAX_BYTES ?? 2_000_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const findings = new URL("../test/fixtures/fuzz/", import.meta.url);

function read(text: string): { ms: number; valid: boolean; error?: unknown } {
  const start = performance.now();
  try {
    const out = readDispatch(text, { refDate: "2026-01-01" });
    return { ms: performance.now() - start, valid: parsedDispatchSchema.safeParse(out).success };
  } catch (error) {
    return { ms: performance.now() - start, valid: false, error };
  }
}

function keep(label: string, text: string, why: string): void {
  const name = `${createHash("sha256").update(text).digest("hex").slice(0, 12)}.txt`;
  writeFileSync(new URL(name, findings), text);
  console.log(`FINDING ${name}: ${why} — ${label}`);
}

console.log(`fuzz: ${runs} inputs up to ${maxBytes} characters, budget ${budgetMs} ms each, seed ${seed}`);
const sizes = fc.integer({ min: 10_000, max: maxBytes });
let worst = { ms: 0, label: "" };
let found = 0;
fc.assert(
  fc.property(sizes.chain((size) => shapes(size)), ({ label, text }) => {
    const r = read(text);
    if (r.ms > worst.ms) worst = { ms: r.ms, label: `${label} (${text.length} chars)` };
    if (!r.valid) {
      found++;
      keep(label, text, r.error ? `threw ${String(r.error)}` : "schema-invalid output");
    } else if (r.ms > budgetMs) {
      // Shrink by halving while still over the budget scaled to the size: a quadratic step stays over it.
      let small = text;
      while (small.length > 20_000 && read(small.slice(0, small.length >> 1)).ms > (budgetMs * (small.length >> 1)) / maxBytes) small = small.slice(0, small.length >> 1);
      found++;
      keep(label, small, `${Math.round(r.ms)} ms on ${text.length} characters`);
    }
    return true;
  }),
  { numRuns: runs, seed },
);
console.log(`worst: ${Math.round(worst.ms)} ms on ${worst.label}`);
console.log(found === 0 ? "no findings" : `${found} finding(s) kept in test/fixtures/fuzz/`);
process.exitCode = found === 0 ? 0 : 1;
