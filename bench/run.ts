/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those named on the command line) and prints figures.
 * Each bench module exports `default async function (): Promise<void>` that prints its own results.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

const dir = fileURLToPath(new URL(".", import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

for (const file of files) {
  console.log(`\n== ${file.replace(/\.bench\.ts$/, "")} ==`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<void> };
  await mod.default();
}
console.log(`\npeak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
