/** Telegram's limits on one message (UTF-16 code units, which is what String.length counts). */
export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

/**
 * Splits text over Telegram's limit at line breaks (then spaces) so a long report never fails with "message is too
 * long". Text within the limit comes back as one chunk.
 */
export function splitForTelegram(text: string, max = MAX_TEXT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    // Never cut a surrogate pair in half.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? "")) cut--;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  chunks.push(rest);
  return chunks;
}
