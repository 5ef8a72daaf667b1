import { spawnSync } from "node:child_process";
import type { IngestTools } from "./options.js";

let detected: IngestTools | undefined;

/** Finds tesseract (with the "vie" model), pdftoppm and soffice on PATH; cached for the process. */
export function detectTools(): IngestTools {
  detected ??= {
    tesseract: probe("tesseract", ["--list-langs"], (out) => /^vie$/m.test(out)),
    pdftoppm: probe("pdftoppm", ["-v"]),
    soffice: probe("soffice", ["--version"]),
  };
  return detected;
}

function probe(command: string, args: string[], accept: (output: string) => boolean = () => true): string | null {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 15_000 });
  if (result.error || result.status !== 0) return null;
  return accept(`${result.stdout}\n${result.stderr}`) ? command : null;
}
