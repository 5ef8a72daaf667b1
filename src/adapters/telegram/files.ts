import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Telegram } from "telegraf";

/**
 * Downloads a file a person sent. The cloud Bot API serves files up to 20 MB over HTTP; a self-hosted server in
 * --local mode answers with an absolute path on its disk, which telegraf turns into a file: URL.
 */
export async function downloadFile(telegram: Telegram, fileId: string): Promise<Uint8Array> {
  const link = await telegram.getFileLink(fileId);
  if (link.protocol === "file:") return new Uint8Array(await readFile(fileURLToPath(link)));
  const res = await fetch(link);
  if (!res.ok) throw new Error(`Telegram file download failed: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
