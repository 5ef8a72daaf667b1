/**
 * How Telegram apps send a pasted text over the limit: several messages of at most `max` characters, each cut at the
 * last line break (or, failing that, the last space) before the limit.
 */
export function splitLikeTelegram(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim()) parts.push(rest);
  return parts;
}
