import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { run } from "./run.js";

/**
 * Legacy Word .doc → .docx bytes with LibreOffice headless (mammoth cannot read .doc). Each conversion gets its own
 * temporary folder and user profile: two conversions sharing a profile block each other.
 */
export async function docToDocx(soffice: string, bytes: Uint8Array, signal: AbortSignal): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "dondoc-doc-"));
  try {
    const input = join(dir, "input.doc");
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, "profile")).href;
    await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "docx", "--outdir", dir, input], { signal });
    return await readFile(join(dir, "input.docx"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
