/**
 * Reader speed, in process: every fixture dispatch parsed many times over. Prints median and p95 time per dispatch,
 * throughput (dispatches/s, MB/s) and peak RSS. Targets: median ≤ 1 ms, p95 ≤ 5 ms per dispatch, on the whole grown set
 * (the shared and real dispatches, the written ones in extra/ and the synthetic ones).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readDispatch } from "../src/dispatch/reader.js";

const dir = fileURLToPath(new URL("../test/fixtures/dispatches", import.meta.url));

export default async function bench(): Promise<void> {
  const texts = [dir, join(dir, "extra"), join(dir, "real"), join(dir, "synthetic")].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => readFileSync(join(d, f), "utf8")),
  );
  const opts = { refDate: "2024-06-01" };
  for (let i = 0; i < 20; i++) for (const t of texts) readDispatch(t, opts); // warm-up (JIT)

  const rounds = 50;
  const times: number[] = [];
  let bytes = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      readDispatch(t, opts);
      times.push(performance.now() - t0);
      bytes += Buffer.byteLength(t, "utf8");
    }
  }
  const total = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  console.log(`dispatches: ${texts.length} × ${rounds} rounds = ${times.length} parses`);
  console.log(`median ${q(0.5).toFixed(3)} ms (target ≤ 1) · p95 ${q(0.95).toFixed(3)} ms (target ≤ 5) · max ${times[times.length - 1]!.toFixed(3)} ms per dispatch`);
  console.log(`throughput ${(times.length / total).toFixed(0)} dispatches/s · ${(bytes / 1024 / 1024 / total).toFixed(2)} MB/s`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
}
