import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import type { Credentials } from "zca-js";

/**
 * The saved Zalo session (cookie, imei, user agent). Whoever holds this file is logged in as the bot's Zalo account,
 * so it lives outside the repository (default data/, git-ignored), is written with mode 0600 in a 0700 folder, and is
 * replaced atomically (write to a temporary file, then rename) so a crash never leaves half a session.
 */
const cookie = z.record(z.string(), z.unknown());
const credentialsSchema = z.object({
  imei: z.string().min(1),
  userAgent: z.string().min(1),
  language: z.string().optional(),
  // zca-js accepts several cookie shapes (its own Cookie[], tough-cookie's serialised cookies, or {url, cookies}).
  cookie: z.union([z.array(cookie), z.object({ url: z.string(), cookies: z.array(cookie) })]),
});

export class CredentialsFileError extends Error {
  constructor(readonly path: string, reason: string, options?: { cause?: unknown }) {
    super(`Zalo credentials file ${path}: ${reason}`, options);
    this.name = "CredentialsFileError";
  }
}

/** The saved session, or undefined when there is none yet. A file that exists but is not valid is an error. */
export async function readCredentials(path: string): Promise<Credentials | undefined> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new CredentialsFileError(path, "cannot be read", { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CredentialsFileError(path, "is not JSON", { cause: error });
  }
  const parsed = credentialsSchema.safeParse(json);
  if (!parsed.success) throw new CredentialsFileError(path, "has no cookie/imei/userAgent");
  return parsed.data as Credentials;
}

export async function writeCredentials(path: string, credentials: Credentials): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFile is filtered by the umask and ignored for an existing file: set it explicitly.
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}
